#include "aa/jws.h"

#include <jansson.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/base64.h"

static EVP_PKEY *load(const char *path, bool private, char *err, size_t cap)
{
    FILE *f = path ? fopen(path, "r") : NULL;
    if (!f) {
        snprintf(err, cap, "cannot open %s", path ? path : "(none)");
        return NULL;
    }
    EVP_PKEY *k = private ? PEM_read_PrivateKey(f, NULL, NULL, NULL) : PEM_read_PUBKEY(f, NULL, NULL, NULL);
    if (!k && !private) { /* an X.509 certificate holding the key */
        rewind(f);
        X509 *x = PEM_read_X509(f, NULL, NULL, NULL);
        k = x ? X509_get_pubkey(x) : NULL;
        X509_free(x);
    }
    fclose(f);
    if (k && EVP_PKEY_get_base_id(k) != EVP_PKEY_RSA) {
        EVP_PKEY_free(k);
        k = NULL;
    }
    if (!k)
        snprintf(err, cap, "%s: not a PEM RSA %s key", path, private ? "private" : "public");
    return k;
}

EVP_PKEY *jws_load_private(const char *path, char *err, size_t cap)
{
    return load(path, true, err, cap);
}

EVP_PKEY *jws_load_public(const char *path, char *err, size_t cap)
{
    return load(path, false, err, cap);
}

/* The signing input: header "." payload (payload as given). */
static int digest_sign(EVP_PKEY *key, const char *hdr, const void *payload, size_t len, unsigned char **sig,
                       size_t *siglen)
{
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    int ok = md && EVP_DigestSignInit(md, NULL, EVP_sha256(), NULL, key) == 1 &&
             EVP_DigestSignUpdate(md, hdr, strlen(hdr)) == 1 && EVP_DigestSignUpdate(md, ".", 1) == 1 &&
             EVP_DigestSignUpdate(md, payload, len) == 1 && EVP_DigestSignFinal(md, NULL, siglen) == 1 &&
             (*sig = malloc(*siglen)) && EVP_DigestSignFinal(md, *sig, siglen) == 1;
    EVP_MD_CTX_free(md);
    return ok ? 0 : -1;
}

