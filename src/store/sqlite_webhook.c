/* The SQLite store's webhook outbox and session notification marks (see
 * the webhook part of store.h). Queries here are prepared per call: they
 * run a few times per event, not per request. Compound writes run inside a
 * SAVEPOINT so they are atomic and cannot spoil the group-commit batch. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/sqlite_internal.h"
#include "util/log.h"
#include "util/clock.h"

#define DELIVERY_COLS                                                                         \
    "id, org_id, session_id, event, url, payload, status, attempts, next_attempt_at, "       \
    "last_attempt_at, response_code, last_error, dedupe_key, created_at, delivered_at, replay_of"

/* Fills d from a row of DELIVERY_COLS. Returns 0, or -1 on out of memory. */
static int delivery_from_row(sqlite3_stmt *q, struct webhook_delivery *d)
{
    memset(d, 0, sizeof *d);
    sq_col_copy(q, 0, d->id, sizeof d->id);
    sq_col_copy(q, 1, d->org_id, sizeof d->org_id);
    sq_col_copy(q, 2, d->session_id, sizeof d->session_id);
    sq_col_copy(q, 3, d->event, sizeof d->event);
    d->url = sq_col_dup(q, 4);
    d->payload = sq_col_dup(q, 5);
    webhook_status_parse((const char *)sqlite3_column_text(q, 6), &d->status);
    d->attempts = sqlite3_column_int(q, 7);
    d->next_attempt_at = sqlite3_column_int64(q, 8);
    d->last_attempt_at = sqlite3_column_int64(q, 9);
    d->response_code = sqlite3_column_int(q, 10);
    sq_col_copy(q, 11, d->last_error, sizeof d->last_error);
    sq_col_copy(q, 12, d->dedupe_key, sizeof d->dedupe_key);
    d->created_at = sqlite3_column_int64(q, 13);
    d->delivered_at = sqlite3_column_int64(q, 14);
    sq_col_copy(q, 15, d->replay_of, sizeof d->replay_of);
    if (!d->url || !d->payload) {
        webhook_delivery_clear(d);
        return -1;
    }
    return 0;
}

static int insert_delivery(sqlite3 *db, const struct webhook_delivery *d)
{
    sqlite3_stmt *q = sq_prep(db, "INSERT INTO webhook_deliveries(id, org_id, session_id, event, url, "
                               "payload, status, attempts, next_attempt_at, dedupe_key, created_at, "
                               "replay_of) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', 0, ?7, ?8, ?9, ?10)");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, d->id);
    sq_bind_text(q, 2, d->org_id);
    sq_bind_nonempty(q, 3, d->session_id);
    sq_bind_text(q, 4, d->event);
    sq_bind_text(q, 5, d->url);
    sq_bind_text(q, 6, d->payload);
    sqlite3_bind_int64(q, 7, d->next_attempt_at);
    sq_bind_nonempty(q, 8, d->dedupe_key);
    sqlite3_bind_int64(q, 9, d->created_at);
    sq_bind_nonempty(q, 10, d->replay_of);
    return sq_run_final(db, q, "webhook_insert");
}

/* Runs a conditional session UPDATE (q, already bound) and, when it changed
 * a row, inserts d, all inside one savepoint. CONFLICT when no row changed. */
static int mark_and_queue(sqlite3 *db, sqlite3_stmt *q, const struct webhook_delivery *d,
                          const char *what)
{
    if (!q || sq_exec(db, "SAVEPOINT mark") != STORE_OK) {
        sqlite3_finalize(q);
        return STORE_ERROR;
    }
    int rc = sq_run_final(db, q, what);
    if (rc == STORE_OK && sqlite3_changes(db) == 0)
        rc = STORE_CONFLICT;
    if (rc == STORE_OK && d)
        rc = insert_delivery(db, d);
    if (rc != STORE_OK)
        sq_exec(db, "ROLLBACK TO mark");
    sq_exec(db, "RELEASE mark");
    return rc;
}

/* ---- organisation webhook settings ---- */

struct set_webhook {
    const char *org_id, *url, *secret;
    int mode;
    int64_t now;
};

