/* Words in faint ink: a rubber stamp's ('BRANCH MANAGER', '07 NOV 2023',
 * 'CERTIFIED TRUE COPY', 'VERIFIED'), pressed in blue, violet or red ink
 * beside or over the rows and scanned in grey. OCR reads its words like
 * print, and the table reader took them into the row beside them: a
 * narration ending in 'VERIFIED' or 'NOV 2023', a reference column reading
 * 'CERTIFIEDTRUEBRANCHCOPY'. What gives them away is their ink: a stamp's
 * colour comes out mid-grey (its darkest pixels 110-220 on scan-smoke,
 * where the page's print is 30-50 and its paper 200-230), while a
 * statement's type, faded, blurred or copied, is the darkest thing on its
 * page. Pure: grey pixels and words in, words out. */
#ifndef PB_EXTRACT_OCR_FAINT_H
#define PB_EXTRACT_OCR_FAINT_H

#include <stddef.h>

#include "extract/ocr_reread.h"

/* A word is faint when its darkest ink is lighter than this share of the
 * way from the page's print to its paper. On scan-smoke s1 printed words
 * with a letter or digit stood at most 0.2 of the way (a thin colon 0.25),
 * stamps' words 0.40-1.0; grey type printed as such (a light '#999')
 * would stand over it and go too. */
#define OCR_FAINT_SHARE 0.4f

/* A glyph alone ('i', 'I', '1') must be fainter: thin, its core reads
 * lighter than its word's type (an 'i' stood 0.35 of the way on scan-smoke
 * s3; a stamp's letter read alone, 'j', 0.66). */
#define OCR_FAINT_GLYPH_SHARE 0.6f

/* The grey level of the darkest ink in the box [x0, x1) x [y0, y1) of
 * gray (width x height, stride bytes a row; clipped to it): the value
 * below which 2% of its pixels lie (at least three: a speck of noise is
 * no ink). 255 for an empty box. */
int ocr_ink_core(const unsigned char *gray, int width, int height, size_t stride, int x0, int y0, int x1, int y1);

/* Drops from w[0..n) the words with a letter or digit whose ink core
 * (core[i], ocr_ink_core) is lighter than OCR_FAINT_SHARE of the way from
 * the page's print (the median core of such words) to paper (its grey
 * level, ocr_paper_level of ocr_prep.h), OCR_FAINT_GLYPH_SHARE for a word
 * of one letter or digit, keeping the others in order. A mark alone (a
 * sign, a hyphen) is judged elsewhere. Returns how many are left. */
size_t ocr_drop_faint(struct pword *w, const int *core, size_t n, int paper);

#endif
