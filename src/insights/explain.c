/* Any figure explained: its value, the rule it follows and the rows it
 * was computed from (docs/api.md, "Explanations"). The insights document
 * carries the explanations of the lending figures inline; a monthly
 * metric or a predictor is explained on request, from the same rows and
 * the same families the month table counted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "insights/insights.h"

static const char *const PREFIXES[] = {"max_amt_", "min_amt_", "avg_amt_", "amt_", "cnt_", NULL};

/* The family a monthly metric counts ("amt_upi_debit" -> upi_debit), or -1. */
static int metric_family(const char *metric)
{
    char buf[64];
    for (const char *const *p = PREFIXES; *p; p++) {
        size_t n = strlen(*p);
        if (strncmp(metric, *p, n))
            continue;
        const char *rest = metric + n;
        if (!strcmp(rest, "inward_bounces"))
            return F_INWARD_BOUNCE;
        for (int f = 0; f < F_COUNT; f++)
            if (!strcmp(rest, fam_name((enum fam)f, buf, sizeof buf)))
                return f;
    }
    if (strstr(metric, "salary"))
        return F_SALARY;
    if (!strcmp(metric, "avg_emi") || !strcmp(metric, "loan_emi"))
        return F_EMI;
    if (strstr(metric, "bounce_penal"))
        return F_BOUNCE_PENAL;
    return -1;
}

/* Predictor "<base>_<N>" as the monthly metric of month N (0 = latest). */
static const struct {
    const char *base, *metric;
} PREDICTOR_METRICS[] = {
    {"credits", "amt_credit"},           {"debits", "amt_debit"},
    {"income", "amt_income_credit"},     {"cnt_income", "cnt_income_credit"},
    {"total_salary", "total_amount_of_salary"}, {"cnt_salary", "number_of_salary_transactions"},
    {"amt_emi_debit", "amt_emi_debit"},  {"cnt_emi_debit", "cnt_emi_debit"},
    {"amt_loan_credits", "amt_loan_credits"}, {"cnt_loan_credits", "cnt_loan_credits"},
    {"debitless_charges", "amt_bank_charge_debit"}, {"total_creditcard_payment", "amt_credit_card_bill_debit"},
    {"amt_cash_deposit", "amt_cash_deposit_credit"}, {"cnt_cash_deposit", "cnt_cash_deposit_credit"},
    {"max_balance", "max_eod_balance"},  {"min_balance", "min_eod_balance"},
    {"avg_balance", "avg_bal"},          {"bal_last", "closing_balance"},
};

static bool balance_metric(const char *m)
{
    return strstr(m, "bal") || strstr(m, "eod") || strstr(m, "overdraft") || strstr(m, "negative") ||
           strstr(m, "overdrawn") || strstr(m, "net_off");
}

static const struct mstat *month_named(const struct account_insights *a, const char *mon)
{
    char buf[PB_DATE_BUF];
    for (size_t k = 0; k < a->months.n; k++)
        if (!strcmp(month_fmt_mon_yyyy(a->months.ms[k].m, buf), mon))
            return &a->months.ms[k];
    return NULL;
}

/* The rows of month m counted in family f (f < 0: every row of the month;
 * balances: also the last row before it, which sets the opening balance). */
static void month_rows(const struct account_insights *a, pb_month m, int f, bool balance, struct evidence *ev)
{
    const struct account_enriched *e = &a->e;
    size_t before = (size_t)-1;
    for (size_t i = 0; i < e->n; i++) {
        const struct etxn *x = &e->tx[i];
        if (x->skip)
            continue;
        pb_month xm = date_month(x->t->date);
        if (xm < m)
            before = i;
        if (xm != m)
            continue;
        if (f < 0) {
            evidence_add(ev, i);
            continue;
        }
        int fams[64];
        size_t nf = month_row_families(x, fams);
        for (size_t k = 0; k < nf; k++)
            if (fams[k] == f) {
                evidence_add(ev, i);
                break;
            }
    }
    if (balance && before != (size_t)-1)
        evidence_add(ev, before);
}

