/* The hosted page's Account Aggregator path (docs/journey.md, docs/aa.md):
 *
 *   POST /journey/v1/aa/start   {mobile_number, bank} -> {url}: the consent
 *                               request, and where the browser goes next
 *   GET  /journey/v1/aa/status  where the consent stands, the statements so far
 *   GET  /journey/aa/return     the AA sends the customer back here
 *                               (fi, resdate, ecres); on to the page
 *
 * Authorised like the rest of the journey API (the journey token); the
 * return is authorised by the AA's encrypted answer, which names the
 * consent's opaque state. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/journey_int.h"
#include "core/bank.h"
#include "jobs/pool.h"
#include "util/log.h"

#define RL_SESSION_AA_START 20

/* A mobile number as people type it: spaces, dashes, +91 or a leading 0
 * allowed; 10 digits starting 6-9 kept in out. 0 / -1. */
static int mobile_clean(const char *in, char out[11])
{
    char d[32];
    size_t n = 0;
    for (const char *p = in; p && *p; p++) {
        if (isdigit((unsigned char)*p) && n < sizeof d - 1)
            d[n++] = *p;
        else if (!strchr(" -+()", *p))
            return -1;
    }
    d[n] = '\0';
    const char *m = n == 12 && !strncmp(d, "91", 2) ? d + 2 : n == 11 && d[0] == '0' ? d + 1 : d;
    if (strlen(m) != 10 || m[0] < '6')
        return -1;
    memcpy(out, m, 11);
    return 0;
}

static void journey_error(struct http_resp *resp, int status, const char *code, const char *message)
{
    http_resp_error(resp, status, code, "%s", message);
    journey_no_store(resp);
}

struct start_task {
    struct http_req *req;
    struct http_resp *resp;
    struct app *app;
    struct session s;
    char bank[64], mobile[11];
};

/* On the ingest pool: the call to the AA may take seconds. */
static void start_run(void *arg)
{
    struct start_task *t = arg;
    char ret[600], consent[PB_UUID_BUF], *url = NULL;
    struct api_error err;
    snprintf(ret, sizeof ret, "%s/journey/aa/return", t->app->public_url);
    struct aa_start_req r = {t->bank, t->mobile, ret};
    if (aa_start(t->app->aa, t->app->store, &t->s, &r, &url, consent, &err)) {
        http_resp_error(t->resp, err.status, err.code, "%s", err.message);
    } else {
        log_info("journey event=aa_start session=%s consent=%s", id_short(t->s.id), consent);
        http_resp_json(t->resp, 200, json_pack("{s:s,s:s}", "url", url, "consent", consent));
    }
    journey_no_store(t->resp);
    free(url);
    struct http_req *req = t->req;
    session_clear(&t->s);
    free(t);
    http_req_resume(req);
}

/* The bank of the consent: the session's, else the one the customer chose. */
static int start_bank(const struct session *s, const char *chosen, char *out, size_t cap, struct http_resp *resp)
{
    const struct bank_info *b = bank_find(s->req.bank ? s->req.bank : chosen ? chosen : "");
    if (!b) {
        journey_error(resp, 400, "MISSING_BANK_NAME", "Choose your bank first");
        return -1;
    }
    if (!b->aa) {
        journey_error(resp, 400, "AA_NOT_AVAILABLE", "This bank does not share data through Account Aggregators");
        return -1;
    }
    bank_id_lower(b, out, cap);
    return 0;
}

