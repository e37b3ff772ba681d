#include <ctype.h>
#include <string.h>

#include "check.h"
#include "core/bank.h"
#include "util/embedded.h"

TEST(table_has_every_identifier_of_the_reference)
{
    /* reference §7: 346 rows, unique identifiers */
    CHECK_INT(bank_count(), 346);
    for (size_t i = 0; i < bank_count(); i++) {
        const struct bank_info *b = bank_at(i);
        CHECK(b && b->id[0] && b->full_name[0]);
        CHECK(bank_find(b->id) == b);
    }
    CHECK(bank_at(bank_count()) == NULL);
}

TEST(first_and_last_rows_keep_the_reference_order)
{
    CHECK_STR(bank_at(0)->id, "ABHYUDAYA");
    CHECK_STR(bank_at(0)->full_name, "Abhyudaya Co-operative Bank Ltd");
    CHECK_STR(bank_at(bank_count() - 1)->id, "SHRI_CHHANI_SAHAKARI");
}

TEST(lookup_is_case_insensitive)
{
    const struct bank_info *b = bank_find("hdfc");
    CHECK(b != NULL);
    CHECK_STR(b->id, "HDFC");
    CHECK_STR(b->full_name, "HDFC Bank");
    CHECK(bank_find("HdFc") == b);
    CHECK(bank_find("HDFC") == b);
    CHECK_STR(bank_find("sbi")->full_name, "State Bank of India");
    CHECK_STR(bank_find("Kotak")->full_name, "Kotak Mahindra Bank");
}

TEST(oddities_are_preserved)
{
    const struct bank_info *m = bank_find("MODEL");
    CHECK(m && strcmp(m->id, "model") == 0);
    CHECK_STR(m->full_name, "Model Co-op. Bank Ltd.");
    CHECK_STR(bank_find("PUNE MERCHANTS")->full_name, "Pune Merchants Co-Op Bank");
    CHECK_STR(bank_find("prathama gramin")->full_name, "Prathama U.P. Gramin Bank");
    CHECK(bank_find("PUNE_MERCHANTS") == NULL);
    CHECK_STR(bank_find("MTHE_BHAYALAKSHMI")->full_name, "Bhagyalakshmi Mahila Sah Bank Ltd");
    CHECK_STR(bank_find("AHMEDABAD_MERCHENT")->full_name, "Ahmednagar Merchant's Co-op Bank Ltd");
    CHECK_STR(bank_find("MAHESH_SAHAKARI")->full_name, "Mahesh Sahakari Bank LTD  Ltd");
    CHECK_STR(bank_find("PRATHAMA_BANK")->full_name, "Prathama Bank , India");
}

