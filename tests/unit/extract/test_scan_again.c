/* Where a scan is read again and which reading is kept
 * (extract/scan_again.h): pure. */
#include <string.h>

#include "check.h"
#include "extract/scan_again.h"

/* A statement of rows on the given pages, reconciled where ok[i]. */
static void rows(struct statement *st, struct txn *t, const int *page, const bool *ok, size_t n)
{
    memset(st, 0, sizeof *st);
    memset(t, 0, n * sizeof *t);
    for (size_t i = 0; i < n; i++)
        t[i].page = page[i], t[i].reconciled = ok[i];
    st->txns = t;
    st->ntxns = n;
}

/* The chain breaks at page 2's first row (a row lost at the foot of page
 * 1) and inside page 3: pages 1, 2 and 3 are read again, not page 4. */
TEST(pages_where_the_chain_breaks_and_the_page_before_a_break)
{
    struct statement st;
    struct txn t[6];
    rows(&st, t, (const int[]){1, 1, 2, 3, 3, 4}, (const bool[]){true, true, false, true, false, true}, 6);
    struct statement_list all = {&st, 1};
    bool pages[5] = {false};
    CHECK_INT(scan_again_pages(&all, pages, 4), 3);
    CHECK(pages[0] && pages[1] && pages[2] && !pages[3]);
    rows(&st, t, (const int[]){1, 1, 2}, (const bool[]){true, true, true}, 3);
    memset(pages, 0, sizeof pages);
    CHECK_INT(scan_again_pages(&all, pages, 4), 0); /* a chain that holds: nothing read again */
}

/* The reading kept is the one whose chain holds better: a row found again
 * counts for it, a table lost (no rows) against it. */
TEST(a_reading_scores_its_reconciled_rows_less_its_others)
{
    struct statement a, b;
    struct txn ta[4], tb[5];
    rows(&a, ta, (const int[]){1, 1, 1, 1}, (const bool[]){true, false, false, true}, 4);
    rows(&b, tb, (const int[]){1, 1, 1, 1, 1}, (const bool[]){true, true, true, true, true}, 5);
    struct statement_list first = {&a, 1}, again = {&b, 1}, none = {NULL, 0};
    CHECK_INT(scan_again_score(&first), 0);
    CHECK_INT(scan_again_score(&again), 5);
    CHECK_INT(scan_again_score(&none), 0);
}

int main(void)
{
    RUN(pages_where_the_chain_breaks_and_the_page_before_a_break);
    RUN(a_reading_scores_its_reconciled_rows_less_its_others);
    return check_summary();
}
