/* Is the text layer readable at all? A PDF whose fonts map their glyphs to
 * nothing (U+FFFD, control characters, the private use area) or to the
 * wrong letters (a shifted or scrambled encoding) shows a statement on
 * screen while its text says nothing; it is refused with its own code
 * (PDF_TEXT_UNREADABLE) rather than read as "no transactions" or, worse,
 * as garbage rows. */
#ifndef PB_EXTRACT_TEXTCHECK_H
#define PB_EXTRACT_TEXTCHECK_H

#include <stdbool.h>

#include "extract/layout.h"

/* Over a fifth of the characters unmapped: nothing read from it can be
 * trusted, rows or not. */
bool textcheck_mostly_unmapped(const struct layout *l);
/* Ten words or more made only of unmapped characters: some font of the
 * page (often the bold one of the headings and column names) lost its
 * encoding, though the others read; with no table found, that font is why. */
bool textcheck_font_broken(const struct layout *l);
/* Three words or more that are a TrueType font's glyph ids read as
 * characters ("'DWH" for "Date": a font without ToUnicode whose glyph ids
 * were taken for the text, often only the bold one of the column names). */
bool textcheck_glyph_ids(const struct layout *l);
/* A font whose letters are other letters than the page shows (a valid but
 * wrong ToUnicode map: "Iw pakwmuoxak" for "An electronic"), while its
 * digits may be right, so rows read and balances chain under nonsense
 * narrations. Judged per font of the text layer (struct word's font), on a
 * font with 300 letter pairs or more outside codes (letters touching a
 * digit): under 25% of its pairs among English's common ones (th, er,
 * an, ...; a statement's fonts have 32% or more) and under 3% of its words
 * common statement words (6.5% or more). */
bool textcheck_font_garbled(const struct layout *l);
/* Many words, yet not one date, amount or common statement word: the
 * letters are not what the page shows. */
bool textcheck_unreadable(const struct layout *l);

#endif
