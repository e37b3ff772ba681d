#include "net/fetch.h"

#include <curl/curl.h>
#include <netdb.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "net/addr.h"
#include "net/url.h"

#define NET_DEFAULT_TIMEOUT_S 30
#define NET_CONNECT_TIMEOUT_S 10
#define NET_POST_RESPONSE_MAX (64 * 1024)

/* Per-request state shared with the curl callbacks. */
struct fetch_ctx {
    bool allow_private;
    bool blocked;                      /* a connection was refused by the guard */
    enum net_addr_class blocked_class;
    int fd;                            /* download target, or -1 for a discarded body */
    char *mem;                         /* or the body kept in memory (net_post_exchange) */
    bool keep;
    const char *want_header;           /* a response header to keep, or NULL */
    char *header;
    int64_t max_bytes;
    int64_t bytes;
    bool too_large;
    int io_errno;
    char host[URL_HOST_MAX + 1];       /* for messages: never the path or query */
};

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static CURLcode init_rc = CURLE_FAILED_INIT;

static void do_global_init(void)
{
    init_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

int net_global_init(void)
{
    pthread_once(&init_once, do_global_init);
    return init_rc == CURLE_OK ? 0 : -1;
}

static int fail(struct net_error *err, enum net_err code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(struct net_error *err, enum net_err code, const char *fmt, ...)
{
    va_list ap;
    err->code = code;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return -1;
}

/* Syntax, length, and the IP-literal fast path; fills parts. */
static int check_url(const char *url, bool allow_private, struct url_parts *parts,
                     struct net_error *err)
{
    size_t len = url ? strnlen(url, NET_URL_MAX + 1) : 0;
    if (!url || len > NET_URL_MAX)
        return fail(err, NET_BAD_URL, "URL missing or longer than %d characters", NET_URL_MAX);
    if (!url_check(url, len, parts))
        return fail(err, NET_BAD_URL, "not a valid http(s) URL");
    enum net_addr_class c;
    if (parts->host_is_ip && net_addr_classify_text(parts->host, &c) &&
        !net_addr_class_allowed(c, allow_private))
        return fail(err, NET_BLOCKED, "host %s is a %s address", parts->host,
                    net_addr_class_name(c));
    return 0;
}

int net_url_check(const char *url, bool allow_private, struct net_error *err)
{
    struct url_parts parts;
    err->code = NET_OK;
    err->message[0] = '\0';
    return check_url(url, allow_private, &parts, err);
}

int net_url_check_resolved(const char *url, bool allow_private, struct net_error *err)
{
    struct url_parts parts;
    err->code = NET_OK;
    err->message[0] = '\0';
    if (check_url(url, allow_private, &parts, err))
        return -1;
    if (parts.host_is_ip || allow_private)
        return 0;
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM}, *res = NULL;
    if (getaddrinfo(parts.host, NULL, &hints, &res) != 0)
        return 0; /* not resolvable yet: checked again at every connection */
    int rc = 0;
    for (struct addrinfo *a = res; a && rc == 0; a = a->ai_next)
        if (!net_addr_allowed(a->ai_addr, false))
            rc = fail(err, NET_BLOCKED, "host %s resolves to a %s address", parts.host,
                      net_addr_class_name(net_addr_classify(a->ai_addr)));
    freeaddrinfo(res);
    return rc;
}

/* Called by curl for every socket it is about to connect, whatever name,
 * redirect or address family led there: the one place the guard cannot
 * be bypassed. */
static curl_socket_t guard_opensocket(void *clientp, curlsocktype purpose,
                                      struct curl_sockaddr *a)
{
    struct fetch_ctx *c = clientp;
    if (!net_addr_allowed(&a->addr, c->allow_private)) {
        c->blocked = true;
        c->blocked_class = net_addr_classify(&a->addr);
        return CURL_SOCKET_BAD;
    }
    return socket(a->family, a->socktype | SOCK_CLOEXEC, a->protocol);
}

/* Second line: just before the request goes out, the connected peer. */
static int guard_prereq(void *clientp, char *primary_ip, char *local_ip, int primary_port,
                        int local_port)
{
    struct fetch_ctx *c = clientp;
    enum net_addr_class cls;
    if (net_addr_classify_text(primary_ip, &cls) && net_addr_class_allowed(cls, c->allow_private))
        return CURL_PREREQFUNC_OK;
    c->blocked = true;
    c->blocked_class = net_addr_classify_text(primary_ip, &cls) ? cls : NET_ADDR_RESERVED;
    return CURL_PREREQFUNC_ABORT;
}

static int write_all(int fd, const char *p, size_t len)
{
    while (len) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

/* Body sink: counts, enforces the cap, writes to fd when there is one.
 * Returning less than len makes curl abort with CURLE_WRITE_ERROR. */
static size_t sink(char *p, size_t size, size_t n, void *clientp)
{
    struct fetch_ctx *c = clientp;
    size_t len = size * n;
    if (c->bytes + (int64_t)len > c->max_bytes) {
        c->too_large = true;
        return 0;
    }
    if (c->fd >= 0 && write_all(c->fd, p, len) != 0) {
        c->io_errno = errno ? errno : EIO;
        return 0;
    }
    if (c->keep) {
        char *m = realloc(c->mem, (size_t)c->bytes + len + 1);
        if (!m) {
            c->io_errno = ENOMEM;
            return 0;
        }
        memcpy(m + c->bytes, p, len);
        m[c->bytes + (int64_t)len] = '\0';
        c->mem = m;
    }
    c->bytes += (int64_t)len;
    return len;
}

/* The options every guarded request shares. */
static CURL *guarded_handle(const char *url, struct fetch_ctx *c, int timeout_s)
{
    CURL *h = curl_easy_init();
    if (!h)
        return NULL;
    long t = timeout_s > 0 ? timeout_s : NET_DEFAULT_TIMEOUT_S;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_PROXY, ""); /* ignore http_proxy & co: the guard must see the peer */
    curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, guard_opensocket);
    curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, c);
    curl_easy_setopt(h, CURLOPT_PREREQFUNCTION, guard_prereq);
    curl_easy_setopt(h, CURLOPT_PREREQDATA, c);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, sink);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, c);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L); /* threads: no SIGALRM for DNS timeouts */
    curl_easy_setopt(h, CURLOPT_TIMEOUT, t);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, t < NET_CONNECT_TIMEOUT_S ? t : NET_CONNECT_TIMEOUT_S);
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)c->max_bytes);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "Passbook");
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    return h;
}

