/* Salary (with and without employer_names, without the word "salary",
 * reimbursements excluded), EMI sets, bounces, self transfers, expense
 * percentages and score monotonicity on small hand-made statements. */
#include <math.h>
#include <stdio.h>

#include "check.h"
#include "fixture_statement.h"
#include "insights/insights.h"

static const char *IDS[1] = {"stmt-1"};

struct built {
    struct statement st;
    const struct statement *stmts[1];
    struct account_view v;
    struct account_insights a;
};

static void run(struct built *b, const char *const *employers, size_t nemp)
{
    b->stmts[0] = &b->st;
    b->v = (struct account_view){.account_id = "acc", .stmts = b->stmts, .statement_ids = IDS, .nstmts = 1,
                                 .session_from = PB_NO_DAY, .session_to = PB_NO_DAY};
    b->v.meta.employer_names = employers;
    b->v.meta.nemployers = nemp;
    const char *err;
    CHECK_INT(insights_build(&b->v, &b->a, &err), 0);
}

static void done(struct built *b)
{
    insights_free(&b->a);
    statement_free(&b->st);
}

/* Four months: wages from Globex with no salary word, a small and a
 * worded reimbursement from Globex, monthly rent received from a person,
 * EMIs to Bajaj Finance, UPI spends. */
static void wage_statement(struct statement *st)
{
    fx_init(st, "RAHUL SHARMA", "2024-01-01", "2024-04-30", RS(20000));
    static const char *M[4] = {"01", "02", "03", "04"};
    static const long PAY[4] = {85000, 85000, 86500, 85000};
    char d[16];
    for (int i = 0; i < 4; i++) {
        snprintf(d, sizeof d, "2024-%s-02", M[i]);
        fx_next(st, d, 'C', RS(15000), "IMPS-412512345678-SURESH NAIR-SBIN-XXXXXXX1234-RENT");
        snprintf(d, sizeof d, "2024-%s-05", M[i]);
        fx_next(st, d, 'D', RS(12000), "ACH D- BAJAJ FINANCE LTD-P400CDBP4012345");
        snprintf(d, sizeof d, "2024-%s-12", M[i]);
        fx_next(st, d, 'D', RS(2200), "UPI-SWIGGY-swiggy@ybl-YESB0YBLUPI-412345678901-PAYMENT");
        snprintf(d, sizeof d, "2024-%s-%s", M[i], i == 1 ? "27" : "28");
        fx_next(st, d, 'C', RS(PAY[i]), "NEFT CR-UTIB0000001-GLOBEX SOLUTIONS PVT LTD-RAHUL SHARMA-AXISN52024012812");
    }
    fx_next(st, "2024-02-15", 'C', RS(4250), "NEFT CR-UTIB0000001-GLOBEX SOLUTIONS PVT LTD-RAHUL SHARMA-AXISN5202402159");
    fx_next(st, "2024-03-15", 'C', RS(45000), "NEFT CR-UTIB0000001-GLOBEX SOLUTIONS PVT LTD-TRAVEL REIMB-AXISN52024");
}

static int salary_count(const struct account_insights *a, const char *employer)
{
    int n = 0;
    for (size_t i = 0; i < a->e.n; i++)
        if (a->e.tx[i].is_salary) {
            n++;
            CHECK_STR(a->e.tx[i].employer, employer);
            CHECK(a->e.tx[i].t->amount >= RS(85000));
        }
    return n;
}

TEST(salary_without_the_word)
{
    struct built b;
    wage_statement(&b.st);
    run(&b, NULL, 0);
    CHECK_INT(salary_count(&b.a, "GLOBEX SOLUTIONS PVT LTD"), 4);
    CHECK(b.a.e.salary_confidence >= 60 && b.a.e.salary_confidence <= 100);
    json_t *sal = insights_salary_json(&b.a);
    CHECK_INT(json_array_size(sal), 4);
    CHECK_STR(json_string_value(json_object_get(json_array_get(sal, 1), "salary_month")), "Feb-2024");
    CHECK_STR(json_string_value(json_object_get(json_array_get(sal, 1), "month_year")), "2-2024");
    json_decref(sal);
    done(&b);
}

TEST(salary_with_employer_names)
{
    static const char *EMP[] = {"Globex Solutions"};
    struct built b;
    wage_statement(&b.st);
    run(&b, EMP, 1);
    CHECK_INT(salary_count(&b.a, "Globex Solutions"), 4);
    CHECK(b.a.e.salary_confidence >= 90);
    done(&b);
}

