/* Journey tokens (see token.h). */
#include "journey/token.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void token_mac(const char *key, const char *session_id, int64_t expires,
                      char mac[PB_SHA256_HEX])
{
    char msg[PB_UUID_BUF + 24];
    int n = snprintf(msg, sizeof msg, "%s.%" PRId64, session_id, expires);
    hmac_sha256_hex(key, strlen(key), msg, (size_t)n, mac);
}

void journey_token_mint(const char *key, const char *session_id, int64_t expires,
                        char out[JOURNEY_TOKEN_BUF])
{
    char mac[PB_SHA256_HEX];
    token_mac(key, session_id, expires, mac);
    snprintf(out, JOURNEY_TOKEN_BUF, "%s.%" PRId64 ".%s", session_id, expires, mac);
}

bool journey_token_check(const char *key, const char *token, int64_t now,
                         char session_id[PB_UUID_BUF])
{
    if (!token || strlen(token) >= JOURNEY_TOKEN_BUF)
        return false;
    const char *dot1 = strchr(token, '.');
    if (!dot1 || dot1 - token != PB_UUID_BUF - 1)
        return false;
    char sid[PB_UUID_BUF];
    memcpy(sid, token, PB_UUID_BUF - 1);
    sid[PB_UUID_BUF - 1] = '\0';
    if (!uuid_valid(sid))
        return false;
    char *end = NULL;
    long long exp = strtoll(dot1 + 1, &end, 10);
    if (end == dot1 + 1 || *end != '.' || exp <= 0)
        return false;
    char mac[PB_SHA256_HEX];
    token_mac(key, sid, (int64_t)exp, mac);
    if (!secret_equal(mac, end + 1))
        return false;
    if ((int64_t)exp <= now)
        return false;
    memcpy(session_id, sid, PB_UUID_BUF);
    return true;
}
