/* The PostgreSQL store's part of the lender console (the twins of
 * sqlite_console.c): users, their logins, the audit log, and the
 * accounts' brief facts for the sessions list. */
#include <stdlib.h>
#include <string.h>

#include "store/pg_family.h"

/* ---- users ---- */

#define USER_COLS "id, org_id, email, name, role, password_hash, created_at, password_changed_at"

/* A user from columns first.. of a row (USER_COLS' order). */
static void user_from(const PGresult *r, int i, int first, struct user *u)
{
    pgr_copy(r, i, first, u->id, sizeof u->id);
    pgr_copy(r, i, first + 1, u->org_id, sizeof u->org_id);
    pgr_copy(r, i, first + 2, u->email, sizeof u->email);
    pgr_copy(r, i, first + 3, u->name, sizeof u->name);
    if (pgr_null(r, i, first + 4) || !user_role_parse(PQgetvalue(r, i, first + 4), &u->role))
        u->role = ROLE_ANALYST;
    pgr_copy(r, i, first + 5, u->password_hash, sizeof u->password_hash);
    u->created_at = pgr_int(r, i, first + 6);
    u->password_changed_at = pgr_int(r, i, first + 7);
}

static void user_row(const PGresult *r, int i, void *out)
{
    memset(out, 0, sizeof(struct user));
    user_from(r, i, 0, out);
}

int pg_user_insert(struct store *st, const struct user *u)
{
    struct pg_params p = {0};
    pgp_text(&p, u->id);
    pgp_text(&p, u->org_id);
    pgp_text(&p, u->email);
    pgp_text(&p, u->name);
    pgp_text(&p, user_role_name(u->role));
    pgp_text(&p, u->password_hash);
    pgp_int(&p, u->created_at);
    pgp_int(&p, u->password_changed_at);
    return pg_exec1((struct pg_store *)st, "INSERT INTO users(" USER_COLS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    &p, "user_insert", NULL, NULL);
}

int pg_user_get(struct store *st, const char *id_or_email, struct user *out)
{
    struct pg_params p = {0};
    pgp_text(&p, id_or_email);
    return pg_get_row((struct pg_store *)st, "SELECT " USER_COLS " FROM users WHERE id = $1 OR email = $1", &p,
                      "user_get", user_row, out);
}

