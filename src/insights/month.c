/* Per-month statistics: the one pass every monthly figure, predictor and
 * score input is read from. Money stays in paise here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "enrich/rules.h"
#include "insights/insights.h"

static const char *FAM_NAMES[F_FIXED_COUNT] = {
    "credit", "debit", "income_credit", "business_credit", "loan_credits", "emi_debit",
    "emi_bounce_credit", "investment", "ach_bounce_charge", "chq_bounce_charge",
    "bounce_charge", "min_bal_charge", "outward_cheque_bounce_insuff_funds_debit",
    "inward_cheque_bounce_insuff_funds_credit", "credit_card_bill_debit", "reversal_credit",
    "salary", "food_related_debits", "travel_related_debits", "fuel_related_debits",
    "shopping_related_debits", "bill_related_debits", "tax_gst_paid", "discretionary_spends",
    "upi_and_net_banking_debits", "bounce_penal", "self_transfer_credit_all",
    "self_transfer_debit_all", "credit_wo_self_transfer", "debit_wo_self_transfer",
    "cash_deposit", "cash_withdrawal", "chq_deposit", "chq_issue", "inward_bounce",
    "outward_bounce", "auto_debit_bounce", "upi_credits", "upi_debits", "net_banking_credits",
    "net_banking_debits", "bank_charges", "pos", "gambling", "entertainment", "medical",
    "groceries", "alcohol", "online_shopping", "mobile_bill", "interest_credit", "none",
};

const char *fam_name(enum fam f, char *buf, size_t cap)
{
    if (f < F_FIXED_COUNT)
        return FAM_NAMES[f];
    if (f >= F_COUNT)
        return "";
    int k = f - F_FIXED_COUNT; /* "<channel>_<credit|debit>" */
    snprintf(buf, cap, "%s_%s", channel_name((enum channel)(k / 2)),
             k % 2 == TXN_CREDIT ? "credit" : "debit");
    return buf;
}

static void acc_add(struct fam_acc *a, pb_paise v)
{
    if (a->cnt == 0 || v > a->max)
        a->max = v;
    if (a->cnt == 0 || v < a->min)
        a->min = v;
    a->amt += v;
    a->cnt++;
}

static bool note_has(const struct etxn *x, const char *word)
{
    return x->t->note && strcasestr(x->t->note, word) != NULL;
}

static bool mcat(const struct etxn *x, const char *c)
{
    return strcmp(x->cls.merchant_category, c) == 0;
}

/* The families of money in or out that every row is in: its direction
 * and channel, income, business credits, loans, EMIs and investments.
 * Writes them to f; returns how many. */
static size_t money_families(const struct etxn *x, int *f)
{
    size_t n = 0;
    const struct classification *c = &x->cls;
    bool cr = x->t->type == TXN_CREDIT;
    enum channel ch = c->channel;
    f[n++] = cr ? F_CREDIT : F_DEBIT;
    f[n++] = F_FIXED_COUNT + (int)ch * 2 + (int)x->t->type;
    if (cr && income_counted(x->income))
        f[n++] = F_INCOME; /* salary and recurring income (insights/income.c) */
    /* FinBox's business credits: credits but bounces, FX arbitrage, loans and
     * self transfers, above Rs 500 */
    if (cr && ch != CH_INWARD_CHEQUE_BOUNCE && ch != CH_AUTO_DEBIT_PAYMENT_BOUNCE &&
        ch != CH_INTERNATIONAL_TRANSACTION_ARBITRAGE && !x->is_loan_credit && !c->self && x->t->amount > 50000)
        f[n++] = F_BUSINESS;
    if (x->is_loan_credit)
        f[n++] = F_LOAN;
    if (x->is_emi)
        f[n++] = F_EMI;
    if (x->is_emi_bounce)
        f[n++] = F_EMI_BOUNCE;
    if (!cr && ch == CH_INVESTMENT)
        f[n++] = F_INVESTMENT;
    return n;
}

/* Charges, bounces and the other rows told by their description or
 * narration (bounce charges, minimum balance, bounces for insufficient
 * funds, card bills, reversals, salary). */
