/* Webhook retries: first within 30 s, then exponential, capped, for 24 hours. */
#include "check.h"
#include "notify/backoff.h"

TEST(first_retry_within_30_seconds)
{
    int64_t next = webhook_next_attempt(1, 0, 0, WEBHOOK_RETRY_BASE);
    CHECK(next > 0 && next <= 30);
}

TEST(delays_double_then_cap)
{
    int64_t prev = 0;
    for (int a = 1; a <= 8; a++) {
        int64_t d = webhook_next_attempt(a, 0, 1000, 15) - 1000;
        if (a > 1)
            CHECK_INT(d, prev * 2 > WEBHOOK_RETRY_CAP ? WEBHOOK_RETRY_CAP : prev * 2);
        prev = d;
    }
    CHECK_INT(webhook_next_attempt(30, 0, 1000, 15) - 1000, WEBHOOK_RETRY_CAP);
}

TEST(gives_up_after_a_day)
{
    CHECK(webhook_next_attempt(20, 0, 86400 - 10, 15) == -1);
    CHECK(webhook_next_attempt(20, 0, 40000, 15) > 0);
    /* a whole day of failures makes a bounded number of attempts */
    int attempts = 0;
    int64_t t = 0;
    while (t >= 0 && attempts < 1000) {
        attempts++;
        t = webhook_next_attempt(attempts, 0, t, 15);
    }
    CHECK(attempts > 20 && attempts < 40);
}

int main(void)
{
    RUN(first_retry_within_30_seconds);
    RUN(delays_double_then_cap);
    RUN(gives_up_after_a_day);
    return check_summary();
}
