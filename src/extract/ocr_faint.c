/* Words in faint ink. See ocr_faint.h. */
#include "extract/ocr_faint.h"

#include <ctype.h>
#include <stdlib.h>

/* The value below which `share` of the counted pixels lie (hist: 256
 * counts, total of them), at least `least` pixels. */
static int level_at(const size_t *hist, size_t total, size_t share_num, size_t share_den, size_t least)
{
    size_t want = total * share_num / share_den, seen = 0;
    if (want < least)
        want = least;
    for (int v = 0; v < 256; v++) {
        seen += hist[v];
        if (seen >= want)
            return v;
    }
    return 255;
}

int ocr_ink_core(const unsigned char *gray, int width, int height, size_t stride, int x0, int y0, int x1, int y1)
{
    size_t hist[256] = {0}, total = 0;
    x0 = x0 < 0 ? 0 : x0, y0 = y0 < 0 ? 0 : y0;
    x1 = x1 > width ? width : x1, y1 = y1 > height ? height : y1;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
            hist[gray[(size_t)y * stride + (size_t)x]]++, total++;
    return total ? level_at(hist, total, 2, 100, 3) : 255;
}

static int cmp_int(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

/* How many letters and digits s holds. */
static size_t alnum_count(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += isalnum((unsigned char)*s) != 0;
    return n;
}

/* The median ink core of the words with a letter or digit; -1 when there
 * are none (or no memory: then nothing is dropped). */
static int print_level(const struct pword *w, const int *core, size_t n)
{
    int *v = n ? malloc(n * sizeof *v) : NULL;
    if (!v)
        return -1;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (alnum_count(w[i].text))
            v[m++] = core[i];
    qsort(v, m, sizeof *v, cmp_int);
    int level = m ? v[m / 2] : -1;
    free(v);
    return level;
}

size_t ocr_drop_faint(struct pword *w, const int *core, size_t n, int paper)
{
    int print = print_level(w, core, n);
    if (print < 0 || paper <= print)
        return n;
    float bar = (float)print + OCR_FAINT_SHARE * (float)(paper - print);
    float glyph_bar = (float)print + OCR_FAINT_GLYPH_SHARE * (float)(paper - print);
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = alnum_count(w[i].text);
        if (!(k && (float)core[i] > (k == 1 ? glyph_bar : bar)))
            w[out++] = w[i];
    }
    return out;
}
