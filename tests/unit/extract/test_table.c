/* The table stage on layouts built from monospaced text (6 pt a
 * character, 12 pt a line, form feed = new page), run through the whole
 * post-MuPDF pipeline (extract_layout). */
#include "check.h"
#include "extract/extract.h"
#include "extract/layout.h"
#include "extract/header.h"
#include "extract/table.h"

static int run(const char *text, struct statement *st, struct extract_error *err)
{
    struct layout l = {0};
    struct extract_opts o = {0};
    if (layout_from_text(&l, text, strlen(text)) < 0)
        return -2;
    int rc = extract_layout(&l, &o, st, err);
    layout_free(&l);
    return rc;
}

static pb_day D(int y, int m, int d)
{
    pb_day x = PB_NO_DAY;
    date_from_ymd(y, m, d, &x);
    return x;
}

static const char *HDFC =
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

TEST(hdfc_like_rows_and_identity)
{
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(HDFC, &st, &err), 0);
    CHECK_INT(st.ntxns, 3);
    if (st.ntxns == 3) {
        CHECK_INT(st.txns[0].date, D(2024, 4, 1));
        CHECK_INT(st.txns[0].type, TXN_CREDIT);
        CHECK_INT(st.txns[0].amount, 5000000);
        CHECK_INT(st.txns[0].balance, 16000000);
        CHECK_STR(st.txns[0].note, "NEFT CR-ACME PVT LTD-SALARY APR 2024");
        CHECK_STR(st.txns[0].chq_num, "N123456789");
        CHECK_STR(st.txns[1].note, "UPI-SWIGGY-swiggy@icici-PAYMENT FROM PHONE");
        CHECK_INT(st.txns[1].type, TXN_DEBIT);
        CHECK_INT(st.txns[1].amount, 45050);
        CHECK_INT(st.txns[2].value_date, D(2024, 4, 5));
        CHECK(st.balances_ok);
        CHECK(st.totals_ok);
    }
    CHECK_STR(st.bank, "hdfc");
    CHECK_STR(st.id.name, "RAHUL SHARMA");
    CHECK_STR(st.id.account_number, "50100123456789");
    CHECK_STR(st.id.ifsc, "HDFC0000123");
    CHECK_STR(st.id.micr, "560240002");
    CHECK_STR(st.id.address, "12 MG ROAD, BANGALORE 560001");
    CHECK_INT(st.from_date, D(2024, 4, 1));
    CHECK_INT(st.to_date, D(2024, 4, 30));
    CHECK_INT(st.opening_balance, 11000000);
    statement_free(&st);
}

TEST(single_amount_column_with_drcr_and_overdraft)
{
    const char *s =
        "Kotak Mahindra Bank\n"
        "Account Number   : 1234567890\n"
        "\n"
        "Sl. No.   Date        Description              Chq / Ref number     Amount    Dr / Cr      Balance   Dr / Cr\n"
        "          Opening Balance                                                                1,000.00   CR\n"
        "1         02-Apr-24   ATM WDL                                     1,500.00    DR         500.00   DR\n"
        "2         03-Apr-24   IMPS FROM FRIEND                            2,000.00    CR       1,500.00   CR\n"
        "3         04-Apr-24   POS AMAZON                                    250.00    DR       1,250.00   CR\n";
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(s, &st, &err), 0);
    CHECK_INT(st.ntxns, 3);
    CHECK_INT(st.opening_balance, 100000);
    if (st.ntxns == 3) {
        CHECK_INT(st.txns[0].type, TXN_DEBIT);
        CHECK_INT(st.txns[0].balance, -50000); /* overdrawn: Dr balance is negative */
        CHECK_INT(st.txns[1].type, TXN_CREDIT);
        CHECK_INT(st.txns[1].balance, 150000);
        CHECK_INT(st.txns[2].type, TXN_DEBIT);
    }
    CHECK(st.balances_ok);
    CHECK_STR(st.bank, "kotak");
    statement_free(&st);
}

TEST(balance_decides_direction_without_marker)
{
    const char *s =
        "Date         Particulars             Amount        Balance\n"
        "01-05-2024   OPENING BALANCE                       10,000\n"
        "02-05-2024   SALARY                  25,000        35,000\n"
        "03-05-2024   RENT                    12,000        23,000\n"
        "04-05-2024   REFUND                     500        23,500\n";
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(s, &st, &err), 0);
    CHECK_INT(st.ntxns, 3);
    if (st.ntxns == 3) {
        CHECK_INT(st.txns[0].type, TXN_CREDIT);
        CHECK_INT(st.txns[1].type, TXN_DEBIT);
        CHECK_INT(st.txns[2].type, TXN_CREDIT);
        CHECK_INT(st.txns[2].amount, 50000);
    }
    CHECK(st.balances_ok && st.totals_ok);
    CHECK(st.bank == NULL); /* generic path: unknown bank */
    statement_free(&st);
}

