/* Layout to table. See table.h. The steps:
 *  1. header rows: per page, lines whose words (stacked over up to three
 *     lines) are mostly column phrases from the profiles;
 *  2. column boundaries: for each run of pages sharing a header layout, the
 *     emptiest vertical strip between neighbouring header labels (a
 *     whitespace "river" across all data rows), so right-aligned amounts
 *     and left-aligned text both land in their column;
 *  3. line classes: dated line (a row starts), amount-only line, opening /
 *     closing / total / end-of-table line, text-only continuation, noise;
 *  4. rows: continuation lines join the row above (or, for layouts that
 *     centre cells vertically, the nearest dated line). */
#include "extract/table.h"

#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/cells.h"
#include "extract/header.h"
#include "extract/lines.h"
#include "extract/token.h"

/* ---------- assembly ---------- */

struct ctx {
    const struct layout *l;
    struct table_result *out;
    size_t *dl;           /* data line indices (layout lines), in order */
    struct lineinfo *info;
    const struct header **hdr; /* header used by each data line */
    size_t ndl;
};

static int push_row(struct table_result *r, const struct lineinfo *li, int page)
{
    if (r->nrows == r->caprows) {
        size_t cap = r->caprows ? r->caprows * 2 : 256;
        struct table_row *nr = realloc(r->rows, cap * sizeof *nr);
        if (!nr)
            return -1;
        r->rows = nr;
        r->caprows = cap;
    }
    struct table_row *row = &r->rows[r->nrows];
    memset(row, 0, sizeof *row);
    row->page = page;
    row->date = li->date;
    row->value_date = li->value_date;
    row->debit = li->debit, row->has_debit = li->has_debit;
    row->credit = li->credit, row->has_credit = li->has_credit;
    row->amount = li->amount, row->has_amount = li->has_amount;
    row->amount_mark = li->amount_mark;
    row->amount_negative = li->amount_negative;
    row->balance = li->balance, row->has_balance = li->has_balance;
    row->yearless = li->yearless;
    row->conf = -1;
    return (int)r->nrows++;
}

/* An opening or closing balance line, kept in sequence (see table.h). */
static int push_marker(struct table_result *r, const struct lineinfo *li, int page)
{
    if (!li->has_balance && !li->has_amount && !li->has_credit && !li->has_debit)
        return 0;
    struct lineinfo m = *li;
    m.balance = li->has_balance ? li->balance : li->has_amount ? li->amount : li->has_credit ? li->credit : -li->debit;
    m.has_balance = true;
    m.has_amount = m.has_debit = m.has_credit = false;
    int k = push_row(r, &m, page);
    if (k >= 0)
        r->rows[k].marker = li->kind == LK_OPEN ? ROWK_OPENING : ROWK_CLOSING;
    return k;
}

static void merge_amounts(struct table_row *row, const struct lineinfo *li)
{
    if (li->has_debit && !row->has_debit)
        row->debit = li->debit, row->has_debit = true;
    if (li->has_credit && !row->has_credit)
        row->credit = li->credit, row->has_credit = true;
    if (li->has_amount && !row->has_amount)
        row->amount = li->amount, row->has_amount = true, row->amount_mark = li->amount_mark;
    if (li->has_balance && !row->has_balance)
        row->balance = li->balance, row->has_balance = true;
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y;
}

static float median_pitch(const struct ctx *c)
{
    float *d = malloc((c->ndl + 1) * sizeof *d);
    size_t n = 0;
    if (!d)
        return 12;
    for (size_t i = 1; i < c->ndl; i++) {
        const struct line *a = &c->l->lines[c->dl[i - 1]], *b = &c->l->lines[c->dl[i]];
        if (a->page == b->page && b->base > a->base)
            d[n++] = b->base - a->base;
    }
    float p = 12;
    if (n) {
        qsort(d, n, sizeof *d, cmp_float); /* (an insertion sort here was 20% of a 100-page parse) */
        p = d[n / 4]; /* lower quartile: the line spacing inside rows */
    }
    free(d);
    return p;
}

/* How a row's cells sit when its narration wraps: at the top (the wrapped
 * lines below the dated line), centred (above and below it) or at the
 * foot (all above it). */
enum valign { VA_TOP, VA_MIDDLE, VA_BOTTOM };

/* a is clearly smaller than b: by 15%, or (weak) by more than baseline
 * jitter */
static bool clearly_less(float a, float b, bool weak)
{
    return weak ? a < b - fmaxf(0.8f, 0.06f * b) : a < 0.85f * b;
}

/* Votes on the alignment from the text-only lines next to dated lines:
 * one just above a dated line and nearer to it than to the line before
 * (up) or nearer to that (down); one just below a dated line and nearer
 * to it (below) or to the line after (after). Rows set apart by only a
 * little extra space give weak votes, which count only in numbers. */
