/* Liveness and metrics: GET /healthz, GET /metrics (Prometheus text). */
#include <stdlib.h>

#include "api/api.h"
#include "http/server.h"

static enum http_result healthz(struct http_req *req, struct http_resp *resp)
{
    static const char OK[] = "{\"status\":\"ok\"}";
    http_resp_static(resp, 200, "application/json", OK, sizeof OK - 1);
    return HTTP_DONE;
}

static enum http_result metrics(struct http_req *req, struct http_resp *resp)
{
    size_t len = 0;
    char *text = http_server_metrics(http_req_server(req), &len);
    if (!text) {
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
        return HTTP_DONE;
    }
    http_resp_take(resp, 200, "text/plain; version=0.0.4; charset=utf-8", text, len);
    return HTTP_DONE;
}

const struct route HEALTH_ROUTES[] = {
    ROUTE_GET("/healthz", healthz),
    ROUTE_GET("/metrics", metrics),
};
const size_t HEALTH_NROUTES = sizeof HEALTH_ROUTES / sizeof HEALTH_ROUTES[0];
