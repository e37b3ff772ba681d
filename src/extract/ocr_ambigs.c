/* Tesseract's universal ambiguities left unloaded. See ocr_ambigs.h. */
#include "extract/ocr_ambigs.h"

void _ZN9tesseract13UnicharAmbigs13LoadUniversalERKNS_10UNICHARSETEPS1_(void *self, const void *encoder_set,
                                                                       void *unicharset)
{
    (void)self, (void)encoder_set, (void)unicharset; /* the LSTM never looks at the table */
}
