/* libmicrohttpd glue: per-request state machine, limits, suspend/resume,
 * access log and metrics.
 *
 * MHD calls on_request several times per request:
 *   1. headers in (*con_cls == NULL): route, method, content type and
 *      Content-Length are checked here. Only a 413 is answered at once
 *      (the connection closes anyway); answering anything else on this
 *      first call would make MHD close every keep-alive connection.
 *   2. zero or more body chunks (*upload_data_size > 0)
 *   3. the end of the body (*upload_data_size == 0): the handler runs, or
 *      the error found earlier is sent.
 *   4. after an HTTP_ASYNC handler resumes the connection: send resp. */
#include "http/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "http/gate.h"
#include "http/head.h"
#include "http/metrics.h"
#include "net/cidr.h"
#include "util/log.h"

enum async_state { ASYNC_NONE, ASYNC_RUNNING, ASYNC_SUSPENDED, ASYNC_DONE };

struct http_server {
    struct MHD_Daemon *daemon;
    const struct router *router;
    void *app;
    size_t max_body, max_upload_body;
    int port;
    int listen_fd;
    struct gate *gate;   /* accepts, checks first heads, hands connections to MHD */
    struct guard *guard;
    struct net_cidrs trusted;          /* proxies whose X-Forwarded-For is believed */
    char *timeout_answer[3];           /* the canned 408 per shape */
    size_t timeout_answer_len[3];
    struct metrics *metrics;
    atomic_int suspended; /* requests waiting for an async handler */
    atomic_bool draining; /* shutting down: new requests get 503 */
};

struct http_conn {
    struct http_server *srv;
    struct MHD_Connection *mhd;
    struct http_req req;
    struct http_resp resp;
    struct router_params params;
    size_t route_index;
    struct timespec t0;
    char *buf;
    size_t len, cap;
    size_t limit, received;
    bool failed;      /* resp holds an error; the rest of the body is discarded */
    bool too_big;     /* Content-Length announces more than the limit */
    bool queued;      /* a response was queued */
    bool stream_open; /* stream->close is owed */
    bool counted;     /* counted in srv->suspended */
    bool close_now;   /* answer on the first call and close (request smuggling, framing) */
    struct guard_conn *gc;
    atomic_int async;
};

