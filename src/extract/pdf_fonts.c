/* Font names of the text layer, numbered as they are first seen. */
#include "extract/pdf_fonts.h"

#include <stdlib.h>
#include <string.h>

uint16_t pdf_fonts_note(fz_context *ctx, struct pdf_fonts *fs, fz_font *font)
{
    if (!font || font == fs->last)
        return font ? fs->last_id : 0;
    fs->last = font;
    fs->last_id = 0;
    const char *name = fz_font_name(ctx, font);
    if (!name || !name[0])
        return 0;
    const char *plus = strchr(name, '+'); /* drop the subset tag "ABCDEF+" */
    if (plus && plus - name == 6)
        name = plus + 1;
    size_t i = 0;
    while (i < fs->n && strcmp(fs->names[i], name))
        i++;
    if (i == fs->n && fs->n < PDF_MAX_FONTS && (fs->names[i] = strdup(name)))
        fs->n++;
    if (i < fs->n)
        fs->last_id = (uint16_t)(i + 1);
    return fs->last_id;
}

void pdf_fonts_give(struct pdf_fonts *fs, struct doc_facts *facts)
{
    facts->fonts = malloc((fs->n + 1) * sizeof(char *));
    if (facts->fonts) {
        memcpy(facts->fonts, fs->names, fs->n * sizeof(char *));
        facts->nfonts = fs->n;
    } else {
        pdf_fonts_free(fs);
    }
    fs->n = 0;
}

void pdf_fonts_free(struct pdf_fonts *fs)
{
    for (size_t i = 0; i < fs->n; i++)
        free(fs->names[i]);
    fs->n = 0;
}
