/* Streaming form bodies (see form_parser.h). Multipart delimiters are
 * found with a Knuth-Morris-Pratt matcher that carries its state across
 * chunks, so a delimiter split between two TCP reads is found like any
 * other, and bytes that only looked like the start of one are given back
 * as data. */
#include "api/form_parser.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define BOUNDARY_MAX 70
#define DELIM_MAX (BOUNDARY_MAX + 4)

enum mp_state { MP_PREAMBLE, MP_AFTER_DELIM, MP_HEADERS, MP_BODY, MP_EPILOGUE };
enum ue_state { UE_KEY, UE_VALUE };

struct form_parser {
    form_data_fn fn;
    void *cls;
    bool multipart;
    enum form_error err;
    unsigned fields;
    /* multipart */
    enum mp_state mp;
    char delim[DELIM_MAX + 1];    /* "\r\n--" boundary */
    size_t dlen, m;               /* delimiter length, bytes of it matched */
    size_t fail[DELIM_MAX];
    enum mp_state before;         /* MP_AFTER_DELIM: the state the delimiter ended */
    char after[32];               /* MP_AFTER_DELIM: the bytes after it so far */
    size_t nafter;
    char *hdr;                    /* part headers so far */
    size_t hlen;
    /* the current field */
    char name[FORM_NAME_MAX + 1];
    char filename[FORM_NAME_MAX + 1];
    bool has_name, has_filename;
    uint64_t off;
    /* urlencoded */
    enum ue_state ue;
    size_t klen;
    int esc;                      /* percent escape: 0 none, 1 after '%', 2 after one digit */
    int esc_val;
    char esc_first;
};

/* ---- Content-Type and Content-Disposition parameters ---- */

/* Reads the parameter value at *p (a quoted string with backslash escapes,
 * or a token up to ';'), into out (cut at cap). Advances *p. */
static void param_value(const char **p, char *out, size_t cap)
{
    const char *s = *p;
    size_t n = 0;
    if (*s == '"') {
        for (s++; *s && *s != '"'; s++) {
            if (*s == '\\' && s[1])
                s++;
            if (n + 1 < cap)
                out[n++] = *s;
        }
        if (*s == '"')
            s++;
    } else {
        for (; *s && *s != ';'; s++)
            if (n + 1 < cap)
                out[n++] = *s;
        while (n && (out[n - 1] == ' ' || out[n - 1] == '\t'))
            n--;
    }
    out[n] = '\0';
    *p = s;
}

/* Finds parameter key (case-insensitive) in "type; k=v; k2=v2". */
static bool param(const char *header, const char *key, char *out, size_t cap)
{
    const char *s = strchr(header, ';');
    size_t klen = strlen(key);
    while (s && *s) {
        s++;
        while (*s == ' ' || *s == '\t' || *s == ';')
            s++;
        const char *k = s;
        while (*s && *s != '=' && *s != ';')
            s++;
        size_t len = (size_t)(s - k);
        while (len && (k[len - 1] == ' ' || k[len - 1] == '\t'))
            len--;
        if (*s != '=')
            continue;
        s++;
        while (*s == ' ' || *s == '\t')
            s++;
        char v[FORM_NAME_MAX + 1];
        param_value(&s, v, sizeof v);
        if (len == klen && !strncasecmp(k, key, klen)) {
            size_t n = strlen(v) < cap - 1 ? strlen(v) : cap - 1;
            memcpy(out, v, n);
            out[n] = '\0';
            return true;
        }
        s = strchr(s, ';');
    }
    return false;
}

static int hexval(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* RFC 8187 ext-value: charset'lang'percent-encoded; only UTF-8 is taken. */
static bool ext_value(const char *v, char *out, size_t cap)
{
    if (strncasecmp(v, "utf-8'", 6))
        return false;
    const char *s = strchr(v + 6, '\'');
    if (!s)
        return false;
    size_t n = 0;
    for (s++; *s && n + 1 < cap; s++) {
        int a, b;
        if (*s == '%' && (a = hexval(s[1])) >= 0 && (b = hexval(s[2])) >= 0) {
            out[n++] = (char)(a * 16 + b);
            s += 2;
        } else {
            out[n++] = *s;
        }
    }
    out[n] = '\0';
    return true;
}

/* ---- multipart ---- */

static void delim_init(struct form_parser *p, const char *boundary)
{
    p->dlen = (size_t)snprintf(p->delim, sizeof p->delim, "\r\n--%s", boundary);
    p->fail[0] = 0;
    for (size_t i = 1, k = 0; i < p->dlen; i++) {
        while (k && p->delim[i] != p->delim[k])
            k = p->fail[k - 1];
        if (p->delim[i] == p->delim[k])
            k++;
        p->fail[i] = k;
    }
    p->m = 2; /* the body's first line is "--boundary": as if "\r\n" came before it */
}

static bool emit(struct form_parser *p, const char *data, size_t len)
{
    if (p->mp != MP_BODY || !len || !p->has_name)
        return true;
    if (p->fn(p->cls, p->name, p->has_filename ? p->filename : NULL, data, len, p->off)) {
        p->err = FORM_STOPPED;
        return false;
    }
    p->off += len;
    return true;
}

/* Parses the collected part headers and starts the field. */
static bool part_start(struct form_parser *p)
{
    p->hdr[p->hlen] = '\0';
    p->has_name = p->has_filename = false;
    p->off = 0;
    char *line = p->hdr;
    while (line && *line) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r')
            line[n - 1] = '\0';
        if (!strncasecmp(line, "content-disposition:", 20)) {
            char ext[FORM_NAME_MAX + 1];
            p->has_name = param(line, "name", p->name, sizeof p->name);
            p->has_filename = param(line, "filename", p->filename, sizeof p->filename);
            if (param(line, "filename*", ext, sizeof ext) &&
                ext_value(ext, p->filename, sizeof p->filename))
                p->has_filename = true;
        }
        line = next;
    }
    p->hlen = 0;
    p->fields++;
    if (p->has_name && p->fn(p->cls, p->name, p->has_filename ? p->filename : NULL, "", 0, 0)) {
        p->err = FORM_STOPPED;
        return false;
    }
    return true;
}

