/* Identity and bank naming on layouts built from monospaced text (6 pt a
 * character, 12 pt a line, form feed = new page; three spaces or more make
 * a gap between segments), run through the whole post-MuPDF pipeline. The
 * table under each header block names counterparties (another bank's IFSC
 * and name) in its narrations: they must never name the statement's bank. */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>

#include "check.h"
#include "core/bank.h"
#include "extract/bankname.h"
#include "first_account.h"
#include "text_statement.h"

static const char *TABLE =
    "\n"
    "Date         Particulars                                  Debit        Credit       Balance\n"
    "01/04/2024   OPENING BALANCE                                                        10,000.00\n"
    "02/04/2024   NEFT-HDFC0000123-ACME PVT LTD-HDFC BANK                   5,000.00     15,000.00\n"
    "03/04/2024   UPI-ICICI BANK-SHOP@ICICI-ICIC0001234         500.00                   14,500.00\n"
    "04/04/2024   IMPS-STATE BANK OF INDIA-SBIN0004567          250.00                   14,250.00\n";

/* head, then the table; 0 or the extraction's error. */
static int read_with(const char *head, const char *table, const struct extract_opts *o, struct statement *st)
{
    size_t n = strlen(head) + strlen(table) + 1;
    char *text = malloc(n);
    if (!text)
        return -2;
    snprintf(text, n, "%s%s", head, table);
    struct statement_list all;
    int rc = read_text(text, o, &all);
    statement_list_take_first(&all, st);
    free(text);
    return rc;
}

static int read_head(const char *head, struct statement *st)
{
    return read_with(head, TABLE, NULL, st);
}

/* What reading a head over TABLE must give, field by field: NULL is not
 * checked, NONE must come out null (not printed as that field). */
static const char NONE[] = "(none)";
struct want_id {
    const char *name, *account, *ifsc, *micr, *type, *address, *bank;
};

static bool field_ok(const char *what, const char *got, const char *want)
{
    if (!want || (want == NONE ? !got : got && !strcmp(got, want)))
        return true;
    fprintf(stderr, "  %s: got %s, want %s\n", what, got ? got : "null", want == NONE ? "null" : want);
    return false;
}

/* Fails the test unless head over TABLE reads as w says. */
static void expect_identity(const char *head, const struct want_id *w)
{
    struct statement st;
    int rc = read_head(head, &st);
    bool ok = rc == 0;
    if (ok) {
        ok &= field_ok("name", st.id.name, w->name);
        ok &= field_ok("account_number", st.id.account_number, w->account);
        ok &= field_ok("ifsc", st.id.ifsc, w->ifsc);
        ok &= field_ok("micr", st.id.micr, w->micr);
        ok &= field_ok("account_type", st.id.account_type, w->type);
        ok &= field_ok("address", st.id.address, w->address);
        ok &= field_ok("bank", st.bank, w->bank);
        statement_free(&st);
    }
    if (!ok) {
        fprintf(stderr, "  reading \"%.*s\"...: %s\n", (int)strcspn(head, "\n"), head, rc ? "refused" : "wrong");
        check_cur_failed = 1;
    }
}

/* Fails the test unless head over TABLE names the bank `want` (a catalogue
 * id, or "null" for none). */
static void check_bank(const char *head, const char *want)
{
    expect_identity(head, &(struct want_id){.bank = strcmp(want, "null") ? want : NONE});
}

/* A header form (from public descriptions of real statements, every value
 * made up): what it is, the head printed over TABLE and the fields it must
 * give as want_id says. */
struct head_case {
    const char *what, *head;
    struct want_id want;
};

static void expect_cases(const struct head_case *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int before = check_cur_failed;
        check_cur_failed = 0;
        expect_identity(c[i].head, &c[i].want);
        if (check_cur_failed)
            fprintf(stderr, "  case: %s\n", c[i].what);
        check_cur_failed |= before;
    }
}

/* ---------- labels and validators ---------- */

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
    /* a date after "Account No", an IFSC in lower case or without its 0,
     * an 8-digit MICR: each stays null rather than wrong */
    const char *head =
        "Statement of account\n"
        "Account Holder : KIRAN PATIL\n"
        "Account No : 01/04/2024\n"
        "IFSC Code : punb0123400\n"
        "MICR : 11002400\n";
    expect_identity(head, &(struct want_id){.name = "KIRAN PATIL", .account = NONE, .ifsc = NONE, .micr = NONE});
    expect_identity("IFSC : SBIN1234567\nAccount No : 12345678901\n",
                    &(struct want_id){.ifsc = NONE, .account = "12345678901"});
}

