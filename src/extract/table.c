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

#include "extract/token.h"

#define MAX_HDR_TOKENS 96
#define CELL_MAX 512

/* ---------- header detection ---------- */

static bool isalnum_ascii(char ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

struct htok {
    char t[24];
    float x0, x1, size;
    int line, word, cluster;
};

static int uf_find(int *p, int i)
{
    while (p[i] != i)
        i = p[i] = p[p[i]];
    return i;
}

static int tokens_of_lines(const struct layout *l, size_t i, size_t k, struct htok *t)
{
    int n = 0;
    for (size_t li = i; li < i + k; li++) {
        const struct line *ln = &l->lines[li];
        for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
            const struct word *wd = &l->words[w];
            const char *s = word_text(l, wd);
            size_t L = strlen(s), a = 0;
            int before = n;
            while (a < L && n < MAX_HDR_TOKENS) {
                while (a < L && !isalnum_ascii(s[a]))
                    a++;
                size_t b = a;
                while (b < L && isalnum_ascii(s[b]))
                    b++;
                if (b > a) {
                    struct htok *h = &t[n++];
                    size_t m = b - a < 23 ? b - a : 23;
                    for (size_t c = 0; c < m; c++)
                        h->t[c] = (char)((s[a + c] >= 'A' && s[a + c] <= 'Z') ? s[a + c] + 32 : s[a + c]);
                    h->t[m] = 0;
                    float wdth = wd->x1 - wd->x0;
                    h->x0 = wd->x0 + wdth * (float)a / (float)L;
                    h->x1 = wd->x0 + wdth * (float)b / (float)L;
                    h->size = wd->size > 0 ? wd->size : 8;
                    h->line = (int)(li - i);
                    h->word = (int)w;
                }
                a = b;
            }
            if (n == before && n < MAX_HDR_TOKENS && !strcmp(s, "#")) { /* "#" heads serial numbers */
                t[n] = (struct htok){"hash", wd->x0, wd->x1, wd->size > 0 ? wd->size : 8, (int)(li - i), (int)w, 0};
                n++;
            }
            /* a word's punctuation ("Sl." "(Dr)") belongs to its outer tokens */
            if (n > before) {
                t[before].x0 = wd->x0;
                t[n - 1].x1 = wd->x1;
            }
            /* punctuation between words ("Dr / Cr") bridges its neighbours */
            if (n == before && n > 0 && t[n - 1].line == (int)(li - i))
                t[n - 1].x1 = fmaxf(t[n - 1].x1, wd->x1);
        }
    }
    return n;
}

/* Tokens of one word form one cluster. A label on a lower header line
 * ("Amount (INR )" under "Deposit") joins the label above it that it
 * overlaps most, at the token nearest its centre; its own words stay
 * together. Clusters are then read left to right. */
static void cluster_tokens(struct htok *t, int n)
{
    int p[MAX_HDR_TOKENS], phrase[MAX_HDR_TOKENS];
    float px0[MAX_HDR_TOKENS], px1[MAX_HDR_TOKENS];
    for (int a = 0; a < n; a++)
        p[a] = a;
    /* phrases: runs of words on one line separated by about a space */
    int np = 0;
    for (int a = 0; a < n; a++) {
        bool cont = a > 0 && t[a].line == t[a - 1].line &&
                    (t[a].word == t[a - 1].word || t[a].x0 - t[a - 1].x1 < 0.6f * t[a].size);
        if (!cont) {
            px0[np] = t[a].x0;
            px1[np] = t[a].x1;
            np++;
        }
        phrase[a] = np - 1;
        px1[np - 1] = fmaxf(px1[np - 1], t[a].x1);
        if (a > 0 && t[a].word == t[a - 1].word)
            p[uf_find(p, a)] = uf_find(p, a - 1);
    }
    for (int a = 0; a < n; a++) {
        if (t[a].line == 0 || (a > 0 && phrase[a - 1] == phrase[a]))
            continue; /* first token of each lower-line phrase */
        int P = phrase[a], bestq = -1;
        float best = 0;
        for (int b = 0; b < n; b++) {
            if (t[b].line >= t[a].line || (b > 0 && phrase[b - 1] == phrase[b]))
                continue;
            int Q = phrase[b];
            float ov = fminf(px1[P], px1[Q]) - fmaxf(px0[P], px0[Q]);
            if (ov > best && ov > 0.2f * fminf(px1[P] - px0[P], px1[Q] - px0[Q])) {
                best = ov;
                bestq = Q;
            }
        }
        if (bestq < 0)
            continue;
        float mid = (px0[P] + px1[P]) / 2, dist = INFINITY;
        int near = -1;
        for (int b = 0; b < n; b++) {
            if (phrase[b] != bestq)
                continue;
            float d = mid < t[b].x0 ? t[b].x0 - mid : mid > t[b].x1 ? mid - t[b].x1 : 0;
            if (d < dist)
                dist = d, near = b;
        }
        for (int b = a; b < n && phrase[b] == P; b++)
            p[uf_find(p, b)] = uf_find(p, a);
        if (near >= 0)
            p[uf_find(p, a)] = uf_find(p, near);
    }
    for (int a = 0; a < n; a++)
        t[a].cluster = uf_find(p, a);
}