TEST(stacked_header_and_rows_broken_across_pages)
{
    const char *s =
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
        "             Page 2 of 2\n";
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(s, &st, &err), 0);
    CHECK_INT(st.ntxns, 3);
    if (st.ntxns == 3) {
        CHECK_STR(st.txns[1].note, "TO TRANSFER-UPI/DR/412345678901/SHOP KEEPER/SBIN/shop@ybl");
        CHECK_STR(st.txns[2].note, "ATM CASH");
        CHECK_INT(st.txns[0].value_date, D(2024, 4, 1));
        CHECK_INT(st.txns[2].page, 2);
    }
    CHECK(st.balances_ok);
    statement_free(&st);
}

TEST(totals_and_closing_rows_are_not_transactions)
{
    const char *s =
        "Tran Date    Chq No    Particulars              Debit       Credit       Balance     Init. Br\n"
        "                       OPENING BALANCE                                   5,000.00\n"
        "01-06-2024             NEFT/ACME                            1,000.00     6,000.00    1234\n"
        "02-06-2024             POS/STORE                  200.00                 5,800.00    1234\n"
        "                       TRANSACTION TOTAL          200.00    1,000.00\n"
        "                       CLOSING BALANCE                                   5,800.00\n";
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(s, &st, &err), 0);
    CHECK_INT(st.ntxns, 2);
    CHECK_INT(st.opening_balance, 500000);
    CHECK_INT(st.closing_balance, 580000);
    CHECK(st.totals_ok);
    statement_free(&st);
}

TEST(tampered_balance_is_reported_not_fixed)
{
    const char *s =
        "Date         Description           Withdrawals      Deposits        Balance\n"
        "01/07/2024   OPENING BALANCE                                       1,000.00\n"
        "02/07/2024   SALARY                                 9,000.00      10,000.00\n"
        "03/07/2024   RENT                     4,000.00                    16,000.00\n"
        "04/07/2024   FOOD                       500.00                    15,500.00\n";
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(s, &st, &err), 0);
    CHECK_INT(st.ntxns, 3);
    if (st.ntxns == 3) {
        CHECK(st.txns[0].reconciled);
        CHECK(!st.txns[1].reconciled);        /* 10,000 - 4,000 != 16,000 */
        CHECK_INT(st.txns[1].type, TXN_DEBIT); /* as printed, not "fixed" */
        CHECK_INT(st.txns[1].balance, 1600000);
        CHECK(st.txns[2].reconciled);
    }
    CHECK(!st.balances_ok);
    statement_free(&st);
}

TEST(centred_cells_narration_above_and_below)
{
    const char *s =
        "Date          Remarks                    Withdrawal       Deposit        Balance\n"
        "\n"
        "              UPI/123456789012/\n"
        "01/08/2024    PAYMENT TO                    100.00                       900.00\n"
        "              SHOP\n"
        "\n"
        "              NEFT/ACME/\n"
        "02/08/2024    SALARY                                      1,000.00     1,900.00\n"
        "              AUG\n";
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(s, &st, &err), 0);
    CHECK_INT(st.ntxns, 2);
    if (st.ntxns == 2) {
        CHECK_STR(st.txns[0].note, "UPI/123456789012/PAYMENT TO SHOP");
        CHECK_STR(st.txns[1].note, "NEFT/ACME/SALARY AUG");
    }
    statement_free(&st);
}

TEST(no_table_means_no_transactions)
{
    struct statement st;
    struct extract_error err;
    CHECK_INT(run("Dear customer,\nthank you for banking with us.\n", &st, &err), -1);
    CHECK_INT(err.code, EXTRACT_NO_TRANSACTIONS);
    CHECK_STR(extract_code_name(err.code), "STATEMENT_NO_TRANSACTIONS");
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

/* Newest first, the latest transaction of a day printed first: the whole
 * document is reversed; opening, closing and the range come out right. */
TEST(newest_first_reversed_as_a_whole)
{
    const char *s =
        "Date         Description              Debit        Credit         Balance\n"
        "05/09/2024   ATM WDL                 500.00                      9,700.00\n"
        "05/09/2024   UPI SHOP                300.00                     10,200.00\n"
        "03/09/2024   SALARY                             10,000.00       10,500.00\n"
        "02/09/2024   RENT                  5,000.00                        500.00\n"
        "01/09/2024   OPENING BALANCE                                     5,500.00\n";
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(s, &st, &err), 0);
    CHECK_INT(st.ntxns, 4);
    if (st.ntxns == 4) {
        CHECK_STR(st.txns[0].note, "RENT");
        CHECK_STR(st.txns[1].note, "SALARY");
        CHECK_STR(st.txns[2].note, "UPI SHOP");
        CHECK_STR(st.txns[3].note, "ATM WDL");
        CHECK_INT(st.txns[3].balance, 970000);
    }
    CHECK_INT(st.opening_balance, 550000);
    CHECK_INT(st.closing_balance, 970000);
    CHECK_INT(st.from_date, D(2024, 9, 2));
    CHECK_INT(st.to_date, D(2024, 9, 5));
    CHECK(st.balances_ok && st.totals_ok);
    statement_free(&st);
}

