/* The line images Tesseract keeps, kept raw.
 *
 * Tesseract 5's recogniser stores the image of every text line it reads as
 * PNG bytes (ImageData: leptonica's pixWriteMem, format IFF_PNG) and decodes
 * them at once to scale the line for its network (pixReadMem): the PNG
 * filtering, zlib and the decoding were ~4.5% of a scanned page's work
 * (scan_canara: 1.1 G of 24.5 G instructions, docs/extraction.md), for bytes
 * that never leave the process.
 *
 * Passbook's executable defines both entry points and exports them
 * (src/extract/ocr_omp.sym), so libtesseract's calls bind here, as its
 * OpenMP calls bind to ocr_omp.c. While this thread recognises
 * (ocr_pixmem_raw(true), set around each recognition by ocr.c), a 1- or
 * 8-bit image without a colour map asked for as PNG is written as its
 * pixel words behind a header of its own (OCR_PIXMEM_MAGIC), which
 * pixReadMem turns back into the same image; every other call is
 * leptonica's own. A build that does not export them (the unit tests'
 * binaries) gets leptonica's PNG: slower, the same words. */
#ifndef PB_EXTRACT_OCR_PIXMEM_H
#define PB_EXTRACT_OCR_PIXMEM_H

#include <stdbool.h>

#include <leptonica/allheaders.h>

/* The first bytes of a raw image; no format leptonica reads starts so. */
#define OCR_PIXMEM_MAGIC "\0PBRAWPIX"
#define OCR_PIXMEM_MAGIC_LEN 9

/* Whether PNG asked for on this thread is written raw (false at first). */
void ocr_pixmem_raw(bool on);

/* leptonica's entry points, as leptonica declares them. */
l_ok pixWriteMem(l_uint8 **pdata, size_t *psize, PIX *pix, l_int32 format);
PIX *pixReadMem(const l_uint8 *data, size_t size);

#endif
