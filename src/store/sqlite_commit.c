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
 * only reset after a checkpoint synced its frames into the database.
 *
 * Checkpoints, off the writer: SQLite checkpoints in the connection that
 * commits, every 1000 WAL pages, so the writer stopped taking writes for
 * the checkpoint's reads, writes and two fsyncs (at 64 connections, about
 * eight times a second: a stall of every pending create each time). The
 * writer only counts the WAL's pages (its WAL hook); a checkpointer thread
 * with its own connection copies them (PASSIVE: it never blocks the
 * writer) and the writer only copies the last pages, between two batches,
 * so that the WAL restarts from its start (writer_checkpoint). */
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

/* ---- the checkpointer thread ---- */

#define CKPT_PAGES 4000                  /* a WAL this long is copied (16 MB) */
#define CKPT_TAIL_PAGES (CKPT_PAGES / 8) /* left for the writer to finish */
#define CKPT_WRITER_PAGES (8 * CKPT_PAGES)

/* A PASSIVE checkpoint (never waits for the writer or readers); copied, if
 * not NULL, receives how many of the WAL's pages are in the database. */
static void checkpoint(sqlite3 *db, const char *who, atomic_int *copied)
{
    int log_pages = 0, done = 0;
    int rc = sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_PASSIVE, &log_pages, &done);
    if (rc == SQLITE_OK && copied)
        atomic_store(copied, done);
    else if (rc != SQLITE_OK && rc != SQLITE_BUSY) /* as SQLite's autocheckpoint: the WAL keeps the pages */
        log_warn("store op=checkpoint by=%s err=\"%s\"", who, sqlite3_errmsg(db));
}

static void *checkpointer_main(void *arg)
{
    struct sqlite_store *s = arg;
    for (;;) {
        pthread_mutex_lock(&s->ckmu);
        while (!s->ckpt_due && !s->ckpt_stopping)
            pthread_cond_wait(&s->ckcv, &s->ckmu);
        bool stop = s->ckpt_stopping;
        s->ckpt_due = false;
        pthread_mutex_unlock(&s->ckmu);
        if (stop)
            break;
        fault_point("store.checkpoint");
        checkpoint(s->ckpt_db, "checkpointer", &s->ckpt_copied);
    }
    return NULL;
}

/* The writer's WAL hook, inside each COMMIT: pages is the WAL's length. */
static int wal_grew(void *arg, sqlite3 *db, const char *name, int pages)
{
    struct sqlite_store *s = arg;
    if (pages < s->wal_pages) /* the WAL restarted: what was copied was of the old one */
        atomic_store(&s->ckpt_copied, 0);
    s->wal_pages = pages;
    if (pages >= CKPT_PAGES) {
        pthread_mutex_lock(&s->ckmu);
        s->ckpt_due = true;
        pthread_cond_signal(&s->ckcv);
        pthread_mutex_unlock(&s->ckmu);
    }
    return SQLITE_OK;
}

/* On the writer, once its batch is with the syncer. Under steady writes the
 * checkpointer never copies the whole WAL (the writer always adds to it),
 * and only a WAL copied whole restarts from its beginning: when the
 * checkpointer has copied all but a tail, the writer copies that tail
 * itself, between two transactions, and its next one restarts the WAL. A
 * WAL that grew far past the mark is checkpointed here whatever was
 * copied, so that it stays bounded if the checkpointer cannot keep up. */
static void writer_checkpoint(struct sqlite_store *s)
{
    if (s->wal_pages < CKPT_PAGES)
        return;
    if (s->wal_pages - atomic_load(&s->ckpt_copied) <= CKPT_TAIL_PAGES || s->wal_pages >= CKPT_WRITER_PAGES)
        checkpoint(s->writer->db, "writer", NULL);
}

