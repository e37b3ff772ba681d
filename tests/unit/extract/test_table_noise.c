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

    /* "Continued on next page" under a page's last row and "Continued from
     * page 1" over the next page's first, in the narration column: page
     * furniture, not the narration of the row beside them. */
    {"continued_lines_are_not_narration",
     "Date         Particulars                 Debit        Credit         Balance\n"
     "01/09/2024   OPENING BALANCE                                        5,500.00\n"
     "02/09/2024   RENT TO LANDLORD         5,000.00                         500.00\n"
     "03/09/2024   SALARY FROM ACME                     10,000.00       10,500.00\n"
     "             Continued on next page\n"
     "\f"
     "Date         Particulars                 Debit        Credit         Balance\n"
     "             Continued from page 1\n"
     "05/09/2024   UPI SHOP                   300.00                      10,200.00\n"
     "             Contd...\n"
     "\f"
     "Date         Particulars                 Debit        Credit         Balance\n"
     "06/09/2024   ATM CASH                   200.00                      10,000.00\n",
     {
         .ntxns = 4, .opening = 550000, .closing = 1000000, .balances_ok = YES,
         .txns = {{.i = 1, .note = "SALARY FROM ACME"}, {.i = 2, .note = "UPI SHOP"}},
     }},

    /* A ledger's running totals carried at a page's foot and brought at the
     * next page's top ("Carried Over" / "Brought Over", the debits and
     * credits so far beside the balance): no transactions. */
    {"totals_carried_over_and_brought_over_are_not_rows",
     "Date         Particulars                 Debit        Credit         Balance\n"
     "01/09/2024   RENT TO LANDLORD         5,000.00                       5,000.00\n"
     "03/09/2024   SALARY FROM ACME                     10,000.00       15,000.00\n"
     "             Carried Over             5,000.00    10,000.00       15,000.00\n"
     "\f"
     "Date         Particulars                 Debit        Credit         Balance\n"
     "             Brought Over             5,000.00    10,000.00       15,000.00\n"
     "05/09/2024   UPI SHOP                   300.00                      14,700.00\n",
     {.ntxns = 3, .opening = 1000000, .closing = 1470000, .balances_ok = YES}},
};

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
/* A month's banner in the column labels' (bold) face between the rows:
 * mid-page above the labels printed again, and at a page's foot before the
 * next page's header. Neither is the narration of the row above; a wrapped
 * narration line in the rows' face still is. Fonts: 2 the labels', 1 the
 * rows'. */
static const struct placed MONTH_BANNERS[] = {
    {0, 100, "Date        Particulars                     Debit      Credit      Balance", .font = 2},
    {0, 112, "01/04/2024  UPI/ACME STORES                500.00                 9,500.00", .font = 1},
    {0, 124, "15/04/2024  NEFT/SALARY APRIL                       20,000.00    29,500.00", .font = 1},
    {0, 136, "            ACME TECHNOLOGIES", .font = 1},
    {0, 148, "            Transactions of May 2024", .font = 2},
    {0, 160, "Date        Particulars                     Debit      Credit      Balance", .font = 2},
    {0, 172, "02/05/2024  ATM WDL/MG ROAD              2,000.00                27,500.00", .font = 1},
    {0, 184, "            Transactions of June 2024", .font = 2},
    {1, 100, "Date        Particulars                     Debit      Credit      Balance", .font = 2},
    {1, 112, "03/06/2024  POS/GROCERY MART               300.00                27,200.00", .font = 1},
    {.s = NULL}};
#pragma GCC diagnostic pop

static const struct placed_case PLACED[] = {
    {"a_banner_in_the_labels_face_is_no_rows_narration", MONTH_BANNERS,
     {
         .ntxns = 4, .closing = 2720000, .balances_ok = YES,
         .txns = {{.i = 1, .note = "NEFT/SALARY APRIL ACME TECHNOLOGIES"}, {.i = 2, .note = "ATM WDL/MG ROAD"},
                  {.i = 3, .note = "POS/GROCERY MART"}},
     }},
};

int main(void)
{
    run_table_cases(CASES, sizeof CASES / sizeof CASES[0]);
    run_placed_cases(PLACED, sizeof PLACED / sizeof PLACED[0]);
    return check_summary();
}
