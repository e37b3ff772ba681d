/* The score: 300-900, a base plus capped, monotone terms, each explained
 * by its weight, inputs and evidence rows; tampering caps it (docs/score.md). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "insights/insights.h"

#define SCORE_BASE 640
#define SCORE_FRAUD_CAP 450

static double clamp(double x, double lo, double hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

static void factor(struct score *s, const char *name, const char *rule, int weight, double value, int points)
{
    if (s->n == SCORE_FACTORS)
        return;
    struct score_factor *f = &s->f[s->n++];
    f->name = name;
    f->rule = rule;
    f->weight = weight;
    f->value = value;
    f->points = points;
    s->value += points;
}

/* The factor's evidence is filled by the caller (insights.c) after this:
 * score_compute only does arithmetic, so it can be tested alone. */

static int capped(int count, int each, int cap)
{
    return -each * (count > cap ? cap : count < 0 ? 0 : count);
}

/* income stability: -40 without income; else round(100 * s) - 40 with s =
 * share of months with income x (1 - coefficient of variation, capped at 1). */
static int income_points(const struct score_inputs *in)
{
    if (!in->has_income)
        return -40;
    double s = in->income_months_share * (1 - clamp(in->income_cv, 0, 1));
    return (int)lround(100 * clamp(s, 0, 1)) - 40;
}

/* FOIR: +50 up to 0.3, falling linearly to -100 at 0.9; no obligations +50;
 * obligations without income -100; neither 0. */
static int foir_points(const struct score_inputs *in)
{
    if (!in->has_income)
        return in->obligations > 0 ? -100 : 0;
    return (int)lround(50 - 150 * clamp((in->foir - 0.3) / 0.6, 0, 1));
}

void score_free(struct score *s)
{
    for (size_t i = 0; i < s->n; i++)
        evidence_free(&s->f[i].ev);
    memset(s, 0, sizeof *s);
}

void score_compute(const struct score_inputs *in, struct score *s)
{
    score_free(s);
    s->value = SCORE_BASE;
    s->capped = false;
    factor(s, "income_stability", "score.income_stability", 60, in->has_income ? in->income_months_share : 0,
           income_points(in));
    factor(s, "balance_cover", "score.balance_cover", 80, in->abb_to_debits,
           (int)lround(80 * clamp(in->abb_to_debits, 0, 1)));
    factor(s, "foir", "score.foir", 100, in->foir, foir_points(in));
    factor(s, "balance_trend", "score.balance_trend", 40, in->balance_trend,
           in->has_trend ? (int)lround(40 * clamp(in->balance_trend / 0.10, -1, 1)) : 0);
    int months = in->months > 6 ? 6 : in->months < 0 ? 0 : in->months;
    factor(s, "history_length", "score.history_length", 30, in->months, 5 * months);
    factor(s, "bounces", "score.bounces", 240, in->bounces, capped(in->bounces, 80, 3));
    factor(s, "penal_charges", "score.penal_charges", 60, in->penal_charges, capped(in->penal_charges, 20, 3));
    factor(s, "negative_balance_days", "score.negative_balance_days", 60, in->negative_days,
           capped(in->negative_days, 2, 30));
    int before = s->value < 300 ? 300 : s->value > 900 ? 900 : s->value;
    int cut = in->fraud_findings > 0 && before > SCORE_FRAUD_CAP ? SCORE_FRAUD_CAP - before : 0;
    factor(s, "fraud_cap", "score.fraud_cap", SCORE_FRAUD_CAP, in->fraud_findings, cut);
    s->capped = cut < 0;
    if (s->value < 300)
        s->value = 300;
    if (s->value > 900)
        s->value = 900;
}
