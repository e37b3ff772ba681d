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
 * its size. While one committer waits for its COMMIT's flush, the others
 * gather and run the next batches: a commit's round trip (~6-12 ms on a
 * loaded machine, mostly waiting) and not CPU bounds the rate, so four in
 * flight carry more than two (docs/operations.md, session 9). A failing op (a uniqueness rule)
 * aborts the transaction in PostgreSQL (the rest of the pipeline is
 * skipped): the batch is rolled back and run again without it, so it
 * fails alone. Callbacks run on the committer thread. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/pg_internal.h"
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
static int commit_outcome(struct pg_store *s, struct pg_conn *c, PGresult *r, unsigned long long ops, int64_t t0)
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
    }
    return ok ? STORE_OK : full ? STORE_FULL : STORE_ERROR;
}

static int commit(struct pg_store *s, struct pg_conn *c, unsigned long long ops)
{
    int64_t t0 = micros();
    return commit_outcome(s, c, PQexec(c->pg, "COMMIT"), ops, t0);
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

void pg_submit(struct pg_store *s, const char *sql, const char *what, int (*send)(struct pg_conn *, const void *),
               int (*received)(const PGresult *, const void *), const void *arg, store_done_fn done,
               void *done_arg)
{
    struct pg_wop *w = calloc(1, sizeof *w);
    if (!w) {
        done(done_arg, STORE_ERROR);
        return;
    }
    w->sql = sql;
    w->what = what;
    w->send = send;
    w->received = received;
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

/* Queues BEGIN, the ops of batch not yet failed alone and COMMIT in one
 * pipeline; false when the connection failed on the way. */
static bool send_batch(struct pg_conn *c, struct pg_wop *batch, unsigned long long *n)
{
    if (!PQenterPipelineMode(c->pg) || !PQsendQueryParams(c->pg, "BEGIN", 0, NULL, NULL, NULL, NULL, 0))
        return false;
    for (struct pg_wop *w = batch; w; w = w->next) {
        w->sent = false;
        if (w->alone)
            continue;
        w->rc = w->send(c, w->arg); /* a refusal before sending fails that op only */
        if (c->broken)
            return false;
        w->sent = w->rc == STORE_OK;
        *n += w->sent;
    }
    return PQsendQueryParams(c->pg, "COMMIT", 0, NULL, NULL, NULL, NULL, 0) && PQpipelineSync(c->pg);
}

/* Runs the ops of batch not yet failed alone in one transaction. Returns
 * the op that aborted it (now failed alone; the others run again without
 * it), or NULL once the batch committed or failed as a whole; *stale when
 * it failed at BEGIN on a lost connection (run it again on a new one: a
 * batch that did commit meanwhile would fail on its unique ids, never be
 * stored twice). */
static struct pg_wop *run_once(struct pg_store *s, struct pg_conn *c, struct pg_wop *batch, bool *stale)
{
    *stale = false;
    for (struct pg_wop *w = batch; w; w = w->next)
        if (!w->alone && pg_prepare(c, w->sql, w->what) != STORE_OK) { /* before anything is sent */
            *stale = c->broken;
            fail_all(batch, STORE_ERROR);
            return NULL;
        }
    unsigned long long n = 0;
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
    for (struct pg_wop *w = batch; w && !c->broken; w = w->next)
        if (w->sent) {
            PGresult *r = NULL;
            w->rc = pg_recv(c, w->what, &skipped, w->received ? &r : NULL);
            if (w->rc != STORE_OK && !skipped && !failed && !c->broken)
                failed = w;
            else if (r) /* a refusal by the op's own rule (its grant) keeps the transaction */
                w->rc = w->received(r, w->arg);
            PQclear(r);
        }
    PGresult *cr = c->broken ? NULL : pg_recv_raw(c);
    if (!failed && rc == STORE_OK)
        rc = commit_outcome(s, c, cr, n, t0); /* NULL: the connection failed, said so */
    else
        PQclear(cr);
    if (!c->broken && pg_recv_sync(c) == STORE_OK && failed) {
        pg_simple(c, "ROLLBACK", "rollback");
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
