#include "core/job.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/entity.h"

static const char *const NAMES[JOB_KIND_COUNT] = {
    [JOB_PROCESS_SESSION] = "process_session",
    [JOB_PROCESS_ENTITY] = ENTITY_JOB_KIND,
    [JOB_AA_FETCH] = "aa_fetch",
};

const char *job_kind_name(enum job_kind k)
{
    return k >= 0 && k < JOB_KIND_COUNT ? NAMES[k] : NULL;
}

enum job_kind job_kind_parse(const char *name)
{
    for (int k = 0; name && k < JOB_KIND_COUNT; k++)
        if (!strcmp(NAMES[k], name))
            return (enum job_kind)k;
    return JOB_KIND_UNKNOWN;
}

static int spec(struct job_spec *j, enum job_kind kind, const char *session_id, int64_t now)
{
    memset(j, 0, sizeof *j);
    j->kind = kind;
    snprintf(j->session_id, sizeof j->session_id, "%s", session_id);
    j->max_attempts = JOB_DEFAULT_ATTEMPTS;
    j->run_after = now;
    return 0;
}

int job_spec_process_session(struct job_spec *j, const char *session_id, const char *org_id, int64_t now)
{
    spec(j, JOB_PROCESS_SESSION, session_id, now);
    snprintf(j->dedupe_key, sizeof j->dedupe_key, "%s:%s", NAMES[JOB_PROCESS_SESSION], session_id);
    if (asprintf(&j->payload, "{\"session_id\":\"%s\",\"org_id\":\"%s\"}", session_id, org_id) < 0) {
        j->payload = NULL;
        return -1;
    }
    return 0;
}

int job_spec_process_entity(struct job_spec *j, const char *entity_id, const char *org_id, const char *session_id,
                            const char *statement_id, int64_t now)
{
    spec(j, JOB_PROCESS_ENTITY, session_id, now);
    entity_job_key(statement_id, j->dedupe_key, sizeof j->dedupe_key);
    if (asprintf(&j->payload, "{\"entity_id\":\"%s\",\"org_id\":\"%s\",\"session_id\":\"%s\",\"statement_id\":\"%s\"}",
                 entity_id, org_id, session_id, statement_id) < 0) {
        j->payload = NULL;
        return -1;
    }
    return 0;
}

void job_spec_clear(struct job_spec *j)
{
    free(j->payload);
    j->payload = NULL;
}
