/* /bank-connect/v1/entity/...: FinBox's legacy entity flow (reference §3),
 * as its official Python client speaks it (core/entity.h for the model):
 *
 *   POST entity/                     create (form or JSON: link_id, is_single_account, meta_data) 201
 *   GET  entity/?link_id=&page=      list, 10 a page
 *   GET  entity/<id>/                {entity_id, link_id, meta_data}
 *   GET  entity/<id>/accounts/ identity/ transactions/ salary/ recurring_transactions/
 *        lender_transactions/ get_expense_categories/ top_credits_debits/
 *        monthly_analysis_updated/ monthly_analysis/ predictors/ score/ xlsx_report/ get_pdfs/
 *   POST entity/update_webhook/      the organisation's webhook (as session_data/update_webhook/)
 *   GET  entity/webhook_payloads/?link_id=   the entity webhooks of a link, newest first
 *
 * Authentication: x-api-key alone (the client sends nothing else); a
 * server-hash, when sent, must be right. Errors are DRF's {"detail"}
 * (401, 404 "Not found.") by the path's error style (api_register).
 *
 * Every analysis GET carries `progress` (one entry per statement: the state
 * of the analysis its upload queued), `accounts` and `fraud`, and reads the
 * per-account document the pipeline stored (the enrichment library's
 * insights_data_json), so it says what the session flow says of the same
 * statements. Clients poll until every progress entry is "completed". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "api/api.h"
#include "api/output.h"
#include "core/entity.h"
#include "ingest/coverage.h"
#include "util/date.h"
#include "util/fault.h"
#include "util/clock.h"
#include "util/log.h"

static const char NO_AUTH[] = "Authentication credentials were not provided.";

static void internal(struct http_resp *resp)
{
    http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
}

int api_entity_auth(struct http_req *req, struct http_resp *resp, struct org *org)
{
    int found = api_find_org(req->app, http_req_header(req, "x-api-key"), org);
    if (found < 0) {
        internal(resp);
        return -1;
    }
    const char *sh = http_req_header(req, "server-hash");
    if (found && sh) {
        char hash[PB_SHA256_HEX];
        org_hash_secret(sh, hash);
        if (!secret_equal(org->server_hash_hash, hash)) {
            org_clear(org);
            found = 0;
        }
    }
    if (!found) {
        http_resp_error(resp, 401, "AUTHENTICATION_CREDENTIALS_NOT_PROVIDED", NO_AUTH);
        return -1;
    }
    return 0;
}

int api_entity_find(struct app *app, const char *raw_id, const char *org_id, struct entity *e)
{
    char id[PB_UUID_BUF];
    if (!uuid_lower(raw_id, id))
        return STORE_NOT_FOUND;
    return STORE_CALL(app->store, entity_get, id, org_id, e);
}

json_t *api_entity_json(const struct entity *e)
{
    return json_pack("{s:s,s:s?,s:s?}", "entity_id", e->id, "link_id", e->link_id, "meta_data", e->meta_data);
}

int api_entity_queue(struct app *app, const struct entity *e, const char *statement_id)
{
    struct job_spec job;
    int64_t now = pb_now();
    int rc = job_spec_process_entity(&job, e->id, e->org_id, e->session_id, statement_id, now)
                 ? STORE_ERROR
                 : STORE_CALL(app->store, job_insert, &job, now);
    job_spec_clear(&job);
    return rc == STORE_OK || rc == STORE_CONFLICT ? 0 : -1;
}

/* ---- create, get, list ---- */

/* A form value as a boolean: true, "true", "1", "True". */
static bool field_true(const json_t *v)
{
    if (json_is_boolean(v))
        return json_is_true(v);
    const char *s = json_string_value(v);
    return s && (!strcasecmp(s, "true") || !strcmp(s, "1"));
}

/* A field error in DRF's shape: {"<field>": ["<message>"]}. */
static void field_error(struct http_resp *resp, const char *field, const char *message)
{
    http_resp_json(resp, 400, json_pack("{s:[s]}", field, message));
    resp->error_code = "INVALID_REQUEST";
}