TEST(salary_word_and_job_change)
{
    struct built b;
    fx_init(&b.st, "PRIYA IYER", "2024-01-01", "2024-02-29", RS(1000));
    fx_next(&b.st, "2024-01-31", 'C', RS(60000), "BY TRANSFER-NEFT*ICIC0000104*CMS4123457*ACME TECHNOLOGIES*SALARY");
    fx_next(&b.st, "2024-02-29", 'C', RS(70000), "NEFT/AXISCN0123456789/INITECH LLP/SAL FEB24");
    fx_next(&b.st, "2024-02-29", 'C', RS(3000), "NEFT/AXISCN0123456790/INITECH LLP/SALARY ADVANCE");
    run(&b, NULL, 0);
    int n = 0;
    for (size_t i = 0; i < b.a.e.n; i++)
        n += b.a.e.tx[i].is_salary;
    CHECK_INT(n, 2);
    CHECK_STR(b.a.e.employer, "INITECH LLP");
    done(&b);
}

TEST(no_salary_for_a_business)
{
    struct built b;
    fx_init(&b.st, "SHARMA TRADERS", "2024-01-01", "2024-03-31", RS(50000));
    /* varying receipts from customers: neither steady nor on one day */
    fx_next(&b.st, "2024-01-03", 'C', RS(41000), "NEFT CR-HDFC0000001-RELIANCE RETAIL LIMITED-INV 1001-HDFCN5");
    fx_next(&b.st, "2024-02-19", 'C', RS(9000), "NEFT CR-HDFC0000001-RELIANCE RETAIL LIMITED-INV 1002-HDFCN5");
    fx_next(&b.st, "2024-03-11", 'C', RS(77000), "NEFT CR-HDFC0000001-RELIANCE RETAIL LIMITED-INV 1003-HDFCN5");
    run(&b, NULL, 0);
    for (size_t i = 0; i < b.a.e.n; i++)
        CHECK(!b.a.e.tx[i].is_salary);
    CHECK_INT(b.a.e.salary_confidence, 0);
    done(&b);
}

TEST(emi_set_and_lender_transactions)
{
    struct built b;
    wage_statement(&b.st);
    run(&b, NULL, 0);
    bool found = false;
    for (size_t i = 0; i < b.a.rec.n; i++) {
        const struct recurring_set *s = &b.a.rec.sets[i];
        if (s->emi) {
            found = true;
            CHECK_INT(s->n, 4);
            CHECK_INT(s->median, RS(12000));
            CHECK(s->type == TXN_DEBIT && s->ch == CH_AUTO_DEBIT_PAYMENT);
        }
    }
    CHECK(found);
    json_t *r = insights_recurring_json(&b.a);
    json_t *deb = json_object_get(r, "debit_transactions");
    bool upper = false;
    size_t i;
    json_t *s;
    json_array_foreach(deb, i, s) upper |= strcmp(json_string_value(json_object_get(s, "transaction_channel")),
                                                  "AUTO_DEBIT_PAYMENT") == 0;
    CHECK(upper);
    CHECK(json_array_size(json_object_get(r, "credit_transactions")) >= 1); /* wages, rent */
    json_decref(r);
    json_t *l = insights_lender_json(&b.a);
    CHECK_INT(json_array_size(l), 4);
    CHECK_STR(json_string_value(json_object_get(json_array_get(l, 0), "description")), "lender_transaction");
    json_decref(l);
    done(&b);
}

TEST(bounces_and_charges)
{
    struct built b;
    fx_init(&b.st, "RAHUL SHARMA", "2024-05-01", "2024-05-31", RS(500));
    fx_next(&b.st, "2024-05-05", 'D', RS(590), "ACH DEBIT RETURN CHARGES 050524-BAJAJ FINANCE LTD");
    fx_next(&b.st, "2024-05-05", 'D', RS(106.2), "IGST-ACH RTN CHGS-RATE 18.0 -27");
    fx_next(&b.st, "2024-05-08", 'C', RS(20000), "CHQ DEP - MICR CTS - MUMBAI");
    fx_next(&b.st, "2024-05-10", 'D', RS(20000), "CHQ DEP RET-FUNDS INSUFFICIENT-ANITA DESAI");
    fx_next(&b.st, "2024-05-10", 'D', RS(150), "O/W CHQ RETURN CHGS 455120");
    fx_next(&b.st, "2024-05-12", 'D', RS(8000), "CHQ PAID-MICR CTS-MU-RAMESH TRADERS");
    fx_next(&b.st, "2024-05-13", 'C', RS(8000), "CHQ RET-I/W-FUNDS INSUFFICIENT-RAMESH TRADERS");
    run(&b, NULL, 0);
    json_t *bo = insights_bounced_json(&b.a);
    CHECK_INT(json_array_size(bo), 4); /* ACH charge, O/W return, its charge, I/W return */
    json_decref(bo);
    const struct etxn *x = b.a.e.tx;
    CHECK(x[0].cls.channel == CH_AUTO_DEBIT_PAYMENT_BOUNCE && x[0].is_emi_bounce);
    CHECK_STR(x[0].cls.lender, "Bajaj Finance");
    CHECK(x[1].cls.channel == CH_BANK_CHARGE && !x[1].is_bounce);
    CHECK(x[3].cls.channel == CH_OUTWARD_CHEQUE_BOUNCE);
    CHECK(x[6].cls.channel == CH_INWARD_CHEQUE_BOUNCE);
    json_t *m = json_object_get(b.a.monthly, "cnt_outward_cheque_bounce_debit");
    CHECK_INT(json_integer_value(json_object_get(m, "May-2024")), 1);
    CHECK_INT(json_integer_value(json_object_get(b.a.predictors, "inward_chq_bounces")), 1);
    done(&b);
}