char *jws_sign_detached(EVP_PKEY *key, const char *kid, const void *body, size_t len)
{
    json_t *h = json_pack("{s:s,s:s,s:b,s:[s]}", "alg", "RS256", "kid", kid ? kid : "", "b64", 0, "crit", "b64");
    char *hjson = h ? json_dumps(h, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(h);
    char *hdr = hjson ? b64_encode(hjson, strlen(hjson), B64_URL_NOPAD) : NULL;
    free(hjson);
    unsigned char *sig = NULL;
    size_t siglen = 0;
    char *s64 = NULL, *out = NULL;
    if (hdr && digest_sign(key, hdr, body, len, &sig, &siglen) == 0 &&
        (s64 = b64_encode(sig, siglen, B64_URL_NOPAD)) && (out = malloc(strlen(hdr) + strlen(s64) + 3)))
        sprintf(out, "%s..%s", hdr, s64);
    free(hdr);
    free(sig);
    free(s64);
    return out;
}

/* Reads the protected header hdr[0..n): 0 with *b64 (payload encoded?),
 * or -1 with *why. */
static int check_header(const char *hdr, size_t n, bool *b64, const char **why)
{
    size_t jlen = 0;
    unsigned char *j = n && n <= JWS_HEADER_MAX ? b64_decode(hdr, n, &jlen) : NULL;
    json_t *h = j ? json_loadb((const char *)j, jlen, JSON_REJECT_DUPLICATES, NULL) : NULL;
    free(j);
    int rc = -1;
    *why = "malformed header";
    if (!json_is_object(h))
        goto out;
    const char *alg = json_string_value(json_object_get(h, "alg"));
    json_t *b = json_object_get(h, "b64");
    json_t *crit = json_object_get(h, "crit");
    if (!alg || strcmp(alg, "RS256")) {
        *why = "unsupported algorithm";
        goto out;
    }
    if (b && !json_is_boolean(b))
        goto out;
    *b64 = !b || json_is_true(b);
    if (crit) {
        size_t i;
        json_t *c;
        if (!json_is_array(crit))
            goto out;
        json_array_foreach(crit, i, c) {
            const char *name = json_string_value(c);
            if (!name || strcmp(name, "b64") || !b) {
                *why = "unknown critical header parameter";
                goto out;
            }
        }
    }
    rc = 0;
out:
    json_decref(h);
    return rc;
}

static int verify(EVP_PKEY *pub, const char *hdr, size_t hlen, const void *payload, size_t plen,
                  const char *sig64, size_t siglen64, const char **why)
{
    size_t slen = 0;
    unsigned char *sig = b64_decode(sig64, siglen64, &slen);
    if (!sig || !slen) {
        free(sig);
        *why = "malformed signature";
        return -1;
    }
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    int ok = md && EVP_DigestVerifyInit(md, NULL, EVP_sha256(), NULL, pub) == 1 &&
             EVP_DigestVerifyUpdate(md, hdr, hlen) == 1 && EVP_DigestVerifyUpdate(md, ".", 1) == 1 &&
             EVP_DigestVerifyUpdate(md, payload, plen) == 1 && EVP_DigestVerifyFinal(md, sig, slen) == 1;
    EVP_MD_CTX_free(md);
    free(sig);
    if (!ok)
        *why = "signature does not match";
    return ok ? 0 : -1;
}

int jws_verify_detached(EVP_PKEY *pub, const char *jws, const void *body, size_t len, const char **why)
{
    const char *d1 = jws ? strchr(jws, '.') : NULL;
    const char *d2 = d1 ? strchr(d1 + 1, '.') : NULL;
    bool b64;
    *why = "malformed signature";
    if (!pub || !d2 || d2 != d1 + 1 || strchr(d2 + 1, '.'))
        return -1; /* not "<header>..<signature>" */
    if (check_header(jws, (size_t)(d1 - jws), &b64, why))
        return -1;
    if (!b64)
        return verify(pub, jws, (size_t)(d1 - jws), body, len, d2 + 1, strlen(d2 + 1), why);
    char *enc = b64_encode(body, len, B64_URL_NOPAD);
    int rc = enc ? verify(pub, jws, (size_t)(d1 - jws), enc, strlen(enc), d2 + 1, strlen(d2 + 1), why) : -1;
    free(enc);
    return rc;
}

int jws_open_attached(EVP_PKEY *pub, const char *jws, char **payload, size_t *plen, const char **sig,
                      size_t *siglen, const char **why)
{
    /* The payload of a b64:false JWS may itself hold dots: the header ends
     * at the first, the signature starts after the last. */
    const char *d1 = jws ? strchr(jws, '.') : NULL;
    const char *d2 = d1 ? strrchr(jws, '.') : NULL;
    bool b64;
    *payload = NULL;
    *why = "malformed signature";
    if (!d2 || d2 == d1 || !d2[1])
        return -1;
    if (check_header(jws, (size_t)(d1 - jws), &b64, why))
        return -1;
    const char *p = d1 + 1;
    size_t n = (size_t)(d2 - p);
    if (pub && verify(pub, jws, (size_t)(d1 - jws), p, n, d2 + 1, strlen(d2 + 1), why))
        return -1;
    /* The payload as sent: base64url when b64 is true; some AAs send
     * b64:false in the header yet base64url the payload, so fall back to
     * decoding whatever is not JSON already. */
    unsigned char *dec = NULL;
    size_t dn = 0;
    if (b64 || (n && p[0] != '{'))
        dec = b64_decode(p, n, &dn);
    if (!dec && (dec = malloc(n + 1))) {
        memcpy(dec, p, n);
        dec[n] = '\0';
        dn = n;
    }
    if (!dec)
        return -1;
    *payload = (char *)dec;
    *plen = dn;
    *sig = d2 + 1;
    *siglen = strlen(d2 + 1);
    return 0;
}