struct clus {
    float x0, x1;
};

static int cmp_htok(const void *a, const void *b, void *arg)
{
    const struct htok *x = a, *y = b;
    const struct clus *c = arg;
    if (x->cluster != y->cluster) {
        float ax = c[x->cluster].x0, bx = c[y->cluster].x0;
        if (ax != bx)
            return ax < bx ? -1 : 1;
        return x->cluster < y->cluster ? -1 : 1;
    }
    if (x->line != y->line)
        return x->line - y->line;
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* Can a phrase run from token a into token b (the next in order)? Only
 * within a cluster or across a small gap on the page. */
static bool tokens_adjacent(const struct htok *a, const struct htok *b, const struct clus *c)
{
    if (a->cluster == b->cluster)
        return true;
    float gap = c[b->cluster].x0 - c[a->cluster].x1;
    return gap < 1.2f * a->size;
}

static int match_at(const struct htok *t, int n, int p, const struct clus *c, int *len)
{
    size_t np;
    const struct phrase *ph = profile_phrases(PHRASE_HEADER, &np);
    int best = 0, role = 0;
    for (size_t i = 0; i < np; i++) {
        if (ph[i].ntok <= best || p + ph[i].ntok > n)
            continue;
        int k = 0;
        while (k < ph[i].ntok && !strcmp(ph[i].tok[k], t[p + k].t) &&
               (k == 0 || tokens_adjacent(&t[p + k - 1], &t[p + k], c)))
            k++;
        if (k == ph[i].ntok) {
            best = k;
            role = ph[i].role;
        }
    }
    *len = best;
    return role;
}

static bool line_has_value(const struct layout *l, size_t li)
{
    const struct line *ln = &l->lines[li];
    for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
        const char *s = word_text(l, &l->words[w]);
        int digits = 0;
        for (const char *q = s; *q; q++)
            digits += *q >= '0' && *q <= '9';
        if (digits >= 2)
            return true;
    }
    return false;
}

