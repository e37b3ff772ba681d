/* Between the extracted statement (core/statement.h) and the stored
 * records (store/store.h): building the records of an upload, the upload
 * response, and loading a stored statement back for processing. */
#ifndef PB_INGEST_RECORDS_H
#define PB_INGEST_RECORDS_H

#include <jansson.h>

#include "core/session.h"
#include "core/statement.h"
#include "ingest/ingest.h"
#include "store/store.h"

struct ingest_records {
    struct account_rec account;
    struct statement_rec stmt;
    struct txn_rec *txns;
    size_t ntxns;
};

/* Fills r from c (borrowed; r copies what it keeps). Returns 0 / -1. */
int ingest_records_build(const struct session *s, const struct ingest_candidate *c, struct ingest_records *r);
void ingest_records_free(struct ingest_records *r);

/* The upload response (new reference, NULL when out of memory). */
json_t *ingest_response(struct store *store, const struct session *s, const struct statement *st,
                        const struct ingest_records *r, bool want_progress);

/* Rebuilds the statement of a stored record with its transactions: what
 * enrichment, fraud checks and insights read. out is freed with
 * statement_free. Returns a store_rc. */
int ingest_load_statement(struct store *store, const struct statement_rec *rec, struct statement *out);

/* Another account of an uploaded file (a combined statement: savings with
 * a loan or deposit), committed in the same store transaction as the
 * upload's own statement: all of them or none. */
struct ingest_other {
    struct ingest_candidate c;   /* its statement, its own content key, no pin */
    /* in: a code already (the reading's error_code), or none; out: why it
     * is not admitted: recorded failed with that code, or not recorded at
     * all (STATEMENT_DUPLICATE: the session holds it; INTERNAL_ERROR);
     * code NULL when admitted */
    struct api_error err;
    char stmt_id[PB_UUID_BUF], account_id[PB_UUID_BUF]; /* out: "" when nothing was recorded */
};

/* ingest_admit of c (whose errors are the answer's) together with
 * others[0..n): each other one that passes steps 4-5 admitted, one that
 * does not recorded failed with its code (an account without rows:
 * STATEMENT_NO_TRANSACTIONS; OUT_OF_DATE_RANGE, ...), one that repeats
 * something of the session left out; all written in one store
 * transaction. */
int ingest_admit_all(const struct ingest_env *env, const struct session *s, const struct ingest_candidate *c,
                     struct ingest_other *others, size_t n, json_t **result, char stmt_id[PB_UUID_BUF],
                     struct api_error *err);

/* A PDF of several accounts (other_accounts.c): ingest_admit_all of the
 * account `first` of all (c, with the file's pin) and every other account,
 * each with a content key of its own (the file's digest and its place in
 * the file). Adds the answer's "accounts": one entry per account of the
 * document, in its order. Returns as ingest_admit. */
int ingest_admit_accounts(const struct ingest_env *env, const struct session *s, const struct ingest_candidate *c,
                          const struct statement_list *all, size_t first, json_t **result,
                          char stmt_id[PB_UUID_BUF], struct api_error *err);

/* The identity block of the upload response / identity/ endpoint from a
 * stored statement (new reference). */
json_t *ingest_identity_json(const struct statement_rec *rec, const char *account_id);

#endif
