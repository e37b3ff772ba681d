/* Enrichment of one account: its statements' rows merged in date order,
 * each classified (channel, description, merchant category, category,
 * counterparty), hashed, and flagged (salary, EMI, loan credit, bounce,
 * self transfer). Pure: no I/O, no storage. The insights, fraud and report
 * modules read the result. */
#ifndef PB_ENRICH_ENRICH_H
#define PB_ENRICH_ENRICH_H

#include <stdbool.h>
#include <stddef.h>

#include "core/statement.h"
#include "enrich/classify.h"
#include "enrich/txn_hash.h"

/* The session's create-request metadata (all lists optional). */
struct enrich_meta {
    const char *const *names;
    size_t nnames;
    const char *const *employer_names;
    size_t nemployers;
    const char *const *companies; /* companies_for_self_transfer */
    size_t ncompanies;
};

/* What the caller (pipeline / API) hands in for one account. Everything is
 * borrowed and must outlive the results built from it. */
struct account_view {
    const char *account_id;
    const char *link_id;                    /* may be NULL */
    const struct statement *const *stmts;   /* one account's statements */
    const char *const *statement_ids;       /* parallel to stmts */
    size_t nstmts;
    struct enrich_meta meta;
    pb_day session_from, session_to;        /* PB_NO_DAY when unknown */
};

struct etxn {
    const struct txn *t;      /* borrowed from stmts[stmt] */
    size_t stmt, row;         /* where it was printed */
    char hash[PB_TXN_HASH_BUF];
    struct classification cls;
    bool skip;                /* same row already seen in an overlapping statement */
    bool is_salary;
    int salary_confidence;    /* 0-100 for salary rows */
    char employer[CLS_TEXT];
    bool is_emi;              /* debit to a lender */
    bool is_loan_credit;      /* disbursal from a lender */
    bool is_bounce;           /* the returned payment itself */
    bool is_bounce_charge;    /* charge for a bounce, or a penal charge */
    bool is_emi_bounce;       /* auto-debit bounce of a loan instalment */
    unsigned char income;     /* how a credit counts as income (enum income_kind, insights/income.c) */
};

struct account_enriched {
    const struct account_view *v; /* borrowed */
    struct etxn *tx;              /* date order; same-day rows in printed order */
    size_t n;
    int salary_confidence;        /* account level, 0 when no salary found */
    char employer[CLS_TEXT];      /* most recent employer, "" when none */
};

/* Enriches v into out. Returns 0, or -1 with *err (rule tables missing).
 * out owns its arrays; free with enrich_account_free. */
int enrich_account(const struct account_view *v, struct account_enriched *out,
                   const char **err);
void enrich_account_free(struct account_enriched *e);

/* Salary finder (salary.c), run by enrich_account: marks the employer's
 * regular wage credits. Exposed for tests. */
void salary_detect(struct account_enriched *e);

/* clean_transaction_note: the lender's canonical name, else the
 * counterparty, else the narration with reference numbers removed, upper
 * case (writes out). */
void enrich_clean_note(const struct etxn *x, char *out, size_t cap);

#endif
