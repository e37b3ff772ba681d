/* Golden test: a two-month statement whose monthly analysis, EOD balances,
 * predictors and expense split were worked out by hand.
 *
 * Opening balance Rs 10,000.00; period 01-Mar-2024 .. 30-Apr-2024.
 *   #  date        C/D  amount      balance     narration
 *   1  2024-03-05  C    50,000.00   60,000.00   NEFT ... ACME TECHNOLOGIES PVT LTD-SALARY MAR 2024
 *   2  2024-03-05  D     1,500.00   58,500.00   UPI-SWIGGY
 *   3  2024-03-10  D    12,000.00   46,500.00   ACH D- BAJAJ FINANCE LTD
 *   4  2024-03-20  D     5,000.00   41,500.00   ATW (ATM)
 *   5  2024-03-31  C       120.00   41,620.00   CREDIT INTEREST
 *   6  2024-04-05  C    50,000.00   91,620.00   NEFT ... SALARY APR 2024
 *   7  2024-04-10  D    12,000.00   79,620.00   ACH D- BAJAJ FINANCE LTD
 *   8  2024-04-15  D   100,000.00  -20,380.00   NEFT DR ... ANITA DESAI
 *   9  2024-04-16  C    30,000.00    9,620.00   CASH DEPOSIT
 *
 * EOD March (the opening balance holds from the period's first day):
 *   1-4: 10,000 (4 days)  5-9: 58,500 (5)  10-19: 46,500 (10)  20-30: 41,500 (11)  31: 41,620 (1)
 *   31 days, sum 40,000 + 292,500 + 465,000 + 456,500 + 41,620 = 1,295,620
 *   avg_bal 1,295,620 / 31 = 41,794.193 -> 41,794.19
 *   sorted: 10,000 x4 | 41,500 x11 | 41,620 | 46,500 x10 | 58,500 x5
 *   -> median (16th) 41,620, mode 41,500 (11 days)
 *   max_eod 58,500  min_eod 10,000  opening 10,000  closing 41,620
 *   max_bal (rows) 60,000  min_bal 41,500
 *   amt_credit 50,120 (2)  amt_debit 18,500 (3)  net_cash_inflow 31,620
 *   salary 50,000 (1); debits after it within 5 days: 1,500 + 12,000 = 13,500 -> 27%
 *   UPI within 7 days: 1,500 -> perc_salary_spend_upi 3%
 * EOD April (forward-filled from 31-Mar):
 *   1-4: 41,620 (4)  5-9: 91,620 (5)  10-14: 79,620 (5)  15: -20,380 (1)  16-30: 9,620 (15)
 *   sum 166,480 + 458,100 + 398,100 - 20,380 + 144,300 = 1,146,600 -> avg 38,220.00
 *   sorted: -20,380 | 9,620 x15 | ... -> median (15th,16th) 9,620; mode 9,620
 *   opening 41,620  closing 9,620  min_eod -20,380  max_eod 91,620  overdrawn days 1
 *   amt_credit 80,000 (2)  amt_debit 112,000 (2)  income 80,000  expense 112,000 -> ratio 1.4
 * Expense categories over all debits (130,500): Transfers 100,000 = 76.63%,
 *   Loans 24,000 = 18.39%, Cash 5,000 = 3.83%, Food 1,500 = 1.15%;
 *   floors 76+18+3+1 = 98, the two largest remainders (.83 Cash, .63 Transfers) get +1:
 *   Transfers 77, Loans 18, Cash 4, Food 1. */
#include <math.h>

#include "check.h"
#include "fixture_statement.h"
#include "insights/insights.h"

static struct statement ST;
static struct account_insights A;

