/* The SQLite store's commit engine: the writer and syncer threads.
 *
 * Writes (group commit): callers queue a write op and wait (or get a
 * callback). The writer thread takes every queued op, runs them all in one
 * transaction and commits once. A failing op does not take its batch down:
 * each op is one statement (atomic by itself) or runs inside a savepoint.
 *
 * Durability, pipelined: the writer commits with synchronous=NORMAL (the
 * WAL frames are written, not yet synced) and hands the batch to a syncer
 * thread, which fdatasync()s the WAL file and only then reports "ok" to the
 * callers. fdatasync covers every frame written before it started, so one
 * sync acknowledges every batch committed meanwhile, and the writer
 * prepares the next batch while the disk flushes the previous one (it
 * keeps that transaction open until the syncer is free). An
 * acknowledged write is therefore on disk (the guarantee of
 * synchronous=FULL): it survives kill -9 and power loss. Checkpoints sync
 * the WAL and the database themselves (SQLite's NORMAL rules); a WAL is
 * only reset after a checkpoint synced its frames into the database. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/sqlite_internal.h"
#include "store/wait.h"
#include "util/fault.h"
#include "util/log.h"

/* ---- the syncer thread ---- */

/* Makes every WAL frame written so far durable. The WAL keeps its inode
 * while connections are open; reopen if it was ever replaced. */
static int wal_sync(struct sqlite_store *s)
{
    struct stat st;
    if (stat(s->wal_path, &st) != 0) {
        /* no WAL: everything is in the database file */
        int fd = open(s->path, O_RDONLY | O_CLOEXEC);
        int rc = fd >= 0 ? fdatasync(fd) : -1;
        if (fd >= 0)
            close(fd);
        return rc;
    }
    if (s->wal_fd < 0 || st.st_ino != s->wal_ino) {
        if (s->wal_fd >= 0)
            close(s->wal_fd);
        s->wal_fd = open(s->wal_path, O_RDONLY | O_CLOEXEC);
        s->wal_ino = st.st_ino;
    }
    return s->wal_fd >= 0 ? fdatasync(s->wal_fd) : -1;
}

static void *syncer_main(void *arg)
{
    struct sqlite_store *s = arg;
    for (;;) {
        pthread_mutex_lock(&s->smu);
        while (!s->shead && !s->sstopping)
            pthread_cond_wait(&s->scv, &s->smu);
        struct wop *batch = s->shead;
        s->shead = s->stail = NULL;
        bool stop = s->sstopping;
        if (batch)
            atomic_store(&s->syncer_busy, true);
        pthread_mutex_unlock(&s->smu);
        if (!batch) {
            if (stop)
                break;
            continue;
        }
        bool wrote = false;
        for (struct wop *w = batch; w; w = w->next)
            wrote |= w->rc == STORE_OK;
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        int rc = wrote ? wal_sync(s) : 0;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if (wrote) {
            atomic_fetch_add(&s->n_syncs, 1);
            atomic_fetch_add(&s->sync_micros, (unsigned long long)((t1.tv_sec - t0.tv_sec) * 1000000 +
                                                                   (t1.tv_nsec - t0.tv_nsec) / 1000));
        }
        if (rc == 0 && wrote)
            fault_point("store.synced");
        if (rc != 0 || atomic_load(&s->failed)) {
            /* Not durable, and never again trustworthy: after a failed
             * fsync the kernel may have dropped the dirty pages and a later
             * fsync would succeed without them. Nothing more is acked. */
            int e = errno;
            for (struct wop *w = batch; w; w = w->next)
                if (w->rc == STORE_OK)
                    w->rc = e == ENOSPC ? STORE_FULL : STORE_ERROR;
            if (rc != 0 && !atomic_exchange(&s->failed, true)) {
                log_error("store op=wal_sync err=\"%s\"", strerror(e));
                store_report_failure("the write-ahead log could not be synced");
            }
        }
        while (batch) {
            struct wop *next = batch->next;
            batch->done(batch->done_arg, batch->rc);
            free(batch);
            batch = next;
        }
        /* idle: a transaction the writer holds open may commit now */
        pthread_mutex_lock(&s->smu);
        bool more = s->shead != NULL;
        pthread_mutex_unlock(&s->smu);
        if (!more) {
            atomic_store(&s->syncer_busy, false);
            pthread_mutex_lock(&s->mu);
            pthread_cond_broadcast(&s->cv);
            pthread_mutex_unlock(&s->mu);
        }
    }
    return NULL;
}

static void hand_to_syncer(struct sqlite_store *s, struct wop *batch)
{
    struct wop *last = batch;
    while (last->next)
        last = last->next;
    pthread_mutex_lock(&s->smu);
    if (s->stail)
        s->stail->next = batch;
    else
        s->shead = batch;
    s->stail = last;
    pthread_cond_signal(&s->scv);
    pthread_mutex_unlock(&s->smu);
}

/* ---- the writer thread ---- */

/* Applies ops (a list) in the open transaction; returns the last op and
 * counts them into *n. */
static struct wop *apply_all(struct sqlite_store *s, struct wop *ops, bool began, unsigned long long *n)
{
    struct wop *last = ops;
    for (struct wop *w = ops; w; w = w->next, (*n)++) {
        w->rc = began ? w->apply(s->writer, w->arg) : STORE_ERROR;
        last = w;
    }
    return last;
}