/* Maps a curl result to our error, using what the callbacks recorded. */
static int map_result(CURLcode rc, const struct fetch_ctx *c, struct net_error *err)
{
    if (c->blocked)
        return fail(err, NET_BLOCKED, "%s resolves or redirects to a %s address", c->host,
                    net_addr_class_name(c->blocked_class));
    if (c->too_large || rc == CURLE_FILESIZE_EXCEEDED)
        return fail(err, NET_TOO_LARGE, "body from %s exceeds %lld bytes", c->host,
                    (long long)c->max_bytes);
    if (c->io_errno)
        return fail(err, NET_IO, "writing the body failed: %s", strerror(c->io_errno));
    switch (rc) {
    case CURLE_OPERATION_TIMEDOUT:
        return fail(err, NET_TIMEOUT, "%s did not answer in time", c->host);
    case CURLE_TOO_MANY_REDIRECTS:
        return fail(err, NET_TOO_MANY_REDIRECTS, "%s redirects more than %d times", c->host,
                    NET_MAX_REDIRECTS);
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        return fail(err, NET_BAD_URL, "%s redirects to an unsupported URL", c->host);
    case CURLE_COULDNT_RESOLVE_HOST:
        return fail(err, NET_DNS, "%s does not resolve", c->host);
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
        return fail(err, NET_TLS, "TLS with %s failed: %s", c->host, curl_easy_strerror(rc));
    case CURLE_HTTP_RETURNED_ERROR:
        return fail(err, NET_HTTP_STATUS, "%s answered with an error status", c->host);
    case CURLE_COULDNT_CONNECT:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
        return fail(err, NET_CONNECT, "%s: %s", c->host, curl_easy_strerror(rc));
    default:
        return fail(err, NET_INTERNAL, "%s: %s", c->host, curl_easy_strerror(rc));
    }
}

/* Shared set-up: init, URL check, context. */
static int prepare(const char *url, bool allow_private, struct fetch_ctx *c, long *http_status,
                   struct net_error *err)
{
    struct url_parts parts;
    *http_status = 0;
    err->code = NET_OK;
    err->message[0] = '\0';
    if (net_global_init() != 0)
        return fail(err, NET_INTERNAL, "curl_global_init failed");
    if (check_url(url, allow_private, &parts, err))
        return -1;
    c->allow_private = allow_private;
    snprintf(c->host, sizeof c->host, "%s", parts.host);
    return 0;
}

int net_fetch_to_fd(const char *url, int fd, int64_t max_bytes, int timeout_s, bool allow_private,
                    long *http_status, int64_t *bytes, struct net_error *err)
{
    struct fetch_ctx c = {.fd = fd, .max_bytes = max_bytes > 0 ? max_bytes : 0};
    *bytes = 0;
    if (prepare(url, allow_private, &c, http_status, err))
        return -1;
    CURL *h = guarded_handle(url, &c, timeout_s);
    if (!h)
        return fail(err, NET_INTERNAL, "curl_easy_init failed");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, (long)NET_MAX_REDIRECTS);
    curl_easy_setopt(h, CURLOPT_FAILONERROR, 1L); /* no error page in the file */
    CURLcode rc = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, http_status);
    curl_easy_cleanup(h);
    *bytes = c.bytes;
    if (rc != CURLE_OK)
        return map_result(rc, &c, err);
    if (*http_status < 200 || *http_status > 299)
        return fail(err, NET_HTTP_STATUS, "%s answered %ld", c.host, *http_status);
    return 0;
}

