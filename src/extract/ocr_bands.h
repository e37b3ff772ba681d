/* The bands of a scanned page that hold text: runs of pixel rows with ink,
 * once the table's ruled lines are taken out, each with the columns its ink
 * spans. OCR reads each band by itself instead of asking Tesseract to find
 * the page's layout: on a statement (a ruled table, rows apart) its layout
 * analysis, table finder above all, cost more than the recognition itself,
 * and the rows of a table are just such bands. Pure: an 8-bit grey image in,
 * rectangles out. */
#ifndef PB_EXTRACT_OCR_BANDS_H
#define PB_EXTRACT_OCR_BANDS_H

#include <stddef.h>

struct ocr_band {
    int x0, y0, x1, y1; /* pixels, x1/y1 exclusive, with a margin of blank around the ink */
};

/* The bands of the image, top to bottom, into *out (malloc'ed; the caller
 * frees it). dpi scales what counts as a rule (an ink run longer than a
 * glyph) and as a speck (a band too thin for a line of text). Returns the
 * number of bands, or -1 when out of memory. */
long ocr_bands(unsigned char *gray, int width, int height, size_t stride, int dpi, struct ocr_band **out);

#endif
