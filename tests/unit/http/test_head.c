/* The gate's head check: what a strict HTTP/1.1 server refuses, and that
 * a head split anywhere is only judged once it is complete. */
#include "check.h"
#include "http/head.h"

#include <stdlib.h>

static struct head_check check_str(const char *s)
{
    struct head_check h;
    http_head_check(s, strlen(s), &h);
    return h;
}

TEST(good_heads_pass_with_their_length_and_path)
{
    const char *req = "POST /bank-connect/v1/session/?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n{}";
    struct head_check h = check_str(req);
    CHECK_INT(h.verdict, HEAD_OK);
    CHECK_INT(h.head_len, strlen(req) - 2);
    CHECK_INT(h.path_len, strlen("/bank-connect/v1/session/?x=1"));
    CHECK(!strncmp(h.path, "/bank-connect/v1/session/", 25));
    CHECK_INT(check_str("GET / HTTP/1.0\n\n").verdict, HEAD_OK);          /* bare LF */
    CHECK_INT(check_str("\r\nGET / HTTP/1.1\r\nA: b\r\n\r\n").verdict, HEAD_OK); /* a stray CRLF first */
    CHECK_INT(check_str("POST /u HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").verdict, HEAD_OK);
    CHECK_INT(check_str("GET / HTTP/1.1\r\nX-Empty:\r\n\r\n").verdict, HEAD_OK);
}

TEST(incomplete_heads_wait_whatever_the_split)
{
    const char *req = "GET /healthz HTTP/1.1\r\nHost: a\r\nX-Long: aaaaaaaaaaaa\r\n\r\n";
    size_t n = strlen(req);
    for (size_t i = 0; i < n; i++) {
        struct head_check h;
        http_head_check(req, i, &h);
        if (h.verdict != HEAD_MORE) {
            fprintf(stderr, "  split at %zu: verdict %d\n", i, h.verdict);
            CHECK(0);
        }
    }
}

TEST(malformed_heads_are_refused_with_their_status)
{
    static const struct {
        const char *req;
        int status;
    } T[] = {
        {"GARBAGE\r\n\r\n", 400},
        {"GET /\r\n\r\n", 400},
        {"GET  / HTTP/1.1\r\n\r\n", 400},
        {"GET / HTTP/2.0\r\n\r\n", 505},
        {"GET / HTTP/1.1x\r\n\r\n", 400},
        {"GET /a\x01 HTTP/1.1\r\n\r\n", 400},
        {"GET / HTTP/1.1\r\nNoColon\r\n\r\n", 400},
        {"GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400},
        {"GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n", 400},
        {"GET / HTTP/1.1\r\nA: b\x7f\r\n\r\n", 400},
        {"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400},
        {"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n", 400},
        {"POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", 400},
        {"POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400},
        {"POST / HTTP/1.1\r\nContent-Length: 1 2\r\n\r\n", 400},
        {"POST / HTTP/1.1\r\nContent-Length: 9999999999999999999\r\n\r\n", 400},
        {"POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 501},
        {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", 501},
    };
    for (size_t i = 0; i < sizeof T / sizeof T[0]; i++) {
        struct head_check h = check_str(T[i].req);
        if (h.verdict != HEAD_REFUSED || h.status != T[i].status) {
            fprintf(stderr, "  case %zu: verdict %d status %d\n", i, h.verdict, h.status);
            CHECK(0);
        }
        CHECK(h.code && h.message);
    }
}

TEST(limits_are_refused_before_the_head_ends)
{
    size_t n = 100000;
    char *big = malloc(n + 64);
    memcpy(big, "GET /", 5);
    memset(big + 5, 'a', n);
    struct head_check h;
    http_head_check(big, n, &h); /* no line end yet: a request line this long is refused now */
    CHECK_INT(h.verdict, HEAD_REFUSED);
    CHECK_INT(h.status, 414);
    int k = snprintf(big, n, "GET / HTTP/1.1\r\nX-Big: ");
    memset(big + k, 'b', n - (size_t)k);
    http_head_check(big, n, &h);
    CHECK_INT(h.verdict, HEAD_REFUSED);
    CHECK_INT(h.status, 431);
    CHECK_INT(h.path_len, 1);
    free(big);
}

int main(void)
{
    RUN(good_heads_pass_with_their_length_and_path);
    RUN(incomplete_heads_wait_whatever_the_split);
    RUN(malformed_heads_are_refused_with_their_status);
    RUN(limits_are_refused_before_the_head_ends);
    return check_summary();
}
