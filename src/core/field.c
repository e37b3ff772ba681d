#include "core/field.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Integers beyond 2^53 cannot round-trip through a double, and no field of
 * ours needs them; treat them as invalid rather than silently rounding. */
#define FIELD_INT_LIMIT 9007199254740992LL

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Renders a JSON number the way Python's str() would, near enough that
 * choice errors read `"1" is not a valid choice.` as FinBox's do. */
static void number_text(const json_t *v, char *buf, size_t len)
{
    if (json_is_integer(v)) {
        snprintf(buf, len, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return;
    }
    snprintf(buf, len, "%.15g", json_real_value(v));
    if (!strpbrk(buf, ".eEn"))
        strncat(buf, ".0", len - strlen(buf) - 1);
}

enum field_rc field_text(const json_t *obj, const char *key, struct field_text *out)
{
    return field_value_text(json_object_get(obj, key), out);
}

enum field_rc field_value_text(const json_t *v, struct field_text *out)
{
    out->s = NULL;
    out->len = 0;
    if (!v)
        return FIELD_MISSING;
    if (json_is_null(v))
        return FIELD_NULL;
    if (json_is_number(v)) {
        number_text(v, out->num, sizeof out->num);
        out->s = out->num;
        out->len = strlen(out->num);
        return FIELD_OK;
    }
    if (!json_is_string(v))
        return FIELD_BAD_TYPE;
    const char *s = json_string_value(v);
    size_t len = json_string_length(v);
    while (len && is_space(*s))
        s++, len--;
    while (len && is_space(s[len - 1]))
        len--;
    out->s = s;
    out->len = len;
    return len ? FIELD_OK : FIELD_BLANK;
}

/* field_value_text of a field that, beside its own JSON types, may be a
 * string: missing and null give their codes, any other type
 * FIELD_BAD_TYPE. */
static enum field_rc string_text(const json_t *v, struct field_text *t)
{
    if (v && !json_is_null(v) && !json_is_string(v))
        return FIELD_BAD_TYPE;
    return field_value_text(v, t);
}

static bool text_in(const struct field_text *t, const char *const *set)
{
    for (; *set; set++)
        if (field_text_is_ci(t, *set))
            return true;
    return false;
}

enum field_rc field_bool(const json_t *obj, const char *key, bool *out)
{
    static const char *const truthy[] = {"true", "t", "yes", "y", "on", "1", NULL};
    static const char *const falsy[] = {"false", "f", "no", "n", "off", "0", NULL};
    const json_t *v = json_object_get(obj, key);
    if (json_is_boolean(v)) {
        *out = json_is_true(v);
        return FIELD_OK;
    }
    if (json_is_integer(v) && (json_integer_value(v) == 0 || json_integer_value(v) == 1)) {
        *out = json_integer_value(v) == 1;
        return FIELD_OK;
    }
    struct field_text t;
    enum field_rc rc = string_text(v, &t);
    if (rc != FIELD_OK)
        return rc;
    if (text_in(&t, truthy))
        *out = true;
    else if (text_in(&t, falsy))
        *out = false;
    else
        return FIELD_BAD_TYPE;
    return FIELD_OK;
}

/* Parses "[+-]digits[.0*]" exactly; false on anything else. */
static bool parse_int_text(const struct field_text *t, long long *out)
{
    size_t i = 0;
    bool neg = false;
    long long v = 0;
    if (i < t->len && (t->s[i] == '+' || t->s[i] == '-'))
        neg = t->s[i++] == '-';
    size_t start = i;
    for (; i < t->len && isdigit((unsigned char)t->s[i]); i++) {
        v = v * 10 + (t->s[i] - '0');
        if (v > FIELD_INT_LIMIT)
            return false;
    }
    if (i == start)
        return false;
    if (i < t->len && t->s[i] == '.') /* DRF strips a ".000" tail */
        for (i++; i < t->len && t->s[i] == '0'; i++)
            ;
    if (i != t->len)
        return false;
    *out = neg ? -v : v;
    return true;
}

enum field_rc field_int(const json_t *obj, const char *key, long long *out)
{
    const json_t *v = json_object_get(obj, key);
    if (json_is_integer(v)) {
        json_int_t i = json_integer_value(v);
        if (i > FIELD_INT_LIMIT || i < -FIELD_INT_LIMIT)
            return FIELD_BAD_TYPE;
        *out = (long long)i;
        return FIELD_OK;
    }
    if (json_is_real(v)) {
        double d = json_real_value(v);
        if (!isfinite(d) || d != floor(d) || fabs(d) > (double)FIELD_INT_LIMIT)
            return FIELD_BAD_TYPE;
        *out = (long long)d;
        return FIELD_OK;
    }
    struct field_text t;
    enum field_rc rc = string_text(v, &t);
    if (rc != FIELD_OK)
        return rc;
    return parse_int_text(&t, out) ? FIELD_OK : FIELD_BAD_TYPE;
}

size_t field_char_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

char *field_text_dup(const struct field_text *t)
{
    return strndup(t->s ? t->s : "", t->len);
}

bool field_text_is(const struct field_text *t, const char *lit)
{
    return strlen(lit) == t->len && memcmp(t->s, lit, t->len) == 0;
}

bool field_text_is_ci(const struct field_text *t, const char *lit)
{
    return strlen(lit) == t->len && strncasecmp(t->s, lit, t->len) == 0;
}
