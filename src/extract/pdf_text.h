/* A PDF page's text layer as positioned words: MuPDF's structured text,
 * run under the call's limits (pdf_bounds.h before the page runs, the
 * watchdog's cookie while it does), split into words at spaces and gaps,
 * each word noting its font (pdf_fonts.h). */
#ifndef PB_EXTRACT_PDF_TEXT_H
#define PB_EXTRACT_PDF_TEXT_H

#include <stdbool.h>

#include <mupdf/fitz.h>

#include "extract/layout.h"
#include "extract/pdf_bounds.h"
#include "extract/pdf_fonts.h"
#include "extract/watchdog.h"

/* Page i's words into l (horizontal text only). With want_images no words
 * are added: the page's image blocks are counted instead, and *image_dpi
 * (when given) raised to the highest resolution an image is placed at.
 * Returns the number of image blocks seen (with want_images) or 0; -1 on
 * a MuPDF error or out of memory, -2 when a limit stopped it. */
int pdf_text_read_page(fz_context *ctx, fz_document *doc, int i, struct layout *l, struct pdf_fonts *fs,
                       bool want_images, struct watch *w, struct pdf_bounds *bounds, float *image_dpi);

#endif
