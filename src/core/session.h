/* A session as stored: the validated create request plus its identity,
 * owner, clock and lifecycle state. */
#ifndef PB_CORE_SESSION_H
#define PB_CORE_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "core/session_req.h"
#include "util/secret.h"

enum session_state {
    SESSION_OPEN,                 /* accepting uploads until expires_at */
    SESSION_PROCESSING,           /* initiate_processing/ called; closed for uploads */
    SESSION_COMPLETED,            /* processing finished */
    SESSION_FAILED,               /* processing finished with no usable account */
};

struct session {
    char id[PB_UUID_BUF];
    char org_id[PB_UUID_BUF];
    int64_t created_at;           /* unix seconds */
    int64_t expires_at;           /* created_at + session_expiry minutes */
    enum session_state state;
    int64_t processing_requested_at; /* 0 when not requested */
    int64_t deleted_at;           /* 0 unless deleted */
    int64_t completion_notified_at; /* customer submitted the journey; 0 if not */
    int64_t expiry_notified_at;   /* SESSION_EXPIRY_NOTIFICATION queued; 0 if not */
    struct session_req req;       /* what the lender asked for; owns its strings */
};

/* Frees what the session owns (its request's strings and JSON). */
void session_clear(struct session *s);

const char *session_state_name(enum session_state st);
bool session_state_parse(const char *s, enum session_state *out);

/* The v2 redirect token: HMAC-SHA256 of the session id under the server's
 * token secret, hex. The hosted page checks it with session_token_valid. */
void session_token(const char *secret, const char *session_id, char out[PB_SHA256_HEX]);
bool session_token_valid(const char *secret, const char *session_id, const char *token);

bool session_expired(const struct session *s, int64_t now);

/* "<public_url>/?session_id=<id>" (+ "&token=<t>" for v2); malloc'd. */
char *session_redirect_url(const char *public_url, const struct session *s, const char *token_secret);

#endif
