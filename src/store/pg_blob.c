/* The PostgreSQL store's statement files: pins and deletion claims (the
 * protocol of src/ingest/files.h), and the files' bytes themselves, so
 * that every node reads every file and a node that dies loses none.
 *
 * Pins, claims and statement commits all lock the file's row in blobs
 * before they look at what refers to it, and look with a statement that
 * starts after the lock is held (READ COMMITTED: a new snapshot per
 * statement). So a claim and a pin of the same file, from any two nodes,
 * run one after the other and the second sees what the first committed:
 * a file is never claimed while a pin or a statement refers to it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/pg_family.h"
#include "util/log.h"

#define CHUNK (1 << 20) /* bytes per blob_chunks row */

/* ---- pins ---- */

struct pin_arg {
    const char *sha256;
    int64_t size, now, expires_at, stale_before, id;
};

static int apply_pin(struct pg_conn *c, void *arg)
{
    struct pin_arg *a = arg;
    struct pg_params p = {0};
    pgp_text(&p, a->sha256);
    pgp_int(&p, a->size);
    pgp_int(&p, a->now);
    pgp_int(&p, a->stale_before);
    /* Creates or locks the row; revives it unless a fresh claim holds it
     * (the condition is checked on the row as locked, after any claim
     * racing with us committed). */
    PGresult *r;
    int rc = pg_exec(c,
                     "INSERT INTO blobs(sha256, size, created_at) VALUES ($1, $2, $3) ON CONFLICT (sha256) "
                     "DO UPDATE SET deleted_at = NULL, claimed_by = NULL "
                     "WHERE blobs.deleted_at IS NULL OR blobs.deleted_at < $4 "
                     "RETURNING 1",
                     &p, "blob_row", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    bool pinned = PQntuples(r) > 0;
    PQclear(r);
    if (!pinned)
        return STORE_CONFLICT; /* being deleted: retry shortly */
    struct pg_params q = {0};
    pgp_text(&q, a->sha256);
    pgp_int(&q, a->now);
    pgp_int(&q, a->expires_at);
    rc = pg_exec(c, "INSERT INTO blob_pins(sha256, created_at, expires_at) VALUES ($1, $2, $3) RETURNING id", &q,
                 "blob_pin", &r, NULL);
    if (rc == STORE_OK) {
        a->id = pgr_int(r, 0, 0);
        PQclear(r);
    }
    return rc;
}

int pg_blob_pin(struct store *st, const char *sha256, int64_t size, int64_t now, int64_t expires_at,
                int64_t stale_before, int64_t *pin_id)
{
    struct pin_arg a = {sha256, size, now, expires_at, stale_before, 0};
    int rc = pg_write((struct pg_store *)st, apply_pin, &a);
    *pin_id = rc == STORE_OK ? a.id : 0;
    return rc;
}

int pg_blob_unpin_in(struct pg_conn *c, int64_t pin_id, bool *existed)
{
    struct pg_params p = {0};
    pgp_int(&p, pin_id);
    int64_t changed = 0;
    int rc = pg_exec(c, "DELETE FROM blob_pins WHERE id = $1", &p, "blob_unpin", NULL, &changed);
    *existed = rc == STORE_OK && changed > 0;
    return rc;
}

int pg_blob_unpin(struct store *st, int64_t pin_id)
{
    struct pg_params p = {0};
    pgp_int(&p, pin_id);
    return pg_exec1((struct pg_store *)st, "DELETE FROM blob_pins WHERE id = $1", &p, "blob_unpin", NULL, NULL);
}

/* ---- claims ---- */

int pg_blob_claim_in(struct pg_conn *c, const char *sha256, const char *owner, int64_t now, int64_t stale_before,
                     bool *claimed)
{
    *claimed = false;
    struct pg_params o = {0};
    pgp_text(&o, sha256);
    pgp_int(&o, now);
    pgp_text(&o, owner);
    PGresult *r;
    /* the row, locked (or created claimed: a file an older version left) */
    int rc = pg_exec(c,
                     "INSERT INTO blobs(sha256, size, created_at, deleted_at, claimed_by) VALUES ($1, 0, $2, $2, $3) "
                     "ON CONFLICT (sha256) DO UPDATE SET size = blobs.size RETURNING (xmax = 0)",
                     &o, "blob_claim", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    bool created = pgr_int(r, 0, 0) != 0;
    PQclear(r);
    if (created) {
        *claimed = true;
        return STORE_OK;
    }
    struct pg_params p = {0};
    pgp_text(&p, sha256);
    pgp_int(&p, now);
    rc = pg_exec(c, "DELETE FROM blob_pins WHERE sha256 = $1 AND expires_at <= $2", &p, "blob_claim", NULL, NULL);
    if (rc != STORE_OK)
        return rc;
    struct pg_params q = {0};
    pgp_text(&q, sha256);
    pgp_int(&q, now);
    pgp_int(&q, stale_before);
    pgp_text(&q, owner);
    int64_t changed = 0;
    rc = pg_exec(c,
                 "UPDATE blobs SET deleted_at = $2, claimed_by = $4 WHERE sha256 = $1 "
                 "AND (deleted_at IS NULL OR deleted_at < $3) "
                 "AND NOT EXISTS (SELECT 1 FROM statements WHERE blob_sha256 = $1) "
                 "AND NOT EXISTS (SELECT 1 FROM blob_pins WHERE sha256 = $1)",
                 &q, "blob_claim", NULL, &changed);
    *claimed = rc == STORE_OK && changed > 0;
    return rc;
}

struct claim_arg {
    const char *sha256, *owner;
    int64_t now, stale_before;
    bool claimed;
};

static int apply_claim(struct pg_conn *c, void *arg)
{
    struct claim_arg *a = arg;
    return pg_blob_claim_in(c, a->sha256, a->owner, a->now, a->stale_before, &a->claimed);
}

int pg_blob_claim(struct store *st, const char *sha256, int64_t now, int64_t stale_before, bool *claimed)
{
    struct claim_arg a = {sha256, st->owner, now, stale_before, false};
    int rc = pg_write((struct pg_store *)st, apply_claim, &a);
    *claimed = rc == STORE_OK && a.claimed;
    return rc;
}

int pg_blob_forget(struct store *st, const char *sha256)
{
    struct pg_params p = {0};
    pgp_text(&p, sha256);
    return pg_exec1((struct pg_store *)st,
                    "DELETE FROM blobs WHERE sha256 = $1 AND deleted_at IS NOT NULL "
                    "AND NOT EXISTS (SELECT 1 FROM statements WHERE blob_sha256 = $1) "
                    "AND NOT EXISTS (SELECT 1 FROM blob_pins WHERE sha256 = $1)",
                    &p, "blob_forget", NULL, NULL);
}

int pg_blob_orphans(struct store *st, int64_t now, int64_t stale_before, size_t max, char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct pg_params p = {0};
    pgp_int(&p, now);
    pgp_int(&p, stale_before);
    pgp_int(&p, (int64_t)max);
    PGresult *r;
    int rc = pg_exec1((struct pg_store *)st,
                      "SELECT sha256 FROM blobs b WHERE (deleted_at IS NULL OR deleted_at < $2) "
                      "AND NOT EXISTS (SELECT 1 FROM statements WHERE blob_sha256 = b.sha256) "
                      "AND NOT EXISTS (SELECT 1 FROM blob_pins p WHERE p.sha256 = b.sha256 AND p.expires_at > $1) "
                      "LIMIT $3",
                      &p, "blob_orphans", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    char **arr = calloc(max ? max : 1, sizeof *arr);
    for (int i = 0; arr && i < PQntuples(r) && *n < max; i++)
        if ((arr[*n] = pgr_dup(r, i, 0)))
            (*n)++;
    PQclear(r);
    *out = arr;
    return arr ? STORE_OK : STORE_ERROR;
}

int pg_blob_known(struct store *st, const char *sha256, bool *known)
{
    *known = true; /* on error, leave the file alone */
    struct pg_params p = {0};
    pgp_text(&p, sha256);
    PGresult *r;
    int rc = pg_exec1((struct pg_store *)st, "SELECT 1 FROM blobs WHERE sha256 = $1", &p, "blob_known", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    *known = PQntuples(r) > 0;
    PQclear(r);
    return STORE_OK;
}

int pg_blob_release_claims(struct store *st, const char *node_prefix, char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct pg_params p = {0};
    pgp_text(&p, node_prefix);
    pgp_text(&p, st->owner);
    PGresult *r;
    /* Only this node's: another node's claim may be a deletion running now
     * (its lease ends it if that node died). */
    int rc = pg_exec1((struct pg_store *)st,
                      "UPDATE blobs SET deleted_at = NULL, claimed_by = NULL WHERE deleted_at IS NOT NULL "
                      "AND starts_with(claimed_by, $1) AND claimed_by <> $2 RETURNING sha256",
                      &p, "blob_release_claims", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    int rows = PQntuples(r);
    char **arr = calloc(rows ? (size_t)rows : 1, sizeof *arr);
    for (int i = 0; arr && i < rows; i++)
        if ((arr[*n] = pgr_dup(r, i, 0)))
            (*n)++;
    PQclear(r);
    *out = arr;
    return arr ? STORE_OK : STORE_ERROR;
}

/* ---- the files' bytes ---- */

struct put_arg {
    const char *sha256;
    int fd;
    int64_t now;
    unsigned char *buf;
};

static int apply_put(struct pg_conn *c, void *arg)
{
    struct put_arg *a = arg;
    struct pg_params p = {0};
    pgp_text(&p, a->sha256);
    /* the same content may be there already (another upload, a retry) */
    PGresult *r;
    int rc = pg_exec(c, "SELECT 1 FROM blob_chunks WHERE sha256 = $1 AND part = 0", &p, "file_put", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    bool have = PQntuples(r) > 0;
    PQclear(r);
    if (have)
        return STORE_OK;
    for (int part = 0;; part++) {
        ssize_t n = pread(a->fd, a->buf, CHUNK, (off_t)part * CHUNK);
        if (n < 0 || (n == 0 && part > 0))
            return n < 0 ? STORE_ERROR : STORE_OK;
        struct pg_params q = {0};
        pgp_text(&q, a->sha256);
        pgp_int(&q, part);
        pgp_bytes(&q, n ? a->buf : (const void *)"", (size_t)n);
        pgp_int(&q, a->now);
        rc = pg_exec(c, "INSERT INTO blob_chunks(sha256, part, data, created_at) VALUES ($1, $2, $3, $4) "
                        "ON CONFLICT (sha256, part) DO NOTHING",
                     &q, "file_put", NULL, NULL);
        if (rc != STORE_OK || n < CHUNK)
            return rc;
    }
}

int pg_file_put(struct store *st, const char *sha256, int fd, int64_t now)
{
    struct put_arg a = {sha256, fd, now, malloc(CHUNK)};
    int rc = a.buf ? pg_write((struct pg_store *)st, apply_put, &a) : STORE_ERROR;
    free(a.buf);
    return rc;
}

int pg_file_get(struct store *st, const char *sha256, unsigned char **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    struct pg_conn *c = pg_get((struct pg_store *)st);
    if (!c)
        return STORE_ERROR;
    /* the bytes, raw (binary result format), part by part in one snapshot */
    const char *vals[1] = {sha256};
    PGresult *r = PQexecParams(c->pg, "SELECT data FROM blob_chunks WHERE sha256 = $1 ORDER BY part", 1, NULL,
                               vals, NULL, NULL, 1);
    int rc = PQresultStatus(r) == PGRES_TUPLES_OK ? STORE_OK : STORE_ERROR;
    if (rc != STORE_OK) {
        log_error("store op=file_get err=\"%s\"", PQresultErrorMessage(r));
        if (PQstatus(c->pg) != CONNECTION_OK)
            c->broken = true;
    }
    pg_put((struct pg_store *)st, c);
    int rows = rc == STORE_OK ? PQntuples(r) : 0;
    if (rc == STORE_OK && rows == 0)
        rc = STORE_NOT_FOUND;
    size_t total = 0;
    for (int i = 0; i < rows; i++)
        total += (size_t)PQgetlength(r, i, 0);
    if (rc == STORE_OK && !(*data = malloc(total ? total : 1)))
        rc = STORE_ERROR;
    for (int i = 0; rc == STORE_OK && i < rows; i++) {
        memcpy(*data + *len, PQgetvalue(r, i, 0), (size_t)PQgetlength(r, i, 0));
        *len += (size_t)PQgetlength(r, i, 0);
    }
    PQclear(r);
    return rc;
}

int pg_file_delete(struct store *st, const char *sha256)
{
    struct pg_params p = {0};
    pgp_text(&p, sha256);
    return pg_exec1((struct pg_store *)st, "DELETE FROM blob_chunks WHERE sha256 = $1", &p, "file_delete", NULL,
                    NULL);
}

int pg_file_list(struct store *st, int64_t created_before, void (*fn)(const char *sha256, void *arg), void *arg)
{
    struct pg_params p = {0};
    pgp_int(&p, created_before);
    PGresult *r;
    int rc = pg_exec1((struct pg_store *)st,
                      "SELECT sha256 FROM blob_chunks WHERE part = 0 AND created_at < $1 ORDER BY sha256", &p,
                      "file_list", &r, NULL);
    if (rc != STORE_OK)
        return -1;
    int n = PQntuples(r);
    for (int i = 0; i < n; i++)
        fn(PQgetvalue(r, i, 0), arg);
    PQclear(r);
    return n;
}
