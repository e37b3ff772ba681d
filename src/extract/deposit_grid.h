/* Whether the rows read from a later account's block are a grid of
 * deposits (deposit number, open date, principal, rate, maturity) rather
 * than transactions: such an account keeps its number and kind, no rows. */
#ifndef PB_EXTRACT_DEPOSIT_GRID_H
#define PB_EXTRACT_DEPOSIT_GRID_H

#include <stdbool.h>

#include "core/statement.h"

/* st: a later account of a document as read from its block (its rows,
 * chain, account type); period_from: the first day of the document's
 * statement period (PB_NO_DAY: not printed). */
bool deposit_grid(const struct statement *st, pb_day period_from);

#endif
