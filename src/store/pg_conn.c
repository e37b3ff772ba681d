/* The PostgreSQL store's connections, statements, parameters and results. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_internal.h"
#include "util/log.h"

/* Every session: commits wait for the WAL flush whatever the server's
 * default says; times and text are plain. */
static const char SESSION_SETUP[] = "SET synchronous_commit = on; SET TIME ZONE 'UTC'; "
                                    "SET client_min_messages = warning; SET lock_timeout = '30s'";

struct pg_conn *pg_conn_open(const char *url, char *err, size_t errlen)
{
    struct pg_conn *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    /* Named in pg_stat_activity unless the URL or PGAPPNAME names it. */
    const char *const keys[] = {"dbname", "fallback_application_name", NULL};
    const char *const values[] = {url, "passbook", NULL};
    c->pg = PQconnectdbParams(keys, values, 1);
    if (!c->pg || PQstatus(c->pg) != CONNECTION_OK) {
        const char *m = c->pg ? PQerrorMessage(c->pg) : "out of memory";
        snprintf(err, errlen, "cannot connect to PostgreSQL: %.*s", (int)strcspn(m, "\n"), m);
        pg_conn_close(c);
        return NULL;
    }
    PGresult *r = PQexec(c->pg, SESSION_SETUP);
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    if (!ok) {
        snprintf(err, errlen, "cannot configure the PostgreSQL session: %s", PQerrorMessage(c->pg));
        pg_conn_close(c);
        return NULL;
    }
    return c;
}

void pg_conn_close(struct pg_conn *c)
{
    if (!c)
        return;
    PQfinish(c->pg);
    free(c);
}

/* Reconnects a connection that failed (its prepared statements are gone). */
static int conn_repair(struct pg_conn *c)
{
    PQreset(c->pg);
    c->nstmts = 0;
    if (PQstatus(c->pg) != CONNECTION_OK)
        return -1;
    PGresult *r = PQexec(c->pg, SESSION_SETUP);
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    c->broken = !ok;
    return ok ? 0 : -1;
}

bool pg_conn_alive(struct pg_conn *c)
{
    /* Reads what arrived while the connection sat idle, without a round
     * trip: a server that ended the session (a restart, a failover,
     * pg_terminate_backend, an idle timeout) has closed the socket, and
     * libpq notices it here rather than in the middle of someone's write. */
    /* twice: one read may return the server's goodbye, the next its EOF */
    for (int i = 0; i < 2; i++)
        if (!PQconsumeInput(c->pg) || PQstatus(c->pg) != CONNECTION_OK)
            return false;
    return true;
}

struct pg_conn *pg_get(struct pg_store *s)
{
    pthread_mutex_lock(&s->mu);
    while (!s->free && s->nopen >= s->pool_size)
        pthread_cond_wait(&s->cv, &s->mu);
    struct pg_conn *c = s->free;
    if (c) {
        s->free = c->next;
        pthread_mutex_unlock(&s->mu);
    } else { /* open one more, outside the lock */
        s->nopen++;
        pthread_mutex_unlock(&s->mu);
        char err[256];
        if (!(c = pg_conn_open(s->url, err, sizeof err))) {
            log_error("store op=connect err=\"%s\"", err);
            pthread_mutex_lock(&s->mu);
            s->nopen--;
            pthread_cond_signal(&s->cv);
            pthread_mutex_unlock(&s->mu);
            return NULL;
        }
    }
    if (!c->broken && !pg_conn_alive(c))
        c->broken = true;
    if (c->broken && conn_repair(c)) {
        log_error("store op=reconnect err=\"%s\"", PQerrorMessage(c->pg));
        pg_put(s, c); /* stays broken: the next user tries again */
        return NULL;
    }
    return c;
}

