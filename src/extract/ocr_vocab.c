/* Words split or run together, set right by known words. See ocr_vocab.h. */
#include "extract/ocr_vocab.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The longest run of letters kept as a word: longer ones are codes. */
#define WORD_MAX 32

struct ocr_vocab {
    char (*slot)[WORD_MAX + 1]; /* open addressing; "" is free */
    size_t n, cap;
};

static uint32_t hash_upper(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint32_t)toupper((unsigned char)w[i])) * 16777619u;
    return h;
}

static bool same_upper(const char *slot, const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (slot[i] != toupper((unsigned char)w[i]))
            return false;
    return slot[n] == '\0';
}

/* The slot of w, or the free one where it would go. */
static char *find_slot(const struct ocr_vocab *v, const char *w, size_t n)
{
    for (size_t i = hash_upper(w, n) & (v->cap - 1);; i = (i + 1) & (v->cap - 1))
        if (!v->slot[i][0] || same_upper(v->slot[i], w, n))
            return v->slot[i];
}

static int grow(struct ocr_vocab *v)
{
    struct ocr_vocab g = {calloc(2 * v->cap, sizeof *g.slot), v->n, 2 * v->cap};
    if (!g.slot)
        return -1;
    for (size_t i = 0; i < v->cap; i++)
        if (v->slot[i][0])
            strcpy(find_slot(&g, v->slot[i], strlen(v->slot[i])), v->slot[i]);
    free(v->slot);
    *v = g;
    return 0;
}

struct ocr_vocab *ocr_vocab_new(void)
{
    struct ocr_vocab *v = calloc(1, sizeof *v);
    if (v && !(v->slot = calloc(v->cap = 1024, sizeof *v->slot))) {
        free(v);
        return NULL;
    }
    return v;
}

void ocr_vocab_free(struct ocr_vocab *v)
{
    if (v)
        free(v->slot);
    free(v);
}

static int add_word(struct ocr_vocab *v, const char *w, size_t n)
{
    if (n < 2 || n > WORD_MAX)
        return 0;
    if (2 * (v->n + 1) > v->cap && grow(v) < 0)
        return -1;
    char *s = find_slot(v, w, n);
    if (!s[0]) {
        for (size_t i = 0; i < n; i++)
            s[i] = (char)toupper((unsigned char)w[i]);
        s[n] = '\0';
        v->n++;
    }
    return 0;
}

