/* Printed rows to transactions: decides each row's direction (debit and
 * credit columns, a Dr/Cr marker or sign, and where the layout leaves it
 * open, the balance), then checks every row (previous balance +/- amount =
 * printed balance) and the whole (opening + credits - debits = closing).
 * Rows that do not reconcile are marked, never changed. */
#ifndef PB_EXTRACT_RECONCILE_H
#define PB_EXTRACT_RECONCILE_H

#include "core/statement.h"
#include "extract/table.h"

/* Moves the rows of t into st->txns (t's strings become st's) and sets
 * opening/closing (printed ones when given: has_opening/has_closing on
 * input), balances_ok and totals_ok. Returns 0 / -1 (out of memory). */
int reconcile_rows(struct table_result *t, struct statement *st);

/* Recomputes txn.reconciled, balances_ok and totals_ok from st as it is. */
void reconcile_check(struct statement *st);

#endif
