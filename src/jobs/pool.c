#include "jobs/pool.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

struct task {
    work_fn fn;
    void *arg;
    struct task *next;
};

struct work_pool {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct task *head, *tail;
    size_t pending;
    bool stopping;
    int n;
    pthread_t *threads;
};

static void *worker(void *arg)
{
    struct work_pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!p->head && !p->stopping)
            pthread_cond_wait(&p->cv, &p->mu);
        struct task *t = p->head;
        if (!t) {
            pthread_mutex_unlock(&p->mu);
            return NULL;
        }
        p->head = t->next;
        if (!p->head)
            p->tail = NULL;
        pthread_mutex_unlock(&p->mu);
        t->fn(t->arg);
        free(t);
        pthread_mutex_lock(&p->mu);
        p->pending--;
        pthread_mutex_unlock(&p->mu);
    }
}

struct work_pool *work_pool_start(int n, const char *name)
{
    (void)name;
    struct work_pool *p = calloc(1, sizeof *p);
    if (!p || n < 1 || !(p->threads = calloc((size_t)n, sizeof *p->threads))) {
        free(p);
        return NULL;
    }
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv, NULL);
    for (; p->n < n; p->n++)
        if (pthread_create(&p->threads[p->n], NULL, worker, p))
            break;
    if (p->n == 0) {
        work_pool_stop(p);
        return NULL;
    }
    return p;
}

int work_pool_submit(struct work_pool *p, work_fn fn, void *arg)
{
    struct task *t = malloc(sizeof *t);
    if (!t)
        return -1;
    t->fn = fn;
    t->arg = arg;
    t->next = NULL;
    pthread_mutex_lock(&p->mu);
    if (p->stopping) {
        pthread_mutex_unlock(&p->mu);
        free(t);
        return -1;
    }
    if (p->tail)
        p->tail->next = t;
    else
        p->head = t;
    p->tail = t;
    p->pending++;
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->mu);
    return 0;
}

size_t work_pool_pending(struct work_pool *p)
{
    pthread_mutex_lock(&p->mu);
    size_t n = p->pending;
    pthread_mutex_unlock(&p->mu);
    return n;
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
    free(p);
}
