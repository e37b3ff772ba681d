/* json_text() must write exactly what json_dumps(COMPACT|REAL_PRECISION(15))
 * writes: the API and the stored insights switched to it for speed, and
 * clients (and our byte-for-byte golden tests) see its output. Compared on
 * hand-picked edge cases and on thousands of random trees. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "util/json_text.h"

#define FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(15))

static int same_as_jansson(json_t *j)
{
    char *want = json_dumps(j, FLAGS), *got = json_text(j, NULL);
    int ok = (!want && !got) || (want && got && strcmp(want, got) == 0);
    if (!ok)
        fprintf(stderr, "  want %.300s\n  got  %.300s\n", want ? want : "(null)", got ? got : "(null)");
    free(want);
    free(got);
    return ok;
}

static const double edge_reals[] = {
    0.0, 1.0, -1.0, 0.5, 0.05, -0.05, 0.01, 0.1, 0.3, 0.1 + 0.2, 1234.5, 1234.56, 1234.05, 100.0, 1e6,
    99999999999.99, 9999999999999.99, 1e13, 1e15, 1e16, 1e20, 1.5e300, 1e-5, 1e-7, 0.0001, 0.00012345,
    33.333333333333336, 2.0 / 3.0, 123456789012345.67, -987654321.12, 4503599627370496.0, 5e-324, -1e-300,
};

TEST(edge_values_match)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < sizeof edge_reals / sizeof *edge_reals; i++) {
        json_array_append_new(arr, json_real(edge_reals[i]));
        json_array_append_new(arr, json_real(-edge_reals[i]));
    }
    json_array_append_new(arr, json_integer(INT64_MAX));
    json_array_append_new(arr, json_integer(INT64_MIN));
    json_array_append_new(arr, json_integer(0));
    json_array_append_new(arr, json_integer(-7));
    json_array_append_new(arr, json_true());
    json_array_append_new(arr, json_false());
    json_array_append_new(arr, json_null());
    json_array_append_new(arr, json_string("quote \" back \\ slash / tab \t nl \n cr \r bs \b ff \f bell \x07 us \x1f"));
    json_array_append_new(arr, json_string("₹ 1,00,000 · naïve · 😀 · \xe0\xa4\xb9\xe0\xa4\xbf"));
    json_array_append_new(arr, json_stringn("nul\0inside", 10));
    json_array_append_new(arr, json_string(""));
    json_array_append_new(arr, json_array());
    json_array_append_new(arr, json_object());
    json_t *o = json_object();
    json_object_set_new(o, "key \"with\" escapes\n", json_real(12.5));
    json_object_set_new(o, "₹", json_array());
    json_object_setn_new(o, "k\0y", 3, json_integer(1));
    json_array_append_new(arr, o);
    CHECK(same_as_jansson(arr));
    json_decref(arr);
}

TEST(failures_match)
{
    json_t *bad = json_array();
    json_array_append_new(bad, json_stringn_nocheck("\xc3\x28 invalid", 10));
    CHECK(same_as_jansson(bad));
    CHECK(json_text(bad, NULL) == NULL);
    json_decref(bad);
    json_t *overlong = json_object();
    json_object_set_new(overlong, "x", json_string_nocheck("\xc0\xaf"));
    CHECK(json_text(overlong, NULL) == NULL);
    json_decref(overlong);
    json_t *scalar = json_integer(3); /* json_dumps wants an object or array */
    CHECK(json_text(scalar, NULL) == NULL);
    CHECK(same_as_jansson(scalar));
    json_decref(scalar);
    size_t len = 0;
    json_t *empty = json_object();
    char *t = json_text(empty, &len);
    CHECK_STR(t, "{}");
    CHECK_INT(len, 2);
    free(t);
    json_decref(empty);
}

