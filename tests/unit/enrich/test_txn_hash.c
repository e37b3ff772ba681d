/* Transaction hashes: 32 hex, stable across runs, unique even for rows
 * that repeat exactly (two identical tea payments on one day). */
#include <ctype.h>

#include "check.h"
#include "enrich/txn_hash.h"

static struct txn mk(pb_day d, pb_paise amt, pb_paise bal, char *note)
{
    struct txn t = {0};
    t.date = d;
    t.type = TXN_DEBIT;
    t.amount = amt;
    t.balance = bal;
    t.has_balance = true;
    t.note = note;
    return t;
}

TEST(shape_and_stability)
{
    struct txn t = mk(19800, 1500, 100000, "UPI-TEA STALL");
    char a[PB_TXN_HASH_BUF], b[PB_TXN_HASH_BUF];
    txn_hash("acc-1", &t, 0, a);
    txn_hash("acc-1", &t, 0, b);
    CHECK_STR(a, b);
    CHECK_INT(strlen(a), 32);
    for (int i = 0; i < 32; i++)
        CHECK(isxdigit((unsigned char)a[i]) && !isupper((unsigned char)a[i]));
    txn_hash("acc-2", &t, 0, b);
    CHECK(strcmp(a, b) != 0);
    t.amount = 1501;
    txn_hash("acc-1", &t, 0, b);
    CHECK(strcmp(a, b) != 0);
}

TEST(identical_rows_get_distinct_hashes)
{
    struct txn t[4] = {mk(19800, 1500, 100000, "CASH"), mk(19800, 1500, 100000, "CASH"),
                       mk(19801, 1500, 100000, "CASH"), mk(19800, 1500, 100000, "CASH")};
    const struct txn *p[4] = {&t[0], &t[1], &t[2], &t[3]};
    char h[4][PB_TXN_HASH_BUF];
    txn_hash_all("acc", p, 4, h);
    for (int i = 0; i < 4; i++)
        for (int j = i + 1; j < 4; j++)
            CHECK(strcmp(h[i], h[j]) != 0);
    char first[PB_TXN_HASH_BUF];
    txn_hash("acc", &t[0], 0, first);
    CHECK_STR(h[0], first); /* the first of a run keeps the plain hash */
    txn_hash_all("acc", p, 0, h);   /* empty is fine */
}

int main(void)
{
    RUN(shape_and_stability);
    RUN(identical_rows_get_distinct_hashes);
    return check_summary();
}
