/* Lines inside the table's span that belong to no row: footers far below
 * the rows, footnotes in a smaller font, letterheads and footers repeated
 * on other pages. See table_parts.h. */
#include "extract/table_parts.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

/* Text-only lines far below the rows (or repeated footers) are not part
 * of any row. */
void table_drop_far_lines(struct table_lines *c, float pitch)
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
        /* a value date under its date is none, however far under it (a
         * date wrapped over three lines joined into its first, split_dates.h) */
        if (k == LK_CONT && p->page == x->page && dated_here && !lines_value_date_under(&c->info[i]) &&
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
 * another page, is not a wrapped narration. The other pages are the whole
 * document's, also when l is one account's part of it (a loan continued
 * on a new page under the letterhead printed above the first account). */
void table_drop_repeated_lines(struct table_lines *c)
{
    const struct layout *l = c->l;
    const struct line *doc = l->doc_lines ? l->doc_lines : l->lines;
    size_t ndoc = l->doc_lines ? l->ndoc_lines : l->nlines, off = l->doc_lines ? (size_t)(l->lines - doc) : 0;
    struct keyed *all = malloc((ndoc + 1) * sizeof *all);
    int *first = malloc(((size_t)l->npages + 1) * sizeof *first), *last = malloc(((size_t)l->npages + 1) * sizeof *last);
    size_t nall = 0;
    if (!all || !first || !last)
        goto out;
    /* compare with lines outside the table (letterheads above the first
     * page's header): repeated narration wraps must not match each other */
    unsigned char *isdata = calloc(ndoc + 1, 1);
    if (!isdata)
        goto out;
    for (size_t i = 0; i < c->ndl; i++)
        isdata[off + c->dl[i]] = 1;
    for (size_t i = 0; i < ndoc; i++)
        if (!isdata[i])
            all[nall++] = (struct keyed){line_key(l, &doc[i]), doc[i].page, doc[i].base};
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

static bool row_material(enum lkind k)
{
    return k == LK_DATED || k == LK_AMOUNT || k == LK_CONT;
}

/* After the table's last dated line, a gap wider than any between two of
 * its lines before (and than a line and a half) ends the table on that
 * page: the text below is another block (a deposit grid, a loan account's
 * title, number and summary), not the last row's narration nor rows of
 * its day, whichever column it falls in (a layout printing the narration
 * first has it at the left margin too). */
void table_drop_after_end(struct table_lines *c, float pitch)
{
    size_t last = c->ndl;
    for (size_t i = 0; i < c->ndl; i++)
        if (c->info[i].kind == LK_DATED)
            last = i;
    if (last == c->ndl)
        return;
    float widest = 0;
    for (size_t i = 1, prev = 0; i <= last; i++) {
        if (!row_material(c->info[i].kind))
            continue;
        const struct line *p = &c->l->lines[c->dl[prev]], *x = &c->l->lines[c->dl[i]];
        if (row_material(c->info[prev].kind) && p->page == x->page)
            widest = fmaxf(widest, x->base - p->base);
        prev = i;
    }
    if (widest <= 0) /* one row: no gap to know the table by */
        return;
    float wide = fmaxf(1.2f * widest, 1.5f * pitch);
    bool ended = false;
    for (size_t i = last + 1, prev = last; i < c->ndl; i++) {
        if (c->info[i].kind != LK_CONT && c->info[i].kind != LK_AMOUNT)
            continue;
        const struct line *p = &c->l->lines[c->dl[prev]], *x = &c->l->lines[c->dl[i]];
        if (p->page != x->page && !ended) /* a row broken across the page: the gap tells nothing */
            return;
        ended = ended || x->base - p->base > wide;
        if (ended)
            c->info[i].kind = LK_NOISE;
        prev = i;
    }
}

enum { FONT_IDS = 256 }; /* pdf_fonts.h numbers at most PDF_MAX_FONTS (64) */

/* Marks in seen the fonts ln's words are printed in. */
static void fonts_of_line(const struct layout *l, const struct line *ln, unsigned char *seen)
{
    for (uint32_t w = ln->first; w < ln->first + ln->n; w++)
        if (l->words[w].font < FONT_IDS)
            seen[l->words[w].font] = 1;
}

/* Whether every word of ln is printed in a font of `in` and none of `out`
 * (a word whose font is unknown, 0: OCR, says nothing, so no). */
static bool line_only_in(const struct layout *l, const struct line *ln, const unsigned char *in,
                         const unsigned char *out)
{
    for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
        uint16_t f = l->words[w].font;
        if (f == 0 || f >= FONT_IDS || !in[f] || out[f])
            return false;
    }
    return ln->n > 0;
}

/* A banner between the rows ("Transactions of May 2024", a branch's or a
 * month's title before the column labels printed again) is set in the
 * column labels' face, which no transaction line uses (bold labels over
 * regular rows): a text-only line printed wholly in the labels' fonts and
 * in none of the dated lines' belongs to no row, wherever it falls (above
 * a header repeated mid-page, or at a page's foot before the next page's
 * header). A table printed in one face throughout keeps every line. */
void table_drop_section_titles(struct table_lines *c)
{
    const struct layout *l = c->l;
    unsigned char label[FONT_IDS] = {0}, dated[FONT_IDS] = {0};
    for (size_t i = 0; i < l->nlines; i++)
        if (c->out->line_use[i] == LINE_HEADER)
            fonts_of_line(l, &l->lines[i], label);
    for (size_t i = 0; i < c->ndl; i++)
        if (c->info[i].kind == LK_DATED)
            fonts_of_line(l, &l->lines[c->dl[i]], dated);
    for (size_t i = 0; i < c->ndl; i++)
        if (c->info[i].kind == LK_CONT && line_only_in(l, &l->lines[c->dl[i]], label, dated))
            c->info[i].kind = LK_NOISE;
}
