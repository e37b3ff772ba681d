/* Address ranges (trusted proxies) and client keys (what connection and
 * rate limits count by).
 *
 * A client key is an IPv4 address ("203.0.113.7"), or the /64 prefix of
 * an IPv6 address ("2001:db8:1:2::/64"): one IPv6 subscriber is usually
 * given a whole /64, so counting single IPv6 addresses would let one
 * client be 2^64 clients. IPv4-mapped IPv6 addresses are IPv4. */
#ifndef PB_NET_CIDR_H
#define PB_NET_CIDR_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

#define NET_CIDRS_MAX 32
#define NET_CLIENT_KEY_BUF 64

struct net_cidr {
    int family;               /* AF_INET or AF_INET6 */
    unsigned char addr[16];   /* network byte order; IPv4 in the first 4 */
    int bits;
};

struct net_cidrs {
    struct net_cidr v[NET_CIDRS_MAX];
    size_t n;
};

/* Parses "10.0.0.0/8, 127.0.0.1, ::1, 2001:db8::/32" (a bare address is
 * one host). Empty text is an empty list. Returns 0, or -1 with err. */
int net_cidrs_parse(const char *text, struct net_cidrs *out, char *err, size_t errlen);
bool net_cidrs_match(const struct net_cidrs *c, const struct sockaddr *sa);
/* The same for a textual address (an X-Forwarded-For entry); false when
 * text is not an address. */
bool net_cidrs_match_text(const struct net_cidrs *c, const char *text);

/* The client key of sa (AF_INET/AF_INET6) into buf; "" for other families. */
const char *net_client_key(const struct sockaddr *sa, char *buf, size_t len);
/* The client key of a textual address; NULL when text is not one. */
const char *net_client_key_text(const char *text, char *buf, size_t len);

#endif
