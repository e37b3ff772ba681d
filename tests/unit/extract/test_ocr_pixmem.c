/* The line images Tesseract keeps, kept raw (extract/ocr_pixmem.h): while
 * raw is on, an image asked for as PNG comes back from pixReadMem word for
 * word; otherwise leptonica's PNG is written and read. Loads leptonica
 * through ocr_lib (Debian's libtesseract5). */
#include "check.h"
#include "extract/ocr_lib.h"
#include "extract/ocr_pixmem.h"

/* A 37 x 5 grey image (37 pixels: a row's last word is part padding). */
static PIX *grey_image(const struct ocr_lib *lib)
{
    PIX *p = lib->pixCreate(37, 5, 8);
    l_uint32 *d = lib->pixGetData(p);
    int wpl = lib->pixGetWpl(p);
    for (int y = 0; y < 5; y++)
        for (int x = 0; x < 37; x++)
            SET_DATA_BYTE(d + y * wpl, x, (x * 7 + y * 31) & 255);
    lib->pixSetResolution(p, 300, 300);
    return p;
}

static bool same_pixels(const struct ocr_lib *lib, PIX *a, PIX *b)
{
    if (lib->pixGetWidth(a) != lib->pixGetWidth(b) || lib->pixGetHeight(a) != lib->pixGetHeight(b) ||
        lib->pixGetDepth(a) != lib->pixGetDepth(b))
        return false;
    l_uint32 *da = lib->pixGetData(a), *db = lib->pixGetData(b);
    int wa = lib->pixGetWpl(a), wb = lib->pixGetWpl(b);
    for (int y = 0; y < lib->pixGetHeight(a); y++)
        for (int x = 0; x < lib->pixGetWidth(a); x++)
            if (GET_DATA_BYTE(da + y * wa, x) != GET_DATA_BYTE(db + y * wb, x))
                return false;
    return true;
}

TEST(while_raw_a_png_asked_for_is_the_images_words)
{
    const struct ocr_lib *lib = ocr_lib();
    CHECK(lib != NULL);
    if (!lib)
        return;
    PIX *p = grey_image(lib);
    l_uint8 *data = NULL;
    size_t size = 0;
    ocr_pixmem_raw(true);
    CHECK_INT(pixWriteMem(&data, &size, p, IFF_PNG), 0);
    ocr_pixmem_raw(false);
    CHECK(data && !memcmp(data, OCR_PIXMEM_MAGIC, OCR_PIXMEM_MAGIC_LEN));
    PIX *back = data ? pixReadMem(data, size) : NULL;
    CHECK(back && same_pixels(lib, p, back));
    CHECK(back && lib->pixGetXRes(back) == 300);
    CHECK(!data || !pixReadMem(data, size - 1)); /* cut short: no image, no crash */
    lib->pixDestroy(&back);
    free(data);
    lib->pixDestroy(&p);
}

TEST(otherwise_it_is_leptonicas_png)
{
    const struct ocr_lib *lib = ocr_lib();
    if (!lib)
        return;
    PIX *p = grey_image(lib);
    l_uint8 *data = NULL;
    size_t size = 0;
    CHECK_INT(pixWriteMem(&data, &size, p, IFF_PNG), 0);
    CHECK(data && size > 8 && !memcmp(data, "\x89PNG", 4));
    PIX *back = data ? pixReadMem(data, size) : NULL;
    CHECK(back && same_pixels(lib, p, back));
    lib->pixDestroy(&back);
    free(data);
    lib->pixDestroy(&p);
}

/* A colour image (32 bits a pixel) is leptonica's to write, raw or not. */
TEST(a_colour_image_stays_png)
{
    const struct ocr_lib *lib = ocr_lib();
    if (!lib)
        return;
    PIX *p = lib->pixCreate(8, 8, 32);
    l_uint8 *data = NULL;
    size_t size = 0;
    ocr_pixmem_raw(true);
    CHECK_INT(pixWriteMem(&data, &size, p, IFF_PNG), 0);
    ocr_pixmem_raw(false);
    CHECK(data && size > 8 && !memcmp(data, "\x89PNG", 4));
    free(data);
    lib->pixDestroy(&p);
}

int main(void)
{
    RUN(while_raw_a_png_asked_for_is_the_images_words);
    RUN(otherwise_it_is_leptonicas_png);
    RUN(a_colour_image_stays_png);
    return check_summary();
}
