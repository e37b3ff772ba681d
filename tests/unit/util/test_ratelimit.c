/* The rate counters count per key and per window, stay bounded, and a
 * flood of new keys evicts instead of refusing anyone. */
#include "check.h"
#include "util/ratelimit.h"

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

TEST(peeking_does_not_count)
{
    struct ratelimit *rl = ratelimit_new(100);
    CHECK_INT(ratelimit_count(rl, "f:a", 60, 100, false), 0);
    CHECK_INT(ratelimit_count(rl, "f:a", 60, 100, true), 1);
    CHECK_INT(ratelimit_count(rl, "f:a", 60, 100, false), 1);
    CHECK_INT(ratelimit_count(rl, "f:a", 60, 130, true), 1); /* a new window */
    ratelimit_free(rl);
}

TEST(a_flood_of_new_keys_never_refuses_and_stays_bounded)
{
    struct ratelimit *rl = ratelimit_new(1024);
    char key[32];
    int refused = 0;
    for (int i = 0; i < 100000; i++) {
        snprintf(key, sizeof key, "ip:10.%d.%d.%d", i >> 16, (i >> 8) & 255, i & 255);
        refused += !ratelimit_allow(rl, key, 100, 60);
    }
    CHECK_INT(refused, 0);                           /* the table evicts, it does not fail closed */
    /* a busy key keeps its count through the flood (the fewest-events slot goes first) */
    for (int i = 0; i < 50; i++)
        ratelimit_allow(rl, "s:busy", 1000, 60);
    for (int i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "ip:11.0.%d.%d", i >> 8, i & 255);
        ratelimit_allow(rl, key, 100, 60);
    }
    CHECK(ratelimit_count(rl, "s:busy", 60, 60, false) >= 50);
    ratelimit_free(rl);
}

int main(void)
{
    RUN(limit_per_key_per_window);
    RUN(peeking_does_not_count);
    RUN(a_flood_of_new_keys_never_refuses_and_stays_bounded);
    return check_summary();
}