static enum valign layout_valign(const struct ctx *c)
{
    int up[2] = {0}, down[2] = {0}, below[2] = {0}, after[2] = {0};
    for (size_t i = 1; i + 1 < c->ndl; i++) {
        if (c->info[i].kind != LK_CONT)
            continue;
        const struct line *p = &c->l->lines[c->dl[i - 1]], *x = &c->l->lines[c->dl[i]],
                          *n = &c->l->lines[c->dl[i + 1]];
        if (p->page != x->page || n->page != x->page)
            continue;
        float dp = x->base - p->base, dn = n->base - x->base;
        for (int w = 0; w < 2; w++) {
            if (c->info[i + 1].kind == LK_DATED) {
                up[w] += clearly_less(dn, dp, w);
                down[w] += clearly_less(dp, dn, w);
            }
            if (c->info[i - 1].kind == LK_DATED) {
                below[w] += clearly_less(dp, dn, w);
                after[w] += clearly_less(dn, dp, w);
            }
        }
    }
    /* a top-aligned layout never puts a row's text just above the next
     * dated line with a wider gap before it; a few such lines suffice */
    bool lifted = (up[0] >= 2 && up[0] * 10 >= up[0] + down[0]) || (up[0] >= 1 && down[0] == 0) ||
                  (up[1] >= 3 && up[1] >= 4 * down[1]) || (after[0] >= 2 && after[0] * 10 >= after[0] + below[0]);
    if (!lifted)
        return VA_TOP;
    /* nothing hangs below a dated line, and lines after one go with the next */
    return below[1] * 10 <= after[1] && after[1] >= 2 ? VA_BOTTOM : VA_MIDDLE;
}

/* Text-only lines far below the rows (or repeated footers) are not part
 * of any row. */
static void drop_far_lines(struct ctx *c, float pitch)
{
    bool footer = false, dated_here = c->ndl && c->info[0].kind == LK_DATED;
    float rowsize = 0;
    int nrow = 0;
    for (size_t i = 0; i < c->ndl; i++)
        if (c->info[i].kind == LK_DATED && nrow < 64) {
            rowsize += c->l->lines[c->dl[i]].size;
            nrow++;
        }
    rowsize = nrow ? rowsize / (float)nrow : 0;
    /* cells centred between narration lines put lines half a line apart:
     * measure "far" against at least a line of text */
    pitch = fmaxf(pitch, 1.1f * rowsize);
    for (size_t i = 1; i < c->ndl; i++) {
        const struct line *p = &c->l->lines[c->dl[i - 1]], *x = &c->l->lines[c->dl[i]];
        enum lkind k = c->info[i].kind;
        if (p->page != x->page)
            footer = false, dated_here = false;
        if (k == LK_DATED) {
            footer = false;
            dated_here = true;
            continue;
        }
        /* footers come below a page's rows (above them: a letterhead, which
         * drop_repeated_lines handles, and the rest of a broken row) */
        if (k == LK_CONT && p->page == x->page && dated_here &&
            (x->base - p->base > 2.6f * pitch || c->info[i - 1].kind == LK_NOISE))
            footer = true;
        if (k == LK_CONT && x->size < 0.8f * rowsize)
            c->info[i].kind = LK_NOISE; /* footnotes use a smaller font than the rows */
        /* below a page's footer nothing more belongs to the table */
        if (footer && k != LK_END)
            c->info[i].kind = LK_NOISE;
    }
}

/* A line's text with digits folded ("Page 3 of 9" == "Page 4 of 9"). */
static uint64_t line_key(const struct layout *l, const struct line *ln)
{
    uint64_t h = 1469598103934665603ULL;
    for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
        for (const char *p = word_text(l, &l->words[w]); *p; p++) {
            unsigned char ch = (unsigned char)(*p >= '0' && *p <= '9' ? '#' : *p);
            h = (h ^ ch) * 1099511628211ULL;
        }
        h = (h ^ ' ') * 1099511628211ULL;
    }
    return h;
}

struct keyed {
    uint64_t key;
    int page;
    float y;
};

static int cmp_keyed(const void *a, const void *b)
{
    const struct keyed *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->page - y->page;
}

/* Letterheads and footers repeat on other pages: a text line above a
 * page's first row or below its last one, whose text also appears on
 * another page, is not a wrapped narration. */
static void drop_repeated_lines(struct ctx *c)
{
    const struct layout *l = c->l;
    struct keyed *all = malloc((l->nlines + 1) * sizeof *all);
    int *first = malloc(((size_t)l->npages + 1) * sizeof *first), *last = malloc(((size_t)l->npages + 1) * sizeof *last);
    size_t nall = 0;
    if (!all || !first || !last)
        goto out;
    /* compare with lines outside the table (letterheads above the first
     * page's header): repeated narration wraps must not match each other */
    unsigned char *isdata = calloc(l->nlines + 1, 1);
    if (!isdata)
        goto out;
    for (size_t i = 0; i < c->ndl; i++)
        isdata[c->dl[i]] = 1;
    for (size_t i = 0; i < l->nlines; i++)
        if (!isdata[i])
            all[nall++] = (struct keyed){line_key(l, &l->lines[i]), l->lines[i].page, l->lines[i].base};
    free(isdata);
    qsort(all, nall, sizeof *all, cmp_keyed);
    for (int p = 0; p < l->npages; p++)
        first[p] = INT32_MAX, last[p] = -1;
    for (size_t i = 0; i < c->ndl; i++)
        if (c->info[i].kind == LK_DATED) {
            int p = l->lines[c->dl[i]].page;
            first[p] = first[p] == INT32_MAX ? (int)i : first[p];
            last[p] = (int)i;
        }
    for (size_t i = 0; i < c->ndl; i++) {
        const struct line *ln = &l->lines[c->dl[i]];
        if ((c->info[i].kind != LK_CONT && c->info[i].kind != LK_AMOUNT) ||
            ((int)i > first[ln->page] && (int)i < last[ln->page]))
            continue;
        struct keyed k = {line_key(l, ln), -1, 0};
        /* the run of equal keys: is one on another page? */
        size_t lo = 0, hi = nall;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (all[mid].key < k.key)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t j = lo; j < nall && all[j].key == k.key; j++)
            if (all[j].page != ln->page && fabsf(all[j].y - ln->base) < 2) { /* same place, other page */
                c->info[i].kind = LK_NOISE;
                break;
            }
    }
