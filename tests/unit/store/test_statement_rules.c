/* The statement commit's rules (store/statement_rules.c), with fake
 * backend steps: what counts as a repeat, and the order of the checks. */
#include <stdlib.h>

#include "check.h"
#include "store/statement_rules.h"

static struct statement_rec rec(const char *account, const char *sha, pb_day from, pb_day to)
{
    struct statement_rec s;
    memset(&s, 0, sizeof s);
    snprintf(s.account_id, sizeof s.account_id, "%s", account);
    s.content_sha256 = sha ? strdup(sha) : NULL;
    s.from_day = from;
    s.to_day = to;
    return s;
}

TEST(repeats_are_the_same_bytes_or_an_overlapping_period_of_one_account)
{
    struct statement_rec prior = rec("acct-1", "aaa", 100, 130);
    struct statement_rec same_bytes = rec("acct-2", "aaa", 500, 530);
    struct statement_rec overlap = rec("acct-1", "bbb", 130, 160);
    struct statement_rec next = rec("acct-1", "bbb", 131, 160);
    struct statement_rec other = rec("acct-2", "bbb", 100, 130);
    struct statement_rec undated = rec("acct-1", "bbb", PB_NO_DAY, PB_NO_DAY);
    struct statement_rec no_hash = rec("acct-2", NULL, 100, 130);
    CHECK(statement_repeats(&same_bytes, &prior));
    CHECK(statement_repeats(&overlap, &prior));
    CHECK(!statement_repeats(&next, &prior));
    CHECK(!statement_repeats(&other, &prior));
    CHECK(!statement_repeats(&undated, &prior));
    CHECK(!statement_repeats(&no_hash, &prior));
    struct statement_rec *all[] = {&prior, &same_bytes, &overlap, &next, &other, &undated, &no_hash};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        statement_rec_clear(all[i]);
}

/* A fake backend: a session state, completed statements, a pin, a file. */
struct fake {
    int open, pin_held, file_ok;
    struct statement_rec prior;
    bool has_prior;
    char steps[64];
};

static void step(struct fake *f, char c)
{
    size_t n = strlen(f->steps);
    if (n + 1 < sizeof f->steps)
        f->steps[n] = c;
}

static int f_open(void *tx, const char *sid)
{
    step(tx, 'o');
    return ((struct fake *)tx)->open;
}

static int f_completed(void *tx, const char *sid, struct statement_rec **out, size_t *n)
{
    struct fake *f = tx;
    step(f, 'd');
    *n = 0;
    *out = calloc(1, sizeof **out);
    if (f->has_prior) {
        (*out)[0] = rec(f->prior.account_id, f->prior.content_sha256, f->prior.from_day, f->prior.to_day);
        *n = 1;
    }
    return STORE_OK;
}

static int f_unpin(void *tx, int64_t pin, bool *held)
{
    step(tx, 'p');
    *held = ((struct fake *)tx)->pin_held;
    return STORE_OK;
}

static int f_file(void *tx, const struct statement_rec *s)
{
    step(tx, 'f');
    return ((struct fake *)tx)->file_ok;
}

static int f_account(void *tx, const struct account_rec *a, int64_t now)
{
    step(tx, 'a');
    return STORE_OK;
}

static int f_statement(void *tx, const struct statement_rec *s)
{
    step(tx, 's');
    return STORE_OK;
}

static int f_txns(void *tx, const struct statement_commit *c)
{
    step(tx, 't');
    return STORE_OK;
}

static const struct statement_commit_steps FAKE = {f_open, f_completed, f_unpin, f_file, f_account, f_statement, f_txns};

static enum commit_result run(struct fake *f, int64_t pin, int *rc)
{
    struct statement_rec s = rec("acct-1", "new", 200, 230);
    s.blob_sha256 = strdup("file");
    struct account_rec a;
    memset(&a, 0, sizeof a);
    struct statement_commit c = {&a, &s, NULL, 0, pin};
    enum commit_result r;
    *rc = statement_commit_apply(&FAKE, f, &c, 1, &r);
    statement_rec_clear(&s);
    return r;
}

