#include "check.h"
#include "util/money.h"

static pb_paise parse(const char *s, int *ok)
{
    pb_paise p = 0;
    *ok = money_parse(s, strlen(s), &p);
    return p;
}

TEST(parses_indian_and_western_grouping)
{
    int ok;
    CHECK_INT(parse("1,23,456.78", &ok), 12345678);
    CHECK(ok);
    CHECK_INT(parse("123,456.78", &ok), 12345678);
    CHECK(ok);
    CHECK_INT(parse("1,00,00,000.00", &ok), 1000000000LL); /* one crore */
    CHECK(ok);
    CHECK_INT(parse("12", &ok), 1200);
    CHECK(ok);
    CHECK_INT(parse("12.5", &ok), 1250);
    CHECK(ok);
    CHECK_INT(parse(" -0.05 ", &ok), -5);
    CHECK(ok);
    CHECK_INT(parse("(1,000.00)", &ok), -100000);
    CHECK(ok);
    CHECK_INT(parse("Rs. 1,000.00", &ok), 100000);
    CHECK(ok);
}

TEST(rejects_non_amounts)
{
    int ok;
    parse("12/03/2024", &ok);
    CHECK(!ok);
    parse("1,2,3", &ok);
    CHECK(!ok);
    parse("12.345", &ok);
    CHECK(!ok);
    parse("", &ok);
    CHECK(!ok);
    parse("12.", &ok);
    CHECK(!ok);
    parse("99999999999999999999", &ok);
    CHECK(!ok);
    parse("1,23,4567.00", &ok);
    CHECK(!ok);
}

TEST(formats_two_decimals)
{
    char buf[PB_MONEY_BUF];
    CHECK_STR(money_fmt(12345678, buf), "123456.78");
    CHECK_STR(money_fmt(-5, buf), "-0.05");
    CHECK_STR(money_fmt(0, buf), "0.00");
}

TEST(rupee_doubles_round_trip)
{
    for (pb_paise p = -100000; p <= 100000; p += 7) {
        pb_paise back;
        if (!money_from_rupees(money_to_rupees(p), &back) || back != p) {
            CHECK(0);
            return;
        }
    }
}

int main(void)
{
    RUN(parses_indian_and_western_grouping);
    RUN(rejects_non_amounts);
    RUN(formats_two_decimals);
    RUN(rupee_doubles_round_trip);
    return check_summary();
}