/* Newest day first, but each day's rows in the order they happened: the
 * days are reversed, the printed order inside a day kept. */
TEST(newest_first_days_keep_their_printed_order)
{
    const char *s =
        "Date         Description              Debit        Credit         Balance\n"
        "05/09/2024   UPI SHOP                300.00                     10,200.00\n"
        "05/09/2024   ATM WDL                 500.00                      9,700.00\n"
        "03/09/2024   SALARY                             10,000.00       10,500.00\n"
        "02/09/2024   RENT                  5,000.00                        500.00\n";
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(s, &st, &err), 0);
    CHECK_INT(st.ntxns, 4);
    if (st.ntxns == 4) {
        CHECK_STR(st.txns[0].note, "RENT");
        CHECK_STR(st.txns[2].note, "UPI SHOP");
        CHECK_STR(st.txns[3].note, "ATM WDL");
    }
    CHECK_INT(st.opening_balance, 550000);
    CHECK_INT(st.closing_balance, 970000);
    CHECK(st.balances_ok && st.totals_ok);
    statement_free(&st);
}

/* Dates printed without a year take it from the statement period, across
 * a new year. */
TEST(yearless_dates_from_the_period)
{
    const char *s =
        "Statement period : 15/12/2023 to 14/01/2024\n"
        "\n"
        "Date      Narration                 Withdrawal      Deposit        Balance\n"
        "20 Dec    UPI GROCER                    200.00                     800.00\n"
        "31 Dec    INTEREST                                   10.00         810.00\n"
        "05 Jan    NEFT SALARY                             5,000.00       5,810.00\n";
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(s, &st, &err), 0);
    CHECK_INT(st.ntxns, 3);
    if (st.ntxns == 3) {
        CHECK_INT(st.txns[0].date, D(2023, 12, 20));
        CHECK_INT(st.txns[1].date, D(2023, 12, 31));
        CHECK_INT(st.txns[2].date, D(2024, 1, 5));
    }
    CHECK(st.balances_ok);
    statement_free(&st);
}

/* A row printed without a balance carries the running balance; where
 * neither column nor marker gives the direction, the next printed balance
 * decides. */
TEST(rows_without_balance_carry_the_running_balance)
{
    const char *s =
        "Date         Particulars                 Amount          Balance\n"
        "01/05/2024   OPENING BALANCE                             1,000.00\n"
        "02/05/2024   ATM WDL                     100.00\n"
        "02/05/2024   UPI REFUND                   50.00            950.00\n"
        "03/05/2024   POS STORE                    25.00            925.00\n";
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(s, &st, &err), 0);
    CHECK_INT(st.ntxns, 3);
    if (st.ntxns == 3) {
        CHECK_INT(st.txns[0].type, TXN_DEBIT);
        CHECK_INT(st.txns[0].balance, 90000);
        CHECK(!st.txns[0].has_balance);
        CHECK_INT(st.txns[1].type, TXN_CREDIT);
        CHECK_INT(st.txns[2].type, TXN_DEBIT);
    }
    CHECK(st.balances_ok && st.totals_ok);
    statement_free(&st);
}

/* Signed amounts in one column: a minus is a withdrawal, whatever the
 * currency sign or where the minus stands. */
