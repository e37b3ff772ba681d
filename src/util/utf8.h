/* UTF-8 (RFC 3629): validating and repairing text from clients. */
#ifndef PB_UTIL_UTF8_H
#define PB_UTIL_UTF8_H

#include <stddef.h>

/* The length of the valid UTF-8 sequence at s (1-4), or 0 when the bytes
 * there are not one (overlong forms, surrogates, past U+10FFFF, cut). */
size_t utf8_seq_len(const unsigned char *s, size_t avail);
/* A copy of in as valid UTF-8 of at most max_bytes bytes: an invalid byte
 * becomes U+FFFD, control characters are dropped, and the text is cut at
 * a character boundary. malloc'd (NULL on out of memory). */
char *utf8_clean(const char *in, size_t max_bytes);

#endif
