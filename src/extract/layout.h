/* Positioned words and the lines they form. Coordinates are PDF points,
 * y grows downwards (MuPDF's convention), one coordinate space per page.
 * The table stage works only on this, so it can be tested and fuzzed
 * without MuPDF (layout_from_text builds one from monospaced text). */
#ifndef PB_EXTRACT_LAYOUT_H
#define PB_EXTRACT_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct word {
    float x0, y0, x1, y1; /* bounding box */
    float base;           /* baseline y */
    float size;           /* font size */
    int page;             /* 0-based */
    uint32_t text;        /* offset of the NUL-terminated UTF-8 text in layout.text */
    float conf;           /* OCR's confidence 0..100; -1 for a word of the text layer */
    uint16_t font;        /* the text layer's font of its first character, numbered from 1 in the
                           * document (pdf_fonts.h); 0 when not known (OCR, layout_from_text) */
};

struct line {
    int page;
    float base, y0, y1, size;
    uint32_t first, n; /* words[first .. first+n), sorted by x0 */
    float conf;        /* the lowest OCR confidence of its words; -1 when none was OCR'd */
};

struct layout {
    struct word *words;
    size_t nwords, capwords;
    char *text;
    size_t textlen, textcap;
    struct line *lines;
    size_t nlines;
    int npages;
    /* the whole document's lines when this layout is one account's part of
     * it (lines points into them: extract.c part_of); NULL when lines are
     * the whole document. Page furniture is told by the whole document. */
    const struct line *doc_lines;
    size_t ndoc_lines;
    /* characters the text layer maps to nothing readable (U+FFFD, control
     * characters, the private use area), of all characters seen: a broken
     * font encoding (pdf_text.c counts them; see textcheck.h) */
    size_t nchars, nunmapped;
    int ocr_pages; /* pages read by OCR (ocr.h) rather than from the text layer */
    bool scan;     /* every page was (a scan, not a text PDF with a scanned page) */
};

/* Appends a word (text copied); a piece of a table drawn in text ('|',
 * '+-----+') is no word and is left out. Returns 0, or -1 when out of
 * memory. */
int layout_add_word(struct layout *l, int page, float x0, float y0, float x1, float y1,
                    float base, float size, const char *text, size_t len);
/* Groups the words into lines by baseline, page by page, and sorts each
 * line left to right. Reorders l->words. Returns 0 / -1 (out of memory). */
int layout_build_lines(struct layout *l);
/* Builds a layout from monospaced text: each character is 6 pt wide, each
 * line 12 pt apart, a form feed starts a new page, runs of non-spaces are
 * words. For tests and fuzzing. Returns 0 / -1. */
int layout_from_text(struct layout *l, const char *s, size_t len);
void layout_free(struct layout *l);

/* A code point a broken font encoding leaves: U+FFFD, a control character
 * other than white space, or the private use area. */
static inline int layout_char_unmapped(int c)
{
    return c == 0xFFFD || (c < 32 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c < 0xA0) ||
           (c >= 0xE000 && c <= 0xF8FF);
}

static inline const char *word_text(const struct layout *l, const struct word *w)
{
    return l->text + w->text;
}

/* Appends t to the len bytes of text in buf (of cap bytes), after a space
 * when buf is not empty, cut at cap - 1 bytes as snprintf cuts; returns the
 * new length. What snprintf(buf + len, cap - len, "%s%s", len ? " " : "",
 * t) writes, without stdio's formatting (~800 instructions a word, 6% of a
 * long statement's parse where cells and dates are tried word by word). */
size_t layout_join_word(char *buf, size_t cap, size_t len, const char *t);

/* Drops the words marked taken into another (page < 0) before the lines
 * are built: the pieces a joining pass (split_dates.c, paise_columns.c)
 * put into the word it completed. */
void layout_drop_taken(struct layout *l);

#endif
