/* A scanned page's first reading, kept piece by piece for its reading
 * again.
 *
 * A scan whose balance chain breaks has the pages of the break read again
 * with their coloured ink taken off (scan_again.h, ocr_ink.h); on
 * scan-smoke 6 of 16 pages were so read twice whole, though the ink (a
 * pen's ring, a tick, a stamp) touches a few of a page's pieces: every
 * other pixel is as first drawn. The first reading keeps, for each piece
 * it read (ocr_bands.h), where it was, a checksum of every pixel its
 * reading looked at, and its words; the reading again takes the words of
 * a piece at the same place whose pixels sum the same, and reads only the
 * others. Recognition is a function of those pixels, so the words are
 * those a reading would give. The page is also straightened by the first
 * reading's angle (found again without the ink, it could differ by a
 * hair and move every pixel). Pure: pixels in, sums and words out. */
#ifndef PB_EXTRACT_OCR_MEMO_H
#define PB_EXTRACT_OCR_MEMO_H

#include <stddef.h>
#include <stdint.h>

#include "extract/ocr_reread.h"

/* A piece as first read: its box on the page (pixels, x1/y1 exclusive),
 * the sum of its pixels and its words (placed on the page, points). */
struct ocr_memo_piece {
    int x0, y0, x1, y1;
    uint64_t sum;
    struct pword *words;
    size_t nwords;
};

/* A page as first read: whether it was (and fully), the angle it was
 * straightened by (radians, 0: as drawn), the work it took (CPU seconds),
 * its pieces. */
struct ocr_memo_page {
    int read;
    float angle;
    double seconds;
    struct ocr_memo_piece *p;
    size_t n, cap;
};

/* The first reading of a document's scanned pages. */
struct ocr_memo {
    struct ocr_memo_page *pages;
    int npages;
};

/* The checksum of the rows [y0, y1) x columns [x0, x1) of an 8-bit image
 * (stride bytes a row), added to sum (start with OCR_MEMO_SUM0). */
#define OCR_MEMO_SUM0 0x9e3779b97f4a7c15ull
uint64_t ocr_memo_sum(uint64_t sum, const unsigned char *pixels, size_t stride, int x0, int y0, int x1, int y1);

/* Page i's memo (0-based), the memo grown to hold it (zeroed); NULL when
 * out of memory. */
struct ocr_memo_page *ocr_memo_page(struct ocr_memo *m, int i);

/* Adds a piece (copying its n words) to page pg. Returns -1 when out of
 * memory (then the page is not to be trusted: mark it unread). */
int ocr_memo_add(struct ocr_memo_page *pg, int x0, int y0, int x1, int y1, uint64_t sum, const struct pword *words,
                 size_t n);

/* The piece of page pg with that box and that sum; NULL when none. */
const struct ocr_memo_piece *ocr_memo_find(const struct ocr_memo_page *pg, int x0, int y0, int x1, int y1,
                                           uint64_t sum);

/* The work (CPU seconds) reading a page again may take: what its first
 * reading (first, or NULL) left of the page's limit, `seconds`. Both
 * readings share it: reading again is reading only what the ink touched,
 * and a page is not to cost twice its limit. */
double ocr_memo_seconds_left(const struct ocr_memo_page *first, double seconds);

/* Empties page pg (its pieces freed). */
void ocr_memo_page_clear(struct ocr_memo_page *pg);

/* Frees all of m and zeroes it. */
void ocr_memo_free(struct ocr_memo *m);

#endif