static enum http_result aa_start_post(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct session s;
    if (!aa_enabled(app->aa)) {
        journey_error(resp, 404, "AA_NOT_CONFIGURED", "Account Aggregator is not available here");
        return HTTP_DONE;
    }
    if (journey_auth(req, resp, &s, RL_SESSION_AA_START))
        return HTTP_DONE;
    struct start_task *t = calloc(1, sizeof *t);
    const char *typed = json_string_value(json_object_get(req->json, "mobile_number"));
    bool editable = !s.req.mobile_number || s.req.is_mobile_field_editable;
    const char *mobile = editable && typed ? typed : s.req.mobile_number;
    if (!t) {
        journey_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
    } else if (!mobile || mobile_clean(mobile, t->mobile)) {
        journey_error(resp, 400, "INVALID_MOBILE_NUMBER", "Invalid mobile number.");
    } else if (start_bank(&s, json_string_value(json_object_get(req->json, "bank")), t->bank, sizeof t->bank,
                          resp) == 0) {
        t->req = req;
        t->resp = resp;
        t->app = app;
        t->s = s;
        /* the consent request is a call out to the AA: the fetch pool's kind of work */
        int rc = work_pool_submit(app->fetch_pool, s.org_id, s.id, start_run, t);
        if (rc == WORK_QUEUED)
            return HTTP_ASYNC;
        journey_error(resp, 503, "SERVICE_UNAVAILABLE",
                      rc == WORK_FULL ? "The server is busy; please retry shortly" : "The server is shutting down");
    }
    free(t);
    session_clear(&s);
    return HTTP_DONE;
}

static enum http_result aa_status_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct session s;
    if (journey_auth(req, resp, &s, 0))
        return HTTP_DONE;
    json_t *statements = NULL, *missing = NULL;
    bool complete = false;
    if (journey_uploaded(app, &s, &statements, &missing, &complete)) {
        journey_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
    } else {
        json_t *aa = aa_session_status(app->store, s.id);
        http_resp_json(resp, 200, json_pack("{s:o,s:o,s:o,s:b}", "aa", aa ? aa : json_null(), "statements",
                                            statements, "missing_months", missing, "complete", complete));
        journey_no_store(resp);
    }
    session_clear(&s);
    return HTTP_DONE;
}

static const char RETURN_FAILED_PAGE[] =
    "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    "<title>We could not confirm your consent</title></head><body style=\"font-family:system-ui,sans-serif;"
    "margin:2rem 1rem\"><main><h1>We could not confirm your consent</h1><p>The answer from your "
    "Account Aggregator could not be verified. Open the link you were given again to continue.</p>"
    "</main></body></html>\n";

/* GET /journey/aa/return?fi=&resdate=&ecres=: back to the page, with a
 * fresh journey token in the fragment (never sent to any server). */
static enum http_result aa_return_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    char sid[PB_UUID_BUF], consent[PB_UUID_BUF], jt[JOURNEY_TOKEN_BUF], *loc = NULL;
    struct session s;
    const char *key = journey_token_key(app);
    if (key && aa_return(app->aa, app->store, http_req_query(req, "fi"), http_req_query(req, "resdate"),
                         http_req_query(req, "ecres"), sid, consent) == 0 &&
        api_session_lookup(app, sid, NULL, &s) == STORE_OK) {
        journey_mint(key, &s, jt);
        if (asprintf(&loc, "%s/?session_id=%s#aa=%s&jt=%s", app->public_url, s.id, consent, jt) < 0)
            loc = NULL;
        session_clear(&s);
    }
    if (loc) {
        http_resp_take(resp, 302, "text/plain; charset=utf-8", strdup(""), 0);
        http_resp_header(resp, "Location", loc);
        free(loc);
    } else {
        http_resp_static(resp, 400, "text/html; charset=utf-8", RETURN_FAILED_PAGE, sizeof RETURN_FAILED_PAGE - 1);
    }
    http_resp_header(resp, "Referrer-Policy", "no-referrer");
    journey_no_store(resp);
    return HTTP_DONE;
}

const struct route JOURNEY_AA_ROUTES[] = {
    ROUTE_POST_JSON("/journey/v1/aa/start", aa_start_post),
    ROUTE_GET("/journey/v1/aa/status", aa_status_get),
    ROUTE_GET("/journey/aa/return", aa_return_get),
};
const size_t JOURNEY_AA_NROUTES = sizeof JOURNEY_AA_ROUTES / sizeof JOURNEY_AA_ROUTES[0];
