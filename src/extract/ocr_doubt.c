/* Words with signs of a misread. See ocr_doubt.h. */
#include "extract/ocr_doubt.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

/* Marks OCR reads from specks, strokes and stamps' edges; no statement
 * prints them in a narration or a reference. */
#define FOREIGN_MARKS "!|\\~[]{}<>?^`\";"

/* The rupee sign in UTF-8: printed beside amounts. */
static const char RUPEE[] = "\xe2\x82\xb9";

static bool foreign_character(const char *w)
{
    for (const char *p = w; *p; p++) {
        if (!strncmp(p, RUPEE, sizeof RUPEE - 1)) {
            p += sizeof RUPEE - 2;
            continue;
        }
        if ((unsigned char)*p >= 0x80 || strchr(FOREIGN_MARKS, *p))
            return true;
    }
    return false;
}

static bool is_digit(char c)
{
    return isdigit((unsigned char)c);
}

/* Letters Tesseract reads for digits, and the other way round. */
static bool digit_lookalike(char c)
{
    return c && strchr("OIlSBZ", c);
}

/* Whether w[i] is a letter where a code prints a digit, or a 0 where a
 * word prints a letter. */
static bool kind_mixed_at(const char *w, size_t n, size_t i)
{
    char c = w[i], prev = i ? w[i - 1] : 0, next = i + 1 < n ? w[i + 1] : 0;
    if (c == 'O' && (is_digit(prev) || is_digit(next)))
        return true; /* NACHDRO0571861 */
    if (digit_lookalike(c) && is_digit(prev) && is_digit(next))
        return true;
    if (digit_lookalike(c) && !isalnum((unsigned char)prev) && strspn(w + i + 1, "0123456789") >= 5)
        return true; /* /S24660729904 */
    if (c == '0' && !is_digit(prev) && !is_digit(next) && (isupper((unsigned char)prev) || isupper((unsigned char)next)))
        return true; /* C0/ (a VPA's name prints digits after small letters: "priya10@") */
    return false;
}

/* One glyph read two or three times: a letter thrice, but X (masked
 * account digits), W (www) and I (roman numerals). */
static bool letter_thrice_at(const char *w, size_t i)
{
    char c = (char)toupper((unsigned char)w[i]);
    return isalpha((unsigned char)w[i]) && w[i + 1] == w[i] && w[i + 2] == w[i] && c != 'X' && c != 'W' && c != 'I';
}

/* A small letter alone between capitals: "GiLL" (i for I). */
static bool small_among_capitals_at(const char *w, size_t i)
{
    return i > 0 && islower((unsigned char)w[i]) && isupper((unsigned char)w[i - 1]) &&
           isupper((unsigned char)w[i + 1]) && (isupper((unsigned char)w[i + 2]) || (i > 1 && isupper((unsigned char)w[i - 2])));
}

/* A full stop before a word's last letter, two letters or more before it:
 * "AHMEDABA.D" (a speck in a word). */
static bool stop_before_last_letter(const char *w, size_t n)
{
    return n >= 4 && w[n - 2] == '.' && isalpha((unsigned char)w[n - 1]) && isalpha((unsigned char)w[n - 3]) &&
           isalpha((unsigned char)w[n - 4]);
}

static bool has_alnum(const char *w)
{
    for (; *w; w++)
        if (isalnum((unsigned char)*w))
            return true;
    return false;
}

bool ocr_word_misread(const char *w)
{
    size_t n = strlen(w);
    /* marks alone are judged where they land (ocr_field_stray_mark): a
     * pen's tick beside a balance is no row's */
    if (!n || (has_alnum(w) && foreign_character(w)) || stop_before_last_letter(w, n))
        return true;
    if (strchr(w, ')') && !strchr(w, '('))
        return true;
    for (size_t i = 0; i < n; i++)
        if (kind_mixed_at(w, n, i) || (i + 2 < n && letter_thrice_at(w, i)) ||
            (i + 1 < n && small_among_capitals_at(w, i)))
            return true;
    return false;
}

bool ocr_mark_at_edge(const char *w, bool word_before, bool word_after)
{
    size_t n = strlen(w);
    return n > 1 && ((word_before && strchr("*)]}", w[0])) || (word_after && strchr("*([{", w[n - 1])));
}

bool ocr_line_end_misread(const char *w)
{
    size_t n = strlen(w);
    return n >= 3 && strchr(":,", w[n - 1]) && isalpha((unsigned char)w[n - 2]) && isalpha((unsigned char)w[n - 3]);
}

bool ocr_digits_split_doubtful(const char *a, const char *b, float gap)
{
    size_t na = strlen(a), nb = strlen(b), ta = 0;
    while (ta < na && is_digit(a[na - 1 - ta]))
        ta++;
    if (!ta || ta == na || !nb || strspn(b, "0123456789") != nb)
        return false;
    return gap < 0.3f && (a[na - 1] == '1' || b[0] == '1');
}

/* Whether b follows a in its text: on its printed line, to its right,
 * closer than an em (a column's next cell is two ems off or more: the
 * pieces of ocr_bands.h). */
static bool next_in_text(const struct pword *a, const struct pword *b)
{
    return ocr_same_line(a, b) && b->x0 > a->x0 && b->x0 - a->x1 < b->size;
}

void ocr_doubt_words(struct pword *w, size_t n, float conf)
{
    for (size_t i = 0; i < n; i++) {
        const struct pword *next = i + 1 < n && next_in_text(&w[i], &w[i + 1]) ? &w[i + 1] : NULL;
        bool before = i > 0 && next_in_text(&w[i - 1], &w[i]);
        bool doubt = ocr_word_misread(w[i].text) || (!next && ocr_line_end_misread(w[i].text)) ||
                     ocr_mark_at_edge(w[i].text, before, next != NULL);
        if (next && ocr_digits_split_doubtful(w[i].text, next->text, (next->x0 - w[i].x1) / next->size)) {
            w[i + 1].conf = fminf(w[i + 1].conf, conf);
            doubt = true;
        }
        if (doubt)
            w[i].conf = fminf(w[i].conf, conf);
    }
}

bool ocr_field_stray_mark(const char *s)
{
    for (const char *p = s; p && *p;) {
        p += strspn(p, " ");
        size_t n = strcspn(p, " ");
        bool marks = n > 0;
        for (size_t i = 0; i < n && marks; i++)
            marks = !isalnum((unsigned char)p[i]);
        if (marks && !(n == 1 && strchr("-&", p[0])))
            return true;
        p += n;
    }
    return false;
}

/* Whether w[0..n) is digits grouped by commas (one at least, groups of two
 * or three after the first of one to three) with two decimals. */
static bool money_figure(const char *w, size_t n)
{
    if (n < 7 || w[n - 3] != '.' || !is_digit(w[n - 2]) || !is_digit(w[n - 1]))
        return false;
    size_t i = 0, lead = 0, commas = 0;
    while (i < n - 3 && is_digit(w[i]))
        i++, lead++;
    if (!lead || lead > 3)
        return false;
    while (i < n - 3) {
        size_t g = 0;
        if (w[i++] != ',')
            return false;
        while (i < n - 3 && is_digit(w[i]))
            i++, g++;
        if (g != 2 && g != 3)
            return false;
        commas++;
    }
    return commas > 0;
}

bool ocr_field_figure(const char *s)
{
    for (const char *p = s; p && *p;) {
        p += strspn(p, " ");
        size_t n = strcspn(p, " ");
        if (money_figure(p, n))
            return true;
        p += n;
    }
    return false;
}
