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
    return -1;
}

/* The monthly metrics that are not "<prefix><family>" (monthly_json.c):
 * the rows of family `in` that are in none of `out`. */
#define NO_FAM (-1)
static const struct {
    const char *metric;
    int in, out[2];
} DERIVED[] = {
    {"max_debit", F_DEBIT, {NO_FAM, NO_FAM}},
    {"min_debit", F_DEBIT, {NO_FAM, NO_FAM}},
    {"avg_debit_transaction_size", F_DEBIT, {NO_FAM, NO_FAM}},
    {"avg_credit_transaction_size", F_CREDIT, {NO_FAM, NO_FAM}},
    {"net_credit_amount", F_CREDIT_WO_SELF, {NO_FAM, NO_FAM}},
    {"net_credit_count", F_CREDIT_WO_SELF, {NO_FAM, NO_FAM}},
    {"net_debit_amount", F_DEBIT_WO_SELF, {NO_FAM, NO_FAM}},
    {"net_debit_count", F_DEBIT_WO_SELF, {NO_FAM, NO_FAM}},
    {"turnover_excluding_loan_and_self_credit", F_CREDIT, {F_LOAN, F_SELF_CREDIT}},
    {"amt_credit_excluding_reversal", F_CREDIT, {F_REVERSAL, NO_FAM}},
    {"cnt_credit_excluding_reversal", F_CREDIT, {F_REVERSAL, NO_FAM}},
    {"amt_debit_excluding_reversal", F_DEBIT, {F_OUTWARD_BOUNCE, NO_FAM}},
    {"cnt_debit_excluding_reversal", F_DEBIT, {F_OUTWARD_BOUNCE, NO_FAM}},
    {"amt_spent_on_entertainment", F_ENTERTAINMENT, {NO_FAM, NO_FAM}},
    {"amt_spent_on_medical", F_MEDICAL, {NO_FAM, NO_FAM}},
    {"amt_spent_on_groceries", F_GROCERIES, {NO_FAM, NO_FAM}},
    {"amt_perc_cash_deposit_to_total_credit", F_CREDIT, {NO_FAM, NO_FAM}},
    {"perc_cash_deposit_to_total_credit", F_CREDIT, {NO_FAM, NO_FAM}},
    {"amt_perc_cash_withdrawal_to_total_debits", F_DEBIT, {NO_FAM, NO_FAM}},
    {"avg_emi", F_EMI, {NO_FAM, NO_FAM}},
    {"loan_emi", F_EMI, {NO_FAM, NO_FAM}},
    {"avg_amt_cash_deposit", F_CASH_DEPOSIT, {NO_FAM, NO_FAM}},
    {"bounce_penal", F_BOUNCE_PENAL, {NO_FAM, NO_FAM}},
    {"max_bounce_penal", F_BOUNCE_PENAL, {NO_FAM, NO_FAM}},
    {"min_bounce_penal", F_BOUNCE_PENAL, {NO_FAM, NO_FAM}},
    {"avg_bounce_penal", F_BOUNCE_PENAL, {NO_FAM, NO_FAM}},
    {"employer_name", F_SALARY, {NO_FAM, NO_FAM}},
};

/* Salary spending (month.c salary_spend): the month's salary credits and
 * the debits within `days` after each, of channel `ch` (CH_COUNT: any). */
static const struct {
    const char *metric;
    int days;
    enum channel ch;
} SPEND[] = {
    {"perc_salary_spend_bill_payment", 7, CH_BILL_PAYMENT},
    {"perc_salary_spend_cash_withdrawl", 7, CH_CASH_WITHDRAWL},
    {"perc_salary_spend_debit_card", 7, CH_DEBIT_CARD},
    {"perc_salary_spend_net_banking_transfer", 7, CH_NET_BANKING_TRANSFER},
    {"perc_salary_spend_upi", 7, CH_UPI},
    {"sum_salary_spent_within_5_days_of_credit", 5, CH_COUNT},
    {"perc_salary_amt_debit_within5_days", 5, CH_COUNT},
};

/* How a monthly metric's rows are picked. */
struct pick {
    const char *rule;
    int in, out[2]; /* families (in < 0: every row of the month) */
    bool balance;   /* also the last row before the month */
    int spend_days; /* salary spending window, 0: none */
    enum channel spend_ch;
};

static bool balance_metric(const char *m)
{
    return strstr(m, "bal") || strstr(m, "eod") || strstr(m, "overdraft") || strstr(m, "negative") ||
           strstr(m, "overdrawn") || strstr(m, "net_off");
}

