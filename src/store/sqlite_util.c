/* Binding and column helpers shared by the SQLite store's files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sqlite_internal.h"
#include "util/array.h"
#include "util/log.h"

void sq_bind_text(sqlite3_stmt *q, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(q, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(q, i);
}

void sq_bind_int_opt(sqlite3_stmt *q, int i, int64_t v, bool present)
{
    if (present)
        sqlite3_bind_int64(q, i, v);
    else
        sqlite3_bind_null(q, i);
}

void sq_bind_nonempty(sqlite3_stmt *q, int i, const char *v)
{
    sq_bind_text(q, i, v && *v ? v : NULL);
}

char *sq_col_dup(sqlite3_stmt *q, int i)
{
    const unsigned char *t = sqlite3_column_text(q, i);
    return t ? strdup((const char *)t) : NULL;
}

void sq_col_copy(sqlite3_stmt *q, int i, char *out, size_t len)
{
    const unsigned char *t = sqlite3_column_text(q, i);
    snprintf(out, len, "%s", t ? (const char *)t : "");
}

sqlite3_stmt *sq_prep(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK) {
        log_error("store op=prepare err=\"%s\"", sqlite3_errmsg(db));
        sqlite3_finalize(q);
        return NULL;
    }
    return q;
}

sqlite3_stmt *sq_read_prep(struct store *st, const char *sql)
{
    sqlite3 *db = sqlite_reader_db(st);
    return db ? sq_prep(db, sql) : NULL;
}

int sq_rc(sqlite3 *db, int rc, const char *what)
{
    if (rc == SQLITE_DONE || rc == SQLITE_ROW || rc == SQLITE_OK)
        return STORE_OK;
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
        return STORE_CONFLICT;
    log_error("store op=%s err=\"%s\"", what, sqlite3_errmsg(db));
    return (rc & 0xff) == SQLITE_FULL ? STORE_FULL : STORE_ERROR;
}

int sq_run(sqlite3 *db, sqlite3_stmt *q, const char *what)
{
    return sq_rc(db, sqlite3_step(q), what);
}

int sq_run_reset(sqlite3 *db, sqlite3_stmt *q, const char *what)
{
    int rc = sq_run(db, q, what);
    sqlite3_reset(q);
    return rc;
}

int sq_get_row(sqlite3 *db, sqlite3_stmt *q, const char *what, void (*from_row)(sqlite3_stmt *, void *),
               void *out)
{
    int rc = sqlite3_step(q), res;
    if (rc == SQLITE_ROW) {
        from_row(q, out);
        res = STORE_OK;
    } else if (rc == SQLITE_DONE) {
        res = STORE_NOT_FOUND;
    } else {
        res = sq_rc(db, rc, what);
    }
    sqlite3_reset(q);
    return res;
}

int sq_run_final(sqlite3 *db, sqlite3_stmt *q, const char *what)
{
    if (!q)
        return STORE_ERROR;
    int rc = sq_run(db, q, what);
    sqlite3_finalize(q);
    return rc;
}

int sq_changed(sqlite3 *db, int rc)
{
    return rc == STORE_OK && sqlite3_changes(db) == 0 ? STORE_NOT_FOUND : rc;
}

int sq_exec(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK)
        log_error("store op=exec err=\"%s\"", msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    return rc == SQLITE_OK ? STORE_OK : (rc & 0xff) == SQLITE_FULL ? STORE_FULL : STORE_ERROR;
}

/* sqlite_write with fn inside a savepoint: a failing multi-statement op
 * leaves nothing behind and does not take its batch down. */
struct savepoint_op {
    int (*fn)(sqlite3 *db, void *arg);
    void *arg;
};

static int apply_in_savepoint(sqlite3 *db, const void *arg)
{
    const struct savepoint_op *op = arg;
    int rc = sq_exec(db, "SAVEPOINT op");
    if (rc != STORE_OK)
        return rc;
    rc = op->fn(db, op->arg);
    if (rc != STORE_OK)
        sq_exec(db, "ROLLBACK TO op");
    sq_exec(db, "RELEASE op");
    return rc;
}

int sq_write_op(struct store *st, int (*fn)(sqlite3 *db, void *arg), void *arg)
{
    struct savepoint_op op = {fn, arg};
    return sqlite_write(st, apply_in_savepoint, &op);
}

int sq_collect(sqlite3_stmt *q, size_t sz, void (*from_row)(sqlite3_stmt *, void *), void **out, size_t *n)
{
    size_t cap = 0, len = 0;
    char *arr = NULL;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (array_grow(&arr, &cap, len + 1, sz, 8)) {
            rc = SQLITE_NOMEM;
            break;
        }
        from_row(q, arr + len * sz);
        len++;
    }
    *out = arr;
    *n = len;
    return rc == SQLITE_DONE ? STORE_OK : STORE_ERROR;
}

int sq_append_texts(sqlite3_stmt *q, char ***texts, size_t *n)
{
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        char **p = realloc(*texts, (*n + 1) * sizeof *p);
        if (!p)
            return SQLITE_NOMEM;
        *texts = p;
        if ((p[*n] = sq_col_dup(q, 0)))
            (*n)++;
    }
    return rc;
}
