#include "core/identity.h"
#include "util/json_value.h"

#include <stdlib.h>
#include <string.h>

#define TEXT(k, fb, m) {k, fb, IDF_TEXT, offsetof(struct identity, m)}
#define PAISE(k, fb, m) {k, fb, IDF_PAISE, offsetof(struct identity, m)}

const struct identity_field IDENTITY_FIELDS[] = {
    TEXT("name", "name", name),
    TEXT("account_number", "account_number", account_number),
    TEXT("ifsc", "ifsc", ifsc),
    TEXT("micr", "micr", micr),
    TEXT("address", "address", address),
    TEXT("account_category", "account_category", account_category),
    TEXT("account_type", "account_type", account_type),
    TEXT("raw_account_category", "raw_account_category", raw_account_category),
    PAISE("od_limit", "od_limit", od_limit),
    PAISE("credit_limit", "credit_limit", credit_limit),
    TEXT("email", "email", email),
    TEXT("phone", "phone_number", phone),
    TEXT("pan", "pan_number", pan),
};
const size_t IDENTITY_NFIELDS = sizeof IDENTITY_FIELDS / sizeof IDENTITY_FIELDS[0];

static char **text_slot(const struct identity *id, const struct identity_field *f)
{
    return (char **)((char *)id + f->offset);
}

static pb_paise *paise_slot(const struct identity *id, const struct identity_field *f)
{
    return (pb_paise *)((char *)id + f->offset);
}

const char *identity_text(const struct identity *id, const struct identity_field *f)
{
    return f->kind == IDF_TEXT ? *text_slot(id, f) : NULL;
}

pb_paise identity_paise(const struct identity *id, const struct identity_field *f)
{
    return f->kind == IDF_PAISE ? *paise_slot(id, f) : 0;
}

json_t *identity_to_json(const struct identity *id)
{
    json_t *o = json_object();
    for (size_t i = 0; i < IDENTITY_NFIELDS; i++) {
        const struct identity_field *f = &IDENTITY_FIELDS[i];
        json_object_set_new(o, f->key, f->kind == IDF_TEXT ? json_str_or_null(identity_text(id, f))
                                                           : json_integer(identity_paise(id, f)));
    }
    return o;
}

void identity_from_json(const json_t *j, struct identity *id)
{
    memset(id, 0, sizeof *id);
    for (size_t i = 0; i < IDENTITY_NFIELDS; i++) {
        const struct identity_field *f = &IDENTITY_FIELDS[i];
        const json_t *v = json_object_get(j, f->key);
        if (f->kind == IDF_PAISE)
            *paise_slot(id, f) = json_is_integer(v) ? (pb_paise)json_integer_value(v) : 0;
        else if (json_is_string(v))
            *text_slot(id, f) = strdup(json_string_value(v));
    }
}

json_t *identity_api_json(const struct identity *id, bool finbox_names)
{
    json_t *o = json_object();
    for (size_t i = 0; i < IDENTITY_NFIELDS; i++) {
        const struct identity_field *f = &IDENTITY_FIELDS[i];
        pb_paise p = identity_paise(id, f);
        json_t *v = f->kind == IDF_TEXT ? json_str_or_null(identity_text(id, f))
                    : p ? json_real(money_to_rupees(p))
                        : json_null();
        json_object_set_new(o, finbox_names ? f->finbox : f->key, v);
    }
    return o;
}

void identity_copy(struct identity *out, const struct identity *in)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < IDENTITY_NFIELDS; i++) {
        const struct identity_field *f = &IDENTITY_FIELDS[i];
        if (f->kind == IDF_PAISE)
            *paise_slot(out, f) = identity_paise(in, f);
        else if (identity_text(in, f))
            *text_slot(out, f) = strdup(identity_text(in, f));
    }
}

bool identity_equal(const struct identity *a, const struct identity *b)
{
    for (size_t i = 0; i < IDENTITY_NFIELDS; i++) {
        const struct identity_field *f = &IDENTITY_FIELDS[i];
        const char *x = identity_text(a, f), *y = identity_text(b, f);
        if (identity_paise(a, f) != identity_paise(b, f) || !x != !y || (x && strcmp(x, y)))
            return false;
    }
    return true;
}

void identity_free(struct identity *id)
{
    for (size_t i = 0; i < IDENTITY_NFIELDS; i++)
        if (IDENTITY_FIELDS[i].kind == IDF_TEXT) {
            free(*text_slot(id, &IDENTITY_FIELDS[i]));
            *text_slot(id, &IDENTITY_FIELDS[i]) = NULL;
        }
}
