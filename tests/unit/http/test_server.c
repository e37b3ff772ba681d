/* The HTTP server with test routes: streaming bodies, asynchronous
 * handlers, per-route limits and keep-alive, over real sockets. */
#include <arpa/inet.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "check.h"
#include "http/server.h"

/* ---- test routes ---- */

struct counter {
    size_t bytes;
    unsigned sum;
};

static int stream_open(struct http_req *req, struct http_resp *resp)
{
    if (http_req_header(req, "x-reject")) {
        http_resp_error(resp, 401, "AUTHENTICATION_CREDENTIALS_NOT_PROVIDED", "no");
        return -1;
    }
    req->stream_state = calloc(1, sizeof(struct counter));
    return req->stream_state ? 0 : -1;
}

static int stream_data(struct http_req *req, struct http_resp *resp, const char *buf, size_t len)
{
    struct counter *c = req->stream_state;
    c->bytes += len;
    for (size_t i = 0; i < len; i++)
        c->sum += (unsigned char)buf[i];
    if (memchr(buf, '!', len)) { /* a handler may refuse mid-body */
        http_resp_error(resp, 400, "BAD_BYTE", "no bangs");
        return -1;
    }
    return 0;
}

static int stream_closes;

static void stream_close(struct http_req *req)
{
    __atomic_add_fetch(&stream_closes, 1, __ATOMIC_SEQ_CST);
    free(req->stream_state);
    req->stream_state = NULL;
}

static const struct http_stream_ops STREAM = {stream_open, stream_data, stream_close};
static const char *const OCTETS[] = {"application/octet-stream", NULL};

static enum http_result stream_done(struct http_req *req, struct http_resp *resp)
{
    struct counter *c = req->stream_state;
    http_resp_json(resp, 200, json_pack("{s:I,s:I}", "bytes", (json_int_t)c->bytes, "sum", (json_int_t)c->sum));
    return HTTP_DONE;
}

static void *finish_later(void *arg)
{
    struct http_req *req = arg;
    struct timespec ts = {0, 5 * 1000 * 1000};
    nanosleep(&ts, NULL);
    /* resp is reachable only through the request the handler kept */
    struct http_resp *resp = req->user;
    http_resp_json(resp, 202, json_pack("{s:s}", "param", req->params[0]));
    http_req_resume(req);
    return NULL;
}

static enum http_result async_handler(struct http_req *req, struct http_resp *resp)
{
    pthread_t t;
    req->user = resp;
    if (pthread_create(&t, NULL, finish_later, req)) {
        http_resp_error(resp, 500, "X", "thread");
        return HTTP_DONE;
    }
    pthread_detach(t);
    return HTTP_ASYNC;
}

static enum http_result async_immediate(struct http_req *req, struct http_resp *resp)
{
    /* resumes before the server has even suspended the connection */
    http_resp_json(resp, 200, json_pack("{s:b}", "early", 1));
    http_req_resume(req);
    return HTTP_ASYNC;
}

static enum http_result echo_json(struct http_req *req, struct http_resp *resp)
{
    http_resp_json(resp, 200, json_incref(req->json));
    return HTTP_DONE;
}

/* A form upload the way the upload endpoint will take it: an
 * MHD_PostProcessor fed from the stream callbacks, file bytes counted as
 * they arrive (a real handler writes them to a blob_writer). */
struct form {
    struct MHD_PostProcessor *pp;
    size_t file_bytes;
    unsigned file_sum;
    char field[64];
    char filename[64];
};

static enum MHD_Result form_iter(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
                                 const char *ctype, const char *enc, const char *data, uint64_t off,
                                 size_t size)
{
    struct form *f = cls;
    if (!strcmp(key, "file")) {
        f->file_bytes += size;
        for (size_t i = 0; i < size; i++)
            f->file_sum += (unsigned char)data[i];
        if (filename)
            snprintf(f->filename, sizeof f->filename, "%s", filename);
    } else if (!strcmp(key, "session_id") && off + size < sizeof f->field) {
        memcpy(f->field + off, data, size);
        f->field[off + size] = '\0';
    }
    return MHD_YES;
}

