/* Passwords of console users, hashed with Argon2id (libargon2, the
 * reference implementation). The stored form is the PHC string
 * "$argon2id$v=19$m=...,t=...,p=...$salt$hash", so the cost can be raised
 * later without invalidating older hashes. */
#ifndef PB_UTIL_PASSWORD_H
#define PB_UTIL_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>

#define PASSWORD_HASH_MAX 128   /* the encoded form, NUL included */
#define PASSWORD_MIN_LEN 10
#define PASSWORD_MAX_LEN 256

/* Hashes password with a fresh random salt into out. Returns 0, or -1. */
int password_hash(const char *password, char out[PASSWORD_HASH_MAX]);
/* Whether password matches the encoded hash (false for a malformed hash).
 * encoded NULL: checks against a fixed dummy hash and returns false, so an
 * unknown user costs the same time as a wrong password. */
bool password_verify(const char *encoded, const char *password);
/* NULL when password is acceptable, else why not (for the CLI). */
const char *password_weakness(const char *password);

#endif
