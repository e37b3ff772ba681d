/* The SQLite store's entity flow (core/entity.h): entities with their
 * backing sessions, and the job queue as the entity flow reads it (each
 * upload's analysis job is that statement's progress). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sqlite_internal.h"

#define ENTITY_COLS "id, org_id, session_id, link_id, meta_data, is_single_account, created_at"
#define ENTITY_WHERE " FROM entities WHERE org_id = ?1 AND (?2 IS NULL OR link_id = ?2)"

struct entity_insert_arg {
    const struct entity *e;
    const struct session *s;
};

static int apply_entity_insert(sqlite3 *db, void *arg)
{
    const struct entity_insert_arg *a = arg;
    int rc = sqlite_session_insert_db(db, a->s);
    if (rc != STORE_OK)
        return rc;
    sqlite3_stmt *q = sq_prep(db, "INSERT INTO entities(" ENTITY_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, a->e->id);
    sq_bind_text(q, 2, a->e->org_id);
    sq_bind_text(q, 3, a->e->session_id);
    sq_bind_text(q, 4, a->e->link_id);
    sq_bind_text(q, 5, a->e->meta_data);
    sqlite3_bind_int(q, 6, a->e->is_single_account);
    sqlite3_bind_int64(q, 7, a->e->created_at);
    rc = sq_run(db, q, "entity_insert");
    sqlite3_finalize(q);
    return rc;
}

int sq_entity_insert(struct store *st, const struct entity *e, const struct session *s)
{
    struct entity_insert_arg a = {e, s};
    return sq_write_op(st, apply_entity_insert, &a);
}

static void entity_from_row(sqlite3_stmt *q, void *p)
{
    struct entity *e = p;
    memset(e, 0, sizeof *e);
    sq_col_copy(q, 0, e->id, sizeof e->id);
    sq_col_copy(q, 1, e->org_id, sizeof e->org_id);
    sq_col_copy(q, 2, e->session_id, sizeof e->session_id);
    e->link_id = sq_col_dup(q, 3);
    e->meta_data = sq_col_dup(q, 4);
    e->is_single_account = sqlite3_column_int(q, 5) != 0;
    e->created_at = sqlite3_column_int64(q, 6);
}

int sq_entity_get(struct store *st, const char *id, const char *org_id, struct entity *out)
{
    sqlite3_stmt *q = sq_read_prep(st, "SELECT " ENTITY_COLS " FROM entities WHERE id = ?1 AND org_id = ?2");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, id);
    sq_bind_text(q, 2, org_id);
    int rc = sqlite3_step(q), res = STORE_OK;
    if (rc == SQLITE_ROW)
        entity_from_row(q, out);
    else
        res = rc == SQLITE_DONE ? STORE_NOT_FOUND : STORE_ERROR;
    sqlite3_finalize(q);
    return res;
}

int sq_entity_list(struct store *st, const char *org_id, const char *link_id, size_t offset, size_t limit,
                   struct entity **out, size_t *n, size_t *total)
{
    *out = NULL;
    *n = *total = 0;
    sqlite3 *db = sqlite_reader_db(st);
    if (!db)
        return STORE_ERROR;
    sqlite3_stmt *q = sq_prep(db, "SELECT count(*)" ENTITY_WHERE);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, org_id);
    sq_bind_text(q, 2, link_id);
    int rc = sqlite3_step(q) == SQLITE_ROW ? STORE_OK : STORE_ERROR;
    *total = (size_t)sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    if (rc != STORE_OK)
        return rc;
    q = sq_prep(db, "SELECT " ENTITY_COLS ENTITY_WHERE " ORDER BY created_at, rowid LIMIT ?3 OFFSET ?4");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, org_id);
    sq_bind_text(q, 2, link_id);
    sqlite3_bind_int64(q, 3, (sqlite3_int64)limit);
    sqlite3_bind_int64(q, 4, (sqlite3_int64)offset);
    rc = sq_collect(q, sizeof **out, entity_from_row, (void **)out, n);
    sqlite3_finalize(q);
    return rc;
}
