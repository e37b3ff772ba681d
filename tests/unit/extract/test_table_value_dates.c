/* Value dates printed but not read (src/extract/table_value_dates.c): most
 * rows print a second date while the reader read few of them as value
 * dates: the rows without one are not vouched for (reason
 * value_date_unread), never silently reconciled. Cases: table_case.h. */
#include "table_case.h"

static const struct table_case CASES[] = {
    /* Each row's second date printed in a column no label names: the
     * value date not read, the chain still follows, so the rows must be
     * flagged. */
    {"second_date_per_row_not_read_flags_the_rows",
     "Date of Txn            Zqx           Details                   Debit        Credit       Balance\n"
     "01 August 2024 10:32   02 August 2024 UPI/123456789012/SHOP     100.00                    900.00\n"
     "02 August 2024 11:05   03 August 2024 NEFT/ACME/SALARY                       1,000.00    1,900.00\n"
     "05 August 2024 09:12   05 August 2024 ATM CASH                  400.00                  1,500.00\n",
     {
         .ntxns = 3,
         .balances_ok = NO,
         .txns = {{.i = 0, .date = 20240801, .value_date = -1, .reconciled = NO},
                  {.i = 2, .date = 20240805, .value_date = -1, .reconciled = NO}},
     }},

    /* The same rows under a value date's label: read, no doubt. */
    {"value_dates_read_raise_no_doubt",
     "Date         Value Date   Details                      Debit        Credit       Balance\n"
     "01/08/2024   02/08/2024   UPI/123456789012/SHOP        100.00                    900.00\n"
     "02/08/2024   03/08/2024   NEFT/ACME/SALARY                          1,000.00    1,900.00\n"
     "05/08/2024   05/08/2024   ATM CASH                     400.00                  1,500.00\n",
     {
         .ntxns = 3,
         .balances_ok = YES,
         .txns = {{.i = 0, .date = 20240801, .value_date = 20240802, .reconciled = YES}},
     }},

    /* Dates a narration begins with, or a column named for another date
     * ('Instrument Date'), are no value dates: no doubt. */
    {"dates_in_narrations_or_another_dates_column_raise_no_doubt",
     "Date         Particulars                   Instrument Date      Debit       Credit       Balance\n"
     "01/08/2024   28/07/2024 CHQ DEP BY CLG     25/07/2024                        100.00     1,100.00\n"
     "02/08/2024   29/07/2024 POS STORE          26/07/2024         100.00                   1,000.00\n"
     "05/08/2024   30/07/2024 POS STORE          27/07/2024         400.00                     600.00\n",
     {
         .ntxns = 3,
         .balances_ok = YES,
         .txns = {{.i = 0, .reconciled = YES}},
     }},

    /* A date in one narration of three is the narration's, not a value
     * date column: no doubt. */
    {"a_date_in_one_narration_raises_no_doubt",
     "Date         Details                                   Debit        Credit       Balance\n"
     "01/08/2024   UPI/123456789012/SHOP                     100.00                    900.00\n"
     "02/08/2024   INTEREST 01/07/2024 TO 31/07/2024                     1,000.00    1,900.00\n"
     "05/08/2024   ATM CASH                                  400.00                  1,500.00\n",
     {
         .ntxns = 3,
         .balances_ok = YES,
         .txns = {{.i = 0, .reconciled = YES}},
     }},
};

int main(void)
{
    run_table_cases(CASES, sizeof CASES / sizeof CASES[0]);
    return check_summary();
}
