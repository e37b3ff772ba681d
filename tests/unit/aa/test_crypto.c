/* The AA protocol's cryptography: Base64 forms, detached JWS (RS256,
 * b64:false), Rahasya (X25519 + HKDF + AES-GCM) and the redirection
 * parameters (PBKDF2 + AES-CBC, reqdate, fi). */
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <stdlib.h>
#include <unistd.h>

#include "aa/jws.h"
#include "aa/rahasya.h"
#include "aa/redirect.h"
#include "check.h"
#include "util/base64.h"

TEST(base64_forms)
{
    const char *in = "\xfb\xff\xfe hello";
    char *std = b64_encode(in, strlen(in), B64_STD), *url = b64_encode(in, strlen(in), B64_URL),
         *np = b64_encode(in, strlen(in), B64_URL_NOPAD);
    CHECK_STR(std, "+//+IGhlbGxv");
    CHECK_STR(url, "-__-IGhlbGxv");
    CHECK_STR(np, "-__-IGhlbGxv");
    size_t n;
    for (int i = 0; i < 3; i++) {
        char *t = i == 0 ? std : i == 1 ? url : np;
        unsigned char *d = b64_decode(t, strlen(t), &n);
        CHECK(d && n == strlen(in) && !memcmp(d, in, n));
        free(d);
    }
    char *two = b64_encode("ab", 2, B64_URL), *two_np = b64_encode("ab", 2, B64_URL_NOPAD);
    CHECK_STR(two, "YWI=");
    CHECK_STR(two_np, "YWI");
    unsigned char *d = b64_decode("YWI", 3, &n); /* padding optional */
    CHECK(d && n == 2 && !memcmp(d, "ab", 2));
    free(d);
    CHECK(b64_decode("Y!I=", 4, &n) == NULL);
    CHECK(b64_decode("Y", 1, &n) == NULL);
    free(std);
    free(url);
    free(np);
    free(two);
    free(two_np);
}

/* A fresh RSA key pair in temporary PEM files. */
static void rsa_files(char priv[64], char pub[64])
{
    EVP_PKEY *k = EVP_RSA_gen(2048);
    strcpy(priv, "/tmp/pb-jws-priv-XXXXXX");
    strcpy(pub, "/tmp/pb-jws-pub-XXXXXX");
    FILE *a = fdopen(mkstemp(priv), "w"), *b = fdopen(mkstemp(pub), "w");
    PEM_write_PrivateKey(a, k, NULL, NULL, 0, NULL, NULL);
    PEM_write_PUBKEY(b, k);
    fclose(a);
    fclose(b);
    EVP_PKEY_free(k);
}