TEST(name_never_from_a_branch_line_an_address_or_a_table_label)
{
    const char *head =
        "BANK OF BARODA\n"
        "Branch Name : MG ROAD BRANCH           Account No : 12340100012345\n"
        "Nominee Name : ASHA KULKARNI           IFSC : BARB0MGROAD\n"
        "Address : 12 STATION ROAD, NAGPUR 440001\n";
    /* no holder's name printed: none invented */
    expect_identity(head, &(struct want_id){.name = NONE, .account = "12340100012345", .ifsc = "BARB0MGROAD",
                                            .bank = "baroda"});
    /* a grid whose first row is labels: "Account Name" is not a name */
    head =
        "Account Name       Account Number     Branch\n"
        "RAVI SHANKAR       50200012345678     ANDHERI\n";
    expect_identity(head, &(struct want_id){.name = "RAVI SHANKAR", .account = "50200012345678"});
}

TEST(name_printed_only_after_the_account_number)
{
    const char *heads[] = {
        "A/c No. : 0045001200345      SURESH BABU NAIR\n",
        "Account No : 0045001200345 SURESH BABU NAIR\n",
        "Account Number   0045001200345 ( INR ) - SURESH BABU NAIR\n",
    };
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
        expect_identity(heads[i], &(struct want_id){.account = "0045001200345", .name = "SURESH BABU NAIR"});
    /* an account type after the number is not a name */
    expect_identity("Account No : 0045001200345   REGULAR SAVINGS\n", &(struct want_id){.name = NONE});
}

TEST(unlabelled_account_number_and_name_on_one_line)
{
    /* the account number, then the name, on the first line of the address
     * block, no label anywhere; with one space or a gap between them */
    const char *heads[] = {
        "UNION BANK OF INDIA\n"
        "708003010021426 LAKSHMI KUMAR PATEL                  IFSC        : UBIN0886559\n"
        "FLAT NO 203, SAI SHRADDHA APTS                       MICR        : 560026571\n"
        "BEHIND BUS DEPOT, INDIRANAGAR                        Branch      : KORAMANGALA\n"
        "BENGALURU 560609\n",
        "UNION BANK OF INDIA\n"
        "708003010021426    LAKSHMI KUMAR PATEL               IFSC        : UBIN0886559\n"
        "FLAT NO 203, SAI SHRADDHA APTS\n"
        "BEHIND BUS DEPOT, INDIRANAGAR\n"
        "BENGALURU 560609\n",
    };
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
        expect_identity(heads[i], &(struct want_id){
                                      .account = "708003010021426", .name = "LAKSHMI KUMAR PATEL", .bank = "ubi",
                                      .address = "FLAT NO 203, SAI SHRADDHA APTS, BEHIND BUS DEPOT, INDIRANAGAR, "
                                                 "BENGALURU 560609"});
    /* a number before words that are no name, or a date: nothing taken */
    expect_identity("UNION BANK OF INDIA\n708003010021426 REGULAR SAVINGS\nFLAT NO 203, SAI APTS\n",
                    &(struct want_id){.name = NONE});
    expect_identity("UNION BANK OF INDIA\n01-04-2024 LAKSHMI KUMAR PATEL\nFLAT NO 203, SAI APTS\n",
                    &(struct want_id){.account = NONE});
    /* a labelled account number wins; an unlabelled other number names no holder */
    expect_identity("Account No : 5566778899\n708003010021426 LAKSHMI KUMAR PATEL\nFLAT NO 203, SAI APTS\n",
                    &(struct want_id){.account = "5566778899", .name = NONE});
}

