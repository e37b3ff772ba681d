#include "util/json_text.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

#define JSON_TEXT_MAX_DEPTH 2048

struct out {
    char *p;
    size_t n, cap;
    bool failed;
};

static bool reserve(struct out *o, size_t more)
{
    if (o->failed)
        return false;
    if (o->n + more + 1 <= o->cap)
        return true;
    size_t cap = o->cap ? o->cap : 4096;
    while (cap < o->n + more + 1)
        cap *= 2;
    char *p = realloc(o->p, cap);
    if (!p) {
        o->failed = true;
        return false;
    }
    o->p = p;
    o->cap = cap;
    return true;
}

static void put(struct out *o, const char *s, size_t len)
{
    if (len && reserve(o, len)) {
        memcpy(o->p + o->n, s, len);
        o->n += len;
    }
}

static void put_char(struct out *o, char c)
{
    if (reserve(o, 1))
        o->p[o->n++] = c;
}

/* Escapes as jansson does without JSON_ENSURE_ASCII / JSON_ESCAPE_SLASH:
 * '"', '\\' and control characters; other UTF-8 passes as is; invalid
 * UTF-8 fails the whole text (json_dumps returns NULL then too). */
static void put_string(struct out *o, const char *s, size_t len)
{
    put_char(o, '"');
    size_t run = 0, i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0x80) {
            size_t k = utf8_seq_len((const unsigned char *)s + i, len - i);
            if (!k) {
                o->failed = true;
                return;
            }
            i += k;
            continue;
        }
        put(o, s + run, i - run);
        char esc[8];
        switch (c) {
        case '"': put(o, "\\\"", 2); break;
        case '\\': put(o, "\\\\", 2); break;
        case '\b': put(o, "\\b", 2); break;
        case '\f': put(o, "\\f", 2); break;
        case '\n': put(o, "\\n", 2); break;
        case '\r': put(o, "\\r", 2); break;
        case '\t': put(o, "\\t", 2); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04X", c);
            put(o, esc, 6);
        }
        run = ++i;
    }
    put(o, s + run, len - run);
    put_char(o, '"');
}

/* Decimal digits of v (>= 0) ending at end; returns the first digit. */
static char *digits(uint64_t v, char *end)
{
    do {
        *--end = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return end;
}

static void put_integer(struct out *o, json_int_t v)
{
    char buf[24], *end = buf + sizeof buf;
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    char *p = digits(mag, end);
    if (v < 0)
        *--p = '-';
    put(o, p, (size_t)(end - p));
}

/* A whole number of paise below 10^15 (13 rupee digits): printed with 15
 * significant digits, the nearest double to k/100 reads back as exactly
 * k/100, so the text is k/100's own decimals. Returns false for other
 * values (the general path prints them). */
static bool put_money(struct out *o, double v)
{
    if (!(fabs(v) < 1e13) || v == 0)
        return false;
    double scaled = v * 100;
    double k = nearbyint(scaled);
    if (k / 100 != v)
        return false;
    uint64_t mag = (uint64_t)fabs(k);
    unsigned cents = (unsigned)(mag % 100);
    char buf[32], *end = buf + sizeof buf, *p = end;
    if (cents % 10)
        *--p = (char)('0' + cents % 10);
    if (cents / 10 || p != end || !cents) /* "x.05", "x.5", "x.0" */
        *--p = (char)('0' + cents / 10);
    *--p = '.';
    p = digits(mag / 100, p);
    if (k < 0)
        *--p = '-';
    put(o, p, (size_t)(end - p));
    return true;
}

/* jansson's jsonp_dtostr with precision 15 (the "C" numeric locale). */
static void put_real(struct out *o, double v)
{
    if (!isfinite(v)) {
        o->failed = true;
        return;
    }
    if (put_money(o, v))
        return;
    char buf[64];
    int len = snprintf(buf, sizeof buf, "%.15g", v);
    if (len < 0 || (size_t)len >= sizeof buf - 3) {
        o->failed = true;
        return;
    }
    if (!strchr(buf, '.') && !strchr(buf, 'e')) {
        memcpy(buf + len, ".0", 3);
        len += 2;
    }
    char *e = strchr(buf, 'e');
    if (e) { /* "1e+20" -> "1e20", "1e-07" -> "1e-7" */
        char *start = e + 1, *end = start + 1;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, (size_t)(buf + len + 1 - end));
            len -= (int)(end - start);
        }
    }
    put(o, buf, (size_t)len);
}

static void put_value(struct out *o, const json_t *j, int depth)
{
    if (o->failed)
        return;
    if (depth > JSON_TEXT_MAX_DEPTH) {
        o->failed = true;
        return;
    }
    switch (json_typeof(j)) {
    case JSON_OBJECT: {
        put_char(o, '{');
        json_t *obj = (json_t *)j;
        for (void *it = json_object_iter(obj); it; it = json_object_iter_next(obj, it)) {
            if (it != json_object_iter(obj))
                put_char(o, ',');
            put_string(o, json_object_iter_key(it), json_object_iter_key_len(it));
            put_char(o, ':');
            put_value(o, json_object_iter_value(it), depth + 1);
        }
        put_char(o, '}');
        break;
    }
    case JSON_ARRAY: {
        put_char(o, '[');
        for (size_t i = 0, n = json_array_size(j); i < n; i++) {
            if (i)
                put_char(o, ',');
            put_value(o, json_array_get(j, i), depth + 1);
        }
        put_char(o, ']');
        break;
    }
    case JSON_STRING:
        put_string(o, json_string_value(j), json_string_length(j));
        break;
    case JSON_INTEGER:
        put_integer(o, json_integer_value(j));
        break;
    case JSON_REAL:
        put_real(o, json_real_value(j));
        break;
    case JSON_TRUE:
        put(o, "true", 4);
        break;
    case JSON_FALSE:
        put(o, "false", 5);
        break;
    case JSON_NULL:
        put(o, "null", 4);
        break;
    }
}

/* The text written into o, NUL-terminated, its length in *len; NULL
 * (and o's buffer freed) when writing failed. */
static char *finish(struct out *o, size_t *len)
{
    if (o->failed || !reserve(o, 0)) {
        free(o->p);
        return NULL;
    }
    o->p[o->n] = '\0';
    if (len)
        *len = o->n;
    return o->p;
}

char *json_text(const json_t *j, size_t *len)
{
    if (!json_is_object(j) && !json_is_array(j))
        return NULL;
    struct out o = {0};
    put_value(&o, j, 0);
    return finish(&o, len);
}

char *json_text_strings(const char *const *members, size_t n, size_t *len)
{
    struct out o = {0};
    size_t need = 3; /* braces and the NUL; then quotes, colon and comma per member */
    for (size_t i = 0; i < 2 * n; i++)
        need += strlen(members[i]) + 3;
    if (!(o.p = malloc(need))) /* sized once: escapes, if any, grow it */
        return NULL;
    o.cap = need;
    put_char(&o, '{');
    for (size_t i = 0; i < n; i++) {
        if (i)
            put_char(&o, ',');
        put_string(&o, members[2 * i], strlen(members[2 * i]));
        put_char(&o, ':');
        put_string(&o, members[2 * i + 1], strlen(members[2 * i + 1]));
    }
    put_char(&o, '}');
    return finish(&o, len);
}
