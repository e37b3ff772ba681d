/* Pages printed two-up: the transaction table in two halves of the page
 * side by side, the same column labels over both on one line, the left
 * half filled first, then the right (a ledger print). The right half's
 * words are placed under the left half's, as one column of rows, before
 * lines are read as a table. */
#ifndef PB_EXTRACT_TWO_UP_H
#define PB_EXTRACT_TWO_UP_H

#include "extract/layout.h"

/* Unfolds every two-up page of l: the right half's rows go under the left
 * half's (shifted left onto its columns), its copy of the labels dropped,
 * the lines under the table (a footer) further down. Needs l->lines; the
 * caller rebuilds them when the result is > 0. Returns how many pages were
 * unfolded. */
int two_up_unfold(struct layout *l);

#endif
