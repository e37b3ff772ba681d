/* A scanned page prepared before it is read. See ocr_prep.h. */
#include "extract/ocr_prep.h"

int ocr_paper_level(const unsigned char *gray, int width, int height, size_t stride)
{
    size_t hist[256] = {0}, n = 0;
    for (int y = 0; y < height; y += 2)
        for (int x = 0; x < width; x += 2, n++)
            hist[gray[(size_t)y * stride + (size_t)x]]++;
    size_t seen = 0;
    for (int v = 0; v < 256; v++)
        if ((seen += hist[v]) * 2 >= n)
            return v;
    return 255;
}

bool ocr_lift_fog(unsigned char *gray, int width, int height, size_t stride)
{
    int paper = ocr_paper_level(gray, width, height, stride);
    if (paper >= OCR_FOGGED_PAPER || paper < 64) /* a page of ink is no fog */
        return false;
    unsigned char map[256];
    for (int v = 0; v < 256; v++) {
        int u = v * 245 / paper;
        map[v] = (unsigned char)(u > 255 ? 255 : u);
    }
    for (int y = 0; y < height; y++)
        for (unsigned char *p = gray + (size_t)y * stride, *e = p + width; p < e; p++)
            *p = map[*p];
    return true;
}
