/* The guarded fetcher against a real HTTP server on 127.0.0.1 (libmicrohttpd
 * in this process, port chosen by the kernel). */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "net/addr.h"
#include "net/fetch.h"

#define SMALL_LEN 1000
#define BIG_ANNOUNCED (100LL * 1024 * 1024)
#define STREAM_MAX (64LL * 1024 * 1024)

static struct MHD_Daemon *D;
static int PORT;
static atomic_int requests;
static atomic_bool stopping;
static char hook_body[256];
static char hook_sig[64];
static char hook_type[64];

static char *url(const char *host, const char *path)
{
    static __thread char buf[8][256];
    static __thread int i;
    char *b = buf[i++ % 8];
    snprintf(b, 256, "http://%s:%d%s", host, PORT, path);
    return b;
}

static enum MHD_Result queue_text(struct MHD_Connection *c, unsigned status, const char *text)
{
    struct MHD_Response *r =
        MHD_create_response_from_buffer(strlen(text), (void *)text, MHD_RESPMEM_MUST_COPY);
    enum MHD_Result rc = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return rc;
}

static enum MHD_Result redirect(struct MHD_Connection *c, const char *to)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(0, "", MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(r, "Location", to);
    enum MHD_Result rc = MHD_queue_response(c, 302, r);
    MHD_destroy_response(r);
    return rc;
}

/* Endless zeros (up to a bound), for the size caps. */
static ssize_t zeros(void *cls, uint64_t pos, char *buf, size_t max)
{
    if (atomic_load(&stopping) || pos >= (uint64_t)STREAM_MAX)
        return MHD_CONTENT_READER_END_OF_STREAM;
    memset(buf, 0, max);
    return (ssize_t)max;
}

static enum MHD_Result queue_zeros(struct MHD_Connection *c, uint64_t size)
{
    struct MHD_Response *r = MHD_create_response_from_callback(size, 16384, zeros, NULL, NULL);
    enum MHD_Result rc = MHD_queue_response(c, 200, r);
    MHD_destroy_response(r);
    return rc;
}

/* Stalls (in small steps, so the daemon can stop) before answering. */
static enum MHD_Result slow(struct MHD_Connection *c)
{
    for (int i = 0; i < 300 && !atomic_load(&stopping); i++)
        usleep(50 * 1000);
    return queue_text(c, 200, "late");
}

static enum MHD_Result hook(struct MHD_Connection *c, const char *data, size_t *size, void **state)
{
    if (*size) {
        size_t have = strlen(hook_body), n = *size;
        if (have + n >= sizeof hook_body)
            n = sizeof hook_body - have - 1;
        memcpy(hook_body + have, data, n);
        hook_body[have + n] = '\0';
        *size = 0;
        return MHD_YES;
    }
    const char *sig = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Signature");
    const char *type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
    snprintf(hook_sig, sizeof hook_sig, "%s", sig ? sig : "");
    snprintf(hook_type, sizeof hook_type, "%s", type ? type : "");
    return queue_text(c, 202, "{\"ok\":true}");
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *path,
                              const char *method, const char *version, const char *data,
                              size_t *size, void **state)
{
    static int marker;
    if (!*state) { /* first call: headers only */
        *state = &marker;
        atomic_fetch_add(&requests, 1);
        return MHD_YES;
    }
    if (*size && strcmp(path, "/hook") != 0) { /* drain other uploads before answering */
        *size = 0;
        return MHD_YES;
    }
    if (strcmp(path, "/hook") == 0)
        return hook(c, data, size, state);
    if (strcmp(path, "/small") == 0) {
        char body[SMALL_LEN + 1];
        memset(body, 'x', SMALL_LEN);
        body[SMALL_LEN] = '\0';
        return queue_text(c, 200, body);
    }
    if (strcmp(path, "/announce-big") == 0)
        return queue_zeros(c, (uint64_t)BIG_ANNOUNCED);
    if (strcmp(path, "/stream-big") == 0)
        return queue_zeros(c, MHD_SIZE_UNKNOWN);
    if (strcmp(path, "/slow") == 0)
        return slow(c);
    if (strcmp(path, "/redirect-ok") == 0)
        return redirect(c, "/small");
    if (strcmp(path, "/redirect-private") == 0)
        return redirect(c, "http://10.255.255.1:9/x");
    if (strcmp(path, "/redirect-metadata") == 0)
        return redirect(c, "http://169.254.169.254/latest/meta-data/");
    if (strcmp(path, "/redirect-mapped") == 0)
        return redirect(c, "http://[::ffff:192.168.0.1]/");
    if (strcmp(path, "/redirect-loop") == 0)
        return redirect(c, "/redirect-loop");
    if (strcmp(path, "/redirect-ftp") == 0)
        return redirect(c, "ftp://example.com/file");
    return queue_text(c, 404, "no");
}

