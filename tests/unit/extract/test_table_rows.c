/* Lines into rows (src/extract/table_rows.c): rows broken across pages,
 * cells centred vertically or at the foot of their row, the gaps that
 * part rows, value dates in brackets under the date. Cases:
 * table_case.h. */
#include "table_case.h"

static const struct table_case CASES[] = {
    {"stacked_header_and_rows_broken_across_pages",
     "Txn Date     Value          Description                 Debit        Credit        Balance\n"
     "             Date\n"
     "1 Apr 2024   1 Apr 2024     BY TRANSFER-NEFT                           5,000.00     15,000.00\n"
     "2 Apr 2024   2 Apr 2024     TO TRANSFER-UPI/DR/           1,000.00                  14,000.00\n"
     "                            412345678901/SHOP\n"
     "\n"
     "\n"
     "\n"
     "             Page 1 of 2\n"
     "\f"
     "Txn Date     Value          Description                 Debit        Credit        Balance\n"
     "             Date\n"
     "                            KEEPER/SBIN/shop@ybl\n"
     "3 Apr 2024   3 Apr 2024     ATM CASH                      2,000.00                  12,000.00\n"
     "\n"
     "\n"
     "\n"
     "             Page 2 of 2\n",
     {
         .ntxns = 3,
         .txns = {{.i = 1, .note = "TO TRANSFER-UPI/DR/412345678901/SHOP KEEPER/SBIN/shop@ybl"},
                  {.i = 2, .note = "ATM CASH", .page = 2},
                  {.i = 0, .value_date = 20240401}},
         .balances_ok = YES,
     }},

    /* A centred row broken by the page: the letterhead and header of the next
     * page come between its lines; the lines above the next page's first row
     * are split at the gap between rows. */
    {"row_split_across_pages_with_letterhead_between",
     "ACME CO-OPERATIVE BANK LTD\n"
     "Date          Remarks                    Withdrawal       Deposit        Balance\n"
     "\n"
     "              UPI/123456789012/\n"
     "01/08/2024    PAYMENT TO                    100.00                       900.00\n"
     "              SHOP\n"
     "\n"
     "              NEFT/ACME/\n"
     "02/08/2024    SALARY                                      1,000.00     1,900.00\n"
     "\f"
     "ACME CO-OPERATIVE BANK LTD\n"
     "Date          Remarks                    Withdrawal       Deposit        Balance\n"
     "              AUG 2024\n"
     "\n"
     "              IMPS/98765/\n"
     "03/08/2024    RENT                          500.00                     1,400.00\n"
     "              JULY\n",
     {
         .ntxns = 3,
         .txns = {{.i = 1, .note = "NEFT/ACME/SALARY AUG 2024"}, {.i = 2, .note = "IMPS/98765/RENT JULY"}},
     }},

    /* The statement's last row at a page's foot; the next page prints no
     * table, a sentence ending in an account number and a bracket under the
     * date column ("...(Deposit A/c No." then "59733581253802)"): no piece
     * of a bracketed value date (a date's digits run four at most), so no
     * narration of the row above. */
    {"sentence_ending_under_the_date_column_is_no_value_date_piece",
     "Particulars                        Txn Date        Debit        Credit       Balance\n"
     "UPI/DR/1111/ASHA                   01/04/2024     100.00                     900.00\n"
     "NEFT/ACME/SALARY                   02/04/2024                 1,000.00     1,900.00\n"
     "UPI/DR/2222/DOMINOS PIZZA/PUNB     03/04/2024      50.00                   1,850.00\n"
     "merchant@pnb/Pay to merchant\n"
     "\f"
     "Deposits linked to this account    59733581253802)\n",
     {
         .ntxns = 3,
         .txns = {{.i = 2, .note = "UPI/DR/2222/DOMINOS PIZZA/PUNB merchant@pnb/Pay to merchant"}},
         .balances_ok = YES,
     }},

    /* A value date in brackets under the date, wrapped over two lines: read,
     * and the narration beside its first piece kept. */
    {"bracketed_value_date_wrapped_under_the_date",
     "Date            Particulars               Withdrawal       Deposit        Balance\n"
     "01 June 2024    UPI/DR/123/KARTHIK            100.00                       900.00\n"
     "(01 June        RANI/school fees\n"
     "2024)\n"
     "02 June 2024    SALARY                                     1,000.00      1,900.00\n"
     "(03 June\n"
     "2024)\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .note = "UPI/DR/123/KARTHIK RANI/school fees", .value_date = 20240601},
                  {.i = 1, .value_date = 20240603}},
         .balances_ok = YES,
     }},

    /* The value date in brackets under the date on the line holding the
     * amounts, or cut after a separator ("(01/10/" over "2024)"). */
    {"bracketed_value_date_on_the_amounts_line_or_cut_at_a_slash",
     "Date            Particulars               Withdrawal       Deposit        Balance\n"
     "01/10/2024      UPI/DR/123/KARTHIK\n"
     "(02/10/2024)    RANI/school fees              100.00                       900.00\n"
     "03/10/2024      SALARY                                     1,000.00      1,900.00\n"
     "(04/10/\n"
     "2024)\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .note = "UPI/DR/123/KARTHIK RANI/school fees", .value_date = 20241002},
                  {.i = 1, .value_date = 20241004}},
         .balances_ok = YES,
     }},

    /* The same cut inside the year ("(01.05.202" over "3)", the cell's
     * edge): the pieces join without a space. */
    {"bracketed_value_date_cut_inside_its_year",
     "Date            Particulars               Withdrawal       Deposit        Balance\n"
     "01.05.2023      UPI/CR/580944022081/SUNITA                 7,403.00      8,403.00\n"
     "(01.05.202      PRASA/UBIN/sunita87@oksbi\n"
     "3)\n"
     "04.05.2023      ATM WDL                     100.00                       8,303.00\n"
     "(05.05.202\n"
     "3)\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .note = "UPI/CR/580944022081/SUNITA PRASA/UBIN/sunita87@oksbi", .value_date = 20230501},
                  {.i = 1, .value_date = 20230505}},
         .balances_ok = YES,
     }},

    /* A ledger printing the dates once a day: a later row of the day,
     * neither date printed, takes the row above's date and value date. */
    {"dates_printed_once_a_day",
     "Tran Date     Value Date    Particulars        Withdrawal      Deposit      Balance\n"
     "01/06/2023    02/06/2023    CHQ DEPOSIT                        1,000.00     2,000.00\n"
     "                            ATM CASH              500.00                    1,500.00\n"
     "03/06/2023    03/06/2023    NEFT SALARY                        2,000.00     3,500.00\n",
     {
         .ntxns = 3,
         .txns = {{.i = 1, .date = 20230601, .value_date = 20230602, .note = "ATM CASH"},
                  {.i = 2, .value_date = 20230603}},
         .balances_ok = YES,
     }},
    /* The same ledger: a later row of the day printing a value date of its
     * own (a cheque cleared later), its date blank: the day's next row,
     * with the row above's date and its own value date. */
    {"date_once_a_day_with_a_value_date_of_its_own",
     "Tran Date     Value Date    Particulars        Withdrawal      Deposit      Balance\n"
     "01/06/2023    01/06/2023    CHQ DEPOSIT                        1,000.00     2,000.00\n"
     "              03/06/2023    CHQ PAID 589138      500.00                    1,500.00\n"
     "03/06/2023    03/06/2023    NEFT SALARY                        2,000.00     3,500.00\n",
     {
         .ntxns = 3,
         .txns = {{.i = 1, .date = 20230601, .value_date = 20230603, .note = "CHQ PAID 589138", .amount = 50000},
                  {.i = 2, .date = 20230603, .value_date = 20230603}},
         .balances_ok = YES,
     }},
};