int table_match_header(const struct layout *l, size_t i, size_t k, struct header *h)
{
    struct htok t[MAX_HDR_TOKENS];
    struct clus c[MAX_HDR_TOKENS];
    int n = tokens_of_lines(l, i, k, t);
    if (n < 3)
        return 0;
    cluster_tokens(t, n);
    for (int a = 0; a < n; a++)
        c[a] = (struct clus){INFINITY, -INFINITY};
    for (int a = 0; a < n; a++) {
        c[t[a].cluster].x0 = fminf(c[t[a].cluster].x0, t[a].x0);
        c[t[a].cluster].x1 = fmaxf(c[t[a].cluster].x1, t[a].x1);
    }
    qsort_r(t, (size_t)n, sizeof *t, cmp_htok, c);
    if (getenv("PB_TABLE_DEBUG") && !strcmp(getenv("PB_TABLE_DEBUG"), "2")) {
        fprintf(stderr, "header? lines %zu+%zu:", i, k);
        for (int a = 0; a < n; a++)
            fprintf(stderr, " %s(%d,%.0f-%.0f)", t[a].t, t[a].cluster, t[a].x0, t[a].x1);
        fprintf(stderr, "\n");
    }
    memset(h, 0, sizeof *h);
    int matched = 0;
    unsigned roles = 0;
    for (int p = 0; p < n;) {
        int len;
        int role = match_at(t, n, p, c, &len);
        if (!len) {
            p++;
            continue;
        }
        if (h->ncols < TABLE_MAX_COLS) {
            struct column *col = &h->cols[h->ncols++];
            col->role = (enum col_role)role;
            col->x0 = INFINITY;
            col->x1 = -INFINITY;
            for (int q = p; q < p + len; q++) {
                col->x0 = fminf(col->x0, t[q].x0);
                col->x1 = fmaxf(col->x1, t[q].x1);
            }
        }
        roles |= 1u << role;
        matched += len;
        for (int q = p; q < p + len; q++)
            t[q].word = -1; /* matched */
        p += len;
    }
    /* a stacked line must itself be header words (not the first row's text) */
    for (size_t ln = 1; ln < k; ln++) {
        int all = 0, hit = 0;
        for (int a = 0; a < n; a++)
            if (t[a].line == (int)ln) {
                all++;
                hit += t[a].word == -1;
            }
        if (all && hit * 2 < all) {
            h->ncols = 0;
            return 0;
        }
    }
    int distinct = __builtin_popcount(roles & ~(1u << COL_OTHER));
    bool has_date = roles & (1u << COL_DATE | 1u << COL_VALUE_DATE);
    bool has_money = roles & (1u << COL_DEBIT | 1u << COL_CREDIT | 1u << COL_AMOUNT | 1u << COL_BALANCE);
    if (distinct < 3 || !has_date || !has_money || matched * 10 < n * 6) {
        h->ncols = 0;
        return 0;
    }
    /* left to right */
    for (int a = 1; a < h->ncols; a++)
        for (int b = a; b > 0 && h->cols[b].x0 < h->cols[b - 1].x0; b--) {
            struct column tmp = h->cols[b];
            h->cols[b] = h->cols[b - 1];
            h->cols[b - 1] = tmp;
        }
    /* pieces of one stacked label ("Ref No./Cheque" over "No.") that
     * matched separately are one column */
    for (int a = 1; a < h->ncols;) {
        struct column *p = &h->cols[a - 1], *q = &h->cols[a];
        if (p->role == q->role && q->role != COL_DRCR && q->x0 - p->x1 < 4 * t[0].size) {
            p->x1 = fmaxf(p->x1, q->x1);
            memmove(q, q + 1, (size_t)(h->ncols - a - 1) * sizeof *q);
            h->ncols--;
        } else {
            a++;
        }
    }
    h->first_line = i;
    h->last_line = i + k - 1;
    return distinct;
}

/* The best header starting at line i (stacked over up to 3 close lines). */
static int find_header_at(const struct layout *l, size_t i, size_t page_end, struct header *best)
{
    int bestscore = 0;
    for (size_t k = 1; k <= 3 && i + k <= page_end; k++) {
        if (k > 1) {
            const struct line *a = &l->lines[i + k - 2], *b = &l->lines[i + k - 1];
            float sz = fmaxf(fminf(a->size, b->size), 4);
            /* header lines are close and in one font size: a letterhead
             * above the header is not part of it */
            if (b->base - a->base > 1.8f * sz || fabsf(a->size - b->size) > 0.3f * sz || line_has_value(l, i + k - 1))
                break;
        }
        struct header h;
        int s = table_match_header(l, i, k, &h);
        if (s > bestscore || (s == bestscore && s && h.ncols > best->ncols)) {
            bestscore = s;
            *best = h;
        }
    }
    return bestscore;
}

static bool same_layout(const struct header *a, const struct header *b)
{
    if (a->ncols != b->ncols)
        return false;
    for (int i = 0; i < a->ncols; i++)
        if (a->cols[i].role != b->cols[i].role || fabsf(a->cols[i].x0 - b->cols[i].x0) > 4)
            return false;
    return true;
}

/* ---------- column boundaries ---------- */

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

