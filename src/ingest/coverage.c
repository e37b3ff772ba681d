#include "ingest/coverage.h"

#include <stdio.h>
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

/* Adds the months of [from, to] to the sorted set m (no repeats). */
static void add_months(pb_month *m, int *n, pb_day from, pb_day to)
{
    for (pb_month x = date_month(from); x <= date_month(to) && *n < SESSION_MAX_MONTHS; x++) {
        if (has_month(m, *n, x))
            continue;
        int i = (*n)++;
        while (i > 0 && m[i - 1] > x) {
            m[i] = m[i - 1];
            i--;
        }
        m[i] = x;
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

/* Spans sorted by start; the days of [c->from, c->to] none of them covers. */
static void find_gaps(struct coverage *c, const struct span *sp, size_t n)
{
    pb_day cursor = c->from; /* first day not yet covered */
    for (size_t i = 0; i < n && cursor <= c->to; i++) {
        if (sp[i].from > cursor)
            add_gap(c, cursor, sp[i].from - 1 < c->to ? sp[i].from - 1 : c->to);
        if (sp[i].to + 1 > cursor)
            cursor = sp[i].to + 1;
    }
    if (cursor <= c->to)
        add_gap(c, cursor, c->to);
}

void coverage_compute(const struct session *s, const struct statement_rec *const *stmts, size_t n,
                      struct coverage *out)
{
    memset(out, 0, sizeof *out);
    session_expected_range(&s->req, &out->from, &out->to);
    struct span *sp = calloc(n ? n : 1, sizeof *sp);
    pb_month *inside = calloc(SESSION_MAX_MONTHS, sizeof *inside);
    int ninside = 0;
    size_t ns = 0;
    for (size_t i = 0; sp && inside && i < n; i++) {
        pb_day f = stmts[i]->from_day, t = stmts[i]->to_day;
        if (f == PB_NO_DAY || t == PB_NO_DAY || t < f)
            continue;
        sp[ns++] = (struct span){f, t};
        add_months(out->present, &out->npresent, f, t);
        pb_day cf = f > out->from ? f : out->from, ct = t < out->to ? t : out->to;
        if (cf <= ct)
            add_months(inside, &ninside, cf, ct);
    }
    for (int i = 0; i < s->req.n_expected_months; i++)
        if (!has_month(inside, ninside, s->req.expected_months[i]))
            out->missing[out->nmissing++] = s->req.expected_months[i];
    if (sp)
        qsort(sp, ns, sizeof *sp, span_cmp);
    find_gaps(out, sp, sp ? ns : 0);
    free(sp);
    free(inside);
}

static bool date_range_criterion(const char *criterion)
{
    return criterion && !strcmp(criterion, "missing_upload_date_range");
}

bool coverage_accepted(const struct coverage *c, const char *criterion, int tolerance_days)
{
    if (date_range_criterion(criterion))
        return c->gap_days <= tolerance_days;
    return c->nmissing == 0;
}

/* "Nov 2023, Dec 2023" into out. */
static void months_text(const pb_month *m, int n, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < n && len + 16 < cap; i++) {
        char buf[PB_DATE_BUF];
        len += (size_t)snprintf(out + len, cap - len, "%s%s", i ? ", " : "", month_fmt_human(m[i], buf));
    }
}

/* {"Jan 2024": [1, 2, 3, 4], ...}: the gap days by month (FinBox's message). */
static void gap_days_text(const struct coverage *c, char *out, size_t cap)
{
    size_t len = (size_t)snprintf(out, cap, "{");
    pb_month open = -1;
    for (int g = 0; g < c->ngaps; g++)
        for (pb_day d = c->gaps[g].from; d <= c->gaps[g].to && len + 24 < cap; d++) {
            int y, m, day;
            char buf[PB_DATE_BUF];
            date_to_ymd(d, &y, &m, &day);
            if (date_month(d) != open) {
                len += (size_t)snprintf(out + len, cap - len, "%s\"%s\": [%d", open < 0 ? "" : "], ",
                                        month_fmt_human(date_month(d), buf), day);
                open = date_month(d);
            } else {
                len += (size_t)snprintf(out + len, cap - len, ", %d", day);
            }
        }
    snprintf(out + len, cap - len, "%s}", open < 0 ? "" : "]");
}

const char *coverage_verdict(const struct session *s, const struct coverage *c, const char *criterion,
                             int tolerance_days, const pb_month *txn_months, size_t n, char *msg,
                             size_t cap)
{
    char text[200];
    if (!coverage_accepted(c, criterion, tolerance_days)) {
        if (date_range_criterion(criterion)) {
            gap_days_text(c, text, sizeof text);
            snprintf(msg, cap, "Statement(s) uploaded contain incomplete dates. Missing dates present for %s",
                     text);
            return "INCOMPLETE_DATES_UPLOAD";
        }
        months_text(c->missing, c->nmissing, text, sizeof text);
        snprintf(msg, cap, "Statement(s) uploaded contain incomplete months. Missing data present for %s", text);
        return "INCOMPLETE_MONTHS_UPLOAD";
    }
    pb_month empty[SESSION_MAX_MONTHS];
    int nempty = 0;
    for (int i = 0; i < s->req.n_expected_months; i++) {
        bool any = false;
        for (size_t k = 0; k < n && !any; k++)
            any = txn_months[k] == s->req.expected_months[i];
        if (!any)
            empty[nempty++] = s->req.expected_months[i];
    }
    if (!nempty)
        return NULL;
    months_text(empty, nempty, text, sizeof text);
    snprintf(msg, cap, "Insufficient data to generate report. There are no transactions for %s", text);
    return "INCOMPLETE_MONTHS";
}

void coverage_narrow(struct session *s, const struct statement_rec *stmts, size_t n)
{
    pb_day from = PB_NO_DAY, to = PB_NO_DAY;
    for (size_t i = 0; i < n; i++) {
        if (stmts[i].from_day == PB_NO_DAY || stmts[i].to_day == PB_NO_DAY)
            continue;
        if (from == PB_NO_DAY || stmts[i].from_day < from)
            from = stmts[i].from_day;
        if (to == PB_NO_DAY || stmts[i].to_day > to)
            to = stmts[i].to_day;
    }
    if (from == PB_NO_DAY) {
        s->req.n_expected_months = 0;
        return;
    }
    s->req.from_date = from;
    s->req.to_date = to;
    int m = session_expected_months(from, to, s->req.expected_months, SESSION_MAX_MONTHS);
    s->req.n_expected_months = m < SESSION_MAX_MONTHS ? m : SESSION_MAX_MONTHS;
}
