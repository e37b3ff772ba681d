/* Predictors (§6.9 and the common keys of Appendix A): month 0 is the
 * latest month with data; 6-month totals cover months 0..5. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "insights/insights.h"
#include "util/json_value.h"

#define MONTHS 12
#define WINDOW 6

static json_t *rupees(pb_paise p)
{
    return json_real(money_to_rupees(p));
}

static json_t *ratio(double a, double b, double scale)
{
    return b > 0 ? json_real(round(a / b * scale * 100.0) / 100.0) : json_null();
}

static json_t *avg_rupees(pb_paise total, long n)
{
    return n > 0 ? json_real(money_to_rupees((pb_paise)llround((double)total / n))) : json_null();
}

/* Month N (0 = latest), or NULL beyond the data. */
static const struct mstat *month_n(const struct account_insights *a, int n)
{
    const struct month_table *t = &a->months;
    if (n < 0 || (size_t)n >= t->n)
        return NULL;
    const struct mstat *ms = &t->ms[t->n - 1 - (size_t)n];
    return ms->has_data ? ms : NULL;
}

static void setn(json_t *p, const char *base, int n, json_t *v)
{
    char key[96];
    snprintf(key, sizeof key, "%s_%d", base, n);
    json_object_set_new(p, key, v);
}

static pb_paise expense_of(const struct mstat *ms)
{
    return ms->f[F_DEBIT].amt - ms->f[F_OUTWARD_BOUNCE].amt;
}

/* EOD on that day of the month; a day before the data takes the nearest
 * later day's value (§6.9: forward-filled, else nearest date). */
static json_t *eod_mark(const struct mstat *ms, int day, bool net_off)
{
    int last = date_days_in_month(ms->m / 12, ms->m % 12 + 1);
    if (day > last)
        day = last;
    while (day < last && !ms->eod_has_day[day])
        day++;
    if (!ms->eod_has_day[day])
        return json_null();
    return rupees(net_off ? ms->net_off[day] : ms->eod_on_day[day]);
}