static void set_boundaries(const struct layout *l, struct header *h, const size_t *dl, size_t ndl)
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

/* ---------- cells and line classes ---------- */

enum lkind { LK_NOISE, LK_DATED, LK_AMOUNT, LK_CONT, LK_OPEN, LK_CLOSE, LK_SKIP, LK_END };

struct lineinfo {
    enum lkind kind;
    int row;
    pb_day date, value_date;
    pb_paise debit, credit, amount, balance;
    bool has_debit, has_credit, has_amount, has_balance;
    int amount_mark;
};

struct cells {
    char c[TABLE_MAX_COLS][CELL_MAX];
    float x1[TABLE_MAX_COLS];  /* right edge of the cell's last word */
    float x0[TABLE_MAX_COLS];  /* left edge of its first word */
    float firstw[TABLE_MAX_COLS], lastw[TABLE_MAX_COLS]; /* widths of its first and last words */
    bool multi[TABLE_MAX_COLS]; /* more than one word */
    bool straddle;              /* a word runs across a column boundary */
};

static void split_cells(const struct layout *l, const struct line *ln, const struct header *h, struct cells *cs)
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

static int col_index(const struct header *h, enum col_role r)
{
    for (int i = 0; i < h->ncols; i++)
        if (h->cols[i].role == r)
            return i;
    return -1;
}

/* Row keyword at the start of text (normalised tokens): ROWK_* or 0. */
static int row_keyword(const char *text)
{
    char tok[24][24];
    int n = profile_tokenize(text, tok, 24);
    size_t np;
    const struct phrase *ph = profile_phrases(PHRASE_ROW, &np);
    int best = 0, bestlen = 0;
    for (size_t i = 0; i < np; i++) {
        if (ph[i].ntok > n || ph[i].ntok <= bestlen)
            continue;
        /* end-of-table phrases ("computer generated") may sit anywhere in
         * the line; the others must start it */
        int from = 0, last = ph[i].role == ROWK_END && ph[i].ntok > 1 ? n - ph[i].ntok : 0, k = 0;
        for (from = 0; from <= last; from++) {
            k = 0;
            while (k < ph[i].ntok && !strcmp(ph[i].tok[k], tok[from + k]))
                k++;
            if (k == ph[i].ntok)
                break;
        }
        /* "b f" must be the whole text, else "B F" starting a name would match */
        if (k == ph[i].ntok && (ph[i].ntok > 1 || n == 1 || ph[i].role == ROWK_SKIP)) {
            best = ph[i].role;
            bestlen = k;
        }
    }
    return best;
}

static bool parse_money_cell(const char *s, pb_paise *v, int *mark)
{
    if (!s[0])
        return false;
    return token_parse_amount(s, strlen(s), v, mark);
}

struct colmap {
    int date, vdate, narr, ref, debit, credit, amount, amount_mark, balance, balance_mark;
};

static struct colmap map_columns(const struct header *h)
{
    struct colmap m = {col_index(h, COL_DATE), col_index(h, COL_VALUE_DATE), col_index(h, COL_NARRATION),
                       col_index(h, COL_REF), col_index(h, COL_DEBIT), col_index(h, COL_CREDIT),
                       col_index(h, COL_AMOUNT), -1, col_index(h, COL_BALANCE), -1};
    for (int i = 0; i < h->ncols; i++)
        if (h->cols[i].role == COL_DRCR) {
            if (i > 0 && h->cols[i - 1].role == COL_BALANCE)
                m.balance_mark = i;
            else if (m.amount_mark < 0)
                m.amount_mark = i;
        }
    if (m.date < 0) {
        m.date = m.vdate;
        m.vdate = -1;
    }
    return m;
}

static bool is_money_col(enum col_role r)
{
    return r == COL_DEBIT || r == COL_CREDIT || r == COL_AMOUNT || r == COL_BALANCE;
}

