#include "jobs/pipeline.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ingest/coverage.h"
#include "ingest/records.h"
#include "insights/insights.h"
#include "notify/notify.h"
#include "util/log.h"

/* ---- step: load ---- */

/* Every statement of the session, grouped by account, with its rows. */
static int step_load(struct pipeline_ctx *ctx)
{
    struct store *st = ctx->env->store;
    if (STORE_CALL(st, statement_list, ctx->s.id, &ctx->stmts, &ctx->nstmts) != STORE_OK)
        return -1;
    struct account_rec *accts = NULL;
    size_t n = 0;
    if (STORE_CALL(st, account_list, ctx->s.id, &accts, &n) != STORE_OK)
        return -1;
    ctx->accounts = calloc(n ? n : 1, sizeof *ctx->accounts);
    if (!ctx->accounts) {
        for (size_t i = 0; i < n; i++)
            account_rec_clear(&accts[i]);
        free(accts);
        return -1;
    }
    ctx->naccounts = n;
    for (size_t i = 0; i < n; i++)
        ctx->accounts[i].rec = accts[i];
    free(accts);
    for (size_t i = 0; i < n; i++) {
        struct pipeline_account *a = &ctx->accounts[i];
        a->stmts = calloc(ctx->nstmts + 1, sizeof *a->stmts);
        a->recs = calloc(ctx->nstmts + 1, sizeof *a->recs);
        if (!a->stmts || !a->recs)
            return -1;
        for (size_t k = 0; k < ctx->nstmts; k++) {
            if (strcmp(ctx->stmts[k].account_id, a->rec.id))
                continue;
            if (ingest_load_statement(st, &ctx->stmts[k], &a->stmts[a->nstmts]) != STORE_OK)
                return -1;
            a->recs[a->nstmts++] = &ctx->stmts[k];
        }
    }
    return 0;
}

/* ---- step: checks (account errors of reference §6.4) ---- */

static void months_list(const pb_month *m, int n, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < n && len + 16 < cap; i++) {
        char buf[PB_DATE_BUF];
        len += (size_t)snprintf(out + len, cap - len, "%s%s", i ? ", " : "", month_fmt_human(m[i], buf));
    }
}

/* Expected months without a single transaction of the account. */
static int months_without_txns(const struct session *s, const struct pipeline_account *a, pb_month *out)
{
    int n = 0;
    for (int i = 0; i < s->req.n_expected_months; i++) {
        pb_month m = s->req.expected_months[i];
        bool any = false;
        for (size_t k = 0; k < a->nstmts && !any; k++)
            for (size_t j = 0; j < a->stmts[k].ntxns && !any; j++)
                any = date_month(a->stmts[k].txns[j].date) == m;
        if (!any)
            out[n++] = m;
    }
    return n;
}

static void check_account(const struct session *s, struct pipeline_account *a)
{
    bool reconciled = true;
    for (size_t k = 0; k < a->nstmts; k++)
        reconciled = reconciled && a->stmts[k].balances_ok && a->stmts[k].totals_ok;
    pb_month empty[SESSION_MAX_MONTHS];
    int nempty = months_without_txns(s, a, empty);
    struct coverage *cov = malloc(sizeof *cov);
    if (cov)
        coverage_compute(s, a->recs, a->nstmts, cov);
    char months[200];
    if (!a->rec.account_number || !a->rec.account_number[0]) {
        a->error_code = "NULL_ACCOUNT_NUMBER";
        snprintf(a->error_message, sizeof a->error_message, "Account number is unavailable or unidentified");
    } else if (!reconciled) {
        a->error_code = "BALANCE_MISMATCH";
        snprintf(a->error_message, sizeof a->error_message, "Calculated transaction balance does not match");
    } else if (nempty) {
        months_list(empty, nempty, months, sizeof months);
        a->error_code = "INCOMPLETE_MONTHS";
        snprintf(a->error_message, sizeof a->error_message,
                 "Insufficient data to generate report. There are no transactions for %.180s", months);
    } else if (cov && cov->gap_days > 0) {
        a->error_code = "MISSING_TRANSACTIONS";
        snprintf(a->error_message, sizeof a->error_message,
                 "One or more transactions are missing in the specified date range");
    }
    free(cov);
}

static int step_checks(struct pipeline_ctx *ctx)
{
    for (size_t i = 0; i < ctx->naccounts; i++)
        check_account(&ctx->s, &ctx->accounts[i]);
    return 0;
}

/* ---- step: enrich, fraud, insights (stored per account) ---- */

/* Borrowed strings of a metadata list (pointers into the session's JSON). */
static size_t meta_list(const json_t *md, const char *key, const char **out, size_t max)
{
    const json_t *arr = json_object_get(md, key);
    size_t n = 0, i;
    const json_t *v;
    json_array_foreach(arr, i, v) if (n < max && json_is_string(v)) out[n++] = json_string_value(v);
    return n;
}

