/* The group commit's rows for one statement (store/pg_rows.c): each op's
 * parameters as a JSON object whose values read back as the exact text
 * the parameter would have been sent as. */
#include <jansson.h>
#include <stdlib.h>

#include "check.h"
#include "store/pg_internal.h"

TEST(rows_are_a_json_array_of_the_parameters_as_text)
{
    struct pg_rows rows = {0};
    struct pg_params a = {0}, b = {0};
    pgp_text(&a, "id-1");
    pgp_int(&a, -42);
    pgp_text(&a, NULL);
    pgp_text(&b, "");
    pgp_int_opt(&b, 7, false);
    pgp_int(&b, 9007199254740993LL);
    CHECK_INT(pg_rows_add(&rows, &a), STORE_OK);
    CHECK_INT(pg_rows_add(&rows, &b), STORE_OK);
    CHECK_STR(pg_rows_text(&rows), "[{\"n\":0,\"p1\":\"id-1\",\"p2\":\"-42\",\"p3\":null},"
                                   "{\"n\":1,\"p1\":\"\",\"p2\":null,\"p3\":\"9007199254740993\"}]");
    pg_rows_free(&rows);
}

TEST(every_byte_of_a_text_survives_the_json)
{
    /* quotes, backslashes, every control character, DEL and UTF-8 */
    char text[64];
    size_t n = 0;
    for (int ch = 1; ch < 0x20; ch++)
        text[n++] = (char)ch;
    memcpy(text + n, "\"\\/\x7f\xc3\xa9\xe2\x82\xb9", 10);
    n += 10;
    text[n] = '\0';
    struct pg_rows rows = {0};
    struct pg_params p = {0};
    pgp_text(&p, text);
    CHECK_INT(pg_rows_add(&rows, &p), STORE_OK);
    json_error_t err;
    json_t *j = json_loads(pg_rows_text(&rows), 0, &err);
    CHECK(j != NULL);
    CHECK_STR(json_string_value(json_object_get(json_array_get(j, 0), "p1")), text);
    json_decref(j);
    pg_rows_free(&rows);
}

TEST(an_empty_set_of_rows_is_an_empty_array)
{
    struct pg_rows rows = {0};
    CHECK_STR(pg_rows_text(&rows), "[]");
    pg_rows_free(&rows);
}

TEST(a_binary_parameter_cannot_go_in_rows)
{
    struct pg_rows rows = {0};
    struct pg_params p = {0};
    pgp_text(&p, "x");
    pgp_bytes(&p, "\x00\x01", 2);
    CHECK_INT(pg_rows_add(&rows, &p), STORE_ERROR);
    CHECK(pg_rows_text(&rows) == NULL);
    pg_rows_free(&rows);
}

int main(void)
{
    RUN(rows_are_a_json_array_of_the_parameters_as_text);
    RUN(every_byte_of_a_text_survives_the_json);
    RUN(an_empty_set_of_rows_is_an_empty_array);
    RUN(a_binary_parameter_cannot_go_in_rows);
    return check_summary();
}
