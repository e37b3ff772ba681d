/* Processing of a session after initiate_processing/: an ordered list of
 * steps (PIPELINE_STEPS in pipeline.c; adding a step is one line there).
 * Each step reads what earlier steps left in the context and writes its
 * results to the store. Steps are idempotent: a job interrupted anywhere
 * runs again from the first step and overwrites the same rows. */
#ifndef PB_JOBS_PIPELINE_H
#define PB_JOBS_PIPELINE_H

#include <stddef.h>

#include "core/session.h"
#include "core/statement.h"
#include "ingest/ingest.h"
#include "store/store.h"

/* One account of the session while it is processed. */
struct pipeline_account {
    struct account_rec rec;
    struct statement *stmts;          /* loaded with their transactions */
    const struct statement_rec **recs; /* parallel to stmts */
    size_t nstmts;
    const char *error_code;           /* static; NULL when the account is fine */
    char error_message[256];
};

struct pipeline_ctx {
    const struct ingest_env *env;
    struct session s;
    struct statement_rec *stmts;      /* every statement of the session */
    size_t nstmts;
    struct pipeline_account *accounts;
    size_t naccounts;
    int64_t now;
};

struct pipeline_step {
    const char *name;
    /* 0 to go on; -1 to stop (the job is retried later). */
    int (*run)(struct pipeline_ctx *ctx);
};

extern const struct pipeline_step PIPELINE_STEPS[];
extern const size_t PIPELINE_NSTEPS;

/* Runs every step for the session named in a process_session job's JSON
 * payload ({"session_id", "org_id"}). Returns 0, or -1 to retry. */
int pipeline_run(const struct ingest_env *env, const char *payload);

#endif
