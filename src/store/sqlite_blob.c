/* The SQLite store's references to statement files: pins (an upload's
 * pending reference) and deletion claims. The protocol above them is in
 * src/ingest/files.h; here each step is one transaction that checks what
 * it relies on. A file is referenced by statements.blob_sha256 and by
 * unexpired rows of blob_pins; blobs.deleted_at is the time a deletion was
 * claimed (fresh while >= stale_before), blobs.claimed_by who claimed it. */
#include <stdlib.h>
#include <string.h>

#include "store/orphans.h"
#include "store/sqlite_internal.h"

/* 1 when a fresh claim holds sha256, 0 when not, -1 on error. */
static int claimed_fresh(sqlite3 *db, const char *sha256, int64_t stale_before)
{
    sqlite3_stmt *q = sq_prep(db, "SELECT 1 FROM blobs WHERE sha256 = ?1 AND deleted_at >= ?2");
    if (!q)
        return -1;
    sq_bind_text(q, 1, sha256);
    sqlite3_bind_int64(q, 2, stale_before);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

struct pin_arg {
    const char *sha256;
    int64_t size, now, expires_at, stale_before, id;
};

static int apply_pin(sqlite3 *db, void *arg)
{
    struct pin_arg *a = arg;
    int fresh = claimed_fresh(db, a->sha256, a->stale_before);
    if (fresh)
        return fresh < 0 ? STORE_ERROR : STORE_CONFLICT;
    sqlite3_stmt *q = sq_prep(db, "INSERT INTO blobs(sha256, size, created_at) VALUES (?1, ?2, ?3) "
                                  "ON CONFLICT(sha256) DO UPDATE SET deleted_at = NULL, claimed_by = NULL");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, a->sha256);
    sqlite3_bind_int64(q, 2, a->size);
    sqlite3_bind_int64(q, 3, a->now);
    int rc = sq_run_final(db, q, "blob_row");
    if (rc != STORE_OK)
        return rc;
    q = sq_prep(db, "INSERT INTO blob_pins(sha256, created_at, expires_at) VALUES (?1, ?2, ?3)");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, a->sha256);
    sqlite3_bind_int64(q, 2, a->now);
    sqlite3_bind_int64(q, 3, a->expires_at);
    rc = sq_run_final(db, q, "blob_pin");
    a->id = sqlite3_last_insert_rowid(db);
    return rc;
}

int sq_blob_pin(struct store *st, const char *sha256, int64_t size, int64_t now, int64_t expires_at,
                int64_t stale_before, int64_t *pin_id)
{
    struct pin_arg a = {sha256, size, now, expires_at, stale_before, 0};
    int rc = sq_write_op(st, apply_pin, &a);
    *pin_id = rc == STORE_OK ? a.id : 0;
    return rc;
}

int sq_blob_unpin_in(sqlite3 *db, int64_t pin_id, bool *existed)
{
    sqlite3_stmt *q = sq_prep(db, "DELETE FROM blob_pins WHERE id = ?1");
    if (!q)
        return STORE_ERROR;
    sqlite3_bind_int64(q, 1, pin_id);
    int rc = sq_run_final(db, q, "blob_unpin");
    *existed = rc == STORE_OK && sqlite3_changes(db) > 0;
    return rc;
}

static int apply_unpin(sqlite3 *db, void *arg)
{
    bool existed;
    return sq_blob_unpin_in(db, *(int64_t *)arg, &existed);
}

int sq_blob_unpin(struct store *st, int64_t pin_id)
{
    return sq_write_op(st, apply_unpin, &pin_id);
}

/* Runs sql bound to (?1 sha256, ?2 now, ?3 stale_before, ?4 owner). */
static int exec_sha(sqlite3 *db, const char *sql, const char *sha256, int64_t now, int64_t stale_before,
                    const char *owner)
{
    sqlite3_stmt *q = sq_prep(db, sql);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, sha256);
    if (sqlite3_bind_parameter_count(q) >= 2)
        sqlite3_bind_int64(q, 2, now);
    if (sqlite3_bind_parameter_count(q) >= 3)
        sqlite3_bind_int64(q, 3, stale_before);
    if (sqlite3_bind_parameter_count(q) >= 4)
        sq_bind_text(q, 4, owner);
    return sq_run_final(db, q, "blob_claim");
}

int sq_blob_claim_in(sqlite3 *db, const char *sha256, const char *owner, int64_t now, int64_t stale_before,
                     bool *claimed)
{
    *claimed = false;
    int rc = exec_sha(db, "DELETE FROM blob_pins WHERE sha256 = ?1 AND expires_at <= ?2", sha256, now, 0, NULL);
    if (rc == STORE_OK)
        rc = exec_sha(db, "UPDATE blobs SET deleted_at = ?2, claimed_by = ?4 WHERE sha256 = ?1 "
                          "AND (deleted_at IS NULL OR deleted_at < ?3) "
                          "AND NOT EXISTS (SELECT 1 FROM statements WHERE blob_sha256 = ?1) "
                          "AND NOT EXISTS (SELECT 1 FROM blob_pins WHERE sha256 = ?1)",
                      sha256, now, stale_before, owner);
    if (rc == STORE_OK && sqlite3_changes(db) > 0) {
        *claimed = true;
        return STORE_OK;
    }
    /* No row at all: a file an older version left behind. */
    if (rc == STORE_OK)
        rc = exec_sha(db, "INSERT INTO blobs(sha256, size, created_at, deleted_at, claimed_by) "
                          "VALUES (?1, 0, ?2, ?2, ?4) ON CONFLICT(sha256) DO NOTHING",
                      sha256, now, 0, owner);
    *claimed = rc == STORE_OK && sqlite3_changes(db) > 0;
    return rc;
}

