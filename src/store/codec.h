/* Column formats shared by the store's backends (codec.c); not for use
 * outside src/store/. */
#ifndef PB_STORE_CODEC_H
#define PB_STORE_CODEC_H

#include <jansson.h>

#include "core/session.h"

/* "2024-01,2024-02": at most SESSION_MAX_MONTHS months (malloc'd). */
char *store_months_format(const pb_month *m, int n);
/* Parses that form into out (at most max); returns the count. */
int store_months_parse(const char *s, pb_month *out, int max);
/* A JSON document as compact text (malloc'd), or NULL for NULL. */
char *store_json_text(const json_t *j);

#endif
