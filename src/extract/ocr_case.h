/* Capitals read as small letters. Some letters are drawn the same in both
 * cases, only larger as capitals (c o s u v w x z), and Tesseract reads a
 * word made only of them by its shape: "FULLERTON INDIA CREDIT co" for
 * "CO", a wrapped line's one word (scan-smoke). Its height tells: a small
 * letter without an ascender reaches the x-height (0.45-0.55 em above the
 * baseline on scan-smoke), a capital the capitals' height (~0.7 em). Pure. */
#ifndef PB_EXTRACT_OCR_CASE_H
#define PB_EXTRACT_OCR_CASE_H

#include <stdbool.h>
#include <stddef.h>

/* Word w (n bytes) made only of such letters in small case, its ink
 * reaching ink above the baseline on a page whose body text is em high
 * (points, both; the page's, not the word's line's: a line of one word
 * measures its size from that word): whether it is capitals (at least
 * 0.62 em), and then w in capitals. Two letters or more. */
bool ocr_capitals_by_height(char *w, size_t n, float ink, float em);

/* How high, in ems, the ink of a printed line with text reaches above its
 * baseline: small letters without an ascender only ('repay', 'loan', a
 * narration's wrapped last word; descenders and a full stop, comma or
 * hyphen beside them) reach the x-height, OCR_X_HEIGHT; anything else the
 * capitals' height, OCR_CAPS_HEIGHT. OCR measures a line's font size from
 * its ink: 'repay' alone on its line came out at 5.5 pt among rows of 8,
 * and the table reader left the small line out of its row. */
#define OCR_X_HEIGHT 0.52f
#define OCR_CAPS_HEIGHT 0.72f
float ocr_line_reach(const char *text);

#endif
