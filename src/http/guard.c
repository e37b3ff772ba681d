/* Connection limits and absolute deadlines (see guard.h). One mutex over
 * the table of connections and the per-client counts; phase changes are
 * atomic stores, so request threads never wait for the reaper. */
#include "http/guard.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "net/cidr.h"
#include "util/hash.h"
#include "util/log.h"

#define REAP_MS 250

struct guard_conn {
    struct guard *g;
    struct guard_conn *prev, *next;
    int fd;
    bool trusted;                    /* a trusted proxy: no per-client limit */
    char key[NET_CLIENT_KEY_BUF];
    atomic_int phase;
    atomic_llong deadline_ms;        /* 0: none */
    atomic_llong since_ms;           /* when the body began */
    _Atomic(const char *) answer;    /* the 408 for the request's family */
    atomic_size_t answer_len;
};

struct key_slot {
    char key[NET_CLIENT_KEY_BUF];    /* "" = free */
    unsigned n;
};

struct guard {
    struct guard_limits lim;
    struct net_cidrs trusted;
    guard_timeout_answer answer;
    void *answer_cls;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_t reaper;
    bool stop, reaper_started;
    struct guard_conn *head;
    unsigned open;
    struct key_slot *keys;
    size_t kcap;                      /* power of two, > 2 * max_total */
    atomic_ullong timed_out, refused;
};

static int64_t now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* The slot of key (found, or the free slot where it would go). */
static struct key_slot *key_find(struct guard *g, const char *key)
{
    size_t i = hash_str(key) & (g->kcap - 1);
    while (g->keys[i].key[0] && strcmp(g->keys[i].key, key))
        i = (i + 1) & (g->kcap - 1);
    return &g->keys[i];
}

/* Removes a slot whose count reached zero: backward-shift deletion keeps
 * every probe sequence unbroken without tombstones. */
static void key_delete(struct guard *g, struct key_slot *s)
{
    size_t i = (size_t)(s - g->keys), j = i;
    for (;;) {
        g->keys[i].key[0] = '\0';
        g->keys[i].n = 0;
        for (;;) {
            j = (j + 1) & (g->kcap - 1);
            if (!g->keys[j].key[0])
                return;
            size_t home = hash_str(g->keys[j].key) & (g->kcap - 1);
            if (!hash_entry_stays(i, j, home))
                break;
        }
        g->keys[i] = g->keys[j];
        i = j;
    }
}

static void *reaper_main(void *arg);

struct guard *guard_new(const struct guard_limits *l, const struct net_cidrs *trusted,
                        guard_timeout_answer answer, void *answer_cls)
{
    struct guard *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->lim = *l;
    if (trusted)
        g->trusted = *trusted;
    g->answer = answer;
    g->answer_cls = answer_cls;
    g->kcap = 64;
    while (g->kcap <= 2 * (size_t)l->max_total)
        g->kcap <<= 1;
    g->keys = calloc(g->kcap, sizeof *g->keys);
    pthread_mutex_init(&g->mu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&g->cv, &ca);
    pthread_condattr_destroy(&ca);
    if (!g->keys || pthread_create(&g->reaper, NULL, reaper_main, g)) {
        guard_free(g);
        return NULL;
    }
    g->reaper_started = true;
    return g;
}

void guard_free(struct guard *g)
{
    if (!g)
        return;
    if (g->reaper_started) {
        pthread_mutex_lock(&g->mu);
        g->stop = true;
        pthread_cond_signal(&g->cv);
        pthread_mutex_unlock(&g->mu);
        pthread_join(g->reaper, NULL);
    }
    pthread_cond_destroy(&g->cv);
    pthread_mutex_destroy(&g->mu);
    free(g->keys);
    free(g);
}

/* Under g->mu. */
static bool within_limits(struct guard *g, const char *key, bool trusted)
{
    if (g->open >= g->lim.max_total)
        return false;
    return trusted || !key[0] || key_find(g, key)->n < g->lim.max_per_client;
}

bool guard_may_accept(struct guard *g, const struct sockaddr *sa)
{
    char key[NET_CLIENT_KEY_BUF];
    net_client_key(sa, key, sizeof key);
    bool trusted = net_cidrs_match(&g->trusted, sa);
    pthread_mutex_lock(&g->mu);
    bool ok = within_limits(g, key, trusted);
    pthread_mutex_unlock(&g->mu);
    if (!ok) {
        atomic_fetch_add(&g->refused, 1);
        log_warn("http msg=\"connection refused: limit reached\" client=%s", key);
    }
    return ok;
}