static enum http_result entity_create(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct org org;
    if (api_entity_auth(req, resp, &org))
        return HTTP_DONE;
    json_t *body = api_form_fields(req);
    json_t *link = json_object_get(body, "link_id"), *meta = json_object_get(body, "meta_data");
    char *meta_text = NULL;
    if (!body) {
        http_resp_error(resp, 400, "INVALID_REQUEST", "The body is not a form or a JSON object.");
        goto out;
    }
    if (link && !json_is_null(link) && (!json_is_string(link) || json_string_length(link) > ENTITY_LINK_MAX)) {
        field_error(resp, "link_id", "Ensure this field is a string of no more than 500 characters.");
        goto out;
    }
    if (meta && !json_is_null(meta))
        meta_text = json_is_string(meta) ? strdup(json_string_value(meta))
                                         : json_dumps(meta, JSON_COMPACT | JSON_REAL_PRECISION(15));
    if (meta_text && strlen(meta_text) > ENTITY_META_MAX) {
        field_error(resp, "meta_data", "Ensure this field has no more than 4096 characters.");
        goto out;
    }
    const char *link_id = json_string_value(link);
    struct entity e;
    struct session s;
    if (entity_new(&e, &s, org.id, link_id && *link_id ? link_id : NULL, meta_text,
                   field_true(json_object_get(body, "is_single_account")), pb_now())) {
        internal(resp);
        goto out;
    }
    if (STORE_CALL(app->store, entity_insert, &e, &s) == STORE_OK)
        http_resp_json(resp, 201, api_entity_json(&e));
    else
        internal(resp);
    entity_clear(&e);
    session_clear(&s);
out:
    free(meta_text);
    json_decref(body);
    org_clear(&org);
    return HTTP_DONE;
}

static enum http_result entity_get(struct http_req *req, struct http_resp *resp)
{
    struct org org;
    if (api_entity_auth(req, resp, &org))
        return HTTP_DONE;
    struct entity e;
    int rc = api_entity_find(req->app, req->params[0], org.id, &e);
    if (rc == STORE_OK)
        http_resp_json(resp, 200, api_entity_json(&e));
    else if (rc == STORE_NOT_FOUND)
        http_resp_error(resp, 404, "NOT_FOUND", "Not found.");
    else
        internal(resp);
    if (rc == STORE_OK)
        entity_clear(&e);
    org_clear(&org);
    return HTTP_DONE;
}

/* "<public_url>/bank-connect/v1/entity/?page=N[&link_id=...]" or null. */
static json_t *page_url(const struct app *app, long page, const char *link_id)
{
    if (page < 1)
        return json_null();
    char *enc = link_id ? api_query_escape(link_id) : NULL;
    char *url = NULL;
    size_t n = strlen(app->public_url);
    while (n && app->public_url[n - 1] == '/')
        n--;
    int rc = asprintf(&url, "%.*s/bank-connect/v1/entity/?page=%ld%s%s", (int)n, app->public_url, page,
                      enc ? "&link_id=" : "", enc ? enc : "");
    free(enc);
    json_t *j = rc < 0 ? json_null() : json_string(url);
    free(url);
    return j ? j : json_null();
}

static enum http_result entity_list(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct org org;
    if (api_entity_auth(req, resp, &org))
        return HTTP_DONE;
    const char *link = http_req_query(req, "link_id"), *p = http_req_query(req, "page");
    char *end = NULL;
    long page = p ? strtol(p, &end, 10) : 1;
    if (p && (*end || page < 1 || page > 1000000)) {
        http_resp_error(resp, 404, "NOT_FOUND", "Invalid page.");
        org_clear(&org);
        return HTTP_DONE;
    }
    struct entity *es = NULL;
    size_t n = 0, total = 0;
    int rc = STORE_CALL(app->store, entity_list, org.id, link, (size_t)(page - 1) * ENTITY_PAGE_SIZE,
                        ENTITY_PAGE_SIZE, &es, &n, &total);
    if (rc != STORE_OK) {
        internal(resp);
    } else if (n == 0 && page > 1) {
        http_resp_error(resp, 404, "NOT_FOUND", "Invalid page.");
    } else {
        json_t *results = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(results, api_entity_json(&es[i]));
        bool more = (size_t)page * ENTITY_PAGE_SIZE < total;
        http_resp_json(resp, 200, json_pack("{s:I,s:o,s:o,s:o}", "count", (json_int_t)total, "next",
                                            more ? page_url(app, page + 1, link) : json_null(), "previous",
                                            page_url(app, page - 1, link), "results", results));
    }
    for (size_t i = 0; i < n; i++)
        entity_clear(&es[i]);
    free(es);
    org_clear(&org);
    return HTTP_DONE;
}

