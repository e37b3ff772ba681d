/* The SQLite store.
 *
 * Connections: one writer connection owned by a writer thread, and one
 * read connection per thread that reads (created on first use, cached in
 * thread-local storage, closed at thread exit or store close). WAL lets
 * readers run while the writer commits.
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
 * Other processes (passbook org create while the server runs) open the
 * same file; SQLite's locks and busy_timeout serialise their writes. */
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/codec.h"
#include "store/sqlite_internal.h"
#include "util/fault.h"
#include "util/log.h"
#include "util/clock.h"
#include "util/ratelimit.h"

enum query {
    Q_SETTING_GET,
    Q_SETTING_INSERT,
    Q_SETTING_LIST,
    Q_SETTING_DELETE,
    Q_ORG_INSERT,
    Q_ORG_BY_ID,
    Q_ORG_BY_NAME,
    Q_ORG_BY_KEY,
    Q_ORG_LIST,
    Q_ORG_SET_KEYS,
    Q_ORG_SET_MODES,
    Q_SESSION_INSERT,
    Q_SESSION_GET,
    NQUERIES
};

#define ORG_COLS                                                                               \
    "id, name, api_key_hash, server_hash_hash, modes, webhook_url, webhook_mode, webhook_secret, " \
    "acceptance, acceptance_tolerance_days, created_at"

#define SESSION_COLS                                                                           \
    "id, org_id, api_version, link_id, redirect_url, logo_url, bank, mode, mobile_number, "     \
    "journey_mode, accept_anything, is_mobile_field_editable, from_day, to_day, max_from_day, " \
    "max_to_day, expected_months, session_expiry_min, aa_journey_mode, "                       \
    "aa_recurring_tenure_month_count, aa_recurring_frequency_unit, aa_recurring_frequency_value, " \
    "aa_journey_code, consents, metadata, created_at, expires_at, state, processing_requested_at, " \
    "deleted_at"

static const char *const SQL[NQUERIES] = {
    [Q_SETTING_GET] = "SELECT value FROM settings WHERE key = ?1",
    [Q_SETTING_INSERT] = "INSERT OR IGNORE INTO settings(key, value) VALUES (?1, ?2)",
    [Q_SETTING_LIST] = "SELECT key, value FROM settings WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key",
    [Q_SETTING_DELETE] = "DELETE FROM settings WHERE key = ?1",
    [Q_ORG_INSERT] = "INSERT INTO orgs(" ORG_COLS ", updated_at) VALUES "
                     "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
    [Q_ORG_BY_ID] = "SELECT " ORG_COLS " FROM orgs WHERE id = ?1",
    [Q_ORG_BY_NAME] = "SELECT " ORG_COLS " FROM orgs WHERE name = ?1 ORDER BY created_at LIMIT 1",
    [Q_ORG_BY_KEY] = "SELECT " ORG_COLS " FROM orgs WHERE api_key_hash = ?1",
    [Q_ORG_LIST] = "SELECT " ORG_COLS " FROM orgs ORDER BY created_at, rowid",
    [Q_ORG_SET_KEYS] = "UPDATE orgs SET api_key_hash = ?2, server_hash_hash = ?3, updated_at = ?4 "
                       "WHERE id = ?1",
    [Q_ORG_SET_MODES] = "UPDATE orgs SET modes = ?2, updated_at = ?3 WHERE id = ?1",
    [Q_SESSION_INSERT] = "INSERT INTO sessions(" SESSION_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                         "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, "
                         "?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)",
    /* org_id NULL: any organisation's (the hosted journey, the notifier) */
    [Q_SESSION_GET] = "SELECT " SESSION_COLS ", completion_notified_at, expiry_notified_at "
                      "FROM sessions WHERE id = ?1 AND (?2 IS NULL OR org_id = ?2)",
};

struct conn {
    sqlite3 *db;
    sqlite3_stmt *q[NQUERIES];
    struct conn *prev, *next; /* in the store's list of read connections */
};

struct wop {
    int (*apply)(struct conn *c, const void *arg); /* returns a store_rc */
    const void *arg;
    store_done_fn done;
    void *done_arg;
    int rc;
    struct wop *next;
};

struct sqlite_store {
    struct store base;
    char *path;
    struct conn *writer;
    pthread_t writer_thread;
    bool writer_running;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct wop *head, *tail;
    bool stopping;
    /* the syncer: batches committed but not yet synced */
    pthread_t syncer_thread;
    bool syncer_running;
    pthread_mutex_t smu;
    pthread_cond_t scv;
    struct wop *shead, *stail;
    bool sstopping;
    char *wal_path;
    int wal_fd;
    ino_t wal_ino;
    atomic_ullong n_commits, n_writes, n_syncs, sync_micros;
    atomic_bool syncer_busy;    /* the syncer holds a batch (set under smu) */
    atomic_bool failed;         /* a WAL sync failed: no write is acknowledged again */
    pthread_key_t reader_key;
    pthread_mutex_t readers_mu;
    struct conn *readers;
    struct ratelimit *rates;    /* rate_count: one node, in memory */
};

