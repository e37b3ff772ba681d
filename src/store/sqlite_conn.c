/* The SQLite store: connections, the statement cache, migrations, open and
 * close, and the operations table (the operations live in one file per
 * table family: sqlite_settings.c, sqlite_org.c, sqlite_session.c,
 * sqlite_statement.c, sqlite_job.c, sqlite_webhook.c, sqlite_blob.c,
 * sqlite_entity.c, sqlite_console.c; the commit engine is sqlite_commit.c).
 *
 * Connections: one writer connection owned by the writer thread, and one
 * read connection per thread that reads (created on first use, cached in
 * thread-local storage, closed at store close). WAL lets readers run while
 * the writer commits.
 *
 * Other processes (passbook org create while the server runs) open the
 * same file; SQLite's locks and busy_timeout serialise their writes. */
#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/sqlite_internal.h"
#include "util/log.h"
#include "util/ratelimit.h"

/* ---- connections ---- */

/* Before SQLite's first use in the process: no memory statistics (nothing
 * reads them), so that its allocations take no global mutex: the writer
 * makes ~30 of them a session create (callgrind: the writer's
 * instructions per create -10 %). */
static void configure_sqlite(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); /* SQLITE_MISUSE if already in use: harmless */
}

static void conn_close(struct sq_conn *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->nstmts; i++)
        sqlite3_finalize(c->q[i]);
    sqlite3_close(c->db);
    free(c);
}

static struct sq_conn *conn_open(const char *path, bool writer, char *err, size_t errlen)
{
    struct sq_conn *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    static pthread_once_t configured = PTHREAD_ONCE_INIT;
    pthread_once(&configured, configure_sqlite);
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (writer ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path, &c->db, flags, writer ? sq_wal_vfs() : NULL) != SQLITE_OK) {
        snprintf(err, errlen, "cannot open %s: %s", path, c->db ? sqlite3_errmsg(c->db) : "out of memory");
        conn_close(c);
        return NULL;
    }
    sqlite3_busy_timeout(c->db, 10000);
    sqlite3_extended_result_codes(c->db, 1);
    /* A big page cache for the writer keeps index pages of random keys
     * (UUIDs) in memory. Readers do not map the file: a reader that sees
     * the WAL changed since its last read (after any write, so on a busy
     * server at almost every read) drops its pages and unmaps the whole
     * mapping, and unmapping costs more (TLB shootdowns on every core,
     * faults to map again) than the few preads of an indexed lookup. */
    const char *pragmas = writer ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                                   "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
                                   "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;"
                                 : "PRAGMA foreign_keys=ON; PRAGMA query_only=1;"
                                   "PRAGMA mmap_size=0;";
    if (sq_exec(c->db, pragmas)) {
        snprintf(err, errlen, "cannot configure %s: %s", path, sqlite3_errmsg(c->db));
        conn_close(c);
        return NULL;
    }
    return c;
}

sqlite3_stmt *sq_stmt(struct sq_conn *c, const char *sql)
{
    int i = 0;
    while (i < c->nstmts && c->sql[i] != sql)
        i++;
    if (i == c->nstmts) {
        if (i == SQ_MAX_STMTS) {
            log_error("store op=prepare err=\"statement cache full\"");
            return NULL;
        }
        if (sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &c->q[i], NULL) != SQLITE_OK) {
            log_error("store op=prepare err=\"%s\"", sqlite3_errmsg(c->db));
            sqlite3_finalize(c->q[i]);
            c->q[i] = NULL;
            return NULL;
        }
        c->sql[i] = sql;
        c->nstmts++;
    }
    sqlite3_reset(c->q[i]);
    sqlite3_clear_bindings(c->q[i]);
    return c->q[i];
}

struct sq_conn *sq_reader(struct store *st)
{
    struct sqlite_store *s = (struct sqlite_store *)st;
    struct sq_conn *c = pthread_getspecific(s->reader_key);
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

sqlite3 *sqlite_reader_db(struct store *st)
{
    struct sq_conn *c = sq_reader(st);
    return c ? c->db : NULL;
}

/* ---- migrations ---- */

/* True when a row refers to a row that is not there (PRAGMA foreign_key_check). */
static bool foreign_keys_broken(sqlite3 *db)
{
    sqlite3_stmt *q = sq_prep(db, "PRAGMA foreign_key_check");
    bool broken = !q || sqlite3_step(q) != SQLITE_DONE;
    sqlite3_finalize(q);
    return broken;
}

static int migrate_all(struct sq_conn *c, char *err, size_t errlen)
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
    if (version < SQLITE_NMIGRATIONS && foreign_keys_broken(c->db)) {
        snprintf(err, errlen, "migration failed: it left references to missing rows");
        sq_exec(c->db, "ROLLBACK");
        return -1;
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

/* Migrations run with foreign keys off, as SQLite's procedure for a table
 * rebuild asks (dropping a parent table would otherwise delete, by ON DELETE
 * CASCADE, every row that refers to it); foreign_key_check then refuses a
 * migration that left a reference broken. The pragma only takes effect
 * outside a transaction. */
static int migrate(struct sq_conn *c, char *err, size_t errlen)
{
    if (sq_exec(c->db, "PRAGMA foreign_keys=OFF"))
        goto fail;
    int rc = migrate_all(c, err, errlen);
    if (sq_exec(c->db, "PRAGMA foreign_keys=ON") && !rc) {
        snprintf(err, errlen, "cannot turn foreign keys on again: %s", sqlite3_errmsg(c->db));
        rc = -1;
    }
    return rc;
fail:
    snprintf(err, errlen, "cannot configure the database: %s", sqlite3_errmsg(c->db));
    return -1;
}

/* ---- open / close ---- */

static void sq_close(struct store *st)
{
    struct sqlite_store *s = (struct sqlite_store *)st;
    sq_commit_stop(s);
    conn_close(s->writer);
    /* Read connections of threads still alive (this one included). */
    pthread_mutex_lock(&s->readers_mu);
    for (struct sq_conn *c = s->readers, *next; c; c = next) {
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
    out->statements = atomic_load(&s->n_statements);
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
    struct sq_conn *c = sq_reader(st);
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
    .job_renew = sq_job_renew,
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
    if (sq_commit_start(s, err, errlen)) {
        sq_close(&s->base);
        return -1;
    }
    *out = &s->base;
    return 0;
}
