/* Liveness, readiness, metrics and the API's description: GET /healthz
 * (the process answers; it touches no database, so a load balancer's
 * probe costs nothing and a slow database never makes a node look dead),
 * GET /readyz (the store answers a read: send traffic here), GET /metrics
 * (Prometheus text), GET /openapi.json (data/openapi.json, embedded). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "extract/extract.h"
#include "http/server.h"
#include "util/embedded.h"
#include "util/stats.h"

static enum http_result healthz(struct http_req *req, struct http_resp *resp)
{
    static const char OK[] = "{\"status\":\"ok\"}";
    http_resp_static(resp, 200, "application/json", OK, sizeof OK - 1);
    return HTTP_DONE;
}

static enum http_result readyz(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    if (app->store->ops->ping(app->store) != STORE_OK) {
        http_resp_error(resp, 503, "NOT_READY", "The database does not answer");
        return HTTP_DONE;
    }
    static const char OK[] = "{\"status\":\"ready\"}";
    http_resp_static(resp, 200, "application/json", OK, sizeof OK - 1);
    return HTTP_DONE;
}

/* The store's counters in Prometheus text (malloc'd). */
static char *store_metrics(struct store *st)
{
    struct store_stats ss;
    STORE_CALL(st, stats, &ss);
    char *out = NULL;
    if (asprintf(&out,
                 "# HELP passbook_store_commits_total Write transactions committed.\n"
                 "# TYPE passbook_store_commits_total counter\n"
                 "passbook_store_commits_total %llu\n"
                 "# HELP passbook_store_writes_total Write operations (e.g. session creates) committed.\n"
                 "# TYPE passbook_store_writes_total counter\n"
                 "passbook_store_writes_total %llu\n"
                 "# HELP passbook_store_statements_total Statements those writes went to the database as "
                 "(fewer than writes when several shared one).\n"
                 "# TYPE passbook_store_statements_total counter\n"
                 "passbook_store_statements_total %llu\n"
                 "# HELP passbook_store_syncs_total Durability syncs of the write-ahead log.\n"
                 "# TYPE passbook_store_syncs_total counter\n"
                 "passbook_store_syncs_total %llu\n"
                 "# HELP passbook_store_sync_seconds_total Time spent in those syncs.\n"
                 "# TYPE passbook_store_sync_seconds_total counter\n"
                 "passbook_store_sync_seconds_total %.6f\n",
                 (unsigned long long)ss.commits, (unsigned long long)ss.writes, (unsigned long long)ss.statements,
                 (unsigned long long)ss.syncs, ss.sync_seconds) < 0)
        return NULL;
    return out;
}

/* The job queue as the store holds it (shared by every node). */
static char *job_metrics(struct store *st)
{
    int64_t queued = 0, running = 0, failed = 0;
    STORE_CALL(st, job_counts, &queued, &running, &failed);
    char *out = NULL;
    if (asprintf(&out,
                 "# HELP passbook_jobs Background jobs in the store's queue, by state (failed: given up).\n"
                 "# TYPE passbook_jobs gauge\n"
                 "passbook_jobs{state=\"queued\"} %lld\npassbook_jobs{state=\"running\"} %lld\n"
                 "passbook_jobs{state=\"failed\"} %lld\n",
                 (long long)queued, (long long)running, (long long)failed) < 0)
        return NULL;
    return out;
}

/* The upload pools and extraction memory (issue 11), malloc'd. */
static char *upload_metrics(struct app *app)
{
    struct work_stats in = {0}, fe = {0};
    if (app->ingest_pool)
        work_pool_stats(app->ingest_pool, &in);
    if (app->fetch_pool)
        work_pool_stats(app->fetch_pool, &fe);
    char *out = NULL;
    if (asprintf(&out,
                 "# HELP passbook_ingest_running Uploads being read (extraction, storage).\n"
                 "# TYPE passbook_ingest_running gauge\n"
                 "passbook_ingest_running %zu\n"
                 "# HELP passbook_ingest_queued Uploads waiting for an extraction thread or their limits.\n"
                 "# TYPE passbook_ingest_queued gauge\n"
                 "passbook_ingest_queued %zu\n"
                 "# HELP passbook_fetch_running file_url downloads running.\n"
                 "# TYPE passbook_fetch_running gauge\n"
                 "passbook_fetch_running %zu\n"
                 "# HELP passbook_fetch_queued file_url downloads waiting.\n"
                 "# TYPE passbook_fetch_queued gauge\n"
                 "passbook_fetch_queued %zu\n"
                 "# HELP passbook_uploads_refused_total Uploads answered 503 because a queue was full.\n"
                 "# TYPE passbook_uploads_refused_total counter\n"
                 "passbook_uploads_refused_total %llu\n"
                 "# HELP passbook_extract_memory_bytes Memory all extractions hold now.\n"
                 "# TYPE passbook_extract_memory_bytes gauge\n"
                 "passbook_extract_memory_bytes %zu\n",
                 in.running, in.queued, fe.running, fe.queued, in.refused + fe.refused, extract_memory_in_use()) < 0)
        return NULL;
    return out;
}

static enum http_result metrics(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    size_t len = 0;
    char *http = http_server_metrics(http_req_server(req), &len);
    char *store = store_metrics(app->store);
    char *jobs = job_metrics(app->store);
    char *uploads = upload_metrics(app);
    char *work = stats_render();
    char *text = NULL;
    if (!http || !store || !jobs || !uploads || !work ||
        asprintf(&text, "%s%s%s%s%s", http, store, jobs, uploads, work) < 0)
        text = NULL;
    free(http);
    free(store);
    free(jobs);
    free(uploads);
    free(work);
    if (!text) {
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
        return HTTP_DONE;
    }
    http_resp_take(resp, 200, "text/plain; version=0.0.4; charset=utf-8", text, strlen(text));
    return HTTP_DONE;
}

/* The OpenAPI 3.1 document of every route (tests keep it true: tests/api/openapi_check.py). */
static enum http_result openapi(struct http_req *req, struct http_resp *resp)
{
    const struct embedded_file *f = embedded_find("openapi.json");
    if (!f) {
        http_resp_error(resp, 404, "NOT_FOUND", "Not found.");
        return HTTP_DONE;
    }
    http_resp_static(resp, 200, "application/json", f->data, f->len);
    return HTTP_DONE;
}

const struct route HEALTH_ROUTES[] = {
    ROUTE_GET("/healthz", healthz),
    ROUTE_GET("/readyz", readyz),
    ROUTE_GET("/metrics", metrics),
    ROUTE_GET("/openapi.json", openapi),
};
const size_t HEALTH_NROUTES = sizeof HEALTH_ROUTES / sizeof HEALTH_ROUTES[0];
