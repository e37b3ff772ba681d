/* A validated create-session request (POST /bank-connect/v1|v2/session/).
 * session_req_parse() turns the JSON body into this, or into the FinBox
 * error the seed spec names. Authentication (api_key) is checked by the
 * caller before the fields; org mode checks (MODE_NOT_ENABLED) need the
 * org's enabled modes, passed in. */
#ifndef PB_CORE_SESSION_REQ_H
#define PB_CORE_SESSION_REQ_H

#include <jansson.h>
#include <stdbool.h>

#include "core/api_error.h"
#include "util/date.h"

enum pb_mode_bits { MODE_PDF = 1, MODE_AA = 2, MODE_ONLINE = 4 };

#define SESSION_MAX_MONTHS 240         /* longest period a session may ask for */
#define SESSION_EXPIRY_DEFAULT_MIN 60  /* FinBox's example expiry is ~60 min */
#define SESSION_EXPIRY_MIN_MIN 5
#define SESSION_EXPIRY_MAX_MIN 43200   /* 30 days */
#define SESSION_DEFAULT_MONTHS 6       /* default period: to_date - 6 months */

struct session_req {
    int version;                    /* 1 or 2 */
    char *link_id;
    char *redirect_url;             /* NULL when absent (iframe workflow) */
    char *logo_url;
    char *bank;                     /* canonical bank identifier (lower case) or NULL */
    int mode;                       /* one of MODE_* or 0 when absent */
    char *mobile_number;            /* 10 digits, or NULL */
    int session_expiry_min;         /* minutes; the default when absent */
    char *journey_mode;             /* "multi_pdf" / "multi_banking" / NULL */
    bool accept_anything;
    bool is_mobile_field_editable;
    pb_day from_date, to_date;      /* the period asked for */
    pb_day max_from_date, max_to_date; /* outer window, PB_NO_DAY when absent */
    char *aa_journey_mode;
    int aa_recurring_tenure_month_count;
    char *aa_recurring_frequency_unit;
    int aa_recurring_frequency_value;
    char *aa_journey_code;          /* v2, upper case ("BCAA001"), NULL = default BCAA001 */
    json_t *consents;               /* v2, owned, validated copy (codes upper case) or NULL */
    json_t *metadata;               /* owned, validated copy (known keys only) or NULL */
    bool dates_defaulted;           /* from/to were absent and computed */
    /* Months the journey expects ("first week" rule applied), oldest first. */
    pb_month expected_months[SESSION_MAX_MONTHS];
    int n_expected_months;
};

/* Validates body for API version 1 or 2 on day `today`, for an org whose
 * enabled modes are org_modes (MODE_* bits). On success fills *out (free
 * with session_req_free) and returns 0; otherwise fills *err, returns -1. */
int session_req_parse(const json_t *body, int version, pb_day today, int org_modes,
                      struct session_req *out, struct api_error *err);
void session_req_free(struct session_req *r);
/* The refusal of a mode the organisation has not enabled (403
 * MODE_NOT_ENABLED); returns -1. */
int session_req_mode_not_enabled(struct api_error *err);

/* The months a journey over [from, to] expects: every month from from's
 * month to to's month, except to's month when to lies in its first week
 * (day 1-7) and an earlier month remains (so the list is never empty).
 * Writes at most max months; returns the total count (which may exceed
 * max), or 0 when to < from. */
int session_expected_months(pb_day from, pb_day to, pb_month *out, int max);

/* The days a session asks statements to cover: from_date to the last day of
 * the last expected month (so a first-week to_date drops its month's days
 * too), but not after the day before to_date, since a statement printed on
 * to_date runs to the day before. Upload status, session status, the hosted
 * page and the webhooks all judge coverage over this range. */
void session_expected_range(const struct session_req *r, pb_day *from, pb_day *to);

#endif