static int form_open(struct http_req *req, struct http_resp *resp)
{
    struct form *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->pp = MHD_create_post_processor(http_req_mhd_connection(req), 16 * 1024, form_iter, f);
    req->stream_state = f;
    if (!f->pp) {
        http_resp_error(resp, 400, "INVALID_FILE_OBJECT", "not a form");
        return -1;
    }
    return 0;
}

static int form_data(struct http_req *req, struct http_resp *resp, const char *buf, size_t len)
{
    struct form *f = req->stream_state;
    if (MHD_post_process(f->pp, buf, len) != MHD_YES) {
        http_resp_error(resp, 400, "INVALID_FILE_OBJECT", "bad form");
        return -1;
    }
    return 0;
}

static void form_close(struct http_req *req)
{
    struct form *f = req->stream_state;
    if (f && f->pp)
        MHD_destroy_post_processor(f->pp);
    free(f);
    req->stream_state = NULL;
}

static enum http_result form_done(struct http_req *req, struct http_resp *resp)
{
    struct form *f = req->stream_state;
    http_resp_json(resp, 200, json_pack("{s:I,s:I,s:s,s:s}", "bytes", (json_int_t)f->file_bytes, "sum",
                                        (json_int_t)f->file_sum, "session_id", f->field, "filename",
                                        f->filename));
    return HTTP_DONE;
}

static const struct http_stream_ops FORM = {form_open, form_data, form_close};
static const char *const FORM_TYPES[] = {"multipart/form-data", "application/x-www-form-urlencoded", NULL};

static const struct route ROUTES[] = {
    {HTTP_POST, "/form", form_done, BODY_STREAM, 1024 * 1024, &FORM, FORM_TYPES},
    {HTTP_POST, "/stream", stream_done, BODY_STREAM, 64 * 1024, &STREAM, OCTETS},
    ROUTE_GET("/async/<x>", async_handler),
    ROUTE_GET("/early", async_immediate),
    ROUTE_POST_JSON("/echo", echo_json),
};

/* ---- a tiny client ---- */

static int port;

struct reply {
    int status;
    char body[8192];
    bool closed;
};

static int connect_server(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct timeval tv = {5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa)) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Sends req (len bytes) on fd and reads one response. */
static int exchange(int fd, const char *req, size_t len, struct reply *r)
{
    memset(r, 0, sizeof *r);
    size_t off = 0;
    while (off < len) {
        ssize_t n = send(fd, req + off, len - off, MSG_NOSIGNAL);
        if (n <= 0)
            break; /* the server may answer early and close */
        off += (size_t)n;
    }
    char buf[16384];
    size_t got = 0;
    for (;;) {
        ssize_t n = recv(fd, buf + got, sizeof buf - 1 - got, 0);
        if (n <= 0) {
            r->closed = true;
            break;
        }
        got += (size_t)n;
        buf[got] = '\0';
        char *end = strstr(buf, "\r\n\r\n");
        char *cl = strcasestr(buf, "content-length:");
        if (end && cl && got >= (size_t)(end + 4 - buf) + (size_t)atoi(cl + 15))
            break;
    }
    buf[got] = '\0';
    if (sscanf(buf, "HTTP/1.1 %d", &r->status) != 1)
        return -1;
    char *end = strstr(buf, "\r\n\r\n");
    if (end)
        snprintf(r->body, sizeof r->body, "%s", end + 4);
    if (strcasestr(buf, "connection: close"))
        r->closed = true;
    return 0;
}

static int one_shot(const char *req, size_t len, struct reply *r)
{
    int fd = connect_server();
    if (fd < 0)
        return -1;
    int rc = exchange(fd, req, len, r);
    close(fd);
    return rc;
}