static int apply_set_webhook(sqlite3 *db, const void *arg)
{
    const struct set_webhook *a = arg;
    sqlite3_stmt *q = sq_prep(db, "UPDATE orgs SET webhook_url = ?2, webhook_mode = ?3, webhook_secret = "
                               "CASE WHEN ?4 IS NULL THEN webhook_secret WHEN ?4 = '' THEN NULL "
                               "ELSE ?4 END, updated_at = ?5 WHERE id = ?1");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, a->org_id);
    sq_bind_nonempty(q, 2, a->url);
    sqlite3_bind_int(q, 3, a->mode);
    sq_bind_text(q, 4, a->secret);
    sqlite3_bind_int64(q, 5, a->now);
    int rc = sq_run_final(db, q, "org_set_webhook");
    return rc == STORE_OK && sqlite3_changes(db) == 0 ? STORE_NOT_FOUND : rc;
}

int sqlite_org_set_webhook(struct store *st, const char *org_id, const char *url, int mode,
                           const char *secret)
{
    struct set_webhook a = {org_id, url, secret, mode, pb_now()};
    return sqlite_write(st, apply_set_webhook, &a);
}

/* ---- session marks ---- */

struct mark {
    const char *session_id;
    int64_t now;
    const struct webhook_delivery *d;
};

static int apply_complete(sqlite3 *db, const void *arg)
{
    const struct mark *m = arg;
    sqlite3_stmt *q = sq_prep(db, "UPDATE sessions SET completion_notified_at = ?2 WHERE id = ?1 "
                               "AND completion_notified_at IS NULL AND expiry_notified_at IS NULL "
                               "AND state = 'open' AND deleted_at IS NULL");
    if (q) {
        sq_bind_text(q, 1, m->session_id);
        sqlite3_bind_int64(q, 2, m->now);
    }
    return mark_and_queue(db, q, m->d, "session_complete");
}

int sqlite_session_complete(struct store *st, const char *session_id, int64_t now,
                            const struct webhook_delivery *d)
{
    struct mark m = {session_id, now, d};
    return sqlite_write(st, apply_complete, &m);
}

static int apply_expire(sqlite3 *db, const void *arg)
{
    const struct mark *m = arg;
    sqlite3_stmt *q = sq_prep(db, "UPDATE sessions SET expiry_notified_at = ?2 WHERE id = ?1 "
                               "AND expiry_notified_at IS NULL AND completion_notified_at IS NULL "
                               "AND state = 'open' AND deleted_at IS NULL AND expires_at <= ?2");
    if (q) {
        sq_bind_text(q, 1, m->session_id);
        sqlite3_bind_int64(q, 2, m->now);
    }
    return mark_and_queue(db, q, m->d, "session_expire_mark");
}

int sqlite_session_expire_mark(struct store *st, const char *session_id, int64_t now,
                               const struct webhook_delivery *d)
{
    struct mark m = {session_id, now, d};
    return sqlite_write(st, apply_expire, &m);
}

int sqlite_session_expired_list(struct store *st, int64_t now, char (*ids)[PB_UUID_BUF], size_t max,
                                size_t *n)
{
    *n = 0;
    sqlite3_stmt *q = sq_read_prep(st, "SELECT id FROM sessions WHERE expires_at <= ?1 "
                                       "AND expiry_notified_at IS NULL AND deleted_at IS NULL "
                                       "AND completion_notified_at IS NULL AND state = 'open' "
                                       "ORDER BY expires_at LIMIT ?2");
    if (!q)
        return STORE_ERROR;
    sqlite3_bind_int64(q, 1, now);
    sqlite3_bind_int64(q, 2, (sqlite3_int64)max);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW && *n < max)
        sq_col_copy(q, 0, ids[(*n)++], PB_UUID_BUF);
    sqlite3_finalize(q);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? STORE_OK : STORE_ERROR;
}

/* ---- deliveries ---- */

static int apply_insert(sqlite3 *db, const void *arg)
{
    return insert_delivery(db, arg);
}

int sqlite_webhook_insert(struct store *st, const struct webhook_delivery *d)
{
    return sqlite_write(st, apply_insert, d);
}

struct claim {
    int64_t now, lease_until;
    const char *owner;
    struct webhook_delivery *out;
    size_t max, n;
};

/* Prepared once per connection (sq_stmt): the notifier polls it several times a second. */
static const char SQL_WEBHOOK_CLAIM[] =
    "UPDATE webhook_deliveries SET lease_owner = ?2, lease_until = ?3 "
    "WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending' "
    "AND next_attempt_at <= ?1 AND (lease_until IS NULL OR lease_until < ?1) "
    "ORDER BY next_attempt_at LIMIT ?4) RETURNING " DELIVERY_COLS;