static int checkpointer_start(struct sqlite_store *s, char *err, size_t errlen)
{
    if (sqlite3_open_v2(s->path, &s->ckpt_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
        sq_exec(s->ckpt_db, "PRAGMA synchronous=NORMAL; PRAGMA mmap_size=0;")) {
        snprintf(err, errlen, "cannot open the checkpointer's connection: %s",
                 s->ckpt_db ? sqlite3_errmsg(s->ckpt_db) : "out of memory");
        return -1;
    }
    pthread_mutex_init(&s->ckmu, NULL);
    pthread_cond_init(&s->ckcv, NULL);
    if (pthread_create(&s->ckpt_thread, NULL, checkpointer_main, s)) {
        snprintf(err, errlen, "cannot start the checkpointer thread");
        return -1;
    }
    s->ckpt_running = true;
    sqlite3_wal_hook(s->writer->db, wal_grew, s); /* replaces SQLite's autocheckpoint */
    return 0;
}

static void checkpointer_stop(struct sqlite_store *s)
{
    if (s->ckpt_running) {
        pthread_mutex_lock(&s->ckmu);
        s->ckpt_stopping = true;
        pthread_cond_signal(&s->ckcv);
        pthread_mutex_unlock(&s->ckmu);
        pthread_join(s->ckpt_thread, NULL);
        s->ckpt_running = false;
        pthread_mutex_destroy(&s->ckmu);
        pthread_cond_destroy(&s->ckcv);
    }
    sqlite3_close(s->ckpt_db);
    s->ckpt_db = NULL;
}

/* ---- the writer thread ---- */

/* Applies ops (a list) in the open transaction, a run of them at once
 * where their apply_run takes it; returns the last op and counts the ops
 * into *n and the statements they ran as into *statements. */
static struct wop *apply_all(struct sqlite_store *s, struct wop *ops, bool began, unsigned long long *n,
                             unsigned *statements)
{
    struct wop *last = ops;
    for (struct wop *w = ops; w;) {
        int applied = 1;
        if (!began)
            w->rc = STORE_ERROR;
        else if (w->apply_run)
            applied = w->apply_run(s->writer, w, statements);
        else
            w->rc = w->apply(s->writer, w->arg), (*statements)++;
        for (; applied > 0 && w; applied--, (*n)++) {
            last = w;
            w = w->next;
        }
    }
    return last;
}

/* Takes the queued ops (caller holds s->mu). */
static struct wop *take_queue(struct sqlite_store *s)
{
    struct wop *ops = s->head;
    s->head = s->tail = NULL;
    s->nqueued = 0;
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
        fault_point("store.group_commit"); /* a batch taken, nothing applied yet */
        bool began = sq_exec(s->writer->db, "BEGIN IMMEDIATE") == STORE_OK;
        unsigned long long n = 0;
        unsigned statements = 0;
        struct wop *last = apply_all(s, batch, began, &n, &statements);
        /* While the syncer is still flushing the previous batch, nobody
         * would hear about this one sooner anyway: keep the transaction
         * open and let ops queued meanwhile join it, a full run at a time
         * (SQ_RUN_MAX) so that creates go in few statements. Fewer, larger
         * commits write each touched page once. */
        pthread_mutex_lock(&s->mu);
        while (began && n < WRITER_MAX_BATCH) {
            while (s->nqueued < SQ_RUN_MAX && atomic_load(&s->syncer_busy) && !s->stopping)
                pthread_cond_wait(&s->cv, &s->mu);
            if (!s->head)
                break;
            struct wop *more = take_queue(s);
            pthread_mutex_unlock(&s->mu);
            last->next = more;
            last = apply_all(s, more, began, &n, &statements);
            pthread_mutex_lock(&s->mu);
        }
        pthread_mutex_unlock(&s->mu);
        atomic_fetch_add(&s->n_commits, 1);
        atomic_fetch_add(&s->n_writes, n);
        atomic_fetch_add(&s->n_statements, statements);
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
        writer_checkpoint(s);
    }
    return NULL;
}

void sq_submit_run(struct store *st, int (*apply)(struct sq_conn *, const void *),
                   int (*apply_run)(struct sq_conn *, struct wop *, unsigned *), const void *arg,
                   store_done_fn done, void *done_arg)
{
    struct sqlite_store *s = (struct sqlite_store *)st;
    struct wop *w = atomic_load(&s->failed) ? NULL : calloc(1, sizeof *w);
    if (!w) {
        done(done_arg, STORE_ERROR);
        return;
    }
    w->apply = apply;
    w->apply_run = apply_run;
    w->arg = arg;
    w->done = done;
    w->done_arg = done_arg;
    pthread_mutex_lock(&s->mu);
    if (s->tail)
        s->tail->next = w;
    else
        s->head = w;
    s->tail = w;
    /* the writer waits for a first op, or for a full run while the syncer
     * is busy (writer_main): a wake-up between those would find nothing
     * to do */
    if (++s->nqueued == 1 || s->nqueued >= SQ_RUN_MAX)
        pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

void sq_submit(struct store *st, int (*apply)(struct sq_conn *, const void *), const void *arg,
               store_done_fn done, void *done_arg)
{
    sq_submit_run(st, apply, NULL, arg, done, done_arg);
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
    if (checkpointer_start(s, err, errlen))
        return -1;
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
    checkpointer_stop(s);
}
