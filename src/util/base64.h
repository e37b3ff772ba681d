/* Base64 (RFC 4648) both ways: the standard and the URL-safe alphabet,
 * with or without '=' padding. The AA protocol uses every combination
 * (JWS parts, ecreq/ecres, KeyMaterial, encryptedFI). */
#ifndef PB_UTIL_BASE64_H
#define PB_UTIL_BASE64_H

#include <stdbool.h>
#include <stddef.h>

enum b64_style {
    B64_STD,          /* A-Z a-z 0-9 + /, padded */
    B64_URL,          /* A-Z a-z 0-9 - _, padded (java.util.Base64.getUrlEncoder) */
    B64_URL_NOPAD,    /* A-Z a-z 0-9 - _, unpadded (JWS) */
};

/* Encodes n bytes; returns a malloc'd NUL-terminated string, or NULL. */
char *b64_encode(const void *data, size_t n, enum b64_style style);

/* The 6-bit value of one character (0-255) of either alphabet, or -1 (for
 * decoders that stream, as the upload form's BASE64 file field). */
int b64_value(int c);

/* Decodes text of either alphabet (never both mixed with '+'/'-' meaning
 * different things: '+' and '-' are 62, '/' and '_' are 63), padding
 * optional, no whitespace. Returns a malloc'd buffer (NUL-terminated for
 * convenience, not counted in *n), or NULL when the text is not Base64. */
unsigned char *b64_decode(const char *text, size_t len, size_t *n);

#endif
