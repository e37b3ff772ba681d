#include "aa/rahasya.h"

#include <ctype.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/base64.h"
#include "util/secret.h"

#define SALT 20
#define IV 12
#define TAG 16

static char *bio_text(BIO *b)
{
    char *p = NULL;
    long n = BIO_get_mem_data(b, &p);
    char *s = n > 0 ? malloc((size_t)n + 1) : NULL;
    if (s) {
        memcpy(s, p, (size_t)n);
        s[n] = '\0';
    }
    return s;
}

int rahasya_keygen(char **private_pem, char **public_pem, char **nonce_b64)
{
    *private_pem = *public_pem = *nonce_b64 = NULL;
    EVP_PKEY *k = EVP_PKEY_Q_keygen(NULL, NULL, "X25519");
    BIO *a = BIO_new(BIO_s_mem()), *b = BIO_new(BIO_s_mem());
    unsigned char nonce[RAHASYA_NONCE];
    int ok = k && a && b && PEM_write_bio_PrivateKey(a, k, NULL, NULL, 0, NULL, NULL) == 1 &&
             PEM_write_bio_PUBKEY(b, k) == 1 && secret_random(nonce, sizeof nonce) &&
             (*private_pem = bio_text(a)) && (*public_pem = bio_text(b)) &&
             (*nonce_b64 = b64_encode(nonce, sizeof nonce, B64_STD));
    EVP_PKEY_free(k);
    BIO_free(a);
    BIO_free(b);
    explicit_bzero(nonce, sizeof nonce);
    if (!ok) {
        free(*private_pem);
        free(*public_pem);
        free(*nonce_b64);
        *private_pem = *public_pem = *nonce_b64 = NULL;
    }
    return ok ? 0 : -1;
}

/* The DER (or raw) bytes of a key as sent: PEM armour and whitespace
 * dropped, then hex or Base64. */
static unsigned char *key_bytes(const char *text, size_t *n)
{
    size_t len = strlen(text);
    char *body = malloc(len + 1);
    if (!body)
        return NULL;
    size_t o = 0;
    for (const char *p = text; *p;) {
        if (!strncmp(p, "-----", 5)) { /* "-----BEGIN ...-----" / "-----END ...-----" */
            const char *e = strstr(p + 5, "-----");
            if (!e)
                break;
            p = e + 5;
            continue;
        }
        if (!isspace((unsigned char)*p) && *p != '\\')
            body[o++] = *p;
        else if (*p == '\\' && p[1] == 'n')
            p++; /* a JSON-escaped line break left in the text */
        p++;
    }
    body[o] = '\0';
    unsigned char *out = NULL;
    bool hex = o == 64;
    for (size_t i = 0; hex && i < o; i++)
        hex = isxdigit((unsigned char)body[i]);
    if (hex && (out = malloc(32))) {
        for (size_t i = 0; i < 32; i++) {
            unsigned v;
            sscanf(body + 2 * i, "%2x", &v);
            out[i] = (unsigned char)v;
        }
        *n = 32;
    } else if (!hex) {
        out = b64_decode(body, o, n);
    }
    free(body);
    return out;
}

static EVP_PKEY *x25519_public(const char *text)
{
    size_t n = 0;
    unsigned char *d = text ? key_bytes(text, &n) : NULL;
    EVP_PKEY *k = NULL;
    if (d && n == 32) {
        k = EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, NULL, d, 32);
    } else if (d) {
        const unsigned char *p = d;
        k = d2i_PUBKEY(NULL, &p, (long)n);
        if (k && EVP_PKEY_get_base_id(k) != EVP_PKEY_X25519) {
            EVP_PKEY_free(k);
            k = NULL;
        }
    }
    free(d);
    return k;
}

static EVP_PKEY *x25519_private(const char *pem)
{
    BIO *b = pem ? BIO_new_mem_buf(pem, -1) : NULL;
    EVP_PKEY *k = b ? PEM_read_bio_PrivateKey(b, NULL, NULL, NULL) : NULL;
    BIO_free(b);
    if (k && EVP_PKEY_get_base_id(k) != EVP_PKEY_X25519) {
        EVP_PKEY_free(k);
        k = NULL;
    }
    return k;
}

