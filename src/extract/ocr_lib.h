/* Tesseract and leptonica, loaded when the first page needs OCR.
 *
 * Linking them would make every process pay for them at start: the dynamic
 * loader maps ~15 more libraries (libstdc++, libarchive, libtiff, libwebp,
 * ...) and binds ~7,000 symbols, a third of Passbook's start-up, which a
 * `passbook parse` of a 10-page text statement paid twice over its own work.
 * Text PDFs never need them. So ocr.c calls them through this table, filled
 * by dlopen on first use; the types come from the libraries' own headers.
 * debian/control and scripts/install-deps.sh still install them. */
#ifndef PB_EXTRACT_OCR_LIB_H
#define PB_EXTRACT_OCR_LIB_H

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

/* Every entry point ocr.c and ocr_pixmem.c call, by its library's name
 * (pixWriteMem and pixReadMem: leptonica's own, which ocr_pixmem.c stands
 * in front of). */
#define OCR_LIB_FUNCS(X)                                                                                               \
    X(TessBaseAPICreate)                                                                                               \
    X(TessBaseAPIDelete)                                                                                               \
    X(TessBaseAPIEnd)                                                                                                  \
    X(TessBaseAPIInit4)                                                                                                \
    X(TessBaseAPISetPageSegMode)                                                                                       \
    X(TessBaseAPISetVariable)                                                                                          \
    X(TessBaseAPISetImage2)                                                                                            \
    X(TessBaseAPISetSourceResolution)                                                                                  \
    X(TessBaseAPIRecognize)                                                                                            \
    X(TessBaseAPIGetIterator)                                                                                          \
    X(TessBaseAPIClear)                                                                                                \
    X(TessDeleteText)                                                                                                  \
    X(TessMonitorCreate)                                                                                               \
    X(TessMonitorDelete)                                                                                               \
    X(TessMonitorSetCancelFunc)                                                                                        \
    X(TessMonitorSetCancelThis)                                                                                        \
    X(TessResultIteratorGetPageIterator)                                                                               \
    X(TessResultIteratorGetUTF8Text)                                                                                   \
    X(TessResultIteratorConfidence)                                                                                    \
    X(TessResultIteratorDelete)                                                                                        \
    X(TessPageIteratorIsAtBeginningOf)                                                                                 \
    X(TessPageIteratorBaseline)                                                                                        \
    X(TessPageIteratorBoundingBox)                                                                                     \
    X(TessPageIteratorNext)                                                                                            \
    X(TessResultIteratorCopy)                                                                                          \
    X(TessResultIteratorNext)                                                                                          \
    X(TessPageIteratorIsAtFinalElement)                                                                                \
    X(pixCreate)                                                                                                       \
    X(pixGetData)                                                                                                      \
    X(pixGetWidth)                                                                                                     \
    X(pixGetHeight)                                                                                                    \
    X(pixGetWpl)                                                                                                       \
    X(pixSetResolution)                                                                                                \
    X(pixConvertTo1)                                                                                                   \
    X(pixFindSkew)                                                                                                     \
    X(pixRotate)                                                                                                       \
    X(pixSauvolaBinarizeTiled)                                                                                         \
    X(pixClipRectangle)                                                                                                \
    X(boxCreate)                                                                                                       \
    X(boxDestroy)                                                                                                      \
    X(pixDestroy)                                                                                                      \
    X(pixCreateNoInit)                                                                                                 \
    X(pixGetDepth)                                                                                                     \
    X(pixGetColormap)                                                                                                  \
    X(pixGetXRes)                                                                                                      \
    X(pixGetYRes)                                                                                                      \
    X(pixWriteMem)                                                                                                     \
    X(pixReadMem)

struct ocr_lib {
#define OCR_LIB_FIELD(name) __typeof__(name) *name;
    OCR_LIB_FUNCS(OCR_LIB_FIELD)
#undef OCR_LIB_FIELD
    /* OpenMP's, when this Tesseract was built with it; else NULL. */
    void (*omp_set_max_active_levels)(int);
};

/* The table, loaded once per process (thread-safe); NULL when the library
 * or one of its entry points is missing, logged once (event=ocr_library_missing).
 * PASSBOOK_OCR_LIBRARY names another file to load instead of Debian's
 * libtesseract.so.5 (a Tesseract built elsewhere). */
const struct ocr_lib *ocr_lib(void);

#endif
