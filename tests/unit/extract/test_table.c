/* The table stage on layouts built from monospaced text (6 pt a
 * character, 12 pt a line, form feed = new page), run through the whole
 * post-MuPDF pipeline (extract_layout). Most tests are rows of CASES: a
 * text and what reading it must give (struct want); expect() checks. Rows
 * of PLACED are the same with lines or words placed by position (gaps
 * between lines that monospaced text cannot draw). */
#include "check.h"
#include "extract/extract.h"
#include "first_account.h"
#include "extract/layout.h"
#include "extract/header.h"
#include "extract/table.h"

enum yn { ANY, YES, NO };           /* a flag checked to be set or clear; ANY = not checked */
enum dir { DR = 1, CR };            /* a transaction's direction; 0 = not checked */
static const char NONE[] = "";      /* a text that must be absent (NULL) */

/* What a test expects of transaction i (0-based). A field left 0 (or
 * NULL, ANY) is not checked; dates are written yyyymmdd. */
struct want_txn {
    int i;
    int date, value_date;
    enum dir type;
    pb_paise amount, balance;
    const char *note, *chq_num;
    int page;
    enum yn reconciled, has_balance;
};

/* What a test expects of the statement read from its text. With error
 * set, reading fails with that code and nothing else is checked; else it
 * succeeds with ntxns transactions. Other fields left 0 (or NULL, ANY)
 * are not checked. */
struct want {
    enum extract_code error;
    size_t ntxns;
    pb_paise opening, closing;
    int from, to;                   /* yyyymmdd */
    enum yn balances_ok, totals_ok;
    const char *bank;
    const char *name, *account_number, *ifsc, *micr, *address;
    struct want_txn txns[6];
};

struct table_case {
    const char *name;
    const char *text;
    struct want want;
};

static const char HDFC[] =
    "HDFC BANK\n"
    "MR RAHUL SHARMA                                   Account No       : 50100123456789\n"
    "12 MG ROAD                                        RTGS/NEFT IFSC   : HDFC0000123\n"
    "BANGALORE 560001                                  MICR             : 560240002\n"
    "\n"
    "Statement From : 01/04/2024 To : 30/04/2024\n"
    "\n"
    "Date       Narration                   Chq./Ref.No.      Value Dt     Withdrawal Amt.    Deposit Amt.   Closing Balance\n"
    "01/04/24   NEFT CR-ACME PVT LTD-       N123456789        01/04/24                          50,000.00        1,60,000.00\n"
    "           SALARY APR 2024\n"
    "03/04/24   UPI-SWIGGY-swiggy@icici-    000412345678      03/04/24             450.50                        1,59,549.50\n"
    "           PAYMENT FROM PHONE\n"
    "05/04/24   ATM WDL                     000777            05/04/24          10,000.00                        1,49,549.50\n";

