/* Characters OCR reads in place of others, shared by the word
 * corrections (ocr_fix.c) and the date corrections (ocr_fix_dates.c). */
#ifndef PB_EXTRACT_OCR_CHARS_H
#define PB_EXTRACT_OCR_CHARS_H

#include <stdbool.h>

/* The digit a letter stands for in a number, or 0. */
static inline char ocr_digit_for(char c)
{
    switch (c) {
    case 'O': case 'o': case 'Q': case 'D': return '0';
    case 'l': case 'I': case '|': case 'i': case '!': return '1';
    case 'S': case 's': return '5';
    case 'B': return '8';
    case 'Z': case 'z': return '2';
    case 'G': return '6';
    default: return 0;
    }
}

/* A separator between the digit groups of a number or a date (a
 * semicolon: a comma or a dot with a speck over it). */
static inline bool ocr_is_sep(char c)
{
    return c == ',' || c == '.' || c == '/' || c == '-' || c == ':' || c == ';';
}

#endif