static json_t *explained(const struct account_insights *a, const char *figure, const char *month, json_t *value,
                         const char *rule, const struct evidence *ev)
{
    const struct rule_def *r = rule_find(rule);
    json_t *hashes = json_array(), *rows = json_array();
    for (size_t i = 0; i < ev->n; i++) {
        const struct etxn *x = &a->e.tx[ev->idx[i]];
        json_array_append_new(hashes, json_string(x->hash));
        json_array_append_new(rows, txn_json(a, x, false));
    }
    return json_pack("{s:s, s:s, s:o, s:o, s:s, s:o, s:o, s:o}", "account_id", a->e.v->account_id, "figure",
                     figure, "month", month ? json_string(month) : json_null(), "value", value ? value : json_null(),
                     "rule", rule, "definition", r ? json_string(r->text) : json_null(), "evidence", hashes,
                     "transactions", rows);
}

static json_t *explain_monthly(const struct account_insights *a, const char *figure, const char *metric,
                               const char *month)
{
    const struct mstat *ms = month ? month_named(a, month) : NULL;
    json_t *by_month = json_object_get(a->monthly, metric);
    if (!ms || !by_month)
        return NULL;
    int f = metric_family(metric);
    bool balance = f < 0 && balance_metric(metric);
    const char *rule = f == F_SALARY ? "monthly.salary" : balance ? "monthly.eod_balance" : "monthly.family";
    struct evidence ev = {0};
    month_rows(a, ms->m, f, balance, &ev);
    json_t *out = explained(a, figure, month, json_incref(json_object_get(by_month, month)), rule, &ev);
    evidence_free(&ev);
    return out;
}

/* "credits_2" -> monthly amt_credit of month 2 (0 = latest with data). */
static json_t *explain_predictor(const struct account_insights *a, const char *figure, const char *key)
{
    const char *us = strrchr(key, '_');
    if (!us || !us[1])
        return NULL;
    char *end;
    long n = strtol(us + 1, &end, 10);
    if (*end || n < 0 || n > 11)
        return NULL;
    char base[64];
    snprintf(base, sizeof base, "%.*s", (int)(us - key), key);
    for (size_t i = 0; i < sizeof PREDICTOR_METRICS / sizeof PREDICTOR_METRICS[0]; i++) {
        if (strcmp(base, PREDICTOR_METRICS[i].base))
            continue;
        const struct month_table *t = &a->months;
        long seen = -1;
        for (size_t k = t->n; k-- > 0;)
            if (t->ms[k].has_data && ++seen == n) {
                char mon[PB_DATE_BUF];
                json_t *out = explain_monthly(a, figure, PREDICTOR_METRICS[i].metric,
                                              month_fmt_mon_yyyy(t->ms[k].m, mon));
                if (out)
                    json_object_set(out, "value", json_object_get(a->predictors, key));
                return out;
            }
        return NULL;
    }
    return NULL;
}

/* The lending figures, as the document shows them, with their rows. */
static json_t *explain_named(const struct account_insights *a, const char *figure)
{
    if (!strcmp(figure, "income"))
        return insights_income_json(a);
    if (!strcmp(figure, "obligations"))
        return insights_obligations_json(a);
    if (!strcmp(figure, "foir"))
        return insights_foir_json(a);
    if (!strcmp(figure, "fraud"))
        return json_pack("{s:o}", "fraud", insights_fraud_json(a));
    if (!strncmp(figure, "score.", 6)) {
        json_t *sc = insights_score_json(a), *f, *out = NULL;
        size_t i;
        json_array_foreach(json_object_get(sc, "factors"), i, f) if (!strcmp(
            json_string_value(json_object_get(f, "factor")), figure + 6)) out = json_incref(f);
        json_decref(sc);
        return out;
    }
    return NULL;
}

json_t *insights_explain(const struct session_insights *s, const char *account_id, const char *figure,
                         const char *month)
{
    const struct account_insights *a = NULL;
    for (size_t i = 0; i < s->n && !a; i++)
        if (account_id && !strcmp(s->a[i]->e.v->account_id, account_id))
            a = s->a[i];
    if (!a || !figure)
        return NULL;
    if (!strncmp(figure, "monthly_analysis.", 17))
        return explain_monthly(a, figure, figure + 17, month);
    if (!strncmp(figure, "predictors.", 11))
        return explain_predictor(a, figure, figure + 11);
    json_t *named = explain_named(a, figure);
    if (named)
        json_object_set_new(named, "figure", json_string(figure));
    return named;
}
