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

/* ingest_record_failure, also giving the failed statement's id and its
 * account's (when not NULL; left alone on failure). */
int ingest_record_failure_ids(const struct ingest_env *env, const struct session *s, const struct ingest_candidate *c,
                              const char *code, const char *message, char stmt_id[PB_UUID_BUF],
                              char account_id[PB_UUID_BUF]);

/* A PDF of several accounts (other_accounts.c): every account of all but
 * `admitted` (the one ingest_statement admitted with the file's pin, whose
 * upload answer is result) admitted as a statement of its own account, or
 * recorded failed with its code (an account without rows:
 * STATEMENT_NO_TRANSACTIONS; OUT_OF_DATE_RANGE, ...); a duplicate of one
 * the session holds is only reported. Adds result's "accounts": one entry
 * per account of the document, in its order. */
void ingest_other_accounts(const struct ingest_env *env, const struct session *s, const struct ingest_candidate *first,
                           const struct statement_list *all, size_t admitted, json_t *result);

/* The identity block of the upload response / identity/ endpoint from a
 * stored statement (new reference). */
json_t *ingest_identity_json(const struct statement_rec *rec, const char *account_id);

#endif
