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
#include "util/fault.h"
#include "util/json_text.h"
#include "util/log.h"
#include "util/clock.h"

/* ---- step: load ---- */

/* Every account of the session with its statements and rows. */
static int step_load(struct pipeline_ctx *ctx)
{
    if (analysis_load(ctx->env->store, &ctx->s, &ctx->an) != STORE_OK)
        return -1;
    ctx->verdicts = calloc(ctx->an.n ? ctx->an.n : 1, sizeof *ctx->verdicts);
    return ctx->verdicts ? 0 : -1;
}

/* ---- step: checks (account errors of reference §6.4) ---- */

/* Months in which the account has a transaction, oldest first. */
static size_t txn_months(const struct analysis_account *a, pb_month *out, size_t max)
{
    size_t n = 0;
    for (size_t k = 0; k < a->nstmts; k++)
        for (size_t j = 0; j < a->stmts[k].ntxns; j++) {
            pb_month m = date_month(a->stmts[k].txns[j].date);
            size_t i = 0;
            while (i < n && out[i] != m)
                i++;
            if (i == n && n < max)
                out[n++] = m;
        }
    return n;
}

/* The failure of an account nothing was delivered for (an AA consent
 * rejected, FI denied, no transactions...): its latest failed statement. */
static const struct statement_rec *undelivered(const struct analysis *an, const struct analysis_account *a)
{
    const struct statement_rec *failed = NULL;
    for (size_t k = 0; a->nstmts == 0 && k < an->nstmts; k++)
        if (!strcmp(an->stmts[k].account_id, a->rec.id) && an->stmts[k].error_code)
            failed = &an->stmts[k];
    return failed;
}

static void check_account(const struct session *s, const struct org *org, const struct analysis_account *a,
                          struct pipeline_verdict *v)
{
    bool reconciled = true;
    size_t unsure = 0; /* rows OCR was unsure of, in statements that fail for nothing else */
    bool other = false, unchecked = false; /* unchecked: a statement printing no balance, its totals agreeing */
    bool missing = false; /* a statement whose rows chain, lines printed like rows before or after them unread */
    for (size_t k = 0; k < a->nstmts; k++) {
        const struct statement *st = &a->stmts[k];
        if (st->balances_ok && st->totals_ok)
            continue;
        reconciled = false;
        if (statement_prints_no_balance(st) && st->totals_ok) {
            unchecked = true;
            continue;
        }
        if (statement_rows_unread_only(st)) {
            missing = true;
            continue;
        }
        size_t n = statement_unsure_rows(st);
        unsure += n;
        other = other || !n;
    }
    if (!a->rec.account_number || !a->rec.account_number[0]) {
        v->error_code = "NULL_ACCOUNT_NUMBER";
        snprintf(v->error_message, sizeof v->error_message, "Account number is unavailable or unidentified");
        return;
    }
    if (!reconciled && missing && !other && !unchecked && !unsure) {
        /* nothing mismatched: rows the statement prints were not read */
        v->error_code = "MISSING_TRANSACTIONS";
        snprintf(v->error_message, sizeof v->error_message,
                 "One or more transactions are missing in the specified date range: the statement prints lines "
                 "like transactions before the first or after the last transaction read that could not be read, "
                 "and no printed opening or closing balance vouches for the transactions read");
        return;
    }
    if (!reconciled) {
        v->error_code = "BALANCE_MISMATCH";
        if (other || missing)
            snprintf(v->error_message, sizeof v->error_message, "Calculated transaction balance does not match");
        else if (unchecked && !unsure) /* nothing mismatched: nothing printed checks the rows */
            snprintf(v->error_message, sizeof v->error_message,
                     "The statement prints no running balance: its transactions add up to the printed closing "
                     "balance, but no balance checks them one by one: check them against the statement");
        else /* the balances chain: what is not vouched for is the scan's reading */
            snprintf(v->error_message, sizeof v->error_message,
                     "The balances reconcile, but the scanned statement had %zu transaction%s OCR could not read "
                     "with certainty: check them against the statement",
                     unsure, unsure == 1 ? "" : "s");
        return;
    }
    struct coverage *cov = malloc(sizeof *cov);
    pb_month *months = malloc(SESSION_MAX_MONTHS * sizeof *months);
    if (cov && months) {
        coverage_compute(s, a->recs, a->nstmts, cov);
        size_t n = txn_months(a, months, SESSION_MAX_MONTHS);
        v->error_code = coverage_verdict(s, cov, org ? org->acceptance : NULL,
                                         org ? org->acceptance_tolerance_days : 0, months, n,
                                         v->error_message, sizeof v->error_message);
    }
    free(cov);
    free(months);
}

