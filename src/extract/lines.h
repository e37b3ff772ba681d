/* Line classes: what one line of the table is, from its cells (a dated
 * transaction line, an amount-only line, an opening/closing balance line, a
 * total, the end of the table, a wrapped narration, or noise). */
#ifndef PB_EXTRACT_LINES_H
#define PB_EXTRACT_LINES_H

#include <stdbool.h>

#include "extract/cells.h"
#include "extract/header.h"
#include "util/date.h"
#include "util/money.h"

enum lkind { LK_NOISE, LK_DATED, LK_AMOUNT, LK_CONT, LK_OPEN, LK_CLOSE, LK_SKIP, LK_END };

struct lineinfo {
    enum lkind kind;
    int row;
    pb_day date, value_date;
    pb_paise debit, credit, amount, balance;
    bool has_debit, has_credit, has_amount, has_balance;
    int amount_mark;
    bool amount_negative; /* the amount printed with a minus */
    bool yearless; /* date printed without a year (year 2000 stands in) */
    char datebit[28]; /* a piece of a bracketed value date wrapped under the date ("(01 June" / "2024)") */
    bool date_unread; /* OCR read the date cell as no date ("05.41.23"): the row's date is not known */
};

/* Column indices of a header by meaning (-1: absent). */
struct colmap {
    int date, vdate, narr, ref, debit, credit, amount, amount_mark, balance, balance_mark;
};

struct colmap lines_map_columns(const struct header *h);
/* Classifies one table line from its cells. */
void lines_classify(const struct header *h, const struct colmap *m, const struct cells *cs, struct lineinfo *li);
/* A text-only line holding its row's value date in brackets under the
 * date ("(02-Sep-24)"), or a piece of one wrapped ("(01 December" over
 * "2024)"): it follows its date whatever the layout, so it belongs to the
 * row above and says nothing of where rows print their narration. */
bool lines_value_date_under(const struct lineinfo *li);

#endif