static char *post(const char *path, const char *ctype, const char *body, size_t blen, size_t *len)
{
    char *out = malloc(blen + 512);
    int n = snprintf(out, 512, "POST %s HTTP/1.1\r\nHost: t\r\nContent-Type: %s\r\nContent-Length: %zu\r\n\r\n",
                     path, ctype, blen);
    memcpy(out + n, body, blen);
    *len = (size_t)n + blen;
    return out;
}

/* ---- tests ---- */

TEST(streaming_body_reaches_the_callbacks_in_full)
{
    size_t blen = 60000, len;
    char *body = malloc(blen);
    unsigned sum = 0;
    for (size_t i = 0; i < blen; i++) {
        body[i] = (char)('a' + i % 26);
        sum += (unsigned char)body[i];
    }
    char *req = post("/stream", "application/octet-stream", body, blen, &len);
    struct reply r;
    CHECK_INT(one_shot(req, len, &r), 0);
    CHECK_INT(r.status, 200);
    char want[128];
    snprintf(want, sizeof want, "{\"bytes\":60000,\"sum\":%u}", sum);
    CHECK_STR(r.body, want);
    free(req);
    free(body);
}

TEST(streaming_route_limits_and_refusals)
{
    size_t len;
    struct reply r;
    char big[70000];
    memset(big, 'x', sizeof big);
    char *req = post("/stream", "application/octet-stream", big, sizeof big, &len);
    CHECK_INT(one_shot(req, len, &r), 0);
    CHECK_INT(r.status, 413); /* the route's own 64 KiB limit */
    free(req);
    req = post("/stream", "text/plain", "abc", 3, &len);
    CHECK_INT(one_shot(req, len, &r), 0);
    CHECK_INT(r.status, 415);
    free(req);
    req = post("/stream", "application/octet-stream", "ab!cd", 5, &len);
    CHECK_INT(one_shot(req, len, &r), 0);
    CHECK_INT(r.status, 400);
    CHECK(strstr(r.body, "BAD_BYTE") != NULL);
    free(req);
    const char rej[] = "POST /stream HTTP/1.1\r\nHost: t\r\nx-reject: 1\r\nContent-Type: application/octet-stream\r\n"
                       "Content-Length: 3\r\n\r\nabc";
    CHECK_INT(one_shot(rej, sizeof rej - 1, &r), 0);
    CHECK_INT(r.status, 401);
}

TEST(async_handlers_answer_later_on_a_kept_alive_connection)
{
    int fd = connect_server();
    CHECK(fd >= 0);
    struct reply r;
    for (int i = 0; i < 20; i++) {
        char req[128];
        int n = snprintf(req, sizeof req, "GET /async/p%d HTTP/1.1\r\nHost: t\r\n\r\n", i);
        CHECK_INT(exchange(fd, req, (size_t)n, &r), 0);
        CHECK_INT(r.status, 202);
        char want[64];
        snprintf(want, sizeof want, "{\"param\":\"p%d\"}", i);
        CHECK_STR(r.body, want);
        CHECK(!r.closed);
        const char early[] = "GET /early HTTP/1.1\r\nHost: t\r\n\r\n";
        CHECK_INT(exchange(fd, early, sizeof early - 1, &r), 0);
        CHECK_INT(r.status, 200);
        CHECK(!r.closed);
    }
    close(fd);
}

static void *hammer(void *arg)
{
    int *ok = arg;
    for (int i = 0; i < 25; i++) {
        struct reply r;
        const char req[] = "GET /async/h HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
        if (one_shot(req, sizeof req - 1, &r) == 0 && r.status == 202)
            (*ok)++;
    }
    return NULL;
}

TEST(many_concurrent_async_requests)
{
    pthread_t t[8];
    int ok[8] = {0};
    for (int i = 0; i < 8; i++)
        pthread_create(&t[i], NULL, hammer, &ok[i]);
    int total = 0;
    for (int i = 0; i < 8; i++) {
        pthread_join(t[i], NULL);
        total += ok[i];
    }
    CHECK_INT(total, 200);
}

