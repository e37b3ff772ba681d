/* Dates wrapped in a narrow date column: '07/12/' on the row's line and
 * '2026' under it (or '07-' / '12-' / '2026' over three lines) are one
 * date. Joined on the positioned words, before lines are read as a table. */
#ifndef PB_EXTRACT_SPLIT_DATES_H
#define PB_EXTRACT_SPLIT_DATES_H

#include <stddef.h>

#include "extract/layout.h"

/* Joins each wrapped date into its first piece (the row's line) and drops
 * the pieces under it. Needs l->lines; the caller rebuilds them when the
 * result is > 0. Returns how many dates were joined, or -1 (out of memory). */
int split_dates_join(struct layout *l);

#endif
