/* Marks read at a word's edge that the page does not print there. A speck
 * of dust or a dot of a stamp's ink beside a word is read as the
 * punctuation it looks like: "TRANSFER TO:" for "TRANSFER TO",
 * "PUNJAB NATIONAL: BANK", "ABHISHEK YADAV," (scan-smoke). Tesseract reads
 * such a mark as surely as a printed one (symbol confidence 94-99); what
 * gives it away is where its ink lies against the line: a printed full stop
 * or comma stands on the baseline (a comma hangs a little below it), a
 * colon's lower dot stands on it. A speck lies wholly below the baseline
 * or wholly above the middle of the letters. Pure: a mark and its box in,
 * a yes or no out. */
#ifndef PB_EXTRACT_OCR_MARKS_H
#define PB_EXTRACT_OCR_MARKS_H

#include <stdbool.h>

/* Whether c is one of the marks judged here: . , : ; */
bool ocr_line_mark(char c);

/* Whether the mark c read with its ink from top to bottom (pixels, y
 * downwards) lies where a printed one would on a line with baseline base
 * and a font size of em pixels: its ink reaches above the baseline (a
 * comma's or full stop's dot sits on it) and comes down to near it (a
 * colon's lower dot). Measured on scan-smoke seed 1: printed marks have
 * their top 0.06-0.72 em above the baseline and their bottom at most
 * 0.04 em above it (0.14 on garbled words); the specks' tops were 0.05 em
 * below it or their bottoms 0.36-0.44 em above it. */
bool ocr_mark_printed(char c, float top, float bottom, float base, float em);

#endif
