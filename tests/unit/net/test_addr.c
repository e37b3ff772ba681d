#include <arpa/inet.h>
#include <string.h>

#include "check.h"
#include "net/addr.h"

static const char *cls(const char *ip)
{
    enum net_addr_class c;
    return net_addr_classify_text(ip, &c) ? net_addr_class_name(c) : "not-an-ip";
}

TEST(ipv4_classes)
{
    static const char *const cases[][2] = {
        {"8.8.8.8", "public"},          {"1.1.1.1", "public"},
        {"93.184.216.34", "public"},    {"0.0.0.0", "unspecified"},
        {"0.255.255.255", "unspecified"}, {"10.0.0.1", "private"},
        {"10.255.255.255", "private"},  {"11.0.0.1", "public"},
        {"100.63.255.255", "public"},   {"100.64.0.0", "carrier-grade NAT"},
        {"100.127.255.255", "carrier-grade NAT"}, {"100.128.0.0", "public"},
        {"127.0.0.1", "loopback"},      {"127.255.255.254", "loopback"},
        {"169.254.169.254", "link-local"}, {"169.253.0.1", "public"},
        {"172.15.255.255", "public"},   {"172.16.0.0", "private"},
        {"172.31.255.255", "private"},  {"172.32.0.0", "public"},
        {"192.0.0.8", "reserved"},      {"192.0.2.1", "reserved"},
        {"192.88.99.1", "reserved"},    {"192.167.255.255", "public"},
        {"192.168.0.1", "private"},     {"192.168.255.255", "private"},
        {"192.169.0.0", "public"},      {"198.18.0.1", "reserved"},
        {"198.19.255.255", "reserved"}, {"198.20.0.0", "public"},
        {"198.51.100.7", "reserved"},   {"203.0.113.9", "reserved"},
        {"223.255.255.255", "public"},  {"224.0.0.1", "multicast"},
        {"239.255.255.250", "multicast"}, {"240.0.0.1", "reserved"},
        {"255.255.255.254", "reserved"}, {"255.255.255.255", "multicast"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (strcmp(cls(cases[i][0]), cases[i][1]) != 0) {
            fprintf(stderr, "  %s: %s, want %s\n", cases[i][0], cls(cases[i][0]), cases[i][1]);
            CHECK(0);
        }
}

TEST(ipv6_classes)
{
    static const char *const cases[][2] = {
        {"2606:4700:4700::1111", "public"}, {"2001:4860:4860::8888", "public"},
        {"::", "unspecified"},              {"::1", "loopback"},
        {"::2", "reserved"},                {"fe80::1", "link-local"},
        {"febf:ffff::1", "link-local"},     {"fec0::1", "unique-local"},
        {"fc00::1", "unique-local"},        {"fd12:3456:789a::1", "unique-local"},
        {"fe00::1", "public"},              {"ff02::1", "multicast"},
        {"ff05::1:3", "multicast"},         {"2001:db8::1", "reserved"},
        {"2001::1", "reserved"},            {"100::1", "reserved"},
        {"64:ff9b:1::1", "reserved"},
        /* IPv4 inside IPv6 is judged by the IPv4 address */
        {"::ffff:127.0.0.1", "loopback"},   {"::ffff:10.1.2.3", "private"},
        {"::ffff:169.254.169.254", "link-local"}, {"::ffff:8.8.8.8", "public"},
        {"::ffff:7f00:1", "loopback"},      {"64:ff9b::10.0.0.1", "private"},
        {"64:ff9b::8.8.8.8", "public"},     {"2002:0a00:0001::1", "private"},
        {"2002:0808:0808::1", "public"},    {"2002:7f00:0001::", "loopback"},
        {"::127.0.0.1", "reserved"},        {"::ffff:0:10.0.0.1", "reserved"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (strcmp(cls(cases[i][0]), cases[i][1]) != 0) {
            fprintf(stderr, "  %s: %s, want %s\n", cases[i][0], cls(cases[i][0]), cases[i][1]);
            CHECK(0);
        }
}

TEST(not_addresses)
{
    CHECK_STR(cls("localhost"), "not-an-ip");
    CHECK_STR(cls("1.2.3"), "not-an-ip");
    CHECK_STR(cls("256.0.0.1"), "not-an-ip");
    CHECK_STR(cls(""), "not-an-ip");
    CHECK_STR(cls(NULL), "not-an-ip");
    CHECK_STR(cls("0x7f.1"), "not-an-ip");
}

TEST(allowed_only_public_unless_private_allowed)
{
    struct sockaddr_in s = {.sin_family = AF_INET};
    inet_pton(AF_INET, "10.0.0.1", &s.sin_addr);
    CHECK(!net_addr_allowed((struct sockaddr *)&s, false));
    CHECK(net_addr_allowed((struct sockaddr *)&s, true));
    inet_pton(AF_INET, "8.8.4.4", &s.sin_addr);
    CHECK(net_addr_allowed((struct sockaddr *)&s, false));
    struct sockaddr_un_like { sa_family_t f; char path[20]; } u = {AF_UNIX, "x"};
    CHECK(!net_addr_allowed((struct sockaddr *)&u, false));
    CHECK(!net_addr_allowed(NULL, false));
}

TEST(test_hook_lets_only_loopback_through)
{
    struct sockaddr_in s = {.sin_family = AF_INET};
    net_addr_test_allow_loopback(true);
    inet_pton(AF_INET, "127.0.0.1", &s.sin_addr);
    CHECK(net_addr_allowed((struct sockaddr *)&s, false));
    inet_pton(AF_INET, "192.168.1.1", &s.sin_addr);
    CHECK(!net_addr_allowed((struct sockaddr *)&s, false));
    net_addr_test_allow_loopback(false);
    inet_pton(AF_INET, "127.0.0.1", &s.sin_addr);
    CHECK(!net_addr_allowed((struct sockaddr *)&s, false));
}

int main(void)
{
    RUN(ipv4_classes);
    RUN(ipv6_classes);
    RUN(not_addresses);
    RUN(allowed_only_public_unless_private_allowed);
    RUN(test_hook_lets_only_loopback_through);
    return check_summary();
}
