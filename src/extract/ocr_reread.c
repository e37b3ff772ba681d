/* Unsure words read again. See ocr_reread.h. */
#include "extract/ocr_reread.h"

#include <math.h>

bool ocr_same_line(const struct pword *a, const struct pword *b)
{
    return fabsf(a->base - b->base) < 0.5f * fmaxf(a->size, b->size);
}

size_t ocr_unsure_run(const struct pword *w, size_t n, size_t i, float px, int *x0, int *x1)
{
    size_t j = i + 1;
    while (j < n && w[j].conf < OCR_REREAD_BELOW && ocr_same_line(&w[j - 1], &w[j]))
        j++;
    if (i > 0 && ocr_same_line(&w[i - 1], &w[i])) {
        int left = (int)(w[i - 1].x1 * px) + 2;
        if (left > *x0)
            *x0 = left;
    }
    if (j < n && ocr_same_line(&w[j - 1], &w[j])) {
        int right = (int)(w[j].x0 * px) - 2;
        if (right < *x1)
            *x1 = right;
    }
    return j;
}

void ocr_unsure_rows(const struct pword *w, size_t i, size_t j, float px, int *y0, int *y1)
{
    float top = INFINITY, bottom = -INFINITY;
    for (size_t k = i; k < j; k++) {
        top = fminf(top, (w[k].base - 1.0f * w[k].size) * px);
        bottom = fmaxf(bottom, (w[k].base + 0.4f * w[k].size) * px);
    }
    if (j <= i)
        return;
    if ((int)top > *y0)
        *y0 = (int)top;
    if ((int)bottom + 1 < *y1)
        *y1 = (int)bottom + 1;
}

static float least_sure(const struct pword *w, size_t n)
{
    float least = 100;
    for (size_t i = 0; i < n; i++)
        least = fminf(least, w[i].conf);
    return least;
}

/* The word of run (n words) whose middle is nearest w's. */
static const struct pword *nearest(const struct pword *run, size_t n, const struct pword *w)
{
    const struct pword *best = &run[0];
    float mid = w->x0 + w->x1;
    for (size_t i = 1; i < n; i++)
        if (fabsf(run[i].x0 + run[i].x1 - mid) < fabsf(best->x0 + best->x1 - mid))
            best = &run[i];
    return best;
}

bool ocr_reread_wins(const struct pword *run, size_t n, struct pword *again, size_t *m)
{
    size_t kept = 0;
    for (size_t k = 0; k < *m; k++)
        if (ocr_same_line(&again[k], &run[0]))
            again[kept++] = again[k];
    *m = kept;
    if (!kept || !n || least_sure(again, kept) <= least_sure(run, n))
        return false;
    for (size_t k = 0; k < kept; k++) {
        const struct pword *was = nearest(run, n, &again[k]);
        again[k].base = was->base, again[k].size = was->size;
    }
    return true;
}