TEST(jws_detached_round_trip)
{
    char pf[64], uf[64], err[128];
    rsa_files(pf, uf);
    EVP_PKEY *priv = jws_load_private(pf, err, sizeof err), *pub = jws_load_public(uf, err, sizeof err);
    CHECK(priv && pub);
    const char *body = "{\"ver\":\"2.0.0\",\"txnid\":\"t1\"}";
    char *sig = jws_sign_detached(priv, "passbook-fiu", body, strlen(body));
    CHECK(sig && strstr(sig, "..") && !strchr(strstr(sig, "..") + 2, '.'));
    /* the header says RS256, the kid, b64:false and crit */
    size_t n;
    unsigned char *h = b64_decode(sig, (size_t)(strchr(sig, '.') - sig), &n);
    CHECK(h && strstr((char *)h, "\"alg\":\"RS256\"") && strstr((char *)h, "\"kid\":\"passbook-fiu\"") &&
          strstr((char *)h, "\"b64\":false") && strstr((char *)h, "\"crit\":[\"b64\"]"));
    free(h);
    const char *why = NULL;
    CHECK_INT(jws_verify_detached(pub, sig, body, strlen(body), &why), 0);
    /* one changed byte of the body */
    char *other = strdup(body);
    other[5] = 'X';
    CHECK_INT(jws_verify_detached(pub, sig, other, strlen(other), &why), -1);
    CHECK_STR(why, "signature does not match");
    /* a key that is not the signer's */
    char pf2[64], uf2[64];
    rsa_files(pf2, uf2);
    EVP_PKEY *pub2 = jws_load_public(uf2, err, sizeof err);
    CHECK_INT(jws_verify_detached(pub2, sig, body, strlen(body), &why), -1);
    /* alg none and HS256 are refused whatever the signature */
    char *none = b64_encode("{\"alg\":\"none\"}", 14, B64_URL_NOPAD), forged[256];
    snprintf(forged, sizeof forged, "%s..", none);
    CHECK_INT(jws_verify_detached(pub, forged, body, strlen(body), &why), -1);
    const char *hs_hdr = "{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}";
    char *hs = b64_encode(hs_hdr, strlen(hs_hdr), B64_URL_NOPAD);
    snprintf(forged, sizeof forged, "%s..AAAA", hs);
    CHECK_INT(jws_verify_detached(pub, forged, body, strlen(body), &why), -1);
    CHECK_STR(why, "unsupported algorithm");
    /* an unknown critical parameter */
    const char *crit_hdr = "{\"alg\":\"RS256\",\"b64\":false,\"crit\":[\"b64\",\"exp\"]}";
    char *crit = b64_encode(crit_hdr, strlen(crit_hdr), B64_URL_NOPAD);
    snprintf(forged, sizeof forged, "%s..%s", crit, strstr(sig, "..") + 2);
    CHECK_INT(jws_verify_detached(pub, forged, body, strlen(body), &why), -1);
    /* garbage */
    CHECK_INT(jws_verify_detached(pub, "abc", body, strlen(body), &why), -1);
    CHECK_INT(jws_verify_detached(pub, "a.b.c", body, strlen(body), &why), -1);
    CHECK_INT(jws_verify_detached(pub, NULL, body, strlen(body), &why), -1);
    free(none);
    free(hs);
    free(crit);
    free(other);
    free(sig);
    EVP_PKEY_free(priv);
    EVP_PKEY_free(pub);
    EVP_PKEY_free(pub2);
    unlink(pf);
    unlink(uf);
    unlink(pf2);
    unlink(uf2);
}

TEST(jws_attached_consent)
{
    char pf[64], uf[64], err[128];
    rsa_files(pf, uf);
    EVP_PKEY *priv = jws_load_private(pf, err, sizeof err), *pub = jws_load_public(uf, err, sizeof err);
    /* A signed consent as AAs send it: header.base64url(payload).signature */
    const char *payload = "{\"consentStart\":\"2026-01-01T00:00:00.000Z\"}";
    char *det = jws_sign_detached(priv, "aa", payload, strlen(payload)); /* b64:false, payload raw */
    char *hdr = strndup(det, (size_t)(strchr(det, '.') - det));
    char jws[2048];
    snprintf(jws, sizeof jws, "%s.%s.%s", hdr, payload, strstr(det, "..") + 2);
    char *out = NULL;
    size_t n, siglen;
    const char *sig = NULL, *why;
    CHECK_INT(jws_open_attached(pub, jws, &out, &n, &sig, &siglen, &why), 0);
    CHECK_STR(out, payload);
    CHECK_STR(sig, strstr(det, "..") + 2);
    free(out);
    /* without verification, and with the payload base64url-encoded */
    char *p64 = b64_encode(payload, strlen(payload), B64_URL_NOPAD);
    snprintf(jws, sizeof jws, "%s.%s.AAAA", hdr, p64);
    CHECK_INT(jws_open_attached(NULL, jws, &out, &n, &sig, &siglen, &why), 0);
    CHECK_STR(out, payload);
    free(out);
    CHECK_INT(jws_open_attached(pub, jws, &out, &n, &sig, &siglen, &why), -1);
    free(p64);
    free(hdr);
    free(det);
    EVP_PKEY_free(priv);
    EVP_PKEY_free(pub);
    unlink(pf);
    unlink(uf);
}