out:
    free(all);
    free(first);
    free(last);
}

/* Which row a text-only line continues. Rows are usually set apart by a
 * little extra space, so a run of text-only lines between two rows splits
 * at its widest gap: the lines above it continue the row above (cells
 * aligned to the top), those below it start the row below (cells centred
 * vertically, narration starting above the dated line). Where no gap
 * stands out, the layout's habit decides: top-aligned rows take the whole
 * run, centred ones share it. A run at the top of a page continues the
 * previous page's last row down to its widest gap (a row broken across
 * the page, letterhead and header between); in a centred layout, a run at
 * the bottom of a page may start the next page's first row. */
struct run {
    size_t s, e;       /* the run: c->dl[s..e) */
    long above, below; /* anchor lines (same page), -1 when none */
    int up_row, down_row; /* rows the two parts may join, -1 when none */
};

static bool is_anchor(const struct lineinfo *li)
{
    return (li->kind == LK_DATED || li->kind == LK_AMOUNT) && li->row >= 0;
}

static float base_of(const struct ctx *c, size_t i)
{
    return c->l->lines[c->dl[i]].base;
}

static int page_of(const struct ctx *c, size_t i)
{
    return c->l->lines[c->dl[i]].page;
}

/* Where the run splits: lines [s, s+j) go up, [s+j, e) down. thr: a gap
 * wider than this parts two rows when no gap stands out. */
static size_t split_run(const struct ctx *c, const struct run *r, enum valign va, float thr, float rowgap)
{
    bool centred = va != VA_TOP;
    size_t len = r->e - r->s;
    float g[64];
    bool have[64];
    if (len + 1 > 64)
        return r->up_row >= 0 ? len : 0;
    for (size_t k = 0; k <= len; k++) {
        have[k] = k == 0 ? r->above >= 0 : k == len ? r->below >= 0 : true;
        g[k] = k == 0 ? (r->above >= 0 ? base_of(c, r->s) - base_of(c, (size_t)r->above) : 0)
               : k == len ? (r->below >= 0 ? base_of(c, (size_t)r->below) - base_of(c, r->e - 1) : 0)
                          : base_of(c, r->s + k) - base_of(c, r->s + k - 1);
    }
    size_t best = len + 1;
    float top = -1, second = -1;
    for (size_t k = 0; k <= len; k++) {
        if (!have[k])
            continue;
        if (g[k] > top) {
            second = top;
            top = g[k];
            best = k;
        } else if (g[k] > second) {
            second = g[k];
        }
    }
    /* the gap between two one-line rows, where the document shows it: the
     * only gap of the run that wide parts the rows, however slight the
     * difference from the lines inside a row */
    size_t nwide = 0, wide = 0;
    for (size_t k = 0; k <= len && rowgap > 0; k++)
        if (have[k] && g[k] > rowgap - fmaxf(0.4f, 0.03f * rowgap))
            nwide++, wide = k;
    /* at a page's top or foot of a centred layout, gaps no wider than a
     * line of text part no rows: a row whose first line is the page's
     * first (its date line centred lower down), or a row broken at the
     * foot, its lines a line apart. Cells at the foot of their rows: the
     * lines above a dated line are its row's, unless a gap shows otherwise */
    float size = 0;
    for (long k = r->above >= 0 ? r->above : (long)r->s; k < (r->below >= 0 ? r->below + 1 : (long)r->e); k++)
        size = fmaxf(size, c->l->lines[c->dl[k]].size);
    float advance = 1.3f * size; /* a line of the run's largest font (detail lines are smaller) */
    bool page_edge = r->above < 0 || r->below < 0;
    size_t j;
    bool standout = best <= len && second >= 0 && second < 0.85f * top && top > 0.9f * thr;
    if (va == VA_BOTTOM && !(nwide == 1 && top < 1.5f * rowgap) && !standout)
        j = 0;
    else if (va == VA_MIDDLE && page_edge && top <= advance)
        j = r->below < 0 ? len : 0;
    else if (nwide == 1 && top < 1.5f * rowgap)
        j = wide;
    else if (standout)
        j = best; /* one gap stands out, as wide as a gap between rows */
    else if (best <= len && second < 0 && centred) /* a single gap: wide parts rows, narrow joins */
        j = (best == 0) == (top > thr) ? 0 : len;
    else if (centred) /* a page's foot: up; its top: down; between rows: shared */
        j = r->below < 0 ? len : r->above < 0 ? 0 : len / 2;
    else
        j = len;
    /* at a page's foot only a centred layout starts the next row early */
    if (r->below < 0 && !centred)
        j = len;
    if (r->up_row < 0)
        j = 0;
    if (r->down_row < 0)
        j = len;
    return j;
}

