/* The PostgreSQL store's writes: transactions on pooled connections, and
 * the group commit for the hottest write (session create).
 *
 * A write op runs in its own transaction on a pooled connection and
 * returns once COMMIT returned, that is once PostgreSQL flushed its WAL
 * (synchronous_commit = on). Concurrent commits of several connections and
 * nodes share WAL flushes inside PostgreSQL.
 *
 * Group commit: session creates (pg_submit) are queued, and each of
 * PG_COMMITTERS threads takes every op queued so far and runs them in one
 * transaction on its own connection, one COMMIT for the lot, in libpq's
 * pipeline mode: BEGIN, the batch's statements and COMMIT go out at once
 * and their results come back together, one round trip per batch whatever
 * its size. The batch's creates are one statement (their rows in one JSON
 * array, pg_wkind's rows_sql): the database's work per statement (executor
 * start, constraint and plan checks) weighed more than a row's own. While
 * one committer waits for its COMMIT's flush, the others gather and run
 * the next batches: a commit's round trip (~6-12 ms on a loaded machine,
 * mostly waiting) and not CPU bounds the rate, so four in flight carry
 * more than two (docs/operations.md, session 9). A failing op (a
 * uniqueness rule) aborts the transaction in PostgreSQL (the rest of the
 * pipeline is skipped): the batch is rolled back and run again without
 * it, so it fails alone; a failing rows statement is run again as one
 * statement per op, to find which. Callbacks run on the committer thread. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/pg_internal.h"
#include "util/fault.h"
#include "util/log.h"

#define MAX_ATTEMPTS 5
#define MAX_BATCH 1024

static int64_t micros(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

/* COMMIT; a transaction PostgreSQL aborted meanwhile reports ROLLBACK.
 * What a failed COMMIT means (docs/operations.md, "Durability" on
 * PostgreSQL): nothing is acknowledged; a full disk is STORE_FULL (507,
 * retry once there is room); a connection lost during COMMIT leaves the
 * outcome unknown (the caller answers an error and a retry finds the
 * duplicate). Unlike SQLite's failed WAL sync, no failure here poisons the
 * node: PostgreSQL itself stops and recovers from its WAL when its own
 * fsync fails, so the next transaction on a new connection can be
 * trusted. */
static int commit_outcome(struct pg_store *s, struct pg_conn *c, PGresult *r, unsigned long long ops,
                          unsigned long long statements, int64_t t0)
{
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK && !strcmp(PQcmdStatus(r), "COMMIT");
    bool full = false;
    if (!ok) {
        const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        log_error("store op=commit sqlstate=%s err=\"%s\"", state ? state : "-",
                  PQresultStatus(r) == PGRES_COMMAND_OK ? "transaction aborted" : PQerrorMessage(c->pg));
        if (PQstatus(c->pg) != CONNECTION_OK)
            c->broken = true;
        /* a serialization failure at commit never committed; a lost
         * connection may have: then nobody can say, so no retry */
        c->retry = !c->broken && state && !strcmp(state, "40001");
        full = state && !strcmp(state, "53100");
    }
    PQclear(r);
    atomic_fetch_add(&s->commit_micros, (unsigned long long)(micros() - t0));
    if (ok) {
        atomic_fetch_add(&s->n_commits, 1);
        atomic_fetch_add(&s->n_writes, ops);
        atomic_fetch_add(&s->n_statements, statements);
    }
    return ok ? STORE_OK : full ? STORE_FULL : STORE_ERROR;
}

static int commit(struct pg_store *s, struct pg_conn *c, unsigned long long ops)
{
    int64_t t0 = micros();
    return commit_outcome(s, c, PQexec(c->pg, "COMMIT"), ops, ops, t0);
}

int pg_write(struct pg_store *s, int (*fn)(struct pg_conn *c, void *arg), void *arg)
{
    for (int attempt = 1;; attempt++) {
        struct pg_conn *c = pg_get(s);
        if (!c)
            return STORE_ERROR;
        c->retry = false;
        int rc = pg_simple(c, "BEGIN", "begin");
        if (rc == STORE_OK)
            rc = fn(c, arg);
        if (rc == STORE_OK)
            rc = commit(s, c, 1);
        else if (!c->broken)
            pg_simple(c, "ROLLBACK", "rollback");
        bool again = rc != STORE_OK && c->retry && attempt < MAX_ATTEMPTS;
        pg_put(s, c);
        if (!again)
            return rc;
        usleep((useconds_t)(1000 << attempt)); /* 2, 4, 8, 16 ms */
    }
}

/* ---- group commit ---- */

void pg_submit(struct pg_store *s, const struct pg_wkind *kind, const void *arg, store_done_fn done, void *done_arg)
{
    struct pg_wop *w = calloc(1, sizeof *w);
    if (!w) {
        done(done_arg, STORE_ERROR);
        return;
    }
    w->kind = kind;
    w->arg = arg;
    w->done = done;
    w->done_arg = done_arg;
    pthread_mutex_lock(&s->qmu);
    if (s->tail)
        s->tail->next = w;
    else
        s->head = w;
    s->tail = w;
    pthread_cond_signal(&s->qcv);
    pthread_mutex_unlock(&s->qmu);
}