static const struct table_case CASES[] = {
    {"hdfc_like_rows_and_identity",
     HDFC,
     {
         .ntxns = 3,
         .txns = {{.i = 0, .date = 20240401, .type = CR, .amount = 5000000, .balance = 16000000,
                   .note = "NEFT CR-ACME PVT LTD-SALARY APR 2024", .chq_num = "N123456789"},
                  {.i = 1, .note = "UPI-SWIGGY-swiggy@icici-PAYMENT FROM PHONE", .type = DR, .amount = 45050},
                  {.i = 2, .value_date = 20240405}},
         .balances_ok = YES, .totals_ok = YES,
         .bank = "hdfc",
         .name = "RAHUL SHARMA", .account_number = "50100123456789", .ifsc = "HDFC0000123",
         .micr = "560240002", .address = "12 MG ROAD, BANGALORE 560001",
         .from = 20240401, .to = 20240430,
         .opening = 11000000,
     }},

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

    {"totals_and_closing_rows_are_not_transactions",
     "Tran Date    Chq No    Particulars              Debit       Credit       Balance     Init. Br\n"
     "                       OPENING BALANCE                                   5,000.00\n"
     "01-06-2024             NEFT/ACME                            1,000.00     6,000.00    1234\n"
     "02-06-2024             POS/STORE                  200.00                 5,800.00    1234\n"
     "                       TRANSACTION TOTAL          200.00    1,000.00\n"
     "                       CLOSING BALANCE                                   5,800.00\n",
     {.ntxns = 2, .opening = 500000, .closing = 580000, .totals_ok = YES}},

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

    {"centred_cells_narration_above_and_below",
     "Date          Remarks                    Withdrawal       Deposit        Balance\n"
     "\n"
     "              UPI/123456789012/\n"
     "01/08/2024    PAYMENT TO                    100.00                       900.00\n"
     "              SHOP\n"
     "\n"
     "              NEFT/ACME/\n"
     "02/08/2024    SALARY                                      1,000.00     1,900.00\n"
     "              AUG\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .note = "UPI/123456789012/PAYMENT TO SHOP"},
                  {.i = 1, .note = "NEFT/ACME/SALARY AUG"}},
     }},

    {"no_table_means_no_transactions",
     "Dear customer,\nthank you for banking with us.\n",
     {.error = EXTRACT_NO_TRANSACTIONS}},

    /* Newest first, the latest transaction of a day printed first: the whole
     * document is reversed; opening, closing and the range come out right. */
    {"newest_first_reversed_as_a_whole",
     "Date         Description              Debit        Credit         Balance\n"
     "05/09/2024   ATM WDL                 500.00                      9,700.00\n"
     "05/09/2024   UPI SHOP                300.00                     10,200.00\n"
     "03/09/2024   SALARY                             10,000.00       10,500.00\n"
     "02/09/2024   RENT                  5,000.00                        500.00\n"
     "01/09/2024   OPENING BALANCE                                     5,500.00\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .note = "RENT"},
                  {.i = 1, .note = "SALARY"},
                  {.i = 2, .note = "UPI SHOP"},
                  {.i = 3, .note = "ATM WDL", .balance = 970000}},
         .opening = 550000, .closing = 970000,
         .from = 20240902, .to = 20240905,
         .balances_ok = YES, .totals_ok = YES,
     }},

    /* Newest day first, but each day's rows in the order they happened: the
     * days are reversed, the printed order inside a day kept. */
    {"newest_first_days_keep_their_printed_order",
     "Date         Description              Debit        Credit         Balance\n"
     "05/09/2024   UPI SHOP                300.00                     10,200.00\n"
     "05/09/2024   ATM WDL                 500.00                      9,700.00\n"
     "03/09/2024   SALARY                             10,000.00       10,500.00\n"
     "02/09/2024   RENT                  5,000.00                        500.00\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .note = "RENT"}, {.i = 2, .note = "UPI SHOP"}, {.i = 3, .note = "ATM WDL"}},
         .opening = 550000, .closing = 970000,
         .balances_ok = YES, .totals_ok = YES,
     }},

    /* Dates printed without a year take it from the statement period, across
     * a new year. */
    {"yearless_dates_from_the_period",
     "Statement period : 15/12/2023 to 14/01/2024\n"
     "\n"
     "Date      Narration                 Withdrawal      Deposit        Balance\n"
     "20 Dec    UPI GROCER                    200.00                     800.00\n"
     "31 Dec    INTEREST                                   10.00         810.00\n"
     "05 Jan    NEFT SALARY                             5,000.00       5,810.00\n",
     {
         .ntxns = 3,
         .txns = {{.i = 0, .date = 20231220},
                  {.i = 1, .date = 20231231},
                  {.i = 2, .date = 20240105}},
         .balances_ok = YES,
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

    /* A ledger report's header words (serial number, posted date, entry
     * user, amounts qualified by their currency) and a narration overflowing
     * into the reference column. */
    {"ledger_header_words_and_overflowing_narration",
     "Sl No  Txn Posted Date  Particulars                 Ref No      Entry User  Withdrawal Amt. (INR)  Deposit Amt. (INR)  Closing Balance (INR)\n"
     "1      01/04/2024       NEFT CR-ACME LTD SALARIES FOR FEB-2024  RAJ01                               5,000.00            15,000.00\n"
     "2      02/04/2024       ATM CASH                    ATM0001     SYS01                  2,000.00                         13,000.00\n"
     "3      03/04/2024       POS SHOP                    POS1234     SYS01                    500.00                         12,500.00\n"
     "4      04/04/2024       UPI PAY                     UPI4567     SYS01                    100.00                         12,400.00\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .note = "NEFT CR-ACME LTD SALARIES FOR FEB-2024", .chq_num = NONE, .type = CR},
                  {.i = 1, .chq_num = "ATM0001"},
                  {.i = 3, .amount = 10000}},
         .balances_ok = YES,
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

    /* A narration running one space on into an empty amount column: its
     * words are no amount, so they stay the narration's. */
    {"narration_overflowing_into_an_empty_amount_column",
     "Date         Particulars                          Debit        Credit       Balance\n"
     "01/05/2024   ATM WDL                             100.00                    5,900.00\n"
     "02/05/2024   NEFT TO ACME CORP LTD SALARY OCT 2023/UB0590       5,000.00     10,900.00\n"
     "03/05/2024   POS STORE                           900.00                   10,000.00\n"
     "04/05/2024   UPI/DR/1234/SHOP                  1,000.00                    9,000.00\n",
     {
         .ntxns = 4,
         .txns = {{.i = 1, .note = "NEFT TO ACME CORP LTD SALARY OCT 2023/UB0590", .type = CR,
                   .amount = 500000}},
         .balances_ok = YES,
     }},

    /* A period printed in words no label knows: two dates on a line outside
     * the table that enclose every transaction. */
    {"period_in_unknown_words_from_two_dates_around_the_rows",
     "Account activity 01/05/2024 ~ 31/05/2024\n"
     "\n"
     "Date         Particulars                 Debit          Credit        Balance\n"
     "02/05/2024   ATM WDL                     100.00                        900.00\n"
     "30/05/2024   SALARY                                     500.00       1,400.00\n",
     {.ntxns = 2, .from = 20240501, .to = 20240531}},

    /* A reference centred in its column and wider than it reaches back over
     * the boundary from far after the narration: it is the reference. */
    {"centred_cell_wider_than_its_column_stays_in_it",
     "Date         Particulars                 Ref No       Debit        Credit       Balance\n"
     "01/05/2024   ATM WDL                   123456       10,000.00                   90,000.00\n"
     "02/05/2024   UPI SHOP                  234567        5,000.00                   85,000.00\n"
     "03/05/2024   POS STORE                 345678        2,500.00                   82,500.00\n"
     "04/05/2024   UPI CAB                   456789        1,000.00                   81,500.00\n"
     "05/05/2024   NEFT SALARY          ICICN22630938469                50,000.00    131,500.00\n"
     "06/05/2024   UPI ITEM 0                567890          100.00                  131,400.00\n"
     "07/05/2024   UPI ITEM 1                567891          101.00                  131,299.00\n"
     "08/05/2024   UPI ITEM 2                567892          102.00                  131,197.00\n"
     "09/05/2024   UPI ITEM 3                567893          103.00                  131,094.00\n"
     "10/05/2024   UPI ITEM 4                567894          104.00                  130,990.00\n"
     "11/05/2024   UPI ITEM 5                567895          105.00                  130,885.00\n"
     "12/05/2024   UPI ITEM 6                567896          106.00                  130,779.00\n"
     "13/05/2024   UPI ITEM 7                567897          107.00                  130,672.00\n"
     "14/05/2024   UPI ITEM 8                567898          108.00                  130,564.00\n"
     "15/05/2024   UPI ITEM 9                567899          109.00                  130,455.00\n"
     "16/05/2024   UPI ITEM 10               567900          110.00                  130,345.00\n"
     "17/05/2024   UPI ITEM 11               567901          111.00                  130,234.00\n"
     "18/05/2024   UPI ITEM 12               567902          112.00                  130,122.00\n"
     "19/05/2024   UPI ITEM 13               567903          113.00                  130,009.00\n"
     "20/05/2024   UPI ITEM 14               567904          114.00                  129,895.00\n"
     "21/05/2024   UPI ITEM 15               567905          115.00                  129,780.00\n"
     "22/05/2024   UPI ITEM 16               567906          116.00                  129,664.00\n"
     "23/05/2024   UPI ITEM 17               567907          117.00                  129,547.00\n"
     "24/05/2024   UPI ITEM 18               567908          118.00                  129,429.00\n"
     "25/05/2024   UPI ITEM 19               567909          119.00                  129,310.00\n",
     {
         .ntxns = 25,
         .txns = {{.i = 4, .note = "NEFT SALARY", .chq_num = "ICICN22630938469"}, {.i = 3, .chq_num = "456789"}},
         .balances_ok = YES,
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

    /* ... but a printed opening and closing balance check the whole. */
    {"no_balance_column_checked_by_printed_opening_and_closing",
     "Opening Balance : 1,000.00          Closing Balance : 1,375.00\n"
     "\n"
     "Date         Particulars                 Debit          Credit\n"
     "01/05/2024   ATM WDL                     100.00\n"
     "02/05/2024   SALARY                                     500.00\n"
     "03/05/2024   POS STORE                    25.00\n",
     {
         .ntxns = 3, .opening = 100000,
         .txns = {{.i = 2, .balance = 137500, .reconciled = YES}},
         .balances_ok = YES, .totals_ok = YES,
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

    /* A token longer than its column cut at the edge: joined without a space
     * where the whole token is printed elsewhere in the document (ZENITH), or
     * the cut falls inside a number; two words wrapped at the edge keep
     * their space. */
    {"token_cut_at_the_column_edge_joins_where_the_document_knows_it",
     "Date         Particulars                                Debit        Credit       Balance\n"
     "01/05/2024   NEFT*HDFC0415900*SBINN30521999*ZENI                   5,000.00      6,000.00\n"
     "             TH SOFTWARE*MAR\n"
     "02/05/2024   TO TRANSFER-UPI/DR/6031129/KARTHIK        100.00                    5,900.00\n"
     "             IYER/INDB/pay\n"
     "03/05/2024   IMPS/P2A/691363597530/MEERA/1234567       100.00                    5,800.00\n"
     "             8/TRANSFER\n"
     "04/05/2024   ZENITH SOFTWARE REIMB                                 1,000.00      6,800.00\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .note = "NEFT*HDFC0415900*SBINN30521999*ZENITH SOFTWARE*MAR"},
                  {.i = 1, .note = "TO TRANSFER-UPI/DR/6031129/KARTHIK IYER/INDB/pay"},
                  {.i = 2, .note = "IMPS/P2A/691363597530/MEERA/12345678/TRANSFER"}},
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
};

/* Each check_* below checks one field when the test names a value for it. */
static void check_num(const char *what, long long got, long long want)
{
    if (want && got != want) {
        fprintf(stderr, "  %s is %lld, want %lld\n", what, got, want);
        check_cur_failed = 1;
    }
}

static void check_date(const char *what, pb_day got, int want)
{
    if (!want)
        return;
    int y = 0, m = 0, d = 0;
    if (got != PB_NO_DAY)
        date_to_ymd(got, &y, &m, &d);
    if (y * 10000 + m * 100 + d != want) {
        fprintf(stderr, "  %s is %d, want %d\n", what, y * 10000 + m * 100 + d, want);
        check_cur_failed = 1;
    }
}

static void check_yn(const char *what, bool got, enum yn want)
{
    if (want != ANY && got != (want == YES)) {
        fprintf(stderr, "  %s is %s, want %s\n", what, got ? "set" : "clear",
                want == YES ? "set" : "clear");
        check_cur_failed = 1;
    }
}

static void check_text(const char *what, const char *got, const char *want)
{
    if (!want || (want == NONE ? got == NULL : got && strcmp(got, want) == 0))
        return;
    fprintf(stderr, "  %s is \"%s\", want \"%s\"\n", what, got ? got : "(null)",
            want == NONE ? "(null)" : want);
    check_cur_failed = 1;
}

static void check_txn(const struct txn *t, const struct want_txn *w)
{
    int failed_before = check_cur_failed;
    check_cur_failed = 0;
    check_date("date", t->date, w->date);
    check_date("value_date", t->value_date, w->value_date);
    if (w->type)
        check_yn("credit", t->type == TXN_CREDIT, w->type == CR ? YES : NO);
    check_num("amount", t->amount, w->amount);
    check_num("balance", t->balance, w->balance);
    check_text("note", t->note, w->note);
    check_text("chq_num", t->chq_num, w->chq_num);
    check_num("page", t->page, w->page);
    check_yn("reconciled", t->reconciled, w->reconciled);
    check_yn("has_balance", t->has_balance, w->has_balance);
    if (check_cur_failed)
        fprintf(stderr, "  (in transaction %d)\n", w->i);
    check_cur_failed |= failed_before;
}

/* Reads layout l and checks it against *w. */
static void expect_layout(const struct layout *l, const struct want *w)
{
    struct statement st;
    struct extract_error err;
    struct extract_opts o = {0};
    int rc = extract_layout_first(l, &o, &st, &err);
    if (w->error) {
        CHECK_INT(rc, -1);
        if (rc == -1)
            CHECK_INT(err.code, w->error);
        else if (rc == 0)
            statement_free(&st);
        return;
    }
    CHECK_INT(rc, 0);
    if (rc != 0)
        return;
    CHECK_INT(st.ntxns, w->ntxns);
    for (size_t k = 0; k < sizeof w->txns / sizeof w->txns[0]; k++) {
        const struct want_txn *t = &w->txns[k];
        if ((size_t)t->i < st.ntxns)
            check_txn(&st.txns[t->i], t);
    }
    check_num("opening_balance", st.opening_balance, w->opening);
    check_num("closing_balance", st.closing_balance, w->closing);
    check_date("from_date", st.from_date, w->from);
    check_date("to_date", st.to_date, w->to);
    check_yn("balances_ok", st.balances_ok, w->balances_ok);
    check_yn("totals_ok", st.totals_ok, w->totals_ok);
    check_text("bank", st.bank, w->bank);
    check_text("id.name", st.id.name, w->name);
    check_text("id.account_number", st.id.account_number, w->account_number);
    check_text("id.ifsc", st.id.ifsc, w->ifsc);
    check_text("id.micr", st.id.micr, w->micr);
    check_text("id.address", st.id.address, w->address);
    statement_free(&st);
}

/* Reads text (monospaced: 6 pt a character, 12 pt a line, form feed = new
 * page) and checks it against *w. */
static void expect(const char *text, const struct want *w)
{
    struct layout l = {0};
    CHECK_INT(layout_from_text(&l, text, strlen(text)), 0);
    expect_layout(&l, w);
    layout_free(&l);
}

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

/* A text layer of scrambled letters (a broken font encoding: what the
 * page shows is not what its text says) is refused with its own code, not
 * as "no transactions"; so is one whose characters map to nothing. */
TEST(garbage_text_layer_refused_with_its_own_code)
{
    char s[4096] = "";
    for (int i = 0; i < 30; i++)
        strcat(s, "Gdwh Qduudwlrq Ghelw Fuhglw Edodqfh Vwdwhphqw\n");
    expect(s, &(struct want){.error = EXTRACT_TEXT_UNREADABLE});

    struct statement st;
    struct extract_error err;
    struct layout l = {0};
    struct extract_opts o = {0};
    CHECK_INT(layout_from_text(&l, HDFC, strlen(HDFC)), 0);
    l.nchars = 1000, l.nunmapped = 400; /* as pdf_doc.c counts them */
    CHECK_INT(extract_layout_first(&l, &o, &st, &err), -1);
    CHECK_INT(err.code, EXTRACT_TEXT_UNREADABLE);
    l.nunmapped = 10; /* a few icon glyphs: readable */
    CHECK_INT(extract_layout_first(&l, &o, &st, &err), 0);
    statement_free(&st);
    layout_free(&l);
}

/* The codes above as the API names them. */
TEST(error_codes_have_their_api_names)
{
    CHECK_STR(extract_code_name(EXTRACT_NO_TRANSACTIONS), "STATEMENT_NO_TRANSACTIONS");
    CHECK_STR(extract_code_name(EXTRACT_TEXT_UNREADABLE), "PDF_TEXT_UNREADABLE");
}

/* A piece of a page placed by its position: a line of monospaced text
 * (6 pt a character, font size 10 unless size says) at baseline y, or,
 * with x1 set, one word spanning [x0, x1] (font size 8 unless size says).
 * A case's pieces end with {.s = NULL}. */
struct placed {
    int page;
    float y;
    const char *s;
    float x0, x1, size;
};

struct placed_case {
    const char *name;
    const struct placed *at;
    struct want want;
};

/* a line leaves x0, x1 out (zero) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
static const struct placed_case PLACED[] = {
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

    /* A narration overflowing into the reference column, its next word one
     * space on and starting a point before where that column's cells start:
     * the word is the narration's, not a reference. */
    {"overflowing_word_just_before_a_column_edge_stays_in_the_narration",
     (const struct placed[]){
         {0, 60, "Date", 30, 50},          {0, 60, "Narration", 99, 140},     {0, 60, "Ref", 209, 240},
         {0, 60, "Debit", 303, 330},       {0, 60, "Credit", 393, 420},       {0, 60, "Balance", 470, 510},
         {0, 80, "01-10-2024", 30, 80},    {0, 80, "UPI/DR/1111", 99, 160},   {0, 80, "111122223333", 209.1f, 260},
         {0, 80, "100.00", 320, 355},      {0, 80, "900.00", 472, 513},
         {0, 92, "02-10-2024", 30, 80},    {0, 92, "UPI/DR/2222", 99, 160},   {0, 92, "222233334444", 209.1f, 260},
         {0, 92, "100.00", 320, 355},      {0, 92, "800.00", 472, 513},
         {0, 104, "03-10-2024", 30, 80},   {0, 104, "UPI/DR/3333", 99, 160},  {0, 104, "333344445555", 209.1f, 260},
         {0, 104, "100.00", 320, 355},     {0, 104, "700.00", 472, 513},
         {0, 116, "04-10-2024", 30, 80},   {0, 116, "ACH", 99, 116.2f},       {0, 116, "DR/FULLERTON", 118.7f, 180.3f},
         {0, 116, "INDIA", 182.8f, 205.2f}, {0, 116, "CREDIT", 207.7f, 237.3f},
         {0, 116, "100.00", 320, 355},     {0, 116, "600.00", 472, 513},
         {0, 128, "CO/ICIC7086651219280090", 99, 211},
         {.s = NULL}},
     {
         .ntxns = 4,
         .txns = {{.i = 3, .note = "ACH DR/FULLERTON INDIA CREDIT CO/ICIC7086651219280090", .chq_num = NONE},
                  {.i = 2, .chq_num = "333344445555"}},
     }},

    /* The same, its next word one space on and starting right where the
     * reference column's cells start: that column holds only numbers and
     * the word none, so the narration runs on. */
    {"overflowing_word_at_a_number_column_edge_stays_in_the_narration",
     (const struct placed[]){
         {0, 60, "Date", 30, 50},          {0, 60, "Narration", 99, 140},     {0, 60, "Ref", 209, 240},
         {0, 60, "Debit", 303, 330},       {0, 60, "Credit", 393, 420},       {0, 60, "Balance", 470, 510},
         {0, 80, "01-10-2024", 30, 80},    {0, 80, "UPI/DR/1111", 99, 160},   {0, 80, "111122223333", 209.1f, 260},
         {0, 80, "100.00", 320, 355},      {0, 80, "900.00", 472, 513},
         {0, 92, "02-10-2024", 30, 80},    {0, 92, "UPI/DR/2222", 99, 160},   {0, 92, "222233334444", 209.1f, 260},
         {0, 92, "100.00", 320, 355},      {0, 92, "800.00", 472, 513},
         {0, 104, "03-10-2024", 30, 80},   {0, 104, "UPI/DR/3333", 99, 160},  {0, 104, "333344445555", 209.1f, 260},
         {0, 104, "100.00", 320, 355},     {0, 104, "700.00", 472, 513},
         {0, 116, "04-10-2024", 30, 80},   {0, 116, "ACH", 99, 116.2f},       {0, 116, "DR/FULLERTON", 118.7f, 181.8f},
         {0, 116, "INDIA", 184.3f, 206.7f}, {0, 116, "CREDIT", 209.2f, 238.8f},
         {0, 116, "100.00", 320, 355},     {0, 116, "600.00", 472, 513},
         {0, 128, "CO/ICIC7086651219280090", 99, 211},
         {.s = NULL}},
     {
         .ntxns = 4,
         .txns = {{.i = 3, .note = "ACH DR/FULLERTON INDIA CREDIT CO/ICIC7086651219280090", .chq_num = NONE},
                  {.i = 2, .chq_num = "333344445555"}},
     }},

    /* A reference wider than its column, centred in it, reaches back over
     * the boundary: nearly three spaces after the narration's last word, it
     * is the reference, not more narration. */
    {"centred_reference_wider_than_its_column_is_the_reference",
     (const struct placed[]){
         {0, 60, "Date", 35, 78},          {0, 60, "Narration", 288, 347},    {0, 60, "Reference", 497, 546},
         {0, 60, "Debit", 591, 618},       {0, 60, "Credit", 654, 686},       {0, 60, "Balance", 719, 757},
         {0, 80, "01-12-2023", 26, 80},    {0, 80, "UPI/608279117627/DR/BIG", 190, 320}, {0, 80, "BAZAAR", 325, 357},
         {0, 80, "608279117627", 488.8f, 553.6f}, {0, 80, "100.00", 590, 633.8f}, {0, 80, "900.00", 715, 769.5f},
         {0, 95, "02-12-2023", 26, 80},    {0, 95, "UPI/608279117628/DR/BIG", 190, 320}, {0, 95, "BAZAAR", 325, 357},
         {0, 95, "608279117628", 488.8f, 553.6f}, {0, 95, "100.00", 590, 633.8f}, {0, 95, "800.00", 715, 769.5f},
         {0, 110, "03-12-2023", 26, 80},   {0, 110, "UPI/608279117629/DR/BIG", 190, 320}, {0, 110, "BAZAAR", 325, 357},
         {0, 110, "608279117629", 488.8f, 553.6f}, {0, 110, "100.00", 590, 633.8f}, {0, 110, "700.00", 715, 769.5f},
         {0, 125, "16-12-2023", 26, 80},   {0, 125, "NEFT-ICICN67248216413-MANOJ", 171.5f, 317.3f},
         {0, 125, "VERMA-HDFC0742015-TRANSFER", 322.7f, 463.1f}, {0, 125, "ICICN67248216413", 478, 564.4f},
         {0, 125, "100.00", 590, 633.8f},  {0, 125, "600.00", 715, 769.5f},
         {.s = NULL}},
     {
         .ntxns = 4,
         .txns = {{.i = 3, .note = "NEFT-ICICN67248216413-MANOJ VERMA-HDFC0742015-TRANSFER",
                   .chq_num = "ICICN67248216413"}},
     }},

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
#pragma GCC diagnostic pop

/* Builds the layout of a placed case. */
static int layout_placed(struct layout *l, const struct placed *at)
{
    for (; at->s; at++) {
        if (at->x1 > 0) {
            layout_add_word(l, at->page, at->x0, at->y - 8, at->x1, at->y + 2, at->y, at->size > 0 ? at->size : 8, at->s,
                            strlen(at->s));
            continue;
        }
        for (size_t i = 0; at->s[i];) {
            if (at->s[i] == ' ') {
                i++;
                continue;
            }
            size_t j = i;
            while (at->s[j] && at->s[j] != ' ')
                j++;
            layout_add_word(l, at->page, 6.0f * (float)i, at->y - 8, 6.0f * (float)j, at->y + 2, at->y,
                            at->size > 0 ? at->size : 10, at->s + i, j - i);
            i = j;
        }
        l->npages = at->page + 1 > l->npages ? at->page + 1 : l->npages;
    }
    return layout_build_lines(l);
}

int main(void)
{
    for (size_t k = 0; k < sizeof CASES / sizeof CASES[0]; k++) {
        check_cur_failed = 0;
        expect(CASES[k].text, &CASES[k].want);
        check_end(CASES[k].name);
    }
    for (size_t k = 0; k < sizeof PLACED / sizeof PLACED[0]; k++) {
        struct layout l = {0};
        check_cur_failed = 0;
        CHECK_INT(layout_placed(&l, PLACED[k].at), 0);
        expect_layout(&l, &PLACED[k].want);
        layout_free(&l);
        check_end(PLACED[k].name);
    }
    RUN(header_detection_needs_date_and_money_columns);
    RUN(garbage_text_layer_refused_with_its_own_code);
    RUN(error_codes_have_their_api_names);
    return check_summary();
}
