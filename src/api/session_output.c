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

/* What a data GET reads: the session's stored output and, for the
 * figures computed afresh, its analysis (the library is pure and fast;
 * nothing is re-extracted). */
struct data_get {
    struct output o;
    struct analysis an;
    bool analysed;
};

/* Loads d (with the analysis when analyse). Returns 0, or -1 with resp
 * filled and nothing held. */
static int data_load(struct http_req *req, struct http_resp *resp, bool analyse, struct data_get *d)
{
    d->analysed = false;
    if (output_load(req, resp, &d->o))
        return -1;
    if (analyse && output_analyse(req->app, &d->o, &d->an)) {
        internal(resp);
        output_free(&d->o);
        return -1;
    }
    d->analysed = analyse;
    return 0;
}

/* Answers 200 with body (taken; NULL when resp is already filled) and
 * frees d. */
static enum http_result data_answer(struct http_resp *resp, struct data_get *d, json_t *body)
{
    if (body)
        http_resp_json(resp, 200, body);
    if (d->analysed)
        analysis_free(&d->an);
    output_free(&d->o);
    return HTTP_DONE;
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
    struct data_get d;
    if (data_load(req, resp, false, &d))
        return HTTP_DONE;
    json_t *matches = NULL;
    json_t *holders = session_holders_json(app->store, &d.o.s, &matches);
    if (!holders) {
        internal(resp);
        return data_answer(resp, &d, NULL);
    }
    json_t *ids = output_identities(&d.o), *id;
    size_t i;
    json_array_foreach(ids, i, id)
    {
        json_object_set(json_object_get(id, "metadata_analysis"), "name_matches",
                        json_object_get(matches, json_string_value(json_object_get(id, "account_id"))));
    }
    json_decref(matches);
    return data_answer(resp, &d, json_pack("{s:s,s:o,s:o,s:o,s:o}", "session_id", d.o.s.id, "progress",
                                           progress_json(&d.o), "accounts", output_accounts_json(&d.o), "identity",
                                           ids, "holders", holders));
}

static enum http_result transactions_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct data_get d;
    if (data_load(req, resp, false, &d))
        return HTTP_DONE;
    json_t *txns = output_transactions(app->store, &d.o, http_req_query(req, "account_id"));
    return data_answer(resp, &d, json_pack("{s:s,s:o,s:o,s:o}", "session_id", d.o.s.id, "progress",
                                           progress_json(&d.o), "accounts", output_accounts_json(&d.o),
                                           "transactions", txns));
}

static enum http_result get_pdfs(struct http_req *req, struct http_resp *resp)
{
    struct data_get d;
    if (data_load(req, resp, false, &d))
        return HTTP_DONE;
    json_t *arr = output_pdfs(req->app, &d.o);
    return data_answer(resp, &d, json_pack("{s:s,s:o}", "session_id", d.o.s.id, "statements", arr));
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

/* predictors/, eod_balances/, monthly_analysis_updated/,
 * recurring_transactions/: the enrichment library's bodies. */
static enum http_result section_get(struct http_req *req, struct http_resp *resp, const char *endpoint)
{
    struct data_get d;
    if (data_load(req, resp, true, &d))
        return HTTP_DONE;
    json_t *body = insights_endpoint_json(endpoint, d.o.s.id, &d.an.si);
    json_object_set_new(body, "progress", progress_json(&d.o));
    return data_answer(resp, &d, body);
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
    struct data_get d;
    if (data_load(req, resp, true, &d))
        return HTTP_DONE;
    const char *acct = http_req_query(req, "account_id"), *figure = http_req_query(req, "figure");
    json_t *body = insights_explain(&d.an.si, acct, figure, http_req_query(req, "month"));
    if (body)
        json_object_set_new(body, "session_id", json_string(d.o.s.id));
    else
        http_resp_error(resp, 400, "INVALID_REQUEST",
                        "account_id, figure (and month for a monthly metric) must name a figure of this session");
    return data_answer(resp, &d, body);
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
    struct data_get d;
    if (data_load(req, resp, true, &d))
        return HTTP_DONE;
    const struct session *s = &d.o.s;
    json_t *body = insights_session_json(s->id, s->req.link_id, s->req.from_date, s->req.to_date, &d.an.si);
    char *url = output_xlsx_url(app, s, NULL);
    json_object_set_new(body, "aggregate_xlsx_report_url", url ? json_string(url) : json_null());
    json_t *accs = json_object_get(body, "accounts"), *acc;
    size_t i;
    json_array_foreach(accs, i, acc)
    {
        json_t *data = json_object_get(acc, "data");
        char *one = output_xlsx_url(app, s, json_string_value(json_object_get(acc, "account_id")));
        if (data && one)
            json_object_set_new(data, "xlsx_report_url", json_string(one));
        free(one);
    }
    free(url);
    return data_answer(resp, &d, body);
}

/* xlsx_report/: each account's workbook in reports[], and the session's
 * (summary, every account's sheets, aggregate) as aggregate_report. */
static enum http_result xlsx_report_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct data_get d;
    if (data_load(req, resp, false, &d))
        return HTTP_DONE;
    char *url = output_xlsx_url(app, &d.o.s, NULL);
    json_t *reports = url ? output_xlsx_reports(app, &d.o) : json_array();
    json_t *body = json_pack("{s:s,s:o,s:o}", "session_id", d.o.s.id, "reports", reports, "aggregate_report",
                             url ? json_string(url) : json_null());
    free(url);
    return data_answer(resp, &d, body);
}

