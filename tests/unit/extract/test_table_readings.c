/* A row's amount, direction and balance, and how the balances check
 * (src/extract/table_readings.c, table.c): Dr/Cr markers, signs and
 * currency signs, the balance's change deciding the direction, rows
 * without a printed balance, reconciliation as printed (never "fixed").
 * Cases: table_case.h. */
#include "table_case.h"

static const struct table_case CASES[] = {
    /* An overdrawn (Dr) balance is negative. */
    {"single_amount_column_with_drcr_and_overdraft",
     "Kotak Mahindra Bank\n"
     "Account Number   : 1234567890\n"
     "\n"
     "Sl. No.   Date        Description              Chq / Ref number     Amount    Dr / Cr      Balance   Dr / Cr\n"
     "          Opening Balance                                                                1,000.00   CR\n"
     "1         02-Apr-24   ATM WDL                                     1,500.00    DR         500.00   DR\n"
     "2         03-Apr-24   IMPS FROM FRIEND                            2,000.00    CR       1,500.00   CR\n"
     "3         04-Apr-24   POS AMAZON                                    250.00    DR       1,250.00   CR\n",
     {
         .ntxns = 3, .opening = 100000,
         .txns = {{.i = 0, .type = DR, .balance = -50000},
                  {.i = 1, .type = CR, .balance = 150000},
                  {.i = 2, .type = DR}},
         .balances_ok = YES, .bank = "kotak",
     }},

    /* The generic path (unknown bank). */
    {"balance_decides_direction_without_marker",
     "Date         Particulars             Amount        Balance\n"
     "01-05-2024   OPENING BALANCE                       10,000\n"
     "02-05-2024   SALARY                  25,000        35,000\n"
     "03-05-2024   RENT                    12,000        23,000\n"
     "04-05-2024   REFUND                     500        23,500\n",
     {
         .ntxns = 3,
         .txns = {{.i = 0, .type = CR}, {.i = 1, .type = DR}, {.i = 2, .type = CR, .amount = 50000}},
         .balances_ok = YES, .totals_ok = YES, .bank = NONE,
     }},

    /* One amount column printing no direction (no sign, no Dr/Cr) and no
     * opening balance: the balances say which way every row went but the
     * first, whose direction only a balance before it could tell. That row
     * is not vouched for (never silently right or wrong). */
    {"unmarked_first_amount_without_an_opening_is_flagged",
     "Date         Particulars             Amount        Balance\n"
     "02-05-2024   SALARY                  25,000        35,000\n"
     "03-05-2024   RENT                    12,000        23,000\n"
     "04-05-2024   REFUND                     500        23,500\n",
     {
         .ntxns = 3,
         .txns = {{.i = 0, .reconciled = NO}, {.i = 1, .type = DR, .reconciled = YES},
                  {.i = 2, .type = CR, .reconciled = YES}},
         .balances_ok = NO,
     }},

    /* ... the opening balance printed above the table decides it. */
    {"unmarked_first_amount_decided_by_a_printed_opening",
     "Opening Balance : 10,000.00\n"
     "\n"
     "Date         Particulars             Amount        Balance\n"
     "02-05-2024   SALARY                  25,000        35,000\n"
     "03-05-2024   RENT                    12,000        23,000\n",
     {
         .ntxns = 2, .opening = 1000000,
         .txns = {{.i = 0, .type = CR, .reconciled = YES}, {.i = 1, .type = DR, .reconciled = YES}},
         .balances_ok = YES,
     }},

    /* A last page reprinting the balance brought forward after the last
     * row (its rows all fell on the page before): not the opening balance,
     * which is not printed here and comes from the first row. */
    {"brought_forward_after_the_last_row_is_no_opening",
     "Date         Particulars                 Debit          Credit        Balance\n"
     "01/05/2024   SALARY                                    1,795.00      2,607.76\n"
     "02/05/2024   ATM WDL                     100.00                      2,507.76\n"
     "03/05/2024   RENT                        500.00                      2,007.76\n"
     "\f"
     "Date         Particulars                 Debit          Credit        Balance\n"
     "03/05/2024   Brought Forward                                         2,007.76\n",
     {
         .ntxns = 3, .opening = 81276, .closing = 200776,
         .txns = {{.i = 0, .type = CR, .reconciled = YES}},
         .balances_ok = YES, .totals_ok = YES,
     }},

    /* The balance printed only on each day's last row, no opening balance
     * printed: the opening is worked back from the first printed balance
     * through the rows before it (2,007.76 + 500.00 - 1,795.00 + 100.00),
     * and those rows chain from it. */
    {"opening_worked_back_through_the_rows_before_the_first_balance",
     "Date         Particulars                 Debit          Credit        Balance\n"
     "01/05/2024   ATM WDL                     100.00\n"
     "01/05/2024   SALARY                                    1,795.00\n"
     "01/05/2024   RENT                        500.00                      2,007.76\n"
     "02/05/2024   POS AMAZON                    7.76                      2,000.00\n",
     {
         .ntxns = 4, .opening = 81276, .closing = 200000,
         .txns = {{.i = 0, .type = DR, .balance = 71276, .reconciled = YES},
                  {.i = 1, .type = CR, .balance = 250776, .reconciled = YES},
                  {.i = 2, .type = DR, .balance = 200776, .reconciled = YES}},
         .balances_ok = YES, .totals_ok = YES,
     }},

    /* A debit printed with both a minus and Dr ("-1,500.00 Dr"): one
     * direction, not two that cancel; the first row's marker vouches for it. */
    {"minus_and_dr_on_one_amount",
     "Date         Particulars             Amount             Balance\n"
     "02-05-2024   ATM WDL                 -1,500.00 Dr       8,500.00 Cr\n"
     "03-05-2024   SALARY                  20,000.00 Cr      28,500.00 Cr\n"
     "04-05-2024   RENT                   -12,000.00 Dr      16,500.00 Cr\n",
     {
         .ntxns = 3, .opening = 1000000,
         .txns = {{.i = 0, .type = DR, .amount = 150000, .reconciled = YES},
                  {.i = 1, .type = CR, .amount = 2000000}, {.i = 2, .type = DR, .balance = 1650000}},
         .balances_ok = YES,
     }},

    /* 10,000 - 4,000 != 16,000: the row stays a debit as printed, not "fixed". */
    {"tampered_balance_is_reported_not_fixed",
     "Date         Description           Withdrawals      Deposits        Balance\n"
     "01/07/2024   OPENING BALANCE                                       1,000.00\n"
     "02/07/2024   SALARY                                 9,000.00      10,000.00\n"
     "03/07/2024   RENT                     4,000.00                    16,000.00\n"
     "04/07/2024   FOOD                       500.00                    15,500.00\n",
     {
         .ntxns = 3,
         .txns = {{.i = 0, .reconciled = YES},
                  {.i = 1, .reconciled = NO, .type = DR, .balance = 1600000},
                  {.i = 2, .reconciled = YES}},
         .balances_ok = NO,
     }},

    /* A rupee sign whose glyph maps to no character (U+0080 after a PDF
     * rewrite lost its ToUnicode entry) before every amount. */
#define U80 "\xc2\x80"
    {"unmapped_currency_sign_before_amounts",
     "Date         Description           Withdrawals      Deposits        Balance\n"
     "01/07/2024   SALARY                               " U80 "9,000.00     " U80 "10,000.00\n"
     "03/07/2024   RENT                   " U80 "4,000.00                    " U80 "6,000.00\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .type = CR, .amount = 900000, .balance = 1000000},
                  {.i = 1, .type = DR, .amount = 400000, .balance = 600000, .reconciled = YES}},
     }},

    /* A row printed without a balance carries the running balance; where
     * neither column nor marker gives the direction, the next printed balance
     * decides. */
    {"rows_without_balance_carry_the_running_balance",
     "Date         Particulars                 Amount          Balance\n"
     "01/05/2024   OPENING BALANCE                             1,000.00\n"
     "02/05/2024   ATM WDL                     100.00\n"
     "02/05/2024   UPI REFUND                   50.00            950.00\n"
     "03/05/2024   POS STORE                    25.00            925.00\n",
     {
         .ntxns = 3,
         .txns = {{.i = 0, .type = DR, .balance = 90000, .has_balance = NO},
                  {.i = 1, .type = CR},
                  {.i = 2, .type = DR}},
         .balances_ok = YES, .totals_ok = YES,
     }},

    /* Signed amounts in one column: a minus is a withdrawal, whatever the
     * currency sign or where the minus stands. */
    {"signed_amounts_with_currency",
     "Txn Date     Description                  Amount (INR)        Balance (INR)\n"
     "01-06-2024   NEFT SALARY                   Rs.25,000.00         30,000.00\n"
     "02-06-2024   RENT                         -Rs.12,000.00         18,000.00\n"
     "03-06-2024   ATM                            -2,000.00           16,000.00\n"
     "04-06-2024   POS SHOP                        1,000.00-          15,000.00\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .type = CR},
                  {.i = 1, .type = DR, .amount = 1200000},
                  {.i = 2, .type = DR},
                  {.i = 3, .type = DR, .amount = 100000}},
         .opening = 500000,
         .balances_ok = YES, .totals_ok = YES,
     }},

    /* One "Dr/Cr" label over the only amount column: the cells carry their
     * markers. ISO dates. */
    {"drcr_label_over_the_amount_column",
     "Tran Date     Remarks                      Dr/Cr              Balance\n"
     "2024-04-01    OPENING BALANCE                                1,000.00\n"
     "2024-04-02    IMPS FROM FRIEND          2,000.00 Cr          3,000.00\n"
     "2024-04-03    ATM WDL                     500.00 Dr          2,500.00\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .date = 20240402, .type = CR}, {.i = 1, .type = DR}},
         .balances_ok = YES, .totals_ok = YES,
     }},

    /* A statement printing no balances at all cannot be checked row by row:
     * it is never "reconciled" from a balance of zero. */
    {"no_balance_column_is_not_reconciled_from_zero",
     "Date         Particulars                 Debit          Credit\n"
     "01/05/2024   ATM WDL                     100.00\n"
     "02/05/2024   SALARY                                     500.00\n"
     "03/05/2024   POS STORE                    25.00\n",
     {
         .ntxns = 3,
         .txns = {{.i = 0, .reconciled = NO}, {.i = 1, .reconciled = NO}, {.i = 2, .reconciled = NO}},
         .balances_ok = NO,
     }},

    /* ... nor with a printed opening and closing balance: they check the
     * rows' sum (totals_ok), not any row (two amounts traded between rows
     * keep the sum): no chain, no row reconciled. */
    {"no_balance_column_totals_checked_rows_not",
     "Opening Balance : 1,000.00          Closing Balance : 1,375.00\n"
     "\n"
     "Date         Particulars                 Debit          Credit\n"
     "01/05/2024   ATM WDL                     100.00\n"
     "02/05/2024   SALARY                                     500.00\n"
     "03/05/2024   POS STORE                    25.00\n",
     {
         .ntxns = 3, .opening = 100000,
         .txns = {{.i = 0, .reconciled = NO}, {.i = 2, .balance = 137500, .reconciled = NO}},
         .balances_ok = NO, .totals_ok = YES,
     }},

    /* Rows after the last printed balance are checked only by a printed
     * closing balance: without one they are not reconciled. */
    {"rows_after_the_last_printed_balance_need_a_closing_balance",
     "Date         Particulars                 Debit          Credit        Balance\n"
     "01/05/2024   ATM WDL                     100.00                        900.00\n"
     "02/05/2024   SALARY                                     500.00       1,400.00\n"
     "03/05/2024   POS STORE                    25.00\n",
     {
         .ntxns = 3,
         .txns = {{.i = 1, .reconciled = YES}, {.i = 2, .reconciled = NO}},
         .balances_ok = NO,
     }},

    /* No balance column: the opening balance above the table and the
     * closing balance printed after it in a sentence, read; the totals
     * reach the closing, but no row is reconciled (no chain). */
    {"closing_balance_in_a_line_under_a_table_without_balances",
     "Opening Balance : 1,000.00\n"
     "\n"
     "Date          Narration                 Debit          Credit\n"
     "01/06/2023    ATM CASH                  500.00\n"
     "02/06/2023    NEFT SALARY                              1,000.00\n"
     "\n"
     "Closing Balance : 1,500.00\n",
     {
         .ntxns = 2,
         .opening = 100000,
         .closing = 150000,
         .txns = {{.i = 1, .balance = 150000, .reconciled = NO}},
         .balances_ok = NO,
         .totals_ok = YES,
     }},
};

