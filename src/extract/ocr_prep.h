/* A scanned page prepared before its bands are found and read: what a
 * copier did to the paper, undone. A photocopy greys the whole sheet with
 * its toner's fog: paper at 150-190 of 255 where ocr_bands takes anything
 * darker than 160 for ink, so whole rows of paper were ink, a page one
 * band, and the table not found (a scan-heldout copy read 0 of 23 rows).
 * A copy also spreads the toner: its heavy type, a bold header's labels
 * above all, can read as no word at all, in grey or in black and white
 * ('Withdrawals' and 'Balance' of a header lost, and with them the columns:
 * 0 of 42 rows). A piece of that size no reading showed a word in is read
 * once more with its strokes thinned.
 * Pure: an 8-bit grey image in, the same image out. */
#ifndef PB_EXTRACT_OCR_PREP_H
#define PB_EXTRACT_OCR_PREP_H

#include <stdbool.h>
#include <stddef.h>

/* Paper darker than this is a copy's fog: the page is lifted. A scan's
 * own paper, unevenly lit, stands at ~200-245. */
#define OCR_FOGGED_PAPER 185

/* The page's paper: its median grey (type covers a fifth of a statement's
 * page at most), over every other pixel of every other row. */
int ocr_paper_level(const unsigned char *gray, int width, int height, size_t stride);

/* Lifts a fogged page (paper under OCR_FOGGED_PAPER, but not a page of ink
 * under 64) so that its paper is white again: every pixel scaled by
 * 245 / paper, type staying dark. Returns whether it did. */
bool ocr_lift_fog(unsigned char *gray, int width, int height, size_t stride);

/* Whether a piece no reading showed a word in is worth reading again
 * thinned: the size of a word of type at dpi (at least a sixth of an inch
 * wide and a tenth high), not a speck or a pen's tick. */
bool ocr_worth_thinning(int width, int height, int dpi);

/* The thinning radius at dpi: a pixel at 300 dpi (a copy's spread). */
int ocr_thin_radius(int dpi);

/* Thins strokes: every pixel takes the lightest grey within r of it (a
 * square 2r + 1 wide), so ink loses r pixels on every side. Returns 0, -1
 * when out of memory (gray unchanged). */
int ocr_thin(unsigned char *gray, int width, int height, size_t stride, int r);

#endif
