/* Webhook signatures (see sign.h). */
#include "notify/sign.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/secret.h"

/* HMAC over "<t>." followed by the body, without copying the body twice:
 * the prefix and body are joined in one buffer (bodies are small JSON). */
static bool sign_mac(const char *secret, int64_t t, const char *body, size_t len,
                     char mac[PB_SHA256_HEX])
{
    char prefix[32];
    int n = snprintf(prefix, sizeof prefix, "%" PRId64 ".", t);
    char *msg = malloc((size_t)n + len + 1);
    if (!msg)
        return false;
    memcpy(msg, prefix, (size_t)n);
    memcpy(msg + n, body, len);
    hmac_sha256_hex(secret, strlen(secret), msg, (size_t)n + len, mac);
    free(msg);
    return true;
}

void webhook_sign(const char *secret, int64_t t, const char *body, size_t len,
                  char out[WEBHOOK_SIGNATURE_BUF])
{
    char mac[PB_SHA256_HEX];
    if (!sign_mac(secret, t, body, len, mac)) {
        out[0] = '\0';
        return;
    }
    snprintf(out, WEBHOOK_SIGNATURE_BUF, "t=%" PRId64 ",v1=%s", t, mac);
}

bool webhook_verify(const char *secret, const char *header, const char *body, size_t len,
                    int64_t now, int64_t tolerance)
{
    if (!header || strncmp(header, "t=", 2) != 0)
        return false;
    char *end = NULL;
    long long t = strtoll(header + 2, &end, 10);
    if (end == header + 2 || strncmp(end, ",v1=", 4) != 0)
        return false;
    if (t < now - tolerance || t > now + tolerance)
        return false;
    char mac[PB_SHA256_HEX];
    if (!sign_mac(secret, (int64_t)t, body, len, mac))
        return false;
    return secret_equal(mac, end + 4);
}