/* Classifies one table line from its cells. */
static void classify(const struct header *h, const struct colmap *m, const struct cells *cs, struct lineinfo *li)
{
    memset(li, 0, sizeof *li);
    li->row = -1;
    li->date = li->value_date = PB_NO_DAY;
    bool junk = false, text = false, stray = cs->straddle;
    char all[CELL_MAX * 2] = "";
    for (int i = 0; i < h->ncols; i++) {
        const char *c = cs->c[i];
        if (!c[0])
            continue;
        if (!is_money_col(h->cols[i].role) && h->cols[i].role != COL_DRCR) {
            text = true;
            /* wrapped rows continue in the narration and reference columns;
             * text under a date column is a footer (or a wrapped date's year) */
            if ((h->cols[i].role == COL_DATE || h->cols[i].role == COL_VALUE_DATE) && strlen(c) > 4)
                stray = true;
            if (strlen(all) + strlen(c) + 2 < sizeof all) {
                if (all[0])
                    strcat(all, " ");
                strcat(all, c);
            }
        }
    }
    int mark = 0;
    if (m->debit >= 0 && parse_money_cell(cs->c[m->debit], &li->debit, &mark))
        li->has_debit = li->debit != 0;
    else if (m->debit >= 0 && cs->c[m->debit][0] && strcmp(cs->c[m->debit], "-"))
        junk = true;
    if (m->credit >= 0 && parse_money_cell(cs->c[m->credit], &li->credit, &mark))
        li->has_credit = li->credit != 0;
    else if (m->credit >= 0 && cs->c[m->credit][0] && strcmp(cs->c[m->credit], "-"))
        junk = true;
    if (m->amount >= 0 && parse_money_cell(cs->c[m->amount], &li->amount, &li->amount_mark)) {
        li->has_amount = li->amount != 0;
        if (li->amount < 0) {
            li->amount = -li->amount;
            li->amount_mark = -1;
        }
        if (m->amount_mark >= 0 && cs->c[m->amount_mark][0])
            li->amount_mark = token_drcr(cs->c[m->amount_mark], strlen(cs->c[m->amount_mark]));
    } else if (m->amount >= 0 && cs->c[m->amount][0] && strcmp(cs->c[m->amount], "-")) {
        junk = true;
    }
    li->debit = li->debit < 0 ? -li->debit : li->debit;
    li->credit = li->credit < 0 ? -li->credit : li->credit;
    if (m->balance >= 0 && parse_money_cell(cs->c[m->balance], &li->balance, &mark)) {
        li->has_balance = true;
        if (m->balance_mark >= 0 && cs->c[m->balance_mark][0])
            mark = token_drcr(cs->c[m->balance_mark], strlen(cs->c[m->balance_mark]));
        if (mark < 0 && li->balance > 0)
            li->balance = -li->balance;
    } else if (m->balance >= 0 && cs->c[m->balance][0]) {
        junk = true;
    }
    bool txn_amount = li->has_debit || li->has_credit || li->has_amount;
    if (m->date >= 0 && cs->c[m->date][0])
        token_parse_date(cs->c[m->date], strlen(cs->c[m->date]), &li->date);
    if (m->vdate >= 0 && cs->c[m->vdate][0])
        token_parse_date(cs->c[m->vdate], strlen(cs->c[m->vdate]), &li->value_date);
    /* keyword text: the narration cell, else all the text cells */
    const char *kw = m->narr >= 0 && cs->c[m->narr][0] ? cs->c[m->narr] : all;
    int rk = row_keyword(kw);
    if (!rk && kw != all)
        rk = row_keyword(all);
    if (rk == ROWK_END && li->date == PB_NO_DAY) {
        li->kind = LK_END;
    } else if ((rk == ROWK_OPENING || rk == ROWK_CLOSING) && !li->has_debit && !li->has_credit &&
               !(li->has_amount && li->has_balance)) {
        li->kind = rk == ROWK_OPENING ? LK_OPEN : LK_CLOSE;
    } else if (rk == ROWK_SKIP && li->date == PB_NO_DAY) {
        li->kind = LK_SKIP;
    } else if (li->date != PB_NO_DAY) {
        li->kind = LK_DATED;
    } else if (txn_amount && !junk && !stray) {
        li->kind = LK_AMOUNT;
    } else if (text && !junk && !stray && !txn_amount && !li->has_balance) {
        li->kind = LK_CONT;
    } else {
        li->kind = LK_NOISE;
    }
}

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
    row->balance = li->balance, row->has_balance = li->has_balance;
    return (int)r->nrows++;
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

