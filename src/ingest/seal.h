/* Sealing small secrets at rest (PDF passwords): AES-256-GCM under a
 * 32-byte server key, output = 12-byte nonce || ciphertext || 16-byte tag. */
#ifndef PB_INGEST_SEAL_H
#define PB_INGEST_SEAL_H

#include <stddef.h>

/* *out is malloc'd (caller frees). Returns 0 / -1. */
int seal_encrypt(const unsigned char key[32], const char *plain, unsigned char **out, size_t *outlen);
/* *plain is malloc'd and NUL-terminated. Returns -1 when tampered or on error. */
int seal_decrypt(const unsigned char key[32], const unsigned char *in, size_t inlen, char **plain);

#endif