static void month_family(json_t *p, const struct mstat *ms, int n)
{
    static const int DAYS[EOD_MARK_DAYS] = {1, 5, 10, 15, 20, 25, 30};
    static const char *NAMES[EOD_MARK_DAYS] = {"1st", "5th", "10th", "15th", "20th", "25th", "30th"};
    char buf[PB_DATE_BUF], key[64];
    setn(p, "month", n, ms ? json_string(month_fmt_mon_yy(ms->m, buf)) : json_null());
#define FAM(name, expr) setn(p, name, n, ms ? (expr) : json_null())
    FAM("credits", rupees(ms->f[F_CREDIT].amt));
    FAM("debits", rupees(ms->f[F_DEBIT].amt));
    FAM("debitless_charges", rupees(ms->f[F_CHARGES].amt));
    FAM("expense", rupees(expense_of(ms)));
    FAM("income", rupees(ms->f[F_INCOME].amt));
    FAM("cnt_income", json_integer(ms->f[F_INCOME].cnt));
    FAM("expense_to_income_ratio", ratio((double)expense_of(ms), (double)ms->f[F_INCOME].amt, 1));
    FAM("number_of_transactions", json_integer(ms->ntx));
    FAM("total_creditcard_payment", rupees(ms->f[F_CC_BILL].amt));
    FAM("total_inward_payment_bounce", rupees(ms->f[F_INWARD_BOUNCE].amt + ms->f[F_AUTO_BOUNCE].amt));
    FAM("total_salary", rupees(ms->f[F_SALARY].amt));
    FAM("cnt_salary", json_integer(ms->f[F_SALARY].cnt));
    FAM("employer_name", ms->employer ? json_string(ms->employer) : json_null());
    FAM("salary_date", ms->highest_salary_date == PB_NO_DAY
                           ? json_null()
                           : json_string(date_fmt_dmon_yy(ms->highest_salary_date, buf)));
    FAM("max_balance", ms->eod_days ? rupees(ms->eod_max) : json_null());
    FAM("min_balance", ms->eod_days ? rupees(ms->eod_min) : json_null());
    FAM("avg_balance", avg_rupees(ms->eod_sum, ms->eod_days));
    FAM("bal_last", ms->has_closing ? rupees(ms->closing) : json_null());
    for (int i = 0; i < EOD_MARK_DAYS; i++) {
        snprintf(key, sizeof key, "balance_on_%s", NAMES[i]);
        FAM(key, eod_mark(ms, DAYS[i], false));
        snprintf(key, sizeof key, "balance_net_off_on_%s", NAMES[i]);
        FAM(key, eod_mark(ms, DAYS[i], true));
    }
    if (ms) {
        pb_paise sum = 0;
        int cnt = 0;
        for (int i = 0; i < EOD_MARK_DAYS; i++) {
            int last = date_days_in_month(ms->m / 12, ms->m % 12 + 1), d = DAYS[i] > last ? last : DAYS[i];
            if (ms->eod_has_day[d])
                sum += ms->eod_on_day[d], cnt++;
        }
        setn(p, "bal_avgof_6dates", n, avg_rupees(sum, cnt));
    } else {
        setn(p, "bal_avgof_6dates", n, json_null());
    }
    FAM("amt_emi_debit", rupees(ms->f[F_EMI].amt));
    FAM("cnt_emi_debit", json_integer(ms->f[F_EMI].cnt));
    FAM("amt_loan_credits", rupees(ms->f[F_LOAN].amt));
    FAM("cnt_loan_credits", json_integer(ms->f[F_LOAN].cnt));
    FAM("emi_bounce", json_integer(ms->f[F_EMI_BOUNCE].cnt));
    FAM("total_emi_bounce", rupees(ms->f[F_EMI_BOUNCE].amt));
    FAM("amt_cash_deposit", rupees(ms->f[F_CASH_DEPOSIT].amt));
    FAM("cnt_cash_deposit", json_integer(ms->f[F_CASH_DEPOSIT].cnt));
    FAM("amt_cash_withdrawl_debit", rupees(ms->f[F_CASH_WITHDRAWAL].amt));
    FAM("cnt_cash_withdrawl_debit", json_integer(ms->f[F_CASH_WITHDRAWAL].cnt));
    FAM("amt_upi_credits", rupees(ms->f[F_UPI_CREDIT].amt));
    FAM("amt_upi_debits", rupees(ms->f[F_UPI_DEBIT].amt));
    FAM("cnt_upi_credits", json_integer(ms->f[F_UPI_CREDIT].cnt));
    FAM("cnt_upi_debits", json_integer(ms->f[F_UPI_DEBIT].cnt));
    FAM("cnt_debit_transaction", json_integer(ms->f[F_DEBIT].cnt));
    FAM("cnt_credit_transaction", json_integer(ms->f[F_CREDIT].cnt));
    FAM("amt_business_credit", rupees(ms->f[F_BUSINESS].amt));
    FAM("cnt_business_credit", json_integer(ms->f[F_BUSINESS].cnt));
    FAM("amt_self_transfer_credit", rupees(ms->f[F_SELF_CREDIT].amt));
    FAM("cnt_self_transfer_credit", json_integer(ms->f[F_SELF_CREDIT].cnt));
    FAM("amt_self_transfer_debit", rupees(ms->f[F_SELF_DEBIT].amt));
    FAM("cnt_self_transfer_debit", json_integer(ms->f[F_SELF_DEBIT].cnt));
    FAM("amt_refund_credit", rupees(ms->f[F_REVERSAL].amt));
    FAM("cnt_refund_credit", json_integer(ms->f[F_REVERSAL].cnt));
    FAM("amt_auto_debit_payment_bounce_credit",
        rupees(ms->f[fam_channel(CH_AUTO_DEBIT_PAYMENT_BOUNCE, TXN_CREDIT)].amt));
    FAM("cnt_auto_debit_payment_bounce_credit",
        json_integer(ms->f[fam_channel(CH_AUTO_DEBIT_PAYMENT_BOUNCE, TXN_CREDIT)].cnt));
    FAM("amt_inward_cheque_bounce_credit", rupees(ms->f[F_INWARD_BOUNCE].amt));
    FAM("cnt_inward_cheque_bounce_credit", json_integer(ms->f[F_INWARD_BOUNCE].cnt));
    FAM("amt_outward_cheque_bounce_debit", rupees(ms->f[F_OUTWARD_BOUNCE].amt));
    FAM("inward_chq_bounces_insuff_fund", json_integer(ms->f[F_IN_BOUNCE_INSUFF].cnt));
    FAM("outward_chq_bounces_insuff_fund", json_integer(ms->f[F_OUT_BOUNCE_INSUFF].cnt));
    FAM("total_inward_chq_bounces_insuff_fund", rupees(ms->f[F_IN_BOUNCE_INSUFF].amt));
    FAM("total_outward_chq_bounces_insuff_fund", rupees(ms->f[F_OUT_BOUNCE_INSUFF].amt));
    FAM("cnt_days_account_overdrawn", json_integer(ms->days_negative));
    FAM("cnt_days_credits", json_integer(ms->days_credits));
    FAM("obligation", rupees(ms->f[F_EMI].amt));
    int lt500 = 0;
    if (ms)
        for (int d = 1; d <= 31; d++)
            lt500 += ms->eod_has_day[d] && ms->eod_on_day[d] < 50000;
    FAM("cnt_eod_bal_lt_500", json_integer(lt500));
#undef FAM
}