/* Takes up to MAX_BATCH queued ops (caller holds qmu). */
static struct pg_wop *take(struct pg_store *s)
{
    struct pg_wop *first = s->head, *last = first;
    for (int n = 1; last && last->next && n < MAX_BATCH; n++)
        last = last->next;
    if (!first)
        return NULL;
    s->head = last->next;
    if (!s->head)
        s->tail = NULL;
    last->next = NULL;
    return first;
}

static void fail_all(struct pg_wop *batch, int rc)
{
    for (struct pg_wop *w = batch; w; w = w->next)
        if (!w->alone) /* nothing of the batch is stored */
            w->rc = rc;
}

/* What a batch sent: ops, and the statements they went as. */
struct sent {
    unsigned long long ops, statements;
};

/* How many ops from w on can go as one rows statement: w and the ops
 * after it of the same kind, none failed alone or sent alone since. */
static int rows_run(const struct pg_wop *w)
{
    int n = 0;
    for (const struct pg_wop *x = w; x && x->kind == w->kind && x->kind->rows_sql && !x->alone && !x->single;
         x = x->next)
        n++;
    return n;
}

/* Queues the n ops from w on as one rows statement. */
static int send_rows(struct pg_conn *c, struct pg_wop *w, int n)
{
    struct pg_rows rows = {0};
    int rc = STORE_OK;
    for (struct pg_wop *x = w; rc == STORE_OK && n-- > 0; x = x->next)
        rc = x->kind->row(&rows, x->arg);
    const char *text = rc == STORE_OK ? pg_rows_text(&rows) : NULL;
    if (text) {
        struct pg_params p = {0};
        pgp_text(&p, text);
        rc = pg_send(c, w->kind->rows_sql, &p, w->kind->what);
    } else {
        rc = STORE_ERROR;
    }
    pg_rows_free(&rows);
    return rc;
}

/* Queues op w alone, or with the ops after it that share its rows
 * statement; returns the op after those sent, NULL at the end. */
static struct pg_wop *send_op(struct pg_conn *c, struct pg_wop *w, struct sent *n)
{
    int run = rows_run(w);
    if (run >= 2) {
        if (send_rows(c, w, run) == STORE_OK) {
            w->sent = true;
            w->rows = run;
            n->ops += (unsigned long long)run;
            n->statements++;
            for (w = w->next; --run > 0; w = w->next)
                w->sent = false;
            return w;
        }
        if (c->broken)
            return w;
        for (struct pg_wop *x = w; run-- > 0; x = x->next) /* cannot be put in rows: each alone */
            x->single = true;
    }
    w->rc = w->kind->send(c, w->arg); /* a refusal before sending fails that op only */
    w->sent = w->rc == STORE_OK;
    n->ops += w->sent;
    n->statements += w->sent;
    return w->next;
}

/* Queues BEGIN, the ops of batch not yet failed alone and COMMIT in one
 * pipeline; false when the connection failed on the way. */
static bool send_batch(struct pg_conn *c, struct pg_wop *batch, struct sent *n)
{
    if (!PQenterPipelineMode(c->pg) || !PQsendQueryParams(c->pg, "BEGIN", 0, NULL, NULL, NULL, NULL, 0))
        return false;
    for (struct pg_wop *w = batch; w; w = w->next)
        w->sent = false, w->rows = 0;
    for (struct pg_wop *w = batch; w;) {
        if (w->alone) {
            w = w->next;
            continue;
        }
        w = send_op(c, w, n);
        if (c->broken)
            return false;
    }
    return PQsendQueryParams(c->pg, "COMMIT", 0, NULL, NULL, NULL, NULL, 0) && PQpipelineSync(c->pg);
}

