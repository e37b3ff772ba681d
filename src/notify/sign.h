/* Webhook signatures. Every delivery carries
 *   x-passbook-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>
 * so a receiver can check the body came from Passbook and is fresh (it
 * should refuse a t more than 5 minutes off its clock). docs/webhooks.md
 * shows the check. */
#ifndef PB_NOTIFY_SIGN_H
#define PB_NOTIFY_SIGN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WEBHOOK_SIGNATURE_BUF 96

/* The header value for body sent at time t, signed with secret. */
void webhook_sign(const char *secret, int64_t t, const char *body, size_t len,
                  char out[WEBHOOK_SIGNATURE_BUF]);

/* Verifies a header value against body and secret, accepting a timestamp
 * within tolerance seconds of now. For tests and for receivers written in C. */
bool webhook_verify(const char *secret, const char *header, const char *body, size_t len,
                    int64_t now, int64_t tolerance);

#endif