/* a line leaves x0, x1 out (zero) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
static const struct placed_case PLACED[] = {
    /* The first row's narration printed above its date line, right under
     * the header, its last word a label's ("Interest credited" under
     * "Particulars"): the first row's, no lower line of the header (read
     * as one, a "credited" column under the narration's label took those
     * words and the row lost them). */
    {"first_rows_narration_above_its_date_under_the_header_is_no_header_line",
     (const struct placed[]){
         {0, 100, "Date          Particulars                          Amount       Balance"},
         {0, 110, "              Interest credited"},
         {0, 120, "31/12/2024    01-12-2024 to 31-12-2024             1,596.90     12,837.97"},
         {0, 134, "              Paid to INDIAN OIL via PAYU"},
         {0, 144, "30/12/2024    Order ID: 9833670605                 3,354.41     11,241.07"},
         {0, 158, "              Received from ACME"},
         {0, 168, "29/12/2024    NEFT Ref No: HDFCN36025884455        5,000.00     14,595.48"},
         {.s = NULL}},
     {
         .ntxns = 3,
         .txns = {{.i = 1, .note = "Paid to INDIAN OIL via PAYU Order ID: 9833670605", .type = DR},
                  {.i = 2, .note = "Interest credited 01-12-2024 to 31-12-2024", .type = CR, .amount = 159690,
                   .reconciled = YES}},
     }},
    /* The same under a narration label with a word no phrase knows in it
     * ("Details of Transaction"), in a proportional font: "Interest
     * credited", one phrase, centred under "of", is stacked under the
     * narration's label all the same. It was read as a credit column, the
     * amounts under "Amount" as debits, and the page's credits flagged. */
    {"first_rows_narration_above_its_date_under_a_partly_known_narration_label",
     (const struct placed[]){
         ROW(0, 100, {"Date", 30, 50}, {"Details", 102, 136}, {"of", 138, 148}, {"Transaction", 151, 207},
             {"Amount", 645, 682}, {"Balance", 724, 762}),
         ROW(0, 110, {"Interest", 102, 135}, {"credited", 138, 173}),
         ROW(0, 120, {"31/12/2024", 30, 75}, {"01-12-2024", 102, 145}, {"to", 148, 156}, {"31-12-2024", 159, 202},
             {"1,596.90", 645, 682}, {"12,837.97", 720, 762}),
         ROW(0, 134, {"Paid", 102, 120}, {"to", 123, 131}, {"INDIAN", 134, 164}, {"OIL", 167, 181}, {"via", 184, 197},
             {"PAYU", 200, 222}),
         ROW(0, 144, {"30/12/2024", 30, 75}, {"Order", 102, 125}, {"ID:", 128, 141}, {"9833670605", 144, 190},
             {"3,354.41", 645, 682}, {"11,241.07", 720, 762}),
         ROW(0, 158, {"Received", 102, 140}, {"from", 143, 163}, {"ACME", 166, 190}),
         ROW(0, 168, {"29/12/2024", 30, 75}, {"NEFT", 102, 124}, {"Ref", 127, 141}, {"No:", 144, 159},
             {"HDFCN36025884455", 162, 240}, {"5,000.00", 645, 682}, {"14,595.48", 720, 762}),
         {.s = NULL}},
     {
         .ntxns = 3,
         .txns = {{.i = 0, .note = "Received from ACME NEFT Ref No: HDFCN36025884455"},
                  {.i = 1, .note = "Paid to INDIAN OIL via PAYU Order ID: 9833670605", .type = DR},
                  {.i = 2, .note = "Interest credited 01-12-2024 to 31-12-2024", .type = CR, .amount = 159690,
                   .reconciled = YES}},
     }},

    /* Dates in words wrapped in a narrow date column ('01 December' over
     * '2024'), each row's value date in brackets wrapped under it the same
     * way ('(02 December' over '2024)'), rows a little further apart than
     * their lines. Joining the date's year into its line (split_dates.c)
     * leaves a line's gap between the date line and the value date: nearer
     * the next row than its own. The value date read a row late (its first
     * row's lost, every other row given the row above's). */
    {"bracketed_value_date_in_words_under_a_joined_date_in_words_stays_on_its_row",
     (const struct placed[]){
         {0, 100, "Entry Dt     Particulars                          Debit      Credit      Balance"},
         {0, 120, "01 December  UPI/CR/111/ASHA                               1,000.00    11,000.00"},
         {0, 130, "2024"},
         {0, 140, "(01 December"},
         {0, 150, "2024)"},
         {0, 162, "01 December  CHQ PAID 555176                  500.00                 10,500.00"},
         {0, 172, "2024         SUNITA KULKARNI"},
         {0, 182, "(02 December"},
         {0, 192, "2024)"},
         {0, 204, "02 December  ATM WDL                          100.00                 10,400.00"},
         {0, 214, "2024"},
         {0, 224, "(03 December"},
         {0, 234, "2024)"},
         {0, 246, "04 December  NEFT/ACME/SALARY                          20,000.00    30,400.00"},
         {0, 256, "2024"},
         {0, 266, "(04 December"},
         {0, 276, "2024)"},
         {0, 288, "05 December  UPI/DR/222/RAVI                  400.00                 30,000.00"},
         {0, 298, "2024"},
         {0, 308, "(06 December"},
         {0, 318, "2024)"},
         {.s = NULL}},
     {
         .ntxns = 5, .balances_ok = YES,
         .txns = {{.i = 0, .date = 20241201, .value_date = 20241201},
                  {.i = 1, .date = 20241201, .value_date = 20241202, .note = "CHQ PAID 555176 SUNITA KULKARNI"},
                  {.i = 2, .date = 20241202, .value_date = 20241203, .note = "ATM WDL"},
                  {.i = 3, .date = 20241204, .value_date = 20241204},
                  {.i = 4, .date = 20241205, .value_date = 20241206, .note = "UPI/DR/222/RAVI"}},
     }},

    /* The same where most rows print a value date (a cheque's, later
     * than its date) and the others wrap their narration beside the year:
     * the value dates' lines, a line's space under their dates and nearer
     * the next row, said the rows' text starts above their date lines, and
     * the wrapped narration went to the next row. A value date under its
     * date says nothing of where a row's narration sits. */
    {"value_dates_under_most_joined_dates_in_words_leave_wrapped_narration_on_its_row",
     (const struct placed[]){
         {0, 100, "Entry Dt     Particulars                          Debit      Credit      Balance"},
         {0, 120, "01 December  CHQ PAID 555176                     500.00                10,500.00"},
         {0, 130, "2024"},
         {0, 140, "(02 December"},
         {0, 150, "2024)"},
         {0, 161, "01 December  UPI/CR/111/ASHA                               1,000.00    11,500.00"},
         {0, 171, "2024         STORES"},
         {0, 182, "02 December  CHQ PAID 555177                     100.00                11,400.00"},
         {0, 192, "2024"},
         {0, 202, "(03 December"},
         {0, 212, "2024)"},
         {0, 223, "03 December  CHQ PAID 555179                     100.00                11,300.00"},
         {0, 233, "2024"},
         {0, 243, "(04 December"},
         {0, 253, "2024)"},
         {0, 264, "04 December  NEFT/ACME/SALARY                             20,000.00    31,300.00"},
         {0, 274, "2024         DECEMBER"},
         {0, 285, "05 December  CHQ PAID 555178                     300.00                31,000.00"},
         {0, 295, "2024"},
         {0, 305, "(06 December"},
         {0, 315, "2024)"},
         {0, 326, "06 December  CHQ PAID 555180                     200.00                30,800.00"},
         {0, 336, "2024"},
         {0, 346, "(07 December"},
         {0, 356, "2024)"},
         {.s = NULL}},
     {
         .ntxns = 7, .balances_ok = YES,
         .txns = {{.i = 0, .value_date = 20241202},
                  {.i = 1, .note = "UPI/CR/111/ASHA STORES"},
                  {.i = 2, .value_date = 20241203, .note = "CHQ PAID 555177"},
                  {.i = 4, .note = "NEFT/ACME/SALARY DECEMBER"},
                  {.i = 5, .value_date = 20241206, .note = "CHQ PAID 555178"}},
     }},

    /* The narration printed above the date line (cells at the foot of
     * their rows, rows set apart), a row broken across a page: the rest of
     * its narration heads the next page, then a Day Total line, then the
     * next row. The total parts them: the line above it is no narration of
     * the row below it. */
    {"a_total_line_parts_a_broken_rows_rest_from_the_row_below",
     (const struct placed[]){
         {0, 100, "Date        Particulars                     Debit      Credit      Balance"},
         {0, 116, "            UPI/DR/1111/ASHA"},
         {0, 126, "01/04/2024  STORES/groceries               500.00                 9,500.00"},
         {0, 140, "            NEFT/ACME TECHNOLOGIES"},
         {0, 150, "02/04/2024  SALARY APRIL                            20,000.00    29,500.00"},
         {0, 164, "            UPI/DR/2222/RAVI"},
         {0, 174, "03/04/2024  KUMAR/HDFC                   1,000.00                28,500.00"},
         {0, 188, "            UPI/DR/3333/MEERA"},
         {0, 198, "03/04/2024  MEDICALS/okaxis                200.00                28,300.00"},
         {0, 212, "03/04/2024  UPI/DR/4444/SURESH             300.00                28,000.00"},
         {1, 60, "Date        Particulars                     Debit      Credit      Balance"},
         {1, 76, "            DESAI/groceries"},
         {1, 90, "            Day Total                    1,500.00"},
         {1, 104, "            UPI/DR/5555/LATA"},
         {1, 114, "04/04/2024  IYER/rent                    5,000.00                23,000.00"},
         {1, 128, "            UPI/DR/6666/ANIL"},
         {1, 138, "05/04/2024  SHAH/fuel                    1,000.00                22,000.00"},
         {.s = NULL}},
     {
         .ntxns = 7, .balances_ok = YES,
         .txns = {{.i = 0, .note = "UPI/DR/1111/ASHA STORES/groceries"},
                  {.i = 4, .note = "UPI/DR/4444/SURESH DESAI/groceries"},
                  {.i = 5, .note = "UPI/DR/5555/LATA IYER/rent"}},
     }},

    /* Cells centred vertically whose rows are set apart only a little more
     * than the lines inside a row (13.9 pt against 11.9): a narration line
     * above its date line belongs to that row, not to the row above. */
    {"slightly_wider_gaps_between_rows_part_them",
     (const struct placed[]){
         {0, 100.0f, "Date          Remarks                        Amount    Dr/Cr       Balance"},
         {0, 113.9f, "01/08/2024    ATM WDL                        100.00    DR           900.00"},
         {0, 127.8f, "02/08/2024    SMS CHARGES                     10.00    DR           890.00"},
         {0, 141.7f, "              UPI/DR/123456/KAVITA"},
         {0, 153.6f, "03/08/2024    AGARW/SBIN/kavita@ok            90.00    DR           800.00"},
         {0, 167.5f, "04/08/2024    INTEREST                        20.00    CR           820.00"},
         {0, 181.4f, "              NEFT/ACME PVT LTD/"},
         {0, 193.3f, "05/08/2024    SALARY AUG                   1,000.00    CR         1,820.00"},
         {0, 207.2f, "06/08/2024    POS SHOP                        20.00    DR         1,800.00"},
         {0, 221.1f, "07/08/2024    POS SHOP                        50.00    DR         1,750.00"},
         {0, 235.0f, "08/08/2024    POS SHOP                        50.00    DR         1,700.00"},
         {.s = NULL}},
     {
         .ntxns = 8,
         .txns = {{.i = 1, .note = "SMS CHARGES"},
                  {.i = 2, .note = "UPI/DR/123456/KAVITA AGARW/SBIN/kavita@ok"},
                  {.i = 3, .note = "INTEREST"},
                  {.i = 4, .note = "NEFT/ACME PVT LTD/SALARY AUG"}},
     }},

    /* Cells centred vertically, narration and reference lines interleaved
     * (SBI's net-banking page printed from a browser): a row whose first
     * line is a page's first line (its date line centred lower down) starts
     * there; it does not continue the previous page's last row, though its
     * first two lines are set wider apart than the interleaved ones. */
    {"centred_row_starting_at_page_top_keeps_its_first_line",
     (const struct placed[]){
         {0, 60, "Txn Date     Description           Ref No.          Debit      Credit       Balance"},
         {0, 80, "             TO TRANSFER-"},
         {0, 87, "                                   TRANSFER TO"},
         {0, 92, "01/08/2024   UPI/DR/1111/ASHA                       100.00                   900.00"},
         {0, 97, "                                   1234567890123"},
         {0, 104, "             KUMAR--"},
         {0, 120, "             TO TRANSFER-"},
         {0, 127, "                                   TRANSFER TO"},
         {0, 132, "02/08/2024   UPI/DR/2222/RAVI                        50.00                   850.00"},
         {0, 137, "                                   2234567890123"},
         {0, 144, "             SHAH--"},
         {0, 160, "             TO TRANSFER-"},
         {0, 167, "                                   TRANSFER TO"},
         {0, 172, "03/08/2024   UPI/DR/3333/ASHA                        50.00                   800.00"},
         {0, 177, "                                   3234567890123"},
         {0, 184, "             KUMAR--"},
         {1, 60, "Txn Date     Description           Ref No.          Debit      Credit       Balance"},
         {1, 70, "             BY TRANSFER-"},
         {1, 82, "             NEFT*ACME*            TRANSFER FROM"},
         {1, 88, "04/08/2024                                                    1,000.00     1,800.00"},
         {1, 94, "             PVT LTD*              4234567890123"},
         {1, 106, "             SALARY AUG--"},
         {1, 122, "             TO TRANSFER-"},
         {1, 129, "                                   TRANSFER TO"},
         {1, 134, "05/08/2024   UPI/DR/5555/RAVI                        80.00                 1,720.00"},
         {1, 139, "                                   5234567890123"},
         {1, 146, "             SHAH--"},
         {.s = NULL}},
     {
         .ntxns = 5,
         .txns = {{.i = 2, .note = "TO TRANSFER-UPI/DR/3333/ASHA KUMAR--"},
                  {.i = 3, .note = "BY TRANSFER-NEFT*ACME*PVT LTD*SALARY AUG--"},
                  {.i = 4, .note = "TO TRANSFER-UPI/DR/5555/RAVI SHAH--"}},
     }},

    /* Narrations centred on their date line, the date line between two of
     * their lines (half a line from each), lines 1.4 em apart: a page's
     * first row (two lines above its date, two below) keeps its first line,
     * which is no tail of the previous page's last row: lines of two rows
     * are never set 0.7 em apart, and the first line's mirror about the
     * date line is the row's last line. */
    {"row_centred_on_its_date_line_at_a_page_top_keeps_its_first_line",
     (const struct placed[]){
         {0, 60, "Date         Narration                      Debit       Credit       Balance"},
         {0, 80, "             NEFT/UTIBN1487/"},
         {0, 87, "01/12/2023                                             1,000.00     1,900.00"},
         {0, 94, "             ZENITH SALARY"},
         {0, 114, "             POS/ZOMATO/"},
         {0, 121, "02/12/2023                                   100.00                 1,800.00"},
         {0, 128, "             HYDERABAD/6966"},
         {0, 148, "             UPI/DR/1111/"},
         {0, 155, "03/12/2023                                    50.00                 1,750.00"},
         {0, 162, "             ASHA KUMAR"},
         {1, 60, "Date         Narration                      Debit       Credit       Balance"},
         {1, 76, "             UPI/CR/4872/"},
         {1, 90, "             NEHA PRASAD"},
         {1, 97, "04/12/2023                                               500.00     2,250.00"},
         {1, 104, "             /PUNB/neha94@"},
         {1, 118, "             oksbi/dinner"},
         {1, 138, "05/12/2023   SMS CHGS                         23.60                 2,226.40"},
         {.s = NULL}},
     {
         .ntxns = 5,
         .txns = {{.i = 2, .note = "UPI/DR/1111/ASHA KUMAR"},
                  {.i = 3, .note = "UPI/CR/4872/NEHA PRASAD /PUNB/neha94@oksbi/dinner", .type = CR},
                  {.i = 4, .note = "SMS CHGS"}},
     }},

    /* Cells at the foot of their row (the narration printed above the date
     * line), rows set apart by 2 pt more than the lines inside one: the
     * lines at a page's top start that page's first row, they do not
     * continue the previous page's last one. */
    {"bottom_aligned_rows_take_the_lines_above_them",
     (const struct placed[]){
         {0, 60, "Date         Narration                      Debit       Credit       Balance"},
         {0, 80, "             UPI/DR/1111/ASHA"},
         {0, 92, "01/08/2024   KUMAR/SBIN                     100.00                    900.00"},
         {0, 106, "             NEFT/ACME PVT"},
         {0, 118, "             LTD/SALARY AUG"},
         {0, 130, "02/08/2024   2024/PUNB                                 1,000.00     1,900.00"},
         {0, 144, "             UPI/DR/3333/RAVI"},
         {0, 156, "03/08/2024   SHAH/HDFC                       50.00                  1,850.00"},
         {0, 170, "             ACH DR/HOME CREDIT"},
         {0, 182, "04/08/2024   FINANCE/UTIB                    20.00                  1,830.00"},
         {0, 196, "             POS/BIG BAZAAR"},
         {0, 208, "05/08/2024   MUMBAI/1234                     30.00                  1,800.00"},
         {1, 60, "Date         Narration                      Debit       Credit       Balance"},
         {1, 80, "             UPI/CR/5555/RAVI"},
         {1, 92, "             SHAH/HDFC/ravi@ybl"},
         {1, 104, "06/08/2024   gift                                         10.00     1,810.00"},
         {1, 118, "             ATM WDL/S1A1234"},
         {1, 130, "07/08/2024   MUMBAI                          10.00                  1,800.00"},
         {.s = NULL}},
     {
         .ntxns = 7,
         .txns = {{.i = 1, .note = "NEFT/ACME PVT LTD/SALARY AUG 2024/PUNB"},
                  {.i = 4, .note = "POS/BIG BAZAAR MUMBAI/1234"},
                  {.i = 5, .note = "UPI/CR/5555/RAVI SHAH/HDFC/ravi@ybl gift"},
                  {.i = 6, .note = "ATM WDL/S1A1234 MUMBAI"}},
     }},

    /* Cells at the foot of their rows, rows set apart only a little more
     * than the lines inside one (13.9 pt against 11.9), every row but one
     * wrapped (too few one-line rows to show the gap between rows): a row
     * broken at a page's foot after its date line leaves the rest of its
     * narration at the next page's top, above the next row's first line.
     * The gap after a date line, which ends its row, tells where the rest
     * ends. */
    {"foot_aligned_row_broken_after_its_date_line_keeps_its_rest",
     (const struct placed[]){
         {0, 60.0f, "Date         Narration                      Debit       Credit       Balance"},
         {0, 80.0f, "             UPI/DR/1111/ASHA"},
         {0, 91.9f, "01/08/2024   KUMAR/SBIN                     100.00                    900.00"},
         {0, 105.8f, "             NEFT/ACME PVT"},
         {0, 117.7f, "02/08/2024   LTD/SALARY                               1,000.00     1,900.00"},
         {0, 131.6f, "             UPI/DR/3333/RAVI"},
         {0, 143.5f, "03/08/2024   SHAH/HDFC                       50.00                  1,850.00"},
         {0, 157.4f, "             ACH DR/HOME CREDIT"},
         {0, 169.3f, "04/08/2024   FINANCE/UTIB                    20.00                  1,830.00"},
         {0, 183.2f, "05/08/2024   UPI/CR/5555/RAVI                             10.00     1,840.00"},
         {1, 60.0f, "Date         Narration                      Debit       Credit       Balance"},
         {1, 80.0f, "             SHAH/HDFC/ravi@ybl"},
         {1, 91.9f, "             gift"},
         {1, 105.8f, "             ATM WDL/S1A1234"},
         {1, 117.7f, "06/08/2024   MUMBAI                          10.00                  1,830.00"},
         {1, 131.6f, "             POS/BIG BAZAAR"},
         {1, 143.5f, "07/08/2024   MUMBAI/1234                     30.00                  1,800.00"},
         {1, 157.4f, "             NEFT/ACME"},
         {1, 169.3f, "08/08/2024   REFUND                                     100.00     1,900.00"},
         {.s = NULL}},
     {
         .ntxns = 8, .balances_ok = YES,
         .txns = {{.i = 4, .note = "UPI/CR/5555/RAVI SHAH/HDFC/ravi@ybl gift"},
                  {.i = 5, .note = "ATM WDL/S1A1234 MUMBAI"},
                  {.i = 7, .note = "NEFT/ACME REFUND"}},
     }},

    /* The date over the narration in one cell, the amounts on the
     * narration's first line or a line of their own inside it (cells at
     * the foot of their rows), lines 11.2 pt apart inside a row (5.6 round
     * the amounts), rows 18 pt apart. A row broken by the
     * page: its narration's last line at the page's foot, as close below
     * it as its own lines, is its own, not the next page's first row's; its
     * rest at the next page's top, a row's gap above the first date, too
     * (both went to the next row: notes cut and run on, chain reconciled:
     * silent). */
    {"rows_broken_at_a_page_foot_or_top_keep_their_lines_by_the_gap_between_rows",
     (const struct placed[]){
         {0, 60.0f, "Particulars                                    Debit       Credit        Balance"},
         {0, 80.0f, "01/12/2023"},
         {0, 91.2f, "UPI/CR/5840/BIG"},
         {0, 96.8f, "                                                            5,000.00     15,000.00"},
         {0, 102.4f, "BAZAAR/PUNB/merchant6881@PNB/Pay to"},
         {0, 113.6f, "merchant"},
         {0, 131.6f, "02/12/2023"},
         {0, 142.8f, "UPI/DR/6925/DEEPA"},
         {0, 148.4f, "                                              900.00                    14,100.00"},
         {0, 154.0f, "MEHTA/YESB/deepa20@ibl/loan"},
         {0, 165.2f, "repay"},
         {0, 183.2f, "03/12/2023"},
         {0, 194.4f, "ATM WDL/S1A18555/MUMBAI                       100.00                    14,000.00"},
         {0, 212.4f, "04/12/2023"},
         {0, 223.6f, "ACH DR/MUTHOOT FINANCE                      4,000.00                    10,000.00"},
         {0, 234.8f, "LTD/HDFC7054291180063321"},
         {1, 60.0f, "Particulars                                    Debit       Credit        Balance"},
         {1, 80.0f, "05/12/2023"},
         {1, 91.2f, "ECOM/RAZORPAY/DOMINOS                         300.00                     9,700.00"},
         {1, 102.4f, "PIZZA/6806188198"},
         {1, 120.4f, "06/12/2023"},
         {1, 131.6f, "UPI/DR/4665/DMART/ICIC/                       200.00                     9,500.00"},
         {2, 60.0f, "Particulars                                    Debit       Credit        Balance"},
         {2, 80.0f, "merchant6010@ICICI/Pay to merchant"},
         {2, 98.0f, "07/12/2023"},
         {2, 109.2f, "POS/INDIAN OIL/MUMBAI                         500.00                     9,000.00"},
         {2, 120.4f, "NEFT/SBIN/REFUND"},
         {.s = NULL}},
     {
         .ntxns = 7, .balances_ok = YES,
         .txns = {{.i = 0, .note = "UPI/CR/5840/BIG BAZAAR/PUNB/merchant6881@PNB/Pay to merchant"},
                  {.i = 3, .note = "ACH DR/MUTHOOT FINANCE LTD/HDFC7054291180063321"},
                  {.i = 4, .note = "ECOM/RAZORPAY/DOMINOS PIZZA/6806188198"},
                  {.i = 5, .note = "UPI/DR/4665/DMART/ICIC/merchant6010@ICICI/Pay to merchant"},
                  {.i = 6, .note = "POS/INDIAN OIL/MUMBAI NEFT/SBIN/REFUND"}},
     }},

    /* Cells centred vertically, rows of two lines (5.3 pt apart) and of
     * three (10.6 pt apart, a detail line in a smaller font under the
     * date): the detail line at a page's foot, as far below its date as
     * the row's own lines are apart, stays with its row; it does not start
     * the next page's first row. */
    {"detail_line_at_a_page_foot_stays_with_its_row",
     (const struct placed[]){
         {0, 60.0f, "Date         Details                          Debit       Credit        Balance", 0, 0, 8.5f},
         {0, 80.0f, "             Paid to ASHA", 0, 0, 8.5f},
         {0, 85.3f, "01/12/2024   UPI 111                            100.00                 9,900.00", 0, 0, 8.0f},
         {0, 99.5f, "             Paid to RAVI", 0, 0, 8.5f},
         {0, 104.8f, "02/12/2024   UPI 222                            200.00                 9,700.00", 0, 0, 8.0f},
         {0, 119.1f, "             Paid to SHOP", 0, 0, 8.5f},
         {0, 124.4f, "03/12/2024   UPI 333                            300.00                 9,400.00", 0, 0, 8.0f},
         {0, 138.6f, "             Paid to CAFE", 0, 0, 8.5f},
         {0, 143.9f, "04/12/2024   UPI 444                            400.00                 9,000.00", 0, 0, 8.0f},
         {0, 158.2f, "             Received from ACME", 0, 0, 8.5f},
         {0, 168.8f, "05/12/2024   NEFT 555                                     5,000.00    14,000.00", 0, 0, 8.0f},
         {0, 179.4f, "             SALARY DEC 2024", 0, 0, 7.5f},
         {1, 60.0f, "Date         Details                          Debit       Credit        Balance", 0, 0, 8.5f},
         {1, 80.0f, "             Cheque paid to MANOJ", 0, 0, 8.5f},
         {1, 90.6f, "06/12/2024   CHQ 666                            500.00                13,500.00", 0, 0, 8.0f},
         {1, 101.2f, "             Cheque No: 666", 0, 0, 7.5f},
         {1, 115.5f, "             Paid to BOOKS", 0, 0, 8.5f},
         {1, 120.8f, "07/12/2024   UPI 777                             50.00                13,450.00", 0, 0, 8.0f},
         {.s = NULL}},
     {
         .ntxns = 7,
         .txns = {{.i = 4, .note = "Received from ACME NEFT 555 SALARY DEC 2024"},
                  {.i = 5, .note = "Cheque paid to MANOJ CHQ 666 Cheque No: 666"}},
     }},
};