static double elapsed_s(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static enum http_method parse_method(const char *m)
{
    static const struct {
        const char *name;
        enum http_method m;
    } T[] = {{"GET", HTTP_GET},       {"HEAD", HTTP_HEAD},     {"POST", HTTP_POST},
             {"PUT", HTTP_PUT},       {"DELETE", HTTP_DELETE}, {"PATCH", HTTP_PATCH},
             {"OPTIONS", HTTP_OPTIONS}};
    for (size_t i = 0; i < sizeof T / sizeof T[0]; i++)
        if (!strcmp(m, T[i].name))
            return T[i].m;
    return HTTP_OTHER;
}

/* ---- request accessors ---- */

const char *http_req_header(const struct http_req *req, const char *name)
{
    return MHD_lookup_connection_value(req->conn->mhd, MHD_HEADER_KIND, name);
}

const char *http_req_cookie(const struct http_req *req, const char *name)
{
    return MHD_lookup_connection_value(req->conn->mhd, MHD_COOKIE_KIND, name);
}

const char *http_req_query(const struct http_req *req, const char *name)
{
    return MHD_lookup_connection_value(req->conn->mhd, MHD_GET_ARGUMENT_KIND, name);
}

void *http_req_mhd_connection(const struct http_req *req)
{
    return req->conn->mhd;
}

struct http_server *http_req_server(const struct http_req *req)
{
    return req->conn->srv;
}

/* The rightmost X-Forwarded-For entry that is not a trusted proxy (the
 * entries left of it could be forged by the client). NULL when there is
 * none usable. Only called when the peer itself is a trusted proxy. */
static const char *forwarded_client(const struct http_req *req, char *buf, size_t len)
{
    const char *xff = http_req_header(req, "x-forwarded-for");
    const struct net_cidrs *trusted = &req->conn->srv->trusted;
    if (!xff)
        return NULL;
    size_t end = strlen(xff);
    while (end > 0) {
        size_t start = end;
        while (start > 0 && xff[start - 1] != ',')
            start--;
        char item[64];
        size_t a = start, b = end;
        while (a < b && (xff[a] == ' ' || xff[a] == '\t'))
            a++;
        while (b > a && (xff[b - 1] == ' ' || xff[b - 1] == '\t'))
            b--;
        if (b - a < sizeof item) {
            memcpy(item, xff + a, b - a);
            item[b - a] = '\0';
            if (!net_cidrs_match_text(trusted, item))
                return net_client_key_text(item, buf, len);
        }
        end = start ? start - 1 : 0;
    }
    return NULL;
}

const char *http_req_client_ip(const struct http_req *req, char *buf, size_t len)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(req->conn->mhd, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    buf[0] = '\0';
    if (!ci || !ci->client_addr)
        return buf;
    if (net_cidrs_match(&req->conn->srv->trusted, ci->client_addr) && forwarded_client(req, buf, len))
        return buf;
    return net_client_key(ci->client_addr, buf, len);
}

char *http_server_metrics(const struct http_server *s, size_t *len)
{
    size_t n = 0;
    char *http = metrics_render(s->metrics, &n), *out = NULL;
    unsigned open;
    uint64_t timed_out, refused;
    guard_stats(s->guard, &open, &timed_out, &refused);
    if (!http || asprintf(&out,
                          "%s# HELP passbook_http_connections Connections open now.\n"
                          "# TYPE passbook_http_connections gauge\npassbook_http_connections %u\n"
                          "# HELP passbook_http_connections_refused_total Connections closed at once: a "
                          "per-client or total limit was reached.\n"
                          "# TYPE passbook_http_connections_refused_total counter\n"
                          "passbook_http_connections_refused_total %llu\n"
                          "# HELP passbook_http_connections_timed_out_total Connections closed by a header, "
                          "body, idle or send deadline.\n"
                          "# TYPE passbook_http_connections_timed_out_total counter\n"
                          "passbook_http_connections_timed_out_total %llu\n",
                          http, open, (unsigned long long)refused, (unsigned long long)timed_out) < 0)
        out = NULL;
    free(http);
    if (len)
        *len = out ? strlen(out) : 0;
    return out;
}

int http_server_port(const struct http_server *s)
{
    return s->port;
}

/* ---- responses ---- */

static enum MHD_Result queue(struct http_conn *c)
{
    struct http_resp *r = &c->resp;
    if (!r->status)
        http_resp_error(r, 500, "INTERNAL_ERROR", "Something went wrong");
    struct MHD_Response *mr = MHD_create_response_from_buffer(
        r->body_len, r->body, r->body_static ? MHD_RESPMEM_PERSISTENT : MHD_RESPMEM_MUST_COPY);
    if (!mr)
        return MHD_NO;
    if (r->content_type)
        MHD_add_response_header(mr, MHD_HTTP_HEADER_CONTENT_TYPE, r->content_type);
    for (int i = 0; i < r->nheaders; i++)
        MHD_add_response_header(mr, r->headers[i].name, r->headers[i].value);
    if (c->close_now)
        MHD_add_response_header(mr, MHD_HTTP_HEADER_CONNECTION, "close");
    guard_phase(c->gc, GUARD_SEND, r->body_len);
    enum MHD_Result ok = MHD_queue_response(c->mhd, (unsigned)r->status, mr);
    MHD_destroy_response(mr);
    c->queued = ok == MHD_YES;
    return ok;
}

/* The media type of a Content-Type value, lower-cased, without parameters. */
static void media_type(const char *ct, char *out, size_t len)
{
    size_t n = 0;
    while (ct && (*ct == ' ' || *ct == '\t'))
        ct++;
    for (; ct && *ct && *ct != ';' && n + 1 < len; ct++)
        out[n++] = (char)((*ct >= 'A' && *ct <= 'Z') ? *ct + 32 : *ct);
    while (n && (out[n - 1] == ' ' || out[n - 1] == '\t'))
        n--;
    out[n] = '\0';
}

static bool content_type_ok(const struct route *rt, const char *mt)
{
    if (rt->body == BODY_JSON)
        return !strcmp(mt, "application/json");
    if (rt->body == BODY_NONE || !rt->content_types)
        return true;
    for (const char *const *t = rt->content_types; *t; t++)
        if (!strcmp(mt, *t))
            return true;
    return false;
}

static void set_too_large(struct http_conn *c)
{
    http_resp_reset(&c->resp);
    http_resp_error(&c->resp, 413, "REQUEST_TOO_LARGE", "Request body is larger than %zu bytes.", c->limit);
    c->failed = true;
}

struct header_count {
    int content_length, transfer_encoding;
    size_t bytes;
};

static enum MHD_Result count_header(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    struct header_count *n = cls;
    (void)kind;
    n->bytes += strlen(key) + (value ? strlen(value) : 0) + 4;
    if (!strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH))
        n->content_length++;
    else if (!strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING))
        n->transfer_encoding++;
    return MHD_YES;
}

