/* The hosted page's languages (data/journey/languages.json, the list its
 * message catalogues follow) as the server needs them: to check the
 * `language` a lender may ask for when it creates a session. */
#ifndef PB_JOURNEY_LANG_H
#define PB_JOURNEY_LANG_H

#include <jansson.h>

#include "core/api_error.h"

/* The language body asks for in its optional "language" field ("hi",
 * "HI" or "hi-IN" all give "hi"): *code points at the catalogue's code
 * (static storage), or is NULL when the field is absent, null or blank.
 * Returns 0, or -1 with err filled (400 INVALID_REQUEST) for a value that
 * is not a string or not a language of the page. */
int journey_language_param(const json_t *body, const char **code, struct api_error *err);

/* The code of a language the page has for lang ("hi", "HI", "hi-IN"), or
 * NULL. Static storage. */
const char *journey_language_find(const char *lang);

/* languages.json's "consent_version": the consent wording's version. */
const char *journey_consent_version(void);

#endif
