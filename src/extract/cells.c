/* Column boundaries and cells. See cells.h. */
#include "extract/cells.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* A date or an amount somewhere on the line: a table row, not prose. */
static bool has_value(const struct layout *l, const struct line *ln)
{
    for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
        const char *t = word_text(l, &l->words[w]);
        pb_paise v;
        pb_day d;
        int mark;
        if (token_parse_date(t, strlen(t), &d) || (strpbrk(t, ".,") && strpbrk(t, "0123456789") && token_parse_amount(t, strlen(t), &v, &mark)))
            return true;
    }
    return false;
}

/* The left edge of a left-aligned column in [from, to]: the x where most
 * cells start (three at least), with (nearly) nothing just before it.
 * Words that merely run into the gap (a narration overflowing) start
 * anywhere; a column's cells all start at its edge. -1 when none. */
static int left_edge(const int *hist, const int *starts, int from, int to, int thr)
{
    int best = -1, bestn = 2;
    for (int x = from > 2 ? from : 2; x <= to && x + 1 < HIST_MAX; x++) {
        int n = starts[x] + starts[x + 1];
        if (n > bestn && hist[x - 1] <= thr && hist[x - 2] <= thr) {
            bestn = n;
            best = starts[x + 1] > starts[x] ? x + 1 : x;
        }
    }
    return best;
}

/* The word starts where a left-aligned column's cells start: at its edge
 * (left lies half a point before the cells' common start), not before it
 * (an overflowing narration's next word, one space on, may come within a
 * point of the edge). */
static bool at_edge(const struct word *wd, const struct column *col)
{
    return col->edge && wd->x0 > col->left - 0.2f && wd->x0 < col->left + 1.5f;
}

/* The narrowest gap between words on the line: a space in its font (one
 * word: a space of a proportional font of its size). */
static float line_space(const struct layout *l, const struct line *ln)
{
    float space = INFINITY;
    for (uint32_t w = ln->first + 1; w < ln->first + ln->n; w++) {
        float g = l->words[w].x0 - l->words[w - 1].x1;
        if (g > 0.5f && g < space)
            space = g;
    }
    return isfinite(space) ? space : 0.3f * ln->size;
}

/* Does line ln hold a word in the narration's column before word w (a
 * row's narration line, its other cells' second lines beside it)? */
static bool narration_before(const struct layout *l, const struct line *ln, uint32_t w, const struct header *h)
{
    int narr = header_col(h, COL_NARRATION);
    if (narr < 0)
        return false;
    for (uint32_t v = ln->first; v < w; v++)
        if (l->words[v].x0 >= h->cols[narr].left && l->words[v].x0 < h->cols[narr].right)
            return true;
    return false;
}

/* Marks the left-aligned columns whose cells are figures: every word that
 * starts at the column's edge holds a digit (cheque and reference numbers),
 * three at least, on lines with a date or an amount. Words one space after the text before them are left
 * out: they may be a narration running over the edge, which is what the
 * mark helps to tell (cells_split). A row's narration line shows a cell's
 * other line too ("TRANSFER TO" over the reference): words there count
 * against figures (a narration running over the edge one space before
 * "TRANSFER" took it); other lines without a value may be a header
 * repeated on a later page. */
static void mark_figures(const struct layout *l, struct header *h, const size_t *dl, size_t ndl)
{
    int seen[TABLE_MAX_COLS] = {0};
    bool letters[TABLE_MAX_COLS] = {0};
    for (size_t d = 0; d < ndl; d++) {
        const struct line *ln = &l->lines[dl[d]];
        bool valued = has_value(l, ln);
        float sp = line_space(l, ln);
        for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
            const struct word *wd = &l->words[w];
            if (w > ln->first && wd->x0 - l->words[w - 1].x1 <= 1.1f * sp + 0.2f)
                continue;
            for (int c = 1; c < h->ncols; c++) {
                if (!at_edge(wd, &h->cols[c]) || (!valued && !narration_before(l, ln, w, h)))
                    continue;
                seen[c] += valued;
                letters[c] |= !strpbrk(word_text(l, wd), "0123456789");
            }
        }
    }
    for (int c = 0; c < h->ncols; c++)
        h->cols[c].figures = seen[c] >= 3 && !letters[c];
}

