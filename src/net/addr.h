/* Classifies IP addresses so outbound requests (file_url downloads,
 * webhooks) cannot be aimed at the server's own network: loopback, RFC 1918,
 * link-local (cloud metadata at 169.254.169.254), CGNAT, multicast, reserved
 * and their IPv6 counterparts, including IPv4 addresses embedded in IPv6
 * (mapped, NAT64, 6to4). */
#ifndef PB_NET_ADDR_H
#define PB_NET_ADDR_H

#include <stdbool.h>
#include <sys/socket.h>

enum net_addr_class {
    NET_ADDR_PUBLIC,
    NET_ADDR_LOOPBACK,     /* 127/8, ::1 */
    NET_ADDR_PRIVATE,      /* 10/8, 172.16/12, 192.168/16 (RFC 1918) */
    NET_ADDR_LINK_LOCAL,   /* 169.254/16, fe80::/10 */
    NET_ADDR_CGNAT,        /* 100.64/10 (RFC 6598) */
    NET_ADDR_MULTICAST,    /* 224/4, ff00::/8, 255.255.255.255 */
    NET_ADDR_UNSPECIFIED,  /* 0/8, :: */
    NET_ADDR_UNIQUE_LOCAL, /* fc00::/7, and deprecated site-local fec0::/10 */
    NET_ADDR_RESERVED,     /* documentation, benchmarking, 240/4, other special ranges */
};

/* The class of sa (AF_INET or AF_INET6; other families are RESERVED). */
enum net_addr_class net_addr_classify(const struct sockaddr *sa);
/* The class of a textual IPv4/IPv6 address; false when text is not one. */
bool net_addr_classify_text(const char *text, enum net_addr_class *out);
/* "loopback", "private", ... for logs and error messages. */
const char *net_addr_class_name(enum net_addr_class c);

/* Whether an outbound connection to sa is allowed: public addresses always,
 * everything else only with allow_private (the operator's
 * --allow-private-urls / PASSBOOK_ALLOW_PRIVATE_URLS=1). */
bool net_addr_allowed(const struct sockaddr *sa, bool allow_private);
bool net_addr_class_allowed(enum net_addr_class c, bool allow_private);

/* Tests only: let loopback pass as public so that a test server on
 * 127.0.0.1 can stand in for a public host while every other class stays
 * refused. Never called by the server. */
void net_addr_test_allow_loopback(bool on);

#endif
