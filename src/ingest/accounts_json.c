#include "ingest/accounts_json.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/bank.h"
#include "enrich/holders.h"
#include "ingest/coverage.h"
#include "ingest/ingest.h"
#include "util/clock.h"
#include "util/json_value.h"


static json_t *masked(const char *number)
{
    char buf[128];
    return number ? json_string(ingest_mask_account(number, buf, sizeof buf)) : json_null();
}

/* The session's statements and accounts, loaded once per call. */
struct loaded {
    struct statement_rec *stmts;
    size_t nstmts;
    struct account_rec *accts;
    size_t naccts;
};

static int load(struct store *st, const struct session *s, struct loaded *l)
{
    memset(l, 0, sizeof *l);
    if (STORE_CALL(st, statement_list, s->id, &l->stmts, &l->nstmts) != STORE_OK)
        return -1;
    if (STORE_CALL(st, account_list, s->id, &l->accts, &l->naccts) != STORE_OK)
        return -1;
    return 0;
}

static void unload(struct loaded *l)
{
    for (size_t i = 0; i < l->nstmts; i++)
        statement_rec_clear(&l->stmts[i]);
    free(l->stmts);
    for (size_t i = 0; i < l->naccts; i++)
        account_rec_clear(&l->accts[i]);
    free(l->accts);
}

/* Pointers to the statements of account a (array malloc'd). */
static const struct statement_rec **account_stmts(const struct loaded *l, const struct account_rec *a, size_t *n)
{
    const struct statement_rec **sel = calloc(l->nstmts + 1, sizeof *sel);
    *n = 0;
    for (size_t i = 0; sel && i < l->nstmts; i++)
        if (!strcmp(l->stmts[i].account_id, a->id))
            sel[(*n)++] = &l->stmts[i];
    return sel;
}

/* An account none of whose statements was accepted (an Account Aggregator
 * consent rejected, FI denied...): its latest failure, else NULL. */
static const struct statement_rec *account_failure(const struct statement_rec *const *sel, size_t n)
{
    const struct statement_rec *failed = NULL;
    for (size_t k = 0; k < n; k++) {
        if (!sel[k]->status || !strcmp(sel[k]->status, "completed"))
            return NULL;
        failed = sel[k];
    }
    return failed;
}

/* ["PDF"], ["AA"] or both: where the account's statements came from. */
static json_t *attempt_types(const struct statement_rec *const *sel, size_t n)
{
    bool pdf = false, aa = false;
    for (size_t k = 0; k < n; k++)
        *(sel[k]->source && !strcmp(sel[k]->source, "aa") ? &aa : &pdf) = true;
    json_t *a = json_array();
    if (pdf || !aa)
        json_array_append_new(a, json_string("PDF"));
    if (aa)
        json_array_append_new(a, json_string("AA"));
    return a;
}

static json_t *range_dmy(pb_day from, pb_day to)
{
    char a[PB_DATE_BUF], b[PB_DATE_BUF];
    return json_pack("{s:o,s:o}", "from_date", from == PB_NO_DAY ? json_null() : json_string(date_fmt_dmy(from, a)),
                     "to_date", to == PB_NO_DAY ? json_null() : json_string(date_fmt_dmy(to, b)));
}

/* created_at of a statement as upload-status prints it:
 * "YYYY-MM-DD HH:MM:SS.ffffff+00:00". */
static json_t *created_upload_fmt(int64_t t)
{
    char buf[48], out[64];
    pb_time_text(t, buf, sizeof buf);
    snprintf(out, sizeof out, "%s.000000+00:00", buf);
    return json_string(out);
}

static json_t *statement_json(const struct statement_rec *x, bool iso_created)
{
    char buf[48];
    return json_pack("{s:s,s:s,s:o,s:o,s:s,s:o,s:o,s:o}", "statement_id", x->id, "statement_status",
                     x->status ? x->status : "completed", "error_code", json_str_or_null(x->error_code),
                     "error_message", json_str_or_null(x->error_message), "source", x->source ? x->source : "pdf",
                     "upload_file_name", json_str_or_null(x->file_name), "statement_date_range",
                     range_dmy(x->from_day, x->to_day), "created_at",
                     iso_created ? json_string(pb_time_iso8601(x->created_at, buf, sizeof buf))
                                 : created_upload_fmt(x->created_at));
}

static json_t *months_iso(const pb_month *m, int n)
{
    json_t *a = json_array();
    char buf[PB_DATE_BUF];
    for (int i = 0; i < n; i++)
        json_array_append_new(a, json_string(month_fmt_iso(m[i], buf)));
    return a;
}

