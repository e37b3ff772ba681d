#include <stdlib.h>
#include <string.h>

#include "insights/insights.h"

static void period(const struct account_view *v, pb_day *from, pb_day *to)
{
    *from = *to = PB_NO_DAY;
    for (size_t s = 0; s < v->nstmts; s++) {
        const struct statement *st = v->stmts[s];
        if (st->from_date != PB_NO_DAY && (*from == PB_NO_DAY || st->from_date < *from))
            *from = st->from_date;
        if (st->to_date != PB_NO_DAY && (*to == PB_NO_DAY || st->to_date > *to))
            *to = st->to_date;
    }
}

static const struct etxn **pointers(const struct account_enriched *e)
{
    const struct etxn **p = malloc((e->n ? e->n : 1) * sizeof *p);
    if (!p)
        abort();
    for (size_t i = 0; i < e->n; i++)
        p[i] = &e->tx[i];
    return p;
}

static void score_inputs(const struct account_insights *a, struct score_inputs *in)
{
    memset(in, 0, sizeof *in);
    const struct month_table *t = &a->months;
    pb_paise eod_sum = 0, debits = 0, income = 0, expense = 0;
    int eod_days = 0, months = 0, income_months = 0;
    for (size_t k = t->n; k-- > 0 && months < 6;) {
        const struct mstat *ms = &t->ms[k];
        if (!ms->has_data)
            continue;
        months++;
        eod_sum += ms->eod_sum;
        eod_days += ms->eod_days;
        debits += ms->f[F_DEBIT].amt;
        income += ms->f[F_INCOME].amt;
        expense += ms->f[F_DEBIT].amt - ms->f[F_OUTWARD_BOUNCE].amt;
        income_months += ms->f[F_INCOME].cnt > 0;
        in->bounces += ms->f[F_INWARD_BOUNCE].cnt + ms->f[F_AUTO_BOUNCE].cnt;
        in->negative_days += ms->days_negative;
    }
    double abb = eod_days ? (double)eod_sum / eod_days : 0;
    double avg_debits = months ? (double)debits / months : 0;
    in->abb_to_debits = avg_debits > 0 ? abb / avg_debits : (abb > 0 ? 1 : 0);
    in->income_months_share = months ? (double)income_months / months : 0;
    in->expense_to_income = income > 0 ? (double)expense / (double)income : -1;
    for (size_t k = 0; k < t->n; k++)
        in->months += t->ms[k].has_data;
    in->tampered = a->fraud.n > 0;
}

int insights_build(const struct account_view *v, struct account_insights *a, const char **err)
{
    memset(a, 0, sizeof *a);
    if (enrich_account(v, &a->e, err) != 0)
        return -1;
    eod_build(&a->e, &a->eod);
    period(v, &a->period_from, &a->period_to);
    const struct etxn **p = pointers(&a->e);
    month_table_build(p, a->e.n, &a->eod, a->period_from, a->period_to, &a->months);
    free(p);
    recurring_find(&a->e, &a->rec);
    fraud_check_account(&a->e, &a->fraud);
    struct score_inputs in;
    score_inputs(a, &in);
    score_compute(&in, &a->score);
    a->monthly = monthly_json(&a->months);
    a->predictors = predictors_json(a);
    return 0;
}

void insights_free(struct account_insights *a)
{
    json_decref(a->monthly);
    json_decref(a->predictors);
    fraud_report_free(&a->fraud);
    recurring_free(&a->rec);
    month_table_free(&a->months);
    eod_free(&a->eod);
    enrich_account_free(&a->e);
    memset(a, 0, sizeof *a);
}
