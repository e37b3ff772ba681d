/* The SQLite store's part of the lender console: users, their logins, the
 * audit log, and the accounts' brief facts for the sessions list (see the
 * console part of store.h). Queries are prepared per call: they run a few
 * times per page, never per row. */
#include <stdlib.h>
#include <string.h>

#include "store/sqlite_internal.h"
#include "util/array.h"

void account_briefs_free(struct account_brief *b, size_t n)
{
    for (size_t i = 0; b && i < n; i++) {
        free(b[i].name);
        free(b[i].bank);
        free(b[i].status);
    }
    free(b);
}

/* ---- users ---- */

#define USER_COLS "id, org_id, email, name, role, password_hash, created_at, password_changed_at"

static void user_from_row(sqlite3_stmt *q, struct user *u)
{
    memset(u, 0, sizeof *u);
    sq_col_copy(q, 0, u->id, sizeof u->id);
    sq_col_copy(q, 1, u->org_id, sizeof u->org_id);
    sq_col_copy(q, 2, u->email, sizeof u->email);
    sq_col_copy(q, 3, u->name, sizeof u->name);
    const unsigned char *role = sqlite3_column_text(q, 4);
    if (!role || !user_role_parse((const char *)role, &u->role))
        u->role = ROLE_ANALYST;
    sq_col_copy(q, 5, u->password_hash, sizeof u->password_hash);
    u->created_at = sqlite3_column_int64(q, 6);
    u->password_changed_at = sqlite3_column_int64(q, 7);
}

static void user_row_cb(sqlite3_stmt *q, void *p)
{
    user_from_row(q, p);
}

static int apply_user_insert(sqlite3 *db, void *arg)
{
    const struct user *u = arg;
    sqlite3_stmt *q = sq_prep(db, "INSERT INTO users(" USER_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, u->id);
    sq_bind_text(q, 2, u->org_id);
    sq_bind_text(q, 3, u->email);
    sq_bind_text(q, 4, u->name);
    sq_bind_text(q, 5, user_role_name(u->role));
    sq_bind_text(q, 6, u->password_hash);
    sqlite3_bind_int64(q, 7, u->created_at);
    sqlite3_bind_int64(q, 8, u->password_changed_at);
    return sq_run_final(db, q, "user_insert");
}

int sq_user_insert(struct store *st, const struct user *u)
{
    return sq_write_op(st, apply_user_insert, (void *)u);
}

int sq_user_get(struct store *st, const char *id_or_email, struct user *out)
{
    sqlite3 *db = sqlite_reader_db(st);
    sqlite3_stmt *q = db ? sq_prep(db, "SELECT " USER_COLS " FROM users WHERE id = ?1 OR email = ?1") : NULL;
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, id_or_email);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW)
        user_from_row(q, out);
    int out_rc = rc == SQLITE_ROW ? STORE_OK : rc == SQLITE_DONE ? STORE_NOT_FOUND : sq_rc(db, rc, "user_get");
    sqlite3_finalize(q);
    return out_rc;
}

int sq_user_list(struct store *st, const char *org_id, struct user **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *q = sq_read_prep(st, "SELECT " USER_COLS " FROM users WHERE org_id = ?1 ORDER BY email");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, org_id);
    int rc = sq_collect(q, sizeof **out, user_row_cb, (void **)out, n);
    sqlite3_finalize(q);
    return rc;
}

struct user_change {
    const char *org_id, *user_id, *hash;
    int64_t now;
};

/* Runs sql with ?1 = user id (and ?2 = org id / hash, ?3 = now when bound). */
static int user_exec(sqlite3 *db, const char *sql, const struct user_change *c, const char *what)
{
    sqlite3_stmt *q = sq_prep(db, sql);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, c->user_id);
    if (sqlite3_bind_parameter_count(q) >= 2)
        sq_bind_text(q, 2, c->hash ? c->hash : c->org_id);
    if (sqlite3_bind_parameter_count(q) >= 3)
        sqlite3_bind_int64(q, 3, c->now);
    int rc = sq_run(db, q, what);
    sqlite3_finalize(q);
    return rc;
}

static int apply_user_delete(sqlite3 *db, void *arg)
{
    const struct user_change *c = arg;
    int rc = user_exec(db, "DELETE FROM console_logins WHERE user_id = ?1 "
                           "AND user_id IN (SELECT id FROM users WHERE org_id = ?2)", c, "user_delete");
    if (rc == STORE_OK)
        rc = user_exec(db, "DELETE FROM users WHERE id = ?1 AND org_id = ?2", c, "user_delete");
    if (rc == STORE_OK && sqlite3_changes(db) == 0)
        rc = STORE_NOT_FOUND;
    return rc;
}

int sq_user_delete(struct store *st, const char *org_id, const char *user_id)
{
    struct user_change c = {org_id, user_id, NULL, 0};
    return sq_write_op(st, apply_user_delete, &c);
}

