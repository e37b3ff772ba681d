/* The journey rate limiter counts per key and per minute, and stays bounded. */
#include "check.h"
#include "journey/ratelimit.h"

#include <stdio.h>

TEST(limit_per_key_per_window)
{
    struct ratelimit *rl = ratelimit_new(100);
    int ok = 0;
    for (int i = 0; i < 10; i++)
        ok += ratelimit_allow(rl, "s:a", 5, 120);
    CHECK_INT(ok, 5);
    CHECK(ratelimit_allow(rl, "s:b", 5, 120));      /* another key is not affected */
    CHECK(!ratelimit_allow(rl, "s:a", 5, 179));     /* same window */
    CHECK(ratelimit_allow(rl, "s:a", 5, 180));      /* next window */
    ratelimit_free(rl);
}

TEST(many_keys_stay_bounded_and_recover)
{
    struct ratelimit *rl = ratelimit_new(16);
    char key[32];
    int refused = 0;
    for (int i = 0; i < 1000; i++) {
        snprintf(key, sizeof key, "ip:10.0.%d.%d", i / 256, i % 256);
        refused += !ratelimit_allow(rl, key, 100, 60);
    }
    CHECK(refused > 0);                             /* full table fails closed */
    CHECK(ratelimit_allow(rl, "ip:fresh", 100, 120)); /* a new window frees slots */
    ratelimit_free(rl);
}

int main(void)
{
    RUN(limit_per_key_per_window);
    RUN(many_keys_stay_bounded_and_recover);
    return check_summary();
}
