#include "util/stats.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NBUCKETS 12
static const double BUCKETS[NBUCKETS] = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800};

struct family {
    const char *name, *help;
    bool histogram;
    const char *labels[2];        /* NULL-padded */
};

static const struct family FAMILIES[STATS_NFAMILIES] = {
    [STATS_JOBS_FINISHED] = {"passbook_jobs_finished_total", "Background job runs by kind and outcome.", false,
                             {"kind", "outcome"}},
    [STATS_JOB_LATENCY] = {"passbook_job_latency_seconds", "Seconds from a job's queueing to the end of its run.",
                           true, {"kind", NULL}},
    [STATS_WEBHOOKS_DELIVERED] = {"passbook_webhooks_delivered_total", "Webhook deliveries answered 2xx.", false,
                                  {"event", NULL}},
    [STATS_WEBHOOKS_RETRIED] = {"passbook_webhooks_retried_total",
                                "Webhook attempts that failed and will be retried.", false, {"event", NULL}},
    [STATS_WEBHOOKS_FAILED] = {"passbook_webhooks_failed_total", "Webhook deliveries given up after the last retry.",
                               false, {"event", NULL}},
    [STATS_WEBHOOK_LAG] = {"passbook_webhook_lag_seconds", "Seconds from a webhook's queueing to its delivery.",
                           true, {"event", NULL}},
    [STATS_EXTRACT_PAGES] = {"passbook_extraction_pages_total", "Statement pages read.", false, {NULL, NULL}},
    [STATS_EXTRACT_SECONDS] = {"passbook_extraction_seconds", "Seconds spent reading one statement.", true,
                               {NULL, NULL}},
    [STATS_EXTRACT_REFUSALS] = {"passbook_extraction_refusals_total", "Statements refused, by FinBox code.", false,
                                {"code", NULL}},
    [STATS_UPLOADS] = {"passbook_uploads_total", "Statements offered, by source and result (ok or the code).",
                       false, {"source", "result"}},
    [STATS_AA_FETCHES] = {"passbook_aa_fetches_total", "Account Aggregator FI data fetches, by result.", false,
                          {"result", NULL}},
};

struct cell {
    char a[48], b[48];
    double sum;                   /* counter value, or histogram sum */
    unsigned long long count;     /* histogram observations */
    unsigned long long buckets[NBUCKETS];
};

static struct {
    pthread_mutex_t mu;
    struct cell cells[STATS_NFAMILIES][STATS_MAX_VALUES + 1];
    int n[STATS_NFAMILIES];
} S = {.mu = PTHREAD_MUTEX_INITIALIZER};

/* The family's cell for (a, b), created on first use; the last cell is "other". */
static struct cell *cell_of(enum stats_family f, const char *a, const char *b)
{
    a = a ? a : "";
    b = b ? b : "";
    for (int i = 0; i < S.n[f]; i++)
        if (!strcmp(S.cells[f][i].a, a) && !strcmp(S.cells[f][i].b, b))
            return &S.cells[f][i];
    struct cell *c = &S.cells[f][S.n[f] < STATS_MAX_VALUES ? S.n[f]++ : STATS_MAX_VALUES];
    if (c == &S.cells[f][STATS_MAX_VALUES]) {
        snprintf(c->a, sizeof c->a, "%s", FAMILIES[f].labels[0] ? "other" : "");
        snprintf(c->b, sizeof c->b, "%s", FAMILIES[f].labels[1] ? "other" : "");
    } else {
        snprintf(c->a, sizeof c->a, "%s", a);
        snprintf(c->b, sizeof c->b, "%s", b);
    }
    return c;
}

void stats_add(enum stats_family f, const char *a, const char *b, double v)
{
    if ((unsigned)f >= STATS_NFAMILIES || FAMILIES[f].histogram)
        return;
    pthread_mutex_lock(&S.mu);
    cell_of(f, a, b)->sum += v;
    pthread_mutex_unlock(&S.mu);
}

