/* Readers for fields of a JSON request body that behave like Django REST
 * Framework's fields, since FinBox's API is DRF and its clients rely on
 * DRF's leniency: CharField takes numbers as text and trims whitespace,
 * BooleanField takes "true"/"1"/"yes", IntegerField takes "60" and 60.0. */
#ifndef PB_CORE_FIELD_H
#define PB_CORE_FIELD_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

enum field_rc {
    FIELD_OK,
    FIELD_MISSING,  /* key not present */
    FIELD_NULL,     /* JSON null */
    FIELD_BLANK,    /* a string that is empty after trimming */
    FIELD_BAD_TYPE, /* a type the field cannot take (message per DRF) */
};

/* A text value: s/len point into the JSON string (trimmed, not
 * NUL-terminated there) or into num for numbers. Valid while the JSON
 * value and this struct live. */
struct field_text {
    const char *s;
    size_t len;
    char num[40];
};

/* CharField: a string (trimmed of ASCII whitespace) or a number as text.
 * true/false, arrays and objects are FIELD_BAD_TYPE ("Not a valid string."). */
enum field_rc field_text(const json_t *obj, const char *key, struct field_text *out);
/* The same for a value on its own (an array item); v may be NULL (missing). */
enum field_rc field_value_text(const json_t *v, struct field_text *out);

/* BooleanField: true/false, 0/1, and the strings DRF accepts
 * (true/false, t/f, yes/no, y/n, on/off, 1/0, any case). */
enum field_rc field_bool(const json_t *obj, const char *key, bool *out);

/* IntegerField: an integer, a real with no fraction (60.0), or a string of
 * digits with an optional sign and ".0" tail ("60", " 60 ", "60.00").
 * Values beyond +-2^53 are FIELD_BAD_TYPE. */
enum field_rc field_int(const json_t *obj, const char *key, long long *out);

/* Characters (UTF-8 code points) in s[0..len). Jansson hands us valid
 * UTF-8, so counting non-continuation bytes is exact. */
size_t field_char_count(const char *s, size_t len);

/* Allocates a NUL-terminated copy of t (free with free()); NULL on OOM. */
char *field_text_dup(const struct field_text *t);

/* True when t equals lit exactly / ignoring ASCII case. */
bool field_text_is(const struct field_text *t, const char *lit);
bool field_text_is_ci(const struct field_text *t, const char *lit);

#endif
