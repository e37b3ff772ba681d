/* The writer's VFS: SQLite's default one, except that each WAL frame goes to
 * the file in one write instead of two.
 *
 * SQLite writes a frame as its 24-byte header and then its page, two
 * pwrite()s at adjacent offsets, one after the other in the same call
 * (walWriteOneFrame); at ~20 frames a commit that is ~40 system calls on the
 * writer, the thread every pending create waits for. This VFS holds a
 * 24-byte write to a WAL file back until the next call on that file: when
 * that call writes right after it (the frame's page), both go down as one
 * write; any other call (another write, a read, a sync, a size, a close, a
 * file control) writes the held bytes first. So the file holds exactly the
 * bytes, at the offsets and in the order, of SQLite's own writes before
 * anything can look at it: SQLite updates the WAL index (what readers and
 * checkpoints go by) only after a frame's page is written, and the syncer's
 * fdatasync runs after the commit returned. Files other than WALs are the
 * default VFS's own, untouched. */
#include <pthread.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "store/sqlite_internal.h"

#define FRAME_HEAD 24 /* WAL_FRAME_HDRSIZE */

struct wal_file {
    sqlite3_file base;
    sqlite3_file *real; /* the default VFS's file, allocated right after this struct */
    unsigned char head[FRAME_HEAD];
    sqlite3_int64 head_off;
    bool held;
    unsigned char *joined; /* head + page, written as one */
    size_t joined_cap;
};

static sqlite3_vfs walvfs;
static sqlite3_vfs *base_vfs;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int registered = SQLITE_ERROR;

static struct wal_file *wal_of(sqlite3_file *f)
{
    return (struct wal_file *)f;
}

/* Writes the held frame header, if any, where SQLite asked for it. */
static int flush_head(struct wal_file *w)
{
    if (!w->held)
        return SQLITE_OK;
    w->held = false;
    return w->real->pMethods->xWrite(w->real, w->head, FRAME_HEAD, w->head_off);
}

static int write_joined(struct wal_file *w, const void *buf, int n)
{
    size_t need = FRAME_HEAD + (size_t)n;
    if (need > w->joined_cap) {
        unsigned char *p = realloc(w->joined, need);
        if (!p) /* no room to join: the two writes as SQLite made them */
            return flush_head(w) != SQLITE_OK ? SQLITE_IOERR_WRITE
                                               : w->real->pMethods->xWrite(w->real, buf, n, w->head_off + FRAME_HEAD);
        w->joined = p;
        w->joined_cap = need;
    }
    memcpy(w->joined, w->head, FRAME_HEAD);
    memcpy(w->joined + FRAME_HEAD, buf, (size_t)n);
    w->held = false;
    return w->real->pMethods->xWrite(w->real, w->joined, (int)need, w->head_off);
}

static int wal_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
    struct wal_file *w = wal_of(f);
    if (w->held && off == w->head_off + FRAME_HEAD)
        return write_joined(w, buf, n);
    int rc = flush_head(w);
    if (rc != SQLITE_OK)
        return rc;
    if (n == FRAME_HEAD) {
        memcpy(w->head, buf, FRAME_HEAD);
        w->head_off = off;
        w->held = true;
        return SQLITE_OK;
    }
    return w->real->pMethods->xWrite(w->real, buf, n, off);
}

static int wal_close(sqlite3_file *f)
{
    struct wal_file *w = wal_of(f);
    int flushed = flush_head(w);
    int rc = w->real->pMethods->xClose(w->real);
    free(w->joined);
    w->joined = NULL;
    w->joined_cap = 0;
    return flushed != SQLITE_OK ? flushed : rc;
}

/* Every other call sees the file as SQLite wrote it: the held bytes first. */
#define FLUSHED(w) do { int flush_rc_ = flush_head(w); if (flush_rc_ != SQLITE_OK) return flush_rc_; } while (0)

static int wal_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
    FLUSHED(wal_of(f));
    return wal_of(f)->real->pMethods->xRead(wal_of(f)->real, buf, n, off);
}

static int wal_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    FLUSHED(wal_of(f));
    return wal_of(f)->real->pMethods->xTruncate(wal_of(f)->real, size);
}

static int wal_sync(sqlite3_file *f, int flags)
{
    FLUSHED(wal_of(f));
    return wal_of(f)->real->pMethods->xSync(wal_of(f)->real, flags);
}

static int wal_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
    FLUSHED(wal_of(f));
    return wal_of(f)->real->pMethods->xFileSize(wal_of(f)->real, size);
}

static int wal_lock(sqlite3_file *f, int level)
{
    FLUSHED(wal_of(f));
    return wal_of(f)->real->pMethods->xLock(wal_of(f)->real, level);
}

static int wal_unlock(sqlite3_file *f, int level)
{
    FLUSHED(wal_of(f));
    return wal_of(f)->real->pMethods->xUnlock(wal_of(f)->real, level);
}

static int wal_check_reserved(sqlite3_file *f, int *out)
{
    FLUSHED(wal_of(f));
    return wal_of(f)->real->pMethods->xCheckReservedLock(wal_of(f)->real, out);
}

