/* Holders: accounts grouped by the names they print, checked against the
 * lender's metadata.names; the primary holder; name_matches. */
#include "check.h"
#include "enrich/holders.h"

TEST(one_holder_printed_differently)
{
    const char *names[] = {"RAHUL KUMAR SHARMA", "MR RAHUL K SHARMA", "SHARMA RAHUL KUMAR"};
    const char *meta[] = {"Rahul Sharma"};
    struct holders h;
    holders_group(names, 3, meta, 1, &h);
    CHECK_INT(h.n, 1);
    CHECK(!h.mismatch);
    CHECK_INT(h.primary, 0);
    CHECK(h.of[0] == 0 && h.of[1] == 0 && h.of[2] == 0);
}

TEST(two_holders_are_flagged)
{
    const char *names[] = {"PRIYA NAIR", "RAHUL SHARMA", "PRIYA S NAIR"};
    struct holders h;
    holders_group(names, 3, NULL, 0, &h);
    CHECK_INT(h.n, 2);
    CHECK(h.mismatch);
    CHECK_INT(h.primary, 0); /* more accounts */
    CHECK(h.of[0] == h.of[2] && h.of[1] != h.of[0]);
    json_t *j = holders_json(&h);
    CHECK_INT(json_integer_value(json_object_get(j, "count")), 2);
    CHECK(json_is_true(json_object_get(j, "mismatch")));
    CHECK_STR(json_string_value(json_array_get(json_object_get(j, "names"), 1)), "RAHUL SHARMA");
    json_decref(j);
}

TEST(the_lenders_customer_is_primary)
{
    const char *names[] = {"PRIYA NAIR", "PRIYA NAIR", "RAHUL SHARMA"};
    const char *meta[] = {"RAHUL SHARMA"};
    struct holders h;
    holders_group(names, 3, meta, 1, &h);
    CHECK_INT(h.primary, h.of[2]);
    CHECK(h.mismatch);
    /* one holder the lender did not name is a mismatch too */
    const char *one[] = {"PRIYA NAIR"};
    holders_group(one, 1, meta, 1, &h);
    CHECK_INT(h.n, 1);
    CHECK(h.mismatch);
}

TEST(name_matches_per_account)
{
    const char *names[] = {"PRIYA NAIR", "RAHUL SHARMA"}, *ids[] = {"a1", "a2"};
    const char *meta[] = {"Priya Nair"};
    struct holders h;
    holders_group(names, 2, meta, 1, &h);
    json_t *m = holders_name_matches(&h, 0, names, ids, meta, 1);
    CHECK_INT(json_array_size(m), 2);
    json_t *x = json_array_get(m, 0), *y = json_array_get(m, 1);
    CHECK_STR(json_string_value(json_object_get(x, "source")), "metadata");
    CHECK(json_is_true(json_object_get(x, "matched")));
    CHECK_STR(json_string_value(json_object_get(y, "account_id")), "a2");
    CHECK(json_is_false(json_object_get(y, "matched")));
    json_decref(m);
    m = holders_name_matches(&h, 1, names, ids, meta, 1);
    CHECK(json_is_false(json_object_get(json_array_get(m, 0), "matched")));
    json_decref(m);
}

TEST(accounts_without_a_name)
{
    const char *names[] = {NULL, "ASHA RAO", ""};
    struct holders h;
    holders_group(names, 3, NULL, 0, &h);
    CHECK_INT(h.n, 1);
    CHECK(!h.mismatch);
    CHECK(h.of[0] == -1 && h.of[2] == -1);
}

int main(void)
{
    RUN(one_holder_printed_differently);
    RUN(two_holders_are_flagged);
    RUN(the_lenders_customer_is_primary);
    RUN(name_matches_per_account);
    RUN(accounts_without_a_name);
    return check_summary();
}
