/* The source-neutral statement: what extraction (PDF today, Account
 * Aggregator FI data later) produces and what storage, enrichment, fraud
 * checks and insights consume. Money is paise, dates are pb_day. */
#ifndef PB_CORE_STATEMENT_H
#define PB_CORE_STATEMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/identity.h"
#include "util/date.h"
#include "util/money.h"

enum txn_type { TXN_DEBIT = 0, TXN_CREDIT = 1 };

enum statement_source { SOURCE_PDF = 0, SOURCE_AA = 1 };

/* One row of the statement, as printed. Strings are owned by the txn. */
struct txn {
    pb_day date;
    pb_day value_date;      /* PB_NO_DAY when not printed */
    enum txn_type type;
    pb_paise amount;        /* always > 0 */
    pb_paise balance;       /* balance after this row; negative = overdrawn */
    bool has_balance;
    char *note;             /* narration, whitespace normalised */
    char *chq_num;          /* NULL when not printed */
    int page;               /* 1-based page the row starts on */
    bool reconciled;        /* previous balance +/- amount == balance (and, with ocr, read surely) */
    bool ocr;               /* read by OCR from a scanned page (else from the text layer) */
    float confidence;       /* with ocr: the lowest word confidence in the row, 0..1 */
    bool date_unsure;       /* with ocr: its date breaks the statement's date order (ocr_fix_dates) */
};

/* Below this confidence an OCR row is not vouched for even when its
 * balance reconciles: the chain checks amounts and balances, never dates
 * or narrations. Such a row counts as unreconciled (scanned statements
 * are exact or flagged). Measured on scan-smoke: rows below it were wrong
 * 4 times in 9, rows above it 1 in 5. */
#define TXN_OCR_SURE 0.75f

static inline bool txn_ocr_doubtful(const struct txn *t)
{
    return t->ocr && (t->confidence < TXN_OCR_SURE || t->date_unsure);
}

/* Facts about the document itself, for the metadata fraud checks. */
struct doc_facts {
    char *producer, *creator, *author, *title;
    char *creation_date, *mod_date; /* as printed in the Info dictionary */
    int incremental_updates;        /* number of %%EOF sections beyond the first */
    bool encrypted;                 /* any encryption, also permissions only */
    bool needs_password;            /* it opens only with a user password */
    bool repaired;                  /* MuPDF had to repair the file */
    char **fonts;                   /* distinct font names, all pages */
    size_t nfonts;
    int ocr_pages;                  /* pages read by OCR (image pages with no text layer of their own) */
    bool scan;                      /* every page read by OCR: the document is a scan, its
                                     * metadata the scanner's (a text PDF with a scanned page
                                     * is judged as the PDF it is) */
};

struct statement {
    enum statement_source source;
    char *bank;                     /* bank identifier, lower case ("hdfc"), NULL if unknown */
    int page_count;
    struct identity id;
    pb_day from_date, to_date;      /* statement period as printed (or first/last txn) */
    pb_paise opening_balance, closing_balance;
    bool has_opening, has_closing;
    /* No opening balance printed and the first row's amount carries no
     * direction (no sign, no Dr/Cr, one amount column): the opening was
     * derived from a guessed direction, so nothing vouches for that row
     * (it is marked unreconciled, reason "direction"). */
    bool opening_guessed;
    /* Lines printed like rows (a date and an amount) that no table took,
     * before the first row read with no opening balance printed (after the
     * last, no closing printed): rows a missed header left unread, which
     * the chain of the rows read cannot show. The first (last) row is
     * marked unreconciled, reason "rows_unread". */
    bool rows_unread_before, rows_unread_after;
    /* No row's narration was read while lines of words printed between
     * the rows went to none (a header read without its narration column):
     * every row without a narration is marked unreconciled, reason
     * "narration_unread" (the chain vouches for amounts and balances, not
     * narrations). */
    bool narration_unread;
    /* Most rows print a second date (a value date) on their lines yet the
     * value date of fewer than half of them was read: every row without a
     * value date is marked unreconciled, reason "value_date_unread" (the
     * chain does not vouch for value dates). */
    bool value_dates_unread;
    struct txn *txns;
    size_t ntxns;
    bool balances_ok;               /* every row reconciled */
    bool totals_ok;                 /* opening + credits - debits == closing */
    /* An account of a several-account document that could not be read
     * (no rows: a deposit's summary grid): a FinBox code and its message
     * (static strings), else NULL. A document whose accounts all fail is
     * refused instead. */
    const char *error_code, *error_message;
    struct doc_facts facts;
};

/* Every account one document holds, in the order it prints them: a PDF of
 * one account gives one; a combined statement (savings + loan or deposit,
 * two savings accounts) one per account. items[0] is the first account. */
struct statement_list {
    struct statement *items;
    size_t n;
};

void statement_free(struct statement *st);
void txn_free(struct txn *t);
/* Frees every statement and the array; l itself is the caller's (zeroed). */
void statement_list_free(struct statement_list *l);
/* Moves items[0] into *out (zeroed when l is empty) and frees the rest:
 * for callers that read one account of a document. */
void statement_list_take_first(struct statement_list *l, struct statement *out);
/* Deep copy of *in into *out (out zeroed first). Returns 0 / -1 (memory). */
int doc_facts_copy(struct doc_facts *out, const struct doc_facts *in);
/* The rows of a statement that fails reconciliation only because OCR was
 * unsure of them: every balance follows and the totals agree, yet some
 * rows are below TXN_OCR_SURE. Returns how many such rows, 0 when the
 * statement reconciles or fails for another reason (a balance that does
 * not follow, a total). */
size_t statement_unsure_rows(const struct statement *st);
/* The statement fails reconciliation only because lines printed like rows
 * lie before its first row read (after its last) with no opening (closing)
 * balance printed (rows_unread_before / rows_unread_after): every balance
 * follows, the totals agree, and no row is unreconciled but the first
 * (last) one those lines leave unvouched. Transactions are missing, not
 * mismatched. */
bool statement_rows_unread_only(const struct statement *st);
/* The statement has rows and prints no running balance on any (no balance
 * column): nothing checks its rows one by one, so it never reconciles;
 * its printed opening and closing can check only their sum (totals_ok). */
bool statement_prints_no_balance(const struct statement *st);

#endif
