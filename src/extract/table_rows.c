/* Lines into rows. See table_parts.h. A dated line starts a row; an
 * amount-only line completes the row above or, with a balance, is a row of
 * the same date; opening/closing balance lines are kept in sequence as
 * markers; text-only lines join the row they continue, by the gaps around
 * them and the layout's vertical alignment. */
#include "extract/table_parts.h"
#include "util/array.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int push_row(struct table_result *r, const struct lineinfo *li, int page)
{
    if (array_grow(&r->rows, &r->caprows, r->nrows + 1, sizeof *r->rows, 256))
        return -1;
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

float table_line_pitch(const struct table_lines *c)
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

/* a is clearly smaller than b: by 15%, or (weak) by more than baseline
 * jitter */
static bool clearly_less(float a, float b, bool weak)
{
    return weak ? a < b - fmaxf(0.8f, 0.06f * b) : a < 0.85f * b;
}

/* Whether the table's lines were read by OCR. */
static bool scanned_lines(const struct table_lines *c)
{
    for (size_t i = 0; i < c->ndl; i++)
        if (c->l->lines[c->dl[i]].conf >= 0)
            return true;
    return false;
}

/* OCR places a line's baseline off by up to half a line here and there (a
 * word's ink read taller than its type: 'PILLAI-amit07@ybl-' 14 pt below
 * its row's date and 6 pt above the next line, on a scan skewed 3.6
 * degrees): on a scan, lines that say a row's text starts above its date
 * do not lift the table when the lines saying the opposite are more than
 * three times as many (a top-aligned table's rows all say it: 16 to 2
 * there; rows lost their last narration line to the next row). */
static bool outvoted(int lifting, int against)
{
    return lifting * 3 < against;
}

/* Votes on the alignment from the text-only lines next to dated lines:
 * one just above a dated line and nearer to it than to the line before
 * (up) or nearer to that (down); one just below a dated line and nearer
 * to it (below) or to the line after (after). Rows set apart by only a
 * little extra space give weak votes, which count only in numbers. */
enum valign table_valign(const struct table_lines *c)
{
    int up[2] = {0}, down[2] = {0}, below[2] = {0}, after[2] = {0};
    for (size_t i = 1; i + 1 < c->ndl; i++) {
        /* a value date under its date follows it whatever the alignment; with
         * a date wrapped in a narrow column whose year was joined into its
         * line (split_dates.h), a line's space parts the two and the value
         * date sits nearer the next row than its own */
        if (c->info[i].kind != LK_CONT || lines_value_date_under(&c->info[i]))
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
    if (!lifted || (scanned_lines(c) && outvoted(up[0] + after[0], down[0] + below[0])))
        return VA_TOP;
    /* nothing hangs below a dated line, and lines after one go with the next */
    return below[1] * 10 <= after[1] && after[1] >= 2 ? VA_BOTTOM : VA_MIDDLE;
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
    float up_inside;      /* widest gap between the up row's lines on the page so far (0: one line) */
    float apart;          /* the document's usual gap between a row's last line and the next row's first,
                           * where it sets rows further apart than their lines (0: unknown) */
};

static bool is_anchor(const struct lineinfo *li)
{
    return (li->kind == LK_DATED || li->kind == LK_AMOUNT) && li->row >= 0;
}

/* A line that is a row of no transaction: a total (an amount line that
 * joined no row), an opening or closing balance, a line to skip. Text
 * above it ends there, whichever row it belongs to. */
static bool line_of_its_own(const struct lineinfo *li)
{
    return (li->kind == LK_AMOUNT && li->row < 0) || li->kind == LK_OPEN || li->kind == LK_CLOSE ||
           li->kind == LK_SKIP;
}

static float base_of(const struct table_lines *c, size_t i)
{
    return c->l->lines[c->dl[i]].base;
}

static int page_of(const struct table_lines *c, size_t i)
{
    return c->l->lines[c->dl[i]].page;
}

/* A run at a page's top whose last line is less than 0.85 em above the
 * page's first dated line: lines of two rows are never set that close, so
 * that row is centred on its date line (its narration above and below
 * it), and it takes the run's lines from the first whose mirror about the
 * date line is a line below it (before the next dated line), the lines
 * from there on set no further apart than the row's own lines (twice the
 * last one's distance from the date line: the date between two lines).
 * The lines before it end the previous page's last row. Returns the
 * split, or len + 1 when the run is no such row's. */
static size_t centred_on_date(const struct table_lines *c, const struct run *r)
{
    size_t len = r->e - r->s;
    if (r->above >= 0 || r->below < 0 || r->up_row < 0 || r->down_row < 0 || !len)
        return len + 1;
    float date = base_of(c, (size_t)r->below), em = c->l->lines[c->dl[r->below]].size;
    float near = date - base_of(c, r->e - 1);
    if (near <= 0 || near >= 0.85f * em)
        return len + 1;
    for (size_t j = 0; j < len; j++) {
        bool even = true;
        for (size_t k = r->s + j + 1; k < r->e && even; k++)
            even = base_of(c, k) - base_of(c, k - 1) <= 2 * near + 0.2f * em;
        float mirror = 2 * date - base_of(c, r->s + j);
        bool mirrored = false;
        for (size_t k = (size_t)r->below + 1; k < c->ndl && page_of(c, k) == page_of(c, r->s) && !mirrored; k++) {
            if (is_anchor(&c->info[k]))
                break;
            mirrored = fabsf(base_of(c, k) - mirror) < 0.2f * em;
        }
        if (even && mirrored)
            return j;
    }
    return len + 1;
}

/* Where the run splits: lines [s, s+j) go up, [s+j, e) down. thr: a gap
 * wider than this parts two rows when no gap stands out. */
static size_t split_run(const struct table_lines *c, const struct run *r, enum valign va, float thr, float rowgap)
{
    bool centred = va != VA_TOP;
    size_t len = r->e - r->s;
    float g[64];
    bool have[64];
    if (len + 1 > 64)
        return r->up_row >= 0 ? len : 0;
    size_t centred_j = centred_on_date(c, r);
    if (centred_j <= len)
        return centred_j;
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
     * foot, its lines a line apart (or no further apart than the lines
     * of the row above it on the page). Cells at the foot of their rows: the
     * lines above a dated line are its row's, unless a gap shows otherwise */
    float size = 0;
    for (long k = r->above >= 0 ? r->above : (long)r->s; k < (r->below >= 0 ? r->below + 1 : (long)r->e); k++)
        size = fmaxf(size, c->l->lines[c->dl[k]].size);
    float advance = 1.3f * size; /* a line of the run's largest font (detail lines are smaller) */
    bool page_edge = r->above < 0 || r->below < 0;
    size_t j;
    bool standout = best <= len && second >= 0 && second < 0.85f * top && top > 0.9f * thr;
    /* a row broken by the page in a document setting rows apart: at the
     * page's foot, lines below the row no further than its own lines are
     * apart, well short of the gap between rows, end it; at the next
     * page's top, lines a row's gap above the first dated line, their
     * widest gap, end it too (cells at the foot of their rows put the
     * next row's first lines a row's gap below the row above, and its
     * own lines close over its dated line) */
    if (r->below < 0 && r->apart > 0 && top <= r->up_inside + 0.3f && top < 0.85f * r->apart)
        j = len;
    else if (r->above < 0 && r->apart > 0 && best == len && top > thr && top >= 0.85f * r->apart &&
             (second < 0 || second < 0.85f * top))
        j = len;
    else if (va == VA_BOTTOM && !(nwide == 1 && top < 1.5f * rowgap) && !standout)
        j = 0;
    else if (va == VA_MIDDLE && page_edge && (top <= advance || (r->below < 0 && top <= r->up_inside + 0.3f)))
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
    /* a value date under its date goes up, with the lines before it */
    for (size_t k = len; k > j; k--)
        if (lines_value_date_under(&c->info[r->s + k - 1])) {
            j = k;
            break;
        }
    if (r->up_row < 0)
        j = 0;
    if (r->down_row < 0)
        j = len;
    return j;
}

/* Does the gap before data line i part two rows, whichever rows the text
 * lines join? Two dated lines (rows of one line each); or, by the
 * alignment, a dated line and the line after it (cells at the foot of
 * their rows), a text line and the dated line after it (cells at the top). */
static bool parts_rows(const struct table_lines *c, size_t i, enum valign va, bool by_alignment)
{
    enum lkind a = c->info[i - 1].kind, b = c->info[i].kind;
    if (page_of(c, i) != page_of(c, i - 1) || base_of(c, i) <= base_of(c, i - 1))
        return false;
    if (!by_alignment)
        return a == LK_DATED && b == LK_DATED;
    return va == VA_BOTTOM ? a == LK_DATED && b == LK_CONT : va == VA_TOP && a == LK_CONT && b == LK_DATED;
}

/* The usual gap between two rows: between neighbouring dated lines on a
 * page (rows of one line each) or, where the document shows too few of
 * those, where the alignment puts row ends (a statement whose every row
 * wraps); 0 when the document shows too few, or when the rows' gaps vary
 * too much to tell. */
static float row_gap(const struct table_lines *c, enum valign va)
{
    float *d = malloc((c->ndl + 1) * sizeof *d);
    size_t n = 0;
    if (!d)
        return 0;
    for (int by_alignment = 0; by_alignment < 2 && n < 5; by_alignment++) {
        n = 0;
        for (size_t i = 1; i < c->ndl; i++)
            if (parts_rows(c, i, va, by_alignment))
                d[n++] = base_of(c, i) - base_of(c, i - 1);
    }
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

/* The widest gap between neighbouring lines of row `row` among the lines
 * before i on i's page. */
static float row_inside_gap(const struct table_lines *c, size_t i, int row)
{
    float widest = 0;
    long prev = -1;
    for (long k = (long)i - 1; k >= 0 && page_of(c, (size_t)k) == page_of(c, i) && row >= 0; k--) {
        if (c->info[k].row != row)
            continue;
        if (prev >= 0)
            widest = fmaxf(widest, base_of(c, (size_t)prev) - base_of(c, (size_t)k));
        prev = k;
    }
    return widest;
}

static void resolve_continuations(struct table_lines *c, enum valign va, float pitch)
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
    float apart = nsamples ? (float)between / (float)nsamples : 0;
    float rowgap = row_gap(c, va);
    int last_row = -1; /* the last row seen, any page */
    for (size_t i = 0; i < n;) {
        if (c->info[i].row != -2) {
            if (is_anchor(&c->info[i]))
                last_row = c->info[i].row;
            i++;
            continue;
        }
        struct run r = {i, i, -1, -1, -1, -1, 0, apart};
        while (r.e < n && c->info[r.e].row == -2 && page_of(c, r.e) == page_of(c, i))
            r.e++;
        for (long k = (long)i - 1; k >= 0 && page_of(c, (size_t)k) == page_of(c, i); k--)
            if (is_anchor(&c->info[k])) {
                r.above = k;
                break;
            }
        bool parted = false; /* a line of its own between the run and the row below */
        for (size_t k = r.e; k < n && page_of(c, k) == page_of(c, i); k++) {
            if (is_anchor(&c->info[k])) {
                r.below = (long)k;
                break;
            }
            parted = parted || line_of_its_own(&c->info[k]);
        }
        r.up_row = r.above >= 0 ? c->info[r.above].row : last_row;
        r.up_inside = row_inside_gap(c, i, r.up_row);
        if (r.below >= 0) {
            r.down_row = c->info[r.below].row;
        } else { /* the next page's first row */
            for (size_t k = r.e; k < n; k++)
                if (is_anchor(&c->info[k])) {
                    r.down_row = c->info[k].row;
                    break;
                }
        }
        if (parted && r.below >= 0)
            r.down_row = -1; /* narration above a total is not the next row's */
        size_t j = split_run(c, &r, va, thr, rowgap);
        for (size_t k = r.s; k < r.e; k++)
            c->info[k].row = k < r.s + j ? r.up_row : r.down_row;
        i = r.e;
    }
}

/* A row read by OCR is as sure as its least sure line. */
static void row_confidence(struct table_lines *c)
{
    for (size_t i = 0; i < c->ndl; i++) {
        float conf = c->l->lines[c->dl[i]].conf;
        int row = c->info[i].row;
        if (row < 0 || (size_t)row >= c->out->nrows || conf < 0)
            continue;
        struct table_row *r = &c->out->rows[row];
        if (r->conf < 0 || conf < r->conf)
            r->conf = conf;
        /* its date not read, the previous row's stands in: never vouched for */
        if (r->date_unread)
            r->conf = 0;
    }
}

static bool has_figures(const struct lineinfo *li)
{
    return li->has_debit || li->has_credit || li->has_amount || li->has_balance;
}

static bool row_has_figures(const struct table_row *row)
{
    return row->has_debit || row->has_credit || row->has_amount || row->has_balance;
}

/* Under a date's label with the value date's stacked under it (header.h
 * vdate_under), a row's second date in the date column is its value date,
 * not a row: a dated line right under the row's lines (the row having no
 * value date yet) that brings no second set of figures (the row's are on
 * its date's line, on this one, or between them, as the cells align). Its
 * words are that row's (a cheque number under the narration). */
static bool stacked_value_date(const struct table_lines *c, size_t i, const struct table_result *r, int cur)
{
    const struct lineinfo *li = &c->info[i];
    int d = header_col(c->hdr[i], COL_DATE);
    size_t k = i; /* the line before, past a page's foot and head (a row broken across pages) */
    while (k > 0 && (c->info[k - 1].kind == LK_NOISE || c->info[k - 1].kind == LK_SKIP || c->info[k - 1].kind == LK_END))
        k--;
    if (cur < 0 || k == 0 || c->info[k - 1].row != cur || d < 0 || !c->hdr[i]->cols[d].vdate_under ||
        li->yearless || r->rows[cur].yearless)
        return false;
    const struct table_row *row = &r->rows[cur];
    return row->value_date == PB_NO_DAY && !row->marker && !(row_has_figures(row) && has_figures(li));
}

int table_attach_rows(struct table_lines *c, enum valign va, float pitch)
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
            if (stacked_value_date(c, i, r, cur)) {
                r->rows[cur].value_date = li->date;
                merge_amounts(&r->rows[cur], li);
                li->row = cur;
                break;
            }
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
                if (li->value_date == PB_NO_DAY) /* a ditto row: its value date is the row above's too */
                    li->value_date = r->rows[cur].value_date;
                if ((cur = push_row(r, li, ln->page)) < 0)
                    return -1;
                r->rows[cur].date_inherited = true;
                r->rows[cur].date_unread = li->date_unread;
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
