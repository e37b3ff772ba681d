/* Lines inside the table that are no transaction (src/extract/
 * table_noise.c, lines.c): totals, closing and brought-forward lines,
 * a summary grid. Cases: table_case.h. */
#include "table_case.h"

static const struct table_case CASES[] = {
    {"totals_and_closing_rows_are_not_transactions",
     "Tran Date    Chq No    Particulars              Debit       Credit       Balance     Init. Br\n"
     "                       OPENING BALANCE                                   5,000.00\n"
     "01-06-2024             NEFT/ACME                            1,000.00     6,000.00    1234\n"
     "02-06-2024             POS/STORE                  200.00                 5,800.00    1234\n"
     "                       TRANSACTION TOTAL          200.00    1,000.00\n"
     "                       CLOSING BALANCE                                   5,800.00\n",
     {.ntxns = 2, .opening = 500000, .closing = 580000, .totals_ok = YES}},

    /* A "Balance B/F" line reprinted at the top of a page with its amount in a
     * money column, and a summary grid alone on the last page: neither is a
     * transaction. */
    {"brought_forward_reprint_and_summary_grid_are_not_rows",
     "Date         Description              Debit        Credit         Balance\n"
     "01/09/2024   OPENING BALANCE                                     5,500.00\n"
     "02/09/2024   RENT                  5,000.00                        500.00\n"
     "03/09/2024   SALARY                             10,000.00       10,500.00\n"
     "\f"
     "Date         Description              Debit        Credit         Balance\n"
     "             BALANCE B/F                        10,500.00       10,500.00\n"
     "05/09/2024   UPI SHOP                300.00                     10,200.00\n"
     "\f"
     "             Opening Balance    Debits         Credits      Closing Balance\n"
     "             5,500.00           5,300.00       10,000.00    10,200.00\n",
     {
         .ntxns = 3, .opening = 550000, .closing = 1020000,
         .balances_ok = YES, .totals_ok = YES,
     }},
};

int main(void)
{
    run_table_cases(CASES, sizeof CASES / sizeof CASES[0]);
    return check_summary();
}
