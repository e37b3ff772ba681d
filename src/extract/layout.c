#include "extract/layout.h"
#include "util/array.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define LAYOUT_MAX_WORDS 4000000u  /* far beyond any statement; bounds hostile input */

int layout_add_word(struct layout *l, int page, float x0, float y0, float x1, float y1,
                    float base, float size, const char *text, size_t len)
{
    if (l->nwords >= LAYOUT_MAX_WORDS || len > 4096)
        return -1;
    /* hostile files place text at absurd or NaN positions: such text is
     * not on any page a reader sees */
    const float lim = 100000;
    if (!(fabsf(x0) < lim && fabsf(x1) < lim && fabsf(y0) < lim && fabsf(y1) < lim && fabsf(base) < lim &&
          size >= 0 && size < lim))
        return 0;
    if (array_grow(&l->words, &l->capwords, l->nwords + 1, sizeof *l->words, 1024) ||
        array_grow(&l->text, &l->textcap, l->textlen + len + 1, 1, 16384))
        return -1;
    memcpy(l->text + l->textlen, text, len);
    l->text[l->textlen + len] = 0;
    l->words[l->nwords++] = (struct word){x0, y0, x1, y1, base, size, page, (uint32_t)l->textlen, -1, 0};
    l->textlen += len + 1;
    if (page + 1 > l->npages)
        l->npages = page + 1;
    return 0;
}

static int cmp_page_base(const void *a, const void *b)
{
    const struct word *x = a, *y = b;
    if (x->page != y->page)
        return x->page < y->page ? -1 : 1;
    if (x->base != y->base)
        return x->base < y->base ? -1 : 1;
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int cmp_x(const void *a, const void *b)
{
    const struct word *x = a, *y = b;
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* Words whose baselines lie within a fraction of the font size of the
 * line's first baseline share a line: table cells drawn with slightly
 * different fonts still meet, while the next text line (>= ~1 size below)
 * does not. */
int layout_build_lines(struct layout *l)
{
    free(l->lines);
    l->lines = NULL;
    l->nlines = 0;
    if (!l->nwords)
        return 0;
    qsort(l->words, l->nwords, sizeof *l->words, cmp_page_base);
    size_t cap = 0, i = 0;
    while (i < l->nwords) {
        const struct word *w0 = &l->words[i];
        float tol = fmaxf(1.0f, 0.35f * (w0->size > 0 ? w0->size : 8));
        size_t j = i + 1;
        while (j < l->nwords && l->words[j].page == w0->page && l->words[j].base - w0->base <= tol)
            j++;
        qsort(&l->words[i], j - i, sizeof *l->words, cmp_x);
        if (array_grow(&l->lines, &cap, l->nlines + 1, sizeof *l->lines, 256))
            return -1;
        struct line *ln = &l->lines[l->nlines++];
        *ln = (struct line){w0->page, 0, INFINITY, -INFINITY, 0, (uint32_t)i, (uint32_t)(j - i), -1};
        float sb = 0, ss = 0;
        for (size_t k = i; k < j; k++) {
            const struct word *w = &l->words[k];
            if (w->conf >= 0 && (ln->conf < 0 || w->conf < ln->conf))
                ln->conf = w->conf;
            sb += w->base;
            ss += w->size;
            ln->y0 = fminf(ln->y0, w->y0);
            ln->y1 = fmaxf(ln->y1, w->y1);
        }
        ln->base = sb / (float)(j - i);
        ln->size = ss / (float)(j - i);
        i = j;
    }
    return 0;
}

static int flush_word(struct layout *l, int page, float y, size_t col0, const char *w, size_t n)
{
    if (!n)
        return 0;
    float x0 = (float)col0 * 6.0f;
    return layout_add_word(l, page, x0, y - 8, x0 + 6.0f * (float)n, y + 2, y, 10, w, n);
}

int layout_from_text(struct layout *l, const char *s, size_t len)
{
    int page = 0;
    float y = 12;
    size_t col = 0, start = 0, start_col = 0;
    for (size_t i = 0; i <= len; i++) {
        char c = i < len ? s[i] : '\n';
        bool sep = c == ' ' || c == '\n' || c == '\f' || c == '\t' || c == '\r' || c == 0;
        if (!sep) {
            col++;
            continue;
        }
        if (flush_word(l, page, y, start_col, s + start, i - start) < 0)
            return -1;
        col++;
        if (c == '\n' || c == '\f') {
            y += 12;
            col = 0;
            if (c == '\f') {
                page++;
                y = 12;
            }
        }
        start = i + 1;
        start_col = col;
    }
    if (l->npages < page + 1)
        l->npages = page + 1;
    return layout_build_lines(l);
}

void layout_free(struct layout *l)
{
    free(l->words);
    free(l->text);
    free(l->lines);
    memset(l, 0, sizeof *l);
}