/* A date cut by the boundary after its column ("28 August" | "2024 Paid
 * to": a month printed with one name puts a river between month and year
 * on every row, and a tight rupee sign elsewhere on the line makes the
 * year look like a cell's start): when the words of the date starting in
 * the column (cells_date_words) end past the boundary on most lines (the
 * last one's centre, which places a word: "02 October" | "2022", though
 * "02 October" alone reads as a date of no year), and few end before it,
 * the boundary moves past those words to where the next column's cells
 * then start, or just past them when nothing follows them on their lines
 * (the date alone above its narration). */
static void keep_dates_whole(const struct layout *l, struct header *h, int i, const size_t *dl, size_t ndl)
{
    struct column *a = &h->cols[i];
    if (a->role != COL_DATE && a->role != COL_VALUE_DATE)
        return;
    int whole = 0, cut = 0;
    float year_end = -INFINITY, next_start = INFINITY;
    for (size_t d = 0; d < ndl; d++) {
        const struct line *ln = &l->lines[dl[d]];
        uint32_t w = ln->first, end = ln->first + ln->n;
        while (w < end && l->words[w].x0 < a->left)
            w++;
        uint32_t n = w < end && l->words[w].x0 < a->right ? cells_date_words(l, ln, w) : 0;
        if (!n)
            continue;
        const struct word *last = &l->words[w + n - 1];
        if ((last->x0 + last->x1) / 2 <= a->right) {
            whole++;
            continue;
        }
        cut++;
        year_end = fmaxf(year_end, last->x1);
        if (w + n < end)
            next_start = fminf(next_start, l->words[w + n].x0);
    }
    bool alone = next_start == INFINITY; /* the dates alone on their lines, the narration under them */
    if (cut < 3 || (cut < 4 * whole && !alone) || !(next_start > year_end + 1))
        return;
    if (alone)
        next_start = year_end + 1;
    if (i + 2 < h->ncols && next_start >= h->cols[i + 1].right)
        return; /* the next column would be left empty */
    a->right = h->cols[i + 1].left = next_start - 0.5f;
    if (getenv("PB_TABLE_DEBUG"))
        fprintf(stderr, "boundary after a date cut by it: at %.1f\n", a->right);
}

uint32_t cells_date_words(const struct layout *l, const struct line *ln, uint32_t w)
{
    char join[96] = "";
    size_t n = 0;
    uint32_t words = 0;
    for (uint32_t v = w; v < w + 3 && v < ln->first + ln->n; v++) {
        const char *t = word_text(l, &l->words[v]);
        if (n + strlen(t) + 2 > sizeof join)
            break;
        n = layout_join_word(join, sizeof join, n, t);
        pb_day d;
        if (token_parse_date(join, n, &d))
            words = v - w + 1;
    }
    return words;
}

