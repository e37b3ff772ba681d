#include <stdlib.h>

#include "check.h"
#include "http/metrics.h"
#include "http/router.h"

static enum http_result h(struct http_req *req, struct http_resp *resp)
{
    return HTTP_DONE;
}

static const struct route ROUTES[] = {
    ROUTE_GET("/", h),
    ROUTE_GET("/healthz", h),
    ROUTE_POST_JSON("/bank-connect/v1/session/", h),
    ROUTE_GET("/bank-connect/v1/session_data/<id>/progress/", h),
    ROUTE_DELETE("/bank-connect/v1/session_data/<id>/delete/", h),
    ROUTE_GET("/a/<x>/b/<y>", h),
};

static struct router R;

static enum router_result find(enum http_method m, const char *path, const struct route **rt,
                               struct router_params *p, unsigned *allowed)
{
    return router_find(&R, m, path, rt, NULL, p, allowed);
}

TEST(exact_and_trailing_slash)
{
    const struct route *rt;
    struct router_params p;
    CHECK_INT(find(HTTP_GET, "/healthz", &rt, &p, NULL), ROUTER_MATCH);
    CHECK(rt == &ROUTES[1]);
    CHECK_INT(find(HTTP_GET, "/healthz/", &rt, &p, NULL), ROUTER_MATCH);
    CHECK_INT(find(HTTP_POST, "/bank-connect/v1/session", &rt, &p, NULL), ROUTER_MATCH);
    CHECK_INT(find(HTTP_POST, "/bank-connect/v1/session/", &rt, &p, NULL), ROUTER_MATCH);
    CHECK_INT(find(HTTP_GET, "/", &rt, &p, NULL), ROUTER_MATCH);
    CHECK(rt == &ROUTES[0]);
}

TEST(no_partial_matches)
{
    const struct route *rt;
    struct router_params p;
    CHECK_INT(find(HTTP_GET, "/healthzz", &rt, &p, NULL), ROUTER_NOT_FOUND);
    CHECK_INT(find(HTTP_GET, "/health", &rt, &p, NULL), ROUTER_NOT_FOUND);
    CHECK_INT(find(HTTP_GET, "/healthz//", &rt, &p, NULL), ROUTER_NOT_FOUND);
    CHECK_INT(find(HTTP_POST, "/bank-connect/v1/session/x", &rt, &p, NULL), ROUTER_NOT_FOUND);
}

TEST(params_capture_one_segment)
{
    const struct route *rt;
    struct router_params p;
    CHECK_INT(find(HTTP_GET, "/bank-connect/v1/session_data/abc-123/progress", &rt, &p, NULL), ROUTER_MATCH);
    CHECK_INT(p.n, 1);
    CHECK_STR(p.v[0], "abc-123");
    CHECK_INT(find(HTTP_GET, "/bank-connect/v1/session_data//progress/", &rt, &p, NULL), ROUTER_NOT_FOUND);
    CHECK_INT(find(HTTP_GET, "/bank-connect/v1/session_data/a/b/progress/", &rt, &p, NULL), ROUTER_NOT_FOUND);
    CHECK_INT(find(HTTP_GET, "/a/1/b/two", &rt, &p, NULL), ROUTER_MATCH);
    CHECK_INT(p.n, 2);
    CHECK_STR(p.v[0], "1");
    CHECK_STR(p.v[1], "two");
}

TEST(method_mismatch_is_405_with_allowed_methods)
{
    const struct route *rt;
    struct router_params p;
    unsigned allowed = 0;
    CHECK_INT(find(HTTP_GET, "/bank-connect/v1/session/", &rt, &p, &allowed), ROUTER_BAD_METHOD);
    CHECK_INT(allowed, HTTP_POST);
    CHECK_INT(find(HTTP_POST, "/healthz", &rt, &p, &allowed), ROUTER_BAD_METHOD);
    CHECK(allowed & HTTP_GET);
    CHECK_INT(find(HTTP_HEAD, "/healthz", &rt, &p, &allowed), ROUTER_MATCH);
    CHECK_INT(find(HTTP_GET, "/bank-connect/v1/session_data/x/delete", &rt, &p, &allowed), ROUTER_BAD_METHOD);
    CHECK_INT(allowed, HTTP_DELETE);
}