/* ---- connections ---- */

static void conn_close(struct conn *c)
{
    if (!c)
        return;
    for (int i = 0; i < NQUERIES; i++)
        sqlite3_finalize(c->q[i]);
    sqlite3_close(c->db);
    free(c);
}

static struct conn *conn_open(const char *path, bool writer, char *err, size_t errlen)
{
    struct conn *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (writer ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path, &c->db, flags, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "cannot open %s: %s", path, c->db ? sqlite3_errmsg(c->db) : "out of memory");
        conn_close(c);
        return NULL;
    }
    sqlite3_busy_timeout(c->db, 10000);
    sqlite3_extended_result_codes(c->db, 1);
    /* A big page cache for the writer keeps index pages of random keys
     * (UUIDs) in memory; mmap spares readers a pread per page. */
    const char *pragmas = writer ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                                   "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
                                   "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;"
                                 : "PRAGMA foreign_keys=ON; PRAGMA query_only=1;"
                                   "PRAGMA mmap_size=268435456;";
    if (sq_exec(c->db, pragmas)) {
        snprintf(err, errlen, "cannot configure %s: %s", path, sqlite3_errmsg(c->db));
        conn_close(c);
        return NULL;
    }
    return c;
}

/* The prepared statement q of connection c, reset and ready to bind. */
static sqlite3_stmt *stmt(struct conn *c, enum query q)
{
    if (!c->q[q] &&
        sqlite3_prepare_v3(c->db, SQL[q], -1, SQLITE_PREPARE_PERSISTENT, &c->q[q], NULL) != SQLITE_OK) {
        log_error("store op=prepare query=%d err=\"%s\"", (int)q, sqlite3_errmsg(c->db));
        return NULL;
    }
    sqlite3_reset(c->q[q]);
    sqlite3_clear_bindings(c->q[q]);
    return c->q[q];
}

/* This thread's read connection, opened on first use. */
static struct conn *reader(struct sqlite_store *s)
{
    struct conn *c = pthread_getspecific(s->reader_key);
    if (c)
        return c;
    char err[256];
    c = conn_open(s->path, false, err, sizeof err);
    if (!c) {
        log_error("store op=open_reader err=\"%s\"", err);
        return NULL;
    }
    pthread_mutex_lock(&s->readers_mu);
    c->next = s->readers;
    if (s->readers)
        s->readers->prev = c;
    s->readers = c;
    pthread_mutex_unlock(&s->readers_mu);
    pthread_setspecific(s->reader_key, c);
    return c;
}

/* ---- column helpers ---- */

static int step_done(struct conn *c, sqlite3_stmt *q, const char *what)
{
    int rc = sq_rc(c->db, sqlite3_step(q), what);
    sqlite3_reset(q);
    return rc;
}

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

