/* Printed rows to transactions, with the balance chain as the oracle.
 *
 * A page allows several readings: the rows in printed order or newest
 * first, a row's direction from its column, its Dr/Cr marker or sign, or
 * (where the print leaves it open) from the balance, and which lines are
 * rows at all. The reading under which the running balance reconciles
 * wins: newest-first statements are turned chronological (as a whole,
 * keeping the printed order within a day where that is what reconciles,
 * never sorting), rows without a printed balance carry the running balance,
 * a row without a date of its own that breaks the chain where skipping it
 * mends it is dropped (a summary grid read as a row). Then every row is
 * checked (previous balance +/- amount = printed balance) and the whole
 * (opening + credits - debits = closing). Rows that do not reconcile are
 * marked, never changed. */
#ifndef PB_EXTRACT_RECONCILE_H
#define PB_EXTRACT_RECONCILE_H

#include "core/statement.h"
#include "extract/table.h"

/* What the page prints outside the table. */
struct reconcile_hints {
    bool has_opening, has_closing; /* labelled balances (summary, header block) */
    pb_paise opening, closing;
    pb_day from, to;  /* the statement period, PB_NO_DAY when not printed */
    pb_day ref_date;  /* failing a period: a date the statement was made by (PB_NO_DAY: today) */
    /* lines printed like rows that the table did not take, above its
     * first row and below its last (row_shape.h: unread_rows_outside) */
    bool unread_above, unread_below;
};

/* Moves the transaction rows of t into st->txns (t's strings become st's),
 * in chronological order, and sets opening/closing balances, balances_ok
 * and totals_ok. Returns 0 / -1 (out of memory). */
int reconcile_rows(struct table_result *t, const struct reconcile_hints *h, struct statement *st);

/* Recomputes txn.reconciled, balances_ok and totals_ok from st as it is. */
void reconcile_check(struct statement *st);

/* Whether row i's balance is the balance before it (the row before's, or
 * the opening) with its amount added or taken as its type says. */
bool reconcile_follows(const struct statement *st, size_t i);

#endif