TEST(address_block_under_a_name_printed_after_the_account_number)
{
    /* name in the account's sentence, the address at the left margin below
     * it, ending with its PIN code */
    const char *head =
        "                    THE COSMOS CO-OPERATIVE BANK LTD.\n"
        "                                                          BOPAL BRANCH\n"
        "\n"
        "                    LEDGER REPORT FOR A/C NO. 0000501089214 MEERA CHATTERJEE\n"
        "                                From 01/12/2023 To 31/12/2023\n"
        "PLOT 45, SECTOR 7\n"
        "OPP CITY MALL, SATELLITE\n"
        "GUJARAT\n"
        "AHMEDABAD 380787\n"
        "IFSC : COSB0982124 MICR : 380164062\n";
    expect_identity(head, &(struct want_id){
                              .account = "0000501089214", .name = "MEERA CHATTERJEE", .ifsc = "COSB0982124",
                              .address = "PLOT 45, SECTOR 7, OPP CITY MALL, SATELLITE, GUJARAT, AHMEDABAD 380787"});
    /* a two-word line of the address ("WEST BENGAL") over the PIN line is no name block */
    head =
        "                    LEDGER REPORT FOR A/C NO. 0110501003467 PRIYA LAL DAS\n"
        "ROOM 5, SHIVAJI CHAWL\n"
        "OPP CITY MALL, DUM DUM\n"
        "WEST BENGAL\n"
        "KOLKATA 700269\n";
    expect_identity(head, &(struct want_id){
                              .name = "PRIYA LAL DAS",
                              .address = "ROOM 5, SHIVAJI CHAWL, OPP CITY MALL, DUM DUM, WEST BENGAL, KOLKATA 700269"});
    /* the branch's address, set apart from the margin or naming the branch, is not the customer's */
    head =
        "Account No : 0000501089214 MEERA CHATTERJEE\n"
        "                                        BOPAL BRANCH\n"
        "                                        12 MG ROAD, AHMEDABAD 380001\n";
    expect_identity(head, &(struct want_id){.name = "MEERA CHATTERJEE", .address = NONE});
    head =
        "Account No : 0000501089214 MEERA CHATTERJEE\n"
        "BOPAL BRANCH\n"
        "12 MG ROAD, AHMEDABAD 380001\n";
    expect_identity(head, &(struct want_id){.address = NONE});
}

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
    /* a date in the same sentence is never taken for it */
    expect_identity("Statement of account no. 01-04-2024 to 30-04-2024\n", &(struct want_id){.account = NONE});
    expect_identity("Account No : XXXXXXXX4321\n", &(struct want_id){.account = "XXXXXXXX4321"});
}

TEST(fields_not_printed_stay_null)
{
    /* the only IFSCs and bank names are counterparties' in the rows */
    expect_identity("STATEMENT OF ACCOUNT\nAccount No : 7788990011\n",
                    &(struct want_id){.ifsc = NONE, .micr = NONE, .name = NONE, .address = NONE, .bank = NONE});
}

static pb_day ymd(int y, int m, int d)
{
    pb_day out = PB_NO_DAY;
    date_from_ymd(y, m, d, &out);
    return out;
}

TEST(period_whose_ends_are_printed_apart)
{
    /* "From :" and "To :" on lines of their own, the value after a gap or not */
    static const char *const heads[] = {
        "Account No. : 303909545333\nFrom      : 01/04/2024\n\nTo        : 30/04/2024\n",
        "Account No. : 303909545333\nFrom Date : 01-Apr-2024\nTo Date : 30-Apr-2024\n",
        "Account No. : 303909545333\nStart Date: 01/04/2024     End Date: 30/04/2024\n",
    };
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++) {
        struct statement st;
        CHECK_INT(read_head(heads[i], &st), 0);
        CHECK_INT(st.from_date, ymd(2024, 4, 1));
        CHECK_INT(st.to_date, ymd(2024, 4, 30));
        statement_free(&st);
    }
    /* an end without its label word ("Valid till ...") is none */
    struct statement st;
    CHECK_INT(read_head("Account No. : 303909545333\nFrom : 01/04/2024\nValid till 30/06/2024\n", &st), 0);
    CHECK_INT(st.from_date, ymd(2024, 4, 2)); /* the first transaction's date */
    CHECK_INT(st.to_date, ymd(2024, 4, 4));   /* the last row's */
    statement_free(&st);
}

