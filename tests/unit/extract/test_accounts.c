/* Several accounts in one PDF (a combined statement: savings then a loan or
 * a deposit, two savings accounts of one customer): extract_layout returns
 * one statement per account, each with its own identity, rows, balances
 * and reconciliation; an account with no readable rows is kept, flagged.
 * Layouts are monospaced text (6 pt a character, 12 pt a line, form feed =
 * new page), run through the whole post-MuPDF pipeline. */
#include <stdbool.h>
#include <stdio.h>

#include "check.h"
#include "text_statement.h"

/* The loan section of the combined documents: its title and number over
 * the savings account's columns, its first row (interest charged, the
 * balance owed printed Dr) and its second (the EMI paid). */
#define LOAN_TITLE \
    "LOAN ACCOUNT DETAILS\n" \
    "Loan Account No : 520106000012345\n" \
    "\n" \
    UNION_COLUMNS
#define LOAN_INTEREST_ROW "05/04/2024   INTEREST DEBITED                          3,000.00                 5,03,000.00 Dr\n"
#define LOAN_EMI_ROW "05/04/2024   EMI RECOVERED                                             8,000.00  4,95,000.00 Dr\n"

/* A deposit section: its number only inside a sentence, over a grid of
 * deposits with dates and amounts (no transactions). */
#define DEPOSIT_GRID \
    "FIXED DEPOSIT DETAILS\n" \
    "Customer deposits linked to this account (Deposit A/c No. 323500615313829)\n" \
    " Deposit No     Open Date     Principal ROI % Maturity Date Maturity Amount\n" \
    " 952344587754   11/11/2023    1,54,000.00 7.75 10/11/2025      1,77,870.00\n" \
    " 809847044130   21/02/2024    1,97,000.00 7.00 20/02/2026      2,24,580.00\n"

/* UNION_SAVINGS, then `rest`, read into *all: true when it gives the two
 * accounts it must (else the test has failed). */
static bool read_two(const char *rest, struct statement_list *all)
{
    char doc[4096];
    snprintf(doc, sizeof doc, "%s%s", UNION_SAVINGS, rest);
    CHECK_INT(read_text(doc, NULL, all), 0);
    CHECK_INT(all->n, 2);
    return all->n == 2;
}

TEST(savings_and_loan_are_two_statements)
{
    const char *rest =
        LOAN_TITLE
        LOAN_INTEREST_ROW
        LOAN_EMI_ROW;
    struct statement_list all;
    if (read_two(rest, &all)) {
        const struct statement *sb = &all.items[0], *loan = &all.items[1];
        CHECK_STR(sb->id.account_number, "520101234567890");
        CHECK_INT(sb->ntxns, 2);
        CHECK_INT(sb->closing_balance, 1450000);
        CHECK(sb->balances_ok && sb->totals_ok && !sb->error_code);
        CHECK_STR(loan->id.account_number, "520106000012345");
        CHECK_STR(loan->id.account_type, "LOAN");
        CHECK_INT(loan->ntxns, 2);
        if (loan->ntxns == 2) {
            CHECK_INT(loan->txns[0].type, TXN_DEBIT);
            CHECK_INT(loan->txns[0].balance, -50300000);
            CHECK_INT(loan->txns[1].type, TXN_CREDIT);
        }
        CHECK_INT(loan->opening_balance, -50000000);
        CHECK_INT(loan->closing_balance, -49500000);
        CHECK(loan->balances_ok && loan->totals_ok && !loan->error_code);
        /* one customer, one bank, one statement period */
        CHECK_STR(loan->id.name, "LATA IYER");
        CHECK_STR(loan->bank, "ubi");
        CHECK_INT(loan->from_date, sb->from_date);
        CHECK_INT(loan->to_date, sb->to_date);
        CHECK(!loan->id.ifsc); /* the savings account's branch code is not inferred for the loan */
    }
    statement_list_free(&all);
}