static void submit(struct sqlite_store *s, int (*apply)(struct conn *, const void *), const void *arg,
                   store_done_fn done, void *done_arg)
{
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

struct sync_wait {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int done, rc;
};

static void sync_done(void *arg, int rc)
{
    struct sync_wait *w = arg;
    pthread_mutex_lock(&w->mu);
    w->rc = rc;
    w->done = 1;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

/* Runs apply in the writer's next batch and waits for the commit. */
static int write_sync(struct sqlite_store *s, int (*apply)(struct conn *, const void *), const void *arg)
{
    struct sync_wait w = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0};
    submit(s, apply, arg, sync_done, &w);
    pthread_mutex_lock(&w.mu);
    while (!w.done)
        pthread_cond_wait(&w.cv, &w.mu);
    pthread_mutex_unlock(&w.mu);
    return w.rc;
}

/* For the store's other files (sqlite_internal.h): a write through the
 * group commit, with the writer's database handle. */
struct raw_write {
    int (*fn)(sqlite3 *db, const void *arg);
    const void *arg;
};

static int apply_raw(struct conn *c, const void *arg)
{
    const struct raw_write *w = arg;
    return w->fn(c->db, w->arg);
}

int sqlite_write(struct store *st, int (*fn)(sqlite3 *db, const void *arg), const void *arg)
{
    struct raw_write w = {fn, arg};
    return write_sync((struct sqlite_store *)st, apply_raw, &w);
}

sqlite3 *sqlite_reader_db(struct store *st)
{
    struct conn *c = reader((struct sqlite_store *)st);
    return c ? c->db : NULL;
}

/* ---- migrations ---- */

static int migrate(struct conn *c, char *err, size_t errlen)
{
    if (sq_exec(c->db, "BEGIN IMMEDIATE"))
        goto fail;
    if (sq_exec(c->db, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"))
        goto rollback;
    sqlite3_stmt *q = NULL;
    int version = 0;
    if (sqlite3_prepare_v2(c->db, "SELECT max(version) FROM schema_version", -1, &q, NULL) != SQLITE_OK)
        goto rollback;
    if (sqlite3_step(q) == SQLITE_ROW)
        version = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    if (version > SQLITE_NMIGRATIONS) {
        snprintf(err, errlen, "database schema version %d is newer than this passbook (%d)", version,
                 SQLITE_NMIGRATIONS);
        sq_exec(c->db, "ROLLBACK");
        return -1;
    }
    for (int v = version + 1; v <= SQLITE_NMIGRATIONS; v++) {
        char rec[96];
        snprintf(rec, sizeof rec, "INSERT INTO schema_version(version) VALUES (%d)", v);
        if (sq_exec(c->db, SQLITE_MIGRATIONS[v - 1]) || sq_exec(c->db, rec))
            goto rollback;
        log_info("store msg=\"migrated\" version=%d", v);
    }
    if (sq_exec(c->db, "COMMIT"))
        goto rollback;
    return 0;
rollback:
    snprintf(err, errlen, "migration failed: %s", sqlite3_errmsg(c->db));
    sq_exec(c->db, "ROLLBACK");
    return -1;
fail:
    snprintf(err, errlen, "cannot lock the database: %s", sqlite3_errmsg(c->db));
    return -1;
}

/* ---- settings ---- */

struct kv {
    const char *key, *value;
};

static int apply_setting_insert(struct conn *c, const void *arg)
{
    const struct kv *kv = arg;
    sqlite3_stmt *q = stmt(c, Q_SETTING_INSERT);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, kv->key);
    sq_bind_text(q, 2, kv->value);
    return step_done(c, q, "setting_insert");
}

static int setting_read(struct sqlite_store *s, const char *key, char **out)
{
    struct conn *c = reader(s);
    sqlite3_stmt *q = c ? stmt(c, Q_SETTING_GET) : NULL;
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, key);
    int rc = sqlite3_step(q);
    int res = rc == SQLITE_ROW ? STORE_OK : rc == SQLITE_DONE ? STORE_NOT_FOUND : STORE_ERROR;
    if (res == STORE_OK && !(*out = sq_col_dup(q, 0)))
        res = STORE_ERROR;
    sqlite3_reset(q);
    return res;
}

static int sq_setting_get_or_set(struct store *st, const char *key, const char *value_if_missing,
                                 char **out)
{
    struct sqlite_store *s = (struct sqlite_store *)st;
    int rc = setting_read(s, key, out);
    if (rc != STORE_NOT_FOUND)
        return rc;
    struct kv kv = {key, value_if_missing};
    if ((rc = write_sync(s, apply_setting_insert, &kv)) != STORE_OK)
        return rc;
    return setting_read(s, key, out); /* another process may have won the race */
}

static int sq_setting_list(struct store *st, const char *prefix, struct setting **out, size_t *n)
{
    struct sqlite_store *s = (struct sqlite_store *)st;
    struct conn *c = reader(s);
    sqlite3_stmt *q = c ? stmt(c, Q_SETTING_LIST) : NULL;
    *out = NULL;
    *n = 0;
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, prefix);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (*n == cap) {
            struct setting *p = realloc(*out, (cap = cap ? 2 * cap : 8) * sizeof *p);
            if (!p)
                break;
            *out = p;
        }
        (*out)[*n].key = sq_col_dup(q, 0);
        (*out)[*n].value = sq_col_dup(q, 1);
        (*n)++;
    }
    sqlite3_reset(q);
    if (rc != SQLITE_DONE) {
        settings_free(*out, *n);
        *out = NULL;
        *n = 0;
        return STORE_ERROR;
    }
    return STORE_OK;
}

static int apply_setting_delete(struct conn *c, const void *arg)
{
    sqlite3_stmt *q = stmt(c, Q_SETTING_DELETE);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, arg);
    return step_done(c, q, "setting_delete");
}

static int sq_setting_delete(struct store *st, const char *key)
{
    return write_sync((struct sqlite_store *)st, apply_setting_delete, key);
}

/* ---- organisations ---- */