/* Votes whether continuation lines sit above their dated line (cells
 * centred vertically) or below it (cells aligned to the top). */
static bool centred_layout(const struct ctx *c)
{
    int up = 0, down = 0;
    for (size_t i = 1; i + 1 < c->ndl; i++) {
        if (c->info[i].kind != LK_CONT || c->info[i + 1].kind != LK_DATED)
            continue;
        const struct line *p = &c->l->lines[c->dl[i - 1]], *x = &c->l->lines[c->dl[i]],
                          *n = &c->l->lines[c->dl[i + 1]];
        if (p->page != x->page || n->page != x->page)
            continue;
        float dp = x->base - p->base, dn = n->base - x->base;
        if (dn < 0.85f * dp)
            up++;
        else if (dp < 0.85f * dn)
            down++;
    }
    /* a top-aligned layout never puts a row's text just above the next
     * dated line with a wider gap before it; a few such lines suffice */
    return (up >= 2 && up * 10 >= up + down) || (up >= 1 && down == 0);
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
 * little extra space, so a continuation belongs with the neighbour it sits
 * closer to: the line above (cells aligned to the top) or the line below
 * (cells centred vertically, narration starting above the dated line).
 * Where the gaps are equal, the layout's general habit decides; at the top
 * of a page a top-aligned row continues from the previous page. */
static void resolve_continuations(struct ctx *c, bool centred, float pitch)
{
    size_t n = c->ndl;
    signed char *down = calloc(n + 1, 1);
    if (!down)
        return;
    /* spacing inside rows and between rows, learnt from the clear cases */
    double intra = 0, between = 0;
    int nsamples = 0;
    for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < n; i++) {
        if (c->info[i].row != -2)
            continue;
        const struct line *x = &c->l->lines[c->dl[i]];
        bool has_prev = i > 0 && c->l->lines[c->dl[i - 1]].page == x->page;
        bool has_next = i + 1 < n && c->l->lines[c->dl[i + 1]].page == x->page;
        float up = has_prev ? x->base - c->l->lines[c->dl[i - 1]].base : INFINITY;
        float dn = has_next ? c->l->lines[c->dl[i + 1]].base - x->base : INFINITY;
        if (pass == 0) {
            if (has_prev && has_next && (dn < 0.85f * up || up < 0.85f * dn)) {
                intra += fminf(up, dn);
                between += fmaxf(up, dn);
                nsamples++;
            }
            continue;
        }
        if (!has_prev && !has_next)
            down[i] = 0;
        else if (!has_prev) /* page top: a row's first line, or the rest of one from the page before */
            down[i] = centred && dn < (nsamples ? (float)(intra + between) / (2.0f * (float)nsamples)
                                                 : 1.5f * x->size);
        else if (!has_next)
            down[i] = 0;
        else if (dn < 0.85f * up)
            down[i] = 1;
        else if (up < 0.85f * dn)
            down[i] = 0;
        else
            down[i] = centred;
    }
    /* upward links resolve top-down, downward links bottom-up */
    int last_row = -1;
    for (size_t i = 0; i < n; i++) {
        struct lineinfo *li = &c->info[i];
        if (li->kind == LK_DATED || li->kind == LK_AMOUNT) {
            if (li->row >= 0)
                last_row = li->row;
        } else if (li->row == -2 && !down[i]) {
            bool same_page = i > 0 && c->l->lines[c->dl[i - 1]].page == c->l->lines[c->dl[i]].page;
            enum lkind pk = i > 0 ? c->info[i - 1].kind : LK_NOISE;
            /* brought/carried forward and total lines sit inside a row broken across pages */
            bool passthrough = pk == LK_OPEN || pk == LK_CLOSE || pk == LK_SKIP;
            if (!same_page || passthrough)
                li->row = last_row;
            else
                li->row = c->info[i - 1].row >= 0 ? c->info[i - 1].row : -1;
        }
    }
    for (size_t i = n; i-- > 0;) {
        struct lineinfo *li = &c->info[i];
        if (li->row == -2 && down[i]) {
            bool same_page = i + 1 < n && c->l->lines[c->dl[i + 1]].page == c->l->lines[c->dl[i]].page;
            li->row = same_page && c->info[i + 1].row >= 0 ? c->info[i + 1].row : -1;
        }
    }
    for (size_t i = 0; i < n; i++)
        if (c->info[i].row == -2)
            c->info[i].row = -1;
    free(down);
}

