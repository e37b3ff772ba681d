/* Header rows. See header.h. Words are cut into lower-case alphanumeric
 * tokens; a label on a lower header line joins the label above it that it
 * overlaps most; phrases are matched greedily, longest first, across small
 * gaps only; adjacent pieces with the same role merge. */
#include "extract/header.h"

#include "extract/token.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_HDR_TOKENS 96

static bool isalnum_ascii(char ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

struct htok {
    char t[24];
    float x0, x1, size;
    int line, word, cluster;
    int col; /* the header column it labels, -1 none */
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
                    profile_header_stem(h->t);
                    float wdth = wd->x1 - wd->x0;
                    h->x0 = wd->x0 + wdth * (float)a / (float)L;
                    h->x1 = wd->x0 + wdth * (float)b / (float)L;
                    h->size = wd->size > 0 ? wd->size : 8;
                    h->line = (int)(li - i);
                    h->word = (int)w;
                    h->col = -1;
                }
                a = b;
            }
            if (n == before && n < MAX_HDR_TOKENS && !strcmp(s, "#")) { /* "#" heads serial numbers */
                t[n] = (struct htok){"hash", wd->x0, wd->x1, wd->size > 0 ? wd->size : 8, (int)(li - i), (int)w, 0, -1};
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
    const struct phrase *ph = profile_phrases_from(PHRASE_HEADER, t[p].t, &np);
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

/* Words that only qualify a label: the currency of a money column
 * ("Debit (INR)", "Balance (in Rs.)"), or its side ("Withdrawal (Dr)",
 * "Amount (Dr/Cr)"). */
static bool is_qualifier(const char *tok, int role)
{
    static const char *const CUR[] = {"inr", "rs", "in", "rupees", "amt", "amount"};
    bool money = role == COL_DEBIT || role == COL_CREDIT || role == COL_AMOUNT || role == COL_BALANCE;
    if (!money)
        return false;
    for (size_t i = 0; i < sizeof CUR / sizeof *CUR; i++)
        if (!strcmp(tok, CUR[i]))
            return true;
    bool side = !strcmp(tok, "dr") || !strcmp(tok, "cr");
    return side && role != COL_DEBIT && role != COL_CREDIT ? true : side && ((role == COL_DEBIT) == !strcmp(tok, "dr"));
}

bool header_line_has_value(const struct layout *l, size_t li)
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

/* ---------- labels no phrase knows ---------- */

static void widen(struct column *col, const struct htok *a)
{
    col->x0 = fminf(col->x0, a->x0);
    col->x1 = fmaxf(col->x1, a->x1);
}

/* Words the phrases left unmatched. A run of them touching a matched
 * label belongs to it ("Amount" "Debited"): its role is only a guess then,
 * as far as money goes. A run apart is a column of its own, COL_UNKNOWN,
 * its role read from its cells later; on a lower header line only under a
 * label above ("Txn." over "Dt."). Returns whether anything was guessed. */
static bool one_label(const struct htok *a, const struct htok *b)
{
    return a->cluster == b->cluster || (a->line == b->line && b->x0 - a->x1 < 0.6f * a->size);
}

/* Token a is printed under a label on a line above (a stacked label's
 * lower part), not as a label of its own. */
static bool stacked(const struct htok *t, int n, int a)
{
    for (int b = 0; b < n; b++)
        if (t[b].line < t[a].line && t[b].cluster == t[a].cluster)
            return true;
    return false;
}

static bool unknown_labels(struct htok *t, int n, struct header *h)
{
    bool guessed = false;
    for (int p = 0; p < n;) {
        if (t[p].col >= 0) {
            p++;
            continue;
        }
        int q = p + 1;
        while (q < n && t[q].col < 0 && one_label(&t[q - 1], &t[q]))
            q++;
        int to = -1;
        if (p > 0 && t[p - 1].col >= 0 && one_label(&t[p - 1], &t[p]))
            to = t[p - 1].col;
        else if (q < n && t[q].col >= 0 && one_label(&t[q - 1], &t[q]))
            to = t[q].col;
        bool upper = false;
        for (int a = p; a < q; a++)
            upper |= t[a].line == 0;
        for (int a = 0; a < n && !upper; a++) /* stacked under a label above */
            upper = t[a].line < t[p].line && t[a].cluster == t[p].cluster;
        for (int a = 0; a < n && !upper; a++) /* or beside a label standing alone on its line */
            upper = t[a].line == t[p].line && t[a].col >= 0 && !stacked(t, n, a);
        if (to < 0 && upper && h->ncols < TABLE_MAX_COLS) {
            to = h->ncols++;
            h->cols[to] = (struct column){.role = COL_UNKNOWN, .x0 = INFINITY, .x1 = -INFINITY, .unnamed = true};
        }
        if (to >= 0) {
            h->cols[to].guess = true;
            guessed = true;
            for (int a = p; a < q; a++) {
                t[a].col = to;
                widen(&h->cols[to], &t[a]);
            }
        }
        p = q;
    }
    return guessed;
}

static bool may_start_header(const struct layout *l, size_t i);

enum cellkind { CK_EMPTY, CK_DATE, CK_MONEY, CK_DRCR, CK_INT, CK_TEXT, CK__COUNT };

static enum cellkind cell_kind(const char *s)
{
    size_t len = strlen(s), sp = strcspn(s, " ");
    pb_day d;
    pb_paise v;
    int mark, mo, dd;
    if (!len)
        return CK_EMPTY;
    if (token_parse_date(s, len, &d) || token_parse_date(s, sp, &d) || token_parse_day_month(s, len, &mo, &dd))
        return CK_DATE;
    if (token_drcr(s, len))
        return CK_DRCR;
    if (strspn(s, "0123456789") == len && len <= 5)
        return CK_INT;
    if (strpbrk(s, ".,") && strpbrk(s, "0123456789") && token_parse_amount(s, len, &v, &mark))
        return CK_MONEY;
    return CK_TEXT;
}

static bool money(enum col_role r)
{
    return r == COL_DEBIT || r == COL_CREDIT || r == COL_AMOUNT || r == COL_BALANCE;
}

/* Money roles where a label left them open: the balance is the rightmost
 * money column (unless a label names it), the one other money column an
 * amount, two others debit then credit (unless a label names one side).
 * The balance chain may choose otherwise (table_readings.c). */
static void money_roles(struct header *h)
{
    int mc[TABLE_MAX_COLS], nm = 0, bal = -1;
    bool any = false;
    for (int a = 0; a < h->ncols; a++)
        if (money(h->cols[a].role)) {
            mc[nm++] = a;
            any |= h->cols[a].guess;
            if (h->cols[a].role == COL_BALANCE && !h->cols[a].guess)
                bal = a;
        }
    if (!any || nm < 2)
        return;
    if (bal < 0)
        bal = mc[nm - 1];
    h->cols[bal].role = COL_BALANCE;
    int rest[TABLE_MAX_COLS], nr = 0;
    for (int a = 0; a < nm; a++)
        if (mc[a] != bal)
            rest[nr++] = mc[a];
    if (nr == 1 && h->cols[rest[0]].guess) {
        h->cols[rest[0]].role = COL_AMOUNT;
    } else if (nr == 2) {
        struct column *x = &h->cols[rest[0]], *y = &h->cols[rest[1]];
        if (!x->guess && (x->role == COL_DEBIT || x->role == COL_CREDIT))
            y->role = x->role == COL_DEBIT ? COL_CREDIT : COL_DEBIT;
        else if (!y->guess && (y->role == COL_DEBIT || y->role == COL_CREDIT))
            x->role = y->role == COL_DEBIT ? COL_CREDIT : COL_DEBIT;
        else
            x->role = COL_DEBIT, y->role = COL_CREDIT;
    }
}

/* Roles of the unknown columns from the cells of the lines below the
 * header (from line `from`, on its page): dates, amounts, Dr/Cr markers,
 * serial numbers or text. Returns false when too few lines show it. */
/* Does a column's content suit a label's role? */
static bool kind_suits(enum cellkind k, enum col_role r)
{
    switch (k) {
    case CK_EMPTY: /* a piece of a label with no cells of its own */
        return true;
    case CK_TEXT:
        return r == COL_NARRATION || r == COL_REF || r == COL_OTHER;
    case CK_DATE:
        return r == COL_DATE || r == COL_VALUE_DATE;
    case CK_MONEY:
        return money(r);
    case CK_INT:
        return r == COL_SLNO;
    default:
        return false;
    }
}

/* Labels sit as close as the words inside them ("Txn Description",
 * "Booking Date"): an unnamed run right beside a named label whose cells
 * are of the label's kind is part of that label. */
static bool textual(enum cellkind k)
{
    return k == CK_TEXT || k == CK_EMPTY;
}

/* May unnamed column a join its neighbour b? */
static bool joins(const struct header *h, const enum cellkind *kinds, int a, int b, float size)
{
    const struct column *l = &h->cols[a < b ? a : b], *r = &h->cols[a < b ? b : a];
    if (r->x0 - l->x1 >= size)
        return false;
    /* amounts under both: two money columns ("Inflow" beside "Book
     * Balance"), however close their labels */
    if (kinds[a] == CK_MONEY && kinds[b] == CK_MONEY)
        return false;
    if (!h->cols[b].unnamed)
        return kind_suits(kinds[a], h->cols[b].role);
    return textual(kinds[a]) && textual(kinds[b]); /* "Nature of" + "Txn": one text label */
}

static void merge_unnamed(struct header *h, enum cellkind *kinds, int *timed, float size)
{
    for (int a = 0; a < h->ncols;) {
        int b = -1;
        if (h->cols[a].unnamed) {
            if (a + 1 < h->ncols && joins(h, kinds, a, a + 1, size))
                b = a + 1;
            else if (a > 0 && joins(h, kinds, a, a - 1, size))
                b = a - 1;
        }
        if (b < 0) {
            a++;
            continue;
        }
        h->cols[b].x0 = fminf(h->cols[b].x0, h->cols[a].x0);
        h->cols[b].x1 = fmaxf(h->cols[b].x1, h->cols[a].x1);
        h->cols[b].guess = true;
        if (!kind_suits(kinds[b], h->cols[b].role) || kinds[b] == CK_EMPTY)
            kinds[b] = kinds[a]; /* the cells fell under the unnamed part */
        timed[b] = timed[a] > timed[b] ? timed[a] : timed[b];
        memmove(&h->cols[a], &h->cols[a + 1], (size_t)(h->ncols - a - 1) * sizeof *h->cols);
        memmove(&kinds[a], &kinds[a + 1], (size_t)(h->ncols - a - 1) * sizeof *kinds);
        memmove(&timed[a], &timed[a + 1], (size_t)(h->ncols - a - 1) * sizeof *timed);
        h->ncols--;
    }
}

/* A date cell that also prints a time of day ("03.06.2024 04:59:22 PM"). */
static bool timed_date(const char *s)
{
    const char *c = strchr(s, ':');
    return c && c > s && c[-1] >= '0' && c[-1] <= '9' && c[1] >= '0' && c[1] <= '9';
}

/* Two date columns whose labels leave open which is which: the one
 * printing the time of day is the transaction's (a posting is stamped
 * with its time; a value date is a day for interest); failing that, the
 * first. */
static void order_dates(struct header *h, const enum cellkind *kinds, const int *timed, int lines)
{
    int d = header_col(h, COL_DATE), v = header_col(h, COL_VALUE_DATE);
    if (d < 0 || v < 0 || !h->cols[d].guess || !h->cols[v].guess || kinds[d] != CK_DATE || kinds[v] != CK_DATE)
        return;
    if (timed[v] * 2 > lines && timed[d] * 5 < lines) {
        h->cols[d].role = COL_VALUE_DATE;
        h->cols[v].role = COL_DATE;
    }
}

static bool roles_from_cells(const struct layout *l, size_t from, float size, struct header *h)
{
    static __thread char cell[TABLE_MAX_COLS][160];
    int count[TABLE_MAX_COLS][CK__COUNT], timed[TABLE_MAX_COLS];
    size_t textlen[TABLE_MAX_COLS];
    memset(count, 0, sizeof count);
    memset(timed, 0, sizeof timed);
    memset(textlen, 0, sizeof textlen);
    int lines = 0, page = from < l->nlines ? l->lines[from].page : -1, cont = -1, above = 0;
    for (size_t j = from; j < l->nlines && lines < 40; j++) {
        const struct line *ln = &l->lines[j];
        /* a header at a page's foot, with too few lines under it to tell
         * (a section's lone first row): the rows go on on the next page,
         * under its letterhead and the header repeated (-1: on the
         * header's page; 0: above the repeated header; 1: under it) */
        if (ln->page != page) {
            if (lines >= 3 || cont >= 0 || ln->page != page + 1)
                break;
            page = ln->page;
            cont = 0;
        }
        bool label = may_start_header(l, j) && !header_line_has_value(l, j);
        if (cont == 0 || (cont == 1 && label && lines == above)) { /* a stacked header's lower line too */
            cont = label ? 1 : cont;
            above = lines;
            continue;
        }
        if (label)
            break; /* another table's header: its cells are not these */
        for (int a = 0; a < h->ncols; a++)
            cell[a][0] = 0;
        float lo = h->cols[0].x0 - 3 * size, hi = h->cols[h->ncols - 1].x1 + 3 * size;
        for (uint32_t w = ln->first; w < ln->first + ln->n;) {
            if (l->words[w].x1 < lo || l->words[w].x0 > hi) { /* not under the header */
                w++;
                continue;
            }
            /* a date printed as words ("01 October 2023") goes as one */
            uint32_t e = w + 1;
            char join[96] = "";
            for (uint32_t v = w; v < w + 3 && v < ln->first + ln->n; v++) {
                size_t m = strlen(join);
                snprintf(join + m, sizeof join - m, "%s%s", m ? " " : "", word_text(l, &l->words[v]));
                pb_day d;
                if (v > w && token_parse_date(join, strlen(join), &d))
                    e = v + 1;
            }
            float mid = (l->words[w].x0 + l->words[e - 1].x1) / 2;
            int a = 0;
            while (a + 1 < h->ncols && mid > (h->cols[a].x1 + h->cols[a + 1].x0) / 2)
                a++;
            for (; w < e; w++) {
                size_t m = strlen(cell[a]);
                snprintf(cell[a] + m, sizeof cell[a] - m, "%s%s", m ? " " : "", word_text(l, &l->words[w]));
            }
        }
        int filled = 0;
        for (int a = 0; a < h->ncols; a++)
            filled += cell[a][0] != 0;
        if (filled < 2)
            continue;
        lines++;
        for (int a = 0; a < h->ncols; a++) {
            enum cellkind kd = cell_kind(cell[a]);
            count[a][kd]++;
            timed[a] += kd == CK_DATE && timed_date(cell[a]);
            if (kd == CK_TEXT)
                textlen[a] += strlen(cell[a]);
        }
    }
    if (lines < 3)
        return false;
    bool date = false, vdate = false, narr = false;
    for (int a = 0; a < h->ncols; a++) {
        date |= h->cols[a].role == COL_DATE;
        vdate |= h->cols[a].role == COL_VALUE_DATE;
        narr |= h->cols[a].role == COL_NARRATION;
    }
    int text_best = -1;
    bool date_left = false;
    enum cellkind kinds[TABLE_MAX_COLS];
    for (int a = 0; a < h->ncols; a++) {
        enum cellkind kd = CK_EMPTY;
        for (int k2 = CK_DATE; k2 < CK__COUNT; k2++)
            if (count[a][k2] > count[a][kd] || kd == CK_EMPTY)
                kd = count[a][k2] ? (enum cellkind)k2 : kd;
        kinds[a] = kd;
    }
    merge_unnamed(h, kinds, timed, size);
    for (int a = 0; a < h->ncols; a++) {
        struct column *col = &h->cols[a];
        enum cellkind kd = kinds[a];
        /* a second date column whose label is only partly known ("Effective
         * Date" beside "Txn Date"), or a second one labelled only "Date", is
         * the value date */
        if (col->role == COL_DATE && (col->guess || kd == CK_DATE) && date_left && !vdate) {
            col->role = COL_VALUE_DATE;
            vdate = true;
        }
        date_left |= col->role == COL_DATE;
        if (col->role != COL_UNKNOWN) {
            if (col->guess && money(col->role) && kd != CK_MONEY)
                col->guess = false; /* a partly known label over no amounts: keep its words' role */
            continue;
        }
        switch (kd) {
        case CK_DATE:
            col->role = !date ? COL_DATE : !vdate ? COL_VALUE_DATE : COL_OTHER;
            date = true;
            vdate |= col->role == COL_VALUE_DATE;
            break;
        case CK_MONEY:
            col->role = COL_AMOUNT;
            break;
        case CK_DRCR:
            col->role = COL_DRCR;
            break;
        case CK_INT:
            col->role = COL_SLNO;
            break;
        case CK_TEXT:
            col->role = COL_OTHER;
            if (!narr && (text_best < 0 || textlen[a] > textlen[text_best]))
                text_best = a;
            break;
        default:
            col->role = COL_OTHER;
        }
    }
    if (text_best >= 0)
        h->cols[text_best].role = COL_NARRATION;
    money_roles(h);
    order_dates(h, kinds, timed, lines);
    /* what the cells show must be a table of transactions: its first date
     * column holds dates, some money column amounts */
    bool dates = false, amounts = false;
    for (int a = 0; a < h->ncols; a++) {
        enum col_role r = h->cols[a].role;
        if (r == COL_DATE || r == COL_VALUE_DATE) {
            dates = kinds[a] == CK_DATE;
            break;
        }
    }
    for (int a = 0; a < h->ncols; a++) {
        amounts |= money(h->cols[a].role) && kinds[a] == CK_MONEY;
        if (h->cols[a].role == COL_BALANCE && kinds[a] != CK_MONEY)
            amounts = false; /* the balances fell elsewhere: columns misread, no table rather than a wrong one */
    }
    if (getenv("PB_TABLE_DEBUG") && !strcmp(getenv("PB_TABLE_DEBUG"), "2")) {
        fprintf(stderr, "cells below (%d lines):", lines);
        for (int a = 0; a < h->ncols; a++)
            fprintf(stderr, " [%d kind %d%s %.0f-%.0f]", h->cols[a].role, kinds[a], h->cols[a].guess ? "?" : "",
                    h->cols[a].x0, h->cols[a].x1);
        fprintf(stderr, " -> %s\n", dates && amounts ? "table" : "not a table");
    }
    return dates && amounts;
}

int header_match(const struct layout *l, size_t i, size_t k, struct header *h)
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
        while (p + len < n && is_qualifier(t[p + len].t, role) && tokens_adjacent(&t[p + len - 1], &t[p + len], c))
            len++;
        /* "Amount" over "Credited": one stacked label, its side the role */
        int into = -1;
        if (p > 0 && t[p - 1].col >= 0 && t[p - 1].cluster == t[p].cluster &&
            (role == COL_DEBIT || role == COL_CREDIT) && h->cols[t[p - 1].col].role == COL_AMOUNT) {
            into = t[p - 1].col;
            h->cols[into].role = (enum col_role)role;
        } else if (h->ncols < TABLE_MAX_COLS) {
            into = h->ncols++;
            h->cols[into].role = (enum col_role)role;
            h->cols[into].x0 = INFINITY;
            h->cols[into].x1 = -INFINITY;
        }
        for (int q = p; q < p + len && into >= 0; q++) {
            h->cols[into].x0 = fminf(h->cols[into].x0, t[q].x0);
            h->cols[into].x1 = fmaxf(h->cols[into].x1, t[q].x1);
        }
        roles |= 1u << role;
        matched += len;
        for (int q = p; q < p + len; q++) {
            t[q].word = -1; /* matched */
            t[q].col = into;
        }
        p += len;
    }
    bool guessed = unknown_labels(t, n, h);
    /* each stacked line must itself be header words (not the first row's
     * text below, nor a title above) */
    for (size_t ln = 0; ln < k && k > 1; ln++) {
        int all = 0, hit = 0;
        for (int a = 0; a < n; a++)
            if (t[a].line == (int)ln) {
                all++;
                /* named by a phrase; on the top line also a word of a
                 * label a phrase names in part ("Txn." over "Dt.") */
                hit += t[a].word == -1 || (ln == 0 && t[a].col >= 0 && h->cols[t[a].col].role != COL_UNKNOWN);
            }
        if (all && hit * 2 < all) {
            h->ncols = 0;
            return 0;
        }
    }
    /* left to right */
    for (int a = 1; a < h->ncols; a++)
        for (int b = a; b > 0 && h->cols[b].x0 < h->cols[b - 1].x0; b--) {
            struct column tmp = h->cols[b];
            h->cols[b] = h->cols[b - 1];
            h->cols[b - 1] = tmp;
        }
    if (guessed) {
        /* a label no phrase knows: its role from the cells below, and the
         * words that are known must still be a fair part of the line, in
         * two labels at least ("Account Type : SAVINGS" is no header) */
        int named = 0;
        for (int a = 0; a < h->ncols; a++)
            named += !h->cols[a].unnamed;
        if (named < 2 || matched * 10 < n * 3 || !roles_from_cells(l, i + k, t[0].size, h)) {
            h->ncols = 0;
            return 0;
        }
        roles = 0;
        for (int a = 0; a < h->ncols; a++)
            roles |= 1u << h->cols[a].role;
    }
    int distinct = __builtin_popcount(roles & ~(1u << COL_OTHER | 1u << COL_UNKNOWN));
    bool has_date = roles & (1u << COL_DATE | 1u << COL_VALUE_DATE);
    bool has_money = roles & (1u << COL_DEBIT | 1u << COL_CREDIT | 1u << COL_AMOUNT | 1u << COL_BALANCE);
    if (distinct < 3 || !has_date || !has_money || (!guessed && matched * 10 < n * 6)) {
        h->ncols = 0;
        return 0;
    }
    /* a "Dr/Cr" or "Debit/Credit" label over the only money column but the
     * balance: the amounts carry their markers ("1,200.00 Dr") */
    if (!(roles & (1u << COL_DEBIT | 1u << COL_CREDIT | 1u << COL_AMOUNT)))
        for (int a = 0; a < h->ncols; a++)
            if (h->cols[a].role == COL_DRCR && !(a > 0 && h->cols[a - 1].role == COL_BALANCE)) {
                h->cols[a].role = COL_AMOUNT;
                break;
            }
    /* pieces of one stacked label ("Ref No./Cheque" over "No.") that
     * matched separately are one column */
    for (int a = 1; a < h->ncols;) {
        struct column *p = &h->cols[a - 1], *q = &h->cols[a];
        /* "Date" over "(Value Date)": one column, the value date printed
         * under the date in the same cell */
        bool date_pair = p->role == COL_DATE && q->role == COL_VALUE_DATE && q->x0 < p->x1;
        if (date_pair || (p->role == q->role && q->role != COL_DRCR && q->x0 - p->x1 < 4 * t[0].size)) {
            p->x1 = fmaxf(p->x1, q->x1);
            memmove(q, q + 1, (size_t)(h->ncols - a - 1) * sizeof *q);
            h->ncols--;
        } else {
            a++;
        }
    }
    h->first_line = i;
    h->last_line = i + k - 1;
    /* the score counts roles of labels the phrases name (if only in part):
     * a reading of unknown labels is never preferred to one that knows */
    unsigned named = 0;
    for (int a = 0; a < h->ncols; a++)
        named |= h->cols[a].unnamed ? 0 : 1u << h->cols[a].role;
    int score = __builtin_popcount(named & ~(1u << COL_OTHER | 1u << COL_UNKNOWN));
    return score > 0 ? score : 1;
}