TEST(checks_run_in_order_and_stop_at_the_first_refusal)
{
    int rc;
    struct fake ok = {.open = 1, .pin_held = 1, .file_ok = 1};
    CHECK_INT(run(&ok, 7, &rc), COMMIT_OK);
    CHECK_INT(rc, STORE_OK);
    CHECK_STR(ok.steps, "odpfast");
    struct fake closed = {.open = 0, .pin_held = 1, .file_ok = 1};
    CHECK_INT(run(&closed, 7, &rc), COMMIT_SESSION_CLOSED);
    CHECK_STR(closed.steps, "o");
    struct fake dup = {.open = 1, .pin_held = 1, .file_ok = 1, .has_prior = true};
    dup.prior = rec("acct-1", "old", 220, 250);
    CHECK_INT(run(&dup, 7, &rc), COMMIT_DUPLICATE);
    CHECK_STR(dup.steps, "od");
    statement_rec_clear(&dup.prior);
    struct fake lost = {.open = 1, .pin_held = 0, .file_ok = 1};
    CHECK_INT(run(&lost, 7, &rc), COMMIT_PIN_LOST);
    CHECK_STR(lost.steps, "odp");
    struct fake claimed = {.open = 1, .pin_held = 1, .file_ok = 0};
    CHECK_INT(run(&claimed, 7, &rc), COMMIT_PIN_LOST);
    CHECK_STR(claimed.steps, "odpf");
    struct fake unpinned = {.open = 1, .pin_held = 1, .file_ok = 1};
    CHECK_INT(run(&unpinned, 0, &rc), COMMIT_OK);
    CHECK_STR(unpinned.steps, "odfast");
    struct fake broken = {.open = -1, .pin_held = 1, .file_ok = 1};
    run(&broken, 7, &rc);
    CHECK_INT(rc, STORE_ERROR);
}

/* Two accounts of one file: the second written after the first in the
 * same transaction; a first one refused writes nothing at all. */
static enum commit_result run_two(struct fake *f, const char *sha2, enum commit_result *second, int *rc)
{
    struct statement_rec s[2] = {rec("acct-1", "new", 200, 230), rec("acct-2", sha2, 200, 230)};
    struct account_rec a;
    memset(&a, 0, sizeof a);
    struct statement_commit c[2] = {{&a, &s[0], NULL, 0, 7}, {&a, &s[1], NULL, 0, 0}};
    enum commit_result r[2];
    *rc = statement_commit_apply(&FAKE, f, c, 2, r);
    statement_rec_clear(&s[0]);
    statement_rec_clear(&s[1]);
    *second = r[1];
    return r[0];
}

TEST(the_accounts_of_one_file_go_in_together_or_not_at_all)
{
    int rc;
    enum commit_result second;
    struct fake ok = {.open = 1, .pin_held = 1, .file_ok = 1};
    CHECK_INT(run_two(&ok, "other", &second, &rc), COMMIT_OK);
    CHECK_INT(second, COMMIT_OK);
    CHECK_INT(rc, STORE_OK);
    CHECK_STR(ok.steps, "odpast" "dast"); /* the session checked once; the second unpinned nothing */
    struct fake first_dup = {.open = 1, .pin_held = 1, .file_ok = 1, .has_prior = true};
    first_dup.prior = rec("acct-9", "new", 1, 2);
    CHECK_INT(run_two(&first_dup, "other", &second, &rc), COMMIT_DUPLICATE);
    CHECK_STR(first_dup.steps, "od"); /* the second account is not even looked at */
    statement_rec_clear(&first_dup.prior);
    struct fake second_dup = {.open = 1, .pin_held = 1, .file_ok = 1, .has_prior = true};
    second_dup.prior = rec("acct-9", "seen", 1, 2);
    CHECK_INT(run_two(&second_dup, "seen", &second, &rc), COMMIT_OK);
    CHECK_INT(second, COMMIT_DUPLICATE); /* left out alone */
    CHECK_STR(second_dup.steps, "odpast" "d");
    statement_rec_clear(&second_dup.prior);
}

int main(void)
{
    RUN(repeats_are_the_same_bytes_or_an_overlapping_period_of_one_account);
    RUN(checks_run_in_order_and_stop_at_the_first_refusal);
    RUN(the_accounts_of_one_file_go_in_together_or_not_at_all);
    return check_summary();
}
