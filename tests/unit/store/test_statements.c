/* The SQLite store's statement, lifecycle and job operations (issue 5):
 * one-transaction commits with the duplicate and open-session checks,
 * processing requests, deletion, retention and leased jobs. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "fixture.h"
#include "store/store.h"

static char dir[] = "/tmp/pb-stmts-XXXXXX";
static struct store *st;
static struct org org;

/* A statement of account acct over [from, to] (days) with two rows. */
struct fixture {
    struct account_rec a;
    struct statement_rec s;
    struct txn_rec t[2];
    struct statement_commit c;
};

static void make_statement(struct fixture *f, const struct session *s, const char *acct, pb_day from,
                           pb_day to, const char *sha)
{
    memset(f, 0, sizeof *f);
    uuid_v4(f->a.id);
    snprintf(f->a.session_id, sizeof f->a.session_id, "%s", s->id);
    f->a.account_number = (char *)acct;
    uuid_v4(f->s.id);
    snprintf(f->s.session_id, sizeof f->s.session_id, "%s", s->id);
    snprintf(f->s.account_id, sizeof f->s.account_id, "%s", f->a.id);
    f->s.blob_sha256 = f->s.content_sha256 = (char *)sha;
    f->s.from_day = from;
    f->s.to_day = to;
    f->s.created_at = 1700000000;
    for (int i = 0; i < 2; i++) {
        f->t[i].seq = i;
        f->t[i].day = from + i;
        f->t[i].value_day = PB_NO_DAY;
        f->t[i].amount = 1000 * (i + 1);
        f->t[i].note = (char *)"UPI-TEST";
        snprintf(f->t[i].hash, sizeof f->t[i].hash, "%032d", i);
    }
    f->c = (struct statement_commit){&f->a, &f->s, f->t, 2, 0};
}

static pb_day D(int y, int m, int d)
{
    pb_day out;
    date_from_ymd(y, m, d, &out);
    return out;
}

static const char SHA1[] = "1111111111111111111111111111111111111111111111111111111111111111";
static const char SHA2[] = "2222222222222222222222222222222222222222222222222222222222222222";
static const char SHA3[] = "3333333333333333333333333333333333333333333333333333333333333333";

