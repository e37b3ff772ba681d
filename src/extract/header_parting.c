/* Label parting: one printed label that the cells below show is several
 * columns' labels, parted where the cells part: a serial number's label
 * joined to the date's (a small number then a date in every cell), unnamed
 * words a space after a named label over cells its role does not suit,
 * and a label over the date and the narration printed in one cell. The
 * cells decide, never the words. See header_parts.h. */
#include "extract/header_parts.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "extract/cells.h"
#include "extract/token.h"

/* A small whole number, a space, then a date ("1 01-02-24"): a serial
 * number's cell and a date's read as one. */
static bool serial_then_date(const char *s)
{
    size_t sp = strcspn(s, " ");
    pb_day d;
    return sp >= 1 && sp <= 5 && strspn(s, "0123456789") == sp && s[sp] == ' ' &&
           token_parse_date(s + sp + 1, strlen(s + sp + 1), &d);
}

/* Where the cells of column a that are a small number then a date part
 * (from line `from` on, the lines its roles are read from): the numbers'
 * left and right edges and the dates' left edge. False when no such cell
 * shows them apart. */
struct serial_edges {
    float num_x0, num_x1, date_x0;
};

static bool serial_date_edges(const struct layout *l, size_t from, float size, const struct header *h, int a,
                              struct serial_edges *e)
{
    *e = (struct serial_edges){INFINITY, -INFINITY, INFINITY};
    const struct column *c = &h->cols[a];
    struct sampler sp = header_sampler_at(l, from);
    size_t j;
    while (sp.lines < SAMPLE_LINES && header_sample_next(l, &sp, &j)) {
        const struct line *ln = &l->lines[j];
        sp.lines++;
        uint32_t w = ln->first, end = ln->first + ln->n;
        while (w < end && l->words[w].x1 < c->x0 - size)
            w++;
        if (w + 1 >= end || l->words[w].x0 > c->x1)
            continue;
        const char *num = word_text(l, &l->words[w]);
        size_t n = strlen(num);
        /* the date may be printed as words ("05 October 2022") */
        if (n < 1 || n > 5 || strspn(num, "0123456789") != n || !cells_date_words(l, ln, w + 1))
            continue;
        e->num_x0 = fminf(e->num_x0, l->words[w].x0);
        e->num_x1 = fmaxf(e->num_x1, l->words[w].x1);
        e->date_x0 = fminf(e->date_x0, l->words[w + 1].x0);
    }
    return e->num_x1 < e->date_x0 && e->date_x0 < INFINITY;
}

/* A serial number's label joined to the date's: printed a space before
 * it ("LN DATE" in a monospaced font, header.c), or its words run into
 * one label ("Ser. Txn." over "Dt."). Where most of that column's cells
 * are a small number then a date, the numbers are a column of their own,
 * its role read from its cells like any unnamed label's, parted where
 * the cells part: the numbers' right edge, the dates' left edge (a date
 * label's unknown word joined to the lead, "Row Booking" before "Date",
 * goes with the dates printed under it). Without those edges, at the
 * words that joined (header.c's lead); with neither, left as it is. */
void header_part_serial_lead(const struct layout *l, size_t from, float size, struct header *h)
{
    static __thread char cell[TABLE_MAX_COLS][SAMPLE_CELL];
    for (int a = 0; a < h->ncols && h->ncols < TABLE_MAX_COLS; a++) {
        struct column *c = &h->cols[a];
        if (c->role != COL_DATE && c->role != COL_VALUE_DATE)
            continue;
        int both = 0, filled = 0;
        struct sampler sp = header_sampler_at(l, from);
        while (header_sample_cells(l, &sp, h, size, cell)) {
            filled += cell[a][0] != 0;
            both += serial_then_date(cell[a]);
        }
        if (both < 2 || 2 * both <= filled)
            continue;
        struct serial_edges e;
        bool lead = c->lead_x1 > c->lead_x0;
        struct column num = {.role = COL_UNKNOWN, .guess = true, .unnamed = true};
        if (serial_date_edges(l, from, size, h, a, &e) && (lead || e.num_x0 >= c->x0)) {
            num.x0 = fminf(c->x0, e.num_x0);
            num.x1 = e.num_x1;
            c->x0 = e.date_x0;
        } else if (lead) {
            num.x0 = c->lead_x0;
            num.x1 = c->lead_x1;
            c->x0 = c->label_x0;
        } else {
            continue;
        }
        c->lead_x0 = c->lead_x1 = 0;
        header_open_column(h, NULL, a);
        h->cols[a] = num;
        a++;
    }
}

/* The right edge of the dates printed under column a's label (from line
 * `from` on, the lines its roles are read from): a date starting under
 * the label, in one word or in words ("01 December 2022"). */
static float dates_right(const struct layout *l, size_t from, float size, const struct header *h, int a)
{
    float right = h->cols[a].x0;
    struct sampler sp = header_sampler_at(l, from);
    size_t j;
    while (sp.lines < SAMPLE_LINES && header_sample_next(l, &sp, &j)) {
        const struct line *ln = &l->lines[j];
        sp.lines++;
        for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
            const struct word *wd = &l->words[w];
            uint32_t n = wd->x0 >= h->cols[a].x0 - size && wd->x0 <= h->cols[a].x1 ? cells_date_words(l, ln, w) : 0;
            if (n)
                right = fmaxf(right, l->words[w + n - 1].x1);
        }
    }
    return right;
}

