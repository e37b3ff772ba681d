/* Handlers that read and compute much (insights, workbooks, long
 * transaction lists, PDF files) run on the report pool, not on an HTTP
 * thread: the request is suspended meanwhile, so eight workbook downloads
 * leave /healthz and everyone else's requests untouched. */
#include <stdlib.h>

#include "api/api.h"

struct offload {
    struct http_req *req;
    struct http_resp *resp;
    http_handler fn;
};

static void offload_run(void *arg)
{
    struct offload *o = arg;
    struct http_req *req = o->req;
    o->fn(req, o->resp); /* a synchronous handler: resp is filled when it returns */
    free(o);
    http_req_resume(req);
}

enum http_result api_offload(struct http_req *req, struct http_resp *resp, http_handler fn)
{
    struct app *app = req->app;
    if (!app->report_pool)
        return fn(req, resp);
    struct offload *o = malloc(sizeof *o);
    if (o) {
        *o = (struct offload){req, resp, fn};
        if (work_pool_submit(app->report_pool, NULL, NULL, offload_run, o) == WORK_QUEUED)
            return HTTP_ASYNC;
        free(o);
    }
    http_resp_error(resp, 503, "SERVICE_UNAVAILABLE", "The server is shutting down");
    return HTTP_DONE;
}