/* What the gate (http_head_check) refuses in a connection's first request,
 * checked again for later ones that MHD parsed alone: a head over
 * HTTP_HEAD_MAX, and framing that a proxy in front could read differently
 * from us (request smuggling): several Content-Length headers,
 * Content-Length with Transfer-Encoding, a transfer coding other than
 * "chunked". Answered at once, and the connection closed. */
static bool head_refused(struct http_conn *c)
{
    struct header_count n = {0, 0, strlen(c->req.path) + 32};
    MHD_get_connection_values(c->mhd, MHD_HEADER_KIND, count_header, &n);
    const char *te = http_req_header(&c->req, MHD_HTTP_HEADER_TRANSFER_ENCODING);
    if (n.bytes > HTTP_HEAD_MAX) /* the gate checked the first request; this is a later one */
        http_resp_error(&c->resp, 431, "REQUEST_HEADER_FIELDS_TOO_LARGE", "The request's headers are too large.");
    else if (n.content_length > 1)
        http_resp_error(&c->resp, 400, "INVALID_REQUEST",
                               "More than one Content-Length header.");
    else if (n.transfer_encoding && n.content_length)
        http_resp_error(&c->resp, 400, "INVALID_REQUEST",
                               "Content-Length together with Transfer-Encoding.");
    else if (n.transfer_encoding > 1 || (te && strcasecmp(te, "chunked")))
        http_resp_error(&c->resp, 501, "NOT_IMPLEMENTED",
                               "Only the chunked transfer coding is supported.");
    else
        return false;
    c->failed = true;
    c->close_now = true;
    return true;
}

static void allow_header(struct http_resp *resp, unsigned mask)
{
    char allow[128] = "";
    for (unsigned m = HTTP_GET; m <= HTTP_OPTIONS; m <<= 1)
        if (mask & m) {
            if (allow[0])
                strcat(allow, ", ");
            strcat(allow, http_method_name((enum http_method)m));
        }
    http_resp_header(resp, "Allow", allow);
}

/* First call: everything that can be decided from the request line and
 * headers, in the documented order. */
