/* Background jobs as their owners queue them (issue 15: job specs are
 * built above the store, which only persists them). A kind is an enum
 * here and its name is the text in the jobs table; a spec carries what a
 * job row holds: kind, JSON payload, session, dedupe key, attempts and
 * when it may first run. The runner (jobs/runner.c) maps kinds to work. */
#ifndef PB_CORE_JOB_H
#define PB_CORE_JOB_H

#include <stdbool.h>
#include <stdint.h>

enum job_kind {
    JOB_PROCESS_SESSION,   /* initiate_processing/: the session pipeline (jobs/pipeline.h) */
    JOB_PROCESS_ENTITY,    /* an entity's upload: the entity pipeline (core/entity.h) */
    JOB_AA_FETCH,          /* an Account Aggregator consent's data fetch (src/aa/fetch.c) */
    JOB_KIND_COUNT,
    JOB_KIND_UNKNOWN = -1, /* a row of a kind this binary does not know (a newer node's) */
};

#define JOB_DEFAULT_ATTEMPTS 5

struct job_spec {
    enum job_kind kind;
    char *payload;                 /* JSON text, malloc'd (job_spec_clear) */
    char session_id[37];
    char dedupe_key[128];          /* "" = none: a second queueing is a second job */
    int max_attempts;
    int64_t run_after;             /* unix seconds */
};

/* The kind's name as stored ("process_session", ...); NULL for none. */
const char *job_kind_name(enum job_kind k);
/* JOB_KIND_UNKNOWN for a name this binary does not know. */
enum job_kind job_kind_parse(const char *name);

/* The job of initiate_processing/: one per session (its dedupe key). 0, or
 * -1 on out of memory. */
int job_spec_process_session(struct job_spec *j, const char *session_id, const char *org_id, int64_t now);
/* The analysis after an entity's upload: one per statement. */
int job_spec_process_entity(struct job_spec *j, const char *entity_id, const char *org_id, const char *session_id,
                            const char *statement_id, int64_t now);
void job_spec_clear(struct job_spec *j);

#endif
