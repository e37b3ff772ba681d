#include "check.h"
#include "core/field.h"

static json_t *obj(const char *json)
{
    return json_loads(json, JSON_DECODE_ANY, NULL);
}

TEST(text_trims_and_takes_numbers)
{
    json_t *o = obj("{\"a\":\"  hi there \\n\",\"n\":42,\"r\":1.5,\"b\":true,\"l\":[],\"z\":null,"
                    "\"e\":\"   \"}");
    struct field_text t;
    CHECK_INT(field_text(o, "a", &t), FIELD_OK);
    CHECK(field_text_is(&t, "hi there"));
    CHECK_INT(field_text(o, "n", &t), FIELD_OK);
    CHECK(field_text_is(&t, "42"));
    CHECK_INT(field_text(o, "r", &t), FIELD_OK);
    CHECK(field_text_is(&t, "1.5"));
    CHECK_INT(field_text(o, "b", &t), FIELD_BAD_TYPE);
    CHECK_INT(field_text(o, "l", &t), FIELD_BAD_TYPE);
    CHECK_INT(field_text(o, "z", &t), FIELD_NULL);
    CHECK_INT(field_text(o, "e", &t), FIELD_BLANK);
    CHECK_INT(field_text(o, "missing", &t), FIELD_MISSING);
    json_decref(o);
}

TEST(bools_per_drf)
{
    json_t *o = obj("{\"t\":true,\"f\":false,\"one\":1,\"zero\":0,\"two\":2,\"s1\":\"TRUE\","
                    "\"s2\":\"no\",\"s3\":\"maybe\",\"arr\":[true]}");
    bool b = false;
    CHECK_INT(field_bool(o, "t", &b), FIELD_OK);
    CHECK(b);
    CHECK_INT(field_bool(o, "f", &b), FIELD_OK);
    CHECK(!b);
    CHECK_INT(field_bool(o, "one", &b), FIELD_OK);
    CHECK(b);
    CHECK_INT(field_bool(o, "zero", &b), FIELD_OK);
    CHECK(!b);
    CHECK_INT(field_bool(o, "two", &b), FIELD_BAD_TYPE);
    CHECK_INT(field_bool(o, "s1", &b), FIELD_OK);
    CHECK(b);
    CHECK_INT(field_bool(o, "s2", &b), FIELD_OK);
    CHECK(!b);
    CHECK_INT(field_bool(o, "s3", &b), FIELD_BAD_TYPE);
    CHECK_INT(field_bool(o, "arr", &b), FIELD_BAD_TYPE);
    json_decref(o);
}

TEST(ints_per_drf)
{
    json_t *o = obj("{\"i\":60,\"r\":60.0,\"rf\":60.5,\"s\":\" 60 \",\"sd\":\"60.00\",\"neg\":\"-5\","
                    "\"bad\":\"6O\",\"big\":9007199254740993,\"bigs\":\"99999999999999999999\","
                    "\"b\":true,\"e\":\"1e3\"}");
    long long v;
    CHECK_INT(field_int(o, "i", &v), FIELD_OK);
    CHECK_INT(v, 60);
    CHECK_INT(field_int(o, "r", &v), FIELD_OK);
    CHECK_INT(field_int(o, "rf", &v), FIELD_BAD_TYPE);
    CHECK_INT(field_int(o, "s", &v), FIELD_OK);
    CHECK_INT(v, 60);
    CHECK_INT(field_int(o, "sd", &v), FIELD_OK);
    CHECK_INT(field_int(o, "neg", &v), FIELD_OK);
    CHECK_INT(v, -5);
    CHECK_INT(field_int(o, "bad", &v), FIELD_BAD_TYPE);
    CHECK_INT(field_int(o, "big", &v), FIELD_BAD_TYPE);
    CHECK_INT(field_int(o, "bigs", &v), FIELD_BAD_TYPE);
    CHECK_INT(field_int(o, "b", &v), FIELD_BAD_TYPE);
    CHECK_INT(field_int(o, "e", &v), FIELD_BAD_TYPE);
    json_decref(o);
}

TEST(char_count_is_code_points)
{
    CHECK_INT(field_char_count("abc", 3), 3);
    CHECK_INT(field_char_count("\xe0\xa4\x85\xc3\xa9", 5), 2);
    CHECK_INT(field_char_count("", 0), 0);
}

int main(void)
{
    RUN(text_trims_and_takes_numbers);
    RUN(bools_per_drf);
    RUN(ints_per_drf);
    RUN(char_count_is_code_points);
    return check_summary();
}