static int attach_rows(struct ctx *c, bool centred, float pitch)
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
                if ((cur = push_row(r, li, ln->page)) < 0)
                    return -1;
                r->rows[cur].date_inherited = true;
                li->row = cur;
            }
            break;
        case LK_OPEN:
            if (r->nrows == 0 && !r->has_opening && (li->has_balance || li->has_amount)) {
                r->opening = li->has_balance ? li->balance : li->amount;
                r->has_opening = true;
            }
            break;
        case LK_CLOSE:
            if (li->has_balance || li->has_amount) {
                r->closing = li->has_balance ? li->balance : li->amount;
                r->has_closing = true;
            }
            break;
        case LK_CONT:
            li->row = -2; /* resolved below, from the gaps around it */
            break;
        default:
            break;
        }
    }
    resolve_continuations(c, centred, pitch);
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

static const char *join_sep(const char *prev, const char *next, const struct wrapgeo *g)
{
    size_t n = prev ? strlen(prev) : 0;
    if (!n)
        return "";
    if (strchr("-/@_*", prev[n - 1]) && n >= 2 && prev[n - 2] != ' ')
        return "";
    /* a token longer than the column is cut where it meets the edge; a cut
     * inside letters looks exactly like a wrap between two words ("UNION" /
     * "BANK"), which is far more common, so only cuts touching digits or
     * punctuation join without a space */
    if (g && !g->prev_multi && g->prev_x1 >= g->col_right - 0.6f * g->size &&
        g->prev_lastw > 0.5f * (g->col_right - g->col_left) &&
        g->prev_lastw + g->next_firstw > g->col_right - g->col_left && !is_alnum_change(prev[n - 1], next[0]))
        return "";
    return " ";
}

struct rowtext {
    float last_x1, last_w; /* the row's previous narration line: right edge, last word width */
    bool last_multi;
};

/* Extent of the narration text over the rows of one table layout. */
static void narr_extent(struct ctx *c, const struct header *h, struct cells *cs, int narr, float *left, float *right)
{
    *left = INFINITY, *right = -INFINITY;
    for (size_t i = 0; i < c->ndl; i++) {
        if (c->hdr[i] != h || c->info[i].row < 0)
            continue;
        split_cells(c->l, &c->l->lines[c->dl[i]], h, cs);
        if (!cs->c[narr][0])
            continue;
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
    if (!cs || !rt)
        goto out;
    for (size_t i = 0; i < c->ndl; i++) {
        int row = c->info[i].row;
        if (row < 0)
            continue;
        const struct header *h = c->hdr[i];
        struct colmap m = map_columns(h);
        int k = 0;
        while (k < nseen && seen[k] != h)
            k++;
        if (k == nseen && nseen < 8 && m.narr >= 0) {
            seen[nseen] = h;
            narr_extent(c, h, cs, m.narr, &left[nseen], &right[nseen]);
            nseen++;
        }
        const struct line *ln = &c->l->lines[c->dl[i]];
        split_cells(c->l, ln, h, cs);
        struct table_row *tr = &c->out->rows[row];
        if (m.narr >= 0 && cs->c[m.narr][0]) {
            struct wrapgeo g = {rt[row].last_x1, rt[row].last_w, rt[row].last_multi, cs->firstw[m.narr],
                                k < nseen ? left[k] : 0, k < nseen ? right[k] : INFINITY, ln->size};
            if (append_text(&tr->note, cs->c[m.narr], join_sep(tr->note, cs->c[m.narr], &g)) < 0)
                goto out;
            rt[row].last_x1 = cs->x1[m.narr];
            rt[row].last_w = cs->lastw[m.narr];
            rt[row].last_multi = cs->multi[m.narr];
        }
        if (m.ref >= 0 && append_text(&tr->ref, cs->c[m.ref], join_sep(tr->ref, cs->c[m.ref], NULL)) < 0)
            goto out;
        c->out->line_use[c->dl[i]] = LINE_TABLE;
    }
    for (size_t i = 0; i < c->out->nrows; i++) {
        struct table_row *tr = &c->out->rows[i];
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
                                    "amount", "drcr", "bal", "slno", "other"};
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
        split_cells(c->l, ln, h, cs);
        fprintf(stderr, "p%d y%.1f s%.1f %c%s row%d:", ln->page, ln->base, ln->size, K[c->info[i].kind],
                cs->straddle ? "~" : "", c->info[i].row);
        for (int k = 0; k < h->ncols; k++)
            fprintf(stderr, " |%s", cs->c[k]);
        fprintf(stderr, "\n");
    }
    free(cs);
}