/* ---- the analysis GETs ---- */

/* An entity with its statements, accounts and progress. */
struct view {
    struct entity e;
    struct output o;
    struct job_state *jobs; /* the entity jobs, read before the output (view_load) */
    size_t njobs;
    json_t *progress;       /* [{statement_id, status, message, source}] */
    bool completed;         /* every statement analysed */
};

static void view_free(struct view *v)
{
    json_decref(v->progress);
    free(v->jobs);
    output_free(&v->o);
    entity_clear(&v->e);
}

static const char *job_status(const struct job_state *jobs, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(jobs[i].dedupe_key, key)) {
            if (!strcmp(jobs[i].state, "done"))
                return "completed";
            return strcmp(jobs[i].state, "failed") ? "processing" : "failed";
        }
    return NULL;
}

/* Each statement's progress: the state of the analysis its upload queued.
 * A statement whose job is missing (a crash between the upload's commit
 * and the queueing) gets it now. */
static json_t *progress_json(struct app *app, struct view *v)
{
    json_t *arr = json_array();
    v->completed = true;
    for (size_t i = 0; i < v->o.nstmts; i++) {
        const struct statement_rec *x = &v->o.stmts[i];
        char key[128];
        entity_job_key(x->id, key, sizeof key);
        const char *st = job_status(v->jobs, v->njobs, key);
        if (!st) {
            api_entity_queue(app, &v->e, x->id);
            st = "processing";
        }
        v->completed = v->completed && !strcmp(st, "completed");
        json_array_append_new(arr, json_pack("{s:s,s:s,s:s,s:s,s:s}", "statement_id", x->id, "status", st,
                                             "transaction_status", st, "message",
                                             strcmp(st, "failed") ? "" : "The statement could not be analysed",
                                             "source", x->source ? x->source : "pdf"));
    }
    return arr;
}

/* Auth, the entity, its statements and accounts, progress. Returns 0, or
 * -1 with resp filled. */
static int view_load(struct http_req *req, struct http_resp *resp, struct view *v)
{
    struct app *app = req->app;
    struct org org;
    memset(v, 0, sizeof *v);
    if (api_entity_auth(req, resp, &org))
        return -1;
    int rc = api_entity_find(app, req->params[0], org.id, &v->e);
    if (rc == STORE_OK)
        rc = STORE_CALL(app->store, session_get, v->e.session_id, org.id, &v->o.s);
    org_clear(&org);
    if (rc == STORE_NOT_FOUND) {
        http_resp_error(resp, 404, "NOT_FOUND", "Not found.");
        entity_clear(&v->e);
        return -1;
    }
    /* Job states before the output: a job is marked done after its results
     * are committed, so "completed" here means the output read next has them. */
    if (rc == STORE_OK)
        rc = STORE_CALL(app->store, job_states, v->e.session_id, JOB_PROCESS_ENTITY, &v->jobs, &v->njobs);
    fault_point("entity.view");
    if (rc != STORE_OK || output_read(app, &v->o) != STORE_OK || !(v->progress = progress_json(app, v))) {
        internal(resp);
        view_free(v);
        return -1;
    }
    /* coverage over the period the statements cover, not all time */
    coverage_narrow(&v->o.s, v->o.stmts, v->o.nstmts);
    return 0;
}

/* Whether account a is asked for (?account_id=, any case). */
static bool account_wanted(const struct http_req *req, const char *account_id)
{
    const char *only = http_req_query(req, "account_id");
    return !only || !*only || !strcasecmp(only, account_id);
}

/* The stored analysis of every wanted account, as [account_id, doc] pairs
 * through the callback. */
typedef void (*doc_fn)(const char *account_id, json_t *doc, json_t *acc);

