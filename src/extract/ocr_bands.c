/* Text bands of a scanned page. See ocr_bands.h. */
#include "extract/ocr_bands.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define INK 160 /* darker than this is ink (as the deskew binarises) */

/* Whitens the table's rules: vertical runs of ink of at least vmin pixels,
 * horizontal ones of at least hmin (no glyph of a statement's type is that
 * long), a pixel either side with them (the rule's grey edge). Columns are
 * followed top to bottom together, a row at a time, in memory order. */
static int erase_rules(unsigned char *gray, int width, int height, size_t stride, int hmin, int vmin)
{
    int *start = malloc((size_t)width * sizeof *start);
    if (!start)
        return -1;
    for (int x = 0; x < width; x++)
        start[x] = -1;
    for (int y = 0; y <= height; y++) {
        unsigned char *p = y < height ? gray + (size_t)y * stride : NULL;
        for (int x = 0; x < width; x++) {
            if (p && p[x] < INK) {
                if (start[x] < 0)
                    start[x] = y;
                continue;
            }
            if (start[x] >= 0 && y - start[x] >= vmin)
                for (int r = start[x]; r < y; r++) {
                    unsigned char *q = gray + (size_t)r * stride;
                    q[x] = 255;
                    if (x > 0)
                        q[x - 1] = 255;
                    if (x + 1 < width)
                        q[x + 1] = 255;
                }
            start[x] = -1;
        }
    }
    free(start);
    for (int y = 0; y < height; y++) {
        unsigned char *p = gray + (size_t)y * stride;
        for (int x = 0, run = 0; x <= width; x++) {
            if (x < width && p[x] < INK) {
                run++;
                continue;
            }
            if (run >= hmin)
                for (int r = y > 0 ? y - 1 : y; r <= y + 1 && r < height; r++)
                    memset(gray + (size_t)r * stride + (x - run), 255, (size_t)run);
            run = 0;
        }
    }
    return 0;
}

static long ink_in_row(const unsigned char *p, int x0, int x1)
{
    long n = 0;
    for (int x = x0; x < x1; x++)
        n += p[x] < INK;
    return n;
}

struct bands {
    struct ocr_band *b;
    long n, cap;
};

static int push(struct bands *bs, int x0, int y0, int x1, int y1)
{
    if (bs->n == bs->cap) {
        long c = bs->cap ? 2 * bs->cap : 256;
        struct ocr_band *g = realloc(bs->b, (size_t)c * sizeof *g);
        if (!g)
            return -1;
        bs->b = g, bs->cap = c;
    }
    bs->b[bs->n++] = (struct ocr_band){x0, y0, x1, y1};
    return 0;
}

/* What parts a band into pieces, in pixels (ocr_bands). */
struct cuts {
    int gap;  /* blank columns between a table's columns */
    int near; /* blank columns that part text printed at other heights */
    int thin; /* a line of text is higher than this; lower ink is specks */
    int pad;  /* blank Tesseract sees around a piece's ink */
};

/* Piece [x0, x1) of the band of rows [y0, y1), its rows trimmed to its own
 * ink, into bs; nothing for a speck. */
static int push_piece(const unsigned char *gray, int width, int height, size_t stride, int y0, int y1, int x0, int x1,
                      int pad, struct bands *bs)
{
    int t = y0, b = y1;
    while (t < b && !ink_in_row(gray + (size_t)t * stride, x0, x1))
        t++;
    while (b > t && !ink_in_row(gray + (size_t)(b - 1) * stride, x0, x1))
        b--;
    if (x1 - x0 < 3 || b - t < 3) /* a speck */
        return 0;
    return push(bs, x0 > pad ? x0 - pad : 0, t > pad ? t - pad : 0, x1 + pad < width ? x1 + pad : width,
                b + pad < height ? b + pad : height);
}

struct span {
    int y0, y1;
};

/* The printed lines of columns [x0, x1) in rows [y0, y1): runs of rows with
 * ink (two pixels or more) at least thin high (lower ones are specks, an
 * i's dot), into out (room for (y1 - y0) / 2 + 1). Returns how many. */
static int text_lines(const unsigned char *gray, size_t stride, int y0, int y1, int x0, int x1, int thin,
                      struct span *out)
{
    int n = 0;
    for (int y = y0; y < y1;) {
        if (ink_in_row(gray + (size_t)y * stride, x0, x1) < 2) { /* a lone dark pixel is noise */
            y++;
            continue;
        }
        int top = y;
        while (y < y1 && ink_in_row(gray + (size_t)y * stride, x0, x1) >= 2)
            y++;
        if (y - top >= thin)
            out[n++] = (struct span){top, y};
    }
    return n;
}

/* Whether row y lies in the leading between two of lines m (top to
 * bottom): below one, above another, in none. */
static bool between_lines(int y, const struct span *m, int nm)
{
    bool above = false, below = false;
    for (int i = 0; i < nm; i++) {
        if (m[i].y0 <= y && y < m[i].y1)
            return false;
        above |= m[i].y1 <= y;
        below |= m[i].y0 > y;
    }
    return above && below;
}

/* Whether the middle of a line of a lies between two lines of b (a date
 * centred beside a two-line narration), or that of one of b's between a's.
 * A mark drawn over lines (a circle round an amount) is one tall run that
 * every line's middle meets: no cut. */
static bool misaligned(const struct span *a, int na, const struct span *b, int nb)
{
    for (int i = 0; i < na; i++)
        if (between_lines((a[i].y0 + a[i].y1) / 2, b, nb))
            return true;
    for (int i = 0; i < nb; i++)
        if (between_lines((b[i].y0 + b[i].y1) / 2, a, na))
            return true;
    return false;
}

