/* What OCR gets wrong in a statement's dates: a date cell read with its
 * separators lost or misread or a mark before it, and a date read with a
 * digit wrong, found by the statement's date order. Pure functions (no
 * Tesseract), unit-tested alone. */
#ifndef PB_EXTRACT_OCR_FIX_DATES_H
#define PB_EXTRACT_OCR_FIX_DATES_H

#include <stdbool.h>
#include <stddef.h>

#include "util/date.h"

/* A cell of the date column that does not parse as printed: a numeric
 * date whose separators OCR lost or misread ("1112.23", "07.12:23",
 * "2212723" for 22.12.23, "O1 12 2023"). Day first, as every numeric date
 * Indian banks print; yyyymmdd when the digits start with a year. A digit
 * in a separator's place is dropped only when one reading alone is a
 * date. Sets *out; false when the cell is no such date. */
bool ocr_fix_date(const char *cell, pb_day *out);

/* A date cell printed with its month's name whose separators OCR read
 * unlike each other ("12.Oct 2023": a speck in the space; "05 Nov,2023"):
 * a day of one or two digits, the month's letters and a year, each part
 * from the next by one or two separators, marks or spaces. Sets *out;
 * false when the cell is no such date. */
bool ocr_fix_named_date(const char *cell, pb_day *out);

/* A date column's cell read with a mark before its date: a pen tick or a
 * speck read as marks ('.30-Dec-2023') or as a short word of letters ('Sa
 * 16/09/24'): where the rest of the cell starts, past the mark and its
 * space; NULL when the cell starts with no such mark or nothing follows it. */
const char *ocr_after_mark(const char *cell);

/* The chain checks amounts and balances, never dates: a scanned row's
 * date read with a digit wrong ("29/11/24" between 19/11 and 23/11)
 * passes it. Statements print their rows in date order (oldest or newest
 * first, told by the dates themselves): a date out of that order between
 * two neighbours in order is misread. It becomes the row's value date
 * when that is in order and one digit from it (Indian statements print
 * the value date beside the date, mostly the same day); else it is
 * doubtful. */
struct date_row {
    pb_day date;
    pb_day value;   /* PB_NO_DAY when not printed */
    bool corrected; /* out: date set to the value date */
    bool doubtful;  /* out: out of order, and no one reading mends it */
};

/* Judges rows[0..n) in order; returns how many were corrected. */
size_t ocr_fix_dates(struct date_row *rows, size_t n);

/* Whether row i of rows[0..n) has no value date where at least four rows
 * in five (of five or more) print one: a cell OCR could not read, what
 * the chain cannot check and the row cannot show. A statement printing it
 * beside some rows only loses none. */
bool ocr_value_date_lost(const struct date_row *rows, size_t n, size_t i);

#endif
