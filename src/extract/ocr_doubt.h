/* Words OCR read with a sign of a misread where the balance chain cannot
 * check it. The chain vouches for a scanned row's amounts and balances;
 * its narration and reference are vouched for only by Tesseract's
 * confidence, and Tesseract is sure of some misreadings: 'NACHDRO0571861'
 * for NACHDR00571861, 'DAS:' with a speck for a colon, 'GURRREET',
 * 'AHMEDABA.D', 'SANJAYLAL *KULKARNI' under a stamp (scan-smoke,
 * scan-full at 0.82-0.92). Such a word is not vouched for: its confidence
 * is put below TXN_OCR_SURE and its row is flagged (ocr_confidence).
 * The signs are things a statement does not print: a letter or digit
 * among the other kind where a code has none, marks no narration prints
 * there, characters outside its alphabet. Pure: words in, words out. */
#ifndef PB_EXTRACT_OCR_DOUBT_H
#define PB_EXTRACT_OCR_DOUBT_H

#include <stdbool.h>
#include <stddef.h>

#include "extract/ocr_reread.h"

/* Whether word w (NUL-terminated) alone shows a misread:
 * - a character no statement prints in a narration, in a word with a
 *   letter or digit: not ASCII (but the rupee sign), or one of
 *   ! | \ ~ [ ] { } < > ? ^ ` " ;
 * - a closing bracket with none opened in the word ("MANO)");
 * - a capital O beside a digit ("NACHDRO0571861"), a digit's look-alike
 *   (O I l S B Z) between two digits, or starting a run of five digits
 *   or more after a separator ("/S24660729904"): codes print digits there;
 * - a 0 glued to capitals with no digit beside it ("CREDIT C0/");
 * - a letter three times in a row, but X (masked digits), W (www) and I
 *   (roman numerals): one glyph read twice ("GURRREET");
 * - a small letter alone between capitals ("GiLL");
 * - a full stop before a word's last letter ("AHMEDABA.D"). */
bool ocr_word_misread(const char *w);

/* Whether w (NUL-terminated), with a word of its text before it on its
 * line (word_before) or after it (word_after), starts with a star or a
 * closing bracket after that word, or ends with a star or an opening
 * bracket before the next ("SANJAYLAL *KULKARNI": a stamp's edge): a
 * star is printed between two words, glued. At a line's edge these are
 * how a narration wraps ("NEFT*UBIN0315790*" / "ZENITH ..."). */
bool ocr_mark_at_edge(const char *w, bool word_before, bool word_after);

/* Whether w (NUL-terminated), the last word of a text on its line, ends
 * in a mark a narration does not end a line with: a colon or comma after
 * a word of letters ("DAS:"): a speck beside the line's end. A slash or
 * hyphen at a word's end is how a narration wraps; a full stop ends an
 * abbreviation or a sentence. */
bool ocr_line_end_misread(const char *w);

/* Whether a and b, gap ems apart on one line, are digits OCR read with a
 * space at a narrow 1 and did not join (ocr.c join_split_numbers): a's
 * digits after a letter or separator ("PREPAID/8" "13876362",
 * "SWIGGY-931" "1835610"), b digits alone, a 1 either side of the gap,
 * closer than a space (0.3 em). */
bool ocr_digits_split_doubtful(const char *a, const char *b, float gap);

/* The words w[0..n) of a page in reading order: each showing a misread
 * (above) gets confidence at most conf. */
void ocr_doubt_words(struct pword *w, size_t n, float conf);

/* Whether a scanned row's field s (its narration or reference, words a
 * space apart; NULL: none) holds a word of marks alone, but a hyphen or
 * an ampersand ("ROHINI NEW DELHI /", "324470025460 \/"): a speck or a
 * pen's tick the row took in. Ticks beside a row that land in no field
 * leave it as it is. */
bool ocr_field_stray_mark(const char *s);

/* Whether a scanned row's field s (words a space apart; NULL: none) holds
 * a money figure, digits grouped by commas with two decimals ("73,943.48"):
 * a narration or a reference prints none, and one there is a figure of the
 * page the row took in (a summary's "Total Debits" printed under the
 * narration column on the next page, once a stamp's words beside it no
 * longer marked the row). */
bool ocr_field_figure(const char *s);

#endif
