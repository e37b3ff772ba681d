/* Rule tables: tab-separated files under data/rules/ (compiled into the
 * binary), parsed once into matchers. A matcher is one pattern of one of
 * four kinds; every table row owns one. Matching is case-insensitive. */
#ifndef PB_ENRICH_RULES_H
#define PB_ENRICH_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A text's signature: one bit per (hashed) pair of adjacent characters. A
 * pattern can only occur in a text whose signature has all its pairs' bits,
 * so most rules are ruled out with four ANDs instead of a strstr. */
#define SIG_WORDS 4
struct rtext {
    const char *up;              /* the text, upper case */
    uint64_t sig[SIG_WORDS];
};
void rtext_init(struct rtext *t, const char *upper);

/* A compiled rule regex: PCRE2, JIT-compiled where the platform allows
 * (glibc's POSIX regexec was most of the classification's time). Patterns
 * are matched against upper-case text; a regex means what it means in
 * POSIX ERE, quantifiers greedy. */
struct rx {
    void *code; /* pcre2_code */
};
/* Returns 0, or -1 when the pattern does not compile. */
int rx_compile(struct rx *r, const char *pattern);
void rx_free(struct rx *r);
/* True when r matches somewhere in s; when group > 0, *so and *eo are that
 * group's offsets (-1 when it did not take part). Thread-safe. */
bool rx_match(const struct rx *r, const char *s, int group, long *so, long *eo);

enum match_kind { MATCH_PREFIX, MATCH_CONTAINS, MATCH_WORD, MATCH_REGEX };

struct matcher {
    enum match_kind kind;
    char *pattern;   /* upper case */
    struct rx re;    /* compiled once, for MATCH_REGEX */
    bool compiled;
    char anchor[24]; /* literal start of a ^-anchored regex without top-level | */
    char **needs;    /* optional prefilter: the text must contain one of these */
    size_t nneeds;
    uint64_t sig[SIG_WORDS];      /* the pattern's pairs (not for regexes) */
    uint64_t (*need_sig)[SIG_WORDS];
};

/* One TSV table: rows of fields, comments (#) and blank lines dropped. */
struct tsv {
    char ***rows;    /* rows[i][j], NUL-terminated fields */
    size_t *ncols;
    size_t nrows;
    char *buf;       /* the text the fields point into */
};

/* Parses the embedded file data/<path> into t. Returns 0, or -1 when the file
 * is missing (err says which). The caller frees t with tsv_free. */
int tsv_load(const char *path, struct tsv *t, const char **err);
void tsv_free(struct tsv *t);
/* Field j of row i, or "" when the row is shorter. "-" also reads as "". */
const char *tsv_field(const struct tsv *t, size_t i, size_t j);

/* Compiles pattern of the named kind ("prefix", "contains", "word",
 * "regex"). Returns 0, or -1 on an unknown kind or a bad regex. */
int matcher_init(struct matcher *m, const char *kind, const char *pattern);
void matcher_free(struct matcher *m);
/* Sets the prefilter from a comma-separated list ("" = none): a regex is
 * only run on text containing one of the words, which keeps the ~70 rules
 * cheap per narration. */
void matcher_set_needs(struct matcher *m, const char *list);
/* The literal text a "^..." regex must start with ("" when none can be
 * told: unanchored, or alternatives at the top level). */
void regex_anchor(const char *re, char *out, size_t cap);
/* upper is the text in upper case; every kind matches it (patterns are
 * upper-cased at load, so matching is case-insensitive). raw is unused. */
bool matcher_test(const struct matcher *m, const char *upper, const char *raw);
/* The same, with the text's signature ruling most patterns out cheaply. */
bool matcher_match(const struct matcher *m, const struct rtext *t);

/* Upper-cases s into a new string. Caller frees. */
char *str_upper_dup(const char *s);
/* True when needle (upper case) occurs in hay (upper case) bounded by
 * non-alphanumeric characters or the ends. */
bool str_has_word(const char *hay, const char *needle);

#endif
