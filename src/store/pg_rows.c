/* Several statements' parameters as one JSON array, for the group commit's
 * one statement per batch (pg_internal.h, struct pg_wkind): the database
 * reads it with json_to_recordset, each parameter as the text it would
 * have been sent as, so the columns convert exactly as the statement's own
 * parameters do. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_internal.h"

static bool grow(struct pg_rows *r, size_t more)
{
    if (r->failed)
        return false;
    if (r->len + more + 1 <= r->cap)
        return true;
    size_t cap = r->cap ? r->cap : 1024;
    while (cap < r->len + more + 1)
        cap *= 2;
    char *t = realloc(r->text, cap);
    if (!t) {
        r->failed = true;
        return false;
    }
    r->text = t;
    r->cap = cap;
    return true;
}

static void put(struct pg_rows *r, const char *s, size_t n)
{
    if (grow(r, n)) {
        memcpy(r->text + r->len, s, n);
        r->len += n;
        r->text[r->len] = '\0';
    }
}

/* A JSON string: quotes, backslashes and control characters escaped; other
 * bytes as they are (the database checks the encoding, as it would the
 * parameter's). */
static void put_string(struct pg_rows *r, const char *v, size_t n)
{
    put(r, "\"", 1);
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)v[i];
        if (ch >= 0x20 && ch != '"' && ch != '\\')
            continue;
        put(r, v + start, i - start);
        char esc[8];
        if (ch == '"' || ch == '\\')
            snprintf(esc, sizeof esc, "\\%c", ch);
        else
            snprintf(esc, sizeof esc, "\\u%04x", ch);
        put(r, esc, strlen(esc));
        start = i + 1;
    }
    put(r, v + start, n - start);
    put(r, "\"", 1);
}

int pg_rows_add(struct pg_rows *r, const struct pg_params *p)
{
    char key[32];
    snprintf(key, sizeof key, "%s{\"n\":%d", r->n ? "," : "[", r->n);
    put(r, key, strlen(key));
    for (int i = 0; i < p->n; i++) {
        if (p->fmt[i] != 0) { /* a binary parameter (bytea) has no text form here */
            r->failed = true;
            break;
        }
        snprintf(key, sizeof key, ",\"p%d\":", i + 1);
        put(r, key, strlen(key));
        if (p->val[i])
            put_string(r, p->val[i], strlen(p->val[i]));
        else
            put(r, "null", 4);
    }
    put(r, "}", 1);
    r->n++;
    return r->failed ? STORE_ERROR : STORE_OK;
}

const char *pg_rows_text(struct pg_rows *r)
{
    put(r, r->n ? "]" : "[]", r->n ? 1 : 2);
    return r->failed ? NULL : r->text;
}

void pg_rows_free(struct pg_rows *r)
{
    free(r->text);
    memset(r, 0, sizeof *r);
}
