/* Column boundaries and cells. See cells.h. */
#include "extract/cells.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/token.h"

#define HIST_MAX 4000

/* x as a histogram bin, clamped (coordinates may be anything). */
static int bin(float x)
{
    if (!(x > 0))
        return 0;
    return x >= HIST_MAX - 1 ? HIST_MAX - 1 : (int)x;
}

/* Lines that look like transaction rows (two amounts with decimals, e.g.
 * amount and balance) decide the column boundaries; footers and notes
 * running across the page would blur them. */
static bool is_row_like(const struct layout *l, const struct line *ln)
{
    int amounts = 0;
    for (uint32_t w = ln->first; w < ln->first + ln->n && amounts < 2; w++) {
        const char *t = word_text(l, &l->words[w]);
        pb_paise v;
        int mark;
        if (strpbrk(t, ".,") && token_parse_amount(t, strlen(t), &v, &mark))
            amounts++;
    }
    return amounts >= 2;
}

void cells_set_boundaries(const struct layout *l, struct header *h, const size_t *dl, size_t ndl)
{
    static __thread int hist[HIST_MAX];
    memset(hist, 0, sizeof hist);
    size_t rowlike = 0;
    for (size_t d = 0; d < ndl && rowlike < 3; d++)
        rowlike += is_row_like(l, &l->lines[dl[d]]);
    for (size_t d = 0; d < ndl; d++) {
        const struct line *ln = &l->lines[dl[d]];
        if (rowlike >= 3 && !is_row_like(l, ln))
            continue;
        for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
            int a = bin(l->words[w].x0), b = bin(ceilf(l->words[w].x1));
            for (int x = a; x < b; x++)
                hist[x]++;
        }
    }
    for (int i = 0; i < h->ncols; i++) {
        h->cols[i].left = i == 0 ? -INFINITY : h->cols[i - 1].right;
        if (i == h->ncols - 1) {
            h->cols[i].right = INFINITY;
            break;
        }
        const struct column *a = &h->cols[i], *b = &h->cols[i + 1];
        int lo = bin((a->x0 + a->x1) / 2), hi = bin((b->x0 + b->x1) / 2);
        float want = (a->x1 + b->x0) / 2;
        /* text columns are left-aligned under their label: the boundary
         * before one does not reach far into its label */
        if (b->role == COL_REF || b->role == COL_NARRATION || b->role == COL_DATE || b->role == COL_VALUE_DATE)
            hi = hi < bin(b->x0 + 0.25f * (b->x1 - b->x0)) ? hi : bin(b->x0 + 0.25f * (b->x1 - b->x0));
        if (hi < lo) { /* labels overlap: no strip to search */
            h->cols[i].right = want;
            continue;
        }
        /* the widest strip that is (nearly) empty: a stray word crossing
         * the gap must not beat a real river */
        int mn = INT32_MAX, mx = 0;
        for (int x = lo; x <= hi; x++) {
            mn = hist[x] < mn ? hist[x] : mn;
            mx = hist[x] > mx ? hist[x] : mx;
        }
        int thr = mn + (mx / 20 > 1 ? mx / 20 : 1), bestlen = 0, bestmin = mn, sx = lo, sy = lo;
        float bestx = want;
        for (int x = lo; x <= hi;) {
            if (hist[x] > thr) {
                x++;
                continue;
            }
            int y = x;
            while (y <= hi && hist[y] <= thr)
                y++;
            int len = y - x;
            float mid = (float)(x + y) / 2;
            if (len > bestlen || (len == bestlen && fabsf(mid - want) < fabsf(bestx - want))) {
                bestlen = len;
                bestx = mid;
                sx = x, sy = y;
            }
            x = y;
        }
        /* inside that strip, the middle of its longest emptiest run (a long
         * narration reaching into the strip stays on its side) */
        if (bestlen > 0) {
            int smin = INT32_MAX, rl = 0;
            for (int x = sx; x < sy; x++)
                smin = hist[x] < smin ? hist[x] : smin;
            for (int x = sx; x < sy;) {
                if (hist[x] != smin) {
                    x++;
                    continue;
                }
                int y = x;
                while (y < sy && hist[y] == smin)
                    y++;
                if (y - x > rl) {
                    rl = y - x;
                    bestx = (float)(x + y) / 2;
                }
                x = y;
            }
        }
        if (hi < lo)
            bestx = want;
        if (getenv("PB_TABLE_DEBUG"))
            fprintf(stderr, "boundary %d..%d: min %d len %d at %.1f (hist at 420 %d, 450 %d)\n", lo, hi, bestmin,
                    bestlen, bestx, hist[420], hist[450]);
        h->cols[i].right = bestx;
    }
}


void cells_split(const struct layout *l, const struct line *ln, const struct header *h, struct cells *cs)
{
    for (int i = 0; i < h->ncols; i++) {
        cs->c[i][0] = 0;
        cs->x1[i] = -INFINITY;
        cs->x0[i] = INFINITY;
        cs->firstw[i] = cs->lastw[i] = 0;
        cs->multi[i] = false;
    }
    cs->straddle = false;
    unsigned crossed = 0;
    for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
        const struct word *wd = &l->words[w];
        float cx = (wd->x0 + wd->x1) / 2;
        int col = 0;
        while (col < h->ncols - 1 && cx >= h->cols[col].right)
            col++;
        /* a word well across a boundary into a column that has text of its
         * own on this line is prose (a footer); a long narration merely
         * running into an empty neighbour is not */
        float wdw = wd->x1 - wd->x0;
        if (col > 0 && h->cols[col].left - wd->x0 > 2 && h->cols[col].left - wd->x0 > 0.2f * wdw)
            crossed |= 1u << (col - 1);
        if (col < h->ncols - 1 && wd->x1 - h->cols[col].right > 2 && wd->x1 - h->cols[col].right > 0.2f * wdw)
            crossed |= 1u << (col + 1);
        char *cell = cs->c[col];
        size_t len = strlen(cell), add = strlen(word_text(l, wd));
        if (len + add + 2 >= CELL_MAX)
            continue;
        if (len)
            cell[len++] = ' ';
        memcpy(cell + len, word_text(l, wd), add + 1);
        cs->multi[col] = len > 0;
        if (!len)
            cs->firstw[col] = wd->x1 - wd->x0;
        cs->lastw[col] = wd->x1 - wd->x0;
        cs->x1[col] = fmaxf(cs->x1[col], wd->x1);
        cs->x0[col] = fminf(cs->x0[col], wd->x0);
    }
    for (int i = 0; i < h->ncols; i++)
        if ((crossed >> i & 1) && cs->c[i][0])
            cs->straddle = true;
}