static int server_start(void)
{
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = 0};
    inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
    D = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD, 0, NULL,
                         NULL, handle, NULL, MHD_OPTION_SOCK_ADDR, &sa, MHD_OPTION_END);
    if (!D)
        return -1;
    PORT = MHD_get_daemon_info(D, MHD_DAEMON_INFO_BIND_PORT)->port;
    return 0;
}

static FILE *tmp_file(void)
{
    return tmpfile();
}

static long file_size(FILE *f)
{
    fseek(f, 0, SEEK_END);
    return ftell(f);
}

TEST(loopback_refused_without_allow_private)
{
    FILE *f = tmp_file();
    long status;
    int64_t bytes;
    struct net_error err;
    int before = atomic_load(&requests);
    CHECK_INT(net_fetch_to_fd(url("127.0.0.1", "/small"), fileno(f), 1 << 20, 10, false, &status,
                              &bytes, &err),
              -1);
    CHECK_INT(err.code, NET_BLOCKED);
    /* through DNS ("localhost"), the connect-time guard refuses it */
    CHECK_INT(net_fetch_to_fd(url("localhost", "/small"), fileno(f), 1 << 20, 10, false, &status,
                              &bytes, &err),
              -1);
    CHECK_INT(err.code, NET_BLOCKED);
    CHECK(strstr(err.message, "loopback") != NULL);
    CHECK_INT(atomic_load(&requests), before); /* nothing reached the server */
    CHECK_INT(file_size(f), 0);
    fclose(f);
}

TEST(fetched_with_allow_private)
{
    FILE *f = tmp_file();
    long status;
    int64_t bytes;
    struct net_error err;
    CHECK_INT(net_fetch_to_fd(url("127.0.0.1", "/small"), fileno(f), 1 << 20, 10, true, &status,
                              &bytes, &err),
              0);
    CHECK_INT(status, 200);
    CHECK_INT(bytes, SMALL_LEN);
    CHECK_INT(file_size(f), SMALL_LEN);
    rewind(f);
    CHECK_INT(fgetc(f), 'x');
    fclose(f);
}

TEST(size_cap_enforced)
{
    FILE *f = tmp_file();
    long status;
    int64_t bytes;
    struct net_error err;
    /* body one byte over the cap */
    CHECK_INT(net_fetch_to_fd(url("127.0.0.1", "/small"), fileno(f), SMALL_LEN - 1, 10, true,
                              &status, &bytes, &err),
              -1);
    CHECK_INT(err.code, NET_TOO_LARGE);
    /* exactly at the cap is fine */
    CHECK_INT(net_fetch_to_fd(url("127.0.0.1", "/small"), fileno(f), SMALL_LEN, 10, true, &status,
                              &bytes, &err),
              0);
    fclose(f);
    /* Content-Length announcing too much: refused before any byte is written */
    f = tmp_file();
    CHECK_INT(net_fetch_to_fd(url("127.0.0.1", "/announce-big"), fileno(f), 1 << 20, 10, true,
                              &status, &bytes, &err),
              -1);
    CHECK_INT(err.code, NET_TOO_LARGE);
    CHECK_INT(file_size(f), 0);
    fclose(f);
    /* chunked, no length: cut at the cap */
    f = tmp_file();
    CHECK_INT(net_fetch_to_fd(url("127.0.0.1", "/stream-big"), fileno(f), 1 << 20, 10, true,
                              &status, &bytes, &err),
              -1);
    CHECK_INT(err.code, NET_TOO_LARGE);
    CHECK(file_size(f) <= (1 << 20));
    CHECK(bytes <= (1 << 20));
    fclose(f);
}

