/* A scanned page prepared before it is read. See ocr_prep.h. */
#include "extract/ocr_prep.h"

#include <stdlib.h>

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

bool ocr_worth_thinning(int width, int height, int dpi)
{
    return dpi > 0 && width * 6 >= dpi && height * 10 >= dpi;
}

int ocr_thin_radius(int dpi)
{
    return dpi >= 450 ? dpi / 300 : 1;
}

/* Each of count pixels of src (sstep apart) as the lightest within r of
 * it along them, into dst (dstep apart). */
static void lightest_along(const unsigned char *src, size_t sstep, unsigned char *dst, size_t dstep, int count, int r)
{
    for (int i = 0; i < count; i++) {
        int a = i > r ? i - r : 0, b = i + r < count - 1 ? i + r : count - 1;
        unsigned char m = 0;
        for (int k = a; k <= b; k++)
            if (src[(size_t)k * sstep] > m)
                m = src[(size_t)k * sstep];
        dst[(size_t)i * dstep] = m;
    }
}

int ocr_thin(unsigned char *gray, int width, int height, size_t stride, int r)
{
    if (width <= 0 || height <= 0 || r <= 0)
        return 0;
    size_t w = (size_t)width;
    unsigned char *tmp = malloc(w * (size_t)height), *column = malloc((size_t)height);
    if (!tmp || !column) {
        free(tmp);
        free(column);
        return -1;
    }
    for (int y = 0; y < height; y++) /* along the rows, then down the columns */
        lightest_along(gray + (size_t)y * stride, 1, tmp + (size_t)y * w, 1, width, r);
    for (int x = 0; x < width; x++) {
        lightest_along(tmp + x, w, column, 1, height, r);
        for (int y = 0; y < height; y++)
            gray[(size_t)y * stride + (size_t)x] = column[y];
    }
    free(tmp);
    free(column);
    return 0;
}