/* Takes the queued ops (caller holds s->mu). */
static struct wop *take_queue(struct sqlite_store *s)
{
    struct wop *ops = s->head;
    s->head = s->tail = NULL;
    return ops;
}

#define WRITER_MAX_BATCH 4096

static void *writer_main(void *arg)
{
    struct sqlite_store *s = arg;
    for (;;) {
        pthread_mutex_lock(&s->mu);
        while (!s->head && !s->stopping)
            pthread_cond_wait(&s->cv, &s->mu);
        struct wop *batch = take_queue(s);
        pthread_mutex_unlock(&s->mu);
        if (!batch)
            break; /* stopping, nothing left */
        bool began = sq_exec(s->writer->db, "BEGIN IMMEDIATE") == STORE_OK;
        unsigned long long n = 0;
        struct wop *last = apply_all(s, batch, began, &n);
        /* While the syncer is still flushing the previous batch, nobody
         * would hear about this one sooner anyway: keep the transaction
         * open and let ops queued meanwhile join it. Fewer, larger
         * commits write each touched page once. */
        pthread_mutex_lock(&s->mu);
        while (began && n < WRITER_MAX_BATCH) {
            while (!s->head && atomic_load(&s->syncer_busy) && !s->stopping)
                pthread_cond_wait(&s->cv, &s->mu);
            if (!s->head)
                break;
            struct wop *more = take_queue(s);
            pthread_mutex_unlock(&s->mu);
            last->next = more;
            last = apply_all(s, more, began, &n);
            pthread_mutex_lock(&s->mu);
        }
        pthread_mutex_unlock(&s->mu);
        atomic_fetch_add(&s->n_commits, 1);
        atomic_fetch_add(&s->n_writes, n);
        if (began && sq_exec(s->writer->db, "COMMIT") != STORE_OK) {
            /* nothing of the batch is stored; a full disk is said so, so
             * that callers answer 507 and retry once space returns */
            int failed = (sqlite3_extended_errcode(s->writer->db) & 0xff) == SQLITE_FULL ? STORE_FULL : STORE_ERROR;
            sq_exec(s->writer->db, "ROLLBACK");
            for (struct wop *w = batch; w; w = w->next)
                if (w->rc == STORE_OK)
                    w->rc = failed;
        }
        fault_point("store.committed");
        hand_to_syncer(s, batch);
    }
    return NULL;
}

void sq_submit(struct store *st, int (*apply)(struct sq_conn *, const void *), const void *arg,
               store_done_fn done, void *done_arg)
{
    struct sqlite_store *s = (struct sqlite_store *)st;
    struct wop *w = atomic_load(&s->failed) ? NULL : calloc(1, sizeof *w);
    if (!w) {
        done(done_arg, STORE_ERROR);
        return;
    }
    w->apply = apply;
    w->arg = arg;
    w->done = done;
    w->done_arg = done_arg;
    pthread_mutex_lock(&s->mu);
    if (s->tail)
        s->tail->next = w;
    else
        s->head = w;
    s->tail = w;
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

int sq_write_conn(struct store *st, int (*apply)(struct sq_conn *, const void *), const void *arg)
{
    struct store_wait w = STORE_WAIT_INIT;
    sq_submit(st, apply, arg, store_wait_done, &w);
    return store_wait(&w);
}

/* sqlite_write: a write through the group commit, with the writer's
 * database handle (for files whose statements are prepared per call). */
struct raw_write {
    int (*fn)(sqlite3 *db, const void *arg);
    const void *arg;
};

static int apply_raw(struct sq_conn *c, const void *arg)
{
    const struct raw_write *w = arg;
    return w->fn(c->db, w->arg);
}

int sqlite_write(struct store *st, int (*fn)(sqlite3 *db, const void *arg), const void *arg)
{
    struct raw_write w = {fn, arg};
    return sq_write_conn(st, apply_raw, &w);
}

int sq_commit_start(struct sqlite_store *s, char *err, size_t errlen)
{
    if (pthread_create(&s->syncer_thread, NULL, syncer_main, s)) {
        snprintf(err, errlen, "cannot start the syncer thread");
        return -1;
    }
    s->syncer_running = true;
    if (pthread_create(&s->writer_thread, NULL, writer_main, s)) {
        snprintf(err, errlen, "cannot start the writer thread");
        return -1;
    }
    s->writer_running = true;
    return 0;
}

void sq_commit_stop(struct sqlite_store *s)
{
    if (s->writer_running) {
        pthread_mutex_lock(&s->mu);
        s->stopping = true;
        pthread_cond_signal(&s->cv);
        pthread_mutex_unlock(&s->mu);
        pthread_join(s->writer_thread, NULL);
        s->writer_running = false;
    }
    if (s->syncer_running) { /* after the writer: it drains what the writer handed over */
        pthread_mutex_lock(&s->smu);
        s->sstopping = true;
        pthread_cond_signal(&s->scv);
        pthread_mutex_unlock(&s->smu);
        pthread_join(s->syncer_thread, NULL);
        s->syncer_running = false;
    }
    if (s->wal_fd >= 0)
        close(s->wal_fd);
    s->wal_fd = -1;
}
