/* Pieces printed as on the page before. See ocr_repeat.h. */
#include "extract/ocr_repeat.h"

#include <stdlib.h>
#include <string.h>

#define SHIFT 2 /* pixels either way the two copies may sit apart */

unsigned char *ocr_repeat_ink(const unsigned char *gray, size_t stride, int x0, int y0, int w, int h)
{
    unsigned char *ink = w > 0 && h > 0 ? malloc((size_t)w * (size_t)h) : NULL;
    if (!ink)
        return NULL;
    for (int y = 0; y < h; y++) {
        const unsigned char *row = gray + (size_t)(y0 + y) * stride + x0;
        for (int x = 0; x < w; x++)
            ink[(size_t)y * (size_t)w + (size_t)x] = row[x] < OCR_REPEAT_INK;
    }
    return ink;
}

/* Ink within a pixel of (x, y) of ink m (w x h); outside it there is none. */
static bool ink_near(const unsigned char *m, int w, int h, int x, int y)
{
    for (int dy = -1; dy <= 1; dy++)
        for (int dx = -1; dx <= 1; dx++) {
            int u = x + dx, v = y + dy;
            if (u >= 0 && v >= 0 && u < w && v < h && m[(size_t)v * (size_t)w + (size_t)u])
                return true;
        }
    return false;
}

/* Whether a and b, b shifted by (sx, sy) (b's pixel (x - sx, y - sy) over
 * a's (x, y)), differ nowhere by more than `most` pixels in a square of
 * `cell`: a pixel of ink in either with none of the other's within a pixel
 * differs. The squares are counted over a's extent grown by the shift. */
static bool same_at(const unsigned char *a, int aw, int ah, const unsigned char *b, int bw, int bh, int sx, int sy,
                    int cell, int most)
{
    int x0 = sx < 0 ? sx : 0, y0 = sy < 0 ? sy : 0;
    int x1 = aw > bw + sx ? aw : bw + sx, y1 = ah > bh + sy ? ah : bh + sy;
    int cols = (x1 - x0 + cell - 1) / cell;
    int *count = calloc((size_t)cols, sizeof *count);
    if (!count)
        return false;
    bool same = true;
    for (int y = y0; y < y1 && same; y++) {
        if ((y - y0) % cell == 0)
            memset(count, 0, (size_t)cols * sizeof *count);
        for (int x = x0; x < x1; x++) {
            bool ia = x >= 0 && y >= 0 && x < aw && y < ah && a[(size_t)y * (size_t)aw + (size_t)x];
            int bx = x - sx, by = y - sy;
            bool ib = bx >= 0 && by >= 0 && bx < bw && by < bh && b[(size_t)by * (size_t)bw + (size_t)bx];
            if (ia == ib || (ia && ink_near(b, bw, bh, bx, by)) || (ib && ink_near(a, aw, ah, x, y)))
                continue;
            if (++count[(x - x0) / cell] > most) {
                same = false;
                break;
            }
        }
    }
    free(count);
    return same;
}

/* The box of the ink of m (w x h). */
static struct ocr_extent ink_extent(const unsigned char *m, int w, int h)
{
    struct ocr_extent e = {w, h, 0, 0};
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            if (m[(size_t)y * (size_t)w + (size_t)x]) {
                e.x0 = x < e.x0 ? x : e.x0, e.x1 = x + 1 > e.x1 ? x + 1 : e.x1;
                e.y0 = y < e.y0 ? y : e.y0, e.y1 = y + 1;
            }
    return e;
}

static int iabs(int v)
{
    return v < 0 ? -v : v;
}

