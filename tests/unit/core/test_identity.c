/* The identity field table: every field survives the stored form (what the
 * server keeps) and a copy; the shown forms name every field once. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "core/identity.h"
#include "core/statement.h"

/* Every field set to a distinct value. */
static void fill(struct identity *id)
{
    memset(id, 0, sizeof *id);
    for (size_t i = 0; i < IDENTITY_NFIELDS; i++) {
        const struct identity_field *f = &IDENTITY_FIELDS[i];
        if (f->kind == IDF_PAISE) {
            *(pb_paise *)((char *)id + f->offset) = 100000 * (pb_paise)(i + 1) + 37;
        } else {
            char buf[64];
            snprintf(buf, sizeof buf, "%s value %zu \xE2\x82\xB9", f->key, i);
            *(char **)((char *)id + f->offset) = strdup(buf);
        }
    }
}

TEST(stored_form_round_trips_every_field)
{
    struct identity a, b;
    fill(&a);
    json_t *j = identity_to_json(&a);
    char *text = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    json_t *back = json_loads(text, 0, NULL);
    identity_from_json(back, &b);
    CHECK(identity_equal(&a, &b));
    CHECK_STR(b.email, a.email);
    CHECK_STR(b.phone, a.phone);
    CHECK_STR(b.pan, a.pan);
    CHECK_INT(b.od_limit, a.od_limit);
    json_decref(back);
    free(text);
    identity_free(&a);
    identity_free(&b);
}

TEST(copy_and_free)
{
    struct identity a, b;
    fill(&a);
    identity_copy(&b, &a);
    CHECK(identity_equal(&a, &b));
    free(b.pan);
    b.pan = NULL;
    CHECK(!identity_equal(&a, &b));
    identity_free(&a);
    identity_free(&b);
    CHECK(a.name == NULL && b.email == NULL);
}

TEST(missing_fields_load_empty)
{
    struct identity b;
    json_t *j = json_pack("{s:s, s:I, s:s}", "name", "ASHA RAO", "od_limit", (json_int_t)5000000, "unknown", "x");
    identity_from_json(j, &b);
    CHECK_STR(b.name, "ASHA RAO");
    CHECK_INT(b.od_limit, 5000000);
    CHECK(b.account_number == NULL && b.pan == NULL && b.credit_limit == 0);
    identity_free(&b);
    json_decref(j);
    identity_from_json(NULL, &b); /* nothing stored */
    CHECK(b.name == NULL);
}

TEST(shown_forms_name_each_field_once)
{
    struct identity a;
    fill(&a);
    json_t *plain = identity_api_json(&a, false), *fb = identity_api_json(&a, true);
    CHECK_INT(json_object_size(plain), IDENTITY_NFIELDS);
    CHECK_INT(json_object_size(fb), IDENTITY_NFIELDS);
    CHECK_STR(json_string_value(json_object_get(fb, "pan_number")), a.pan);
    CHECK_STR(json_string_value(json_object_get(fb, "phone_number")), a.phone);
    CHECK_STR(json_string_value(json_object_get(plain, "email")), a.email);
    /* money in rupees, exactly */
    CHECK_INT(llround(json_real_value(json_object_get(plain, "od_limit")) * 100), a.od_limit);
    a.credit_limit = 0;
    json_decref(plain);
    plain = identity_api_json(&a, false);
    CHECK(json_is_null(json_object_get(plain, "credit_limit")));
    json_decref(plain);
    json_decref(fb);
    identity_free(&a);
}

TEST(statement_free_frees_identity)
{
    struct statement st;
    memset(&st, 0, sizeof st);
    fill(&st.id);
    statement_free(&st); /* ASan reports a leak if any field is missed */
}

int main(void)
{
    RUN(stored_form_round_trips_every_field);
    RUN(copy_and_free);
    RUN(missing_fields_load_empty);
    RUN(shown_forms_name_each_field_once);
    RUN(statement_free_frees_identity);
    return check_summary();
}
