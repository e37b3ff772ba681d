/* The table stage as a whole (src/extract/table.c): a statement's rows
 * and identity read together, the document's order (newest first), dates
 * without a year, the period, and what is refused (no table, a garbage
 * text layer). The steps have their own files: test_table_columns.c,
 * test_table_narration.c, test_table_noise.c, test_table_readings.c,
 * test_table_rows.c, test_header_roles.c. Cases: table_case.h. */
#include "table_case.h"

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

    /* Labels no rows vouch for (read from the rows, as a passbook's copy)
     * and the first row's narration centred on its date line: its first
     * line, right above the first date, is that row's, not the page's. */
    {"unlabelled_rows_first_narration_above_its_date",
     "ANDHRA PRADESH GRAMEENA VIKAS BANK\n"
     "A/C NO: 6285929972   NAME: MRS ANJALI KHAN\n"
     "\n"
     "             NEFT/ACME TECHNOLOGIES\n"
     "01/12/2023                                                                     50000.00    79970.30\n"
     "             PVT LTD/SALARY DEC\n"
     "01/12/2023   POS/IRCTC/PUNE/312795                              2050.06                    77920.24\n"
     "01/12/2023   BY CASH/BANER                                                      3900.00    81820.24\n"
     "02/12/2023   TO CLG/SWATI DAS                                  31270.00                    50550.24\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .date = 20231201, .type = CR, .amount = 5000000,
                   .note = "NEFT/ACME TECHNOLOGIES PVT LTD/SALARY DEC"},
                  {.i = 1, .note = "POS/IRCTC/PUNE/312795"}},
     }},

    /* A passbook's copy: the column labels are on the paper, none printed.
     * The columns come from the rows; which money column is which, from
     * the balance chain. */
    {"passbook_print_without_column_labels",
     "ANDHRA PRADESH GRAMEENA VIKAS BANK\n"
     "A/C NO: 6285929972   NAME: MRS ANJALI KHAN\n"
     "IFSC: APGV0890451   PERIOD: 01/12/2023 - 31/12/2023\n"
     "\n"
     "01/12/2023   POS/IRCTC/PUNE/312795                                 2050.06                79970.30\n"
     "01/12/2023   IMPS/P2A/341804897658/ABHISHEK      341804897658     31071.00                48899.30\n"
     "01/12/2023   BY CASH/BANER                                                     3900.00    52799.30\n"
     "02/12/2023   TO CLG/SWATI DAS                    729587           31270.00                21529.30\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .date = 20231201, .type = DR, .amount = 205006, .balance = 7997030,
                   .note = "POS/IRCTC/PUNE/312795"},
                  {.i = 1, .chq_num = "341804897658", .note = "IMPS/P2A/341804897658/ABHISHEK"},
                  {.i = 2, .type = CR, .amount = 390000, .note = "BY CASH/BANER"},
                  {.i = 3, .date = 20231202, .chq_num = "729587", .balance = 2152930}},
         .opening = 8202036, .ifsc = "APGV0890451",
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

    /* Days and months printed "01.04" (a foreign bank's print): dates in
     * the date column, and the value dates under a one-word label whose
     * cells all read so, across a new year. */
    {"yearless_dotted_dates",
     "Statement period : 01.12.2023 - 31.01.2024\n"
     "\n"
     "Date    Value   Particulars             Debit          Credit        Balance\n"
     "30.12   30.12   NEFT SALARY                            5,000.00     15,000.00\n"
     "02.01   03.01   RENT                 2,000.00                       13,000.00\n"
     "05.01   05.01   ATM WDL                500.00                       12,500.00\n"
     "08.01   08.01   REFUND                                    12.50     12,512.50\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .date = 20231230, .value_date = 20231230, .type = CR},
                  {.i = 1, .date = 20240102, .value_date = 20240103, .type = DR},
                  {.i = 3, .date = 20240108, .amount = 1250}},
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
};

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

int main(void)
{
    run_table_cases(CASES, sizeof CASES / sizeof CASES[0]);
    RUN(garbage_text_layer_refused_with_its_own_code);
    RUN(error_codes_have_their_api_names);
    return check_summary();
}
