/* Bank profiles and vocabulary, loaded from data/banks/profiles.tsv (see
 * the comment at its top). Loaded once, read-only afterwards, so any
 * thread may use it. */
#ifndef PB_EXTRACT_PROFILE_H
#define PB_EXTRACT_PROFILE_H

#include <stddef.h>

enum col_role {
    COL_NONE = 0,
    COL_DATE,
    COL_VALUE_DATE,
    COL_NARRATION,
    COL_REF,
    COL_DEBIT,
    COL_CREDIT,
    COL_AMOUNT,
    COL_DRCR,
    COL_BALANCE,
    COL_SLNO,
    COL_OTHER,
    COL_UNKNOWN, /* a label no phrase names (header.c reads its role from its cells) */
    COL__COUNT
};

enum id_field {
    IDF_NONE = 0,
    IDF_NAME,
    IDF_ACCOUNT_NUMBER,
    IDF_IFSC,
    IDF_MICR,
    IDF_ADDRESS,
    IDF_ACCOUNT_TYPE,
    IDF_PERIOD,
    IDF_OPENING,
    IDF_CLOSING,
    IDF_OD_LIMIT,
    IDF_CREDIT_LIMIT,
    IDF_EMAIL,
    IDF_PHONE,
    IDF_PAN,
    IDF_OTHER_ACCOUNT, /* another account's number (loan, deposit): not the statement's */
    IDF_IGNORE,        /* a label whose value is no identity field ("Branch Name", "Nominee") */
    IDF__COUNT
};

enum row_kind { ROWK_NONE = 0, ROWK_OPENING, ROWK_CLOSING, ROWK_SKIP, ROWK_END };

enum phrase_kind { PHRASE_HEADER, PHRASE_LABEL, PHRASE_ROW };

#define PHRASE_MAX_TOKENS 6

/* A phrase as normalised tokens ("chq ref no" -> 3 tokens). */
struct phrase {
    enum phrase_kind kind;
    int role;        /* enum col_role / id_field / row_kind */
    int ntok;
    char tok[PHRASE_MAX_TOKENS][24];
    int seq; /* place in the file */
};

struct bank_profile {
    char id[24];
    char name[64];
    char ifsc[8];
};

/* Loads the profiles (idempotent, thread-safe). Returns 0 / -1. */
int profile_load(void);

size_t profile_nbanks(void);
const struct bank_profile *profile_bank(size_t i);
/* Bank by id (case-insensitive), or -1. */
int profile_bank_find(const char *id);
/* Bank by IFSC (first four letters), or -1. */
int profile_bank_by_ifsc(const char *ifsc);

/* Phrases of one kind, in file order. */
const struct phrase *profile_phrases(enum phrase_kind kind, size_t *n);
/* Phrases of one kind whose first token is tok (*n of them, possibly 0),
 * in file order among themselves. */
const struct phrase *profile_phrases_from(enum phrase_kind kind, const char *tok, size_t *n);

/* A column word (lower case, < 24 bytes) reduced in place to the stem the
 * header phrases use ("withdrawals" -> "withdrawal"). */
void profile_header_stem(char *tok);

/* Lower-cases and splits s into alphanumeric tokens (max n, each < 24
 * bytes). Returns the number of tokens. */
int profile_tokenize(const char *s, char tok[][24], int max);

#endif
