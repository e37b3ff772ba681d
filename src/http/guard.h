/* The connection guard: how many connections a client may hold and how
 * long each phase of a request may take, whatever the client trickles.
 *
 * Limits: at most max_total connections, and at most max_per_client from
 * one client key (an IPv4 address, or the /64 of an IPv6 address: one
 * subscriber's allocation). Trusted proxies (a load balancer) count only
 * against max_total. Over a limit a new connection is closed at once.
 *
 * Deadlines are absolute: bytes arriving slowly do not reset them.
 *   idle    waiting for a request line (a new or kept-alive connection):
 *           idle_s from the moment the connection became idle
 *   head    request line seen, headers not complete: head_s
 *   body    headers in, body arriving: body_grace_s plus one second for
 *           every min_rate bytes received so far
 *   send    answer queued: body_grace_s plus one second per min_rate bytes
 *           of the answer
 *   work    a handler is running or the request is suspended: none
 * At a head or body deadline the client gets a 408 (JSON, in its endpoint
 * family's shape) and the connection is closed; at idle or send deadlines
 * the connection is closed. A reaper thread checks every 250 ms. */
#ifndef PB_HTTP_GUARD_H
#define PB_HTTP_GUARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

struct guard_limits {
    unsigned max_total;        /* connections at once */
    unsigned max_per_client;   /* from one client key */
    unsigned idle_s, head_s, body_grace_s;
    unsigned min_rate;         /* bytes per second a body or an answer must keep up */
};

enum guard_phase { GUARD_IDLE, GUARD_HEAD, GUARD_BODY, GUARD_WORK, GUARD_SEND };

struct guard;
struct guard_conn;
struct net_cidrs;

/* The canned 408 for a path's endpoint family (static text, with headers). */
typedef const char *(*guard_timeout_answer)(void *cls, const char *path, size_t *len);

struct guard *guard_new(const struct guard_limits *l, const struct net_cidrs *trusted,
                        guard_timeout_answer answer, void *answer_cls);
/* Stops the reaper and frees the table (connections must be gone). */
void guard_free(struct guard *g);

/* Whether a new connection from sa is within the limits now. */
bool guard_may_accept(struct guard *g, const struct sockaddr *sa);
/* A connection started (counted, idle deadline) / ended. */
struct guard_conn *guard_add(struct guard *g, int fd, const struct sockaddr *sa);
void guard_remove(struct guard *g, struct guard_conn *c);

/* Phase changes, from the server's callbacks. bytes: body bytes received
 * so far (GUARD_BODY) or the answer's size (GUARD_SEND). path: the request
 * path once known (GUARD_HEAD), for the 408's shape. */
void guard_phase(struct guard_conn *c, enum guard_phase p, uint64_t bytes);
/* The request line is in: names the 408's style and enters GUARD_HEAD
 * unless already there (the deadline is not moved). */
void guard_head(struct guard_conn *c, const char *path);

/* Connections open now, and closed by a deadline or refused by a limit
 * since start (for /metrics). */
void guard_stats(struct guard *g, unsigned *open, uint64_t *timed_out, uint64_t *refused);

#endif
