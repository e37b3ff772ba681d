#include "http/head.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* RFC 9110 token characters. */
static bool tchar(unsigned char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    return c && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

static void refuse(struct head_check *out, int status, const char *code, const char *message)
{
    out->verdict = HEAD_REFUSED;
    out->status = status;
    out->code = code;
    out->message = message;
}

static void bad(struct head_check *out, const char *message)
{
    refuse(out, 400, "INVALID_REQUEST", message);
}

/* The end of the line starting at p (the '\n'), or NULL. */
static const char *line_end(const char *p, const char *end)
{
    return memchr(p, '\n', (size_t)(end - p));
}

/* Line [p, e) without its CR. */
static const char *trim_cr(const char *p, const char *e)
{
    return e > p && e[-1] == '\r' ? e - 1 : e;
}

static bool request_line(const char *p, const char *e, struct head_check *out)
{
    const char *m = p;
    while (m < e && tchar((unsigned char)*m))
        m++;
    if (m == p || m >= e || *m != ' ') {
        bad(out, "Malformed request line.");
        return false;
    }
    const char *t = m + 1, *te = t;
    while (te < e && *te != ' ') {
        unsigned char c = (unsigned char)*te;
        if (c <= 0x20 || c == 0x7f) {
            bad(out, "Malformed request target.");
            return false;
        }
        te++;
    }
    if (te == t || te >= e) {
        bad(out, "Malformed request line.");
        return false;
    }
    out->path = t;
    out->path_len = (size_t)(te - t);
    const char *v = te + 1;
    size_t vlen = (size_t)(e - v);
    if (vlen == 8 && !memcmp(v, "HTTP/1.", 7) && (v[7] == '0' || v[7] == '1'))
        return true;
    if (vlen == 8 && !memcmp(v, "HTTP/", 5) && v[5] >= '0' && v[5] <= '9' && v[6] == '.' && v[7] >= '0' &&
        v[7] <= '9') {
        refuse(out, 505, "HTTP_VERSION_NOT_SUPPORTED", "Only HTTP/1.0 and HTTP/1.1 are supported.");
        return false;
    }
    bad(out, "Malformed HTTP version.");
    return false;
}

struct framing {
    int content_length, transfer_encoding;
    bool te_chunked, cl_bad;
};

static bool header_line(const char *p, const char *e, struct framing *f, struct head_check *out)
{
    if (*p == ' ' || *p == '\t') {
        bad(out, "Folded header lines are not accepted.");
        return false;
    }
    const char *n = p;
    while (n < e && tchar((unsigned char)*n))
        n++;
    if (n == p || n >= e || *n != ':') {
        bad(out, n < e && (*n == ' ' || *n == '\t') ? "Whitespace before a header's colon."
                                                     : "Malformed header line.");
        return false;
    }
    const char *v = n + 1, *ve = e;
    for (const char *q = v; q < e; q++) {
        unsigned char c = (unsigned char)*q;
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
            bad(out, "Control character in a header value.");
            return false;
        }
    }
    while (v < ve && (*v == ' ' || *v == '\t'))
        v++;
    while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
        ve--;
    size_t nlen = (size_t)(n - p), vlen = (size_t)(ve - v);
    if (nlen == 14 && !strncasecmp(p, "Content-Length", 14)) {
        f->content_length++;
        bool digits = vlen > 0 && vlen <= 18;
        for (size_t i = 0; digits && i < vlen; i++)
            digits = v[i] >= '0' && v[i] <= '9';
        f->cl_bad |= !digits;
    } else if (nlen == 17 && !strncasecmp(p, "Transfer-Encoding", 17)) {
        f->transfer_encoding++;
        f->te_chunked = vlen == 7 && !strncasecmp(v, "chunked", 7);
    }
    return true;
}

void http_head_check(const char *buf, size_t len, struct head_check *out)
{
    memset(out, 0, sizeof *out);
    const char *p = buf, *end = buf + len;
    /* Empty lines before the request line are tolerated (RFC 9112 2.2). */
    while (p < end && (*p == '\r' || *p == '\n') && p - buf < 8)
        p++;
    const char *e = line_end(p, end);
    if (!e) {
        if ((size_t)(end - p) > HTTP_HEAD_LINE_MAX)
            refuse(out, 414, "URI_TOO_LONG", "The request line is too long.");
        else
            out->verdict = HEAD_MORE;
        return;
    }
    if ((size_t)(e - p) > HTTP_HEAD_LINE_MAX) {
        refuse(out, 414, "URI_TOO_LONG", "The request line is too long.");
        return;
    }
    if (!request_line(p, trim_cr(p, e), out))
        return;
    struct framing f = {0, 0, false, false};
    for (p = e + 1;; p = e + 1) {
        e = line_end(p, end);
        if (!e || (size_t)(e + 1 - buf) > HTTP_HEAD_MAX) {
            if (!e && len <= HTTP_HEAD_MAX)
                out->verdict = HEAD_MORE;
            else
                refuse(out, 431, "REQUEST_HEADER_FIELDS_TOO_LARGE", "The request's headers are too large.");
            return;
        }
        const char *le = trim_cr(p, e);
        if (le == p)
            break; /* the blank line */
        if (!header_line(p, le, &f, out))
            return;
    }
    if (f.cl_bad) {
        bad(out, "Content-Length is not a number.");
    } else if (f.content_length > 1) {
        bad(out, "More than one Content-Length header.");
    } else if (f.content_length && f.transfer_encoding) {
        bad(out, "Content-Length together with Transfer-Encoding.");
    } else if (f.transfer_encoding > 1 || (f.transfer_encoding && !f.te_chunked)) {
        refuse(out, 501, "NOT_IMPLEMENTED", "Only the chunked transfer coding is supported.");
    } else {
        out->verdict = HEAD_OK;
        out->head_len = (size_t)(e + 1 - buf);
    }
}
