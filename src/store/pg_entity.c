/* The PostgreSQL store's entity flow (core/entity.h), the job queue as
 * the entity flow and /metrics read it, and a lender's session listing:
 * the twins of sqlite_entity.c and sq_session_list. */
#include <stdlib.h>
#include <string.h>

#include "store/pg_family.h"

#define ENTITY_COLS "id, org_id, session_id, link_id, meta_data, is_single_account, created_at"
#define ENTITY_WHERE " FROM entities WHERE org_id = $1 AND ($2::text IS NULL OR link_id = $2::text)"

struct entity_insert_arg {
    const struct entity *e;
    const struct session *s;
};

static int apply_entity_insert(struct pg_conn *c, void *arg)
{
    const struct entity_insert_arg *a = arg;
    int rc = pg_session_insert_run(c, a->s);
    if (rc != STORE_OK)
        return rc;
    struct pg_params p = {0};
    pgp_text(&p, a->e->id);
    pgp_text(&p, a->e->org_id);
    pgp_text(&p, a->e->session_id);
    pgp_text(&p, a->e->link_id);
    pgp_text(&p, a->e->meta_data);
    pgp_int(&p, a->e->is_single_account);
    pgp_int(&p, a->e->created_at);
    return pg_exec(c, "INSERT INTO entities(" ENTITY_COLS ") VALUES ($1, $2, $3, $4, $5, $6, $7)", &p,
                   "entity_insert", NULL, NULL);
}

int pg_entity_insert(struct store *st, const struct entity *e, const struct session *s)
{
    struct entity_insert_arg a = {e, s};
    return pg_write((struct pg_store *)st, apply_entity_insert, &a);
}

static void entity_from_row(const PGresult *r, int i, void *out)
{
    struct entity *e = out;
    memset(e, 0, sizeof *e);
    pgr_copy(r, i, 0, e->id, sizeof e->id);
    pgr_copy(r, i, 1, e->org_id, sizeof e->org_id);
    pgr_copy(r, i, 2, e->session_id, sizeof e->session_id);
    e->link_id = pgr_dup(r, i, 3);
    e->meta_data = pgr_dup(r, i, 4);
    e->is_single_account = pgr_int(r, i, 5) != 0;
    e->created_at = pgr_int(r, i, 6);
}

int pg_entity_get(struct store *st, const char *id, const char *org_id, struct entity *out)
{
    struct pg_params p = {0};
    pgp_text(&p, id);
    pgp_text(&p, org_id);
    return pg_get_row((struct pg_store *)st, "SELECT " ENTITY_COLS " FROM entities WHERE id = $1 AND org_id = $2",
                      &p, "entity_get", entity_from_row, out);
}

/* Runs count_sql (one row, one number) into *total, then list_sql's rows
 * through from_row, both with p (list_sql adds limit and offset). */
static int count_and_list(struct pg_store *s, const char *count_sql, const char *list_sql, struct pg_params *p,
                          size_t offset, size_t limit, size_t sz,
                          void (*from_row)(const PGresult *r, int row, void *out), void **out, size_t *n,
                          size_t *total, const char *what)
{
    *out = NULL;
    *n = *total = 0;
    PGresult *r;
    int rc = pg_exec1(s, count_sql, p, what, &r, NULL);
    if (rc != STORE_OK)
        return rc;
    *total = (size_t)pgr_int(r, 0, 0);
    PQclear(r);
    pgp_int(p, (int64_t)limit);
    pgp_int(p, (int64_t)offset);
    if ((rc = pg_exec1(s, list_sql, p, what, &r, NULL)) != STORE_OK)
        return rc;
    rc = pg_collect(r, sz, from_row, out, n);
    PQclear(r);
    return rc;
}

int pg_entity_list(struct store *st, const char *org_id, const char *link_id, size_t offset, size_t limit,
                   struct entity **out, size_t *n, size_t *total)
{
    struct pg_params p = {0};
    pgp_text(&p, org_id);
    pgp_text(&p, link_id);
    return count_and_list((struct pg_store *)st, "SELECT count(*)" ENTITY_WHERE,
                          "SELECT " ENTITY_COLS ENTITY_WHERE " ORDER BY created_at, seq LIMIT $3 OFFSET $4", &p,
                          offset, limit, sizeof **out, entity_from_row, (void **)out, n, total, "entity_list");
}

int pg_job_insert_in(struct pg_conn *c, const struct job_spec *job, int64_t now, bool repeat_ok)
{
    struct pg_params p = {0};
    pgp_text(&p, job_kind_name(job->kind));
    pgp_text(&p, job->payload);
    pgp_nonempty(&p, job->session_id);
    pgp_int(&p, job->run_after);
    pgp_nonempty(&p, job->dedupe_key);
    pgp_int(&p, job->max_attempts > 0 ? job->max_attempts : JOB_DEFAULT_ATTEMPTS);
    pgp_int(&p, now);
    return pg_exec(c,
                   repeat_ok ? "INSERT INTO jobs(kind, payload, session_id, run_after, dedupe_key, max_attempts, "
                               "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) "
                               "ON CONFLICT (dedupe_key) DO NOTHING"
                             : "INSERT INTO jobs(kind, payload, session_id, run_after, dedupe_key, max_attempts, "
                               "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
                   &p, "job_insert", NULL, NULL);
}

