#include "util/date.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static const char *const MONTHS[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool date_is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && date_is_leap(y) ? 29 : days[m - 1];
}

/* Howard Hinnant's days_from_civil, valid for the whole int32 range used. */
static pb_day days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool date_from_ymd(int y, int m, int d, pb_day *out)
{
    if (y < 1900 || y > 2999 || d < 1 || d > date_days_in_month(y, m))
        return false;
    *out = days_from_civil(y, m, d);
    return true;
}

void date_to_ymd(pb_day z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

int date_weekday(pb_day d)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    int w = (d + 3) % 7;
    return w < 0 ? w + 7 : w;
}

pb_day date_add_months(pb_day d, int months)
{
    int y, m, day;
    date_to_ymd(d, &y, &m, &day);
    int idx = y * 12 + (m - 1) + months;
    y = idx / 12;
    m = idx % 12 + 1;
    int last = date_days_in_month(y, m);
    return days_from_civil(y, m, day > last ? last : day);
}

pb_month date_month(pb_day d)
{
    int y, m, day;
    date_to_ymd(d, &y, &m, &day);
    return y * 12 + (m - 1);
}

pb_day month_first_day(pb_month mo)
{
    return days_from_civil(mo / 12, mo % 12 + 1, 1);
}

pb_day month_last_day(pb_month mo)
{
    int y = mo / 12, m = mo % 12 + 1;
    return days_from_civil(y, m, date_days_in_month(y, m));
}

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool date_parse_dmy(const char *s, pb_day *out)
{
    int d, m, y;
    if (!s || strlen(s) != 10 || s[2] != '/' || s[5] != '/')
        return false;
    if (!digits(s, 2, &d) || !digits(s + 3, 2, &m) || !digits(s + 6, 4, &y))
        return false;
    return date_from_ymd(y, m, d, out);
}

bool date_parse_iso(const char *s, pb_day *out)
{
    int d, m, y;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
        return false;
    return date_from_ymd(y, m, d, out);
}

const char *date_fmt_iso(pb_day d, char *buf)
{
    int y, m, day;
    date_to_ymd(d, &y, &m, &day);
    snprintf(buf, PB_DATE_BUF, "%04d-%02d-%02d", y, m, day);
    return buf;
}

const char *date_fmt_dmy(pb_day d, char *buf)
{
    int y, m, day;
    date_to_ymd(d, &y, &m, &day);
    snprintf(buf, PB_DATE_BUF, "%02d/%02d/%04d", day, m, y);
    return buf;
}

const char *date_fmt_dmon_yy(pb_day d, char *buf)
{
    int y, m, day;
    date_to_ymd(d, &y, &m, &day);
    snprintf(buf, PB_DATE_BUF, "%02d-%s-%02d", day, MONTHS[m - 1], y % 100);
    return buf;
}

const char *month_fmt_iso(pb_month mo, char *buf)
{
    snprintf(buf, PB_DATE_BUF, "%04d-%02d", mo / 12, mo % 12 + 1);
    return buf;
}

const char *month_fmt_mon_yyyy(pb_month mo, char *buf)
{
    snprintf(buf, PB_DATE_BUF, "%s-%04d", MONTHS[mo % 12], mo / 12);
    return buf;
}

const char *month_fmt_mon_yy(pb_month mo, char *buf)
{
    snprintf(buf, PB_DATE_BUF, "%s-%02d", MONTHS[mo % 12], mo / 12 % 100);
    return buf;
}

const char *month_fmt_human(pb_month mo, char *buf)
{
    snprintf(buf, PB_DATE_BUF, "%s %04d", MONTHS[mo % 12], mo / 12);
    return buf;
}

const char *month_abbrev(int month)
{
    return month >= 1 && month <= 12 ? MONTHS[month - 1] : NULL;
}

int month_from_name(const char *s, size_t len)
{
    static const char *const FULL[12] = {"january", "february", "march",     "april",
                                         "may",     "june",     "july",      "august",
                                         "september", "october", "november", "december"};
    if (len < 3)
        return 0;
    for (int i = 0; i < 12; i++) {
        if ((s[0] | 0x20) != FULL[i][0]) /* only a letter's two cases give its lower case by | 0x20 */
            continue;
        if (len == 3 && strncasecmp(s, MONTHS[i], 3) == 0)
            return i + 1;
        if (len == 4 && i == 8 && strncasecmp(s, "sept", 4) == 0)
            return 9;
        size_t fl = 0;
        while (FULL[i][fl])
            fl++;
        if (len == fl && strncasecmp(s, FULL[i], len) == 0)
            return i + 1;
    }
    return 0;
}
