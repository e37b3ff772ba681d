/* The console's view of one customer session (docs/console.md):
 *
 *   GET /console/api/sessions/<id>                    everything the session page shows
 *   GET /console/api/sessions/<id>/xlsx[?account_id=] the workbook (the session's or one account's)
 *   GET /console/api/sessions/<id>/statements/<statement_id>/pdf   the original file
 *
 * Every figure comes from the same analysis the API's insights/ serves
 * (jobs/analysis.h over the stored rows), so the console and the API never
 * disagree. Each read of a customer's data is written to the audit log
 * first; a read that cannot be audited is refused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/console.h"
#include "api/output.h"
#include "core/bank.h"
#include "ingest/accounts_json.h"
#include "jobs/analysis.h"
#include "report/xlsx.h"
#include "util/clock.h"
#include "util/date.h"
#include "util/log.h"
#include "util/money.h"

static json_t *day_json(pb_day d)
{
    char b[PB_DATE_BUF];
    return d == PB_NO_DAY ? json_null() : json_string(date_fmt_iso(d, b));
}

/* Loads the route's session for a signed-in user and audits the read. */
static int load(struct http_req *req, struct http_resp *resp, struct console_login *l, struct session *s,
                const char *action, const char *detail)
{
    if (console_auth(req, resp, ROLE_ANALYST, l) || console_session(req, resp, l, s))
        return -1;
    if (console_audit(req, l, action, s->id, detail)) {
        session_clear(s);
        console_internal(resp);
        return -1;
    }
    return 0;
}

/* ---- fraud findings in words ---- */

static const struct {
    const char *type, *words;
} FRAUD_WORDS[] = {
    {"author_fraud", "The PDF was saved by a PDF editor after the bank produced it."},
    {"date_fraud", "The PDF was modified after it was created, or had changes appended to it."},
    {"inconsistent_transaction",
     "A transaction's balance does not follow from the previous balance and its amount: a row may have been "
     "changed."},
    {"closing_balance_mismatch",
     "The opening balance plus credits less debits does not give the closing balance the statement prints."},
    {"duplicate_transaction", "A transaction repeats the one before it exactly."},
};

static const char *fraud_words(const char *type)
{
    for (size_t i = 0; type && i < sizeof FRAUD_WORDS / sizeof FRAUD_WORDS[0]; i++)
        if (!strcmp(type, FRAUD_WORDS[i].type))
            return FRAUD_WORDS[i].words;
    return "A check of the statement failed.";
}

/* Adds "words" to each finding of the analysis' fraud list. */
static void explain_fraud(json_t *fraud)
{
    size_t i;
    json_t *f;
    json_array_foreach(fraud, i, f)
        json_object_set_new(f, "words", json_string(fraud_words(json_string_value(json_object_get(f, "fraud_type")))));
}

/* ---- the session page ---- */

/* The statements of account_id, with their outcome. */
static json_t *statements_json(const struct analysis *an, const char *account_id)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < an->nstmts; i++) {
        const struct statement_rec *x = &an->stmts[i];
        if (strcmp(x->account_id, account_id))
            continue;
        json_t *identity = x->identity ? json_loads(x->identity, 0, NULL) : NULL;
        json_array_append_new(
            arr, json_pack("{s:s,s:o,s:o,s:o,s:o,s:o,s:i,s:o,s:o,s:o,s:b,s:b,s:o,s:b,s:o,s:o}", "statement_id",
                           x->id, "file_name", json_text_or_null(x->file_name), "source", json_text_or_null(x->source), "bank",
                           json_text_or_null(x->bank), "from_date", day_json(x->from_day), "to_date", day_json(x->to_day),
                           "pages", x->page_count, "status", json_text_or_null(x->status), "error_code",
                           json_text_or_null(x->error_code), "error_message", json_text_or_null(x->error_message),
                           "balances_reconcile", x->balances_ok, "totals_reconcile", x->totals_ok, "metadata_fraud",
                           json_text_or_null(x->fraud), "pdf_available", output_pdf_kept(x),
                           "uploaded_at", console_time_json(x->created_at), "holder",
                           identity ? json_incref(json_object_get(identity, "name")) : json_null()));
        json_decref(identity);
    }
    return arr;
}