/* The signed link of a workbook holds: its fields are well formed, its
 * signature is the server's, and it has not expired. */
static bool xlsx_link_valid(const struct app *app, const char *sid, const char *org, const char *account,
                            const char *exp, const char *sig)
{
    char *end = NULL, id[3 * PB_UUID_BUF + 3], want[PB_SHA256_HEX];
    long long expires = exp ? strtoll(exp, &end, 10) : 0;
    if (!uuid_valid(sid) || !org || !uuid_valid(org) || !exp || !sig || *end || (account && !uuid_valid(account)))
        return false;
    snprintf(id, sizeof id, "%s.%s%s%s", sid, org, account ? "." : "", account ? account : "");
    output_link_signature(app->link_secret, "xlsx", id, expires, want);
    return secret_equal(want, sig) && expires >= (long long)pb_now();
}

/* Answers the workbook of the analysed session s: account's alone
 * (404 when the session has no such account), or every account's. */
static void xlsx_answer(const struct app *app, const struct session *s, const struct analysis *an,
                        const char *account, struct http_resp *resp)
{
    size_t nsel = account ? 0 : an->nai;
    for (size_t i = 0; account && i < an->nai; i++)
        nsel += !strcmp(an->ai[i]->e.v->account_id, account);
    if (!nsel) {
        http_resp_error(resp, 404, "NOT_FOUND", "Not found.");
        return;
    }
    char tmp[4096], *data = NULL;
    const char *err = NULL;
    size_t len = 0;
    snprintf(tmp, sizeof tmp, "%s/blobs/tmp", app->data_dir);
    json_t *doc = insights_session_json(s->id, s->req.link_id, s->req.from_date, s->req.to_date, &an->si);
    if (doc)
        xlsx_report_bytes(tmp, doc, account, &data, &len, &err);
    json_decref(doc);
    if (data && len) {
        http_resp_take(resp, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data, len);
        http_resp_header(resp, "Cache-Control", "private, no-store");
        http_resp_header(resp, "Content-Disposition", "attachment; filename=\"report.xlsx\"");
    } else {
        free(data);
        log_error("report msg=\"xlsx failed\" session=%s err=\"%s\"", id_short(s->id), err ? err : "-");
        internal(resp);
    }
}

/* GET /bank-connect/v1/files/xlsx/<session_id>?org&expires&signature: the
 * workbook, written afresh for each download. */
static enum http_result xlsx_file(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    const char *sid = req->params[0], *org = http_req_query(req, "org"), *account = http_req_query(req, "account");
    if (!xlsx_link_valid(app, sid, org, account, http_req_query(req, "expires"), http_req_query(req, "signature"))) {
        http_resp_error(resp, 403, "ACCESS_DENIED", "This link is invalid or has expired");
        return HTTP_DONE;
    }
    struct output o;
    memset(&o, 0, sizeof o);
    /* an entity's workbook is there after each upload's analysis */
    if (STORE_CALL(app->store, session_get, sid, org, &o.s) != STORE_OK || o.s.deleted_at ||
        (!entity_session(&o.s) && api_require_processed(&o.s, resp))) {
        if (resp->status == 0 || resp->status == 200)
            http_resp_error(resp, 404, "NOT_FOUND", "Not found.");
        session_clear(&o.s);
        return HTTP_DONE;
    }
    struct analysis an;
    if (output_analyse(app, &o, &an) == 0) {
        xlsx_answer(app, &o.s, &an, account, resp);
        analysis_free(&an);
    } else {
        internal(resp);
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