TEST(deposit_grid_is_an_account_without_rows)
{
    const char *rest = DEPOSIT_GRID;
    struct statement_list all;
    if (read_two(rest, &all)) {
        const struct statement *fd = &all.items[1];
        CHECK_INT(all.items[0].ntxns, 2);
        CHECK_INT(all.items[0].closing_balance, 1450000);
        CHECK_STR(fd->id.account_number, "323500615313829");
        CHECK_STR(fd->id.account_type, "FIXED DEPOSIT");
        CHECK_INT(fd->ntxns, 0);
        CHECK_STR(fd->error_code, "STATEMENT_NO_TRANSACTIONS");
        CHECK(!fd->balances_ok); /* nothing reconciled is not reported as reconciled */
    }
    statement_list_free(&all);
}

TEST(two_savings_accounts_of_one_customer)
{
    const char *rest =
        "\f"
        "UNION BANK OF INDIA\n"
        "Account No : 520101234599999       IFSC : UBIN0531234\n"
        "\n"
        UNION_COLUMNS
        "04/04/2024   UPI-GROCER                                    200.00                    1,800.00\n"
        "06/04/2024   NEFT-RENT                                                   700.00      2,500.00\n"
        "09/04/2024   ATM WDL                                       100.00                    2,400.00\n";
    struct statement_list all;
    if (read_two(rest, &all)) {
        CHECK_STR(all.items[0].id.account_number, "520101234567890");
        CHECK_INT(all.items[0].ntxns, 2);
        CHECK_INT(all.items[0].closing_balance, 1450000);
        CHECK_STR(all.items[1].id.account_number, "520101234599999");
        CHECK_INT(all.items[1].ntxns, 3);
        CHECK_INT(all.items[1].opening_balance, 200000);
        CHECK_INT(all.items[1].closing_balance, 240000);
        CHECK(all.items[1].balances_ok && all.items[1].totals_ok);
        CHECK_STR(all.items[1].id.name, "LATA IYER");
    }
    statement_list_free(&all);
}

TEST(one_account_is_one_statement)
{
    /* the account number repeated in every page's header starts no second account */
    const char *doc =
        "Account No : 520101234567890\n"
        UNION_COLUMNS
        UNION_APRIL_ROWS
        "\f"
        "Account No : 520101234567890\n"
        UNION_COLUMNS
        "04/04/2024   ATM WDL                                       500.00                   14,000.00\n";
    struct statement_list all;
    CHECK_INT(read_text(doc, NULL, &all), 0);
    CHECK_INT(all.n, 1);
    if (all.n == 1)
        CHECK_INT(all.items[0].ntxns, 3);
    statement_list_free(&all);
    /* no account with rows: the document is refused, not a list of empty accounts */
    CHECK_INT(read_text("Account No : 520101234567890\nLoan Account No : 520106000012345\n", NULL, &all),
              EXTRACT_NO_TRANSACTIONS);
    CHECK_INT(all.n, 0);
}

/* The first account read alone: its identity, rows and closing balance
 * are its own, never the next account's. */

TEST(second_account_in_the_pdf_is_kept_apart)
{
    const char *loan =
        LOAN_TITLE
        "05/04/2024   EMI RECOVERED                                             8,000.00  4,92,000.00\n"
        "Closing Balance : 4,92,000.00\n";
    struct statement st;
    CHECK_INT(read_with(UNION_SAVINGS, loan, NULL, &st), 0);
    CHECK_INT(st.ntxns, 2);
    CHECK_STR(st.id.account_number, "520101234567890");
    CHECK_INT(st.closing_balance, 1450000);
    CHECK(st.balances_ok && st.totals_ok);
    CHECK_STR(st.bank, "ubi");
    statement_free(&st);
}

