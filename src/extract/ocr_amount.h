/* A money column's cell OCR read with a mark or a separator wrong: the
 * decimal point read as a colon or lost to a space ('48,155:00', '8,223
 * 00'), a speck read as a mark before or after the figure ('"249.15',
 * '35,553.00.'), a space after a grouping comma ('3, 76,239.22'), a minus
 * sign read with a speck as '=' ('=2,373.72'), the rupee sign before the figure
 * read as a percent sign ('%1,40,277.17': a money column prints no
 * percentage). Only a scanned line's
 * cells, and only when the cell does not parse as printed: the balance
 * chain checks what comes of it (a wrong repair does not reconcile).
 * Pure. */
#ifndef PB_EXTRACT_OCR_AMOUNT_H
#define PB_EXTRACT_OCR_AMOUNT_H

#include <stddef.h>

/* Writes the cell as the figure it prints into out (cap bytes): returns
 * its length, or 0 when the cell is no such misread figure. */
size_t ocr_amount_cell(const char *cell, char *out, size_t cap);

#endif