TEST(commit_checks_duplicates_in_the_same_transaction)
{
    struct session s;
    fixture_session(&s, org.id);
    CHECK_INT(store_session_insert(st, &s), STORE_OK);
    struct fixture f1, f2, f3, f4;
    enum commit_result r;
    make_statement(&f1, &s, "111", D(2024, 1, 1), D(2024, 1, 31), SHA1);
    CHECK_INT(STORE_CALL(st, statement_commit, &f1.c, 1, &r), STORE_OK);
    CHECK_INT(r, COMMIT_OK);
    /* same bytes again */
    make_statement(&f2, &s, "222", D(2024, 2, 1), D(2024, 2, 29), SHA1);
    CHECK_INT(STORE_CALL(st, statement_commit, &f2.c, 1, &r), STORE_OK);
    CHECK_INT(r, COMMIT_DUPLICATE);
    /* same account, overlapping period */
    make_statement(&f3, &s, "111", D(2024, 1, 31), D(2024, 2, 29), SHA2);
    snprintf(f3.s.account_id, sizeof f3.s.account_id, "%s", f1.a.id);
    snprintf(f3.a.id, sizeof f3.a.id, "%s", f1.a.id);
    CHECK_INT(STORE_CALL(st, statement_commit, &f3.c, 1, &r), STORE_OK);
    CHECK_INT(r, COMMIT_DUPLICATE);
    /* same account, next month: fine, and it joins the account */
    f3.s.from_day = D(2024, 2, 1);
    CHECK_INT(STORE_CALL(st, statement_commit, &f3.c, 1, &r), STORE_OK);
    CHECK_INT(r, COMMIT_OK);
    struct account_rec *accts;
    struct statement_rec *stmts;
    size_t na, ns;
    CHECK_INT(STORE_CALL(st, account_list, s.id, &accts, &na), STORE_OK);
    CHECK_INT(STORE_CALL(st, statement_list, s.id, &stmts, &ns), STORE_OK);
    CHECK_INT(na, 1);
    CHECK_INT(ns, 2);
    for (size_t i = 0; i < na; i++)
        account_rec_clear(&accts[i]);
    for (size_t i = 0; i < ns; i++)
        statement_rec_clear(&stmts[i]);
    free(accts);
    free(stmts);
    struct txn_rec *t;
    size_t nt;
    CHECK_INT(STORE_CALL(st, txn_list, f1.s.id, &t, &nt), STORE_OK);
    CHECK_INT(nt, 2);
    CHECK_INT(t[1].amount, 2000);
    CHECK_STR(t[1].note, "UPI-TEST");
    txn_recs_free(t, nt);
    /* processing closes the session: later commits are refused */
    struct job_spec spec;
    CHECK_INT(job_spec_process_session(&spec, s.id, org.id, 1700000100), 0);
    spec.max_attempts = 3;
    CHECK_INT(STORE_CALL(st, session_request_processing, s.id, org.id, 1700000100, &spec), STORE_OK);
    CHECK_INT(STORE_CALL(st, session_request_processing, s.id, org.id, 1700000101, &spec), STORE_CONFLICT);
    job_spec_clear(&spec);
    make_statement(&f4, &s, "333", D(2024, 3, 1), D(2024, 3, 31), SHA3);
    CHECK_INT(STORE_CALL(st, statement_commit, &f4.c, 1, &r), STORE_OK);
    CHECK_INT(r, COMMIT_SESSION_CLOSED);
    /* one job, leased, then leased again only after its lease ran out */
    struct job_rec j, j2;
    CHECK_INT(STORE_CALL(st, job_claim, "a", 1700000200, 60, &j), STORE_OK);
    CHECK_INT(j.kind, JOB_PROCESS_SESSION);
    CHECK_INT(j.max_attempts, 3); /* as its spec said */
    CHECK_STR(j.session_id, s.id);
    CHECK_INT(j.attempts, 1);
    CHECK_INT(STORE_CALL(st, job_claim, "b", 1700000220, 60, &j2), STORE_NOT_FOUND);
    CHECK_INT(STORE_CALL(st, job_claim, "b", 1700000261, 60, &j2), STORE_OK); /* "a" died */
    CHECK_INT(j2.id, j.id);
    CHECK_INT(j2.attempts, 2);
    CHECK_INT(STORE_CALL(st, job_finish, j2.id, false, "boom", 1700000300, 1700000262), STORE_OK);
    CHECK_INT(STORE_CALL(st, job_claim, "b", 1700000299, 60, &j2), STORE_NOT_FOUND); /* backoff */
    job_rec_clear(&j2);
    CHECK_INT(STORE_CALL(st, job_claim, "b", 1700000300, 60, &j2), STORE_OK);
    CHECK_INT(STORE_CALL(st, job_finish, j2.id, true, NULL, 0, 1700000301), STORE_OK);
    job_rec_clear(&j2);
    CHECK_INT(STORE_CALL(st, job_claim, "b", 1800000000, 60, &j2), STORE_NOT_FOUND);
    job_rec_clear(&j);
    /* delete: the files no statement uses any more come back */
    char **orphans;
    size_t no;
    CHECK_INT(STORE_CALL(st, session_delete, s.id, org.id, 1700000400, &orphans, &no), STORE_OK);
    CHECK_INT(no, 2);
    for (size_t i = 0; i < no; i++)
        free(orphans[i]);
    free(orphans);
    CHECK_INT(STORE_CALL(st, session_delete, s.id, org.id, 1700000401, &orphans, &no), STORE_NOT_FOUND);
    CHECK_INT(STORE_CALL(st, statement_list, s.id, &stmts, &ns), STORE_OK);
    CHECK_INT(ns, 0);
    free(stmts);
    session_clear(&s);
}

