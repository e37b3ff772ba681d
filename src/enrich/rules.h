/* Rule tables: tab-separated files under data/rules/ (compiled into the
 * binary), parsed once into matchers. A matcher is one pattern of one of
 * four kinds; every table row owns one. Matching is case-insensitive. */
#ifndef PB_ENRICH_RULES_H
#define PB_ENRICH_RULES_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>

enum match_kind { MATCH_PREFIX, MATCH_CONTAINS, MATCH_WORD, MATCH_REGEX };

struct matcher {
    enum match_kind kind;
    char *pattern;   /* upper case */
    regex_t re;      /* compiled once, for MATCH_REGEX */
    bool compiled;
    char anchor[24]; /* literal start of a ^-anchored regex without top-level | */
    char **needs;    /* optional prefilter: the text must contain one of these */
    size_t nneeds;
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

/* Upper-cases s into a new string. Caller frees. */
char *str_upper_dup(const char *s);
/* True when needle (upper case) occurs in hay (upper case) bounded by
 * non-alphanumeric characters or the ends. */
bool str_has_word(const char *hay, const char *needle);

#endif
