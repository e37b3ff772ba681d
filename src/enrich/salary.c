/* The salary finder: the employer's regular wage credits.
 * 1. With metadata.employer_names: credits from a named employer.
 * 2. Credits carrying a salary word (data/rules/salary.tsv).
 * 3. Otherwise recurring monthly credits from one employer-like payer at a
 *    similar day of month and a similar amount, many with no salary word.
 * Never: reimbursements/refunds (exclusion words), self transfers, loans,
 * bounces, cash, interest, or amounts far below the payer's usual wage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "enrich/enrich.h"
#include "util/array.h"

#define MIN_WAGE_PAISE (300000) /* Rs 3,000: below this a credit is not a wage */

static bool candidate(const struct etxn *x)
{
    const struct classification *c = &x->cls;
    if (x->skip || x->t->type != TXN_CREDIT || c->salary_excluded || c->self || c->lender[0] ||
        x->is_bounce || x->t->amount < MIN_WAGE_PAISE)
        return false;
    switch (c->channel) {
    case CH_SALARY:
    case CH_NET_BANKING_TRANSFER:
    case CH_UPI:
    case CH_CHQ:
    case CH_AUTO_CREDIT:
    case CH_OTHERS:
        return true;
    default:
        return false;
    }
}

struct group {
    char key[CLS_TEXT];
    size_t *idx;
    size_t n, cap;
};

static struct group *group_for(struct group **gs, size_t *ng, size_t *cap, const char *key)
{
    for (size_t i = 0; i < *ng; i++)
        if (strcmp((*gs)[i].key, key) == 0)
            return &(*gs)[i];
    if (array_grow(gs, cap, *ng + 1, sizeof **gs, 16))
        abort();
    struct group *g = &(*gs)[(*ng)++];
    memset(g, 0, sizeof *g);
    snprintf(g->key, sizeof g->key, "%s", key);
    return g;
}

static void group_add(struct group *g, size_t i)
{
    if (array_grow(&g->idx, &g->cap, g->n + 1, sizeof *g->idx, 8))
        abort();
    g->idx[g->n++] = i;
}

static int paise_cmp(const void *a, const void *b)
{
    pb_paise x = *(const pb_paise *)a, y = *(const pb_paise *)b;
    return (x > y) - (x < y);
}

static pb_paise group_median(const struct account_enriched *e, const struct group *g)
{
    pb_paise *a = malloc(g->n * sizeof *a);
    if (!a)
        abort();
    for (size_t i = 0; i < g->n; i++)
        a[i] = e->tx[g->idx[i]].t->amount;
    qsort(a, g->n, sizeof *a, paise_cmp);
    pb_paise m = g->n % 2 ? a[g->n / 2] : (a[g->n / 2 - 1] + a[g->n / 2]) / 2;
    free(a);
    return m;
}

static int day_of_month(pb_day d)
{
    int y, m, day;
    date_to_ymd(d, &y, &m, &day);
    return day;
}

/* Share of members paid within 5 days (circularly: the 30th and the 2nd
 * are close) of the first member's... median day. */
static double day_consistency(const struct account_enriched *e, const struct group *g)
{
    int days[64], n = 0;
    for (size_t i = 0; i < g->n && n < 64; i++)
        days[n++] = day_of_month(e->tx[g->idx[i]].t->date);
    int best = 0;
    for (int c = 0; c < n; c++) {
        int near = 0;
        for (int i = 0; i < n; i++) {
            int d = abs(days[i] - days[c]);
            if (d > 15)
                d = 30 - d;
            near += d <= 5;
        }
        if (near > best)
            best = near;
    }
    return n ? (double)best / n : 0;
}

static size_t distinct_months(const struct account_enriched *e, const struct group *g)
{
    size_t n = 0;
    pb_month last = -1;
    for (size_t i = 0; i < g->n; i++) {
        pb_month m = date_month(e->tx[g->idx[i]].t->date);
        if (m != last)
            n++;
        last = m;
    }
    return n;
}

static bool in_band(pb_paise a, pb_paise median)
{
    return a * 2 >= median && a <= median * 2;
}

static void mark(struct etxn *x, const char *employer, int confidence)
{
    x->is_salary = true;
    x->salary_confidence = confidence > 100 ? 100 : confidence;
    snprintf(x->employer, sizeof x->employer, "%s", employer);
    x->cls.channel = CH_SALARY;
    snprintf(x->cls.category, sizeof x->cls.category, "Salary");
}

