/* libFuzzer harness: the HTTP front's own parsing, before libmicrohttpd
 * sees anything: the request head check (http_head_check), routing of the
 * target it accepted, and the JSON error body in the path's style.
 *
 * Properties besides "no crash": a head the check accepts was never
 * refused on any shorter prefix (bytes arriving one by one cannot be
 * judged differently from the whole), its length is within the input and
 * ends in a blank line, and every error body is valid JSON. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/head.h"
#include "http/router.h"

static enum http_result nop(struct http_req *req, struct http_resp *resp)
{
    (void)req;
    (void)resp;
    return HTTP_DONE;
}

static const struct route ROUTES[] = {
    ROUTE_GET("/healthz", nop),
    ROUTE_POST_JSON("/bank-connect/v1/session/", nop),
    ROUTE_GET("/bank-connect/v1/session_data/<id>/progress/", nop),
    ROUTE_GET("/bank-connect/v1/session_data/<id>/accounts/<acct>/xlsx_report/", nop),
    ROUTE_POST("/bank-connect/v1/statement/upload_session/", nop),
    ROUTE_GET("/journey/<file>", nop),
    ROUTE_GET("/", nop),
};

static struct router router;

static void check_body(enum http_error_style style, const char *code, const char *msg)
{
    char *body = http_error_body(style, code, msg);
    if (!body)
        return;
    json_error_t e;
    json_t *j = json_loads(body, 0, &e);
    if (!j)
        abort(); /* an error body that is not JSON */
    json_decref(j);
    free(body);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!router.n) {
        router_init(&router);
        router_add(&router, ROUTES, sizeof ROUTES / sizeof ROUTES[0]);
        router_add_error_style(&router, "/bank-connect/v1/entity/", HTTP_ERRORS_DRF);
        router_add_error_style(&router, "/bank-connect/v1/statement/upload_session/", HTTP_ERRORS_UPLOAD);
    }
    const char *buf = (const char *)data;
    struct head_check h;
    http_head_check(buf, size, &h);
    char path[512] = "/";
    if (h.path && h.path_len < sizeof path) {
        memcpy(path, h.path, h.path_len);
        path[h.path_len] = '\0';
    }
    enum http_error_style style = router_error_style(&router, path);
    if (h.verdict == HEAD_REFUSED) {
        check_body(style, h.code, h.message);
        return 0;
    }
    if (h.verdict != HEAD_OK)
        return 0;
    if (h.head_len > size || h.head_len < 2 || buf[h.head_len - 1] != '\n')
        abort();
    for (size_t n = 0; n < h.head_len; n += 1 + n / 8) {
        struct head_check p;
        http_head_check(buf, n, &p);
        if (p.verdict == HEAD_REFUSED)
            abort(); /* refused a prefix of a head it accepts */
    }
    char *q = strchr(path, '?');
    if (q)
        *q = '\0';
    const struct route *rt = NULL;
    size_t index;
    struct router_params params;
    unsigned allowed = 0;
    enum http_method methods[] = {HTTP_GET, HTTP_POST, HTTP_DELETE, HTTP_OTHER};
    for (size_t i = 0; i < 4; i++)
        if (router_find(&router, methods[i], path, &rt, &index, &params, &allowed) == ROUTER_MATCH)
            for (int k = 0; k < params.n; k++)
                if (!params.v[k][0] || strchr(params.v[k], '/'))
                    abort(); /* a captured segment must be one non-empty segment */
    check_body(style, "NOT_FOUND", path); /* messages quote client bytes */
    return 0;
}
