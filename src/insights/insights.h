/* Insights of one account and of a session: EOD balances, monthly
 * analysis, predictors, recurring sets, top credits/debits, expense
 * categories, fraud findings and the score, each with a builder of the
 * FinBox JSON shape (finbox-api.md §2.8-2.10, §6.5-6.10). Pure functions
 * over enriched transactions: no I/O, no storage. */
#ifndef PB_INSIGHTS_INSIGHTS_H
#define PB_INSIGHTS_INSIGHTS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "enrich/enrich.h"
#include "enrich/holders.h"
#include "fraud/fraud.h"

/* ---- EOD balances (eod.c) ---------------------------------------------------
 * One balance per calendar day from the first day of the first month with
 * data to the last day of the last. A day has a value from the statement
 * period's first day when the opening balance is printed (else from the
 * first transaction); days without transactions carry the previous day's
 * balance forward (§6.9), up to the end of the statement period. */
struct eod_series {
    pb_day first;      /* first day of the first month */
    size_t ndays;
    pb_paise *bal;
    bool *has;         /* false: no data yet (null in JSON) */
    pb_paise starting; /* balance before the first transaction */
    bool has_starting;
    pb_month m0, m1;   /* first and last month; m1 < m0 when empty */
};
void eod_build(const struct account_enriched *e, struct eod_series *out);
/* Sum of several accounts' series (aggregate analysis). */
void eod_sum(const struct eod_series *const *s, size_t n, struct eod_series *out);
void eod_free(struct eod_series *s);
bool eod_on(const struct eod_series *s, pb_day d, pb_paise *out);
/* {Months_order, start_date, "<Mon-YY>": [...], starting_balance}. */
json_t *eod_json(const struct eod_series *s);

/* ---- monthly statistics (month.c) ------------------------------------------- */
enum fam {
    F_CREDIT, F_DEBIT, F_INCOME, F_BUSINESS, F_LOAN, F_EMI, F_EMI_BOUNCE, F_INVESTMENT,
    F_ACH_BOUNCE_CHARGE, F_CHQ_BOUNCE_CHARGE, F_BOUNCE_CHARGE, F_MIN_BAL_CHARGE,
    F_OUT_BOUNCE_INSUFF, F_IN_BOUNCE_INSUFF, F_CC_BILL, F_REVERSAL, F_SALARY,
    F_FOOD, F_TRAVEL, F_FUEL, F_SHOPPING, F_BILLS, F_TAX, F_DISCRETIONARY, F_UPI_NB,
    F_BOUNCE_PENAL, F_SELF_CREDIT, F_SELF_DEBIT, F_CREDIT_WO_SELF, F_DEBIT_WO_SELF,
    F_CASH_DEPOSIT, F_CASH_WITHDRAWAL, F_CHQ_DEPOSIT, F_CHQ_ISSUE, F_INWARD_BOUNCE,
    F_OUTWARD_BOUNCE, F_AUTO_BOUNCE, F_UPI_CREDIT, F_UPI_DEBIT, F_NB_CREDIT, F_NB_DEBIT,
    F_CHARGES, F_POS, F_GAMBLING, F_ENTERTAINMENT, F_MEDICAL, F_GROCERIES, F_ALCOHOL,
    F_ONLINE_SHOPPING, F_MOBILE_BILL, F_INTEREST, F_NONE_CHANNEL,
    F_FIXED_COUNT,
    /* then one family per channel and direction: F_FIXED_COUNT + ch*2 + type */
    F_COUNT = F_FIXED_COUNT + CH_COUNT * 2
};

struct fam_acc {
    pb_paise amt, max, min;
    int cnt;
};

#define EOD_MARK_DAYS 7 /* 1st 5th 10th 15th 20th 25th 30th */

struct mstat {
    pb_month m;
    bool has_data;               /* any transaction or EOD value */
    struct fam_acc f[F_COUNT];
    int ntx;
    pb_paise opening, closing;
    bool has_opening, has_closing;
    pb_paise max_bal, min_bal;   /* over transaction balances */
    bool has_bal;
    int eod_days;                /* days with an EOD value */
    pb_paise eod_sum, eod_max, eod_min, eod_median, eod_mode;
    pb_paise eod_on_day[32];     /* by day of month; check eod_has_day */
    bool eod_has_day[32];
    pb_paise net_off[32];        /* EOD less this month's loan credits so far */
    int days_negative;
    pb_paise max_overdraft;      /* most negative EOD (<= 0) */
    int neg_cnt;                 /* transactions leaving a negative balance */
    pb_paise neg_total, neg_max, neg_min;
    pb_day first_txn, last_txn;
    pb_paise salary_spend[5];    /* bill, cash, card, net banking, upi within 7 days */
    pb_paise salary_spent_5d;
    const char *employer;
    pb_day highest_salary_date;
    pb_paise highest_salary;
    bool complete;               /* statement period covers the whole month */
    int days_credits;            /* distinct days with a credit */
};

struct month_table {
    struct mstat *ms;
    size_t n;                    /* months m0..m1 inclusive */
};