static int wal_file_control(sqlite3_file *f, int op, void *arg)
{
    FLUSHED(wal_of(f));
    return wal_of(f)->real->pMethods->xFileControl(wal_of(f)->real, op, arg);
}

static int wal_sector_size(sqlite3_file *f)
{
    return wal_of(f)->real->pMethods->xSectorSize(wal_of(f)->real);
}

static int wal_device_characteristics(sqlite3_file *f)
{
    return wal_of(f)->real->pMethods->xDeviceCharacteristics(wal_of(f)->real);
}

/* Version 1: SQLite maps and shares memory through the database file's
 * methods, never the WAL's, so a WAL file needs no xShm or xFetch. */
static const sqlite3_io_methods wal_methods = {
    .iVersion = 1,
    .xClose = wal_close,
    .xRead = wal_read,
    .xWrite = wal_write,
    .xTruncate = wal_truncate,
    .xSync = wal_sync,
    .xFileSize = wal_file_size,
    .xLock = wal_lock,
    .xUnlock = wal_unlock,
    .xCheckReservedLock = wal_check_reserved,
    .xFileControl = wal_file_control,
    .xSectorSize = wal_sector_size,
    .xDeviceCharacteristics = wal_device_characteristics,
};

/* A WAL file is wrapped; any other file is the default VFS's, opened into
 * the space SQLite allocated for it. */
static int vfs_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
    (void)vfs;
    if (!(flags & SQLITE_OPEN_WAL))
        return base_vfs->xOpen(base_vfs, name, f, flags, out_flags);
    struct wal_file *w = wal_of(f);
    memset(w, 0, sizeof *w);
    w->real = (sqlite3_file *)(w + 1);
    int rc = base_vfs->xOpen(base_vfs, name, w->real, flags, out_flags);
    if (rc != SQLITE_OK || !w->real->pMethods) {
        w->base.pMethods = NULL;
        return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
    }
    w->base.pMethods = &wal_methods;
    return SQLITE_OK;
}

static int vfs_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
    (void)vfs;
    return base_vfs->xDelete(base_vfs, name, sync_dir);
}

static int vfs_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
    (void)vfs;
    return base_vfs->xAccess(base_vfs, name, flags, out);
}

static int vfs_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
    (void)vfs;
    return base_vfs->xFullPathname(base_vfs, name, n, out);
}

static void *vfs_dl_open(sqlite3_vfs *vfs, const char *name)
{
    (void)vfs;
    return base_vfs->xDlOpen(base_vfs, name);
}

static void vfs_dl_error(sqlite3_vfs *vfs, int n, char *out)
{
    (void)vfs;
    base_vfs->xDlError(base_vfs, n, out);
}

static void (*vfs_dl_sym(sqlite3_vfs *vfs, void *lib, const char *name))(void)
{
    (void)vfs;
    return base_vfs->xDlSym(base_vfs, lib, name);
}

static void vfs_dl_close(sqlite3_vfs *vfs, void *lib)
{
    (void)vfs;
    base_vfs->xDlClose(base_vfs, lib);
}

static int vfs_randomness(sqlite3_vfs *vfs, int n, char *out)
{
    (void)vfs;
    return base_vfs->xRandomness(base_vfs, n, out);
}

static int vfs_sleep(sqlite3_vfs *vfs, int micros)
{
    (void)vfs;
    return base_vfs->xSleep(base_vfs, micros);
}

static int vfs_current_time(sqlite3_vfs *vfs, double *out)
{
    (void)vfs;
    return base_vfs->xCurrentTime(base_vfs, out);
}

static int vfs_last_error(sqlite3_vfs *vfs, int n, char *out)
{
    (void)vfs;
    return base_vfs->xGetLastError(base_vfs, n, out);
}

static int vfs_current_time64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
    (void)vfs;
    return base_vfs->xCurrentTimeInt64(base_vfs, out);
}

static void register_once(void)
{
    base_vfs = sqlite3_vfs_find(NULL);
    if (!base_vfs || base_vfs->iVersion < 2)
        return;
    walvfs = (sqlite3_vfs){
        .iVersion = 2,
        .szOsFile = (int)sizeof(struct wal_file) + base_vfs->szOsFile,
        .mxPathname = base_vfs->mxPathname,
        .zName = SQ_WAL_VFS,
        .xOpen = vfs_open,
        .xDelete = vfs_delete,
        .xAccess = vfs_access,
        .xFullPathname = vfs_full_pathname,
        .xDlOpen = vfs_dl_open,
        .xDlError = vfs_dl_error,
        .xDlSym = vfs_dl_sym,
        .xDlClose = vfs_dl_close,
        .xRandomness = vfs_randomness,
        .xSleep = vfs_sleep,
        .xCurrentTime = vfs_current_time,
        .xGetLastError = vfs_last_error,
        .xCurrentTimeInt64 = vfs_current_time64,
    };
    registered = sqlite3_vfs_register(&walvfs, 0);
}

const char *sq_wal_vfs(void)
{
    pthread_once(&once, register_once);
    return registered == SQLITE_OK ? SQ_WAL_VFS : NULL;
}
