/* The builders of the data endpoints, shared by the session flow
 * (session_output.c) and the entity flow (entity.c): one computation per
 * block, so both flows say the same of the same statements. */
#include "api/output.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blob/blob.h"
#include "ingest/coverage.h"
#include "ingest/records.h"
#include "ingest/seal.h"
#include "notify/notify.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/money.h"
#include "util/json_value.h"

/* A processed session with its accounts and statements. */
void output_free(struct output *o)
{
    for (size_t i = 0; i < o->naccts; i++)
        account_rec_clear(&o->accts[i]);
    free(o->accts);
    for (size_t i = 0; i < o->nstmts; i++)
        statement_rec_clear(&o->stmts[i]);
    free(o->stmts);
    session_clear(&o->s);
}

int output_read(struct app *app, struct output *o)
{
    int rc = STORE_CALL(app->store, account_list, o->s.id, &o->accts, &o->naccts);
    if (rc == STORE_OK)
        rc = STORE_CALL(app->store, statement_list, o->s.id, &o->stmts, &o->nstmts);
    return rc;
}

/* The stored analysis of account a (new reference) or NULL. */
json_t *output_account_doc(const struct account_rec *a)
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

/* The entity-style accounts block (reference §2.10 identity/, §3.3). */
json_t *output_accounts_json(const struct output *o)
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
                           "account_category", json_str_or_null(a->account_category), "account_id", a->id,
                           "account_number", json_str_or_null(a->account_number), "account_opening_date", "bank",
                           json_str_or_null(a->bank), "credit_limit",
                           a->credit_limit ? json_real(money_to_rupees(a->credit_limit)) : json_null(), "ifsc",
                           json_str_or_null(a->ifsc), "micr", json_str_or_null(a->micr), "missing_data", gaps, "od_limit",
                           a->od_limit ? json_real(money_to_rupees(a->od_limit)) : json_null(), "statements",
                           statement_ids(o, a->id), "months", months, "account_type", json_str_or_null(a->account_type),
                           "country_code", "IN", "currency_code", "INR", "last_updated",
                           pb_time_iso8601(a->updated_at, ts, sizeof ts)));
    }
    free(cov);
    return arr;
}

json_t *output_identities(const struct output *o)
{
    json_t *ids = json_array();
    for (size_t i = 0; i < o->naccts; i++) {
        const struct statement_rec *x = latest_statement(o, o->accts[i].id);
        if (x)
            json_array_append_new(ids, ingest_identity_json(x, o->accts[i].id));
    }
    return ids;
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

json_t *output_transactions(struct store *st, const struct output *o, const char *only_account)
{
    json_t *txns = json_array();
    for (size_t i = 0; i < o->naccts; i++) {
        if (only_account && *only_account && strcmp(only_account, o->accts[i].id))
            continue;
        json_t *doc = output_account_doc(&o->accts[i]);
        json_t *rows = json_object_get(doc, "transactions");
        if (json_is_array(rows))
            json_array_extend(txns, rows);
        else
            raw_transactions(st, o, o->accts[i].id, txns);
        json_decref(doc);
    }
    return txns;
}

/* The signature of a file link. */
void output_link_signature(const char *secret, const char *kind, const char *id, long long expires,
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
    output_link_signature(app->link_secret, "pdf", statement_id, expires, sig);
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

bool output_pdf_kept(const struct statement_rec *x)
{
    return x->blob_sha256 && !x->pdf_deleted_at;
}

int output_pdf_answer(const struct app *app, const struct statement_rec *x, struct http_resp *resp)
{
    unsigned char *data = NULL;
    size_t len = 0;
    if (!output_pdf_kept(x) || blob_get(app->ingest.blobs, x->blob_sha256, &data, &len))
        return -1;
    http_resp_take(resp, 200, "application/pdf", (char *)data, len);
    http_resp_header(resp, "Cache-Control", "private, no-store");
    return 0;
}

json_t *output_pdfs(const struct app *app, const struct output *o)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < o->nstmts; i++) {
        const struct statement_rec *x = &o->stmts[i];
        bool kept = output_pdf_kept(x);
        char *url = kept ? pdf_url(app, x->id) : NULL;
        char *password = NULL;
        if (kept && x->pdf_password_enc && app->ingest.have_seal_key)
            seal_decrypt(app->ingest.seal_key, x->pdf_password_enc, x->pdf_password_enc_len, &password);
        json_array_append_new(arr, json_pack("{s:s,s:o,s:o,s:s,s:s,s:s,s:s}", "statement_id", x->id, "bank_name",
                                             json_str_or_null(x->bank), "pdf_password", json_str_or_null(password),
                                             "pdf_url", url ? url : "", "account_id", x->account_id, "source",
                                             "PDF", "message", pdf_message(x)));
        if (password)
            explicit_bzero(password, strlen(password));
        free(password);
        free(url);
    }
    return arr;
}

int output_analyse(struct app *app, const struct output *o, struct analysis *an)
{
    if (analysis_load(app->store, &o->s, an) != STORE_OK || analysis_build(an)) {
        analysis_free(an);
        return -1;
    }
    return 0;
}

/* The signed link of the session's workbook (account NULL: every account
 * and the aggregate) or of one account's workbook. */
char *output_xlsx_url(const struct app *app, const struct session *s, const char *account)
{
    long long expires = (long long)pb_now() + app->link_ttl_s;
    char id[3 * PB_UUID_BUF + 3], sig[PB_SHA256_HEX];
    snprintf(id, sizeof id, "%s.%s%s%s", s->id, s->org_id, account ? "." : "", account ? account : "");
    output_link_signature(app->link_secret, "xlsx", id, expires, sig);
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

json_t *output_xlsx_reports(const struct app *app, const struct output *o)
{
    json_t *reports = json_array();
    for (size_t i = 0; i < o->naccts; i++) {
        char *one = output_xlsx_url(app, &o->s, o->accts[i].id);
        json_array_append_new(reports, json_pack("{s:s,s:s}", "link", one ? one : "", "account_id", o->accts[i].id));
        free(one);
    }
    return reports;
}