void pg_put(struct pg_store *s, struct pg_conn *c)
{
    if (!c)
        return;
    /* A connection left inside a transaction (a bug or a lost COMMIT) must
     * not leak that transaction into the next user's work. */
    if (!c->broken && PQtransactionStatus(c->pg) != PQTRANS_IDLE)
        c->broken = true;
    pthread_mutex_lock(&s->mu);
    c->next = s->free;
    s->free = c;
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

/* ---- parameters ---- */

static void param(struct pg_params *p, const char *v, int len, int fmt)
{
    if (p->n >= PG_MAX_PARAMS) { /* a programming error: fail the statement, loudly */
        log_error("store msg=\"too many parameters\"");
        p->n = PG_MAX_PARAMS + 1;
        return;
    }
    p->val[p->n] = v;
    p->len[p->n] = len;
    p->fmt[p->n] = fmt;
    p->n++;
}

void pgp_text(struct pg_params *p, const char *v)
{
    param(p, v, 0, 0);
}

void pgp_nonempty(struct pg_params *p, const char *v)
{
    param(p, v && *v ? v : NULL, 0, 0);
}

void pgp_int(struct pg_params *p, int64_t v)
{
    if (p->n < PG_MAX_PARAMS) {
        snprintf(p->num[p->n], sizeof p->num[p->n], "%" PRId64, v);
        param(p, p->num[p->n], 0, 0);
    } else {
        param(p, NULL, 0, 0);
    }
}

void pgp_int_opt(struct pg_params *p, int64_t v, bool present)
{
    if (present)
        pgp_int(p, v);
    else
        param(p, NULL, 0, 0);
}

void pgp_bytes(struct pg_params *p, const void *v, size_t len)
{
    param(p, v, (int)len, 1);
}

/* ---- results ---- */

char *pgr_dup(const PGresult *r, int row, int col)
{
    return PQgetisnull(r, row, col) ? NULL : strdup(PQgetvalue(r, row, col));
}

void pgr_copy(const PGresult *r, int row, int col, char *out, size_t len)
{
    snprintf(out, len, "%s", PQgetisnull(r, row, col) ? "" : PQgetvalue(r, row, col));
}

int64_t pgr_int(const PGresult *r, int row, int col)
{
    if (PQgetisnull(r, row, col))
        return 0;
    const char *v = PQgetvalue(r, row, col);
    if (v[0] == 't' || v[0] == 'f') /* a boolean */
        return v[0] == 't';
    return strtoll(v, NULL, 10);
}

bool pgr_null(const PGresult *r, int row, int col)
{
    return PQgetisnull(r, row, col);
}

int pg_collect(const PGresult *r, size_t sz, void (*from_row)(const PGresult *r, int row, void *out),
               void **out, size_t *n)
{
    int rows = PQntuples(r);
    *out = NULL;
    *n = 0;
    if (rows == 0)
        return STORE_OK;
    char *arr = calloc((size_t)rows, sz);
    if (!arr)
        return STORE_ERROR;
    for (int i = 0; i < rows; i++)
        from_row(r, i, arr + (size_t)i * sz);
    *out = arr;
    *n = (size_t)rows;
    return STORE_OK;
}

/* ---- statements ---- */

/* The name of sql's prepared statement on c, preparing it on first use. */
static int prepared(struct pg_conn *c, const char *sql, char name[16], const char *what)
{
    for (int i = 0; i < c->nstmts; i++)
        if (c->stmts[i] == sql) {
            snprintf(name, 16, "s%d", i);
            return 0;
        }
    if (c->nstmts == PG_MAX_STMTS) { /* more statements than expected: start over */
        PGresult *r = PQexec(c->pg, "DEALLOCATE ALL");
        PQclear(r);
        c->nstmts = 0;
    }
    snprintf(name, 16, "s%d", c->nstmts);
    PGresult *r = PQprepare(c->pg, name, sql, 0, NULL);
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok)
        log_error("store op=%s msg=\"prepare failed\" err=\"%s\"", what, PQresultErrorMessage(r));
    PQclear(r);
    if (!ok)
        return -1;
    c->stmts[c->nstmts++] = sql;
    return 0;
}

/* The store_rc of a failed result (logged unless a conflict). */
static int failure(struct pg_conn *c, const PGresult *r, const char *what)
{
    const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
    if (PQstatus(c->pg) != CONNECTION_OK)
        c->broken = true;
    /* serialization failure, deadlock, lost connection: run it again */
    c->retry = c->broken || (state && (!strcmp(state, "40001") || !strcmp(state, "40P01")));
    if (state && !strncmp(state, "23", 2)) /* integrity constraint violation */
        return STORE_CONFLICT;
    const char *m = r ? PQresultErrorMessage(r) : PQerrorMessage(c->pg);
    log_error("store op=%s sqlstate=%s err=\"%.*s\"", what, state ? state : "-", (int)strcspn(m, "\n"), m);
    if (state && (!strcmp(state, "53100") || !strcmp(state, "53200"))) /* disk full, out of memory */
        return !strcmp(state, "53100") ? STORE_FULL : STORE_ERROR;
    return STORE_ERROR;
}

int pg_exec(struct pg_conn *c, const char *sql, const struct pg_params *p, const char *what,
            PGresult **res, int64_t *changed)
{
    if (res)
        *res = NULL;
    if (changed)
        *changed = 0;
    static const struct pg_params NONE = {0};
    if (!p)
        p = &NONE;
    char name[16];
    if (p->n > PG_MAX_PARAMS || prepared(c, sql, name, what))
        return failure(c, NULL, what);
    PGresult *r = PQexecPrepared(c->pg, name, p->n, p->val, p->len, p->fmt, 0);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        int rc = failure(c, r, what);
        PQclear(r);
        return rc;
    }
    if (changed) {
        const char *t = PQcmdTuples(r);
        *changed = *t ? strtoll(t, NULL, 10) : 0;
    }
    if (res)
        *res = r;
    else
        PQclear(r);
    return STORE_OK;
}

