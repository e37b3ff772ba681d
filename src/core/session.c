#include "core/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void session_clear(struct session *s)
{
    session_req_free(&s->req);
}

static const char *const STATE_NAMES[] = {"open", "processing", "completed", "failed"};

const char *session_state_name(enum session_state st)
{
    return (unsigned)st < sizeof STATE_NAMES / sizeof STATE_NAMES[0] ? STATE_NAMES[st] : "open";
}

bool session_state_parse(const char *s, enum session_state *out)
{
    for (size_t i = 0; i < sizeof STATE_NAMES / sizeof STATE_NAMES[0]; i++)
        if (s && !strcmp(s, STATE_NAMES[i])) {
            *out = (enum session_state)i;
            return true;
        }
    return false;
}

void session_token(const char *secret, const char *session_id, char out[PB_SHA256_HEX])
{
    hmac_sha256_hex(secret, strlen(secret), session_id, strlen(session_id), out);
}

bool session_token_valid(const char *secret, const char *session_id, const char *token)
{
    char want[PB_SHA256_HEX];
    if (!token)
        return false;
    session_token(secret, session_id, want);
    return secret_equal(want, token);
}

bool session_expired(const struct session *s, int64_t now)
{
    return now >= s->expires_at;
}

char *session_redirect_url(const char *public_url, const struct session *s, const char *token_secret)
{
    size_t n = strlen(public_url);
    while (n && public_url[n - 1] == '/')
        n--;
    char token[PB_SHA256_HEX] = "";
    if (s->req.version == 2)
        session_token(token_secret, s->id, token);
    char *out = NULL;
    if (asprintf(&out, "%.*s/?session_id=%s%s%s", (int)n, public_url, s->id, token[0] ? "&token=" : "",
                 token) < 0)
        return NULL;
    return out;
}