int pg_user_list(struct store *st, const char *org_id, struct user **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct pg_params p = {0};
    pgp_text(&p, org_id);
    PGresult *r;
    int rc = pg_exec1((struct pg_store *)st, "SELECT " USER_COLS " FROM users WHERE org_id = $1 ORDER BY email", &p,
                      "user_list", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    rc = pg_collect(r, sizeof **out, user_row, (void **)out, n);
    PQclear(r);
    return rc;
}

struct user_change {
    const char *org_id, *user_id, *hash;
    int64_t now;
};

static int apply_user_delete(struct pg_conn *c, void *arg)
{
    const struct user_change *u = arg;
    struct pg_params p = {0};
    pgp_text(&p, u->user_id);
    pgp_text(&p, u->org_id);
    int rc = pg_exec(c, "DELETE FROM console_logins WHERE user_id = $1 AND user_id IN "
                        "(SELECT id FROM users WHERE org_id = $2)",
                     &p, "user_delete", NULL, NULL);
    int64_t changed = 0;
    if (rc == STORE_OK)
        rc = pg_exec(c, "DELETE FROM users WHERE id = $1 AND org_id = $2", &p, "user_delete", NULL, &changed);
    return rc == STORE_OK && changed == 0 ? STORE_NOT_FOUND : rc;
}

int pg_user_delete(struct store *st, const char *org_id, const char *user_id)
{
    struct user_change u = {org_id, user_id, NULL, 0};
    return pg_write((struct pg_store *)st, apply_user_delete, &u);
}

static int apply_user_password(struct pg_conn *c, void *arg)
{
    const struct user_change *u = arg;
    struct pg_params p = {0};
    pgp_text(&p, u->user_id);
    pgp_text(&p, u->hash);
    pgp_int(&p, u->now);
    int64_t changed = 0;
    int rc = pg_exec(c, "UPDATE users SET password_hash = $2, password_changed_at = $3 WHERE id = $1", &p,
                     "user_set_password", NULL, &changed);
    if (rc == STORE_OK && changed == 0)
        return STORE_NOT_FOUND;
    struct pg_params q = {0};
    pgp_text(&q, u->user_id);
    return rc != STORE_OK ? rc
                          : pg_exec(c, "DELETE FROM console_logins WHERE user_id = $1", &q, "user_set_password",
                                    NULL, NULL);
}

int pg_user_set_password(struct store *st, const char *user_id, const char *password_hash, int64_t now)
{
    struct user_change u = {NULL, user_id, password_hash, now};
    return pg_write((struct pg_store *)st, apply_user_password, &u);
}

/* ---- logins ---- */

struct login_arg {
    const struct console_login *l;
    int64_t now;
};

static int apply_login_insert(struct pg_conn *c, void *arg)
{
    const struct login_arg *a = arg;
    const struct console_login *l = a->l;
    struct pg_params p = {0};
    pgp_text(&p, l->user.id);
    pgp_int(&p, a->now);
    int rc = pg_exec(c, "DELETE FROM console_logins WHERE user_id = $1 AND expires_at <= $2", &p, "login_insert",
                     NULL, NULL);
    if (rc != STORE_OK)
        return rc;
    struct pg_params q = {0};
    pgp_text(&q, l->token_hash);
    pgp_text(&q, l->user.id);
    pgp_text(&q, l->csrf);
    pgp_int(&q, l->created_at);
    pgp_int(&q, l->seen_at);
    pgp_int(&q, l->expires_at);
    return pg_exec(c, "INSERT INTO console_logins(token_hash, user_id, csrf, created_at, seen_at, expires_at) "
                      "VALUES ($1, $2, $3, $4, $5, $6)",
                   &q, "login_insert", NULL, NULL);
}

int pg_login_insert(struct store *st, const struct console_login *l, int64_t now)
{
    struct login_arg a = {l, now};
    return pg_write((struct pg_store *)st, apply_login_insert, &a);
}

int pg_login_get(struct store *st, const char *token_hash, int64_t now, struct console_login *out)
{
    struct pg_params p = {0};
    pgp_text(&p, token_hash);
    pgp_int(&p, now);
    PGresult *r;
    int rc = pg_exec1((struct pg_store *)st,
                      "SELECT l.token_hash, l.csrf, l.created_at, l.seen_at, l.expires_at, u.id, u.org_id, u.email, "
                      "u.name, u.role, u.password_hash, u.created_at, u.password_changed_at FROM console_logins l "
                      "JOIN users u ON u.id = l.user_id WHERE l.token_hash = $1 AND l.expires_at > $2",
                      &p, "login_get", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    if (PQntuples(r) == 0) {
        PQclear(r);
        return STORE_NOT_FOUND;
    }
    memset(out, 0, sizeof *out);
    pgr_copy(r, 0, 0, out->token_hash, sizeof out->token_hash);
    pgr_copy(r, 0, 1, out->csrf, sizeof out->csrf);
    out->created_at = pgr_int(r, 0, 2);
    out->seen_at = pgr_int(r, 0, 3);
    out->expires_at = pgr_int(r, 0, 4);
    user_from(r, 0, 5, &out->user);
    PQclear(r);
    return STORE_OK;
}

int pg_login_touch(struct store *st, const char *token_hash, int64_t now, int64_t expires_at)
{
    struct pg_params p = {0};
    pgp_text(&p, token_hash);
    pgp_int(&p, now);
    pgp_int(&p, expires_at);
    return pg_exec1((struct pg_store *)st,
                    "UPDATE console_logins SET seen_at = $2, expires_at = $3 WHERE token_hash = $1", &p,
                    "login_touch", NULL, NULL);
}

int pg_login_delete(struct store *st, const char *token_hash)
{
    struct pg_params p = {0};
    pgp_text(&p, token_hash);
    return pg_exec1((struct pg_store *)st, "DELETE FROM console_logins WHERE token_hash = $1", &p, "login_delete",
                    NULL, NULL);
}

/* ---- audit log ---- */

int pg_audit_insert(struct store *st, const struct audit_event *e)
{
    struct pg_params p = {0};
    pgp_text(&p, e->org_id);
    pgp_text(&p, e->user_id);
    pgp_text(&p, e->email);
    pgp_text(&p, e->action);
    pgp_nonempty(&p, e->session_id);
    pgp_nonempty(&p, e->detail);
    pgp_nonempty(&p, e->client);
    pgp_int(&p, e->at);
    return pg_exec1((struct pg_store *)st,
                    "INSERT INTO audit_log(org_id, user_id, email, action, session_id, detail, client, at) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    &p, "audit_insert", NULL, NULL);
}

static void audit_row(const PGresult *r, int i, void *out)
{
    struct audit_event *e = out;
    memset(e, 0, sizeof *e);
    e->id = pgr_int(r, i, 0);
    pgr_copy(r, i, 1, e->org_id, sizeof e->org_id);
    pgr_copy(r, i, 2, e->user_id, sizeof e->user_id);
    pgr_copy(r, i, 3, e->email, sizeof e->email);
    pgr_copy(r, i, 4, e->action, sizeof e->action);
    pgr_copy(r, i, 5, e->session_id, sizeof e->session_id);
    pgr_copy(r, i, 6, e->detail, sizeof e->detail);
    pgr_copy(r, i, 7, e->client, sizeof e->client);
    e->at = pgr_int(r, i, 8);
}

int pg_audit_list(struct store *st, const char *org_id, const char *session_id, size_t offset, size_t limit,
                  struct audit_event **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct pg_params p = {0};
    pgp_text(&p, org_id);
    pgp_text(&p, session_id);
    pgp_int(&p, (int64_t)limit);
    pgp_int(&p, (int64_t)offset);
    PGresult *r;
    int rc = pg_exec1((struct pg_store *)st,
                      "SELECT id, org_id, user_id, email, action, session_id, detail, client, at FROM audit_log "
                      "WHERE org_id = $1 AND ($2::text IS NULL OR session_id = $2::text) "
                      "ORDER BY id DESC LIMIT $3 OFFSET $4",
                      &p, "audit_list", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    rc = pg_collect(r, sizeof **out, audit_row, (void **)out, n);
    PQclear(r);
    return rc;
}

/* ---- the sessions list's account facts ---- */

static void brief_row(const PGresult *r, int i, void *out)
{
    struct account_brief *b = out;
    memset(b, 0, sizeof *b);
    pgr_copy(r, i, 0, b->session_id, sizeof b->session_id);
    pgr_copy(r, i, 1, b->account_id, sizeof b->account_id);
    b->name = pgr_dup(r, i, 2);
    b->bank = pgr_dup(r, i, 3);
    b->status = pgr_dup(r, i, 4);
    b->has_score = !pgr_null(r, i, 5);
    b->score = (int)pgr_int(r, i, 5);
    b->fraud_count = (int)pgr_int(r, i, 6);
}

int pg_account_briefs(struct store *st, const char (*ids)[PB_UUID_BUF], size_t n, struct account_brief **out,
                      size_t *nout)
{
    *out = NULL;
    *nout = 0;
    if (n == 0)
        return STORE_OK;
    /* one round trip: the ids as an array, their order kept */
    size_t cap = n * (PB_UUID_BUF + 3) + 3;
    char *arr = malloc(cap), *w = arr;
    if (!arr)
        return STORE_ERROR;
    *w++ = '{';
    for (size_t i = 0; i < n; i++) {
        size_t len = strnlen(ids[i], PB_UUID_BUF - 1);
        if (i)
            *w++ = ',';
        *w++ = '"';
        for (size_t k = 0; k < len; k++) /* ids are hex and dashes: nothing to escape, but be sure */
            if (ids[i][k] != '"' && ids[i][k] != '\\' && ids[i][k] != '{' && ids[i][k] != '}' && ids[i][k] != ',')
                *w++ = ids[i][k];
        *w++ = '"';
    }
    *w++ = '}';
    *w = '\0';
    struct pg_params p = {0};
    pgp_text(&p, arr);
    PGresult *r;
    int rc = pg_exec1((struct pg_store *)st,
                      "SELECT a.session_id, a.id, a.name, a.bank, a.status, a.score, a.fraud_count FROM "
                      "unnest($1::text[]) WITH ORDINALITY AS s(id, n) JOIN accounts a ON a.session_id = s.id "
                      "ORDER BY s.n, a.created_at, a.id",
                      &p, "account_briefs", &r, NULL);
    free(arr);
    if (rc != STORE_OK)
        return rc;
    rc = pg_collect(r, sizeof **out, brief_row, (void **)out, nout);
    PQclear(r);
    return rc;
}