/* Reads text as a scan's words would be (every word read by OCR at
 * confidence 96) and checks it against *w. */
static void expect_scanned(const char *name, const char *text, const struct want *w)
{
    struct layout l = {0};
    check_cur_failed = 0;
    CHECK_INT(layout_from_text(&l, text, strlen(text)), 0);
    for (size_t i = 0; i < l.nwords; i++)
        l.words[i].conf = 96;
    for (size_t i = 0; i < l.nlines; i++)
        l.lines[i].conf = 96;
    l.ocr_pages = l.npages; /* every page a scan's: its rows judged as a scan's */
    expect_layout(&l, w);
    layout_free(&l);
    check_end(name);
}

/* A pen's tick or a speck left of a scanned row's date, read as letters
 * ('Sa') or a mark ('.'): the row is still the date's (the balance chain
 * checks the rest). Without it the line was noise and the row lost. */
static void scanned_date_after_a_mark(void)
{
    expect_scanned("scanned_date_after_a_mark",
                   "   Date        Narration          Debit        Credit       Balance\n"
                   "   01/07/24    OPENING BALANCE                              10,000.00\n"
                   "Sa 02/07/24    ATM WDL            1,000.00                   9,000.00\n"
                   "  .03/07/24    SALARY                          5,000.00     14,000.00\n"
                   "   04/07/24    RENT               2,000.00                  12,000.00\n",
                   &(struct want){
                       .ntxns = 3, .opening = 1000000,
                       .txns = {{.i = 0, .date = 20240702, .type = DR, .amount = 100000},
                                {.i = 1, .date = 20240703, .type = CR, .amount = 500000},
                                {.i = 2, .date = 20240704}},
                       .balances_ok = YES,
                   });
}

