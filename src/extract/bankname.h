/* Which catalogue bank a line of a statement names. The names are the
 * catalogue's full names (data/banks.tsv) and the other names banks print
 * (data/banks/names.tsv), compared as normalised word sequences: case,
 * punctuation, "the", "& / and", "Ltd" and what follows it are ignored, and
 * spellings that vary (co-op / co-operative, sahkari / sahakari, nagrik /
 * nagarik, grameena / gramin, plurals) are one word. Thread-safe. */
#ifndef PB_EXTRACT_BANKNAME_H
#define PB_EXTRACT_BANKNAME_H

#include <stdbool.h>

#include "core/bank.h"

#define BN_MAX_WORDS 96

/* A line as normalised words; punct says punctuation (not a full stop)
 * separates the word from the one before: "Office: HDFC Bank". */
struct bn_text {
    char w[BN_MAX_WORDS][24];
    bool punct[BN_MAX_WORDS];
    int n;
};

struct bn_match {
    const struct bank_info *bank;
    int words; /* length of the name matched: longer is more specific */
};

void bankname_words(const char *text, struct bn_text *out);

/* The most specific bank name in t, starting where a name can start (the
 * line's start, after punctuation or after a word like "the", "to", "of";
 * never after "near"/"opp." or inside a longer name: "Shree Samarth
 * Sahakari Bank" does not name "Samarth Sahakari Bank"). */
bool bankname_find(const struct bn_text *t, struct bn_match *out);

/* The line names some co-operative, rural or regional bank ("... Urban
 * Co-op Bank"), known to the catalogue or not. */
bool bankname_coop_like(const struct bn_text *t);

/* The line carries a mark of a bank account outside India: IBAN, sort code,
 * routing number, BSB, or a currency other than the rupee. */
bool bankname_foreign_mark(const struct bn_text *t);

/* The bank whose own internet domain a host name in text is or lies under
 * ("www.hdfcbank.com", "care@icicibank.com", "onlinesbi.sbi/..."); NULL if
 * none. */
const struct bank_info *bankname_domain(const char *text);

#endif
