/* The connection guard counts connections per client key (IPv4 address,
 * IPv6 /64) and in total, exactly, through any order of opens and closes. */
#include "check.h"
#include "http/guard.h"
#include "net/cidr.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>

static struct sockaddr_storage addr(const char *text)
{
    struct sockaddr_storage ss = {0};
    struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
    struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
    if (inet_pton(AF_INET, text, &s4->sin_addr) == 1)
        s4->sin_family = AF_INET;
    else if (inet_pton(AF_INET6, text, &s6->sin6_addr) == 1)
        s6->sin6_family = AF_INET6;
    return ss;
}

static const struct guard_limits LIMITS = {100, 3, 60, 10, 20, 1024};

TEST(per_client_and_total_limits)
{
    struct net_cidrs trusted;
    char err[100];
    net_cidrs_parse("10.0.0.1", &trusted, err, sizeof err);
    struct guard *g = guard_new(&LIMITS, &trusted, NULL, NULL);
    struct sockaddr_storage a = addr("203.0.113.7"), b = addr("203.0.113.8");
    struct guard_conn *c[3];
    for (int i = 0; i < 3; i++) {
        CHECK(guard_may_accept(g, (struct sockaddr *)&a));
        c[i] = guard_add(g, -1, (struct sockaddr *)&a);
    }
    CHECK(!guard_may_accept(g, (struct sockaddr *)&a));
    CHECK(guard_may_accept(g, (struct sockaddr *)&b));
    guard_remove(g, c[1]);
    CHECK(guard_may_accept(g, (struct sockaddr *)&a));
    /* one IPv6 /64 is one client */
    struct sockaddr_storage v[4] = {addr("2001:db8:1:2::1"), addr("2001:db8:1:2::2"),
                                    addr("2001:db8:1:2:ffff::3"), addr("2001:db8:1:3::1")};
    struct guard_conn *vc[3];
    for (int i = 0; i < 3; i++)
        vc[i] = guard_add(g, -1, (struct sockaddr *)&v[i]);
    CHECK(!guard_may_accept(g, (struct sockaddr *)&v[0]));
    CHECK(guard_may_accept(g, (struct sockaddr *)&v[3]));
    /* a trusted proxy counts only against the total */
    struct sockaddr_storage p = addr("10.0.0.1");
    struct guard_conn *pc[10];
    for (int i = 0; i < 10; i++)
        pc[i] = guard_add(g, -1, (struct sockaddr *)&p);
    CHECK(guard_may_accept(g, (struct sockaddr *)&p));
    unsigned open;
    uint64_t timed_out, refused;
    guard_stats(g, &open, &timed_out, &refused);
    CHECK_INT(open, 2 + 3 + 10);
    CHECK(refused >= 2);
    guard_remove(g, c[0]);
    guard_remove(g, c[2]);
    for (int i = 0; i < 3; i++)
        guard_remove(g, vc[i]);
    for (int i = 0; i < 10; i++)
        guard_remove(g, pc[i]);
    guard_stats(g, &open, &timed_out, &refused);
    CHECK_INT(open, 0);
    guard_free(g);
}

TEST(counts_stay_exact_through_many_clients)
{
    struct guard_limits l = {5000, 2, 60, 10, 20, 1024};
    struct guard *g = guard_new(&l, NULL, NULL, NULL);
    enum { N = 3000 };
    struct guard_conn **c = calloc(N, sizeof *c);
    char text[32];
    for (int i = 0; i < N; i++) {
        snprintf(text, sizeof text, "198.%d.%d.%d", i / 2 / 250 / 250, i / 2 / 250 % 250, i / 2 % 250);
        struct sockaddr_storage a = addr(text);
        c[i] = guard_add(g, -1, (struct sockaddr *)&a);
    }
    for (int i = 0; i < N; i += 2) /* close every other, in an order unlike the opens */
        guard_remove(g, c[i]);
    int wrong = 0;
    for (int i = 1; i < N; i += 2) {
        snprintf(text, sizeof text, "198.%d.%d.%d", i / 2 / 250 / 250, i / 2 / 250 % 250, i / 2 % 250);
        struct sockaddr_storage a = addr(text);
        wrong += !guard_may_accept(g, (struct sockaddr *)&a); /* two per client, one of them left */
        guard_remove(g, c[i]);
    }
    CHECK_INT(wrong, 0);
    unsigned open;
    uint64_t t, r;
    guard_stats(g, &open, &t, &r);
    CHECK_INT(open, 0);
    free(c);
    guard_free(g);
}

int main(void)
{
    RUN(per_client_and_total_limits);
    RUN(counts_stay_exact_through_many_clients);
    return check_summary();
}
