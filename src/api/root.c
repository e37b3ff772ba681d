/* GET /: the target of every redirect_url. A plain page until the hosted
 * journey (issue 7) replaces this route. */
#include "api/api.h"

static const char PAGE[] =
    "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    "<title>Passbook</title></head>\n<body><main><h1>Passbook</h1>"
    "<p>This is where a customer will share their bank statements. The upload page is not "
    "available on this server yet.</p></main></body></html>\n";

static enum http_result root(struct http_req *req, struct http_resp *resp)
{
    http_resp_static(resp, 200, "text/html; charset=utf-8", PAGE, sizeof PAGE - 1);
    http_resp_header(resp, "Cache-Control", "no-store");
    return HTTP_DONE;
}

const struct route ROOT_ROUTES[] = {
    ROUTE_GET("/", root),
};
const size_t ROOT_NROUTES = sizeof ROOT_ROUTES / sizeof ROOT_ROUTES[0];