static void each_doc(const struct http_req *req, const struct view *v, doc_fn fn, json_t *acc)
{
    for (size_t i = 0; i < v->o.naccts; i++) {
        if (!account_wanted(req, v->o.accts[i].id))
            continue;
        json_t *doc = output_account_doc(&v->o.accts[i]);
        if (doc)
            fn(v->o.accts[i].id, doc, acc);
        json_decref(doc);
    }
}

static void add_fraud(const char *account_id, json_t *doc, json_t *acc)
{
    json_t *list = json_object_get(acc, "fraud_type"), *ids = json_object_get(acc, "fraudulent_statements"), *f;
    size_t i;
    json_array_foreach(json_object_get(doc, "fraud"), i, f)
    {
        json_t *copy = json_deep_copy(f);
        json_object_set_new(copy, "account_id", json_string(account_id));
        json_array_append_new(list, copy);
        const char *sid = json_string_value(json_object_get(f, "statement_id"));
        bool seen = false;
        json_t *x;
        size_t k;
        json_array_foreach(ids, k, x) seen = seen || (sid && !strcmp(json_string_value(x), sid));
        if (sid && !seen)
            json_array_append_new(ids, json_string(sid));
    }
}

/* fraud: {fraudulent_statements: [statement ids], fraud_type: [findings with account_id]} */
static json_t *fraud_json(const struct http_req *req, const struct view *v)
{
    json_t *acc = json_pack("{s:[],s:[]}", "fraudulent_statements", "fraud_type");
    each_doc(req, v, add_fraud, acc);
    return acc;
}

/* {entity_id, progress, accounts, fraud} + extra (stolen). */
static void answer(struct http_req *req, struct http_resp *resp, struct view *v, json_t *extra)
{
    json_t *body = json_pack("{s:s,s:O,s:o,s:o}", "entity_id", v->e.id, "progress", v->progress, "accounts",
                             output_accounts_json(&v->o), "fraud", fraud_json(req, v));
    if (extra)
        json_object_update(body, extra);
    json_decref(extra);
    http_resp_json(resp, 200, body);
}

static enum http_result accounts_get(struct http_req *req, struct http_resp *resp)
{
    struct view v;
    if (view_load(req, resp, &v))
        return HTTP_DONE;
    answer(req, resp, &v, NULL);
    view_free(&v);
    return HTTP_DONE;
}

static enum http_result identity_get(struct http_req *req, struct http_resp *resp)
{
    struct view v;
    if (view_load(req, resp, &v))
        return HTTP_DONE;
    answer(req, resp, &v, json_pack("{s:o}", "identity", output_identities(&v.o)));
    view_free(&v);
    return HTTP_DONE;
}

/* ?from_date= / ?to_date= (YYYY-MM-DD or DD/MM/YYYY): 0, or -1 with a 400. */
static int date_filter(const struct http_req *req, struct http_resp *resp, pb_day *from, pb_day *to)
{
    const char *names[2] = {"from_date", "to_date"};
    pb_day *out[2] = {from, to};
    for (int i = 0; i < 2; i++) {
        const char *s = http_req_query(req, names[i]);
        *out[i] = PB_NO_DAY;
        if (s && *s && !date_parse_iso(s, out[i]) && !date_parse_dmy(s, out[i])) {
            field_error(resp, names[i], "Date has wrong format. Use one of these formats instead: YYYY-MM-DD, DD/MM/YYYY.");
            return -1;
        }
    }
    return 0;
}

/* The rows of arr whose "date" (YYYY-MM-DD...) is within [from, to]. */
static json_t *by_date(json_t *arr, pb_day from, pb_day to)
{
    if (from == PB_NO_DAY && to == PB_NO_DAY)
        return arr;
    json_t *out = json_array(), *t;
    size_t i;
    json_array_foreach(arr, i, t)
    {
        const char *d = json_string_value(json_object_get(t, "date"));
        char day[PB_DATE_BUF];
        pb_day x;
        if (!d || strlen(d) < 10)
            continue;
        snprintf(day, sizeof day, "%.10s", d);
        if (date_parse_iso(day, &x) && (from == PB_NO_DAY || x >= from) && (to == PB_NO_DAY || x <= to))
            json_array_append(out, t);
    }
    json_decref(arr);
    return out;
}

