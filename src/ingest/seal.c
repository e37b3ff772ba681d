#include "ingest/seal.h"

#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#include "util/secret.h"

#define NONCE 12
#define TAG 16

int seal_encrypt(const unsigned char key[32], const char *plain, unsigned char **out, size_t *outlen)
{
    size_t n = strlen(plain);
    unsigned char *buf = malloc(NONCE + n + TAG);
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int len = 0, fin = 0, ok = buf && ctx && secret_random(buf, NONCE) &&
                              EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, buf) == 1 &&
                              EVP_EncryptUpdate(ctx, buf + NONCE, &len, (const unsigned char *)plain,
                                                (int)n) == 1 &&
                              EVP_EncryptFinal_ex(ctx, buf + NONCE + len, &fin) == 1 &&
                              EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, TAG, buf + NONCE + n) == 1;
    EVP_CIPHER_CTX_free(ctx);
    if (!ok) {
        free(buf);
        return -1;
    }
    *out = buf;
    *outlen = NONCE + n + TAG;
    return 0;
}

int seal_decrypt(const unsigned char key[32], const unsigned char *in, size_t inlen, char **plain)
{
    if (inlen < NONCE + TAG)
        return -1;
    size_t n = inlen - NONCE - TAG;
    char *buf = malloc(n + 1);
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int len = 0, fin = 0;
    int ok = buf && ctx && EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, in) == 1 &&
             EVP_DecryptUpdate(ctx, (unsigned char *)buf, &len, in + NONCE, (int)n) == 1 &&
             EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, TAG, (void *)(in + NONCE + n)) == 1 &&
             EVP_DecryptFinal_ex(ctx, (unsigned char *)buf + len, &fin) == 1;
    EVP_CIPHER_CTX_free(ctx);
    if (!ok) {
        free(buf);
        return -1;
    }
    buf[n] = '\0';
    *plain = buf;
    return 0;
}
