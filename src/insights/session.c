/* The session as a whole: whose accounts these are (holders), and the
 * aggregate monthly analysis of the accounts of one holder, built once
 * for the JSON document, the endpoints, the XLSX report and the webhooks. */
#include <stdlib.h>
#include <string.h>

#include "insights/insights.h"

static int ptr_date_cmp(const void *x, const void *y)
{
    const struct etxn *a = *(const struct etxn *const *)x, *b = *(const struct etxn *const *)y;
    if (a->t->date != b->t->date)
        return a->t->date < b->t->date ? -1 : 1;
    return (a > b) - (a < b);
}

/* The holder name each account prints (its latest statement's). */
const char *insights_holder_name(const struct account_insights *a)
{
    const struct account_view *v = a->e.v;
    const struct statement *best = NULL;
    for (size_t i = 0; i < v->nstmts; i++)
        if (!best || v->stmts[i]->to_date > best->to_date)
            best = v->stmts[i];
    return best ? best->id.name : NULL;
}

static void group_holders(struct session_insights *s)
{
    const char *names[HOLDERS_MAX];
    size_t n = s->n < HOLDERS_MAX ? s->n : HOLDERS_MAX;
    for (size_t i = 0; i < n; i++)
        names[i] = insights_holder_name(s->a[i]);
    const struct enrich_meta *m = n ? &s->a[0]->e.v->meta : NULL;
    holders_group(names, n, m ? m->names : NULL, m ? m->nnames : 0, &s->holders);
    for (size_t i = 0; i < s->n; i++)
        s->in_aggregate[i] = i >= HOLDERS_MAX || s->holders.primary < 0 || s->holders.of[i] < 0 ||
                             s->holders.of[i] == s->holders.primary;
}

/* Balances of a month are the accounts' own, added: the opening balance of
 * the aggregate is the sum of the accounts' opening balances that month,
 * the closing balance the sum of their closing balances. */
static void sum_balances(struct session_insights *s)
{
    for (size_t k = 0; k < s->months.n; k++) {
        struct mstat *agg = &s->months.ms[k];
        agg->has_opening = agg->has_closing = false;
        agg->opening = agg->closing = 0;
        for (size_t i = 0; i < s->n; i++) {
            const struct month_table *t = &s->a[i]->months;
            if (!s->in_aggregate[i] || t->n == 0 || agg->m < t->ms[0].m || agg->m > t->ms[t->n - 1].m)
                continue;
            const struct mstat *ms = &t->ms[agg->m - t->ms[0].m];
            if (ms->has_opening) {
                agg->opening += ms->opening;
                agg->has_opening = true;
            }
            if (ms->has_closing) {
                agg->closing += ms->closing;
                agg->has_closing = true;
            }
        }
    }
}

static void build_aggregate(struct session_insights *s)
{
    size_t total = 0, k = 0, ns = 0;
    for (size_t i = 0; i < s->n; i++)
        total += s->in_aggregate[i] ? s->a[i]->e.n : 0;
    const struct etxn **p = malloc((total ? total : 1) * sizeof *p);
    const struct eod_series **series = malloc((s->n ? s->n : 1) * sizeof *series);
    if (!p || !series)
        abort();
    pb_day from = PB_NO_DAY, to = PB_NO_DAY;
    for (size_t i = 0; i < s->n; i++) {
        if (!s->in_aggregate[i])
            continue;
        const struct account_insights *a = s->a[i];
        for (size_t j = 0; j < a->e.n; j++)
            p[k++] = &a->e.tx[j];
        series[ns++] = &a->eod;
        if (a->period_from != PB_NO_DAY && (from == PB_NO_DAY || a->period_from < from))
            from = a->period_from;
        if (a->period_to != PB_NO_DAY && (to == PB_NO_DAY || a->period_to > to))
            to = a->period_to;
    }
    qsort(p, total, sizeof *p, ptr_date_cmp);
    eod_sum(series, ns, &s->eod);
    month_table_build(p, total, &s->eod, from, to, &s->months);
    sum_balances(s);
    s->aggregate = monthly_json(&s->months);
    free(p);
    free(series);
}

void session_insights_build(const struct account_insights *const *a, size_t n, struct session_insights *s)
{
    memset(s, 0, sizeof *s);
    s->a = a;
    s->n = n;
    s->in_aggregate = calloc(n ? n : 1, sizeof *s->in_aggregate);
    if (!s->in_aggregate)
        abort();
    group_holders(s);
    build_aggregate(s);
}

void session_insights_free(struct session_insights *s)
{
    json_decref(s->aggregate);
    month_table_free(&s->months);
    eod_free(&s->eod);
    free(s->in_aggregate);
    memset(s, 0, sizeof *s);
}

json_t *insights_aggregate_scope_json(const struct session_insights *s)
{
    json_t *in = json_array(), *out = json_array();
    for (size_t i = 0; i < s->n; i++)
        json_array_append_new(s->in_aggregate[i] ? in : out, json_string(s->a[i]->e.v->account_id));
    const struct holders *h = &s->holders;
    return json_pack("{s:o, s:o, s:o, s:s}", "holder",
                     h->primary >= 0 ? json_string(h->name[h->primary]) : json_null(), "account_ids", in,
                     "excluded_account_ids", out, "rule", "aggregate.one_holder");
}