struct guard_conn *guard_add(struct guard *g, int fd, const struct sockaddr *sa)
{
    struct guard_conn *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->g = g;
    c->fd = fd;
    if (sa) {
        net_client_key(sa, c->key, sizeof c->key);
        c->trusted = net_cidrs_match(&g->trusted, sa);
    }
    atomic_store(&c->phase, GUARD_IDLE);
    atomic_store(&c->deadline_ms, now_ms() + (int64_t)g->lim.idle_s * 1000);
    pthread_mutex_lock(&g->mu);
    /* Counted even past a limit (several threads accept at once): the
     * limit is checked at accept, the count must stay exact. */
    if (c->key[0] && !c->trusted) {
        struct key_slot *s = key_find(g, c->key);
        if (!s->key[0])
            memcpy(s->key, c->key, sizeof s->key);
        s->n++;
    }
    g->open++;
    c->next = g->head;
    if (g->head)
        g->head->prev = c;
    g->head = c;
    pthread_mutex_unlock(&g->mu);
    return c;
}

void guard_remove(struct guard *g, struct guard_conn *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&g->mu);
    if (c->key[0] && !c->trusted) {
        struct key_slot *s = key_find(g, c->key);
        if (s->key[0] && --s->n == 0)
            key_delete(g, s);
    }
    g->open--;
    if (c->prev)
        c->prev->next = c->next;
    else
        g->head = c->next;
    if (c->next)
        c->next->prev = c->prev;
    pthread_mutex_unlock(&g->mu);
    free(c);
}

void guard_head(struct guard_conn *c, const char *path)
{
    if (!c)
        return;
    size_t len = 0;
    const char *a = c->g->answer ? c->g->answer(c->g->answer_cls, path, &len) : NULL;
    atomic_store(&c->answer_len, len);
    atomic_store(&c->answer, a);
    if (atomic_load(&c->phase) != GUARD_HEAD) /* the deadline runs from the first byte seen */
        guard_phase(c, GUARD_HEAD, 0);
}

void guard_phase(struct guard_conn *c, enum guard_phase p, uint64_t bytes)
{
    if (!c)
        return;
    const struct guard_limits *l = &c->g->lim;
    int64_t now = now_ms(), deadline = 0;
    uint64_t rate = l->min_rate ? l->min_rate : 1;
    switch (p) {
    case GUARD_IDLE:
        deadline = now + (int64_t)l->idle_s * 1000;
        atomic_store(&c->answer, NULL);
        break;
    case GUARD_HEAD:
        deadline = now + (int64_t)l->head_s * 1000;
        break;
    case GUARD_BODY: /* the grace from the first body byte, plus what the bytes earned */
        if (atomic_load(&c->phase) != GUARD_BODY)
            atomic_store(&c->since_ms, now);
        deadline = atomic_load(&c->since_ms) + (int64_t)l->body_grace_s * 1000 +
                   (int64_t)(bytes * 1000 / rate);
        break;
    case GUARD_SEND:
        deadline = now + (int64_t)l->body_grace_s * 1000 + (int64_t)(bytes * 1000 / rate);
        break;
    case GUARD_WORK:
        deadline = 0;
        break;
    }
    atomic_store(&c->phase, p);
    atomic_store(&c->deadline_ms, deadline);
}

/* Kills one connection past its deadline (under g->mu, so the fd is still
 * the connection's: the server removes it before closing the socket). */
static void expire(struct guard *g, struct guard_conn *c)
{
    int phase = atomic_load(&c->phase);
    const char *a = atomic_load(&c->answer);
    size_t alen = atomic_load(&c->answer_len);
    if ((phase == GUARD_HEAD || phase == GUARD_BODY) && a && alen) {
        ssize_t n = send(c->fd, a, alen, MSG_NOSIGNAL | MSG_DONTWAIT);
        (void)n; /* best effort: the connection closes either way */
    }
    shutdown(c->fd, SHUT_RDWR);
    atomic_store(&c->deadline_ms, 0);
    atomic_fetch_add(&g->timed_out, 1);
    static const char *const NAMES[] = {"idle", "head", "body", "work", "send"};
    log_info("http msg=\"connection closed: deadline\" phase=%s client=%s", NAMES[phase], c->key);
}

static void *reaper_main(void *arg)
{
    struct guard *g = arg;
    pthread_mutex_lock(&g->mu);
    while (!g->stop) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        ts.tv_nsec += REAP_MS * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&g->cv, &g->mu, &ts);
        int64_t now = now_ms();
        for (struct guard_conn *c = g->head; c && !g->stop; c = c->next) {
            int64_t d = atomic_load(&c->deadline_ms);
            if (d && now > d)
                expire(g, c);
        }
    }
    pthread_mutex_unlock(&g->mu);
    return NULL;
}

void guard_stats(struct guard *g, unsigned *open, uint64_t *timed_out, uint64_t *refused)
{
    pthread_mutex_lock(&g->mu);
    *open = g->open;
    pthread_mutex_unlock(&g->mu);
    *timed_out = atomic_load(&g->timed_out);
    *refused = atomic_load(&g->refused);
}
