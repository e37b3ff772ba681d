/* The hand-over to the AA's consent page and back (Sahamati AA
 * redirection guidelines):
 *   webview?fi=<Base64(FIU id XOR reqdate)>&reqdate=<15 digits>&ecreq=<...>
 * ecreq / ecres are the form-encoded parameters, AES-256-CBC with a zero
 * IV and PKCS#5 padding under PBKDF2-HMAC-SHA256(passphrase, salt =
 * reqdate/resdate as text, 65,536 rounds, 32 bytes), Base64 URL-safe (as
 * the guidelines' Java sample: padded; accepted with or without '=').
 *
 * reqdate/resdate: ddMMyyyyHHmmss plus tenths of a second, UTC (the
 * contract's reading). The guidelines' own example reads as ddMMyyyyHHmm
 * plus milliseconds; a resdate is accepted when either reading falls
 * within AA_REDIRECT_WINDOW seconds of now. */
#ifndef PB_AA_REDIRECT_H
#define PB_AA_REDIRECT_H

#include <stddef.h>
#include <stdint.h>

#define AA_REDIRECT_WINDOW 180
#define AA_REQDATE_LEN 15
#define AA_PBKDF2_ROUNDS 65536

/* now_ms (unix milliseconds) as a reqdate into out (>= 16 bytes). */
void aa_reqdate(int64_t now_ms, char out[AA_REQDATE_LEN + 1]);
/* 0 when date (either reading) is within AA_REDIRECT_WINDOW s of now_ms. */
int aa_reqdate_check(const char *date, int64_t now_ms);

/* Base64(text XOR key), key repeated (the fi parameter). malloc'd. */
char *aa_xor_b64(const char *text, const char *key);
/* The reverse: malloc'd text or NULL. */
char *aa_unxor_b64(const char *b64, const char *key);

/* Encrypts plain under the passphrase and salt: malloc'd URL-safe Base64. */
char *aa_redirect_encrypt(const char *passphrase, const char *salt, const char *plain);
/* Decrypts ecres/ecreq text: malloc'd plain text, or NULL (bad Base64,
 * wrong passphrase or salt, tampered). */
char *aa_redirect_decrypt(const char *passphrase, const char *salt, const char *cipher_b64);

struct aa_redirect_req {
    const char *txnid, *sessionid, *userid, *redirect, *srcref;
};
/* The AA's consent page URL for r: webview?fi=..&reqdate=..&ecreq=..
 * (malloc'd), or NULL. */
char *aa_redirect_url(const char *webview, const char *fiu_id, const char *passphrase,
                      const struct aa_redirect_req *r, int64_t now_ms);

/* What comes back (ecres), each field malloc'd or NULL. */
struct aa_redirect_res {
    char *txnid, *sessionid, *userid, *status, *errorcode, *srcref;
};
/* 0 with *out filled from ecres (decrypted with resdate as salt), or -1. */
int aa_redirect_parse(const char *passphrase, const char *resdate, const char *ecres,
                      struct aa_redirect_res *out);
void aa_redirect_res_clear(struct aa_redirect_res *r);

/* The value of name in an application/x-www-form-urlencoded string
 * (malloc'd, decoded), or NULL. */
char *aa_form_get(const char *form, const char *name);

#endif
