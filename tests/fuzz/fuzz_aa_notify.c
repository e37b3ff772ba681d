/* libFuzzer harness: what an Account Aggregator sends Passbook.
 *   byte 0 % 4 == 0  the x-jws-signature header: the input up to the first
 *                    newline is the header, the rest the body (detached
 *                    JWS parsing and verification with a fixed key);
 *   byte 0 % 4 == 1  a notification signed with the AA's key (so it passes
 *                    the signature check) through aa_callback: envelope,
 *                    version, time, notifier, statuses, consent lookups and
 *                    the signed answer, against an in-memory stand-in of
 *                    the store;
 *   byte 0 % 4 == 2  the same as an FI notification;
 *   byte 0 % 4 == 3  a signed consent artefact (compact JWS) taken apart. */
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aa/aa.h"
#include "aa/jws.h"
#include "util/log.h"

static EVP_PKEY *key;
static struct aa_config config = {.url = "http://aa.invalid", .api_key = "fuzz-key", .fiu_id = "FIU", .kid = "FIU"};

/* The store as aa_callback uses it: a known consent for handles and
 * sessions starting with 'k'. */
static int get(struct store *st, enum aa_lookup by, const char *value, struct aa_consent_rec *out)
{
    memset(out, 0, sizeof *out);
    if (!value || value[0] != 'k')
        return STORE_NOT_FOUND;
    strcpy(out->id, "00000000-0000-4000-8000-000000000001");
    strcpy(out->session_id, "00000000-0000-4000-8000-000000000002");
    out->state = strdup("requested");
    return STORE_OK;
}

static int event(struct store *st, const struct aa_event *e)
{
    return e->txnid && e->txnid[0] == 'r' ? STORE_CONFLICT : STORE_OK; /* 'r...': a replay */
}

static int note(struct store *st, const char *id, enum aa_note which, const char *value, int64_t now)
{
    return STORE_OK;
}

static const struct store_ops OPS = {.aa_consent_get = get, .aa_event_record = event, .aa_consent_note = note};
static struct store STORE = {&OPS};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    log_set_level(LOG_ERROR); /* refusals are logged at warn: not for every input */
    key = EVP_RSA_gen(1024); /* small: the fuzzer signs every input */
    config.sign_key = key;
    config.peer_key = key;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *in = (const char *)data + 1;
    size_t n = size - 1;
    char *buf = malloc(n + 1);
    memcpy(buf, in, n);
    buf[n] = '\0';
    const char *why;
    switch (data[0] % 4) {
    case 0: {
        char *nl = memchr(buf, '\n', n);
        if (nl) {
            *nl = '\0';
            jws_verify_detached(key, buf, nl + 1, n - (size_t)(nl + 1 - buf), &why);
        }
        break;
    }
    case 1:
    case 2: {
        char *sig = jws_sign_detached(key, "AA", buf, n);
        int status;
        char *text = NULL, *rsig = NULL;
        aa_callback(&config, &STORE, data[0] % 4 == 1 ? AA_CONSENT_NOTIFICATION : AA_FI_NOTIFICATION, buf, n, sig,
                    "fuzz-key", &status, &text, &rsig);
        if (!text || status < 200 || status > 599)
            abort();
        free(text);
        free(rsig);
        free(sig);
        break;
    }
    default: {
        char *payload = NULL;
        size_t plen, slen;
        const char *s;
        if (jws_open_attached(key, buf, &payload, &plen, &s, &slen, &why) == 0)
            free(payload);
        if (jws_open_attached(NULL, buf, &payload, &plen, &s, &slen, &why) == 0)
            free(payload);
    }
    }
    free(buf);
    return 0;
}