TEST(retention_keeps_files_other_sessions_use)
{
    /* SHA1 was claimed by the deletion above: a fresh file here */
    static const char SHA8[] = "8888888888888888888888888888888888888888888888888888888888888888";
    struct session s1, s2;
    fixture_session(&s1, org.id);
    fixture_session(&s2, org.id);
    CHECK_INT(store_session_insert(st, &s1), STORE_OK);
    CHECK_INT(store_session_insert(st, &s2), STORE_OK);
    struct fixture a, b;
    enum commit_result r;
    make_statement(&a, &s1, "9", D(2024, 1, 1), D(2024, 1, 31), SHA8);
    make_statement(&b, &s2, "9", D(2024, 1, 1), D(2024, 1, 31), SHA8);
    b.s.created_at = 1800000000; /* the same file, uploaded later elsewhere */
    CHECK_INT(STORE_CALL(st, statement_commit, &a.c, 1, &r), STORE_OK);
    CHECK_INT(STORE_CALL(st, statement_commit, &b.c, 1, &r), STORE_OK);
    CHECK_INT(r, COMMIT_OK);
    char **orphans;
    size_t n;
    CHECK_INT(STORE_CALL(st, pdf_expire, 1750000000, 1750000000, &orphans, &n), STORE_OK);
    CHECK_INT(n, 0); /* s2's statement still needs the file */
    free(orphans);
    struct statement_rec x;
    CHECK_INT(STORE_CALL(st, statement_get, a.s.id, &x), STORE_OK);
    CHECK(x.pdf_deleted_at != 0);
    statement_rec_clear(&x);
    CHECK_INT(STORE_CALL(st, pdf_expire, 1900000000, 1900000000, &orphans, &n), STORE_OK);
    CHECK_INT(n, 1);
    CHECK_STR(orphans[0], SHA8);
    free(orphans[0]);
    free(orphans);
    /* the claimer removed the file: the row goes */
    bool known;
    CHECK_INT(STORE_CALL(st, blob_forget, SHA8), STORE_OK);
    CHECK_INT(STORE_CALL(st, blob_known, SHA8, &known), STORE_OK);
    CHECK(!known);
    struct statement_rec x2;
    CHECK_INT(STORE_CALL(st, statement_get, b.s.id, &x2), STORE_OK);
    CHECK(x2.blob_sha256 == NULL); /* past retention: no file */
    CHECK_STR(x2.content_sha256, SHA8); /* still a duplicate of the same bytes */
    statement_rec_clear(&x2);
    session_clear(&s1);
    session_clear(&s2);
}

static const char SHA4[] = "4444444444444444444444444444444444444444444444444444444444444444";
static const char SHA5[] = "5555555555555555555555555555555555555555555555555555555555555555";
static const char SHA6[] = "6666666666666666666666666666666666666666666666666666666666666666";

static bool claim(const char *sha, int64_t now)
{
    bool claimed = false;
    CHECK_INT(STORE_CALL(st, blob_claim, sha, now, now - 120, &claimed), STORE_OK);
    return claimed;
}

static bool listed_as_orphan(const char *sha, int64_t now)
{
    char **list;
    size_t n;
    bool found = false;
    CHECK_INT(STORE_CALL(st, blob_orphans, now, now - 120, 1000, &list, &n), STORE_OK);
    for (size_t i = 0; i < n; i++) {
        found |= !strcmp(list[i], sha);
        free(list[i]);
    }
    free(list);
    return found;
}

TEST(a_pin_keeps_a_file_until_its_statement_takes_over)
{
    struct session s;
    fixture_session(&s, org.id);
    CHECK_INT(store_session_insert(st, &s), STORE_OK);
    int64_t now = 1700001000, pin1, pin2;
    CHECK_INT(STORE_CALL(st, blob_pin, SHA4, 10, now, now + 3600, now - 120, &pin1), STORE_OK);
    CHECK_INT(STORE_CALL(st, blob_pin, SHA4, 10, now, now + 3600, now - 120, &pin2), STORE_OK);
    CHECK(pin1 != pin2 && pin1 > 0);
    CHECK(!claim(SHA4, now));                 /* pinned twice */
    CHECK(!listed_as_orphan(SHA4, now));
    CHECK_INT(STORE_CALL(st, blob_unpin, pin2), STORE_OK);  /* one upload failed */
    CHECK(!claim(SHA4, now));                 /* the other still holds it */
    struct fixture f;
    enum commit_result r;
    make_statement(&f, &s, "444", D(2024, 1, 1), D(2024, 1, 31), SHA4);
    f.c.pin_id = pin1;
    CHECK_INT(STORE_CALL(st, statement_commit, &f.c, 1, &r), STORE_OK);
    CHECK_INT(r, COMMIT_OK);
    CHECK_INT(STORE_CALL(st, blob_unpin, pin1), STORE_OK); /* gone with the commit: harmless */
    CHECK(!claim(SHA4, now));                 /* the statement holds it */
    /* a commit whose pin was swept meanwhile is refused: its file may be gone */
    struct fixture g;
    make_statement(&g, &s, "445", D(2024, 2, 1), D(2024, 2, 28), SHA5);
    CHECK_INT(STORE_CALL(st, blob_pin, SHA5, 10, now, now + 10, now - 120, &g.c.pin_id), STORE_OK);
    CHECK(claim(SHA5, now + 11));             /* expired: claimed, pin dropped */
    CHECK_INT(STORE_CALL(st, statement_commit, &g.c, 1, &r), STORE_OK);
    CHECK_INT(r, COMMIT_PIN_LOST);
    session_clear(&s);
}