static size_t charge_families(const struct etxn *x, int *f)
{
    size_t n = 0;
    const struct classification *c = &x->cls;
    bool cr = x->t->type == TXN_CREDIT;
    enum channel ch = c->channel;
    if (strcmp(c->description, "ach_bounce_charge") == 0)
        f[n++] = F_ACH_BOUNCE_CHARGE, f[n++] = F_BOUNCE_CHARGE;
    if (strcmp(c->description, "chq_bounce_charge") == 0)
        f[n++] = F_CHQ_BOUNCE_CHARGE, f[n++] = F_BOUNCE_CHARGE;
    if (strcmp(c->description, "penalty_charge") == 0 && (note_has(x, "BAL") || note_has(x, "MAINT")))
        f[n++] = F_MIN_BAL_CHARGE;
    bool insuff = note_has(x, "INSUF") || note_has(x, "FUNDS");
    if (ch == CH_OUTWARD_CHEQUE_BOUNCE && insuff)
        f[n++] = F_OUT_BOUNCE_INSUFF;
    if (ch == CH_INWARD_CHEQUE_BOUNCE && insuff)
        f[n++] = F_IN_BOUNCE_INSUFF;
    if (strcmp(c->description, "credit_card_bill") == 0)
        f[n++] = F_CC_BILL;
    if (cr && ch == CH_REFUND)
        f[n++] = F_REVERSAL;
    if (x->is_salary)
        f[n++] = F_SALARY;
    return n;
}

/* What a debit was spent on, by its merchant's category and channel. */
static size_t spend_families(const struct etxn *x, int *f)
{
    size_t n = 0;
    enum channel ch = x->cls.channel;
    if (mcat(x, "food"))
        f[n++] = F_FOOD;
    if (mcat(x, "travel"))
        f[n++] = F_TRAVEL;
    if (mcat(x, "fuel"))
        f[n++] = F_FUEL;
    if (mcat(x, "shopping"))
        f[n++] = F_SHOPPING;
    if (mcat(x, "bills") || ch == CH_BILL_PAYMENT)
        f[n++] = F_BILLS;
    if (mcat(x, "tax"))
        f[n++] = F_TAX;
    if (mcat(x, "food") || mcat(x, "travel") || mcat(x, "shopping") ||
        mcat(x, "entertainment") || mcat(x, "alcohol") || mcat(x, "gambling"))
        f[n++] = F_DISCRETIONARY;
    if (ch == CH_UPI || ch == CH_NET_BANKING_TRANSFER)
        f[n++] = F_UPI_NB;
    if (mcat(x, "gambling"))
        f[n++] = F_GAMBLING;
    if (mcat(x, "entertainment"))
        f[n++] = F_ENTERTAINMENT;
    if (mcat(x, "medical"))
        f[n++] = F_MEDICAL;
    if (mcat(x, "groceries"))
        f[n++] = F_GROCERIES;
    if (mcat(x, "alcohol"))
        f[n++] = F_ALCOHOL;
    if (mcat(x, "shopping") && (ch == CH_UPI || ch == CH_PAYMENT_GATEWAY_PURCHASE))
        f[n++] = F_ONLINE_SHOPPING;
    if (mcat(x, "bills") && (note_has(x, "AIRTEL") || note_has(x, "JIO") ||
                             note_has(x, "VODAFONE") || note_has(x, "BSNL")))
        f[n++] = F_MOBILE_BILL;
    return n;
}

/* Bounces and penalties, self transfers or not, and the families a
 * channel in one direction names (cash, cheques, UPI, net banking ...). */
