/* Cell tokens as statements print them: dates in the formats Indian banks
 * use, amounts with Indian grouping and Dr/Cr markers. */
#ifndef PB_EXTRACT_TOKEN_H
#define PB_EXTRACT_TOKEN_H

#include <stdbool.h>
#include <stddef.h>

#include "util/date.h"
#include "util/money.h"

/* One date, the whole of s: dd/mm/yy, dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy,
 * dd-Mon-yy, dd-Mon-yyyy, dd Mon yyyy, dd/Mon/yyyy, ddMonyyyy, Mon dd, yyyy,
 * yyyy-mm-dd, yyyy/mm/dd (day and month may have one digit; two-digit years
 * are 20yy), optionally followed by a time of day ("10:22:31", "10:22 AM",
 * "T10:22:31+05:30"), or a weekday before it ("Mon, 07 Dec 2026") and an
 * ordinal suffix on the day ("7th Dec 2026"). Day first, unless the
 * document prints month first (token_set_month_first). */
bool token_parse_date(const char *s, size_t len, pb_day *out);

/* Numeric dates (12/31/2024, not 31 Dec or ISO) read month first from now
 * on this thread, or day first again; returns the previous setting. A
 * document's reading sets it (date_order.h: a foreign bank's export). */
bool token_set_month_first(bool on);

/* A date printed without its year, the whole of s: dd/mm, dd-mm, dd Mon,
 * dd-Mon, ddMon, Mon dd, dd.mm. (with the closing dot; "01.04" alone is
 * an amount as much as a date) (a time may follow). The year comes from the
 * statement's period later. Sets *month, *day (a day of some year). */
bool token_parse_day_month(const char *s, size_t len, int *month, int *day);

/* Finds the first date inside s (a date embedded in text such as
 * "Statement From : 01/04/2023 To : 30/06/2023"). On success sets *out and
 * *end (offset just after the date). */
bool token_find_date(const char *s, size_t len, size_t from, pb_day *out, size_t *end);

/* A time of day alone, the whole of s: "10:22", "10:22:31", "10:22 AM"
 * (a transaction's time printed under its date). */
bool token_is_time(const char *s);

/* Dr/Cr marker: -1 debit, +1 credit, 0 none. */
int token_drcr(const char *s, size_t len);

/* One amount, the whole of s, with an optional Dr/Cr marker before or after
 * ("1,23,456.78", "1,234.00 Dr", "(Cr) 5.00", "-12.5", "₹ -1,234.00",
 * "1,234.00-", "(-) 1,234.00", "1,234.00 INR"). A sign makes *out negative;
 * *drcr gets the marker (-1/0/+1; an explicit "+" is +1). "-" or "" are
 * not amounts. */
bool token_parse_amount(const char *s, size_t len, pb_paise *out, int *drcr);

/* A currency sign standing alone before an amount: INR, Rs, Rs., the rupee
 * sign, or a glyph that maps to no character (a rupee sign whose font lost
 * its ToUnicode entry). */
bool token_is_currency_sign(const char *s, size_t len);

/* Removes runs of whitespace in place (single spaces, trimmed); returns the length. */
size_t token_squash(char *s);

#endif
