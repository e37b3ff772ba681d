/* Coloured ink taken off a scanned page. See ocr_ink.h. */
#include "extract/ocr_ink.h"

long ocr_take_off_ink(unsigned char *gray, size_t gray_stride, const unsigned char *rgb, size_t rgb_stride, int width,
                      int height)
{
    long inked = 0;
    for (int y = 0; y < height; y++) {
        const unsigned char *p = rgb + (size_t)y * rgb_stride;
        unsigned char *g = gray ? gray + (size_t)y * gray_stride : NULL;
        for (int x = 0; x < width; x++, p += 3) {
            int r = p[0], gr = p[1], b = p[2];
            int top = r > gr ? (r > b ? r : b) : (gr > b ? gr : b);
            int second = r + gr + b - top - (r < gr ? (r < b ? r : b) : (gr < b ? gr : b));
            if (top - second >= OCR_INK_EXCESS) {
                if (g)
                    g[x] = 255;
                inked++;
            }
        }
    }
    return inked;
}
