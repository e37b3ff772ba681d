/* The fonts of a document's text layer: each distinct font name (without
 * its subset tag) numbered from 1 as words are read, so that a word can
 * say which font printed it (struct word's font) and the per-font checks
 * (textcheck_font_garbled) can judge each font apart; the names go to the
 * document facts. */
#ifndef PB_EXTRACT_PDF_FONTS_H
#define PB_EXTRACT_PDF_FONTS_H

#include <stddef.h>
#include <stdint.h>

#include <mupdf/fitz.h>

#include "core/statement.h"

#define PDF_MAX_FONTS 64

struct pdf_fonts {
    char *names[PDF_MAX_FONTS];
    size_t n;
    const void *last; /* the font of the character before: most runs repeat it */
    uint16_t last_id;
};

/* Notes the font's name in fs; returns its number there plus one (struct
 * word's font), 0 when it has no name or fs is full. */
uint16_t pdf_fonts_note(fz_context *ctx, struct pdf_fonts *fs, fz_font *font);

/* Hands fs's names to the facts (facts->fonts, nfonts); frees them when
 * that fails. fs is empty after. */
void pdf_fonts_give(struct pdf_fonts *fs, struct doc_facts *facts);

void pdf_fonts_free(struct pdf_fonts *fs);

#endif
