/* The request head (request line and headers) checked before
 * libmicrohttpd reads it: what a strict HTTP/1.1 server refuses, with the
 * status and code the client gets in JSON. A pure function over bytes, so
 * it is fuzzed (tests/fuzz/fuzz_http_front.c).
 *
 * Refused: a request line over HTTP_HEAD_LINE_MAX (414) or a head over
 * HTTP_HEAD_MAX (431); a malformed request line, method or target, a
 * header line without a name and colon, a space before the colon, a
 * folded line, control characters (400); a version other than HTTP/1.0
 * and HTTP/1.1 (505); a Content-Length that is not a number, or more than
 * one, or one with Transfer-Encoding (400: a proxy in front could frame
 * the body differently); a transfer coding other than "chunked" (501).
 * Lines may end in CRLF or a bare LF. */
#ifndef PB_HTTP_HEAD_H
#define PB_HTTP_HEAD_H

#include <stddef.h>

#define HTTP_HEAD_MAX (16u * 1024)
#define HTTP_HEAD_LINE_MAX (8u * 1024)

enum head_verdict { HEAD_MORE, HEAD_OK, HEAD_REFUSED };

struct head_check {
    enum head_verdict verdict;
    size_t head_len;       /* HEAD_OK: bytes up to and including the blank line */
    const char *path;      /* the request target when the request line was read (not terminated) */
    size_t path_len;
    int status;            /* HEAD_REFUSED: 400, 414, 431, 501, 505 */
    const char *code;      /* "INVALID_REQUEST", ... */
    const char *message;
};

/* Checks the first len bytes received on a connection. HEAD_MORE: the
 * head is not complete yet (and not over a limit). */
void http_head_check(const char *buf, size_t len, struct head_check *out);

#endif