static uint64_t rng = 88172645463325252ULL;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static json_t *random_string(void)
{
    static const char *pieces[] = {"a", "Z", "9", " ", "/", "\"", "\\", "\n", "\t", "\x01", "\x1f", "\x7f",
                                   "é", "₹", "😀", "UPI/123/PAYTM", "NEFT-HDFC0001", "\xef\xbf\xbf"};
    char buf[256];
    size_t n = 0, parts = next() % 12;
    for (size_t i = 0; i < parts; i++) {
        const char *p = pieces[next() % (sizeof pieces / sizeof *pieces)];
        size_t l = strlen(p);
        if (n + l >= sizeof buf)
            break;
        memcpy(buf + n, p, l);
        n += l;
    }
    return json_stringn(buf, n);
}

static json_t *random_real(void)
{
    switch (next() % 4) {
    case 0: /* money: paise up to 10^15 */
        return json_real((double)((int64_t)(next() % 1000000000000000ULL) - 500000000000000LL) / 100);
    case 1: /* small money */
        return json_real((double)((int64_t)(next() % 2000000) - 1000000) / 100);
    case 2: /* ratios, percentages */
        return json_real((double)(next() % 1000000007) / (double)(next() % 997 + 1));
    default: /* any magnitude */
        return json_real(ldexp((double)(next() % (1ULL << 53)), (int)(next() % 200) - 150) *
                         (next() % 2 ? 1 : -1));
    }
}

static json_t *random_tree(int depth)
{
    int pick = (int)(next() % (depth > 4 ? 6 : 8));
    switch (pick) {
    case 0: return random_string();
    case 1: return json_integer((json_int_t)next());
    case 2: case 3: return random_real();
    case 4: return next() % 2 ? json_true() : json_null();
    case 5: return json_false();
    case 6: {
        json_t *a = json_array();
        for (size_t i = 0, n = next() % 6; i < n; i++)
            json_array_append_new(a, random_tree(depth + 1));
        return a;
    }
    default: {
        json_t *o = json_object();
        for (size_t i = 0, n = next() % 6; i < n; i++) {
            json_t *k = random_string();
            json_object_setn_new(o, json_string_value(k), json_string_length(k), random_tree(depth + 1));
            json_decref(k);
        }
        return o;
    }
    }
}

TEST(random_trees_match)
{
    int bad = 0;
    for (int i = 0; i < 3000 && bad < 3; i++) {
        json_t *root = json_array();
        json_array_append_new(root, random_tree(0));
        if (!same_as_jansson(root))
            bad++;
        json_decref(root);
    }
    CHECK_INT(bad, 0);
}

/* json_text_strings writes what json_text writes for the same object:
 * escapes, UTF-8, key order, a body longer than its first guess. */
TEST(string_members_match)
{
    static const char *const cases[][4] = {
        {"session_id", "0193a2b4-5c6d-4e7f-8a9b-0c1d2e3f4a5b", "redirect_url", "https://x.example/j?t=a&lang=hi"},
        {"q\"uote", "back\\slash\n\t\x01", "caf\xc3\xa9", "\xe0\xa4\xb9\xe0\xa4\xbf"},
        {"", "", "a", "\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\x1f\x1f\x1f\x1f\x1f\x1f\x1f\x1f"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        json_t *o = json_object();
        json_object_set_new(o, cases[i][0], json_string(cases[i][1]));
        json_object_set_new(o, cases[i][2], json_string(cases[i][3]));
        char *want = json_text(o, NULL);
        size_t len = 0;
        char *got = json_text_strings(cases[i], 2, &len);
        CHECK(want && got && !strcmp(want, got) && len == strlen(want));
        free(want);
        free(got);
        json_decref(o);
    }
    static const char *const bad[] = {"k", "\xff\xfe"};
    CHECK(json_text_strings(bad, 1, NULL) == NULL);
}

int main(void)
{
    RUN(edge_values_match);
    RUN(failures_match);
    RUN(random_trees_match);
    RUN(string_members_match);
    return check_summary();
}