/* A scanned row's amount read with its decimal point as a colon or lost
 * to a space, a speck before it or after it: the row keeps its amount (the
 * chain checks it). Without it the cell was junk and the row lost. */
static void scanned_amounts_misread(void)
{
    expect_scanned("scanned_amounts_misread",
                   "Date        Narration          Debit        Credit       Balance\n"
                   "01/07/24    OPENING BALANCE                              10,000.00\n"
                   "02/07/24    ATM WDL            1,000:00                   9,000.00\n"
                   "03/07/24    SALARY                          5,000 00     14,000.00\n"
                   "04/07/24    RENT               \"2,000.00.                12,000.00\n",
                   &(struct want){
                       .ntxns = 3, .opening = 1000000,
                       .txns = {{.i = 0, .type = DR, .amount = 100000},
                                {.i = 1, .type = CR, .amount = 500000},
                                {.i = 2, .type = DR, .amount = 200000}},
                       .balances_ok = YES,
                   });
}

/* A scanned row whose date OCR read as no date (a punch hole's or a
 * stamp's ink: "05.41.23", "0 *1.23") but whose amount and balance read:
 * the row is kept with the previous row's date and never vouched for
 * (its confidence 0). It was lost, and the row after it flagged by the
 * broken chain. A text cell under the date column (a footer) is still no
 * row, nor a misread date without a balance. */
