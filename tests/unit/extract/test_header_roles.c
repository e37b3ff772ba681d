/* A table's header and its columns' roles (src/extract/header.c,
 * header_roles.c, table_readings.c): labels on two lines, labels no
 * phrase knows read from the cells below and vouched for by the balance
 * chain, two date columns, pages printing the same labels. Cases:
 * table_case.h. */
#include "table_case.h"
#include "extract/header.h"

static const struct table_case CASES[] = {
    /* Two balances side by side, the account's and one with a linked
     * deposit's (an auto-sweep account): two columns, the first the
     * account's, not one column of two figures (no balance was read). */
    {"two_balance_labels_side_by_side_are_two_columns",
     "Date        Particulars            Debit     Credit    Balance   Balance with Sweep\n"
     "01/05/2024  UPI/DR/SHOP           100.00                900.00            20,900.00\n"
     "02/05/2024  NEFT/CR/SALARY                15,500.00  16,400.00            36,400.00\n"
     "02/05/2024  SWEEP OUT TO TD    10,000.00              6,400.00            36,400.00\n"
     "04/05/2024  ATM CASH               50.00              6,350.00            36,350.00\n",
     {
         .ntxns = 4,
         .balances_ok = YES,
         .txns = {{.i = 0, .type = DR, .amount = 10000, .balance = 90000},
                  {.i = 1, .type = CR, .balance = 1640000},
                  {.i = 2, .type = DR, .amount = 1000000, .balance = 640000},
                  {.i = 3, .balance = 635000}},
     }},
    /* The amount columns labelled by their sign alone, '(-)' and '(+)':
     * the debits' and the credits' (no label was read there: no rows). */
    {"amount_columns_labelled_by_their_sign",
     "Date        Particulars          Chq No        (-)         (+)      Balance\n"
     "01/05/2024  UPI/DR/SHOP                     100.00                   900.00\n"
     "02/05/2024  NEFT/CR/SALARY                              500.00     1,400.00\n"
     "03/05/2024  CHQ PAID             100002     200.00                 1,200.00\n"
     "04/05/2024  ATM CASH                         50.00                 1,150.00\n",
     {
         .ntxns = 4,
         .balances_ok = YES,
         .txns = {{.i = 0, .type = DR, .amount = 10000, .note = "UPI/DR/SHOP"},
                  {.i = 1, .type = CR, .amount = 50000, .balance = 140000},
                  {.i = 2, .type = DR, .chq_num = "100002"},
                  {.i = 3, .type = DR, .amount = 5000}},
     }},
    /* A two-line header: an unknown label ("Incoming") on the lower line
     * beside a label standing alone there ("Balance"), not under one
     * above: a column of its own, its role read from its amounts. */
    {"unknown_label_on_the_lower_header_line_is_a_column",
     "Txn          Particulars                Debit\n"
     "Date                                    Amount        Incoming        Balance\n"
     "01/07/2024   SALARY                                   9,000.00       10,000.00\n"
     "03/07/2024   RENT                       4,000.00                      6,000.00\n"
     "04/07/2024   REFUND                                     500.00        6,500.00\n"
     "05/07/2024   FOOD                         300.00                      6,200.00\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .type = CR, .amount = 900000},
                  {.i = 1, .type = DR, .amount = 400000},
                  {.i = 2, .type = CR, .amount = 50000, .reconciled = YES},
                  {.i = 3, .type = DR}},
         .balances_ok = YES,
     }},

    /* A credit column under a word no phrase knows ("Inflow"), three
     * credits in twenty rows, long narrations beside it whose last words
     * fall nearer its label than the narration's: those words run on the
     * narration a space before them; counted under "Inflow", they made it
     * a text column and the credits were lost (the chain broke). */
    {"narration_running_on_under_an_unknown_label_leaves_its_sparse_amounts_money",
     "Particulars                              Inflow  Date          Debit     Balance\n"
     "UPI/DR/3411/DEEPA GILL/YESB/dinner               01/01/2024   100.00    9,900.00\n"
     "ACH DR/HOME CREDIT INDIA FINANCE/HDFC            02/01/2024   110.00    9,790.00\n"
     "NEFT/ICICN1674/RELIANCE RETAIL LIMITED 50,000.00 03/01/2024            59,790.00\n"
     "UPI/DR/3218/POOJA SHEIKH/YESB/payment            04/01/2024   130.00   59,660.00\n"
     "ECOM/CCAVENUE*INDIAN OIL/3490731041              05/01/2024   140.00   59,520.00\n"
     "UPI/DR/4223/DEEPA GILL/UBIN/groceries            06/01/2024   150.00   59,370.00\n"
     "UPI/DR/6963/CAFE COFFEE DAY/Pay to               07/01/2024   160.00   59,210.00\n"
     "POS/SWIGGY/AHMEDABAD/603286 FOOD ORDER           08/01/2024   170.00   59,040.00\n"
     "UPI/DR/3411/DEEPA GILL/YESB/dinner               09/01/2024   180.00   58,860.00\n"
     "IMPS/P2A/4044/AMIT LAL MISHRA/TRANSFER 40,344.00 10/01/2024            99,204.00\n"
     "ATM WDL/S1A88614/MANINAGAR AHMEDABAD             11/01/2024   200.00   99,004.00\n"
     "UPI/DR/3218/POOJA SHEIKH/YESB/payment            12/01/2024   210.00   98,794.00\n"
     "ECOM/CCAVENUE*INDIAN OIL/3490731041              13/01/2024   220.00   98,574.00\n"
     "UPI/DR/4223/DEEPA GILL/UBIN/groceries            14/01/2024   230.00   98,344.00\n"
     "UPI/DR/6963/CAFE COFFEE DAY/Pay to               15/01/2024   240.00   98,104.00\n"
     "NEFT/BARBN1477/RELIANCE RETAIL LIMITED 50,000.00 16/01/2024          1,48,104.00\n"
     "UPI/DR/3411/DEEPA GILL/YESB/dinner               17/01/2024   260.00 1,47,844.00\n"
     "ACH DR/HOME CREDIT INDIA FINANCE/HDFC            18/01/2024   270.00 1,47,574.00\n"
     "ATM WDL/S1A88614/MANINAGAR AHMEDABAD             19/01/2024   280.00 1,47,294.00\n"
     "UPI/DR/3218/POOJA SHEIKH/YESB/payment            20/01/2024   290.00 1,47,004.00\n",
     {
         .ntxns = 20,
         .txns = {{.i = 2, .note = "NEFT/ICICN1674/RELIANCE RETAIL LIMITED", .type = CR, .amount = 5000000,
                   .balance = 5979000},
                  {.i = 3, .note = "UPI/DR/3218/POOJA SHEIKH/YESB/payment", .type = DR, .amount = 13000},
                  {.i = 9, .type = CR, .amount = 4034400, .balance = 9920400}},
         .balances_ok = YES,
     }},

    /* Column labels no phrase knows: the dates, the text and the amounts
     * below them tell their roles, and the balance chain tells which money
     * column is which. */
    {"unknown_labels_read_from_their_cells_and_the_chain",
     "Booked      Remarks               Chq No      Came In         Went Out          Balance\n"
     "01/04/2024  SALARY ACME LTD       N12345    50,000.00                         60,000.00\n"
     "02/04/2024  ATM CASH              A777                        2,000.00        58,000.00\n"
     "03/04/2024  RENT APRIL                                       20,000.00        38,000.00\n"
     "04/04/2024  REFUND SHOP                        500.00                         38,500.00\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .date = 20240401, .note = "SALARY ACME LTD", .type = CR},
                  {.i = 1, .type = DR},
                  {.i = 2, .amount = 2000000},
                  {.i = 3, .type = CR}},
         .balances_ok = YES, .totals_ok = YES,
     }},

    /* Two columns labelled "Date" among labels no phrase knows: the second
     * is the value date. */
    {"second_date_column_is_the_value_date",
     "Sl   Date of Txn     Date           Remarks            Amount     Cr/Dr      Balance\n"
     "1    01/04/2024      02/04/2024     SALARY           5,000.00     CR       15,000.00\n"
     "2    02/04/2024      02/04/2024     ATM                100.00     DR       14,900.00\n"
     "3    04/04/2024      05/04/2024     SHOP               200.00     DR       14,700.00\n",
     {
         .ntxns = 3,
         .txns = {{.i = 0, .date = 20240401, .value_date = 20240402},
                  {.i = 2, .date = 20240404, .value_date = 20240405}},
     }},

    /* A date column and, close beside it, a label no phrase knows over
     * dates of its own ("Settled" over "On" beside "Txn Date"): two date columns,
     * the second the value date, not one label run on. */
    {"unknown_label_close_beside_the_date_over_dates_is_the_value_date",
     "Txn Date Settled    Particulars               Debit       Credit       Balance\n"
     "         On\n"
     "01/04/24 02/04/24   SALARY                                5,000.00    15,000.00\n"
     "02/04/24 02/04/24   ATM                       100.00                  14,900.00\n"
     "04/04/24 05/04/24   SHOP                      200.00                  14,700.00\n"
     "06/04/24 06/04/24   RENT                    4,000.00                  10,700.00\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .date = 20240401, .value_date = 20240402, .note = "SALARY"},
                  {.i = 2, .date = 20240404, .value_date = 20240405}},
         .balances_ok = YES,
     }},

    /* A row's time printed under its date, and a footer: the times are no
     * text, so the date column still holds mostly dates. */
    {"times_under_dates_leave_the_column_a_date_column",
     "Date          Description                      Amount     Running Total\n"
     "29/01/2025    Received from ACME             1,000.00          5,000.00\n"
     "03:55 PM      NEFT Ref No: 123\n"
     "28/01/2025    Paid to SHOP                     100.00          4,000.00\n"
     "06:06 PM      UPI Ref No: 456\n"
     "27/01/2025    Paid to CAFE                     200.00          4,100.00\n"
     "11:40 AM      UPI Ref No: 789\n"
     "This statement is computer generated\n",
     {
         .ntxns = 3,
         .txns = {{.i = 0, .date = 20250127}},
     }},

    /* Two date columns whose labels do not say which is the value date: the
     * one stamped with a time of day is the transaction's. */
    {"timed_date_column_is_the_transaction_date",
     "Sl   Interest Date   Posted                  Remarks            Amount      Balance\n"
     "1    02/04/2024      01/04/2024 10:22 AM     SALARY           5,000.00    15,000.00\n"
     "2    02/04/2024      02/04/2024 09:15 PM     ATM                100.00    14,900.00\n"
     "3    05/04/2024      04/04/2024 11:00 AM     SHOP               200.00    14,700.00\n"
     "4    06/04/2024      06/04/2024 01:30 PM     RENT             4,000.00    10,700.00\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .date = 20240401, .value_date = 20240402},
                  {.i = 2, .date = 20240404, .value_date = 20240405}},
     }},

    /* The same with no time of day ("Effective Date" before "Date of
     * Txn"): the postings run in order, the value dates go back once (the
     * 9th's value date printed above the 8th's posting): the column in
     * order is the transaction's. */
    {"date_column_in_order_is_the_transaction_date",
     "Effective Date   Date of Txn    Nature of Txn         Amount       Balance\n"
     "01/12/2024       01/12/2024     SALARY              5,000.00     15,000.00\n"
     "02/12/2024       02/12/2024     ATM                   100.00     14,900.00\n"
     "09/12/2024       08/12/2024     NEFT IN               200.00     15,100.00\n"
     "08/12/2024       08/12/2024     SHOP                  300.00     14,800.00\n"
     "12/12/2024       12/12/2024     RENT                4,000.00     10,800.00\n",
     {
         .ntxns = 5,
         .txns = {{.i = 2, .date = 20241208, .value_date = 20241209},
                  {.i = 3, .date = 20241208, .value_date = 20241208}},
     }},

    /* "Amount" over "Debited", then "Credits" on the line above: the lower
     * word ends its own label, it does not run on into the next one as
     * "Debit Credit" (a Dr/Cr column). */
    {"stacked_label_does_not_run_into_the_next_label",
     "Txn Date     Particulars           Amount  Credits        Balance\n"
     "                                   Debited\n"
     "01/07/2024   SALARY                          9,000.00    10,000.00\n"
     "03/07/2024   RENT                 4,000.00                6,000.00\n"
     "04/07/2024   REFUND                            500.00     6,500.00\n",
     {
         .ntxns = 3,
         .txns = {{.i = 0, .type = CR, .amount = 900000},
                  {.i = 1, .type = DR, .amount = 400000, .reconciled = YES},
                  {.i = 2, .type = CR, .amount = 50000, .reconciled = YES}},
         .balances_ok = YES,
     }},

    /* A header in words of its own (two known of ten: "Dt", "Bal"; each
     * label one word, as a PDF's narrow spaces keep them) over a running
     * balance: the cells say which column is which and the chain vouches
     * for them. */
    {"header_in_unknown_words_over_a_chaining_balance",
     "Dt           What-happened-here        Money-spent   Money-got     Bal-now\n"
     "01/07/2024   SALARY                                  9,000.00     10,000.00\n"
     "03/07/2024   RENT                        4,000.00                  6,000.00\n"
     "04/07/2024   REFUND                                    500.00      6,500.00\n"
     "05/07/2024   FOOD                          300.00                  6,200.00\n"
     "06/07/2024   BOOKS                         200.00                  6,000.00\n",
     {
         .ntxns = 5,
         .txns = {{.i = 0, .type = CR, .amount = 900000, .note = "SALARY"},
                  {.i = 1, .type = DR, .amount = 400000, .reconciled = YES},
                  {.i = 4, .type = DR, .amount = 20000, .balance = 600000, .reconciled = YES}},
         .balances_ok = YES,
     }},

    /* The same words over balances that do not chain: nothing vouches for
     * a header the words do not name, so there is no table. */
    {"header_in_unknown_words_needs_a_chaining_balance",
     "Dt           What-happened-here        Money-spent   Money-got     Bal-now\n"
     "01/07/2024   SALARY                                  9,000.00     10,000.00\n"
     "03/07/2024   RENT                        4,000.00                  7,000.00\n"
     "04/07/2024   REFUND                                    500.00      1,500.00\n"
     "05/07/2024   FOOD                          300.00                  8,200.00\n"
     "06/07/2024   BOOKS                         200.00                  3,000.00\n",
     {.error = EXTRACT_NO_TRANSACTIONS}},

    /* The balance printed before the amounts under a label named only in
     * part ("Net" a space before "Balance"), the amounts under labels
     * their words name: the balance is the label naming it, never the
     * "Credit" after it (the credits were read as balances and the
     * balances as credits: no reading chained). */
    {"half_known_balance_label_before_the_amounts_is_the_balance",
     "Date         Particulars              Net Balance        Debit       Credit\n"
     "01/07/2024   SALARY                     10,000.00                  9,000.00\n"
     "03/07/2024   RENT                        6,000.00     4,000.00\n"
     "04/07/2024   REFUND                      6,500.00                    500.00\n"
     "05/07/2024   FOOD                        6,200.00       300.00\n"
     "06/07/2024   BOOKS                       6,000.00       200.00\n",
     {
         .ntxns = 5,
         .txns = {{.i = 0, .type = CR, .amount = 900000, .balance = 1000000},
                  {.i = 1, .type = DR, .amount = 400000, .balance = 600000, .reconciled = YES},
                  {.i = 4, .type = DR, .amount = 20000, .balance = 600000, .reconciled = YES}},
         .balances_ok = YES,
     }},

    /* Two pages print the same labels; on the second, long narrations
     * reach under "Money-got" on most lines, so its own cells would make
     * that column text: pages printing the same labels are read with one
     * page's roles for all, the reading whose balances chain. */
    {"pages_with_the_same_labels_share_their_roles",
     "Dt           Particulars                 Money-got     Money-spent   Balance\n"
     "01/07/2024   SALARY                       9,000.00                  10,000.00\n"
     "03/07/2024   RENT                                       4,000.00     6,000.00\n"
     "04/07/2024   REFUND                         500.00                   6,500.00\n"
     "05/07/2024   FOOD                                         300.00     6,200.00\n"
     "\f"
     "Dt           Particulars                 Money-got     Money-spent   Balance\n"
     "06/07/2024   UPI/DR/1111/SHOP KEEPER ONE                  200.00     6,000.00\n"
     "07/07/2024   UPI/DR/2222/SHOP KEEPER TWO                  100.00     5,900.00\n"
     "08/07/2024   UPI/CR/3333/FRIEND                1,000.00              6,900.00\n"
     "09/07/2024   UPI/DR/4444/SHOP KEEPER SIX                  400.00     6,500.00\n"
     "10/07/2024   UPI/DR/5555/SHOP KEEPER TEN                  500.00     6,000.00\n",
     {
         .ntxns = 9,
         .txns = {{.i = 6, .type = CR, .amount = 100000, .note = "UPI/CR/3333/FRIEND", .reconciled = YES},
                  {.i = 7, .type = DR, .amount = 40000, .reconciled = YES}},
         .balances_ok = YES,
     }},
    /* Labels no phrase knows over the sides ("Outgo", "Inward") and a
     * first page of debits only: "Inward" holds no cell there, yet it is
     * the other side beside the amounts and the balance; the credits
     * under it on the next page (read under the first page's roles) are
     * transactions, not lost. */
    {"unnamed_label_over_no_cells_beside_a_side_and_the_balance_is_the_other_side",
     "Dt           Particulars                    Outgo     Inward       Balance\n"
     "01/07/2024   RENT                        4,000.00                 6,000.00\n"
     "03/07/2024   FOOD                          300.00                 5,700.00\n"
     "04/07/2024   FUEL                          700.00                 5,000.00\n"
     "05/07/2024   POWER                       1,000.00                 4,000.00\n"
     "\f"
     "Dt           Particulars                    Outgo     Inward       Balance\n"
     "06/07/2024   UPI/DR/1111/SHOP KEEPER ONE   200.00                 3,800.00\n"
     "07/07/2024   UPI/CR/2222/FRIEND                     1,000.00      4,800.00\n"
     "08/07/2024   UPI/DR/3333/SHOP KEEPER TWO   100.00                 4,700.00\n"
     "09/07/2024   NEFT/CR/SALARY                        10,000.00     14,700.00\n",
     {
         .ntxns = 8,
         .opening = 1000000,
         .txns = {{.i = 0, .type = DR, .amount = 400000},
                  {.i = 5, .type = CR, .amount = 100000, .note = "UPI/CR/2222/FRIEND", .reconciled = YES},
                  {.i = 7, .type = CR, .amount = 1000000, .balance = 1470000, .reconciled = YES}},
         .balances_ok = YES,
     }},
    /* A header with one word a phrase knows ("Balance"), its labels spread
     * over the page like a table's: read, because the balances below chain
     * under the roles its cells show... */
    {"one_known_word_over_chaining_balances",
     "Day          Summary                  Token        Outgo        Income        Balance\n"
     "01/07/2024   NEFT SALARY JULY         T1001                    9,000.00     10,000.00\n"
     "03/07/2024   RENT FOR JULY            T1002     4,000.00                     6,000.00\n"
     "04/07/2024   REFUND FROM SHOP         T1003                      500.00      6,500.00\n"
     "05/07/2024   FOOD AND GROCERY         T1004       300.00                     6,200.00\n",
     {
         .ntxns = 4,
         .txns = {{.i = 1, .type = DR, .amount = 400000, .note = "RENT FOR JULY", .chq_num = NONE},
                  {.i = 2, .type = CR, .reconciled = YES}},
         .balances_ok = YES,
     }},

    /* ... and not over balances that do not chain. */
    {"one_known_word_over_balances_that_do_not_chain",
     "Day          Summary                  Token        Outgo        Income        Balance\n"
     "01/07/2024   NEFT SALARY JULY         T1001                    9,000.00     10,000.00\n"
     "03/07/2024   RENT FOR JULY            T1002     4,000.00                     7,000.00\n"
     "04/07/2024   REFUND FROM SHOP         T1003                      500.00      1,500.00\n"
     "05/07/2024   FOOD AND GROCERY         T1004       300.00                     9,200.00\n",
     {.error = EXTRACT_NO_TRANSACTIONS}},

    /* "Withdrawal (Dr)/" over "Deposit (Cr)" in one header cell: one amount
     * column, each amount carrying its marker ("25,000.00(Cr)"); the
     * bracketed markers are part of the labels, not a Dr/Cr column. */
    {"one_amount_column_labelled_withdrawal_over_deposit",
     "Opening Balance : 10,000.00\n"
     "\n"
     "Date         Narration               Withdrawal (Dr)/        Balance\n"
     "                                     Deposit (Cr)\n"
     "02-05-2024   SALARY                     25,000.00(Cr)     35,000.00\n"
     "03-05-2024   RENT                       12,000.00(Dr)     23,000.00\n"
     "04-05-2024   REFUND                        500.00(Cr)     23,500.00\n",
     {
         .ntxns = 3, .opening = 1000000,
         .txns = {{.i = 0, .type = CR, .amount = 2500000, .reconciled = YES},
                  {.i = 1, .type = DR, .amount = 1200000}, {.i = 2, .type = CR, .note = "REFUND"}},
         .balances_ok = YES,
     }},

    /* No balance column, two money labels no phrase knows: amounts under
     * both never on one line are the two sides, not an amount and a
     * balance; which side is which, the printed opening and closing
     * balances decide (here the first column is the credits'). */
    {"two_unknown_money_columns_never_on_one_line_are_the_two_sides",
     "Opening Balance : 1,000.00\n"
     "\n"
     "Date          Narration                 Incoming       Outgoing\n"
     "01/06/2023    NEFT SALARY              5,000.00\n"
     "02/06/2023    ATM CASH                                   500.00\n"
     "03/06/2023    REFUND                     200.00\n"
     "04/06/2023    RENT                                     2,000.00\n"
     "\n"
     "Closing Balance : 3,700.00\n",
     {
         .ntxns = 4, .opening = 100000, .closing = 370000,
         .txns = {{.i = 0, .type = CR, .amount = 500000, .balance = 600000},
                  {.i = 1, .type = DR, .amount = 50000},
                  {.i = 2, .type = CR, .amount = 20000},
                  {.i = 3, .type = DR, .amount = 200000, .balance = 370000}},
         .totals_ok = YES,
     }},

    /* ... the first column the debits': the first guess stands. */
    {"two_unknown_money_columns_debits_first",
     "Opening Balance : 1,000.00\n"
     "\n"
     "Date          Narration                 Outgoing       Incoming\n"
     "01/06/2023    NEFT SALARY                              5,000.00\n"
     "02/06/2023    ATM CASH                   500.00\n"
     "03/06/2023    REFUND                                     200.00\n"
     "04/06/2023    RENT                     2,000.00\n"
     "\n"
     "Closing Balance : 3,700.00\n",
     {
         .ntxns = 4, .opening = 100000, .closing = 370000,
         .txns = {{.i = 0, .type = CR, .amount = 500000}, {.i = 1, .type = DR, .amount = 50000},
                  {.i = 2, .type = CR}, {.i = 3, .type = DR, .balance = 370000}},
         .totals_ok = YES,
     }},

    /* Amounts under both unknown money labels on one line: an amount and
     * the balance beside it, as before. */
    {"two_unknown_money_columns_on_one_line_are_amount_and_balance",
     "Date          Narration                 Incoming       Outgoing\n"
     "01/06/2023    OPENING BALANCE                          1,000.00\n"
     "02/06/2023    NEFT SALARY              5,000.00        6,000.00\n"
     "03/06/2023    ATM CASH                   500.00        5,500.00\n"
     "04/06/2023    RENT                     2,000.00        3,500.00\n",
     {
         .ntxns = 3, .opening = 100000,
         .txns = {{.i = 0, .type = CR, .balance = 600000, .reconciled = YES},
                  {.i = 1, .type = DR, .balance = 550000, .reconciled = YES}},
         .balances_ok = YES, .totals_ok = YES,
     }},

    /* One side named ("Debits"), the other money label unknown, no balance
     * column: the unknown one is the credits (a balance beside debits
     * alone could not be), never the balance. */
    {"one_side_named_the_other_unknown_is_the_other_side",
     "Opening Balance : 1,000.00\n"
     "\n"
     "Date          Narration                   Debits       Incoming\n"
     "01/06/2023    NEFT SALARY                              5,000.00\n"
     "02/06/2023    ATM CASH                   500.00\n"
     "03/06/2023    RENT                     2,000.00\n"
     "\n"
     "Closing Balance : 3,500.00\n",
     {
         .ntxns = 3, .opening = 100000, .closing = 350000,
         .txns = {{.i = 0, .type = CR, .amount = 500000}, {.i = 1, .type = DR, .amount = 50000},
                  {.i = 2, .type = DR, .amount = 200000, .balance = 350000}},
         .totals_ok = YES,
     }},

    /* A money label followed by its currency in brackets, the brackets a
     * little apart ("Value (INR)"): one column, not two (whose boundary
     * would cut each amount and its (Dr)/(Cr) mark in half). */
    {"currency_in_brackets_is_part_of_the_label_before_it",
     "Date         Particulars                          Value (INR)      Balance\n"
     "01/04/2024   SALARY                           1,15,000.00(Cr)  1,25,000.00\n"
     "02/04/2024   ATM WDL                               500.00(Dr)  1,24,500.00\n"
     "03/04/2024   RENT                               20,000.00(Dr)  1,04,500.00\n"
     "04/04/2024   REFUND                                200.00(Cr)  1,04,700.00\n"
     "05/04/2024   SHOP                               15,300.00(Dr)    89,400.00\n",
     {
         .ntxns = 5,
         .txns = {{.i = 0, .type = CR, .amount = 11500000, .reconciled = YES},
                  {.i = 1, .type = DR, .amount = 50000, .reconciled = YES},
                  {.i = 2, .type = DR, .amount = 2000000},
                  {.i = 3, .type = CR, .amount = 20000},
                  {.i = 4, .type = DR, .amount = 1530000}},
         .balances_ok = YES,
     }},

    /* A wide narration column under a short label, a money label no
     * phrase knows far to its right ("Inflow"): the narrations' tails
     * reach past half way to it and fall under it together with its
     * amounts, which still make it a money column (its amounts lost
     * left every credit unread). */
    {"money_label_with_narration_tails_reaching_under_it",
     "Details of Transaction                                      Inflow   Txn Date        Outflow       Balance\n"
     "NEFT/SBIN0099828757737/APOLLO HOSPITALS ENTERPRISE       1,67,500.00 02/09/2024                1,71,017.05\n"
     "IMPS/P2A/630262493184/FATIMA LAL JOSHI/XX6045/RENT                   05/09/2024      46,058.00   1,24,959.05\n"
     "UPI/DR/443714308408/RAHUL MEHTA/CNRB/rahul16@ibl/rent                05/09/2024      26,500.00     98,459.05\n"
     "REFUND/ZOMATO/7754017524                                    2,392.62 06/09/2024                  100,851.67\n"
     "UPI/DR/596524085173/OLA CABS/UBIN/merchant1023@UNION/Pay             07/09/2024       1,927.50     98,924.17\n"
     "UPI/CR/686360505495/VENKATESH SI/UTIB/venkatesh55@oksbi       883.00 08/09/2024                    99,807.17\n"
     "UPI/DR/382684359118/BOOKMYSHOW/IDFB/merchant9052@IDFC/Pay            09/09/2024       3,535.07     96,272.10\n",
     {
         .ntxns = 7,
         .txns = {{.i = 0, .type = CR, .amount = 16750000, .note = "NEFT/SBIN0099828757737/APOLLO HOSPITALS ENTERPRISE"},
                  {.i = 1, .type = DR, .amount = 4605800, .reconciled = YES},
                  {.i = 3, .type = CR, .amount = 239262, .reconciled = YES},
                  {.i = 5, .type = CR, .amount = 88300}},
         .balances_ok = YES,
     }},

    /* A header whose top line is read as a header on its own (its roles
     * from the cells below: "Value", "Nature of Txn", "Outflow" name none)
     * and a lower line of label words stacked under it ("On" under
     * "Value", "Ref." under "Instr."): the lower line is part of the
     * header, and "Instr." over "Ref." is the reference column, not a
     * column of other text whose numbers are lost. */
    {"lower_label_line_under_a_header_of_words_read_from_cells",
     "Booking Date  Value       Nature of Txn                  Instr.             Outflow        Inflow       Balance\n"
     "              On                                         Ref.\n"
     "01/12/2024    01/12/2024  UPI/440258006363/DR/RAVI       440258006363      5,664.00                   17,998.78\n"
     "02/12/2024    02/12/2024  UPI/563114532483/DR/ROHIT      563114532483        617.00                   17,381.78\n"
     "07/12/2024    07/12/2024  NACH RETURN CHARGES                                500.00                   16,881.78\n"
     "16/12/2024    16/12/2024  NEFT-UTIBN81519266048-LAKSHMI  UTIBN81519266048               38,650.00     55,531.78\n"
     "17/12/2024    17/12/2024  UPI/471435680922/DR/IMRAN      471435680922      2,795.00                   52,736.78\n",
     {
         .ntxns = 5,
         .txns = {{.i = 0, .chq_num = "440258006363", .note = "UPI/440258006363/DR/RAVI", .type = DR},
                  {.i = 2, .chq_num = NONE, .note = "NACH RETURN CHARGES"},
                  {.i = 3, .chq_num = "UTIBN81519266048", .type = CR, .reconciled = YES},
                  {.i = 4, .chq_num = "471435680922", .reconciled = YES}},
         .balances_ok = YES,
     }},

    /* A label no phrase knows ("Nature of Txn") a space after a reference
     * label, in a header naming no narration: the long text under it is
     * the narration, not words of the reference label (whose cells are a
     * number now and then). */
    {"unknown_label_over_long_text_beside_a_reference_label_is_the_narration",
     "Txn Date     Value Date   Reference Id Nature of Txn                        Debit      Credit     Balance\n"
     "01/09/2024   01/09/2024                NEFT/UTIBN49843422947/HARPREET   33,925.00                5,608.79\n"
     "01/09/2024   01/09/2024                NEFT/BARBN49187347598/ACME LTD               79,500.00   85,108.79\n"
     "01/09/2024   01/09/2024                ATM WDL/S1A51506/ANDHERI WEST     5,000.00               80,108.79\n"
     "03/09/2024   03/09/2024   6145989032   UPI/CR/614598903230/HARPREET                  3,261.00   83,369.79\n"
     "04/09/2024   04/09/2024                BBPS/MSEDCL/869165978             3,465.38               79,904.41\n"
     "05/09/2024   05/09/2024                POS/RELIANCE FRESH/MUMBAI         7,815.74               72,088.67\n",
     {
         .ntxns = 6,
         .txns = {{.i = 0, .chq_num = NONE, .note = "NEFT/UTIBN49843422947/HARPREET", .type = DR},
                  {.i = 3, .chq_num = "6145989032", .note = "UPI/CR/614598903230/HARPREET", .type = CR},
                  {.i = 5, .note = "POS/RELIANCE FRESH/MUMBAI", .reconciled = YES}},
         .balances_ok = YES,
     }},

    /* A two-line header whose top line has too few known words to be a
     * header by its words ("Row  Txn.  Nature of Txn" over "Dt.", "Ledger"
     * over "Balance"): read from its top line alone, its roles from the
     * cells below, the lower line of labels stacked right under it is its
     * own, not another table's header ending the cells. It was refused,
     * and the header repeated under a month's banner further down won:
     * every row above the banner was lost and the chain still
     * reconciled. */
    {"lower_label_line_right_under_a_header_read_alone_is_its_own",
     "Row  Txn.        Nature of Txn              Cheque / UTR No    Outflow     Inflow     Ledger\n"
     "     Dt.                                                                               Balance\n"
     "1    02/11/2024  UPI/DR/604423048193/BAZAR  604423048193      1,989.37               33,838.66\n"
     "2    03/11/2024  UPI/DR/417309889564/POOJA  417309889564      5,285.00               28,553.66\n"
     "3    05/11/2024  NEFT/ACME LTD/SALARY                                    9,000.00    37,553.66\n"
     "4    06/11/2024  POS/BOOKMYSHOW/KOLKATA                          129.00              37,424.66\n"
     "\n"
     "                 Transactions of December 2024\n"
     "Row  Txn.        Nature of Txn              Cheque / UTR No    Outflow     Inflow     Ledger\n"
     "5    01/12/2024  UPI/DR/446726247950/ARJUN  446726247950        500.00               36,924.66\n"
     "6    02/12/2024  ATM WDL/S1A05973/DUM DUM                      1,000.00               35,924.66\n"
     "7    03/12/2024  REFUND/MORE RETAIL/95377                                  100.00    36,024.66\n",
     {
         .ntxns = 7,
         .opening = 3582803,
         .txns = {{.i = 0, .date = 20241102, .type = DR, .amount = 198937, .chq_num = "604423048193",
                   .note = "UPI/DR/604423048193/BAZAR"},
                  {.i = 2, .type = CR, .amount = 900000, .reconciled = YES},
                  {.i = 4, .date = 20241201, .balance = 3692466, .reconciled = YES}},
         .balances_ok = YES,
     }},

    /* A balance printed before the amounts, no money label named by any
     * phrase ("Ledger" over "Balance", then "Outflow", "Inflow"): the
     * rightmost money column is the guess for the balance, but the
     * balances chain only with the first one as the balance and the two
     * after it as the sides. It was refused (no label named, no chain). */
    {"balance_before_unnamed_sides_is_the_column_whose_balances_chain",
     "Txn.        Nature of Txn                  Inst. No.          Ledger      Outflow       Inflow\n"
     "Dt.                                                          Balance\n"
     "01/11/2024  UPI/DR/590570599726/GURPREET   590570599726    82,344.04     5,238.00\n"
     "02/11/2024  POS/MEDPLUS/KOLKATA                            73,703.91     8,640.13\n"
     "03/11/2024  IMPS/697838299342/RAJESH       697838299342  1,01,594.91                 27,891.00\n"
     "04/11/2024  UPI/DR/626393066139/DIVYA      626393066139    99,223.91     2,371.00\n"
     "05/11/2024  NEFT/ACME LTD/SALARY                         1,49,223.91                 50,000.00\n",
     {
         .ntxns = 5,
         .opening = 8758204,
         .txns = {{.i = 0, .type = DR, .amount = 523800, .balance = 8234404, .chq_num = "590570599726",
                   .note = "UPI/DR/590570599726/GURPREET"},
                  {.i = 2, .type = CR, .amount = 2789100, .balance = 10159491, .reconciled = YES},
                  {.i = 4, .type = CR, .amount = 5000000, .balance = 14922391, .reconciled = YES}},
         .balances_ok = YES,
     }},

    /* A two-line header whose top line is labels no phrase knows but one
     * word ("Txn.  Nature of Txn  Value (INR)  Ledger" over "Dt." and
     * "Balance"): too few known words to be header words by themselves,
     * but the balances below chain under the roles its cells give, which
     * vouches for it as for a header line read alone. It was refused. */
    {"top_header_line_of_unknown_labels_is_one_when_the_balances_chain",
     "Txn.        Nature of Txn                  Value (INR)       Ledger\n"
     "Dt.                                                         Balance\n"
     "            Cash withdrawal at ATM\n"
     "02/10/2023                                      500.00     9,500.00\n"
     "            ATM ID: S1A20125\n"
     "\n"
     "            Paid to DECATHLON\n"
     "05/10/2023                                    1,924.61     7,575.39\n"
     "            UPI Ref No: 395073010439\n"
     "\n"
     "            Received from KARTHIK KUMAR RAO\n"
     "09/10/2023                                    5,000.00    12,575.39\n"
     "            NEFT Ref No: HDFCN25126677367\n"
     "\n"
     "            Cash withdrawal at ATM\n"
     "17/10/2023                                    4,000.00     8,575.39\n"
     "            ATM ID: S1A36681\n"
     "\n"
     "            SMS charges\n"
     "21/10/2023                                       75.39     8,500.00\n"
     "            JUL23-SEP23\n",
     {
         .ntxns = 5,
         .txns = {{.i = 1, .date = 20231005, .type = DR, .amount = 192461, .note = "Paid to DECATHLON UPI Ref No: 395073010439",
                   .reconciled = YES},
                  {.i = 2, .type = CR, .amount = 500000, .balance = 1257539, .reconciled = YES},
                  {.i = 4, .type = DR, .amount = 7539, .balance = 850000, .reconciled = YES}},
     }},
    /* A cheque's own date in a column of its own ("Instrument Date"), filled
     * on cheque rows only and days before the posting: no value date. */
    {"instrument_date_column_is_no_value_date",
     "Date         Particulars          Chq No    Instrument Date      Debit       Credit       Balance\n"
     "01/06/2024   OPENING BALANCE                                                            5,000.00\n"
     "03/06/2024   BY CLG/ACME LTD      123456    20/05/2024                      2,000.00     7,000.00\n"
     "04/06/2024   UPI/SHOP                                             500.00                 6,500.00\n"
     "09/06/2024   TO CLG/RENT          654321    28/05/2024         3,000.00                  3,500.00\n",
     {
         .ntxns = 3, .balances_ok = YES,
         .txns = {{.i = 0, .date = 20240603, .value_date = -1, .chq_num = "123456"},
                  {.i = 2, .date = 20240609, .value_date = -1}},
     }},
};

