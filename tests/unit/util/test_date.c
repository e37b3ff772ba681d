#include "check.h"
#include "util/date.h"

TEST(rejects_impossible_dates)
{
    pb_day d;
    CHECK(!date_parse_dmy("31/02/2024", &d));
    CHECK(!date_parse_dmy("29/02/2023", &d));
    CHECK(date_parse_dmy("29/02/2024", &d));
    CHECK(!date_parse_dmy("00/01/2024", &d));
    CHECK(!date_parse_dmy("01/13/2024", &d));
    CHECK(!date_parse_dmy("1/1/2024", &d));
    CHECK(!date_parse_dmy("01/01/2024 ", &d));
    CHECK(!date_parse_dmy("2024-01-01", &d));
    CHECK(!date_parse_dmy("", &d));
    CHECK(date_parse_dmy("29/02/2000", &d));
    CHECK(!date_parse_dmy("29/02/1900", &d));
}

TEST(round_trips_every_day_of_two_centuries)
{
    pb_day d0, d1;
    CHECK(date_from_ymd(1900, 1, 1, &d0));
    CHECK(date_from_ymd(2100, 12, 31, &d1));
    char buf[PB_DATE_BUF];
    for (pb_day d = d0; d <= d1; d++) {
        pb_day back;
        if (!date_parse_iso(date_fmt_iso(d, buf), &back) || back != d) {
            CHECK(0);
            return;
        }
    }
}

TEST(formats_finbox_styles)
{
    pb_day d;
    char buf[PB_DATE_BUF];
    CHECK(date_from_ymd(2024, 3, 5, &d));
    CHECK_STR(date_fmt_iso(d, buf), "2024-03-05");
    CHECK_STR(date_fmt_dmy(d, buf), "05/03/2024");
    CHECK_STR(date_fmt_dmon_yy(d, buf), "05-Mar-24");
    CHECK_STR(month_fmt_iso(date_month(d), buf), "2024-03");
    CHECK_STR(month_fmt_mon_yyyy(date_month(d), buf), "Mar-2024");
    CHECK_STR(month_fmt_mon_yy(date_month(d), buf), "Mar-24");
    CHECK_INT(date_weekday(d), 1); /* a Tuesday */
}

TEST(adds_months_clamping_to_month_end)
{
    pb_day d, want;
    char buf[PB_DATE_BUF];
    CHECK(date_from_ymd(2024, 8, 31, &d));
    CHECK(date_from_ymd(2024, 2, 29, &want));
    CHECK_INT(date_add_months(d, -6), want);
    CHECK_STR(date_fmt_iso(date_add_months(d, 5), buf), "2025-01-31");
}

TEST(month_names)
{
    CHECK_INT(month_from_name("sep", 3), 9);
    CHECK_INT(month_from_name("Sept", 4), 9);
    CHECK_INT(month_from_name("DECEMBER", 8), 12);
    CHECK_INT(month_from_name("Foo", 3), 0);
}

int main(void)
{
    RUN(rejects_impossible_dates);
    RUN(round_trips_every_day_of_two_centuries);
    RUN(formats_finbox_styles);
    RUN(adds_months_clamping_to_month_end);
    RUN(month_names);
    return check_summary();
}
