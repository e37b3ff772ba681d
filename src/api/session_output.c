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
#include <time.h>
#include <unistd.h>

#include "ingest/accounts_json.h"
#include "api/api.h"
#include "ingest/coverage.h"
#include "ingest/records.h"
#include "ingest/seal.h"
#include "jobs/analysis.h"
#include "notify/notify.h"
#include "report/xlsx.h"
#include "util/log.h"
#include "util/money.h"
#include "util/clock.h"

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static void internal(struct http_resp *resp)
{
    http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
}

/* A processed session with its accounts and statements. */
struct output {
    struct session s;
    struct account_rec *accts;
    size_t naccts;
    struct statement_rec *stmts;
    size_t nstmts;
};

static void output_free(struct output *o)
{
    for (size_t i = 0; i < o->naccts; i++)
        account_rec_clear(&o->accts[i]);
    free(o->accts);
    for (size_t i = 0; i < o->nstmts; i++)
        statement_rec_clear(&o->stmts[i]);
    free(o->stmts);
    session_clear(&o->s);
}

/* Returns 0, or -1 with resp filled. */
static int output_load(struct http_req *req, struct http_resp *resp, struct output *o)
{
    struct app *app = req->app;
    memset(o, 0, sizeof *o);
    if (api_load_session(req, resp, &o->s, NULL))
        return -1;
    if (api_require_processed(&o->s, resp) ||
        STORE_CALL(app->store, account_list, o->s.id, &o->accts, &o->naccts) != STORE_OK ||
        STORE_CALL(app->store, statement_list, o->s.id, &o->stmts, &o->nstmts) != STORE_OK) {
        if (resp->status == 0 || resp->status == 200)
            internal(resp);
        output_free(o);
        return -1;
    }
    return 0;
}

/* The stored analysis of account a (new reference) or NULL. */
static json_t *account_doc(const struct account_rec *a)
{
    return a->insights ? json_loads(a->insights, 0, NULL) : NULL;
}

static json_t *statement_ids(const struct output *o, const char *account_id)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < o->nstmts; i++)
        if (!strcmp(o->stmts[i].account_id, account_id))
            json_array_append_new(arr, json_string(o->stmts[i].id));
    return arr;
}

/* The newest statement of an account (its identity is the freshest). */
static const struct statement_rec *latest_statement(const struct output *o, const char *account_id)
{
    const struct statement_rec *best = NULL;
    for (size_t i = 0; i < o->nstmts; i++)
        if (!strcmp(o->stmts[i].account_id, account_id) && (!best || o->stmts[i].to_day > best->to_day))
            best = &o->stmts[i];
    return best;
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

/* The entity-style accounts block (reference §2.10 identity/, §3.3). */
static json_t *accounts_json(const struct output *o)
{
    json_t *arr = json_array();
    struct coverage *cov = malloc(sizeof *cov);
    for (size_t i = 0; cov && i < o->naccts; i++) {
        const struct account_rec *a = &o->accts[i];
        const struct statement_rec **sel = calloc(o->nstmts + 1, sizeof *sel);
        size_t n = 0;
        for (size_t k = 0; sel && k < o->nstmts; k++)
            if (!strcmp(o->stmts[k].account_id, a->id))
                sel[n++] = &o->stmts[k];
        coverage_compute(&o->s, sel, n, cov);
        free(sel);
        json_t *months = json_array(), *gaps = json_array();
        char b1[PB_DATE_BUF], b2[PB_DATE_BUF], ts[48];
        for (int m = 0; m < cov->npresent; m++)
            json_array_append_new(months, json_string(month_fmt_iso(cov->present[m], b1)));
        for (int g = 0; g < cov->ngaps; g++)
            json_array_append_new(gaps, json_pack("{s:s,s:s}", "from_date", date_fmt_iso(cov->gaps[g].from, b1),
                                                  "to_date", date_fmt_iso(cov->gaps[g].to, b2)));
        json_array_append_new(
            arr, json_pack("{s:o,s:s,s:o,s:n,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:s,s:s,s:s}",
                           "account_category", str_or_null(a->account_category), "account_id", a->id,
                           "account_number", str_or_null(a->account_number), "account_opening_date", "bank",
                           str_or_null(a->bank), "credit_limit",
                           a->credit_limit ? json_real(money_to_rupees(a->credit_limit)) : json_null(), "ifsc",
                           str_or_null(a->ifsc), "micr", str_or_null(a->micr), "missing_data", gaps, "od_limit",
                           a->od_limit ? json_real(money_to_rupees(a->od_limit)) : json_null(), "statements",
                           statement_ids(o, a->id), "months", months, "account_type", str_or_null(a->account_type),
                           "country_code", "IN", "currency_code", "INR", "last_updated",
                           api_fmt_iso8601(a->updated_at, ts, sizeof ts)));
    }
    free(cov);
    return arr;
}

static enum http_result identity_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct output o;
    if (output_load(req, resp, &o))
        return HTTP_DONE;
    json_t *ids = json_array(), *matches = NULL;
    json_t *holders = session_holders_json(app->store, &o.s, &matches);
    if (!holders) {
        json_decref(ids);
        internal(resp);
        output_free(&o);
        return HTTP_DONE;
    }
    for (size_t i = 0; i < o.naccts; i++) {
        const struct statement_rec *x = latest_statement(&o, o.accts[i].id);
        if (!x)
            continue;
        json_t *id = ingest_identity_json(x, o.accts[i].id);
        json_object_set(json_object_get(id, "metadata_analysis"), "name_matches",
                        json_object_get(matches, o.accts[i].id));
        json_array_append_new(ids, id);
    }
    json_decref(matches);
    http_resp_json(resp, 200, json_pack("{s:s,s:o,s:o,s:o,s:o}", "session_id", o.s.id, "progress", progress_json(&o),
                                        "accounts", accounts_json(&o), "identity", ids, "holders", holders));
    output_free(&o);
    return HTTP_DONE;
}

