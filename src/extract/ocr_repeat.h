/* Pieces of a scanned page printed as on the page before, or as earlier
 * on the same page: read once.
 *
 * A statement prints its letterhead, the account's details and a footer of
 * small print on every page; by OCR each page's copy cost as much as the
 * first's (on scan-smoke's two-page statements a quarter to half of the
 * second page's text, hdfc's footer seven lines across the page). A piece
 * of a page (ocr_bands.h) whose ink is the ink of a piece of the page
 * before, at the same place and of the same size, takes that piece's words
 * instead of being read again. So does one printed as a piece read earlier
 * on its own page, anywhere: a table prints the same dates, codes and
 * words row after row.
 *
 * "The same ink" is strict: both pieces' ink (darker than OCR_REPEAT_INK,
 * as ocr_bands counts it) is compared at the best of a few pixels' shift,
 * a pixel of either side's ink with none of the other's within a pixel
 * counts against them, and any small square of the piece with more than a
 * few such pixels makes them different: one glyph changed ("Page 1" and
 * "Page 2", a 3 and an 8, a comma for a point) is a square full of them,
 * while a scan's noise along the edges of the same glyphs is within the
 * pixel. A speck or a pen mark on one copy makes it different too: that
 * piece is read, as before. Pure: grey images in, a verdict out; the
 * memory of the page before is the caller's (ocr.c). */
#ifndef PB_EXTRACT_OCR_REPEAT_H
#define PB_EXTRACT_OCR_REPEAT_H

#include <stdbool.h>
#include <stddef.h>

#include "extract/ocr_reread.h"

#define OCR_REPEAT_INK 160 /* darker than this is ink (as ocr_bands.c) */

/* The box of a piece's ink: [x0, x1) x [y0, y1) of the piece, empty (x1
 * == 0) when it has none. */
struct ocr_extent {
    int x0, y0, x1, y1;
};

/* A piece as read: where it was on its page (pixels), its ink (1 a pixel
 * of ink, w x h bytes) and the box of it (found once: a piece is compared
 * with many), and its words, placed from its top left corner (in
 * points). */
struct ocr_seen_piece {
    int x0, y0, w, h;
    unsigned char *ink;
    struct ocr_extent extent;
    struct pword *words;
    size_t nwords;
};

/* The pieces of the page read last. */
struct ocr_seen {
    struct ocr_seen_piece *p;
    size_t n, cap;
    int dpi;
};

/* The ink of the piece [x0, x0 + w) x [y0, y0 + h) of an 8-bit grey page
 * (stride bytes a row), malloc'ed; NULL when out of memory. */
unsigned char *ocr_repeat_ink(const unsigned char *gray, size_t stride, int x0, int y0, int w, int h);

/* Whether ink a (aw x ah) and ink b (bw x bh) are the same print (above),
 * at dpi. */
bool ocr_same_ink(const unsigned char *a, int aw, int ah, const unsigned char *b, int bw, int bh, int dpi);

/* The piece of seen printed as the piece at (x0, y0), w x h pixels, with
 * ink `ink`: near the same place (a tenth of an inch), of the same size
 * (two pixels) and the same ink; NULL when none. */
const struct ocr_seen_piece *ocr_seen_find(const struct ocr_seen *seen, int x0, int y0, int w, int h,
                                           const unsigned char *ink);

/* The piece of seen, the pieces of this page read so far, printed as the
 * piece w x h with ink `ink`, anywhere on the page: a statement prints a
 * day's date on each of its rows and its value date beside it, a branch
 * code or "TRANSFER TO" on every row (on scan-smoke ~9% of the text read
 * was such a copy). Only pieces read as words, and none lower than a tenth
 * of an inch (7 pt): a speck's few pixels of ink are "the same" as any
 * other speck's. NULL when none. */
const struct ocr_seen_piece *ocr_seen_find_on_page(const struct ocr_seen *seen, int w, int h, const unsigned char *ink);

/* Adds a piece to seen (taking ink; copying n words, placed on the page,
 * to the piece's corner at px pixels a point). Returns -1 when out of
 * memory (ink freed). */
int ocr_seen_add(struct ocr_seen *seen, int x0, int y0, int w, int h, unsigned char *ink, const struct pword *words,
                 size_t n, float px);

/* Empties seen (its pieces freed), for the next page's. */
void ocr_seen_clear(struct ocr_seen *seen);

/* Frees all of seen and zeroes it. */
void ocr_seen_free(struct ocr_seen *seen);

#endif