TEST(bad_patterns_rejected)
{
    struct router r;
    router_init(&r);
    static const struct route bad1[] = {ROUTE_GET("no-slash", h)};
    static const struct route bad2[] = {ROUTE_GET("/a<id>/", h)};
    static const struct route bad3[] = {ROUTE_GET("/<a>/<b>/<c>/<d>/<e>", h)};
    CHECK_INT(router_add(&r, bad1, 1), -1);
    CHECK_INT(router_add(&r, bad2, 1), -1);
    CHECK_INT(router_add(&r, bad3, 1), -1);
    CHECK_INT(r.n, 0);
    router_free(&r);
}

TEST(long_param_does_not_overflow)
{
    const struct route *rt;
    struct router_params p;
    char path[2048] = "/bank-connect/v1/session_data/";
    size_t n = strlen(path);
    memset(path + n, 'a', 1000);
    strcpy(path + n + 1000, "/progress/");
    CHECK_INT(find(HTTP_GET, path, &rt, &p, NULL), ROUTER_NOT_FOUND);
}

TEST(metrics_render_counts_by_route_and_status)
{
    struct metrics *m = metrics_new(&R);
    CHECK(m != NULL);
    metrics_record(m, 1, 200, 0.0004);
    metrics_record(m, 1, 200, 0.002);
    metrics_record(m, 2, 401, 0.003);
    metrics_record(m, (size_t)-1, 404, 0.0001);
    metrics_record(m, 2, 299, 0.0001); /* an unusual status lands in its class */
    size_t len;
    char *text = metrics_render(m, &len);
    CHECK(text != NULL);
    CHECK(strstr(text, "passbook_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 2\n"));
    CHECK(strstr(text, "route=\"/bank-connect/v1/session/\",method=\"POST\",status=\"401\"} 1\n"));
    CHECK(strstr(text, "route=\"unmatched\",method=\"any\",status=\"404\"} 1\n"));
    CHECK(strstr(text, "status=\"2xx\"} 1\n"));
    CHECK(strstr(text, "passbook_http_request_duration_seconds_bucket{route=\"/healthz\",method=\"GET\","
                       "status=\"200\",le=\"0.0005\"} 1\n"));
    CHECK(strstr(text, "passbook_http_request_duration_seconds_bucket{route=\"/healthz\",method=\"GET\","
                       "status=\"200\",le=\"0.0025\"} 2\n"));
    CHECK(strstr(text, "passbook_http_request_duration_seconds_count{route=\"/healthz\",method=\"GET\","
                       "status=\"200\"} 2\n"));
    /* every counter sample precedes the histogram family */
    CHECK(strstr(text, "_bucket") > strstr(text, "status=\"2xx\"} 1"));
    free(text);
    metrics_free(m);
}

TEST(error_style_by_prefix)
{
    struct router r;
    router_init(&r);
    CHECK_INT(router_error_style(&r, "/bank-connect/v1/entity/x/"), HTTP_ERRORS_ENVELOPE);
    CHECK_INT(router_add_error_style(&r, "/bank-connect/v1/entity/", HTTP_ERRORS_DRF), 0);
    CHECK_INT(router_error_style(&r, "/bank-connect/v1/entity/x/"), HTTP_ERRORS_DRF);
    CHECK_INT(router_error_style(&r, "/bank-connect/v1/entity/"), HTTP_ERRORS_DRF);
    CHECK_INT(router_error_style(&r, "/bank-connect/v1/session/"), HTTP_ERRORS_ENVELOPE);
    struct http_resp resp = {0};
    resp.error_style = HTTP_ERRORS_DRF;
    http_resp_error(&resp, 404, "NOT_FOUND", "Not %s.", "found");
    CHECK_STR(resp.body, "{\"detail\":\"Not found.\"}");
    CHECK_STR(resp.error_code, "NOT_FOUND");
    http_resp_reset(&resp);
    CHECK_INT(resp.error_style, HTTP_ERRORS_DRF); /* the style outlives a reset */
    resp.error_style = HTTP_ERRORS_ENVELOPE;
    http_resp_error(&resp, 404, "NOT_FOUND", "Not found.");
    CHECK_STR(resp.body, "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Not found.\"}}");
    http_resp_reset(&resp);
    router_free(&r);
}

int main(void)
{
    router_init(&R);
    CHECK(router_add(&R, ROUTES, sizeof ROUTES / sizeof ROUTES[0]) == 0);
    RUN(exact_and_trailing_slash);
    RUN(no_partial_matches);
    RUN(params_capture_one_segment);
    RUN(method_mismatch_is_405_with_allowed_methods);
    RUN(bad_patterns_rejected);
    RUN(long_param_does_not_overflow);
    RUN(metrics_render_counts_by_route_and_status);
    RUN(error_style_by_prefix);
    router_free(&R);
    return check_summary();
}