/* Statistics per calendar month of the given transactions (date order,
 * skip rows ignored) and EOD series. tx are borrowed. */
void month_table_build(const struct etxn *const *tx, size_t n, const struct eod_series *eod,
                       pb_day period_from, pb_day period_to, struct month_table *out);
void month_table_free(struct month_table *t);
/* The families row x counts in (at most 64, into f); returns how many. */
size_t month_row_families(const struct etxn *x, int *f);
/* "upi_credit", "emi_debit", ...; buf (64 bytes) holds built names. */
const char *fam_name(enum fam f, char *buf, size_t cap);
static inline enum fam fam_channel(enum channel c, enum txn_type t)
{
    return (enum fam)(F_FIXED_COUNT + (int)c * 2 + (int)t);
}

/* metric -> {"Mon-YYYY": value} (§6.10 and Appendix A keys). */
json_t *monthly_json(const struct month_table *t);

/* ---- recurring sets, lists (lists.c) ----------------------------------------- */
struct recurring_set {
    enum txn_type type;
    enum channel ch;
    char note[CLS_TEXT];
    pb_paise median;
    pb_day start, end;
    size_t *idx;                 /* into e->tx */
    size_t n;
    bool emi;                    /* a lender's instalments */
};

struct recurring {
    struct recurring_set *sets;
    size_t n;
};
void recurring_find(const struct account_enriched *e, struct recurring *out);
void recurring_free(struct recurring *r);

struct expense_share {
    const char *category;
    pb_paise amount;
    int percentage;
};
#define EXPENSE_MAX 24
/* Debits by category as whole percentages summing to exactly 100 (largest
 * remainder); returns the number of categories (0 without debits). */
size_t expense_categories(const struct account_enriched *e, struct expense_share *out);
/* Largest remainder: whole percentages of parts summing to 100. */
void percent_largest_remainder(const pb_paise *parts, size_t n, int *pct);

/* ---- evidence and rules (rules.c) -------------------------------------------
 * Every derived figure can say which rows it was computed from (evidence:
 * indices into the account's rows, shown as transaction hashes) and which
 * rule it follows (an id with a definition, shown in fields of their own). */
struct evidence {
    size_t *idx;
    size_t n, cap;
};
void evidence_add(struct evidence *ev, size_t i);
void evidence_free(struct evidence *ev);

struct rule_def {
    const char *id;
    const char *text;
};
/* The rule with that id, or NULL. */
const struct rule_def *rule_find(const char *id);
/* {id: definition} of every rule. New reference. */
json_t *rules_json(void);

/* ---- income, obligations, flags (income.c) ------------------------------------ */
enum income_kind {
    INC_NONE,                                    /* a debit */
    INC_SALARY, INC_RECURRING, INC_BUSINESS,     /* counted as income */
    INC_X_ONE_OFF, INC_X_SELF, INC_X_LOAN, INC_X_REFUND, INC_X_REVERSAL, INC_X_INVESTMENT,
    INC_X_BOUNCE, INC_X_CASH,                    /* excluded, with the reason */
    INC_KINDS
};
static inline bool income_counted(int k)
{
    return k >= INC_SALARY && k <= INC_BUSINESS;
}
const char *income_kind_name(enum income_kind k); /* "salary", "one_off", ... */
const char *income_kind_rule(enum income_kind k); /* "income.salary", "income.exclude.one_off", ... */

struct obligation {
    const char *kind;            /* "emi" | "rent" */
    char payee[CLS_TEXT];        /* the lender's canonical name, or the landlord */
    pb_paise monthly;
    struct evidence rows;
};
#define OBLIGATIONS_MAX 16

struct lending {
    bool business;               /* a business account: every credit not excluded is income */
    pb_paise income_monthly;     /* average monthly income (rule income.monthly_average) */
    int income_months;           /* months it averages */
    pb_paise obligations_monthly;
    struct obligation ob[OBLIGATIONS_MAX];
    size_t nob;
    double foir;                 /* obligations / income */
    bool has_foir;               /* false without income */
    pb_paise large_floor;        /* the large-credit threshold */
    struct evidence large;       /* large one-off credits */
    struct evidence cash;        /* cash deposits */
};

/* ---- score (score.c) ------------------------------------------------------------ */
struct score_factor {
    const char *name;
    const char *rule;            /* rule id ("score.bounces") */
    int weight;                  /* the most points it can move */
    double value;                /* the input it judged */
    int points;
    struct evidence ev;          /* the rows behind it */
};
#define SCORE_FACTORS 10
struct score {
    int value; /* 300-900 */
    struct score_factor f[SCORE_FACTORS];
    size_t n;
    bool capped;                 /* a tampering finding capped it */
};