/* A scan's rows of three lines, each starting at its date (cells at the
 * top of their rows), where OCR put two rows' middle lines 4 pt low (a
 * word's ink read taller than its type): nearer the line after than the
 * date. Those two lines alone lifted the table (cells centred): each row's
 * last line went to the next row. The six rows whose last line is nearer
 * the next date outvote them. */
static void scanned_rows_outvote_a_few_baselines_off(void)
{
    static const struct placed AT[] = {
        {0, 80, "Opening Balance : 10,000.00"},
        {0, 100, "Date        Narration                        Debit                  Balance"},
        {0, 112.0f, "01/04/2024  UPI ASHA                         100.00               9,900.00"},
        {0, 122.0f, "            STORES ASHA"},
        {0, 132.0f, "            GROCERIES"},
        {0, 144.0f, "02/04/2024  UPI RAVI                         100.00               9,800.00"},
        {0, 154.0f, "            STORES RAVI"},
        {0, 164.0f, "            GROCERIES"},
        {0, 176.0f, "03/04/2024  UPI MEERA                        100.00               9,700.00"},
        {0, 190.0f, "            STORES MEERA"},
        {0, 196.0f, "            GROCERIES"},
        {0, 208.0f, "04/04/2024  UPI JOHN                         100.00               9,600.00"},
        {0, 218.0f, "            STORES JOHN"},
        {0, 228.0f, "            GROCERIES"},
        {0, 240.0f, "05/04/2024  UPI SITA                         100.00               9,500.00"},
        {0, 250.0f, "            STORES SITA"},
        {0, 260.0f, "            GROCERIES"},
        {0, 272.0f, "06/04/2024  UPI ARUN                         100.00               9,400.00"},
        {0, 286.0f, "            STORES ARUN"},
        {0, 292.0f, "            GROCERIES"},
        {0, 304.0f, "07/04/2024  UPI GITA                         100.00               9,300.00"},
        {0, 314.0f, "            STORES GITA"},
        {0, 324.0f, "            GROCERIES"},
        {0, 336.0f, "08/04/2024  UPI OMAR                         100.00               9,200.00"},
        {0, 346.0f, "            STORES OMAR"},
        {0, 356.0f, "            GROCERIES"},
        {.s = NULL}};
    struct layout l = {0};
    check_cur_failed = 0;
    CHECK_INT(layout_placed(&l, AT), 0);
    for (size_t i = 0; i < l.nwords; i++)
        l.words[i].conf = 96;
    for (size_t i = 0; i < l.nlines; i++)
        l.lines[i].conf = 96;
    expect_layout(&l, &(struct want){.ntxns = 8,
                                     .txns = {{.i = 1, .note = "UPI RAVI STORES RAVI GROCERIES"},
                                              {.i = 2, .note = "UPI MEERA STORES MEERA GROCERIES"},
                                              {.i = 3, .note = "UPI JOHN STORES JOHN GROCERIES"},
                                              {.i = 5, .note = "UPI ARUN STORES ARUN GROCERIES"}}});
    layout_free(&l);
    check_end("scanned_rows_outvote_a_few_baselines_off");
}
#pragma GCC diagnostic pop

int main(void)
{
    run_table_cases(CASES, sizeof CASES / sizeof CASES[0]);
    run_placed_cases(PLACED, sizeof PLACED / sizeof PLACED[0]);
    scanned_rows_outvote_a_few_baselines_off();
    return check_summary();
}