struct window {
    struct fam_acc f[F_COUNT];
    pb_day first, last;
    int months, eod_days, neg_days, salary_months, income_months;
    pb_paise eod_sum, closing_sum, expense, min_eod;
    int closing_cnt;
    double e2i_sum;
    int e2i_cnt;
};

static void window_sum(const struct account_insights *a, int months, struct window *w)
{
    memset(w, 0, sizeof *w);
    w->first = w->last = PB_NO_DAY;
    for (int n = 0; n < months; n++) {
        const struct mstat *ms = month_n(a, n);
        if (!ms)
            continue;
        w->months++;
        for (int f = 0; f < F_COUNT; f++) {
            w->f[f].amt += ms->f[f].amt;
            w->f[f].cnt += ms->f[f].cnt;
        }
        if (ms->first_txn != PB_NO_DAY && (w->first == PB_NO_DAY || ms->first_txn < w->first))
            w->first = ms->first_txn;
        if (ms->last_txn != PB_NO_DAY && (w->last == PB_NO_DAY || ms->last_txn > w->last))
            w->last = ms->last_txn;
        w->eod_days += ms->eod_days;
        w->eod_sum += ms->eod_sum;
        w->neg_days += ms->days_negative;
        if (ms->eod_days && (w->closing_cnt == 0 || ms->eod_min < w->min_eod))
            w->min_eod = ms->eod_min;
        if (ms->has_closing)
            w->closing_sum += ms->closing, w->closing_cnt++;
        w->salary_months += ms->f[F_SALARY].cnt > 0;
        w->income_months += ms->f[F_INCOME].cnt > 0;
        w->expense += expense_of(ms);
        if (ms->f[F_INCOME].amt > 0) {
            w->e2i_sum += (double)expense_of(ms) / (double)ms->f[F_INCOME].amt;
            w->e2i_cnt++;
        }
    }
}

