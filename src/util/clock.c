#include "util/clock.h"

#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#define IST_OFFSET_S (5 * 3600 + 30 * 60)

static int64_t offset;
static pthread_once_t offset_once = PTHREAD_ONCE_INIT;

static void read_offset(void)
{
    const char *e = getenv("PASSBOOK_TEST_CLOCK_OFFSET");
    long long v = e ? strtoll(e, NULL, 10) : 0;
    offset = v > 0 ? v : 0;
}

int64_t pb_now(void)
{
    pthread_once(&offset_once, read_offset);
    return (int64_t)time(NULL) + offset;
}

int64_t pb_now_ms(void)
{
    pthread_once(&offset_once, read_offset);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return ((int64_t)ts.tv_sec + offset) * 1000 + ts.tv_nsec / 1000000;
}

pb_day pb_today_ist(void)
{
    return (pb_day)((pb_now() + IST_OFFSET_S) / 86400);
}

static const char *time_format(int64_t t, const char *format, char *buf, size_t len)
{
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(buf, len, format, &tm);
    return buf;
}

const char *pb_time_text(int64_t t, char *buf, size_t len)
{
    return time_format(t, "%Y-%m-%d %H:%M:%S", buf, len);
}

const char *pb_time_iso8601(int64_t t, char *buf, size_t len)
{
    return time_format(t, "%Y-%m-%dT%H:%M:%SZ", buf, len);
}
