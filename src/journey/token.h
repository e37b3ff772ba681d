/* Journey tokens: what the hosted page presents on every journey API call
 * (Authorization: Bearer <token>) after exchanging the link it was opened
 * with (session_id, and for v2 sessions the signed `token`) at
 * POST /journey/v1/token. Stateless and shared by every node: the token is
 *   "<session_id>.<expires_unix>.<hex HMAC-SHA256(key, session_id "." expires)>"
 * under a server-wide key kept in the store. It authorises one session only,
 * never an organisation, and lives at most JOURNEY_TOKEN_TTL seconds. */
#ifndef PB_JOURNEY_TOKEN_H
#define PB_JOURNEY_TOKEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/secret.h"

#define JOURNEY_TOKEN_TTL 7200            /* seconds */
#define JOURNEY_TOKEN_BUF (PB_UUID_BUF + 21 + PB_SHA256_HEX + 2)

/* Writes the token for session_id valid until expires (unix seconds). */
void journey_token_mint(const char *key, const char *session_id, int64_t expires,
                        char out[JOURNEY_TOKEN_BUF]);

/* Checks token against key at time now. On success copies the session id
 * into session_id and returns true; false for a malformed, forged or
 * expired token (the comparison is constant-time). */
bool journey_token_check(const char *key, const char *token, int64_t now,
                         char session_id[PB_UUID_BUF]);

#endif
