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
    const char *error_code;           /* static or the failed statement's; NULL when the account is fine */
    char error_message[512];
    bool undelivered;                 /* no statement of the account was accepted (an AA failure) */
};

struct pipeline_ctx {
    const struct ingest_env *env;
    struct entity entity;             /* the entity flow: its entity (id "" otherwise) */
    const char *statement_id;         /* the entity flow: the upload that queued the job */
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

/* The entity flow's analysis (core/entity.h), queued by each upload:
 * ENTITY_PIPELINE_STEPS over the entity's session, narrowed to the period
 * its statements cover, ending with the entity webhook of the statement
 * named in the payload ({"entity_id", "org_id", "session_id",
 * "statement_id"}). The session stays open for more uploads. Returns 0,
 * or -1 to retry. */
extern const struct pipeline_step ENTITY_PIPELINE_STEPS[];
extern const size_t ENTITY_PIPELINE_NSTEPS;
int pipeline_run_entity(const struct ingest_env *env, const char *payload);
/* The job gave up after its last attempt: the entity webhook says
 * "failed" (the job's state, failed, is the statement's progress). */
void pipeline_entity_failed(const struct ingest_env *env, const char *payload);

#endif