TEST(a_deletion_claim_keeps_new_pins_away_until_it_is_stale)
{
    int64_t now = 1700002000, pin;
    CHECK_INT(STORE_CALL(st, blob_pin, SHA6, 10, now, now + 3600, now - 120, &pin), STORE_OK);
    CHECK_INT(STORE_CALL(st, blob_unpin, pin), STORE_OK);
    CHECK(listed_as_orphan(SHA6, now));
    CHECK(claim(SHA6, now));
    CHECK(!claim(SHA6, now + 1));             /* one claimer at a time */
    CHECK(!listed_as_orphan(SHA6, now + 1));
    /* an upload of the same bytes waits while the file is being removed */
    CHECK_INT(STORE_CALL(st, blob_pin, SHA6, 10, now + 1, now + 3600, now + 1 - 120, &pin), STORE_CONFLICT);
    /* a claim whose node died goes stale: an upload takes the file over */
    CHECK_INT(STORE_CALL(st, blob_pin, SHA6, 10, now + 200, now + 3600, now + 200 - 120, &pin), STORE_OK);
    CHECK(!claim(SHA6, now + 201));
    CHECK_INT(STORE_CALL(st, blob_forget, SHA6), STORE_OK); /* the dead claimer's late forget: refused */
    bool known;
    CHECK_INT(STORE_CALL(st, blob_known, SHA6, &known), STORE_OK);
    CHECK(known);
    CHECK_INT(STORE_CALL(st, blob_unpin, pin), STORE_OK);
    CHECK(claim(SHA6, now + 300));
    CHECK_INT(STORE_CALL(st, blob_forget, SHA6), STORE_OK);
    CHECK_INT(STORE_CALL(st, blob_known, SHA6, &known), STORE_OK);
    CHECK(!known);
    /* a file the store never knew (an older version's debris) */
    static const char SHA7[] = "7777777777777777777777777777777777777777777777777777777777777777";
    CHECK(claim(SHA7, now));
    CHECK(!claim(SHA7, now + 1));
}