/* Words of text at (x, y), 6 pt a character, 10 pt type. */
static void add_text(struct layout *l, float x, float y, const char *text)
{
    for (const char *p = text; *p;) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (n) {
            float x0 = x + 6.0f * (float)(p - text);
            layout_add_word(l, 0, x0, y - 8, x0 + 6.0f * (float)n, y + 2, y, 10, p, n);
        }
        p += n;
    }
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
    const char *rows[] = {
        "Date         Particulars                                  Debit        Credit       Balance",
        "02/04/2024   SALARY APR                                                5,000.00     15,000.00",
        "03/04/2024   ATM WDL                                       500.00                   14,500.00",
    };
    for (size_t i = 0; i < 3; i++)
        add_text(&l, 0, 120 + 12 * (float)i, rows[i]);
    l.npages = 1;
    struct statement st;
    struct extract_error err;
    struct extract_opts none = {0};
    CHECK_INT(layout_build_lines(&l), 0);
    CHECK_INT(extract_layout_first(&l, &none, &st, &err), 0);
    CHECK_STR(st.id.address, "NO 18, TEMPLE STREET, NEXT TO POST OFFICE, AMEERPET, HYDERABAD 500986");
    CHECK_STR(st.id.name, "HARPREET PATEL");
    CHECK_STR(st.id.ifsc, "INDB0154492");
    CHECK_STR(st.bank, "indusind");
    statement_free(&st);
    layout_free(&l);
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
    expect_cases(BANK_HEADERS, sizeof BANK_HEADERS / sizeof *BANK_HEADERS);
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
        {"grouped with dashes (HSBC India)",
         "The Hongkong and Shanghai Banking Corporation Limited\nName : ROHAN VERMA\n"
         "Account Number : 071-123456-001\nIFSC : HSBC0400002\n",
         {.account = "071-123456-001", .ifsc = "HSBC0400002", .bank = "hsbc"}},
    };
    expect_cases(CASES, sizeof CASES / sizeof *CASES);
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
    expect_cases(CASES, sizeof CASES / sizeof *CASES);
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
    expect_cases(CASES, sizeof CASES / sizeof *CASES);
}

TEST(bank_from_footer_domain_when_no_name_is_printed)
{
    static const struct head_case CASES[] = {
        {"web and e-mail footer", "Account Statement\nName : ROHAN VERMA\nAccount No : 50100123456789\n"
                                  "For any queries write to support@hdfcbank.com or visit www.hdfcbank.com.\n",
         {.bank = "hdfc"}},
        {"link with a path", "Account Statement\nAccount No : 30123456789\nVisit https://www.onlinesbi.sbi/ for more\n",
         {.bank = "sbi"}},
        {"host under the domain", "Account No : 1234567890\nnetbanking.kotak.com\n", {.bank = "kotak"}},
        {"the customer's e-mail names no bank",
         "Account Statement\nAccount No : 50100123456789\nEmail : rohan.verma@icicibank.com\n", {.bank = NONE}},
        {"a domain inside a longer one", "Account No : 50100123456789\nwww.myhdfcbank.com\n", {.bank = NONE}},
        {"the printed name comes first", "Yes Bank\nAccount No : 012345678901\nwww.hdfcbank.com\n", {.bank = "yesbnk"}},
        {"the IFSC comes first", "IFSC : UTIB0001234   Account No : 912010012345678\nwww.hdfcbank.com\n",
         {.bank = "axis"}},
        {"a foreign account's footer", "Account Number : 12345678\nIBAN : GB29NWBK60161331926819\nwww.sc.com/gb\n",
         {.bank = NONE}},
    };
    expect_cases(CASES, sizeof CASES / sizeof *CASES);
}