/* transactions/, salary/, lender_transactions/: a list of the account
 * documents' key (or every transaction), filtered. */
static void add_list(const char *account_id, json_t *doc, json_t *acc)
{
    json_array_extend(json_object_get(acc, "out"), json_object_get(doc, json_string_value(json_object_get(acc, "key"))));
}

static enum http_result list_get(struct http_req *req, struct http_resp *resp, const char *key)
{
    struct app *app = req->app;
    struct view v;
    pb_day from, to;
    if (view_load(req, resp, &v))
        return HTTP_DONE;
    if (date_filter(req, resp, &from, &to) == 0) {
        json_t *rows;
        if (!strcmp(key, "transactions")) {
            rows = output_transactions(app->store, &v.o, NULL);
            json_t *kept = json_array(), *t;
            size_t i;
            json_array_foreach(rows, i, t) if (account_wanted(req, json_string_value(json_object_get(t, "account_id"))))
                json_array_append(kept, t);
            json_decref(rows);
            rows = kept;
        } else {
            json_t *acc = json_pack("{s:[],s:s}", "out", "key", key);
            each_doc(req, &v, add_list, acc);
            rows = json_incref(json_object_get(acc, "out"));
            json_decref(acc);
        }
        answer(req, resp, &v, json_pack("{s:o}", "transactions", by_date(rows, from, to)));
    }
    view_free(&v);
    return HTTP_DONE;
}

static enum http_result transactions_get(struct http_req *req, struct http_resp *resp)
{
    return list_get(req, resp, "transactions");
}

static enum http_result salary_get(struct http_req *req, struct http_resp *resp)
{
    return list_get(req, resp, "salary_transactions");
}

static enum http_result lender_get(struct http_req *req, struct http_resp *resp)
{
    return list_get(req, resp, "lender_transactions");
}

static void add_recurring(const char *account_id, json_t *doc, json_t *acc)
{
    json_t *r = json_object_get(doc, "recurring_transactions");
    json_array_extend(json_object_get(acc, "credit_transactions"), json_object_get(r, "credit_transactions"));
    json_array_extend(json_object_get(acc, "debit_transactions"), json_object_get(r, "debit_transactions"));
}

static enum http_result recurring_get(struct http_req *req, struct http_resp *resp)
{
    struct view v;
    if (view_load(req, resp, &v))
        return HTTP_DONE;
    json_t *acc = json_pack("{s:[],s:[]}", "credit_transactions", "debit_transactions");
    each_doc(req, &v, add_recurring, acc);
    answer(req, resp, &v, json_pack("{s:o}", "transactions", acc));
    view_free(&v);
    return HTTP_DONE;
}

/* Expense categories of several accounts: each account's percentages
 * weighted by its debits, rounded so they still sum to 100. */
static void add_categories(const char *account_id, json_t *doc, json_t *acc)
{
    double debits = 0;
    json_t *t, *c;
    size_t i;
    json_array_foreach(json_object_get(doc, "transactions"), i, t) if (
        !strcmp(json_string_value(json_object_get(t, "transaction_type")) ?: "", "debit"))
        debits += json_number_value(json_object_get(t, "amount"));
    json_array_foreach(json_object_get(doc, "expense_categories"), i, c)
    {
        const char *name = json_string_value(json_object_get(c, "category"));
        if (!name)
            continue;
        double w = json_number_value(json_object_get(acc, name)) +
                   debits * json_number_value(json_object_get(c, "percentage")) / 100.0;
        json_object_set_new(acc, name, json_real(w));
    }
}