static const char *named_employer(const struct account_enriched *e, const struct etxn *x)
{
    const struct enrich_meta *m = &e->v->meta;
    for (size_t i = 0; i < m->nemployers; i++) {
        const char *emp = m->employer_names[i];
        if (!emp || !*emp)
            continue;
        if ((x->cls.counterparty[0] && classify_name_matches(emp, x->cls.counterparty)) ||
            classify_name_matches(emp, x->t->note ? x->t->note : ""))
            return emp;
    }
    return NULL;
}

/* Decides one payer's credits. span: months the account covers. With a
 * single month of data recurrence cannot be seen; then one credit of at
 * least Rs 10,000 by bank transfer from an employer-like payer is taken. */
static void judge_group(struct account_enriched *e, struct group *g, size_t span)
{
    pb_paise median = group_median(e, g);
    size_t months = distinct_months(e, g);
    size_t words = 0;
    for (size_t i = 0; i < g->n; i++)
        words += e->tx[g->idx[i]].cls.salary_word;
    const struct etxn *first = &e->tx[g->idx[0]];
    const char *emp = named_employer(e, first);
    bool company = classify_company_like(first->cls.counterparty[0] ? first->cls.counterparty
                                                                    : g->key);
    double days = day_consistency(e, g);
    size_t steady = 0; /* wages barely move: most within 25% of the median */
    for (size_t i = 0; i < g->n; i++) {
        pb_paise a = e->tx[g->idx[i]].t->amount;
        steady += a * 4 >= median * 3 && a * 4 <= median * 5;
    }
    /* Without a salary word, only bank transfers (not UPI) count as wages. */
    bool transfer = first->cls.base_channel == CH_NET_BANKING_TRANSFER ||
                    first->cls.base_channel == CH_AUTO_CREDIT || first->cls.base_channel == CH_CHQ;
    bool recurring = months >= 2 && days >= 0.6 && steady * 10 >= g->n * 6 && transfer &&
                     (company || first->cls.base_channel == CH_AUTO_CREDIT);
    if (span == 1 && company && median >= 1000000 &&
        (first->cls.base_channel == CH_NET_BANKING_TRANSFER || first->cls.base_channel == CH_AUTO_CREDIT))
        recurring = true;
    if (!emp && !words && !recurring)
        return;
    int conf = emp ? 90 : 30 + (words ? 30 : 0) + (company ? 15 : 0) + (months >= 3 ? 15 : 0) +
                              (days >= 0.8 ? 10 : 0);
    const char *label = emp ? emp : first->cls.counterparty[0] ? first->cls.counterparty : g->key;
    for (size_t i = 0; i < g->n; i++) {
        struct etxn *x = &e->tx[g->idx[i]];
        /* A much smaller credit from the employer without a salary word is
         * a reimbursement or an allowance, not the wage. */
        if (!x->cls.salary_word && g->n > 1 && !in_band(x->t->amount, median))
            continue;
        mark(x, label, conf + (x->cls.salary_word && emp ? 10 : 0));
    }
}

void salary_detect(struct account_enriched *e)
{
    struct group *gs = NULL;
    size_t ng = 0, cap = 0;
    char key[CLS_TEXT];
    for (size_t i = 0; i < e->n; i++) {
        struct etxn *x = &e->tx[i];
        if (x->cls.channel == CH_SALARY && !candidate(x)) {
            /* a salary word on something that cannot be a wage: undo */
            x->cls.channel = x->cls.base_channel;
        }
        if (!candidate(x))
            continue;
        const char *emp = named_employer(e, x);
        if (emp)
            snprintf(key, sizeof key, "employer:%s", emp);
        else
            enrich_clean_note(x, key, sizeof key);
        group_add(group_for(&gs, &ng, &cap, key), i);
    }
    size_t span = 0;
    pb_month last = -1;
    for (size_t i = 0; i < e->n; i++)
        if (!e->tx[i].skip && date_month(e->tx[i].t->date) != last) {
            span++;
            last = date_month(e->tx[i].t->date);
        }
    for (size_t g = 0; g < ng; g++) {
        judge_group(e, &gs[g], span);
        free(gs[g].idx);
    }
    free(gs);
    /* Channel salary means "marked as salary": unmarked credits that only
     * carried the word keep their transfer channel. */
    for (size_t i = 0; i < e->n; i++) {
        struct etxn *x = &e->tx[i];
        if (x->cls.channel == CH_SALARY && !x->is_salary)
            x->cls.channel = x->cls.base_channel;
        if (x->is_salary && x->salary_confidence > e->salary_confidence)
            e->salary_confidence = x->salary_confidence;
        if (x->is_salary)
            snprintf(e->employer, sizeof e->employer, "%s", x->employer);
    }
}
