/* Where the columns of cells below a header start and end. A left-aligned
 * column prints every cell from one x, its left edge; labels set as close
 * as the words inside them ("Booking Date Effective Date Txn Description",
 * one space apart) do not show where one ends, but the cells under them
 * do: a column of cells starts under each label's first word. A
 * right-aligned column (amounts) prints every cell up to one x, its right
 * edge, and a label right-aligned over it ends there ("Outflow" a space
 * before "Cr. Amount"). See header_parts.h. */
#include "extract/header_parts.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* How far apart cells are at least: wider than a space in any font (a
 * monospaced one's is 0.6 em), narrower than the padding either side of
 * a column's cells. */
#define CELL_GAP_EM 0.7f
/* How close to an edge a cell or a label's word starts (text placed at a
 * column's x starts there exactly; this is rounding). */
#define EDGE_SLACK 0.6f
/* Cells starting at one x that make an edge: a sparse column (cheque
 * numbers, references on a row's line of four) shows few. */
#define EDGE_CELLS 3

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y;
}

/* Amounts and small numbers are printed right-aligned: where they start
 * tells no column's edge, where they end does. */
static bool right_aligned(const struct layout *l, uint32_t w)
{
    enum cellkind k = header_cell_kind(word_text(l, &l->words[w]));
    return k == CK_MONEY || k == CK_INT;
}

/* Does word w of line ln start a cell: the line's first word, or further
 * from the word before than a space? */
static bool starts_cell(const struct layout *l, const struct line *ln, uint32_t w, float size)
{
    if (w > ln->first && l->words[w].x0 - l->words[w - 1].x1 < CELL_GAP_EM * size)
        return false;
    return !right_aligned(l, w);
}

/* Does word w of line ln end a cell of amounts: the line's last word, or
 * further from the word after than a space? Only amounts: a small number
 * may be a year wrapped under its date, left-aligned ("29 January" over
 * "2025"). */
static bool ends_cell(const struct layout *l, const struct line *ln, uint32_t w, float size)
{
    if (w + 1 < ln->first + ln->n && l->words[w + 1].x0 - l->words[w].x1 < CELL_GAP_EM * size)
        return false;
    return header_cell_kind(word_text(l, &l->words[w])) == CK_MONEY;
}

/* The x values of st (n, sorted in place) where EDGE_CELLS or more lie
 * within rounding of each other, the least of each such group, into x
 * (at most MAX_CELL_EDGES). Returns how many. */
static int edges_of(float *st, int n, float *x)
{
    int found = 0;
    qsort(st, (size_t)n, sizeof *st, cmp_float);
    for (int a = 0; a < n && found < MAX_CELL_EDGES;) {
        int b = a;
        while (b < n && st[b] - st[a] <= 2 * EDGE_SLACK)
            b++;
        if (b - a >= EDGE_CELLS) {
            x[found++] = st[a];
            a = b;
        } else {
            a++;
        }
    }
    return found;
}

/* See header_parts.h. */
void header_cell_edges(const struct layout *l, size_t from, float size, struct cell_edges *e)
{
    static __thread float st[SAMPLE_LINES * 16], en[SAMPLE_LINES * 16];
    int n = 0, m = 0;
    struct sampler sp = header_sampler_at(l, from);
    size_t j;
    while (sp.lines < SAMPLE_LINES && header_sample_next(l, &sp, &j)) {
        const struct line *ln = &l->lines[j];
        sp.lines++;
        for (uint32_t w = ln->first; w < ln->first + ln->n && n < SAMPLE_LINES * 16 && m < SAMPLE_LINES * 16; w++) {
            if (starts_cell(l, ln, w, size))
                st[n++] = l->words[w].x0;
            if (ends_cell(l, ln, w, size))
                en[m++] = l->words[w].x1;
        }
    }
    e->n = edges_of(st, n, e->x);
    e->nr = edges_of(en, m, e->r);
}

/* See header_parts.h. */
bool header_edge_at(const struct cell_edges *e, float x)
{
    for (int a = 0; a < e->n; a++)
        if (x > e->x[a] - EDGE_SLACK && x < e->x[a] + 2 * EDGE_SLACK)
            return true;
    return false;
}

/* See header_parts.h. */
bool header_edge_ends_at(const struct cell_edges *e, float x)
{
    for (int a = 0; a < e->nr; a++)
        if (x > e->r[a] - EDGE_SLACK && x < e->r[a] + 3 * EDGE_SLACK) /* r: the group's least */
            return true;
    return false;
}
