/* Identity as a whole: every field from its own label (the synonyms banks
 * print), values after a gap or under their label in a grid, validators
 * that leave a field null rather than wrong, and header blocks as banks
 * print them. The fields' own families: test_identity_name.c, _account.c,
 * _address.c, _period.c; the bank: test_bank_naming.c. Cases:
 * identity_case.h. */
#include "identity_case.h"

TEST(label_synonyms_name_each_field)
{
    static const char *const NAMES[] = {"Customer Name", "A/c Holder", "Account Name", "Name of Customer",
                                        "Account Holder's Name", "Name of the Account Holder", "Cust. Name",
                                        "A/C Holder Name", "Name"};
    static const char *const ACCOUNTS[] = {"A/C No", "Account Number", "Acct No.", "Account No.", "A/c No.",
                                           "Savings Account No", "SB A/c No", "Account #"};
    static const char *const IFSCS[] = {"IFSC Code", "IFS Code", "IFSC", "RTGS/NEFT IFSC", "IFSC No."};
    static const char *const MICRS[] = {"MICR Code", "MICR", "MICR No."};
    static const char *const TYPES[] = {"Account Type", "Product", "Scheme", "A/c Type", "Type of Account"};
    static const char *const ADDRS[] = {"Address", "Communication Address", "Customer Address",
                                        "Correspondence Address"};
    for (size_t i = 0; i < 9; i++) {
        char head[1024];
        snprintf(head, sizeof head,
                 "PUNJAB NATIONAL BANK\n"
                 "%s : SUNITA DEVI RAO\n"
                 "%s : 0123004500678901\n"
                 "%s : PUNB0123400\n"
                 "%s : 110024003\n"
                 "%s : SAVINGS FUND\n"
                 "%s : 14 LAKE ROAD, PUNE 411001\n",
                 NAMES[i % 9], ACCOUNTS[i % 8], IFSCS[i % 5], MICRS[i % 3], TYPES[i % 5], ADDRS[i % 4]);
        expect_identity(head, &(struct want_id){.name = "SUNITA DEVI RAO", .account = "0123004500678901",
                                                .ifsc = "PUNB0123400", .micr = "110024003", .type = "SAVINGS",
                                                .address = "14 LAKE ROAD, PUNE 411001", .bank = "pnbbnk"});
        if (check_cur_failed)
            fprintf(stderr, "  with labels %s / %s / %s\n", NAMES[i % 9], ACCOUNTS[i % 8], IFSCS[i % 5]);
    }
}

TEST(values_after_a_gap_and_under_their_label_in_a_grid)
{
    const char *head =
        "CANARA BANK\n"
        "Customer Name        MEENA JOSHI\n"
        "\n"
        "Account Number       Account Type       IFSC Code        MICR Code\n"
        "1234101056789        SAVINGS            CNRB0001234      560015002\n";
    expect_identity(head, &(struct want_id){.name = "MEENA JOSHI", .account = "1234101056789", .ifsc = "CNRB0001234",
                                            .micr = "560015002", .type = "SAVINGS", .bank = "canara"});
}

TEST(validators_refuse_what_is_not_the_field)
{
    static const struct head_case CASES[] = {
        {"a date after Account No, an IFSC in lower case, an 8-digit MICR: each stays null rather than wrong",
         "Statement of account\n"
         "Account Holder : KIRAN PATIL\n"
         "Account No : 01/04/2024\n"
         "IFSC Code : punb0123400\n"
         "MICR : 11002400\n",
         {.name = "KIRAN PATIL", .account = NONE, .ifsc = NONE, .micr = NONE}},
        {"an IFSC without its 0", "IFSC : SBIN1234567\nAccount No : 12345678901\n",
         {.ifsc = NONE, .account = "12345678901"}},
    };
    EXPECT_CASES(CASES);
}

TEST(fields_not_printed_stay_null)
{
    /* the only IFSCs and bank names are counterparties' in the rows */
    expect_identity("STATEMENT OF ACCOUNT\nAccount No : 7788990011\n",
                    &(struct want_id){.ifsc = NONE, .micr = NONE, .name = NONE, .address = NONE, .bank = NONE});
}


/* Header blocks in the arrangements banks print (labels, columns and
 * sentences as public descriptions of their statements show them; every
 * value made up): each field from its own label, the name never from the
 * branch, a scheme after the number or a joint-holder line. */