TEST(first_accounts_unread_rows_are_not_the_next_accounts)
{
    /* the savings account's rows under no header the reader knows (each
     * date on a line of its own), then a loan account's table it reads: the
     * loan's rows are the loan's, the savings account has none (flagged),
     * never the loan's rows under the savings account's number */
    const char *doc =
        UNION_LETTERHEAD
        "02/04/2024\n"
        "SALARY APR                                                           5,000.00     15,000.00\n"
        "03/04/2024\n"
        "ATM WDL                                                 500.00                    14,500.00\n"
        "04/04/2024\n"
        "UPI-GROCER                                              200.00                    14,300.00\n"
        "\n"
        LOAN_TITLE
        LOAN_INTEREST_ROW
        LOAN_EMI_ROW;
    struct statement_list all;
    CHECK_INT(read_text(doc, NULL, &all), 0);
    CHECK_INT(all.n, 2);
    if (all.n == 2) {
        CHECK_STR(all.items[0].id.account_number, "520101234567890");
        CHECK_INT(all.items[0].ntxns, 0);
        CHECK_STR(all.items[0].error_code, "STATEMENT_NO_TRANSACTIONS");
        CHECK_STR(all.items[1].id.account_number, "520106000012345");
        CHECK_INT(all.items[1].ntxns, 2);
    } else if (all.n == 1) {
        CHECK_INT(all.items[0].ntxns, 0);
    }
    statement_list_free(&all);
}

TEST(loan_table_after_a_passbooks_unlabelled_rows_is_its_own_account)
{
    /* a passbook's copy (no column labels: its columns read from its rows),
     * then a loan section with labels of its own over two rows, its balance
     * column labelled "Outstanding": the loan is the second account, its two
     * rows read (two rows cannot tell an unknown label's role from its cells) */
    const char *doc =
        "ANDHRA PRADESH GRAMEENA VIKAS BANK\n"
        "A/C NO: 6279098092   NAME: MRS LATA IYER\n"
        "IFSC: APGV0503828   PERIOD: 01.04.2024 - 30.04.2024\n"
        "\n"
        "01.04.2024   UPI/DR/698448663113/GROCER               1774.59                   8225.41\n"
        "02.04.2024   NEFT/INFOSYS LIMITED/SALARY                         76000.00      84225.41\n"
        "03.04.2024   ATM WDL/S1A07036                         7000.00                  77225.41\n"
        "05.04.2024   EMI TO LOAN A/C 2873960997              14780.00                  62445.41\n"
        "\n"
        "LOAN ACCOUNT DETAILS\n"
        "Loan Account No : 2873960997    Type : HOME LOAN\n"
        "Outstanding at the start of the period : 2,86,000.00 Dr\n"
        " Date         Particulars                               Debit         Credit      Outstanding\n"
        " 05.04.2024   INTEREST DEBITED                       2,145.00                  2,88,145.00 Dr\n"
        " 05.04.2024   EMI RECOVERED FROM SB A/C 8092                      14,780.00    2,73,365.00 Dr\n";
    struct statement_list all;
    CHECK_INT(read_text(doc, NULL, &all), 0);
    CHECK_INT(all.n, 2);
    if (all.n == 2) {
        const struct statement *sb = &all.items[0], *loan = &all.items[1];
        CHECK_STR(sb->id.account_number, "6279098092");
        CHECK_INT(sb->ntxns, 4);
        CHECK(sb->balances_ok);
        CHECK_STR(loan->id.account_number, "2873960997");
        CHECK_STR(loan->id.account_type, "LOAN");
        CHECK_INT(loan->ntxns, 2);
        CHECK(!loan->error_code);
        if (loan->ntxns == 2) {
            CHECK_INT(loan->txns[0].type, TXN_DEBIT);
            CHECK_INT(loan->txns[0].balance, -28814500);
            CHECK_INT(loan->txns[1].type, TXN_CREDIT);
            CHECK_INT(loan->txns[1].balance, -27336500);
        }
        CHECK(loan->balances_ok);
    }
    statement_list_free(&all);
}

