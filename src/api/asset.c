/* Files compiled into the binary (util/embedded.h) served as they are:
 * the hosted journey's and the console's pages, scripts and styles, and
 * what the two share (data/common/: the base stylesheet). */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "util/embedded.h"

enum http_result api_embedded(struct http_resp *resp, const char *path, int status)
{
    const struct embedded_file *f = embedded_find(path);
    if (!f) {
        http_resp_error(resp, 404, "NOT_FOUND", "Not found");
        return HTTP_DONE;
    }
    http_resp_static(resp, status, embedded_content_type(path), f->data, f->len);
    return HTTP_DONE;
}

enum http_result api_asset(struct http_req *req, struct http_resp *resp, const char *dir)
{
    char path[128];
    const char *name = req->params[0];
    if (!name || strchr(name, '/') || name[0] == '.' || strstr(name, ".html")) {
        http_resp_error(resp, 404, "NOT_FOUND", "Not found");
        return HTTP_DONE;
    }
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (!embedded_find(path)) /* what both pages share (data/common/) */
        snprintf(path, sizeof path, "common/%s", name);
    api_embedded(resp, path, 200);
    http_resp_header(resp, "X-Content-Type-Options", "nosniff");
    http_resp_header(resp, "Cache-Control", "no-cache");
    return HTTP_DONE;
}