TEST(foreign_payments_and_small_finance_banks_in_india)
{
    static const struct head_case CASES[] = {
        {"HSBC by its legal name", "The Hongkong and Shanghai Banking Corporation Limited\nAccount Number : 071123456001\n",
         {.bank = "hsbc"}},
        {"HSBC logo text", "HSBC\nYour Statement\nAccount Number : 071123456001\n", {.bank = "hsbc"}},
        {"Standard Chartered over the holder's block",
         "Standard Chartered Bank\nROHAN VERMA\n12 PARK STREET\nKOLKATA 700016\nAccount No : 42710123456\n",
         {.bank = "stanchar", .name = "ROHAN VERMA", .address = "12 PARK STREET, KOLKATA 700016"}},
        {"DBS India", "DBS Bank India Limited\nName : ROHAN VERMA\nAccount No : 881012345678\n", {.bank = "dbsbnk"}},
        {"Citibank India by its IFSC", "Citibank N.A.\nAccount Number : 5123456789\nBranch : Mumbai   IFSC : CITI0100000\n",
         {.bank = "citi", .ifsc = "CITI0100000"}},
        {"Airtel Payments Bank", "Airtel Payments Bank\nName : ROHAN VERMA\nAccount Number : 9876543210\n",
         {.bank = "airtel", .account = "9876543210"}},
        {"Paytm Payments Bank, masked",
         "Paytm Payments Bank\nAccount Statement\nName              ROHAN VERMA\nA/C No            919812XXXX34\n"
         "IFSC              PYTM0123456\n",
         {.bank = "paytm", .name = "ROHAN VERMA", .account = "919812XXXX34", .ifsc = "PYTM0123456"}},
        {"Fino by its IFSC", "Account Statement\nAccount No : 20123456789   IFSC : FINO0001234\n", {.bank = "finobnk"}},
        {"AU Small Finance Bank", "AU SMALL FINANCE BANK\nCustomer Name : ROHAN VERMA\nA/C No : 1921234567890123\n",
         {.bank = "ausfbnk"}},
        {"Equitas by its IFSC", "Account No : 100012345678   IFSC : ESFB0001234\n", {.bank = "equitas"}},
        {"Ujjivan by its domain", "Account No : 100012345678\nwww.ujjivansfb.in\n", {.bank = "ujjivan"}},
    };
    expect_cases(CASES, sizeof CASES / sizeof *CASES);
}

TEST(period_gives_yearless_dates_their_year)
{
    /* "From 01-04-2024 To 31-03-2025", rows printed "15 Dec", "02 Jan" */
    const char *doc =
        "Canara Bank\n"
        "Account No : 1234101056789\n"
        "Statement of account From 01-04-2024 To 31-03-2025\n"
        "\n"
        "Date       Particulars                                  Debit        Credit       Balance\n"
        "15 Dec     SALARY DEC                                                5,000.00     15,000.00\n"
        "02 Jan     ATM WDL                                       500.00                   14,500.00\n"
        "10 Mar     ATM WDL                                       500.00                   14,000.00\n";
    struct statement st;
    CHECK_INT(read_with(doc, "", NULL, &st), 0);
    CHECK_INT(st.from_date, ymd(2024, 4, 1));
    CHECK_INT(st.to_date, ymd(2025, 3, 31));
    CHECK_INT(st.ntxns, 3);
    if (st.ntxns == 3) {
        CHECK_INT(st.txns[0].date, ymd(2024, 12, 15));
        CHECK_INT(st.txns[1].date, ymd(2025, 1, 2));
        CHECK_INT(st.txns[2].date, ymd(2025, 3, 10));
    }
    statement_free(&st);
}

/* ---------- bank naming ---------- */

TEST(counterparty_ifsc_and_bank_names_never_name_the_bank)
{
    const char *head =
        "Account Holder : VIJAY MENON\n"
        "Beneficiary IFSC : HDFC0000999\n"
        "Transfer to HDFC Bank A/c 50100012345678\n"
        "Account No : 3344556677\n";
    expect_identity(head, &(struct want_id){.bank = NONE, .ifsc = NONE, .account = "3344556677"});
    /* the letterhead's own name wins over a counterparty's in the rows */
    check_bank("Karur Vysya Bank\nAccount No : 1104135000012345\n", "karur");
    /* the customer's address naming a bank is not the letterhead */
    head =
        "MR AJAY SINGH                       Account No : 3344556677\n"
        "FLAT 4, NEAR STATE BANK OF INDIA\n"
        "LUCKNOW 226001\n";
    expect_identity(head, &(struct want_id){.bank = NONE, .name = "AJAY SINGH"});
}

TEST(ifsc_prefix_comes_before_the_letterhead)
{
    /* an HDFC footer on a statement whose IFSC says Yes Bank */
    check_bank("Pay your HDFC Bank credit card bill here\n"
               "IFSC : YESB0000123        Account No : 012345678901\n",
               "yesbnk");
}

