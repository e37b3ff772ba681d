/* Coverage of a session's expected months by an account's statements,
 * the acceptance criteria, account ids, masking and sealed passwords. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ingest/coverage.h"
#include "ingest/ingest.h"
#include "ingest/seal.h"

static pb_day D(int y, int m, int d)
{
    pb_day out;
    date_from_ymd(y, m, d, &out);
    return out;
}

/* A session over [from, to] with its expected months. */
static void session_over(struct session *s, pb_day from, pb_day to)
{
    memset(s, 0, sizeof *s);
    s->req.from_date = from;
    s->req.to_date = to;
    s->req.n_expected_months = session_expected_months(from, to, s->req.expected_months, SESSION_MAX_MONTHS);
}

/* A session created without dates on `today` (the seed's default range). */
static void session_dateless(struct session *s, pb_day today)
{
    session_over(s, date_add_months(today, -SESSION_DEFAULT_MONTHS), today);
}

static struct statement_rec stmt(pb_day from, pb_day to)
{
    struct statement_rec r;
    memset(&r, 0, sizeof r);
    r.from_day = from;
    r.to_day = to;
    return r;
}

TEST(whole_period_covered)
{
    struct session s;
    session_over(&s, D(2024, 1, 1), D(2024, 3, 31));
    struct statement_rec a = stmt(D(2024, 1, 1), D(2024, 3, 31));
    const struct statement_rec *v[] = {&a};
    struct coverage c;
    coverage_compute(&s, v, 1, &c);
    CHECK_INT(c.npresent, 3);
    CHECK_INT(c.nmissing, 0);
    CHECK_INT(c.ngaps, 0);
    CHECK(coverage_accepted(&c, NULL, 0));
    CHECK(coverage_accepted(&c, "missing_upload_date_range", 0));
}

TEST(gaps_and_missing_months)
{
    struct session s;
    session_over(&s, D(2024, 1, 1), D(2024, 6, 30));
    /* Jan-Feb and Apr-mid May, given out of order and overlapping */
    struct statement_rec a = stmt(D(2024, 4, 1), D(2024, 5, 15)), b = stmt(D(2024, 1, 1), D(2024, 2, 29)),
                         c2 = stmt(D(2024, 1, 10), D(2024, 1, 20));
    const struct statement_rec *v[] = {&a, &b, &c2};
    struct coverage c;
    coverage_compute(&s, v, 3, &c);
    CHECK_INT(c.npresent, 4); /* Jan Feb Apr May */
    CHECK_INT(c.nmissing, 2); /* Mar, Jun */
    CHECK_INT(c.missing[0], 2024 * 12 + 2);
    CHECK_INT(c.missing[1], 2024 * 12 + 5);
    CHECK_INT(c.ngaps, 2);
    CHECK_INT(c.gaps[0].from, D(2024, 3, 1));
    CHECK_INT(c.gaps[0].to, D(2024, 3, 31));
    CHECK_INT(c.gaps[1].from, D(2024, 5, 16));
    CHECK_INT(c.gaps[1].to, D(2024, 6, 29)); /* to_date itself need not be covered */
    CHECK_INT(c.gap_days, 31 + 45);
    CHECK(!coverage_accepted(&c, "missing_upload_months", 0));
    CHECK(!coverage_accepted(&c, "missing_upload_date_range", 75));
    CHECK(coverage_accepted(&c, "missing_upload_date_range", 76));
}

TEST(first_week_rule_and_statement_beyond_the_range)
{
    struct session s;
    session_over(&s, D(2024, 1, 1), D(2024, 4, 5)); /* April not expected */
    CHECK_INT(s.req.n_expected_months, 3);
    struct statement_rec a = stmt(D(2023, 12, 1), D(2024, 3, 31));
    const struct statement_rec *v[] = {&a};
    struct coverage c;
    coverage_compute(&s, v, 1, &c);
    CHECK_INT(c.npresent, 4); /* Dec counts as present, it was uploaded */
    CHECK_INT(c.nmissing, 0);
    CHECK_INT(c.to, D(2024, 3, 31)); /* April's first days are not asked for either */
    CHECK_INT(c.ngaps, 0);
    CHECK(coverage_accepted(&c, NULL, 0));
    CHECK(coverage_accepted(&c, "missing_upload_date_range", 0));
}