TEST(signed_amounts_with_currency)
{
    const char *s =
        "Txn Date     Description                  Amount (INR)        Balance (INR)\n"
        "01-06-2024   NEFT SALARY                   Rs.25,000.00         30,000.00\n"
        "02-06-2024   RENT                         -Rs.12,000.00         18,000.00\n"
        "03-06-2024   ATM                            -2,000.00           16,000.00\n"
        "04-06-2024   POS SHOP                        1,000.00-          15,000.00\n";
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(s, &st, &err), 0);
    CHECK_INT(st.ntxns, 4);
    if (st.ntxns == 4) {
        CHECK_INT(st.txns[0].type, TXN_CREDIT);
        CHECK_INT(st.txns[1].type, TXN_DEBIT);
        CHECK_INT(st.txns[1].amount, 1200000);
        CHECK_INT(st.txns[2].type, TXN_DEBIT);
        CHECK_INT(st.txns[3].type, TXN_DEBIT);
        CHECK_INT(st.txns[3].amount, 100000);
    }
    CHECK_INT(st.opening_balance, 500000);
    CHECK(st.balances_ok && st.totals_ok);
    statement_free(&st);
}

/* A "Balance B/F" line reprinted at the top of a page with its amount in a
 * money column, and a summary grid alone on the last page: neither is a
 * transaction. */
TEST(brought_forward_reprint_and_summary_grid_are_not_rows)
{
    const char *s =
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
        "             5,500.00           5,300.00       10,000.00    10,200.00\n";
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(s, &st, &err), 0);
    CHECK_INT(st.ntxns, 3);
    CHECK_INT(st.opening_balance, 550000);
    CHECK_INT(st.closing_balance, 1020000);
    CHECK(st.balances_ok && st.totals_ok);
    statement_free(&st);
}

/* A text layer of scrambled letters (a broken font encoding: what the
 * page shows is not what its text says) is refused with its own code, not
 * as "no transactions"; so is one whose characters map to nothing. */
TEST(garbage_text_layer_refused_with_its_own_code)
{
    char s[4096] = "";
    for (int i = 0; i < 30; i++)
        strcat(s, "Gdwh Qduudwlrq Ghelw Fuhglw Edodqfh Vwdwhphqw\n");
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(s, &st, &err), -1);
    CHECK_INT(err.code, EXTRACT_TEXT_UNREADABLE);
    CHECK_STR(extract_code_name(err.code), "PDF_TEXT_UNREADABLE");

    struct layout l = {0};
    struct extract_opts o = {0};
    CHECK_INT(layout_from_text(&l, HDFC, strlen(HDFC)), 0);
    l.nchars = 1000, l.nunmapped = 400; /* as pdf_doc.c counts them */
    CHECK_INT(extract_layout(&l, &o, &st, &err), -1);
    CHECK_INT(err.code, EXTRACT_TEXT_UNREADABLE);
    l.nunmapped = 10; /* a few icon glyphs: readable */
    CHECK_INT(extract_layout(&l, &o, &st, &err), 0);
    statement_free(&st);
    layout_free(&l);
}

/* A ledger report's header words (serial number, posted date, entry
 * user, amounts qualified by their currency) and a narration overflowing
 * into the reference column. */
TEST(ledger_header_words_and_overflowing_narration)
{
    const char *s =
        "Sl No  Txn Posted Date  Particulars                 Ref No      Entry User  Withdrawal Amt. (INR)  Deposit Amt. (INR)  Closing Balance (INR)\n"
        "1      01/04/2024       NEFT CR-ACME LTD SALARIES FOR FEB-2024  RAJ01                               5,000.00            15,000.00\n"
        "2      02/04/2024       ATM CASH                    ATM0001     SYS01                  2,000.00                         13,000.00\n"
        "3      03/04/2024       POS SHOP                    POS1234     SYS01                    500.00                         12,500.00\n"
        "4      04/04/2024       UPI PAY                     UPI4567     SYS01                    100.00                         12,400.00\n";
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(s, &st, &err), 0);
    CHECK_INT(st.ntxns, 4);
    if (st.ntxns == 4) {
        CHECK_STR(st.txns[0].note, "NEFT CR-ACME LTD SALARIES FOR FEB-2024");
        CHECK(st.txns[0].chq_num == NULL);
        CHECK_INT(st.txns[0].type, TXN_CREDIT);
        CHECK_STR(st.txns[1].chq_num, "ATM0001");
        CHECK_INT(st.txns[3].amount, 10000);
    }
    CHECK(st.balances_ok);
    statement_free(&st);
}

/* One "Dr/Cr" label over the only amount column: the cells carry their
 * markers. ISO dates. */
TEST(drcr_label_over_the_amount_column)
{
    const char *s =
        "Tran Date     Remarks                      Dr/Cr              Balance\n"
        "2024-04-01    OPENING BALANCE                                1,000.00\n"
        "2024-04-02    IMPS FROM FRIEND          2,000.00 Cr          3,000.00\n"
        "2024-04-03    ATM WDL                     500.00 Dr          2,500.00\n";
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(s, &st, &err), 0);
    CHECK_INT(st.ntxns, 2);
    if (st.ntxns == 2) {
        CHECK_INT(st.txns[0].date, D(2024, 4, 2));
        CHECK_INT(st.txns[0].type, TXN_CREDIT);
        CHECK_INT(st.txns[1].type, TXN_DEBIT);
    }
    CHECK(st.balances_ok && st.totals_ok);
    statement_free(&st);
}

