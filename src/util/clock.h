/* The one clock. Every wall-time decision — session expiry (lender API and
 * hosted page alike), link lifetimes, job leases, timestamps, "today" —
 * reads pb_now(), so two parts of the server can never disagree about
 * what time it is. Tests move it forward with PASSBOOK_TEST_CLOCK_OFFSET
 * (seconds, read once; never set it in production). */
#ifndef PB_UTIL_CLOCK_H
#define PB_UTIL_CLOCK_H

#include <stdint.h>

#include "util/date.h"

/* Unix seconds: the system clock plus the test offset. */
int64_t pb_now(void);
/* The same clock in milliseconds. */
int64_t pb_now_ms(void);
/* The calendar date in India (UTC+05:30) at pb_now(). */
pb_day pb_today_ist(void);

/* Unix seconds t as UTC text in buf (returned): "YYYY-MM-DD HH:MM:SS", as
 * FinBox's bodies print times, or ISO 8601 "YYYY-MM-DDTHH:MM:SSZ". */
const char *pb_time_text(int64_t t, char *buf, size_t len);
const char *pb_time_iso8601(int64_t t, char *buf, size_t len);

#endif
