/* Fixed-window rate limiter (see ratelimit.h): open addressing over a
 * power-of-two table, one mutex (requests are short; contention is low). */
#include "journey/ratelimit.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define RL_KEY 80
#define RL_WINDOW 60

struct rl_slot {
    char key[RL_KEY];   /* "" = free */
    int64_t window;     /* start of the slot's window (now / 60 * 60) */
    int count;
};

struct ratelimit {
    pthread_mutex_t mu;
    struct rl_slot *slots;
    size_t cap;          /* power of two */
    size_t used;
};

/* Owns the table; free with ratelimit_free. */
struct ratelimit *ratelimit_new(size_t capacity)
{
    size_t cap = 64;
    while (cap < capacity * 2)
        cap <<= 1;
    struct ratelimit *rl = calloc(1, sizeof *rl);
    if (!rl)
        return NULL;
    rl->slots = calloc(cap, sizeof *rl->slots);
    if (!rl->slots) {
        free(rl);
        return NULL;
    }
    rl->cap = cap;
    pthread_mutex_init(&rl->mu, NULL);
    return rl;
}

void ratelimit_free(struct ratelimit *rl)
{
    if (!rl)
        return;
    pthread_mutex_destroy(&rl->mu);
    free(rl->slots);
    free(rl);
}

static size_t rl_hash(const char *s)
{
    size_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* Rebuilds the table keeping only slots of the current window. */
static void rl_sweep(struct ratelimit *rl, int64_t window)
{
    struct rl_slot *old = rl->slots;
    struct rl_slot *fresh = calloc(rl->cap, sizeof *fresh);
    if (!fresh)
        return;
    rl->used = 0;
    for (size_t i = 0; i < rl->cap; i++) {
        if (!old[i].key[0] || old[i].window != window)
            continue;
        size_t j = rl_hash(old[i].key) & (rl->cap - 1);
        while (fresh[j].key[0])
            j = (j + 1) & (rl->cap - 1);
        fresh[j] = old[i];
        rl->used++;
    }
    rl->slots = fresh;
    free(old);
}

static struct rl_slot *rl_lookup(struct ratelimit *rl, const char *key, int64_t window)
{
    size_t i = rl_hash(key) & (rl->cap - 1);
    for (size_t n = 0; n < rl->cap; n++, i = (i + 1) & (rl->cap - 1)) {
        struct rl_slot *s = &rl->slots[i];
        if (!s->key[0]) {
            if (rl->used * 2 >= rl->cap)
                return NULL;   /* half full: the caller sweeps and retries */
            strncpy(s->key, key, RL_KEY - 1);
            s->window = window;
            s->count = 0;
            rl->used++;
            return s;
        }
        if (!strncmp(s->key, key, RL_KEY - 1))
            return s;
    }
    return NULL;
}

bool ratelimit_allow(struct ratelimit *rl, const char *key, int limit, int64_t now)
{
    int64_t window = now / RL_WINDOW * RL_WINDOW;
    bool ok = false;
    pthread_mutex_lock(&rl->mu);
    struct rl_slot *s = rl_lookup(rl, key, window);
    if (!s) {
        rl_sweep(rl, window);
        s = rl_lookup(rl, key, window);
    }
    if (s) {
        if (s->window != window) {
            s->window = window;
            s->count = 0;
        }
        s->count++;
        ok = s->count <= limit;
    }
    pthread_mutex_unlock(&rl->mu);
    return ok;
}