static void begin(struct http_conn *c, const char *url, const char *method)
{
    struct http_req *req = &c->req;
    const struct route *rt = NULL;
    unsigned allowed = 0;
    req->method = parse_method(method);
    req->method_str = method;
    req->path = url;
    c->resp.error_style = router_error_style(c->srv->router, url);
    c->route_index = (size_t)-1;
    c->limit = c->srv->max_body;
    if (head_refused(c))
        return;
    const char *cl = http_req_header(req, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (cl) {
        char *end;
        errno = 0;
        unsigned long long n = strtoull(cl, &end, 10);
        c->too_big = errno || end == cl || n > c->limit;
    }
    switch (router_find(c->srv->router, req->method, url, &rt, &c->route_index, &c->params, &allowed)) {
    case ROUTER_NOT_FOUND:
        http_resp_error(&c->resp, 404, "NOT_FOUND", "Not found.");
        c->failed = true;
        return;
    case ROUTER_BAD_METHOD:
        http_resp_error(&c->resp, 405, "METHOD_NOT_ALLOWED", "Method %s not allowed.",
                               method);
        allow_header(&c->resp, allowed);
        c->failed = true;
        return;
    case ROUTER_MATCH:
        break;
    }
    req->route = rt;
    for (int i = 0; i < c->params.n; i++)
        req->params[i] = c->params.v[i];
    req->nparams = c->params.n;
    if (rt->max_body) {
        c->limit = rt->max_body == ROUTE_UPLOAD_BODY ? c->srv->max_upload_body : rt->max_body;
        if (cl)
            c->too_big = strtoull(cl, NULL, 10) > c->limit;
    }

    const char *ct = http_req_header(req, MHD_HTTP_HEADER_CONTENT_TYPE);
    char mt[128];
    media_type(ct, mt, sizeof mt);
    if (!content_type_ok(rt, mt)) {
        http_resp_error(&c->resp, 415, "UNSUPPORTED_MEDIA_TYPE",
                               "Unsupported media type \"%s\" in request.", mt);
        c->failed = true;
        return;
    }
    if (c->too_big) {
        set_too_large(c);
        return;
    }
    if (rt->body == BODY_STREAM && rt->stream) {
        c->stream_open = true;
        if (rt->stream->open && rt->stream->open(req, &c->resp) != 0)
            c->failed = true;
    }
}

static void take_chunk(struct http_conn *c, const char *data, size_t n)
{
    const struct route *rt = c->req.route;
    if (rt->body == BODY_STREAM) {
        if (rt->stream && rt->stream->data && rt->stream->data(&c->req, &c->resp, data, n) != 0)
            c->failed = true;
        return;
    }
    if (rt->body == BODY_NONE)
        return;
    if (c->len + n + 1 > c->cap) {
        size_t cap = c->cap ? c->cap : 1024;
        while (cap < c->len + n + 1)
            cap *= 2;
        if (cap > c->limit + 1)
            cap = c->limit + 1;
        char *p = realloc(c->buf, cap);
        if (!p) {
            http_resp_error(&c->resp, 500, "INTERNAL_ERROR", "Something went wrong");
            c->failed = true;
            return;
        }
        c->buf = p;
        c->cap = cap;
    }
    memcpy(c->buf + c->len, data, n);
    c->len += n;
    c->buf[c->len] = '\0';
}

static const char *json_kind(const json_t *j)
{
    switch (json_typeof(j)) {
    case JSON_ARRAY: return "list";
    case JSON_STRING: return "str";
    case JSON_INTEGER: return "int";
    case JSON_REAL: return "float";
    case JSON_TRUE:
    case JSON_FALSE: return "bool";
    case JSON_NULL: return "null";
    default: return "object";
    }
}

/* Parses a BODY_JSON body; an empty body is an empty object (as Django
 * REST Framework treats it). Returns false with resp filled on error. */
static bool parse_json(struct http_conn *c)
{
    struct http_req *req = &c->req;
    if (c->len == 0) {
        req->json = json_object();
        return req->json != NULL;
    }
    json_error_t jerr;
    req->json = json_loadb(c->buf, c->len, JSON_REJECT_DUPLICATES, &jerr);
    if (!req->json) {
        http_resp_error(&c->resp, 400, "INVALID_REQUEST", "JSON parse error - %s (line %d, column %d)",
                        jerr.text, jerr.line, jerr.column);
        return false;
    }
    if (!json_is_object(req->json)) {
        http_resp_error(&c->resp, 400, "INVALID_REQUEST",
                        "Invalid data. Expected a dictionary, but got %s.", json_kind(req->json));
        return false;
    }
    return true;
}

/* The body is complete: run the handler. */
static enum MHD_Result finish(struct http_conn *c)
{
    struct http_req *req = &c->req;
    if (c->failed)
        return queue(c);
    req->body = c->buf ? c->buf : "";
    req->body_len = c->len;
    guard_phase(c->gc, GUARD_WORK, 0);
    if (req->route->body == BODY_JSON && !parse_json(c))
        return queue(c);
    atomic_store(&c->async, ASYNC_RUNNING);
    if (req->route->handler(req, &c->resp) == HTTP_DONE) {
        atomic_store(&c->async, ASYNC_NONE);
        return queue(c);
    }
    /* HTTP_ASYNC: suspend first, then publish; http_req_resume may already
     * have run on another thread, in which case we resume at once. */
    atomic_fetch_add(&c->srv->suspended, 1);
    c->counted = true;
    MHD_suspend_connection(c->mhd);
    int expected = ASYNC_RUNNING;
    if (!atomic_compare_exchange_strong(&c->async, &expected, ASYNC_SUSPENDED))
        MHD_resume_connection(c->mhd);
    return MHD_YES;
}

void http_req_resume(struct http_req *req)
{
    struct http_conn *c = req->conn;
    int expected = ASYNC_RUNNING;
    if (atomic_compare_exchange_strong(&c->async, &expected, ASYNC_DONE))
        return; /* finish() has not suspended yet; it will resume */
    atomic_store(&c->async, ASYNC_DONE);
    MHD_resume_connection(c->mhd);
}

/* Leaves the count of suspended requests (once), when the resumed request
 * is answered or, if the client went away meanwhile, when it completes. */
static void uncount(struct http_conn *c)
{
    if (c->counted) {
        c->counted = false;
        atomic_fetch_sub(&c->srv->suspended, 1);
    }
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *mhd, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls)
{
    struct http_conn *c = *con_cls;
    if (!c) {
        c = calloc(1, sizeof *c);
        if (!c)
            return MHD_NO;
        c->srv = cls;
        c->mhd = mhd;
        c->req.conn = c;
        c->req.app = c->srv->app;
        const union MHD_ConnectionInfo *ci = MHD_get_connection_info(mhd, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
        c->gc = ci ? ci->socket_context : NULL;
        clock_gettime(CLOCK_MONOTONIC, &c->t0);
        *con_cls = c;
        guard_phase(c->gc, GUARD_BODY, 0);
        if (atomic_load(&c->srv->draining)) {
            /* Answered on the first call on purpose: MHD then closes the
             * connection, which is what a server going away wants. */
            c->req.path = url;
            c->req.method_str = method;
            c->route_index = (size_t)-1;
            http_resp_error(&c->resp, 503, "SHUTTING_DOWN", "The server is shutting down.");
            return queue(c);
        }
        begin(c, url, method);
        /* When Content-Length announces too much, the answer (413, or an
         * earlier error in the validation order) goes out before the body
         * is read, and MHD closes the connection instead of reading it.
         * So does a refused framing. */
        if (c->failed && (c->too_big || c->close_now))
            return queue(c);
        return MHD_YES;
    }
    if (c->queued) { /* an early 413: drop whatever else arrives */
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (atomic_load(&c->async) == ASYNC_DONE) { /* resumed after an async handler */
        uncount(c);
        atomic_store(&c->async, ASYNC_NONE);
        return queue(c);
    }
    if (*upload_data_size) {
        size_t n = *upload_data_size;
        *upload_data_size = 0;
        c->received += n;
        guard_phase(c->gc, GUARD_BODY, c->received);
        if (c->received > c->limit) {
            /* libmicrohttpd 0.9.75 cannot queue a response in the middle
             * of a body, so a body without (or beyond) its Content-Length
             * is drained and answered 413 at its end. A client that goes
             * on past twice the limit loses the connection instead. */
            if (!c->failed) /* an earlier error in the order wins */
                set_too_large(c);
            return c->received > 2 * c->limit + (1u << 20) ? MHD_NO : MHD_YES;
        }
        if (!c->failed)
            take_chunk(c, upload_data, n);
        return MHD_YES;
    }
    return finish(c);
}

static bool is_hex(char ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

/* Whether p starts a UUID (8-4-4-4-12 hex digits). */
static bool uuid_at(const char *p)
{
    for (int i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? p[i] != '-' : !is_hex(p[i]))
            return false;
    }
    return true;
}

/* Keeps attacker-controlled paths on one log line and bounded, and keeps
 * credentials out of the log: a session id is the journey's credential,
 * so every UUID in a path is cut to its last 8 digits ("...-5f6a7b8c", as
 * id_short: a session id's first digits are its creation time). */
static void log_safe(const char *in, char *out, size_t len)
{
    size_t n = 0;
    for (; in && *in && n + 5 < len; in++) {
        if (uuid_at(in) && n + 14 < len) {
            memcpy(out + n, "...-", 4);
            memcpy(out + n + 4, in + 28, 8);
            n += 12;
            in += 35;
            continue;
        }
        unsigned char ch = (unsigned char)*in;
        if (ch > 0x20 && ch < 0x7f && ch != '"' && ch != '\\')
            out[n++] = (char)ch;
        else
            n += (size_t)snprintf(out + n, len - n, "%%%02X", ch);
    }
    out[n] = '\0';
}

static void on_completed(void *cls, struct MHD_Connection *mhd, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    struct http_conn *c = *con_cls;
    if (!c)
        return;
    struct http_server *s = cls;
    double dur = elapsed_s(&c->t0);
    int status = c->queued ? c->resp.status : 0;
    metrics_record(s->metrics, c->route_index, status, dur);
    char path[256];
    log_safe(c->req.path, path, sizeof path);
    log_info("http method=%s path=\"%s\" route=\"%s\" status=%d dur_ms=%.3f bytes=%zu%s%s%s",
             c->req.method_str ? c->req.method_str : "-", path,
             c->req.route ? c->req.route->pattern : "-", status, dur * 1e3,
             c->queued ? c->resp.body_len : 0, c->resp.error_code ? " error=" : "",
             c->resp.error_code ? c->resp.error_code : "",
             toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " aborted=1");
    uncount(c);
    guard_phase(c->gc, GUARD_IDLE, 0);
    if (c->stream_open && c->req.route->stream && c->req.route->stream->close)
        c->req.route->stream->close(&c->req);
    json_decref(c->req.json);
    free(c->buf);
    http_resp_reset(&c->resp);
    free(c);
    *con_cls = NULL;
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == '\r'))
        msg[--n] = '\0';
    char safe[600];
    log_safe(msg, safe, sizeof safe);
    log_warn("mhd msg=\"%s\"", safe);
}

/* Resolves host:port into a socket address (first result). */
static int resolve(const char *host, int port, struct sockaddr_storage *ss, socklen_t *sslen, char *err,
                   size_t errlen)
{
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE};
    struct addrinfo *res = NULL;
    char portbuf[16];
    snprintf(portbuf, sizeof portbuf, "%d", port);
    int rc = getaddrinfo(host && *host ? host : NULL, portbuf, &hints, &res);
    if (rc || !res) {
        snprintf(err, errlen, "cannot resolve %s: %s", host, gai_strerror(rc));
        return -1;
    }
    memcpy(ss, res->ai_addr, res->ai_addrlen);
    *sslen = res->ai_addrlen;
    freeaddrinfo(res);
    return 0;
}

