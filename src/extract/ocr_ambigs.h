/* Tesseract's universal table of ambiguous characters, left unloaded.
 *
 * Every TessBaseAPI initialisation of a Tesseract built with its legacy
 * engine (Debian's is) parses a built-in text of character ambiguities
 * (UnicharAmbigs::LoadUniversal: ~5,000 lines, each inserted into sorted
 * lists) into a table that only the legacy classifier and its word
 * search consult. Passbook reads with the LSTM alone (OEM_LSTM_ONLY;
 * Debian's eng model has no legacy part), so the table is never looked
 * at, and there is no parameter that skips it: it was 0.42 G of 0.51 G
 * instructions of loading the model, ~0.1 s of CPU per process and per
 * reading thread, ~5% of parsing a one-page scan (perf, scan-smoke
 * scan_canara).
 *
 * Passbook's executable defines that member function (by its mangled
 * name: this, the encoder's character set, the character set to add the
 * ambiguities' characters to) as doing nothing and exports it
 * (src/extract/ocr_omp.sym), so libtesseract's call binds here, as its
 * OpenMP and image-writing calls do (ocr_omp.h, ocr_pixmem.h). A build
 * that does not export it (the unit tests' binaries), or a libtesseract
 * whose function has another signature (another mangled name), loads the
 * table as before: slower, the same words. */
#ifndef PB_EXTRACT_OCR_AMBIGS_H
#define PB_EXTRACT_OCR_AMBIGS_H

/* tesseract::UnicharAmbigs::LoadUniversal(const UNICHARSET &, UNICHARSET *) */
void _ZN9tesseract13UnicharAmbigs13LoadUniversalERKNS_10UNICHARSETEPS1_(void *self, const void *encoder_set,
                                                                       void *unicharset);

#endif
