/* Dates wrapped in a narrow date column: '07/12/' on the row's line and
 * '2026' under it (or '07-' / '12-' / '2026' over three lines) are one
 * date; so are a date in words ('01' / 'December' / '2023') and a value
 * date in brackets wrapped under it ('(02 December' / '2023)'). Joined on
 * the positioned words, before lines are read as a table. */
#ifndef PB_EXTRACT_SPLIT_DATES_H
#define PB_EXTRACT_SPLIT_DATES_H

#include <stdbool.h>
#include <stddef.h>

#include "extract/layout.h"

/* The first piece of a wrapped date: a day first, a separator after it
 * ('07/12/', '07-Dec-', '02.0', '07-'), not a whole date. */
bool split_dates_is_head(const char *s);

/* Joins each wrapped date into its first piece (the row's line) and drops
 * the pieces under it. Needs l->lines; the caller rebuilds them when the
 * result is > 0. Returns how many dates were joined, or -1 (out of memory). */
int split_dates_join(struct layout *l);

#endif