TEST(unknown_and_hostile_identifiers_are_not_found)
{
    CHECK(bank_find(NULL) == NULL);
    CHECK(bank_find("") == NULL);
    CHECK(bank_find("hdfc ") == NULL);
    CHECK(bank_find("HDFC BANK") == NULL);
    CHECK(bank_find("%s%s%s") == NULL);
    char big[4096];
    memset(big, 'A', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    CHECK(bank_find(big) == NULL);
}

TEST(ifsc_prefixes_of_major_banks)
{
    static const char *const pairs[][2] = {
        {"HDFC", "HDFC"}, {"SBI", "SBIN"},      {"ICICI", "ICIC"}, {"AXIS", "UTIB"},
        {"KOTAK", "KKBK"}, {"BARODA", "BARB"},  {"PNBBNK", "PUNB"}, {"CANARA", "CNRB"},
        {"UBI", "UBIN"},   {"BOI", "BKID"},     {"IDFC", "IDFB"},  {"INDUSIND", "INDB"},
        {"YESBNK", "YESB"}, {"FEDERAL", "FDRL"}, {"RBL", "RATN"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        const struct bank_info *b = bank_find(pairs[i][0]);
        CHECK(b && b->npci_code && strcmp(b->npci_code, pairs[i][1]) == 0);
        CHECK(bank_find_by_ifsc(pairs[i][1]) == b);
    }
    /* a full IFSC works, any case */
    CHECK_STR(bank_find_by_ifsc("HDFC0000123")->id, "HDFC");
    CHECK_STR(bank_find_by_ifsc("utib0001234")->id, "AXIS");
    CHECK(bank_find_by_ifsc("ZZZZ0000001") == NULL);
    CHECK(bank_find_by_ifsc("HDF") == NULL);
    CHECK(bank_find_by_ifsc("") == NULL);
    CHECK(bank_find_by_ifsc(NULL) == NULL);
}

TEST(ifsc_prefixes_are_unique_and_well_formed)
{
    for (size_t i = 0; i < bank_count(); i++) {
        const struct bank_info *b = bank_at(i);
        if (!b->npci_code)
            continue;
        CHECK_INT(strlen(b->npci_code), 4);
        for (int k = 0; k < 4; k++)
            CHECK(isupper((unsigned char)b->npci_code[k]));
        CHECK(bank_find_by_ifsc(b->npci_code) == b);
    }
}

TEST(aa_availability_covers_the_big_banks)
{
    static const char *const live[] = {"SBI", "HDFC", "ICICI", "AXIS", "KOTAK", "BARODA",
                                       "PNBBNK", "CANARA", "UBI", "INDUSIND", "IDFC"};
    for (size_t i = 0; i < sizeof live / sizeof live[0]; i++)
        CHECK(bank_find(live[i])->aa);
    /* merged-away banks are no FIPs of their own */
    CHECK(!bank_find("ANDHRA")->aa);
    CHECK(!bank_find("SYNDICATE")->aa);
    CHECK(!bank_find("model")->aa);
}

TEST(net_banking_flags_follow_the_reference_list)
{
    static const char *const nb[] = {"ALLAHABAD", "AXIS", "BOI", "CANARA", "FEDERAL", "HDFC",
                                     "ICICI", "IDFC", "INDBNK", "INDUSIND", "KARNATAKA", "KOTAK",
                                     "PNBBNK", "RBL", "SIB", "SBI", "UBI", "YESBNK"};
    size_t n = 0;
    for (size_t i = 0; i < sizeof nb / sizeof nb[0]; i++)
        CHECK(bank_find(nb[i])->net_banking);
    for (size_t i = 0; i < bank_count(); i++)
        n += bank_at(i)->net_banking;
    CHECK_INT(n, sizeof nb / sizeof nb[0]);
}

TEST(lower_case_identifier)
{
    char buf[64];
    CHECK_STR(bank_id_lower(bank_find("HDFC"), buf, sizeof buf), "hdfc");
    CHECK_STR(bank_id_lower(bank_find("PUNE MERCHANTS"), buf, sizeof buf), "pune merchants");
    CHECK_STR(bank_id_lower(bank_find("model"), buf, sizeof buf), "model");
    char tiny[4];
    CHECK_STR(bank_id_lower(bank_find("KOTAK"), tiny, sizeof tiny), "kot");
}

/* Bodies name a bank in full where the catalogue knows it, else as given. */
TEST(full_name_or_the_identifier)
{
    CHECK_STR(bank_full_name("hdfc"), bank_find("hdfc")->full_name);
    CHECK(strcmp(bank_full_name("hdfc"), "hdfc") != 0);
    CHECK_STR(bank_full_name("no-such-bank"), "no-such-bank");
    CHECK(bank_full_name(NULL) == NULL);
}

TEST(merged_banks_are_accepted_for_each_other)
{
    static const char *const pairs[][2] = {{"VIJAYA", "BARODA"}, {"DENA", "BARODA"},   {"OBC", "PNBBNK"},
                                           {"UNITED", "PNBBNK"}, {"SYNDICATE", "CANARA"}, {"ANDHRA", "UBI"},
                                           {"CORPORATION", "UBI"}, {"ALLAHABAD", "INDBNK"}, {"VILAS", "DBSBNK"}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        const struct bank_info *old = bank_find(pairs[i][0]), *now = bank_find(pairs[i][1]);
        CHECK(old && old->merged_into == now);
        CHECK(bank_accepts(old, now) && bank_accepts(now, old));
    }
    CHECK(bank_accepts(bank_find("hdfc"), bank_find("HDFC")));
    CHECK(!bank_accepts(bank_find("HDFC"), bank_find("ICICI")));
    CHECK(!bank_accepts(bank_find("VIJAYA"), bank_find("CANARA")));
    CHECK(!bank_accepts(NULL, bank_find("HDFC")));
    CHECK(!bank_accepts(bank_find("HDFC"), NULL));
    CHECK(bank_find("HDFC")->merged_into == NULL);
}

TEST(other_names_are_loaded_for_known_banks)
{
    size_t n = 0;
    const struct bank_info *b;
    bool pnb = false, ippb = false;
    for (const char *ph; (ph = bank_alias_at(n, &b)); n++) {
        CHECK(b != NULL && ph[0]);
        pnb = pnb || (!strcmp(ph, "PNB") && b == bank_find("PNBBNK"));
        ippb = ippb || (!strcmp(ph, "IPPB") && b == bank_find("INDIA_POST"));
    }
    CHECK(n >= 50);
    CHECK(pnb && ippb);
    /* every alias row of the file names a catalogue bank (none dropped) */
    const struct embedded_file *ef = embedded_find("banks/names.tsv");
    size_t rows = 0;
    for (const char *p = ef ? (const char *)ef->data : ""; (p = strstr(p, "\talias\t")); p++)
        rows++;
    CHECK_INT(rows, n);
    CHECK(bank_alias_at(n, &b) == NULL);
    /* banks abroad are marked, Indian ones not */
    CHECK(bank_find("ALRAJHI")->abroad && bank_find("NCB")->abroad);
    CHECK(!bank_find("HSBC")->abroad && !bank_find("SBI")->abroad);
}

int main(void)
{
    RUN(table_has_every_identifier_of_the_reference);
    RUN(first_and_last_rows_keep_the_reference_order);
    RUN(lookup_is_case_insensitive);
    RUN(oddities_are_preserved);
    RUN(unknown_and_hostile_identifiers_are_not_found);
    RUN(ifsc_prefixes_of_major_banks);
    RUN(ifsc_prefixes_are_unique_and_well_formed);
    RUN(aa_availability_covers_the_big_banks);
    RUN(net_banking_flags_follow_the_reference_list);
    RUN(lower_case_identifier);
    RUN(full_name_or_the_identifier);
    RUN(merged_banks_are_accepted_for_each_other);
    RUN(other_names_are_loaded_for_known_banks);
    return check_summary();
}
