/* The holder's name: from its label or from the name block at the top of
 * the address, printed after the account number, never from a branch line,
 * a nominee, an address or a grid's label; titles, relations (S/O ...) and
 * which holder ('(PRIMARY)') cut off. Cases: identity_case.h. */
#include "identity_case.h"

TEST(name_never_from_a_branch_line_an_address_or_a_table_label)
{
    static const struct head_case CASES[] = {
        {"no holder's name printed: none invented",
         "BANK OF BARODA\n"
         "Branch Name : MG ROAD BRANCH           Account No : 12340100012345\n"
         "Nominee Name : ASHA KULKARNI           IFSC : BARB0MGROAD\n"
         "Address : 12 STATION ROAD, NAGPUR 440001\n",
         {.name = NONE, .account = "12340100012345", .ifsc = "BARB0MGROAD", .bank = "baroda"}},
        {"a grid whose first row is labels: Account Name is not a name",
         "Account Name       Account Number     Branch\n"
         "RAVI SHANKAR       50200012345678     ANDHERI\n",
         {.name = "RAVI SHANKAR", .account = "50200012345678"}},
    };
    EXPECT_CASES(CASES);
}

TEST(name_printed_only_after_the_account_number)
{
    static const struct head_case CASES[] = {
        {"after a gap", "A/c No. : 0045001200345      SURESH BABU NAIR\n",
         {.account = "0045001200345", .name = "SURESH BABU NAIR"}},
        {"after one space", "Account No : 0045001200345 SURESH BABU NAIR\n",
         {.account = "0045001200345", .name = "SURESH BABU NAIR"}},
        {"after the currency and a dash", "Account Number   0045001200345 ( INR ) - SURESH BABU NAIR\n",
         {.account = "0045001200345", .name = "SURESH BABU NAIR"}},
        {"an account type after the number is not a name", "Account No : 0045001200345   REGULAR SAVINGS\n",
         {.name = NONE}},
        /* a copy's skew put the branch's value (its colon first) on the
         * account number's line, its label a line below */
        {"the value of a label printed elsewhere is not a name",
         "A/c No. : 0024401021453                           : MALVIYA NAGAR\n"
         "                                             Branch\n"
         "M/S ROYAL MEDICALS\n",
         {.account = "0024401021453", .name = "ROYAL MEDICALS"}},
    };
    EXPECT_CASES(CASES);
}

/* The account number, then the name, on the first line of the address
 * block, no label anywhere; with one space or a gap between them. */
#define UNION_ADDRESS "FLAT NO 203, SAI SHRADDHA APTS, BEHIND BUS DEPOT, INDIRANAGAR, BENGALURU 560609"

TEST(unlabelled_account_number_and_name_on_one_line)
{
    static const struct head_case CASES[] = {
        {"one space, fields to the right",
         "UNION BANK OF INDIA\n"
         "708003010021426 LAKSHMI KUMAR PATEL                  IFSC        : UBIN0886559\n"
         "FLAT NO 203, SAI SHRADDHA APTS                       MICR        : 560026571\n"
         "BEHIND BUS DEPOT, INDIRANAGAR                        Branch      : KORAMANGALA\n"
         "BENGALURU 560609\n",
         {.account = "708003010021426", .name = "LAKSHMI KUMAR PATEL", .bank = "ubi", .address = UNION_ADDRESS}},
        {"a gap",
         "UNION BANK OF INDIA\n"
         "708003010021426    LAKSHMI KUMAR PATEL               IFSC        : UBIN0886559\n"
         "FLAT NO 203, SAI SHRADDHA APTS\n"
         "BEHIND BUS DEPOT, INDIRANAGAR\n"
         "BENGALURU 560609\n",
         {.account = "708003010021426", .name = "LAKSHMI KUMAR PATEL", .bank = "ubi", .address = UNION_ADDRESS}},
        {"a number before words that are no name: nothing taken",
         "UNION BANK OF INDIA\n708003010021426 REGULAR SAVINGS\nFLAT NO 203, SAI APTS\n", {.name = NONE}},
        {"a date before the name: nothing taken",
         "UNION BANK OF INDIA\n01-04-2024 LAKSHMI KUMAR PATEL\nFLAT NO 203, SAI APTS\n", {.account = NONE}},
        {"a labelled account number wins; an unlabelled other number names no holder",
         "Account No : 5566778899\n708003010021426 LAKSHMI KUMAR PATEL\nFLAT NO 203, SAI APTS\n",
         {.account = "5566778899", .name = NONE}},
    };
    EXPECT_CASES(CASES);
}

