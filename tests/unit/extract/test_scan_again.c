/* Where a scan is read again and which reading is kept
 * (extract/scan_again.h): pure. */
#include <string.h>

#include "check.h"
#include "extract/scan_again.h"

/* A statement of rows on the given pages, reconciled where ok[i]: credits
 * of 100 paise each whose printed balances follow, but where ok[i] is
 * false and breaks[i] true (a row lost before it, or garbled). */
static void chain(struct statement *st, struct txn *t, const int *page, const bool *ok, const bool *breaks, size_t n)
{
    memset(st, 0, sizeof *st);
    memset(t, 0, n * sizeof *t);
    st->opening_balance = 1000;
    for (size_t i = 0; i < n; i++) {
        pb_paise before = i ? t[i - 1].balance : st->opening_balance;
        t[i].page = page[i], t[i].reconciled = ok[i];
        t[i].type = TXN_CREDIT, t[i].amount = 100, t[i].has_balance = true;
        t[i].balance = before + t[i].amount + (!ok[i] && breaks[i] ? 700 : 0);
    }
    st->txns = t;
    st->ntxns = n;
}

/* A statement of rows on the given pages, reconciled where ok[i], the
 * others where the chain breaks. */
static void rows(struct statement *st, struct txn *t, const int *page, const bool *ok, size_t n)
{
    chain(st, t, page, ok, (const bool[8]){true, true, true, true, true, true, true, true}, n);
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

/* Rows OCR was unsure of but whose balances follow (their row flagged,
 * not broken), and a row with no printed balance, mark no page: the chain
 * vouches for the amounts, and reading a page again costs a drawing of it. */
TEST(rows_unsure_only_by_ocr_mark_no_page)
{
    struct statement st;
    struct txn t[5];
    chain(&st, t, (const int[]){1, 2, 2, 3, 4}, (const bool[]){true, false, true, false, true},
          (const bool[]){false, false, false, false, false}, 5);
    t[4].has_balance = false, t[4].reconciled = false, t[4].balance = 0; /* nothing checks it */
    struct statement_list all = {&st, 1};
    bool pages[5] = {false};
    CHECK_INT(scan_again_pages(&all, pages, 4), 0);
    CHECK(!pages[0] && !pages[1] && !pages[2] && !pages[3]);
    t[3].balance += 700; /* now the fourth row (page 3) breaks: pages 2 and 3 */
    CHECK_INT(scan_again_pages(&all, pages, 4), 2);
    CHECK(!pages[0] && pages[1] && pages[2] && !pages[3]);
}

/* Rows left unread above the first row or below the last (a table whose
 * ends OCR lost) mark the first's or the last's page, though their
 * balances follow. */
TEST(rows_unread_at_the_ends_mark_their_page)
{
    struct statement st;
    struct txn t[3];
    chain(&st, t, (const int[]){1, 2, 3}, (const bool[]){false, true, false}, (const bool[]){false, false, false}, 3);
    struct statement_list all = {&st, 1};
    bool pages[4] = {false};
    st.rows_unread_before = true;
    CHECK_INT(scan_again_pages(&all, pages, 3), 1);
    CHECK(pages[0] && !pages[1] && !pages[2]);
    st.rows_unread_before = false, st.rows_unread_after = true;
    memset(pages, 0, sizeof pages);
    CHECK_INT(scan_again_pages(&all, pages, 3), 2);
    CHECK(!pages[0] && pages[1] && pages[2]);
}

int main(void)
{
    RUN(pages_where_the_chain_breaks_and_the_page_before_a_break);
    RUN(rows_unsure_only_by_ocr_mark_no_page);
    RUN(rows_unread_at_the_ends_mark_their_page);
    RUN(a_reading_scores_its_reconciled_rows_less_its_others);
    return check_summary();
}
