#include "net/cidr.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Normalises sa into family + 16 bytes; IPv4-mapped IPv6 becomes IPv4. */
static int addr_bytes(const struct sockaddr *sa, unsigned char out[16])
{
    memset(out, 0, 16);
    if (sa->sa_family == AF_INET) {
        memcpy(out, &((const struct sockaddr_in *)sa)->sin_addr, 4);
        return AF_INET;
    }
    if (sa->sa_family != AF_INET6)
        return 0;
    const unsigned char *a = ((const struct sockaddr_in6 *)sa)->sin6_addr.s6_addr;
    static const unsigned char MAPPED[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (!memcmp(a, MAPPED, 12)) {
        memcpy(out, a + 12, 4);
        return AF_INET;
    }
    memcpy(out, a, 16);
    return AF_INET6;
}

static int text_bytes(const char *text, unsigned char out[16])
{
    struct sockaddr_in s4 = {.sin_family = AF_INET};
    struct sockaddr_in6 s6 = {.sin6_family = AF_INET6};
    if (inet_pton(AF_INET, text, &s4.sin_addr) == 1)
        return addr_bytes((struct sockaddr *)&s4, out);
    if (inet_pton(AF_INET6, text, &s6.sin6_addr) == 1)
        return addr_bytes((struct sockaddr *)&s6, out);
    return 0;
}

static bool prefix_equal(const unsigned char *a, const unsigned char *b, int bits)
{
    int whole = bits / 8, rest = bits % 8;
    if (memcmp(a, b, (size_t)whole))
        return false;
    if (!rest)
        return true;
    unsigned char mask = (unsigned char)(0xff << (8 - rest));
    return (a[whole] & mask) == (b[whole] & mask);
}

int net_cidrs_parse(const char *text, struct net_cidrs *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    const char *p = text ? text : "";
    while (*p) {
        p += strspn(p, " \t,");
        size_t len = strcspn(p, " \t,");
        if (!len)
            break;
        char item[80];
        if (len >= sizeof item || out->n == NET_CIDRS_MAX) {
            snprintf(err, errlen, "too many or too long address ranges");
            return -1;
        }
        memcpy(item, p, len);
        item[len] = '\0';
        p += len;
        char *slash = strchr(item, '/');
        if (slash)
            *slash = '\0';
        struct net_cidr *c = &out->v[out->n];
        c->family = text_bytes(item, c->addr);
        int maxbits = c->family == AF_INET ? 32 : 128;
        char *end = NULL;
        long bits = slash ? strtol(slash + 1, &end, 10) : maxbits;
        if (!c->family || (slash && (end == slash + 1 || *end || bits < 0 || bits > maxbits))) {
            snprintf(err, errlen, "not an address or address/bits: %s%s%s", item, slash ? "/" : "",
                     slash ? slash + 1 : "");
            return -1;
        }
        c->bits = (int)bits;
        out->n++;
    }
    return 0;
}

static bool match_bytes(const struct net_cidrs *c, int family, const unsigned char *b)
{
    for (size_t i = 0; family && i < c->n; i++)
        if (c->v[i].family == family && prefix_equal(c->v[i].addr, b, c->v[i].bits))
            return true;
    return false;
}

bool net_cidrs_match(const struct net_cidrs *c, const struct sockaddr *sa)
{
    unsigned char b[16];
    int family = addr_bytes(sa, b);
    return match_bytes(c, family, b);
}

bool net_cidrs_match_text(const struct net_cidrs *c, const char *text)
{
    unsigned char b[16];
    int family = text_bytes(text, b);
    return match_bytes(c, family, b);
}

static const char *key_of(int family, const unsigned char *b, char *buf, size_t len)
{
    buf[0] = '\0';
    if (family == AF_INET) {
        inet_ntop(AF_INET, b, buf, (socklen_t)len);
    } else if (family == AF_INET6) {
        unsigned char net[16] = {0};
        memcpy(net, b, 8);
        char text[INET6_ADDRSTRLEN];
        if (inet_ntop(AF_INET6, net, text, sizeof text))
            snprintf(buf, len, "%s/64", text);
    }
    return buf;
}

const char *net_client_key(const struct sockaddr *sa, char *buf, size_t len)
{
    unsigned char b[16];
    return key_of(addr_bytes(sa, b), b, buf, len);
}

const char *net_client_key_text(const char *text, char *buf, size_t len)
{
    unsigned char b[16];
    int family = text_bytes(text, b);
    return family ? key_of(family, b, buf, len) : NULL;
}
