#include <math.h>
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

/* ---- the score's inputs and evidence (docs/score.md) ---- */

/* The latest six months with data: the window the score judges. */
struct window {
    pb_month first, last;
    int months;
};

static void score_window(const struct month_table *t, struct window *w)
{
    w->months = 0;
    w->first = w->last = -1;
    for (size_t k = t->n; k-- > 0 && w->months < 6;)
        if (t->ms[k].has_data) {
            if (w->last < 0)
                w->last = t->ms[k].m;
            w->first = t->ms[k].m;
            w->months++;
        }
}

static bool in_window(const struct window *w, const struct etxn *x)
{
    pb_month m = date_month(x->t->date);
    return !x->skip && m >= w->first && m <= w->last;
}

static bool is_bounce_row(const struct etxn *x)
{
    return x->cls.channel == CH_INWARD_CHEQUE_BOUNCE || x->cls.channel == CH_AUTO_DEBIT_PAYMENT_BOUNCE;
}

static bool is_penal_row(const struct etxn *x)
{
    return x->t->type == TXN_DEBIT && !strcmp(x->cls.description, "penalty_charge");
}

/* Bounced payments: a returned cheque the holder issued, a returned
 * auto-debit (its return or its charge; one per day and channel). */
static int count_bounces(const struct account_enriched *e, const struct window *w, struct evidence *ev)
{
    int n = 0;
    for (size_t i = 0; i < e->n; i++) {
        const struct etxn *x = &e->tx[i];
        if (!in_window(w, x) || !is_bounce_row(x))
            continue;
        bool seen = false;
        for (size_t j = i; j-- > 0 && e->tx[j].t->date == x->t->date && !seen;)
            seen = !e->tx[j].skip && e->tx[j].cls.channel == x->cls.channel;
        n += !seen;
        if (ev)
            evidence_add(ev, i);
    }
    return n;
}

/* Monthly income's coefficient of variation and the balance trend, over
 * the window's months oldest first. */
static void month_series(const struct account_insights *a, const struct window *w, struct score_inputs *in)
{
    double inc[6], bal[6];
    int ni = 0, nb = 0, with_income = 0;
    for (size_t k = 0; k < a->months.n; k++) {
        const struct mstat *ms = &a->months.ms[k];
        if (!ms->has_data || ms->m < w->first || ms->m > w->last)
            continue;
        with_income += ms->f[F_INCOME].amt > 0;
        if (ni < 6 && (ms->complete || !ni))
            inc[ni++] = (double)ms->f[F_INCOME].amt;
        if (nb < 6 && ms->eod_days)
            bal[nb++] = (double)ms->eod_sum / ms->eod_days;
    }
    in->has_income = with_income > 0;
    in->income_months_share = w->months ? (double)with_income / w->months : 0;
    double mean = 0, var = 0;
    for (int i = 0; i < ni; i++)
        mean += inc[i] / ni;
    for (int i = 0; i < ni; i++)
        var += (inc[i] - mean) * (inc[i] - mean) / ni;
    in->income_cv = mean > 0 ? sqrt(var) / mean : 1;
    /* least-squares slope of the monthly average balance, relative to its mean */
    double mb = 0, mx = (nb - 1) / 2.0, sxy = 0, sxx = 0;
    for (int i = 0; i < nb; i++)
        mb += bal[i] / nb;
    for (int i = 0; i < nb; i++) {
        sxy += (i - mx) * (bal[i] - mb);
        sxx += (i - mx) * (i - mx);
    }
    in->has_trend = nb >= 3 && mb > 100000; /* at least Rs 1,000 to speak of a trend */
    in->balance_trend = in->has_trend ? sxy / sxx / mb : 0;
}

static pb_paise overdraft_limit(const struct account_insights *a)
{
    const struct account_view *v = a->e.v;
    pb_paise lim = 0;
    for (size_t s = 0; s < v->nstmts; s++)
        if (v->stmts[s]->id.od_limit > lim)
            lim = v->stmts[s]->id.od_limit;
    return lim;
}