static struct pick metric_pick(const char *metric)
{
    struct pick p = {.rule = "monthly.family", .in = metric_family(metric), .out = {NO_FAM, NO_FAM}};
    for (size_t i = 0; i < sizeof SPEND / sizeof SPEND[0]; i++)
        if (!strcmp(metric, SPEND[i].metric))
            return (struct pick){.rule = "monthly.salary_spend", .in = F_SALARY, .out = {NO_FAM, NO_FAM},
                                 .spend_days = SPEND[i].days, .spend_ch = SPEND[i].ch};
    for (size_t i = 0; p.in < 0 && i < sizeof DERIVED / sizeof DERIVED[0]; i++)
        if (!strcmp(metric, DERIVED[i].metric)) {
            p.rule = "monthly.derived";
            p.in = DERIVED[i].in;
            memcpy(p.out, DERIVED[i].out, sizeof p.out);
        }
    if (p.in < 0 && strstr(metric, "salary"))
        p.in = F_SALARY;
    if (p.in == F_SALARY)
        p.rule = "monthly.salary";
    else if (p.in < 0 && balance_metric(metric))
        p.rule = "monthly.eod_balance", p.balance = true;
    else if (p.in < 0)
        p.rule = "monthly.all_rows";
    return p;
}

static const struct mstat *month_named(const struct account_insights *a, const char *mon)
{
    char buf[PB_DATE_BUF];
    for (size_t k = 0; k < a->months.n; k++)
        if (!strcmp(month_fmt_mon_yyyy(a->months.ms[k].m, buf), mon))
            return &a->months.ms[k];
    return NULL;
}

static bool in_family(const struct etxn *x, int f)
{
    int fams[64];
    size_t nf = month_row_families(x, fams);
    for (size_t k = 0; k < nf; k++)
        if (fams[k] == f)
            return true;
    return false;
}

static bool picked(const struct etxn *x, const struct pick *p)
{
    if (p->in < 0)
        return true;
    return in_family(x, p->in) && (p->out[0] < 0 || !in_family(x, p->out[0])) &&
           (p->out[1] < 0 || !in_family(x, p->out[1]));
}

/* The debits salary row i is followed by within the window (as month.c
 * counts them: later rows up to `days` days after it); a debit in two
 * salary credits' windows is listed once. */
static void spend_rows(const struct account_enriched *e, size_t i, const struct pick *p, struct evidence *ev)
{
    pb_day d0 = e->tx[i].t->date;
    for (size_t j = i + 1; j < e->n && e->tx[j].t->date <= d0 + p->spend_days; j++) {
        const struct etxn *y = &e->tx[j];
        if (!y->skip && y->t->type == TXN_DEBIT && (p->spend_ch == CH_COUNT || y->cls.channel == p->spend_ch) &&
            (!ev->n || j > ev->idx[ev->n - 1]))
            evidence_add(ev, j);
    }
}

/* The rows of month m the pick selects (balances: also the last row
 * before the month, which sets the opening balance). */
static void month_rows(const struct account_insights *a, pb_month m, const struct pick *p, struct evidence *ev)
{
    const struct account_enriched *e = &a->e;
    size_t before = (size_t)-1;
    struct evidence spend = {0};
    for (size_t i = 0; i < e->n; i++) {
        const struct etxn *x = &e->tx[i];
        if (x->skip)
            continue;
        pb_month xm = date_month(x->t->date);
        if (xm < m)
            before = i;
        if (xm != m || !picked(x, p))
            continue;
        evidence_add(ev, i);
        if (p->spend_days)
            spend_rows(e, i, p, &spend);
    }
    for (size_t k = 0; k < spend.n; k++) /* after the month's salary rows */
        evidence_add(ev, spend.idx[k]);
    evidence_free(&spend);
    if (p->balance && before != (size_t)-1)
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
    struct pick p = metric_pick(metric);
    struct evidence ev = {0};
    month_rows(a, ms->m, &p, &ev);
    json_t *out = explained(a, figure, month, json_incref(json_object_get(by_month, month)), p.rule, &ev);
    evidence_free(&ev);
    return out;
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

/* Every row hash under `evidence` keys anywhere in j, once each, in order. */
static void gather_evidence(const json_t *j, json_t *seen, json_t *out)
{
    const char *k;
    json_t *v;
    size_t i;
    if (json_is_object(j)) {
        json_object_foreach((json_t *)j, k, v) if (!strcmp(k, "evidence") && json_is_array(v)) {
            json_t *h;
            json_array_foreach(v, i, h) if (json_is_string(h) && !json_object_get(seen, json_string_value(h))) {
                json_object_set_new(seen, json_string_value(h), json_true());
                json_array_append(out, h);
            }
        }
        else gather_evidence(v, seen, out);
    } else if (json_is_array(j)) {
        json_array_foreach(j, i, v) gather_evidence(v, seen, out);
    }
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
        return json_pack("{s:o, s:s}", "fraud", insights_fraud_json(a), "rule", "fraud.tampering");
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
    if (named) {
        if (!json_object_get(named, "evidence")) { /* the rows of its parts, together */
            json_t *seen = json_object(), *all = json_array();
            gather_evidence(named, seen, all);
            json_object_set_new(named, "evidence", all);
            json_decref(seen);
        }
        json_object_set_new(named, "account_id", json_string(a->e.v->account_id));
        json_object_set_new(named, "figure", json_string(figure));
    }
    return named;
}
