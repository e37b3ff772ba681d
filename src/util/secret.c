#include "util/secret.h"

#include <ctype.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void hex_encode(const unsigned char *in, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[in[i] >> 4];
        out[2 * i + 1] = digits[in[i] & 15];
    }
    out[2 * n] = '\0';
}

bool secret_random(void *buf, size_t n)
{
    return RAND_bytes(buf, (int)n) == 1;
}

bool secret_random_hex(char *out, size_t n)
{
    unsigned char tmp[64];
    if (n > sizeof tmp || !secret_random(tmp, n))
        return false;
    hex_encode(tmp, n, out);
    return true;
}

/* Ids take their random bytes from a per-thread buffer that one RAND_bytes
 * call refills every 64 ids: a RAND_bytes call costs a system call
 * (OpenSSL's fork check, getpid) besides its work, and a session create
 * needs one id. A byte handed out is wiped from the buffer. A child of
 * fork() forgets the forking thread's buffer, so that parent and child
 * never hand out the same ids. Secrets (keys, tokens, salts) still come
 * straight from secret_random. */
#define ID_POOL 1024
static __thread unsigned char id_pool[ID_POOL];
static __thread size_t id_left;
static pthread_once_t id_atfork_once = PTHREAD_ONCE_INIT;

static void id_pool_forget(void)
{
    OPENSSL_cleanse(id_pool, sizeof id_pool);
    id_left = 0;
}

static void id_atfork(void)
{
    pthread_atfork(NULL, NULL, id_pool_forget);
}

static bool id_random(unsigned char *out, size_t n)
{
    pthread_once(&id_atfork_once, id_atfork);
    if (id_left < n) {
        if (!secret_random(id_pool, sizeof id_pool))
            return false;
        id_left = sizeof id_pool;
    }
    id_left -= n;
    memcpy(out, id_pool + id_left, n);
    OPENSSL_cleanse(id_pool + id_left, n);
    return true;
}

/* 16 bytes as a UUID of version 4 and RFC 4122's variant, lower case. */
static void uuid_format(unsigned char b[16], char out[PB_UUID_BUF])
{
    char hex[33];
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    hex_encode(b, 16, hex);
    memcpy(out, hex, 8);
    out[8] = '-';
    memcpy(out + 9, hex + 8, 4);
    out[13] = '-';
    memcpy(out + 14, hex + 12, 4);
    out[18] = '-';
    memcpy(out + 19, hex + 16, 4);
    out[23] = '-';
    memcpy(out + 24, hex + 20, 12);
    out[36] = '\0';
}

bool uuid_v4(char out[PB_UUID_BUF])
{
    unsigned char b[16];
    if (!id_random(b, sizeof b))
        return false;
    uuid_format(b, out);
    return true;
}

bool uuid_timed(char out[PB_UUID_BUF], int64_t ms)
{
    unsigned char b[16];
    if (!id_random(b, sizeof b))
        return false;
    uint32_t t = (uint32_t)ms & UUID_TIME_MASK;
    b[0] = (unsigned char)(t >> 18);
    b[1] = (unsigned char)(t >> 10);
    b[2] = (unsigned char)(t >> 2);
    b[3] = (unsigned char)((t & 3) << 6 | (b[3] & 0x3f));
    uuid_format(b, out);
    return true;
}

bool uuid_valid(const char *s)
{
    if (!s || strlen(s) != 36)
        return false;
    for (int i = 0; i < 36; i++) {
        char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

const char *id_short(const char *id)
{
    size_t n = strlen(id);
    return n > 8 ? id + n - 8 : id;
}

bool uuid_lower(const char *s, char out[PB_UUID_BUF])
{
    if (!uuid_valid(s))
        return false;
    for (int i = 0; i < PB_UUID_BUF; i++)
        out[i] = (char)tolower((unsigned char)s[i]);
    return true;
}

/* SHA256() looks the algorithm up on every call (EVP_Q_digest), which cost
 * more than the hashing itself for short inputs such as transaction hashes:
 * fetch it once. */
static EVP_MD *sha256_md;
static pthread_once_t sha256_once = PTHREAD_ONCE_INIT;

static void sha256_fetch(void)
{
    sha256_md = EVP_MD_fetch(NULL, "SHA256", NULL);
}

void sha256_hex(const void *data, size_t len, char out[PB_SHA256_HEX])
{
    unsigned char md[SHA256_DIGEST_LENGTH];
    pthread_once(&sha256_once, sha256_fetch);
    if (!sha256_md || !EVP_Digest(data, len, md, NULL, sha256_md, NULL))
        abort(); /* no SHA-256 in libcrypto: nothing sensible to return */
    hex_encode(md, sizeof md, out);
}

void hmac_sha256_hex(const void *key, size_t keylen, const void *data, size_t len,
                     char out[PB_SHA256_HEX])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    HMAC(EVP_sha256(), key, (int)keylen, data, len, md, &mdlen);
    hex_encode(md, mdlen, out);
}

bool secret_equal(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la != lb)
        return false;
    return CRYPTO_memcmp(a, b, la) == 0;
}
