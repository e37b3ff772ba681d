/* Calendar dates as day numbers: days since 1970-01-01 (proleptic Gregorian).
 * Every constructor validates, so a day number always names a real date. */
#ifndef PB_UTIL_DATE_H
#define PB_UTIL_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t pb_day;     /* days since 1970-01-01 */
#define PB_NO_DAY INT32_MIN /* "no date" */

/* Month index: year * 12 + (month - 1); consecutive months differ by 1. */
typedef int32_t pb_month;

bool date_is_leap(int year);
int date_days_in_month(int year, int month);
/* Returns false for impossible dates such as 31/02/2024. */
bool date_from_ymd(int year, int month, int day, pb_day *out);
void date_to_ymd(pb_day d, int *year, int *month, int *day);
int date_weekday(pb_day d); /* 0 = Monday .. 6 = Sunday */
pb_day date_add_months(pb_day d, int months); /* clamps the day to the month's end */

pb_month date_month(pb_day d);
pb_day month_first_day(pb_month m);
pb_day month_last_day(pb_month m);

/* Strict "DD/MM/YYYY" (two-digit day and month, four-digit year). */
bool date_parse_dmy(const char *s, pb_day *out);
/* Strict "YYYY-MM-DD". */
bool date_parse_iso(const char *s, pb_day *out);

/* Formatters write a NUL-terminated string into buf (at least 32 bytes). */
#define PB_DATE_BUF 32
const char *date_fmt_iso(pb_day d, char *buf);      /* 2024-03-31 */
const char *date_fmt_dmy(pb_day d, char *buf);      /* 31/03/2024 */
const char *date_fmt_dmon_yy(pb_day d, char *buf);  /* 31-Mar-24 */
const char *month_fmt_iso(pb_month m, char *buf);   /* 2024-03 */
const char *month_fmt_mon_yyyy(pb_month m, char *buf); /* Mar-2024 */
const char *month_fmt_mon_yy(pb_month m, char *buf);   /* Mar-24 */
const char *month_fmt_human(pb_month m, char *buf);    /* Mar 2024 */

/* "Jan".."Dec" for 1..12 (case-insensitive match on parse); 0 if unknown. */
const char *month_abbrev(int month);
int month_from_name(const char *s, size_t len);

#endif
