/* The customer's consent on the hosted page: the trust text (what is
 * shared, with whom, for what, read-only, retention, deletion, the
 * lender's privacy policy) is shown before upload, and choosing a file is
 * the act of consent (or ticking the box, when the organisation asks for
 * one). The page records it once per session: the wording's version
 * (data/journey/languages.json "consent_version", bumped whenever the
 * wording changes in any language), the language it was read in and the
 * time. Kept in the store's settings under "consent:<session id>"; the
 * lender sees it in session_upload_status/; deleting the session forgets it. */
#ifndef PB_JOURNEY_CONSENT_H
#define PB_JOURNEY_CONSENT_H

#include <jansson.h>
#include <stdint.h>

#include "store/store.h"

/* The version of the consent wording the page shows now. */
const char *consent_version(void);

/* Records that the customer of session_id consented at `now` to the current
 * wording in language `lang`. The first record stands (a later call
 * changes nothing). Returns STORE_OK or a store error. */
int consent_record(struct store *st, const char *session_id, const char *lang, int64_t now);

/* {"version", "language", "given_at"} (given_at ISO 8601 UTC), or JSON null
 * when the session has no record (or on a store error). New reference. */
json_t *consent_json(struct store *st, const char *session_id);

/* Forgets the session's record (session deleted). */
int consent_forget(struct store *st, const char *session_id);

#endif