static size_t channel_families(const struct etxn *x, int *f)
{
    size_t n = 0;
    bool cr = x->t->type == TXN_CREDIT;
    enum channel ch = x->cls.channel;
    if (x->is_bounce || x->is_bounce_charge)
        f[n++] = F_BOUNCE_PENAL;
    if (x->cls.self)
        f[n++] = cr ? F_SELF_CREDIT : F_SELF_DEBIT;
    else
        f[n++] = cr ? F_CREDIT_WO_SELF : F_DEBIT_WO_SELF;
    static const struct {
        enum channel ch;
        int type;
        enum fam f;
    } MAP[] = {
        {CH_CASH_DEPOSIT, TXN_CREDIT, F_CASH_DEPOSIT}, {CH_CASH_WITHDRAWL, TXN_DEBIT, F_CASH_WITHDRAWAL},
        {CH_CHQ, TXN_CREDIT, F_CHQ_DEPOSIT},           {CH_CHQ, TXN_DEBIT, F_CHQ_ISSUE},
        {CH_INWARD_CHEQUE_BOUNCE, -1, F_INWARD_BOUNCE}, {CH_OUTWARD_CHEQUE_BOUNCE, -1, F_OUTWARD_BOUNCE},
        {CH_AUTO_DEBIT_PAYMENT_BOUNCE, -1, F_AUTO_BOUNCE}, {CH_UPI, TXN_CREDIT, F_UPI_CREDIT},
        {CH_UPI, TXN_DEBIT, F_UPI_DEBIT}, {CH_NET_BANKING_TRANSFER, TXN_CREDIT, F_NB_CREDIT},
        {CH_NET_BANKING_TRANSFER, TXN_DEBIT, F_NB_DEBIT}, {CH_BANK_CHARGE, TXN_DEBIT, F_CHARGES},
        {CH_DEBIT_CARD, TXN_DEBIT, F_POS}, {CH_BANK_INTEREST, TXN_CREDIT, F_INTEREST},
    };
    for (size_t i = 0; i < sizeof MAP / sizeof MAP[0]; i++)
        if (MAP[i].ch == ch && (MAP[i].type < 0 || MAP[i].type == (int)x->t->type))
            f[n++] = MAP[i].f;
    return n;
}

/* The families one row counts in. */
size_t month_row_families(const struct etxn *x, int *f)
{
    size_t n = money_families(x, f);
    n += charge_families(x, f + n);
    if (x->t->type != TXN_CREDIT)
        n += spend_families(x, f + n);
    return n + channel_families(x, f + n);
}

static int paise_cmp(const void *a, const void *b)
{
    pb_paise x = *(const pb_paise *)a, y = *(const pb_paise *)b;
    return (x > y) - (x < y);
}

/* EOD figures of the month from the series. */
static void month_eod(struct mstat *ms, const struct eod_series *eod)
{
    pb_paise vals[32];
    int n = 0;
    for (pb_day d = month_first_day(ms->m); d <= month_last_day(ms->m); d++) {
        pb_paise b;
        int y, mo, day;
        date_to_ymd(d, &y, &mo, &day);
        if (!eod_on(eod, d, &b))
            continue;
        ms->eod_on_day[day] = b;
        ms->eod_has_day[day] = true;
        vals[n++] = b;
        ms->eod_sum += b;
        if (b < 0) {
            ms->days_negative++;
            if (b < ms->max_overdraft)
                ms->max_overdraft = b;
        }
        ms->closing = b;
        ms->has_closing = true;
    }
    ms->eod_days = n;
    if (!n)
        return;
    qsort(vals, (size_t)n, sizeof vals[0], paise_cmp);
    ms->eod_min = vals[0];
    ms->eod_max = vals[n - 1];
    ms->eod_median = n % 2 ? vals[n / 2] : (vals[n / 2 - 1] + vals[n / 2]) / 2;
    int best = 0;
    for (int i = 0, run = 0; i < n; i++) { /* mode: most frequent; ties -> lowest */
        run = (i > 0 && vals[i] == vals[i - 1]) ? run + 1 : 1;
        if (run > best) {
            best = run;
            ms->eod_mode = vals[i];
        }
    }
    pb_paise prev;
    if (eod_on(eod, month_first_day(ms->m) - 1, &prev)) {
        ms->opening = prev;
        ms->has_opening = true;
    }
}

static void salary_spend(struct mstat *ms, const struct etxn *const *tx, size_t n, size_t i)
{
    static const enum channel CH[5] = {CH_BILL_PAYMENT, CH_CASH_WITHDRAWL, CH_DEBIT_CARD,
                                       CH_NET_BANKING_TRANSFER, CH_UPI};
    pb_day d0 = tx[i]->t->date;
    for (size_t j = i + 1; j < n && tx[j]->t->date <= d0 + 7; j++) {
        const struct etxn *y = tx[j];
        if (y->skip || y->t->type != TXN_DEBIT)
            continue;
        if (y->t->date <= d0 + 5)
            ms->salary_spent_5d += y->t->amount;
        for (int k = 0; k < 5; k++)
            if (y->cls.channel == CH[k])
                ms->salary_spend[k] += y->t->amount;
    }
}

