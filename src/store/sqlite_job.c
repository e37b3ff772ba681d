/* The SQLite store's job queue: insert, claim with a lease, finish,
 * release, and its readers (the entity flow's states, /metrics counts). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sqlite_internal.h"

struct claim_arg {
    const char *owner;
    int64_t now;
    int lease_s;
    struct job_rec *out;
    bool *found;
};

/* Prepared once per connection (sq_stmt): workers poll it several times a second. */
static const char SQL_JOB_CLAIM[] =
    "UPDATE jobs SET state = 'running', locked_until = ?2 + ?3, locked_by = ?1, "
    "attempts = attempts + 1, updated_at = ?2 WHERE id = (SELECT id FROM jobs WHERE "
    "(state = 'queued' AND run_after <= ?2) OR (state = 'running' AND locked_until < ?2) "
    "ORDER BY id LIMIT 1) RETURNING id, kind, payload, session_id, attempts, created_at, max_attempts";

/* One statement, atomic by itself: no savepoint. */
static int apply_job_claim(struct sq_conn *c, const void *arg)
{
    const struct claim_arg *a = arg;
    sqlite3_stmt *q = sq_stmt(c, SQL_JOB_CLAIM);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, a->owner);
    sqlite3_bind_int64(q, 2, a->now);
    sqlite3_bind_int(q, 3, a->lease_s);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        memset(a->out, 0, sizeof *a->out);
        a->out->id = sqlite3_column_int64(q, 0);
        a->out->kind = job_kind_parse((const char *)sqlite3_column_text(q, 1));
        a->out->payload = sq_col_dup(q, 2);
        a->out->session_id = sq_col_dup(q, 3);
        a->out->attempts = sqlite3_column_int(q, 4);
        a->out->queued_at = sqlite3_column_int64(q, 5);
        a->out->max_attempts = sqlite3_column_int(q, 6);
        *a->found = true;
        rc = sqlite3_step(q);
    }
    sqlite3_reset(q);
    return rc == SQLITE_DONE ? STORE_OK : STORE_ERROR;
}

int sq_job_claim(struct store *st, const char *owner, int64_t now, int lease_s, struct job_rec *out)
{
    bool found = false;
    struct claim_arg a = {owner, now, lease_s, out, &found};
    int rc = sq_write_conn(st, apply_job_claim, &a);
    if (rc == STORE_OK && !found)
        return STORE_NOT_FOUND;
    if (rc != STORE_OK && found)
        job_rec_clear(out);
    return rc;
}

struct job_finish_arg {
    int64_t id;
    bool ok;
    const char *error;
    int64_t retry_at, now;
};

static int apply_job_finish(sqlite3 *db, void *arg)
{
    struct job_finish_arg *a = arg;
    sqlite3_stmt *q = sq_prep(
        db, a->ok ? "UPDATE jobs SET state = 'done', locked_until = NULL, last_error = NULL, "
                    "updated_at = ?4 WHERE id = ?1"
                  : "UPDATE jobs SET state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE "
                    "'queued' END, run_after = ?3, locked_until = NULL, last_error = ?2, updated_at = ?4 "
                    "WHERE id = ?1");
    if (!q)
        return STORE_ERROR;
    sqlite3_bind_int64(q, 1, a->id);
    if (!a->ok) {
        sq_bind_text(q, 2, a->error);
        sqlite3_bind_int64(q, 3, a->retry_at);
    }
    sqlite3_bind_int64(q, 4, a->now);
    return sq_run_final(db, q, "job_finish");
}

int sq_job_finish(struct store *st, int64_t job_id, bool ok, const char *error, int64_t retry_at,
                  int64_t now)
{
    struct job_finish_arg a = {job_id, ok, error, retry_at, now};
    return sq_write_op(st, apply_job_finish, &a);
}

static int apply_job_release(sqlite3 *db, void *arg)
{
    sqlite3_stmt *q = sq_prep(db, "UPDATE jobs SET locked_until = 0 WHERE state = 'running' AND "
                               "substr(locked_by, 1, length(?1)) = ?1");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, arg);
    return sq_run_final(db, q, "job_release");
}

