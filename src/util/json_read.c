#include "util/json_read.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FAST_MAX_DEPTH 32
#define FAST_MAX_DIGITS 18 /* below 10^18: no overflow of json_int_t */

struct reader {
    const char *p, *end;
    int depth;
};

static json_t *read_value(struct reader *r);

static void skip_space(struct reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
        r->p++;
}

/* Whether the next character is c (after white space); takes it if so. */
static bool take(struct reader *r, char c)
{
    skip_space(r);
    if (r->p < r->end && *r->p == c) {
        r->p++;
        return true;
    }
    return false;
}

static char unescape(char c)
{
    switch (c) {
    case '"': return '"';
    case '\\': return '\\';
    case '/': return '/';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return 0; /* \u and anything else: jansson's */
    }
}

/* A string's text after its opening quote: printable ASCII and simple
 * escapes only. *text points into the input when nothing was escaped,
 * else to *owned (malloc'd, to free). False when the reader gives up. */
static bool read_text(struct reader *r, const char **text, size_t *len, char **owned)
{
    const char *start = r->p;
    size_t escapes = 0;
    for (; r->p < r->end && *r->p != '"'; r->p++) {
        unsigned char c = (unsigned char)*r->p;
        if (c < 0x20 || c >= 0x80)
            return false;
        if (c == '\\') {
            if (++r->p == r->end || !unescape(*r->p))
                return false;
            escapes++;
        }
    }
    if (r->p == r->end)
        return false;
    size_t raw = (size_t)(r->p - start);
    r->p++; /* the closing quote */
    *owned = NULL;
    if (!escapes) {
        *text = start;
        *len = raw;
        return true;
    }
    char *out = malloc(raw - escapes + 1);
    if (!out)
        return false;
    size_t n = 0;
    for (const char *s = start; s < start + raw; s++)
        out[n++] = *s == '\\' ? unescape(*++s) : *s;
    out[n] = '\0';
    *text = *owned = out;
    *len = n;
    return true;
}

static json_t *read_string(struct reader *r)
{
    const char *text;
    size_t len;
    char *owned;
    if (!read_text(r, &text, &len, &owned))
        return NULL;
    json_t *s = json_stringn_nocheck(text, len);
    free(owned);
    return s;
}

/* -?(0|[1-9][0-9]*) of at most FAST_MAX_DIGITS digits, not followed by a
 * fraction or an exponent (reals are jansson's). */
static json_t *read_integer(struct reader *r)
{
    bool negative = r->p < r->end && *r->p == '-';
    if (negative)
        r->p++;
    const char *start = r->p;
    uint64_t v = 0;
    while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
        v = v * 10 + (*r->p++ - '0');
    size_t n = (size_t)(r->p - start);
    if (n == 0 || n > FAST_MAX_DIGITS || (n > 1 && *start == '0'))
        return NULL;
    if (r->p < r->end && (*r->p == '.' || *r->p == 'e' || *r->p == 'E'))
        return NULL;
    return json_integer(negative ? -(json_int_t)v : (json_int_t)v);
}

static json_t *read_word(struct reader *r, const char *word, size_t n, json_t *value)
{
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n))
        return NULL;
    r->p += n;
    return value;
}

static json_t *read_object(struct reader *r)
{
    json_t *obj = json_object();
    if (!obj || take(r, '}'))
        return obj;
    do {
        const char *key;
        size_t len;
        char *owned = NULL;
        if (!take(r, '"') || !read_text(r, &key, &len, &owned))
            goto fail;
        json_t *value = take(r, ':') ? read_value(r) : NULL;
        if (value && json_object_getn(obj, key, len)) { /* a duplicate: jansson's error */
            json_decref(value);
            value = NULL;
        }
        /* the setter owns value from here, failing or not */
        bool set = value && json_object_setn_new_nocheck(obj, key, len, value) == 0;
        free(owned);
        if (!set)
            goto fail;
    } while (take(r, ','));
    if (take(r, '}'))
        return obj;
fail:
    json_decref(obj);
    return NULL;
}

static json_t *read_array(struct reader *r)
{
    json_t *arr = json_array();
    if (!arr || take(r, ']'))
        return arr;
    do {
        json_t *value = read_value(r);
        if (!value || json_array_append_new(arr, value)) {
            json_decref(arr);
            return NULL;
        }
    } while (take(r, ','));
    if (take(r, ']'))
        return arr;
    json_decref(arr);
    return NULL;
}

static json_t *read_value(struct reader *r)
{
    skip_space(r);
    if (r->p == r->end)
        return NULL;
    char c = *r->p;
    if (c == '{' || c == '[') {
        if (r->depth == FAST_MAX_DEPTH)
            return NULL;
        r->p++;
        r->depth++;
        json_t *v = c == '{' ? read_object(r) : read_array(r);
        r->depth--;
        return v;
    }
    if (c == '"') {
        r->p++;
        return read_string(r);
    }
    if (c == '-' || (c >= '0' && c <= '9'))
        return read_integer(r);
    if (c == 't')
        return read_word(r, "true", 4, json_true());
    if (c == 'f')
        return read_word(r, "false", 5, json_false());
    if (c == 'n')
        return read_word(r, "null", 4, json_null());
    return NULL;
}

json_t *json_read_fast(const char *buf, size_t len)
{
    struct reader r = {buf, buf + len, 0};
    skip_space(&r);
    if (r.p == r.end || (*r.p != '{' && *r.p != '[')) /* jansson: only these at the top */
        return NULL;
    json_t *v = read_value(&r);
    skip_space(&r);
    if (v && r.p != r.end) { /* anything after the value is jansson's error */
        json_decref(v);
        return NULL;
    }
    return v;
}

json_t *json_read(const char *buf, size_t len, json_error_t *err)
{
    json_t *v = json_read_fast(buf, len);
    return v ? v : json_loadb(buf, len, JSON_REJECT_DUPLICATES, err);
}