struct pagehdr {
    struct header h;
    bool found;
    int group;
};

static void find_headers(const struct layout *l, struct pagehdr *ph, const size_t *pstart)
{
    for (int p = 0; p < l->npages; p++) {
        ph[p].found = false;
        for (size_t i = pstart[p]; i < pstart[p + 1]; i++) {
            if (line_has_value(l, i))
                continue;
            if (find_header_at(l, i, pstart[p + 1], &ph[p].h)) {
                ph[p].found = true;
                break;
            }
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
            if (!cur || !same_layout(cur, &ph[p].h)) {
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
            if (c->hdr[i] && c->hdr[i] != first && first && same_layout(c->hdr[i], first) &&
                ph[l->lines[c->dl[i]].page].group == g)
                c->hdr[i] = first;
        for (size_t i = 0; i < c->ndl; i++)
            if (c->hdr[i] == first) {
                a = a == SIZE_MAX ? i : a;
                b = i + 1;
            }
        if (first)
            set_boundaries(l, first, c->dl + (a == SIZE_MAX ? 0 : a), a == SIZE_MAX ? 0 : b - a);
    }
    return 0;
}

int table_extract(const struct layout *l, struct table_result *out)
{
    memset(out, 0, sizeof *out);
    if (profile_load() < 0)
        return -1;
    out->line_use = calloc(l->nlines + 1, 1);
    size_t *pstart = calloc((size_t)l->npages + 2, sizeof *pstart);
    struct pagehdr *ph = calloc((size_t)l->npages + 1, sizeof *ph);
    struct ctx c = {l, out, calloc(l->nlines + 1, sizeof(size_t)), calloc(l->nlines + 1, sizeof(struct lineinfo)),
                    calloc(l->nlines + 1, sizeof(struct header *)), 0};
    int rc = -1;
    if (!out->line_use || !pstart || !ph || !c.dl || !c.info || !c.hdr)
        goto out;
    for (size_t i = 0, p = 0; p <= (size_t)l->npages; p++) {
        while (i < l->nlines && l->lines[i].page < (int)p)
            i++;
        pstart[p] = i;
    }
    pstart[l->npages] = l->nlines;
    find_headers(l, ph, pstart);
    build(&c, ph, pstart);
    out->has_header = out->ntables > 0;
    struct cells *cs = malloc(sizeof *cs);
    if (!cs)
        goto out;
    for (size_t i = 0; i < c.ndl; i++) {
        struct colmap m = map_columns(c.hdr[i]);
        split_cells(l, &l->lines[c.dl[i]], c.hdr[i], cs);
        classify(c.hdr[i], &m, cs, &c.info[i]);
    }
    free(cs);
    float pitch = median_pitch(&c);
    drop_far_lines(&c, pitch);
    drop_repeated_lines(&c);
    bool centred = centred_layout(&c);
    if (getenv("PB_TABLE_DEBUG"))
        fprintf(stderr, "centred=%d\n", centred);
    if (attach_rows(&c, centred, pitch) < 0)
        goto out;
    if (getenv("PB_TABLE_DEBUG"))
        debug_dump(&c);
    if (collect_text(&c) < 0)
        goto out;
    rc = 0;
out:
    free(pstart);
    free(ph);
    free(c.dl);
    free(c.info);
    free(c.hdr);
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
