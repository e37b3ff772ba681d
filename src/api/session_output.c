/* /bank-connect/v1/session_data/<id>/...: a processed session's data
 * (x-api-key + server-hash; before processing 400 PROCESSING_NOT_REQUESTED,
 * while it runs 400 PROCESSING_NOT_COMPLETED, after delete 410).
 *
 *   identity/  transactions/  get_pdfs/
 *   insights/  predictors/  eod_balances/  monthly_analysis_updated/  recurring_transactions/
 *
 * Everything after extraction comes from the per-account document the
 * pipeline stored (accounts.insights); transactions/ falls back to the
 * stored rows for an account whose analysis is missing.
 *
 * get_pdfs/ links point at GET /bank-connect/v1/files/pdf/<statement_id>
 * ?expires=<unix time>&signature=<HMAC-SHA256 hex of "pdf\n<id>\n<expires>"
 * under the server's link secret>, served here without an API key: the
 * signature is the authority, and it expires (--link-ttl, 1 h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/output.h"
#include "core/entity.h"
#include "ingest/accounts_json.h"
#include "jobs/analysis.h"
#include "notify/notify.h"
#include "report/xlsx.h"
#include "util/clock.h"
#include "util/log.h"

static void internal(struct http_resp *resp)
{
    http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
}

/* Returns 0, or -1 with resp filled. */
static int output_load(struct http_req *req, struct http_resp *resp, struct output *o)
{
    struct app *app = req->app;
    memset(o, 0, sizeof *o);
    if (api_load_session(req, resp, &o->s, NULL))
        return -1;
    if (api_require_processed(&o->s, resp) || output_read(app, o) != STORE_OK) {
        if (resp->status == 0 || resp->status == 200)
            internal(resp);
        output_free(o);
        return -1;
    }
    return 0;
}

static json_t *progress_json(const struct output *o)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < o->nstmts; i++)
        json_array_append_new(arr, json_pack("{s:s,s:s,s:s,s:s,s:s}", "statement_id", o->stmts[i].id, "status",
                                             "completed", "transaction_status", "completed", "message", "",
                                             "source", o->stmts[i].source ? o->stmts[i].source : "pdf"));
    return arr;
}

static enum http_result identity_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct output o;
    if (output_load(req, resp, &o))
        return HTTP_DONE;
    json_t *matches = NULL;
    json_t *holders = session_holders_json(app->store, &o.s, &matches);
    if (!holders) {
        internal(resp);
        output_free(&o);
        return HTTP_DONE;
    }
    json_t *ids = output_identities(&o), *id;
    size_t i;
    json_array_foreach(ids, i, id)
    {
        json_object_set(json_object_get(id, "metadata_analysis"), "name_matches",
                        json_object_get(matches, json_string_value(json_object_get(id, "account_id"))));
    }
    json_decref(matches);
    http_resp_json(resp, 200, json_pack("{s:s,s:o,s:o,s:o,s:o}", "session_id", o.s.id, "progress", progress_json(&o),
                                        "accounts", output_accounts_json(&o), "identity", ids, "holders", holders));
    output_free(&o);
    return HTTP_DONE;
}

static enum http_result transactions_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct output o;
    if (output_load(req, resp, &o))
        return HTTP_DONE;
    json_t *txns = output_transactions(app->store, &o, http_req_query(req, "account_id"));
    http_resp_json(resp, 200, json_pack("{s:s,s:o,s:o,s:o}", "session_id", o.s.id, "progress", progress_json(&o),
                                        "accounts", output_accounts_json(&o), "transactions", txns));
    output_free(&o);
    return HTTP_DONE;
}

static enum http_result get_pdfs(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct output o;
    if (output_load(req, resp, &o))
        return HTTP_DONE;
    json_t *arr = output_pdfs(app, &o);
    http_resp_json(resp, 200, json_pack("{s:s,s:o}", "session_id", o.s.id, "statements", arr));
    output_free(&o);
    return HTTP_DONE;
}

static enum http_result pdf_file(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    const char *id = req->params[0], *exp = http_req_query(req, "expires"),
               *sig = http_req_query(req, "signature");
    char want[PB_SHA256_HEX];
    char *end = NULL;
    long long expires = exp ? strtoll(exp, &end, 10) : 0;
    if (!uuid_valid(id) || !exp || !sig || *end)
        goto forbidden;
    output_link_signature(app->link_secret, "pdf", id, expires, want);
    if (!secret_equal(want, sig) || expires < (long long)pb_now())
        goto forbidden;
    struct statement_rec x;
    if (STORE_CALL(app->store, statement_get, id, &x) != STORE_OK) {
        http_resp_error(resp, 404, "NOT_FOUND", "Not found.");
        return HTTP_DONE;
    }
    if (output_pdf_answer(app, &x, resp))
        http_resp_error(resp, 404, "NOT_FOUND", "Not found.");
    statement_rec_clear(&x);
    return HTTP_DONE;
forbidden:
    http_resp_error(resp, 403, "ACCESS_DENIED", "This link is invalid or has expired");
    return HTTP_DONE;
}