static void score_inputs(const struct account_insights *a, struct score_inputs *in)
{
    memset(in, 0, sizeof *in);
    const struct month_table *t = &a->months;
    struct window w;
    score_window(t, &w);
    pb_paise eod_sum = 0, debits = 0;
    int eod_days = 0;
    for (size_t k = 0; k < t->n; k++) {
        const struct mstat *ms = &t->ms[k];
        in->months += ms->has_data;
        if (!ms->has_data || ms->m < w.first || ms->m > w.last)
            continue;
        eod_sum += ms->eod_sum;
        eod_days += ms->eod_days;
        debits += ms->f[F_DEBIT].amt;
    }
    /* overdrawn: below zero, or below the limit of an overdraft account
     * (drawing on its facility is what an OD account is for) */
    pb_paise floor = -overdraft_limit(a);
    if (w.months)
        for (pb_day d = month_first_day(w.first); d <= month_last_day(w.last); d++) {
            pb_paise b;
            in->negative_days += eod_on(&a->eod, d, &b) && b < floor;
        }
    double abb = eod_days ? (double)eod_sum / eod_days : 0;
    double avg_debits = w.months ? (double)debits / w.months : 0;
    in->abb_to_debits = avg_debits > 0 ? abb / avg_debits : (abb > 0 ? 1 : 0);
    month_series(a, &w, in);
    in->foir = a->lending.foir;
    in->obligations = a->lending.obligations_monthly;
    in->bounces = count_bounces(&a->e, &w, NULL);
    for (size_t i = 0; i < a->e.n; i++)
        in->penal_charges += in_window(&w, &a->e.tx[i]) && is_penal_row(&a->e.tx[i]);
    in->fraud_findings = (int)a->fraud.n;
}

static struct score_factor *score_factor_named(struct score *s, const char *name)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->f[i].name, name))
            return &s->f[i];
    return NULL;
}

/* The rows behind each factor. */
static void score_evidence(struct account_insights *a)
{
    struct window w;
    score_window(&a->months, &w);
    struct score *s = &a->score;
    const struct account_enriched *e = &a->e;
    struct score_factor *inc = score_factor_named(s, "income_stability"), *pen = score_factor_named(s, "penal_charges"),
                        *neg = score_factor_named(s, "negative_balance_days"), *fo = score_factor_named(s, "foir"),
                        *fr = score_factor_named(s, "fraud_cap");
    count_bounces(e, &w, &score_factor_named(s, "bounces")->ev);
    for (size_t i = 0; i < e->n; i++) {
        const struct etxn *x = &e->tx[i];
        if (!in_window(&w, x))
            continue;
        if (income_counted(x->income))
            evidence_add(&inc->ev, i);
        if (is_penal_row(x))
            evidence_add(&pen->ev, i);
        if (x->t->has_balance && x->t->balance < -overdraft_limit(a))
            evidence_add(&neg->ev, i);
    }
    for (size_t k = 0; k < a->lending.nob; k++)
        for (size_t j = 0; j < a->lending.ob[k].rows.n; j++)
            evidence_add(&fo->ev, a->lending.ob[k].rows.idx[j]);
    for (size_t k = 0; k < a->fraud.n; k++)
        for (size_t i = 0; a->fraud.f[k].hash[0] && i < e->n; i++)
            if (!strcmp(e->tx[i].hash, a->fraud.f[k].hash))
                evidence_add(&fr->ev, i);
}

int insights_build(const struct account_view *v, struct account_insights *a, const char **err)
{
    memset(a, 0, sizeof *a);
    if (enrich_account(v, &a->e, err) != 0)
        return -1;
    recurring_find(&a->e, &a->rec);
    income_classify(a);
    eod_build(&a->e, &a->eod);
    period(v, &a->period_from, &a->period_to);
    const struct etxn **p = pointers(&a->e);
    month_table_build(p, a->e.n, &a->eod, a->period_from, a->period_to, &a->months);
    free(p);
    lending_compute(a);
    fraud_check_account(&a->e, &a->fraud);
    struct score_inputs in;
    score_inputs(a, &in);
    score_compute(&in, &a->score);
    score_evidence(a);
    a->monthly = monthly_json(&a->months);
    a->predictors = predictors_json(a);
    return 0;
}

void insights_free(struct account_insights *a)
{
    json_decref(a->monthly);
    json_decref(a->predictors);
    score_free(&a->score);
    lending_free(&a->lending);
    fraud_report_free(&a->fraud);
    recurring_free(&a->rec);
    month_table_free(&a->months);
    eod_free(&a->eod);
    enrich_account_free(&a->e);
    memset(a, 0, sizeof *a);
}
