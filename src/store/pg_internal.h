/* Shared between the PostgreSQL store's files; not for use outside src/store/.
 *
 * Connections: a pool of --db-connections libpq connections (opened on
 * first need, up to the size), each used by one thread at a time, plus one
 * connection per group-commit thread. Every statement is prepared once per
 * connection, named by the address of its SQL text (always a literal), so
 * the server parses and plans it once.
 *
 * Durability: every connection runs with synchronous_commit = on, so a
 * COMMIT returns only once its WAL is flushed: an acknowledged write
 * survives the crash of any node and of the database server. */
#ifndef PB_STORE_PG_INTERNAL_H
#define PB_STORE_PG_INTERNAL_H

#include <libpq-fe.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

#define PG_MAX_PARAMS 40
#define PG_MAX_STMTS 256     /* prepared statements per connection */

struct pg_conn {
    PGconn *pg;
    const char *stmts[PG_MAX_STMTS]; /* stmts[i] is prepared as "s<i>" */
    int nstmts;
    bool broken;                     /* reconnect before the next use */
    bool retry;                      /* the last failure may succeed if the transaction runs again */
    struct pg_conn *next;            /* in the pool's free list */
};

/* Parameters of one statement, as text (binary for bytea). */
struct pg_params {
    int n;
    const char *val[PG_MAX_PARAMS];
    int len[PG_MAX_PARAMS], fmt[PG_MAX_PARAMS];
    char num[PG_MAX_PARAMS][24];
};

/* Several statements' parameters as one JSON array (pg_rows.c): each
 * element {"n": its index, "p1": .., "pK": ..}, the parameters as text or
 * null. */
struct pg_rows {
    char *text;
    size_t len, cap;
    int n;       /* elements so far */
    bool failed; /* out of memory, or a binary parameter */
};
int pg_rows_add(struct pg_rows *r, const struct pg_params *p); /* a store_rc */
const char *pg_rows_text(struct pg_rows *r);                    /* the closed array; NULL if failed */
void pg_rows_free(struct pg_rows *r);

/* A kind of write for the group commit (session creates): one statement,
 * sql, that send queues with pg_send, and what its result means (received
 * reads the op's row of it). With rows_sql, consecutive ops of the kind go
 * to the database as one statement: rows_sql takes $1, the ops' parameters
 * as one JSON array (row adds an op's to it), and returns one row per op,
 * in their order, shaped as sql's result. One statement for many rows
 * spares the database the per-statement work (executor start, constraint
 * and plan checks, locks) that cost more than the rows themselves
 * (docs/operations.md, session 10). */
struct pg_wkind {
    const char *sql, *what;
    int (*send)(struct pg_conn *c, const void *arg);                    /* a store_rc: STORE_OK once queued */
    int (*received)(const PGresult *r, int row, const void *arg);      /* a store_rc; NULL: STORE_OK */
    const char *rows_sql;                                               /* NULL: one statement per op */
    int (*row)(struct pg_rows *rows, const void *arg);                 /* a store_rc */
};

/* A write queued for the group commit. */
struct pg_wop {
    const struct pg_wkind *kind;
    const void *arg;
    store_done_fn done;
    void *done_arg;
    int rc;
    bool sent;                       /* queued in the pipeline: a result to read */
    int rows;                        /* sent as one statement with the rows-1 ops after it (0: alone) */
    bool single;                     /* its rows statement failed: sent as its own statement since */
    bool alone;                      /* it aborted its batch: failed alone, rc final */
    struct pg_wop *next;
};

#define PG_COMMITTERS 4

struct pg_store {
    struct store base;
    char *url;
    int pool_size;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct pg_conn *free;            /* idle connections */
    int nopen;                       /* connections open or being opened */
    /* group commit: committers take every queued op into one transaction */
    pthread_mutex_t qmu;
    pthread_cond_t qcv;
    struct pg_wop *head, *tail;
    bool stopping;
    pthread_t committers[PG_COMMITTERS];
    int ncommitters;
    atomic_ullong n_commits, n_writes, n_statements, commit_micros;
    atomic_llong rate_sweep_at;      /* next clean-up of old rate windows */
};

/* ---- connections (pg_conn.c) ---- */
/* Opens and configures a connection to url; NULL with a reason in err. */
struct pg_conn *pg_conn_open(const char *url, char *err, size_t errlen);
void pg_conn_close(struct pg_conn *c);
/* Whether an idle connection is still open (no round trip). */
bool pg_conn_alive(struct pg_conn *c);
/* A pooled connection (waits while all are busy); NULL when none can be
 * opened (logged). Give it back with pg_put. */
struct pg_conn *pg_get(struct pg_store *s);
void pg_put(struct pg_store *s, struct pg_conn *c);

