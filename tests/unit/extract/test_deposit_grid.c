/* A later account's rows that are a grid of deposits (src/extract/
 * deposit_grid.c), on statements built here: a deposit grid of one
 * deposit chains with itself; its open date before the period tells it. */
#include <string.h>

#include "check.h"
#include "extract/deposit_grid.h"

/* The day y-m-d. */
static pb_day day(int y, int m, int d)
{
    pb_day out = PB_NO_DAY;
    date_from_ymd(y, m, d, &out);
    return out;
}

/* An account of kind `type` with one row dated `date` (narration `note`),
 * its chain reconciled or not. */
static void one_row(struct statement *st, struct txn *t, const char *type, pb_day date, char *note, bool chained)
{
    memset(st, 0, sizeof *st);
    memset(t, 0, sizeof *t);
    t->date = date;
    t->amount = 13900000;
    t->balance = 17027500;
    t->note = note;
    st->txns = t;
    st->ntxns = 1;
    st->balances_ok = chained;
    st->id.account_type = (char *)type;
}

TEST(a_deposit_opened_before_the_period_is_a_grid_though_it_chains)
{
    struct statement st;
    struct txn t;
    char note[] = "7.50";
    pb_day period = day(2023, 6, 1);
    one_row(&st, &t, "FIXED DEPOSIT", day(2022, 1, 25), note, true);
    CHECK(deposit_grid(&st, period));
    /* a deposit account's row inside the period that chains is a transaction */
    one_row(&st, &t, "FIXED DEPOSIT", day(2023, 6, 5), note, true);
    CHECK(!deposit_grid(&st, period));
    /* a loan's row before the period is not judged by its date */
    one_row(&st, &t, "LOAN", day(2022, 1, 25), note, true);
    CHECK(!deposit_grid(&st, period));
    /* no period printed: the date says nothing */
    one_row(&st, &t, "FIXED DEPOSIT", day(2022, 1, 25), note, true);
    CHECK(!deposit_grid(&st, PB_NO_DAY));
}

TEST(rows_whose_chain_fails_are_a_grid_of_a_deposit_or_without_narration)
{
    struct statement st;
    struct txn t;
    char note[] = "INTEREST", empty[] = "";
    pb_day period = day(2023, 6, 1);
    one_row(&st, &t, "FIXED DEPOSIT", day(2023, 6, 5), note, false);
    CHECK(deposit_grid(&st, period));
    one_row(&st, &t, "LOAN", day(2023, 6, 5), empty, false);
    CHECK(deposit_grid(&st, period));
    one_row(&st, &t, "LOAN", day(2023, 6, 5), note, false);
    CHECK(!deposit_grid(&st, period));
}

int main(void)
{
    RUN(a_deposit_opened_before_the_period_is_a_grid_though_it_chains);
    RUN(rows_whose_chain_fails_are_a_grid_of_a_deposit_or_without_narration);
    return check_summary();
}