/* a line leaves x0, x1 out (zero) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
static const struct placed_case PLACED[] = {
    /* A table's header at the foot of a page with a single row under it (a
     * section starting low on the page): the next page's rows, under the
     * letterhead and the repeated header, show what its columns hold (the
     * label "Outstanding" names none), and the lone row is read. */
    {"header_at_a_page_foot_with_one_row_is_read",
     (const struct placed[]){
         {0, 40, "SAVINGS ACCOUNT STATEMENT"},
         {0, 500, "Date         Particulars                  Debit       Credit   Outstanding"},
         {0, 512, "01/08/2024   INTEREST                    100.00                    900.00"},
         {0, 540, "This is a computer generated statement   Page 1 of 2"},
         {1, 40, "SAVINGS ACCOUNT STATEMENT"},
         {1, 60, "Date         Particulars                  Debit       Credit   Outstanding"},
         {1, 72, "02/08/2024   ATM WDL                     100.00                    800.00"},
         {1, 84, "03/08/2024   SALARY                                   200.00      1,000.00"},
         {1, 96, "04/08/2024   POS SHOP                     50.00                    950.00"},
         {.s = NULL}},
     {.ntxns = 4, .txns = {{.i = 0, .note = "INTEREST"}}}},

    /* The first page's two-line header printed again on the last page,
     * higher (no letterhead there), over its one row: the same header,
     * though one row cannot tell the roles of labels no phrase knows
     * ("Settled" over "On" is the value date). */
    {"header_printed_again_over_one_row_is_the_same_header",
     (const struct placed[]){
         {0, 40, "SAVINGS ACCOUNT STATEMENT"},
         {0, 100, "Txn Date     Settled      Particulars                Paid        Got In      Balance"},
         {0, 112, "             On                                      Out"},
         {0, 124, "01/08/2024   02/08/2024   INTEREST                              100.00       900.00"},
         {0, 136, "02/08/2024   02/08/2024   ATM WDL                  100.00                    800.00"},
         {0, 148, "03/08/2024   04/08/2024   SALARY                                200.00     1,000.00"},
         {0, 160, "04/08/2024   04/08/2024   POS SHOP                  50.00                    950.00"},
         {1, 40, "Txn Date     Settled      Particulars                Paid        Got In      Balance"},
         {1, 52, "             On                                      Out"},
         {1, 64, "05/08/2024   06/08/2024   POS CAFE                  20.00                    930.00"},
         {1, 120, "This is a computer generated statement"},
         {.s = NULL}},
     {.ntxns = 5, .txns = {{.i = 4, .date = 20240805, .value_date = 20240806, .note = "POS CAFE", .amount = 2000}}}},
    /* A date and its time of day in columns of their own ("Day" then
     * "Time"), the date label narrower than its dates: the date and the
     * time parse as one date ("2024/05/03 09:00"), and read as one cell
     * its middle fell under "Time", the date column had no dates (no
     * table). Words an em apart or more are two cells. */
    {"date_and_time_in_columns_of_their_own_are_two_cells",
     (const struct placed[]){
         ROW(0, 100, {"Day", 32, 47}, {"Time", 86, 104}, {"Particulars", 130, 175}, {"Debit", 300, 325},
             {"Credit", 360, 390}, {"Balance", 430, 465}),
         ROW(0, 115, {"2024/05/03", 32, 75}, {"09:00", 86, 104}, {"SALARY", 130, 160}, {"9,000.00", 356, 390},
             {"10,000.00", 427, 465}),
         ROW(0, 127, {"2024/05/04", 32, 75}, {"10:11", 86, 104}, {"RENT", 130, 150}, {"4,000.00", 291, 325},
             {"6,000.00", 431, 465}),
         ROW(0, 139, {"2024/05/05", 32, 75}, {"11:22", 86, 104}, {"REFUND", 130, 162}, {"500.00", 364, 390},
             {"6,500.00", 431, 465}),
         ROW(0, 151, {"2024/05/06", 32, 75}, {"12:33", 86, 104}, {"FOOD", 130, 152}, {"300.00", 299, 325},
             {"6,200.00", 431, 465}),
         ROW(0, 163, {"2024/05/07", 32, 75}, {"13:44", 86, 104}, {"BOOKS", 130, 158}, {"200.00", 299, 325},
             {"6,000.00", 431, 465}),
         {.s = NULL}},
     {
         .ntxns = 5,
         .txns = {{.i = 0, .date = 20240503, .type = CR, .amount = 900000, .note = "SALARY"},
                  {.i = 4, .date = 20240507, .type = DR, .amount = 20000, .balance = 600000, .reconciled = YES}},
         .balances_ok = YES,
     }},
};
#pragma GCC diagnostic pop

TEST(header_detection_needs_date_and_money_columns)
{
    struct layout l = {0};
    struct header h;
    const char *s = "Date   Narration   Balance\nName   Address   City\nAccount No : 123   Date : 01/01/2024\n";
    CHECK_INT(layout_from_text(&l, s, strlen(s)), 0);
    CHECK_INT(header_match(&l, 0, 1, &h), 3);
    CHECK_INT(h.cols[0].role, COL_DATE);
    CHECK_INT(h.cols[1].role, COL_NARRATION);
    CHECK_INT(h.cols[2].role, COL_BALANCE);
    CHECK_INT(header_match(&l, 1, 1, &h), 0);
    CHECK_INT(header_match(&l, 2, 1, &h), 0);
    layout_free(&l);
}

int main(void)
{
    run_table_cases(CASES, sizeof CASES / sizeof CASES[0]);
    run_placed_cases(PLACED, sizeof PLACED / sizeof PLACED[0]);
    RUN(header_detection_needs_date_and_money_columns);
    return check_summary();
}