/* The session's accounts analysed afresh from the stored rows (the
 * library is pure and fast; nothing is re-extracted). Returns 0, or -1
 * with resp filled. */
static int analysed(struct app *app, const struct output *o, struct analysis *an, struct http_resp *resp)
{
    if (output_analyse(app, o, an)) {
        internal(resp);
        return -1;
    }
    return 0;
}

/* predictors/, eod_balances/, monthly_analysis_updated/,
 * recurring_transactions/: the enrichment library's bodies. */
static enum http_result section_get(struct http_req *req, struct http_resp *resp, const char *endpoint)
{
    struct app *app = req->app;
    struct output o;
    struct analysis an;
    if (output_load(req, resp, &o))
        return HTTP_DONE;
    if (analysed(app, &o, &an, resp) == 0) {
        json_t *body = insights_endpoint_json(endpoint, o.s.id, &an.si);
        json_object_set_new(body, "progress", progress_json(&o));
        http_resp_json(resp, 200, body);
        analysis_free(&an);
    }
    output_free(&o);
    return HTTP_DONE;
}

static enum http_result predictors_get(struct http_req *req, struct http_resp *resp)
{
    return section_get(req, resp, "predictors");
}

static enum http_result eod_get(struct http_req *req, struct http_resp *resp)
{
    return section_get(req, resp, "eod_balances");
}

static enum http_result monthly_get(struct http_req *req, struct http_resp *resp)
{
    return section_get(req, resp, "monthly_analysis_updated");
}

static enum http_result recurring_get(struct http_req *req, struct http_resp *resp)
{
    return section_get(req, resp, "recurring_transactions");
}

/* explain/?account_id=&figure=&month=: any figure with its rule and rows
 * (docs/api.md, Explanations). 400 INVALID_REQUEST for an unknown figure. */
static enum http_result explain_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct output o;
    struct analysis an;
    if (output_load(req, resp, &o))
        return HTTP_DONE;
    if (analysed(app, &o, &an, resp) == 0) {
        const char *acct = http_req_query(req, "account_id"), *figure = http_req_query(req, "figure");
        json_t *body = insights_explain(&an.si, acct, figure, http_req_query(req, "month"));
        if (body) {
            json_object_set_new(body, "session_id", json_string(o.s.id));
            http_resp_json(resp, 200, body);
        } else {
            http_resp_error(resp, 400, "INVALID_REQUEST",
                            "account_id, figure (and month for a monthly metric) must name a figure of this "
                            "session");
        }
        analysis_free(&an);
    }
    output_free(&o);
    return HTTP_DONE;
}

/* rules/: every rule id with its definition. */
static enum http_result rules_get(struct http_req *req, struct http_resp *resp)
{
    struct org org;
    if (api_auth_key_and_hash(req, resp, &org))
        return HTTP_DONE;
    org_clear(&org);
    http_resp_json(resp, 200, json_pack("{s:o}", "rules", rules_json()));
    return HTTP_DONE;
}

static enum http_result insights_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct output o;
    struct analysis an;
    if (output_load(req, resp, &o))
        return HTTP_DONE;
    if (analysed(app, &o, &an, resp) == 0) {
        json_t *body = insights_session_json(o.s.id, o.s.req.link_id, o.s.req.from_date, o.s.req.to_date,
                                             &an.si);
        char *url = output_xlsx_url(app, &o.s, NULL);
        json_object_set_new(body, "aggregate_xlsx_report_url", url ? json_string(url) : json_null());
        json_t *accs = json_object_get(body, "accounts"), *acc;
        size_t i;
        json_array_foreach(accs, i, acc)
        {
            json_t *data = json_object_get(acc, "data");
            char *one = output_xlsx_url(app, &o.s, json_string_value(json_object_get(acc, "account_id")));
            if (data && one)
                json_object_set_new(data, "xlsx_report_url", json_string(one));
            free(one);
        }
        free(url);
        http_resp_json(resp, 200, body);
        analysis_free(&an);
    }
    output_free(&o);
    return HTTP_DONE;
}

/* xlsx_report/: each account's workbook in reports[], and the session's
 * (summary, every account's sheets, aggregate) as aggregate_report. */
static enum http_result xlsx_report_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct output o;
    if (output_load(req, resp, &o))
        return HTTP_DONE;
    char *url = output_xlsx_url(app, &o.s, NULL);
    json_t *reports = url ? output_xlsx_reports(app, &o) : json_array();
    http_resp_json(resp, 200, json_pack("{s:s,s:o,s:o}", "session_id", o.s.id, "reports", reports,
                                        "aggregate_report", url ? json_string(url) : json_null()));
    free(url);
    output_free(&o);
    return HTTP_DONE;
}

/* GET /bank-connect/v1/files/xlsx/<session_id>?org&expires&signature: the
 * workbook, written afresh for each download. */