/* Could line i start a header? At least two of its words begin a column
 * label (cheap: most lines of a statement are rows). */
static bool may_start_header(const struct layout *l, size_t i)
{
    const struct line *ln = &l->lines[i];
    int starts = 0;
    for (uint32_t w = ln->first; w < ln->first + ln->n && starts < 2; w++) {
        char tok[4][24];
        int nt = profile_tokenize(word_text(l, &l->words[w]), tok, 4);
        for (int k = 0; k < nt; k++) {
            size_t np;
            profile_header_stem(tok[k]);
            profile_phrases_from(PHRASE_HEADER, tok[k], &np);
            starts += np > 0;
        }
    }
    return starts >= 2;
}

/* Header lines are close and in one font size: a letterhead above the
 * header is not part of it. */
static bool close_lines(const struct layout *l, size_t upper, size_t lower)
{
    const struct line *a = &l->lines[upper], *b = &l->lines[lower];
    float sz = fmaxf(fminf(a->size, b->size), 4);
    return a->page == b->page && b->base - a->base <= 1.8f * sz && fabsf(a->size - b->size) <= 0.3f * sz;
}

/* The best header starting at line i (stacked over up to 3 close lines; a
 * lower line of label words belongs to it even when it adds no column:
 * "Cheque" over "No."). */
