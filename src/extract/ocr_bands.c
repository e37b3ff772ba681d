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

/* The band of rows [y0, y1) cut at gaps of blank columns at least gap
 * wide (between a table's columns; words are closer), each piece's rows
 * trimmed to its own ink. */
static int split_band(const unsigned char *gray, int width, int height, size_t stride, int y0, int y1, int gap, int pad,
                      int *col, struct bands *bs)
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
        for (; x < width && blank < gap; x++) {
            if (col[x])
                blank = 0, x1 = x + 1;
            else
                blank++;
        }
        int t = y0, b = y1;
        while (t < b && !ink_in_row(gray + (size_t)t * stride, x0, x1))
            t++;
        while (b > t && !ink_in_row(gray + (size_t)(b - 1) * stride, x0, x1))
            b--;
        if (x1 - x0 < 3 || b - t < 3) /* a speck */
            continue;
        if (push(bs, x0 > pad ? x0 - pad : 0, t > pad ? t - pad : 0, x1 + pad < width ? x1 + pad : width,
                 b + pad < height ? b + pad : height) < 0)
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
    int pad = dpi / 30 > 2 ? dpi / 30 : 2;  /* blank Tesseract sees around the ink */
    int gap = dpi / 6;                      /* blank between a table's columns: 2 em of 8-pt type */
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
        if (y - y0 >= thin && split_band(gray, width, height, stride, y0, y, gap, pad, col, &bs) < 0) {
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