/* Prepares the statements the batch's ops may be sent with. */
static int prepare_batch(struct pg_conn *c, const struct pg_wop *batch)
{
    for (const struct pg_wop *w = batch; w; w = w->next) {
        if (w->alone)
            continue;
        if (pg_prepare(c, w->kind->sql, w->kind->what) != STORE_OK)
            return STORE_ERROR;
        if (w->kind->rows_sql && !w->single && pg_prepare(c, w->kind->rows_sql, w->kind->what) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

/* Reads the result of w's statement into the rc of w (and of the ops
 * sent with it); returns the op after them. *failed is set to w when its
 * statement failed (not merely skipped after an earlier failure). */
static struct pg_wop *receive_op(struct pg_conn *c, struct pg_wop *w, struct pg_wop **failed)
{
    int n = w->rows ? w->rows : 1;
    bool skipped;
    PGresult *r = NULL;
    int rc = pg_recv(c, w->kind->what, &skipped, w->kind->received ? &r : NULL);
    if (rc != STORE_OK && !skipped && !*failed && !c->broken)
        *failed = w;
    if (r && w->rows && PQntuples(r) != n) { /* never expected; the outcome unknown, as a lost COMMIT's */
        log_error("store op=%s msg=\"rows statement answered %d rows for %d\"", w->kind->what, PQntuples(r), n);
        rc = STORE_ERROR;
    }
    struct pg_wop *x = w;
    for (int i = 0; i < n; i++, x = x->next) /* a refusal by the op's own rule (its grant) keeps the transaction */
        x->rc = rc == STORE_OK && r ? x->kind->received(r, w->rows ? i : 0, x->arg) : rc;
    PQclear(r);
    return x;
}

/* Runs the ops of batch not yet failed alone in one transaction. Returns
 * the op that aborted it (now failed alone, or, if it was a rows
 * statement, its ops each sent alone from now on; the others run again),
 * or NULL once the batch committed or failed as a whole; *stale when it
 * failed at BEGIN on a lost connection (run it again on a new one: a
 * batch that did commit meanwhile would fail on its unique ids, never be
 * stored twice). */
static struct pg_wop *run_once(struct pg_store *s, struct pg_conn *c, struct pg_wop *batch, bool *stale)
{
    *stale = false;
    if (prepare_batch(c, batch) != STORE_OK) { /* before anything is sent */
        *stale = c->broken;
        fail_all(batch, STORE_ERROR);
        return NULL;
    }
    struct sent n = {0, 0};
    int64_t t0 = micros();
    if (!send_batch(c, batch, &n)) {
        log_error("store op=group_commit err=\"%s\"", PQerrorMessage(c->pg));
        c->broken = true; /* what reached the server is unknown: no retry */
        fail_all(batch, STORE_ERROR);
        return NULL;
    }
    bool skipped;
    int rc = pg_recv(c, "begin", &skipped, NULL);
    *stale = rc != STORE_OK && c->broken;
    struct pg_wop *failed = NULL;
    for (struct pg_wop *w = batch; w && !c->broken;)
        w = w->sent ? receive_op(c, w, &failed) : w->next;
    PGresult *cr = c->broken ? NULL : pg_recv_raw(c);
    if (!failed && rc == STORE_OK)
        rc = commit_outcome(s, c, cr, n.ops, n.statements, t0); /* NULL: the connection failed, said so */
    else
        PQclear(cr);
    if (!c->broken && pg_recv_sync(c) == STORE_OK && failed) {
        pg_simple(c, "ROLLBACK", "rollback");
        struct pg_wop *x = failed;
        for (int k = failed->rows; k-- > 0; x = x->next) /* one of its ops or more refused: each alone */
            x->single = true;
        if (!failed->rows)
            failed->alone = true;
        return failed;
    }
    if (failed) /* the connection failed after the op's refusal: nothing is stored */
        rc = STORE_ERROR;
    if (rc != STORE_OK)
        fail_all(batch, rc);
    return NULL;
}

static void run_batch(struct pg_store *s, struct pg_conn **cp, struct pg_wop *batch)
{
    for (int attempt = 1;; attempt++) {
        if (*cp && ((*cp)->broken || !pg_conn_alive(*cp))) {
            pg_conn_close(*cp);
            *cp = NULL;
        }
        char err[256];
        if (!*cp && !(*cp = pg_conn_open(s->url, err, sizeof err))) {
            log_error("store op=connect err=\"%s\"", err);
            for (struct pg_wop *w = batch; w; w = w->next)
                w->rc = STORE_ERROR;
            return;
        }
        bool stale = false;
        while (run_once(s, *cp, batch, &stale))
            ; /* an op failed alone: the others run again without it */
        if (!stale || attempt == 2)
            return;
    }
}

static void *committer_main(void *arg)
{
    struct pg_store *s = arg;
    struct pg_conn *c = NULL;
    for (;;) {
        pthread_mutex_lock(&s->qmu);
        while (!s->head && !s->stopping)
            pthread_cond_wait(&s->qcv, &s->qmu);
        struct pg_wop *batch = take(s);
        if (s->head) /* more than a batch: wake a sibling */
            pthread_cond_signal(&s->qcv);
        pthread_mutex_unlock(&s->qmu);
        if (!batch)
            break; /* stopping, nothing left */
        fault_point("store.group_commit"); /* a batch taken, nothing sent yet */
        run_batch(s, &c, batch);
        while (batch) {
            struct pg_wop *next = batch->next;
            batch->done(batch->done_arg, batch->rc);
            free(batch);
            batch = next;
        }
    }
    pg_conn_close(c);
    return NULL;
}

int pg_committers_start(struct pg_store *s, char *err, size_t errlen)
{
    for (int i = 0; i < PG_COMMITTERS; i++) {
        if (pthread_create(&s->committers[i], NULL, committer_main, s)) {
            snprintf(err, errlen, "cannot start the commit threads");
            return -1;
        }
        s->ncommitters++;
    }
    return 0;
}

void pg_committers_stop(struct pg_store *s)
{
    pthread_mutex_lock(&s->qmu);
    s->stopping = true;
    pthread_cond_broadcast(&s->qcv);
    pthread_mutex_unlock(&s->qmu);
    for (int i = 0; i < s->ncommitters; i++)
        pthread_join(s->committers[i], NULL);
    s->ncommitters = 0;
}