TEST(json_bodies_round_trip)
{
    size_t len;
    struct reply r;
    const char *body = "{\"amount\":1234.5,\"n\":9007199254740993,\"s\":\"\\u20b9\"}";
    char *req = post("/echo", "application/json", body, strlen(body), &len);
    CHECK_INT(one_shot(req, len, &r), 0);
    CHECK_INT(r.status, 200);
    CHECK_STR(r.body, "{\"amount\":1234.5,\"n\":9007199254740993,\"s\":\"\xe2\x82\xb9\"}");
    free(req);
}

TEST(multipart_upload_through_a_post_processor)
{
    size_t flen = 200000, len = 0;
    char *file = malloc(flen);
    unsigned sum = 0;
    for (size_t i = 0; i < flen; i++) { /* every byte value, NULs and CRLFs included */
        file[i] = (char)(i * 7 % 256);
        sum += (unsigned char)file[i];
    }
    const char *b = "----pbBoundary42";
    char head[512], tail[128];
    int hn = snprintf(head, sizeof head,
                      "--%s\r\nContent-Disposition: form-data; name=\"session_id\"\r\n\r\nabc-123\r\n"
                      "--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"st.pdf\"\r\n"
                      "Content-Type: application/pdf\r\n\r\n", b, b);
    int tn = snprintf(tail, sizeof tail, "\r\n--%s--\r\n", b);
    size_t blen = (size_t)hn + flen + (size_t)tn;
    char *body = malloc(blen);
    memcpy(body, head, (size_t)hn);
    memcpy(body + hn, file, flen);
    memcpy(body + hn + flen, tail, (size_t)tn);
    char ctype[128];
    snprintf(ctype, sizeof ctype, "multipart/form-data; boundary=%s", b);
    char *req = post("/form", ctype, body, blen, &len);
    struct reply r;
    CHECK_INT(one_shot(req, len, &r), 0);
    CHECK_INT(r.status, 200);
    char want[160];
    snprintf(want, sizeof want, "{\"bytes\":200000,\"sum\":%u,\"session_id\":\"abc-123\",\"filename\":\"st.pdf\"}",
             sum);
    CHECK_STR(r.body, want);
    free(req);
    free(body);
    free(file);
    const char *ue = "session_id=xyz&file=aGVsbG8%3D";
    req = post("/form", "application/x-www-form-urlencoded", ue, strlen(ue), &len);
    CHECK_INT(one_shot(req, len, &r), 0);
    CHECK_INT(r.status, 200);
    unsigned usum = 0; /* the decoded value is the 8 bytes "aGVsbG8=" */
    for (const char *p = "aGVsbG8="; *p; p++)
        usum += (unsigned char)*p;
    snprintf(want, sizeof want, "{\"bytes\":8,\"sum\":%u,\"session_id\":\"xyz\",\"filename\":\"\"}", usum);
    CHECK_STR(r.body, want);
    free(req);
}

TEST(every_opened_stream_was_closed)
{
    /* the full body, the mid-body refusal, the refusal in open (the 413
     * and 415 are answered before any stream opens) */
    CHECK_INT(stream_closes, 3);
}

int main(void)
{
    struct router r;
    router_init(&r);
    router_add(&r, ROUTES, sizeof ROUTES / sizeof ROUTES[0]);
    struct http_config cfg = {.host = "127.0.0.1", .port = 0, .threads = 2, .max_body = 1024 * 1024};
    struct http_server *srv;
    char err[256];
    if (http_server_start(&cfg, &r, NULL, &srv, err, sizeof err)) {
        fprintf(stderr, "start: %s\n", err);
        return 1;
    }
    port = http_server_port(srv);
    RUN(streaming_body_reaches_the_callbacks_in_full);
    RUN(streaming_route_limits_and_refusals);
    RUN(async_handlers_answer_later_on_a_kept_alive_connection);
    RUN(many_concurrent_async_requests);
    RUN(json_bodies_round_trip);
    RUN(multipart_upload_through_a_post_processor);
    http_server_stop(srv);
    RUN(every_opened_stream_was_closed);
    router_free(&r);
    return check_summary();
}
