#include <stdlib.h>
#include <string.h>

#include "insights/insights.h"

static void alloc_days(struct eod_series *s, pb_month m0, pb_month m1)
{
    s->m0 = m0;
    s->m1 = m1;
    s->first = month_first_day(m0);
    s->ndays = (size_t)(month_last_day(m1) - s->first + 1);
    s->bal = calloc(s->ndays, sizeof *s->bal);
    s->has = calloc(s->ndays, sizeof *s->has);
    if (!s->bal || !s->has)
        abort();
}

/* Balance before the first row: the earliest statement's printed opening
 * balance when it starts no later than that row, else worked back from the
 * row itself. */
static bool starting_balance(const struct account_enriched *e, const struct etxn *first,
                             pb_paise *out)
{
    const struct statement *best = NULL;
    for (size_t s = 0; s < e->v->nstmts; s++) {
        const struct statement *st = e->v->stmts[s];
        if (st->has_opening && st->ntxns && (!best || st->from_date < best->from_date))
            best = st;
    }
    if (best && e->v->stmts[first->stmt] == best && first->row == 0) {
        *out = best->opening_balance;
        return true;
    }
    if (first->t->has_balance) {
        *out = first->t->balance + (first->t->type == TXN_CREDIT ? -first->t->amount
                                                                 : first->t->amount);
        return true;
    }
    return false;
}

void eod_build(const struct account_enriched *e, struct eod_series *s)
{
    memset(s, 0, sizeof *s);
    const struct etxn *first = NULL, *last = NULL;
    for (size_t i = 0; i < e->n; i++)
        if (!e->tx[i].skip) {
            if (!first)
                first = &e->tx[i];
            last = &e->tx[i];
        }
    if (!first) {
        s->m0 = 1;
        s->m1 = 0;
        return;
    }
    pb_day end = last->t->date;
    for (size_t k = 0; k < e->v->nstmts; k++) {
        pb_day to = e->v->stmts[k]->to_date;
        if (to != PB_NO_DAY && to > end && to - end < 400)
            end = to;
    }
    /* The printed opening balance is data too: from the period's first day
     * the balance is known, before any row. */
    pb_day start = first->t->date;
    const struct statement *fst = e->v->stmts[first->stmt];
    if (first->row == 0 && fst->has_opening && fst->from_date != PB_NO_DAY &&
        fst->from_date <= start && start - fst->from_date < 62)
        start = fst->from_date;
    alloc_days(s, date_month(start), date_month(end));
    s->has_starting = starting_balance(e, first, &s->starting);
    pb_paise cur = s->starting;
    bool known = s->has_starting;
    size_t i = 0;
    for (pb_day d = start; d <= end; d++) {
        for (; i < e->n && e->tx[i].t->date <= d; i++) {
            const struct etxn *x = &e->tx[i];
            if (x->skip)
                continue;
            if (x->t->has_balance) {
                cur = x->t->balance;
                known = true;
            } else if (known) {
                cur += x->t->type == TXN_CREDIT ? x->t->amount : -x->t->amount;
            }
        }
        if (known) {
            s->bal[d - s->first] = cur;
            s->has[d - s->first] = true;
        }
    }
}

void eod_sum(const struct eod_series *const *in, size_t n, struct eod_series *s)
{
    memset(s, 0, sizeof *s);
    pb_month m0 = 0, m1 = -1;
    for (size_t k = 0; k < n; k++) {
        if (in[k]->ndays == 0)
            continue;
        if (m1 < m0 || in[k]->m0 < m0)
            m0 = in[k]->m0;
        if (in[k]->m1 > m1)
            m1 = in[k]->m1;
    }
    if (m1 < m0) {
        s->m0 = 1;
        s->m1 = 0;
        return;
    }
    alloc_days(s, m0, m1);
    for (size_t k = 0; k < n; k++) {
        const struct eod_series *a = in[k];
        if (a->has_starting) {
            s->starting += a->starting;
            s->has_starting = true;
        }
        for (size_t d = 0; d < a->ndays; d++)
            if (a->has[d]) {
                size_t j = (size_t)(a->first + (pb_day)d - s->first);
                s->bal[j] += a->bal[d];
                s->has[j] = true;
            }
    }
}

void eod_free(struct eod_series *s)
{
    free(s->bal);
    free(s->has);
    memset(s, 0, sizeof *s);
}

bool eod_on(const struct eod_series *s, pb_day d, pb_paise *out)
{
    if (s->ndays == 0 || d < s->first || d >= s->first + (pb_day)s->ndays || !s->has[d - s->first])
        return false;
    *out = s->bal[d - s->first];
    return true;
}

json_t *eod_json(const struct eod_series *s)
{
    json_t *o = json_object(), *order = json_array(), *start = json_array();
    char buf[PB_DATE_BUF];
    bool started = false;
    for (pb_month m = s->m0; m <= s->m1; m++) {
        json_array_append_new(order, json_string(month_fmt_mon_yy(m, buf)));
        json_t *days = json_array();
        for (pb_day d = month_first_day(m); d <= month_last_day(m); d++) {
            pb_paise b;
            if (eod_on(s, d, &b)) {
                if (!started)
                    json_array_append_new(start, json_string(date_fmt_dmon_yy(d, buf)));
                started = true;
                json_array_append_new(days, json_real(money_to_rupees(b)));
            } else {
                json_array_append_new(days, json_null());
            }
        }
        json_object_set_new(o, month_fmt_mon_yy(m, buf), days);
    }
    json_object_set_new(o, "Months_order", order);
    json_object_set_new(o, "start_date", start);
    json_object_set_new(o, "starting_balance",
                        s->has_starting ? json_real(money_to_rupees(s->starting)) : json_null());
    return o;
}