static void org_from_row(sqlite3_stmt *q, struct org *o)
{
    memset(o, 0, sizeof *o);
    sq_col_copy(q, 0, o->id, sizeof o->id);
    o->name = sq_col_dup(q, 1);
    sq_col_copy(q, 2, o->api_key_hash, sizeof o->api_key_hash);
    sq_col_copy(q, 3, o->server_hash_hash, sizeof o->server_hash_hash);
    o->modes = sqlite3_column_int(q, 4);
    o->webhook_url = sq_col_dup(q, 5);
    o->webhook_mode = sqlite3_column_int(q, 6);
    o->webhook_secret = sq_col_dup(q, 7);
    o->acceptance = sq_col_dup(q, 8);
    o->acceptance_tolerance_days = sqlite3_column_int(q, 9);
    o->created_at = sqlite3_column_int64(q, 10);
}

static int apply_org_insert(struct conn *c, const void *arg)
{
    const struct org *o = arg;
    sqlite3_stmt *q = stmt(c, Q_ORG_INSERT);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, o->id);
    sq_bind_text(q, 2, o->name);
    sq_bind_text(q, 3, o->api_key_hash);
    sq_bind_text(q, 4, o->server_hash_hash);
    sqlite3_bind_int(q, 5, o->modes);
    sq_bind_text(q, 6, o->webhook_url);
    sqlite3_bind_int(q, 7, o->webhook_mode);
    sq_bind_text(q, 8, o->webhook_secret);
    sq_bind_text(q, 9, o->acceptance ? o->acceptance : "missing_upload_months");
    sqlite3_bind_int(q, 10, o->acceptance_tolerance_days);
    sqlite3_bind_int64(q, 11, o->created_at ? o->created_at : pb_now());
    return step_done(c, q, "org_insert");
}

static int sq_org_insert(struct store *st, const struct org *o)
{
    return write_sync((struct sqlite_store *)st, apply_org_insert, o);
}

/* Runs a one-row org query bound to text arg. */
static int org_query(struct sqlite_store *s, enum query qid, const char *arg, struct org *out)
{
    struct conn *c = reader(s);
    sqlite3_stmt *q = c ? stmt(c, qid) : NULL;
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, arg);
    int rc = sqlite3_step(q), res;
    if (rc == SQLITE_ROW) {
        org_from_row(q, out);
        res = STORE_OK;
    } else if (rc == SQLITE_DONE) {
        res = STORE_NOT_FOUND;
    } else {
        log_error("store op=org_query err=\"%s\"", sqlite3_errmsg(c->db));
        res = STORE_ERROR;
    }
    sqlite3_reset(q);
    return res;
}

static int sq_org_get(struct store *st, const char *id_or_name, struct org *out)
{
    struct sqlite_store *s = (struct sqlite_store *)st;
    int rc = org_query(s, Q_ORG_BY_ID, id_or_name, out);
    return rc == STORE_NOT_FOUND ? org_query(s, Q_ORG_BY_NAME, id_or_name, out) : rc;
}

static int sq_org_find_by_key_hash(struct store *st, const char *hash, struct org *out)
{
    return org_query((struct sqlite_store *)st, Q_ORG_BY_KEY, hash, out);
}

static int sq_org_list(struct store *st, struct org **out, size_t *n)
{
    struct sqlite_store *s = (struct sqlite_store *)st;
    struct conn *c = reader(s);
    sqlite3_stmt *q = c ? stmt(c, Q_ORG_LIST) : NULL;
    *out = NULL;
    *n = 0;
    if (!q)
        return STORE_ERROR;
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            struct org *p = realloc(*out, cap * sizeof *p);
            if (!p)
                break;
            *out = p;
        }
        org_from_row(q, &(*out)[(*n)++]);
    }
    sqlite3_reset(q);
    return rc == SQLITE_DONE ? STORE_OK : STORE_ERROR;
}

struct org_update {
    const char *id, *a, *b;
    int modes;
};

static int apply_org_set_keys(struct conn *c, const void *arg)
{
    const struct org_update *u = arg;
    sqlite3_stmt *q = stmt(c, Q_ORG_SET_KEYS);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, u->id);
    sq_bind_text(q, 2, u->a);
    sq_bind_text(q, 3, u->b);
    sqlite3_bind_int64(q, 4, pb_now());
    return sq_changed(c->db, step_done(c, q, "org_set_keys"));
}

static int apply_org_set_modes(struct conn *c, const void *arg)
{
    const struct org_update *u = arg;
    sqlite3_stmt *q = stmt(c, Q_ORG_SET_MODES);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, u->id);
    sqlite3_bind_int(q, 2, u->modes);
    sqlite3_bind_int64(q, 3, pb_now());
    return sq_changed(c->db, step_done(c, q, "org_set_modes"));
}

static int sq_org_set_keys(struct store *st, const char *id, const char *key_hash, const char *sh_hash)
{
    struct org_update u = {id, key_hash, sh_hash, 0};
    return write_sync((struct sqlite_store *)st, apply_org_set_keys, &u);
}

