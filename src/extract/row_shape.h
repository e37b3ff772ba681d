/* What a layout line prints that transaction rows print: a date and an
 * amount. Shared by the several-accounts split (identity_accounts.c: a
 * row's account number is no account's label) and the check for rows no
 * table took (reconcile.c's hints, extract.c). */
#ifndef PB_EXTRACT_ROW_SHAPE_H
#define PB_EXTRACT_ROW_SHAPE_H

#include <stdbool.h>
#include <stddef.h>

#include "extract/layout.h"

/* A date and a figure with a decimal point (an amount) in a line, each
 * as a word of its own. */
struct line_values {
    bool date, amount;
};

struct line_values line_values(const struct layout *l, size_t li);

/* A line printed as a transaction row: a date first (after a serial
 * number, if any) and an amount. */
bool line_row_shaped(const struct layout *l, size_t li);

/* Lines no table took (use: LINE_FREE) printed like rows, above the
 * table's first line (*before) and below its last (*after): rows a header
 * the reader missed left unread. Both false when no line is the table's. */
void unread_rows_outside(const struct layout *l, const unsigned char *use, bool *before, bool *after);

#endif