static const struct head_case BANK_HEADERS[] = {
    {"SBI colon column", "STATE BANK OF INDIA\n"
     "Account Name       :Mr. RAVI KUMAR SHARMA\n"
     "Address            :H NO 12 SECTOR 4\n"
     "                    GURGAON\n"
     "Date               :2 Apr 2024\n"
     "Account Number     :00000031234567890\n"
     "Account Description:REGULAR SB CHQ-INDIVIDUALS\n"
     "Branch             :GURGAON SECTOR 14\n"
     "Interest Rate(% p.a.):2.7\n"
     "CIF No.            :85012345678\n"
     "IFS Code           :SBIN0001234\n"
     "MICR Code          :122002003\n"
     "Balance as on 1 Mar 2024 :10,000.00\n",
     {.name = "RAVI KUMAR SHARMA", .account = "00000031234567890",
      .ifsc = "SBIN0001234", .micr = "122002003", .bank = "sbi"}},
    {"HDFC two columns, a scheme after the number", "HDFC BANK\n"
     "MR RAVI KUMAR SHARMA                               Account Branch : MG ROAD\n"
     "H NO 12 SECTOR 4                                   Address        : 12 MG ROAD\n"
     "GURGAON 122001                                     City           : GURGAON 122001\n"
     "JOINT HOLDERS :                                    OD Limit       : 0.00\n"
     "Statement From : 01/03/2024 To : 31/03/2024        Cust ID        : 12345678\n"
     "                                                   Account No     : 50100123456789   PRIME\n"
     "                                                   A/C Open Date  : 12/05/2015\n"
     "                                                   RTGS/NEFT IFSC : HDFC0001234   "
     "MICR : 110240001\n",
     {.name = "RAVI KUMAR SHARMA", .account = "50100123456789",
      .ifsc = "HDFC0001234", .micr = "110240001", .bank = "hdfc"}},
    {"ICICI account sentence", "MR. RAVI KUMAR SHARMA\n"
     "H NO 12 SECTOR 4\n"
     "GURGAON HARYANA - 122001\n"
     "Your Base Branch: ICICI BANK LTD., SECTOR 14, GURGAON\n"
     "Statement of Transactions in Savings Account Number: 123401234567 for the period "
     "April 01, 2024 - April 30, 2024\n",
     {.name = "RAVI KUMAR SHARMA", .account = "123401234567", .bank = "icici"}},
    {"Axis joint holder line and account sentence", "RAVI KUMAR SHARMA\n"
     "Joint Holder :-\n"
     "H NO 12 SECTOR 4                        Customer ID :123456789\n"
     "GURGAON                                 IFSC Code :UTIB0001234\n"
     "HARYANA-INDIA 122001                    MICR Code :110211002\n"
     "                                        Scheme :EASY ACCESS SAVINGS\n"
     "Statement of Axis Account No :912010012345678 for the period (From : 01-04-2024 To : "
     "30-04-2024)\n",
     {.name = "RAVI KUMAR SHARMA", .account = "912010012345678",
      .ifsc = "UTIB0001234", .micr = "110211002", .bank = "axis"}},
    {"Kotak unlabelled name beside a label column", "Kotak Mahindra Bank\n"
     "RAVI KUMAR SHARMA                              Account No.   1234567890\n"
     "H NO 12 SECTOR 4                               Period        01 Apr 2024 - 30 Apr 2024\n"
     "GURGAON                                        Cust.Reln.No. 12345678\n"
     "HARYANA - 122001                               Branch        GURGAON SECTOR 14\n"
     "                                               IFSC Code     KKBK0001234\n"
     "                                               MICR          110485001\n",
     {.name = "RAVI KUMAR SHARMA", .account = "1234567890", .ifsc = "KKBK0001234",
      .micr = "110485001", .bank = "kotak"}},
    {"PNB branch beside customer fields", "Punjab National Bank\n"
     "Branch Name: GURGAON SECTOR 14        Branch Address: SCO 12, SECTOR 14, GURGAON 122001\n"
     "Customer Name: RAVI KUMAR SHARMA      Customer Address: H NO 12 SECTOR 4, GURGAON 122001\n"
     "Account Number: 0123000100012345      IFSC Code: PUNB0012300\n",
     {.name = "RAVI KUMAR SHARMA", .account = "0123000100012345",
      .ifsc = "PUNB0012300", .bank = "pnbbnk"}},
    {"Bank of Baroda sentence", "Bank of Baroda\n"
     "Statement of account for A/c 12340100012345 from 01-04-2024 to 30-04-2024\n"
     "Name: RAVI KUMAR SHARMA\n"
     "Branch: SECTOR 14 GURGAON   IFSC: BARB0SECGUR   MICR: 122012005\n",
     {.name = "RAVI KUMAR SHARMA", .account = "12340100012345",
      .ifsc = "BARB0SECGUR", .micr = "122012005", .bank = "baroda"}},
    {"IDBI primary holder", "IDBI BANK\n"
     "Customer ID : 12345678      A/C Open Date : 12/05/2015\n"
     "Primary A/C Holder : RAVI KUMAR SHARMA\n"
     "A/C NO : 0123104000123456    A/C Type : SAVINGS\n"
     "IFSC : IBKL0000123\n",
     {.name = "RAVI KUMAR SHARMA", .account = "0123104000123456",
      .ifsc = "IBKL0000123", .type = "SAVINGS", .bank = "idbi"}},
    {"Federal grid", "Federal Bank\n"
     "Name           Account Number     Account Type    Branch\n"
     "ANIL MATHEW    12340100012345     SAVINGS         KOCHI\n"
     "IFSC : FDRL0001234\n",
     {.name = "ANIL MATHEW", .account = "12340100012345", .type = "SAVINGS",
      .ifsc = "FDRL0001234", .bank = "federal"}},
};

