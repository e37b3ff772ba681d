/* Shared between the SQLite store's files; not for use outside src/store/. */
#ifndef PB_STORE_SQLITE_INTERNAL_H
#define PB_STORE_SQLITE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

#include <pthread.h>
#include <stdatomic.h>
#include <sys/types.h>

extern const char *const SQLITE_MIGRATIONS[];

/* ---- connections (sqlite_conn.c) ----
 * One writer connection, owned by the writer thread, and one read
 * connection per thread that reads (opened on first use, closed at store
 * close). Each keeps the statements prepared through sq_stmt, named by the
 * address of their SQL text (a static array of the family's file), as the
 * PostgreSQL store names its statements. */
#define SQ_MAX_STMTS 32

struct sq_conn {
    sqlite3 *db;
    const char *sql[SQ_MAX_STMTS];
    sqlite3_stmt *q[SQ_MAX_STMTS];
    int nstmts;
    struct sq_conn *prev, *next; /* in the store's list of read connections */
};

/* The most ops one statement applies (apply_run): while the syncer still
 * flushes the previous batch, the writer lets the queue fill up to this
 * before it applies what is queued, so that runs come whole. */
#define SQ_RUN_MAX 16

/* A write op queued for the group commit (sqlite_commit.c). */
struct wop {
    int (*apply)(struct sq_conn *c, const void *arg); /* returns a store_rc */
    /* Not NULL: applies this op and any of those after it that can go with
     * it in fewer statements (session creates: one multi-row INSERT),
     * setting each one's rc; returns how many it applied (at least 1) and
     * adds the statements it ran to *statements. */
    int (*apply_run)(struct sq_conn *c, struct wop *first, unsigned *statements);
    const void *arg;
    store_done_fn done;
    void *done_arg;
    int rc;
    struct wop *next;
};

struct sqlite_store {
    struct store base;
    char *path;
    struct sq_conn *writer;
    /* the writer: ops queued for the next transaction */
    pthread_t writer_thread;
    bool writer_running;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct wop *head, *tail;
    int nqueued;                /* ops in head .. tail */
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
    atomic_ullong n_commits, n_writes, n_statements, n_syncs, sync_micros;
    atomic_bool syncer_busy;    /* the syncer holds a batch (set under smu) */
    atomic_bool failed;         /* a WAL sync failed: no write is acknowledged again */
    /* the checkpointer: copies the WAL into the database off the writer */
    pthread_t ckpt_thread;
    bool ckpt_running;
    pthread_mutex_t ckmu;
    pthread_cond_t ckcv;
    bool ckpt_due, ckpt_stopping;
    sqlite3 *ckpt_db;
    atomic_int ckpt_copied;     /* of the WAL's pages, how many its last checkpoint copied */
    int wal_pages;              /* the WAL's length after the writer's last commit */
    pthread_key_t reader_key;
    pthread_mutex_t readers_mu;
    struct sq_conn *readers;
    struct ratelimit *rates;    /* rate_count: one node, in memory */
};

/* The statement of c for sql (prepared on first use, cached for the
 * connection's life), reset and ready to bind; NULL (logged) on error. */
sqlite3_stmt *sq_stmt(struct sq_conn *c, const char *sql);
/* This thread's read connection (opened on first use), or NULL (logged). */
struct sq_conn *sq_reader(struct store *st);

/* ---- the commit engine (sqlite_commit.c) ---- */
/* Queues apply for the writer's next batch; done runs once it is committed
 * and synced (or failed), on the syncer thread. */
void sq_submit(struct store *st, int (*apply)(struct sq_conn *, const void *), const void *arg,
               store_done_fn done, void *done_arg);
/* sq_submit for an op that apply_run may apply together with the ops
 * queued after it (struct wop); apply alone otherwise. */
void sq_submit_run(struct store *st, int (*apply)(struct sq_conn *, const void *),
                   int (*apply_run)(struct sq_conn *, struct wop *, unsigned *), const void *arg,
                   store_done_fn done, void *done_arg);
/* sq_submit, and waits for the outcome. */
int sq_write_conn(struct store *st, int (*apply)(struct sq_conn *, const void *), const void *arg);
int sq_commit_start(struct sqlite_store *s, char *err, size_t errlen);
/* Drains the queues (every queued op is committed and synced) and stops. */
void sq_commit_stop(struct sqlite_store *s);

