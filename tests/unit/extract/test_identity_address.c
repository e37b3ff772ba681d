/* The customer's address: the block under the holder's name down to its
 * PIN code, a labelled address, lines interleaved with another column's;
 * never the branch's address. Cases: identity_case.h. */
#include "identity_case.h"

TEST(address_block_under_a_name_printed_after_the_account_number)
{
    static const struct head_case CASES[] = {
        {"name in the account's sentence, the address at the left margin below it, ending with its PIN code",
         "                    THE COSMOS CO-OPERATIVE BANK LTD.\n"
         "                                                          BOPAL BRANCH\n"
         "\n"
         "                    LEDGER REPORT FOR A/C NO. 0000501089214 MEERA CHATTERJEE\n"
         "                                From 01/12/2023 To 31/12/2023\n"
         "PLOT 45, SECTOR 7\n"
         "OPP CITY MALL, SATELLITE\n"
         "GUJARAT\n"
         "AHMEDABAD 380787\n"
         "IFSC : COSB0982124 MICR : 380164062\n",
         {.account = "0000501089214", .name = "MEERA CHATTERJEE", .ifsc = "COSB0982124",
          .address = "PLOT 45, SECTOR 7, OPP CITY MALL, SATELLITE, GUJARAT, AHMEDABAD 380787"}},
        {"a two-word line of the address (WEST BENGAL) over the PIN line is no name block",
         "                    LEDGER REPORT FOR A/C NO. 0110501003467 PRIYA LAL DAS\n"
         "ROOM 5, SHIVAJI CHAWL\n"
         "OPP CITY MALL, DUM DUM\n"
         "WEST BENGAL\n"
         "KOLKATA 700269\n",
         {.name = "PRIYA LAL DAS",
          .address = "ROOM 5, SHIVAJI CHAWL, OPP CITY MALL, DUM DUM, WEST BENGAL, KOLKATA 700269"}},
        {"the branch's address set apart from the margin is not the customer's",
         "Account No : 0000501089214 MEERA CHATTERJEE\n"
         "                                        BOPAL BRANCH\n"
         "                                        12 MG ROAD, AHMEDABAD 380001\n",
         {.name = "MEERA CHATTERJEE", .address = NONE}},
        {"labelled lines under the address ('IFSC :' left of a value in the address's column) end it",
         "                              DENA BANK\n"
         "A/C NO : 065110000039571\n"
         "NAME :    MR VIKRAM DEVI SHEIKH\n"
         "ADDRESS : NO 18, TEMPLE STREET\n"
         "          NEXT TO POST OFFICE, AUNDH\n"
         "          PUNE 411014\n"
         "IFSC :    BKDN0370850\n"
         "MICR :    411018647\n",
         {.account = "065110000039571", .name = "VIKRAM DEVI SHEIKH", .ifsc = "BKDN0370850",
          .address = "NO 18, TEMPLE STREET, NEXT TO POST OFFICE, AUNDH, PUNE 411014"}},
        {"the branch's address under a line naming the branch is not the customer's",
         "Account No : 0000501089214 MEERA CHATTERJEE\n"
         "BOPAL BRANCH\n"
         "12 MG ROAD, AHMEDABAD 380001\n",
         {.address = NONE}},
    };
    EXPECT_CASES(CASES);
}

TEST(address_lines_between_the_lines_of_another_column)
{
    /* the right-hand column's lines sit between the address lines (other baselines) */
    struct layout l = {0};
    add_text(&l, 20, 20, "IndusInd Bank");
    add_text(&l, 20, 40, "Address");
    add_text(&l, 110, 40, "NO 18, TEMPLE STREET");
    add_text(&l, 400, 46, "Account Type : SAVINGS");
    add_text(&l, 110, 52, "NEXT TO POST OFFICE, AMEERPET");
    add_text(&l, 400, 58, "IFSC Code : INDB0154492");
    add_text(&l, 110, 64, "HYDERABAD 500986");
    add_text(&l, 20, 80, "Name of Customer : HARPREET PATEL");
    add_text(&l, 20, 92, "Account No : 154703645264");
    struct statement st;
    read_with_rows(&l, &st);
    CHECK_STR(st.id.address, "NO 18, TEMPLE STREET, NEXT TO POST OFFICE, AMEERPET, HYDERABAD 500986");
    CHECK_STR(st.id.name, "HARPREET PATEL");
    CHECK_STR(st.id.ifsc, "INDB0154492");
    CHECK_STR(st.bank, "indusind");
    statement_free(&st);
    layout_free(&l);
}

TEST(address_line_running_into_the_next_columns_label)
{
    /* the address's second line reaches under the label column on its
     * right, its last word touching "IFSC Code :" (which starts where the
     * labels above and below it start) */
    struct layout l = {0};
    add_text(&l, 20, 20, "Punjab National Bank");
    add_text(&l, 20, 40, "Customer Name : MANOJ LAL MEHTA");
    add_text(&l, 296, 40, "Account No :");
    add_text(&l, 400, 40, "0673000100267148");
    add_text(&l, 20, 52, "Address :");
    add_text(&l, 112, 52, "ROOM 5, SHIVAJI CHAWL");
    add_text(&l, 296, 52, "Account Type : SAVINGS");
    add_text(&l, 112, 64, "NEAR HANUMAN MANDIR, ANNA NAGAR");
    add_text(&l, 296, 64, "IFSC Code :");
    add_text(&l, 400, 64, "PUNB0320852");
    add_text(&l, 112, 76, "CHENNAI 600512");
    add_text(&l, 296, 76, "MICR Code :");
    add_text(&l, 400, 76, "600024555");
    struct statement st;
    read_with_rows(&l, &st);
    CHECK_STR(st.id.address, "ROOM 5, SHIVAJI CHAWL, NEAR HANUMAN MANDIR, ANNA NAGAR, CHENNAI 600512");
    CHECK_STR(st.id.name, "MANOJ LAL MEHTA");
    CHECK_STR(st.id.ifsc, "PUNB0320852");
    statement_free(&st);
    layout_free(&l);
}

int main(void)
{
    RUN(address_block_under_a_name_printed_after_the_account_number);
    RUN(address_lines_between_the_lines_of_another_column);
    RUN(address_line_running_into_the_next_columns_label);
    return check_summary();
}