static json_t *gaps_json(const struct coverage *c)
{
    json_t *a = json_array();
    char x[PB_DATE_BUF], y[PB_DATE_BUF];
    for (int i = 0; i < c->ngaps; i++)
        json_array_append_new(a, json_pack("{s:s,s:s}", "from_date", date_fmt_iso(c->gaps[i].from, x), "to_date",
                                           date_fmt_iso(c->gaps[i].to, y)));
    return a;
}

static void add_missing(struct upload_state *u, const struct coverage *c)
{
    for (int k = 0; k < c->nmissing; k++) {
        int i = 0;
        while (i < u->nmissing && u->missing[i] != c->missing[k])
            i++;
        if (i < u->nmissing)
            continue;
        for (i = u->nmissing++; i > 0 && u->missing[i - 1] > c->missing[k]; i--)
            u->missing[i] = u->missing[i - 1];
        u->missing[i] = c->missing[k];
    }
}

static json_t *upload_account_json(const struct account_rec *a, const struct statement_rec *const *sel, size_t n,
                                   const struct coverage *cov, bool ok)
{
    char c1[48], c2[48];
    json_t *stmts = json_array();
    for (size_t k = 0; k < n; k++)
        json_array_append_new(stmts, statement_json(sel[k], false));
    const struct statement_rec *failed = account_failure(sel, n);
    return json_pack("{s:s,s:o,s:o,s:s,s:s,s:o,s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "account_id", a->id,
                     "account_number", masked(a->account_number), "bank_name", json_str_or_null(a->bank), "created_at",
                     pb_time_text(a->created_at, c1, sizeof c1), "last_updated_at",
                     pb_time_text(a->updated_at, c2, sizeof c2), "statements", stmts, "account_status",
                     ok ? "COMPLETED" : "PARTIAL", "months", months_iso(cov->present, cov->npresent),
                     "missing_data", gaps_json(cov), "name", json_str_or_null(a->name), "account_type",
                     json_str_or_null(a->account_type), "full_bank_name", json_str_or_null(bank_full_name(a->bank)),
                     "error_code", json_str_or_null(failed ? failed->error_code : NULL), "error_message",
                     json_str_or_null(failed ? failed->error_message : NULL));
}

int upload_state_load(struct store *st, const struct session *s, struct upload_state *u)
{
    memset(u, 0, sizeof *u);
    struct org org;
    int orc = STORE_CALL(st, org_get, s->org_id, &org);
    struct loaded l;
    struct coverage *cov = malloc(sizeof *cov);
    if (orc == STORE_ERROR || !cov || load(st, s, &l)) {
        if (orc == STORE_OK)
            org_clear(&org);
        free(cov);
        return -1;
    }
    const char *criterion = orc == STORE_OK ? org.acceptance : NULL;
    int tolerance = orc == STORE_OK ? org.acceptance_tolerance_days : 0;
    u->accounts = json_array();
    u->accepted = true;
    for (size_t i = 0; i < l.naccts; i++) {
        size_t n;
        const struct statement_rec **sel = account_stmts(&l, &l.accts[i], &n);
        if (sel && n) {
            coverage_compute(s, sel, n, cov);
            bool ok = coverage_accepted(cov, criterion, tolerance);
            u->accepted = u->accepted && ok;
            add_missing(u, cov);
            json_array_append_new(u->accounts, upload_account_json(&l.accts[i], sel, n, cov, ok));
            u->naccounts++;
        }
        free(sel);
    }
    if (u->naccounts == 0) {
        u->accepted = false;
        for (int k = 0; k < s->req.n_expected_months; k++)
            u->missing[u->nmissing++] = s->req.expected_months[k];
    }
    unload(&l);
    free(cov);
    if (orc == STORE_OK)
        org_clear(&org);
    return 0;
}

void upload_state_clear(struct upload_state *u)
{
    json_decref(u->accounts);
    memset(u, 0, sizeof *u);
}

json_t *session_status_accounts(struct store *st, const struct session *s)
{
    struct loaded l;
    if (load(st, s, &l))
        return NULL;
    json_t *arr = json_array();
    char c1[48], c2[48];
    for (size_t i = 0; i < l.naccts; i++) {
        const struct account_rec *a = &l.accts[i];
        size_t n;
        const struct statement_rec **sel = account_stmts(&l, a, &n);
        json_t *stmts = json_array();
        for (size_t k = 0; sel && k < n; k++)
            json_array_append_new(stmts, statement_json(sel[k], true));
        json_t *types = sel ? attempt_types(sel, n) : json_pack("[s]", "PDF");
        free(sel);
        bool failed = a->status && !strcmp(a->status, "failed");
        json_array_append_new(
            arr, json_pack("{s:o,s:o,s:s,s:o,s:o,s:o,s:o,s:s,s:s,s:s,s:o,s:o,s:o,s:o}", "name",
                           json_str_or_null(a->name), "account_category", json_str_or_null(a->account_category),
                           "account_id", a->id, "account_number", masked(a->account_number), "bank_name",
                           json_str_or_null(a->bank), "error_code",
                           json_text_or_null(a->error_code),
                           "error_message",
                           json_text_or_null(a->error_message),
                           "account_status", failed ? "failed" : "completed", "created_at",
                           pb_time_text(a->created_at, c1, sizeof c1), "last_updated_at",
                           pb_time_text(a->updated_at, c2, sizeof c2), "statements", stmts,
                           "attempt_types", types, "account_type", json_str_or_null(a->account_type),
                           "full_bank_name", json_str_or_null(bank_full_name(a->bank))));
    }
    unload(&l);
    return arr;
}

