/* Naming the statement's bank (a catalogue id): the account's IFSC prefix
 * first, the bank's own name in the letterhead next, its own web or e-mail
 * domain last; never a counterparty's IFSC or name, the customer's address
 * or e-mail; null for a bank outside India. The name matcher itself at the
 * end. Cases: identity_case.h. */
#include "core/bank.h"
#include "extract/bankname.h"
#include "identity_case.h"

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
    EXPECT_CASES(CASES);
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
    EXPECT_CASES(CASES);
}

TEST(counterparty_ifsc_and_bank_names_never_name_the_bank)
{
    static const struct head_case CASES[] = {
        {"a beneficiary's IFSC and bank",
         "Account Holder : VIJAY MENON\n"
         "Beneficiary IFSC : HDFC0000999\n"
         "Transfer to HDFC Bank A/c 50100012345678\n"
         "Account No : 3344556677\n",
         {.bank = NONE, .ifsc = NONE, .account = "3344556677"}},
        {"the letterhead's own name wins over a counterparty's in the rows",
         "Karur Vysya Bank\nAccount No : 1104135000012345\n", {.bank = "karur"}},
        {"an IFSC the catalogue does not know: a short form in a row names nothing",
         "Bank of America, N.A. - India\n"
         "IFSC : BOFA0258836        Account No : 07434357379\n"
         "08/23/2024 UPI/571811023573/DR/BIG BAZAAR/SBI/Pay to merchant\n",
         {.bank = NONE, .ifsc = "BOFA0258836"}},
        {"the customer's address naming a bank is not the letterhead",
         "MR AJAY SINGH                       Account No : 3344556677\n"
         "FLAT 4, NEAR STATE BANK OF INDIA\n"
         "LUCKNOW 226001\n",
         {.bank = NONE, .name = "AJAY SINGH"}},
    };
    EXPECT_CASES(CASES);
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
    static const struct head_case CASES[] = {
        {"a catalogue co-operative bank",
         "THE COSMOS CO-OPERATIVE BANK LTD.\n"
         "IFSC : HDFC0CCOSMO        Account No : 0010501234567\n",
         {.bank = "cosmos"}},
        {"a co-operative bank the catalogue does not know: no bank, not HDFC; the IFSC reported as printed",
         "SHREE EXAMPLE URBAN CO-OP BANK LTD.\n"
         "IFSC : HDFC0CSEUCB        Account No : 0010501234567\n",
         {.bank = NONE, .ifsc = "HDFC0CSEUCB"}},
        {"a name inside a longer one is not that bank's",
         "SHREE SAMARTH SAHAKARI BANK LTD.\nAccount No : 0010501234567\n", {.bank = NONE}},
    };
    EXPECT_CASES(CASES);
}

TEST(foreign_bank_is_null)
{
    static const struct head_case CASES[] = {
        {"UK sort code", "Barclays Bank UK PLC\nSort Code : 20-00-00      Account Number : 12345678\n", {.bank = NONE}},
        {"UK IBAN", "HSBC UK\nIBAN : GB29NWBK60161331926819\nAccount Number : 12345678\n", {.bank = NONE}},
        {"US routing number", "Citibank N.A.\nRouting Number : 021000089    Account Number : 4987654321\n",
         {.bank = NONE}},
        {"US dollars", "Chase\nAccount Number : 000000123456789\nCurrency : USD\n", {.bank = NONE}},
        {"a catalogue bank abroad is named by its name",
         "Al Rajhi Bank\nIBAN : SA0380000000608010167519\nAccount Number : 608010167519\n", {.bank = "alrajhi"}},
    };
    EXPECT_CASES(CASES);
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
    RUN(bank_from_footer_domain_when_no_name_is_printed);
    RUN(foreign_payments_and_small_finance_banks_in_india);
    RUN(counterparty_ifsc_and_bank_names_never_name_the_bank);
    RUN(ifsc_prefix_comes_before_the_letterhead);
    RUN(sponsor_bank_ifsc_of_a_cooperative_bank);
    RUN(foreign_bank_is_null);
    RUN(every_catalogue_ifsc_prefix_names_its_bank);
    RUN(every_catalogue_bank_is_named_by_its_full_name);
    RUN(names_as_banks_print_them);
    RUN(bank_mismatch_uses_catalogue_ids);
    RUN(name_words_are_normalised);
    return check_summary();
}
