#include "check.h"
#include "core/statement.h"

/* A statement of three rows from an opening of 1000.00: a credit of 500,
 * a debit of 200, a credit of 50 (balances 1500, 1300, 1350). */
static void three_rows(struct txn t[3], struct statement *st)
{
    t[0] = (struct txn){.type = TXN_CREDIT, .amount = 50000, .balance = 150000, .has_balance = true};
    t[1] = (struct txn){.type = TXN_DEBIT, .amount = 20000, .balance = 130000, .has_balance = true};
    t[2] = (struct txn){.type = TXN_CREDIT, .amount = 5000, .balance = 135000, .has_balance = true};
    for (int i = 0; i < 3; i++)
        t[i].reconciled = true, t[i].ocr = true, t[i].confidence = 0.9f;
    *st = (struct statement){.txns = t, .ntxns = 3, .opening_balance = 100000, .has_opening = true,
                             .balances_ok = true, .totals_ok = true};
}

TEST(a_reconciled_statement_has_no_unsure_rows)
{
    struct txn t[3];
    struct statement st;
    three_rows(t, &st);
    CHECK_INT(statement_unsure_rows(&st), 0);
}

TEST(rows_ocr_was_unsure_of_are_counted_when_the_balances_chain)
{
    struct txn t[3];
    struct statement st;
    three_rows(t, &st);
    t[0].confidence = 0.4f, t[2].confidence = 0.6f;
    t[0].reconciled = t[2].reconciled = false;
    st.balances_ok = false;
    CHECK_INT(statement_unsure_rows(&st), 2);
}

TEST(a_scanned_date_out_of_order_is_an_unsure_reading)
{
    struct txn t[3];
    struct statement st;
    three_rows(t, &st);
    t[1].date_unsure = true; /* read surely, but its date breaks the statement's order */
    t[1].reconciled = false;
    st.balances_ok = false;
    CHECK(txn_ocr_doubtful(&t[1]));
    CHECK_INT(statement_unsure_rows(&st), 1);
    t[1].ocr = false;          /* a text row's date is as printed */
    CHECK(!txn_ocr_doubtful(&t[1]));
}

TEST(a_balance_that_does_not_follow_is_a_mismatch_not_unsure_reading)
{
    struct txn t[3];
    struct statement st;
    three_rows(t, &st);
    t[0].confidence = 0.4f;
    t[1].balance = 129000; /* 1500 - 200 is not 1290 */
    st.balances_ok = false;
    CHECK_INT(statement_unsure_rows(&st), 0);
}

TEST(totals_that_disagree_are_a_mismatch_not_unsure_reading)
{
    struct txn t[3];
    struct statement st;
    three_rows(t, &st);
    t[0].confidence = 0.4f;
    st.balances_ok = st.totals_ok = false;
    CHECK_INT(statement_unsure_rows(&st), 0);
}

TEST(text_rows_are_never_unsure)
{
    struct txn t[3];
    struct statement st;
    three_rows(t, &st);
    t[1].ocr = false, t[1].confidence = 0.1f;
    st.balances_ok = false;
    CHECK_INT(statement_unsure_rows(&st), 0);
}

TEST(a_statement_printing_no_balance_is_told_apart)
{
    struct txn t[3];
    struct statement st;
    three_rows(t, &st);
    CHECK(!statement_prints_no_balance(&st));
    t[1].has_balance = t[2].has_balance = false; /* balances on some rows: a chain */
    CHECK(!statement_prints_no_balance(&st));
    t[0].has_balance = false;
    CHECK(statement_prints_no_balance(&st));
    st.ntxns = 0; /* no rows: nothing to say */
    CHECK(!statement_prints_no_balance(&st));
}

TEST(rows_unread_alone_are_told_apart_from_a_mismatch)
{
    struct txn t[3];
    struct statement st;
    three_rows(t, &st);
    for (int i = 0; i < 3; i++)
        t[i].ocr = false;
    CHECK(!statement_rows_unread_only(&st)); /* reconciled */
    st.rows_unread_after = true;             /* lines like rows after the last row read */
    t[2].reconciled = false;
    st.balances_ok = false;
    CHECK(statement_rows_unread_only(&st));
    t[1].reconciled = false; /* a row those lines do not explain */
    CHECK(!statement_rows_unread_only(&st));
    t[1].reconciled = true;
    t[1].balance = 129000; /* a balance that does not follow */
    CHECK(!statement_rows_unread_only(&st));
    t[1].balance = 130000;
    st.totals_ok = false; /* totals that disagree */
    CHECK(!statement_rows_unread_only(&st));
    st.totals_ok = true;
    st.rows_unread_after = false, st.rows_unread_before = true; /* the first row is not the one marked */
    CHECK(!statement_rows_unread_only(&st));
}

int main(void)
{
    RUN(a_reconciled_statement_has_no_unsure_rows);
    RUN(a_statement_printing_no_balance_is_told_apart);
    RUN(rows_ocr_was_unsure_of_are_counted_when_the_balances_chain);
    RUN(a_scanned_date_out_of_order_is_an_unsure_reading);
    RUN(a_balance_that_does_not_follow_is_a_mismatch_not_unsure_reading);
    RUN(totals_that_disagree_are_a_mismatch_not_unsure_reading);
    RUN(text_rows_are_never_unsure);
    RUN(rows_unread_alone_are_told_apart_from_a_mismatch);
    return check_summary();
}