static void build(void)
{
    fx_init(&ST, "RAHUL SHARMA", "2024-03-01", "2024-04-30", RS(10000));
    fx_next(&ST, "2024-03-05", 'C', RS(50000),
            "NEFT CR-ICIC0000104-ACME TECHNOLOGIES PVT LTD-SALARY MAR 2024-CITIN52024030512345");
    fx_next(&ST, "2024-03-05", 'D', RS(1500), "UPI-SWIGGY-swiggy@ybl-YESB0YBLUPI-412345678901-PAYMENT");
    fx_next(&ST, "2024-03-10", 'D', RS(12000), "ACH D- BAJAJ FINANCE LTD-P400CDBP4012345");
    fx_next(&ST, "2024-03-20", 'D', RS(5000), "ATW-416021XXXXXX1234-S1AW0123-MUMBAI");
    fx_next(&ST, "2024-03-31", 'C', RS(120), "CREDIT INTEREST CAPITALISED");
    fx_next(&ST, "2024-04-05", 'C', RS(50000),
            "NEFT CR-ICIC0000104-ACME TECHNOLOGIES PVT LTD-SALARY APR 2024-CITIN52024040512345");
    fx_next(&ST, "2024-04-10", 'D', RS(12000), "ACH D- BAJAJ FINANCE LTD-P400CDBP4012345");
    fx_next(&ST, "2024-04-15", 'D', RS(100000), "NEFT DR-SBIN0001234-ANITA DESAI-NETBANK, MUM-N1232426");
    fx_next(&ST, "2024-04-16", 'C', RS(30000), "CASH DEPOSIT-ANDHERI BRANCH");
    static const struct statement *stmts[1];
    static const char *ids[1] = {"stmt-1"};
    stmts[0] = &ST;
    static struct account_view v;
    v = (struct account_view){.account_id = "acc-1", .stmts = stmts, .statement_ids = ids, .nstmts = 1,
                              .session_from = PB_NO_DAY, .session_to = PB_NO_DAY};
    const char *err = NULL;
    CHECK_INT(insights_build(&v, &A, &err), 0);
}

static double metric(const char *name, const char *month)
{
    json_t *m = json_object_get(A.monthly, name);
    json_t *v = m ? json_object_get(m, month) : NULL;
    if (!v || json_is_null(v))
        return NAN;
    return json_number_value(v);
}

#define CHECK_MONEY(name, month, want) CHECK_INT(llround(metric(name, month) * 100), llround((want) * 100))

TEST(monthly_march)
{
    CHECK_MONEY("opening_balance", "Mar-2024", 10000);
    CHECK_MONEY("closing_balance", "Mar-2024", 41620);
    CHECK_MONEY("avg_bal", "Mar-2024", 41794.19);
    CHECK_MONEY("median_balance", "Mar-2024", 41620);
    CHECK_MONEY("mode_balance", "Mar-2024", 41500);
    CHECK_MONEY("max_eod_balance", "Mar-2024", 58500);
    CHECK_MONEY("min_eod_balance", "Mar-2024", 10000);
    CHECK_MONEY("cnt_of_eod_balance", "Mar-2024", 31);
    CHECK_MONEY("max_bal", "Mar-2024", 60000);
    CHECK_MONEY("min_bal", "Mar-2024", 41500);
    CHECK_MONEY("amt_credit", "Mar-2024", 50120);
    CHECK_MONEY("cnt_credit", "Mar-2024", 2);
    CHECK_MONEY("amt_debit", "Mar-2024", 18500);
    CHECK_MONEY("cnt_debit", "Mar-2024", 3);
    CHECK_MONEY("cnt_transactions", "Mar-2024", 5);
    CHECK_MONEY("net_cash_inflow", "Mar-2024", 31620);
    CHECK_MONEY("amt_upi_debit", "Mar-2024", 1500);
    CHECK_MONEY("amt_auto_debit_payment_debit", "Mar-2024", 12000);
    CHECK_MONEY("amt_emi_debit", "Mar-2024", 12000);
    CHECK_MONEY("amt_cash_withdrawl_debit", "Mar-2024", 5000);
    CHECK_MONEY("amt_bank_interest_credit", "Mar-2024", 120);
    CHECK_MONEY("total_amount_of_salary", "Mar-2024", 50000);
    CHECK_MONEY("number_of_salary_transactions", "Mar-2024", 1);
    CHECK_MONEY("perc_salary_amt_debit_within5_days", "Mar-2024", 27);
    CHECK_MONEY("perc_salary_spend_upi", "Mar-2024", 3);
    CHECK_MONEY("eod_bal_on_05", "Mar-2024", 58500);
    CHECK_MONEY("eod_bal_on_10", "Mar-2024", 46500);
    CHECK_MONEY("eod_bal_on_30", "Mar-2024", 41500);
    CHECK_MONEY("eod_bal_on_01", "Mar-2024", 10000);
    CHECK_MONEY("amt_income_credit", "Mar-2024", 50000); /* salary; the interest is a one-off */
    CHECK_MONEY("amt_business_credit", "Mar-2024", 50000);
}