/* The parts of an account's insights document the page reads: the key
 * figures, their explanations (rule, evidence) where the analysis gives
 * them, the charts' series and the transactions. */
static json_t *figures_json(json_t *d)
{
    static const char *const KEYS[] = {
        "account_details", "fraud", "authenticity", "transactions", "salary_transactions",
        "lender_transactions", "bounced_or_penal_transactions", "expense_categories", "monthly_analysis",
        "eod_balances", "score", "score_factors", "income", "obligations", "foir", "flags", "predictors",
    };
    json_t *out = json_object();
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++) {
        json_t *v = json_object_get(d, KEYS[i]);
        if (v)
            json_object_set(out, KEYS[i], v);
    }
    explain_fraud(json_object_get(out, "fraud"));
    return out;
}

static json_t *account_json(const struct analysis *an, size_t k)
{
    const struct account_rec *a = &an->acc[k].rec;
    const struct bank_info *b = a->bank ? bank_find(a->bank) : NULL;
    json_t *d = insights_data_json(&an->si, k);
    json_t *o = json_pack("{s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "account_id", a->id, "bank",
                          json_text_or_null(a->bank), "bank_name", json_text_or_null(b ? b->full_name : NULL), "account_number",
                          json_text_or_null(a->account_number), "name", json_text_or_null(a->name), "ifsc", json_text_or_null(a->ifsc),
                          "account_type", json_text_or_null(a->account_type), "account_category",
                          json_text_or_null(a->account_category), "status", json_text_or_null(a->status), "error_code",
                          json_text_or_null(a->error_code), "error_message", json_text_or_null(a->error_message), "statements",
                          statements_json(an, a->id), "data", d ? figures_json(d) : json_object());
    json_decref(d);
    return o;
}

static json_t *session_json(const struct session *s)
{
    const struct bank_info *b = s->req.bank ? bank_find(s->req.bank) : NULL;
    return json_pack("{s:s,s:o,s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "session_id", s->id, "link_id",
                     json_text_or_null(s->req.link_id), "status", console_session_status(s, pb_now()), "created_at",
                     console_time_json(s->created_at), "expires_at", console_time_json(s->expires_at), "from_date",
                     day_json(s->req.from_date), "to_date", day_json(s->req.to_date), "bank",
                     json_text_or_null(s->req.bank), "bank_name", json_text_or_null(b ? b->full_name : NULL), "metadata",
                     s->req.metadata ? json_incref(s->req.metadata) : json_null());
}

/* GET /console/api/sessions/<id> */
static enum http_result session_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct console_login l;
    struct session s;
    if (load(req, resp, &l, &s, "session.view", NULL))
        return HTTP_DONE;
    struct analysis an;
    if (analysis_load(app->store, &s, &an) != STORE_OK || analysis_build(&an)) {
        console_internal(resp);
    } else {
        json_t *accounts = json_array();
        for (size_t k = 0; k < an.n; k++)
            json_array_append_new(accounts, account_json(&an, k));
        json_t *holders = session_holders_json(app->store, &s, NULL);
        http_resp_json(resp, 200, json_pack("{s:o,s:o,s:o,s:o}", "session", session_json(&s), "holders",
                                            holders ? holders : json_null(), "aggregate_scope",
                                            insights_aggregate_scope_json(&an.si), "accounts", accounts));
        http_resp_header(resp, "Cache-Control", "no-store");
    }
    analysis_free(&an);
    session_clear(&s);
    return HTTP_DONE;
}

/* ---- downloads ---- */

/* The workbook of session s (account NULL: every account) as bytes
 * (*data malloc'd). Returns 0 / -1. */