static enum http_result categories_get(struct http_req *req, struct http_resp *resp)
{
    struct view v;
    if (view_load(req, resp, &v))
        return HTTP_DONE;
    json_t *w = json_object(), *x;
    each_doc(req, &v, add_categories, w);
    double total = 0;
    const char *k;
    json_object_foreach(w, k, x) total += json_number_value(x);
    json_t *cats = json_array();
    int sum = 0;
    size_t biggest = 0;
    double big = -1;
    json_object_foreach(w, k, x)
    {
        int pct = total > 0 ? (int)(100.0 * json_number_value(x) / total + 0.5) : 0;
        if (json_number_value(x) > big) {
            big = json_number_value(x);
            biggest = json_array_size(cats);
        }
        sum += pct;
        json_array_append_new(cats, json_pack("{s:s,s:i}", "category", k, "percentage", pct));
    }
    if (sum && sum != 100) { /* rounding: the largest category takes the difference */
        json_t *b = json_array_get(cats, biggest);
        json_object_set_new(b, "percentage", json_integer(json_integer_value(json_object_get(b, "percentage")) + 100 - sum));
    }
    json_decref(w);
    http_resp_json(resp, 200, json_pack("{s:s,s:O,s:o}", "entity_id", v.e.id, "progress", v.progress, "categories", cats));
    view_free(&v);
    return HTTP_DONE;
}

/* top_5_credit_debit: {top_5_credit: {"Mon-YY": {note: amount}}, top_5_debit: {...}} */
static void add_top(const char *account_id, json_t *doc, json_t *acc)
{
    json_t *group, *month, *t;
    size_t i, j, k;
    json_array_foreach(json_object_get(doc, "top_credits_debits"), i, group)
    {
        json_t *side = json_object_get(acc, json_string_value(json_object_get(group, "type")) ?: "");
        if (!side)
            continue;
        json_array_foreach(json_object_get(group, "data"), j, month)
        {
            const char *m = json_string_value(json_object_get(month, "month"));
            if (!m)
                continue;
            json_t *notes = json_object_get(side, m);
            if (!notes) {
                notes = json_object();
                json_object_set_new(side, m, notes);
            }
            json_array_foreach(json_object_get(month, "data"), k, t)
            {
                const char *note = json_string_value(json_object_get(t, "transaction_note")) ?: "";
                double amt = json_number_value(json_object_get(notes, note)) +
                             json_number_value(json_object_get(t, "amount"));
                json_object_set_new(notes, note, json_real(amt));
            }
        }
    }
}

static enum http_result top_get(struct http_req *req, struct http_resp *resp)
{
    struct view v;
    if (view_load(req, resp, &v))
        return HTTP_DONE;
    json_t *acc = json_pack("{s:{},s:{}}", "top_5_credit", "top_5_debit");
    each_doc(req, &v, add_top, acc);
    http_resp_json(resp, 200, json_pack("{s:s,s:O,s:o}", "entity_id", v.e.id, "progress", v.progress,
                                        "top_5_credit_debit", acc));
    view_free(&v);
    return HTTP_DONE;
}

/* monthly_analysis: {"<account_id>": {"monthly_analysis": {metric: {"Mon-YYYY": n}}}} */
static void add_monthly(const char *account_id, json_t *doc, json_t *acc)
{
    json_object_set_new(acc, account_id, json_pack("{s:O}", "monthly_analysis", json_object_get(doc, "monthly_analysis")));
}

static enum http_result monthly_get(struct http_req *req, struct http_resp *resp)
{
    struct view v;
    if (view_load(req, resp, &v))
        return HTTP_DONE;
    json_t *acc = json_object();
    each_doc(req, &v, add_monthly, acc);
    answer(req, resp, &v, json_pack("{s:o}", "monthly_analysis", acc));
    view_free(&v);
    return HTTP_DONE;
}

/* predictors: [{account_id, predictors}]; score: [{account_id, score}];
 * empty while any statement is processing (reference §3.4). */
static void add_predictors(const char *account_id, json_t *doc, json_t *acc)
{
    json_array_append_new(acc, json_pack("{s:s,s:O}", "account_id", account_id, "predictors",
                                         json_object_get(doc, "predictors")));
}

static void add_score(const char *account_id, json_t *doc, json_t *acc)
{
    json_t *s = json_object_get(doc, "score");
    json_array_append_new(acc, json_pack("{s:s,s:O}", "account_id", account_id, "score", s ? s : json_null()));
}

static enum http_result per_account_get(struct http_req *req, struct http_resp *resp, const char *key, doc_fn fn)
{
    struct view v;
    if (view_load(req, resp, &v))
        return HTTP_DONE;
    json_t *acc = json_array();
    if (v.completed)
        each_doc(req, &v, fn, acc);
    http_resp_json(resp, 200, json_pack("{s:s,s:O,s:o}", "entity_id", v.e.id, "progress", v.progress, key, acc));
    view_free(&v);
    return HTTP_DONE;
}