TEST(monthly_april)
{
    CHECK_MONEY("opening_balance", "Apr-2024", 41620);
    CHECK_MONEY("closing_balance", "Apr-2024", 9620);
    CHECK_MONEY("avg_bal", "Apr-2024", 38220);
    CHECK_MONEY("median_balance", "Apr-2024", 9620);
    CHECK_MONEY("mode_balance", "Apr-2024", 9620);
    CHECK_MONEY("min_eod_balance", "Apr-2024", -20380);
    CHECK_MONEY("max_eod_balance", "Apr-2024", 91620);
    CHECK_MONEY("cnt_days_account_overdrawn", "Apr-2024", 1);
    CHECK_MONEY("amt_credit", "Apr-2024", 80000);
    CHECK_MONEY("amt_debit", "Apr-2024", 112000);
    CHECK_MONEY("amt_cash_deposit_credit", "Apr-2024", 30000);
    CHECK_MONEY("amt_net_banking_transfer_debit", "Apr-2024", 100000);
    CHECK_MONEY("eod_bal_on_01", "Apr-2024", 41620);
    CHECK_MONEY("perc_salary_amt_debit_within5_days", "Apr-2024", 24);
}

TEST(income_obligations_flags)
{
    /* income: the two salaries; the cash deposit and the interest are excluded with reasons */
    json_t *inc = insights_income_json(&A);
    CHECK_INT(llround(json_number_value(json_object_get(inc, "monthly_average")) * 100), 5000000);
    CHECK_INT(json_integer_value(json_object_get(inc, "months_averaged")), 2);
    json_t *src = json_array_get(json_object_get(inc, "sources"), 0);
    CHECK_STR(json_string_value(json_object_get(src, "kind")), "salary");
    CHECK_INT(json_array_size(json_object_get(src, "evidence")), 2);
    json_t *ex = json_object_get(inc, "excluded");
    size_t i;
    json_t *x;
    bool cash = false, one_off = false;
    json_array_foreach(ex, i, x) {
        const char *why = json_string_value(json_object_get(x, "reason"));
        cash |= !strcmp(why, "cash_deposit") && json_array_size(json_object_get(x, "evidence")) == 1;
        one_off |= !strcmp(why, "one_off");
    }
    CHECK(cash && one_off);
    json_decref(inc);
    /* obligations: the Bajaj EMI, still paid */
    json_t *ob = insights_obligations_json(&A);
    CHECK_INT(llround(json_number_value(json_object_get(ob, "monthly_total")) * 100), 1200000);
    json_t *it = json_array_get(json_object_get(ob, "items"), 0);
    CHECK_STR(json_string_value(json_object_get(it, "payee")), "Bajaj Finance");
    CHECK_STR(json_string_value(json_object_get(it, "rule")), "obligations.emi");
    CHECK_INT(json_array_size(json_object_get(it, "evidence")), 2);
    json_decref(ob);
    json_t *fo = insights_foir_json(&A);
    CHECK_INT(llround(json_number_value(json_object_get(fo, "value")) * 100), 24);
    json_decref(fo);
    /* every score factor names its rule, weight and evidence */
    json_t *sc = insights_score_json(&A);
    json_array_foreach(json_object_get(sc, "factors"), i, x) {
        CHECK(json_string_value(json_object_get(x, "rule")) && rule_find(json_string_value(json_object_get(x, "rule"))));
        CHECK(json_integer_value(json_object_get(x, "weight")) > 0);
        CHECK(json_is_array(json_object_get(x, "evidence")));
    }
    json_decref(sc);
}

