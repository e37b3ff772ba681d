/* The account number (labelled, in a sentence, masked, grouped; never a
 * date, a CIF or a customer id), the account type from the words banks use,
 * and the branch block's IFSC and MICR. Cases: identity_case.h. */
#include "identity_case.h"

TEST(account_number_inside_a_sentence)
{
    struct statement st;
    CHECK_INT(read_head("Here is your statement for account number 918020012345678 for the period "
                        "01-04-2024 to 30-04-2024\n",
                        &st),
              0);
    CHECK_STR(st.id.account_number, "918020012345678");
    CHECK(st.from_date != PB_NO_DAY);
    statement_free(&st);
    static const struct head_case CASES[] = {
        {"a date in the same sentence is never taken for it", "Statement of account no. 01-04-2024 to 30-04-2024\n",
         {.account = NONE}},
        {"masked", "Account No : XXXXXXXX4321\n", {.account = "XXXXXXXX4321"}},
    };
    EXPECT_CASES(CASES);
}

TEST(account_numbers_as_statements_print_them)
{
    static const struct head_case CASES[] = {
        {"masked with X", "ICICI Bank Limited\nAccount Number : XXXXXXXX4321\nName : ANITA DESAI\n",
         {.account = "XXXXXXXX4321", .name = "ANITA DESAI", .ifsc = NONE, .bank = "icici"}},
        {"masked with stars beside the name", "HDFC BANK LIMITED\nAccount No : ****4321          Name : ANITA DESAI\n",
         {.account = "****4321", .name = "ANITA DESAI", .bank = "hdfc"}},
        {"masked in the middle", "Axis Bank\nAccount No : 9120XXXXXXX4321\nCustomer Name : ANITA DESAI\n",
         {.account = "9120XXXXXXX4321", .name = "ANITA DESAI", .bank = "axis"}},
        {"CIF and customer id before the account number",
         "STATE BANK OF INDIA\nCIF Number : 85012345678\nCustomer ID : 123456789\nAccount Number : 30123456789\n"
         "Name : ANITA DESAI\n",
         {.account = "30123456789", .name = "ANITA DESAI", .bank = "sbi"}},
        {"only a CIF printed: no account number", "STATE BANK OF INDIA\nCIF No. : 85012345678\nName : ANITA DESAI\n",
         {.account = NONE, .name = "ANITA DESAI", .bank = "sbi"}},
        {"customer relationship number beside the account number",
         "Kotak Mahindra Bank\nCRN : 12345678          Account No. : 1234567890\n",
         {.account = "1234567890", .bank = "kotak"}},
        {"inside a sentence with the period",
         "Bank of India\nStatement of account no. 012310110001234 for the period 01/04/2024 to 30/04/2024\n"
         "Name : ROHAN VERMA\n",
         {.account = "012310110001234", .name = "ROHAN VERMA", .bank = "boi"}},
        {"masked inside an e-mail's sentence",
         "Dear ROHAN VERMA\nYour Savings Account XXXXXXXX6789 statement for April 2024\nIDFC FIRST Bank\n",
         {.account = "XXXXXXXX6789", .name = "ROHAN VERMA", .bank = "idfc"}},
        {"labels whose spaces OCR lost (a scan's 'AccountNumber', 'IFSCCode')",
         "Canara Bank\nAccountNumber : 8305101590413\nIFSCCode : CNRB0228949\n",
         {.account = "8305101590413", .ifsc = "CNRB0228949", .bank = "canara"}},
        {"grouped with dashes (HSBC India)",
         "The Hongkong and Shanghai Banking Corporation Limited\nName : ROHAN VERMA\n"
         "Account Number : 071-123456-001\nIFSC : HSBC0400002\n",
         {.account = "071-123456-001", .ifsc = "HSBC0400002", .bank = "hsbc"}},
    };
    EXPECT_CASES(CASES);
}