TEST(sponsor_bank_ifsc_of_a_cooperative_bank)
{
    /* co-operative banks without their own prefix print a sponsor's IFSC
     * with letters in the branch part: the letterhead names the bank */
    check_bank("THE COSMOS CO-OPERATIVE BANK LTD.\n"
               "IFSC : HDFC0CCOSMO        Account No : 0010501234567\n",
               "cosmos");
    /* a co-operative bank the catalogue does not know: no bank, not HDFC */
    const char *head =
        "SHREE EXAMPLE URBAN CO-OP BANK LTD.\n"
        "IFSC : HDFC0CSEUCB        Account No : 0010501234567\n";
    /* the IFSC is printed, so reported as printed */
    expect_identity(head, &(struct want_id){.bank = NONE, .ifsc = "HDFC0CSEUCB"});
    /* a name inside a longer one is not that bank's */
    check_bank("SHREE SAMARTH SAHAKARI BANK LTD.\nAccount No : 0010501234567\n", "null");
}

TEST(foreign_bank_is_null)
{
    const char *heads[] = {
        "Barclays Bank UK PLC\nSort Code : 20-00-00      Account Number : 12345678\n",
        "HSBC UK\nIBAN : GB29NWBK60161331926819\nAccount Number : 12345678\n",
        "Citibank N.A.\nRouting Number : 021000089    Account Number : 4987654321\n",
        "Chase\nAccount Number : 000000123456789\nCurrency : USD\n",
    };
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
        check_bank(heads[i], "null");
    /* a catalogue bank abroad is named by its name */
    check_bank("Al Rajhi Bank\nIBAN : SA0380000000608010167519\nAccount Number : 608010167519\n", "alrajhi");
}

TEST(every_catalogue_ifsc_prefix_names_its_bank)
{
    int tried = 0;
    for (size_t i = 0; i < bank_count(); i++) {
        const struct bank_info *b = bank_at(i);
        if (!b->npci_code)
            continue;
        char head[256], want[64];
        snprintf(head, sizeof head, "STATEMENT OF ACCOUNT\nIFSC Code : %s0001234\nAccount No : 12345678901\n",
                 b->npci_code);
        check_bank(head, bank_id_lower(b, want, sizeof want));
        tried++;
    }
    CHECK(tried >= 80);
}

TEST(every_catalogue_bank_is_named_by_its_full_name)
{
    for (size_t i = 0; i < bank_count(); i++) {
        const struct bank_info *b = bank_at(i);
        char head[512], want[64];
        snprintf(head, sizeof head, "%s\nAccount No : 12345678901\n", b->full_name);
        check_bank(head, bank_id_lower(b, want, sizeof want));
    }
}

TEST(names_as_banks_print_them)
{
    static const char *const CASES[][2] = {
        {"Punjab National Bank", "pnbbnk"},
        {"PUNJAB & SIND BANK", "punjab_sind"},
        {"The Jammu & Kashmir Bank Ltd.", "jnkbnk"},
        {"J&K Bank", "jnkbnk"},
        {"STATE BANK OF INDIA", "sbi"},
        {"Bank of India", "boi"},
        {"Central Bank of India", "central"},
        {"South Indian Bank", "sib"},
        {"Indian Bank", "indbnk"},
        {"IDFC FIRST Bank Limited", "idfc"},
        {"Welcome to DBS Bank India Limited", "dbsbnk"},
        {"THE SARASWAT CO-OPERATIVE BANK LTD", "saraswat"},
        {"TJSB SAHAKARI BANK LTD", "tjsb_sahakari"},
        {"Ahmednagar Merchants Co-op. Bank Ltd.", "ahmedabad_merchent"},
        {"The Baramati Sahakari Bank Ltd.", "baramati"},
        {"Registered Office: Kotak Mahindra Bank Ltd., Mumbai", "kotak"},
        {"Dhanlaxmi Bank", "dhanlaxmi"},
        {"CSB Bank Limited", "csbbnk"},
        {"India Post Payments Bank", "india_post"},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        char head[256];
        snprintf(head, sizeof head, "%s\nAccount No : 12345678901\n", CASES[i][0]);
        check_bank(head, CASES[i][1]);
    }
}

TEST(bank_mismatch_uses_catalogue_ids)
{
    const char *head = "Canara Bank\nIFSC : CNRB0001234      Account No : 1234101056789\n";
    struct statement st;
    struct extract_opts o = {.bank = "CANARA"};
    CHECK_INT(read_with(head, TABLE, &o, &st), 0);
    statement_free(&st);
    o.bank = "syndicate"; /* merged into Canara Bank */
    CHECK_INT(read_with(head, TABLE, &o, &st), 0);
    statement_free(&st);
    o.bank = "pnbbnk";
    CHECK_INT(read_with(head, TABLE, &o, &st), EXTRACT_BANK_MISMATCH);
}