TEST(self_and_sister_transfers)
{
    static const char *NAMES[] = {"Rahul Kumar Sharma"};
    static const char *SISTER[] = {"Sharma Trading Co"};
    struct built b;
    fx_init(&b.st, "RAHUL SHARMA", "2024-05-01", "2024-05-31", RS(100000));
    fx_next(&b.st, "2024-05-03", 'D', RS(20000), "IMPS-412512340000-RAHUL KUMAR SHARMA-SBIN-XXXXXXX4321-TRF");
    fx_next(&b.st, "2024-05-04", 'D', RS(30000), "NEFT DR-ICIC0000104-SHARMA TRADING CO-NETBANK, MUM-N1232426");
    fx_next(&b.st, "2024-05-05", 'D', RS(1000), "IMPS-412512340001-PRIYA SHARMA-SBIN-XXXXXXX4322-GIFT");
    b.stmts[0] = &b.st;
    b.v = (struct account_view){.account_id = "acc", .stmts = b.stmts, .statement_ids = IDS, .nstmts = 1};
    b.v.meta.names = NAMES;
    b.v.meta.nnames = 1;
    b.v.meta.companies = SISTER;
    b.v.meta.ncompanies = 1;
    const char *err;
    CHECK_INT(insights_build(&b.v, &b.a, &err), 0);
    json_t *s = insights_self_json(&b.a);
    CHECK_INT(json_array_size(s), 2);
    CHECK_STR(json_string_value(json_object_get(json_array_get(s, 0), "transaction_channel")), "self_transfer");
    json_decref(s);
    done(&b);
}

TEST(expense_percentages_sum_to_100)
{
    unsigned seed = 12345;
    for (int trial = 0; trial < 300; trial++) {
        pb_paise parts[9];
        int pct[9], n = 1 + trial % 9, sum = 0;
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            parts[i] = (pb_paise)(seed % 10000000u) + (trial % 7 == 0 ? 0 : 1);
        }
        percent_largest_remainder(parts, (size_t)n, pct);
        for (int i = 0; i < n; i++) {
            CHECK(pct[i] >= 0 && pct[i] <= 100);
            sum += pct[i];
        }
        CHECK_INT(sum, 100);
    }
    pb_paise thirds[3] = {100, 100, 100};
    int p[3];
    percent_largest_remainder(thirds, 3, p);
    CHECK(p[0] == 34 && p[1] == 33 && p[2] == 33);
    struct built b;
    wage_statement(&b.st);
    run(&b, NULL, 0);
    json_t *ex = insights_expense_json(&b.a);
    int total = 0;
    size_t i;
    json_t *c;
    json_array_foreach(ex, i, c) total += (int)json_integer_value(json_object_get(c, "percentage"));
    CHECK_INT(total, 100);
    json_decref(ex);
    done(&b);
}