/* Builds the header list; refuses line breaks (header injection). */
static struct curl_slist *post_headers(const char *const *headers, struct net_error *err)
{
    struct curl_slist *list = NULL, *next;
    static const char *const fixed[] = {"Content-Type: application/json", "Expect:", NULL};
    for (const char *const *hd = fixed; *hd; hd++) {
        next = curl_slist_append(list, *hd);
        if (!next)
            goto oom;
        list = next;
    }
    for (const char *const *hd = headers; hd && *hd; hd++) {
        if (strpbrk(*hd, "\r\n") || !strchr(*hd, ':')) {
            curl_slist_free_all(list);
            fail(err, NET_INTERNAL, "malformed header");
            return NULL;
        }
        next = curl_slist_append(list, *hd);
        if (!next)
            goto oom;
        list = next;
    }
    return list;
oom:
    curl_slist_free_all(list);
    fail(err, NET_INTERNAL, "out of memory");
    return NULL;
}

int net_post_json(const char *url, const char *const *headers, const char *body, int timeout_s,
                  bool allow_private, long *http_status, struct net_error *err)
{
    struct fetch_ctx c = {.fd = -1, .max_bytes = NET_POST_RESPONSE_MAX};
    if (prepare(url, allow_private, &c, http_status, err))
        return -1;
    struct curl_slist *list = post_headers(headers, err);
    if (!list)
        return -1;
    CURL *h = guarded_handle(url, &c, timeout_s);
    if (!h) {
        curl_slist_free_all(list);
        return fail(err, NET_INTERNAL, "curl_easy_init failed");
    }
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)0); /* no cap by announcement */
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body ? body : "");
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)(body ? strlen(body) : 0));
    CURLcode rc = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, http_status);
    curl_easy_cleanup(h);
    curl_slist_free_all(list);
    /* A long response body is cut off on purpose: the status already came. */
    if (rc == CURLE_OK || (rc == CURLE_WRITE_ERROR && c.too_large && *http_status))
        return 0;
    return map_result(rc, &c, err);
}

/* Keeps the value of c->want_header (the last one seen, trimmed). */
static size_t header_sink(char *p, size_t size, size_t n, void *clientp)
{
    struct fetch_ctx *c = clientp;
    size_t len = size * n, name = strlen(c->want_header);
    if (len > name + 1 && p[name] == ':' && !strncasecmp(p, c->want_header, name)) {
        const char *v = p + name + 1;
        size_t vl = len - name - 1;
        while (vl && (*v == ' ' || *v == '\t'))
            v++, vl--;
        while (vl && (v[vl - 1] == '\r' || v[vl - 1] == '\n' || v[vl - 1] == ' '))
            vl--;
        free(c->header);
        c->header = strndup(v, vl);
    }
    return len;
}

int net_post_exchange(const char *url, const char *const *headers, const char *body, size_t len, int timeout_s,
                      bool allow_private, int64_t max_bytes, const char *want_header, struct net_reply *reply,
                      struct net_error *err)
{
    struct fetch_ctx c = {.fd = -1, .max_bytes = max_bytes > 0 ? max_bytes : NET_POST_RESPONSE_MAX,
                          .keep = true, .want_header = want_header};
    memset(reply, 0, sizeof *reply);
    if (prepare(url, allow_private, &c, &reply->status, err))
        return -1;
    struct curl_slist *list = post_headers(headers, err);
    CURL *h = list ? guarded_handle(url, &c, timeout_s) : NULL;
    if (!h) {
        curl_slist_free_all(list);
        return list ? fail(err, NET_INTERNAL, "curl_easy_init failed") : -1;
    }
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body ? body : "");
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)(body ? len : 0));
    if (want_header) {
        curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, header_sink);
        curl_easy_setopt(h, CURLOPT_HEADERDATA, &c);
    }
    CURLcode rc = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply->status);
    curl_easy_cleanup(h);
    curl_slist_free_all(list);
    if (rc != CURLE_OK) {
        free(c.mem);
        free(c.header);
        reply->status = 0;
        return map_result(rc, &c, err);
    }
    reply->body = c.mem ? c.mem : strdup("");
    reply->len = (size_t)c.bytes;
    reply->header = c.header;
    return reply->body ? 0 : fail(err, NET_INTERNAL, "out of memory");
}

void net_reply_free(struct net_reply *r)
{
    free(r->body);
    free(r->header);
    memset(r, 0, sizeof *r);
}
