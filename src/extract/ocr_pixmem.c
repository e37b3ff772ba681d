/* Line images kept raw. See ocr_pixmem.h. */
#include "extract/ocr_pixmem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/ocr_lib.h"

static __thread bool raw;

void ocr_pixmem_raw(bool on)
{
    raw = on;
}

/* What follows the magic: the image's size and depth, then wpl 32-bit
 * words a row, as leptonica holds them. Read back in this process only. */
struct raw_head {
    int32_t width, height, depth, wpl, xres, yres;
};

#define RAW_AT OCR_PIXMEM_MAGIC_LEN

static bool keeps_raw(PIX *pix, l_int32 format, const struct ocr_lib *lib)
{
    if (!raw || format != IFF_PNG || !pix)
        return false;
    int d = lib->pixGetDepth(pix);
    return (d == 1 || d == 8) && !lib->pixGetColormap(pix);
}

l_ok pixWriteMem(l_uint8 **pdata, size_t *psize, PIX *pix, l_int32 format)
{
    const struct ocr_lib *lib = ocr_lib();
    if (!lib)
        return 1;
    if (!pdata || !psize || !keeps_raw(pix, format, lib))
        return lib->pixWriteMem(pdata, psize, pix, format);
    struct raw_head h = {lib->pixGetWidth(pix), lib->pixGetHeight(pix), lib->pixGetDepth(pix),
                         lib->pixGetWpl(pix),   lib->pixGetXRes(pix),   lib->pixGetYRes(pix)};
    size_t words = (size_t)h.height * (size_t)h.wpl * sizeof(l_uint32);
    l_uint8 *out = malloc(RAW_AT + sizeof h + words); /* freed by the caller (lept_free: free) */
    if (!out)
        return 1;
    memcpy(out, OCR_PIXMEM_MAGIC, RAW_AT);
    memcpy(out + RAW_AT, &h, sizeof h);
    memcpy(out + RAW_AT + sizeof h, lib->pixGetData(pix), words);
    *pdata = out;
    *psize = RAW_AT + sizeof h + words;
    return 0;
}

PIX *pixReadMem(const l_uint8 *data, size_t size)
{
    const struct ocr_lib *lib = ocr_lib();
    if (!lib)
        return NULL;
    struct raw_head h;
    if (!data || size < RAW_AT + sizeof h || memcmp(data, OCR_PIXMEM_MAGIC, RAW_AT))
        return lib->pixReadMem(data, size);
    memcpy(&h, data + RAW_AT, sizeof h);
    PIX *pix = lib->pixCreateNoInit(h.width, h.height, h.depth);
    size_t words = (size_t)h.height * (size_t)h.wpl * sizeof(l_uint32);
    if (!pix || lib->pixGetWpl(pix) != h.wpl || size != RAW_AT + sizeof h + words) {
        lib->pixDestroy(&pix);
        return NULL;
    }
    memcpy(lib->pixGetData(pix), data + RAW_AT + sizeof h, words);
    lib->pixSetResolution(pix, h.xres, h.yres);
    return pix;
}