static void totals(json_t *p, const struct account_insights *a)
{
    struct window w;
    window_sum(a, WINDOW, &w);
    char buf[PB_DATE_BUF];
    json_object_set_new(p, "start_date", w.first == PB_NO_DAY ? json_null() : json_string(date_fmt_dmon_yy(w.first, buf)));
    json_object_set_new(p, "end_date", w.last == PB_NO_DAY ? json_null() : json_string(date_fmt_dmon_yy(w.last, buf)));
    json_object_set_new(p, "month_duration", json_integer(w.months));
#define SETR(k, v) json_object_set_new(p, k, rupees(v))
#define SETI(k, v) json_object_set_new(p, k, json_integer(v))
    SETR("credits", w.f[F_CREDIT].amt);
    SETR("debits", w.f[F_DEBIT].amt);
    SETR("debitless_charges", w.f[F_CHARGES].amt);
    SETI("cash_withdrawals", w.f[F_CASH_WITHDRAWAL].cnt);
    SETI("chq_deposits", w.f[F_CHQ_DEPOSIT].cnt);
    SETI("chq_issues", w.f[F_CHQ_ISSUE].cnt);
    SETR("total_cash_withdrawal", w.f[F_CASH_WITHDRAWAL].amt);
    SETR("total_chq_deposit", w.f[F_CHQ_DEPOSIT].amt);
    SETR("total_chq_issue", w.f[F_CHQ_ISSUE].amt);
    SETI("inward_chq_bounces", w.f[F_INWARD_BOUNCE].cnt);
    SETI("outward_chq_bounces", w.f[F_OUTWARD_BOUNCE].cnt);
    SETR("pos_expenses", w.f[F_POS].amt);
    SETR("reversals", w.f[F_REVERSAL].amt);
    SETI("cnt_reversals", w.f[F_REVERSAL].cnt);
    SETR("total_bounce_or_penal_charge", w.f[F_BOUNCE_CHARGE].amt + w.f[F_MIN_BAL_CHARGE].amt);
    SETI("total_cnt_bounce_or_penal_charge", w.f[F_BOUNCE_CHARGE].cnt + w.f[F_MIN_BAL_CHARGE].cnt);
    SETR("total_creditcard_payment", w.f[F_CC_BILL].amt);
    SETR("total_emi_ecs_loan", w.f[F_EMI].amt);
    SETR("total_expense", w.expense);
    SETR("total_income", w.f[F_INCOME].amt);
    SETI("cnt_total_income", w.f[F_INCOME].cnt);
    SETR("net_banking_credits", w.f[F_NB_CREDIT].amt);
    SETR("net_banking_debits", w.f[F_NB_DEBIT].amt);
    SETI("cnt_total_debit_transactions", w.f[F_DEBIT].cnt);
    SETI("cnt_total_credit_transactions", w.f[F_CREDIT].cnt);
    SETR("amt_inward_cheque_bounce_credit", w.f[F_INWARD_BOUNCE].amt);
    SETI("cnt_inward_cheque_bounce_credit", w.f[F_INWARD_BOUNCE].cnt);
    SETR("amt_outward_cheque_bounce_debit", w.f[F_OUTWARD_BOUNCE].amt);
    SETI("cnt_outward_cheque_bounce_debit", w.f[F_OUTWARD_BOUNCE].cnt);
    SETR("amt_self_transfer_credit", w.f[F_SELF_CREDIT].amt);
    SETR("amt_refund_credit", w.f[F_REVERSAL].amt);
    SETI("cnt_refund_credit", w.f[F_REVERSAL].cnt);
    SETR("amt_loan_credit", w.f[F_LOAN].amt);
    SETR("total_salary_credits", w.f[F_SALARY].amt);
    SETI("total_number_of_salary_credits", w.f[F_SALARY].cnt);
    SETI("cnt_of_months_with_salary_credits", w.salary_months);
    SETI("cnt_of_months_with_no_salary_credits", w.months - w.salary_months);
    SETR("total_amt_business_credit", w.f[F_BUSINESS].amt);
    SETI("total_cnt_business_credit", w.f[F_BUSINESS].cnt);
    SETR("amt_cash_deposit_credit_last_6months", w.f[F_CASH_DEPOSIT].amt);
    SETI("cnt_cash_deposit_credit_last_6months", w.f[F_CASH_DEPOSIT].cnt);
    SETI("total_number_of_emi_debits", w.f[F_EMI].cnt);
    double days = (w.first != PB_NO_DAY) ? (double)(w.last - w.first + 1) : 0;
    json_object_set_new(p, "annualised_credit", days > 0 ? json_real(round(money_to_rupees(w.f[F_CREDIT].amt) / days * 365 * 100) / 100) : json_null());
    json_object_set_new(p, "avg_monthly_expense", avg_rupees(w.expense, w.months));
    /* the income and obligations of income.c: one figure everywhere */
    const struct lending *l = &a->lending;
    json_object_set_new(p, "avg_monthly_income", l->income_months ? rupees(l->income_monthly) : json_null());
    json_object_set_new(p, "avg_monthly_credits", avg_rupees(w.f[F_CREDIT].amt, w.months));
    json_object_set_new(p, "avg_monthly_debits", avg_rupees(w.f[F_DEBIT].amt, w.months));
    json_object_set_new(p, "avg_expense_to_income_perc",
                        w.e2i_cnt ? json_real(round(w.e2i_sum / w.e2i_cnt * 10000) / 100) : json_null());
    json_object_set_new(p, "avg_daily_closing_balance", avg_rupees(w.eod_sum, w.eod_days));
    json_object_set_new(p, "avg_bank_balance", avg_rupees(w.eod_sum, w.eod_days));
    json_object_set_new(p, "avg_monthly_closing_balance", avg_rupees(w.closing_sum, w.closing_cnt));
    json_object_set_new(p, "obligation", rupees(l->obligations_monthly));
    json_object_set_new(p, "fixed_obligation_to_income_ratio",
                        l->has_foir ? json_real(round(l->foir * 10000) / 10000) : json_null());
    json_object_set_new(p, "min_eod_balance", w.eod_days ? rupees(w.min_eod) : json_null());
    struct window w3;
    window_sum(a, 3, &w3);
    SETI("cnt_emi_bounce_3months", w3.f[F_EMI_BOUNCE].cnt);
    SETI("cnt_auto_debit_bounce_3m", w3.f[F_AUTO_BOUNCE].cnt);
    SETR("loan_credit_amt_last_3months", w3.f[F_LOAN].amt);
    SETI("cnt_auto_debit_bounce_6m", w.f[F_AUTO_BOUNCE].cnt);
    SETI("cnt_inward_cheque_bounce_6m", w.f[F_INWARD_BOUNCE].cnt);
    SETI("total_outward_bounce_6months", w.f[F_OUTWARD_BOUNCE].cnt);
    SETR("sum_loan_disbursement_last_6month", w.f[F_LOAN].amt);
    SETR("total_emi_amount_debit_last_3months", w3.f[F_EMI].amt);
    SETR("total_emi_amount_debit_last_6months", w.f[F_EMI].amt);
    json_object_set_new(p, "avg_daily_closing_balance_3months", avg_rupees(w3.eod_sum, w3.eod_days));
    struct window w12;
    window_sum(a, MONTHS, &w12);
    json_object_set_new(p, "avg_daily_closing_balance_12months", avg_rupees(w12.eod_sum, w12.eod_days));
    json_object_set_new(p, "avg_daily_closing_balance_6months", avg_rupees(w.eod_sum, w.eod_days));
    SETI("total_number_of_months_with_data", w12.months);
    SETI("banking_vintage_in_months", (int)a->months.n);
#undef SETR
#undef SETI
}

