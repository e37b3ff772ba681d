/* Income, obligations, FOIR and the lender's flags (docs/insights.md,
 * "Income and obligations"). Income is salary plus recurring income (plus
 * business credits on a business account); every other credit is excluded
 * with its reason. Obligations are the EMIs of loans still being paid and
 * rent. Each figure keeps the rows it was computed from (its evidence). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "insights/insights.h"

static const struct {
    const char *name, *rule;
} KINDS[INC_KINDS] = {
    [INC_NONE] = {"none", ""},
    [INC_SALARY] = {"salary", "income.salary"},
    [INC_RECURRING] = {"recurring", "income.recurring"},
    [INC_BUSINESS] = {"business", "income.business"},
    [INC_X_ONE_OFF] = {"one_off", "income.exclude.one_off"},
    [INC_X_SELF] = {"self_transfer", "income.exclude.self_transfer"},
    [INC_X_LOAN] = {"loan_disbursal", "income.exclude.loan_disbursal"},
    [INC_X_REFUND] = {"refund", "income.exclude.refund"},
    [INC_X_REVERSAL] = {"reversal", "income.exclude.reversal"},
    [INC_X_INVESTMENT] = {"investment_redemption", "income.exclude.investment_redemption"},
    [INC_X_BOUNCE] = {"bounce", "income.exclude.bounce"},
    [INC_X_CASH] = {"cash_deposit", "income.exclude.cash_deposit"},
};

const char *income_kind_name(enum income_kind k)
{
    return k < INC_KINDS ? KINDS[k].name : "none";
}

const char *income_kind_rule(enum income_kind k)
{
    return k < INC_KINDS ? KINDS[k].rule : "";
}

/* A business account: its credits are takings, not wages. */
static bool business_account(const struct account_enriched *e)
{
    const struct account_view *v = e->v;
    const struct identity *id = v->nstmts ? &v->stmts[v->nstmts - 1]->id : NULL;
    if (!id)
        return false;
    if (id->account_category && !strcasecmp(id->account_category, "corporate"))
        return true;
    const char *t = id->account_type;
    return t && (!strcasecmp(t, "CURRENT") || !strcasecmp(t, "OVERDRAFT") || !strcasecmp(t, "CC") ||
                 !strcasecmp(t, "OD") || !strcasecmp(t, "CASH CREDIT"));
}

static bool reversal_words(const struct etxn *x)
{
    const char *n = x->t->note ? x->t->note : "";
    return strcasestr(n, "REV") || strcasestr(n, "RVSL") || strcasestr(n, "FAILED") || strcasestr(n, "DECLINED");
}

/* Why a credit can never be income, or INC_NONE. */
static enum income_kind never_income(const struct etxn *x, bool business)
{
    const struct classification *c = &x->cls;
    if (c->self || c->channel == CH_SELF_TRANSFER)
        return INC_X_SELF;
    if (x->is_loan_credit)
        return INC_X_LOAN;
    if (x->is_bounce || c->channel == CH_AUTO_DEBIT_PAYMENT_BOUNCE || c->channel == CH_INWARD_CHEQUE_BOUNCE)
        return INC_X_BOUNCE;
    if (c->channel == CH_REFUND)
        return reversal_words(x) ? INC_X_REVERSAL : INC_X_REFUND;
    if (c->channel == CH_INVESTMENT_CASHIN)
        return INC_X_INVESTMENT;
    if (c->channel == CH_INTERNATIONAL_TRANSACTION_ARBITRAGE)
        return INC_X_ONE_OFF;
    if (c->channel == CH_CASH_DEPOSIT && !business)
        return INC_X_CASH;
    return INC_NONE;
}

/* A recurring credit set is income when it is the payer's habit, not a
 * coincidence among their credits: at most one of its credits a month, in
 * most months from its first to its last, and most of what that payer
 * sends (a friend who sends varied amounts now and then is not an income). */
