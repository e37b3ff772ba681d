/* Fixed-window counters (see ratelimit.h): open addressing over a
 * power-of-two table at most half full, one mutex (calls are short). */
#include "util/ratelimit.h"

#include "util/hash.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define RL_KEY 80
#define RL_EVICT_PROBE 8

struct rl_slot {
    char key[RL_KEY];   /* "" = free */
    int64_t window;     /* start of the slot's window */
    int count;
};

struct ratelimit {
    pthread_mutex_t mu;
    struct rl_slot *slots;
    size_t cap;          /* power of two, twice the capacity */
    size_t used;
    int64_t swept;       /* the window last swept of ended ones */
};

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

/* Empties slot i with backward-shift deletion: later entries of the same
 * probe run move up, so every probe sequence stays unbroken. */
static void rl_delete(struct ratelimit *rl, size_t i)
{
    size_t j = i;
    for (;;) {
        rl->slots[i].key[0] = '\0';
        for (;;) {
            j = (j + 1) & (rl->cap - 1);
            if (!rl->slots[j].key[0]) {
                rl->used--;
                return;
            }
            size_t home = hash_str(rl->slots[j].key) & (rl->cap - 1);
            if (!hash_entry_stays(i, j, home))
                break;
        }
        rl->slots[i] = rl->slots[j];
        i = j;
    }
}

/* Drops every slot of an ended window (once per window: a full sweep). */
static void rl_sweep(struct ratelimit *rl, int64_t window)
{
    for (size_t i = 0; i < rl->cap;) {
        if (rl->slots[i].key[0] && rl->slots[i].window < window)
            rl_delete(rl, i); /* slot i may now hold a moved entry: look again */
        else
            i++;
    }
    rl->swept = window;
}

/* The slot of key, NULL when it is absent; *free_slot is where it would go. */
static struct rl_slot *rl_find(struct ratelimit *rl, const char *key, struct rl_slot **free_slot)
{
    size_t i = hash_str(key) & (rl->cap - 1);
    for (;; i = (i + 1) & (rl->cap - 1)) {
        struct rl_slot *s = &rl->slots[i];
        if (!s->key[0]) {
            *free_slot = s;
            return NULL;
        }
        if (!strncmp(s->key, key, RL_KEY - 1))
            return s;
    }
}

/* Makes room for one more key: drop ended windows, else evict the slot
 * with the fewest events among the first ones probed for key. */
static void rl_make_room(struct ratelimit *rl, const char *key, int64_t window)
{
    if (rl->swept != window)
        rl_sweep(rl, window);
    if (rl->used * 2 < rl->cap)
        return;
    size_t i = hash_str(key) & (rl->cap - 1), victim = rl->cap;
    /* the first RL_EVICT_PROBE occupied slots from key's home on */
    for (size_t n = 0, seen = 0; n < rl->cap && seen < RL_EVICT_PROBE; n++, i = (i + 1) & (rl->cap - 1)) {
        if (!rl->slots[i].key[0])
            continue;
        seen++;
        if (victim == rl->cap || rl->slots[i].count < rl->slots[victim].count)
            victim = i;
    }
    if (victim < rl->cap)
        rl_delete(rl, victim);
}

int ratelimit_count(struct ratelimit *rl, const char *key, int window_s, int64_t now, bool count_it)
{
    int64_t window = now / window_s * window_s;
    int count = 0;
    pthread_mutex_lock(&rl->mu);
    struct rl_slot *free_slot = NULL;
    struct rl_slot *s = rl_find(rl, key, &free_slot);
    if (!s && count_it) {
        if (rl->used * 2 >= rl->cap) {
            rl_make_room(rl, key, window);
            rl_find(rl, key, &free_slot);
        }
        s = free_slot;
        strncpy(s->key, key, RL_KEY - 1);
        s->key[RL_KEY - 1] = '\0';
        s->window = window;
        s->count = 0;
        rl->used++;
    }
    if (s) {
        if (s->window != window) {
            s->window = window;
            s->count = 0;
        }
        if (count_it)
            s->count++;
        count = s->count;
    }
    pthread_mutex_unlock(&rl->mu);
    return count;
}

bool ratelimit_allow(struct ratelimit *rl, const char *key, int limit, int64_t now)
{
    return ratelimit_count(rl, key, 60, now, true) <= limit;
}