static int apply_user_password(sqlite3 *db, void *arg)
{
    const struct user_change *c = arg;
    int rc = user_exec(db, "UPDATE users SET password_hash = ?2, password_changed_at = ?3 WHERE id = ?1", c,
                       "user_set_password");
    if (rc == STORE_OK && sqlite3_changes(db) == 0)
        return STORE_NOT_FOUND;
    if (rc == STORE_OK)
        rc = user_exec(db, "DELETE FROM console_logins WHERE user_id = ?1", c, "user_set_password");
    return rc;
}

int sq_user_set_password(struct store *st, const char *user_id, const char *password_hash, int64_t now)
{
    struct user_change c = {NULL, user_id, password_hash, now};
    return sq_write_op(st, apply_user_password, &c);
}

/* ---- logins ---- */

struct login_arg {
    const struct console_login *l;
    int64_t now;
};

static int apply_login_insert(sqlite3 *db, void *arg)
{
    const struct login_arg *a = arg;
    const struct console_login *l = a->l;
    sqlite3_stmt *q = sq_prep(db, "DELETE FROM console_logins WHERE user_id = ?1 AND expires_at <= ?2");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, l->user.id);
    sqlite3_bind_int64(q, 2, a->now);
    int rc = sq_run(db, q, "login_insert");
    sqlite3_finalize(q);
    if (rc != STORE_OK)
        return rc;
    q = sq_prep(db, "INSERT INTO console_logins(token_hash, user_id, csrf, created_at, seen_at, expires_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, l->token_hash);
    sq_bind_text(q, 2, l->user.id);
    sq_bind_text(q, 3, l->csrf);
    sqlite3_bind_int64(q, 4, l->created_at);
    sqlite3_bind_int64(q, 5, l->seen_at);
    sqlite3_bind_int64(q, 6, l->expires_at);
    rc = sq_run(db, q, "login_insert");
    sqlite3_finalize(q);
    return rc;
}

int sq_login_insert(struct store *st, const struct console_login *l, int64_t now)
{
    struct login_arg a = {l, now};
    return sq_write_op(st, apply_login_insert, &a);
}

int sq_login_get(struct store *st, const char *token_hash, int64_t now, struct console_login *out)
{
    sqlite3 *db = sqlite_reader_db(st);
    sqlite3_stmt *q =
        db ? sq_prep(db, "SELECT l.token_hash, l.csrf, l.created_at, l.seen_at, l.expires_at, "
                         "u.id, u.org_id, u.email, u.name, u.role, u.password_hash, u.created_at, "
                         "u.password_changed_at FROM console_logins l JOIN users u ON u.id = l.user_id "
                         "WHERE l.token_hash = ?1 AND l.expires_at > ?2")
           : NULL;
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, token_hash);
    sqlite3_bind_int64(q, 2, now);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        memset(out, 0, sizeof *out);
        sq_col_copy(q, 0, out->token_hash, sizeof out->token_hash);
        sq_col_copy(q, 1, out->csrf, sizeof out->csrf);
        out->created_at = sqlite3_column_int64(q, 2);
        out->seen_at = sqlite3_column_int64(q, 3);
        out->expires_at = sqlite3_column_int64(q, 4);
        struct user *u = &out->user;
        sq_col_copy(q, 5, u->id, sizeof u->id);
        sq_col_copy(q, 6, u->org_id, sizeof u->org_id);
        sq_col_copy(q, 7, u->email, sizeof u->email);
        sq_col_copy(q, 8, u->name, sizeof u->name);
        const unsigned char *role = sqlite3_column_text(q, 9);
        if (!role || !user_role_parse((const char *)role, &u->role))
            u->role = ROLE_ANALYST;
        sq_col_copy(q, 10, u->password_hash, sizeof u->password_hash);
        u->created_at = sqlite3_column_int64(q, 11);
        u->password_changed_at = sqlite3_column_int64(q, 12);
    }
    int out_rc = rc == SQLITE_ROW ? STORE_OK : rc == SQLITE_DONE ? STORE_NOT_FOUND : sq_rc(db, rc, "login_get");
    sqlite3_finalize(q);
    return out_rc;
}

struct touch_arg {
    const char *token_hash;
    int64_t now, expires_at;
};

static int apply_login_touch(sqlite3 *db, void *arg)
{
    const struct touch_arg *a = arg;
    sqlite3_stmt *q = sq_prep(db, "UPDATE console_logins SET seen_at = ?2, expires_at = ?3 WHERE token_hash = ?1");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, a->token_hash);
    sqlite3_bind_int64(q, 2, a->now);
    sqlite3_bind_int64(q, 3, a->expires_at);
    return sq_run_final(db, q, "login_touch");
}

