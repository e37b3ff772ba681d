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

/* The identity block of the upload response / identity/ endpoint from a
 * stored statement (new reference). */
json_t *ingest_identity_json(const struct statement_rec *rec, const char *account_id);

#endif
