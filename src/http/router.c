#include "http/router.h"

#include <stdlib.h>
#include <string.h>

void router_init(struct router *r)
{
    memset(r, 0, sizeof *r);
}

void router_free(struct router *r)
{
    free(r->routes);
    memset(r, 0, sizeof *r);
}

static int pattern_valid(const char *p)
{
    if (p[0] != '/')
        return 0;
    int params = 0;
    for (const char *s = p; *s; s++)
        if (*s == '<') {
            const char *e = strchr(s, '>');
            if (!e || s[-1] != '/' || (e[1] != '/' && e[1] != '\0'))
                return 0;
            params++;
        }
    return params <= HTTP_MAX_PARAMS;
}

int router_add(struct router *r, const struct route *routes, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!pattern_valid(routes[i].pattern))
            return -1;
    if (r->n + n > r->cap) {
        size_t cap = (r->n + n) * 2;
        const struct route **p = realloc(r->routes, cap * sizeof *p);
        if (!p)
            return -1;
        r->routes = p;
        r->cap = cap;
    }
    for (size_t i = 0; i < n; i++)
        r->routes[r->n++] = &routes[i];
    return 0;
}

int router_add_error_style(struct router *r, const char *prefix, enum http_error_style style)
{
    if (r->nstyles >= ROUTER_MAX_STYLES)
        return -1;
    r->styles[r->nstyles].prefix = prefix;
    r->styles[r->nstyles].style = style;
    r->nstyles++;
    return 0;
}

enum http_error_style router_error_style(const struct router *r, const char *path)
{
    for (size_t i = 0; i < r->nstyles; i++)
        if (!strncmp(path, r->styles[i].prefix, strlen(r->styles[i].prefix)))
            return r->styles[i].style;
    return HTTP_ERRORS_ENVELOPE;
}

/* Length of s without one trailing slash (but "/" stays "/"). */
static size_t trimmed_len(const char *s)
{
    size_t n = strlen(s);
    return n > 1 && s[n - 1] == '/' ? n - 1 : n;
}

/* Matches path (length plen) against pattern; captures into params. */
static int path_match(const char *pat, const char *path, size_t plen, struct router_params *params)
{
    size_t patlen = trimmed_len(pat), i = 0, j = 0, used = 0;
    params->n = 0;
    while (i < patlen && j < plen) {
        if (pat[i] == '<') {
            const char *close = strchr(pat + i, '>');
            size_t seg = j;
            while (seg < plen && path[seg] != '/')
                seg++;
            if (seg == j || used + (seg - j) + 1 > sizeof params->buf)
                return 0;
            memcpy(params->buf + used, path + j, seg - j);
            params->buf[used + (seg - j)] = '\0';
            params->v[params->n++] = params->buf + used;
            used += seg - j + 1;
            i = (size_t)(close - pat) + 1;
            j = seg;
            continue;
        }
        if (pat[i] != path[j])
            return 0;
        i++;
        j++;
    }
    return i == patlen && j == plen;
}

enum router_result router_find(const struct router *r, enum http_method method, const char *path,
                               const struct route **out, size_t *index,
                               struct router_params *params, unsigned *allowed)
{
    size_t plen = trimmed_len(path);
    unsigned mask = 0;
    struct router_params tmp;
    for (size_t i = 0; i < r->n; i++) {
        const struct route *rt = r->routes[i];
        if (!path_match(rt->pattern, path, plen, &tmp))
            continue;
        unsigned m = rt->method == HTTP_GET ? (HTTP_GET | HTTP_HEAD) : rt->method;
        if (m & method) {
            *out = rt;
            if (index)
                *index = i;
            *params = tmp;
            for (int k = 0; k < params->n; k++) /* re-point into the caller's copy */
                params->v[k] = params->buf + (tmp.v[k] - tmp.buf);
            return ROUTER_MATCH;
        }
        mask |= m;
    }
    if (allowed)
        *allowed = mask;
    return mask ? ROUTER_BAD_METHOD : ROUTER_NOT_FOUND;
}
