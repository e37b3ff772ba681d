/* The PostgreSQL store's job queue. Any node's worker claims the oldest
 * runnable job with FOR UPDATE SKIP LOCKED: workers of every node take
 * different jobs without waiting on each other, and a job whose lease ran
 * out (its node died) is runnable again. */
#include <string.h>

#include "store/pg_family.h"

int pg_job_claim(struct store *st, const char *owner, int64_t now, int lease_s, struct job_rec *out)
{
    struct pg_params p = {0};
    pgp_text(&p, owner);
    pgp_int(&p, now);
    pgp_int(&p, lease_s);
    PGresult *r;
    int rc = pg_exec1((struct pg_store *)st,
                      "UPDATE jobs SET state = 'running', locked_until = $2::bigint + $3::bigint, locked_by = $1, "
                      "attempts = attempts + 1, updated_at = $2 WHERE id = (SELECT id FROM jobs WHERE "
                      "(state = 'queued' AND run_after <= $2) OR (state = 'running' AND locked_until < $2) "
                      "ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) "
                      "RETURNING id, kind, payload, session_id, attempts, created_at, max_attempts",
                      &p, "job_claim", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    if (PQntuples(r) == 0) {
        PQclear(r);
        return STORE_NOT_FOUND;
    }
    memset(out, 0, sizeof *out);
    out->id = pgr_int(r, 0, 0);
    out->kind = job_kind_parse(PQgetvalue(r, 0, 1));
    out->payload = pgr_dup(r, 0, 2);
    out->session_id = pgr_dup(r, 0, 3);
    out->attempts = (int)pgr_int(r, 0, 4);
    out->queued_at = pgr_int(r, 0, 5);
    out->max_attempts = (int)pgr_int(r, 0, 6);
    PQclear(r);
    return STORE_OK;
}

int pg_job_finish(struct store *st, int64_t job_id, bool ok, const char *error, int64_t retry_at, int64_t now)
{
    struct pg_params p = {0};
    pgp_int(&p, job_id);
    pgp_int(&p, now);
    if (ok)
        return pg_exec1((struct pg_store *)st,
                        "UPDATE jobs SET state = 'done', locked_until = NULL, last_error = NULL, updated_at = $2 "
                        "WHERE id = $1",
                        &p, "job_finish", NULL, NULL);
    pgp_text(&p, error);
    pgp_int(&p, retry_at);
    return pg_exec1((struct pg_store *)st,
                    "UPDATE jobs SET state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END, "
                    "run_after = $4, locked_until = NULL, last_error = $3, updated_at = $2 WHERE id = $1",
                    &p, "job_finish", NULL, NULL);
}

int pg_job_release(struct store *st, const char *owner_prefix)
{
    struct pg_params p = {0};
    pgp_text(&p, owner_prefix);
    return pg_exec1((struct pg_store *)st,
                    "UPDATE jobs SET locked_until = 0 WHERE state = 'running' "
                    "AND left(locked_by, length($1::text)) = $1::text",
                    &p, "job_release", NULL, NULL);
}

int pg_job_renew(struct store *st, int64_t job_id, const char *owner, int64_t locked_until)
{
    struct pg_params p = {0};
    pgp_int(&p, job_id);
    pgp_text(&p, owner);
    pgp_int(&p, locked_until);
    int64_t changed = 0;
    int rc = pg_exec1((struct pg_store *)st,
                      "UPDATE jobs SET locked_until = $3 WHERE id = $1 AND state = 'running' AND locked_by = $2",
                      &p, "job_renew", NULL, &changed);
    return rc == STORE_OK && changed == 0 ? STORE_NOT_FOUND : rc;
}
