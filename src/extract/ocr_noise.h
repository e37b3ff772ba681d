/* Marks read as words: a stamp's edge, a pen stroke or a speck of noise
 * that Tesseract read as a few letters ("Sar", "aa", "ee", "aA Ol Nae").
 * Such a word sits on a line of its own between a row and the line its
 * narration wraps onto, and the table reader, seeing a line that is no
 * row's, ends the row there: its wrapped text was lost (scan-smoke: a
 * name's last word, a VPA line, a UPI reference line). What gives them
 * away is their size: OCR's font size for a word comes from its line's
 * height, and a mark's "line" is a fraction of the page's type, while a
 * statement prints nothing much smaller than its body text (footnotes at
 * ~0.75 of it); or, a stamp's or a signature's, several times it. Pure:
 * words in, words out. */
#ifndef PB_EXTRACT_OCR_NOISE_H
#define PB_EXTRACT_OCR_NOISE_H

#include <stddef.h>

#include "extract/ocr_reread.h"

/* Below this confidence a small word may be a mark; a small word read
 * surely (a footnote, a page number) is text. */
#define OCR_NOISE_CONF 60.0f

/* A word this much smaller than the page's median size is no text. */
#define OCR_NOISE_SIZE 0.75f

/* Nor, read unsure, one this much larger: a stamp's or a signature's
 * strokes read as a few letters ('DA' at 4 times the type's size, '15H,',
 * 'NAS'; a letterhead's or a title's large type is read surely, and rows
 * whose two lines OCR read as one are under twice the size). Such a word
 * sitting over two printed lines made them one line: a line's words are
 * those within a third of its first word's size (layout.c), and 'Account
 * No : 50125853617699' was read into the line below, its value lost. */
#define OCR_MARK_SIZE 2.5f

/* Drops from w[0..n) the words read unsure (conf below OCR_NOISE_CONF) at
 * a size below OCR_NOISE_SIZE or above OCR_MARK_SIZE of the page's median
 * (all of w), keeping the others in order. Returns how many are left. */
size_t ocr_drop_noise(struct pword *w, size_t n);

#endif
