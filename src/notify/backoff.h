/* When a failed webhook delivery is tried again: the first retry `base`
 * seconds after the first attempt (15 s by default, so within 30 s), then
 * doubling (30 s, 1 min, 2 min ...) capped at one hour between attempts,
 * until 24 hours have passed since the delivery was created; then it is
 * given up (and can still be replayed by hand). */
#ifndef PB_NOTIFY_BACKOFF_H
#define PB_NOTIFY_BACKOFF_H

#include <stdint.h>

#define WEBHOOK_RETRY_BASE 15        /* seconds */
#define WEBHOOK_RETRY_CAP 3600       /* seconds */
#define WEBHOOK_RETRY_WINDOW 86400   /* seconds */

/* The unix time of the next attempt after `attempts` failed attempts of a
 * delivery created at created_at, failing last at now; or -1 to give up. */
int64_t webhook_next_attempt(int attempts, int64_t created_at, int64_t now, int base);

#endif
