/* Webhook signatures verify for the exact body and time, and nothing else. */
#include "check.h"
#include "notify/sign.h"

#include <string.h>

#include "util/secret.h"

static const char BODY[] = "{\"session_id\":\"x\",\"event_name\":\"ENRICHMENT_NOTIFICATION\"}";

TEST(signature_matches_independent_hmac)
{
    char h[WEBHOOK_SIGNATURE_BUF], mac[PB_SHA256_HEX];
    webhook_sign("whsec", 1700000000, BODY, strlen(BODY), h);
    char msg[256];
    strcpy(msg, "1700000000.");
    strcat(msg, BODY);
    hmac_sha256_hex("whsec", 5, msg, strlen(msg), mac);
    char want[WEBHOOK_SIGNATURE_BUF];
    strcpy(want, "t=1700000000,v1=");
    strcat(want, mac);
    CHECK_STR(h, want);
}

TEST(verify_accepts_fresh_and_refuses_changes)
{
    char h[WEBHOOK_SIGNATURE_BUF];
    webhook_sign("whsec", 1000, BODY, strlen(BODY), h);
    CHECK(webhook_verify("whsec", h, BODY, strlen(BODY), 1100, 300));
    CHECK(!webhook_verify("other", h, BODY, strlen(BODY), 1100, 300));
    CHECK(!webhook_verify("whsec", h, BODY, strlen(BODY) - 1, 1100, 300));
    CHECK(!webhook_verify("whsec", h, BODY, strlen(BODY), 2000, 300)); /* replayed late */
    CHECK(!webhook_verify("whsec", "t=1000,v1=00", BODY, strlen(BODY), 1000, 300));
    CHECK(!webhook_verify("whsec", "garbage", BODY, strlen(BODY), 1000, 300));
    CHECK(!webhook_verify("whsec", NULL, BODY, strlen(BODY), 1000, 300));
}

int main(void)
{
    RUN(signature_matches_independent_hmac);
    RUN(verify_accepts_fresh_and_refuses_changes);
    return check_summary();
}
