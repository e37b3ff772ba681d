/* An organisation: a lender using Passbook, with its credentials (stored
 * hashed), the upload modes it may use and its webhook settings. */
#ifndef PB_CORE_ORG_H
#define PB_CORE_ORG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/secret.h"

/* API keys and server hashes are 256-bit random values, shown once as
 * 64 hex characters and stored as their SHA-256. */
#define ORG_SECRET_HEX 65

struct org {
    char id[PB_UUID_BUF];
    char *name;
    char api_key_hash[PB_SHA256_HEX];
    char server_hash_hash[PB_SHA256_HEX];
    int modes;                 /* MODE_* bits of core/session_req.h */
    char *webhook_url;         /* NULL when not configured */
    int webhook_mode;
    char *webhook_secret;      /* sent as x-secret-key; NULL when none */
    char *acceptance;          /* "missing_upload_months" (default) or "missing_upload_date_range" */
    int acceptance_tolerance_days;
    int64_t created_at;        /* unix seconds */
};

/* Frees the strings an org owns (not the struct itself). */
void org_clear(struct org *o);

/* Parses "pdf,aa,online" (any order, any case) into MODE_* bits. Returns
 * false on an unknown or empty list. */
bool org_modes_parse(const char *s, int *out);
/* "pdf,aa" into buf (>= 32 bytes). */
const char *org_modes_format(int modes, char *buf, size_t len);

/* Whether acceptance is a criterion an organisation may choose
 * ("missing_upload_months" or "missing_upload_date_range") with a
 * tolerance of 0-366 days. */
bool org_acceptance_valid(const char *acceptance, long tolerance_days);

/* Fresh credentials: a random api key and server hash (hex, shown to the
 * operator once) and their hashes for storage. */
bool org_new_secret(char key[ORG_SECRET_HEX], char hash[PB_SHA256_HEX]);
/* The stored form of a presented key. */
void org_hash_secret(const char *key, char hash[PB_SHA256_HEX]);

#endif