/* Matches the delimiter over buf (PREAMBLE and BODY). Returns the bytes
 * consumed: all of them, or up to and including a delimiter. */
static size_t scan(struct form_parser *p, const char *buf, size_t len, bool *found)
{
    size_t i = 0;
    *found = false;
    while (i < len) {
        if (p->m == 0) {
            const char *cr = memchr(buf + i, p->delim[0], len - i);
            size_t end = cr ? (size_t)(cr - buf) : len;
            if (!emit(p, buf + i, end - i))
                return len;
            i = end;
            if (!cr)
                break;
            p->m = 1;
            i++;
            continue;
        }
        if (buf[i] == p->delim[p->m]) {
            i++;
            if (++p->m == p->dlen) {
                p->m = 0;
                *found = true;
                return i;
            }
            continue;
        }
        size_t k = p->fail[p->m - 1]; /* delim[0 .. m-k) was data after all */
        if (!emit(p, p->delim, p->m - k))
            return len;
        p->m = k;
    }
    return i;
}

/* A delimiter is a line of its own: "--boundary" then "--" (the last), or
 * spaces and the line end. Anything else means the bytes were content
 * after all (a PDF may contain "--boundaryX"): they go back as data.
 * Returns whether c was consumed. */
static bool after_delim(struct form_parser *p, char c)
{
    bool cr = p->nafter && p->after[p->nafter - 1] == '\r';
    bool dash = p->nafter == 1 && p->after[0] == '-';
    if (dash && c == '-') {
        p->mp = MP_EPILOGUE;
        return true;
    }
    if (c == '\n' && !dash) {
        p->mp = MP_HEADERS;
        return true;
    }
    bool pad = !dash && !cr && (c == ' ' || c == '\t' || c == '\r' || (c == '-' && !p->nafter));
    if (pad && p->nafter < sizeof p->after) {
        p->after[p->nafter++] = c;
        return true;
    }
    p->mp = p->before; /* not a delimiter: content, and c is read again */
    if (p->mp == MP_BODY && emit(p, p->delim, p->dlen))
        emit(p, p->after, p->nafter);
    return false;
}

static enum form_error mp_feed(struct form_parser *p, const char *buf, size_t len)
{
    size_t i = 0;
    while (i < len && !p->err) {
        switch (p->mp) {
        case MP_PREAMBLE:
        case MP_BODY: {
            bool found;
            i += scan(p, buf + i, len - i, &found);
            if (found) {
                p->before = p->mp;
                p->mp = MP_AFTER_DELIM;
                p->nafter = 0;
            }
            break;
        }
        case MP_AFTER_DELIM:
            if (after_delim(p, buf[i]))
                i++;
            break;
        case MP_HEADERS: {
            char c = buf[i++];
            if (p->hlen >= FORM_HEADERS_MAX) {
                p->err = FORM_BAD_PART;
                break;
            }
            p->hdr[p->hlen++] = c;
            bool blank = c == '\n' && (p->hlen == 1 || (p->hlen == 2 && p->hdr[0] == '\r') ||
                                       (p->hlen >= 2 && p->hdr[p->hlen - 2] == '\n') ||
                                       (p->hlen >= 3 && p->hdr[p->hlen - 2] == '\r' && p->hdr[p->hlen - 3] == '\n'));
            if (blank) {
                p->mp = MP_BODY;
                part_start(p);
            }
            break;
        }
        case MP_EPILOGUE:
            return p->err;
        }
    }
    return p->err;
}

/* ---- urlencoded ---- */