/* The AES key and IV from both keys and both nonces. */
static int session_key(const char *own_private_pem, const char *own_nonce_b64, const char *peer_public,
                       const char *peer_nonce_b64, unsigned char key[32], unsigned char iv[IV],
                       const char **why)
{
    EVP_PKEY *own = x25519_private(own_private_pem), *peer = x25519_public(peer_public);
    size_t n1 = 0, n2 = 0, slen = 32;
    unsigned char *a = own_nonce_b64 ? b64_decode(own_nonce_b64, strlen(own_nonce_b64), &n1) : NULL;
    unsigned char *b = peer_nonce_b64 ? b64_decode(peer_nonce_b64, strlen(peer_nonce_b64), &n2) : NULL;
    unsigned char shared[32], x[RAHASYA_NONCE];
    EVP_PKEY_CTX *dh = NULL, *kdf = NULL;
    int rc = -1;
    *why = !own || !peer ? "bad key" : "bad nonce";
    if (!own || !peer || !a || !b || n1 != RAHASYA_NONCE || n2 == 0)
        goto out;
    for (size_t i = 0; i < RAHASYA_NONCE; i++)
        x[i] = a[i] ^ b[i % n2]; /* as Rahasya does when the peer's nonce is shorter */
    *why = "key agreement failed";
    dh = EVP_PKEY_CTX_new(own, NULL);
    if (!dh || EVP_PKEY_derive_init(dh) != 1 || EVP_PKEY_derive_set_peer(dh, peer) != 1 ||
        EVP_PKEY_derive(dh, shared, &slen) != 1 || slen != 32)
        goto out;
    kdf = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, NULL);
    size_t klen = 32;
    if (!kdf || EVP_PKEY_derive_init(kdf) != 1 || EVP_PKEY_CTX_set_hkdf_md(kdf, EVP_sha256()) != 1 ||
        EVP_PKEY_CTX_set1_hkdf_salt(kdf, x, SALT) != 1 || EVP_PKEY_CTX_set1_hkdf_key(kdf, shared, 32) != 1 ||
        EVP_PKEY_derive(kdf, key, &klen) != 1 || klen != 32)
        goto out;
    memcpy(iv, x + SALT, IV);
    rc = 0;
out:
    explicit_bzero(shared, sizeof shared);
    explicit_bzero(x, sizeof x);
    EVP_PKEY_CTX_free(dh);
    EVP_PKEY_CTX_free(kdf);
    EVP_PKEY_free(own);
    EVP_PKEY_free(peer);
    free(a);
    free(b);
    return rc;
}

int rahasya_decrypt(const char *own_private_pem, const char *own_nonce_b64, const char *peer_public,
                    const char *peer_nonce_b64, const char *data_b64, size_t data_len, unsigned char **out,
                    size_t *outlen, const char **why)
{
    unsigned char key[32], iv[IV];
    *out = NULL;
    if (session_key(own_private_pem, own_nonce_b64, peer_public, peer_nonce_b64, key, iv, why))
        return -1;
    size_t n = 0;
    unsigned char *ct = data_len / 4 * 3 <= RAHASYA_MAX_DATA + TAG + 3 ? b64_decode(data_b64, data_len, &n) : NULL;
    unsigned char *pt = ct && n >= TAG ? malloc(n - TAG + 1) : NULL;
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int len = 0, fin = 0;
    int ok = pt && c && EVP_DecryptInit_ex(c, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1 &&
             EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, IV, NULL) == 1 &&
             EVP_DecryptInit_ex(c, NULL, NULL, key, iv) == 1 &&
             EVP_DecryptUpdate(c, pt, &len, ct, (int)(n - TAG)) == 1 &&
             EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, TAG, ct + n - TAG) == 1;
    bool authentic = ok && EVP_DecryptFinal_ex(c, pt + len, &fin) == 1;
    EVP_CIPHER_CTX_free(c);
    explicit_bzero(key, sizeof key);
    free(ct);
    if (!authentic) {
        free(pt);
        *why = !ct || n < TAG ? "encryptedFI is not Base64 ciphertext" : ok ? "authentication failed" : "decryption failed";
        return -1;
    }
    pt[n - TAG] = '\0';
    *out = pt;
    *outlen = n - TAG;
    return 0;
}

int rahasya_encrypt(const char *own_private_pem, const char *own_nonce_b64, const char *peer_public,
                    const char *peer_nonce_b64, const void *data, size_t n, char **out)
{
    unsigned char key[32], iv[IV];
    const char *why;
    *out = NULL;
    if (n > RAHASYA_MAX_DATA ||
        session_key(own_private_pem, own_nonce_b64, peer_public, peer_nonce_b64, key, iv, &why))
        return -1;
    unsigned char *ct = malloc(n + TAG);
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int len = 0, fin = 0;
    int ok = ct && c && EVP_EncryptInit_ex(c, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1 &&
             EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, IV, NULL) == 1 &&
             EVP_EncryptInit_ex(c, NULL, NULL, key, iv) == 1 &&
             EVP_EncryptUpdate(c, ct, &len, data, (int)n) == 1 && EVP_EncryptFinal_ex(c, ct + len, &fin) == 1 &&
             EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, TAG, ct + n) == 1;
    EVP_CIPHER_CTX_free(c);
    explicit_bzero(key, sizeof key);
    if (ok)
        *out = b64_encode(ct, n + TAG, B64_STD);
    free(ct);
    return ok && *out ? 0 : -1;
}