int ocr_vocab_add_text(struct ocr_vocab *v, const char *text, size_t n)
{
    bool comment = false;
    for (size_t i = 0; i < n;) {
        if (i == 0 || text[i - 1] == '\n')
            comment = text[i] == '#';
        if (comment || !isalpha((unsigned char)text[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && isalpha((unsigned char)text[j]))
            j++;
        if (add_word(v, text + i, j - i) < 0)
            return -1;
        i = j;
    }
    return 0;
}

bool ocr_vocab_has(const struct ocr_vocab *v, const char *w, size_t n)
{
    return v && n >= 2 && n <= WORD_MAX && find_slot(v, w, n)[0];
}

/* ---------- a page's words ---------- */

/* What the fixes know: the reader's words, the page's sure ones; and
 * every word the page reads, sure or not (a second reading of a name). */
struct known {
    const struct ocr_vocab *rules, *page, *read;
};

static bool known(const struct known *k, const char *w, size_t n)
{
    return ocr_vocab_has(k->rules, w, n) || ocr_vocab_has(k->page, w, n);
}

size_t ocr_run_at_end(const char *s, size_t n, int (*is)(int))
{
    size_t k = 0;
    while (k < n && is((unsigned char)s[n - 1 - k]))
        k++;
    return k;
}

size_t ocr_run_at_start(const char *s, size_t n, int (*is)(int))
{
    size_t k = 0;
    while (k < n && is((unsigned char)s[k]))
        k++;
    return k;
}

static bool same_line(const struct pword *a, const struct pword *b)
{
    return fabsf(b->base - a->base) < 0.2f * b->size && b->x0 > a->x0;
}

/* Whether b's letters at its start end a word a's letters at its end
 * begin ("SER" "VICES/HDFC...", "UPI/DR/.../BOOKM" "YSHOW/ICIC/"): one of
 * them unsure, or the two closer than OCR_VOCAB_CLOSE, where a word's last
 * letter may be one alone ("NEF" "T-KKBKN...", "KOTA" "K/"). */
static bool joins(const struct known *k, const struct pword *a, const struct pword *b)
{
    bool close = b->x0 - a->x1 < OCR_VOCAB_CLOSE * b->size;
    if (!same_line(a, b) || b->x0 - a->x1 > 0.6f * b->size ||
        (!close && a->conf >= OCR_VOCAB_UNSURE && b->conf >= OCR_VOCAB_UNSURE))
        return false;
    size_t ta = ocr_run_at_end(a->text, a->len, isalpha), hb = ocr_run_at_start(b->text, b->len, isalpha);
    if (!ta || hb < (close ? 1 : 2) || ta + hb > WORD_MAX || a->len + b->len >= sizeof a->text)
        return false;
    if ((ta < a->len && a->text[a->len - ta - 1] == '@') || (hb < b->len && b->text[hb] == '@'))
        return false; /* an address's handle or name */
    if (ta >= 2 && known(k, a->text + a->len - ta, ta) && known(k, b->text, hb))
        return false; /* two words */
    char w[2 * WORD_MAX + 1];
    memcpy(w, a->text + a->len - ta, ta);
    memcpy(w + ta, b->text, hb);
    return known(k, w, ta + hb);
}

/* Whether the page prints the letters p[0..np) at the end of one word and
 * s[0..ns) at the start of the next on its line ("SCHOOL FEES"). */
static bool printed_apart(const struct pword *w, size_t n, const char *p, size_t np, const char *s, size_t ns)
{
    for (size_t i = 0; i + 1 < n; i++) {
        const struct pword *a = &w[i], *b = &w[i + 1];
        size_t ta = ocr_run_at_end(a->text, a->len, isalpha), hb = ocr_run_at_start(b->text, b->len, isalpha);
        if (ta == np && hb == ns && same_line(a, b) && !strncasecmp(a->text + a->len - ta, p, np) &&
            !strncasecmp(b->text, s, ns))
            return true;
    }
    return false;
}

/* Where the run of letters r[0..m) is two known words the page prints
 * apart: the length of the first, 0 when nowhere or in more ways than
 * one. */
static size_t split_point(const struct known *k, const struct pword *w, size_t n, const char *r, size_t m)
{
    size_t at = 0;
    for (size_t i = 2; i + 2 <= m; i++)
        if (known(k, r, i) && known(k, r + i, m - i)) {
            if (at)
                return 0;
            at = i;
        }
    return at && printed_apart(w, n, r, at, r + at, m - at) ? at : 0;
}

/* Word i's runs of letters that are two words run together get their
 * space. */
static void split_runs(const struct known *k, struct pword *w, size_t n, size_t i)
{
    struct pword *p = &w[i];
    for (size_t a = 0; a < p->len;) {
        if (!isalpha((unsigned char)p->text[a])) {
            a++;
            continue;
        }
        size_t m = ocr_run_at_start(p->text + a, p->len - a, isalpha);
        bool address = (a > 0 && p->text[a - 1] == '@') || (a + m < p->len && p->text[a + m] == '@');
        size_t at =
            !address && m >= 4 && m <= WORD_MAX && !known(k, p->text + a, m) ? split_point(k, w, n, p->text + a, m) : 0;
        if (at && p->len + 1 < sizeof p->text) {
            memmove(p->text + a + at + 1, p->text + a + at, p->len - a - at + 1);
            p->text[a + at] = ' ';
            p->len++;
            m++;
        }
        a += m;
    }
}

/* Capitals Tesseract reads one for the other in statements' fonts
 * ("ACH RIN CHGS", "AGH/IDFC", "TRE TO TD", "UPJ/DR"), and a letter read
 * twice as itself and a look-alike ("LTID", "IVYER"). */
static const char *const LOOKALIKES[] = {"IT", "CG", "EF", "VY", "OD", "OQ", "IJ"};

static bool lookalike(char a, char b)
{
    for (size_t k = 0; k < sizeof LOOKALIKES / sizeof *LOOKALIKES; k++)
        if ((a == LOOKALIKES[k][0] && b == LOOKALIKES[k][1]) || (a == LOOKALIKES[k][1] && b == LOOKALIKES[k][0]))
            return true;
    return false;
}

/* The known words one misread away from the capitals r[0..m): r with one
 * letter swapped for its look-alike, or (four letters or more) without a
 * letter beside its look-alike that the page prints surely elsewhere (a
 * table's word would take a name's letter: "AMIT" is no "AMT"). How many
 * (2 for two or more); the one into out (m + 1 bytes). */
static int misread_of(const struct known *k, const char *r, size_t m, char *out)
{
    char t[WORD_MAX + 1];
    int found = 0;
    for (size_t i = 0; i < m && found < 2; i++) {
        for (char c = 'A'; c <= 'Z' && found < 2; c++) {
            if (!lookalike(r[i], c))
                continue;
            memcpy(t, r, m);
            t[i] = c;
            if (known(k, t, m) && (!found || memcmp(out, t, m)))
                memcpy(out, t, m), out[m] = 0, found++;
        }
        bool twice = (i > 0 && lookalike(r[i], r[i - 1])) || (i + 1 < m && lookalike(r[i], r[i + 1]));
        if (m >= 4 && twice) {
            memcpy(t, r, i);
            memcpy(t + i, r + i + 1, m - i - 1);
            if (ocr_vocab_has(k->page, t, m - 1) && (!found || strlen(out) != m - 1 || memcmp(out, t, m - 1)))
                memcpy(out, t, m - 1), out[m - 1] = 0, found++;
        }
    }
    return found;
}

static bool all_upper(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isupper((unsigned char)s[i]))
            return false;
    return true;
}

/* A J read as a closing bracket after a run of capitals ("MANO)" where
 * the page knows MANOJ): a bracket closed with none opened in the word,
 * the run no known word, the run and a J one, or a word the page reads
 * elsewhere however surely (the name in the row's VPA, "manoj57@okaxis",
 * read at 88: two readings of the name agree). */
static bool bracket_j(const struct known *k, struct pword *p, size_t a, size_t m)
{
    char w[WORD_MAX + 1];
    if (p->text[a + m] != ')' || memchr(p->text, '(', p->len) || m + 1 > WORD_MAX || known(k, p->text + a, m))
        return false;
    memcpy(w, p->text + a, m);
    w[m] = 'J';
    if (!known(k, w, m + 1) && !ocr_vocab_has(k->read, w, m + 1))
        return false;
    p->text[a + m] = 'J';
    return true;
}

/* Word p's runs of three or more capitals that are no known word but one
 * misread away from exactly one (misread_of) become it. Runs touching a
 * digit (a code: "UTIBN961...") or an '@' are left alone. */
static void misread_runs(const struct known *k, struct pword *p)
{
    for (size_t a = 0; a < p->len;) {
        size_t m = ocr_run_at_start(p->text + a, p->len - a, isalpha);
        if (!m) {
            a++;
            continue;
        }
        if (m >= 3 && all_upper(p->text + a, m) && bracket_j(k, p, a, m))
            m = ocr_run_at_start(p->text + a, p->len - a, isalpha);
        char before = a ? p->text[a - 1] : ' ', after = p->text[a + m];
        char fixed[WORD_MAX + 1];
        if (m >= 3 && m <= WORD_MAX && all_upper(p->text + a, m) && !isdigit((unsigned char)before) &&
            !isdigit((unsigned char)after) && before != '@' && after != '@' && !known(k, p->text + a, m) &&
            misread_of(k, p->text + a, m, fixed) == 1) {
            size_t f = strlen(fixed);
            memmove(p->text + a + f, p->text + a + m, p->len - a - m + 1);
            memcpy(p->text + a, fixed, f);
            p->len -= m - f;
            m = f;
        }
        a += m;
    }
}

static void join(struct pword *a, const struct pword *b)
{
    memcpy(a->text + a->len, b->text, b->len + 1);
    a->len += b->len;
    a->x1 = b->x1;
    a->joined = true;
    a->conf = fminf(a->conf, b->conf);
}

/* The page's sure words. */
/* The letter runs of the page's words read at least as surely as floor. */
static struct ocr_vocab *page_words(const struct pword *w, size_t n, float floor)
{
    struct ocr_vocab *v = ocr_vocab_new();
    for (size_t i = 0; v && i < n; i++)
        if (w[i].conf >= floor) {
            for (size_t a = 0; a < w[i].len;) {
                size_t m = ocr_run_at_start(w[i].text + a, w[i].len - a, isalpha);
                if (m && add_word(v, w[i].text + a, m) < 0) {
                    ocr_vocab_free(v);
                    return NULL;
                }
                a += m ? m : 1;
            }
        }
    return v;
}

/* ---------- words left in doubt ---------- */

/* Whether the letters r[0..m) are two known words or more run together,
 * each of two letters or more ("SNEHAPRASADGILL", "SALARYDEC"). */
static bool known_words_run_together(const struct known *k, const char *r, size_t m)
{
    bool ends[WORD_MAX + 1] = {true}; /* ends[j]: r[0..j) is known words */
    for (size_t j = 2; j <= m; j++)
        for (size_t i = 0; i + 2 <= j && !ends[j]; i++)
            ends[j] = ends[i] && !(i == 0 && j == m) && known(k, r + i, j - i);
    return ends[m];
}

/* Whether the letters r[0..m) are one letter away from exactly one known
 * word of their length ("GURRREET": GURPREET, "WHITEFLELD", "mefchant"
 * where the page prints "merchant" surely). */
static bool one_letter_off(const struct known *k, const char *r, size_t m)
{
    char t[WORD_MAX + 1], found[WORD_MAX + 1] = "";
    memcpy(t, r, m);
    for (size_t i = 0; i < m; i++) {
        char was = t[i];
        for (char c = 'A'; c <= 'Z'; c++) {
            t[i] = c;
            if (c == toupper((unsigned char)was) || !known(k, t, m))
                continue;
            if (found[0] && strncasecmp(found, t, m))
                return false; /* two ways */
            memcpy(found, t, m);
            found[m] = 0;
        }
        t[i] = was;
    }
    return found[0] != 0;
}

/* How many words of w[0..n) have the letters r[0..m) as a whole run. */
static size_t times_printed(const struct pword *w, size_t n, const char *r, size_t m)
{
    size_t times = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t a = 0; a < w[i].len;) {
            size_t len = ocr_run_at_start(w[i].text + a, w[i].len - a, isalpha);
            times += len == m && !strncasecmp(w[i].text + a, r, m);
            a += len ? len : 1;
        }
    return times;
}