TEST(timeout_enforced)
{
    FILE *f = tmp_file();
    long status;
    int64_t bytes;
    struct net_error err;
    CHECK_INT(net_fetch_to_fd(url("127.0.0.1", "/slow"), fileno(f), 1 << 20, 1, true, &status,
                              &bytes, &err),
              -1);
    CHECK_INT(err.code, NET_TIMEOUT);
    fclose(f);
}

TEST(redirects_are_guarded_hop_by_hop)
{
    FILE *f = tmp_file();
    long status;
    int64_t bytes;
    struct net_error err;
    /* the test server stands in for a public host; everything else stays refused */
    net_addr_test_allow_loopback(true);
    CHECK_INT(net_fetch_to_fd(url("127.0.0.1", "/redirect-ok"), fileno(f), 1 << 20, 10, false,
                              &status, &bytes, &err),
              0);
    CHECK_INT(bytes, SMALL_LEN);
    static const char *const bad[] = {"/redirect-private", "/redirect-metadata",
                                      "/redirect-mapped"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_INT(net_fetch_to_fd(url("127.0.0.1", bad[i]), fileno(f), 1 << 20, 10, false, &status,
                                  &bytes, &err),
                  -1);
        CHECK_INT(err.code, NET_BLOCKED);
    }
    CHECK(strstr(err.message, "private") != NULL);
    net_addr_test_allow_loopback(false);
    fclose(f);
}

TEST(redirect_limits_and_schemes)
{
    FILE *f = tmp_file();
    long status;
    int64_t bytes;
    struct net_error err;
    CHECK_INT(net_fetch_to_fd(url("127.0.0.1", "/redirect-loop"), fileno(f), 1 << 20, 10, true,
                              &status, &bytes, &err),
              -1);
    CHECK_INT(err.code, NET_TOO_MANY_REDIRECTS);
    CHECK_INT(net_fetch_to_fd(url("127.0.0.1", "/redirect-ftp"), fileno(f), 1 << 20, 10, true,
                              &status, &bytes, &err),
              -1);
    CHECK_INT(err.code, NET_BAD_URL);
    fclose(f);
}

TEST(error_status_writes_nothing)
{
    FILE *f = tmp_file();
    long status;
    int64_t bytes;
    struct net_error err;
    CHECK_INT(net_fetch_to_fd(url("127.0.0.1", "/missing"), fileno(f), 1 << 20, 10, true, &status,
                              &bytes, &err),
              -1);
    CHECK_INT(err.code, NET_HTTP_STATUS);
    CHECK_INT(status, 404);
    CHECK_INT(file_size(f), 0);
    fclose(f);
}

TEST(bad_urls_refused_before_any_connection)
{
    struct net_error err;
    long status;
    int64_t bytes;
    char longurl[NET_URL_MAX + 64] = "http://example.com/";
    memset(longurl + 19, 'a', NET_URL_MAX);
    longurl[NET_URL_MAX + 19] = '\0';
    CHECK_INT(net_url_check(longurl, false, &err), -1);
    CHECK_INT(err.code, NET_BAD_URL);
    CHECK_INT(net_url_check("file:///etc/passwd", true, &err), -1);
    CHECK_INT(err.code, NET_BAD_URL);
    CHECK_INT(net_url_check("gopher://example.com/", true, &err), -1);
    CHECK_INT(net_url_check("http://169.254.169.254/latest", false, &err), -1);
    CHECK_INT(err.code, NET_BLOCKED);
    CHECK_INT(net_url_check("http://[::1]:8080/", false, &err), -1);
    CHECK_INT(err.code, NET_BLOCKED);
    CHECK_INT(net_url_check("http://[fd00::1]/", false, &err), -1);
    CHECK_INT(net_url_check("http://[fd00::1]/", true, &err), 0);
    CHECK_INT(net_url_check("https://example.com/hook", false, &err), 0);
    CHECK_INT(net_url_check(NULL, true, &err), -1);
    CHECK_INT(net_fetch_to_fd("http://10.0.0.1/x", -1, 10, 1, false, &status, &bytes, &err), -1);
    CHECK_INT(err.code, NET_BLOCKED);
}