/* The listening socket, ours rather than MHD's so that the options are
 * exactly these: SO_REUSEADDR (a restart after kill -9 binds at once,
 * past connections in TIME_WAIT) and never SO_REUSEPORT (a second server
 * on the same port must fail, not share the connections). */
static int listen_on(const struct http_config *cfg, int *port_out, char *err, size_t errlen)
{
    struct sockaddr_storage ss;
    socklen_t sslen;
    if (resolve(cfg->host, cfg->port, &ss, &sslen, err, errlen))
        return -1;
    int fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    int on = 1;
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) ||
        bind(fd, (struct sockaddr *)&ss, sslen) || listen(fd, SOMAXCONN)) {
        int e = errno;
        bool v6 = ss.ss_family == AF_INET6;
        snprintf(err, errlen, "cannot listen on %s%s%s:%d: %s", v6 ? "[" : "", cfg->host, v6 ? "]" : "",
                 cfg->port, strerror(e));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    getsockname(fd, (struct sockaddr *)&ss, &sslen);
    *port_out = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
                                               : ((struct sockaddr_in *)&ss)->sin_port);
    return fd;
}

/* Every connection is in the guard from its start to its end; the guard's
 * entry rides in MHD's socket context. CLOSED comes before MHD closes the
 * socket, so the guard never touches a reused descriptor. */
