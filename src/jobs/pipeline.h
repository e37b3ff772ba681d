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
#include "jobs/analysis.h"
#include "store/store.h"

/* Account errors of reference §6.4, parallel to analysis.acc. */
struct pipeline_verdict {
    const char *error_code;           /* static; NULL when the account is fine */
    char error_message[512];
};

struct pipeline_ctx {
    const struct ingest_env *env;
    struct session s;
    struct analysis an;               /* accounts, statements and their insights */
    struct pipeline_verdict *verdicts;
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
