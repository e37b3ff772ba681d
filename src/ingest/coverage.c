#include "ingest/coverage.h"

#include <stdlib.h>
#include <string.h>

struct span {
    pb_day from, to;
};

static int span_cmp(const void *a, const void *b)
{
    const struct span *x = a, *y = b;
    return x->from < y->from ? -1 : x->from > y->from;
}

static bool has_month(const pb_month *m, int n, pb_month v)
{
    for (int i = 0; i < n; i++)
        if (m[i] == v)
            return true;
    return false;
}

/* Adds the months of [from, to] to out (sorted insertion, no repeats). */
static void add_months(struct coverage *c, pb_day from, pb_day to)
{
    for (pb_month m = date_month(from); m <= date_month(to) && c->npresent < SESSION_MAX_MONTHS; m++) {
        if (has_month(c->present, c->npresent, m))
            continue;
        int i = c->npresent++;
        while (i > 0 && c->present[i - 1] > m) {
            c->present[i] = c->present[i - 1];
            i--;
        }
        c->present[i] = m;
    }
}

static void add_gap(struct coverage *c, pb_day from, pb_day to)
{
    if (to < from)
        return;
    c->gap_days += to - from + 1;
    if (c->ngaps < COVERAGE_MAX_GAPS) {
        c->gaps[c->ngaps].from = from;
        c->gaps[c->ngaps].to = to;
        c->ngaps++;
    }
}

void coverage_compute(const struct session *s, const struct statement_rec *const *stmts, size_t n,
                      struct coverage *out)
{
    memset(out, 0, sizeof *out);
    struct span *sp = calloc(n ? n : 1, sizeof *sp);
    size_t ns = 0;
    for (size_t i = 0; sp && i < n; i++) {
        if (stmts[i]->from_day == PB_NO_DAY || stmts[i]->to_day == PB_NO_DAY ||
            stmts[i]->to_day < stmts[i]->from_day)
            continue;
        sp[ns].from = stmts[i]->from_day;
        sp[ns].to = stmts[i]->to_day;
        add_months(out, sp[ns].from, sp[ns].to);
        ns++;
    }
    for (int i = 0; i < s->req.n_expected_months; i++)
        if (!has_month(out->present, out->npresent, s->req.expected_months[i]))
            out->missing[out->nmissing++] = s->req.expected_months[i];
    if (sp)
        qsort(sp, ns, sizeof *sp, span_cmp);
    pb_day cursor = s->req.from_date; /* first day not yet covered */
    for (size_t i = 0; i < ns && cursor <= s->req.to_date; i++) {
        if (sp[i].from > cursor)
            add_gap(out, cursor, sp[i].from - 1 < s->req.to_date ? sp[i].from - 1 : s->req.to_date);
        if (sp[i].to + 1 > cursor)
            cursor = sp[i].to + 1;
    }
    if (cursor <= s->req.to_date)
        add_gap(out, cursor, s->req.to_date);
    free(sp);
}

bool coverage_accepted(const struct coverage *c, const char *acceptance, int tolerance_days)
{
    if (acceptance && !strcmp(acceptance, "missing_upload_date_range"))
        return c->gap_days <= tolerance_days;
    return c->nmissing == 0;
}
