/* Whose accounts these are: a session's accounts grouped by holder name
 * (names that match either way, classify_name_matches), checked against
 * the names the lender gave (metadata.names). The insights document, the
 * identity/ endpoint and the webhooks all ask holders_group() with the same
 * inputs, so they agree. Pure. */
#ifndef PB_ENRICH_HOLDERS_H
#define PB_ENRICH_HOLDERS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#define HOLDERS_MAX 64

struct holders {
    size_t n;                    /* distinct holders */
    const char *name[HOLDERS_MAX];  /* each holder's name as its first account prints it (borrowed) */
    size_t nacc;                 /* accounts */
    int of[HOLDERS_MAX];         /* holder index of each account; -1 when it prints no name */
    bool matches_meta[HOLDERS_MAX]; /* the holder matches a metadata name */
    bool mismatch;               /* more than one holder, or one the lender did not name */
    int primary;                 /* the holder aggregates sum: the lender's customer
                                    (first holder matching metadata.names), else the holder
                                    with most accounts (ties: the earlier); -1 when none */
};

/* names[i]: account i's holder name (NULL when not printed), at most
 * HOLDERS_MAX accounts; meta: metadata.names (may be empty). */
void holders_group(const char *const *names, size_t n, const char *const *meta, size_t nmeta,
                   struct holders *out);
/* {"count": N, "names": [...], "mismatch": bool}. New reference. */
json_t *holders_json(const struct holders *h);
/* metadata_analysis.name_matches of account i: one entry per metadata name
 * ({"name", "source": "metadata", "matched"}) and per other account
 * ({"name", "source": "account", "account_id", "matched"}). account_ids
 * parallel to names (entries may be NULL). New reference. */
json_t *holders_name_matches(const struct holders *h, size_t i, const char *const *names,
                             const char *const *account_ids, const char *const *meta, size_t nmeta);

#endif
