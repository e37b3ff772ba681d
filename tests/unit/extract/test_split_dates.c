/* Dates wrapped in a narrow date column (src/extract/split_dates.c):
 * '07/12/' over '2026', a date over three lines, a month's letters, a row
 * broken by the page between its date's pieces; a narration's wrapped
 * words that only look like a date's pieces left as they are; a first piece
 * left alone read as no date (lines.c); dates in words a word a line, a
 * bracketed value date under them, broken by the page. Cases:
 * table_case.h. */
#include "table_case.h"

static const struct table_case CASES[] = {
    {"date_over_two_lines_and_year_on_next_page",
     "Date     Particulars                  Withdrawals     Deposits       Balance\n"
     "01/12/   OPENING BALANCE                                            1,000.00\n"
     "2026\n"
     "07/12/   UPI/DR/412345678901/SHOP         100.00                      900.00\n"
     "2026     KEEPER/SBIN\n"
     "09/12/   NEFT/ACME/SALARY                             2,000.00     2,900.00\n"
     "\n"
     "\n"
     "         Page 1 of 2\n"
     "\f"
     "ACME CO-OPERATIVE BANK LTD\n"
     "Date     Particulars                  Withdrawals     Deposits       Balance\n"
     "2026\n"
     "15/12/   ATM CASH                         500.00                    2,400.00\n"
     "2026\n",
     {
         .ntxns = 3,
         .from = 20261207,
         .to = 20261215,
         .balances_ok = YES,
         .txns = {{.i = 0, .date = 20261207, .note = "UPI/DR/412345678901/SHOP KEEPER/SBIN", .amount = 10000},
                  {.i = 1, .date = 20261209, .balance = 290000},
                  {.i = 2, .date = 20261215, .page = 2}},
     }},

    /* The same where the next page's header prints an abbreviated label
     * under the date's column ('Txn.' over 'Dt.'): a label ending in a dot
     * is no piece of the date, the day under it is. */
    {"iso_date_broken_by_the_page_under_an_abbreviated_label",
     "Date        Particulars                  Withdrawals     Deposits       Balance\n"
     "2026/12/    OPENING BALANCE                                            1,000.00\n"
     "07\n"
     "2026/12/    UPI/DR/412345678901/SHOP         100.00                      900.00\n"
     "07\n"
     "2026/12/    NEFT/ACME/SALARY                             2,000.00     2,900.00\n"
     "\n"
     "\n"
     "            Page 1 of 2\n"
     "\f"
     "Txn.        Particulars                  Withdrawals     Deposits       Balance\n"
     "Dt.\n"
     "09\n"
     "2026/12/    ATM CASH                         500.00                    2,400.00\n"
     "15\n",
     {
         .ntxns = 3,
         .balances_ok = YES,
         .txns = {{.i = 0, .date = 20261207}, {.i = 1, .date = 20261209}, {.i = 2, .date = 20261215, .page = 2}},
     }},

    {"date_over_three_lines",
     "Sl Date  Description              Debit        Credit        Balance\n"
     " 1 05-   IMPS/P2A/316745961/RENT  2,000.00                   8,000.00\n"
     "   11-\n"
     "   2026\n"
     " 2 14-   POS/DMART/HYDERABAD      1,000.00                   7,000.00\n"
     "   11-\n"
     "   2026\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .date = 20261105, .balance = 800000}, {.i = 1, .date = 20261114}},
     }},

    {"month_letters_over_the_year",
     "Date      Particulars                  Debit        Credit        Balance\n"
     "07-Dec-   BY CASH                                   500.00       1,500.00\n"
     "2026\n"
     "28-Dec-   TO CHQ 443621                 200.00                   1,300.00\n"
     "2026\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .date = 20261207, .type = CR}, {.i = 1, .date = 20261228, .type = DR}},
     }},

    /* A narration wrapped after '12-' over a line starting '2026' holds no
     * date: one separator, no day (the narration glues a piece after '-'). */
    {"narration_pieces_are_no_date",
     "Date         Particulars                  Debit        Credit        Balance\n"
     "07/12/2026   BONUS FOR 12-                             500.00       1,500.00\n"
     "             2026 QUARTER\n"
     "08/12/2026   TO CHQ 443621                 200.00                   1,300.00\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .date = 20261207, .note = "BONUS FOR 12-2026 QUARTER"}, {.i = 1, .date = 20261208}},
     }},

    /* A date whose month and year the next page does not print (its first
     * row comes first): the row is not read with the row before's date; the
     * chain does not reconcile, so the statement says it. */
    {"head_left_alone_is_no_date_of_the_row_before",
     "Sl Date  Description              Debit        Credit        Balance\n"
     " 1 05-   IMPS/P2A/316745961/RENT  2,000.00                   8,000.00\n"
     "   11-\n"
     "   2026\n"
     " 2 14-   POS/DMART/HYDERABAD      1,000.00                   7,000.00\n"
     "   11-\n"
     "\n"
     "\n"
     "         Page 1 of 2\n"
     "\f"
     "Sl Date  Description              Debit        Credit        Balance\n"
     " 3 20-   ATM CASH                   500.00                   6,500.00\n"
     "   11-\n"
     "   2026\n",
     {
         .ntxns = 2,
         .balances_ok = NO,
         .txns = {{.i = 0, .date = 20261105}, {.i = 1, .date = 20261120}},
     }},

    /* Cells centred on a wrapped narration: the date's first piece on the
     * narration's first line, the amounts on the line under it, the year
     * under those (the year two lines down, past a line printing nothing
     * in the date's column). */
    {"year_under_the_line_of_the_amounts",
     "Date     Particulars                  Withdrawals     Deposits       Balance\n"
     "07/12/   UPI/DR/412345678901/SHOP\n"
     "                                        100.00                      900.00\n"
     "2026     KEEPER/SBIN\n"
     "\n"
     "09/12/   NEFT/ACME/SALARY\n"
     "                                                     2,000.00     2,900.00\n"
     "2026\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .date = 20261207, .note = "UPI/DR/412345678901/SHOP KEEPER/SBIN", .amount = 10000},
                  {.i = 1, .date = 20261209, .balance = 290000}},
     }},

    /* An ISO date wrapped at its last separator: the day under the year
     * and month. */
    {"iso_date_over_two_lines",
     "Date       Particulars                  Debit        Credit        Balance\n"
     "2026/12/   BY CASH                                   500.00       1,500.00\n"
     "07\n"
     "2026/12/   TO CHQ 443621                 200.00                   1,300.00\n"
     "28\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .date = 20261207, .type = CR}, {.i = 1, .date = 20261228, .type = DR}},
     }},

    /* An ISO date in a column narrower still: the year alone on the row's
     * line, the month between its separators under it, the day under that. */
    {"iso_date_over_three_lines_the_year_first",
     "Sl Date  Description              Debit        Credit        Balance\n"
     " 1 2026  IMPS/P2A/316745961/RENT  2,000.00                   8,000.00\n"
     "   /11/\n"
     "   05\n"
     " 2 2026  POS/DMART/HYDERABAD      1,000.00                   7,000.00\n"
     "   /11/  FY 2026\n"
     "   14\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .date = 20261105, .balance = 800000},
                  {.i = 1, .date = 20261114, .note = "POS/DMART/HYDERABAD FY 2026"}},
     }},

    /* Dates in words wrapped in narrow columns: the day over the month
     * over the year in the date's column, the day and month over the
     * year in the value date's. */
    {"date_in_words_over_two_and_three_lines",
     "Date   Value Date    Particulars                  Debit        Credit        Balance\n"
     "01     01 December   BY CASH                                   500.00       1,500.00\n"
     "Dec    2023\n"
     "2023\n"
     "04     05 December   TO CHQ 443621                 200.00                   1,300.00\n"
     "Dec    2023\n"
     "2023\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .date = 20231201, .value_date = 20231201, .type = CR},
                  {.i = 1, .date = 20231204, .value_date = 20231205, .type = DR}},
     }},

    /* A value date in brackets under a date in words, both wrapped a word
     * a line in a narrow column ('01' / 'December' / '2023' / '(02' /
     * 'December' / '2023)'): the value date joined with its brackets, read
     * as the row's. Its line stands three lines under the date's once the
     * pieces are joined: further than the rows' lines are apart (a wrapped
     * narration's), yet no footer. */
    {"value_date_in_brackets_under_a_date_a_word_a_line",
     "Date        Particulars                  Debit        Credit        Balance\n"
     "01          UPI/DR/111/ASHA              100.00                     900.00\n"
     "December    STORES/groceries\n"
     "2023\n"
     "(02\n"
     "December\n"
     "2023)\n"
     "04          SALARY                                    1,000.00     1,900.00\n"
     "December\n"
     "2023\n"
     "(04\n"
     "December\n"
     "2023)\n"
     "05          UPI/DR/222/RAVI              400.00                   1,500.00\n"
     "December    KUMAR/rent\n"
     "2023\n"
     "(06\n"
     "December\n"
     "2023)\n",
     {
         .ntxns = 3,
         .balances_ok = YES,
         .txns = {{.i = 0, .date = 20231201, .value_date = 20231202, .note = "UPI/DR/111/ASHA STORES/groceries"},
                  {.i = 1, .date = 20231204, .value_date = 20231204, .note = "SALARY"},
                  {.i = 2, .date = 20231205, .value_date = 20231206, .note = "UPI/DR/222/RAVI KUMAR/rent"}},
     }},

    /* Rows broken by the page inside their dates in words: the month and
     * year heading the next page (under its header), a bracketed value
     * date's closing year, a date's year. */
    {"date_in_words_broken_by_the_page",
     "Date        Particulars                  Debit        Credit        Balance\n"
     "01          UPI/DR/111/ASHA              100.00                     900.00\n"
     "December\n"
     "2023\n"
     "(01\n"
     "December\n"
     "2023)\n"
     "15          ATM CASH                     100.00                     800.00\n"
     "\n"
     "\n"
     "            Page 1 of 4\n"
     "\f"
     "Date        Particulars                  Debit        Credit        Balance\n"
     "December\n"
     "2023\n"
     "(15\n"
     "December\n"
     "2023)\n"
     "16          SALARY                                    1,000.00     1,800.00\n"
     "December\n"
     "2023\n"
     "(16\n"
     "December\n"
     "\n"
     "\n"
     "            Page 2 of 4\n"
     "\f"
     "Date        Particulars                  Debit        Credit        Balance\n"
     "2023)\n"
     "17          POS/DMART                    200.00                   1,600.00\n"
     "December\n"
     "\n"
     "\n"
     "            Page 3 of 4\n"
     "\f"
     "Date        Particulars                  Debit        Credit        Balance\n"
     "2023\n"
     "(18\n"
     "December\n"
     "2023)\n",
     {
         .ntxns = 4,
         .balances_ok = YES,
         .txns = {{.i = 0, .date = 20231201, .value_date = 20231201},
                  {.i = 1, .date = 20231215, .value_date = 20231215},
                  {.i = 2, .date = 20231216, .value_date = 20231216},
                  {.i = 3, .date = 20231217, .value_date = 20231218}},
     }},

    /* A date printed on one line above the table ('1 Jan 2023', its year
     * beside the month) is no date to join: the year heading the next page
     * under its day (a row's value date there, '10 Jan' over '2023') is the
     * row's. */
    {"date_on_one_line_takes_no_year_from_the_next_page",
     "Statement for 1 Jan 2023 to 31 Mar 2023\n"
     "\n"
     "Date        Value        Particulars                  Debit        Credit        Balance\n"
     "09/01/2023  09 Jan       UPI/DR/111/ASHA              100.00                     900.00\n"
     "            2023\n"
     "\n"
     "\n"
     "            Page 1 of 2\n"
     "\f"
     "Date        Value        Particulars                  Debit        Credit        Balance\n"
     "10/01/2023  10 Jan       SALARY                                    1,000.00     1,900.00\n"
     "            2023\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .date = 20230109, .value_date = 20230109},
                  {.i = 1, .date = 20230110, .value_date = 20230110}},
     }},

    /* A column so narrow that the date is cut between its characters over
     * four lines. */
    {"date_cut_between_characters_over_four_lines",
     "Sl Date  Description              Debit        Credit        Balance\n"
     " 1 05.1  IMPS/P2A/316745961/RENT  2,000.00                   8,000.00\n"
     "   1.\n"
     "   202\n"
     "   6\n"
     " 2 14.1  POS/DMART/HYDERABAD      1,000.00                   7,000.00\n"
     "   1.\n"
     "   202\n"
     "   6\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .date = 20261105, .balance = 800000}, {.i = 1, .date = 20261114}},
     }},
};

int main(void)
{
    run_table_cases(CASES, sizeof CASES / sizeof CASES[0]);
    return check_summary();
}