static int sq_org_set_modes(struct store *st, const char *id, int modes)
{
    struct org_update u = {id, NULL, NULL, modes};
    return write_sync((struct sqlite_store *)st, apply_org_set_modes, &u);
}

/* ---- sessions ---- */

static void session_from_row(sqlite3_stmt *q, struct session *s);

/* Binds s to q (SQL[Q_SESSION_INSERT]) and runs it once (reset after). */
static int session_insert_run(sqlite3 *db, sqlite3_stmt *q, const struct session *s)
{
    const struct session_req *r = &s->req;
    char *months = store_months_format(r->expected_months, r->n_expected_months);
    char *consents = store_json_text(r->consents), *metadata = store_json_text(r->metadata);
    sq_bind_text(q, 1, s->id);
    sq_bind_text(q, 2, s->org_id);
    sqlite3_bind_int(q, 3, r->version);
    sq_bind_text(q, 4, r->link_id);
    sq_bind_text(q, 5, r->redirect_url);
    sq_bind_text(q, 6, r->logo_url);
    sq_bind_text(q, 7, r->bank);
    sqlite3_bind_int(q, 8, r->mode);
    sq_bind_text(q, 9, r->mobile_number);
    sq_bind_text(q, 10, r->journey_mode);
    sqlite3_bind_int(q, 11, r->accept_anything);
    sqlite3_bind_int(q, 12, r->is_mobile_field_editable);
    sqlite3_bind_int(q, 13, r->from_date);
    sqlite3_bind_int(q, 14, r->to_date);
    sq_bind_int_opt(q, 15, r->max_from_date, r->max_from_date != PB_NO_DAY);
    sq_bind_int_opt(q, 16, r->max_to_date, r->max_to_date != PB_NO_DAY);
    sq_bind_text(q, 17, months ? months : "");
    sqlite3_bind_int(q, 18, r->session_expiry_min);
    sq_bind_text(q, 19, r->aa_journey_mode);
    sq_bind_int_opt(q, 20, r->aa_recurring_tenure_month_count, r->aa_recurring_tenure_month_count != 0);
    sq_bind_text(q, 21, r->aa_recurring_frequency_unit);
    sq_bind_int_opt(q, 22, r->aa_recurring_frequency_value, r->aa_recurring_frequency_value != 0);
    sq_bind_text(q, 23, r->aa_journey_code);
    sq_bind_text(q, 24, consents);
    sq_bind_text(q, 25, metadata);
    sqlite3_bind_int64(q, 26, s->created_at);
    sqlite3_bind_int64(q, 27, s->expires_at);
    sq_bind_text(q, 28, session_state_name(s->state));
    sq_bind_int_opt(q, 29, s->processing_requested_at, s->processing_requested_at != 0);
    sq_bind_int_opt(q, 30, s->deleted_at, s->deleted_at != 0);
    free(months);
    free(consents);
    free(metadata);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc == SQLITE_DONE)
        return STORE_OK;
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
        return STORE_CONFLICT;
    log_error("store op=session_insert err=\"%s\"", sqlite3_errmsg(db));
    return STORE_ERROR;
}

static int apply_session_insert(struct conn *c, const void *arg)
{
    sqlite3_stmt *q = stmt(c, Q_SESSION_INSERT);
    return q ? session_insert_run(c->db, q, arg) : STORE_ERROR;
}

int sqlite_session_insert_db(sqlite3 *db, const struct session *s)
{
    sqlite3_stmt *q = sq_prep(db, SQL[Q_SESSION_INSERT]);
    if (!q)
        return STORE_ERROR;
    int rc = session_insert_run(db, q, s);
    sqlite3_finalize(q);
    return rc;
}

static void sq_session_insert_async(struct store *st, const struct session *s, store_done_fn done, void *arg)
{
    submit((struct sqlite_store *)st, apply_session_insert, s, done, arg);
}

static json_t *col_json(sqlite3_stmt *q, int i)
{
    const unsigned char *t = sqlite3_column_text(q, i);
    return t ? json_loads((const char *)t, 0, NULL) : NULL;
}

static int col_day(sqlite3_stmt *q, int i)
{
    return sqlite3_column_type(q, i) == SQLITE_NULL ? PB_NO_DAY : sqlite3_column_int(q, i);
}

