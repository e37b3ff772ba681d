/* Rupees and paise printed in columns of their own, 'Rs.' and 'Ps.' under
 * each money label (src/extract/paise_columns.c): the paise joined to
 * their rupees, amounts and balances read exactly. Cases: table_case.h. */
#include "table_case.h"

static const struct table_case CASES[] = {
    /* The money labels over the rupees' columns, 'Rs.' and 'Ps.' under
     * them; an opening balance line split the same way. */
    {"rupees_and_paise_under_rs_and_ps",
     "Date        Particulars                   Withdrawal         Deposit          Balance\n"
     "                                                 Rs.  Ps.        Rs.  Ps.         Rs.  Ps.\n"
     "            Opening Balance                                                    10,000   50\n"
     "01/04/2024  UPI/DR/1111/ASHA                   1,234   75                       8,765   75\n"
     "02/04/2024  NEFT/ACME/SALARY                                  25,000   00      33,765   75\n"
     "03/04/2024  ATM CASH                             500   05                      33,265   70\n",
     {
         .ntxns = 3,
         .opening = 1000050,
         .closing = 3326570,
         .balances_ok = YES,
         .txns = {{.i = 0, .type = DR, .amount = 123475, .balance = 876575},
                  {.i = 1, .type = CR, .amount = 2500000, .balance = 3376575},
                  {.i = 2, .type = DR, .amount = 50005, .balance = 3326570}},
     }},

    /* Rupees without grouping commas under 'Rs' and 'Ps' (no dots). */
    {"plain_rupees_under_rs_and_ps_without_dots",
     "Date        Particulars                       Debit          Credit           Balance\n"
     "                                                  Rs   Ps         Rs   Ps          Rs   Ps\n"
     "01/04/2024  UPI/DR/1111/ASHA                    1234   75                        8765   75\n"
     "02/04/2024  NEFT/ACME/SALARY                                   25000   00       33765   75\n"
     "03/04/2024  ATM CASH                             500   05                       33265   70\n",
     {
         .ntxns = 3,
         .balances_ok = YES,
         .txns = {{.i = 0, .type = DR, .amount = 123475, .balance = 876575},
                  {.i = 1, .type = CR, .amount = 2500000},
                  {.i = 2, .type = DR, .amount = 50005, .balance = 3326570}},
     }},

    /* One line of labels, each money word over its rupees and 'Ps.' beside
     * it, no 'Rs.': three paise labels on a header line are the money
     * columns' paise all the same. */
    {"ps_beside_each_money_label_on_one_line",
     "Date        Particulars                   Withdrawal  Ps.   Deposit  Ps.   Balance  Ps.\n"
     "01/04/2024  UPI/DR/1111/ASHA                   1,234   75                 8,765   75\n"
     "02/04/2024  NEFT/ACME/SALARY                                25,000  00   33,765   75\n"
     "03/04/2024  ATM CASH                             500   05                33,265   70\n",
     {
         .ntxns = 3,
         .balances_ok = YES,
         .txns = {{.i = 0, .type = DR, .amount = 123475, .balance = 876575},
                  {.i = 1, .type = CR, .amount = 2500000},
                  {.i = 2, .type = DR, .amount = 50005, .balance = 3326570}},
     }},

    /* A word 'PS' in a narration, a figure under it a space after a
     * number: no paise column (no 'Rs.' label beside it), the narration
     * kept as printed. */
    {"ps_in_a_narration_is_no_paise_label",
     "Date        Particulars                        Debit       Credit       Balance\n"
     "01/04/2024  TRANSFER TO KV                    100.00                   900.00\n"
     "            SCHOOL PS\n"
     "02/04/2024  FE 2024 25 APRIL                  200.00                   700.00\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .note = "TRANSFER TO KV SCHOOL PS"}, {.i = 1, .note = "FE 2024 25 APRIL", .amount = 20000}},
     }},
};

int main(void)
{
    run_table_cases(CASES, sizeof CASES / sizeof CASES[0]);
    return check_summary();
}