static int step_checks(struct pipeline_ctx *ctx)
{
    struct org org;
    int rc = STORE_CALL(ctx->env->store, org_get, ctx->s.org_id, &org);
    if (rc == STORE_ERROR)
        return -1;
    bool have_org = rc == STORE_OK;
    for (size_t i = 0; i < ctx->an.n; i++) {
        const struct statement_rec *failed = undelivered(&ctx->an, &ctx->an.acc[i]);
        struct pipeline_verdict *v = &ctx->verdicts[i];
        if (failed) {
            v->error_code = failed->error_code; /* borrowed from the loaded statements */
            v->undelivered = true;
            snprintf(v->error_message, sizeof v->error_message, "%s",
                     failed->error_message ? failed->error_message : "");
        } else {
            check_account(&ctx->s, have_org ? &org : NULL, &ctx->an.acc[i], v);
        }
    }
    if (have_org)
        org_clear(&org);
    return 0;
}

/* ---- step: enrich, fraud, insights (stored per account) ---- */

static int step_analyse(struct pipeline_ctx *ctx)
{
    if (analysis_build(&ctx->an))
        return -1;
    size_t built = 0;
    for (size_t i = 0; i < ctx->an.n; i++) {
        const struct analysis_account *x = &ctx->an.acc[i];
        const struct pipeline_verdict *v = &ctx->verdicts[i];
        /* unbuilt accounts (nothing delivered) have no place in the session's insights */
        json_t *d = x->built ? insights_data_json(&ctx->an.si, built++) : json_object();
        char *text = d ? json_text(d, NULL) : NULL;
        json_decref(d);
        int rc = text ? STORE_CALL(ctx->env->store, account_set_result, x->rec.id,
                                   v->error_code ? "failed" : "completed", v->error_code ? v->error_code : "",
                                   v->error_code ? v->error_message : "", text, ctx->now)
                      : STORE_ERROR;
        free(text);
        if (rc != STORE_OK)
            return -1;
    }
    return 0;
}

/* ---- step: complete ---- */

static int step_complete(struct pipeline_ctx *ctx)
{
    /* The session failed only when no account has usable data. */
    bool any_ok = false;
    for (size_t i = 0; i < ctx->an.n; i++) {
        const char *e = ctx->verdicts[i].error_code;
        any_ok = any_ok || !e || (strcmp(e, "NULL_ACCOUNT_NUMBER") && !ctx->verdicts[i].undelivered);
    }
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

/* ---- the entity flow's steps ---- */

/* Coverage and account checks over the period the statements cover. */
static int step_narrow(struct pipeline_ctx *ctx)
{
    coverage_narrow(&ctx->s, ctx->an.stmts, ctx->an.nstmts);
    return 0;
}

static int step_notify_entity(struct pipeline_ctx *ctx)
{
    return notify_entity(ctx->env->store, &ctx->entity, ctx->statement_id, "completed");
}

const struct pipeline_step ENTITY_PIPELINE_STEPS[] = {
    {"load", step_load},
    {"narrow", step_narrow},
    {"checks", step_checks},
    {"analyse", step_analyse},
    {"notify_entity", step_notify_entity},
};
const size_t ENTITY_PIPELINE_NSTEPS = sizeof ENTITY_PIPELINE_STEPS / sizeof ENTITY_PIPELINE_STEPS[0];

/* Runs the steps in order until one fails, each after its crash point
 * (FLOW.STEP: pipeline.load, entity.load, ...); who names the work in the
 * log ("session=..."). Returns 0 or the failed step's code. */
static int run_steps(const char *flow, const struct pipeline_step *steps, size_t n, struct pipeline_ctx *ctx,
                     const char *who)
{
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        char point[64];
        snprintf(point, sizeof point, "%s.%s", flow, steps[i].name);
        fault_point(point);
        rc = steps[i].run(ctx);
        if (rc)
            log_error("pipeline msg=\"step failed\" %s step=%s", who, steps[i].name);
    }
    return rc;
}

