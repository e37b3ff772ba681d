/* monthly_analysis: metric -> {"Mon-YYYY": value}, the §6.10 metrics and
 * the common ones of Appendix A, from the month table. */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "insights/insights.h"
#include "util/array.h"

static json_t *rupees(pb_paise p)
{
    return json_real(money_to_rupees(p));
}

/* Mean in rupees rounded to the paisa; 0 when there is nothing. */
static json_t *avg(pb_paise total, long cnt)
{
    if (cnt <= 0)
        return json_real(0);
    return json_real(money_to_rupees((pb_paise)llround((double)total / (double)cnt)));
}

static json_t *pct(double num, double den)
{
    if (den <= 0)
        return json_real(0);
    return json_real(round(num / den * 10000.0) / 100.0);
}

/* Every month puts the same metrics in the same order, so the first month
 * creates each metric's object and later months find it by position
 * (no key formatting, no lookup). */
struct out {
    json_t *root;
    const char *month;
    bool null;      /* month without data: every value null */
    json_t **slot;  /* the metric objects, in put order */
    size_t nslot, cap, pos;
};

static void put_at(struct out *o, json_t *m, json_t *v)
{
    json_object_set_new(m, o->month, o->null ? (json_decref(v), json_null()) : v);
}

static json_t *new_slot(struct out *o, const char *metric)
{
    json_t *m = json_object_get(o->root, metric);
    if (!m) {
        m = json_object();
        json_object_set_new(o->root, metric, m);
    }
    if (array_grow(&o->slot, &o->cap, o->nslot + 1, sizeof *o->slot, 512))
        abort();
    o->slot[o->nslot++] = m;
    return m;
}

static void put(struct out *o, const char *metric, json_t *v)
{
    json_t *m = o->pos < o->nslot ? o->slot[o->pos] : new_slot(o, metric);
    o->pos++;
    put_at(o, m, v);
}

static void putf(struct out *o, const char *fmt, const char *name, json_t *v)
{
    if (o->pos < o->nslot) {
        put_at(o, o->slot[o->pos++], v);
        return;
    }
    char key[128];
    snprintf(key, sizeof key, fmt, name);
    put(o, key, v);
}

/* amt_, cnt_, max_amt_, min_amt_, avg_amt_ of one family. */
static void put_family(struct out *o, const char *name, const struct fam_acc *a)
{
    putf(o, "amt_%s", name, rupees(a->amt));
    putf(o, "cnt_%s", name, json_integer(a->cnt));
    putf(o, "max_amt_%s", name, rupees(a->cnt ? a->max : 0));
    putf(o, "min_amt_%s", name, rupees(a->cnt ? a->min : 0));
    putf(o, "avg_amt_%s", name, avg(a->amt, a->cnt));
}

static json_t *eod_day(const struct mstat *ms, int day)
{
    /* "30th" of a short month is its last day */
    int last = date_days_in_month(ms->m / 12, ms->m % 12 + 1);
    if (day > last)
        day = last;
    return ms->eod_has_day[day] ? rupees(ms->eod_on_day[day]) : json_null();
}

static void put_eod_sums(struct out *o, const struct mstat *ms, const char *tag, const int *days,
                         int n)
{
    pb_paise sum = 0;
    int cnt = 0;
    for (int i = 0; i < n; i++)
        if (ms->eod_has_day[days[i]]) {
            sum += ms->eod_on_day[days[i]];
            cnt++;
        }
    putf(o, "sum_of_eod_bal_on_%s", tag, rupees(sum));
    putf(o, "avg_of_eod_bal_on_%s", tag, avg(sum, cnt));
}

static int days_below(const struct mstat *ms, pb_paise limit)
{
    int n = 0;
    for (int d = 1; d <= 31; d++)
        n += ms->eod_has_day[d] && ms->eod_on_day[d] < limit;
    return n;
}

static json_t *date_or_null(pb_day d)
{
    char buf[PB_DATE_BUF];
    return d == PB_NO_DAY ? json_null() : json_string(date_fmt_iso(d, buf));
}