/* Whether the run of letters p->text[a..a+m) looks misread: no word the
 * reader's tables know, yet known words run together (six letters or
 * more) or one letter off exactly one known word (six letters or more),
 * or capitals one look-alike away from exactly one known word ("TRE TO
 * TD": TRF); not when the page prints the run elsewhere too. */
static bool run_in_doubt(const struct known *k, const struct pword *w, size_t n, const struct pword *p, size_t a,
                         size_t m)
{
    const char *r = p->text + a;
    char before = a ? p->text[a - 1] : ' ', after = p->text[a + m], fixed[WORD_MAX + 1];
    bool code = (after == '-' || after == '/') && isdigit((unsigned char)p->text[a + m + 1]); /* NEFTOUT-1617737215 */
    if (m > WORD_MAX || isdigit((unsigned char)before) || isdigit((unsigned char)after) || before == '@' ||
        after == '@' || code || ocr_vocab_has(k->rules, r, m))
        return false;
    if (times_printed(w, n, r, m) > 1)
        return false; /* printed so ("NEFTOUT-6189536011" on every such row) */
    if (m >= 6 && (known_words_run_together(k, r, m) || one_letter_off(k, r, m)))
        return true;
    struct known tables = {k->rules, NULL, NULL};
    return m >= 3 && all_upper(r, m) && misread_of(&tables, r, m, fixed) == 1;
}

