/* A session's statements loaded back from the store and analysed with the
 * enrichment/fraud/insights library: what the processing pipeline stores
 * and what the insights endpoints and the XLSX report are built from.
 * Nothing here talks HTTP; the library itself is pure. */
#ifndef PB_JOBS_ANALYSIS_H
#define PB_JOBS_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/session.h"
#include "insights/insights.h"
#include "store/store.h"

#define ANALYSIS_META_MAX 32

struct analysis_account {
    struct account_rec rec;
    struct statement *stmts;            /* loaded with their rows */
    const struct statement_rec **recs;  /* parallel to stmts */
    const struct statement **sp;
    const char **ids;
    size_t nstmts;
    const char *names[ANALYSIS_META_MAX], *employers[ANALYSIS_META_MAX], *companies[ANALYSIS_META_MAX];
    struct account_view view;           /* borrowed by ai */
    struct account_insights ai;
    bool built;
};

struct analysis {
    struct statement_rec *stmts;        /* every statement of the session */
    size_t nstmts;
    struct analysis_account *acc;
    size_t n;
    const struct account_insights **ai; /* the built accounts, for the JSON builders */
    size_t nai;
    struct session_insights si;         /* holders and the aggregate, over ai */
    bool si_built;
};

/* Loads every account of session s (borrowed; must outlive a) with its
 * statements and rows. Returns a store_rc; free with analysis_free either way. */
int analysis_load(struct store *st, const struct session *s, struct analysis *a);
/* Builds the insights of every loaded account with a statement (an
 * account whose every statement failed, e.g. an AA consent rejected, is
 * left unbuilt). Returns 0, or -1 (logged). */
int analysis_build(struct analysis *a);
void analysis_free(struct analysis *a);

#endif