/* The writer connection's VFS (sqlite_walvfs.c): the default VFS with each
 * WAL frame written in one system call. NULL if it could not be set up
 * (then the default VFS serves). */
#define SQ_WAL_VFS "passbook-wal"
const char *sq_wal_vfs(void);

/* The one set of SQLite helpers (sqlite_util.c), for every file of the
 * store. NULL binds as SQL NULL (sq_bind_nonempty: "" too, for ids kept
 * in fixed buffers); sq_col_dup returns a malloc'd copy or NULL for SQL
 * NULL; sq_col_copy writes "" for SQL NULL. */
void sq_bind_text(sqlite3_stmt *q, int i, const char *v);
void sq_bind_nonempty(sqlite3_stmt *q, int i, const char *v);
void sq_bind_int_opt(sqlite3_stmt *q, int i, int64_t v, bool present);
char *sq_col_dup(sqlite3_stmt *q, int i);
void sq_col_copy(sqlite3_stmt *q, int i, char *out, size_t len);
/* A prepared statement (logged and NULL on error), finalized by the caller. */
sqlite3_stmt *sq_prep(sqlite3 *db, const char *sql);
/* A SQLite result as a store_rc: STORE_CONFLICT for a constraint,
 * STORE_FULL for a full disk, STORE_ERROR (logged) otherwise. */
int sq_rc(sqlite3 *db, int rc, const char *what);
/* Steps q once (to completion for a write) and maps the result. */
int sq_run(sqlite3 *db, sqlite3_stmt *q, const char *what);
/* sq_run, then resets q (a cached statement, sq_stmt). */
int sq_run_reset(sqlite3 *db, sqlite3_stmt *q, const char *what);
/* Runs a one-row query q (bound, cached): STORE_OK with from_row(q, out)
 * called, STORE_NOT_FOUND without a row, STORE_ERROR (logged); q is reset. */
int sq_get_row(sqlite3 *db, sqlite3_stmt *q, const char *what, void (*from_row)(sqlite3_stmt *, void *),
               void *out);
/* sq_run, then finalizes q; a NULL q (sq_prep failed) is STORE_ERROR. */
int sq_run_final(sqlite3 *db, sqlite3_stmt *q, const char *what);
/* rc, or STORE_NOT_FOUND when it is STORE_OK but the last statement
 * changed no row. */
int sq_changed(sqlite3 *db, int rc);
/* Runs SQL text without parameters (logged on failure); a store_rc. */
int sq_exec(sqlite3 *db, const char *sql);
/* Runs fn through the group commit inside a savepoint, so that a failing
 * multi-statement op leaves nothing behind and keeps its batch. */
int sq_write_op(struct store *st, int (*fn)(sqlite3 *db, void *arg), void *arg);
/* Collects the rows of q into a malloc'd array of records of size sz. */
int sq_collect(sqlite3_stmt *q, size_t sz, void (*from_row)(sqlite3_stmt *, void *), void **out, size_t *n);
/* Steps q to its end, appending a copy of each row's first column to
 * *texts (*n of them; a NULL column is skipped). Returns SQLITE_DONE,
 * SQLITE_NOMEM or the step's error; q is left to the caller. */
int sq_append_texts(sqlite3_stmt *q, char ***texts, size_t *n);
extern const int SQLITE_NMIGRATIONS;
/* Prepares sql (logged on failure: NULL); runs q to completion
 * (STORE_CONFLICT on a constraint); runs fn inside a savepoint of the next
 * group-commit batch and waits for the commit. */
sqlite3_stmt *sq_prep(sqlite3 *db, const char *sql);
int sq_run(sqlite3 *db, sqlite3_stmt *q, const char *what);
int sq_write_op(struct store *st, int (*fn)(sqlite3 *db, void *arg), void *arg);

/* Opens the SQLite store in file path (created if missing). */
int sqlite_store_open(const char *path, struct store **out, char *err, size_t errlen);

/* Runs fn on the writer connection inside the next group-commit batch and
 * waits for the commit. fn returns a store_rc; a multi-statement fn must
 * wrap itself in a SAVEPOINT so that its failure leaves the batch intact. */
