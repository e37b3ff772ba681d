#include "ingest/files.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "util/clock.h"
#include "util/fault.h"
#include "util/log.h"

#define PIN_WAIT_MS 10000   /* how long an upload waits for a deletion of its file to finish */
#define SWEEP_BATCH 512

int files_write_error(enum blob_error e, struct api_error *err)
{
    if (e == BLOB_TOO_LARGE)
        return api_error_set(err, 413, "REQUEST_TOO_LARGE", "The file is larger than the upload limit");
    if (e == BLOB_NO_SPACE)
        return api_error_set(err, 507, "INSUFFICIENT_STORAGE",
                             "The server is out of storage space; try again later");
    return api_error_set(err, 500, "INTERNAL_ERROR", "Something went wrong");
}

/* Removes a file whose deletion this node claimed, then its row. A file
 * that cannot be removed keeps its claim, which goes stale and is retried
 * by the sweep. Returns 1 when removed. */
static int remove_claimed(const struct ingest_env *env, const char *sha256)
{
    fault_point("files.claimed");
    if (blob_delete(env->blobs, sha256) != 0) {
        log_warn("files msg=\"cannot remove file\" sha256=%.12s", sha256);
        return 0;
    }
    fault_point("files.removed");
    if (STORE_CALL(env->store, blob_forget, sha256) != STORE_OK)
        log_warn("files msg=\"removed file still listed\" sha256=%.12s", sha256);
    return 1;
}

/* Claims and removes sha256 when nothing refers to it. Returns 1 when removed. */
static int delete_if_unreferenced(const struct ingest_env *env, const char *sha256)
{
    int64_t now = pb_now();
    bool claimed = false;
    if (STORE_CALL(env->store, blob_claim, sha256, now, now - FILES_CLAIM_LEASE_S, &claimed) != STORE_OK ||
        !claimed)
        return 0;
    return remove_claimed(env, sha256);
}

/* Pins sha256, waiting while another node finishes deleting the same file. */
static int pin(const struct ingest_env *env, struct file_hold *h, struct api_error *err)
{
    for (int waited = 0;; waited += 20) {
        int64_t now = pb_now();
        int rc = STORE_CALL(env->store, blob_pin, h->sha256, (int64_t)h->size, now, now + FILES_PIN_TTL_S,
                            now - FILES_CLAIM_LEASE_S, &h->pin);
        if (rc == STORE_OK)
            return 0;
        if (rc == STORE_FULL)
            return files_write_error(BLOB_NO_SPACE, err);
        if (rc != STORE_CONFLICT)
            return files_write_error(BLOB_IO, err);
        if (waited >= PIN_WAIT_MS)
            return api_error_set(err, 503, "SERVICE_UNAVAILABLE",
                                 "The server is busy; please try again shortly");
        usleep(20 * 1000);
    }
}

int files_keep(const struct ingest_env *env, struct blob_writer *w, struct file_hold *h,
               struct api_error *err)
{
    h->pin = 0;
    h->size = blob_writer_size(w);
    if (blob_writer_seal(w, h->sha256)) {
        int rc = files_write_error(blob_writer_error(w), err);
        blob_writer_abort(w);
        return rc;
    }
    fault_point("files.sealed");
    if (pin(env, h, err)) {
        blob_writer_abort(w);
        return -1;
    }
    fault_point("files.pinned");
    /* Pinned: nobody deletes the file from here on; putting the same bytes
     * over a copy already in place changes nothing. */
    char again[PB_SHA256_HEX];
    if (blob_writer_commit(w, again)) {
        enum blob_error e = errno == ENOSPC || errno == EDQUOT ? BLOB_NO_SPACE : BLOB_IO;
        files_release(env, h);
        return files_write_error(e, err);
    }
    fault_point("files.placed");
    return 0;
}