static enum http_result xlsx_file(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    const char *sid = req->params[0], *org = http_req_query(req, "org"), *exp = http_req_query(req, "expires"),
               *sig = http_req_query(req, "signature"), *account = http_req_query(req, "account");
    char *end = NULL, id[3 * PB_UUID_BUF + 3], want[PB_SHA256_HEX];
    long long expires = exp ? strtoll(exp, &end, 10) : 0;
    struct output o;
    memset(&o, 0, sizeof o);
    if (!uuid_valid(sid) || !org || !uuid_valid(org) || !exp || !sig || *end || (account && !uuid_valid(account))) {
        http_resp_error(resp, 403, "ACCESS_DENIED", "This link is invalid or has expired");
        return HTTP_DONE;
    }
    snprintf(id, sizeof id, "%s.%s%s%s", sid, org, account ? "." : "", account ? account : "");
    output_link_signature(app->link_secret, "xlsx", id, expires, want);
    if (!secret_equal(want, sig) || expires < (long long)pb_now()) {
        http_resp_error(resp, 403, "ACCESS_DENIED", "This link is invalid or has expired");
        return HTTP_DONE;
    }
    /* an entity's workbook is there after each upload's analysis */
    if (STORE_CALL(app->store, session_get, sid, org, &o.s) != STORE_OK || o.s.deleted_at ||
        (!entity_session(&o.s) && api_require_processed(&o.s, resp))) {
        if (resp->status == 0 || resp->status == 200)
            http_resp_error(resp, 404, "NOT_FOUND", "Not found.");
        session_clear(&o.s);
        return HTTP_DONE;
    }
    struct analysis an;
    if (analysed(app, &o, &an, resp) == 0) {
        char tmp[4096], *data = NULL;
        const char *err = NULL;
        size_t len = 0;
        snprintf(tmp, sizeof tmp, "%s/blobs/tmp", app->data_dir);
        /* one account's workbook, or the session's */
        size_t nsel = account ? 0 : an.nai;
        for (size_t i = 0; account && i < an.nai; i++)
            nsel += !strcmp(an.ai[i]->e.v->account_id, account);
        json_t *doc = nsel ? insights_session_json(sid, o.s.req.link_id, o.s.req.from_date, o.s.req.to_date, &an.si)
                           : NULL;
        if (doc)
            xlsx_report_bytes(tmp, doc, account, &data, &len, &err);
        json_decref(doc);
        if (data && len) {
            http_resp_take(resp, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data, len);
            http_resp_header(resp, "Cache-Control", "private, no-store");
            http_resp_header(resp, "Content-Disposition", "attachment; filename=\"report.xlsx\"");
        } else if (!nsel) {
            http_resp_error(resp, 404, "NOT_FOUND", "Not found.");
        } else {
            free(data);
            log_error("report msg=\"xlsx failed\" session=%.8s err=\"%s\"", sid, err ? err : "-");
            internal(resp);
        }
        analysis_free(&an);
    }
    session_clear(&o.s);
    return HTTP_DONE;
}

/* The heavy ones run on the report pool. */
API_OFFLOADED(transactions_get)
API_OFFLOADED(insights_get)
API_OFFLOADED(predictors_get)
API_OFFLOADED(eod_get)
API_OFFLOADED(monthly_get)
API_OFFLOADED(recurring_get)
API_OFFLOADED(pdf_file)
API_OFFLOADED(xlsx_file)
API_OFFLOADED(explain_get)

const struct route SESSION_OUTPUT_ROUTES[] = {
    ROUTE_GET("/bank-connect/v1/session_data/<id>/identity/", identity_get),
    ROUTE_GET("/bank-connect/v1/session_data/<id>/transactions/", transactions_get_off),
    ROUTE_GET("/bank-connect/v1/session_data/<id>/get_pdfs/", get_pdfs),
    ROUTE_GET("/bank-connect/v1/session_data/<id>/insights/", insights_get_off),
    ROUTE_GET("/bank-connect/v1/session_data/<id>/predictors/", predictors_get_off),
    ROUTE_GET("/bank-connect/v1/session_data/<id>/eod_balances/", eod_get_off),
    ROUTE_GET("/bank-connect/v1/session_data/<id>/monthly_analysis_updated/", monthly_get_off),
    ROUTE_GET("/bank-connect/v1/session_data/<id>/recurring_transactions/", recurring_get_off),
    ROUTE_GET("/bank-connect/v1/session_data/<id>/xlsx_report/", xlsx_report_get),
    ROUTE_GET("/bank-connect/v1/session_data/<id>/explain/", explain_get_off),
    ROUTE_GET("/bank-connect/v1/rules/", rules_get),
    ROUTE_GET("/bank-connect/v1/files/pdf/<id>", pdf_file_off),
    ROUTE_GET("/bank-connect/v1/files/xlsx/<id>", xlsx_file_off),
};
const size_t SESSION_OUTPUT_NROUTES = sizeof SESSION_OUTPUT_ROUTES / sizeof SESSION_OUTPUT_ROUTES[0];
