/* Calls to the AA's ReBIT API: every request body signed (x-jws-signature),
 * client_api_key sent, every answer's signature verified with the peer key
 * before a byte of it is believed. Internal to src/aa/. */
#ifndef PB_AA_CLIENT_H
#define PB_AA_CLIENT_H

#include <jansson.h>

#include "aa/aa.h"
#include "store/store.h"

enum aa_rc {
    AA_OK = 0,           /* 2xx, signed, JSON */
    AA_ERROR_REPLY,      /* the AA answered an error status (signed): *status, *reply may hold errorCode */
    AA_UNREACHABLE,      /* no answer (connection, timeout, TLS) */
    AA_BAD_SIGNATURE,    /* an answer whose signature does not verify: refused, recorded */
    AA_BAD_REPLY,        /* signed but not a JSON object */
};

/* A new request body: {"ver", "timestamp", "txnid"} (txnid fresh unless
 * given). */
json_t *aa_message(const char *txnid);

/* POSTs body to <url><path>. On AA_OK / AA_ERROR_REPLY *reply is the
 * parsed answer (or NULL), *status the HTTP status. Refused answers are
 * recorded as aa_events (kind "response") when st is given. why gets a
 * short reason for logs. */
enum aa_rc aa_post(const struct aa_config *c, struct store *st, const char *consent_row, const char *path,
                   json_t *body, json_t **reply, long *status, char *why, size_t cap);

#endif