int header_find_at(const struct layout *l, size_t i, size_t page_start, size_t page_end, struct header *best)
{
    int bestscore = 0;
    if (!may_start_header(l, i))
        return 0;
    for (size_t k = 1; k <= 3 && i + k <= page_end; k++) {
        if (k > 1 && (!close_lines(l, i + k - 2, i + k - 1) || header_line_has_value(l, i + k - 1)))
            break;
        struct header h;
        int s = header_match(l, i, k, &h);
        if (s > bestscore || (s == bestscore && s && h.ncols >= best->ncols)) {
            bestscore = s;
            *best = h;
        }
    }
    /* a label printed above the others, centred in a two-line band
     * ("Value" over the line holding "Date") */
    if (bestscore && i > page_start && best->last_line - best->first_line < 2 && close_lines(l, i - 1, i) &&
        !header_line_has_value(l, i - 1)) {
        struct header h;
        int s = header_match(l, i - 1, best->last_line - best->first_line + 2, &h);
        if (s >= bestscore && h.ncols >= best->ncols) {
            bestscore = s;
            *best = h;
        }
    }
    return bestscore;
}

bool header_same_layout(const struct header *a, const struct header *b)
{
    if (a->ncols != b->ncols)
        return false;
    for (int i = 0; i < a->ncols; i++)
        if (a->cols[i].role != b->cols[i].role || fabsf(a->cols[i].x0 - b->cols[i].x0) > 4)
            return false;
    return true;
}

int header_col(const struct header *h, enum col_role r)
{
    for (int i = 0; i < h->ncols; i++)
        if (h->cols[i].role == r)
            return i;
    return -1;
}
