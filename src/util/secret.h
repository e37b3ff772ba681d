/* Secrets and identifiers: CSPRNG bytes, UUIDv4, SHA-256, HMAC-SHA256, and
 * constant-time comparison. Backed by OpenSSL. */
#ifndef PB_UTIL_SECRET_H
#define PB_UTIL_SECRET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PB_UUID_BUF 37   /* 36 chars + NUL */
#define PB_SHA256_HEX 65 /* 64 hex chars + NUL */

/* Fills buf with n bytes from the OS CSPRNG. Returns false on failure. */
bool secret_random(void *buf, size_t n);
/* n random bytes as 2n lower-case hex chars into out (2n+1 bytes). */
bool secret_random_hex(char *out, size_t n);
/* A random RFC 4122 version-4 UUID, lower case. */
bool uuid_v4(char out[PB_UUID_BUF]);
/* A session id: a UUID of the same shape (version 4, 96 random bits)
 * whose first 26 bits are the time ms (milliseconds, modulo 2^26: about 18.6
 * hours). Ids made close together are close in the database's primary-key
 * index, so a group commit's inserts share a few pages instead of dirtying
 * one each (docs/operations.md); 96 random bits keep them unguessable. */
#define UUID_TIME_MASK 0x3ffffffu
bool uuid_timed(char out[PB_UUID_BUF], int64_t ms);
bool uuid_valid(const char *s);
/* What logs, the console and file names show of an id: its last 8
 * characters (random in every id; the first ones of a session id are its
 * creation time, shared by the sessions made at the same moment). The id
 * itself when shorter. */
const char *id_short(const char *id);
/* A valid UUID s, in either case, written to out in lower case (the form
 * every id is stored in). false, out untouched, when s is NULL or not a UUID. */
bool uuid_lower(const char *s, char out[PB_UUID_BUF]);

void sha256_hex(const void *data, size_t len, char out[PB_SHA256_HEX]);
void hmac_sha256_hex(const void *key, size_t keylen, const void *data, size_t len,
                     char out[PB_SHA256_HEX]);

/* Compares two strings in time that depends only on their lengths. */
bool secret_equal(const char *a, const char *b);

void hex_encode(const unsigned char *in, size_t n, char *out);

#endif
