/* Tesseract behind a small interface: a rendered page image in, positioned
 * words (with Tesseract's confidence) out, in the same layout the text
 * path fills, so scanned pages feed the same table and identity readers.
 * Knows nothing of MuPDF: pdf_doc.c renders the page and calls this.
 *
 * One Tesseract handle per thread, initialised on first use and deleted
 * when the thread ends; the language data comes from Debian's
 * tesseract-ocr-eng (Tesseract's compiled-in path, or TESSDATA_PREFIX). */
#ifndef PB_EXTRACT_OCR_H
#define PB_EXTRACT_OCR_H

#include <stdbool.h>

#include "extract/layout.h"
#include "extract/ocr_memo.h"
#include "extract/ocr_repeat.h"

/* An 8-bit grey page image and how it maps to the page: a pixel is
 * 72 / dpi points. */
struct ocr_image {
    const unsigned char *gray;
    int width, height, stride;
    int dpi;
    int page; /* 0-based page the words go to */
};

enum ocr_result { OCR_DONE = 0, OCR_FAILED = -1, OCR_TIMED_OUT = -2 };

/* A page's OCR is bounded by the work it does (the reading thread's CPU
 * time); the wall clock only guards against a page that never gets a core,
 * with this many times as long: at four times, 9 of 12 scans read at once
 * on a loaded 2-core machine were refused as too slow, each page needing
 * ~3 s of CPU. */
#define OCR_WALL_FACTOR 15

/* Whether the engine and its English data load (once per thread). */
bool ocr_available(void);

/* Reads the page's words into l (each with its confidence, 0..100),
 * giving up after `seconds` of recognition work (this thread's CPU time;
 * OCR_WALL_FACTOR times as long on the wall clock). Deskews the image first (a
 * scan fed at a slant would put one table row on several lines), then reads
 * its text bands one by one (ocr_bands.h) rather than have Tesseract find the
 * page's layout. Words already normalised for the reader (ocr_fix.h). A
 * piece printed as on the page before (seen: that page's pieces, zeroed for
 * a document's first) takes its words unread (ocr_repeat.h); seen then
 * holds this page's (emptied when it was not read; the caller frees it,
 * ocr_seen_free). Read first, the page's pieces are kept in keep (when
 * not NULL; ocr_memo.h), for reading it again; read again (first, that
 * reading, when not NULL), it is straightened as then, a piece whose
 * pixels are as then takes its words unread, and its time limit is what
 * the first reading left of `seconds` (ocr_memo_seconds_left). Returns an ocr_result; the
 * words read before a timeout are dropped. */
int ocr_read_page(const struct ocr_image *img, double seconds, struct ocr_seen *seen, const struct ocr_memo_page *first,
                  struct ocr_memo_page *keep, struct layout *l);

#endif
