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
    for (size_t i = 0; i < sizeof W / sizeof *W; i++) /* every run of a page's words comes here */
        if (t[0] == W[i][0] && !strcmp(t, W[i]))
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

/* ---- a font printing wrong letters ---- */

#define FONT_MIN_LETTERS 300 /* letter pairs: below this, too few of a font's letters to judge it */
#define FONT_MAX_COMMON 25   /* % of its pairs common English ones: every corpus statement's fonts 32% or more */
#define FONT_MAX_KNOWN 3     /* % of its words common statement words: every corpus statement's fonts 6.5% or more */

/* Letter pairs that make much of any English or Indian-English text (names
 * like SHARMA, KUMAR; words like TRANSFER, INTEREST): about half of the
 * pairs inside a statement's words, a fifth or less once its letters stand
 * for others. */
static const char COMMON_PAIRS[] = "th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as "
                                   "ou io le ve co me de hi ri ro ic ne ea ra ce li ch ll be ma si om ur ta ka na ya "
                                   "sh ku am ni la da ai ja pa";

/* A font's letter pairs (how many, how many common) and words (how many,
 * how many common statement words). */
struct font_letters {
    size_t pairs, common, words, known;
};

/* COMMON_PAIRS as a table: common[a][b] for the letters a, b (0..25). */
struct pair_table {
    bool common[26][26];
};

static void pair_table_init(struct pair_table *t)
{
    memset(t, 0, sizeof *t);
    for (size_t i = 0; i + 1 < sizeof COMMON_PAIRS; i += 3) /* "th he ... pa": a pair every 3 */
        t->common[COMMON_PAIRS[i] - 'a'][COMMON_PAIRS[i + 1] - 'a'] = true;
}

/* Adds one run of letters (a-z, A-Z) of a word: its pairs (a repeated
 * letter, like the XXXX of a masked number, counted once) and, with three
 * letters or more, the run as a word. */
static void count_run(struct font_letters *f, const struct pair_table *t, const char *s, size_t n)
{
    size_t letters = 0;
    int prev = -1;
    for (size_t i = 0; i < n; i++) {
        int c = tolower((unsigned char)s[i]) - 'a';
        if (c == prev)
            continue;
        letters++;
        if (prev >= 0) {
            f->pairs++;
            f->common += t->common[prev][c];
        }
        prev = c;
    }
    if (letters < 3)
        return;
    char w[24];
    size_t k = n < sizeof w - 1 ? n : sizeof w - 1;
    for (size_t i = 0; i < k; i++)
        w[i] = (char)tolower((unsigned char)s[i]);
    w[k] = 0;
    f->words++;
    f->known += common_word(w);
}

static bool ascii_letter(unsigned char c)
{
    return c < 128 && isalpha(c);
}

/* Adds a word's runs of letters, but those touching a digit: the letters
 * of a code (HDFC0001234, N2345AB) are no text. */
static void count_word(struct font_letters *f, const struct pair_table *t, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; p[i];) {
        if (!ascii_letter(p[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (ascii_letter(p[j]))
            j++;
        if (!(i > 0 && isdigit(p[i - 1])) && !isdigit(p[j]))
            count_run(f, t, s + i, j - i);
        i = j;
    }
}

bool textcheck_font_garbled(const struct layout *l)
{
    enum { MAX_FONT_IDS = 256 }; /* pdf_fonts.h numbers PDF_MAX_FONTS (64) */
    struct font_letters f[MAX_FONT_IDS] = {{0}};
    struct pair_table t;
    pair_table_init(&t);
    for (size_t i = 0; i < l->nwords; i++)
        if (l->words[i].conf < 0 && l->words[i].font < MAX_FONT_IDS)
            count_word(&f[l->words[i].font], &t, word_text(l, &l->words[i]));
    for (int i = 1; i < MAX_FONT_IDS; i++) /* font 0: not known */
        if (f[i].pairs >= FONT_MIN_LETTERS && f[i].common * 100 < f[i].pairs * FONT_MAX_COMMON &&
            f[i].known * 100 < f[i].words * FONT_MAX_KNOWN)
            return true;
    return false;
}