json_t *enrichment_accounts(struct store *st, const struct session *s)
{
    struct loaded l;
    if (load(st, s, &l))
        return NULL;
    json_t *arr = json_array();
    for (size_t i = 0; i < l.naccts; i++) {
        const struct account_rec *a = &l.accts[i];
        bool failed = a->status && !strcmp(a->status, "failed");
        size_t n;
        const struct statement_rec **sel = account_stmts(&l, a, &n);
        json_t *types = sel ? attempt_types(sel, n) : json_pack("[s]", "PDF");
        free(sel);
        json_array_append_new(
            arr, json_pack("{s:o,s:o,s:s,s:o,s:s,s:s,s:s,s:o}", "name", json_str_or_null(a->name),
                           "account_category", json_str_or_null(a->account_category), "account_id", a->id,
                           "bank_name", json_str_or_null(a->bank), "error_code", a->error_code ? a->error_code : "",
                           "error_message", a->error_message ? a->error_message : "", "account_status",
                           failed ? "failed" : "completed", "attempt_types", types));
    }
    unload(&l);
    return arr;
}

json_t *progress_entries(struct store *st, const struct session *s)
{
    struct loaded l;
    if (load(st, s, &l))
        return NULL;
    bool done = s->state == SESSION_COMPLETED || s->state == SESSION_FAILED;
    json_t *arr = json_array();
    for (size_t i = 0; i < l.nstmts; i++) {
        const struct statement_rec *x = &l.stmts[i];
        bool failed = x->status && !strcmp(x->status, "failed"); /* an AA account not delivered */
        const char *read = failed ? "failed" : "completed", *later = failed ? "failed" : done ? "completed" : "processing";
        json_array_append_new(arr, json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "statement_id", x->id,
                                             "identity_status", read, "transaction_status", read,
                                             "processing_status", later, "fraud_status", later, "message",
                                             failed && x->error_message ? x->error_message : "", "source",
                                             x->source ? x->source : "pdf"));
    }
    unload(&l);
    return arr;
}

/* The name account a's latest statement prints (malloc'd), or NULL. */
static char *latest_holder_name(const struct loaded *l, const struct account_rec *a)
{
    const struct statement_rec *best = NULL;
    for (size_t i = 0; i < l->nstmts; i++)
        if (!strcmp(l->stmts[i].account_id, a->id) && (!best || l->stmts[i].to_day > best->to_day))
            best = &l->stmts[i];
    json_t *id = best && best->identity ? json_loads(best->identity, 0, NULL) : NULL;
    const char *name = json_string_value(json_object_get(id, "name"));
    char *out = name ? strdup(name) : NULL;
    json_decref(id);
    return out;
}

json_t *session_holders_json(struct store *st, const struct session *s, json_t **name_matches)
{
    struct loaded l;
    if (load(st, s, &l))
        return NULL;
    size_t n = l.naccts < HOLDERS_MAX ? l.naccts : HOLDERS_MAX, nmeta = 0, i;
    char *names[HOLDERS_MAX];
    const char *ids[HOLDERS_MAX], *meta[HOLDERS_MAX];
    json_t *v;
    json_array_foreach(json_object_get(s->req.metadata, "names"), i, v) if (nmeta < HOLDERS_MAX &&
                                                                          json_is_string(v)) meta[nmeta++] =
        json_string_value(v);
    for (size_t k = 0; k < n; k++) {
        names[k] = latest_holder_name(&l, &l.accts[k]);
        ids[k] = l.accts[k].id;
    }
    struct holders h;
    holders_group((const char *const *)names, n, meta, nmeta, &h);
    json_t *out = holders_json(&h);
    if (name_matches) {
        *name_matches = json_object();
        for (size_t k = 0; k < n; k++)
            json_object_set_new(*name_matches, ids[k],
                                holders_name_matches(&h, k, (const char *const *)names, ids, meta, nmeta));
    }
    for (size_t k = 0; k < n; k++)
        free(names[k]);
    unload(&l);
    return out;
}