/* Characters (code points) of a UTF-8 string. */
static size_t chars_of(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* The rows' font is monospaced when every word of three characters or
 * more is as wide as its characters times one advance (twenty words at
 * least, nine in ten within 1%): a space is then as wide as a letter (0.6
 * em in Courier), where a proportional font's is about a quarter of an em.
 * Returns the advance in ems, or 0. */
static float monospaced_advance(const struct layout *l, const size_t *dl, size_t ndl)
{
    float r[64];
    int n = 0;
    for (size_t d = 0; d < ndl && n < 64; d++) {
        const struct line *ln = &l->lines[dl[d]];
        for (uint32_t w = ln->first; w < ln->first + ln->n && n < 64; w++) {
            const struct word *wd = &l->words[w];
            size_t k = chars_of(word_text(l, wd));
            if (k >= 3 && wd->size > 0)
                r[n++] = (wd->x1 - wd->x0) / ((float)k * wd->size);
        }
    }
    if (n < 20)
        return 0;
    float mid = 0;
    for (int i = 0; i < n; i++) { /* the middle ratio: the one most others agree with */
        int agree = 0;
        for (int j = 0; j < n; j++)
            agree += fabsf(r[j] - r[i]) <= 0.01f * r[i];
        if (agree * 10 >= n * 9) {
            mid = r[i];
            break;
        }
    }
    return mid;
}

float cells_first_space(const struct header *h, const struct word *wd)
{
    return fmaxf(0.3f, h->advance) * wd->size;
}

/* The left edge of a column of dates printed right after the column
 * before it (serial numbers right-aligned a fifth of an em before the
 * dates): where most dates start (three at least, in [from, to]) and no
 * word of the rows crosses (thr at most). The whole-point bins of the
 * histogram see no gap there; the words do. NAN when none. */
static float dates_start(const struct layout *l, const size_t *dl, size_t ndl, const int *date_starts, int from,
                         int to, int thr)
{
    int best = -1, bestn = 2;
    for (int x = from > 0 ? from : 0; x <= to && x + 1 < HIST_MAX; x++)
        if (date_starts[x] + date_starts[x + 1] > bestn) {
            bestn = date_starts[x] + date_starts[x + 1];
            best = x;
        }
    if (best < 0)
        return NAN;
    float at = INFINITY;
    for (size_t d = 0; d < ndl; d++) {
        const struct line *ln = &l->lines[dl[d]];
        for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
            int b = bin(l->words[w].x0);
            if ((b == best || b == best + 1) && cells_date_words(l, ln, w))
                at = fminf(at, l->words[w].x0);
        }
    }
    int crossing = 0;
    for (size_t d = 0; d < ndl; d++) {
        const struct line *ln = &l->lines[dl[d]];
        for (uint32_t w = ln->first; w < ln->first + ln->n; w++)
            crossing += l->words[w].x0 < at - 0.05f && l->words[w].x1 > at + 0.05f;
    }
    return crossing <= thr ? at - 0.5f : NAN;
}

/* A narration printed on a line of its own under each row (a ledger's
 * figures on the row's line, its particulars under them: header.h
 * header_narration_below): the label beside it takes both ranges; the
 * narration's column holds no word of a row's line (narration_below). */
static void mark_narration_below(struct header *h)
{
    for (int i = 0; i < h->ncols; i++) {
        if (!header_narration_below(h, i))
            continue;
        struct column *narr = &h->cols[i];
        narr->below = true;
        if (i + 1 < h->ncols && fabsf(h->cols[i + 1].x0 - narr->x0) <= 2.0f) {
            narr->right = i >= 1 ? h->cols[i - 1].right : -INFINITY; /* the label after it covers both */
        } else {
            h->cols[i - 1].right = narr->right;
        }
        return;
    }
}