int sq_login_touch(struct store *st, const char *token_hash, int64_t now, int64_t expires_at)
{
    struct touch_arg a = {token_hash, now, expires_at};
    return sq_write_op(st, apply_login_touch, &a);
}

static int apply_login_delete(sqlite3 *db, void *arg)
{
    sqlite3_stmt *q = sq_prep(db, "DELETE FROM console_logins WHERE token_hash = ?1");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, arg);
    return sq_run_final(db, q, "login_delete");
}

int sq_login_delete(struct store *st, const char *token_hash)
{
    return sq_write_op(st, apply_login_delete, (void *)token_hash);
}

/* ---- audit log ---- */

static int apply_audit_insert(sqlite3 *db, void *arg)
{
    const struct audit_event *e = arg;
    sqlite3_stmt *q = sq_prep(db, "INSERT INTO audit_log(org_id, user_id, email, action, session_id, detail, "
                                  "client, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, e->org_id);
    sq_bind_text(q, 2, e->user_id);
    sq_bind_text(q, 3, e->email);
    sq_bind_text(q, 4, e->action);
    sq_bind_nonempty(q, 5, e->session_id);
    sq_bind_nonempty(q, 6, e->detail);
    sq_bind_nonempty(q, 7, e->client);
    sqlite3_bind_int64(q, 8, e->at);
    return sq_run_final(db, q, "audit_insert");
}

int sq_audit_insert(struct store *st, const struct audit_event *e)
{
    return sq_write_op(st, apply_audit_insert, (void *)e);
}

static void audit_row_cb(sqlite3_stmt *q, void *p)
{
    struct audit_event *e = p;
    memset(e, 0, sizeof *e);
    e->id = sqlite3_column_int64(q, 0);
    sq_col_copy(q, 1, e->org_id, sizeof e->org_id);
    sq_col_copy(q, 2, e->user_id, sizeof e->user_id);
    sq_col_copy(q, 3, e->email, sizeof e->email);
    sq_col_copy(q, 4, e->action, sizeof e->action);
    sq_col_copy(q, 5, e->session_id, sizeof e->session_id);
    sq_col_copy(q, 6, e->detail, sizeof e->detail);
    sq_col_copy(q, 7, e->client, sizeof e->client);
    e->at = sqlite3_column_int64(q, 8);
}

int sq_audit_list(struct store *st, const char *org_id, const char *session_id, size_t offset, size_t limit,
                  struct audit_event **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *q = sq_read_prep(st, "SELECT id, org_id, user_id, email, action, session_id, detail, client, at "
                                       "FROM audit_log WHERE org_id = ?1 AND (?2 IS NULL OR session_id = ?2) "
                                       "ORDER BY id DESC LIMIT ?3 OFFSET ?4");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, org_id);
    sq_bind_text(q, 2, session_id);
    sqlite3_bind_int64(q, 3, (int64_t)limit);
    sqlite3_bind_int64(q, 4, (int64_t)offset);
    int rc = sq_collect(q, sizeof **out, audit_row_cb, (void **)out, n);
    sqlite3_finalize(q);
    return rc;
}

/* ---- the sessions list's account facts ---- */

int sq_account_briefs(struct store *st, const char (*ids)[PB_UUID_BUF], size_t n, struct account_brief **out,
                      size_t *nout)
{
    *out = NULL;
    *nout = 0;
    sqlite3 *db = sqlite_reader_db(st);
    sqlite3_stmt *q = db ? sq_prep(db, "SELECT session_id, id, name, bank, status, score, fraud_count "
                                       "FROM accounts WHERE session_id = ?1 ORDER BY created_at, id")
                         : NULL;
    if (!q)
        return STORE_ERROR;
    size_t cap = 0;
    int rc = SQLITE_DONE;
    for (size_t i = 0; i < n && rc == SQLITE_DONE; i++) {
        sqlite3_reset(q);
        sq_bind_text(q, 1, ids[i]);
        while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
            if (array_grow(out, &cap, *nout + 1, sizeof **out, 16)) {
                rc = SQLITE_NOMEM;
                break;
            }
            struct account_brief *b = &(*out)[(*nout)++];
            memset(b, 0, sizeof *b);
            sq_col_copy(q, 0, b->session_id, sizeof b->session_id);
            sq_col_copy(q, 1, b->account_id, sizeof b->account_id);
            b->name = sq_col_dup(q, 2);
            b->bank = sq_col_dup(q, 3);
            b->status = sq_col_dup(q, 4);
            b->has_score = sqlite3_column_type(q, 5) != SQLITE_NULL;
            b->score = sqlite3_column_int(q, 5);
            b->fraud_count = sqlite3_column_int(q, 6);
        }
    }
    int out_rc = sq_rc(db, rc, "account_briefs");
    sqlite3_finalize(q);
    if (out_rc != STORE_OK) {
        account_briefs_free(*out, *nout);
        *out = NULL;
        *nout = 0;
    }
    return out_rc;
}
