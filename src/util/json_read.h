/* Reading a JSON request body into a jansson tree, exactly as
 * json_loadb(buf, len, JSON_REJECT_DUPLICATES, err) reads it, but cheaper
 * for the bodies clients send: jansson decodes every character through a
 * stream callback and a UTF-8 check (~28 K instructions of a session
 * create's ~218 K went to lexing its 200-byte body). A fast reader takes
 * the common shape (objects, arrays, ASCII strings with simple escapes,
 * integers of up to 18 digits, true/false/null, nesting to 32) and gives
 * up on anything else (non-ASCII bytes, \u escapes, reals, long integers,
 * a duplicate key, any syntax error), which then goes to jansson itself,
 * so every tree and every error message is jansson's. */
#ifndef PB_UTIL_JSON_READ_H
#define PB_UTIL_JSON_READ_H

#include <jansson.h>
#include <stddef.h>

/* As json_loadb(buf, len, JSON_REJECT_DUPLICATES, err). */
json_t *json_read(const char *buf, size_t len, json_error_t *err);

/* The fast reader alone: the tree, or NULL when it gave up (for tests:
 * whatever it returns, jansson returns the same). */
json_t *json_read_fast(const char *buf, size_t len);

#endif
