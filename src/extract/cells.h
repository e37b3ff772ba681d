/* Column boundaries and cells: where one column ends and the next begins
 * (from the whitespace "rivers" of the data rows) and which words of a line
 * fall into which column. */
#ifndef PB_EXTRACT_CELLS_H
#define PB_EXTRACT_CELLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "extract/header.h"
#include "extract/layout.h"

#define CELL_MAX 512

/* One line cut into the columns of a header. */
struct cells {
    char c[TABLE_MAX_COLS][CELL_MAX];
    float x1[TABLE_MAX_COLS];                            /* right edge of the cell's last word */
    float x0[TABLE_MAX_COLS];                            /* left edge of its first word */
    float firstw[TABLE_MAX_COLS], lastw[TABLE_MAX_COLS]; /* widths of its first and last words */
    bool multi[TABLE_MAX_COLS];                          /* more than one word */
    bool straddle;                                       /* a word runs well across a column boundary */
    bool ocr;                                            /* the line was read by OCR (ocr_fix*.h repairs apply) */
};

/* A space before word wd when its cell shows none of its own yet (one word
 * so far): a space of the rows' font (of a proportional font, unless
 * cells_set_boundaries found them monospaced). */
float cells_first_space(const struct header *h, const struct word *wd);

/* Sets h's cols[].left/right from the data lines dl[0..ndl) (layout line
 * indices): between two labels, the middle of the emptiest vertical strip. */
void cells_set_boundaries(const struct layout *l, struct header *h, const size_t *dl, size_t ndl);
/* How many words of line ln from word w print one date, on its own or
 * with the one or two words after it ("01 February 2023"): the most that
 * do, 0 when none. */
uint32_t cells_date_words(const struct layout *l, const struct line *ln, uint32_t w);
/* Cuts line ln into h's columns. */
void cells_split(const struct layout *l, const struct line *ln, const struct header *h, struct cells *cs);

#endif