static void on_connection(void *cls, struct MHD_Connection *mhd, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    struct http_server *s = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *fd = MHD_get_connection_info(mhd, MHD_CONNECTION_INFO_CONNECTION_FD);
        const union MHD_ConnectionInfo *ca = MHD_get_connection_info(mhd, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        *socket_context = fd ? guard_add(s->guard, fd->connect_fd, ca ? ca->client_addr : NULL) : NULL;
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
        guard_remove(s->guard, *socket_context);
        *socket_context = NULL;
    }
}

/* The request line is in: the headers' deadline starts. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *mhd)
{
    (void)cls;
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(mhd, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    if (ci && ci->socket_context)
        guard_head(ci->socket_context, uri);
    return NULL;
}

/* The canned 408s, one per shape (sent by the guard's reaper). */
static int build_timeout_answers(struct http_server *s)
{
    for (int sh = 0; sh < 3; sh++) {
        char *body = http_error_body((enum http_error_style)sh, "REQUEST_TIMEOUT",
                                     "The request did not arrive in time.");
        if (!body || asprintf(&s->timeout_answer[sh],
                              "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\n"
                              "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                              strlen(body), body) < 0) {
            free(body);
            s->timeout_answer[sh] = NULL;
            return -1;
        }
        free(body);
        s->timeout_answer_len[sh] = strlen(s->timeout_answer[sh]);
    }
    return 0;
}

static const char *timeout_answer(void *cls, const char *path, size_t *len)
{
    struct http_server *s = cls;
    int sh = path ? (int)router_error_style(s->router, path) : HTTP_ERRORS_ENVELOPE;
    *len = s->timeout_answer_len[sh];
    return s->timeout_answer[sh];
}

static void server_free(struct http_server *s)
{
    guard_free(s->guard);
    metrics_free(s->metrics);
    for (int i = 0; i < 3; i++)
        free(s->timeout_answer[i]);
    if (s->listen_fd >= 0)
        close(s->listen_fd);
    free(s);
}

/* Room for every allowed connection, plus the store, blobs and fetches. */
static void raise_fd_limit(unsigned connections)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl))
        return;
    rlim_t want = (rlim_t)connections + 512;
    if (rl.rlim_cur < want) {
        rl.rlim_cur = want < rl.rlim_max ? want : rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
        if (rl.rlim_cur < want)
            log_warn("http msg=\"open-file limit below the connection limit\" nofile=%llu connections=%u",
                     (unsigned long long)rl.rlim_cur, connections);
    }
}

