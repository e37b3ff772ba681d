/* End-to-end encryption of FI data as the AA network does it (Sahamati's
 * Rahasya, the X25519 path): each side makes a fresh X25519 key pair and a
 * random 32-byte nonce per FI request; the data key is
 *   shared = X25519(own private, peer public)
 *   x      = own nonce XOR peer nonce        (32 bytes)
 *   key    = HKDF-SHA256(ikm = shared, salt = x[0..20), info = empty, 32 bytes)
 *   iv     = x[20..32)                         (12 bytes)
 * and encryptedFI = Base64(AES-256-GCM(key, iv, document) || 16-byte tag).
 *
 * Public keys (KeyMaterial.DHPublicKey.KeyValue) are accepted as PEM
 * SubjectPublicKeyInfo (OID 1.3.101.110, with or without line breaks),
 * Base64 of that DER, 64 hex digits or Base64 of the 32 raw bytes.
 * BouncyCastle's short-Weierstrass "Curve25519" keys are refused. */
#ifndef PB_AA_RAHASYA_H
#define PB_AA_RAHASYA_H

#include <stddef.h>

#define RAHASYA_NONCE 32
#define RAHASYA_MAX_DATA (64u << 20) /* one decrypted FI document at most */

/* A fresh key pair: *private_pem (PKCS#8) and *public_pem (SPKI), both
 * malloc'd, and a random nonce as Base64 (*nonce_b64 malloc'd). 0 / -1. */
int rahasya_keygen(char **private_pem, char **public_pem, char **nonce_b64);

/* Decrypts data_b64 with our private key (PEM) and nonce and the peer's
 * public key and nonce (both as sent). 0 with *out (malloc'd, NUL after
 * the *outlen bytes), or -1 with *why ("bad key", "bad nonce",
 * "authentication failed" for a tampered ciphertext, ...). */
int rahasya_decrypt(const char *own_private_pem, const char *own_nonce_b64, const char *peer_public,
                    const char *peer_nonce_b64, const char *data_b64, size_t data_len, unsigned char **out,
                    size_t *outlen, const char **why);

/* The other direction (the FIP's side), for tests and fuzzing: *out is
 * the Base64 text (malloc'd). */
int rahasya_encrypt(const char *own_private_pem, const char *own_nonce_b64, const char *peer_public,
                    const char *peer_nonce_b64, const void *data, size_t len, char **out);

#endif
