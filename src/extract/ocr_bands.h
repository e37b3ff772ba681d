/* The bands of a scanned page that hold text: runs of pixel rows with ink,
 * once the table's ruled lines are taken out, each with the columns its ink
 * spans. OCR reads each band by itself instead of asking Tesseract to find
 * the page's layout: on a statement (a ruled table, rows apart) its layout
 * analysis, table finder above all, cost more than the recognition itself,
 * and the rows of a table are just such bands. Pure: an 8-bit grey image in,
 * rectangles out. */
#ifndef PB_EXTRACT_OCR_BANDS_H
#define PB_EXTRACT_OCR_BANDS_H

#include <stdbool.h>
#include <stddef.h>

struct ocr_band {
    int x0, y0, x1, y1; /* pixels, x1/y1 exclusive, with a margin of blank around the ink */
};

/* The bands of the image, top to bottom, into *out (malloc'ed; the caller
 * frees it). dpi scales what counts as a rule (an ink run longer than a
 * glyph) and as a speck (a band too thin for a line of text). Returns the
 * number of bands, or -1 when out of memory. */
long ocr_bands(unsigned char *gray, int width, int height, size_t stride, int dpi, struct ocr_band **out);

/* The baseline of a word OCR found on a line whose baseline at the word is
 * line_base, the word's ink spanning rows top..bottom (any unit, y down),
 * in type of size em (the line's: its height above the baseline over
 * 0.72). A piece of a band may hold two columns whose text sits at
 * different heights (a date printed centred beside a two-line narration,
 * too close to it to be a piece of its own): Tesseract makes the date the
 * first word of the narration's first line, and that line's baseline is
 * not the date's. Every letter and digit reaches its baseline and none
 * goes below it further than a descender, so a line's first word (first)
 * whose ink ends clearly above the line's baseline, or clearly below it
 * with its top below the line's capitals too (else a mark under the word),
 * gets its own: its bottom, less a descender when it has a glyph with one.
 * Any other word keeps line_base: words further along a line may be two
 * printed lines of one column read as one, which the line's baseline
 * keeps in reading order. */
float ocr_word_base(const char *word, bool first, float line_base, float top, float bottom, float em);

#endif
