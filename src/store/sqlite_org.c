/* The SQLite store's organisations: keys, modes, acceptance (the webhook
 * settings are sqlite_webhook.c's). */
#include <stdlib.h>
#include <string.h>

#include "store/sqlite_internal.h"
#include "util/clock.h"

#define ORG_COLS                                                                               \
    "id, name, api_key_hash, server_hash_hash, modes, webhook_url, webhook_mode, webhook_secret, " \
    "acceptance, acceptance_tolerance_days, created_at"

static const char SQL_ORG_INSERT[] = "INSERT INTO orgs(" ORG_COLS ", updated_at) VALUES "
                                     "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)";
static const char SQL_ORG_BY_ID[] = "SELECT " ORG_COLS " FROM orgs WHERE id = ?1";
static const char SQL_ORG_BY_NAME[] = "SELECT " ORG_COLS " FROM orgs WHERE name = ?1 ORDER BY created_at LIMIT 1";
static const char SQL_ORG_BY_KEY[] = "SELECT " ORG_COLS " FROM orgs WHERE api_key_hash = ?1";
static const char SQL_ORG_LIST[] = "SELECT " ORG_COLS " FROM orgs ORDER BY created_at, rowid";
static const char SQL_ORG_SET_KEYS[] = "UPDATE orgs SET api_key_hash = ?2, server_hash_hash = ?3, updated_at = ?4 "
                                       "WHERE id = ?1";
static const char SQL_ORG_SET_MODES[] = "UPDATE orgs SET modes = ?2, updated_at = ?3 WHERE id = ?1";
static const char SQL_ORG_SET_ACCEPTANCE[] =
    "UPDATE orgs SET acceptance = ?2, acceptance_tolerance_days = ?3 WHERE id = ?1";

static void org_from_row(sqlite3_stmt *q, void *out)
{
    struct org *o = out;
    memset(o, 0, sizeof *o);
    sq_col_copy(q, 0, o->id, sizeof o->id);
    o->name = sq_col_dup(q, 1);
    sq_col_copy(q, 2, o->api_key_hash, sizeof o->api_key_hash);
    sq_col_copy(q, 3, o->server_hash_hash, sizeof o->server_hash_hash);
    o->modes = sqlite3_column_int(q, 4);
    o->webhook_url = sq_col_dup(q, 5);
    o->webhook_mode = sqlite3_column_int(q, 6);
    o->webhook_secret = sq_col_dup(q, 7);
    o->acceptance = sq_col_dup(q, 8);
    o->acceptance_tolerance_days = sqlite3_column_int(q, 9);
    o->created_at = sqlite3_column_int64(q, 10);
}

static int apply_org_insert(struct sq_conn *c, const void *arg)
{
    const struct org *o = arg;
    sqlite3_stmt *q = sq_stmt(c, SQL_ORG_INSERT);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, o->id);
    sq_bind_text(q, 2, o->name);
    sq_bind_text(q, 3, o->api_key_hash);
    sq_bind_text(q, 4, o->server_hash_hash);
    sqlite3_bind_int(q, 5, o->modes);
    sq_bind_text(q, 6, o->webhook_url);
    sqlite3_bind_int(q, 7, o->webhook_mode);
    sq_bind_text(q, 8, o->webhook_secret);
    sq_bind_text(q, 9, o->acceptance ? o->acceptance : "missing_upload_months");
    sqlite3_bind_int(q, 10, o->acceptance_tolerance_days);
    sqlite3_bind_int64(q, 11, o->created_at ? o->created_at : pb_now());
    return sq_run_reset(c->db, q, "org_insert");
}

int sq_org_insert(struct store *st, const struct org *o)
{
    return sq_write_conn(st, apply_org_insert, o);
}

/* Runs a one-row org query bound to text arg. */
static int org_query(struct store *st, const char *sql, const char *arg, struct org *out)
{
    struct sq_conn *c = sq_reader(st);
    sqlite3_stmt *q = c ? sq_stmt(c, sql) : NULL;
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, arg);
    return sq_get_row(c->db, q, "org_query", org_from_row, out);
}

int sq_org_get(struct store *st, const char *id_or_name, struct org *out)
{
    int rc = org_query(st, SQL_ORG_BY_ID, id_or_name, out);
    return rc == STORE_NOT_FOUND ? org_query(st, SQL_ORG_BY_NAME, id_or_name, out) : rc;
}

int sq_org_find_by_key_hash(struct store *st, const char *hash, struct org *out)
{
    return org_query(st, SQL_ORG_BY_KEY, hash, out);
}

int sq_org_list(struct store *st, struct org **out, size_t *n)
{
    struct sq_conn *c = sq_reader(st);
    sqlite3_stmt *q = c ? sq_stmt(c, SQL_ORG_LIST) : NULL;
    *out = NULL;
    *n = 0;
    if (!q)
        return STORE_ERROR;
    int rc = sq_collect(q, sizeof **out, org_from_row, (void **)out, n);
    sqlite3_reset(q);
    return rc;
}

struct org_update {
    const char *id, *a, *b;
    int modes;
};

static int apply_org_set_keys(struct sq_conn *c, const void *arg)
{
    const struct org_update *u = arg;
    sqlite3_stmt *q = sq_stmt(c, SQL_ORG_SET_KEYS);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, u->id);
    sq_bind_text(q, 2, u->a);
    sq_bind_text(q, 3, u->b);
    sqlite3_bind_int64(q, 4, pb_now());
    return sq_changed(c->db, sq_run_reset(c->db, q, "org_set_keys"));
}

static int apply_org_set_modes(struct sq_conn *c, const void *arg)
{
    const struct org_update *u = arg;
    sqlite3_stmt *q = sq_stmt(c, SQL_ORG_SET_MODES);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, u->id);
    sqlite3_bind_int(q, 2, u->modes);
    sqlite3_bind_int64(q, 3, pb_now());
    return sq_changed(c->db, sq_run_reset(c->db, q, "org_set_modes"));
}

static int apply_org_set_acceptance(struct sq_conn *c, const void *arg)
{
    const struct org_update *u = arg;
    sqlite3_stmt *q = sq_stmt(c, SQL_ORG_SET_ACCEPTANCE);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, u->id);
    sq_bind_text(q, 2, u->a);
    sqlite3_bind_int(q, 3, u->modes);
    return sq_changed(c->db, sq_run_reset(c->db, q, "org_set_acceptance"));
}

int sq_org_set_keys(struct store *st, const char *id, const char *key_hash, const char *sh_hash)
{
    struct org_update u = {id, key_hash, sh_hash, 0};
    return sq_write_conn(st, apply_org_set_keys, &u);
}

int sq_org_set_modes(struct store *st, const char *id, int modes)
{
    struct org_update u = {id, NULL, NULL, modes};
    return sq_write_conn(st, apply_org_set_modes, &u);
}

int sq_org_set_acceptance(struct store *st, const char *org_id, const char *acceptance, int tolerance_days)
{
    struct org_update u = {org_id, acceptance, NULL, tolerance_days};
    return sq_write_conn(st, apply_org_set_acceptance, &u);
}
