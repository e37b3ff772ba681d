/* Lines printed like rows that no table took (src/extract/row_shape.c,
 * reconcile.c): a statement printing no opening balance whose first rows
 * were not read (their page's header missed) reconciles from the rows
 * that were; those lines flag it rather than let it pass. Cases:
 * table_case.h. */
#include "table_case.h"

/* The rows of the second page, under labels the reader knows. */
#define KNOWN_PAGE                                                                                     \
    "Date         Particulars                                  Debit        Credit       Balance\n"    \
    "04/04/2024   UPI-GROCER                                    200.00                   14,300.00\n"  \
    "06/04/2024   NEFT-RENT                                                  700.00      15,000.00\n"  \
    "09/04/2024   ATM WDL                                       100.00                   14,900.00\n"

static const struct table_case CASES[] = {
    /* The first page's rows under no labels (printed as an image), the
     * second's under labels read: no opening balance printed, the chain of
     * the second page's rows holds, but the rows above them were not read:
     * the first row read is not vouched for. */
    {"rows_above_the_first_row_read_flag_the_statement",
     "UNION BANK OF INDIA\n"
     "Account No : 520101234567890\n"
     "\n"
     "02/04/2024   SALARY APR                                                5,000.00     15,000.00\n"
     "03/04/2024   ATM WDL                                       500.00                   14,500.00\n"
     "\f" KNOWN_PAGE,
     {
         .ntxns = 3,
         .txns = {{.i = 0, .date = 20240404, .reconciled = NO}, {.i = 1, .reconciled = YES}},
         .balances_ok = NO,
     }},
    /* The same rows read, a dated line without an amount above them and a
     * line of totals below: nothing unread, the chain vouches for them. */
    {"dated_lines_without_amounts_are_no_unread_rows",
     "UNION BANK OF INDIA\n"
     "Account No : 520101234567890\n"
     "Statement Date 10/04/2024\n"
     "\n" KNOWN_PAGE
     "Total                                                      300.00       700.00\n",
     {
         .ntxns = 3,
         .txns = {{.i = 0, .reconciled = YES}, {.i = 2, .reconciled = YES}},
         .balances_ok = YES,
     }},
    /* Rows after the last row read (a page after the table's end whose
     * rows no header covers: the end line ends the table) and no closing
     * balance printed: the last row read is not the statement's last. */
    {"rows_below_the_last_row_read_flag_the_statement",
     "UNION BANK OF INDIA\n"
     "Account No : 520101234567890\n"
     "Opening Balance : 14,500.00\n"
     "\n" KNOWN_PAGE
     "*** End of Statement ***\n"
     "10/04/2024   ATM WDL                                       100.00                   14,800.00\n",
     {
         .ntxns = 3,
         .txns = {{.i = 0, .reconciled = YES}, {.i = 2, .reconciled = NO}},
         .balances_ok = NO,
     }},
};

int main(void)
{
    run_table_cases(CASES, sizeof CASES / sizeof CASES[0]);
    return check_summary();
}
