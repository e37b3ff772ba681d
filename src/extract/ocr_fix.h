/* What OCR gets wrong in a statement's words and codes. Pure functions
 * (no Tesseract), so they are unit-tested alone.
 *
 * ocr_fix_word: a word that is plainly a number or a date read with a
 * letter for a digit ("1O,234.S6") or the wrong separator ("1.234.56",
 * "1,234,56") is written as the number it is; any other word unchanged.
 * The balance chain's corrections: ocr_chain.h; the date column's:
 * ocr_fix_dates.h. */
#ifndef PB_EXTRACT_OCR_FIX_H
#define PB_EXTRACT_OCR_FIX_H

#include <stdbool.h>
#include <stddef.h>

#include "util/date.h"
#include "util/money.h"

/* Writes the normalised word into out (NUL-terminated, at most cap-1
 * bytes); returns its length (0 for an empty word). */
size_t ocr_fix_word(const char *in, char *out, size_t cap);

/* A UPI address read with its @ lost ("rahul74ybl/milk", the @ read as a
 * gap and the pieces joined) or a stray 1 or l for the slash after its
 * handle ("neha@ybl1/"), set right in s[0..n) (NUL-terminated, capacity
 * cap). The local part of a VPA without its @ must be a whole segment of
 * the word (after a slash or hyphen) of at least three lower-case letters
 * or digits, one a letter, glued to a large app's handle (ybl, okaxis ...).
 * Returns the new length (one more when an @ went back). ocr_fix_word does
 * it too; a word joined from pieces needs it again. */
size_t ocr_fix_vpa(char *s, size_t n, size_t cap);

/* A scanned row's narration s (NUL-terminated), its lines joined, set
 * right where a word alone could not be: a VPA's handle on the line after
 * its @ ("nitin@" "yb1/PUNJAB"), a handle read with a letter in the other
 * case ("@oKaxis") or one thin letter off a large app's ("@ybi"), and a 1
 * read as an l in a VPA named after the payee the row names ("SNEHA
 * GUPTA/PUNB/snehal5@": the narration prints SNEHA, not SNEHAL). Keeps the
 * length. */
void ocr_fix_note(char *s);

/* A word made only of marks a statement never prints alone (".", ",",
 * quotes, a degree sign, "~=", a backslash: a speck, a pen stroke or a
 * stamp's edge read as text). */
bool ocr_stray_mark(const char *w);

/* How many words after words[0] (n words in all, in order on one line;
 * gap[k] is the gap before words[k] in ems) are pieces of one code OCR read with
 * spaces in it, at narrow 1s with wide side bearings: digits between two
 * slashes ("UPI/DR/4073" "15" "10468" "1/CAFE", at least 8 digits; the
 * last piece may start with a 1 read as a bar, "|/ROHIT"), an IFSC
 * ("NEFT/KKBK0961" "750/ANJALI"), a word after a slash or a hyphen ("MMT/"
 * "IMPS/", "okaxis-" "YESB0156349-": narrations print no space there, and
 * a bank that does, "ACH D- TATA", prints a whole space), or a lone hyphen
 * after a word ("ICIC0936531" "-"). Pieces of a code are at most 0.6 em
 * apart, a word after a hyphen less than a space (0.3 em), after a slash
 * or an asterisk less than 0.5 em ("PHARMACY/" "6841466757" 0.40 em,
 * "CCAVENUE*" "DECATHLON" 0.46 em: these glyphs' ink stops short of their
 * width; see ocr_join_doubtful). 0: words[0] is whole. */
size_t ocr_split_pieces(const char *const *words, const float *gap, size_t n);

/* Whether a word after a, which ends in a slash or an asterisk, joined to
 * it gap ems away (ocr_split_pieces), was as far as a printed space (0.3 em
 * or more): the statements measured print none there, but the glyphs
 * cannot tell, so the joined word is not vouched for (its row is flagged
 * unsure). */
bool ocr_join_doubtful(const char *a, float gap);

/* Whether a and b (NUL-terminated), read as two words on a line closer
 * than a space, are two words: a letter ends a and a letter starts b, and
 * joined they are no UPI address that lost its @ (ocr_fix_vpa would put it
 * back: "cafe" "ybl/Pay"). Tesseract places spaces between letters well;
 * what it splits too early is digits at a narrow 1. Its line's size,
 * raised by a stamp or a speck over the line, made a printed space (0.2
 * em) look narrower than a fifth of that size: "OPP CITY", "PRASAD SHAH",
 * "ASHA AGARWAL", "Closing Balance" were joined. (Words whose boxes
 * overlap are one word read in pieces, "PRIY" "A.", "JI" "IO": ocr.c
 * joins those whatever they end and start with; ocr_vocab_fix joins the
 * pieces of a known word, "NEF" "T".) */
bool ocr_letters_apart(const char *a, const char *b);

/* Whether a (na bytes) and b, gap ems apart on a line, are one code OCR
 * read with a space where a narrow 1 leaves a gap hardly narrower than a
 * space ("ICIC705534034581" "1217", "ICIC701" "1484388042073": an ACH
 * mandate's bank letters and digits; "NEFT/BARBN34684085" "197/WIPRO": a
 * UTR; "REFUND/ZOMATO/1" "197805381"; codes are printed with no space
 * inside): a's digits glued to two capitals or more or after a slash, b's
 * digits to its end or a separator, a 1 either side of the gap, at least
 * 10 digits in all, at most a narrow space (0.4 em) apart: a 1's gap
 * measured 0.20-0.31 em, a printed space 0.29-0.35 em, so the characters
 * decide, not the gap. */
bool ocr_code_split_at_one(const char *a, size_t na, const char *b, size_t nb, float gap);

/* Whether a and b, words of digits alone gap ems apart after a label's
 * colon (label: the word before a, NUL-terminated: "Number:" or ":"), are
 * one value OCR read with a space at a narrow 1 ("Account Number :
 * 0000033 130407083", "00000357461 14277": two 1s' bearings left 0.35 em,
 * a space's width): a label's value is one token, the same rule as a
 * code's (ocr_code_split_at_one: a 1 at the gap, at least 10 digits, under
 * 0.4 em). */
bool ocr_value_split_at_one(const char *label, const char *a, size_t na, const char *b, size_t nb, float gap);

#endif