TEST(post_json_delivers_body_and_headers)
{
    long status;
    struct net_error err;
    const char *headers[] = {"X-Signature: abc123", NULL};
    hook_body[0] = '\0';
    CHECK_INT(net_post_json(url("127.0.0.1", "/hook"), headers, "{\"event\":\"x\"}", 10, true,
                            &status, &err),
              0);
    CHECK_INT(status, 202);
    CHECK_STR(hook_body, "{\"event\":\"x\"}");
    CHECK_STR(hook_sig, "abc123");
    CHECK_STR(hook_type, "application/json");
    /* a non-2xx status is still a delivered answer; the caller decides */
    CHECK_INT(net_post_json(url("127.0.0.1", "/missing"), NULL, "{}", 10, true, &status, &err), 0);
    CHECK_INT(status, 404);
}

TEST(post_json_guarded_and_header_injection_refused)
{
    long status;
    struct net_error err;
    int before = atomic_load(&requests);
    CHECK_INT(net_post_json(url("localhost", "/hook"), NULL, "{}", 10, false, &status, &err), -1);
    CHECK_INT(err.code, NET_BLOCKED);
    const char *evil[] = {"X-A: 1\r\nX-Injected: 2", NULL};
    CHECK_INT(net_post_json(url("127.0.0.1", "/hook"), evil, "{}", 10, true, &status, &err), -1);
    CHECK_INT(err.code, NET_INTERNAL);
    CHECK_INT(atomic_load(&requests), before);
    /* webhooks follow no redirect: the 302 itself is the answer */
    CHECK_INT(net_post_json(url("127.0.0.1", "/redirect-private"), NULL, "{}", 10, true, &status,
                            &err),
              0);
    CHECK_INT(status, 302);
}

static void *fetch_small(void *arg)
{
    long status;
    int64_t bytes;
    struct net_error err;
    FILE *f = tmpfile();
    int *ok = arg;
    *ok = f && net_fetch_to_fd(url("127.0.0.1", "/small"), fileno(f), 1 << 20, 10, true, &status,
                               &bytes, &err) == 0 &&
          bytes == SMALL_LEN;
    if (f)
        fclose(f);
    return NULL;
}

TEST(concurrent_fetches)
{
    /* one easy handle per call: threads share nothing but curl's global init */
    enum { N = 8 };
    pthread_t t[N];
    int ok[N];
    for (int i = 0; i < N; i++)
        pthread_create(&t[i], NULL, fetch_small, &ok[i]);
    for (int i = 0; i < N; i++) {
        pthread_join(t[i], NULL);
        CHECK(ok[i]);
    }
}

int main(void)
{
    if (net_global_init() != 0 || server_start() != 0) {
        printf("0 passed, 1 failed\n");
        return 1;
    }
    RUN(loopback_refused_without_allow_private);
    RUN(fetched_with_allow_private);
    RUN(size_cap_enforced);
    RUN(timeout_enforced);
    RUN(redirects_are_guarded_hop_by_hop);
    RUN(redirect_limits_and_schemes);
    RUN(error_status_writes_nothing);
    RUN(bad_urls_refused_before_any_connection);
    RUN(post_json_delivers_body_and_headers);
    RUN(post_json_guarded_and_header_injection_refused);
    RUN(concurrent_fetches);
    atomic_store(&stopping, true);
    MHD_stop_daemon(D);
    return check_summary();
}