/* The inputs of the score (docs/score.md), also unit-testable alone. */
struct score_inputs {
    double abb_to_debits;       /* avg daily balance / avg monthly debits */
    bool has_income;
    double income_months_share; /* months with income / months */
    double income_cv;           /* coefficient of variation of monthly income */
    double foir;                /* obligations / income (when has_income) */
    pb_paise obligations;
    bool has_trend;
    double balance_trend;       /* slope of the monthly average balance per month / its mean */
    int bounces;                /* bounced payments of the holder, last 6 months */
    int penal_charges;          /* penal charges, last 6 months */
    int negative_days;          /* days with a negative EOD balance, last 6 months */
    int months;                 /* months of data */
    int fraud_findings;         /* tampering findings */
};
void score_compute(const struct score_inputs *in, struct score *out);
void score_free(struct score *s);

/* ---- the account and the session -------------------------------------------- */
struct account_insights {
    struct account_enriched e;
    pb_day period_from, period_to;  /* the statements' periods together */
    struct eod_series eod;
    struct month_table months;
    struct recurring rec;
    struct fraud_report fraud;
    struct lending lending;
    struct score score;
    json_t *monthly;
    json_t *predictors;
};

/* Income of each credit (needs the salary finder and the recurring sets),
 * then the lending figures (needs the month table). Run by insights_build. */
void income_classify(struct account_insights *a);
void lending_compute(struct account_insights *a);
void lending_free(struct lending *l);

/* Builds every insight of one account. Returns 0, or -1 with *err.
 * out owns everything; free with insights_free. v must outlive out. */
int insights_build(const struct account_view *v, struct account_insights *out,
                   const char **err);
void insights_free(struct account_insights *a);

json_t *predictors_json(const struct account_insights *a);

/* ---- the session (session.c) ------------------------------------------------
 * Whose accounts these are, and the aggregate of one holder's accounts. */
struct session_insights {
    const struct account_insights *const *a; /* borrowed; must outlive this */
    size_t n;
    struct holders holders;
    bool *in_aggregate;          /* per account: its holder is the one the aggregate sums */
    struct eod_series eod;       /* the aggregate's accounts, day by day */
    struct month_table months;   /* their rows together; balances summed per account */
    json_t *aggregate;           /* aggregate_monthly_analysis */
};
void session_insights_build(const struct account_insights *const *a, size_t n, struct session_insights *out);
void session_insights_free(struct session_insights *s);
/* The holder name account a prints (its latest statement's), or NULL. */
const char *insights_holder_name(const struct account_insights *a);
/* {"holder", "account_ids", "excluded_account_ids", "rule"}: whose money the
 * aggregate sums. New reference. */
json_t *insights_aggregate_scope_json(const struct session_insights *s);

/* One transaction as FinBox prints it; dmon_dates: "DD-Mon-YY" dates (top
 * credits/debits) instead of "YYYY-MM-DD HH:MM:SS". New reference. */
json_t *txn_json(const struct account_insights *a, const struct etxn *x, bool dmon_dates);
/* The "data" object of account i of the session (§2.8). */
json_t *insights_data_json(const struct session_insights *s, size_t i);
/* Sections on their own, for the per-section endpoints. */
json_t *insights_transactions_json(const struct account_insights *a);
json_t *insights_salary_json(const struct account_insights *a);
json_t *insights_recurring_json(const struct account_insights *a);
json_t *insights_lender_json(const struct account_insights *a);
json_t *insights_bounced_json(const struct account_insights *a);
json_t *insights_self_json(const struct account_insights *a);
json_t *insights_top_json(const struct account_insights *a);
json_t *insights_expense_json(const struct account_insights *a);
json_t *insights_fraud_json(const struct account_insights *a);
json_t *insights_score_json(const struct account_insights *a); /* {score, factors[], capped} */
/* The explained lending figures (docs/api.md, "Explanations"). */
json_t *insights_income_json(const struct account_insights *a);
json_t *insights_obligations_json(const struct account_insights *a);
json_t *insights_foir_json(const struct account_insights *a);

/* Bodies of the per-section session GETs (§2.10; shapes inferred from the
 * entity flow): endpoint is "predictors" ({session_id, predictors:
 * [{account_id, predictors}]}), "eod_balances", "recurring_transactions",
 * "transactions" ({session_id, accounts: [{account_id, <section>}]}) or
 * "monthly_analysis_updated" (accounts[].monthly_analysis plus
 * aggregate_monthly_analysis). NULL for an unknown endpoint. New reference. */
json_t *insights_endpoint_json(const char *endpoint, const char *session_id,
                               const struct session_insights *s);

/* One figure of account account_id explained (docs/api.md, Explanations):
 * "monthly_analysis.<metric>" with month "Mon-YYYY", "predictors.<key>_<N>",
 * "income", "obligations", "foir", "fraud" or "score.<factor>". Returns
 * {account_id, figure, month, value, rule, definition, evidence[hash],
 * transactions[Txn]} (the lending figures: their own explained shape), or
 * NULL when the account, the figure or the month is unknown. */
json_t *insights_explain(const struct session_insights *s, const char *account_id, const char *figure,
                         const char *month);

/* The whole insights document of §2.8 (xlsx urls null; the endpoint sets them),
 * with the session's holders and the aggregate's scope. */
json_t *insights_session_json(const char *session_id, const char *link_id, pb_day from,
                              pb_day to, const struct session_insights *s);

#endif