/* ocr_same_ink, the boxes of the two inks given (ea, eb). */
static bool same_ink(const unsigned char *a, int aw, int ah, struct ocr_extent ea, const unsigned char *b, int bw,
                     int bh, struct ocr_extent eb, int dpi)
{
    /* squares of a fifth of a small glyph's height (8-pt type: 33 px at
     * 300 dpi), at most 2 pixels differing in one at 300 dpi. Measured on
     * scan-smoke's second pages, most at the best shift: the same header
     * 0 (a few 1-6: a scan's speck), "Page 1" printed as "Page 2" 7, a
     * footer's page number 9, other text 14 and more */
    int cell = dpi / 40 > 3 ? dpi / 40 : 3, most = cell * cell / 24 > 2 ? cell * cell / 24 : 2;
    /* the same print's ink spans the same box, give or take a pixel at
     * its edges: another extent is another print, and the shifts worth
     * trying are those within a pixel of the one that lays the boxes over
     * each other (a glyph's width of text costs the same as its match) */
    if (!ea.x1 || !eb.x1)
        return !ea.x1 && !eb.x1;
    if (iabs((ea.x1 - ea.x0) - (eb.x1 - eb.x0)) > SHIFT || iabs((ea.y1 - ea.y0) - (eb.y1 - eb.y0)) > SHIFT)
        return false;
    int dx = ea.x0 - eb.x0, dy = ea.y0 - eb.y0;
    for (int sy = dy - 1; sy <= dy + 1; sy++)
        for (int sx = dx - 1; sx <= dx + 1; sx++)
            if (iabs(sx) <= SHIFT && iabs(sy) <= SHIFT && same_at(a, aw, ah, b, bw, bh, sx, sy, cell, most))
                return true;
    return false;
}

bool ocr_same_ink(const unsigned char *a, int aw, int ah, const unsigned char *b, int bw, int bh, int dpi)
{
    return same_ink(a, aw, ah, ink_extent(a, aw, ah), b, bw, bh, ink_extent(b, bw, bh), dpi);
}

/* The first piece of seen of the size w x h with ink `ink` whose words
 * are wanted (want), or NULL. */
static const struct ocr_seen_piece *find(const struct ocr_seen *seen, int w, int h, const unsigned char *ink,
                                         bool (*want)(const struct ocr_seen_piece *p, int x0, int y0, int near),
                                         int x0, int y0)
{
    struct ocr_extent e = {0, 0, -1, 0}; /* found at the first candidate */
    for (size_t i = 0; i < seen->n; i++) {
        const struct ocr_seen_piece *p = &seen->p[i];
        if (iabs(p->w - w) > SHIFT || iabs(p->h - h) > SHIFT || !want(p, x0, y0, seen->dpi / 10))
            continue;
        if (e.x1 < 0)
            e = ink_extent(ink, w, h);
        if (same_ink(ink, w, h, e, p->ink, p->w, p->h, p->extent, seen->dpi))
            return p;
    }
    return NULL;
}

static bool at_the_place(const struct ocr_seen_piece *p, int x0, int y0, int near)
{
    return iabs(p->x0 - x0) <= near && iabs(p->y0 - y0) <= near;
}

const struct ocr_seen_piece *ocr_seen_find(const struct ocr_seen *seen, int x0, int y0, int w, int h,
                                           const unsigned char *ink)
{
    return find(seen, w, h, ink, at_the_place, x0, y0);
}

static bool read_as_words(const struct ocr_seen_piece *p, int x0, int y0, int near)
{
    (void)x0, (void)y0, (void)near;
    return p->nwords > 0;
}

const struct ocr_seen_piece *ocr_seen_find_on_page(const struct ocr_seen *seen, int w, int h, const unsigned char *ink)
{
    if (h * 10 < seen->dpi)
        return NULL;
    return find(seen, w, h, ink, read_as_words, 0, 0);
}

int ocr_seen_add(struct ocr_seen *seen, int x0, int y0, int w, int h, unsigned char *ink, const struct pword *words,
                 size_t n, float px)
{
    if (seen->n == seen->cap) {
        size_t cap = seen->cap ? 2 * seen->cap : 64;
        struct ocr_seen_piece *g = realloc(seen->p, cap * sizeof *g);
        if (!g) {
            free(ink);
            return -1;
        }
        seen->p = g, seen->cap = cap;
    }
    struct pword *copy = n ? malloc(n * sizeof *copy) : NULL;
    if (n && !copy) {
        free(ink);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        copy[i] = words[i];
        copy[i].x0 -= (float)x0 / px, copy[i].x1 -= (float)x0 / px, copy[i].base -= (float)y0 / px;
    }
    seen->p[seen->n++] = (struct ocr_seen_piece){x0, y0, w, h, ink, ink_extent(ink, w, h), copy, n};
    return 0;
}

void ocr_seen_clear(struct ocr_seen *seen)
{
    for (size_t i = 0; i < seen->n; i++) {
        free(seen->p[i].ink);
        free(seen->p[i].words);
    }
    seen->n = 0;
}

void ocr_seen_free(struct ocr_seen *seen)
{
    ocr_seen_clear(seen);
    free(seen->p);
    *seen = (struct ocr_seen){NULL, 0, 0, 0};
}