static bool regular_income(const struct account_enriched *e, const struct recurring_set *set)
{
    size_t months = 0, payer_rows = 0;
    pb_month last = -1;
    for (size_t k = 0; k < set->n; k++) {
        pb_month m = date_month(e->tx[set->idx[k]].t->date);
        if (m == last)
            return false;
        months++;
        last = m;
    }
    pb_month first = date_month(e->tx[set->idx[0]].t->date);
    if (months * 10 < (size_t)(last - first + 1) * 6)
        return false;
    char key[CLS_TEXT], other[CLS_TEXT];
    enrich_clean_note(&e->tx[set->idx[0]], key, sizeof key);
    for (size_t i = 0; i < e->n; i++) {
        const struct etxn *x = &e->tx[i];
        if (x->skip || x->t->type != TXN_CREDIT || x->cls.channel != set->ch)
            continue;
        enrich_clean_note(x, other, sizeof other);
        payer_rows += !strcmp(key, other);
    }
    return set->n * 10 >= payer_rows * 7;
}

void income_classify(struct account_insights *a)
{
    struct account_enriched *e = &a->e;
    bool business = business_account(e);
    a->lending.business = business;
    for (size_t i = 0; i < e->n; i++) {
        struct etxn *x = &e->tx[i];
        x->income = INC_NONE;
        if (x->skip || x->t->type != TXN_CREDIT)
            continue;
        enum income_kind why = never_income(x, business);
        x->income = why != INC_NONE ? why : x->is_salary ? INC_SALARY : business ? INC_BUSINESS : INC_X_ONE_OFF;
    }
    /* credits that recur: the same payer, a similar amount, month after month */
    for (size_t s = 0; s < a->rec.n; s++) {
        const struct recurring_set *set = &a->rec.sets[s];
        if (set->type != TXN_CREDIT || !regular_income(e, set))
            continue;
        for (size_t k = 0; k < set->n; k++) {
            struct etxn *x = &e->tx[set->idx[k]];
            if (x->income == INC_X_ONE_OFF)
                x->income = INC_RECURRING;
        }
    }
}

/* ---- income per month and its average ---- */

/* The average over the latest six months with data, complete months only
 * when the window has any (a month the statements cover in part would
 * understate it). */
static void average_income(struct account_insights *a)
{
    const struct month_table *t = &a->months;
    pb_paise all = 0, full = 0;
    int nall = 0, nfull = 0;
    for (size_t k = t->n; k-- > 0 && nall < 6;) {
        const struct mstat *ms = &t->ms[k];
        if (!ms->has_data)
            continue;
        nall++;
        all += ms->f[F_INCOME].amt;
        if (ms->complete) {
            nfull++;
            full += ms->f[F_INCOME].amt;
        }
    }
    struct lending *l = &a->lending;
    l->income_months = nfull ? nfull : nall;
    pb_paise sum = nfull ? full : all;
    l->income_monthly = l->income_months ? (sum + l->income_months / 2) / l->income_months : 0;
}

/* ---- obligations ---- */

static int paise_cmp(const void *x, const void *y)
{
    pb_paise a = *(const pb_paise *)x, b = *(const pb_paise *)y;
    return (a > b) - (a < b);
}

static pb_day last_day_of_data(const struct account_enriched *e)
{
    for (size_t i = e->n; i-- > 0;)
        if (!e->tx[i].skip)
            return e->tx[i].t->date;
    return PB_NO_DAY;
}

static void payee_of(const struct etxn *x, bool emi, char *out, size_t cap)
{
    if (emi && x->cls.lender[0])
        snprintf(out, cap, "%s", x->cls.lender);
    else
        enrich_clean_note(x, out, cap);
}

