/* Layout to table: finds the transaction table's header row by its column
 * words, derives column boundaries, and assembles rows (wrapped
 * narrations, rows broken across pages, repeated headers, page totals,
 * opening/closing balance rows). Directions and reconciliation come later
 * (reconcile.c); this stage reports what is printed. */
#ifndef PB_EXTRACT_TABLE_H
#define PB_EXTRACT_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "extract/header.h"
#include "extract/layout.h"
#include "util/date.h"
#include "util/money.h"

/* One printed row. Amount fields are as printed (unsigned); marks are the
 * Dr/Cr markers (-1 / 0 / +1). An opening or closing balance line ("Opening
 * Balance", "B/F", "Closing Balance", "C/F") is kept in sequence as a row
 * with marker ROWK_OPENING / ROWK_CLOSING and its value in balance:
 * reconciliation decides from its place (and the chronological order)
 * whether it opens or closes the statement. */
struct table_row {
    int page;
    int marker; /* 0: a transaction; ROWK_OPENING / ROWK_CLOSING: a balance line */
    pb_day date, value_date;
    char *note; /* owned */
    char *ref;  /* owned, NULL when empty */
    pb_paise debit, credit, amount, balance;
    bool has_debit, has_credit, has_amount, has_balance;
    int amount_mark;     /* marker next to the single amount column, or its sign */
    bool amount_negative; /* the single amount printed with a minus */
    bool date_inherited; /* printed without a date: the previous row's date */
    bool date_unread;    /* OCR read its date as no date: the previous row's date, not vouched for */
    bool yearless;       /* date (and value date) printed without a year: year 2000 until resolved */
    float conf;          /* lowest OCR confidence of the row's words (0..100); -1: text layer */
};

enum line_use { LINE_FREE = 0, LINE_HEADER, LINE_TABLE };

struct table_result {
    struct table_row *rows;
    size_t nrows, caprows;
    int ntables;             /* distinct header layouts found */
    unsigned char *line_use; /* per layout line: enum line_use (owned) */
    bool has_header;
    /* a debit and a credit column that no label names, and no balance
     * column: which is which is only the reader's first guess (the printed
     * opening and closing balances decide it: reconcile.c) */
    bool sides_open;
    /* no row has a narration, yet lines of words printed between the rows
     * went to none (table_narration.c): the narrations were not read */
    bool narration_unread;
    /* most rows print a second date (a value date) yet the value date of
     * fewer than half of those was read (table_value_dates.c) */
    bool value_dates_unread;
};

/* Reads the table(s) in l. Returns 0, or -1 on out of memory. A layout
 * with no recognisable header gives 0 rows and has_header false. */
int table_extract(const struct layout *l, struct table_result *out);
void table_result_free(struct table_result *r);

#endif