void files_release(const struct ingest_env *env, struct file_hold *h)
{
    if (!h->pin)
        return;
    if (STORE_CALL(env->store, blob_unpin, h->pin) != STORE_OK) {
        log_warn("files msg=\"cannot drop pin; it expires\" pin=%lld", (long long)h->pin);
        h->pin = 0;
        return;
    }
    h->pin = 0;
    delete_if_unreferenced(env, h->sha256);
}

void files_remove_claimed(const struct ingest_env *env, char **sha256s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        remove_claimed(env, sha256s[i]);
        free(sha256s[i]);
    }
    free(sha256s);
}

int files_recover(const struct ingest_env *env, const char *node_prefix)
{
    char **released = NULL;
    size_t n = 0;
    if (STORE_CALL(env->store, blob_release_claims, node_prefix, &released, &n) != STORE_OK)
        return -1;
    int removed = 0;
    for (size_t i = 0; i < n; i++) {
        removed += delete_if_unreferenced(env, released[i]);
        free(released[i]);
    }
    free(released);
    if (n)
        log_info("files msg=\"deletions a dead server left finished\" claims=%zu removed=%d", n, removed);
    return (int)n;
}

struct debris {
    const struct ingest_env *env;
    int removed;
};

/* A file on disk the store has no row for: only an older version leaves
 * one (a pin creates the row before the file is put in place). */
static void debris_file(const char *sha256, void *arg)
{
    struct debris *d = arg;
    bool known = true;
    if (STORE_CALL(d->env->store, blob_known, sha256, &known) == STORE_OK && !known)
        d->removed += delete_if_unreferenced(d->env, sha256);
}

int files_sweep(const struct ingest_env *env)
{
    int removed = 0;
    for (int round = 0; round < 1000; round++) {
        char **orphans = NULL;
        size_t n = 0;
        int64_t now = pb_now();
        if (STORE_CALL(env->store, blob_orphans, now, now - FILES_CLAIM_LEASE_S, SWEEP_BATCH, &orphans, &n) !=
            STORE_OK) {
            free(orphans);
            return -1;
        }
        int before = removed;
        for (size_t i = 0; i < n; i++) {
            removed += delete_if_unreferenced(env, orphans[i]);
            free(orphans[i]);
        }
        free(orphans);
        if (n < SWEEP_BATCH || removed == before)
            break;
    }
    struct debris d = {env, 0};
    blob_each(env->blobs, FILES_DEBRIS_AGE_S, debris_file, &d);
    int tmp = blob_sweep_tmp(env->blobs, FILES_DEBRIS_AGE_S);
    if (removed || d.removed || tmp)
        log_info("files msg=\"swept\" unreferenced=%d unknown=%d temporary=%d", removed, d.removed, tmp);
    return removed + d.removed + tmp;
}

/* ---- files kept by the store (several nodes) ---- */

static int remote_rc(int rc)
{
    errno = rc == STORE_OK ? 0 : rc == STORE_FULL ? ENOSPC : rc == STORE_NOT_FOUND ? ENOENT : EIO;
    return rc == STORE_OK ? 0 : -1;
}

static int remote_put(void *ctx, const char *sha256, int fd)
{
    return remote_rc(STORE_CALL((struct store *)ctx, file_put, sha256, fd, pb_now()));
}

static int remote_get(void *ctx, const char *sha256, unsigned char **data, size_t *len)
{
    return remote_rc(STORE_CALL((struct store *)ctx, file_get, sha256, data, len));
}

static int remote_del(void *ctx, const char *sha256)
{
    return remote_rc(STORE_CALL((struct store *)ctx, file_delete, sha256));
}

static int remote_each(void *ctx, long min_age_s, void (*fn)(const char *sha256, void *arg), void *arg)
{
    return STORE_CALL((struct store *)ctx, file_list, pb_now() - min_age_s, fn, arg);
}

struct blob_store *files_open(const char *dir, struct store *st)
{
    if (!st->ops->file_put)
        return blob_open(dir);
    struct blob_remote r = {st, remote_put, remote_get, remote_del, remote_each};
    return blob_open_remote(dir, &r);
}