static enum http_result predictors_get(struct http_req *req, struct http_resp *resp)
{
    return per_account_get(req, resp, "predictors", add_predictors);
}

static enum http_result score_get(struct http_req *req, struct http_resp *resp)
{
    return per_account_get(req, resp, "score", add_score);
}

static enum http_result xlsx_get(struct http_req *req, struct http_resp *resp)
{
    struct view v;
    if (view_load(req, resp, &v))
        return HTTP_DONE;
    json_t *reports = v.completed ? output_xlsx_reports(req->app, &v.o) : json_array();
    http_resp_json(resp, 200, json_pack("{s:s,s:O,s:o}", "entity_id", v.e.id, "progress", v.progress, "reports", reports));
    view_free(&v);
    return HTTP_DONE;
}

static enum http_result pdfs_get(struct http_req *req, struct http_resp *resp)
{
    struct view v;
    if (view_load(req, resp, &v))
        return HTTP_DONE;
    http_resp_json(resp, 200, json_pack("{s:s,s:o}", "entity_id", v.e.id, "statements", output_pdfs(req->app, &v.o)));
    view_free(&v);
    return HTTP_DONE;
}

/* ---- webhooks ---- */

static enum http_result update_webhook(struct http_req *req, struct http_resp *resp)
{
    struct org org;
    if (api_entity_auth(req, resp, &org))
        return HTTP_DONE;
    json_t *body = api_form_fields(req);
    json_t *mode = json_object_get(body, "webhook_mode");
    if (json_is_string(mode)) { /* a form sends "1" */
        char *end = NULL;
        long m = strtol(json_string_value(mode), &end, 10);
        json_object_set_new(body, "webhook_mode", *end || end == json_string_value(mode) ? json_string("x")
                                                                                          : json_integer(m));
    }
    if (!body)
        http_resp_error(resp, 400, "INVALID_REQUEST", "The body is not a form or a JSON object.");
    else
        api_webhook_configure(req->app, &org, body, resp);
    json_decref(body);
    org_clear(&org);
    return HTTP_DONE;
}

/* One entity's webhook payloads (reference §4.2): a statement whose
 * analysis ended, completed or failed, with the time it ended. */
static void entity_payloads(struct app *app, const struct entity *e, json_t *out)
{
    struct job_state *jobs = NULL;
    struct statement_rec *st = NULL;
    size_t nj = 0, ns = 0;
    if (STORE_CALL(app->store, job_states, e->session_id, JOB_PROCESS_ENTITY, &jobs, &nj) != STORE_OK ||
        STORE_CALL(app->store, statement_list, e->session_id, &st, &ns) != STORE_OK)
        ns = 0;
    for (size_t i = 0; i < ns; i++) {
        char key[128], when[32];
        entity_job_key(st[i].id, key, sizeof key);
        for (size_t k = 0; k < nj; k++) {
            bool done = !strcmp(jobs[k].state, "done"), failed = !strcmp(jobs[k].state, "failed");
            if (strcmp(jobs[k].dedupe_key, key) || (!done && !failed))
                continue;
            json_t *p = entity_webhook_payload(e, st[i].id, done ? "completed" : "failed");
            json_object_set_new(p, "date_time", json_string(pb_time_text(jobs[k].updated_at, when, sizeof when)));
            json_array_append_new(out, p);
        }
        statement_rec_clear(&st[i]);
    }
    free(st);
    free(jobs);
}

static int newest_first(const void *a, const void *b)
{
    const char *x = json_string_value(json_object_get(*(json_t *const *)a, "date_time"));
    const char *y = json_string_value(json_object_get(*(json_t *const *)b, "date_time"));
    return strcmp(y ? y : "", x ? x : "");
}