static struct obligation *obligation_for(struct lending *l, const char *kind, const char *payee)
{
    for (size_t i = 0; i < l->nob; i++)
        if (!strcmp(l->ob[i].kind, kind) && !strcmp(l->ob[i].payee, payee))
            return &l->ob[i];
    if (l->nob == OBLIGATIONS_MAX)
        return NULL;
    struct obligation *o = &l->ob[l->nob++];
    memset(o, 0, sizeof *o);
    o->kind = kind;
    snprintf(o->payee, sizeof o->payee, "%s", payee);
    return o;
}

/* An obligation's monthly amount: the median of its monthly totals over its
 * latest three months. Still being paid: a row in the last 45 days. */
static bool settle(const struct account_enriched *e, struct obligation *o, pb_day last)
{
    pb_paise months[3] = {0};
    pb_month m[3];
    int nm = 0;
    for (size_t k = o->rows.n; k-- > 0;) {
        const struct etxn *x = &e->tx[o->rows.idx[k]];
        pb_month mm = date_month(x->t->date);
        if (nm && m[nm - 1] == mm)
            months[nm - 1] += x->t->amount;
        else if (nm < 3) {
            m[nm] = mm;
            months[nm++] = x->t->amount;
        } else {
            break;
        }
    }
    const struct etxn *newest = o->rows.n ? &e->tx[o->rows.idx[o->rows.n - 1]] : NULL;
    if (!newest || (last != PB_NO_DAY && last - newest->t->date > 45))
        return false;
    if (!strcmp(o->kind, "rent") && o->rows.n < 2)
        return false; /* one payment is not yet a tenancy */
    qsort(months, (size_t)nm, sizeof months[0], paise_cmp);
    o->monthly = months[nm / 2];
    return true;
}

static void find_obligations(struct account_insights *a)
{
    struct account_enriched *e = &a->e;
    struct lending *l = &a->lending;
    char payee[CLS_TEXT];
    for (size_t i = 0; i < e->n; i++) {
        const struct etxn *x = &e->tx[i];
        if (x->skip || x->t->type != TXN_DEBIT)
            continue;
        bool rent = !strcmp(x->cls.category, "Rent");
        if (!x->is_emi && !rent)
            continue;
        payee_of(x, x->is_emi, payee, sizeof payee);
        struct obligation *o = obligation_for(l, x->is_emi ? "emi" : "rent", payee);
        if (o)
            evidence_add(&o->rows, i);
    }
    pb_day last = last_day_of_data(e);
    size_t keep = 0;
    for (size_t i = 0; i < l->nob; i++) {
        if (settle(e, &l->ob[i], last)) {
            l->obligations_monthly += l->ob[i].monthly;
            l->ob[keep++] = l->ob[i];
        } else {
            evidence_free(&l->ob[i].rows);
        }
    }
    l->nob = keep;
}

/* ---- flags ---- */

void lending_compute(struct account_insights *a)
{
    struct lending *l = &a->lending;
    average_income(a);
    find_obligations(a);
    l->has_foir = l->income_monthly > 0;
    l->foir = l->has_foir ? (double)l->obligations_monthly / (double)l->income_monthly : 0;
    /* a one-off credit of at least Rs 50,000 and half a month's income */
    l->large_floor = l->income_monthly / 2 > 5000000 ? l->income_monthly / 2 : 5000000;
    for (size_t i = 0; i < a->e.n; i++) {
        const struct etxn *x = &a->e.tx[i];
        if (x->skip || x->t->type != TXN_CREDIT)
            continue;
        if (x->income == INC_X_ONE_OFF && x->t->amount >= l->large_floor)
            evidence_add(&l->large, i);
        if (x->cls.channel == CH_CASH_DEPOSIT)
            evidence_add(&l->cash, i);
    }
}

void lending_free(struct lending *l)
{
    for (size_t i = 0; i < l->nob; i++)
        evidence_free(&l->ob[i].rows);
    evidence_free(&l->large);
    evidence_free(&l->cash);
    memset(l, 0, sizeof *l);
}
