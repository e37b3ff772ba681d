/* Inside header reading (header*.c): header.c reads the labels into
 * columns; header_roles.c reads the roles its labels leave open from the
 * cells below them. */
#ifndef PB_EXTRACT_HEADER_PARTS_H
#define PB_EXTRACT_HEADER_PARTS_H

#include <stdbool.h>
#include <stddef.h>

#include "extract/header.h"

/* Could line i start a header? At least two of its words begin a column
 * label (cheap: most lines of a statement are rows). */
bool header_may_start(const struct layout *l, size_t i);
/* Is line i a line of column labels: no values, more than half its words
 * named by header phrases? A row's text naming two labels in four words
 * ("Cheque deposit AXIS BANK") is not. */
bool header_line_of_labels(const struct layout *l, size_t i);
/* Roles of h's unknown columns from the cells of the lines below the
 * header (from line `from`, on its page): dates, amounts, Dr/Cr markers,
 * serial numbers or text; unnamed pieces merged into the label beside
 * them. size: the header's font size. Returns false when too few lines
 * show a table of transactions under h (its date column dates, a money
 * column amounts). *chained: the balances below chain under these roles
 * (the cells vouch for the header whatever its words). */
bool header_roles_from_cells(const struct layout *l, size_t from, float size, struct header *h, bool *chained);

#endif