static void month_rows(struct mstat *ms, const struct etxn *const *tx, size_t n, size_t from,
                       size_t to, const struct eod_series *eod)
{
    pb_paise loans = 0;
    size_t li = from;
    pb_day last_credit_day = PB_NO_DAY;
    for (size_t i = from; i < to; i++) {
        const struct etxn *x = tx[i];
        if (x->skip)
            continue;
        int f[64];
        size_t nf = month_row_families(x, f);
        for (size_t k = 0; k < nf; k++)
            acc_add(&ms->f[f[k]], x->t->amount);
        ms->ntx++;
        if (ms->first_txn == PB_NO_DAY)
            ms->first_txn = x->t->date;
        ms->last_txn = x->t->date;
        if (x->t->type == TXN_CREDIT && x->t->date != last_credit_day) {
            ms->days_credits++;
            last_credit_day = x->t->date;
        }
        if (!ms->has_opening && x->t->has_balance) {
            ms->opening = x->t->balance + (x->t->type == TXN_CREDIT ? -x->t->amount : x->t->amount);
            ms->has_opening = true;
        }
        if (x->t->has_balance) {
            if (!ms->has_bal || x->t->balance > ms->max_bal)
                ms->max_bal = x->t->balance;
            if (!ms->has_bal || x->t->balance < ms->min_bal)
                ms->min_bal = x->t->balance;
            ms->has_bal = true;
            if (x->t->balance < 0) {
                pb_paise v = -x->t->balance;
                if (ms->neg_cnt == 0 || v > ms->neg_max)
                    ms->neg_max = v;
                if (ms->neg_cnt == 0 || v < ms->neg_min)
                    ms->neg_min = v;
                ms->neg_total += v;
                ms->neg_cnt++;
            }
        }
        if (x->is_salary) {
            ms->employer = x->employer;
            if (x->t->amount >= ms->highest_salary) {
                ms->highest_salary = x->t->amount;
                ms->highest_salary_date = x->t->date;
            }
            salary_spend(ms, tx, n, i);
        }
    }
    /* EOD net of loan credits received so far this month. */
    for (int day = 1; day <= 31; day++) {
        pb_day d;
        int y = ms->m / 12, mo = ms->m % 12 + 1;
        if (!ms->eod_has_day[day] || !date_from_ymd(y, mo, day, &d))
            continue;
        for (; li < to && tx[li]->t->date <= d; li++)
            if (!tx[li]->skip && tx[li]->is_loan_credit)
                loans += tx[li]->t->amount;
        ms->net_off[day] = ms->eod_on_day[day] - loans;
    }
    (void)eod;
}

void month_table_build(const struct etxn *const *tx, size_t n, const struct eod_series *eod,
                       pb_day period_from, pb_day period_to, struct month_table *t)
{
    memset(t, 0, sizeof *t);
    if (eod->m1 < eod->m0)
        return;
    t->n = (size_t)(eod->m1 - eod->m0 + 1);
    t->ms = calloc(t->n, sizeof *t->ms);
    if (!t->ms)
        abort();
    size_t i = 0;
    for (size_t k = 0; k < t->n; k++) {
        struct mstat *ms = &t->ms[k];
        ms->m = eod->m0 + (pb_month)k;
        ms->first_txn = ms->last_txn = ms->highest_salary_date = PB_NO_DAY;
        month_eod(ms, eod);
        while (i < n && date_month(tx[i]->t->date) < ms->m)
            i++;
        size_t from = i;
        while (i < n && date_month(tx[i]->t->date) == ms->m)
            i++;
        month_rows(ms, tx, n, from, i, eod);
        ms->has_data = ms->ntx > 0 || ms->eod_days > 0;
        ms->complete = period_from != PB_NO_DAY && period_to != PB_NO_DAY &&
                       period_from <= month_first_day(ms->m) && period_to >= month_last_day(ms->m);
    }
}

void month_table_free(struct month_table *t)
{
    free(t->ms);
    memset(t, 0, sizeof *t);
}