TEST(deposit_grid_after_an_unlabelled_account_is_kept_apart)
{
    /* the first account's number has no label; the second account is named
     * only inside a sentence, over a grid of deposits with dates and amounts */
    const char *doc =
        "UNION BANK OF INDIA\n"
        "708003010021426 LAKSHMI KUMAR PATEL                  IFSC        : UBIN0886559\n"
        "FLAT NO 203, SAI SHRADDHA APTS\n"
        "BENGALURU 560609\n"
        "\n"
        "Tran Id         Tran Date     Remarks                            Amount (Rs.)       Balance (Rs.)\n"
        "S00021426       02/04/2024    SALARY APR                        5,000.00 (Cr)      15,000.00 (Cr)\n"
        "S00029345       03/04/2024    ATM WDL                             500.00 (Dr)      14,500.00 (Cr)\n"
        "\n"
        DEPOSIT_GRID;
    struct statement st;
    CHECK_INT(read_with(doc, "", NULL, &st), 0);
    CHECK_INT(st.ntxns, 2);
    CHECK_STR(st.id.account_number, "708003010021426");
    CHECK_INT(st.closing_balance, 1450000);
    statement_free(&st);
    /* a loan account's number printed in every page's footer starts no second account */
    doc =
        "UNION BANK OF INDIA\n"
        "708003010021426 LAKSHMI KUMAR PATEL\n"
        "FLAT NO 203, SAI SHRADDHA APTS\n"
        "BENGALURU 560609\n"
        "\n"
        UNION_COLUMNS
        UNION_APRIL_ROWS
        "Your Loan A/c No : 520106000012345\n"
        "\f"
        UNION_COLUMNS
        "04/04/2024   ATM WDL                                       500.00                   14,000.00\n"
        "05/04/2024   ATM WDL                                       500.00                   13,500.00\n"
        "Your Loan A/c No : 520106000012345\n";
    CHECK_INT(read_with(doc, "", NULL, &st), 0);
    CHECK_INT(st.ntxns, 4);
    CHECK_INT(st.closing_balance, 1350000);
    statement_free(&st);
}

TEST(closing_balance_not_from_the_loan_summary)
{
    const char *doc =
        "UNION BANK OF INDIA\n"
        "Account No : 520101234567890\n"
        "\n"
        UNION_COLUMNS
        UNION_APRIL_ROWS
        "\n"
        "Your loan account 520106000012345\n"
        "Account No : 520106000012345\n"
        "Closing Balance : 4,92,000.00 Dr\n";
    struct statement st;
    CHECK_INT(read_with(doc, "", NULL, &st), 0);
    CHECK_INT(st.ntxns, 2);
    CHECK(!st.has_closing || st.closing_balance == 1450000);
    CHECK_STR(st.id.account_number, "520101234567890");
    statement_free(&st);
}

TEST(a_pages_balances_in_sentences_are_not_the_statements)
{
    /* each page's opening and closing balances printed as sentences above
     * and under its rows (not rows of the table): the statement's opening
     * is the first row's, not the first page's closing one */
    const char *doc =
        "UNION BANK OF INDIA\n"
        "Account No : 520101234567890\n"
        "\n"
        UNION_COLUMNS
        UNION_APRIL_ROWS
        "Closing balance of page 1 : 14,500.00\n"
        "\f"
        "Balance brought forward from page 1 : 14,500.00\n"
        UNION_COLUMNS
        "04/04/2024   ATM WDL                                       500.00                   14,000.00\n"
        "05/04/2024   ATM WDL                                       500.00                   13,500.00\n"
        "Closing balance of page 2 : 13,500.00\n";
    struct statement st;
    CHECK_INT(read_with(doc, "", NULL, &st), 0);
    CHECK_INT(st.ntxns, 4);
    CHECK(st.balances_ok);
    CHECK_INT(st.opening_balance, 1000000);
    CHECK_INT(st.closing_balance, 1350000);
    statement_free(&st);
}