/* The usual gap between two rows of one line each (neighbouring dated
 * lines on a page), or 0 when the document shows too few, or when the
 * rows' gaps vary too much to tell. */
static float row_gap(const struct ctx *c)
{
    float *d = malloc((c->ndl + 1) * sizeof *d);
    size_t n = 0;
    if (!d)
        return 0;
    for (size_t i = 1; i < c->ndl; i++)
        if (c->info[i].kind == LK_DATED && c->info[i - 1].kind == LK_DATED && page_of(c, i) == page_of(c, i - 1) &&
            base_of(c, i) > base_of(c, i - 1))
            d[n++] = base_of(c, i) - base_of(c, i - 1);
    float gap = 0;
    if (n >= 5) {
        qsort(d, n, sizeof *d, cmp_float);
        float lo = d[n / 4], hi = d[3 * n / 4], mid = d[n / 2];
        if (hi - lo < fmaxf(0.4f, 0.03f * mid))
            gap = mid;
    }
    free(d);
    return gap;
}

static void resolve_continuations(struct ctx *c, enum valign va, float pitch)
{
    size_t n = c->ndl;
    /* spacing inside rows and between rows, learnt from single lines
     * between two anchors whose gaps differ clearly */
    double intra = 0, between = 0;
    int nsamples = 0;
    for (size_t i = 1; i + 1 < n; i++) {
        if (c->info[i].row != -2 || page_of(c, i - 1) != page_of(c, i) || page_of(c, i + 1) != page_of(c, i) ||
            !is_anchor(&c->info[i - 1]) || !is_anchor(&c->info[i + 1]))
            continue;
        float up = base_of(c, i) - base_of(c, i - 1), dn = base_of(c, i + 1) - base_of(c, i);
        if (dn < 0.85f * up || up < 0.85f * dn) {
            intra += fminf(up, dn);
            between += fmaxf(up, dn);
            nsamples++;
        }
    }
    float thr = nsamples ? (float)(intra + between) / (2.0f * (float)nsamples) : 1.5f * pitch;
    float rowgap = row_gap(c);
    int last_row = -1; /* the last row seen, any page */
    for (size_t i = 0; i < n;) {
        if (c->info[i].row != -2) {
            if (is_anchor(&c->info[i]))
                last_row = c->info[i].row;
            i++;
            continue;
        }
        struct run r = {i, i, -1, -1, -1, -1};
        while (r.e < n && c->info[r.e].row == -2 && page_of(c, r.e) == page_of(c, i))
            r.e++;
        for (long k = (long)i - 1; k >= 0 && page_of(c, (size_t)k) == page_of(c, i); k--)
            if (is_anchor(&c->info[k])) {
                r.above = k;
                break;
            }
        for (size_t k = r.e; k < n && page_of(c, k) == page_of(c, i); k++)
            if (is_anchor(&c->info[k])) {
                r.below = (long)k;
                break;
            }
        r.up_row = r.above >= 0 ? c->info[r.above].row : last_row;
        if (r.below >= 0) {
            r.down_row = c->info[r.below].row;
        } else { /* the next page's first row */
            for (size_t k = r.e; k < n; k++)
                if (is_anchor(&c->info[k])) {
                    r.down_row = c->info[k].row;
                    break;
                }
        }
        size_t j = split_run(c, &r, va, thr, rowgap);
        for (size_t k = r.s; k < r.e; k++)
            c->info[k].row = k < r.s + j ? r.up_row : r.down_row;
        i = r.e;
    }
}

/* A row read by OCR is as sure as its least sure line. */
static void row_confidence(struct ctx *c)
{
    for (size_t i = 0; i < c->ndl; i++) {
        float conf = c->l->lines[c->dl[i]].conf;
        int row = c->info[i].row;
        if (row < 0 || (size_t)row >= c->out->nrows || conf < 0)
            continue;
        struct table_row *r = &c->out->rows[row];
        if (r->conf < 0 || conf < r->conf)
            r->conf = conf;
    }
}

