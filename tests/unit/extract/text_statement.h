/* Statements read from monospaced text (layout_from_text: 6 pt a
 * character, 12 pt a line, form feed = new page; three spaces or more make
 * a gap between segments), run through the whole post-MuPDF pipeline: the
 * input of the identity and several-accounts tests. */
#ifndef PB_TESTS_TEXT_STATEMENT_H
#define PB_TESTS_TEXT_STATEMENT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/layout.h"

/* Every account of text into *all: 0, the extraction's error code, or -2
 * when the text makes no layout. o may be NULL (no options). */
static inline int read_text(const char *text, const struct extract_opts *o, struct statement_list *all)
{
    struct layout l = {0};
    struct extract_error err;
    struct extract_opts none = {0};
    memset(all, 0, sizeof *all);
    if (layout_from_text(&l, text, strlen(text)) < 0)
        return -2;
    int rc = extract_layout(&l, o ? o : &none, all, &err);
    layout_free(&l);
    return rc < 0 ? (int)err.code : 0;
}

/* head, then table (two texts, one document) into *st: its first account;
 * 0, the extraction's error code, or -2 when out of memory. */
static inline int read_with(const char *head, const char *table, const struct extract_opts *o, struct statement *st)
{
    size_t n = strlen(head) + strlen(table) + 1;
    char *text = malloc(n);
    if (!text)
        return -2;
    snprintf(text, n, "%s%s", head, table);
    struct statement_list all;
    int rc = read_text(text, o, &all);
    statement_list_take_first(&all, st);
    free(text);
    return rc;
}

/* A Union Bank statement's letterhead (LATA IYER, account 520101234567890,
 * April 2024), its columns, and its rows of 2 and 3 April (closing
 * 14,500.00): the pieces of UNION_SAVINGS, and of documents that print
 * them around rows of their own. */
#define UNION_LETTERHEAD                                                                        \
    "UNION BANK OF INDIA\n"                                                                      \
    "Customer Name : LATA IYER\n"                                                                \
    "Account No : 520101234567890       IFSC : UBIN0531234\n"                                    \
    "Statement Period : 01/04/2024 to 30/04/2024\n"                                              \
    "\n"
#define UNION_COLUMNS "Date         Particulars                                  Debit        Credit       Balance\n"
#define UNION_APRIL_ROWS                                                                        \
    "02/04/2024   SALARY APR                                                5,000.00     15,000.00\n" \
    "03/04/2024   ATM WDL                                       500.00                   14,500.00\n"

/* A Union Bank savings statement of April 2024 (LATA IYER, account
 * 520101234567890, two rows, closing 14,500.00): the first account of the
 * combined documents, a loan or deposit section goes after it. */
static const char UNION_SAVINGS[] =
    UNION_LETTERHEAD
    UNION_COLUMNS
    "01/04/2024   OPENING BALANCE                                                        10,000.00\n"
    UNION_APRIL_ROWS
    "Closing Balance : 14,500.00\n"
    "\n";

#endif