/* An account's rows from the store, without enrichment (fallback). */
static void raw_transactions(struct store *st, const struct output *o, const char *account_id, json_t *out)
{
    for (size_t i = 0; i < o->nstmts; i++) {
        if (strcmp(o->stmts[i].account_id, account_id))
            continue;
        struct txn_rec *t = NULL;
        size_t n = 0;
        if (STORE_CALL(st, txn_list, o->stmts[i].id, &t, &n) != STORE_OK)
            continue;
        for (size_t k = 0; k < n; k++) {
            char d[PB_DATE_BUF], date[48];
            snprintf(date, sizeof date, "%s 00:00:00", date_fmt_iso(t[k].day, d));
            json_array_append_new(
                out, json_pack("{s:s,s:s,s:s,s:s,s:o,s:o,s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "transaction_type",
                               t[k].type ? "credit" : "debit", "transaction_note", t[k].note ? t[k].note : "",
                               "chq_num", t[k].chq_num ? t[k].chq_num : "", "date", date, "amount",
                               json_real(money_to_rupees(t[k].amount)), "balance",
                               t[k].has_balance ? json_real(money_to_rupees(t[k].balance)) : json_null(), "hash",
                               t[k].hash, "category", "", "transaction_channel", "", "merchant_category", "",
                               "description", "", "account_id", account_id, "statement_id", o->stmts[i].id));
        }
        txn_recs_free(t, n);
    }
}

static enum http_result transactions_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct output o;
    if (output_load(req, resp, &o))
        return HTTP_DONE;
    const char *only = http_req_query(req, "account_id");
    json_t *txns = json_array();
    for (size_t i = 0; i < o.naccts; i++) {
        if (only && *only && strcmp(only, o.accts[i].id))
            continue;
        json_t *doc = account_doc(&o.accts[i]);
        json_t *rows = json_object_get(doc, "transactions");
        if (json_is_array(rows))
            json_array_extend(txns, rows);
        else
            raw_transactions(app->store, &o, o.accts[i].id, txns);
        json_decref(doc);
    }
    http_resp_json(resp, 200, json_pack("{s:s,s:o,s:o,s:o}", "session_id", o.s.id, "progress", progress_json(&o),
                                        "accounts", accounts_json(&o), "transactions", txns));
    output_free(&o);
    return HTTP_DONE;
}