static void put_balances(struct out *o, const struct mstat *ms)
{
    put(o, "opening_balance", ms->has_opening ? rupees(ms->opening) : json_null());
    put(o, "closing_balance", ms->has_closing ? rupees(ms->closing) : json_null());
    put(o, "median_balance", ms->eod_days ? rupees(ms->eod_median) : json_null());
    put(o, "mode_balance", ms->eod_days ? rupees(ms->eod_mode) : json_null());
    put(o, "avg_bal", ms->eod_days ? avg(ms->eod_sum, ms->eod_days) : json_null());
    put(o, "max_bal", ms->has_bal ? rupees(ms->max_bal) : json_null());
    put(o, "min_bal", ms->has_bal ? rupees(ms->min_bal) : json_null());
    put(o, "max_eod_balance", ms->eod_days ? rupees(ms->eod_max) : json_null());
    put(o, "min_eod_balance", ms->eod_days ? rupees(ms->eod_min) : json_null());
    put(o, "sum_of_eod_balance", rupees(ms->eod_sum));
    put(o, "cnt_of_eod_balance", json_integer(ms->eod_days));
    static const int MARKS[] = {1, 2, 4, 5, 6, 10, 11, 15, 16, 17, 20, 21, 25, 30};
    for (size_t i = 0; i < sizeof MARKS / sizeof MARKS[0]; i++) {
        char key[32];
        snprintf(key, sizeof key, "eod_bal_on_%02d", MARKS[i]);
        put(o, key, eod_day(ms, MARKS[i]));
    }
    static const int A[] = {1, 10, 15, 25}, B[] = {1, 6, 11, 16, 21}, C[] = {1, 5, 15, 25};
    put_eod_sums(o, ms, "1_10_15_25", A, 4);
    put_eod_sums(o, ms, "1_6_11_16_21", B, 5);
    put_eod_sums(o, ms, "1_5_15_25", C, 4);
    static const int NET[] = {1, 5, 10, 15, 20, 25, 30};
    static const char *NETN[] = {"1st", "5th", "10th", "15th", "20th", "25th", "30th"};
    for (int i = 0; i < 7; i++) {
        int last = date_days_in_month(ms->m / 12, ms->m % 12 + 1), d = NET[i] > last ? last : NET[i];
        putf(o, "balance_net_off_on_%s", NETN[i],
             ms->eod_has_day[d] ? rupees(ms->net_off[d]) : json_null());
    }
    put(o, "cnt_days_eod_bal_lt_25000", json_integer(days_below(ms, 2500000)));
    put(o, "cnt_days_eod_bal_lt_1000", json_integer(days_below(ms, 100000)));
    put(o, "no_of_days_eod_lt_5k", json_integer(days_below(ms, 500000)));
    put(o, "no_of_days_eod_lt_20k", json_integer(days_below(ms, 2000000)));
    put(o, "no_of_days_eod_lt_1lk", json_integer(days_below(ms, 10000000)));
    put(o, "cnt_days_account_overdrawn", json_integer(ms->days_negative));
    put(o, "number_of_days_account_overdrawn", json_integer(ms->days_negative));
    put(o, "cnt_days_negative_od_eod_balance", json_integer(ms->days_negative));
    put(o, "max_overdraft_balance", rupees(ms->max_overdraft));
    put(o, "cnt_negative_balance", json_integer(ms->neg_cnt));
    put(o, "total_of_negative_balances_amt", rupees(ms->neg_total));
    put(o, "max_negative_balance_amt", rupees(ms->neg_max));
    put(o, "min_negative_balance_amt", rupees(ms->neg_min));
    put(o, "avg_of_negative_balance_amt", avg(ms->neg_total, ms->neg_cnt));
}

/* Channels that only ever move money one way have no family the other way
 * ("salary_debit", "cash_withdrawl_credit" would always be 0). */
static bool channel_direction_exists(enum channel c, enum txn_type t)
{
    static const enum channel CREDIT_ONLY[] = {CH_SALARY, CH_REFUND, CH_INWARD_CHEQUE_BOUNCE, CH_INVESTMENT_CASHIN,
                                               CH_BANK_INTEREST, CH_CASH_DEPOSIT, CH_AUTO_CREDIT};
    static const enum channel DEBIT_ONLY[] = {CH_PAYMENT_GATEWAY_PURCHASE, CH_OUTWARD_CHEQUE_BOUNCE, CH_DEBIT_CARD,
                                              CH_CASH_WITHDRAWL, CH_BILL_PAYMENT, CH_BANK_CHARGE,
                                              CH_AUTO_DEBIT_PAYMENT};
    const enum channel *only = t == TXN_DEBIT ? CREDIT_ONLY : DEBIT_ONLY;
    size_t n = t == TXN_DEBIT ? sizeof CREDIT_ONLY / sizeof CREDIT_ONLY[0] : sizeof DEBIT_ONLY / sizeof DEBIT_ONLY[0];
    for (size_t i = 0; i < n; i++)
        if (only[i] == c)
            return false;
    return true;
}