int sq_job_release(struct store *st, const char *owner_prefix)
{
    return sq_write_op(st, apply_job_release, (void *)owner_prefix);
}

struct job_renew_arg {
    int64_t id;
    const char *owner;
    int64_t until;
};

static int apply_job_renew(sqlite3 *db, void *arg)
{
    struct job_renew_arg *a = arg;
    sqlite3_stmt *q = sq_prep(db, "UPDATE jobs SET locked_until = ?3 WHERE id = ?1 AND state = 'running' "
                                  "AND locked_by = ?2");
    if (!q)
        return STORE_ERROR;
    sqlite3_bind_int64(q, 1, a->id);
    sq_bind_text(q, 2, a->owner);
    sqlite3_bind_int64(q, 3, a->until);
    return sq_changed(db, sq_run_final(db, q, "job_renew"));
}

int sq_job_renew(struct store *st, int64_t job_id, const char *owner, int64_t locked_until)
{
    struct job_renew_arg a = {job_id, owner, locked_until};
    return sq_write_op(st, apply_job_renew, &a);
}

int sq_job_insert_in(sqlite3 *db, const struct job_spec *job, int64_t now, bool repeat_ok)
{
    sqlite3_stmt *q = sq_prep(db, repeat_ok ? "INSERT INTO jobs(kind, payload, session_id, run_after, dedupe_key, "
                                              "max_attempts, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                                              "?7, ?7) ON CONFLICT(dedupe_key) DO NOTHING"
                                            : "INSERT INTO jobs(kind, payload, session_id, run_after, dedupe_key, "
                                              "max_attempts, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                                              "?7, ?7)");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, job_kind_name(job->kind));
    sq_bind_text(q, 2, job->payload);
    sq_bind_nonempty(q, 3, job->session_id);
    sqlite3_bind_int64(q, 4, job->run_after);
    sq_bind_nonempty(q, 5, job->dedupe_key);
    sqlite3_bind_int(q, 6, job->max_attempts > 0 ? job->max_attempts : JOB_DEFAULT_ATTEMPTS);
    sqlite3_bind_int64(q, 7, now);
    return sq_run_final(db, q, "job_insert");
}

struct job_insert_arg {
    const struct job_spec *job;
    int64_t now;
};

static int apply_job_insert(sqlite3 *db, void *arg)
{
    const struct job_insert_arg *a = arg;
    return sq_job_insert_in(db, a->job, a->now, false);
}

int sq_job_insert(struct store *st, const struct job_spec *job, int64_t now)
{
    struct job_insert_arg a = {job, now};
    return sq_write_op(st, apply_job_insert, &a);
}

static void job_state_from_row(sqlite3_stmt *q, void *p)
{
    struct job_state *j = p;
    memset(j, 0, sizeof *j);
    sq_col_copy(q, 0, j->dedupe_key, sizeof j->dedupe_key);
    sq_col_copy(q, 1, j->state, sizeof j->state);
    j->updated_at = sqlite3_column_int64(q, 2);
}

int sq_job_states(struct store *st, const char *session_id, enum job_kind kind, struct job_state **out,
                  size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *q = sq_read_prep(st, "SELECT dedupe_key, state, updated_at FROM jobs "
                                       "WHERE session_id = ?1 AND kind = ?2 ORDER BY id");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, session_id);
    sq_bind_text(q, 2, job_kind_name(kind));
    int rc = sq_collect(q, sizeof **out, job_state_from_row, (void **)out, n);
    sqlite3_finalize(q);
    return rc;
}

int sq_job_counts(struct store *st, int64_t *queued, int64_t *running, int64_t *failed)
{
    *queued = *running = *failed = 0;
    sqlite3_stmt *q = sq_read_prep(st, "SELECT state, count(*) FROM jobs WHERE state IN ('queued', 'running', "
                                       "'failed') GROUP BY state");
    if (!q)
        return STORE_ERROR;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *state = (const char *)sqlite3_column_text(q, 0);
        int64_t n = sqlite3_column_int64(q, 1);
        if (!strcmp(state, "queued"))
            *queued = n;
        else if (!strcmp(state, "running"))
            *running = n;
        else
            *failed = n;
    }
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? STORE_OK : STORE_ERROR;
}
