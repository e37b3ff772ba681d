/* Pages printed two-up (src/extract/two_up.c): the table in two halves of
 * the page side by side under the same labels printed twice on one line,
 * read left half first, as one statement. Cases: table_case.h. */
#include "table_case.h"

#define TWO_UP_LABELS                                                                                              \
    "Date        Particulars          Debit    Credit     Balance      Date        Particulars          Debit    " \
    "Credit     Balance\n"

static const struct table_case CASES[] = {
    /* Three rows a half: the right half's rows come after the left's, and
     * the balances chain through both. */
    {"right_half_rows_follow_the_left_halfs",
     "INDIAN BANK\n"
     "Account No : 7271439273\n"
     "\n" TWO_UP_LABELS
     "01/04/2024  SALARY APR                  5,000.00   15,000.00      05/04/2024  NEFT-RENT                     700.00   15,000.00\n"
     "02/04/2024  ATM WDL             500.00             14,500.00      07/04/2024  ATM WDL             100.00             14,900.00\n"
     "03/04/2024  UPI-GROCER          200.00             14,300.00      09/04/2024  POS SHOP            400.00             14,500.00\n",
     {
         .ntxns = 6,
         .balances_ok = YES,
         .txns = {{.i = 0, .date = 20240401, .note = "SALARY APR", .type = CR},
                  {.i = 2, .date = 20240403, .balance = 1430000},
                  {.i = 3, .date = 20240405, .note = "NEFT-RENT", .type = CR, .amount = 70000},
                  {.i = 5, .date = 20240409, .note = "POS SHOP", .balance = 1450000}},
     }},
    /* The second page two-up again, its right half shorter, a footer every
     * page prints under both halves (close under the left half's last row):
     * the rows of page 1 left, page 1 right, page 2 left, page 2 right, and
     * the footer no row's. */
    {"each_page_unfolds_left_then_right",
     "INDIAN BANK\n"
     "Account No : 7271439273\n"
     "\n" TWO_UP_LABELS
     "01/04/2024  SALARY APR                  5,000.00   15,000.00      03/04/2024  UPI-GROCER          200.00             14,300.00\n"
     "02/04/2024  ATM WDL             500.00             14,500.00      05/04/2024  NEFT-RENT                     700.00   15,000.00\n"
     "\n"
     "This is a computer generated statement and needs no signature\n"
     "\f"
     "INDIAN BANK\n"
     "Account No : 7271439273\n"
     "\n" TWO_UP_LABELS
     "07/04/2024  ATM WDL             100.00             14,900.00      09/04/2024  POS SHOP            350.00             14,500.00\n"
     "08/04/2024  UPI-CAB              50.00             14,850.00\n"
     "\n"
     "This is a computer generated statement and needs no signature\n",
     {
         .ntxns = 7,
         .balances_ok = YES,
         .txns = {{.i = 1, .date = 20240402},
                  {.i = 2, .date = 20240403, .note = "UPI-GROCER"},
                  {.i = 4, .date = 20240407, .page = 2},
                  {.i = 5, .date = 20240408, .note = "UPI-CAB"},
                  {.i = 6, .date = 20240409, .note = "POS SHOP", .balance = 1450000}},
     }},
};

int main(void)
{
    run_table_cases(CASES, sizeof CASES / sizeof CASES[0]);
    return check_summary();
}
