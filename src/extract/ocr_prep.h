/* A scanned page prepared before its bands are found and read: what a
 * copier did to the paper, undone. A photocopy greys the whole sheet with
 * its toner's fog: paper at 150-190 of 255 where ocr_bands takes anything
 * darker than 160 for ink, so whole rows of paper were ink, a page one
 * band, and the table not found (a scan-heldout copy read 0 of 23 rows).
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

#endif
