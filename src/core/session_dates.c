/* The statement period of a create-session request: from_date/to_date
 * (the period asked for), max_from_date/max_to_date (the outer window the
 * customer may pick within), their defaults, and the months the journey
 * expects. docs/session-create.md explains every rule here. */
#include <string.h>

#include "core/session_req_int.h"

/* Messages copied verbatim from the seed's error table (its leading
 * apostrophes are missing there too; clients match on the code). */
#define MSG_FORMAT "Invalid 'from_date' or 'to_date' format. Use 'DD/MM/YYYY'."
#define MSG_RANGE "from_date' can't be greater or equal to 'to_date'."
#define MSG_MISSING "from_date' and 'to_date' are required."
#define MSG_MAX_FORMAT "Invalid 'max_from_date' or 'max_to_date' format. Use 'DD/MM/YYYY'."
#define MSG_MAX_RANGE "max_from_date' can't be greater or equal to 'max_to_date'."

int session_expected_months(pb_day from, pb_day to, pb_month *out, int max)
{
    if (to < from)
        return 0;
    int y, m, d;
    date_to_ymd(to, &y, &m, &d);
    pb_month first = date_month(from), last = date_month(to);
    if (d <= 7 && last > first) /* the seed's first-week rule */
        last--;
    int n = last - first + 1;
    for (int i = 0; i < n && i < max; i++)
        out[i] = first + i;
    return n;
}

void session_expected_range(const struct session_req *r, pb_day *from, pb_day *to)
{
    *from = r->from_date;
    *to = r->to_date;
    if (r->n_expected_months > 0) {
        pb_day last = month_last_day(r->expected_months[r->n_expected_months - 1]);
        if (last < *to)
            *to = last;
    }
    if (*to >= r->to_date && r->to_date > *from)
        *to = r->to_date - 1;
}

/* Reads one optional DD/MM/YYYY field. *day = PB_NO_DAY when absent
 * (missing, null or blank). Returns 1 for a bad format, -1 for a bad JSON
 * type (err filled), 0 otherwise. */
static int read_date(const json_t *body, const char *key, pb_day *day, struct api_error *err)
{
    struct field_text t;
    char buf[16];
    *day = PB_NO_DAY;
    int has = sreq_text(body, key, &t, err);
    if (has <= 0)
        return has;
    if (t.len != 10)
        return 1;
    memcpy(buf, t.s, 10);
    buf[10] = '\0';
    return date_parse_dmy(buf, day) ? 0 : 1;
}

static int range_error(struct api_error *err, const char *msg)
{
    return api_error_set(err, 400, "INVALID_DATE_RANGE", "%s", msg);
}

/* Parses all four dates: JSON types first, then formats, from/to pair
 * before the max pair. */
static int read_all(const json_t *body, pb_day d[4], struct api_error *err)
{
    static const char *const keys[4] = {"from_date", "to_date", "max_from_date", "max_to_date"};
    int bad[4];
    for (int i = 0; i < 4; i++) {
        bad[i] = read_date(body, keys[i], &d[i], err);
        if (bad[i] < 0)
            return -1;
    }
    if (bad[0] || bad[1])
        return api_error_set(err, 400, "INVALID_DATE_FORMAT", MSG_FORMAT);
    if (bad[2] || bad[3])
        return api_error_set(err, 400, "INVALID_DATE_FORMAT", MSG_MAX_FORMAT);
    return 0;
}

/* The outer window on its own: ordered, and its start not after today
 * (a window that opens in the future holds no statement). */
static int check_window(pb_day mfrom, pb_day mto, pb_day today, struct api_error *err)
{
    if (mfrom != PB_NO_DAY && mto != PB_NO_DAY && mfrom >= mto)
        return range_error(err, MSG_MAX_RANGE);
    if (mfrom != PB_NO_DAY && mfrom >= today)
        return range_error(err, "'max_from_date' must be before today.");
    return 0;
}

/* Explicit from/to: ordered, not in the future, inside the window. */
static int check_period(const pb_day d[4], pb_day today, struct api_error *err)
{
    if (d[0] >= d[1])
        return range_error(err, MSG_RANGE);
    if (d[1] > today)
        return range_error(err, "'to_date' can't be in the future.");
    if ((d[2] != PB_NO_DAY && d[0] < d[2]) || (d[3] != PB_NO_DAY && d[1] > d[3]))
        return range_error(err, "'from_date' and 'to_date' must lie within "
                                "'max_from_date' and 'max_to_date'.");
    return 0;
}

/* Defaults: to = today (or max_to_date when earlier), from = to - 6
 * months (or max_from_date when later). check_window guarantees from < to. */
static void default_period(pb_day d[4], pb_day today)
{
    d[1] = today;
    if (d[3] != PB_NO_DAY && d[3] < d[1])
        d[1] = d[3];
    d[0] = date_add_months(d[1], -SESSION_DEFAULT_MONTHS);
    if (d[2] != PB_NO_DAY && d[2] > d[0])
        d[0] = d[2];
}

int sreq_dates(const json_t *body, pb_day today, struct session_req *r, struct api_error *err)
{
    pb_day d[4]; /* from, to, max_from, max_to */
    if (read_all(body, d, err))
        return -1;
    if ((d[0] == PB_NO_DAY) != (d[1] == PB_NO_DAY))
        return api_error_set(err, 400, "MISSING_DATE_FIELD", MSG_MISSING);
    if (d[0] != PB_NO_DAY && d[0] >= d[1]) /* the seed's own rule before ours */
        return range_error(err, MSG_RANGE);
    if (check_window(d[2], d[3], today, err))
        return -1;
    r->dates_defaulted = d[0] == PB_NO_DAY;
    if (r->dates_defaulted)
        default_period(d, today);
    else if (check_period(d, today, err))
        return -1;
    int n = session_expected_months(d[0], d[1], r->expected_months, SESSION_MAX_MONTHS);
    if (n > SESSION_MAX_MONTHS)
        return api_error_set(err, 400, "INVALID_DATE_RANGE",
                             "The period spans %d months; at most %d are allowed.", n,
                             SESSION_MAX_MONTHS);
    r->n_expected_months = n;
    r->from_date = d[0];
    r->to_date = d[1];
    r->max_from_date = d[2];
    r->max_to_date = d[3];
    return 0;
}