TEST(header_blocks_as_banks_print_them)
{
    EXPECT_CASES(BANK_HEADERS);
}

/* A month-by-month summary before the rows (Month, Opening Balance, ...,
 * Closing Balance; a line a month): the statement opens with the first
 * month's opening and closes with the last month's closing. */
TEST(closing_balance_of_a_month_by_month_summary_is_its_last)
{
    const char *doc =
        "RBL Bank\n"
        "Account No : 309012345678\n"
        "Period : 01/04/2024 to 31/05/2024\n"
        "\n"
        "Monthly Summary\n"
        "Month          Opening Balance     Total Debits    Total Credits    Closing Balance\n"
        "Apr 2024             10,000.00           500.00             0.00           9,500.00\n"
        "May 2024              9,500.00             0.00         5,000.00          14,500.00\n"
        "\n"
        "\n"
        "Date         Particulars                               Debit        Credit       Balance\n"
        "02/04/2024   ATM WDL                                     500.00                  9,500.00\n"
        "03/05/2024   SALARY MAY                                             5,000.00    14,500.00\n";
    struct statement st;
    CHECK_INT(read_with(doc, "", NULL, &st), 0);
    CHECK_INT(st.ntxns, 2);
    CHECK_INT(st.opening_balance, 1000000);
    CHECK_INT(st.closing_balance, 1450000);
    CHECK(st.balances_ok);
    CHECK(st.totals_ok);
    statement_free(&st);

    /* one line of figures, then a sentence holding the account number under
     * the label: the figure is the closing balance */
    const char *grid =
        "ICICI Bank\n"
        "ACCOUNT SUMMARY\n"
        "Opening Balance      Deposits        Withdrawals      Closing Balance\n"
        "10,000.00            5,000.00        500.00           14,500.00\n"
        "Statement of Transactions in Savings Account Number: 015557723412 for the period\n"
        "\n"
        "Date         Particulars                               Debit        Credit       Balance\n"
        "02/04/2024   ATM WDL                                     500.00                  9,500.00\n"
        "03/05/2024   SALARY MAY                                             5,000.00    14,500.00\n";
    CHECK_INT(read_with(grid, "", NULL, &st), 0);
    CHECK_INT(st.closing_balance, 1450000);
    CHECK(st.totals_ok);
    statement_free(&st);
}

int main(void)
{
    RUN(label_synonyms_name_each_field);
    RUN(values_after_a_gap_and_under_their_label_in_a_grid);
    RUN(validators_refuse_what_is_not_the_field);
    RUN(fields_not_printed_stay_null);
    RUN(header_blocks_as_banks_print_them);
    RUN(closing_balance_of_a_month_by_month_summary_is_its_last);
    return check_summary();
}
