/* Compact JSON text of a jansson tree, byte for byte what
 * json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(15)) writes (insertion
 * order, the same escapes, reals with 15 significant digits and ".0" on
 * whole values), for the large documents the API serves: jansson decodes
 * every character of every string and formats every rupee amount through
 * printf, which made dumping an insights document cost more than building
 * it. Money (whole paise below 10^13 rupees) is printed from its digits;
 * other reals through printf as jansson does. */
#ifndef PB_UTIL_JSON_TEXT_H
#define PB_UTIL_JSON_TEXT_H

#include <jansson.h>
#include <stddef.h>

/* malloc'd text (and its length when len is not NULL); NULL when j is not
 * an object or array, holds invalid UTF-8, a NaN/infinity, nests deeper
 * than 2048, or memory runs out (json_dumps fails on the first three too). */
char *json_text(const json_t *j, size_t *len);

/* The text of an object of n string members (members: key, value, key,
 * value ...), as json_text writes the same object built with jansson,
 * without building it: for small answers on hot paths (a session create's).
 * NULL on invalid UTF-8 or out of memory. */
char *json_text_strings(const char *const *members, size_t n, size_t *len);

#endif
