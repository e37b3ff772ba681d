/* Small constructors of jansson values that many JSON builders share. */
#ifndef PB_UTIL_JSON_VALUE_H
#define PB_UTIL_JSON_VALUE_H

#include <jansson.h>

/* s as a JSON string, or null when s is NULL (a new reference; NULL when
 * s is not valid UTF-8, as json_string). */
static inline json_t *json_str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* The same, with empty text also null: for optional fields where "" means
 * "not given". */
static inline json_t *json_text_or_null(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

#endif
