/* Drawing a PDF page into pixels for OCR, under the call's watch
 * (watchdog.h): the resolution it is drawn at, the drawing itself in grey
 * or colour, whether it may draw anything in colour, and its coloured ink
 * counted or taken off (ocr_ink.h). pdf_doc.c decides which pages are
 * drawn and reads them; this file only draws. Functions that draw throw
 * (MuPDF's fz_throw) when a limit stops the drawing; the caller catches. */
#ifndef PB_EXTRACT_PDF_DRAW_H
#define PB_EXTRACT_PDF_DRAW_H

#include <stdbool.h>

#include <mupdf/fitz.h>

#include "extract/watchdog.h"

/* The resolution a page of bounds box is drawn at for OCR: 300 dpi, lower
 * for a page so big that it would pass 40 megapixels. */
float pdf_draw_dpi(fz_rect box);

/* Runs page through device inner (taken: dropped here) under watch w.
 * Throws when a limit stops it. */
void pdf_draw_run_watched(fz_context *ctx, struct watch *w, fz_page *page, fz_device *inner, fz_matrix ctm);

/* Page page drawn through ctm into a new pixmap of colour space cs (the
 * caller drops it), under watch w. Throws when a limit stops the drawing. */
fz_pixmap *pdf_draw_page(fz_context *ctx, struct watch *w, fz_page *page, fz_matrix ctm, fz_colorspace *cs);

/* Whether page may draw anything in colour: MuPDF's test device looks at
 * the colour spaces of its images (without decoding them) and at the
 * colours of everything else. A page of grey images and grey print (a
 * grey scan) draws no pixel of coloured ink (ocr_ink.h): it need not be
 * drawn in colour to count none. Throws when a limit stops it. */
bool pdf_draw_may_colour(fz_context *ctx, struct watch *w, fz_page *page, fz_matrix ctm);

/* How many pixels of rgb (a page drawn in colour) are coloured ink. */
long pdf_draw_count_ink(fz_context *ctx, fz_pixmap *rgb);

/* Takes the coloured ink off gray (ocr_ink.h), the page as drawn in grey;
 * rgb is the same page drawn in colour. Returns how many pixels were ink,
 * -1 when the two drawings differ in size. */
long pdf_draw_take_off_ink(fz_context *ctx, fz_pixmap *rgb, fz_pixmap *gray);

#endif
