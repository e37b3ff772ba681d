/* Marks read at a word's edge. See ocr_marks.h. */
#include "extract/ocr_marks.h"

#include <string.h>

/* A mark wholly below the baseline by more than this (in ems) is none of
 * the line's: Tesseract's baseline is good to a few hundredths of an em. */
#define BELOW_LINE 0.02f

/* A mark whose ink ends higher than this above the baseline (in ems) does
 * not stand on the line: a full stop's, a comma's and a colon's lowest dot
 * all do. */
#define ABOVE_LINE 0.25f

bool ocr_line_mark(char c)
{
    return c && strchr(".,:;", c);
}

bool ocr_mark_printed(char c, float top, float bottom, float base, float em)
{
    if (!ocr_line_mark(c) || em <= 0)
        return true;
    return top <= base + BELOW_LINE * em && bottom >= base - ABOVE_LINE * em;
}