/* ---------- several accounts in one PDF ---------- */

TEST(second_account_in_the_pdf_is_kept_apart)
{
    const char *loan =
        "LOAN ACCOUNT DETAILS\n"
        "Loan Account No : 520106000012345\n"
        "\n"
        "Date         Particulars                                  Debit        Credit       Balance\n"
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
        "FIXED DEPOSIT DETAILS\n"
        "Customer deposits linked to this account (Deposit A/c No. 323500615313829)\n"
        " Deposit No     Open Date     Principal ROI % Maturity Date Maturity Amount\n"
        " 952344587754   11/11/2023    1,54,000.00 7.75 10/11/2025      1,77,870.00\n"
        " 809847044130   21/02/2024    1,97,000.00 7.00 20/02/2026      2,24,580.00\n";
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
        "Date         Particulars                                  Debit        Credit       Balance\n"
        "02/04/2024   SALARY APR                                                5,000.00     15,000.00\n"
        "03/04/2024   ATM WDL                                       500.00                   14,500.00\n"
        "Your Loan A/c No : 520106000012345\n"
        "\f"
        "Date         Particulars                                  Debit        Credit       Balance\n"
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
        "Date         Particulars                                  Debit        Credit       Balance\n"
        "02/04/2024   SALARY APR                                                5,000.00     15,000.00\n"
        "03/04/2024   ATM WDL                                       500.00                   14,500.00\n"
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

/* ---------- the name matcher itself ---------- */

TEST(name_words_are_normalised)
{
    struct bn_text a, b;
    bankname_words("The Surat People's Co-op. Bank Ltd.", &a);
    bankname_words("THE SURAT PEOPLES COOPERATIVE BANK LIMITED", &b);
    CHECK_INT(a.n, b.n);
    for (int i = 0; i < a.n && i < b.n; i++)
        CHECK_STR(a.w[i], b.w[i]);
    struct bn_match m;
    CHECK(bankname_find(&b, &m));
    CHECK(m.bank && !strcmp(m.bank->id, "SPCB"));
    bankname_words("Opp. Bank of Maharashtra, FC Road", &a);
    CHECK(!bankname_find(&a, &m));
}

int main(void)
{
    RUN(label_synonyms_name_each_field);
    RUN(values_after_a_gap_and_under_their_label_in_a_grid);
    RUN(validators_refuse_what_is_not_the_field);
    RUN(name_never_from_a_branch_line_an_address_or_a_table_label);
    RUN(name_printed_only_after_the_account_number);
    RUN(unlabelled_account_number_and_name_on_one_line);
    RUN(address_block_under_a_name_printed_after_the_account_number);
    RUN(account_number_inside_a_sentence);
    RUN(fields_not_printed_stay_null);
    RUN(period_whose_ends_are_printed_apart);
    RUN(address_lines_between_the_lines_of_another_column);
    RUN(header_blocks_as_banks_print_them);
    RUN(account_numbers_as_statements_print_them);
    RUN(holder_names_as_statements_print_them);
    RUN(branch_block_fields_and_account_types);
    RUN(bank_from_footer_domain_when_no_name_is_printed);
    RUN(foreign_payments_and_small_finance_banks_in_india);
    RUN(period_gives_yearless_dates_their_year);
    RUN(counterparty_ifsc_and_bank_names_never_name_the_bank);
    RUN(ifsc_prefix_comes_before_the_letterhead);
    RUN(sponsor_bank_ifsc_of_a_cooperative_bank);
    RUN(foreign_bank_is_null);
    RUN(every_catalogue_ifsc_prefix_names_its_bank);
    RUN(every_catalogue_bank_is_named_by_its_full_name);
    RUN(names_as_banks_print_them);
    RUN(bank_mismatch_uses_catalogue_ids);
    RUN(second_account_in_the_pdf_is_kept_apart);
    RUN(deposit_grid_after_an_unlabelled_account_is_kept_apart);
    RUN(closing_balance_not_from_the_loan_summary);
    RUN(name_words_are_normalised);
    return check_summary();
}
