/* Detached JSON Web Signatures as the AA network uses them (Sahamati
 * security standard, Annexure B): RS256 over the exact body bytes, header
 * {"alg":"RS256","kid":...,"b64":false,"crit":["b64"]} (RFC 7797), sent in
 * the x-jws-signature header as "<header>..<signature>" (RFC 7515
 * Appendix F).
 *
 * Verification accepts exactly RS256 (never "none", never an HMAC keyed
 * with the public key), both b64:false (the body signed as is) and the
 * plain RFC 7515 form (b64 absent or true: the body's base64url signed),
 * and refuses a header naming any other critical parameter. A kid is not
 * matched: one peer key is configured (--aa-peer-key). Thread-safe. */
#ifndef PB_AA_JWS_H
#define PB_AA_JWS_H

#include <openssl/evp.h>
#include <stddef.h>

#define JWS_HEADER_MAX 4096

/* PEM files: a private RSA key (PKCS#8 or PKCS#1); a public key (SPKI,
 * PKCS#1 or an X.509 certificate). NULL with a reason in err. */
EVP_PKEY *jws_load_private(const char *path, char *err, size_t cap);
EVP_PKEY *jws_load_public(const char *path, char *err, size_t cap);

/* "<b64url header>..<b64url signature>" over body (malloc'd), or NULL. */
char *jws_sign_detached(EVP_PKEY *key, const char *kid, const void *body, size_t len);

/* 0 when jws signs body under pub; -1 with *why ("malformed",
 * "unsupported algorithm", "signature does not match", ...). */
int jws_verify_detached(EVP_PKEY *pub, const char *jws, const void *body, size_t len, const char **why);

/* A compact JWS with its payload inside (the signedConsent of a consent
 * artefact): 0 with the payload (*payload malloc'd, NUL-terminated) and a
 * pointer into jws at its signature part (*sig, *siglen); pub may be NULL
 * to only take it apart. -1 with *why. */
int jws_open_attached(EVP_PKEY *pub, const char *jws, char **payload, size_t *plen, const char **sig,
                      size_t *siglen, const char **why);

#endif
