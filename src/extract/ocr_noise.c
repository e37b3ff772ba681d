/* Marks read as words. See ocr_noise.h. */
#include "extract/ocr_noise.h"

#include <stdlib.h>

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y;
}

/* The median of the words' sizes; 0 when there are none (or no memory:
 * then nothing is dropped). */
static float median_size(const struct pword *w, size_t n)
{
    float *v = n ? malloc(n * sizeof *v) : NULL;
    if (!v)
        return 0;
    for (size_t i = 0; i < n; i++)
        v[i] = w[i].size;
    qsort(v, n, sizeof *v, cmp_float);
    float med = v[n / 2];
    free(v);
    return med;
}

size_t ocr_drop_noise(struct pword *w, size_t n)
{
    float median = median_size(w, n), small = OCR_NOISE_SIZE * median, large = OCR_MARK_SIZE * median;
    size_t out = 0;
    for (size_t i = 0; i < n; i++)
        if (!(w[i].conf < OCR_NOISE_CONF && (w[i].size < small || (median > 0 && w[i].size > large))))
            w[out++] = w[i];
    return out;
}