json_t *api_entity_payloads(struct app *app, const char *org_id, const char *link_id)
{
    json_t *out = json_array();
    for (size_t offset = 0;; offset += 100) {
        struct entity *es = NULL;
        size_t n = 0, total = 0;
        if (STORE_CALL(app->store, entity_list, org_id, link_id, offset, 100, &es, &n, &total) != STORE_OK) {
            json_decref(out);
            return NULL;
        }
        for (size_t i = 0; i < n; i++) {
            entity_payloads(app, &es[i], out);
            entity_clear(&es[i]);
        }
        free(es);
        if (n < 100)
            break;
    }
    size_t n = json_array_size(out);
    json_t **items = calloc(n ? n : 1, sizeof *items);
    for (size_t i = 0; items && i < n; i++)
        items[i] = json_incref(json_array_get(out, i));
    if (items) {
        qsort(items, n, sizeof *items, newest_first);
        json_array_clear(out);
        for (size_t i = 0; i < n; i++)
            json_array_append_new(out, items[i]);
    }
    free(items);
    return out;
}

static enum http_result webhook_payloads(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct org org;
    if (api_entity_auth(req, resp, &org))
        return HTTP_DONE;
    const char *link = http_req_query(req, "link_id");
    if (!link || !*link) {
        field_error(resp, "link_id", "This field is required.");
        org_clear(&org);
        return HTTP_DONE;
    }
    json_t *payloads = api_entity_payloads(app, org.id, link);
    if (payloads)
        http_resp_json(resp, 200, json_pack("{s:o}", "payloads", payloads));
    else
        internal(resp);
    org_clear(&org);
    return HTTP_DONE;
}

/* The analysis GETs read and rebuild stored documents: on the report pool (api_offload). */
API_OFFLOADED(accounts_get)
API_OFFLOADED(identity_get)
API_OFFLOADED(transactions_get)
API_OFFLOADED(salary_get)
API_OFFLOADED(recurring_get)
API_OFFLOADED(lender_get)
API_OFFLOADED(categories_get)
API_OFFLOADED(top_get)
API_OFFLOADED(monthly_get)
API_OFFLOADED(predictors_get)
API_OFFLOADED(score_get)
API_OFFLOADED(xlsx_get)
API_OFFLOADED(pdfs_get)

const struct route ENTITY_ROUTES[] = {
    /* literal paths before "<id>" */
    {HTTP_POST, "/bank-connect/v1/entity/update_webhook/", update_webhook, BODY_RAW, 0, NULL, API_FORM_TYPES},
    ROUTE_GET("/bank-connect/v1/entity/webhook_payloads/", webhook_payloads),
    {HTTP_POST, "/bank-connect/v1/entity/", entity_create, BODY_RAW, 0, NULL, API_FORM_TYPES},
    ROUTE_GET("/bank-connect/v1/entity/", entity_list),
    ROUTE_GET("/bank-connect/v1/entity/<id>/", entity_get),
    ROUTE_GET("/bank-connect/v1/entity/<id>/accounts/", accounts_get_off),
    ROUTE_GET("/bank-connect/v1/entity/<id>/identity/", identity_get_off),
    ROUTE_GET("/bank-connect/v1/entity/<id>/transactions/", transactions_get_off),
    ROUTE_GET("/bank-connect/v1/entity/<id>/salary/", salary_get_off),
    ROUTE_GET("/bank-connect/v1/entity/<id>/recurring_transactions/", recurring_get_off),
    ROUTE_GET("/bank-connect/v1/entity/<id>/lender_transactions/", lender_get_off),
    ROUTE_GET("/bank-connect/v1/entity/<id>/get_expense_categories/", categories_get_off),
    ROUTE_GET("/bank-connect/v1/entity/<id>/top_credits_debits/", top_get_off),
    ROUTE_GET("/bank-connect/v1/entity/<id>/monthly_analysis_updated/", monthly_get_off),
    ROUTE_GET("/bank-connect/v1/entity/<id>/monthly_analysis/", monthly_get_off),
    ROUTE_GET("/bank-connect/v1/entity/<id>/predictors/", predictors_get_off),
    ROUTE_GET("/bank-connect/v1/entity/<id>/score/", score_get_off),
    ROUTE_GET("/bank-connect/v1/entity/<id>/xlsx_report/", xlsx_get_off),
    ROUTE_GET("/bank-connect/v1/entity/<id>/get_pdfs/", pdfs_get_off),
};
const size_t ENTITY_NROUTES = sizeof ENTITY_ROUTES / sizeof ENTITY_ROUTES[0];