TEST(no_statements)
{
    struct session s;
    session_over(&s, D(2024, 1, 1), D(2024, 2, 29));
    struct coverage c;
    coverage_compute(&s, NULL, 0, &c);
    CHECK_INT(c.nmissing, 2);
    CHECK_INT(c.gap_days, 59);
    CHECK(!coverage_accepted(&c, NULL, 0));
}

TEST(dateless_session_with_a_recent_statement_is_complete)
{
    /* Today 20 Dec: the range is 20 Jun - 19 Dec, seven months expected
     * (June and December in part); a six-month statement printed three days
     * ago covers them all. */
    struct session s;
    session_dateless(&s, D(2026, 12, 20));
    CHECK_INT(s.req.n_expected_months, 7);
    struct statement_rec a = stmt(D(2026, 6, 17), D(2026, 12, 17));
    const struct statement_rec *v[] = {&a};
    struct coverage c;
    coverage_compute(&s, v, 1, &c);
    CHECK_INT(c.nmissing, 0);
    CHECK(coverage_accepted(&c, NULL, 0));
    CHECK_INT(c.gap_days, 2); /* 18-19 Dec: within a tolerance of 2 */
    CHECK(coverage_accepted(&c, "missing_upload_date_range", 2));
    pb_month txm[] = {2026 * 12 + 5, 2026 * 12 + 6, 2026 * 12 + 7, 2026 * 12 + 8, 2026 * 12 + 9,
                      2026 * 12 + 10, 2026 * 12 + 11};
    char msg[512];
    CHECK(coverage_verdict(&s, &c, NULL, 0, txm, 7, msg, sizeof msg) == NULL);
    /* Today 3 Dec (first week): December is not asked for at all. */
    session_dateless(&s, D(2026, 12, 3));
    CHECK_INT(s.req.n_expected_months, 6);
    struct statement_rec b = stmt(D(2026, 6, 1), D(2026, 11, 30));
    const struct statement_rec *w[] = {&b};
    coverage_compute(&s, w, 1, &c);
    CHECK_INT(c.to, D(2026, 11, 30));
    CHECK_INT(c.gap_days, 0);
    CHECK(coverage_verdict(&s, &c, "missing_upload_date_range", 0, txm, 6, msg, sizeof msg) == NULL);
}

TEST(statement_to_the_day_before_to_date_is_complete)
{
    struct session s;
    session_over(&s, D(2024, 1, 1), D(2024, 6, 30));
    struct statement_rec a = stmt(D(2024, 1, 1), D(2024, 6, 29));
    const struct statement_rec *v[] = {&a};
    struct coverage c;
    coverage_compute(&s, v, 1, &c);
    CHECK_INT(c.gap_days, 0);
    CHECK(coverage_accepted(&c, "missing_upload_date_range", 0));
}

TEST(partial_first_month_counts_by_its_days_inside_the_range)
{
    struct session s;
    session_over(&s, D(2024, 1, 20), D(2024, 4, 10));
    /* January: only days before the 20th are printed: not inside the range */
    struct statement_rec a = stmt(D(2024, 1, 1), D(2024, 1, 15)), b = stmt(D(2024, 2, 1), D(2024, 4, 9));
    const struct statement_rec *v[] = {&a, &b};
    struct coverage c;
    coverage_compute(&s, v, 2, &c);
    CHECK_INT(c.nmissing, 1);
    CHECK_INT(c.missing[0], 2024 * 12 + 0);
    /* a statement with one day of January inside the range covers January */
    struct statement_rec a2 = stmt(D(2024, 1, 1), D(2024, 1, 31));
    const struct statement_rec *w[] = {&a2, &b};
    coverage_compute(&s, w, 2, &c);
    CHECK_INT(c.nmissing, 0);
}

