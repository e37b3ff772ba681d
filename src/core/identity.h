/* The account holder's identity as a statement prints it, and the one table
 * of its fields. Everything that stores, loads, prints or frees an
 * identity walks IDENTITY_FIELDS, so a new field is one row in identity.c
 * (and the extraction that fills it). */
#ifndef PB_CORE_IDENTITY_H
#define PB_CORE_IDENTITY_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/money.h"

struct identity {
    char *name;
    char *account_number;
    char *ifsc;
    char *micr;
    char *address;
    char *account_category; /* "individual" / "corporate" or NULL */
    char *account_type;     /* "SAVINGS" / "CURRENT" / "OVERDRAFT" ... or NULL */
    char *raw_account_category;
    pb_paise od_limit;      /* 0 when none printed */
    pb_paise credit_limit;
    char *email, *phone, *pan;
};

enum identity_kind { IDF_TEXT, IDF_PAISE };

struct identity_field {
    const char *key;     /* stored form, `passbook parse`, identity/ and upload responses */
    const char *finbox;  /* its name in insights account_details (FinBox §2.8) */
    enum identity_kind kind;
    size_t offset;       /* into struct identity */
};

extern const struct identity_field IDENTITY_FIELDS[];
extern const size_t IDENTITY_NFIELDS;

/* The text field f of id (NULL when absent). */
const char *identity_text(const struct identity *id, const struct identity_field *f);
/* The money field f of id, in paise. */
pb_paise identity_paise(const struct identity *id, const struct identity_field *f);

/* Stored form: every field under its key, text as a string or null, money
 * as integer paise. New reference. */
json_t *identity_to_json(const struct identity *id);
/* Reads the stored form into id (zeroed first): unknown keys are ignored,
 * missing ones stay NULL / 0. The strings are id's own. */
void identity_from_json(const json_t *j, struct identity *id);
/* Shown form: money in rupees, null when none was printed; names as `key`,
 * or as `finbox` when finbox_names. New reference. */
json_t *identity_api_json(const struct identity *id, bool finbox_names);
/* Deep copy (out zeroed first). */
void identity_copy(struct identity *out, const struct identity *in);
bool identity_equal(const struct identity *a, const struct identity *b);
/* Frees the strings id owns (not id itself). */
void identity_free(struct identity *id);

#endif