int pg_exec1(struct pg_store *s, const char *sql, const struct pg_params *p, const char *what,
             PGresult **res, int64_t *changed)
{
    struct pg_conn *c = pg_get(s);
    if (!c) {
        if (res)
            *res = NULL;
        return STORE_ERROR;
    }
    int rc = pg_exec(c, sql, p, what, res, changed);
    pg_put(s, c);
    return rc;
}

int pg_get_row(struct pg_store *s, const char *sql, const struct pg_params *p, const char *what,
               void (*from_row)(const PGresult *r, int row, void *out), void *out)
{
    PGresult *r;
    int rc = pg_exec1(s, sql, p, what, &r, NULL);
    if (rc != STORE_OK)
        return rc;
    if (PQntuples(r) == 0)
        rc = STORE_NOT_FOUND;
    else
        from_row(r, 0, out);
    PQclear(r);
    return rc;
}

int pg_prepare(struct pg_conn *c, const char *sql, const char *what)
{
    char name[16];
    return prepared(c, sql, name, what) ? failure(c, NULL, what) : STORE_OK;
}

/* ---- pipeline mode (the group commit) ---- */

int pg_send(struct pg_conn *c, const char *sql, const struct pg_params *p, const char *what)
{
    static const struct pg_params NONE = {0};
    if (!p)
        p = &NONE;
    int i = 0;
    while (i < c->nstmts && c->stmts[i] != sql)
        i++;
    if (p->n > PG_MAX_PARAMS || i == c->nstmts) { /* a programming error: not prepared */
        log_error("store op=%s msg=\"cannot send: statement not prepared\"", what);
        return STORE_ERROR;
    }
    char name[16];
    snprintf(name, sizeof name, "s%d", i);
    return PQsendQueryPrepared(c->pg, name, p->n, p->val, p->len, p->fmt, 0) ? STORE_OK : failure(c, NULL, what);
}

PGresult *pg_recv_raw(struct pg_conn *c)
{
    PGresult *r = PQgetResult(c->pg);
    if (r) { /* each statement's results end with a NULL */
        PGresult *extra;
        while ((extra = PQgetResult(c->pg)))
            PQclear(extra);
    }
    return r;
}

int pg_recv(struct pg_conn *c, const char *what, bool *skipped, PGresult **res)
{
    PGresult *r = pg_recv_raw(c);
    ExecStatusType st = PQresultStatus(r);
    *skipped = st == PGRES_PIPELINE_ABORTED; /* an earlier statement failed: this one never ran */
    int rc = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? STORE_OK
             : *skipped                                      ? STORE_ERROR
                                                             : failure(c, r, what);
    if (res && rc == STORE_OK)
        *res = r;
    else
        PQclear(r);
    return rc;
}

int pg_recv_sync(struct pg_conn *c)
{
    PGresult *r = PQgetResult(c->pg);
    bool ok = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
    PQclear(r);
    if (!ok || !PQexitPipelineMode(c->pg)) {
        log_error("store op=pipeline err=\"%s\"", PQerrorMessage(c->pg));
        c->broken = true;
        return STORE_ERROR;
    }
    return STORE_OK;
}

int pg_simple(struct pg_conn *c, const char *sql, const char *what)
{
    PGresult *r = PQexec(c->pg, sql);
    ExecStatusType st = PQresultStatus(r);
    int rc = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? STORE_OK : failure(c, r, what);
    PQclear(r);
    return rc;
}

int pg_copy_in(struct pg_conn *c, const char *copy_sql, const char *data, size_t len, const char *what)
{
    PGresult *r = PQexec(c->pg, copy_sql);
    bool ready = PQresultStatus(r) == PGRES_COPY_IN;
    int rc = ready ? STORE_OK : failure(c, r, what);
    PQclear(r);
    if (!ready)
        return rc;
    bool sent = true;
    for (size_t off = 0; sent && off < len; off += 1 << 20) { /* in 1 MiB pieces */
        size_t n = len - off < (1u << 20) ? len - off : 1u << 20;
        sent = PQputCopyData(c->pg, data + off, (int)n) == 1;
    }
    PQputCopyEnd(c->pg, sent ? NULL : "client error");
    while ((r = PQgetResult(c->pg))) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK && rc == STORE_OK)
            rc = failure(c, r, what);
        PQclear(r);
    }
    return sent ? rc : STORE_ERROR;
}