static int attach_rows(struct ctx *c, enum valign va, float pitch)
{
    struct table_result *r = c->out;
    int cur = -1;
    bool ended = false;
    int end_page = -1;
    for (size_t i = 0; i < c->ndl; i++) {
        struct lineinfo *li = &c->info[i];
        const struct line *ln = &c->l->lines[c->dl[i]];
        if (ended && ln->page == end_page)
            li->kind = LK_NOISE;
        switch (li->kind) {
        case LK_END:
            ended = true;
            end_page = ln->page;
            break;
        case LK_DATED:
            if ((cur = push_row(r, li, ln->page)) < 0)
                return -1;
            li->row = cur;
            break;
        case LK_AMOUNT:
            if (cur >= 0 && !r->rows[cur].has_debit && !r->rows[cur].has_credit && !r->rows[cur].has_amount) {
                merge_amounts(&r->rows[cur], li);
                li->row = cur;
            } else if (cur >= 0 && li->has_balance) { /* date printed once a day: every row still has a balance */
                li->date = r->rows[cur].date;
                li->yearless = r->rows[cur].yearless;
                if ((cur = push_row(r, li, ln->page)) < 0)
                    return -1;
                r->rows[cur].date_inherited = true;
                li->row = cur;
            }
            break;
        case LK_OPEN:
        case LK_CLOSE:
            if (push_marker(r, li, ln->page) < 0)
                return -1;
            break;
        case LK_CONT:
            li->row = -2; /* resolved below, from the gaps around it */
            break;
        default:
            break;
        }
    }
    resolve_continuations(c, va, pitch);
    row_confidence(c);
    return 0;
}

static int append_text(char **dst, const char *s, const char *sep)
{
    if (!s[0])
        return 0;
    size_t a = *dst ? strlen(*dst) : 0, b = strlen(s);
    if (a + b > 8192)
        return 0;
    char *n = realloc(*dst, a + b + strlen(sep) + 1);
    if (!n)
        return -1;
    if (a)
        strcpy(n + a, sep), a += strlen(sep);
    memcpy(n + a, s, b + 1);
    *dst = n;
    return 0;
}

/* How a wrapped narration line joins the one above: no space after a
 * hyphen or slash that ends a word ("...@okaxis-" / "PUNB0001234-..."
 * was wrapped at the hyphen), nor where a token too long for the column
 * was cut (the line above runs to the column's edge and its last word and
 * the next line's first word together exceed the column's width); a space
 * otherwise (wrapped at a space, including after a free-standing " - "). */
struct wrapgeo {
    float prev_x1, prev_lastw; /* line above: right edge, width of its last word */
    bool prev_multi;           /* line above had several words */
    float next_firstw;         /* this line: width of its first word */
    float col_left, col_right; /* extent of the column's text over the table */
    float size;
};

static bool is_alpha(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static bool is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

/* Letters on both sides, or a switch between letters and digits
 * ("2024" / "to"): more likely two words than one token cut in two. */
static bool is_alnum_change(char a, char b)
{
    return (is_alpha(a) || is_digit(a)) && (is_alpha(b) || is_digit(b)) && !(is_digit(a) && is_digit(b));
}

/* ---------- the document's words ---------- */

/* Every alphanumeric run of the layout's words, lower case, as a set of
 * hashes: a token cut at a column's edge is told from two words wrapped
 * by the whole token appearing elsewhere in the document (a name or a
 * reference printed uncut in another row or column). Built on first use. */
struct vocab {
    uint64_t *slot; /* open addressing, 0 = empty */
    size_t cap;
    bool built, failed;
};

static uint64_t run_hash(const char *a, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)a[i];
        h = (h ^ (ch >= 'A' && ch <= 'Z' ? ch + 32 : ch)) * 1099511628211ULL;
    }
    return h ? h : 1;
}