static void session_from_row(sqlite3_stmt *q, struct session *s)
{
    struct session_req *r = &s->req;
    memset(s, 0, sizeof *s);
    sq_col_copy(q, 0, s->id, sizeof s->id);
    sq_col_copy(q, 1, s->org_id, sizeof s->org_id);
    r->version = sqlite3_column_int(q, 2);
    r->link_id = sq_col_dup(q, 3);
    r->redirect_url = sq_col_dup(q, 4);
    r->logo_url = sq_col_dup(q, 5);
    r->bank = sq_col_dup(q, 6);
    r->mode = sqlite3_column_int(q, 7);
    r->mobile_number = sq_col_dup(q, 8);
    r->journey_mode = sq_col_dup(q, 9);
    r->accept_anything = sqlite3_column_int(q, 10) != 0;
    r->is_mobile_field_editable = sqlite3_column_int(q, 11) != 0;
    r->from_date = sqlite3_column_int(q, 12);
    r->to_date = sqlite3_column_int(q, 13);
    r->max_from_date = col_day(q, 14);
    r->max_to_date = col_day(q, 15);
    r->n_expected_months = store_months_parse((const char *)sqlite3_column_text(q, 16), r->expected_months,
                                        SESSION_MAX_MONTHS);
    r->session_expiry_min = sqlite3_column_int(q, 17);
    r->aa_journey_mode = sq_col_dup(q, 18);
    r->aa_recurring_tenure_month_count = sqlite3_column_int(q, 19);
    r->aa_recurring_frequency_unit = sq_col_dup(q, 20);
    r->aa_recurring_frequency_value = sqlite3_column_int(q, 21);
    r->aa_journey_code = sq_col_dup(q, 22);
    r->consents = col_json(q, 23);
    r->metadata = col_json(q, 24);
    s->created_at = sqlite3_column_int64(q, 25);
    s->expires_at = sqlite3_column_int64(q, 26);
    session_state_parse((const char *)sqlite3_column_text(q, 27), &s->state);
    s->processing_requested_at = sqlite3_column_int64(q, 28);
    s->deleted_at = sqlite3_column_int64(q, 29);
    if (sqlite3_column_count(q) > 31) {
        s->completion_notified_at = sqlite3_column_int64(q, 30);
        s->expiry_notified_at = sqlite3_column_int64(q, 31);
    }
}

static int sq_session_get(struct store *st, const char *id, const char *org_id, struct session *out)
{
    struct sqlite_store *s = (struct sqlite_store *)st;
    struct conn *c = reader(s);
    sqlite3_stmt *q = c ? stmt(c, Q_SESSION_GET) : NULL;
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, id);
    sq_bind_text(q, 2, org_id);
    int rc = sqlite3_step(q), res;
    if (rc == SQLITE_ROW) {
        session_from_row(q, out);
        res = STORE_OK;
    } else if (rc == SQLITE_DONE) {
        res = STORE_NOT_FOUND;
    } else {
        log_error("store op=session_get err=\"%s\"", sqlite3_errmsg(c->db));
        res = STORE_ERROR;
    }
    sqlite3_reset(q);
    return res;
}

#define SESSION_LIST_WHERE                                                                     \
    " FROM sessions s WHERE org_id = ?1 AND deleted_at IS NULL"                                \
    " AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.session_id = s.id)"                     \
    " AND (?2 IS NULL OR link_id = ?2) AND (?3 = 0 OR created_at >= ?3)"                       \
    " AND (?4 = 0 OR created_at <= ?4) AND (?5 IS NULL"                                        \
    "  OR (?5 = 'open' AND state = 'open' AND expires_at > ?6)"                                \
    "  OR (?5 = 'expired' AND state = 'open' AND expires_at <= ?6)"                            \
    "  OR (?5 IN ('processing', 'completed', 'failed') AND state = ?5))"                      \
    " AND (?9 IS NULL OR link_id = ?9 OR substr(link_id, 1, length(?9)) = ?9"                  \
    "  OR substr(s.id, 1, length(?9)) = lower(?9) OR EXISTS (SELECT 1 FROM accounts a"         \
    "  WHERE a.session_id = s.id AND instr(lower(a.name), lower(?9)) > 0))"                   \
    " AND (?10 = 0 OR EXISTS (SELECT 1 FROM accounts a WHERE a.session_id = s.id"              \
    "  AND a.fraud_count > 0))"

static void session_list_bind(sqlite3_stmt *q, const struct session_filter *f)
{
    sq_bind_text(q, 1, f->org_id);
    sq_bind_text(q, 2, f->link_id);
    sqlite3_bind_int64(q, 3, f->created_from);
    sqlite3_bind_int64(q, 4, f->created_to);
    sq_bind_text(q, 5, f->status);
    sqlite3_bind_int64(q, 6, f->now);
    sq_bind_text(q, 9, f->q);
    sqlite3_bind_int(q, 10, f->fraud_only);
}

static void session_row_cb(sqlite3_stmt *q, void *p)
{
    session_from_row(q, p);
}