static void put_flows(struct out *o, const struct mstat *ms)
{
    const struct fam_acc *f = ms->f;
    put(o, "cnt_transactions", json_integer(ms->ntx));
    put(o, "amt_debit", rupees(f[F_DEBIT].amt));
    put(o, "cnt_debit", json_integer(f[F_DEBIT].cnt));
    put(o, "amt_credit", rupees(f[F_CREDIT].amt));
    put(o, "cnt_credit", json_integer(f[F_CREDIT].cnt));
    put(o, "min_amt_credit", rupees(f[F_CREDIT].cnt ? f[F_CREDIT].min : 0));
    put(o, "max_amt_credit", rupees(f[F_CREDIT].cnt ? f[F_CREDIT].max : 0));
    put(o, "max_debit", rupees(f[F_DEBIT].cnt ? f[F_DEBIT].max : 0));
    put(o, "min_debit", rupees(f[F_DEBIT].cnt ? f[F_DEBIT].min : 0));
    char buf[64];
    for (int c = 0; c < CH_COUNT; c++)
        for (int t = 0; t < 2; t++)
            if (c != CH_OTHERS && channel_direction_exists((enum channel)c, (enum txn_type)t))
                put_family(o, fam_name(fam_channel((enum channel)c, (enum txn_type)t), buf, sizeof buf),
                           &f[fam_channel((enum channel)c, (enum txn_type)t)]);
    static const enum fam SPECIAL[] = {
        F_EMI, F_INVESTMENT, F_OUT_BOUNCE_INSUFF, F_IN_BOUNCE_INSUFF, F_ACH_BOUNCE_CHARGE,
        F_CHQ_BOUNCE_CHARGE, F_MIN_BAL_CHARGE, F_BOUNCE_CHARGE, F_BUSINESS, F_INCOME, F_LOAN,
        F_EMI_BOUNCE, F_CC_BILL, F_FOOD, F_TRAVEL, F_FUEL, F_SHOPPING, F_UPI_NB, F_DISCRETIONARY,
        F_TAX, F_BILLS, F_REVERSAL, F_INWARD_BOUNCE};
    for (size_t i = 0; i < sizeof SPECIAL / sizeof SPECIAL[0]; i++) {
        const char *name = SPECIAL[i] == F_INWARD_BOUNCE ? "inward_bounces" : fam_name(SPECIAL[i], buf, sizeof buf);
        put_family(o, name, &f[SPECIAL[i]]);
    }
    put(o, "avg_emi", avg(f[F_EMI].amt, f[F_EMI].cnt));
    put(o, "loan_emi", rupees(f[F_EMI].amt));
    put(o, "avg_amt_cash_deposit", avg(f[fam_channel(CH_CASH_DEPOSIT, TXN_CREDIT)].amt,
                                       f[fam_channel(CH_CASH_DEPOSIT, TXN_CREDIT)].cnt));
    put(o, "bounce_penal", rupees(f[F_BOUNCE_PENAL].amt));
    put(o, "cnt_bounce_penal", json_integer(f[F_BOUNCE_PENAL].cnt));
    put(o, "max_bounce_penal", rupees(f[F_BOUNCE_PENAL].cnt ? f[F_BOUNCE_PENAL].max : 0));
    put(o, "min_bounce_penal", rupees(f[F_BOUNCE_PENAL].cnt ? f[F_BOUNCE_PENAL].min : 0));
    put(o, "avg_bounce_penal", avg(f[F_BOUNCE_PENAL].amt, f[F_BOUNCE_PENAL].cnt));
    put(o, "net_cash_inflow", rupees(f[F_CREDIT].amt - f[F_DEBIT].amt));
    put(o, "avg_credit_transaction_size", avg(f[F_CREDIT].amt, f[F_CREDIT].cnt));
    put(o, "avg_debit_transaction_size", avg(f[F_DEBIT].amt, f[F_DEBIT].cnt));
    pb_paise self_cr = f[F_SELF_CREDIT].amt;
    put(o, "turnover_excluding_loan_and_self_credit",
        rupees(f[F_CREDIT].amt - f[F_LOAN].amt - self_cr));
    put(o, "amt_credit_wo_self_transfer", rupees(f[F_CREDIT_WO_SELF].amt));
    put(o, "amt_debit_wo_self_transfer", rupees(f[F_DEBIT_WO_SELF].amt));
    put(o, "net_credit_amount", rupees(f[F_CREDIT_WO_SELF].amt));
    put(o, "net_credit_count", json_integer(f[F_CREDIT_WO_SELF].cnt));
    put(o, "net_debit_amount", rupees(f[F_DEBIT_WO_SELF].amt));
    put(o, "net_debit_count", json_integer(f[F_DEBIT_WO_SELF].cnt));
    put(o, "amt_credit_excluding_reversal", rupees(f[F_CREDIT].amt - f[F_REVERSAL].amt));
    put(o, "cnt_credit_excluding_reversal", json_integer(f[F_CREDIT].cnt - f[F_REVERSAL].cnt));
    const struct fam_acc *ob = &f[F_OUTWARD_BOUNCE];
    put(o, "amt_debit_excluding_reversal", rupees(f[F_DEBIT].amt - ob->amt));
    put(o, "cnt_debit_excluding_reversal", json_integer(f[F_DEBIT].cnt - ob->cnt));
    put(o, "amt_spent_on_entertainment", rupees(f[F_ENTERTAINMENT].amt));
    put(o, "amt_spent_on_medical", rupees(f[F_MEDICAL].amt));
    put(o, "amt_spent_on_groceries", rupees(f[F_GROCERIES].amt));
    put(o, "amt_perc_cash_deposit_to_total_credit",
        pct((double)f[F_CASH_DEPOSIT].amt, (double)f[F_CREDIT].amt));
    put(o, "perc_cash_deposit_to_total_credit",
        pct(f[F_CASH_DEPOSIT].cnt, f[F_CREDIT].cnt));
    put(o, "amt_perc_cash_withdrawal_to_total_debits",
        pct((double)f[F_CASH_WITHDRAWAL].amt, (double)f[F_DEBIT].amt));
}