int http_server_start(const struct http_config *cfg, const struct router *router, void *app,
                      struct http_server **out, char *err, size_t errlen)
{
    struct http_server *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    s->listen_fd = -1;
    s->router = router;
    s->app = app;
    s->max_body = cfg->max_body;
    s->max_upload_body = cfg->max_upload_body ? cfg->max_upload_body : cfg->max_body;
    if (cfg->trusted_proxies)
        s->trusted = *cfg->trusted_proxies;
    struct guard_limits lim = cfg->limits;
    if (!lim.max_total)
        lim = (struct guard_limits){4096, 256, 60, 10, 20, 1024};
    raise_fd_limit(lim.max_total);
    if (!(s->metrics = metrics_new(router)) || build_timeout_answers(s) ||
        !(s->guard = guard_new(&lim, &s->trusted, timeout_answer, s))) {
        snprintf(err, errlen, "out of memory");
        server_free(s);
        return -1;
    }
    if ((s->listen_fd = listen_on(cfg, &s->port, err, errlen)) < 0) {
        server_free(s);
        return -1;
    }
    /* No listening socket of MHD's own: the gate accepts (gate.h). 32 KiB
     * of connection memory hold the largest head (HTTP_HEAD_MAX) and its
     * answer's headers; MHD zeroes the whole pool at every request, so
     * more only costs (docs/operations.md, "Where a create's time goes"). */
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME |
                     MHD_USE_ITC | MHD_USE_TURBO | MHD_USE_ERROR_LOG | MHD_USE_NO_LISTEN_SOCKET;
    s->daemon = MHD_start_daemon(
        flags, 0, NULL, NULL, on_request, s, MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
        MHD_OPTION_THREAD_POOL_SIZE, cfg->threads ? cfg->threads : 1u, MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, s, MHD_OPTION_URI_LOG_CALLBACK, on_uri, s,
        MHD_OPTION_CONNECTION_TIMEOUT, lim.idle_s ? lim.idle_s : 60u, MHD_OPTION_CONNECTION_LIMIT,
        2 * lim.max_total, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)32 * 1024, MHD_OPTION_END);
    if (!s->daemon) {
        snprintf(err, errlen, "cannot start the HTTP server on %s:%d", cfg->host, s->port);
        server_free(s);
        return -1;
    }
    if (!(s->gate = gate_start(s->listen_fd, s->daemon, s->guard, router))) {
        snprintf(err, errlen, "cannot start the HTTP server on %s:%d", cfg->host, s->port);
        MHD_stop_daemon(s->daemon);
        server_free(s);
        return -1;
    }
    s->listen_fd = -1; /* the gate's now */
    *out = s;
    return 0;
}

void http_server_stop(struct http_server *s)
{
    if (!s)
        return;
    /* Not MHD_quiesce_daemon: with a thread pool on epoll, libmicrohttpd
     * 0.9.75 races a worker that took the listen socket out of its epoll
     * set itself and panics ("Failed to remove listen FD from epoll set").
     * New requests are refused with 503 instead while we drain.
     * MHD must not be stopped with suspended connections: give async
     * handlers (group commit, ingest) time to finish. */
    atomic_store(&s->draining, true);
    for (int i = 0; i < 3000 && atomic_load(&s->suspended) > 0; i++) {
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    if (atomic_load(&s->suspended) > 0) {
        log_error("http msg=\"requests still suspended at shutdown; exiting without closing\"");
        return;
    }
    gate_stop(s->gate);
    MHD_stop_daemon(s->daemon);
    server_free(s);
}
