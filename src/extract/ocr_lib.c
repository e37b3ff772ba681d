/* Loads Tesseract on first use. See ocr_lib.h. */
#include "extract/ocr_lib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

#include "util/log.h"

/* Debian 12's libtesseract5; leptonica comes with it (its dependency, found
 * through the same handle). */
#define TESSERACT_SONAME "libtesseract.so.5"

static struct ocr_lib lib;
static const struct ocr_lib *loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Looks every entry point up in the library and what it depends on. The
 * library stays loaded for the life of the process (handles made on
 * reading threads are freed as those end). */
static bool fill(void *h)
{
#define OCR_LIB_LOAD(name)                                                                                             \
    if (!(lib.name = (__typeof__(name) *)dlsym(h, #name))) {                                                           \
        log_error("event=ocr_library_missing symbol=%s", #name);                                                       \
        return false;                                                                                                  \
    }
    OCR_LIB_FUNCS(OCR_LIB_LOAD)
#undef OCR_LIB_LOAD
    lib.omp_set_max_active_levels = (void (*)(int))dlsym(h, "omp_set_max_active_levels");
    return true;
}

static void load(void)
{
    const char *file = getenv("PASSBOOK_OCR_LIBRARY");
    if (!file || !*file)
        file = TESSERACT_SONAME;
    void *h = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        log_error("event=ocr_library_missing library=\"%s\" hint=\"install libtesseract5 and tesseract-ocr-eng: "
                  "scanned statements stay PDF_IS_IMAGE\"",
                  file);
        return;
    }
    if (fill(h))
        loaded = &lib;
    else
        dlclose(h);
}

const struct ocr_lib *ocr_lib(void)
{
    pthread_once(&once, load);
    return loaded;
}