/* One input moved a step at a time, the score moves one way only. */
#define MONOTONE(field, from, to, step, dir)                                                       \
    for (double v_ = (from); v_ < (to); v_ += (step)) {                                            \
        struct score_inputs a_ = base, c_ = base;                                                  \
        a_.field = v_;                                                                             \
        c_.field = v_ + (step);                                                                    \
        score_compute(&a_, &s0);                                                                   \
        score_compute(&c_, &s1);                                                                   \
        if ((dir) > 0 ? s1.value < s0.value : s1.value > s0.value) {                               \
            fprintf(stderr, "  %s %.2f -> %.2f: %d -> %d\n", #field, v_, v_ + (step), s0.value, s1.value); \
            CHECK(0);                                                                              \
        }                                                                                          \
    }

TEST(score_is_monotone)
{
    struct score_inputs base = {.abb_to_debits = 0.5, .has_income = true, .income_months_share = 0.8,
                                .income_cv = 0.2, .foir = 0.4, .obligations = 1000000, .has_trend = true,
                                .balance_trend = 0, .bounces = 1, .penal_charges = 1, .negative_days = 4,
                                .months = 4};
    struct score s0, s1;
    score_compute(&base, &s0);
    CHECK(s0.value >= 300 && s0.value <= 900);
    MONOTONE(abb_to_debits, 0, 2, 0.05, +1);
    MONOTONE(income_months_share, 0, 1, 0.05, +1);
    MONOTONE(income_cv, 0, 2, 0.05, -1);
    MONOTONE(foir, 0, 1.5, 0.02, -1);
    MONOTONE(balance_trend, -0.3, 0.3, 0.01, +1);
    MONOTONE(bounces, 0, 8, 1, -1);
    MONOTONE(penal_charges, 0, 8, 1, -1);
    MONOTONE(negative_days, 0, 60, 2, -1);
    MONOTONE(months, 0, 12, 1, +1);
    struct score_inputs best = {.abb_to_debits = 5, .has_income = true, .income_months_share = 1,
                                .foir = 0.1, .has_trend = true, .balance_trend = 0.2, .months = 12},
                        worst = {.bounces = 20, .penal_charges = 9, .negative_days = 200, .obligations = 1,
                                 .has_trend = true, .balance_trend = -1, .fraud_findings = 1};
    score_compute(&best, &s0);
    score_compute(&worst, &s1);
    CHECK_INT(s0.value, 900);
    CHECK_INT(s1.value, 300);
    CHECK(s0.n >= 8);
    /* a tampering finding caps even the best account */
    best.fraud_findings = 2;
    score_compute(&best, &s0);
    CHECK_INT(s0.value, 450);
    CHECK(s0.capped);
    /* and on a statement: a bounce lowers the account's score */
    struct built b, c;
    wage_statement(&b.st);
    run(&b, NULL, 0);
    wage_statement(&c.st);
    fx_next(&c.st, "2024-04-29", 'C', RS(12000), "NACH RTN BAJAJ FINANCE LTD 12345678");
    run(&c, NULL, 0);
    CHECK(c.a.score.value < b.a.score.value);
    done(&b);
    done(&c);
}

TEST(overlapping_statements_count_rows_once)
{
    /* Jan-Feb and Feb-Mar statements of one account, February in both. */
    struct statement a, b;
    fx_init(&a, "RAHUL SHARMA", "2024-01-01", "2024-02-29", RS(1000));
    fx_next(&a, "2024-01-10", 'C', RS(500), "UPI-PRIYA VERMA-priya@okicici-ICIC0001234-412311122233-X");
    fx_next(&a, "2024-02-10", 'D', RS(200), "UPI-SWIGGY-swiggy@ybl-YESB0YBLUPI-412345678901-PAYMENT");
    fx_init(&b, "RAHUL SHARMA", "2024-02-01", "2024-03-31", RS(1500));
    fx_next(&b, "2024-02-10", 'D', RS(200), "UPI-SWIGGY-swiggy@ybl-YESB0YBLUPI-412345678901-PAYMENT");
    fx_next(&b, "2024-03-10", 'D', RS(300), "ATW-416021XXXXXX1234-S1AW0123-MUMBAI");
    const struct statement *stmts[2] = {&a, &b};
    const char *ids[2] = {"s1", "s2"};
    struct account_view v = {.account_id = "acc", .stmts = stmts, .statement_ids = ids, .nstmts = 2,
                             .session_from = PB_NO_DAY, .session_to = PB_NO_DAY};
    struct account_insights x;
    const char *err;
    CHECK_INT(insights_build(&v, &x, &err), 0);
    json_t *tx = insights_transactions_json(&x);
    CHECK_INT(json_array_size(tx), 3);
    json_decref(tx);
    json_t *deb = json_object_get(x.monthly, "amt_debit");
    CHECK_INT(llround(json_number_value(json_object_get(deb, "Feb-2024")) * 100), RS(200));
    pb_paise bal;
    CHECK(eod_on(&x.eod, fx_day("2024-03-31"), &bal));
    CHECK_INT(bal, RS(1000));
    CHECK_INT(x.fraud.n, 0);
    insights_free(&x);
    statement_free(&a);
    statement_free(&b);
}

int main(void)
{
    RUN(salary_without_the_word);
    RUN(salary_with_employer_names);
    RUN(salary_word_and_job_change);
    RUN(no_salary_for_a_business);
    RUN(emi_set_and_lender_transactions);
    RUN(bounces_and_charges);
    RUN(self_and_sister_transfers);
    RUN(expense_percentages_sum_to_100);
    RUN(score_is_monotone);
    RUN(overlapping_statements_count_rows_once);
    return check_summary();
}