int sqlite_write(struct store *st, int (*fn)(sqlite3 *db, const void *arg), const void *arg);
/* This thread's read connection, or NULL. */
sqlite3 *sqlite_reader_db(struct store *st);
/* sql prepared on this thread's read connection; NULL if there is none
 * or it does not prepare (logged). */
sqlite3_stmt *sq_read_prep(struct store *st, const char *sql);

/* Inserts a session row on the writer connection db (inside a batch). */
int sqlite_session_insert_db(sqlite3 *db, const struct session *s);

/* Settings (sqlite_settings.c). */
int sq_setting_get_or_set(struct store *st, const char *key, const char *value_if_missing, char **out);
int sq_setting_list(struct store *st, const char *prefix, struct setting **out, size_t *n);
int sq_setting_delete(struct store *st, const char *key);

/* Organisations (sqlite_org.c). */
int sq_org_insert(struct store *st, const struct org *o);
int sq_org_get(struct store *st, const char *id_or_name, struct org *out);
int sq_org_find_by_key_hash(struct store *st, const char *hash, struct org *out);
int sq_org_list(struct store *st, struct org **out, size_t *n);
int sq_org_set_keys(struct store *st, const char *id, const char *key_hash, const char *sh_hash);
int sq_org_set_modes(struct store *st, const char *id, int modes);

/* Sessions (sqlite_session.c). */
void sq_session_insert_async(struct store *st, struct session_insert *ins, store_done_fn done, void *arg);
int sq_session_get(struct store *st, const char *id, const char *org_id, struct session *out);
int sq_session_list(struct store *st, const struct session_filter *f, struct session **out, size_t *n,
                    size_t *total);

/* The entity flow and the job queue's readers (sqlite_entity.c). */
int sq_entity_insert(struct store *st, const struct entity *e, const struct session *s);
int sq_entity_get(struct store *st, const char *id, const char *org_id, struct entity *out);
int sq_entity_list(struct store *st, const char *org_id, const char *link_id, size_t offset, size_t limit,
                   struct entity **out, size_t *n, size_t *total);
int sq_job_insert(struct store *st, const struct job_spec *job, int64_t now);
/* Inside a write: queues job (a repeated dedupe key: STORE_CONFLICT, or
 * nothing at all when repeat_ok). */
int sq_job_insert_in(sqlite3 *db, const struct job_spec *job, int64_t now, bool repeat_ok);
int sq_job_counts(struct store *st, int64_t *queued, int64_t *running, int64_t *failed);
int sq_job_states(struct store *st, const char *session_id, enum job_kind kind, struct job_state **out,
                  size_t *n);

/* Webhook outbox and session notification marks (sqlite_webhook.c). */
int sqlite_org_set_webhook(struct store *st, const char *org_id, const char *url, int mode,
                           const char *secret);
int sqlite_session_complete(struct store *st, const char *session_id, int64_t now,
                            const struct webhook_delivery *d);
int sqlite_session_expired_list(struct store *st, int64_t now, char (*ids)[PB_UUID_BUF], size_t max,
                                size_t *n);
int sqlite_session_expire_mark(struct store *st, const char *session_id, int64_t now,
                               const struct webhook_delivery *d);
int sqlite_webhook_insert(struct store *st, const struct webhook_delivery *d);
int sqlite_webhook_claim(struct store *st, int64_t now, const char *owner, int64_t lease_until,
                         struct webhook_delivery *out, size_t max, size_t *n);
int sqlite_webhook_finish(struct store *st, const struct webhook_delivery *d, const char *owner);
int sqlite_webhook_list(struct store *st, const char *org_id, const char *session_id,
                        struct webhook_delivery *out, size_t max, size_t *n);
int sqlite_webhook_get(struct store *st, const char *org_id, const char *id,
                       struct webhook_delivery *out);

/* Statements and accounts (sqlite_statement.c), processing state changes
 * (sqlite_session.c), the job queue (sqlite_job.c). */
int sq_statement_commit(struct store *st, const struct statement_commit *c, size_t n, enum commit_result *result);
int sq_account_list(struct store *st, const char *session_id, struct account_rec **out, size_t *n);
int sq_statement_list(struct store *st, const char *session_id, struct statement_rec **out, size_t *n);
int sq_statement_get(struct store *st, const char *statement_id, struct statement_rec *out);
int sq_txn_list(struct store *st, const char *statement_id, struct txn_rec **out, size_t *n);
int sq_session_request_processing(struct store *st, const char *session_id, const char *org_id,
                                  int64_t now, const struct job_spec *job);