TEST(loan_continued_under_the_letterhead)
{
    /* the loan's rows go on on a new page under the letterhead alone (no
     * header printed again), here over the narration column: the
     * letterhead is page furniture, printed on the first page too (above
     * the savings account, outside the loan's part of the document), and
     * no part of the loan's last row on the page before */
    const char *rest =
        LOAN_TITLE
        LOAN_INTEREST_ROW
        "\f"
        "             UNION BANK OF INDIA\n"
        LOAN_EMI_ROW;
    struct statement_list all;
    if (read_two(rest, &all)) {
        const struct statement *loan = &all.items[1];
        CHECK_INT(loan->ntxns, 2);
        if (loan->ntxns == 2) {
            CHECK_STR(loan->txns[0].note, "INTEREST DEBITED");
            CHECK_STR(loan->txns[1].note, "EMI RECOVERED");
        }
        CHECK(loan->balances_ok);
        CHECK_INT(all.items[0].ntxns, 2);
    }
    statement_list_free(&all);
}

TEST(loan_continued_under_the_savings_accounts_page_header)
{
    /* every page's header prints the statement's account number, also on
     * a page the loan's rows go on on: that number is the first account's
     * page furniture, the loan keeps the number its block is labelled with */
    const char *rest =
        "LOAN ACCOUNT DETAILS\n"
        "Loan Account No : 520106000012345 Sanctioned Amount : 5,50,000.00\n"
        "\n"
        UNION_COLUMNS
        "05/04/2024   INTEREST DEBITED                          3,000.00                 5,03,000.00 Dr\n"
        "\f"
        "             UNION BANK OF INDIA\n"
        "Account No : 520101234567890\n"
        "\n"
        LOAN_EMI_ROW;
    struct statement_list all;
    if (read_two(rest, &all)) {
        CHECK_STR(all.items[0].id.account_number, "520101234567890");
        CHECK_STR(all.items[1].id.account_number, "520106000012345");
        CHECK_STR(all.items[1].id.account_type, "LOAN");
        CHECK_INT(all.items[1].ntxns, 2);
    }
    statement_list_free(&all);
}

TEST(deposit_grid_after_rows_printing_the_narration_first)
{
    /* the narration column at the left margin: the deposit block's title
     * and grid below the last row, set apart by a wider gap than any
     * between the rows' lines, are another account, not that row's
     * narration (which read as reconciled, the deposit lost) */
    const char *doc =
        UNION_LETTERHEAD
        "Particulars                                                                     Date             Debit       Credit      Balance\n"
        "NEFT/UTIBN83872510661/WIPRO LIMITED/SALARY APR 2024/KKBK0835163                 02/04/2024                 5,000.00    15,000.00\n"
        "ATM WDL/S1A04315/C SCHEME JAIPUR                                                03/04/2024      500.00                 14,500.00\n"
        "UPI/DR/382215870511/NITIN KUMAR/ICIC/nitin01@paytm/groceries                    04/04/2024      200.00                 14,300.00\n"
        "\n"
        "FIXED DEPOSIT DETAILS\n"
        "Customer deposits linked to this account (Deposit A/c No. 323500615313829)\n"
        "Deposit No Open Date Principal ROI % Maturity Date Maturity Amount\n"
        "952344587754 11/11/2023 1,54,000.00 7.75 10/11/2025 1,77,870.00\n";
    struct statement_list all;
    CHECK_INT(read_text(doc, NULL, &all), 0);
    CHECK_INT(all.n, 2);
    if (all.n >= 1 && all.items[0].ntxns == 3) {
        CHECK_STR(all.items[0].txns[2].note, "UPI/DR/382215870511/NITIN KUMAR/ICIC/nitin01@paytm/groceries");
        CHECK_INT(all.items[0].closing_balance, 1430000);
    }
    if (all.n == 2) {
        CHECK_STR(all.items[1].id.account_number, "323500615313829");
        CHECK_STR(all.items[1].id.account_type, "FIXED DEPOSIT");
    }
    statement_list_free(&all);
}