void cells_set_boundaries(const struct layout *l, struct header *h, const size_t *dl, size_t ndl)
{
    h->advance = monospaced_advance(l, dl, ndl);
    static __thread int hist[HIST_MAX], starts[HIST_MAX], date_starts[HIST_MAX];
    memset(hist, 0, sizeof hist);
    memset(starts, 0, sizeof starts);
    memset(date_starts, 0, sizeof date_starts);
    size_t rowlike = 0;
    for (size_t d = 0; d < ndl && rowlike < 3; d++)
        rowlike += is_row_like(l, &l->lines[dl[d]]);
    for (size_t d = 0; d < ndl; d++) {
        const struct line *ln = &l->lines[dl[d]];
        bool counted = rowlike < 3 || is_row_like(l, ln), valued = counted || has_value(l, ln);
        /* the narrowest gap between words on the line: a space in its font */
        float space = INFINITY;
        for (uint32_t w = ln->first + 1; w < ln->first + ln->n; w++) {
            float g = l->words[w].x0 - l->words[w - 1].x1;
            if (g > 0.5f && g < space)
                space = g;
        }
        for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
            int a = bin(l->words[w].x0), b = bin(ceilf(l->words[w].x1));
            for (int x = a; counted && x < b; x++)
                hist[x]++;
            /* a cell's first word: further from the word before than a space
             * (on every line with a figure: sparse columns such as cheque
             * numbers sit on rows with whole-rupee amounts) */
            if (valued && (w == ln->first || l->words[w].x0 - l->words[w - 1].x1 > 1.6f * space))
                starts[a]++;
            if (valued && cells_date_words(l, ln, w))
                date_starts[a]++;
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
        /* a left-aligned text column begins at its cells' common left edge
         * (words in the gap before it, a narration overflowing its column,
         * belong to the left); elsewhere, the middle of the strip's longest
         * emptiest run (a long narration reaching into the strip stays on
         * its side) */
        bool left_aligned = b->role == COL_REF || b->role == COL_NARRATION;
        /* dates starting at one x are a left-aligned column too: a narrow
         * column before them (serial numbers right-aligned under a wide
         * "Serial No") leaves an emptier strip under its own label, left of
         * its cells, than the gap between the two columns' cells. Their
         * starts are the dates' (a monospaced serial one space before a
         * date is no cell start by the gap) */
        bool dated = b->role == COL_DATE || b->role == COL_VALUE_DATE;
        int edge = left_aligned ? left_edge(hist, starts, bin(a->x1), hi, thr)
                   : dated      ? left_edge(hist, date_starts, bin(a->x1), hi, thr)
                                : -1;
        float dates_x = dated && edge < 0 ? dates_start(l, dl, ndl, date_starts, bin(a->x1), hi, thr) : NAN;
        h->cols[i + 1].edge = edge >= 0 || !isnan(dates_x);
        if (edge >= 0) {
            bestx = (float)edge - 0.5f;
        } else if (!isnan(dates_x)) {
            bestx = dates_x;
        } else if (bestlen > 0) {
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
        /* too few cells to show an edge: a left-aligned column's cells start
         * no further left than its label */
        if (edge < 0 && left_aligned && bestlen > 0 && b->x0 - 0.5f >= (float)sx && b->x0 - 0.5f < bestx) {
            bestx = b->x0 - 0.5f;
            h->cols[i + 1].edge = true;
        }
        if (hi < lo)
            bestx = want;
        if (getenv("PB_TABLE_DEBUG"))
            fprintf(stderr, "boundary %d..%d: min %d len %d at %.1f (hist at 420 %d, 450 %d)\n", lo, hi, bestmin,
                    bestlen, bestx, hist[420], hist[450]);
        h->cols[i].right = bestx;
    }
    for (int i = 0; i + 1 < h->ncols; i++)
        keep_dates_whole(l, h, i, dl, ndl);
    mark_figures(l, h, dl, ndl);
    mark_narration_below(h);
}


static int column_at(const struct header *h, float x)
{
    int col = 0;
    while (col < h->ncols - 1 && x >= h->cols[col].right)
        col++;
    return col;
}

static bool money_role(enum col_role r)
{
    return r == COL_DEBIT || r == COL_CREDIT || r == COL_AMOUNT || r == COL_BALANCE;
}

static bool looks_money(const char *s)
{
    pb_paise v;
    int mark;
    return strpbrk(s, ".,") && strpbrk(s, "0123456789") && token_parse_amount(s, strlen(s), &v, &mark);
}

static bool text_role(enum col_role r)
{
    return r == COL_NARRATION || r == COL_REF || r == COL_OTHER;
}

/* Does word s qualify a cell of role r holding cell: a Dr/Cr marker
 * after an amount ("23,485.08 Cr" before the cheque numbers), a time of
 * day after a date ("2023/01/01 10:25:17 AM" before them), its AM/PM
 * after the time. */
static bool qualifies(enum col_role r, const char *cell, const char *s)
{
    if (money_role(r))
        return token_drcr(s, strlen(s)) != 0;
    if (r != COL_DATE && r != COL_VALUE_DATE)
        return false;
    if (token_is_time(s) && strchr(s, ':'))
        return true;
    const char *last = strrchr(cell, ' ');
    last = last ? last + 1 : cell;
    return (!strcasecmp(s, "AM") || !strcasecmp(s, "PM")) && token_is_time(last) && strchr(last, ':');
}

/* The column a word belongs to. Text is left-aligned and amounts are
 * right-aligned, so a word running over a boundary belongs where it
 * starts (a narration overflowing into the next column) or, for an amount,
 * where it ends (a wide figure reaching left); otherwise its centre
 * decides. */
static int word_column(const struct layout *l, const struct word *wd, const struct header *h)
{
    float w = wd->x1 - wd->x0, eps = fminf(1.0f, 0.1f * w);
    int c0 = column_at(h, wd->x0 + eps), c1 = column_at(h, wd->x1 - eps);
    if (c0 == c1)
        return c0;
    if (money_role(h->cols[c1].role) && looks_money(word_text(l, wd)))
        return c1;
    if (text_role(h->cols[c0].role))
        return c0;
    return column_at(h, (wd->x0 + wd->x1) / 2);
}

/* A currency sign alone in a text column with the next word a figure (or
 * the '-' of none) in a money column: an accounting-format cell's sign,
 * printed at the cell's left edge, nearer the column before than the
 * figure's right-aligned label ("₹" ... "1,234.00"): the figure's cell's,
 * not a word of the cheque number or narration before it. */
static int currency_sign_column(const struct layout *l, const struct line *ln, uint32_t w, const struct header *h,
                                int col)
{
    const char *t = word_text(l, &l->words[w]);
    if (!text_role(h->cols[col].role) || w + 1 >= ln->first + ln->n || !token_is_currency_sign(t, strlen(t)))
        return col;
    const struct word *next = &l->words[w + 1];
    const char *nt = word_text(l, next);
    int nc = word_column(l, next, h);
    return nc != col && money_role(h->cols[nc].role) && (looks_money(nt) || !strcmp(nt, "-")) ? nc : col;
}

static bool one_space_after(int prev, int col, float gap, float sp)
{
    return prev >= 0 && col != prev && gap <= 1.1f * sp + 0.2f;
}

static bool is_date(const char *s)
{
    pb_day d;
    return token_parse_date(s, strlen(s), &d);
}

/* Text a date column may hold on a line of its own: a date, a day and
 * month without its year ("10NOV"), a time, a wrapped date's piece
 * (digits, a bracketed value date). */
static bool date_text(const char *s)
{
    size_t n = strlen(s);
    pb_day d;
    int mo, dd;
    if (!n || s[0] == '(' || s[n - 1] == ')' || token_is_time(s) || token_parse_date(s, n, &d) ||
        token_parse_day_month(s, n, &mo, &dd))
        return true;
    for (size_t i = 0; i < n; i++)
        if ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z'))
            return false;
    return true;
}

/* A cell's text starts where its column's label starts: a narration printed
 * under the date in one cell is aligned with that cell, a page's footer at
 * the margin left of it is not ("India Post Payments Bank. This is a system
 * generated statement." running from the date column into the narration's). */
static bool starts_under_label(float x0, const struct column *c)
{
    return fabsf(x0 - c->x0) <= 0.5f;
}

/* The date and the narration labels one space apart ('Date / Particulars'):
 * the two share one cell, the narration printed under the date. */
static bool date_and_narration_one_cell(const struct header *h, int d, float sp)
{
    return d + 1 < h->ncols && (h->cols[d].role == COL_DATE || h->cols[d].role == COL_VALUE_DATE) &&
           h->cols[d + 1].role == COL_NARRATION && h->cols[d + 1].x0 - h->cols[d].x1 <= 1.1f * sp + 0.5f;
}

/* Cell from's words become the start of cell to (which is empty). */
static void move_cell(struct cells *cs, int from, int to)
{
    memcpy(cs->c[to], cs->c[from], strlen(cs->c[from]) + 1);
    cs->x0[to] = cs->x0[from], cs->x1[to] = cs->x1[from];
    cs->firstw[to] = cs->firstw[from], cs->lastw[to] = cs->lastw[from];
    cs->multi[to] = cs->multi[from];
    cs->c[from][0] = 0;
    cs->x0[from] = INFINITY, cs->x1[from] = -INFINITY;
    cs->firstw[from] = cs->lastw[from] = 0;
    cs->multi[from] = false;
}

/* A space in the labels' font: the narrowest gap between words on the
 * header's lines (a monospaced font's is wider than a proportional one's). */
static float label_space(const struct layout *l, const struct header *h)
{
    float space = INFINITY;
    for (size_t i = h->first_line; i <= h->last_line && i < l->nlines; i++)
        if (l->lines[i].n > 1)
            space = fminf(space, line_space(l, &l->lines[i]));
    return isfinite(space) ? space : 0;
}

/* The same cell's narration wrapped onto a line of its own whose words
 * start in the date column ("repay" under ".../loan"): no date there and
 * nothing in the narration column, it is narration too. Whether the labels
 * are one space apart is told by a space of the line's font (monospaced:
 * as wide as a letter), and a line of one word shows none: the labels'
 * then. Returns the columns that became narration (a bit each): their
 * words reaching into the narration column are no footer crossing it. */
static unsigned narration_line_in_date_column(const struct layout *l, const struct header *h, const struct line *ln,
                                              struct cells *cs)
{
    unsigned moved = 0;
    float sp = fmaxf(0.3f * ln->size, ln->n > 1 ? line_space(l, ln) : label_space(l, h));
    for (int d = 0; d + 1 < h->ncols; d++)
        if (date_and_narration_one_cell(h, d, sp) && cs->c[d][0] && !cs->c[d + 1][0] &&
            starts_under_label(cs->x0[d], &h->cols[d]) && !date_text(cs->c[d])) {
            move_cell(cs, d, d + 1);
            moved |= 1u << (d + 1);
        }
    return moved;
}

static int below_column(const struct header *h)
{
    for (int i = 0; i < h->ncols; i++)
        if (h->cols[i].below)
            return i;
    return -1;
}

/* Under a header whose narration is printed below each row (struct
 * column.below): a line starting at the table's left edge with text that
 * is no date nor a number, and no figure in a money column, is the row's
 * narration, whatever columns its words cross (a date further on is the
 * narration's: "SB INT CREDIT 01-12-2024 TO 31-12-2024"). */
static void narration_below(const struct layout *l, const struct line *ln, const struct header *h, struct cells *cs)
{
    int n = below_column(h), first = h->cols[0].below ? 1 : 0;
    if (n < 0 || !ln->n || first >= h->ncols || l->words[ln->first].x0 >= h->cols[first].right)
        return;
    const char *lead = word_text(l, &l->words[ln->first]);
    if (date_text(lead) || lead[strspn(lead, "0123456789")] == 0)
        return;
    for (int i = 0; i < h->ncols; i++)
        if (cs->c[i][0] && money_role(h->cols[i].role) && looks_money(cs->c[i]))
            return;
    char *cell = cs->c[n];
    size_t len = 0;
    for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
        const char *t = word_text(l, &l->words[w]);
        size_t add = strlen(t);
        if (len + add + 2 >= CELL_MAX)
            break;
        if (len)
            cell[len++] = ' ';
        memcpy(cell + len, t, add + 1);
        len += add;
    }
    for (int i = 0; i < h->ncols; i++)
        if (i != n)
            cs->c[i][0] = 0;
    cs->multi[n] = ln->n > 1;
    cs->x0[n] = l->words[ln->first].x0;
    cs->x1[n] = l->words[ln->first + ln->n - 1].x1;
    cs->firstw[n] = l->words[ln->first].x1 - l->words[ln->first].x0;
    cs->lastw[n] = l->words[ln->first + ln->n - 1].x1 - l->words[ln->first + ln->n - 1].x0;
    cs->straddle = false;
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
    cs->ocr = ln->conf >= 0;
    unsigned crossed = 0;
    int prev = -1;                 /* the previous word's column */
    float space = INFINITY;        /* narrowest gap inside that cell so far */
    for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
        const struct word *wd = &l->words[w];
        int col = word_column(l, wd, h);
        float gap = w > ln->first ? wd->x0 - l->words[w - 1].x1 : INFINITY;
        /* a word one space after a text cell's words continues that cell
         * ("...Payment from Ph" running past the edge), unless it starts
         * right at the next column's edge, where that column's cells begin */
        float sp = isfinite(space) ? space : cells_first_space(h, wd); /* one word so far: a space of the rows' font */
        /* a word reaching back over a boundary from far after the text
         * before it is no overflow: a cell centred in its column, wider than
         * it; its centre decides. One starting at its column's edge, where
         * that column's cells begin, is that column's, however long (a
         * narration's first word running over into the next column) */
        int mid = column_at(h, (wd->x0 + wd->x1) / 2);
        if (mid != col && text_role(h->cols[col].role) && text_role(h->cols[mid].role) && gap > 2 * sp + 0.5f &&
            !at_edge(wd, &h->cols[col]))
            col = mid;
        bool one_space = prev >= 0 && col != prev && text_role(h->cols[prev].role) && gap <= 1.1f * sp + 0.2f;
        /* at the edge: the next column's cell, unless that column holds
         * figures and this word none ("...INDIA" / "CREDIT" over a cheque
         * number column: the narration runs on), or the column holds
         * references and this word is a date, which no cheque or reference
         * number is ("SB INT CREDIT 01-12-2022 TO" / "31-12-2022") */
        if (one_space && text_role(h->cols[col].role) &&
            (!at_edge(wd, &h->cols[col]) || (h->cols[col].figures && !strpbrk(word_text(l, wd), "0123456789")) ||
             (h->cols[col].role == COL_REF && is_date(word_text(l, wd)))))
            col = prev;
        /* the same into an empty amount column: words that are no amount */
        if (one_space && money_role(h->cols[col].role) && h->cols[col].role != COL_BALANCE &&
            !looks_money(word_text(l, wd)))
            col = prev;
        /* a word qualifying the cell before it one space on (a space of
         * the rows' font or the line's narrowest gap), past the boundary
         * into a text column: the cell's, not the text column's first word */
        if (prev >= 0 && col != prev && cs->c[prev][0] && text_role(h->cols[col].role) &&
            gap <= 1.1f * fmaxf(sp, line_space(l, ln)) + 0.2f && qualifies(h->cols[prev].role, cs->c[prev], word_text(l, wd)))
            col = prev;
        /* a narration printed under the date in one cell ('Date /
         * Particulars': the two labels one space apart): its first words fall
         * in the date column and the next one space after them in the
         * narration's; words there that are no date begin the narration
         * (one word so far: a space of the line's font, a monospaced one's
         * wider than a proportional font's) */
        float cell_sp = isfinite(space) ? space : fmaxf(sp, line_space(l, ln));
        if (one_space_after(prev, col, gap, cell_sp) && col == prev + 1 && date_and_narration_one_cell(h, prev, cell_sp) &&
            !cs->c[col][0] && starts_under_label(cs->x0[prev], &h->cols[prev]) && !date_text(cs->c[prev])) {
            move_cell(cs, prev, col);
            crossed &= ~(1u << col); /* its words reaching into the narration are the narration's */
        }
        col = currency_sign_column(l, ln, w, h, col);
        if (col != prev)
            space = INFINITY;
        else if (gap > 0.3f)
            space = fminf(space, gap);
        prev = col;
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
    crossed &= ~narration_line_in_date_column(l, h, ln, cs);
    for (int i = 0; i < h->ncols; i++)
        if ((crossed >> i & 1) && cs->c[i][0])
            cs->straddle = true;
    narration_below(l, ln, h, cs);
}