static bool all_multiple(const struct account_enriched *e, bool (*pick)(const struct etxn *),
                         pb_paise unit, int *count)
{
    bool all = true;
    *count = 0;
    for (size_t i = 0; i < e->n; i++)
        if (!e->tx[i].skip && pick(&e->tx[i])) {
            (*count)++;
            all &= e->tx[i].t->amount % unit == 0;
        }
    return all && *count > 0;
}

static bool is_salary_row(const struct etxn *x)
{
    return x->is_salary;
}

static bool is_tax_row(const struct etxn *x)
{
    return x->t->type == TXN_DEBIT && strcmp(x->cls.merchant_category, "tax") == 0;
}

static bool holiday_flag(const struct account_enriched *e, enum channel ch, bool branch_cash)
{
    for (size_t i = 0; i < e->n; i++) {
        const struct etxn *x = &e->tx[i];
        if (x->skip || x->cls.channel != ch)
            continue;
        if (branch_cash && strcmp(x->cls.description, "deposit_by_machine") == 0)
            continue; /* machines take deposits on holidays */
        if (classify_bank_holiday(x->t->date, NULL))
            return true;
    }
    return false;
}

static void behaviour(json_t *p, const struct account_insights *a)
{
    const struct account_enriched *e = &a->e;
    bool neg = false, equal = false, rtgs_small = false;
    pb_paise cash = 0, salary = 0;
    int cash_cnt = 0, total = 0;
    for (size_t i = 0; i < e->n; i++) {
        const struct etxn *x = &e->tx[i];
        if (x->skip)
            continue;
        total++;
        neg |= x->t->has_balance && x->t->balance < 0;
        if (x->cls.channel == CH_CASH_DEPOSIT)
            cash += x->t->amount;
        if (x->cls.channel == CH_CASH_DEPOSIT || x->cls.channel == CH_CASH_WITHDRAWL)
            cash_cnt++;
        if (x->is_salary)
            salary += x->t->amount;
        if (x->t->note && strstr(x->t->note, "RTGS") && x->t->amount < 20000000)
            rtgs_small = true; /* RTGS starts at Rs 2 lakh */
        /* round tripping: an equal credit and debit (>= Rs 5,000) on one day */
        for (size_t j = i + 1; j < e->n && e->tx[j].t->date == x->t->date && !equal; j++)
            equal = !e->tx[j].skip && e->tx[j].t->type != x->t->type &&
                    e->tx[j].t->amount == x->t->amount && x->t->amount >= 500000;
    }
    for (size_t d = 0; d < a->eod.ndays; d++)
        neg |= a->eod.has[d] && a->eod.bal[d] < 0;
    int nsal = 0, ntax = 0;
    bool sal1000 = all_multiple(e, is_salary_row, 100000, &nsal);
    bool tax100 = all_multiple(e, is_tax_row, 10000, &ntax);
    bool unchanged = nsal >= 3;
    pb_paise first_sal = -1;
    for (size_t i = 0; i < e->n && unchanged; i++)
        if (!e->tx[i].skip && e->tx[i].is_salary) {
            if (first_sal < 0)
                first_sal = e->tx[i].t->amount;
            unchanged = e->tx[i].t->amount == first_sal;
        }
    bool over15 = false;
    for (size_t k = 0; k < a->months.n; k++)
        over15 |= a->months.ms[k].days_credits > 15;
    bool author = false, date = false, inconsistent = false;
    for (size_t i = 0; i < a->fraud.n; i++) {
        author |= strcmp(a->fraud.f[i].type, "author_fraud") == 0;
        date |= strcmp(a->fraud.f[i].type, "date_fraud") == 0;
        inconsistent |= strcmp(a->fraud.f[i].category, "accounting") == 0;
    }
    json_object_set_new(p, "author_fraud", json_boolean(author));
    json_object_set_new(p, "date_fraud", json_boolean(date));
    json_object_set_new(p, "inconsistent_transaction", json_boolean(inconsistent));
    json_object_set_new(p, "negative_balance", json_boolean(neg));
    json_object_set_new(p, "has_negative_balance", json_boolean(neg));
    json_object_set_new(p, "equal_credit_debit", json_boolean(equal));
    json_object_set_new(p, "min_rtgs_amount", json_boolean(rtgs_small));
    json_object_set_new(p, "salary_1000_multiple", json_boolean(sal1000));
    json_object_set_new(p, "salary_remains_unchanged", json_boolean(unchanged));
    json_object_set_new(p, "more_cash_deposits_than_salary", json_boolean(salary > 0 && cash > salary));
    json_object_set_new(p, "mostly_cash_transactions", json_boolean(total > 0 && cash_cnt * 2 > total));
    json_object_set_new(p, "tax_100_multiple", json_boolean(tax100));
    json_object_set_new(p, "cash_deposit_bank_holiday_transaction",
                        json_boolean(holiday_flag(e, CH_CASH_DEPOSIT, true)));
    json_object_set_new(p, "chq_bank_holiday_transaction", json_boolean(holiday_flag(e, CH_CHQ, false)));
    json_object_set_new(p, "outward_cheque_bounce_bank_holiday_transaction",
                        json_boolean(holiday_flag(e, CH_OUTWARD_CHEQUE_BOUNCE, false)));
    json_object_set_new(p, "inward_cheque_bounce_bank_holiday_transaction",
                        json_boolean(holiday_flag(e, CH_INWARD_CHEQUE_BOUNCE, false)));
    json_object_set_new(p, "more_than_15_days_credit", json_boolean(over15));
    json_object_set_new(p, "is_salary_present", json_boolean(nsal > 0));
}