static int analyse_account(struct pipeline_ctx *ctx, struct pipeline_account *a)
{
    const char *names[32], *employers[32], *companies[32];
    const json_t *md = ctx->s.req.metadata;
    const struct statement **sp = calloc(a->nstmts + 1, sizeof *sp);
    const char **ids = calloc(a->nstmts + 1, sizeof *ids);
    if (!sp || !ids) {
        free(sp);
        free(ids);
        return -1;
    }
    for (size_t k = 0; k < a->nstmts; k++) {
        sp[k] = &a->stmts[k];
        ids[k] = a->recs[k]->id;
    }
    struct account_view v = {
        .account_id = a->rec.id,
        .link_id = ctx->s.req.link_id,
        .stmts = sp,
        .statement_ids = ids,
        .nstmts = a->nstmts,
        .meta = {names, meta_list(md, "names", names, 32), employers,
                 meta_list(md, "employer_names", employers, 32), companies,
                 meta_list(md, "companies_for_self_transfer", companies, 32)},
        .session_from = ctx->s.req.from_date,
        .session_to = ctx->s.req.to_date,
    };
    struct account_insights ai;
    const char *err = NULL;
    int rc = -1;
    char *text = NULL;
    if (insights_build(&v, &ai, &err) == 0) {
        json_t *d = insights_data_json(&ai);
        text = d ? json_dumps(d, JSON_COMPACT | JSON_REAL_PRECISION(15)) : NULL;
        json_decref(d);
        insights_free(&ai);
    } else {
        log_error("pipeline msg=\"insights failed\" account=%s err=\"%s\"", a->rec.id, err ? err : "-");
    }
    if (text)
        rc = STORE_CALL(ctx->env->store, account_set_result, a->rec.id, a->error_code ? "failed" : "completed",
                        a->error_code ? a->error_code : "", a->error_code ? a->error_message : "", text,
                        ctx->now) == STORE_OK
                 ? 0
                 : -1;
    free(text);
    free(sp);
    free(ids);
    return rc;
}

static int step_analyse(struct pipeline_ctx *ctx)
{
    for (size_t i = 0; i < ctx->naccounts; i++)
        if (analyse_account(ctx, &ctx->accounts[i]))
            return -1;
    return 0;
}

/* ---- step: complete ---- */

static int step_complete(struct pipeline_ctx *ctx)
{
    bool any_ok = false;
    for (size_t i = 0; i < ctx->naccounts; i++)
        any_ok = any_ok || !ctx->accounts[i].error_code || !strcmp(ctx->accounts[i].error_code, "BALANCE_MISMATCH") ||
                 !strcmp(ctx->accounts[i].error_code, "INCOMPLETE_MONTHS") ||
                 !strcmp(ctx->accounts[i].error_code, "MISSING_TRANSACTIONS");
    enum session_state final = any_ok ? SESSION_COMPLETED : SESSION_FAILED;
    return STORE_CALL(ctx->env->store, session_finish_processing, ctx->s.id, final, ctx->now) == STORE_OK ? 0
                                                                                                         : -1;
}

/* ---- step: notify (ENRICHMENT_NOTIFICATION, queued once per session) ---- */

static int step_notify(struct pipeline_ctx *ctx)
{
    struct session s;
    if (STORE_CALL(ctx->env->store, session_get, ctx->s.id, ctx->s.org_id, &s) != STORE_OK)
        return -1;
    int rc = notify_enrichment(ctx->env->store, &s); /* sees the final state */
    session_clear(&s);
    return rc;
}

const struct pipeline_step PIPELINE_STEPS[] = {
    {"load", step_load},
    {"checks", step_checks},
    {"analyse", step_analyse},
    {"complete", step_complete},
    {"notify", step_notify},
};
const size_t PIPELINE_NSTEPS = sizeof PIPELINE_STEPS / sizeof PIPELINE_STEPS[0];

static void ctx_free(struct pipeline_ctx *ctx)
{
    for (size_t i = 0; i < ctx->naccounts; i++) {
        struct pipeline_account *a = &ctx->accounts[i];
        for (size_t k = 0; k < a->nstmts; k++)
            statement_free(&a->stmts[k]);
        free(a->stmts);
        free(a->recs);
        account_rec_clear(&a->rec);
    }
    free(ctx->accounts);
    for (size_t i = 0; i < ctx->nstmts; i++)
        statement_rec_clear(&ctx->stmts[i]);
    free(ctx->stmts);
    session_clear(&ctx->s);
}

int pipeline_run(const struct ingest_env *env, const char *payload)
{
    json_t *p = payload ? json_loads(payload, 0, NULL) : NULL;
    const char *sid = json_string_value(json_object_get(p, "session_id"));
    const char *org = json_string_value(json_object_get(p, "org_id"));
    struct pipeline_ctx ctx = {.env = env, .now = (int64_t)time(NULL)};
    int rc = sid && org ? STORE_CALL(env->store, session_get, sid, org, &ctx.s) : STORE_NOT_FOUND;
    if (rc != STORE_OK || ctx.s.deleted_at) {
        /* Nothing to do for a session that is gone: done, not retried. */
        if (rc == STORE_OK)
            session_clear(&ctx.s);
        json_decref(p);
        return rc == STORE_ERROR ? -1 : 0;
    }
    json_decref(p);
    rc = 0;
    for (size_t i = 0; i < PIPELINE_NSTEPS && rc == 0; i++) {
        rc = PIPELINE_STEPS[i].run(&ctx);
        if (rc)
            log_error("pipeline msg=\"step failed\" session=%s step=%s", ctx.s.id, PIPELINE_STEPS[i].name);
    }
    if (rc == 0)
        log_info("pipeline msg=\"processed\" session=%s accounts=%zu statements=%zu", ctx.s.id,
                 ctx.naccounts, ctx.nstmts);
    ctx_free(&ctx);
    return rc;
}