void ocr_vocab_doubt(const struct ocr_vocab *rules, struct pword *w, size_t n, float conf)
{
    struct ocr_vocab *page = page_words(w, n, OCR_VOCAB_UNSURE);
    struct known k = {rules, page, NULL};
    for (size_t i = 0; i < n; i++)
        for (size_t a = 0; a < w[i].len;) {
            size_t m = ocr_run_at_start(w[i].text + a, w[i].len - a, isalpha);
            if (m && w[i].conf > conf && run_in_doubt(&k, w, n, &w[i], a, m))
                w[i].conf = conf;
            a += m ? m : 1;
        }
    ocr_vocab_free(page);
}

int ocr_vocab_fix(const struct ocr_vocab *rules, struct pword *w, size_t *n)
{
    struct ocr_vocab *page = page_words(w, *n, OCR_VOCAB_UNSURE), *read = page_words(w, *n, 0);
    if (!page || !read) {
        ocr_vocab_free(page);
        ocr_vocab_free(read);
        return -1;
    }
    struct known k = {rules, page, read};
    size_t out = 0;
    for (size_t i = 0; i < *n; i++) {
        if (out && joins(&k, &w[out - 1], &w[i])) {
            join(&w[out - 1], &w[i]);
            continue;
        }
        w[out++] = w[i];
    }
    *n = out;
    for (size_t i = 0; i < out; i++)
        if (w[i].conf < OCR_VOCAB_UNSURE) {
            split_runs(&k, w, out, i);
            misread_runs(&k, &w[i]);
        }
    ocr_vocab_free(page);
    ocr_vocab_free(read);
    return 0;
}