static int workbook(struct app *app, const struct session *s, const char *account, char **data, size_t *len)
{
    struct analysis an;
    int rc = -1;
    *data = NULL;
    *len = 0;
    if (analysis_load(app->store, s, &an) == STORE_OK && analysis_build(&an) == 0) {
        char tmp[4096];
        const char *err = NULL;
        snprintf(tmp, sizeof tmp, "%s/blobs/tmp", app->data_dir);
        json_t *doc = insights_session_json(s->id, s->req.link_id, s->req.from_date, s->req.to_date, &an.si);
        rc = doc ? xlsx_report_bytes(tmp, doc, account, data, len, &err) : -1;
        if (rc)
            log_error("console msg=\"xlsx failed\" session=%s err=\"%s\"", id_short(s->id), err ? err : "-");
        json_decref(doc);
    }
    analysis_free(&an);
    return rc;
}

static bool has_account(struct app *app, const struct session *s, const char *account)
{
    struct account_rec *a = NULL;
    size_t n = 0;
    bool found = false;
    if (STORE_CALL(app->store, account_list, s->id, &a, &n) != STORE_OK)
        return false;
    for (size_t i = 0; i < n; i++) {
        found |= !strcmp(a[i].id, account);
        account_rec_clear(&a[i]);
    }
    free(a);
    return found;
}

/* GET /console/api/sessions/<id>/xlsx[?account_id=] */
static enum http_result xlsx_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct console_login l;
    struct session s;
    const char *account = http_req_query(req, "account_id");
    if (account && !*account)
        account = NULL;
    if (load(req, resp, &l, &s, "xlsx.download", account))
        return HTTP_DONE;
    char *data = NULL;
    size_t len = 0;
    if (account && (!uuid_valid(account) || !has_account(app, &s, account))) {
        http_resp_error(resp, 404, "ACCOUNT_NOT_FOUND", "No such account in this session");
    } else if (workbook(app, &s, account, &data, &len)) {
        console_internal(resp);
    } else {
        char cd[160];
        snprintf(cd, sizeof cd, "attachment; filename=\"passbook-%s%s%s.xlsx\"", id_short(s.id),
                 account ? "-" : "", account ? id_short(account) : "");
        http_resp_take(resp, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data, len);
        http_resp_header(resp, "Content-Disposition", cd);
        http_resp_header(resp, "Cache-Control", "private, no-store");
    }
    session_clear(&s);
    return HTTP_DONE;
}

/* GET /console/api/sessions/<id>/statements/<statement_id>/pdf */
static enum http_result pdf_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct console_login l;
    struct session s;
    const char *sid = req->params[1];
    if (load(req, resp, &l, &s, "pdf.download", uuid_valid(sid) ? sid : NULL))
        return HTTP_DONE;
    struct statement_rec x;
    memset(&x, 0, sizeof x);
    int rc = uuid_valid(sid) ? STORE_CALL(app->store, statement_get, sid, &x) : STORE_NOT_FOUND;
    if (rc == STORE_OK && strcmp(x.session_id, s.id))
        rc = STORE_NOT_FOUND; /* another session's statement: not through this one */
    if (rc == STORE_OK && output_pdf_answer(app, &x, resp))
        rc = STORE_NOT_FOUND;
    if (rc == STORE_NOT_FOUND)
        http_resp_error(resp, 404, "FILE_NOT_FOUND", "This statement's file is not kept (any more)");
    else if (rc != STORE_OK)
        console_internal(resp);
    else
        http_resp_header(resp, "Content-Disposition", "attachment; filename=\"statement.pdf\"");
    statement_rec_clear(&x);
    session_clear(&s);
    return HTTP_DONE;
}

API_OFFLOADED(session_get)
API_OFFLOADED(xlsx_get)
API_OFFLOADED(pdf_get)

const struct route CONSOLE_SESSION_ROUTES[] = {
    ROUTE_GET("/console/api/sessions/<id>", session_get_off),
    ROUTE_GET("/console/api/sessions/<id>/xlsx", xlsx_get_off),
    ROUTE_GET("/console/api/sessions/<id>/statements/<statement_id>/pdf", pdf_get_off),
};
const size_t CONSOLE_SESSION_NROUTES = sizeof CONSOLE_SESSION_ROUTES / sizeof CONSOLE_SESSION_ROUTES[0];