static void scanned_date_not_read(void)
{
    expect_scanned("scanned_date_not_read",
                   "Date        Narration          Debit        Credit       Balance\n"
                   "01/11/23    OPENING BALANCE                              10,000.00\n"
                   "02/11/23    ATM WDL            1,000.00                   9,000.00\n"
                   "05.41.23    SALARY                          5,000.00     14,000.00\n"
                   "0 *1.23     RENT               2,000.00                  12,000.00\n"
                   "07/11/23    POS DMART            500.00                  11,500.00\n"
                   "10.41.2023  CASH                  75.00\n"
                   "11/11/23    POS IRCTC            100.00                  11,400.00\n",
                   &(struct want){
                       .ntxns = 5, .opening = 1000000,
                       .txns = {{.i = 0, .date = 20231102, .reconciled = YES},
                                {.i = 1, .date = 20231102, .type = CR, .amount = 500000, .reconciled = NO},
                                {.i = 2, .date = 20231102, .type = DR, .amount = 200000, .reconciled = NO},
                                {.i = 3, .date = 20231107, .reconciled = YES},
                                {.i = 4, .date = 20231111, .amount = 10000}},
                   });
}

int main(void)
{
    run_table_cases(CASES, sizeof CASES / sizeof CASES[0]);
    scanned_date_after_a_mark();
    scanned_amounts_misread();
    scanned_date_not_read();
    return check_summary();
}
