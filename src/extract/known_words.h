/* The words of the reader's own tables (data/: merchants, payees,
 * channels, lenders, banks' names and labels): narrations name what
 * these list. OCR sets misread words right by them (ocr_vocab.h); the
 * text reader tells a token cut at a narrow column's edge from two words
 * by them (table_narration.c). */
#ifndef PB_EXTRACT_KNOWN_WORDS_H
#define PB_EXTRACT_KNOWN_WORDS_H

#include "extract/ocr_vocab.h"

/* Built once, thread-safe; NULL when out of memory (then no word is known). */
const struct ocr_vocab *known_words(void);

#endif