TEST(eod_shape)
{
    json_t *e = eod_json(&A.eod);
    json_t *order = json_object_get(e, "Months_order");
    CHECK_INT(json_array_size(order), 2);
    CHECK_STR(json_string_value(json_array_get(order, 0)), "Mar-24");
    CHECK_STR(json_string_value(json_array_get(json_object_get(e, "start_date"), 0)), "01-Mar-24");
    json_t *mar = json_object_get(e, "Mar-24"), *apr = json_object_get(e, "Apr-24");
    CHECK_INT(json_array_size(mar), 31);
    CHECK_INT(json_array_size(apr), 30);
    CHECK_INT(llround(json_number_value(json_array_get(mar, 3)) * 100), 1000000);
    CHECK_INT(llround(json_number_value(json_array_get(mar, 4)) * 100), 5850000);
    CHECK_INT(llround(json_number_value(json_array_get(apr, 0)) * 100), 4162000);
    CHECK_INT(llround(json_number_value(json_array_get(apr, 14)) * 100), -2038000);
    CHECK_INT(llround(json_number_value(json_array_get(apr, 29)) * 100), 962000);
    CHECK_INT(llround(json_number_value(json_object_get(e, "starting_balance")) * 100), 1000000);
    json_decref(e);
}

TEST(predictors_month0_latest)
{
    json_t *p = A.predictors;
    CHECK_STR(json_string_value(json_object_get(p, "month_0")), "Apr-24");
    CHECK_STR(json_string_value(json_object_get(p, "month_1")), "Mar-24");
    CHECK(json_is_null(json_object_get(p, "month_2")));
    CHECK_INT(llround(json_number_value(json_object_get(p, "credits_0")) * 100), 8000000);
    CHECK_INT(llround(json_number_value(json_object_get(p, "expense_0")) * 100), 11200000);
    CHECK_INT(llround(json_number_value(json_object_get(p, "expense_to_income_ratio_0")) * 100), 224);
    CHECK_INT(llround(json_number_value(json_object_get(p, "avg_monthly_income")) * 100), 5000000);
    CHECK_INT(llround(json_number_value(json_object_get(p, "obligation")) * 100), 1200000);
    CHECK_INT(llround(json_number_value(json_object_get(p, "fixed_obligation_to_income_ratio")) * 100), 24);
    CHECK_INT(llround(json_number_value(json_object_get(p, "bal_last_1")) * 100), 4162000);
    CHECK_INT(llround(json_number_value(json_object_get(p, "total_emi_ecs_loan")) * 100), 2400000);
    CHECK(json_is_true(json_object_get(p, "negative_balance")));
    CHECK(json_is_false(json_object_get(p, "author_fraud")));
    /* every documented §6.9 predictor is present */
    static const char *KEYS[] = {"customer_name", "bank_name", "account_type", "accountnumber", "ifsc_code",
        "month_5", "start_date", "end_date", "month_duration", "credits", "debits", "debitless_charges",
        "cash_withdrawals", "chq_deposits", "chq_issues", "total_cash_withdrawal", "total_chq_deposit",
        "total_chq_issue", "inward_chq_bounces", "outward_chq_bounces", "pos_expenses", "reversals",
        "total_bounce_or_penal_charge", "total_creditcard_payment", "total_emi_ecs_loan", "total_expense",
        "total_income", "net_banking_credits", "net_banking_debits", "annualised_credit", "credits_5",
        "debits_5", "debitless_charges_5", "expense_5", "income_5", "expense_to_income_ratio_5",
        "number_of_transactions_5", "total_creditcard_payment_5", "total_inward_payment_bounce_5",
        "total_salary_5", "max_balance_5", "min_balance_5", "avg_balance_5", "bal_last_5",
        "balance_on_1st_5", "balance_on_30th_5", "bal_avgof_6dates_5", "balance_net_off_on_1st_5",
        "balance_net_off_on_30th_5", "avg_monthly_expense", "avg_monthly_income",
        "avg_expense_to_income_perc", "avg_daily_closing_balance", "avg_monthly_closing_balance",
        "negative_balance", "equal_credit_debit", "min_rtgs_amount", "salary_1000_multiple",
        "cash_deposit_bank_holiday_transaction", NULL};
    for (const char **k = KEYS; *k; k++)
        if (!json_object_get(p, *k)) {
            fprintf(stderr, "  missing predictor %s\n", *k);
            CHECK(0);
        }
}