struct job_insert_arg {
    const struct job_spec *job;
    int64_t now;
};

static int apply_job_insert(struct pg_conn *c, void *arg)
{
    const struct job_insert_arg *a = arg;
    return pg_job_insert_in(c, a->job, a->now, false);
}

int pg_job_insert(struct store *st, const struct job_spec *job, int64_t now)
{
    struct job_insert_arg a = {job, now};
    return pg_write((struct pg_store *)st, apply_job_insert, &a);
}

static void job_state_from_row(const PGresult *r, int i, void *out)
{
    struct job_state *j = out;
    memset(j, 0, sizeof *j);
    pgr_copy(r, i, 0, j->dedupe_key, sizeof j->dedupe_key);
    pgr_copy(r, i, 1, j->state, sizeof j->state);
    j->updated_at = pgr_int(r, i, 2);
}

int pg_job_states(struct store *st, const char *session_id, enum job_kind kind, struct job_state **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct pg_params p = {0};
    pgp_text(&p, session_id);
    pgp_text(&p, job_kind_name(kind));
    PGresult *r;
    int rc = pg_exec1((struct pg_store *)st,
                      "SELECT dedupe_key, state, updated_at FROM jobs WHERE session_id = $1 AND kind = $2 "
                      "ORDER BY id",
                      &p, "job_states", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    rc = pg_collect(r, sizeof **out, job_state_from_row, (void **)out, n);
    PQclear(r);
    return rc;
}

int pg_job_counts(struct store *st, int64_t *queued, int64_t *running, int64_t *failed)
{
    *queued = *running = *failed = 0;
    PGresult *r;
    int rc = pg_exec1((struct pg_store *)st,
                      "SELECT state, count(*) FROM jobs WHERE state IN ('queued', 'running', 'failed') "
                      "GROUP BY state",
                      NULL, "job_counts", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    for (int i = 0; i < PQntuples(r); i++) {
        const char *state = PQgetvalue(r, i, 0);
        int64_t n = pgr_int(r, i, 1);
        if (!strcmp(state, "queued"))
            *queued = n;
        else if (!strcmp(state, "running"))
            *running = n;
        else
            *failed = n;
    }
    PQclear(r);
    return STORE_OK;
}

#define SESSION_LIST_WHERE                                                                      \
    " FROM sessions s WHERE org_id = $1 AND deleted_at IS NULL"                                 \
    " AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.session_id = s.id)"                      \
    " AND ($2::text IS NULL OR link_id = $2::text) AND ($3::bigint = 0 OR created_at >= $3::bigint)" \
    " AND ($4::bigint = 0 OR created_at <= $4::bigint) AND ($5::text IS NULL"                   \
    "  OR ($5::text = 'open' AND state = 'open' AND expires_at > $6::bigint)"                   \
    "  OR ($5::text = 'expired' AND state = 'open' AND expires_at <= $6::bigint)"               \
    "  OR ($5::text IN ('processing', 'completed', 'failed') AND state = $5::text))"            \
    " AND ($7::text IS NULL OR link_id = $7::text OR left(link_id, length($7::text)) = $7::text" \
    "  OR left(s.id, length($7::text)) = lower($7::text)"                                      \
    "  OR right(s.id, length($7::text)) = lower($7::text) OR EXISTS (SELECT 1 FROM accounts a" \
    "  WHERE a.session_id = s.id AND strpos(lower(a.name), lower($7::text)) > 0))"             \
    " AND ($8::integer = 0 OR EXISTS (SELECT 1 FROM accounts a WHERE a.session_id = s.id"     \
    "  AND a.fraud_count > 0))"

int pg_session_list(struct store *st, const struct session_filter *f, struct session **out, size_t *n,
                    size_t *total)
{
    struct pg_params p = {0};
    pgp_text(&p, f->org_id);
    pgp_text(&p, f->link_id);
    pgp_int(&p, f->created_from);
    pgp_int(&p, f->created_to);
    pgp_text(&p, f->status);
    pgp_int(&p, f->now);
    pgp_text(&p, f->q);
    pgp_int(&p, f->fraud_only);
    return count_and_list((struct pg_store *)st, "SELECT count(*)" SESSION_LIST_WHERE,
                          "SELECT " STORE_SESSION_COLS ", completion_notified_at, expiry_notified_at" SESSION_LIST_WHERE
                          " ORDER BY created_at DESC, seq DESC LIMIT $9 OFFSET $10",
                          &p, f->offset, f->limit, sizeof **out, pg_session_from_row, (void **)out, n, total,
                          "session_list");
}
