/* Light text on a dark fill: statements print their table's header (and
 * sometimes a title or a summary) in white on a dark band. Read as it is,
 * the band is one block of ink: its long dark runs are erased as ruled
 * lines (ocr_bands.h) and what is left of its words is read as noise
 * ("Det tetre The CMEIN" for "Debit Credit Balance"), and a statement
 * whose header is not read has no table at all. Such blocks are turned to
 * dark text on light before anything else reads the page. Pure: an 8-bit
 * grey image in, the same image out. */
#ifndef PB_EXTRACT_OCR_SHADE_H
#define PB_EXTRACT_OCR_SHADE_H

#include <stddef.h>

/* Darker than this is a dark fill's (or black type's) pixel. A grey
 * shading with black type on it is lighter: it is read as it is. */
#define OCR_DARK 128

/* Inverts, in gray (width x height, stride bytes a row), the pixels that
 * lie in a dark block: where at least half of the box around a pixel, a
 * quarter inch wide and a twelfth of an inch high at dpi (wider and
 * higher than any stroke; lower than a header band, so its light words
 * never empty it), is darker than OCR_DARK, along at least half an inch of the
 * row, with solid fill (a run of dark half an inch long) within a sixth of
 * an inch above and below, a fortieth of an inch of it in all (a band's
 * padding around its type). Bold type fills half a box here and there but
 * not along a line, and has no fill around it; a table's rules around a
 * row of bold labels are thinner than a band's padding. Inverted, the
 * fill's grey is lifted to paper (by 4/3) and its type becomes ink.
 * Returns how many pixels were inverted, -1 when out of memory (the image
 * is then unchanged). */
long ocr_lighten_dark_blocks(unsigned char *gray, int width, int height, size_t stride, int dpi);

#endif
