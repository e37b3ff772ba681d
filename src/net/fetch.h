/* Guarded outbound HTTP(S) on libcurl, shared by file_url downloads
 * (issue 5) and webhook deliveries (issue 7). Every connection, including
 * each redirect hop and each address tried, is checked against
 * net/addr.h at the moment curl opens the socket, so DNS rebinding and
 * redirects cannot reach private addresses unless allow_private is set.
 * Only http and https, no proxies (environment proxies are ignored), TLS
 * certificates verified, at most NET_MAX_REDIRECTS redirects (downloads;
 * webhooks follow none). Thread-safe: each call uses its own easy handle. */
#ifndef PB_NET_FETCH_H
#define PB_NET_FETCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NET_URL_MAX 2048
#define NET_MAX_REDIRECTS 5

enum net_err {
    NET_OK,
    NET_BAD_URL,        /* not an http(s) URL, too long, or a redirect to another scheme */
    NET_BLOCKED,        /* the address is private/loopback/... and allow_private is off */
    NET_DNS,            /* name did not resolve */
    NET_CONNECT,        /* refused, unreachable */
    NET_TLS,            /* handshake or certificate failure */
    NET_TIMEOUT,        /* the total time limit passed */
    NET_TOO_LARGE,      /* body (or announced Content-Length) above max_bytes */
    NET_TOO_MANY_REDIRECTS,
    NET_HTTP_STATUS,    /* downloads: the server answered >= 400 (status in *http_status) */
    NET_IO,             /* writing to the file descriptor failed */
    NET_INTERNAL,
};

struct net_error {
    enum net_err code;
    char message[256]; /* for logs; never contains the URL's query or userinfo */
};

/* Initialises libcurl once per process (curl_global_init). The server's
 * main calls it at start-up before any thread; every net_* call also calls
 * it (pthread_once), so forgetting it is safe. Returns 0 or -1. */
int net_global_init(void);

/* Checks that url is an http(s) URL of at most NET_URL_MAX characters
 * with valid syntax, and, when its host is an IP literal, that the address
 * is allowed. Host names are checked again at connect time. */
int net_url_check(const char *url, bool allow_private, struct net_error *err);

/* net_url_check, and, for a host name, its addresses now (getaddrinfo):
 * NET_BLOCKED when any of them is not allowed. A name that does not
 * resolve yet passes (every connection is checked again when it is made).
 * For URLs a lender gives (file_url, webhook_url), so that a refused
 * address is refused at once, with a reason, rather than at delivery. */
int net_url_check_resolved(const char *url, bool allow_private, struct net_error *err);

/* GETs url and streams the body into fd (the caller's; not closed, not
 * truncated: on failure it may hold a partial body the caller discards).
 * Aborts when the body exceeds max_bytes or Content-Length announces more,
 * and when timeout_s seconds pass in total. Follows up to NET_MAX_REDIRECTS
 * redirects, each hop guarded. On success returns 0 with *http_status 2xx
 * and *bytes the body size; otherwise -1 with err filled (and *http_status
 * the last status seen, or 0). */
int net_fetch_to_fd(const char *url, int fd, int64_t max_bytes, int timeout_s, bool allow_private,
                    long *http_status, int64_t *bytes, struct net_error *err);

/* POSTs body as application/json to url with extra headers (NULL-terminated
 * "Name: value" strings, may be NULL). No redirects are followed (a webhook
 * endpoint answers itself). The response body is read and discarded (at
 * most 64 KiB). Returns 0 when any HTTP response arrived, with its status
 * in *http_status (the caller decides what counts as delivered), else -1. */
int net_post_json(const char *url, const char *const *headers, const char *body, int timeout_s,
                  bool allow_private, long *http_status, struct net_error *err);

/* A POST whose answer matters (the Account Aggregator's API): body
 * (len bytes, application/json) with extra headers; the response body is
 * kept in memory (more than max_bytes is NET_TOO_LARGE) with the value of
 * one response header (want_header, any case; NULL: none). No redirects.
 * 0 when any HTTP response arrived (its status in reply->status; free
 * with net_reply_free), else -1 with err. */
struct net_reply {
    long status;
    char *body;          /* NUL-terminated; len bytes */
    size_t len;
    char *header;        /* want_header's value, or NULL */
};
int net_post_exchange(const char *url, const char *const *headers, const char *body, size_t len, int timeout_s,
                      bool allow_private, int64_t max_bytes, const char *want_header, struct net_reply *reply,
                      struct net_error *err);
void net_reply_free(struct net_reply *r);

#endif