/* The signature of a file link. */
static void link_signature(const char *secret, const char *kind, const char *id, long long expires,
                           char out[PB_SHA256_HEX])
{
    char msg[160];
    int n = snprintf(msg, sizeof msg, "%s\n%s\n%lld", kind, id, expires);
    hmac_sha256_hex(secret, strlen(secret), msg, (size_t)n, out);
}

static char *pdf_url(const struct app *app, const char *statement_id)
{
    long long expires = (long long)pb_now() + app->link_ttl_s;
    char sig[PB_SHA256_HEX];
    link_signature(app->link_secret, "pdf", statement_id, expires, sig);
    size_t n = strlen(app->public_url);
    while (n && app->public_url[n - 1] == '/')
        n--;
    char *url = NULL;
    if (asprintf(&url, "%.*s/bank-connect/v1/files/pdf/%s?expires=%lld&signature=%s", (int)n, app->public_url,
                 statement_id, expires, sig) < 0)
        return NULL;
    return url;
}

/* get_pdfs/ `message`, in FinBox's words: accepted statements are
 * "Success" unless the upload's metadata check flagged them. */
static const char *pdf_message(const struct statement_rec *x)
{
    if (x->fraud && strcmp(x->fraud, "author_fraud") == 0)
        return "Author Fraud";
    if (x->fraud && strcmp(x->fraud, "date_fraud") == 0)
        return "Date Fraud";
    return "Success";
}

