/* The per-account arrays the session endpoints and webhooks share, each
 * built in one place from the store:
 *   upload_status_accounts  session_upload_status/ and the completion /
 *                           expiry webhooks (reference §2.4, §4.1a)
 *   session_status_accounts session_status/ (§2.7)
 *   enrichment_accounts     the ENRICHMENT_NOTIFICATION webhook (§4.1b)
 *   progress_entries        progress/ (§2.6)
 * Each returns a new reference, or NULL on a store error. */
#ifndef PB_INGEST_ACCOUNTS_JSON_H
#define PB_INGEST_ACCOUNTS_JSON_H

#include <jansson.h>
#include <stdbool.h>

#include "core/org.h"
#include "core/session.h"
#include "store/store.h"

/* *all_accepted: every account meets the organisation's acceptance
 * criterion (org NULL = the default, every expected month). */
json_t *upload_status_accounts(struct store *st, const struct session *s, const struct org *org,
                               bool *all_accepted, size_t *naccounts);
json_t *session_status_accounts(struct store *st, const struct session *s);
json_t *enrichment_accounts(struct store *st, const struct session *s);
json_t *progress_entries(struct store *st, const struct session *s);

/* Shared formatting. */
const char *api_fmt_timestamp(int64_t t, char *buf, size_t len);   /* "YYYY-MM-DD HH:MM:SS" UTC */
const char *api_fmt_iso8601(int64_t t, char *buf, size_t len);     /* "YYYY-MM-DDTHH:MM:SSZ" */
/* FinBox's full name of a bank identifier, or the identifier. */
const char *api_bank_full_name(const char *id);

#endif