/* Lines of those the roles are read from that print text starting under
 * column a and no date: a narration printed under the date in the date's
 * own cell (a long one reaching under the labels beside), on a line of
 * its own or with the row's amounts beside it (the date alone above). */
static int text_lines_under(const struct layout *l, size_t from, float size, const struct header *h, int a)
{
    static __thread char cell[TABLE_MAX_COLS][SAMPLE_CELL];
    struct sampler sp = header_sampler_at(l, from);
    size_t j;
    int n = 0;
    while (sp.lines < SAMPLE_LINES && header_sample_next(l, &sp, &j)) {
        sp.lines++;
        if (!header_cells_under(l, j, h, size, cell) || header_cell_kind(cell[a]) != CK_TEXT)
            continue;
        bool dateless = true;
        for (int b = 0; b < h->ncols && dateless; b++)
            dateless = header_cell_kind(cell[b]) != CK_DATE;
        n += dateless;
    }
    return n;
}

/* The column printing the date and the narration in one cell, or -1: a
 * narration label over dates with no date label; or, with no narration
 * label either, a label whose words name nothing over dates, with lines
 * of text only starting under it for half its dates or more (the
 * narration under each date). */
static int date_and_narration_column(const struct layout *l, size_t from, float size, const struct header *h,
                                     const struct col_cells *cc)
{
    int narr = -1, date = -1, dates = 0;
    for (int a = 0; a < h->ncols; a++) {
        enum col_role r = h->cols[a].role;
        if (r == COL_NARRATION && narr < 0)
            narr = a;
        if (r == COL_DATE || r == COL_VALUE_DATE) {
            date = dates++ ? date : a;
        }
    }
    if (narr >= 0)
        return !dates && cc[narr].kind == CK_DATE ? narr : -1;
    if (dates != 1 || !h->cols[date].unnamed || cc[date].kind != CK_DATE)
        return -1;
    int text = text_lines_under(l, from, size, h, date);
    return text >= 3 && 2 * text >= cc[date].count[CK_DATE] ? date : -1;
}

/* The date and the narration share one cell, the date on its first line
 * and the narration under it, whatever the label's words ("Txn
 * Description" or "Nature of Txn" where the family prints "Date /
 * Particulars"; date_and_narration_column). The label becomes the two
 * labels one space apart that such a cell has (cells.c
 * date_and_narration_one_cell): a date label as wide as its dates, the
 * narration's one space after it. The cells decide, never the words. */
void header_date_in_narration_cell(const struct layout *l, size_t from, float size, struct header *h,
                                   struct col_cells *cc)
{
    int n = date_and_narration_column(l, from, size, h, cc);
    if (n < 0 || h->ncols >= TABLE_MAX_COLS)
        return;
    header_open_column(h, cc, n);
    cc[n] = cc[n + 1]; /* the counts were of the one cell holding both */
    struct column *d = &h->cols[n], *t = &h->cols[n + 1];
    d->role = COL_DATE;
    d->guess = true;
    d->x1 = dates_right(l, from, size, h, n);
    t->role = COL_NARRATION;
    t->x0 = d->x1 + 0.3f * size;
    t->x1 = fmaxf(t->x1, t->x0 + size);
    cc[n].textlen = 0; /* the text is the narration's */
    cc[n + 1].kind = CK_TEXT;
    cc[n + 1].timed = 0;
}

/* How many of a column's counted cells hold something. */
static int filled_cells(const struct col_cells *c)
{
    int n = 0;
    for (int k = CK_EMPTY + 1; k < CK__COUNT; k++)
        n += c->count[k];
    return n;
}

/* Unnamed words a space after a named label joined it (header.c: "Net
 * Balance" then "Nature of Txn", 5 pt apart): where the cells under the
 * label's own words suit its role and those under the words after it are
 * of a kind that does not (text under a balance's tail), on half as many
 * lines or more (not a few lines of prose below the table reaching under
 * them), the words are another column's label, parted from it, their
 * role read from their cells like any unnamed label's. */
void header_part_tail(const struct layout *l, size_t from, float size, struct header *h)
{
    for (int a = 0; a < h->ncols && h->ncols < TABLE_MAX_COLS; a++) {
        struct column *c = &h->cols[a];
        if (c->tail_x1 <= c->tail_x0 || c->role == COL_UNKNOWN)
            continue;
        struct header parted = *h;
        struct col_cells cc[TABLE_MAX_COLS];
        header_open_column(&parted, NULL, a + 1);
        parted.cols[a].x1 = c->label_x1;
        parted.cols[a + 1] = (struct column){.role = COL_UNKNOWN, .x0 = c->tail_x0, .x1 = c->tail_x1,
                                             .guess = true, .unnamed = true};
        header_count_cells(l, from, size, &parted, cc);
        enum cellkind own = cc[a].kind, tail = cc[a + 1].kind;
        c->tail_x0 = c->tail_x1 = 0;
        if (own == CK_EMPTY || !header_kind_suits(own, c->role) || tail == CK_EMPTY ||
            header_kind_suits(tail, c->role) ||
            2 * filled_cells(&cc[a + 1]) < filled_cells(&cc[a]))
            continue;
        parted.cols[a].tail_x0 = parted.cols[a].tail_x1 = 0;
        *h = parted;
        a++;
    }
}