static int apply_claim(struct sq_conn *conn, const void *arg)
{
    struct claim *c = (struct claim *)arg;
    sqlite3_stmt *q = sq_stmt(conn, SQL_WEBHOOK_CLAIM);
    if (!q)
        return STORE_ERROR;
    sqlite3_bind_int64(q, 1, c->now);
    sq_bind_text(q, 2, c->owner);
    sqlite3_bind_int64(q, 3, c->lease_until);
    sqlite3_bind_int64(q, 4, (sqlite3_int64)c->max);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW)
        if (c->n < c->max && delivery_from_row(q, &c->out[c->n]) == 0)
            c->n++;
    if (rc != SQLITE_DONE)
        log_error("store op=webhook_claim err=\"%s\"", sqlite3_errmsg(conn->db));
    sqlite3_reset(q);
    return rc == SQLITE_DONE ? STORE_OK : STORE_ERROR;
}

int sqlite_webhook_claim(struct store *st, int64_t now, const char *owner, int64_t lease_until,
                         struct webhook_delivery *out, size_t max, size_t *n)
{
    struct claim c = {now, lease_until, owner, out, max, 0};
    int rc = sq_write_conn(st, apply_claim, &c);
    if (rc != STORE_OK) {  /* the batch did not commit: the leases are not ours */
        for (size_t i = 0; i < c.n; i++)
            webhook_delivery_clear(&out[i]);
        c.n = 0;
    }
    *n = c.n;
    return rc;
}

struct finish {
    const struct webhook_delivery *d;
    const char *owner;
};

static int apply_finish(sqlite3 *db, const void *arg)
{
    const struct finish *f = arg;
    const struct webhook_delivery *d = f->d;
    sqlite3_stmt *q = sq_prep(db, "UPDATE webhook_deliveries SET status = ?3, attempts = ?4, "
                               "next_attempt_at = ?5, last_attempt_at = ?6, response_code = ?7, "
                               "last_error = ?8, delivered_at = ?9, lease_owner = NULL, "
                               "lease_until = NULL WHERE id = ?1 AND lease_owner = ?2");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, d->id);
    sq_bind_text(q, 2, f->owner);
    sq_bind_text(q, 3, webhook_status_name(d->status));
    sqlite3_bind_int(q, 4, d->attempts);
    sqlite3_bind_int64(q, 5, d->next_attempt_at);
    sq_bind_int_opt(q, 6, d->last_attempt_at, d->last_attempt_at != 0);
    sq_bind_int_opt(q, 7, d->response_code, d->response_code != 0);
    sq_bind_nonempty(q, 8, d->last_error);
    sq_bind_int_opt(q, 9, d->delivered_at, d->delivered_at != 0);
    return sq_run_final(db, q, "webhook_finish");
}

int sqlite_webhook_finish(struct store *st, const struct webhook_delivery *d, const char *owner)
{
    struct finish f = {d, owner};
    return sqlite_write(st, apply_finish, &f);
}

int sqlite_webhook_list(struct store *st, const char *org_id, const char *session_id,
                        struct webhook_delivery *out, size_t max, size_t *n)
{
    *n = 0;
    sqlite3_stmt *q = sq_read_prep(st, "SELECT " DELIVERY_COLS " FROM webhook_deliveries WHERE "
                                       "org_id = ?1 AND (?2 IS NULL OR session_id = ?2) "
                                       "ORDER BY created_at DESC, rowid DESC LIMIT ?3");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, org_id);
    sq_bind_nonempty(q, 2, session_id);
    sqlite3_bind_int64(q, 3, (sqlite3_int64)max);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW && *n < max)
        if (delivery_from_row(q, &out[*n]) == 0)
            (*n)++;
    sqlite3_finalize(q);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? STORE_OK : STORE_ERROR;
}

int sqlite_webhook_get(struct store *st, const char *org_id, const char *id,
                       struct webhook_delivery *out)
{
    sqlite3_stmt *q = sq_read_prep(st, "SELECT " DELIVERY_COLS " FROM webhook_deliveries "
                                       "WHERE org_id = ?1 AND id = ?2");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, org_id);
    sq_bind_text(q, 2, id);
    int rc = sqlite3_step(q), res;
    if (rc == SQLITE_ROW)
        res = delivery_from_row(q, out) == 0 ? STORE_OK : STORE_ERROR;
    else
        res = rc == SQLITE_DONE ? STORE_NOT_FOUND : STORE_ERROR;
    sqlite3_finalize(q);
    return res;
}
