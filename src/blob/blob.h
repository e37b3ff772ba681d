/* Content-addressed file storage for original statements: a file is kept
 * under <root>/<aa>/<sha256> and is durable (file and directory fsynced)
 * before blob_put returns; writes are atomic renames, so concurrent puts
 * of the same content are harmless.
 *
 * Several nodes keep their files elsewhere, where every node reads them
 * (blob_open_remote: the PostgreSQL store): then <root> holds only the
 * files being written (<root>/tmp), and a put is durable once the remote
 * has it. */
#ifndef PB_BLOB_BLOB_H
#define PB_BLOB_BLOB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util/secret.h"

struct blob_store;

/* Opens (creating if needed) a store rooted at dir. NULL on failure. */
struct blob_store *blob_open(const char *dir);

/* Where committed files live for a store shared by several nodes. Each
 * returns 0, or -1 with errno (ENOSPC: full; ENOENT: no such file). */
struct blob_remote {
    void *ctx;
    int (*put)(void *ctx, const char *sha256, int fd); /* fd's content, from offset 0 */
    int (*get)(void *ctx, const char *sha256, unsigned char **data, size_t *len);
    int (*del)(void *ctx, const char *sha256);         /* missing is not an error */
    /* fn for each file stored more than min_age_s seconds ago; the count or -1 */
    int (*each)(void *ctx, long min_age_s, void (*fn)(const char *sha256, void *arg), void *arg);
};
/* A store whose committed files go to remote (copied; ctx must outlive
 * it); dir holds the temporary files of writes in progress. */
struct blob_store *blob_open_remote(const char *dir, const struct blob_remote *remote);
void blob_close(struct blob_store *bs);

/* Why a write failed: callers answer differently (413 for a file over its
 * limit, 507 for a full disk, 500 otherwise). */
enum blob_error { BLOB_OK = 0, BLOB_TOO_LARGE, BLOB_NO_SPACE, BLOB_IO };

/* A write in progress: bytes go to a temporary file while being hashed. */
struct blob_writer;

struct blob_writer *blob_writer_new(struct blob_store *bs);
/* Appends bytes; returns -1 on I/O error or when more than max_bytes were
 * written in total (max_bytes 0 = unlimited). */
int blob_writer_add(struct blob_writer *w, const void *data, size_t len);
size_t blob_writer_size(const struct blob_writer *w);
/* The first failure of this writer (BLOB_OK while none). */
enum blob_error blob_writer_error(const struct blob_writer *w);
/* Makes the temporary file durable (fsync) and names it: sha256 receives
 * the hex hash. The file is not yet in place: the caller may record a
 * reference to the hash first (ingest/files.h), then blob_writer_commit.
 * Returns 0 or -1 (see blob_writer_error); the writer stays the caller's. */
int blob_writer_seal(struct blob_writer *w, char sha256[PB_SHA256_HEX]);
/* Seals (unless sealed) and moves the content into place under its hash,
 * durably (rename, directory fsync); sha256 receives the hex name. Frees
 * the writer either way; on failure errno tells why (ENOSPC: disk full). */
int blob_writer_commit(struct blob_writer *w, char sha256[PB_SHA256_HEX]);
/* Discards the temporary file and frees the writer. */
void blob_writer_abort(struct blob_writer *w);
void blob_writer_set_limit(struct blob_writer *w, size_t max_bytes);

/* Stores a whole buffer (convenience over the writer). */
int blob_put(struct blob_store *bs, const void *data, size_t len, char sha256[PB_SHA256_HEX]);

/* Reads a blob whole; *data is malloc'd (caller frees). -1 if missing. */
int blob_get(struct blob_store *bs, const char *sha256, unsigned char **data, size_t *len);
/* The path of a blob (buf of at least PATH_MAX), whether or not it exists
 * (a local store's). */
const char *blob_path(struct blob_store *bs, const char *sha256, char *buf, size_t len);
bool blob_exists(struct blob_store *bs, const char *sha256);
/* Removes a blob; missing is not an error. */
int blob_delete(struct blob_store *bs, const char *sha256);

/* Calls fn for each file in place (local or remote) whose last modification is more than
 * min_age_s seconds ago (the orphan sweep checks each against the store).
 * Returns the number visited, or -1 when the store cannot be read. */
int blob_each(struct blob_store *bs, long min_age_s, void (*fn)(const char *sha256, void *arg), void *arg);

/* Removes temporary files (uploads cut off by a crash or kill -9) last
 * modified more than max_age_s seconds ago; younger ones may belong to a
 * write in progress on another node sharing the directory. Returns the
 * number removed. */
int blob_sweep_tmp(struct blob_store *bs, long max_age_s);

#endif
