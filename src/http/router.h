/* The route table: matches a method and a path against route patterns.
 * A pattern is a path whose segments are literals or "<name>" (one path
 * segment, non-empty). A trailing slash is optional on both sides, so
 * "/v1/banks/catalogue" matches "/v1/banks/catalogue/". */
#ifndef PB_HTTP_ROUTER_H
#define PB_HTTP_ROUTER_H

#include <stddef.h>

#include "http/http.h"

#define ROUTER_MAX_STYLES 8

struct router {
    const struct route **routes; /* pointers into the callers' static tables */
    size_t n, cap;
    struct {
        const char *prefix;      /* static string */
        enum http_error_style style;
    } styles[ROUTER_MAX_STYLES];
    size_t nstyles;
};

enum router_result { ROUTER_MATCH, ROUTER_NOT_FOUND, ROUTER_BAD_METHOD };

/* A route's captured parameters, copied into buf. */
struct router_params {
    const char *v[HTTP_MAX_PARAMS];
    int n;
    char buf[512];
};

void router_init(struct router *r);
void router_free(struct router *r);
/* Adds n routes (the table must outlive the router). Returns 0, or -1 on
 * a malformed pattern or out of memory. */
int router_add(struct router *r, const struct route *routes, size_t n);

/* Paths starting with prefix answer errors in style (matched or not, so
 * the server's own 404/405 follow it). Returns 0, or -1 when full. */
int router_add_error_style(struct router *r, const char *prefix, enum http_error_style style);
/* The error style of path: the first matching prefix's, else the envelope. */
enum http_error_style router_error_style(const struct router *r, const char *path);

/* Finds the route for method + path. On ROUTER_MATCH sets *out and params
 * (and *index, the route's position, used by metrics). On
 * ROUTER_BAD_METHOD sets *allowed to the mask of methods the path has. */
enum router_result router_find(const struct router *r, enum http_method method, const char *path,
                               const struct route **out, size_t *index,
                               struct router_params *params, unsigned *allowed);

#endif
