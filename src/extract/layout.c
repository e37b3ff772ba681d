#include "extract/layout.h"
#include "extract/paise_columns.h"
#include "extract/split_dates.h"
#include "extract/two_up.h"
#include "util/array.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define LAYOUT_MAX_WORDS 4000000u  /* far beyond any statement; bounds hostile input */

/* A table drawn in text (a report printed in ASCII): a cell's side '|'
 * ('│', U+2502, in a box-drawing font), or a rule '+-----+-----+' between
 * rows. Lines of the drawing, not words: the cells are read without them. */
static bool text_rule(const char *s, size_t len)
{
    size_t bars = 0, plus = 0, dash = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] == '|')
            bars++, i++;
        else if (s[i] == '+')
            plus++, i++;
        else if (s[i] == '-' || s[i] == '=')
            dash++, i++;
        else if (len - i >= 3 && !memcmp(s + i, "\xe2\x94\x82", 3))
            bars++, i += 3;
        else
            return false;
    }
    return len && ((bars && !plus && !dash) || (plus && dash));
}

int layout_add_word(struct layout *l, int page, float x0, float y0, float x1, float y1,
                    float base, float size, const char *text, size_t len)
{
    if (text_rule(text, len))
        return 0;
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

/* w prints what kept already prints: the same text at nearly the same
 * place (fake bold: a producer without the bold face draws a string twice,
 * a fraction of a point apart; no two words of real text sit there). */
static bool drawn_again(const struct layout *l, const struct word *kept, const struct word *w)
{
    float near = 0.2f * fmaxf(w->size, 1.0f);
    return fabsf(w->x0 - kept->x0) < near && fabsf(w->x1 - kept->x1) < near && fabsf(w->base - kept->base) < near &&
           !strcmp(word_text(l, w), word_text(l, kept));
}

/* Keeps the words of words[from, to) (sorted by x0) at words[out ...] but
 * those drawn again over one kept before them; returns how many were kept. */
static size_t keep_once(struct layout *l, size_t out, size_t from, size_t to)
{
    size_t first = out;
    for (size_t k = from; k < to; k++) {
        const struct word *w = &l->words[k];
        bool again = false;
        for (size_t b = out; b-- > first && !again && w->x0 - l->words[b].x0 < 0.2f * fmaxf(w->size, 1.0f);)
            again = drawn_again(l, &l->words[b], w);
        if (!again)
            l->words[out++] = *w;
    }
    return out - first;
}

/* Words whose baselines lie within a fraction of the font size of the
 * line's first baseline share a line: table cells drawn with slightly
 * different fonts still meet, while the next text line (>= ~1 size below)
 * does not. A word drawn twice over itself is kept once (keep_once). */
static int group_lines(struct layout *l)
{
    free(l->lines);
    l->lines = NULL;
    l->nlines = 0;
    if (!l->nwords)
        return 0;
    qsort(l->words, l->nwords, sizeof *l->words, cmp_page_base);
    size_t cap = 0, i = 0, out = 0; /* words read up to i, kept up to out */
    while (i < l->nwords) {
        const struct word *w0 = &l->words[i];
        float tol = fmaxf(1.0f, 0.35f * (w0->size > 0 ? w0->size : 8));
        size_t j = i + 1;
        while (j < l->nwords && l->words[j].page == w0->page && l->words[j].base - w0->base <= tol)
            j++;
        qsort(&l->words[i], j - i, sizeof *l->words, cmp_x);
        size_t n = keep_once(l, out, i, j);
        if (array_grow(&l->lines, &cap, l->nlines + 1, sizeof *l->lines, 256))
            return -1;
        struct line *ln = &l->lines[l->nlines++];
        *ln = (struct line){l->words[out].page, 0, INFINITY, -INFINITY, 0, (uint32_t)out, (uint32_t)n, -1};
        float sb = 0, ss = 0;
        for (size_t k = out; k < out + n; k++) {
            const struct word *w = &l->words[k];
            if (w->conf >= 0 && (ln->conf < 0 || w->conf < ln->conf))
                ln->conf = w->conf;
            sb += w->base;
            ss += w->size;
            ln->y0 = fminf(ln->y0, w->y0);
            ln->y1 = fmaxf(ln->y1, w->y1);
        }
        ln->base = sb / (float)n;
        ln->size = ss / (float)n;
        out += n;
        i = j;
    }
    l->nwords = out;
    return 0;
}

/* The lines, a two-up page's right half under its left half (two_up.h),
 * a date wrapped in a narrow column read as one word on its row's line
 * (split_dates.h), an amount's paise printed in a column of their own
 * joined to its rupees (paise_columns.h). */
int layout_build_lines(struct layout *l)
{
    if (group_lines(l) < 0)
        return -1;
    if (two_up_unfold(l) && group_lines(l) < 0)
        return -1;
    int joined = split_dates_join(l);
    if (joined < 0 || (joined && group_lines(l) < 0))
        return -1;
    joined = paise_columns_join(l);
    return joined < 0 ? -1 : joined ? group_lines(l) : 0;
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

void layout_drop_taken(struct layout *l)
{
    size_t out = 0;
    for (size_t k = 0; k < l->nwords; k++)
        if (l->words[k].page >= 0)
            l->words[out++] = l->words[k];
    l->nwords = out;
}

size_t layout_join_word(char *buf, size_t cap, size_t len, const char *t)
{
    if (len > 0 && len + 1 < cap)
        buf[len++] = ' ';
    size_t n = strnlen(t, cap - 1 - len);
    memcpy(buf + len, t, n);
    len += n;
    buf[len] = '\0';
    return len;
}

void layout_free(struct layout *l)
{
    free(l->words);
    free(l->text);
    free(l->lines);
    memset(l, 0, sizeof *l);
}
