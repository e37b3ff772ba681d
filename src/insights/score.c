/* The score: 300-900, a sum of capped, monotone terms (docs/score.md). */
#include <math.h>

#include "insights/insights.h"

#define SCORE_BASE 560

static double clamp01(double x)
{
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

static void factor(struct score *s, const char *name, const char *explain, double value,
                   int points)
{
    if (s->n < SCORE_FACTORS)
        s->f[s->n++] = (struct score_factor){name, explain, value, points};
    s->value += points;
}

void score_compute(const struct score_inputs *in, struct score *s)
{
    s->n = 0;
    s->value = SCORE_BASE;
    factor(s, "balance_cover", "average daily balance / average monthly debits, capped at 1: +120 x ratio",
           in->abb_to_debits, (int)lround(120 * clamp01(in->abb_to_debits)));
    factor(s, "income_regularity", "share of months with income credits: +100 x share",
           in->income_months_share, (int)lround(100 * clamp01(in->income_months_share)));
    int disc = in->expense_to_income < 0
                   ? 0
                   : (int)lround(60 * clamp01((1.2 - in->expense_to_income) / 0.5));
    factor(s, "spending_discipline", "debits / income: +60 at <= 0.7, falling to 0 at >= 1.2",
           in->expense_to_income, disc);
    int months = in->months > 6 ? 6 : in->months < 0 ? 0 : in->months;
    factor(s, "history_length", "months of data: +10 each, up to 6", in->months, 10 * months);
    int b = in->bounces > 5 ? 5 : in->bounces < 0 ? 0 : in->bounces;
    factor(s, "bounces", "bounced payments in the last 6 months: -30 each, up to 5", in->bounces,
           -30 * b);
    int nd = in->negative_days > 30 ? 30 : in->negative_days < 0 ? 0 : in->negative_days;
    factor(s, "negative_balance_days", "days with a negative EOD balance in the last 6 months: -2 each, up to 30",
           in->negative_days, -2 * nd);
    factor(s, "tampering", "a tampering finding on any statement: -150", in->tampered ? 1 : 0,
           in->tampered ? -150 : 0);
    if (s->value < 300)
        s->value = 300;
    if (s->value > 900)
        s->value = 900;
}
