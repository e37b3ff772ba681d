/* Coloured ink on a scan: a pen's ticks, rings and underlines, a rubber
 * stamp, a signature, put on the printed statement in blue, violet or red.
 * Statements print their rows in black or grey; where such ink crosses a
 * row (a ring round an amount joining three rows into one block of ink, a
 * stamp over a date) OCR loses the row. Pure: an RGB image in, the grey
 * page with that ink taken out. */
#ifndef PB_EXTRACT_OCR_INK_H
#define PB_EXTRACT_OCR_INK_H

#include <stddef.h>

/* How far a pixel's strongest channel stands above the next for it to be
 * coloured ink: blue, violet and red inks laid solid on paper stand 50-130
 * above; a pen's thin stroke, its colour halved by the scan's blur and its
 * JPEG's coarser colour, ~25-35 (scan-smoke's kotak: (48, 57, 88) for its
 * blue ring); black and grey print and a yellowed paper's tint (red and
 * green alike, blue lower) within 10. */
#define OCR_INK_EXCESS 16

/* Makes paper (255) the pixels of gray (width x height, gray_stride bytes
 * a row) that are coloured ink in rgb (the same page in colour, 3 bytes a
 * pixel, rgb_stride a row); every other pixel stays as it is. Returns how
 * many were ink. gray NULL: only counts them (a page with none is not
 * drawn in grey again). */
long ocr_take_off_ink(unsigned char *gray, size_t gray_stride, const unsigned char *rgb, size_t rgb_stride, int width,
                      int height);

#endif