void stats_observe(enum stats_family f, const char *a, double seconds)
{
    if ((unsigned)f >= STATS_NFAMILIES || !FAMILIES[f].histogram)
        return;
    pthread_mutex_lock(&S.mu);
    struct cell *c = cell_of(f, a, NULL);
    c->sum += seconds;
    c->count++;
    for (int i = 0; i < NBUCKETS; i++)
        if (seconds <= BUCKETS[i])
            c->buckets[i]++;
    pthread_mutex_unlock(&S.mu);
}

/* Appends printf output to the growing buffer *buf. */
static void put(char **buf, size_t *len, size_t *cap, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void put(char **buf, size_t *len, size_t *cap, const char *fmt, ...)
{
    if (!*buf)
        return;
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(*buf + *len, *cap - *len, fmt, ap);
        va_end(ap);
        if (n < 0) {
            free(*buf);
            *buf = NULL;
            return;
        }
        if (*len + (size_t)n < *cap) {
            *len += (size_t)n;
            return;
        }
        char *p = realloc(*buf, *cap * 2 + (size_t)n);
        if (!p) {
            free(*buf);
            *buf = NULL;
            return;
        }
        *buf = p;
        *cap = *cap * 2 + (size_t)n;
    }
}

/* {a="x",b="y"} (extra: one more label, e.g. le="0.5"), or "" without labels. */
static void labels(char *out, size_t cap, const struct family *fam, const struct cell *c, const char *extra)
{
    size_t n = 0;
    out[0] = '\0';
    const char *vals[2] = {c->a, c->b};
    for (int i = 0; i < 2; i++)
        if (fam->labels[i])
            n += (size_t)snprintf(out + n, cap - n, "%s%s=\"%s\"", n ? "," : "{", fam->labels[i], vals[i]);
    if (extra)
        n += (size_t)snprintf(out + n, cap - n, "%s%s", n ? "," : "{", extra);
    if (n)
        snprintf(out + n, cap - n, "}");
}

char *stats_render(void)
{
    size_t len = 0, cap = 8192;
    char *buf = malloc(cap);
    if (buf)
        buf[0] = '\0';
    pthread_mutex_lock(&S.mu);
    for (int f = 0; f < STATS_NFAMILIES; f++) {
        const struct family *fam = &FAMILIES[f];
        put(&buf, &len, &cap, "# HELP %s %s\n# TYPE %s %s\n", fam->name, fam->help, fam->name,
            fam->histogram ? "histogram" : "counter");
        if (!fam->labels[0] && S.n[f] == 0) /* an unlabelled family shows its zero */
            cell_of((enum stats_family)f, NULL, NULL);
        for (int i = 0; i < S.n[f] + (S.n[f] == STATS_MAX_VALUES && S.cells[f][STATS_MAX_VALUES].a[0]); i++) {
            const struct cell *c = &S.cells[f][i];
            char lab[256];
            if (!fam->histogram) {
                labels(lab, sizeof lab, fam, c, NULL);
                put(&buf, &len, &cap, "%s%s %.17g\n", fam->name, lab, c->sum);
                continue;
            }
            for (int b = 0; b <= NBUCKETS; b++) {
                char le[32];
                if (b < NBUCKETS)
                    snprintf(le, sizeof le, "le=\"%g\"", BUCKETS[b]);
                else
                    snprintf(le, sizeof le, "le=\"+Inf\"");
                labels(lab, sizeof lab, fam, c, le);
                put(&buf, &len, &cap, "%s_bucket%s %llu\n", fam->name, lab, b < NBUCKETS ? c->buckets[b] : c->count);
            }
            labels(lab, sizeof lab, fam, c, NULL);
            put(&buf, &len, &cap, "%s_sum%s %.17g\n%s_count%s %llu\n", fam->name, lab, c->sum, fam->name, lab,
                c->count);
        }
    }
    pthread_mutex_unlock(&S.mu);
    return buf;
}
