/* The SQLite store's server-wide settings (key -> value). */
#include <stdlib.h>

#include "store/sqlite_internal.h"

static const char SQL_SETTING_GET[] = "SELECT value FROM settings WHERE key = ?1";
static const char SQL_SETTING_INSERT[] = "INSERT OR IGNORE INTO settings(key, value) VALUES (?1, ?2)";
static const char SQL_SETTING_LIST[] =
    "SELECT key, value FROM settings WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key";
static const char SQL_SETTING_DELETE[] = "DELETE FROM settings WHERE key = ?1";

struct kv {
    const char *key, *value;
};

static int apply_setting_insert(struct sq_conn *c, const void *arg)
{
    const struct kv *kv = arg;
    sqlite3_stmt *q = sq_stmt(c, SQL_SETTING_INSERT);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, kv->key);
    sq_bind_text(q, 2, kv->value);
    return sq_run_reset(c->db, q, "setting_insert");
}

static void value_from_row(sqlite3_stmt *q, void *out)
{
    *(char **)out = sq_col_dup(q, 0);
}

static int setting_read(struct store *st, const char *key, char **out)
{
    struct sq_conn *c = sq_reader(st);
    sqlite3_stmt *q = c ? sq_stmt(c, SQL_SETTING_GET) : NULL;
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, key);
    *out = NULL;
    int rc = sq_get_row(c->db, q, "setting_get", value_from_row, out);
    return rc == STORE_OK && !*out ? STORE_ERROR : rc;
}

int sq_setting_get_or_set(struct store *st, const char *key, const char *value_if_missing, char **out)
{
    int rc = setting_read(st, key, out);
    if (rc != STORE_NOT_FOUND)
        return rc;
    struct kv kv = {key, value_if_missing};
    if ((rc = sq_write_conn(st, apply_setting_insert, &kv)) != STORE_OK)
        return rc;
    return setting_read(st, key, out); /* another process may have won the race */
}

static void setting_from_row(sqlite3_stmt *q, void *out)
{
    struct setting *kv = out;
    kv->key = sq_col_dup(q, 0);
    kv->value = sq_col_dup(q, 1);
}

int sq_setting_list(struct store *st, const char *prefix, struct setting **out, size_t *n)
{
    struct sq_conn *c = sq_reader(st);
    sqlite3_stmt *q = c ? sq_stmt(c, SQL_SETTING_LIST) : NULL;
    *out = NULL;
    *n = 0;
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, prefix);
    int rc = sq_collect(q, sizeof **out, setting_from_row, (void **)out, n);
    sqlite3_reset(q);
    if (rc != STORE_OK) {
        settings_free(*out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

static int apply_setting_delete(struct sq_conn *c, const void *arg)
{
    sqlite3_stmt *q = sq_stmt(c, SQL_SETTING_DELETE);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, arg);
    return sq_run_reset(c->db, q, "setting_delete");
}

int sq_setting_delete(struct store *st, const char *key)
{
    return sq_write_conn(st, apply_setting_delete, key);
}
