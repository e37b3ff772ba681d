#include "net/addr.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

static atomic_bool test_allow_loopback;

struct v4_range {
    uint32_t net;
    int bits;
    enum net_addr_class cls;
};

/* IANA IPv4 special-purpose registry, the parts that matter for SSRF. */
static const struct v4_range V4[] = {
    {0x00000000, 8, NET_ADDR_UNSPECIFIED}, /* 0.0.0.0/8 "this network" */
    {0x0A000000, 8, NET_ADDR_PRIVATE},     /* 10/8 */
    {0x64400000, 10, NET_ADDR_CGNAT},      /* 100.64/10 */
    {0x7F000000, 8, NET_ADDR_LOOPBACK},    /* 127/8 */
    {0xA9FE0000, 16, NET_ADDR_LINK_LOCAL}, /* 169.254/16 */
    {0xAC100000, 12, NET_ADDR_PRIVATE},    /* 172.16/12 */
    {0xC0000000, 24, NET_ADDR_RESERVED},   /* 192.0.0/24 IETF protocol assignments */
    {0xC0000200, 24, NET_ADDR_RESERVED},   /* 192.0.2/24 TEST-NET-1 */
    {0xC0586300, 24, NET_ADDR_RESERVED},   /* 192.88.99/24 6to4 relay anycast */
    {0xC0A80000, 16, NET_ADDR_PRIVATE},    /* 192.168/16 */
    {0xC6120000, 15, NET_ADDR_RESERVED},   /* 198.18/15 benchmarking */
    {0xC6336400, 24, NET_ADDR_RESERVED},   /* 198.51.100/24 TEST-NET-2 */
    {0xCB007100, 24, NET_ADDR_RESERVED},   /* 203.0.113/24 TEST-NET-3 */
    {0xFFFFFFFF, 32, NET_ADDR_MULTICAST},  /* limited broadcast, before 240/4 */
    {0xE0000000, 4, NET_ADDR_MULTICAST},   /* 224/4 */
    {0xF0000000, 4, NET_ADDR_RESERVED},    /* 240/4 */
};

static enum net_addr_class classify_v4(uint32_t a) /* host byte order */
{
    for (size_t i = 0; i < sizeof V4 / sizeof V4[0]; i++) {
        uint32_t mask = V4[i].bits == 32 ? 0xFFFFFFFFu : ~(0xFFFFFFFFu >> V4[i].bits);
        if ((a & mask) == V4[i].net)
            return V4[i].cls;
    }
    return NET_ADDR_PUBLIC;
}

static uint32_t v4_at(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static bool prefix_is(const uint8_t *a, const uint8_t *p, int bytes)
{
    return memcmp(a, p, (size_t)bytes) == 0;
}

/* IPv6 addresses that carry an IPv4 address are judged by that address,
 * since that is where the packets end up. */
static bool embedded_v4(const uint8_t *a, uint32_t *v4)
{
    static const uint8_t mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
    static const uint8_t nat64[12] = {0, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0};
    if (prefix_is(a, mapped, 12) || prefix_is(a, nat64, 12)) {
        *v4 = v4_at(a + 12);
        return true;
    }
    if (a[0] == 0x20 && a[1] == 0x02) { /* 2002::/16 6to4 */
        *v4 = v4_at(a + 2);
        return true;
    }
    return false;
}

static enum net_addr_class classify_v6(const uint8_t *a)
{
    static const uint8_t zero[16] = {0};
    uint32_t v4;
    if (prefix_is(a, zero, 15))
        return a[15] == 0 ? NET_ADDR_UNSPECIFIED : a[15] == 1 ? NET_ADDR_LOOPBACK
                                                              : NET_ADDR_RESERVED;
    if (embedded_v4(a, &v4))
        return classify_v4(v4);
    if (prefix_is(a, zero, 8)) /* rest of ::/64: IPv4-compatible, IPv4-translated */
        return NET_ADDR_RESERVED;
    if (a[0] == 0xFF)
        return NET_ADDR_MULTICAST;
    if (a[0] == 0xFE && (a[1] & 0xC0) == 0x80)
        return NET_ADDR_LINK_LOCAL;
    if ((a[0] & 0xFE) == 0xFC || (a[0] == 0xFE && (a[1] & 0xC0) == 0xC0))
        return NET_ADDR_UNIQUE_LOCAL;
    if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0D && a[3] == 0xB8) /* 2001:db8::/32 */
        return NET_ADDR_RESERVED;
    if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0 && a[3] == 0) /* Teredo 2001::/32 */
        return NET_ADDR_RESERVED;
    if (a[0] == 0x01 && a[1] == 0 && prefix_is(a + 2, zero, 6)) /* 100::/64 discard */
        return NET_ADDR_RESERVED;
    if (a[0] == 0 && a[1] == 0x64 && a[2] == 0xFF && a[3] == 0x9B && a[4] == 0 && a[5] == 1)
        return NET_ADDR_RESERVED; /* 64:ff9b:1::/48 local-use NAT64 */
    return NET_ADDR_PUBLIC;
}

enum net_addr_class net_addr_classify(const struct sockaddr *sa)
{
    if (sa && sa->sa_family == AF_INET) {
        const struct sockaddr_in *s4 = (const struct sockaddr_in *)sa;
        return classify_v4(ntohl(s4->sin_addr.s_addr));
    }
    if (sa && sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)sa;
        return classify_v6(s6->sin6_addr.s6_addr);
    }
    return NET_ADDR_RESERVED;
}

bool net_addr_classify_text(const char *text, enum net_addr_class *out)
{
    struct sockaddr_in s4 = {.sin_family = AF_INET};
    struct sockaddr_in6 s6 = {.sin6_family = AF_INET6};
    if (text && inet_pton(AF_INET, text, &s4.sin_addr) == 1) {
        *out = net_addr_classify((struct sockaddr *)&s4);
        return true;
    }
    if (text && inet_pton(AF_INET6, text, &s6.sin6_addr) == 1) {
        *out = net_addr_classify((struct sockaddr *)&s6);
        return true;
    }
    return false;
}

const char *net_addr_class_name(enum net_addr_class c)
{
    switch (c) {
    case NET_ADDR_PUBLIC: return "public";
    case NET_ADDR_LOOPBACK: return "loopback";
    case NET_ADDR_PRIVATE: return "private";
    case NET_ADDR_LINK_LOCAL: return "link-local";
    case NET_ADDR_CGNAT: return "carrier-grade NAT";
    case NET_ADDR_MULTICAST: return "multicast";
    case NET_ADDR_UNSPECIFIED: return "unspecified";
    case NET_ADDR_UNIQUE_LOCAL: return "unique-local";
    case NET_ADDR_RESERVED: return "reserved";
    }
    return "reserved";
}

bool net_addr_class_allowed(enum net_addr_class c, bool allow_private)
{
    if (c == NET_ADDR_PUBLIC || allow_private)
        return true;
    return c == NET_ADDR_LOOPBACK && atomic_load(&test_allow_loopback);
}

bool net_addr_allowed(const struct sockaddr *sa, bool allow_private)
{
    return net_addr_class_allowed(net_addr_classify(sa), allow_private);
}

void net_addr_test_allow_loopback(bool on)
{
    atomic_store(&test_allow_loopback, on);
}