TEST(holder_names_as_statements_print_them)
{
    static const struct head_case CASES[] = {
        {"joint holders listed after the primary",
         "Kotak Mahindra Bank\nPrimary Holder : ANITA DESAI\nJoint Holder 1 : VIKRAM DESAI\n"
         "Joint Holder 2 : MEERA DESAI\nAccount No : 1234567890\n",
         {.name = "ANITA DESAI", .account = "1234567890"}},
        {"joint holders under the address block",
         "MR ROHAN VERMA\n12 PARK STREET\nKOLKATA 700016\nJOINT HOLDERS : SUNITA VERMA\n"
         "Account No : 50100123456789\n",
         {.name = "ROHAN VERMA", .address = "12 PARK STREET, KOLKATA 700016"}},
        {"relation after the name", "Name : ROHAN VERMA S/O SURESH VERMA\nAccount No : 50100123456789\n",
         {.name = "ROHAN VERMA"}},
        {"relation line under the name block",
         "MR ROHAN VERMA\nS/O SURESH VERMA\n12 PARK STREET\nKOLKATA 700016\nAccount No : 50100123456789\n",
         {.name = "ROHAN VERMA", .address = "12 PARK STREET, KOLKATA 700016"}},
        {"care of stays in the address",
         "MS ASHA RAO\nC/O RAMESH RAO\n12 PARK STREET\nKOLKATA 700016\nAccount No : 50100123456789\n",
         {.name = "ASHA RAO", .address = "C/O RAMESH RAO, 12 PARK STREET, KOLKATA 700016"}},
        {"which holder, in brackets", "Customer Name : ROHAN VERMA (PRIMARY)\nAccount No : 50100123456789\n",
         {.name = "ROHAN VERMA"}},
        {"a bracket that is part of the name", "Customer Name : ROHAN VERMA (HUF)\nAccount No : 50100123456789\n",
         {.name = "ROHAN VERMA (HUF)"}},
        {"Account Holder(s)", "Account Holder(s) : ROHAN VERMA\nAccount No : 50100123456789\n",
         {.name = "ROHAN VERMA", .account = "50100123456789"}},
        {"salutation with a title",
         "Dear Mr. ROHAN VERMA,\nPlease find below the statement of your account no. 50100123456789 for the period "
         "01-04-2024 to 30-04-2024.\nThank you for banking with HDFC Bank.\n",
         {.name = "ROHAN VERMA", .account = "50100123456789", .bank = "hdfc"}},
        {"salutation to no one", "Dear Customer,\nAccount No : 30123456789\n", {.name = NONE}},
        {"salutation to sir or madam", "Dear Sir/Madam,\nAccount No : 30123456789\n", {.name = NONE}},
        {"firm after M/S over its address",
         "M/S SHREE GANESH TRADERS\nSHOP NO 4, MAIN BAZAR\nNASHIK 422001\nAccount No : 12345678901\n"
         "IFSC : MAHB0000123\n",
         {.name = "SHREE GANESH TRADERS", .address = "SHOP NO 4, MAIN BAZAR, NASHIK 422001", .ifsc = "MAHB0000123",
          .bank = "mahabk"}},
        {"title stuck to the name", "MR.ROHAN VERMA\n12 PARK STREET\nKOLKATA 700016\nAccount No : 000401234567\n",
         {.name = "ROHAN VERMA", .address = "12 PARK STREET, KOLKATA 700016"}},
        {"name and address in a box without labels, fields to the right",
         "ROHAN VERMA                                   Account Number : 12345678901\n"
         "12 PARK STREET                                IFSC : CBIN0281234\n"
         "KOLKATA 700016                                MICR : 700016004\n",
         {.name = "ROHAN VERMA", .address = "12 PARK STREET, KOLKATA 700016", .account = "12345678901",
          .ifsc = "CBIN0281234", .micr = "700016004", .bank = "central"}},
        {"nominee and branch names are no holder",
         "Canara Bank\nNominee : SUNITA VERMA\nBranch Name : ADYAR\nAccount No : 1234101056789\n",
         {.name = NONE, .account = "1234101056789", .bank = "canara"}},
        {"name without a space after its colon", "Name:ROHAN VERMA\nA/c No:50100123456789\nIFSC:HDFC0001234\n",
         {.name = "ROHAN VERMA", .account = "50100123456789", .ifsc = "HDFC0001234", .bank = "hdfc"}},
    };
    EXPECT_CASES(CASES);
}

int main(void)
{
    RUN(name_never_from_a_branch_line_an_address_or_a_table_label);
    RUN(name_printed_only_after_the_account_number);
    RUN(unlabelled_account_number_and_name_on_one_line);
    RUN(holder_names_as_statements_print_them);
    return check_summary();
}
