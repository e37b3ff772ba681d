/* Rate limits for the journey API: a fixed one-minute window counter per
 * key ("s:<session_id>", "ip:<address>"), in memory.
 *
 * Per node by design: with N nodes behind a balancer a client gets at most
 * N times the limit, which still bounds abuse; nothing is written to the
 * store on the hot path. The table is bounded: when full, windows that have
 * ended are dropped first, and a key that cannot get a slot is refused
 * (fail closed) rather than let through. Thread-safe. */
#ifndef PB_JOURNEY_RATELIMIT_H
#define PB_JOURNEY_RATELIMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ratelimit;

/* A table for up to capacity keys. NULL on out of memory. */
struct ratelimit *ratelimit_new(size_t capacity);
void ratelimit_free(struct ratelimit *rl);

/* Counts one request for key at time now (seconds) and tells whether it
 * is within limit requests in the current 60-second window. */
bool ratelimit_allow(struct ratelimit *rl, const char *key, int limit, int64_t now);

#endif
