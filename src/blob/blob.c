#include "blob/blob.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct blob_store {
    char *root;
    bool remote;                 /* committed files live in r, not under root */
    struct blob_remote r;
};

struct blob_writer {
    struct blob_store *bs;
    int fd;
    char tmp[PATH_MAX];
    EVP_MD_CTX *md;
    size_t size, limit;
    enum blob_error error;
    bool sealed;
    char sha256[PB_SHA256_HEX];
};

/* The kind of an I/O failure by errno: a full disk (or quota) or other. */
static enum blob_error io_error(int e)
{
    return e == ENOSPC || e == EDQUOT ? BLOB_NO_SPACE : BLOB_IO;
}

static bool valid_name(const char *sha256)
{
    if (!sha256 || strlen(sha256) != 64)
        return false;
    for (int i = 0; i < 64; i++)
        if (!((sha256[i] >= '0' && sha256[i] <= '9') || (sha256[i] >= 'a' && sha256[i] <= 'f')))
            return false;
    return true;
}

static int mkdir_p(const char *dir)
{
    char buf[PATH_MAX];
    if (snprintf(buf, sizeof buf, "%s", dir) >= (int)sizeof buf)
        return -1;
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0700) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    return mkdir(buf, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

static int fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

struct blob_store *blob_open(const char *dir)
{
    char tmp[PATH_MAX];
    if (snprintf(tmp, sizeof tmp, "%s/tmp", dir) >= (int)sizeof tmp || mkdir_p(tmp) != 0)
        return NULL;
    struct blob_store *bs = calloc(1, sizeof *bs);
    if (!bs)
        return NULL;
    bs->root = strdup(dir);
    if (!bs->root) {
        free(bs);
        return NULL;
    }
    return bs;
}

struct blob_store *blob_open_remote(const char *dir, const struct blob_remote *remote)
{
    struct blob_store *bs = blob_open(dir);
    if (bs) {
        bs->remote = true;
        bs->r = *remote;
    }
    return bs;
}

void blob_close(struct blob_store *bs)
{
    if (!bs)
        return;
    free(bs->root);
    free(bs);
}

const char *blob_path(struct blob_store *bs, const char *sha256, char *buf, size_t len)
{
    snprintf(buf, len, "%s/%.2s/%s", bs->root, sha256, sha256);
    return buf;
}

struct blob_writer *blob_writer_new(struct blob_store *bs)
{
    struct blob_writer *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->bs = bs;
    snprintf(w->tmp, sizeof w->tmp, "%s/tmp/upload-XXXXXX", bs->root);
    w->fd = mkstemp(w->tmp);
    w->md = EVP_MD_CTX_new();
    if (w->fd < 0 || !w->md || EVP_DigestInit_ex(w->md, EVP_sha256(), NULL) != 1) {
        int e = w->fd < 0 ? errno : ENOMEM;
        blob_writer_abort(w);
        errno = e; /* ENOSPC tells the caller the disk is full */
        return NULL;
    }
    return w;
}

void blob_writer_set_limit(struct blob_writer *w, size_t max_bytes)
{
    w->limit = max_bytes;
}

int blob_writer_add(struct blob_writer *w, const void *data, size_t len)
{
    if (w->error || w->sealed)
        return -1;
    if (w->limit && (len > w->limit || w->size > w->limit - len)) {
        w->error = BLOB_TOO_LARGE;
        return -1;
    }
    const char *p = data;
    size_t left = len;
    while (left) {
        ssize_t n = write(w->fd, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            w->error = n < 0 ? io_error(errno) : BLOB_IO;
            return -1;
        }
        p += n;
        left -= (size_t)n;
    }
    EVP_DigestUpdate(w->md, data, len);
    w->size += len;
    return 0;
}

size_t blob_writer_size(const struct blob_writer *w)
{
    return w->size;
}

enum blob_error blob_writer_error(const struct blob_writer *w)
{
    return w->error;
}

void blob_writer_abort(struct blob_writer *w)
{
    if (!w)
        return;
    if (w->fd >= 0) {
        close(w->fd);
        unlink(w->tmp);
    }
    EVP_MD_CTX_free(w->md);
    free(w);
}

int blob_writer_seal(struct blob_writer *w, char sha256[PB_SHA256_HEX])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    if (!w->sealed && !w->error) {
        if (EVP_DigestFinal_ex(w->md, md, &mdlen) != 1)
            w->error = BLOB_IO;
        else if (fsync(w->fd) != 0) /* never trust the file after a failed fsync */
            w->error = io_error(errno);
        else {
            hex_encode(md, mdlen, w->sha256);
            w->sealed = true;
        }
    }
    if (w->error)
        return -1;
    memcpy(sha256, w->sha256, PB_SHA256_HEX);
    return 0;
}

/* Durability order: data fsync, rename into place, fsync the directory;
 * or, remote: the remote has it durably, then the temporary file goes. */
