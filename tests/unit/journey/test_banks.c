/* The bank picker finds a bank by what a customer would type. */
#include "check.h"
#include "journey/banks.h"

static const char *first(const char *q)
{
    const struct bank_info *out[JOURNEY_BANKS_MAX];
    size_t n = journey_bank_search(q, out, JOURNEY_BANKS_MAX);
    return n ? out[0]->id : "";
}

TEST(identifier_and_name_find_the_bank)
{
    CHECK_STR(first("hdfc"), "HDFC");
    CHECK_STR(first("HDFC"), "HDFC");
    CHECK_STR(first("state bank"), "SBI");
    CHECK_STR(first("sbi"), "SBI");
    CHECK_STR(first("  kotak "), "KOTAK");
    CHECK_STR(first("axis"), "AXIS");
}

TEST(words_in_any_order_narrow_the_list)
{
    const struct bank_info *out[JOURNEY_BANKS_MAX];
    size_t n = journey_bank_search("bank india", out, JOURNEY_BANKS_MAX);
    CHECK(n > 3);
    int sbi = 0;
    for (size_t i = 0; i < n; i++)
        sbi += out[i]->id[0] == 'S' && out[i]->id[1] == 'B' && out[i]->id[2] == 'I' && !out[i]->id[3];
    CHECK_INT(sbi, 1);
    CHECK_INT(journey_bank_search("no such bank zzz", out, JOURNEY_BANKS_MAX), 0);
}

TEST(empty_query_lists_popular_first_and_respects_max)
{
    const struct bank_info *out[5];
    CHECK_INT(journey_bank_search("", out, 5), 5);
    CHECK_STR(out[0]->id, "SBI");
    CHECK_STR(out[1]->id, "HDFC");
    const struct bank_info *all[400];
    CHECK_INT(journey_bank_search(NULL, all, 400), bank_count());
}

int main(void)
{
    RUN(identifier_and_name_find_the_bank);
    RUN(words_in_any_order_narrow_the_list);
    RUN(empty_query_lists_popular_first_and_respects_max);
    return check_summary();
}