TEST(branch_block_fields_and_account_types)
{
    static const struct head_case CASES[] = {
        {"IFSC and MICR under one label",
         "Indian Overseas Bank\nName : ROHAN VERMA\nAccount No : 012301000012345\n"
         "Branch : ADYAR, CHENNAI     IFSC/MICR : IOBA0000123/600020005\n",
         {.ifsc = "IOBA0000123", .micr = "600020005", .name = "ROHAN VERMA", .bank = "iob"}},
        {"IFSC/MICR with the value after a gap, a CIF number before the account's",
         "ROHAN VERMA\nCIF No.       : 31922125\nAccount No.   : 309282044726\n"
         "IFSC/MICR     : RATN0018586/600176452\n",
         {.ifsc = "RATN0018586", .micr = "600176452", .account = "309282044726", .bank = "rbl"}},
        {"IFSC & MICR", "Account No. : 309282044726\nIFSC & MICR : RATN0018586 / 600176452\n",
         {.ifsc = "RATN0018586", .micr = "600176452"}},
        {"type with residence", "HDFC BANK\nAccount Type : SAVINGS-RESIDENT\nAccount No : 50100123456789\n",
         {.type = "SAVINGS"}},
        {"SBI product code", "Account Number : 00000031234567890\nAccount Description : SBCHQ-GEN-PUB-IND-NONRURAL-INR\n",
         {.type = "SAVINGS"}},
        {"SB code", "Account Number : 00000031234567890\nAccount Description : SB-GEN-PUB-IND-NONRURAL-INR\n",
         {.type = "SAVINGS"}},
        {"savings variant", "Account No : 50100123456789\nAccount Type : Savings Account - FIRST Select\n",
         {.type = "SAVINGS"}},
        {"current", "Account No : 50100123456789\nProduct : CURRENT ACCOUNT - BUSINESS\n", {.type = "CURRENT"}},
        {"cash credit", "Account No : 50100123456789\nScheme : CASH CREDIT - MSME\n", {.type = "OVERDRAFT"}},
        {"OD/CC", "Account No : 50100123456789\nAccount Type : OD/CC\n", {.type = "OVERDRAFT"}},
        {"a word holding 'od' is no overdraft", "Account No : 50100123456789\nScheme : GOODLIFE PRODIGY\n",
         {.type = "GOODLIFE PRODIGY"}},
    };
    EXPECT_CASES(CASES);
}

TEST(grid_value_under_its_label_beside_a_longer_value_running_under_it)
{
    /* labels on one line, values under them; the holder's name runs on
     * under "Account Number", overlapping its value: the value under a
     * label is the one overlapping it most */
    struct layout l = {0};
    add_text(&l, 20, 20, "ALLAHABAD BANK");
    add_text(&l, 20, 40, "Account Holder");
    add_text(&l, 170, 40, "Account Number");
    add_text(&l, 300, 40, "IFSC");
    add_text(&l, 400, 40, "MICR");
    add_text(&l, 20, 52, "MR VIKRAM PRASAD DESHPANDE");
    add_text(&l, 170, 52, "50910996437");
    add_text(&l, 300, 52, "ALLA0857988");
    add_text(&l, 400, 52, "682010882");
    struct statement st;
    read_with_rows(&l, &st);
    CHECK_STR(st.id.account_number, "50910996437");
    CHECK_STR(st.id.name, "VIKRAM PRASAD DESHPANDE");
    CHECK_STR(st.id.ifsc, "ALLA0857988");
    statement_free(&st);
    layout_free(&l);
}

/* A sentence OCR read without its spaces: the label run into the words
 * before it, the number after it (a line of small type whose spaces
 * Tesseract did not see). Only on a scan: a text layer prints its spaces. */
TEST(account_number_in_a_sentence_read_without_spaces)
{
    static const char HEAD[] =
        "BANK OF BARODA\n"
        "ThisisthestatementofyourSavingsAccountNo.81020100591030fortheperiod01-03-2023to30-04-2023\n";
    struct statement st;
    CHECK_INT(read_scanned_head(HEAD, &st), 0);
    CHECK_STR(st.id.account_number, "81020100591030");
    statement_free(&st);
    /* a label of its own (spaces read) is the label's; a number after
     * words run together but no label is none */
    CHECK_INT(read_scanned_head("StatementforthemonthofApril2024ref.12345678901\n", &st), 0);
    CHECK(st.id.account_number == NULL);
    statement_free(&st);
    expect_identity(HEAD, &(struct want_id){.account = NONE});
}

int main(void)
{
    RUN(account_number_inside_a_sentence);
    RUN(account_numbers_as_statements_print_them);
    RUN(branch_block_fields_and_account_types);
    RUN(grid_value_under_its_label_beside_a_longer_value_running_under_it);
    RUN(account_number_in_a_sentence_read_without_spaces);
    return check_summary();
}
