/* A table printed without column labels: a passbook's pages carry them on
 * the paper, so the printer's copy of a passbook has none on any page.
 * The columns come from the rows themselves: lines that begin with a date,
 * money whose right edges line up (the last such column on every row: the
 * balance), a column of long digit strings before the money (cheque
 * numbers), the narration between. The money columns' roles before the
 * balance are guesses the balance chain chooses among (table_readings.c). */
#include <stdlib.h>
#include <string.h>

#include "extract/table_parts.h"
#include "extract/token.h"

#define EDGE_SLACK 2.5f /* points: right-aligned money of one column */
#define MAX_EDGES 8

struct edge {
    float at, x0, x1; /* the right edge; the words' extent */
    int n;
};

static bool word_is_date(const struct layout *l, const struct word *w)
{
    pb_day d;
    const char *t = word_text(l, w);
    return token_parse_date(t, strlen(t), &d);
}

static bool word_is_money(const struct layout *l, const struct word *w)
{
    pb_paise v;
    int m;
    const char *t = word_text(l, w);
    return strchr(t, '.') && token_parse_amount(t, strlen(t), &v, &m);
}

static bool word_is_number(const char *t)
{
    size_t n = strlen(t);
    if (n < 5)
        return false;
    for (size_t i = 0; i < n; i++)
        if (t[i] < '0' || t[i] > '9')
            return false;
    return true;
}

static void add_edge(struct edge *e, int *ne, float at, const struct word *w)
{
    for (int k = 0; k < *ne; k++)
        if (at > e[k].at - EDGE_SLACK && at < e[k].at + EDGE_SLACK) {
            e[k].n++;
            e[k].x0 = w->x0 < e[k].x0 ? w->x0 : e[k].x0;
            e[k].x1 = w->x1 > e[k].x1 ? w->x1 : e[k].x1;
            return;
        }
    if (*ne < MAX_EDGES)
        e[(*ne)++] = (struct edge){at, w->x0, w->x1, 1};
}

static int by_at(const void *a, const void *b)
{
    float x = ((const struct edge *)a)->at, y = ((const struct edge *)b)->at;
    return (x > y) - (x < y);
}

/* A line that may be a row: a date first and money last. */
static bool row_like(const struct layout *l, const struct line *ln)
{
    return ln->n >= 3 && word_is_date(l, &l->words[ln->first]) &&
           word_is_money(l, &l->words[ln->first + ln->n - 1]);
}

static void add_col(struct header *h, enum col_role role, float x0, float x1, bool guess)
{
    struct column *c = &h->cols[h->ncols++];
    memset(c, 0, sizeof *c);
    c->role = role;
    c->x0 = c->label_x0 = x0;
    c->x1 = c->label_x1 = x1;
    c->guess = guess;
    c->unnamed = true;
    c->lead_x1 = c->lead_x0 - 1;
    c->tail_x1 = c->tail_x0 - 1;
}

/* The columns of the row-like lines, or false when they do not make a
 * table: fewer than three rows, a balance missing from a fifth of them,
 * other than two or three money columns. */
static bool columns_of_rows(const struct layout *l, const size_t *rows, size_t n, struct header *h)
{
    struct edge money[MAX_EDGES], refs[MAX_EDGES];
    int nm = 0, nr = 0;
    float date_x0 = 1e9f, date_x1 = 0, text_x0 = 1e9f;
    for (size_t i = 0; i < n; i++) {
        const struct line *ln = &l->lines[rows[i]];
        const struct word *d = &l->words[ln->first];
        date_x0 = d->x0 < date_x0 ? d->x0 : date_x0;
        date_x1 = d->x1 > date_x1 ? d->x1 : date_x1;
        for (uint32_t k = 1; k < ln->n; k++) {
            const struct word *w = &l->words[ln->first + k];
            if (word_is_money(l, w))
                add_edge(money, &nm, w->x1, w);
            else if (word_is_number(word_text(l, w)) && k > 1)
                add_edge(refs, &nr, w->x0, w);
            else if (k == 1 && w->x0 < text_x0)
                text_x0 = w->x0;
        }
    }
    qsort(money, (size_t)nm, sizeof *money, by_at);
    /* money in a narration lines up with nothing; right of the first
     * column that lines up, one amount is a column (a single deposit) */
    int keep = 0;
    for (int k = 0; k < nm; k++)
        if (money[k].n >= 2 || keep)
            money[keep++] = money[k];
    if (keep < 2 || keep > 3 || money[keep - 1].n * 5 < (int)n * 4)
        return false;
    memset(h, 0, sizeof *h);
    add_col(h, COL_DATE, date_x0, date_x1, false);
    const struct edge *ref = NULL;
    for (int k = 0; k < nr; k++)
        if (refs[k].n >= 2 && refs[k].x1 < money[0].x0 && (!ref || refs[k].n > ref->n))
            ref = &refs[k];
    float narr_x1 = ref ? ref->x0 - 1 : money[0].x0 - 1;
    if (text_x0 >= narr_x1)
        return false;
    add_col(h, COL_NARRATION, text_x0, narr_x1, false);
    if (ref)
        add_col(h, COL_REF, ref->x0, ref->x1, false);
    if (keep == 3) {
        add_col(h, COL_DEBIT, money[0].x0, money[0].x1, true);
        add_col(h, COL_CREDIT, money[1].x0, money[1].x1, true);
    } else {
        add_col(h, COL_AMOUNT, money[0].x0, money[0].x1, false);
    }
    add_col(h, COL_BALANCE, money[keep - 1].x0, money[keep - 1].x1, false);
    return true;
}

/* Text lines right above the first row, inside the narration column and
 * as close to it as a row's own lines: that row's narration printed above
 * its date line (cells centred or at the foot of their rows). The rows
 * start at the first of them. */
static size_t rows_start(const struct layout *l, size_t first, const struct header *h)
{
    const struct column *narr = &h->cols[header_col(h, COL_NARRATION)];
    size_t s = first;
    while (s > 1 && first - s < 3) { /* line 0 stays before the rows */
        const struct line *ln = &l->lines[s - 1], *below = &l->lines[s];
        if (!ln->n || ln->page != below->page || below->base - ln->base > 1.6f * (ln->size > 4 ? ln->size : 4) ||
            l->words[ln->first].x0 < narr->x0 - 1 || l->words[ln->first + ln->n - 1].x1 > narr->x1 + 1)
            break;
        s--;
    }
    return s;
}

bool table_unlabelled_header(const struct layout *l, struct page_header *ph)
{
    size_t *rows = malloc((l->nlines + 1) * sizeof *rows), n = 0;
    if (!rows)
        return false;
    for (size_t i = 0; i < l->nlines; i++)
        if (row_like(l, &l->lines[i]))
            rows[n++] = i;
    bool ok = n >= 3 && rows[0] > 0 && columns_of_rows(l, rows, n, &ph[l->lines[rows[0]].page].h);
    if (ok) {
        struct page_header *p = &ph[l->lines[rows[0]].page];
        p->found = true;
        /* no header lines: the rows start at the first one (or at its
         * narration printed above it) */
        p->h.first_line = rows_start(l, rows[0], &p->h);
        p->h.last_line = p->h.first_line - 1;
    }
    free(rows);
    return ok;
}