/* A centred row broken by the page: the letterhead and header of the next
 * page come between its lines; the lines above the next page's first row
 * are split at the gap between rows. */
TEST(row_split_across_pages_with_letterhead_between)
{
    const char *s =
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
        "              JULY\n";
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(s, &st, &err), 0);
    CHECK_INT(st.ntxns, 3);
    if (st.ntxns == 3) {
        CHECK_STR(st.txns[1].note, "NEFT/ACME/SALARY AUG 2024");
        CHECK_STR(st.txns[2].note, "IMPS/98765/RENT JULY");
    }
    statement_free(&st);
}

/* Column labels no phrase knows: the dates, the text and the amounts
 * below them tell their roles, and the balance chain tells which money
 * column is which. */
TEST(unknown_labels_read_from_their_cells_and_the_chain)
{
    const char *s =
        "Booked      Remarks               Chq No      Came In         Went Out          Balance\n"
        "01/04/2024  SALARY ACME LTD       N12345    50,000.00                         60,000.00\n"
        "02/04/2024  ATM CASH              A777                        2,000.00        58,000.00\n"
        "03/04/2024  RENT APRIL                                       20,000.00        38,000.00\n"
        "04/04/2024  REFUND SHOP                        500.00                         38,500.00\n";
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(s, &st, &err), 0);
    CHECK_INT(st.ntxns, 4);
    if (st.ntxns == 4) {
        CHECK_INT(st.txns[0].date, D(2024, 4, 1));
        CHECK_STR(st.txns[0].note, "SALARY ACME LTD");
        CHECK_INT(st.txns[0].type, TXN_CREDIT);
        CHECK_INT(st.txns[1].type, TXN_DEBIT);
        CHECK_INT(st.txns[2].amount, 2000000);
        CHECK_INT(st.txns[3].type, TXN_CREDIT);
    }
    CHECK(st.balances_ok && st.totals_ok);
    statement_free(&st);
}

/* A value date in brackets under the date, wrapped over two lines: read,
 * and the narration beside its first piece kept. */
TEST(bracketed_value_date_wrapped_under_the_date)
{
    const char *s =
        "Date            Particulars               Withdrawal       Deposit        Balance\n"
        "01 June 2024    UPI/DR/123/KARTHIK            100.00                       900.00\n"
        "(01 June        RANI/school fees\n"
        "2024)\n"
        "02 June 2024    SALARY                                     1,000.00      1,900.00\n"
        "(03 June\n"
        "2024)\n";
    struct statement st;
    struct extract_error err;
    CHECK_INT(run(s, &st, &err), 0);
    CHECK_INT(st.ntxns, 2);
    if (st.ntxns == 2) {
        CHECK_STR(st.txns[0].note, "UPI/DR/123/KARTHIK RANI/school fees");
        CHECK_INT(st.txns[0].value_date, D(2024, 6, 1));
        CHECK_INT(st.txns[1].value_date, D(2024, 6, 3));
    }
    CHECK(st.balances_ok);
    statement_free(&st);
}

int main(void)
{
    RUN(hdfc_like_rows_and_identity);
    RUN(single_amount_column_with_drcr_and_overdraft);
    RUN(balance_decides_direction_without_marker);
    RUN(stacked_header_and_rows_broken_across_pages);
    RUN(totals_and_closing_rows_are_not_transactions);
    RUN(tampered_balance_is_reported_not_fixed);
    RUN(centred_cells_narration_above_and_below);
    RUN(no_table_means_no_transactions);
    RUN(garbage_text_layer_refused_with_its_own_code);
    RUN(header_detection_needs_date_and_money_columns);
    RUN(newest_first_reversed_as_a_whole);
    RUN(newest_first_days_keep_their_printed_order);
    RUN(yearless_dates_from_the_period);
    RUN(rows_without_balance_carry_the_running_balance);
    RUN(signed_amounts_with_currency);
    RUN(brought_forward_reprint_and_summary_grid_are_not_rows);
    RUN(ledger_header_words_and_overflowing_narration);
    RUN(drcr_label_over_the_amount_column);
    RUN(row_split_across_pages_with_letterhead_between);
    RUN(unknown_labels_read_from_their_cells_and_the_chain);
    RUN(bracketed_value_date_wrapped_under_the_date);
    return check_summary();
}