int sq_session_finish_processing(struct store *st, const char *session_id, enum session_state state,
                                 int64_t now);
int sq_account_set_result(struct store *st, const char *account_id, const char *status,
                          const char *error_code, const char *error_message, const char *insights_json,
                          int64_t now);
int sq_session_delete(struct store *st, const char *session_id, const char *org_id, int64_t now,
                      char ***orphans, size_t *norphans);
int sq_pdf_expire(struct store *st, int64_t cutoff, int64_t now, char ***orphans, size_t *norphans);
int sq_job_claim(struct store *st, const char *owner, int64_t now, int lease_s, struct job_rec *out);
int sq_job_finish(struct store *st, int64_t job_id, bool ok, const char *error, int64_t retry_at,
                  int64_t now);
int sq_job_release(struct store *st, const char *owner_prefix);
int sq_job_renew(struct store *st, int64_t job_id, const char *owner, int64_t locked_until);

/* Statement files: pins and deletion claims (sqlite_blob.c). */
int sq_blob_pin(struct store *st, const char *sha256, int64_t size, int64_t now, int64_t expires_at,
                int64_t stale_before, int64_t *pin_id);
int sq_blob_unpin(struct store *st, int64_t pin_id);
int sq_blob_claim(struct store *st, const char *sha256, int64_t now, int64_t stale_before, bool *claimed);
int sq_blob_forget(struct store *st, const char *sha256);
int sq_blob_known(struct store *st, const char *sha256, bool *known);
int sq_blob_release_claims(struct store *st, const char *node_prefix, char ***out, size_t *n);
int sq_blob_orphans(struct store *st, int64_t now, int64_t stale_before, size_t max, char ***out,
                    size_t *n);
/* Inside a write: blob_claim's check and claim; a store_rc. */
int sq_blob_claim_in(sqlite3 *db, const char *sha256, const char *owner, int64_t now, int64_t stale_before,
                     bool *claimed);
/* Inside a write: drops pin_id; *existed says whether it was still there. */
int sq_blob_unpin_in(sqlite3 *db, int64_t pin_id, bool *existed);
/* The lender console: users, logins, audit log, list facts (sqlite_console.c). */
int sq_user_insert(struct store *st, const struct user *u);
int sq_user_get(struct store *st, const char *id_or_email, struct user *out);
int sq_user_list(struct store *st, const char *org_id, struct user **out, size_t *n);
int sq_user_delete(struct store *st, const char *org_id, const char *user_id);
int sq_user_set_password(struct store *st, const char *user_id, const char *password_hash, int64_t now);
int sq_login_insert(struct store *st, const struct console_login *l, int64_t now);
int sq_login_get(struct store *st, const char *token_hash, int64_t now, struct console_login *out);
int sq_login_touch(struct store *st, const char *token_hash, int64_t now, int64_t expires_at);
int sq_login_delete(struct store *st, const char *token_hash);
int sq_audit_insert(struct store *st, const struct audit_event *e);
int sq_audit_list(struct store *st, const char *org_id, const char *session_id, size_t offset, size_t limit,
                  struct audit_event **out, size_t *n);
int sq_account_briefs(struct store *st, const char (*ids)[PB_UUID_BUF], size_t n, struct account_brief **out,
                      size_t *nout);
int sq_org_set_acceptance(struct store *st, const char *org_id, const char *acceptance, int tolerance_days);

/* Account Aggregator consents, events and data life (sqlite_aa.c). */
int sq_aa_consent_insert(struct store *st, const struct aa_consent_rec *c);
int sq_aa_consent_get(struct store *st, enum aa_lookup by, const char *value, struct aa_consent_rec *out);
int sq_aa_consent_latest(struct store *st, const char *session_id, struct aa_consent_rec *out);
int sq_aa_consent_update(struct store *st, const struct aa_consent_rec *c, int64_t now);
int sq_aa_consent_note(struct store *st, const char *id, enum aa_note which, const char *value, int64_t now);
int sq_aa_event_record(struct store *st, const struct aa_event *e);
int sq_aa_expire_data(struct store *st, int64_t now, size_t *deleted);
int sq_job_snooze(struct store *st, int64_t job_id, int64_t run_after, int64_t now);

#endif
