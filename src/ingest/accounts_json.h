/* The per-account arrays the session endpoints and webhooks share, each
 * built in one place from the store:
 *   upload_state_load       session_upload_status/, the completion / expiry
 *                           webhooks and the hosted page (reference §2.4, §4.1a)
 *   session_status_accounts session_status/ (§2.7)
 *   enrichment_accounts     the ENRICHMENT_NOTIFICATION webhook (§4.1b)
 *   progress_entries        progress/ (§2.6)
 * Each returns a new reference, or NULL on a store error. */
#ifndef PB_INGEST_ACCOUNTS_JSON_H
#define PB_INGEST_ACCOUNTS_JSON_H

#include <jansson.h>
#include <stdbool.h>

#include "core/org.h"
#include "core/session.h"
#include "store/store.h"

/* The session's uploads judged by the one acceptance rule (coverage.h)
 * under the organisation's criterion: what session_upload_status/, the
 * completion and expiry webhooks and the hosted page all report. */
struct upload_state {
    json_t *accounts;                      /* the accounts array of §2.4 / §4.1a, owned */
    size_t naccounts;
    bool accepted;                         /* there is an account and every account meets it */
    pb_month missing[SESSION_MAX_MONTHS];  /* expected months some account does not cover */
    int nmissing;
};
/* Returns 0, or -1 on a store error. Clear u with upload_state_clear. */
int upload_state_load(struct store *st, const struct session *s, struct upload_state *u);
void upload_state_clear(struct upload_state *u);
json_t *session_status_accounts(struct store *st, const struct session *s);
json_t *enrichment_accounts(struct store *st, const struct session *s);
json_t *progress_entries(struct store *st, const struct session *s);

/* Whose accounts these are (enrich/holders.h), from the holder name of each
 * account's latest statement and the session's metadata.names: the same
 * inputs and function as the insights document. Returns {"count", "names",
 * "mismatch"} and, when name_matches is not NULL, sets it to
 * {account_id: metadata_analysis.name_matches}; NULL on a store error. */
json_t *session_holders_json(struct store *st, const struct session *s, json_t **name_matches);

#endif