int blob_writer_commit(struct blob_writer *w, char sha256[PB_SHA256_HEX])
{
    char dir[PATH_MAX], path[PATH_MAX];
    if (blob_writer_seal(w, sha256))
        goto fail;
    if (w->bs->remote) {
        if (w->bs->r.put(w->bs->r.ctx, sha256, w->fd)) {
            w->error = io_error(errno);
            goto fail;
        }
        blob_writer_abort(w);
        return 0;
    }
    snprintf(dir, sizeof dir, "%s/%.2s", w->bs->root, sha256);
    blob_path(w->bs, sha256, path, sizeof path);
    if ((mkdir(dir, 0700) != 0 && errno != EEXIST) || rename(w->tmp, path) != 0 || fsync_dir(dir) != 0) {
        w->error = io_error(errno);
        goto fail;
    }
    close(w->fd);
    w->fd = -1;
    blob_writer_abort(w);
    return 0;
fail:;
    int e = errno;
    blob_writer_abort(w);
    errno = e;
    return -1;
}

int blob_put(struct blob_store *bs, const void *data, size_t len, char sha256[PB_SHA256_HEX])
{
    struct blob_writer *w = blob_writer_new(bs);
    if (!w)
        return -1;
    if (blob_writer_add(w, data, len) != 0) {
        blob_writer_abort(w);
        return -1;
    }
    return blob_writer_commit(w, sha256);
}

int blob_get(struct blob_store *bs, const char *sha256, unsigned char **data, size_t *len)
{
    char path[PATH_MAX];
    if (!valid_name(sha256))
        return -1;
    if (bs->remote)
        return bs->r.get(bs->r.ctx, sha256, data, len);
    FILE *f = fopen(blob_path(bs, sha256, path, sizeof path), "rb");
    if (!f)
        return -1;
    struct stat st;
    if (fstat(fileno(f), &st) != 0) {
        fclose(f);
        return -1;
    }
    *len = (size_t)st.st_size;
    *data = malloc(*len ? *len : 1);
    if (!*data || fread(*data, 1, *len, f) != *len) {
        free(*data);
        *data = NULL;
        fclose(f);
        return -1;
    }
    fclose(f);
    return 0;
}

bool blob_exists(struct blob_store *bs, const char *sha256)
{
    char path[PATH_MAX];
    if (!valid_name(sha256))
        return false;
    if (!bs->remote)
        return access(blob_path(bs, sha256, path, sizeof path), F_OK) == 0;
    unsigned char *data = NULL;
    size_t len = 0;
    bool there = bs->r.get(bs->r.ctx, sha256, &data, &len) == 0;
    free(data);
    return there;
}

int blob_delete(struct blob_store *bs, const char *sha256)
{
    char path[PATH_MAX];
    if (!valid_name(sha256))
        return -1;
    if (bs->remote)
        return bs->r.del(bs->r.ctx, sha256);
    if (unlink(blob_path(bs, sha256, path, sizeof path)) != 0 && errno != ENOENT)
        return -1;
    return 0;
}

int blob_each(struct blob_store *bs, long min_age_s, void (*fn)(const char *sha256, void *arg), void *arg)
{
    char dir[PATH_MAX], path[PATH_MAX];
    if (bs->remote)
        return bs->r.each(bs->r.ctx, min_age_s, fn, arg);
    DIR *top = opendir(bs->root);
    if (!top)
        return -1;
    int seen = 0;
    time_t now = time(NULL);
    for (struct dirent *d = readdir(top); d; d = readdir(top)) {
        if (strlen(d->d_name) != 2 || !isxdigit((unsigned char)d->d_name[0]) ||
            !isxdigit((unsigned char)d->d_name[1]) ||
            snprintf(dir, sizeof dir, "%s/%s", bs->root, d->d_name) >= (int)sizeof dir)
            continue;
        DIR *sub = opendir(dir);
        for (struct dirent *e = sub ? readdir(sub) : NULL; e; e = readdir(sub)) {
            struct stat st;
            if (!valid_name(e->d_name) || strncmp(e->d_name, d->d_name, 2) ||
                snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path ||
                lstat(path, &st) != 0 || !S_ISREG(st.st_mode) || now - st.st_mtime <= min_age_s)
                continue;
            fn(e->d_name, arg);
            seen++;
        }
        if (sub)
            closedir(sub);
    }
    closedir(top);
    return seen;
}

int blob_sweep_tmp(struct blob_store *bs, long max_age_s)
{
    char dir[PATH_MAX], path[PATH_MAX];
    snprintf(dir, sizeof dir, "%s/tmp", bs->root);
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int removed = 0;
    time_t now = time(NULL);
    for (struct dirent *e = readdir(d); e; e = readdir(d)) {
        struct stat st;
        if (strncmp(e->d_name, "upload-", 7) != 0 ||
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path ||
            lstat(path, &st) != 0 || !S_ISREG(st.st_mode) || now - st.st_mtime <= max_age_s)
            continue;
        if (unlink(path) == 0)
            removed++;
    }
    closedir(d);
    return removed;
}