static void ctx_free(struct pipeline_ctx *ctx)
{
    analysis_free(&ctx->an);
    free(ctx->verdicts);
    session_clear(&ctx->s);
    entity_clear(&ctx->entity);
}

/* The entity and session of an entity job's payload: a store_rc. */
static int entity_ctx(const struct ingest_env *env, json_t *p, struct pipeline_ctx *ctx)
{
    const char *eid = json_string_value(json_object_get(p, "entity_id"));
    const char *org = json_string_value(json_object_get(p, "org_id"));
    ctx->statement_id = json_string_value(json_object_get(p, "statement_id"));
    if (!eid || !org || !ctx->statement_id)
        return STORE_NOT_FOUND;
    int rc = STORE_CALL(env->store, entity_get, eid, org, &ctx->entity);
    if (rc == STORE_OK)
        rc = STORE_CALL(env->store, session_get, ctx->entity.session_id, org, &ctx->s);
    return rc;
}

int pipeline_run_entity(const struct ingest_env *env, const char *payload)
{
    json_t *p = payload ? json_loads(payload, 0, NULL) : NULL;
    struct pipeline_ctx ctx = {.env = env, .now = pb_now()};
    int rc = entity_ctx(env, p, &ctx);
    if (rc != STORE_OK) { /* an entity that is gone: nothing to do */
        ctx_free(&ctx);
        json_decref(p);
        return rc == STORE_ERROR ? -1 : 0;
    }
    char who[80];
    snprintf(who, sizeof who, "entity=%s", ctx.entity.id);
    rc = run_steps("entity", ENTITY_PIPELINE_STEPS, ENTITY_PIPELINE_NSTEPS, &ctx, who);
    if (rc == 0)
        log_info("pipeline msg=\"processed\" entity=%s statement=%s accounts=%zu statements=%zu", ctx.entity.id,
                 ctx.statement_id, ctx.an.n, ctx.an.nstmts);
    ctx_free(&ctx);
    json_decref(p);
    return rc;
}

void pipeline_entity_failed(const struct ingest_env *env, const char *payload)
{
    json_t *p = payload ? json_loads(payload, 0, NULL) : NULL;
    struct pipeline_ctx ctx = {.env = env};
    if (entity_ctx(env, p, &ctx) == STORE_OK) {
        log_warn("pipeline msg=\"analysis given up\" entity=%s statement=%s", ctx.entity.id, ctx.statement_id);
        notify_entity(env->store, &ctx.entity, ctx.statement_id, "failed");
    }
    ctx_free(&ctx);
    json_decref(p);
}

int pipeline_run(const struct ingest_env *env, const char *payload)
{
    json_t *p = payload ? json_loads(payload, 0, NULL) : NULL;
    const char *sid = json_string_value(json_object_get(p, "session_id"));
    const char *org = json_string_value(json_object_get(p, "org_id"));
    struct pipeline_ctx ctx = {.env = env, .now = pb_now()};
    int rc = sid && org ? STORE_CALL(env->store, session_get, sid, org, &ctx.s) : STORE_NOT_FOUND;
    if (rc != STORE_OK || ctx.s.deleted_at) {
        /* Nothing to do for a session that is gone: done, not retried. */
        if (rc == STORE_OK)
            session_clear(&ctx.s);
        json_decref(p);
        return rc == STORE_ERROR ? -1 : 0;
    }
    json_decref(p);
    char who[80];
    snprintf(who, sizeof who, "session=%s", id_short(ctx.s.id));
    rc = run_steps("pipeline", PIPELINE_STEPS, PIPELINE_NSTEPS, &ctx, who);
    if (rc == 0)
        log_info("pipeline msg=\"processed\" session=%s accounts=%zu statements=%zu", id_short(ctx.s.id),
                 ctx.an.n, ctx.an.nstmts);
    ctx_free(&ctx);
    return rc;
}
