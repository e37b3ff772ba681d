/* What an account's statements cover of the period a session asks for:
 * the months present, the expected months missing (first-week rule of
 * the session, core/session_req.h) and the date gaps. A month counts as
 * present when any statement's period overlaps it. */
#ifndef PB_INGEST_COVERAGE_H
#define PB_INGEST_COVERAGE_H

#include <stdbool.h>

#include "core/session.h"
#include "store/store.h"

#define COVERAGE_MAX_GAPS 64

struct coverage {
    pb_month present[SESSION_MAX_MONTHS];   /* oldest first */
    int npresent;
    pb_month missing[SESSION_MAX_MONTHS];   /* expected months with no statement */
    int nmissing;
    struct {
        pb_day from, to;
    } gaps[COVERAGE_MAX_GAPS];              /* days of [from, to] no statement covers */
    int ngaps;
    int gap_days;
};

/* Coverage of the statements stmts[0..n) (one account's) over session s. */
void coverage_compute(const struct session *s, const struct statement_rec *const *stmts, size_t n,
                      struct coverage *out);

/* The organisation's level-1 acceptance criterion: "missing_upload_months"
 * (default: every expected month present) or "missing_upload_date_range"
 * (no gap longer than tolerance_days in total). */
bool coverage_accepted(const struct coverage *c, const char *acceptance, int tolerance_days);

#endif
