/* Fixed-window event counters per key ("ipf:203.0.113.7", "s:<session>"),
 * in memory: what the SQLite store serves its rate_count with (one node;
 * a store shared by several nodes counts in the database instead).
 *
 * The table is bounded and never refuses a key: when it is full, windows
 * that have ended are dropped, and if that is not enough the entry with
 * the fewest events near the new key's slot is evicted. A flood of new
 * keys can therefore only reset counters (let requests through), never
 * lock anyone out. Thread-safe. */
#ifndef PB_UTIL_RATELIMIT_H
#define PB_UTIL_RATELIMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ratelimit;

/* A table for up to capacity keys. NULL on out of memory. */
struct ratelimit *ratelimit_new(size_t capacity);
void ratelimit_free(struct ratelimit *rl);

/* The number of events for key in the window of window_s seconds holding
 * now, after counting one more when count_it. */
int ratelimit_count(struct ratelimit *rl, const char *key, int window_s, int64_t now, bool count_it);
/* Counts one event and tells whether key is within limit events per minute. */
bool ratelimit_allow(struct ratelimit *rl, const char *key, int limit, int64_t now);

#endif
