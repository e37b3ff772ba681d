/* Trusted-proxy ranges and client keys (IPv6 by /64). */
#include "check.h"
#include "net/cidr.h"

#include <arpa/inet.h>
#include <netinet/in.h>

TEST(ranges_parse_and_match)
{
    struct net_cidrs c;
    char err[160];
    CHECK_INT(net_cidrs_parse("10.0.0.0/8, 127.0.0.1 ,::1,2001:db8::/32", &c, err, sizeof err), 0);
    CHECK_INT(c.n, 4);
    CHECK(net_cidrs_match_text(&c, "10.200.3.4"));
    CHECK(!net_cidrs_match_text(&c, "11.0.0.1"));
    CHECK(net_cidrs_match_text(&c, "127.0.0.1"));
    CHECK(!net_cidrs_match_text(&c, "127.0.0.2"));
    CHECK(net_cidrs_match_text(&c, "::ffff:10.1.1.1")); /* mapped IPv4 is IPv4 */
    CHECK(net_cidrs_match_text(&c, "2001:db8:ffff::1"));
    CHECK(!net_cidrs_match_text(&c, "2001:db9::1"));
    CHECK(!net_cidrs_match_text(&c, "not an address"));
    struct sockaddr_in sa = {.sin_family = AF_INET};
    inet_pton(AF_INET, "10.9.9.9", &sa.sin_addr);
    CHECK(net_cidrs_match(&c, (struct sockaddr *)&sa));
    CHECK_INT(net_cidrs_parse("", &c, err, sizeof err), 0);
    CHECK_INT(c.n, 0);
    CHECK_INT(net_cidrs_parse("10.0.0.0/33", &c, err, sizeof err), -1);
    CHECK_INT(net_cidrs_parse("example.com", &c, err, sizeof err), -1);
    CHECK_INT(net_cidrs_parse("10.0.0.0/", &c, err, sizeof err), -1);
}

TEST(client_keys_group_ipv6_by_64)
{
    char a[NET_CLIENT_KEY_BUF], b[NET_CLIENT_KEY_BUF];
    CHECK_STR(net_client_key_text("203.0.113.7", a, sizeof a), "203.0.113.7");
    CHECK_STR(net_client_key_text("::ffff:203.0.113.7", a, sizeof a), "203.0.113.7");
    CHECK_STR(net_client_key_text("2001:db8:1:2:aaaa::1", a, sizeof a), "2001:db8:1:2::/64");
    net_client_key_text("2001:db8:1:2:bbbb:cccc:dddd:eeee", b, sizeof b);
    CHECK_STR(a, b);
    net_client_key_text("2001:db8:1:3::1", b, sizeof b);
    CHECK(strcmp(a, b) != 0);
    CHECK(net_client_key_text("nonsense", a, sizeof a) == NULL);
    struct sockaddr_in6 s6 = {.sin6_family = AF_INET6};
    inet_pton(AF_INET6, "2001:db8:1:2::99", &s6.sin6_addr);
    CHECK_STR(net_client_key((struct sockaddr *)&s6, a, sizeof a), "2001:db8:1:2::/64");
}

int main(void)
{
    RUN(ranges_parse_and_match);
    RUN(client_keys_group_ipv6_by_64);
    return check_summary();
}