/* Piece [x0, x1) of the band of rows [y0, y1) into bs, cut further where
 * blank columns at least near wide (closer than the band's column gap) part
 * text whose lines are not level: Tesseract reads a block as lines across
 * it, and a date printed midway beside a narration's two lines, ten points
 * to its left, was read into both lines as noise ('eos 7/08/24') or lost
 * with half the narration. Text printed level (a line's words, cells of one
 * row) stays one piece, as Tesseract reads it best. col: the band's ink per
 * column. */
static int cut_piece(const unsigned char *gray, int width, int height, size_t stride, int y0, int y1, int x0, int x1,
                     const int *col, const struct cuts *k, struct bands *bs)
{
    int room = (y1 - y0) / 2 + 1;
    struct span *buf = malloc((size_t)room * 2 * sizeof *buf);
    if (!buf)
        return -1;
    struct span *prev = buf, *cur = buf + room;
    int from = x0, prev_end = x0, np = -1;
    for (int x = x0; x < x1;) {
        int s0 = x, s1 = x, blank = 0; /* a segment: ink up to blank columns near wide */
        for (; x < x1 && blank < k->near; x++) {
            if (col[x])
                blank = 0, s1 = x + 1;
            else
                blank++;
        }
        while (x < x1 && !col[x])
            x++;
        int nc = text_lines(gray, stride, y0, y1, s0, s1, k->thin, cur);
        if (np >= 0 && misaligned(prev, np, cur, nc)) {
            if (push_piece(gray, width, height, stride, y0, y1, from, prev_end, k->pad, bs) < 0) {
                free(buf);
                return -1;
            }
            from = s0;
        }
        prev_end = s1;
        struct span *t = prev;
        prev = cur, cur = t, np = nc;
    }
    int rc = push_piece(gray, width, height, stride, y0, y1, from, prev_end, k->pad, bs);
    free(buf);
    return rc;
}

/* The band of rows [y0, y1) cut at gaps of blank columns at least gap
 * wide (between a table's columns; words are closer), each piece's rows
 * trimmed to its own ink. */
static int split_band(const unsigned char *gray, int width, int height, size_t stride, int y0, int y1,
                      const struct cuts *k, int *col, struct bands *bs)
{
    memset(col, 0, (size_t)width * sizeof *col);
    for (int y = y0; y < y1; y++) {
        const unsigned char *p = gray + (size_t)y * stride;
        for (int x = 0; x < width; x++)
            col[x] += p[x] < INK;
    }
    for (int x = 0; x < width;) {
        if (!col[x]) {
            x++;
            continue;
        }
        int x0 = x, blank = 0, x1 = x;
        for (; x < width && blank < k->gap; x++) {
            if (col[x])
                blank = 0, x1 = x + 1;
            else
                blank++;
        }
        if (cut_piece(gray, width, height, stride, y0, y1, x0, x1, col, k, bs) < 0)
            return -1;
    }
    return 0;
}

long ocr_bands(unsigned char *gray, int width, int height, size_t stride, int dpi, struct ocr_band **out)
{
    *out = NULL;
    if (width <= 0 || height <= 0 || dpi <= 0)
        return 0;
    int thin = dpi / 50 > 2 ? dpi / 50 : 2; /* a band thinner than a line of 4-pt type is specks */
    struct cuts k = {
        .gap = dpi / 6,                      /* 2 em of 8-pt type */
        .near = dpi / 12,                    /* a narration's spaces are a third of that */
        .thin = thin,
        .pad = dpi / 30 > 2 ? dpi / 30 : 2,
    };
    if (erase_rules(gray, width, height, stride, dpi / 2, dpi / 4) < 0)
        return -1;
    int *col = malloc((size_t)width * sizeof *col);
    if (!col)
        return -1;
    struct bands bs = {NULL, 0, 0};
    for (int y = 0; y < height;) {
        if (ink_in_row(gray + (size_t)y * stride, 0, width) < 2) { /* a lone dark pixel is noise */
            y++;
            continue;
        }
        int y0 = y;
        while (y < height && ink_in_row(gray + (size_t)y * stride, 0, width) >= 2)
            y++;
        if (y - y0 >= thin && split_band(gray, width, height, stride, y0, y, &k, col, &bs) < 0) {
            free(bs.b);
            free(col);
            return -1;
        }
    }
    free(col);
    *out = bs.b;
    return bs.n;
}

float ocr_word_base(const char *word, bool first, float line_base, float top, float bottom, float em)
{
    bool alnum = false, descends = false;
    for (const char *c = word; *c; c++) {
        alnum |= isalnum((unsigned char)*c) != 0;
        descends |= strchr("gjpqy,;()[]{}|", *c) != NULL;
    }
    if (!first || !alnum || em <= 0 || bottom <= top)
        return line_base;
    /* em is the line's height above its baseline: a word off the line
     * makes it too big; the word's own height bounds it (a digit or capital
     * is ~0.72 em tall, with a descender below ~0.94 em) */
    float own_em = (bottom - top) / (descends ? 0.94f : 0.72f);
    float wem = own_em < em ? own_em : em;
    /* a descender reaches ~0.22 em below the baseline; a word's ink ends
     * at the baseline, give or take a pixel's rounding */
    float own = bottom - (descends ? 0.22f * wem : 0.0f);
    /* ink ending above the baseline is the word's own: a mark can only
     * add ink. Ink ending below it may be a pen mark under the word: the
     * word's top must be lower than the line's capitals too */
    bool above = own < line_base - 0.3f * wem;
    bool below = bottom > line_base + 0.45f * wem && top > line_base - 0.72f * em + 0.3f * wem;
    return above || below ? own : line_base;
}
