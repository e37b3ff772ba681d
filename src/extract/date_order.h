/* Which way round a document prints its numeric dates. Indian banks print
 * the day first (31/12/2024); a foreign bank's export can print the month
 * first (12/31/2024). Read day first, such a statement's dates up to the
 * 12th are other days and the rest no dates at all. */
#ifndef PB_EXTRACT_DATE_ORDER_H
#define PB_EXTRACT_DATE_ORDER_H

#include <stdbool.h>

#include "extract/layout.h"

/* Whether the document's numeric dates are month first, told by the dates
 * its lines begin with (a row's date and value date): at least two read as
 * a date only that way round (a second number of 13..31), more than four
 * times as many as read only day first (a first number of 13..31: a wrapped
 * narration can begin with a date it quotes in another format). Otherwise
 * day first, as Indian banks print. */
bool date_order_month_first(const struct layout *l);

#endif