static bool is_alnum(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

static void vocab_add(struct vocab *v, uint64_t h)
{
    size_t i = h & (v->cap - 1);
    while (v->slot[i] && v->slot[i] != h)
        i = (i + 1) & (v->cap - 1);
    v->slot[i] = h;
}

static bool vocab_has(const struct vocab *v, uint64_t h)
{
    for (size_t i = h & (v->cap - 1); v->slot[i]; i = (i + 1) & (v->cap - 1))
        if (v->slot[i] == h)
            return true;
    return false;
}

static bool vocab_build(struct vocab *v, const struct layout *l)
{
    if (v->built || v->failed)
        return v->built;
    v->cap = 64;
    while (v->cap < 4 * l->nwords + 64)
        v->cap *= 2;
    if (!(v->slot = calloc(v->cap, sizeof *v->slot))) {
        v->failed = true;
        return false;
    }
    for (size_t w = 0; w < l->nwords; w++) {
        const char *t = word_text(l, &l->words[w]);
        for (size_t a = 0; t[a];) {
            size_t b = a;
            while (is_alnum(t[b]))
                b++;
            if (b - a >= 3)
                vocab_add(v, run_hash(t + a, b - a));
            a = b > a ? b : a + 1;
        }
    }
    return v->built = true;
}

/* The alphanumeric run across the break, prev's end + next's start, is a
 * word of the document. */
static bool cut_word_seen(struct vocab *v, const struct layout *l, const char *prev, const char *next)
{
    size_t n = strlen(prev), a = n, b = 0;
    while (a > 0 && is_alnum(prev[a - 1]))
        a--;
    while (is_alnum(next[b]))
        b++;
    if (a == n || !b || n - a + b > 60 || !vocab_build(v, l))
        return false;
    char joined[64];
    memcpy(joined, prev + a, n - a);
    memcpy(joined + (n - a), next, b);
    return vocab_has(v, run_hash(joined, n - a + b));
}

static const char *join_sep(const char *prev, const char *next, const struct wrapgeo *g, struct vocab *v,
                            const struct layout *l)
{
    size_t n = prev ? strlen(prev) : 0;
    if (!n)
        return "";
    if (strchr("-/@_*", prev[n - 1]) && n >= 2 && prev[n - 2] != ' ')
        return "";
    if (!g)
        return " ";
    /* a token longer than the column is cut where it meets the edge: the
     * line above ends near the edge with a long token that, with the next
     * line's first one, would not fit the column */
    float width = g->col_right - g->col_left;
    bool long_token = g->prev_lastw > 0.5f * width && g->prev_lastw + g->next_firstw > width;
    if (!long_token || g->prev_x1 < g->col_right - 1.5f * g->size)
        return " ";
    /* the whole token is printed elsewhere in the document ("ZENI" / "TH"
     * where "ZENITH" appears in other rows), or the break falls inside a
     * number, or the line continues with punctuation no narration puts
     * after a space */
    bool digits = is_digit(prev[n - 1]) && is_digit(next[0]);
    if (digits || cut_word_seen(v, l, prev, next) || (strchr("@/_*", next[0]) && is_alnum(prev[n - 1])))
        return "";
    /* otherwise a cut inside letters looks exactly like a wrap between two
     * words ("UNION" / "BANK"), which is far more common: only cuts right at
     * the edge touching digits or punctuation join without a space */
    if (g->prev_x1 >= g->col_right - 0.6f * g->size && !is_alnum_change(prev[n - 1], next[0]))
        return "";
    return " ";
}

struct rowtext {
    float last_x1, last_w; /* the row's previous narration line: right edge, last word width */
    bool last_multi;
    char datebits[56]; /* pieces of a bracketed value date wrapped under the date */
};

/* Extent of the narration text over the rows of one table layout. */
static void narr_extent(struct ctx *c, const struct header *h, struct cells *cs, int narr, float *left, float *right)
{
    *left = INFINITY, *right = -INFINITY;
    for (size_t i = 0; i < c->ndl; i++) {
        if (c->hdr[i] != h || c->info[i].row < 0)
            continue;
        cells_split(c->l, &c->l->lines[c->dl[i]], h, cs);
        if (!cs->c[narr][0])
            continue;
        if (cs->x1[narr] <= h->cols[narr].right + 1) /* text overflowing the column is no guide to its width */
            *right = fmaxf(*right, cs->x1[narr]);
        *left = fminf(*left, cs->x0[narr]);
    }
}

static int collect_text(struct ctx *c)
{
    struct cells *cs = malloc(sizeof *cs);
    struct rowtext *rt = calloc(c->out->nrows + 1, sizeof *rt);
    const struct header *seen[8] = {0};
    float right[8] = {0}, left[8] = {0};
    int nseen = 0, rc = -1;
    struct vocab voc = {0};
    if (!cs || !rt)
        goto out;
    for (size_t i = 0; i < c->ndl; i++) {
        int row = c->info[i].row;
        enum lkind kind = c->info[i].kind;
        if (kind == LK_OPEN || kind == LK_CLOSE || kind == LK_SKIP) /* the table's own lines, not the page's */
            c->out->line_use[c->dl[i]] = LINE_TABLE;
        if (row < 0)
            continue;
        const struct header *h = c->hdr[i];
        struct colmap m = lines_map_columns(h);
        int k = 0;
        while (k < nseen && seen[k] != h)
            k++;
        if (k == nseen && nseen < 8 && m.narr >= 0) {
            seen[nseen] = h;
            narr_extent(c, h, cs, m.narr, &left[nseen], &right[nseen]);
            nseen++;
        }
        const struct line *ln = &c->l->lines[c->dl[i]];
        cells_split(c->l, ln, h, cs);
        struct table_row *tr = &c->out->rows[row];
        if (m.narr >= 0 && cs->c[m.narr][0]) {
            struct wrapgeo g = {rt[row].last_x1, rt[row].last_w, rt[row].last_multi, cs->firstw[m.narr],
                                k < nseen ? left[k] : 0, k < nseen ? right[k] : INFINITY, ln->size};
            if (append_text(&tr->note, cs->c[m.narr], join_sep(tr->note, cs->c[m.narr], &g, &voc, c->l)) < 0)
                goto out;
            rt[row].last_x1 = cs->x1[m.narr];
            rt[row].last_w = cs->lastw[m.narr];
            rt[row].last_multi = cs->multi[m.narr];
        }
        if (m.ref >= 0 && append_text(&tr->ref, cs->c[m.ref], join_sep(tr->ref, cs->c[m.ref], NULL, &voc, c->l)) < 0)
            goto out;
        /* a value date printed under the date, on a wrapped line or on the
         * line holding the amounts */
        bool under = kind == LK_CONT || kind == LK_AMOUNT;
        if (under && c->info[i].value_date != PB_NO_DAY && tr->value_date == PB_NO_DAY)
            tr->value_date = c->info[i].value_date;
        if (under && c->info[i].datebit[0]) {
            size_t used = strlen(rt[row].datebits);
            bool glued = used && strchr("/-.", rt[row].datebits[used - 1]); /* "(01/10/" over "2024)" */
            snprintf(rt[row].datebits + used, sizeof rt[row].datebits - used, "%s%s", used && !glued ? " " : "",
                     c->info[i].datebit);
        }
        c->out->line_use[c->dl[i]] = LINE_TABLE;
    }
    for (size_t i = 0; i < c->out->nrows; i++) {
        struct table_row *tr = &c->out->rows[i];
        size_t n = strlen(rt[i].datebits);
        pb_day vd;
        if (tr->value_date == PB_NO_DAY && n > 2 && rt[i].datebits[0] == '(' && rt[i].datebits[n - 1] == ')' &&
            token_parse_date(rt[i].datebits + 1, n - 2, &vd))
            tr->value_date = vd; /* "(01 June" over "2024)" */
        if (!tr->note && !(tr->note = calloc(1, 1)))
            goto out;
        token_squash(tr->note);
        if (tr->ref) {
            token_squash(tr->ref);
            if (!tr->ref[0] || !strcmp(tr->ref, "-")) {
                free(tr->ref);
                tr->ref = NULL;
            }
        }
    }
    rc = 0;
out:
    free(voc.slot);
    free(cs);
    free(rt);
    return rc;
}

/* ---------- driver ---------- */

/* PB_TABLE_DEBUG=1: columns and classified lines on stderr (development). */
static void debug_dump(const struct ctx *c)
{
    static const char *const K = "NDACOXSE";
    static const char *const R[] = {"", "date", "vdate", "narr", "ref", "debit", "credit",
                                    "amount", "drcr", "bal", "slno", "other", "unknown"};
    const struct header *last = NULL;
    struct cells *cs = malloc(sizeof *cs);
    if (!cs)
        return;
    for (size_t i = 0; i < c->ndl; i++) {
        const struct header *h = c->hdr[i];
        if (h != last) {
            for (int k = 0; k < h->ncols; k++)
                fprintf(stderr, "[%s %.0f-%.0f | %.0f..%.0f] ", R[h->cols[k].role], h->cols[k].x0, h->cols[k].x1,
                        h->cols[k].left, h->cols[k].right);
            fprintf(stderr, "\n");
            last = h;
        }
        const struct line *ln = &c->l->lines[c->dl[i]];
        cells_split(c->l, ln, h, cs);
        fprintf(stderr, "p%d y%.1f s%.1f %c%s row%d:", ln->page, ln->base, ln->size, K[c->info[i].kind],
                cs->straddle ? "~" : "", c->info[i].row);
        for (int k = 0; k < h->ncols; k++)
            fprintf(stderr, " |%s", cs->c[k]);
        fprintf(stderr, "\n");
        if (!strcmp(getenv("PB_TABLE_DEBUG"), "3"))
            for (uint32_t w = ln->first; w < ln->first + ln->n; w++)
                fprintf(stderr, "    %.1f-%.1f %s\n", c->l->words[w].x0, c->l->words[w].x1, word_text(c->l, &c->l->words[w]));
    }
    free(cs);
}

struct pagehdr {
    struct header h;
    bool found;
    int group;
};

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

static void find_headers(const struct layout *l, struct pagehdr *ph, const size_t *pstart)
{
    for (int p = 0; p < l->npages; p++) {
        ph[p].found = false;
        for (size_t i = pstart[p]; i < pstart[p + 1]; i++) {
            if (header_line_has_value(l, i))
                continue;
            if (header_find_at(l, i, pstart[p], pstart[p + 1], &ph[p].h)) {
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

static int build(struct ctx *c, struct pagehdr *ph, const size_t *pstart)
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
    return 0;
}

/* One reading of the table under the headers ph (their roles as they are). */
static int read_table(const struct layout *l, struct pagehdr *ph, const size_t *pstart, struct table_result *out)
{
    memset(out, 0, sizeof *out);
    out->line_use = calloc(l->nlines + 1, 1);
    struct ctx c = {l, out, calloc(l->nlines + 1, sizeof(size_t)), calloc(l->nlines + 1, sizeof(struct lineinfo)),
                    calloc(l->nlines + 1, sizeof(struct header *)), 0};
    struct cells *cs = malloc(sizeof *cs);
    int rc = -1;
    if (!out->line_use || !c.dl || !c.info || !c.hdr || !cs)
        goto out;
    build(&c, ph, pstart);
    out->has_header = out->ntables > 0;
    for (size_t i = 0; i < c.ndl; i++) {
        struct colmap m = lines_map_columns(c.hdr[i]);
        cells_split(l, &l->lines[c.dl[i]], c.hdr[i], cs);
        lines_classify(c.hdr[i], &m, cs, &c.info[i]);
    }
    float pitch = median_pitch(&c);
    drop_far_lines(&c, pitch);
    drop_repeated_lines(&c);
    enum valign va = layout_valign(&c);
    if (getenv("PB_TABLE_DEBUG"))
        fprintf(stderr, "valign=%d\n", va);
    if (attach_rows(&c, va, pitch) < 0)
        goto out;
    if (getenv("PB_TABLE_DEBUG"))
        debug_dump(&c);
    if (collect_text(&c) < 0)
        goto out;
    rc = 0;
out:
    free(cs);
    free(c.dl);
    free(c.info);
    free(c.hdr);
    if (rc < 0)
        table_result_free(out);
    return rc;
}

/* A row's change of balance as printed: credit - debit, or the single
 * amount with its marker; *either: no marker, the sign is open. */
static pb_paise row_delta(const struct table_row *r, bool *either)
{
    *either = false;
    if (r->has_debit || r->has_credit)
        return (r->has_credit ? r->credit : 0) - (r->has_debit ? r->debit : 0);
    if (!r->has_amount)
        return 0;
    *either = r->amount_mark == 0;
    return r->amount_mark < 0 ? -r->amount : r->amount;
}

static bool delta_fits(const struct table_row *r, pb_paise diff)
{
    bool either;
    pb_paise d = row_delta(r, &either);
    return (r->has_debit || r->has_credit || r->has_amount) && (d == diff || (either && d == -diff));
}

/* How well the balances chain: the share of neighbouring transaction rows
 * whose change of balance is the row's amount, in printed order or
 * newest first, whichever fits better. */
static double chain_score(const struct table_result *t)
{
    long fwd = 0, back = 0, pairs = 0;
    const struct table_row *prev = NULL;
    for (size_t i = 0; i < t->nrows; i++) {
        const struct table_row *r = &t->rows[i];
        if (r->marker || !r->has_balance)
            continue;
        if (prev) {
            pairs++;
            fwd += delta_fits(r, r->balance - prev->balance);
            back += delta_fits(prev, prev->balance - r->balance);
        }
        prev = r;
    }
    return pairs ? (double)(fwd > back ? fwd : back) / (double)pairs : 0;
}

/* The money columns whose roles the labels left open, in order. */
static int guessed_money(const struct header *h, int *idx)
{
    int n = 0;
    for (int a = 0; a < h->ncols && n < 4; a++) {
        enum col_role r = h->cols[a].role;
        if (h->cols[a].guess && (r == COL_DEBIT || r == COL_CREDIT || r == COL_AMOUNT || r == COL_BALANCE))
            idx[n++] = a;
    }
    return n;
}

/* The v-th permutation of the guessed money columns' roles (v < k!). */
static void permute_roles(struct header *h, int v)
{
    int idx[4], n = guessed_money(h, idx);
    enum col_role pool[4], out[4];
    for (int a = 0; a < n; a++)
        pool[a] = h->cols[idx[a]].role;
    int left = n;
    for (int a = 0; a < n; a++) {
        int f = 1;
        for (int b = 2; b < left; b++)
            f *= b;
        int pick = (v / f) % left;
        v %= f;
        out[a] = pool[pick];
        memmove(&pool[pick], &pool[pick + 1], (size_t)(left - pick - 1) * sizeof *pool);
        left--;
    }
    for (int a = 0; a < n; a++)
        h->cols[idx[a]].role = out[a];
}

int table_extract(const struct layout *l, struct table_result *out)
{
    memset(out, 0, sizeof *out);
    if (profile_load() < 0)
        return -1;
    size_t *pstart = calloc((size_t)l->npages + 2, sizeof *pstart);
    struct pagehdr *ph = calloc((size_t)l->npages + 1, sizeof *ph), *alt = calloc((size_t)l->npages + 1, sizeof *ph);
    int rc = -1;
    if (!pstart || !ph || !alt)
        goto out;
    for (size_t i = 0, p = 0; p <= (size_t)l->npages; p++) {
        while (i < l->nlines && l->lines[i].page < (int)p)
            i++;
        pstart[p] = i;
    }
    pstart[l->npages] = l->nlines;
    find_headers(l, ph, pstart);
    if (read_table(l, ph, pstart, out) < 0)
        goto out;
    /* money columns no label names: the reading whose balances chain wins */
    int most = 0, idx[4];
    for (int p = 0; p < l->npages; p++)
        if (ph[p].found) {
            int k = guessed_money(&ph[p].h, idx);
            most = k > most ? k : most;
        }
    int nperm = most >= 4 ? 24 : most == 3 ? 6 : most == 2 ? 2 : 1;
    double best = nperm > 1 ? chain_score(out) : 1;
    for (int v = 1; v < nperm && best < 0.999; v++) {
        memcpy(alt, ph, ((size_t)l->npages + 1) * sizeof *ph);
        for (int p = 0; p < l->npages; p++)
            if (alt[p].found)
                permute_roles(&alt[p].h, v);
        struct table_result t;
        if (read_table(l, alt, pstart, &t) < 0)
            goto out;
        double s = chain_score(&t);
        if (s > best + 1e-9) {
            best = s;
            struct table_result tmp = *out;
            *out = t;
            t = tmp;
        }
        table_result_free(&t);
    }
    rc = 0;
out:
    free(pstart);
    free(ph);
    free(alt);
    if (rc < 0)
        table_result_free(out);
    return rc;
}

void table_result_free(struct table_result *r)
{
    for (size_t i = 0; i < r->nrows; i++) {
        free(r->rows[i].note);
        free(r->rows[i].ref);
    }
    free(r->rows);
    free(r->line_use);
    memset(r, 0, sizeof *r);
}