static void put_salary(struct out *o, const struct mstat *ms)
{
    const struct fam_acc *s = &ms->f[F_SALARY];
    put(o, "total_amount_of_salary", rupees(s->amt));
    put(o, "number_of_salary_transactions", json_integer(s->cnt));
    put(o, "max_amount_of_salary", rupees(s->cnt ? s->max : 0));
    put(o, "min_amount_of_salary", rupees(s->cnt ? s->min : 0));
    put(o, "avg_amount_of_salary", avg(s->amt, s->cnt));
    put(o, "employer_name", ms->employer ? json_string(ms->employer) : json_null());
    put(o, "highest_salary_date", date_or_null(ms->highest_salary_date));
    static const char *CH[5] = {"bill_payment", "cash_withdrawl", "debit_card",
                                "net_banking_transfer", "upi"};
    for (int k = 0; k < 5; k++)
        putf(o, "perc_salary_spend_%s", CH[k], pct((double)ms->salary_spend[k], (double)s->amt));
    put(o, "sum_salary_spent_within_5_days_of_credit", rupees(ms->salary_spent_5d));
    put(o, "perc_salary_amt_debit_within5_days", pct((double)ms->salary_spent_5d, (double)s->amt));
}

/* One month's metrics; the same puts in the same order for every month. */
static void put_month(struct out *o, const struct mstat *ms)
{
    char mbuf[PB_DATE_BUF];
    o->month = month_fmt_mon_yyyy(ms->m, mbuf);
    o->null = !ms->has_data;
    o->pos = 0;
    put_balances(o, ms);
    put_flows(o, ms);
    put_salary(o, ms);
    put(o, "start_date", date_or_null(ms->first_txn));
    put(o, "end_date", date_or_null(ms->last_txn));
    put(o, "transaction_start_date", date_or_null(ms->first_txn));
    put(o, "transaction_end_date", date_or_null(ms->last_txn));
    put(o, "is_complete_month", json_boolean(ms->complete));
}

json_t *monthly_json(const struct month_table *t)
{
    struct out o = {.root = json_object()};
    for (size_t k = 0; k < t->n; k++)
        put_month(&o, &t->ms[k]);
    free(o.slot);
    return o.root;
}
