/* json_read() must read exactly what json_loadb(JSON_REJECT_DUPLICATES)
 * reads: the fast reader either builds the same tree (same types, values
 * and key order) or gives up and leaves the input to jansson. Checked on
 * hand-picked inputs and on thousands of mutations of a create body. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "util/json_read.h"

#define FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(17))

/* 1 when json_read_fast agrees with jansson on text (or gave up), and
 * stores in *fast whether it read it itself. */
static int agrees(const char *text, size_t len, int *fast)
{
    json_error_t e;
    json_t *want = json_loadb(text, len, JSON_REJECT_DUPLICATES, &e);
    json_t *got = json_read_fast(text, len);
    *fast = got != NULL;
    int ok = 1;
    if (got) {
        char *a = want ? json_dumps(want, FLAGS) : NULL, *b = json_dumps(got, FLAGS);
        ok = want && json_equal(want, got) && a && b && !strcmp(a, b);
        if (!ok)
            fprintf(stderr, "  input %.*s\n  want %s\n  got  %s\n", (int)len, text, a ? a : "(error)", b);
        free(a);
        free(b);
    }
    json_t *both = json_read(text, len, &e);
    ok = ok && (!want == !both) && (!want || json_equal(want, both));
    json_decref(want);
    json_decref(got);
    json_decref(both);
    return ok;
}

#define BODY                                                                                          \
    "{\"link_id\":\"bench-user-0001\",\"api_key\":\"pk_0123456789abcdef\",\"redirect_url\":"      \
    "\"https://lender.example/done\",\"from_date\":\"01/01/2026\",\"to_date\":\"30/06/2026\"}"

static const struct {
    const char *text;
    int fast; /* read by the fast reader (1), or left to jansson (0) */
} CASES[] = {
    {BODY, 1},
    {"{}", 1},
    {"[]", 1},
    {" \t\r\n{ \"a\" : [ 1 , -2 , 0 , -0 , true , false , null , \"x\" , { } , [ ] ] } \n", 1},
    {"{\"a\":\"q\\\"b\\\\s\\/n\\n\\r\\t\\b\\f\"}", 1},
    {"{\"k\\ney\":1}", 1},
    {"{\"n\":999999999999999999,\"m\":-999999999999999999}", 1},
    {"{\"a\":{\"b\":{\"c\":[[[{}]]]}}}", 1},
    {"{\"a\":1,\"b\":2,\"c\":3,\"B\":4}", 1},
    /* left to jansson: its tree or its error */
    {"{\"n\":1234567890123456789}", 0},
    {"{\"n\":99999999999999999999999}", 0},
    {"{\"n\":1.5}", 0},
    {"{\"n\":1e3}", 0},
    {"{\"n\":01}", 0},
    {"{\"n\":-}", 0},
    {"{\"n\":-01}", 0},
    {"{\"s\":\"\\u00e9\"}", 0},
    {"{\"s\":\"\\u0000\"}", 0},
    {"{\"s\":\"caf\xc3\xa9\"}", 0},
    {"{\"s\":\"\xff\"}", 0},
    {"{\"s\":\"a\tb\"}", 0},
    {"{\"s\":\"\\x\"}", 0},
    {"{\"a\":1,\"a\":2}", 0},
    {"{\"a\":1,}", 0},
    {"[1,]", 0},
    {"{\"a\" 1}", 0},
    {"{\"a\":tru}", 0},
    {"{\"a\":truex}", 0},
    {"{\"a\":nul}", 0},
    {"{\"a\":1} x", 0},
    {"{\"a\":1}{}", 0},
    {"\"top\"", 0},
    {"1", 0},
    {"", 0},
    {"   ", 0},
    {"{", 0},
    {"{\"a\":", 0},
    {"{\"a", 0},
    {"{'a':1}", 0},
    {"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", 0},
};

TEST(cases_agree)
{
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        int fast;
        check_cur_failed = 0;
        CHECK(agrees(CASES[i].text, strlen(CASES[i].text), &fast));
        CHECK_INT(fast, CASES[i].fast);
        check_end(CASES[i].text);
    }
}

TEST(nul_inside_agrees)
{
    static const char text[] = "{\"a\":\"b\0c\"}";
    int fast;
    CHECK(agrees(text, sizeof text - 1, &fast));
    CHECK_INT(fast, 0);
    static const char after[] = "{\"a\":1}\0";
    CHECK(agrees(after, sizeof after - 1, &fast));
    CHECK_INT(fast, 0);
}

/* Random edits of a create body (a byte replaced, dropped or doubled, a
 * piece moved): whatever the fast reader accepts, jansson reads the same. */
TEST(mutations_agree)
{
    static const char alphabet[] = "{}[]\":,\\/ -0123456789.eEtrufalsn\t\n\x7f\x80\xc3";
    uint64_t seed = 0x9e3779b97f4a7c15u;
    char buf[512];
    int fast_count = 0;
    for (int round = 0; round < 20000; round++) {
        size_t len = sizeof BODY - 1;
        memcpy(buf, BODY, len);
        for (int edits = 1 + round % 4; edits > 0; edits--) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            size_t at = (size_t)(seed >> 33) % len;
            char ch = alphabet[(seed >> 13) % (sizeof alphabet - 1)];
            switch ((seed >> 7) % 3) {
            case 0: buf[at] = ch; break;
            case 1: memmove(buf + at, buf + at + 1, len - at - 1), len--; break;
            default:
                if (len + 1 < sizeof buf) {
                    memmove(buf + at + 1, buf + at, len - at);
                    buf[at] = ch;
                    len++;
                }
            }
        }
        int fast;
        if (!agrees(buf, len, &fast)) {
            CHECK(0);
            break;
        }
        fast_count += fast;
    }
    CHECK(fast_count > 100); /* some edits keep the body valid */
}

int main(void)
{
    RUN(cases_agree);
    RUN(nul_inside_agrees);
    RUN(mutations_agree);
    return check_summary();
}
