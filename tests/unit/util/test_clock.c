/* The one clock: the system time plus PASSBOOK_TEST_CLOCK_OFFSET, and the
 * date in India derived from it. */
#include <stdlib.h>
#include <time.h>

#include "check.h"
#include "util/clock.h"

TEST(offset_moves_every_reading)
{
    int64_t real = (int64_t)time(NULL);
    int64_t now = pb_now();
    CHECK(now - real >= 3600 && now - real <= 3602);
}

TEST(today_is_the_date_in_india)
{
    /* 18:30 UTC is midnight in India: the IST date is never behind UTC's. */
    pb_day utc = (pb_day)(pb_now() / 86400), ist = pb_today_ist();
    CHECK(ist == utc || ist == utc + 1);
    CHECK_INT(ist, (pb_day)((pb_now() + 19800) / 86400));
}

TEST(times_as_text_in_utc)
{
    char b[32];
    CHECK_STR(pb_time_text(0, b, sizeof b), "1970-01-01 00:00:00");
    CHECK_STR(pb_time_text(1700000000, b, sizeof b), "2023-11-14 22:13:20");
    CHECK_STR(pb_time_iso8601(1700000000, b, sizeof b), "2023-11-14T22:13:20Z");
    CHECK_STR(pb_time_iso8601(951782400, b, sizeof b), "2000-02-29T00:00:00Z"); /* a leap day */
}

int main(void)
{
    setenv("PASSBOOK_TEST_CLOCK_OFFSET", "3600", 1); /* before the first reading */
    RUN(offset_moves_every_reading);
    RUN(today_is_the_date_in_india);
    RUN(times_as_text_in_utc);
    return check_summary();
}