/* ---- parameters and results (pg_conn.c) ---- */
void pgp_text(struct pg_params *p, const char *v);      /* NULL: SQL NULL */
void pgp_nonempty(struct pg_params *p, const char *v);  /* NULL or "": SQL NULL */
void pgp_int(struct pg_params *p, int64_t v);
void pgp_int_opt(struct pg_params *p, int64_t v, bool present);
void pgp_bytes(struct pg_params *p, const void *v, size_t len); /* NULL: SQL NULL */
/* Column helpers: a malloc'd copy or NULL for SQL NULL; "" for SQL NULL;
 * 0 for SQL NULL. */
char *pgr_dup(const PGresult *r, int row, int col);
void pgr_copy(const PGresult *r, int row, int col, char *out, size_t len);
int64_t pgr_int(const PGresult *r, int row, int col);
bool pgr_null(const PGresult *r, int row, int col);

/* Runs sql (prepared once per connection) with p (NULL: none). Returns a
 * store_rc: STORE_CONFLICT for a unique, foreign-key or check violation,
 * STORE_FULL for a full disk, STORE_ERROR (logged) otherwise. On success
 * *res (if res) holds the result (PQclear it) and *changed (if changed)
 * the rows the statement touched. */
int pg_exec(struct pg_conn *c, const char *sql, const struct pg_params *p, const char *what,
            PGresult **res, int64_t *changed);
/* pg_exec on a pooled connection, outside any transaction (a read, or a
 * single statement committed on its own). */
int pg_exec1(struct pg_store *s, const char *sql, const struct pg_params *p, const char *what,
             PGresult **res, int64_t *changed);
/* pg_exec1 of a one-row query: STORE_OK with from_row(r, 0, out) called,
 * STORE_NOT_FOUND without a row, else the failure's store_rc. */
int pg_get_row(struct pg_store *s, const char *sql, const struct pg_params *p, const char *what,
               void (*from_row)(const PGresult *r, int row, void *out), void *out);
/* Streams data (rows in COPY's text format) through copy_sql (a COPY ...
 * FROM STDIN). A store_rc, as pg_exec. */
int pg_copy_in(struct pg_conn *c, const char *copy_sql, const char *data, size_t len, const char *what);
/* Prepares sql on c (once per connection), outside a pipeline. */
int pg_prepare(struct pg_conn *c, const char *sql, const char *what);
/* Pipeline mode (PQenterPipelineMode), for the group commit: pg_send
 * queues one statement, already prepared with pg_prepare, without waiting;
 * after PQpipelineSync, the outcome of each statement sent is read in
 * order: pg_recv gives a store_rc, as pg_exec (*skipped: an earlier
 * failure in the pipeline kept it from running; on success *res, if res,
 * the result, to PQclear), pg_recv_raw the result
 * itself (NULL: the connection failed; PQclear it); pg_recv_sync reads
 * the sync and leaves pipeline mode (STORE_ERROR: the connection is
 * marked broken). */
int pg_send(struct pg_conn *c, const char *sql, const struct pg_params *p, const char *what);
int pg_recv(struct pg_conn *c, const char *what, bool *skipped, PGresult **res);
PGresult *pg_recv_raw(struct pg_conn *c);
int pg_recv_sync(struct pg_conn *c);
/* Runs plain SQL text without parameters (BEGIN, COMMIT, migrations). */
int pg_simple(struct pg_conn *c, const char *sql, const char *what);
/* Collects the rows of r into a malloc'd array of records of size sz. */
int pg_collect(const PGresult *r, size_t sz, void (*from_row)(const PGresult *r, int row, void *out),
               void **out, size_t *n);

/* ---- transactions (pg_commit.c) ---- */
/* Runs fn in one transaction on a pooled connection and commits it when fn
 * returns STORE_OK (rolls back otherwise); retried a few times on a
 * serialization failure, a deadlock or a connection lost before COMMIT. */
int pg_write(struct pg_store *s, int (*fn)(struct pg_conn *c, void *arg), void *arg);
/* Queues an op of kind (its arg) for the group commit; done runs on a
 * committer thread. */
void pg_submit(struct pg_store *s, const struct pg_wkind *kind, const void *arg, store_done_fn done, void *done_arg);
int pg_committers_start(struct pg_store *s, char *err, size_t errlen);
void pg_committers_stop(struct pg_store *s);

/* ---- schema (pg_schema.c) ---- */
int pg_migrate(struct pg_conn *c, char *err, size_t errlen);

/* Opens the PostgreSQL store at url (postgres://... or postgresql://...),
 * with a pool of pool_size connections. */
int pg_store_open(const char *url, int pool_size, struct store **out, char *err, size_t errlen);

#endif
