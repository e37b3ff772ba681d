/* Readability of the text layer. See textcheck.h. */
#include "extract/textcheck.h"

#include <ctype.h>
#include <string.h>

#include "extract/profile.h"
#include "extract/token.h"
#include "util/utf8.h"

#define MIN_CHARS 200 /* below this, too little text to judge */
#define MIN_WORDS 60
#define MIN_GARBLED 10 /* words wholly unmapped that make a font broken */

bool textcheck_mostly_unmapped(const struct layout *l)
{
    return l->nchars >= MIN_CHARS && l->nunmapped * 5 >= l->nchars;
}

/* Every code point of the word is unmapped, and it has three or more: the
 * word a broken font printed (a lone unmapped rupee sign or bullet is not). */
static bool garbled_word(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), points = 0;
    for (size_t i = 0; i < n; points++) {
        size_t k = utf8_seq_len(p + i, n - i);
        if (!k)
            return false;
        int c = k == 1 ? p[i]
                : k == 2 ? (p[i] & 0x1F) << 6 | (p[i + 1] & 0x3F)
                : k == 3 ? (p[i] & 0x0F) << 12 | (p[i + 1] & 0x3F) << 6 | (p[i + 2] & 0x3F)
                         : 0x10000; /* beyond the plane of the marks we look for */
        if (!layout_char_unmapped(c))
            return false;
        i += k;
    }
    return points >= 3;
}

bool textcheck_font_broken(const struct layout *l)
{
    size_t garbled = 0;
    for (size_t i = 0; i < l->nwords && garbled < MIN_GARBLED; i++)
        garbled += garbled_word(word_text(l, &l->words[i]));
    return garbled >= MIN_GARBLED;
}

/* Words every readable bank statement prints somewhere. */
static bool common_word(const char *t)
{
    static const char *const W[] = {
        "date",    "balance", "account",  "statement",  "bank",     "branch",  "amount", "debit",
        "credit",  "withdrawal", "deposit", "narration", "particulars", "description", "transaction",
        "total",   "opening", "closing",  "page",       "customer", "name",    "address", "ifsc",
        "period",  "from",    "to",       "the",        "of",       "and",     "no",      "upi",
        "neft",    "imps",    "rtgs",     "atm",        "cash",     "cheque",  "chq",     "ref",
        "value",   "interest", "charges", "transfer",   "by",       "for",     "details", "remarks"};
    for (size_t i = 0; i < sizeof W / sizeof *W; i++)
        if (!strcmp(t, W[i]))
            return true;
    return false;
}

/* A TrueType font's glyph ids read as characters: in a font of the standard
 * (Macintosh) glyph order, glyph id = character - 29, so "Date" reads
 * "'DWH" and "Balance" "%DODQFH" (pdfminer's "(cid:39)(cid:68)..."). Such a
 * word has no lower-case letter; moved back by 29, it is a common word of
 * four letters or more. */
static bool glyph_id_word(const char *s)
{
    char back[24];
    size_t n = strlen(s);
    if (n < 4 || n >= sizeof back)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 33 || c > 93)
            return false;
        back[i] = (char)tolower(c + 29);
    }
    back[n] = 0;
    return common_word(back);
}

bool textcheck_glyph_ids(const struct layout *l)
{
    size_t hits = 0;
    for (size_t i = 0; i < l->nwords && hits < 3; i++)
        hits += glyph_id_word(word_text(l, &l->words[i]));
    return hits >= 3;
}

bool textcheck_unreadable(const struct layout *l)
{
    if (textcheck_mostly_unmapped(l))
        return true;
    if (l->nwords < MIN_WORDS)
        return false;
    size_t known = 0, values = 0;
    for (size_t i = 0; i < l->nwords && (known < 3 || !values); i++) {
        const char *s = word_text(l, &l->words[i]);
        size_t n = strlen(s);
        pb_day d;
        pb_paise v;
        int mark;
        if (token_parse_date(s, n, &d) || (strpbrk(s, ".,") && token_parse_amount(s, n, &v, &mark))) {
            values++;
            continue;
        }
        char tok[4][24];
        int nt = profile_tokenize(s, tok, 4);
        for (int k = 0; k < nt; k++)
            known += common_word(tok[k]);
    }
    /* a readable statement has both words and figures; a scrambled layer
     * keeps neither (its digits are as shifted as its letters) */
    return known < 3 || values == 0;
}