TEST(sections)
{
    const struct account_insights *one[1] = {&A};
    struct session_insights si;
    session_insights_build(one, 1, &si);
    json_t *d = insights_data_json(&si, 0);
    CHECK_INT(json_array_size(json_object_get(d, "transactions")), 9);
    json_t *sal = json_object_get(d, "salary_transactions");
    CHECK_INT(json_array_size(sal), 2);
    CHECK_STR(json_string_value(json_object_get(json_array_get(sal, 0), "salary_month")), "Mar-2024");
    CHECK_STR(json_string_value(json_object_get(json_array_get(sal, 0), "employer_name")),
              "ACME TECHNOLOGIES PVT LTD");
    CHECK_STR(json_string_value(json_object_get(json_array_get(sal, 0), "transaction_channel")), "salary");
    CHECK_INT(json_array_size(json_object_get(d, "lender_transactions")), 2);
    CHECK_INT(json_array_size(json_object_get(d, "fraud")), 0);
    json_t *ex = json_object_get(d, "expense_categories");
    CHECK_INT(json_array_size(ex), 4);
    static const char *CAT[] = {"Transfers", "Loans", "Cash", "Food"};
    static const int PCT[] = {77, 18, 4, 1};
    for (int i = 0; i < 4; i++) {
        CHECK_STR(json_string_value(json_object_get(json_array_get(ex, (size_t)i), "category")), CAT[i]);
        CHECK_INT(json_integer_value(json_object_get(json_array_get(ex, (size_t)i), "percentage")), PCT[i]);
    }
    json_t *top = json_object_get(d, "top_credits_debits");
    json_t *deb = json_array_get(top, 0);
    CHECK_STR(json_string_value(json_object_get(deb, "type")), "top_5_debit");
    json_t *apr = json_array_get(json_object_get(deb, "data"), 1);
    CHECK_STR(json_string_value(json_object_get(apr, "month")), "Apr-24");
    json_t *first = json_array_get(json_object_get(apr, "data"), 0);
    CHECK_STR(json_string_value(json_object_get(first, "date")), "15-Apr-24");
    CHECK_INT(llround(json_number_value(json_object_get(first, "amount"))), 100000);
    json_t *tx0 = json_array_get(json_object_get(d, "transactions"), 0);
    CHECK_STR(json_string_value(json_object_get(tx0, "date")), "2024-03-05 00:00:00");
    CHECK_INT(strlen(json_string_value(json_object_get(tx0, "hash"))), 32);
    int score = (int)json_integer_value(json_object_get(d, "score"));
    CHECK(score >= 300 && score <= 900);
    CHECK(json_array_size(json_object_get(d, "score_factors")) >= 5);
    json_decref(d);
    session_insights_free(&si);
}

TEST(endpoint_bodies)
{
    const struct account_insights *a[1] = {&A};
    struct session_insights si;
    session_insights_build(a, 1, &si);
    json_t *p = insights_endpoint_json("predictors", "sess", &si);
    CHECK_STR(json_string_value(json_object_get(p, "session_id")), "sess");
    json_t *p0 = json_array_get(json_object_get(p, "predictors"), 0);
    CHECK_STR(json_string_value(json_object_get(p0, "account_id")), "acc-1");
    CHECK_STR(json_string_value(json_object_get(json_object_get(p0, "predictors"), "month_0")), "Apr-24");
    json_decref(p);
    json_t *m = insights_endpoint_json("monthly_analysis_updated", "sess", &si);
    json_t *agg = json_object_get(json_object_get(m, "aggregate_monthly_analysis"), "amt_debit");
    CHECK_INT(llround(json_number_value(json_object_get(agg, "Apr-2024"))), 112000);
    json_decref(m);
    static const char *EP[] = {"eod_balances", "recurring_transactions", "transactions", NULL};
    for (const char **e = EP; *e; e++) {
        json_t *o = insights_endpoint_json(*e, "sess", &si);
        json_t *acc = json_array_get(json_object_get(o, "accounts"), 0);
        CHECK(acc && json_object_get(acc, *e));
        json_decref(o);
    }
    CHECK(insights_endpoint_json("nope", "sess", &si) == NULL);
    session_insights_free(&si);
}

int main(void)
{
    build();
    RUN(monthly_march);
    RUN(monthly_april);
    RUN(income_obligations_flags);
    RUN(eod_shape);
    RUN(predictors_month0_latest);
    RUN(sections);
    RUN(endpoint_bodies);
    insights_free(&A);
    statement_free(&ST);
    return check_summary();
}
