/* Every derived figure names the rule it follows: an id in a field of its
 * own (`rule`) and, here, the rule's definition. One table for the JSON, the
 * XLSX and docs/api.md (a lender console can show the text beside the id). */
#include <stdlib.h>
#include <string.h>

#include "insights/insights.h"
#include "util/array.h"

void evidence_add(struct evidence *ev, size_t i)
{
    if (array_grow(&ev->idx, &ev->cap, ev->n + 1, sizeof *ev->idx, 8))
        abort();
    ev->idx[ev->n++] = i;
}

void evidence_free(struct evidence *ev)
{
    free(ev->idx);
    memset(ev, 0, sizeof *ev);
}

static const struct rule_def RULES[] = {
    {"income.salary", "Salary: the employer's regular wage credits found by the salary finder (salary_transactions)."},
    {"income.recurring", "Recurring income: credits of a recurring credit set (the same payer in at least 3 months, "
                         "amounts within 15% of their median) that are not excluded."},
    {"income.business", "Business income: on a business account (corporate holder, or a current / overdraft "
                        "account) every credit that is not excluded, cash deposits included."},
    {"income.exclude.one_off", "Not income: a one-off credit, neither salary nor recurring."},
    {"income.exclude.self_transfer", "Not income: money from the holder's own account or a sister company."},
    {"income.exclude.loan_disbursal", "Not income: a loan disbursed by a lender."},
    {"income.exclude.refund", "Not income: a refund of an earlier payment."},
    {"income.exclude.reversal", "Not income: a failed or reversed payment coming back."},
    {"income.exclude.investment_redemption", "Not income: an FD closure, redemption or other investment cash-in."},
    {"income.exclude.bounce", "Not income: a bounced payment coming back."},
    {"income.exclude.cash_deposit", "Not income: cash deposited into an individual's account (see flags.cash_deposits)."},
    {"income.monthly_average", "Average monthly income over the latest six months with data; only the complete "
                               "months among them when there are any."},
    {"obligations.emi", "An EMI still being paid (one in the last 45 days of data): the median of its monthly "
                        "totals over its latest three months."},
    {"obligations.rent", "Rent paid in at least two months and in the last 45 days of data: the median of its "
                         "monthly totals over its latest three months."},
    {"obligations.total", "Fixed monthly obligations: the active EMIs and rent added up."},
    {"foir", "Fixed obligations to income ratio: obligations.monthly_total / income.monthly_average."},
    {"flag.large_credit", "A one-off credit of at least Rs 50,000 and at least half the average monthly income."},
    {"flag.cash_deposit", "A cash deposit."},
    {"flag.holder_mismatch", "The account's holder is not the lender's customer (metadata.names) or not the "
                             "holder of the session's other accounts."},
    {"aggregate.one_holder", "The aggregate sums one holder's accounts: the lender's customer (first holder "
                             "matching metadata.names), else the holder with most accounts."},
    {"salary.employer_named", "Salary: credits from an employer the lender named (metadata.employer_names)."},
    {"salary.word", "Salary: credits whose narration says salary (SALARY, SAL, PAYROLL, ...) from one payer."},
    {"salary.recurring", "Salary: bank transfers from one employer-like payer in at least two months, on a steady "
                         "day and amount."},
    {"score.income_stability", "-40 without income; else round(100 x s) - 40, s = share of months with income "
                               "x (1 - coefficient of variation of monthly income, at most 1)."},
    {"score.balance_cover", "round(80 x r), r = average daily balance / average monthly debits, capped at 1."},
    {"score.foir", "+50 up to a FOIR of 0.3, falling linearly to -100 at 0.9; no income: -100 with "
                   "obligations, else 0."},
    {"score.balance_trend", "round(40 x t / 0.1) within +-40, t = slope of the monthly average balance per month "
                            "/ its mean (latest six months)."},
    {"score.history_length", "+5 per month of data, up to 6."},
    {"score.bounces", "-80 per bounced payment of the holder (inward cheque bounce, returned auto-debit / EMI), "
                      "up to 3."},
    {"score.penal_charges", "-20 per penal charge (minimum balance and other penalties), up to 3."},
    {"score.negative_balance_days", "-2 per day with a negative EOD balance, up to 30."},
    {"score.fraud_cap", "Any tampering finding caps the score at 450."},
    {"fraud.tampering", "fraud lists tampering findings only (never behavioural flags), each with its own rule "
                        "fraud.<fraud_type> and the rows it concerns; evidence gathers those rows."},
    {"fraud.author_fraud", "The PDF's producer, creator or author names a PDF editor."},
    {"fraud.date_fraud", "The PDF was modified after it was created, or has incremental updates appended."},
    {"fraud.inconsistent_transaction", "A row's balance is not the previous balance plus or minus its amount."},
    {"fraud.closing_balance_mismatch", "The rows reconcile among themselves but the printed closing balance is "
                                       "neither the last row's balance nor opening + credits - debits."},
    {"fraud.duplicate_transaction", "A row repeats the previous one exactly."},
    {"monthly.family", "monthly_analysis amt_/cnt_/max_amt_/min_amt_/avg_amt_<family>: the month's rows counted "
                       "in that family (docs/insights.md)."},
    {"monthly.eod_balance", "monthly_analysis balance figures: from the EOD balance series (the balance after "
                            "each day's last row, carried forward)."},
    {"monthly.derived", "monthly_analysis figures over the rows of one family less others: net_credit_/net_debit_ "
                        "(without self transfers), turnover_excluding_loan_and_self_credit (credits less loan "
                        "credits and self transfers), *_excluding_reversal (credits less refunds, debits less "
                        "outward cheque bounces), amt_spent_on_<category>, the cash shares (over all credits / "
                        "debits), transaction sizes, EMI and bounce/penal totals (docs/insights.md)."},
    {"monthly.salary", "monthly_analysis salary figures: the month's salary rows."},
    {"monthly.salary_spend", "perc_salary_spend_<channel>: the month's salary credits and the debits of that channel "
                             "in the 7 days after each (same-day rows after it included); "
                             "sum_salary_spent_within_5_days_of_credit, perc_salary_amt_debit_within5_days: the "
                             "salary credits and every debit in the 5 days after each."},
    {"monthly.all_rows", "monthly_analysis figures over every row of the month: cnt_transactions, net_cash_inflow "
                         "(credits - debits), start/end dates, is_complete_month."},
};

const struct rule_def *rule_find(const char *id)
{
    for (size_t i = 0; i < sizeof RULES / sizeof RULES[0]; i++)
        if (!strcmp(RULES[i].id, id))
            return &RULES[i];
    return NULL;
}

json_t *rules_json(void)
{
    json_t *o = json_object();
    for (size_t i = 0; i < sizeof RULES / sizeof RULES[0]; i++)
        json_object_set_new(o, RULES[i].id, json_string(RULES[i].text));
    return o;
}