TEST(account_number_in_a_rows_narration_is_no_new_account)
{
    /* the rows go on on a new page with no header printed again, one of
     * them naming another account in its narration (a transfer to a term
     * deposit): a row, not the label of a second account's block; the
     * loan labelled after the rows is the second account */
    const char *doc =
        UNION_LETTERHEAD
        UNION_COLUMNS
        "01/04/2024   OPENING BALANCE                                                        50,000.00\n"
        "02/04/2024   SALARY APR                                                5,000.00     55,000.00\n"
        "03/04/2024   ATM WDL                                       500.00                   54,500.00\n"
        "\f"
        "05/04/2024   TRF TO TD A/C 0730355788271                20,000.00                   34,500.00\n"
        "06/04/2024   UPI/DR/592303231441/AMAZON                  1,000.00                   33,500.00\n"
        "07/04/2024   NEFT/HDFCN57117805359/REFUND                              2,000.00     35,500.00\n"
        "\n"
        LOAN_TITLE
        LOAN_INTEREST_ROW
        LOAN_EMI_ROW;
    struct statement_list all;
    CHECK_INT(read_text(doc, NULL, &all), 0);
    CHECK_INT(all.n, 2);
    if (all.n == 2) {
        CHECK_INT(all.items[0].ntxns, 5);
        CHECK_INT(all.items[0].closing_balance, 3550000);
        CHECK_STR(all.items[1].id.account_number, "520106000012345");
        CHECK_INT(all.items[1].ntxns, 2);
    }
    statement_list_free(&all);
}

TEST(account_number_in_a_narration_line_between_rows_is_no_new_account)
{
    /* a ledger printing each row's narration on the line under its figures,
     * read with no narration column (the lines are the table's noise): the
     * one naming a term deposit's account is no second account's label */
    const char *doc =
        UNION_LETTERHEAD
        "Date         Chq No                            Debit        Credit       Balance\n"
        "01/04/2024                                                   5,000.00    55,000.00\n"
        "SALARY FROM ACME TECHNOLOGIES FOR APRIL\n"
        "05/04/2024                                  20,000.00                    35,000.00\n"
        "TRF TO TD A/C 0730355788271\n"
        "06/04/2024   592303                          1,000.00                    34,000.00\n"
        "UPI/DR/592303231441/AMAZON\n"
        "07/04/2024                                                2,000.00      36,000.00\n";
    struct statement_list all;
    CHECK_INT(read_text(doc, NULL, &all), 0);
    CHECK_INT(all.n, 1);
    if (all.n >= 1) {
        CHECK_INT(all.items[0].ntxns, 4);
        CHECK_INT(all.items[0].closing_balance, 3600000);
    }
    statement_list_free(&all);
}

int main(void)
{
    RUN(savings_and_loan_are_two_statements);
    RUN(deposit_grid_is_an_account_without_rows);
    RUN(two_savings_accounts_of_one_customer);
    RUN(one_account_is_one_statement);
    RUN(second_account_in_the_pdf_is_kept_apart);
    RUN(first_accounts_unread_rows_are_not_the_next_accounts);
    RUN(loan_table_after_a_passbooks_unlabelled_rows_is_its_own_account);
    RUN(deposit_grid_after_an_unlabelled_account_is_kept_apart);
    RUN(closing_balance_not_from_the_loan_summary);
    RUN(loan_continued_under_the_letterhead);
    RUN(a_pages_balances_in_sentences_are_not_the_statements);
    RUN(deposit_grid_after_rows_printing_the_narration_first);
    RUN(loan_continued_under_the_savings_accounts_page_header);
    RUN(account_number_in_a_rows_narration_is_no_new_account);
    RUN(account_number_in_a_narration_line_between_rows_is_no_new_account);
    return check_summary();
}
