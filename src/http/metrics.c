#include "http/metrics.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Upper bounds of the latency buckets, in seconds. */
static const double BUCKETS[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                 0.05,   0.1,   0.25,   0.5,   1,    2.5,  5, 10};
#define NBUCKETS (sizeof BUCKETS / sizeof BUCKETS[0])

/* Statuses get a fixed slot each; anything else shares the last slot by
 * its class (status / 100) so that nothing is lost. */
static const int STATUSES[] = {200, 201, 202, 204, 206, 301, 302, 304, 400, 401, 402, 403,
                               404, 405, 409, 410, 413, 415, 422, 429, 500, 502, 503, 504};
#define NSTATUS (sizeof STATUSES / sizeof STATUSES[0])
#define NSLOTS (NSTATUS + 6) /* + 1xx..5xx "other", + aborted */
#define ABORTED_SLOT (NSTATUS + 5)

struct cell {
    atomic_ullong count;
    atomic_ullong micros;          /* sum of durations in microseconds */
    atomic_ullong bucket[NBUCKETS]; /* not cumulative; summed at render */
};

struct metrics {
    const struct router *router;
    size_t nrows;                  /* routes + 1 (unmatched) */
    struct cell *cells;            /* nrows * NSLOTS */
};

struct metrics *metrics_new(const struct router *r)
{
    struct metrics *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->router = r;
    m->nrows = r->n + 1;
    m->cells = calloc(m->nrows * NSLOTS, sizeof *m->cells);
    if (!m->cells) {
        free(m);
        return NULL;
    }
    return m;
}

void metrics_free(struct metrics *m)
{
    if (!m)
        return;
    free(m->cells);
    free(m);
}

/* Status 0: the client went away before an answer was queued. That is
 * the client's doing, not a server error, so it is not counted as 5xx. */
static size_t status_slot(int status)
{
    if (status == 0)
        return ABORTED_SLOT;
    for (size_t i = 0; i < NSTATUS; i++)
        if (STATUSES[i] == status)
            return i;
    int cls = status / 100;
    if (cls < 1 || cls > 5)
        cls = 5;
    return NSTATUS + (size_t)(cls - 1);
}

static int slot_status(size_t slot)
{
    return slot < NSTATUS ? STATUSES[slot] : (int)(slot - NSTATUS + 1) * 100;
}

void metrics_record(struct metrics *m, size_t route_index, int status, double seconds)
{
    size_t row = route_index < m->nrows - 1 ? route_index : m->nrows - 1;
    struct cell *c = &m->cells[row * NSLOTS + status_slot(status)];
    atomic_fetch_add_explicit(&c->count, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&c->micros, (unsigned long long)(seconds * 1e6), memory_order_relaxed);
    size_t b = 0;
    while (b < NBUCKETS && seconds > BUCKETS[b])
        b++;
    if (b < NBUCKETS)
        atomic_fetch_add_explicit(&c->bucket[b], 1, memory_order_relaxed);
}

struct buf {
    char *p;
    size_t len, cap;
};

static void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void buf_printf(struct buf *b, const char *fmt, ...)
{
    if (!b->p)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
        if (n < 0)
            return;
        if ((size_t)n < b->cap - b->len) {
            b->len += (size_t)n;
            return;
        }
        char *np = realloc(b->p, b->cap * 2 + (size_t)n);
        if (!np) {
            free(b->p);
            b->p = NULL;
            return;
        }
        b->p = np;
        b->cap = b->cap * 2 + (size_t)n;
    }
}

/* pass 0 writes the counter family, pass 1 the histogram family: Prometheus
 * wants each family's samples together. */
static void render_row(struct buf *b, int pass, const char *route, const char *method,
                       const struct cell *row)
{
    for (size_t s = 0; s < NSLOTS; s++) {
        const struct cell *c = &row[s];
        unsigned long long count = atomic_load_explicit(&c->count, memory_order_relaxed);
        if (!count)
            continue;
        int st = slot_status(s);
        const char *suffix = s < NSTATUS ? "" : "xx";
        int stv = s < NSTATUS ? st : st / 100;
        char labels[512], status[16];
        if (s == ABORTED_SLOT)
            snprintf(status, sizeof status, "aborted");
        else
            snprintf(status, sizeof status, "%d%s", stv, suffix);
        snprintf(labels, sizeof labels, "route=\"%s\",method=\"%s\",status=\"%s\"", route, method, status);
        if (pass == 0) {
            buf_printf(b, "passbook_http_requests_total{%s} %llu\n", labels, count);
            continue;
        }
        unsigned long long cum = 0;
        for (size_t k = 0; k < NBUCKETS; k++) {
            cum += atomic_load_explicit(&c->bucket[k], memory_order_relaxed);
            buf_printf(b, "passbook_http_request_duration_seconds_bucket{%s,le=\"%g\"} %llu\n",
                       labels, BUCKETS[k], cum);
        }
        buf_printf(b, "passbook_http_request_duration_seconds_bucket{%s,le=\"+Inf\"} %llu\n",
                   labels, count);
        buf_printf(b, "passbook_http_request_duration_seconds_sum{%s} %.6f\n", labels,
                   (double)atomic_load_explicit(&c->micros, memory_order_relaxed) / 1e6);
        buf_printf(b, "passbook_http_request_duration_seconds_count{%s} %llu\n", labels, count);
    }
}

char *metrics_render(const struct metrics *m, size_t *len)
{
    struct buf b = {malloc(8192), 0, 8192};
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 0)
            buf_printf(&b, "# HELP passbook_http_requests_total HTTP requests by route pattern and "
                           "status.\n# TYPE passbook_http_requests_total counter\n");
        else
            buf_printf(&b, "# HELP passbook_http_request_duration_seconds Time from the request's "
                           "headers to the last byte of the response.\n"
                           "# TYPE passbook_http_request_duration_seconds histogram\n");
        for (size_t i = 0; i < m->nrows; i++) {
            const struct route *rt = i < m->router->n ? m->router->routes[i] : NULL;
            render_row(&b, pass, rt ? rt->pattern : "unmatched",
                       rt ? http_method_name(rt->method) : "any", &m->cells[i * NSLOTS]);
        }
    }
    if (len)
        *len = b.p ? b.len : 0;
    return b.p;
}
