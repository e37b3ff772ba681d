/* A scanned page's first reading, kept. See ocr_memo.h. */
#include "extract/ocr_memo.h"

#include <stdlib.h>
#include <string.h>

static uint64_t mix(uint64_t sum, uint64_t v)
{
    sum ^= v;
    sum = (sum << 29) | (sum >> 35);
    return sum * 0xff51afd7ed558ccdull;
}

/* eight pixels at a time: a page's pieces are ~10 megapixels */
uint64_t ocr_memo_sum(uint64_t sum, const unsigned char *pixels, size_t stride, int x0, int y0, int x1, int y1)
{
    for (int y = y0; y < y1; y++) {
        const unsigned char *p = pixels + (size_t)y * stride + x0, *end = p + (x1 - x0);
        for (; end - p >= 8; p += 8) {
            uint64_t v;
            memcpy(&v, p, sizeof v);
            sum = mix(sum, v);
        }
        uint64_t tail = 1; /* the row's end counts: rows of other widths differ */
        for (; p < end; p++)
            tail = tail << 8 | *p;
        sum = mix(sum, tail);
    }
    return sum;
}

struct ocr_memo_page *ocr_memo_page(struct ocr_memo *m, int i)
{
    if (i < 0)
        return NULL;
    if (i >= m->npages) {
        struct ocr_memo_page *g = realloc(m->pages, (size_t)(i + 1) * sizeof *g);
        if (!g)
            return NULL;
        memset(g + m->npages, 0, (size_t)(i + 1 - m->npages) * sizeof *g);
        m->pages = g, m->npages = i + 1;
    }
    return &m->pages[i];
}

int ocr_memo_add(struct ocr_memo_page *pg, int x0, int y0, int x1, int y1, uint64_t sum, const struct pword *words,
                 size_t n)
{
    if (pg->n == pg->cap) {
        size_t cap = pg->cap ? 2 * pg->cap : 64;
        struct ocr_memo_piece *g = realloc(pg->p, cap * sizeof *g);
        if (!g)
            return -1;
        pg->p = g, pg->cap = cap;
    }
    struct pword *copy = n ? malloc(n * sizeof *copy) : NULL;
    if (n && !copy)
        return -1;
    if (n)
        memcpy(copy, words, n * sizeof *copy);
    pg->p[pg->n++] = (struct ocr_memo_piece){x0, y0, x1, y1, sum, copy, n};
    return 0;
}

const struct ocr_memo_piece *ocr_memo_find(const struct ocr_memo_page *pg, int x0, int y0, int x1, int y1,
                                           uint64_t sum)
{
    for (size_t i = 0; pg && i < pg->n; i++) {
        const struct ocr_memo_piece *p = &pg->p[i];
        if (p->sum == sum && p->x0 == x0 && p->y0 == y0 && p->x1 == x1 && p->y1 == y1)
            return p;
    }
    return NULL;
}

double ocr_memo_seconds_left(const struct ocr_memo_page *first, double seconds)
{
    double left = first && first->read ? seconds - first->seconds : seconds;
    return left > 0 ? left : 0;
}

void ocr_memo_page_clear(struct ocr_memo_page *pg)
{
    for (size_t i = 0; i < pg->n; i++)
        free(pg->p[i].words);
    free(pg->p);
    *pg = (struct ocr_memo_page){0};
}

void ocr_memo_free(struct ocr_memo *m)
{
    for (int i = 0; i < m->npages; i++)
        ocr_memo_page_clear(&m->pages[i]);
    free(m->pages);
    *m = (struct ocr_memo){NULL, 0};
}
