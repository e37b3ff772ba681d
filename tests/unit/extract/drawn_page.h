/* A scanned page drawn by a test: W x H pixels of grey at 300 dpi, paper
 * of one grey and boxes of ink on it (glyphs, rules, fills), for the OCR
 * steps that work on the image alone (ocr_bands.h, ocr_shade.h). */
#ifndef PB_TESTS_DRAWN_PAGE_H
#define PB_TESTS_DRAWN_PAGE_H

#include <string.h>

#define W 1200
#define H 400
#define DPI 300

static unsigned char page[H][W];

/* The whole page paper of grey `paper` (255 white). */
static inline void blank(unsigned char paper)
{
    memset(page, paper, sizeof page);
}

/* Pixels [x0, x1) x [y0, y1) in grey v. */
static inline void box(int x0, int y0, int x1, int y1, unsigned char v)
{
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
            page[y][x] = v;
}

#endif