TEST(rahasya_round_trip_and_tamper)
{
    char *fiu_priv, *fiu_pub, *fiu_nonce, *fip_priv, *fip_pub, *fip_nonce;
    CHECK_INT(rahasya_keygen(&fiu_priv, &fiu_pub, &fiu_nonce), 0);
    CHECK_INT(rahasya_keygen(&fip_priv, &fip_pub, &fip_nonce), 0);
    CHECK(strstr(fiu_pub, "BEGIN PUBLIC KEY") && strstr(fiu_priv, "BEGIN PRIVATE KEY"));
    size_t n;
    unsigned char *nb = b64_decode(fiu_nonce, strlen(fiu_nonce), &n);
    CHECK_INT(n, 32);
    free(nb);
    const char *doc = "<Account xmlns=\"http://api.rebit.org.in/FISchema/deposit\"/>";
    char *enc = NULL;
    CHECK_INT(rahasya_encrypt(fip_priv, fip_nonce, fiu_pub, fiu_nonce, doc, strlen(doc), &enc), 0);
    unsigned char *plain = NULL;
    size_t plen;
    const char *why;
    CHECK_INT(rahasya_decrypt(fiu_priv, fiu_nonce, fip_pub, fip_nonce, enc, strlen(enc), &plain, &plen, &why), 0);
    CHECK(plain && plen == strlen(doc) && !memcmp(plain, doc, plen));
    free(plain);
    /* the peer key on one line, as some AAs send PEM */
    char oneline[512] = "";
    for (const char *p = fip_pub; *p; p++)
        if (*p != '\n')
            strncat(oneline, p, 1);
    CHECK_INT(rahasya_decrypt(fiu_priv, fiu_nonce, oneline, fip_nonce, enc, strlen(enc), &plain, &plen, &why), 0);
    free(plain);
    /* a flipped ciphertext byte fails authentication */
    size_t clen;
    unsigned char *ct = b64_decode(enc, strlen(enc), &clen);
    ct[3] ^= 1;
    char *bad = b64_encode(ct, clen, B64_STD);
    CHECK_INT(rahasya_decrypt(fiu_priv, fiu_nonce, fip_pub, fip_nonce, bad, strlen(bad), &plain, &plen, &why), -1);
    CHECK_STR(why, "authentication failed");
    /* the wrong nonce too */
    CHECK_INT(rahasya_decrypt(fiu_priv, fip_nonce, fip_pub, fip_nonce, enc, strlen(enc), &plain, &plen, &why), -1);
    CHECK_INT(rahasya_decrypt(fiu_priv, fiu_nonce, "not a key", fip_nonce, enc, strlen(enc), &plain, &plen, &why), -1);
    CHECK_STR(why, "bad key");
    free(ct);
    free(bad);
    free(enc);
    free(fiu_priv);
    free(fiu_pub);
    free(fiu_nonce);
    free(fip_priv);
    free(fip_pub);
    free(fip_nonce);
}

/* A fixed vector computed independently (Python cryptography: X25519,
 * HKDF-SHA256 salt = xor[0:20], AES-256-GCM iv = xor[20:32]). */
TEST(rahasya_known_vector)
{
    const char *own_priv = "-----BEGIN PRIVATE KEY-----\n"
                           "MC4CAQAwBQYDK2VuBCIEIHBxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6P\n"
                           "-----END PRIVATE KEY-----\n";
    const char *peer_hex = "d89e3bad79437dbed9f843418304f460ff05c7fe81fe4a9577a804cb9367ff66";
    const char *own_nonce = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
    const char *peer_nonce = "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICA=";
    const char *cipher = "TxGZ7sqfr6gAslOflz9hnlMt5F2SQ3T6Z2eYFQwya/6SGIIf";
    unsigned char *plain = NULL;
    size_t n;
    const char *why;
    CHECK_INT(rahasya_decrypt(own_priv, own_nonce, peer_hex, peer_nonce, cipher, strlen(cipher), &plain, &n, &why), 0);
    CHECK(plain && n == 20 && !memcmp(plain, "Passbook FI document", 20));
    free(plain);
}