static enum http_result get_pdfs(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct output o;
    if (output_load(req, resp, &o))
        return HTTP_DONE;
    json_t *arr = json_array();
    for (size_t i = 0; i < o.nstmts; i++) {
        const struct statement_rec *x = &o.stmts[i];
        bool kept = x->blob_sha256 && !x->pdf_deleted_at;
        char *url = kept ? pdf_url(app, x->id) : NULL;
        char *password = NULL;
        if (kept && x->pdf_password_enc && app->ingest.have_seal_key)
            seal_decrypt(app->ingest.seal_key, x->pdf_password_enc, x->pdf_password_enc_len, &password);
        json_array_append_new(arr, json_pack("{s:s,s:o,s:o,s:s,s:s,s:s,s:s}", "statement_id", x->id, "bank_name",
                                             str_or_null(x->bank), "pdf_password", str_or_null(password),
                                             "pdf_url", url ? url : "", "account_id", x->account_id, "source",
                                             "PDF", "message", pdf_message(x)));
        if (password)
            explicit_bzero(password, strlen(password));
        free(password);
        free(url);
    }
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
    link_signature(app->link_secret, "pdf", id, expires, want);
    if (!secret_equal(want, sig) || expires < (long long)pb_now())
        goto forbidden;
    struct statement_rec x;
    if (STORE_CALL(app->store, statement_get, id, &x) != STORE_OK) {
        http_resp_error(resp, 404, "NOT_FOUND", "Not found.");
        return HTTP_DONE;
    }
    unsigned char *data = NULL;
    size_t len = 0;
    if (!x.blob_sha256 || x.pdf_deleted_at || blob_get(app->ingest.blobs, x.blob_sha256, &data, &len)) {
        http_resp_error(resp, 404, "NOT_FOUND", "Not found.");
    } else {
        http_resp_take(resp, 200, "application/pdf", (char *)data, len);
        http_resp_header(resp, "Cache-Control", "private, no-store");
    }
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
    if (analysis_load(app->store, &o->s, an) != STORE_OK || analysis_build(an)) {
        analysis_free(an);
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

/* The signed link of the session's workbook (account NULL: every account
 * and the aggregate) or of one account's workbook. */
static char *xlsx_url(const struct app *app, const struct session *s, const char *account)
{
    long long expires = (long long)pb_now() + app->link_ttl_s;
    char id[3 * PB_UUID_BUF + 3], sig[PB_SHA256_HEX];
    snprintf(id, sizeof id, "%s.%s%s%s", s->id, s->org_id, account ? "." : "", account ? account : "");
    link_signature(app->link_secret, "xlsx", id, expires, sig);
    size_t n = strlen(app->public_url);
    while (n && app->public_url[n - 1] == '/')
        n--;
    char *url = NULL;
    if (asprintf(&url, "%.*s/bank-connect/v1/files/xlsx/%s?org=%s%s%s&expires=%lld&signature=%s", (int)n,
                 app->public_url, s->id, s->org_id, account ? "&account=" : "", account ? account : "", expires,
                 sig) < 0)
        return NULL;
    return url;
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
        char *url = xlsx_url(app, &o.s, NULL);
        json_object_set_new(body, "aggregate_xlsx_report_url", url ? json_string(url) : json_null());
        json_t *accs = json_object_get(body, "accounts"), *acc;
        size_t i;
        json_array_foreach(accs, i, acc)
        {
            json_t *data = json_object_get(acc, "data");
            char *one = xlsx_url(app, &o.s, json_string_value(json_object_get(acc, "account_id")));
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
    char *url = xlsx_url(app, &o.s, NULL);
    json_t *reports = json_array();
    for (size_t i = 0; url && i < o.naccts; i++) {
        char *one = xlsx_url(app, &o.s, o.accts[i].id);
        json_array_append_new(reports, json_pack("{s:s,s:s}", "link", one ? one : "", "account_id", o.accts[i].id));
        free(one);
    }
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
    link_signature(app->link_secret, "xlsx", id, expires, want);
    if (!secret_equal(want, sig) || expires < (long long)pb_now()) {
        http_resp_error(resp, 403, "ACCESS_DENIED", "This link is invalid or has expired");
        return HTTP_DONE;
    }
    if (STORE_CALL(app->store, session_get, sid, org, &o.s) != STORE_OK || o.s.deleted_at ||
        api_require_processed(&o.s, resp)) {
        if (resp->status == 0 || resp->status == 200)
            http_resp_error(resp, 404, "NOT_FOUND", "Not found.");
        session_clear(&o.s);
        return HTTP_DONE;
    }
    struct analysis an;
    if (analysed(app, &o, &an, resp) == 0) {
        char path[4096], nonce[PB_UUID_BUF] = "x";
        uuid_v4(nonce); /* concurrent downloads write files of their own */
        snprintf(path, sizeof path, "%s/blobs/tmp/report-%s.xlsx", app->data_dir, nonce);
        const char *err = NULL;
        unsigned char *data = NULL;
        size_t len = 0;
        FILE *f = NULL;
        /* one account's workbook, or the session's */
        size_t nsel = account ? 0 : an.nai;
        for (size_t i = 0; account && i < an.nai; i++)
            nsel += !strcmp(an.ai[i]->e.v->account_id, account);
        if (nsel && xlsx_write_report(path, sid, &an.si, account, &err) == 0 && (f = fopen(path, "rb"))) {
            fseek(f, 0, SEEK_END);
            long sz = ftell(f);
            fseek(f, 0, SEEK_SET);
            data = sz > 0 ? malloc((size_t)sz) : NULL;
            len = data ? fread(data, 1, (size_t)sz, f) : 0;
            fclose(f);
        }
        unlink(path);
        if (data && len) {
            http_resp_take(resp, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           (char *)data, len);
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

/* The heavy ones run on the report pool (api_offload). */
#define OFF_THREAD(fn)                                                                   \
    static enum http_result fn##_off(struct http_req *req, struct http_resp *resp)     \
    {                                                                                  \
        return api_offload(req, resp, fn);                                             \
    }
OFF_THREAD(transactions_get)
OFF_THREAD(insights_get)
OFF_THREAD(predictors_get)
OFF_THREAD(eod_get)
OFF_THREAD(monthly_get)
OFF_THREAD(recurring_get)
OFF_THREAD(pdf_file)
OFF_THREAD(xlsx_file)

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
    ROUTE_GET("/bank-connect/v1/files/pdf/<id>", pdf_file_off),
    ROUTE_GET("/bank-connect/v1/files/xlsx/<id>", xlsx_file_off),
};
const size_t SESSION_OUTPUT_NROUTES = sizeof SESSION_OUTPUT_ROUTES / sizeof SESSION_OUTPUT_ROUTES[0];