TEST(deleting_a_session_claims_only_files_nothing_else_holds)
{
    struct session s1, s2;
    fixture_session(&s1, org.id);
    fixture_session(&s2, org.id);
    CHECK_INT(store_session_insert(st, &s1), STORE_OK);
    CHECK_INT(store_session_insert(st, &s2), STORE_OK);
    static const char A[] = "aaaa000000000000000000000000000000000000000000000000000000000000";
    static const char B[] = "bbbb000000000000000000000000000000000000000000000000000000000000";
    static const char C[] = "cccc000000000000000000000000000000000000000000000000000000000000";
    struct fixture fa, fb, fc, fa2;
    enum commit_result r;
    make_statement(&fa, &s1, "1", D(2024, 1, 1), D(2024, 1, 31), A);
    make_statement(&fb, &s1, "2", D(2024, 1, 1), D(2024, 1, 31), B);
    make_statement(&fc, &s1, "3", D(2024, 1, 1), D(2024, 1, 31), C);
    make_statement(&fa2, &s2, "1", D(2024, 1, 1), D(2024, 1, 31), A); /* A again, elsewhere */
    CHECK_INT(STORE_CALL(st, statement_commit, &fa.c, 1, &r), STORE_OK);
    CHECK_INT(STORE_CALL(st, statement_commit, &fb.c, 1, &r), STORE_OK);
    CHECK_INT(STORE_CALL(st, statement_commit, &fc.c, 1, &r), STORE_OK);
    CHECK_INT(STORE_CALL(st, statement_commit, &fa2.c, 1, &r), STORE_OK);
    int64_t now = 1700003000, pin;
    /* an upload of C's bytes is still being read somewhere */
    CHECK_INT(STORE_CALL(st, blob_pin, C, 10, now, now + 3600, now - 120, &pin), STORE_OK);
    char **claimed;
    size_t n;
    CHECK_INT(STORE_CALL(st, session_delete, s1.id, org.id, now, &claimed, &n), STORE_OK);
    CHECK_INT(n, 1);
    if (n == 1)
        CHECK_STR(claimed[0], B);
    for (size_t i = 0; i < n; i++)
        free(claimed[i]);
    free(claimed);
    CHECK_INT(STORE_CALL(st, blob_unpin, pin), STORE_OK);
    CHECK(listed_as_orphan(C, now));          /* the sweep finds it later */
    CHECK(!listed_as_orphan(A, now));
    session_clear(&s1);
    session_clear(&s2);
}

static size_t statements_of(const struct session *s)
{
    struct statement_rec *stmts;
    size_t n = 0;
    CHECK_INT(STORE_CALL(st, statement_list, s->id, &stmts, &n), STORE_OK);
    for (size_t i = 0; i < n; i++)
        statement_rec_clear(&stmts[i]);
    free(stmts);
    return n;
}

TEST(the_accounts_of_one_file_commit_together)
{
    static const char FILE[] = "f11e000000000000000000000000000000000000000000000000000000000000";
    static const char KEY2[] = "f11e000000000000000000000000000000000000000000000000000000000002";
    struct session s;
    fixture_session(&s, org.id);
    CHECK_INT(store_session_insert(st, &s), STORE_OK);
    struct fixture f[2];
    struct statement_commit c[2];
    enum commit_result r[2];
    make_statement(&f[0], &s, "51", D(2024, 1, 1), D(2024, 1, 31), FILE);
    make_statement(&f[1], &s, "52", D(2024, 1, 1), D(2024, 1, 31), FILE);
    f[1].s.content_sha256 = (char *)KEY2; /* the second account's key; the same file */
    /* the second one fails to write (its statement id taken by the first):
     * the first, written before it in the transaction, is gone too */
    memcpy(f[1].s.id, f[0].s.id, sizeof f[1].s.id);
    c[0] = f[0].c, c[1] = f[1].c;
    CHECK(STORE_CALL(st, statement_commit, c, 2, r) != STORE_OK);
    CHECK_INT(statements_of(&s), 0);
    /* both go in together */
    uuid_v4(f[1].s.id);
    CHECK_INT(STORE_CALL(st, statement_commit, c, 2, r), STORE_OK);
    CHECK_INT(r[0], COMMIT_OK);
    CHECK_INT(r[1], COMMIT_OK);
    CHECK_INT(statements_of(&s), 2);
    /* the file again: the first repeats, nothing is written */
    uuid_v4(f[0].s.id);
    uuid_v4(f[1].s.id);
    CHECK_INT(STORE_CALL(st, statement_commit, c, 2, r), STORE_OK);
    CHECK_INT(r[0], COMMIT_DUPLICATE);
    CHECK_INT(statements_of(&s), 2);
    session_clear(&s);
}

int main(void)
{
    if (fixture_store_open(dir, &st))
        return 1;
    fixture_org(&org, "Lender", 1);
    STORE_CALL(st, org_insert, &org);
    RUN(commit_checks_duplicates_in_the_same_transaction);
    RUN(retention_keeps_files_other_sessions_use);
    RUN(a_pin_keeps_a_file_until_its_statement_takes_over);
    RUN(a_deletion_claim_keeps_new_pins_away_until_it_is_stale);
    RUN(deleting_a_session_claims_only_files_nothing_else_holds);
    RUN(the_accounts_of_one_file_commit_together);
    store_close(st);
    fixture_remove_dir(dir);
    return check_summary();
}