TEST(redirect_params)
{
    char d[16];
    /* 6 Apr 2021 05:10:07.560 UTC */
    int64_t ms = 1617685807560LL;
    aa_reqdate(ms, d);
    CHECK_STR(d, "060420210510075");
    CHECK_INT(aa_reqdate_check(d, ms + 170000), 0);
    CHECK_INT(aa_reqdate_check(d, ms + 190000), -1);
    /* the guidelines' own reading: HHmm + milliseconds */
    CHECK_INT(aa_reqdate_check("060420210510756", 1617685800756LL + 1000), 0);
    CHECK_INT(aa_reqdate_check("06042021051075", ms), -1);
    CHECK_INT(aa_reqdate_check("0604202105100x5", ms), -1);
    char *fi = aa_xor_b64("FIUID", "031120201803460");
    char *back = aa_unxor_b64(fi, "031120201803460");
    CHECK_STR(back, "FIUID");
    free(fi);
    free(back);
    const char *plain = "txnid=T1234&sessionid=S1234&srcref=Srcref1234&userid=acme@perfios-aa&redirect=https://example.com";
    char *c = aa_redirect_encrypt("ac12ghd75kf75r", "031120201803460", plain);
    CHECK(c && !strchr(c, '+') && !strchr(c, '/'));
    char *p = aa_redirect_decrypt("ac12ghd75kf75r", "031120201803460", c);
    CHECK_STR(p, plain);
    free(p);
    /* without padding */
    char *np = strdup(c);
    while (np[strlen(np) - 1] == '=')
        np[strlen(np) - 1] = '\0';
    p = aa_redirect_decrypt("ac12ghd75kf75r", "031120201803460", np);
    CHECK_STR(p, plain);
    free(p);
    CHECK(aa_redirect_decrypt("wrong passphrase", "031120201803460", c) == NULL);
    CHECK(aa_redirect_decrypt("ac12ghd75kf75r", "031120201803461", c) == NULL);
    free(np);
    free(c);
    /* a full URL and its answer */
    struct aa_redirect_req r = {"t-1", "state&x", "9876543210@aa", "https://pb.example/journey/aa/return", "h-1"};
    char *url = aa_redirect_url("https://aa.example/webview", "FIU-1", "secret", &r, ms);
    CHECK(url && !strncmp(url, "https://aa.example/webview?fi=", 30) && strstr(url, "&reqdate=060420210510075&ecreq="));
    /* ecreq as the guidelines' sample writes it: the AA id and the return
     * URL as they are, only the form's own characters escaped */
    char *ecreq = url ? aa_form_get(strchr(url, '?') + 1, "ecreq") : NULL;
    char *req = ecreq ? aa_redirect_decrypt("secret", "060420210510075", ecreq) : NULL;
    CHECK_STR(req, "txnid=t-1&sessionid=state%26x&userid=9876543210@aa"
                   "&redirect=https://pb.example/journey/aa/return&srcref=h-1");
    free(req);
    free(ecreq);
    free(url);
    char *res = aa_redirect_encrypt("secret", "060420210510075",
                                    "txnid=t-1&sessionid=state%26x&userid=9876543210%40aa&status=F&errorcode=1");
    struct aa_redirect_res out;
    CHECK_INT(aa_redirect_parse("secret", "060420210510075", res, &out), 0);
    CHECK_STR(out.sessionid, "state&x");
    CHECK_STR(out.userid, "9876543210@aa");
    CHECK_STR(out.status, "F");
    CHECK_STR(out.errorcode, "1");
    aa_redirect_res_clear(&out);
    CHECK_INT(aa_redirect_parse("other", "060420210510075", res, &out), -1);
    free(res);
}

int main(void)
{
    RUN(base64_forms);
    RUN(jws_detached_round_trip);
    RUN(jws_attached_consent);
    RUN(rahasya_round_trip_and_tamper);
    RUN(rahasya_known_vector);
    RUN(redirect_params);
    return check_summary();
}