json_t *predictors_json(const struct account_insights *a)
{
    json_t *p = json_object();
    const struct account_view *v = a->e.v;
    const struct statement *st = v->nstmts ? v->stmts[v->nstmts - 1] : NULL;
    json_object_set_new(p, "customer_name", json_text_or_null(st ? st->id.name : NULL));
    json_object_set_new(p, "bank_name", json_text_or_null(st ? st->bank : NULL));
    json_object_set_new(p, "account_type", json_text_or_null(st ? st->id.account_type : NULL));
    json_object_set_new(p, "accountnumber", json_text_or_null(st ? st->id.account_number : NULL));
    json_object_set_new(p, "ifsc_code", json_text_or_null(st ? st->id.ifsc : NULL));
    json_object_set_new(p, "ccod_limit", json_real(money_to_rupees(st ? st->id.od_limit : 0)));
    for (int n = 0; n < MONTHS; n++)
        month_family(p, month_n(a, n), n);
    totals(p, a);
    behaviour(p, a);
    json_object_set_new(p, "salary_confidence", json_integer(a->e.salary_confidence));
    char buf[PB_DATE_BUF];
    pb_month latest = -1;
    for (size_t i = 0; i < a->e.n; i++)
        if (!a->e.tx[i].skip && a->e.tx[i].is_salary)
            latest = date_month(a->e.tx[i].t->date);
    json_object_set_new(p, "latest_salary_month", latest < 0 ? json_null() : json_string(month_fmt_mon_yyyy(latest, buf)));
    json_object_set_new(p, "score", json_integer(a->score.value));
    return p;
}
