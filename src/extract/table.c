/* Layout to table. See table.h. The steps (one file each, table_parts.h):
 *  1. header rows: per page, lines whose words (stacked over up to three
 *     lines) are mostly column phrases from the profiles (table_columns.c,
 *     header.c);
 *  2. column boundaries: for each run of pages sharing a header layout, the
 *     emptiest vertical strip between neighbouring header labels (a
 *     whitespace "river" across all data rows), so right-aligned amounts
 *     and left-aligned text both land in their column (cells.c);
 *  3. line classes: dated line (a row starts), amount-only line, opening /
 *     closing / total / end-of-table line, text-only continuation, noise
 *     (lines.c; footers and letterheads: table_noise.c);
 *  4. rows: continuation lines join the row above (or, for layouts that
 *     centre cells vertically, the nearest dated line) (table_rows.c), their
 *     narration pieces joined (table_narration.c);
 *  5. readings: money columns no label names are read in every order of
 *     their roles, pages printing the same labels with the roles each page's
 *     cells suggested, and the reading whose balances chain wins
 *     (table_readings.c). */
#include "extract/table.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/cells.h"
#include "extract/table_parts.h"
#include "extract/textcheck.h"

/* PB_TABLE_DEBUG=1: columns and classified lines on stderr (development). */
static void debug_dump(const struct table_lines *c)
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

/* One reading of the table under the headers ph (their roles as they are). */
static int read_table(const struct layout *l, struct page_header *ph, const size_t *pstart, struct table_result *out)
{
    memset(out, 0, sizeof *out);
    out->line_use = calloc(l->nlines + 1, 1);
    struct table_lines c = {l, out, calloc(l->nlines + 1, sizeof(size_t)),
                            calloc(l->nlines + 1, sizeof(struct lineinfo)),
                            calloc(l->nlines + 1, sizeof(struct header *)), 0};
    struct cells *cs = malloc(sizeof *cs);
    int rc = -1;
    if (!out->line_use || !c.dl || !c.info || !c.hdr || !cs)
        goto out;
    table_assign_lines(&c, ph, pstart);
    out->has_header = out->ntables > 0;
    out->sides_open = table_sides_open(ph, l->npages);
    for (size_t i = 0; i < c.ndl; i++) {
        struct colmap m = lines_map_columns(c.hdr[i]);
        cells_split(l, &l->lines[c.dl[i]], c.hdr[i], cs);
        lines_classify(c.hdr[i], &m, cs, &c.info[i]);
    }
    float pitch = table_line_pitch(&c);
    table_drop_far_lines(&c, pitch);
    table_drop_repeated_lines(&c);
    table_drop_after_end(&c, pitch);
    table_drop_section_titles(&c);
    enum valign va = table_valign(&c);
    if (getenv("PB_TABLE_DEBUG"))
        fprintf(stderr, "valign=%d\n", va);
    if (table_attach_rows(&c, va, pitch) < 0)
        goto out;
    if (getenv("PB_TABLE_DEBUG"))
        debug_dump(&c);
    if (table_collect_text(&c) < 0)
        goto out;
    table_narration_unread(&c);
    if (table_value_dates_unread(&c) < 0)
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

/* How well the balances of a table without labels must chain (0..1). */
#define UNLABELLED_MIN_CHAIN 0.9

/* A text layer whose fonts lost their encoding (textcheck.h): the labels
 * may be there, unreadable. */
static bool text_may_hide_labels(const struct layout *l)
{
    return l->nunmapped || textcheck_unreadable(l) || textcheck_font_broken(l) || textcheck_glyph_ids(l);
}

static bool any_header(const struct page_header *ph, int npages)
{
    for (int p = 0; p < npages; p++)
        if (ph[p].found)
            return true;
    return false;
}

int table_extract(const struct layout *l, struct table_result *out)
{
    memset(out, 0, sizeof *out);
    if (profile_load() < 0)
        return -1;
    size_t *pstart = calloc((size_t)l->npages + 2, sizeof *pstart);
    struct page_header *ph = calloc((size_t)l->npages + 1, sizeof *ph), *alt = calloc((size_t)l->npages + 1, sizeof *ph),
                       *base = calloc((size_t)l->npages + 1, sizeof *ph);
    int rc = -1;
    if (!pstart || !ph || !alt || !base)
        goto out;
    for (size_t i = 0, p = 0; p <= (size_t)l->npages; p++) {
        while (i < l->nlines && l->lines[i].page < (int)p)
            i++;
        pstart[p] = i;
    }
    pstart[l->npages] = l->nlines;
    table_find_headers(l, ph, pstart);
    /* no labels anywhere: a passbook's copy, read from its rows; but not
     * where a broken font may have hidden them (textcheck.h refuses those) */
    bool unlabelled = !any_header(ph, l->npages) && !text_may_hide_labels(l) && table_unlabelled_header(l, ph);
    /* pages printing the same labels whose roles each read differently
     * from its own cells: each page's roles for all of them in turn; and
     * money columns no label names: every order of their roles. The
     * reading whose balances chain best wins. */
    int src[MAX_ROLE_SOURCES], nsrc = table_role_sources(ph, l->npages, src, MAX_ROLE_SOURCES);
    double best = -1;
    for (int k = 0; k < (nsrc ? nsrc : 1) && best < 0.999; k++) {
        memcpy(base, ph, ((size_t)l->npages + 1) * sizeof *ph);
        if (nsrc)
            table_adopt_roles(base, l->npages, src[k]);
        int nperm = table_permutations(base, l->npages);
        for (int v = 0; v < nperm && best < 0.999; v++) {
            memcpy(alt, base, ((size_t)l->npages + 1) * sizeof *ph);
            for (int p = 0; p < l->npages && v; p++)
                if (alt[p].found)
                    table_permute_roles(&alt[p].h, v);
            struct table_result t;
            if (read_table(l, alt, pstart, &t) < 0)
                goto out;
            double score = nsrc > 1 || nperm > 1 ? table_chain_score(&t) : 1;
            if (best < 0 || score > best + 1e-9) {
                best = score;
                struct table_result tmp = *out;
                *out = t;
                t = tmp;
            }
            table_result_free(&t);
        }
    }
    /* columns guessed from the rows alone stand only on a chain that holds
     * (as labels no phrase names do: header_roles.c) */
    if (unlabelled && table_chain_score(out) < UNLABELLED_MIN_CHAIN) {
        table_result_free(out);
        memset(ph, 0, ((size_t)l->npages + 1) * sizeof *ph);
        if (read_table(l, ph, pstart, out) < 0)
            goto out;
    }
    rc = 0;
out:
    free(pstart);
    free(ph);
    free(alt);
    free(base);
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