static bool ue_emit(struct form_parser *p, const char *data, size_t len)
{
    if (!len)
        return true;
    if (p->fn(p->cls, p->name, NULL, data, len, p->off)) {
        p->err = FORM_STOPPED;
        return false;
    }
    p->off += len;
    return true;
}

static bool ue_field_start(struct form_parser *p)
{
    p->name[p->klen] = '\0';
    p->klen = 0;
    p->off = 0;
    p->fields++;
    if (p->fn(p->cls, p->name, NULL, "", 0, 0)) {
        p->err = FORM_STOPPED;
        return false;
    }
    return true;
}

/* Decodes one byte of a key or a value: -1 while a percent escape is
 * incomplete, else the byte (an invalid escape stands for itself). */
static int ue_decode(struct form_parser *p, char c, char *extra)
{
    *extra = 0;
    if (p->esc == 1) {
        int v = hexval((unsigned char)c);
        if (v < 0) {
            p->esc = 0;
            *extra = c;
            return '%';
        }
        p->esc_val = v;
        p->esc_first = c;
        p->esc = 2;
        return -1;
    }
    if (p->esc == 2) {
        int v = hexval((unsigned char)c);
        p->esc = 0;
        if (v < 0) { /* "%4z": keep the bytes */
            *extra = c;
            return -2;
        }
        return p->esc_val * 16 + v;
    }
    if (c == '%') {
        p->esc = 1;
        return -1;
    }
    return c == '+' ? ' ' : (unsigned char)c;
}

static enum form_error ue_feed(struct form_parser *p, const char *buf, size_t len)
{
    char out[4096];
    size_t o = 0;
    for (size_t i = 0; i < len && !p->err; i++) {
        char c = buf[i];
        if (p->esc == 0 && c == '&') {
            if (p->ue == UE_KEY && p->klen)
                ue_field_start(p);
            else if (p->ue == UE_VALUE && !ue_emit(p, out, o))
                break;
            o = 0;
            p->ue = UE_KEY;
            p->klen = 0;
            continue;
        }
        if (p->ue == UE_KEY && p->esc == 0 && c == '=') {
            ue_field_start(p);
            p->ue = UE_VALUE;
            continue;
        }
        char extra, bytes[3];
        int d = ue_decode(p, c, &extra), n = 0;
        if (d == -1)
            continue;
        if (d == -2) {
            bytes[n++] = '%';
            bytes[n++] = p->esc_first;
        } else {
            bytes[n++] = (char)d;
        }
        if (extra)
            bytes[n++] = extra;
        for (int k = 0; k < n; k++) {
            if (p->ue == UE_KEY) {
                if (p->klen < FORM_NAME_MAX)
                    p->name[p->klen++] = bytes[k];
            } else {
                out[o++] = bytes[k];
                if (o == sizeof out) {
                    if (!ue_emit(p, out, o))
                        return p->err;
                    o = 0;
                }
            }
        }
    }
    if (!p->err && p->ue == UE_VALUE)
        ue_emit(p, out, o);
    return p->err;
}

/* ---- the interface ---- */

struct form_parser *form_parser_new(const char *content_type, form_data_fn fn, void *cls,
                                    enum form_error *err)
{
    *err = FORM_NOT_A_FORM;
    const char *ct = content_type ? content_type : "";
    while (*ct == ' ' || *ct == '\t')
        ct++;
    bool multipart = !strncasecmp(ct, "multipart/form-data", 19);
    if (!multipart && strncasecmp(ct, "application/x-www-form-urlencoded", 33))
        return NULL;
    char boundary[FORM_NAME_MAX + 1] = "";
    if (multipart && (!param(ct, "boundary", boundary, sizeof boundary) || !boundary[0] ||
                      strlen(boundary) > BOUNDARY_MAX))
        return NULL;
    struct form_parser *p = calloc(1, sizeof *p);
    if (!p || (multipart && !(p->hdr = malloc(FORM_HEADERS_MAX + 1)))) {
        free(p);
        return NULL;
    }
    p->fn = fn;
    p->cls = cls;
    p->multipart = multipart;
    if (multipart)
        delim_init(p, boundary);
    *err = FORM_OK;
    return p;
}

enum form_error form_parser_feed(struct form_parser *p, const char *buf, size_t len)
{
    if (p->err)
        return p->err;
    return p->multipart ? mp_feed(p, buf, len) : ue_feed(p, buf, len);
}

enum form_error form_parser_finish(struct form_parser *p)
{
    if (p->err)
        return p->err;
    if (!p->multipart) {
        if (p->ue == UE_KEY && p->klen)
            ue_field_start(p);
        return p->err;
    }
    if (p->mp == MP_EPILOGUE)
        return FORM_OK;
    return p->err = p->mp == MP_PREAMBLE ? FORM_NO_PARTS : FORM_TRUNCATED;
}

unsigned form_parser_fields(const struct form_parser *p)
{
    return p->fields;
}

void form_parser_free(struct form_parser *p)
{
    if (!p)
        return;
    free(p->hdr);
    free(p);
}