struct claim_arg {
    const char *sha256, *owner;
    int64_t now, stale_before;
    bool claimed;
};

static int apply_claim(sqlite3 *db, void *arg)
{
    struct claim_arg *a = arg;
    return sq_blob_claim_in(db, a->sha256, a->owner, a->now, a->stale_before, &a->claimed);
}

int sq_blob_claim(struct store *st, const char *sha256, int64_t now, int64_t stale_before, bool *claimed)
{
    struct claim_arg a = {sha256, st->owner, now, stale_before, false};
    int rc = sq_write_op(st, apply_claim, &a);
    *claimed = rc == STORE_OK && a.claimed;
    return rc;
}

static int apply_forget(sqlite3 *db, void *arg)
{
    /* The claim keeps pins away; a statement cannot refer to the row
     * without a pin, and the foreign keys would refuse the delete anyway. */
    return exec_sha(db, "DELETE FROM blobs WHERE sha256 = ?1 AND deleted_at IS NOT NULL "
                        "AND NOT EXISTS (SELECT 1 FROM statements WHERE blob_sha256 = ?1) "
                        "AND NOT EXISTS (SELECT 1 FROM blob_pins WHERE sha256 = ?1)",
                    arg, 0, 0, NULL);
}

int sq_blob_forget(struct store *st, const char *sha256)
{
    return sq_write_op(st, apply_forget, (void *)sha256);
}

int sq_blob_orphans(struct store *st, int64_t now, int64_t stale_before, size_t max, char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3 *db = sqlite_reader_db(st);
    sqlite3_stmt *q = db ? sq_prep(db, "SELECT sha256 FROM blobs b WHERE "
                                       "(deleted_at IS NULL OR deleted_at < ?2) "
                                       "AND NOT EXISTS (SELECT 1 FROM statements WHERE blob_sha256 = b.sha256) "
                                       "AND NOT EXISTS (SELECT 1 FROM blob_pins p WHERE p.sha256 = b.sha256 "
                                       "AND p.expires_at > ?1) LIMIT ?3")
                         : NULL;
    if (!q)
        return STORE_ERROR;
    sqlite3_bind_int64(q, 1, now);
    sqlite3_bind_int64(q, 2, stale_before);
    sqlite3_bind_int64(q, 3, (sqlite3_int64)max);
    int rc = SQLITE_DONE;
    char **arr = calloc(max ? max : 1, sizeof *arr);
    while (arr && *n < max && (rc = sqlite3_step(q)) == SQLITE_ROW)
        if ((arr[*n] = sq_col_dup(q, 0)))
            (*n)++;
    rc = !arr ? STORE_ERROR : sq_rc(db, rc, "blob_orphans");
    sqlite3_finalize(q);
    *out = arr;
    return rc;
}

int sq_blob_known(struct store *st, const char *sha256, bool *known)
{
    *known = true; /* on error, leave the file alone */
    sqlite3 *db = sqlite_reader_db(st);
    sqlite3_stmt *q = db ? sq_prep(db, "SELECT 1 FROM blobs WHERE sha256 = ?1") : NULL;
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, sha256);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_DONE)
        *known = false;
    rc = sq_rc(db, rc, "blob_known");
    sqlite3_finalize(q);
    return rc;
}

struct release_arg {
    const char *prefix, *self;
    char **files;
    size_t n;
};

static int apply_release(sqlite3 *db, void *arg)
{
    struct release_arg *a = arg;
    sqlite3_stmt *q = sq_prep(db, "UPDATE blobs SET deleted_at = NULL, claimed_by = NULL "
                                  "WHERE deleted_at IS NOT NULL AND substr(claimed_by, 1, length(?1)) = ?1 "
                                  "AND claimed_by <> ?2 RETURNING sha256");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, a->prefix);
    sq_bind_text(q, 2, a->self);
    int rc = sq_append_texts(q, &a->files, &a->n);
    sqlite3_finalize(q);
    return sq_rc(db, rc, "blob_release_claims");
}

int sq_blob_release_claims(struct store *st, const char *node_prefix, char ***out, size_t *n)
{
    struct release_arg a = {node_prefix, st->owner, NULL, 0};
    int rc = sq_write_op(st, apply_release, &a);
    if (rc != STORE_OK) /* the write rolled back: nothing was released */
        orphans_free_files(&a.files, &a.n);
    *out = a.files;
    *n = a.n;
    return rc;
}
