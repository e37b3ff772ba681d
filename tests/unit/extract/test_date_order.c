#include "check.h"
#include "extract/date_order.h"

static bool month_first(const char *text)
{
    struct layout l = {0};
    bool r = layout_from_text(&l, text, strlen(text)) == 0 && date_order_month_first(&l);
    layout_free(&l);
    return r;
}

TEST(month_first_when_only_that_way_round_reads)
{
    CHECK(month_first("Period 08/01/2024 to 08/31/2024\n"
                      "08/01/2024 08/01/2024 UPI 100.00 900.00\n"
                      "08/13/2024 08/13/2024 NEFT 50.00 850.00\n"));
    CHECK(month_first("12-15-24 ATM 100.00\n12-20-24 POS 10.00\n"));
    /* a narration quoting a date day first does not count: the rows' dates do */
    CHECK(month_first("09/30/2024 09/30/2024 INTEREST 01-09-2024 TO 30-09-2024 74.82\n"
                      "09/13/2024 09/13/2024 UPI 10.00\n"));
}

TEST(day_first_otherwise)
{
    /* Indian statements: a day above 12 shows the order */
    CHECK(!month_first("01/08/2024 UPI 100.00\n31/08/2024 NEFT 50.00\n"));
    /* one word each way: no evidence either way, day first */
    CHECK(!month_first("08/31/2024 UPI 100.00\n31/08/2024 NEFT 50.00\n"));
    /* month first on most rows, a wrapped narration line quoting a date day first */
    CHECK(month_first("03/13/2024 03/13/2024 INTEREST 01-02-2024 TO\n29-02-2024\n03/14/2024 03/14/2024 UPI\n"
                      "03/15/2024 03/15/2024 UPI\n"));
    /* day first on most rows, a few month-first words at line starts */
    CHECK(!month_first("13/03/2024 13/03/2024 UPI\n14/03/2024 UPI\n03/15/2024 REF\n03/16/2024 REF\n"));
    /* a single month-first word (a reference in a narration) is not enough */
    CHECK(!month_first("01/08/2024 REF 12/25/2024 100.00\n12/25/2024\n"));
    /* no day above the 12th: day first */
    CHECK(!month_first("01/08/2024 UPI 100.00\n05/08/2024 NEFT 50.00\n"));
    /* not dates: amounts, ISO dates, month names */
    CHECK(!month_first("1,234.00 12.50 2024-08-31 2024-08-30 Aug 31, 2024 Aug 30, 2024\n"));
}

int main(void)
{
    RUN(month_first_when_only_that_way_round_reads);
    RUN(day_first_otherwise);
    return check_summary();
}