TEST(verdicts_name_the_missing_months_and_days)
{
    struct session s;
    session_over(&s, D(2024, 1, 1), D(2024, 4, 30));
    struct statement_rec a = stmt(D(2024, 1, 1), D(2024, 3, 31)), b = stmt(D(2024, 4, 5), D(2024, 4, 29));
    const struct statement_rec *v[] = {&a};
    struct coverage c;
    char msg[512];
    pb_month txm[] = {2024 * 12, 2024 * 12 + 1, 2024 * 12 + 3};
    coverage_compute(&s, v, 1, &c);
    CHECK_STR(coverage_verdict(&s, &c, NULL, 0, txm, 3, msg, sizeof msg), "INCOMPLETE_MONTHS_UPLOAD");
    CHECK_STR(msg, "Statement(s) uploaded contain incomplete months. Missing data present for Apr 2024");
    const struct statement_rec *w[] = {&a, &b};
    coverage_compute(&s, w, 2, &c);
    CHECK_STR(coverage_verdict(&s, &c, "missing_upload_date_range", 3, txm, 3, msg, sizeof msg),
              "INCOMPLETE_DATES_UPLOAD");
    CHECK_STR(msg, "Statement(s) uploaded contain incomplete dates. Missing dates present for "
                   "{\"Apr 2024\": [1, 2, 3, 4]}");
    /* uploads accepted, but March has no transaction */
    CHECK_STR(coverage_verdict(&s, &c, NULL, 0, txm, 3, msg, sizeof msg), "INCOMPLETE_MONTHS");
    CHECK_STR(msg, "Insufficient data to generate report. There are no transactions for Mar 2024");
}

TEST(account_ids_are_stable_uuid4_per_session)
{
    char a[PB_UUID_BUF], b[PB_UUID_BUF], c[PB_UUID_BUF], d[PB_UUID_BUF];
    ingest_account_id("6f1c1c4e-2f7e-4a40-9c1e-5d0f0b1b2c3d", "50100012345678", a);
    ingest_account_id("6f1c1c4e-2f7e-4a40-9c1e-5d0f0b1b2c3d", "50100012345678", b);
    ingest_account_id("6f1c1c4e-2f7e-4a40-9c1e-5d0f0b1b2c3d", "50100012345679", c);
    ingest_account_id("7f1c1c4e-2f7e-4a40-9c1e-5d0f0b1b2c3d", "50100012345678", d);
    CHECK(uuid_valid(a));
    CHECK_INT(a[14], '4');
    CHECK(strchr("89ab", a[19]) != NULL);
    CHECK_STR(a, b);
    CHECK(strcmp(a, c) != 0);
    CHECK(strcmp(a, d) != 0);
}

TEST(masking)
{
    char buf[64];
    CHECK_STR(ingest_mask_account("50100012345678", buf, sizeof buf), "XXXXXXXXXX5678");
    CHECK_STR(ingest_mask_account("123", buf, sizeof buf), "123");
    CHECK_STR(ingest_mask_account(NULL, buf, sizeof buf), "");
}

TEST(sealed_passwords)
{
    unsigned char key[32], other[32];
    memset(key, 7, sizeof key);
    memset(other, 8, sizeof other);
    unsigned char *box = NULL, *box2 = NULL;
    size_t n = 0, n2 = 0;
    CHECK_INT(seal_encrypt(key, "Pa55 w0rd", &box, &n), 0);
    CHECK_INT(seal_encrypt(key, "Pa55 w0rd", &box2, &n2), 0);
    CHECK(n == n2 && memcmp(box, box2, n) != 0); /* fresh nonce each time */
    CHECK(memmem(box, n, "Pa55", 4) == NULL);
    char *plain = NULL;
    CHECK_INT(seal_decrypt(key, box, n, &plain), 0);
    CHECK_STR(plain, "Pa55 w0rd");
    free(plain);
    plain = NULL;
    CHECK_INT(seal_decrypt(other, box, n, &plain), -1);
    box[n / 2] ^= 1;
    CHECK_INT(seal_decrypt(key, box, n, &plain), -1);
    CHECK_INT(seal_decrypt(key, box, 10, &plain), -1);
    CHECK(plain == NULL);
    free(box);
    free(box2);
}

int main(void)
{
    RUN(whole_period_covered);
    RUN(gaps_and_missing_months);
    RUN(first_week_rule_and_statement_beyond_the_range);
    RUN(no_statements);
    RUN(dateless_session_with_a_recent_statement_is_complete);
    RUN(statement_to_the_day_before_to_date_is_complete);
    RUN(partial_first_month_counts_by_its_days_inside_the_range);
    RUN(verdicts_name_the_missing_months_and_days);
    RUN(account_ids_are_stable_uuid4_per_session);
    RUN(masking);
    RUN(sealed_passwords);
    return check_summary();
}
