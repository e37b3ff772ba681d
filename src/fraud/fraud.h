/* Tampering checks. `fraud` lists findings of two categories only:
 * metadata (a PDF editor in producer/creator/author -> author_fraud; a
 * modification date after the creation date, or incremental updates ->
 * date_fraud) and accounting (balance chain breaks ->
 * inconsistent_transaction with the row's hash; opening + credits - debits
 * != closing -> closing_balance_mismatch; exact duplicate rows ->
 * duplicate_transaction). Behavioural signals are predictors, not fraud. */
#ifndef PB_FRAUD_FRAUD_H
#define PB_FRAUD_FRAUD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/statement.h"
#include "enrich/txn_hash.h"

struct account_enriched;

struct fraud_finding {
    size_t stmt;                 /* index into the account's statements */
    const char *type;            /* static string */
    const char *category;        /* "metadata" | "accounting" */
    char hash[PB_TXN_HASH_BUF];  /* "" when the finding is not about one row */
};

#define FRAUD_REASONS 16

struct fraud_report {
    struct fraud_finding *f;
    size_t n;
    int authenticity;                   /* 0-100, 100 = nothing suspicious */
    char reasons[FRAUD_REASONS][160];   /* what lowered it, with the penalty */
    size_t nreasons;
};

/* The upload response's is_fraud / fraud_type, from document metadata only.
 * Returns true and sets *fraud_type ("author_fraud" / "date_fraud") when
 * tampered; *fraud_type = NULL otherwise. */
bool fraud_metadata_check(const struct doc_facts *f, const char **fraud_type);

/* Runs every check over the account's statements. out owns f; free with
 * fraud_report_free. */
void fraud_check_account(const struct account_enriched *e, struct fraud_report *out);
void fraud_report_free(struct fraud_report *r);

/* Seconds since 1970 of a PDF date "D:YYYYMMDDHHmmSS+hh'mm'" (parts after
 * the year optional). Returns false when unparsable. */
bool fraud_pdf_date(const char *s, long long *out);

#endif
