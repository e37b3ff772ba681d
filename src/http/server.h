/* The HTTP server: libmicrohttpd with a thread pool over epoll, routing
 * by a route table, body limits, suspend/resume for asynchronous handlers,
 * one access-log line and one metrics sample per request. */
#ifndef PB_HTTP_SERVER_H
#define PB_HTTP_SERVER_H

#include <stddef.h>

#include "http/guard.h"
#include "http/http.h"
#include "http/router.h"
#include "net/cidr.h"

struct http_config {
    const char *host;   /* numeric address or name: "127.0.0.1", "0.0.0.0", "::1", "localhost" */
    int port;           /* 0 picks a free port; see http_server_port */
    unsigned threads;   /* worker threads (>= 1) */
    size_t max_body;    /* body limit of routes that do not set their own */
    size_t max_upload_body; /* body limit of routes whose max_body is ROUTE_UPLOAD_BODY; 0: max_body */
    struct guard_limits limits;     /* connections and deadlines (guard.h); idle_s also MHD's timeout */
    const struct net_cidrs *trusted_proxies; /* may set X-Forwarded-For; NULL: none */
};

struct http_server;

/* Starts serving. The router and app must outlive the server. Returns 0
 * and sets *out, or -1 with a reason in err (a taken address is named:
 * "cannot listen on 127.0.0.1:8080: Address already in use"). Call with SIGTERM/SIGINT
 * blocked so that the server threads inherit the mask. */
int http_server_start(const struct http_config *cfg, const struct router *router, void *app,
                      struct http_server **out, char *err, size_t errlen);
int http_server_port(const struct http_server *s);
/* Graceful stop: stops accepting, waits (bounded) for suspended requests
 * to finish, then closes every connection and frees the server. */
void http_server_stop(struct http_server *s);

/* The server handling req, e.g. for /metrics. */
struct http_server *http_req_server(const struct http_req *req);
/* Prometheus text of the request metrics (malloc'd, caller frees). */
char *http_server_metrics(const struct http_server *s, size_t *len);

#endif
