/* The one acceptance rule: what an account's statements cover of the days
 * a session asks for (session_expected_range: the seed's default range and
 * first-week rule, to the day before to_date), and whether that meets the
 * organisation's criterion. Upload status, the completion webhook, the
 * hosted page and session_status/ all ask these functions.
 *
 *   level 1 (uploads, reference §1.5): "missing_upload_months" (default):
 *     every expected month has a statement covering at least one of its days
 *     inside the range; "missing_upload_date_range": the days of the range
 *     no statement covers total at most the organisation's tolerance.
 *   level 2 (after processing): every expected month has a transaction. */
#ifndef PB_INGEST_COVERAGE_H
#define PB_INGEST_COVERAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/session.h"
#include "store/store.h"

#define COVERAGE_MAX_GAPS 64

struct coverage {
    pb_day from, to;                        /* the range judged */
    pb_month present[SESSION_MAX_MONTHS];   /* months any statement period touches, oldest first */
    int npresent;
    pb_month missing[SESSION_MAX_MONTHS];   /* expected months no statement covers inside the range */
    int nmissing;
    struct {
        pb_day from, to;
    } gaps[COVERAGE_MAX_GAPS];              /* days of the range no statement covers */
    int ngaps;
    int gap_days;
};

/* Coverage of the statements stmts[0..n) (one account's) over session s. */
void coverage_compute(const struct session *s, const struct statement_rec *const *stmts, size_t n,
                      struct coverage *out);

/* Level 1 under the criterion ("missing_upload_months" when NULL). */
bool coverage_accepted(const struct coverage *c, const char *criterion, int tolerance_days);

/* The account's error after processing (reference §6.4), or NULL: level 1
 * (INCOMPLETE_MONTHS_UPLOAD under missing_upload_months,
 * INCOMPLETE_DATES_UPLOAD under missing_upload_date_range), then level 2
 * (INCOMPLETE_MONTHS: an expected month without a transaction;
 * txn_months[0..n) are the months that have one). msg gets the message. */
const char *coverage_verdict(const struct session *s, const struct coverage *c, const char *criterion,
                             int tolerance_days, const pb_month *txn_months, size_t n, char *msg,
                             size_t cap);

/* s narrowed to the period its statements stmts[0..n) cover, [first
 * statement day, last statement day], with that period's expected months:
 * for an entity's session (core/entity.h), which takes statements of any
 * period, so coverage and the account checks judge the statements against
 * what they cover rather than against all time. n may be 0 (s unchanged
 * but for no expected months). */
void coverage_narrow(struct session *s, const struct statement_rec *stmts, size_t n);

#endif