static int sq_session_list(struct store *st, const struct session_filter *f, struct session **out, size_t *n,
                           size_t *total)
{
    *out = NULL;
    *n = *total = 0;
    sqlite3 *db = sqlite_reader_db(st);
    sqlite3_stmt *q = db ? sq_prep(db, "SELECT count(*)" SESSION_LIST_WHERE) : NULL;
    if (!q)
        return STORE_ERROR;
    session_list_bind(q, f);
    int rc = sqlite3_step(q) == SQLITE_ROW ? STORE_OK : STORE_ERROR;
    *total = (size_t)sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    if (rc != STORE_OK)
        return rc;
    q = sq_prep(db, "SELECT " SESSION_COLS ", completion_notified_at, expiry_notified_at" SESSION_LIST_WHERE
                    " ORDER BY created_at DESC, rowid DESC LIMIT ?7 OFFSET ?8");
    if (!q)
        return STORE_ERROR;
    session_list_bind(q, f);
    sqlite3_bind_int64(q, 7, (sqlite3_int64)f->limit);
    sqlite3_bind_int64(q, 8, (sqlite3_int64)f->offset);
    rc = sq_collect(q, sizeof **out, session_row_cb, (void **)out, n);
    sqlite3_finalize(q);
    return rc;
}

/* ---- open / close ---- */

static void sq_close(struct store *st)
{
    struct sqlite_store *s = (struct sqlite_store *)st;
    if (s->writer_running) {
        pthread_mutex_lock(&s->mu);
        s->stopping = true;
        pthread_cond_signal(&s->cv);
        pthread_mutex_unlock(&s->mu);
        pthread_join(s->writer_thread, NULL);
    }
    if (s->syncer_running) { /* after the writer: it drains what the writer handed over */
        pthread_mutex_lock(&s->smu);
        s->sstopping = true;
        pthread_cond_signal(&s->scv);
        pthread_mutex_unlock(&s->smu);
        pthread_join(s->syncer_thread, NULL);
    }
    if (s->wal_fd >= 0)
        close(s->wal_fd);
    conn_close(s->writer);
    /* Read connections of threads still alive (this one included). */
    pthread_mutex_lock(&s->readers_mu);
    for (struct conn *c = s->readers, *next; c; c = next) {
        next = c->next;
        conn_close(c);
    }
    s->readers = NULL;
    pthread_mutex_unlock(&s->readers_mu);
    pthread_setspecific(s->reader_key, NULL);
    pthread_key_delete(s->reader_key);
    pthread_mutex_destroy(&s->mu);
    pthread_cond_destroy(&s->cv);
    pthread_mutex_destroy(&s->readers_mu);
    pthread_mutex_destroy(&s->smu);
    pthread_cond_destroy(&s->scv);
    free(s->wal_path);
    ratelimit_free(s->rates);
    free(s->path);
    free(s);
}

static void sq_stats(struct store *st, struct store_stats *out)
{
    struct sqlite_store *s = (struct sqlite_store *)st;
    out->commits = atomic_load(&s->n_commits);
    out->writes = atomic_load(&s->n_writes);
    out->syncs = atomic_load(&s->n_syncs);
    out->sync_seconds = (double)atomic_load(&s->sync_micros) / 1e6;
    out->failed = atomic_load(&s->failed);
}

static int sq_rate_count(struct store *st, const char *key, int window_s, int64_t now, bool count_it,
                         int *count)
{
    struct sqlite_store *s = (struct sqlite_store *)st;
    *count = ratelimit_count(s->rates, key, window_s, now, count_it);
    return STORE_OK;
}

/* Readiness: this thread's read connection reads the database. */
static int sq_ping(struct store *st)
{
    struct conn *c = reader((struct sqlite_store *)st);
    sqlite3_stmt *q = c ? sq_prep(c->db, "SELECT max(version) FROM schema_version") : NULL;
    if (!q)
        return STORE_ERROR;
    int rc = sq_rc(c->db, sqlite3_step(q), "ping");
    sqlite3_finalize(q);
    return rc;
}

