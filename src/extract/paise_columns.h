/* Rupees and paise printed in columns of their own: a money label over
 * 'Rs.' and 'Ps.' (old co-operative banks' ledgers, passbook paper ruled
 * for them), each amount and balance printed '1,23,456' under 'Rs.' and
 * '50' under 'Ps.'. Joined into one amount ('1,23,456.50') on the
 * positioned words, before lines are read as a table. */
#ifndef PB_EXTRACT_PAISE_COLUMNS_H
#define PB_EXTRACT_PAISE_COLUMNS_H

#include "extract/layout.h"

/* Joins each amount's paise into its rupees (the rupees' word takes the
 * text and reaches over the paise's) and drops the paise and the 'Ps.'
 * labels over them. Needs l->lines; the caller rebuilds them when the
 * result is > 0. Returns how many amounts were joined, or -1 (out of
 * memory). */
int paise_columns_join(struct layout *l);

#endif
