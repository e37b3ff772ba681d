/* Syntax check of absolute http(s) URLs, shared by the session request
 * (redirect_url, logo_url), file_url downloads and webhook targets. Only
 * syntax: whether the host may be contacted is net/guard.h's business. */
#ifndef PB_NET_URL_H
#define PB_NET_URL_H

#include <stdbool.h>
#include <stddef.h>

#define URL_HOST_MAX 255

struct url_parts {
    bool https;
    char host[URL_HOST_MAX + 1]; /* without brackets for IPv6 literals */
    int port;                    /* explicit port, or 80 / 443 */
    bool host_is_ip;             /* IPv4 or IPv6 literal */
};

/* True when url[0..len) is an absolute http:// or https:// URL with a valid
 * host (DNS name with a TLD, "localhost", IPv4, or [IPv6]), an optional
 * port 1-65535, optional userinfo, and no whitespace or control characters
 * anywhere; Django's URLValidator rules, which FinBox applies. Fills parts
 * when non-NULL. Length limits are the caller's. */
bool url_check(const char *url, size_t len, struct url_parts *parts);

#endif