static const struct store_ops SQLITE_OPS = {
    .close = sq_close,
    .stats = sq_stats,
    .setting_get_or_set = sq_setting_get_or_set,
    .setting_list = sq_setting_list,
    .setting_delete = sq_setting_delete,
    .org_insert = sq_org_insert,
    .org_get = sq_org_get,
    .org_find_by_key_hash = sq_org_find_by_key_hash,
    .org_list = sq_org_list,
    .org_set_keys = sq_org_set_keys,
    .org_set_modes = sq_org_set_modes,
    .session_insert_async = sq_session_insert_async,
    .session_get = sq_session_get,
    .org_set_webhook = sqlite_org_set_webhook,
    .session_complete = sqlite_session_complete,
    .session_expired_list = sqlite_session_expired_list,
    .session_expire_mark = sqlite_session_expire_mark,
    .webhook_insert = sqlite_webhook_insert,
    .webhook_claim = sqlite_webhook_claim,
    .webhook_finish = sqlite_webhook_finish,
    .webhook_list = sqlite_webhook_list,
    .webhook_get = sqlite_webhook_get,
    .statement_commit = sq_statement_commit,
    .account_list = sq_account_list,
    .statement_list = sq_statement_list,
    .statement_get = sq_statement_get,
    .txn_list = sq_txn_list,
    .session_request_processing = sq_session_request_processing,
    .session_finish_processing = sq_session_finish_processing,
    .account_set_result = sq_account_set_result,
    .session_delete = sq_session_delete,
    .pdf_expire = sq_pdf_expire,
    .job_claim = sq_job_claim,
    .job_finish = sq_job_finish,
    .org_set_acceptance = sq_org_set_acceptance,
    .job_release = sq_job_release,
    .blob_pin = sq_blob_pin,
    .blob_unpin = sq_blob_unpin,
    .blob_claim = sq_blob_claim,
    .blob_forget = sq_blob_forget,
    .blob_orphans = sq_blob_orphans,
    .blob_known = sq_blob_known,
    .blob_release_claims = sq_blob_release_claims,
    .rate_count = sq_rate_count,
    .entity_insert = sq_entity_insert,
    .entity_get = sq_entity_get,
    .entity_list = sq_entity_list,
    .job_insert = sq_job_insert,
    .job_states = sq_job_states,
    .job_counts = sq_job_counts,
    .session_list = sq_session_list,
    .user_insert = sq_user_insert,
    .user_get = sq_user_get,
    .user_list = sq_user_list,
    .user_delete = sq_user_delete,
    .user_set_password = sq_user_set_password,
    .login_insert = sq_login_insert,
    .login_get = sq_login_get,
    .login_touch = sq_login_touch,
    .login_delete = sq_login_delete,
    .audit_insert = sq_audit_insert,
    .audit_list = sq_audit_list,
    .account_briefs = sq_account_briefs,
    .ping = sq_ping,
    .aa_consent_insert = sq_aa_consent_insert,
    .aa_consent_get = sq_aa_consent_get,
    .aa_consent_latest = sq_aa_consent_latest,
    .aa_consent_update = sq_aa_consent_update,
    .aa_consent_note = sq_aa_consent_note,
    .aa_event_record = sq_aa_event_record,
    .aa_expire_data = sq_aa_expire_data,
    .job_snooze = sq_job_snooze,
};

/* The database holds customers' financial data: its files are the
 * owner's only (0600), also when an older install created them 0644.
 * SQLite gives the -wal and -shm files the database file's mode. */
static void private_files(const char *path)
{
    if (path[0] == ':' || !strcmp(path, ""))
        return;
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd >= 0) {
        fchmod(fd, 0600);
        close(fd);
    }
    static const char *const SUFFIX[] = {"-wal", "-shm", "-journal"};
    for (size_t i = 0; i < 3; i++) {
        char p[4096];
        snprintf(p, sizeof p, "%s%s", path, SUFFIX[i]);
        chmod(p, 0600);
    }
}

int sqlite_store_open(const char *path, struct store **out, char *err, size_t errlen)
{
    struct sqlite_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    s->base.ops = &SQLITE_OPS;
    s->wal_fd = -1;
    if (asprintf(&s->wal_path, "%s-wal", path) < 0) {
        free(s->path);
        free(s);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    pthread_mutex_init(&s->smu, NULL);
    pthread_cond_init(&s->scv, NULL);
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    pthread_mutex_init(&s->readers_mu, NULL);
    /* Connections of exited threads are closed by sq_close, not by a key
     * destructor, so the list never holds a dangling pointer. */
    pthread_key_create(&s->reader_key, NULL);
    s->rates = ratelimit_new(65536);
    private_files(path);
    s->writer = s->rates ? conn_open(path, true, err, errlen) : NULL;
    if (!s->writer || migrate(s->writer, err, errlen)) {
        sq_close(&s->base);
        return -1;
    }
    if (pthread_create(&s->syncer_thread, NULL, syncer_main, s)) {
        snprintf(err, errlen, "cannot start the syncer thread");
        sq_close(&s->base);
        return -1;
    }
    s->syncer_running = true;
    if (pthread_create(&s->writer_thread, NULL, writer_main, s)) {
        snprintf(err, errlen, "cannot start the writer thread");
        sq_close(&s->base);
        return -1;
    }
    s->writer_running = true;
    *out = &s->base;
    return 0;
}
