/* Words of a narration OCR split at a lost glyph ("SER VICES", "BOOKM
 * YSHOW", "N YKAA": a wide letter read as a gap) or ran together at a
 * space it did not see ("SCHOOLFEES", "Payto"), set right by the words
 * the reader knows: those of its rule tables (merchants, payees, channels,
 * lenders, banks' names and labels: data/) and those the page itself
 * prints surely. Pure: words in, words out. */
#ifndef PB_EXTRACT_OCR_VOCAB_H
#define PB_EXTRACT_OCR_VOCAB_H

#include <stdbool.h>
#include <stddef.h>

#include "extract/ocr_reread.h"

/* A set of words, upper case, letters only. */
struct ocr_vocab;

struct ocr_vocab *ocr_vocab_new(void);
void ocr_vocab_free(struct ocr_vocab *v);
/* Adds the runs of two or more letters of text[0..n) (any case), except
 * those of lines starting with '#'. Returns 0, or -1 when out of memory. */
int ocr_vocab_add_text(struct ocr_vocab *v, const char *text, size_t n);
/* Whether the letters w[0..n) are a word of v (any case). */
bool ocr_vocab_has(const struct ocr_vocab *v, const char *w, size_t n);

/* Below this confidence a word may be split or joined. */
#define OCR_VOCAB_UNSURE 95.0f

/* Words closer than this (ems) may be joined however surely read: the gap
 * is a glyph's, not a space's. ocr.c joins digits that close as it reads
 * them (a narrow 1); letters it keeps apart (ocr_letters_apart), for a
 * stamp over a line makes printed spaces look that narrow, and leaves them
 * to ocr_vocab_fix: joined only where they make a known word. */
#define OCR_VOCAB_CLOSE 0.2f

/* Fixes the words w[0..*n) of a page, in reading order, by known (NULL:
 * the page's own sure words only) and the page's words read surely:
 * - two words on one line less than 0.6 em apart, one of them unsure
 *   (or both closer than OCR_VOCAB_CLOSE), whose letters at the join make
 *   a known word while the two pieces are not both words ("SER"
 *   "VICES/HDFC...", "NEF" "T-KKBKN..."), are joined;
 * - an unsure word's run of letters that is no known word but is two
 *   known words of two letters or more in one way only, which the page
 *   also prints apart, one after the other ("SCHOOLFEES", where other
 *   rows print "SCHOOL FEES"), gets its space.
 * - an unsure word's run of three or more capitals that is no known word
 *   but one misread away from exactly one: a letter swapped for its
 *   look-alike (I/T, C/G, E/F, V/Y, O/D, O/Q: "ACH RIN CHGS", "AGH/IDFC")
 *   or, of four or more, a letter beside its look-alike dropped (one glyph
 *   read twice: "LTID", "IVYER") when the page prints the word surely
 *   elsewhere (the tables' "AMT" is no "AMIT"), is that word; runs
 *   touching a digit (codes) are left alone; a closing bracket after
 *   such a run, none opened in the word, is a J when that makes a known
 *   word ("MANO)" where the page prints MANOJ surely).
 * A run of letters touching an '@' (a UPI address) is left alone. *n is
 * updated. Returns 0, or -1 when out of memory. */
int ocr_vocab_fix(const struct ocr_vocab *known, struct pword *w, size_t *n);

/* The words w[0..n) of a page (after ocr_vocab_fix) with a run of letters
 * the reader's tables (known) do not have that looks misread get
 * confidence at most conf (their rows are flagged, ocr_doubt.h):
 * - known words run together, six letters or more ("SNEHAPRASADGILL",
 *   "SALARYDEC", "ROHITJOSHI": spaces Tesseract did not see; the words
 *   known from the tables or the page's sure words);
 * - six letters or more one letter off exactly one known word
 *   ("GURRREET" where the page prints GURPREET surely, "mefchant");
 * - capitals that are one look-alike away from exactly one word of the
 *   tables ("TRE TO TD" read at 95: TRF; misread_runs sets right only
 *   unsure words).
 * Runs the page prints more than once ("NEFTOUT-6189536011": printed so)
 * or touching a digit or an '@', or before a hyphen or slash and a digit
 * (codes, addresses: "NEFTOUT-1617737215") are left alone. Out
 * of memory, only the tables' words are known. */
void ocr_vocab_doubt(const struct ocr_vocab *known, struct pword *w, size_t n, float conf);


/* How many of the n bytes of s at its end (at its start) are of a class
 * (isalpha, isdigit): the letters or digits at a word's edge. */
size_t ocr_run_at_end(const char *s, size_t n, int (*is)(int));
size_t ocr_run_at_start(const char *s, size_t n, int (*is)(int));

#endif
