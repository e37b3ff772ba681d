/* What a page may cost before MuPDF runs it. MuPDF interprets content
 * streams as it inflates them and form XObjects each time they are drawn,
 * so a few kilobytes can mean hours of work: Flate inside Flate inflating
 * to gigabytes of whitespace (one token the interpreter never gets past),
 * or forms drawing forms, each four times, thirty levels deep. Before a
 * page is run, every content stream it can reach (page contents, form
 * XObjects, tiling patterns, soft-mask groups, Type 3 glyphs, annotation
 * appearances) is inflated once with a byte count and the form nesting is
 * measured (the longest chain of forms, memoised per object). The data
 * a page's fonts read while they load (ToUnicode and encoding CMaps, which
 * MuPDF parses token by token, and embedded font programs) is inflated and
 * counted the same way. The work of drawing itself (repetition) is left to
 * the watchdog's token count (watchdog.h), except for Type 3 glyphs: MuPDF
 * records every glyph of a Type 3 font when the font loads, outside the
 * page's cookie and device, so their work (operators, each form drawn
 * counted as its own work) is counted here, once per font. */
#ifndef PB_EXTRACT_PDF_BOUNDS_H
#define PB_EXTRACT_PDF_BOUNDS_H

#include <stddef.h>

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

#include "extract/watchdog.h"

struct pdf_bounds {
    size_t max_page_bytes;       /* inflated content a page may reach */
    size_t max_doc_bytes;        /* ... the whole document */
    int max_depth;               /* nesting of forms, patterns, glyphs */
    long max_glyph_work;         /* operators of all Type 3 glyphs of the document */
    size_t max_page_image_bytes; /* images a page drawn for OCR may decode */
    size_t max_doc_image_bytes;  /* ... every page drawn for OCR */
    struct watch *watch;         /* checked while inflating */
    /* state */
    size_t page_bytes, doc_bytes, image_bytes;
    unsigned char *height;       /* per object number: 0 unknown, 1 in progress, 2 + height */
    unsigned char *inflated;     /* per object number: font data already counted */
    unsigned *work;              /* per object number: 0 unknown, 1 in progress, 2 + work (Type 3 only) */
    long glyph_work;
    int nobjs;
    char why[160];               /* what was exceeded */
};

/* Prepares b for doc (limits must be set). Returns 0 / -1 (out of memory). */
int pdf_bounds_open(fz_context *ctx, pdf_document *doc, struct pdf_bounds *b);
void pdf_bounds_close(fz_context *ctx, struct pdf_bounds *b);
/* Inflates the object streams of doc (objects read later come from them).
 * 0, or -1 with b->why. */
int pdf_bounds_check_objstms(fz_context *ctx, pdf_document *doc, struct pdf_bounds *b);
/* Checks everything page may reach. 0, or -1 with b->why (a limit, or the
 * watchdog's deadline). Errors in broken streams are left to MuPDF. */
int pdf_bounds_check_page(fz_context *ctx, pdf_page *page, struct pdf_bounds *b);
/* Before page is drawn (for OCR): the bytes its images decode to (image
 * XObjects of its resources and forms), against the page's and the
 * document's caps. Inflating an image costs its decoded size whatever the
 * resolution it is drawn at: a few MB of Flate can be gigabytes of pixels.
 * 0, or -1 with b->why. */
int pdf_bounds_check_images(fz_context *ctx, pdf_page *page, struct pdf_bounds *b);

#endif
