#include "jobs/pool.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_MAX 40 /* a UUID and its NUL, with room */

struct task {
    work_fn fn;
    void *arg;
    char org[KEY_MAX], session[KEY_MAX];
    struct task *next;
};

struct work_pool {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct task *head, *tail;   /* waiting, oldest first */
    struct task **running;      /* per thread: its task, or NULL */
    size_t queued, nrunning;
    unsigned long long started, refused;
    struct work_limits lim;
    bool stopping;
    int n;
    pthread_t *threads;
};

struct worker_arg {
    struct work_pool *p;
    int index;
};

/* How many running tasks share key (org or session) with t. */
static int running_with(const struct work_pool *p, const char *key, size_t off)
{
    int k = 0;
    for (int i = 0; i < p->n; i++)
        k += p->running[i] && !strcmp((const char *)p->running[i] + off, key);
    return k;
}

static bool may_start(const struct work_pool *p, const struct task *t)
{
    if (p->lim.admit && p->nrunning > 0 && !p->lim.admit())
        return false;
    if (p->lim.per_org && t->org[0] && running_with(p, t->org, offsetof(struct task, org)) >= p->lim.per_org)
        return false;
    if (p->lim.per_session && t->session[0] &&
        running_with(p, t->session, offsetof(struct task, session)) >= p->lim.per_session)
        return false;
    return true;
}

/* The oldest waiting task that may start now, unlinked (caller holds mu). */
static struct task *take(struct work_pool *p)
{
    struct task *prev = NULL;
    for (struct task *t = p->head; t; prev = t, t = t->next) {
        if (!may_start(p, t))
            continue;
        if (prev)
            prev->next = t->next;
        else
            p->head = t->next;
        if (p->tail == t)
            p->tail = prev;
        t->next = NULL;
        p->queued--;
        return t;
    }
    return NULL;
}

static void *worker(void *arg)
{
    struct worker_arg *wa = arg;
    struct work_pool *p = wa->p;
    int me = wa->index;
    free(wa);
    pthread_mutex_lock(&p->mu);
    for (;;) {
        struct task *t;
        while (!(t = take(p)) && !(p->stopping && !p->head))
            pthread_cond_wait(&p->cv, &p->mu);
        if (!t)
            break;
        p->running[me] = t;
        p->nrunning++;
        p->started++;
        pthread_mutex_unlock(&p->mu);
        t->fn(t->arg);
        pthread_mutex_lock(&p->mu);
        p->running[me] = NULL;
        p->nrunning--;
        free(t);
        pthread_cond_broadcast(&p->cv); /* a task held back by a limit may start now */
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

struct work_pool *work_pool_start(int n, const char *name, const struct work_limits *limits)
{
    (void)name;
    struct work_pool *p = calloc(1, sizeof *p);
    if (!p || n < 1 || !(p->threads = calloc((size_t)n, sizeof *p->threads)) ||
        !(p->running = calloc((size_t)n, sizeof *p->running))) {
        if (p)
            free(p->threads);
        free(p);
        return NULL;
    }
    if (limits)
        p->lim = *limits;
    p->n = n;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv, NULL);
    int started = 0;
    for (; started < n; started++) {
        struct worker_arg *wa = malloc(sizeof *wa);
        if (!wa)
            break;
        *wa = (struct worker_arg){p, started};
        if (pthread_create(&p->threads[started], NULL, worker, wa)) {
            free(wa);
            break;
        }
    }
    p->n = started; /* slots past the started threads are never used */
    if (started == 0) {
        work_pool_stop(p);
        return NULL;
    }
    return p;
}

int work_pool_submit(struct work_pool *p, const char *org, const char *session, work_fn fn, void *arg)
{
    struct task *t = calloc(1, sizeof *t);
    if (!t)
        return WORK_FULL;
    t->fn = fn;
    t->arg = arg;
    snprintf(t->org, sizeof t->org, "%s", org ? org : "");
    snprintf(t->session, sizeof t->session, "%s", session ? session : "");
    pthread_mutex_lock(&p->mu);
    int rc = p->stopping ? WORK_STOPPING : p->lim.max_queued && p->queued >= p->lim.max_queued ? WORK_FULL : WORK_QUEUED;
    if (rc != WORK_QUEUED) {
        p->refused += rc == WORK_FULL;
        pthread_mutex_unlock(&p->mu);
        free(t);
        return rc;
    }
    if (p->tail)
        p->tail->next = t;
    else
        p->head = t;
    p->tail = t;
    p->queued++;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    return WORK_QUEUED;
}

void work_pool_stats(struct work_pool *p, struct work_stats *out)
{
    pthread_mutex_lock(&p->mu);
    *out = (struct work_stats){p->nrunning, p->queued, p->started, p->refused};
    pthread_mutex_unlock(&p->mu);
}

void work_pool_stop(struct work_pool *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    p->stopping = true;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->n; i++)
        pthread_join(p->threads[i], NULL);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->cv);
    free(p->threads);
    free(p->running);
    free(p);
}
