#include "net/url.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

static bool is_label_char(unsigned char c)
{
    return isalnum(c) || c == '-' || c >= 0x80; /* >= 0x80: IDN in UTF-8 */
}

/* A DNS label: 1-63 characters, no leading or trailing hyphen. */
static bool label_ok(const char *s, size_t len)
{
    if (len == 0 || len > 63 || s[0] == '-' || s[len - 1] == '-')
        return false;
    for (size_t i = 0; i < len; i++)
        if (!is_label_char((unsigned char)s[i]))
            return false;
    return true;
}

/* Django's TLD rule: letters only (2-63), or an xn-- punycode label. */
static bool tld_ok(const char *s, size_t len)
{
    if (len >= 4 && strncasecmp(s, "xn--", 4) == 0)
        return label_ok(s, len);
    if (len < 2 || len > 63)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!isalpha((unsigned char)s[i]) && (unsigned char)s[i] < 0x80)
            return false;
    return true;
}

static bool all_digits_dots(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!isdigit((unsigned char)s[i]) && s[i] != '.')
            return false;
    return true;
}

/* Hostname: dot-separated labels, a TLD, an optional trailing dot. */
static bool hostname_ok(const char *h, size_t len)
{
    if (len && h[len - 1] == '.')
        len--;
    if (len == 0 || len > 253)
        return false;
    if (len == 9 && strncasecmp(h, "localhost", 9) == 0)
        return true;
    size_t start = 0, labels = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && h[i] != '.')
            continue;
        if (!label_ok(h + start, i - start))
            return false;
        labels++;
        if (i == len)
            return labels >= 2 && tld_ok(h + start, i - start);
        start = i + 1;
    }
    return false;
}

static bool port_ok(const char *s, size_t len, int *port)
{
    int v = 0;
    if (len == 0 || len > 5)
        return false;
    for (size_t i = 0; i < len; i++) {
        if (!isdigit((unsigned char)s[i]))
            return false;
        v = v * 10 + (s[i] - '0');
    }
    if (v < 1 || v > 65535)
        return false;
    *port = v;
    return true;
}

/* Validates host[:port] (no userinfo) and records it in parts. */
static bool hostport_ok(const char *a, size_t len, struct url_parts *p)
{
    char tmp[URL_HOST_MAX + 1];
    size_t hlen;
    const char *rest;
    unsigned char addr[16];
    if (len && a[0] == '[') {
        const char *close = memchr(a, ']', len);
        if (!close)
            return false;
        hlen = (size_t)(close - a - 1);
        if (hlen == 0 || hlen > URL_HOST_MAX)
            return false;
        memcpy(tmp, a + 1, hlen);
        tmp[hlen] = '\0';
        if (inet_pton(AF_INET6, tmp, addr) != 1)
            return false;
        p->host_is_ip = true;
        rest = close + 1;
    } else {
        const char *colon = memchr(a, ':', len);
        hlen = colon ? (size_t)(colon - a) : len;
        if (hlen == 0 || hlen > URL_HOST_MAX)
            return false;
        memcpy(tmp, a, hlen);
        tmp[hlen] = '\0';
        if (all_digits_dots(tmp, hlen)) {
            if (inet_pton(AF_INET, tmp, addr) != 1)
                return false;
            p->host_is_ip = true;
        } else if (!hostname_ok(tmp, hlen)) {
            return false;
        }
        rest = a + hlen;
    }
    memcpy(p->host, tmp, hlen + 1);
    size_t rlen = len - (size_t)(rest - a);
    if (rlen == 0)
        return true;
    return rest[0] == ':' && port_ok(rest + 1, rlen - 1, &p->port);
}

bool url_check(const char *url, size_t len, struct url_parts *parts)
{
    struct url_parts p = {0};
    size_t skip;
    if (!url)
        return false;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)url[i] <= 0x20 || url[i] == 0x7f)
            return false;
    if (len >= 7 && strncasecmp(url, "http://", 7) == 0) {
        skip = 7;
    } else if (len >= 8 && strncasecmp(url, "https://", 8) == 0) {
        skip = 8;
        p.https = true;
    } else {
        return false;
    }
    p.port = p.https ? 443 : 80;
    const char *a = url + skip;
    size_t alen = 0;
    while (skip + alen < len && !strchr("/?#", a[alen]))
        alen++;
    /* userinfo ends at the last '@' of the authority */
    for (size_t i = alen; i > 0; i--)
        if (a[i - 1] == '@') {
            a += i;
            alen -= i;
            break;
        }
    if (!hostport_ok(a, alen, &p))
        return false;
    if (parts)
        *parts = p;
    return true;
}
