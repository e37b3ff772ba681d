/* Which header each page's lines are read under, and the columns'
 * boundaries. See table_parts.h. Header rows: per page, lines whose words
 * (stacked over up to three lines) are mostly column phrases (header.c);
 * for each run of pages sharing a header layout, the boundaries are the
 * emptiest vertical strips between neighbouring labels over that run's
 * data lines (cells.c). */
#include "extract/table_parts.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "extract/cells.h"

/* Whether every column of h is one of prev's, with its role at its place,
 * and prev has more: the same header with labels left unread. */
static bool header_part_of(const struct header *h, const struct header *prev)
{
    if (h->ncols >= prev->ncols)
        return false;
    for (int i = 0, j = 0; i < h->ncols; i++, j++) {
        while (j < prev->ncols && !(prev->cols[j].role == h->cols[i].role && fabsf(prev->cols[j].x0 - h->cols[i].x0) <= 4))
            j++;
        if (j == prev->ncols)
            return false;
    }
    return true;
}

/* Lines a and b print the same words at the same places. */
static bool same_line(const struct layout *l, size_t a, size_t b)
{
    const struct line *x = &l->lines[a], *y = &l->lines[b];
    if (x->n != y->n)
        return false;
    for (uint32_t k = 0; k < x->n; k++) {
        const struct word *u = &l->words[x->first + k], *v = &l->words[y->first + k];
        if (fabsf(u->x0 - v->x0) > 2 || strcmp(word_text(l, u), word_text(l, v)))
            return false;
    }
    return true;
}

/* The lines from i on print again the header of an earlier page (the
 * same words at the same places, every line of it): that header, however
 * few rows are under it here (the last page's one row cannot tell the
 * roles of labels no phrase knows). */
static bool header_again(const struct layout *l, const struct page_header *ph, int p, size_t i, size_t end,
                         struct header *out)
{
    for (int q = p - 1; q >= 0; q--) {
        if (!ph[q].found)
            continue;
        const struct header *h = &ph[q].h;
        size_t k = h->last_line - h->first_line + 1;
        if (i + k > end)
            continue;
        size_t m = 0;
        while (m < k && same_line(l, h->first_line + m, i + m))
            m++;
        if (m == k) {
            *out = *h;
            out->first_line = i;
            out->last_line = i + k - 1;
            return true;
        }
    }
    return false;
}

void table_find_headers(const struct layout *l, struct page_header *ph, const size_t *pstart)
{
    for (int p = 0; p < l->npages; p++) {
        ph[p].found = false;
        for (size_t i = pstart[p]; i < pstart[p + 1]; i++) {
            if (header_line_has_value(l, i))
                continue;
            if (header_again(l, ph, p, i, pstart[p + 1], &ph[p].h) ||
                header_find_at(l, i, pstart[p], pstart[p + 1], &ph[p].h)) {
                ph[p].found = true;
                break;
            }
        }
        /* a scanned page's header whose labels OCR read only in part
         * (a smudged "Chq./Ref.No."): the previous page's whole header */
        const struct header *h = &ph[p].h, *prev = p > 0 && ph[p - 1].found ? &ph[p - 1].h : NULL;
        if (ph[p].found && prev && l->lines[h->first_line].conf >= 0 && header_part_of(h, prev)) {
            size_t first = h->first_line, last = h->last_line;
            ph[p].h = *prev;
            ph[p].h.first_line = first;
            ph[p].h.last_line = last;
        }
    }
}

void table_assign_lines(struct table_lines *c, struct page_header *ph, const size_t *pstart)
{
    const struct layout *l = c->l;
    int group = -1;
    const struct header *cur = NULL;
    for (int p = 0; p < l->npages; p++) {
        size_t from = pstart[p];
        if (ph[p].found) {
            if (!cur || !header_same_layout(cur, &ph[p].h)) {
                group++;
                c->out->ntables++;
            }
            cur = &ph[p].h;
            from = ph[p].h.last_line + 1;
            for (size_t i = ph[p].h.first_line; i <= ph[p].h.last_line; i++)
                c->out->line_use[i] = LINE_HEADER;
        }
        ph[p].group = cur ? group : -1;
        if (!cur)
            continue;
        for (size_t i = from; i < pstart[p + 1]; i++) {
            c->dl[c->ndl] = i;
            c->hdr[c->ndl++] = cur;
        }
    }
    /* boundaries per group, from that group's data lines; the page headers
     * of a group share the first page's boundaries */
    for (int g = 0; g <= group; g++) {
        struct header *first = NULL;
        size_t a = SIZE_MAX, b = 0;
        for (int p = 0; p < l->npages; p++)
            if (ph[p].group == g && ph[p].found && !first)
                first = &ph[p].h;
        for (size_t i = 0; i < c->ndl; i++)
            if (c->hdr[i] && c->hdr[i] != first && first && header_same_layout(c->hdr[i], first) &&
                ph[l->lines[c->dl[i]].page].group == g)
                c->hdr[i] = first;
        for (size_t i = 0; i < c->ndl; i++)
            if (c->hdr[i] == first) {
                a = a == SIZE_MAX ? i : a;
                b = i + 1;
            }
        if (first)
            cells_set_boundaries(l, first, c->dl + (a == SIZE_MAX ? 0 : a), a == SIZE_MAX ? 0 : b - a);
    }
}
