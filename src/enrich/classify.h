/* Transaction classification: channel, description, merchant category,
 * category and counterparty of one narration, decided by the rule tables
 * under data/rules/ (channels, counterparty, merchants, lenders, salary).
 * Pure: no I/O beyond reading the embedded tables once. */
#ifndef PB_ENRICH_CLASSIFY_H
#define PB_ENRICH_CLASSIFY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/statement.h"

/* FinBox transaction_channel values (finbox-api.md §6.5), in that order. */
enum channel {
    CH_UPI,
    CH_SALARY,
    CH_REFUND,
    CH_PAYMENT_GATEWAY_PURCHASE,
    CH_OUTWARD_CHEQUE_BOUNCE,
    CH_NET_BANKING_TRANSFER,
    CH_INVESTMENT,
    CH_INWARD_CHEQUE_BOUNCE,
    CH_INVESTMENT_CASHIN,
    CH_INTERNATIONAL_TRANSACTION_ARBITRAGE,
    CH_DEBIT_CARD,
    CH_CHQ,
    CH_CASH_WITHDRAWL,
    CH_CASH_DEPOSIT,
    CH_BILL_PAYMENT,
    CH_BANK_INTEREST,
    CH_BANK_CHARGE,
    CH_AUTO_DEBIT_PAYMENT_BOUNCE,
    CH_AUTO_DEBIT_PAYMENT,
    CH_SELF_TRANSFER,
    CH_DEMAND_DRAFT,
    CH_AUTO_CREDIT,
    CH_OTHERS,
    CH_COUNT
};

/* Lower-case FinBox name ("upi", "cash_withdrawl", "Others"). */
const char *channel_name(enum channel c);
/* Parses a channel name (case-insensitive, "Other" too). */
bool channel_parse(const char *s, enum channel *out);

#define CLS_TEXT 96

struct classification {
    enum channel channel;
    enum channel base_channel;   /* before a salary word made it "salary" */
    char description[CLS_TEXT];
    char merchant_category[24];
    char category[128];
    char counterparty[CLS_TEXT]; /* payee/payer/merchant name; "" if none */
    char lender[48];             /* lender name when the other side lends */
    int rule;                    /* channel rule row that decided, -1 = fallback */
    bool self;                   /* to/from the holder or a sister company */
    bool sister;                 /* to/from a company in companies_for_self_transfer */
    bool salary_word;            /* credit carrying a salary word, no exclusion */
    bool salary_excluded;        /* carries a reimbursement/refund word */
};

/* Names that make a transfer a self transfer: the holder's names
 * (identity name + metadata.names) and sister companies. */
struct class_ctx {
    const char *const *names;
    size_t nnames;
    const char *const *companies;
    size_t ncompanies;
};

/* Loads and compiles the rule tables (once per process; thread-safe).
 * Returns 0, or -1 with *err set when a table is missing or malformed. */
int classify_init(const char **err);

/* Classifies one narration. ctx may be NULL. classify_init must have
 * succeeded (classify_txn calls it and falls back to Others if it failed). */
void classify_txn(const char *note, enum txn_type type, const struct class_ctx *ctx,
                  struct classification *out);

/* The counterparty name parsed from a narration, or "" (writes out). */
void classify_counterparty(const char *note, char *out, size_t outlen);

/* Number of channel rules and rule i's example narration, direction and
 * channel: lets tests prove that every rule decides its own example. */
size_t classify_rule_count(void);
bool classify_rule_example(size_t i, const char **example, enum txn_type *type,
                           enum channel *channel);
size_t classify_counterparty_rule_count(void);
bool classify_counterparty_example(size_t i, const char **example, const char **expected);

/* True when name (holder or company) names the same party as text
 * (a counterparty, possibly truncated by the bank). */
bool classify_name_matches(const char *name, const char *text);
/* Salary words: true when note is a credit narration with a salary word and
 * no exclusion word; *excluded tells whether an exclusion word is present. */
bool classify_salary_words(const char *note, bool *excluded);
/* True when text names a company or pay office (salary.tsv "company"). */
bool classify_company_like(const char *text);
/* True when text names a shop or a company, not a person (payees.tsv). */
bool classify_business_name(const char *text);
/* Lender named in text (upper or raw), or NULL. */
const char *classify_lender(const char *text);
/* Known PDF editor named in s, or NULL (data/rules/pdf_editors.tsv). */
const char *classify_pdf_editor(const char *s);
/* Bank holiday (listed date, Sunday, 2nd/4th Saturday)? name out or NULL. */
bool classify_bank_holiday(pb_day d, const char **name);

#endif
