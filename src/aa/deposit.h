/* ReBIT DEPOSIT FI documents (the decrypted encryptedFI) into the
 * source-neutral statement model.
 *
 * Forms accepted (docs/aa.md lists every choice):
 *   XML  <Account> in namespace http://api.rebit.org.in/FISchema/deposit,
 *        versions 1.1, 1.2 and 2.0.0, found by namespace whatever the
 *        prefix; a document with a DOCTYPE is refused (no entities).
 *   JSON the same account as AAs deliver it: {"account": {...}} or the
 *        account object itself (or an array holding it); keys matched
 *        case-insensitively (Profile/profile, Holder as object or array,
 *        Transaction as array or object), numbers as JSON numbers or
 *        strings, and the typos seen in published samples.
 *
 * Mapping: Profile's first holder -> identity (name, address, mobile,
 * email, pan); Summary -> account details (ifsc, micr, type, OD limit; the
 * bank from the IFSC); maskedAccNumber -> the account number (an AA never
 * shares the full one); Transactions -> rows, in time order. A row's date
 * is the calendar date in IST (UTC+05:30) of transactionTimestamp (a
 * timestamp without a zone is IST; a bare date is that date), its value
 * date the date written in valueDate; narration verbatim; the balance from
 * currentBalance (v1.x) or transactionalBalance (v2.0.0).
 *
 * A row without a valid type, amount or timestamp makes the whole
 * document unreadable: rows are never dropped silently. */
#ifndef PB_AA_DEPOSIT_H
#define PB_AA_DEPOSIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/statement.h"

#define FI_MAX_TXNS 200000
#define FI_TEXT_MAX 2048     /* longest attribute value kept */

struct fi_account {
    struct statement st;     /* source SOURCE_AA; st.id.account_number = masked number */
    char *masked_acc;        /* maskedAccNumber */
    char *linked_ref;        /* linkedAccRef */
    char *version;           /* schema version as stated, e.g. "1.2", "2.0.0" */
    char *holders_type;      /* SINGLE / JOINT */
    char *branch, *currency, *account_status;
    bool has_current_balance;
    pb_paise current_balance; /* Summary currentBalance */
    /* internal: each row's instant, for ordering */
    int64_t *row_ms;
    size_t cap;
};

void fi_account_free(struct fi_account *a);

/* Parses one document (XML or JSON, told apart by its first character).
 * 0 with *out filled, or -1 with a reason (no statement content, never
 * the document's values) in why. */
int fi_parse(const char *data, size_t len, struct fi_account *out, char *why, size_t cap);
int fi_parse_xml(const char *data, size_t len, struct fi_account *out, char *why, size_t cap);
int fi_parse_json(const char *data, size_t len, struct fi_account *out, char *why, size_t cap);

/* ---- shared by the two readers (deposit.c) ---- */

/* An ISO 8601 timestamp or date: its IST calendar date and its instant
 * (unix ms). Returns false when it is neither. */
bool fi_instant(const char *s, pb_day *ist_day, int64_t *ms);
/* The date written at the start of s ("2024-03-31..."). */
bool fi_date(const char *s, pb_day *out);
/* An amount as text: digits, optional sign, grouping and decimals
 * (extra decimals must be zeros). */
bool fi_amount(const char *s, pb_paise *out);

/* A text field, the same in both forms: its attribute (XML) or key (JSON),
 * else alt (the v2.0.0 name, or the misspelling published samples carry);
 * at: the char * member of struct fi_account it fills (offsetof). */
struct fi_field {
    const char *name, *alt;
    size_t at;
};
/* The tables end with {NULL}. */
extern const struct fi_field FI_ACCOUNT_FIELDS[]; /* the Account's own */
extern const struct fi_field FI_HOLDER_FIELDS[];  /* Profile's first Holder -> identity */
extern const struct fi_field FI_SUMMARY_FIELDS[]; /* Summary -> account details */
/* A form's strdup of node's field name (else alt); NULL when the node is
 * NULL or the field absent, empty or too long. */
typedef char *fi_dup_fn(const void *node, const char *name, const char *alt);
/* Fills a's fields of table from node with the form's dup. */
void fi_fill(struct fi_account *a, const struct fi_field *table, const void *node, fi_dup_fn *dup);

/* One row as read, before ordering: its texts in the order of FI_ROW_KEYS
 * (NULL when absent); a JSON number as an amount or balance is kept as a
 * number (rupees) instead. */
enum { FI_ROW_TYPE, FI_ROW_AMOUNT, FI_ROW_BALANCE, FI_ROW_TIMESTAMP, FI_ROW_VALUE_DATE, FI_ROW_NARRATION,
       FI_ROW_TXN_ID, FI_ROW_TEXTS };
extern const struct fi_field FI_ROW_KEYS[FI_ROW_TEXTS]; /* name and alt only */
struct fi_row {
    const char *text[FI_ROW_TEXTS];
    bool is_number[FI_ROW_TEXTS];
    double number[FI_ROW_TEXTS];
};
/* Appends a row to a->st (growing txns). 0, or -1 with why. */
int fi_add_row(struct fi_account *a, const struct fi_row *r, char *why, size_t cap);
/* Orders the rows by time, sets period, balances and bank. 0 or -1. */
int fi_finish(struct fi_account *a, const char *start, const char *end, const char *ifsc, char *why, size_t cap);

#endif
