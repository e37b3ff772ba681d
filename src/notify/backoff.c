/* Retry schedule for webhook deliveries (see backoff.h). */
#include "notify/backoff.h"

int64_t webhook_next_attempt(int attempts, int64_t created_at, int64_t now, int base)
{
    if (base <= 0)
        base = WEBHOOK_RETRY_BASE;
    if (attempts < 1)
        attempts = 1;
    int64_t delay = base;
    for (int i = 1; i < attempts && delay < WEBHOOK_RETRY_CAP; i++)
        delay *= 2;
    if (delay > WEBHOOK_RETRY_CAP)
        delay = WEBHOOK_RETRY_CAP;
    int64_t next = now + delay;
    if (next > created_at + WEBHOOK_RETRY_WINDOW)
        return -1;
    return next;
}
