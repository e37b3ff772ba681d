/* A header's column roles read from the cells below it, where its labels
 * leave them open: what each column holds (dates, amounts, Dr/Cr markers,
 * serial numbers, text) over up to 40 lines of its page; unnamed label
 * pieces join the label beside them whose kind they share, or whose
 * cells are all that reach under them; money roles
 * the labels leave open start in the usual order (the balance chain may
 * choose another, table_readings.c). See header_parts.h. */
#include "extract/header_parts.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/cells.h"
#include "extract/token.h"

/* CK_DAYMONTH: "01.04", a day and month without a year or an amount of
 * 1.04: the column as a whole decides (column_kind) */
enum cellkind { CK_EMPTY, CK_DATE, CK_MONEY, CK_DRCR, CK_INT, CK_TEXT, CK_DAYMONTH, CK__COUNT };

/* What was counted of one column's cells below the header. One per column
 * of the header, at the column's index: it moves with its column when
 * labels merge or part (drop_column, open_column), never on its own. */
struct col_cells {
    int count[CK__COUNT]; /* cells of each kind */
    enum cellkind kind;   /* what the column holds (column_kind) */
    int timed;            /* date cells that also print a time of day */
    size_t textlen;       /* characters of its text cells */
};

/* Column a leaves h (merged into a label beside it): the columns after it,
 * and their counts (cc, unless NULL: none counted yet), move left. */
static void drop_column(struct header *h, struct col_cells *cc, int a)
{
    size_t after = (size_t)(h->ncols - a - 1);
    memmove(&h->cols[a], &h->cols[a + 1], after * sizeof *h->cols);
    if (cc)
        memmove(&cc[a], &cc[a + 1], after * sizeof *cc);
    h->ncols--;
}

/* Room for a new column at a (h has fewer than TABLE_MAX_COLS): the
 * columns from a on, and their counts (cc unless NULL), move right; the
 * new column starts as a copy of the one it displaced, its counts empty. */
static void open_column(struct header *h, struct col_cells *cc, int a)
{
    size_t from = (size_t)(h->ncols - a);
    memmove(&h->cols[a + 1], &h->cols[a], from * sizeof *h->cols);
    if (cc) {
        memmove(&cc[a + 1], &cc[a], from * sizeof *cc);
        cc[a] = (struct col_cells){.kind = CK_EMPTY};
    }
    h->ncols++;
}

static bool day_month_dotted(const char *s, size_t len)
{
    char dotted[8];
    int mo, dd;
    if (len < 4 || len > 5 || s[len - 3] != '.' || strspn(s, "0123456789.") != len)
        return false;
    snprintf(dotted, sizeof dotted, "%s.", s);
    return token_parse_day_month(dotted, len + 1, &mo, &dd);
}

static enum cellkind cell_kind(const char *s)
{
    size_t len = strlen(s), sp = strcspn(s, " ");
    pb_day d;
    pb_paise v;
    int mark, mo, dd;
    /* a dash printed for the amount a row does not have ("-" under
     * "Inflow" on every debit): no cell, so the few credits still make the
     * column a money one */
    if (!len || !strcmp(s, "-"))
        return CK_EMPTY;
    if (token_parse_date(s, len, &d) || token_parse_date(s, sp, &d) || token_parse_day_month(s, len, &mo, &dd))
        return CK_DATE;
    if (token_is_time(s)) /* a row's time under its date: no kind of its own */
        return CK_EMPTY;
    if (token_drcr(s, len))
        return CK_DRCR;
    if (day_month_dotted(s, len))
        return CK_DAYMONTH;
    if (strspn(s, "0123456789") == len && len <= 5)
        return CK_INT;
    if (strpbrk(s, ".,") && strpbrk(s, "0123456789") && token_parse_amount(s, len, &v, &mark))
        return CK_MONEY;
    return CK_TEXT;
}

/* A cell's kind as a column's content counts it: text whose last word is
 * an amount is that amount, a long narration reaching under a money label
 * beside it ("APOLLO HOSPITALS ENTERPRISE 1,67,500.00" under "Inflow"). */
static enum cellkind content_kind(const char *s)
{
    enum cellkind kd = cell_kind(s);
    const char *last = strrchr(s, ' ');
    if (kd == CK_TEXT && last && cell_kind(last + 1) == CK_MONEY)
        return CK_MONEY;
    return kd;
}

static bool money(enum col_role r)
{
    return r == COL_DEBIT || r == COL_CREDIT || r == COL_AMOUNT || r == COL_BALANCE;
}

/* The balance among money columns mc[0..nm): the one a label names
 * wholly; else one a label names in part ("Net Balance", a word no phrase
 * knows beside "Balance"); else the rightmost whose role is a guess. A
 * label's own words naming a debit or a credit are never overruled: a
 * balance printed before the amounts under words half known is not the
 * "Credit" column after it. */
static int balance_column(const struct header *h, const int *mc, int nm)
{
    int part = -1, right = -1;
    for (int k = 0; k < nm; k++) {
        const struct column *c = &h->cols[mc[k]];
        if (c->role == COL_BALANCE && !c->guess)
            return mc[k];
        if (c->role == COL_BALANCE && !c->unnamed && part < 0)
            part = mc[k];
        if (c->guess)
            right = mc[k];
    }
    return part >= 0 ? part : right;
}

/* Money roles where a label left them open: the balance (balance_column),
 * the one other money column an amount, two others debit then credit
 * (unless a label names one side). The balance chain may choose otherwise
 * (table_readings.c). */
static void money_roles(struct header *h)
{
    int mc[TABLE_MAX_COLS], nm = 0;
    bool any = false;
    for (int a = 0; a < h->ncols; a++)
        if (money(h->cols[a].role)) {
            mc[nm++] = a;
            any |= h->cols[a].guess;
        }
    if (!any || nm < 2)
        return;
    /* two money columns, a label naming one side ("Amount Credited",
     * "Debits (Rs)") and no phrase naming any word of the other's: that
     * is the other side (a table of transactions has both; a balance
     * beside one side alone could not be), and no balance is printed */
    if (nm == 2 && header_col(h, COL_DRCR) < 0) {
        const struct column *x = &h->cols[mc[0]], *y = &h->cols[mc[1]];
        const struct column *named = !x->guess ? x : !y->guess ? y : NULL;
        struct column *other = named == x ? &h->cols[mc[1]] : &h->cols[mc[0]];
        if (named && other->unnamed && (named->role == COL_DEBIT || named->role == COL_CREDIT)) {
            other->role = named->role == COL_DEBIT ? COL_CREDIT : COL_DEBIT;
            return;
        }
    }
    int bal = balance_column(h, mc, nm);
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
static bool joins(const struct header *h, const struct col_cells *cc, int a, int b, float size)
{
    enum cellkind ka = cc[a].kind, kb = cc[b].kind;
    const struct column *l = &h->cols[a < b ? a : b], *r = &h->cols[a < b ? b : a];
    if (r->x0 - l->x1 >= size)
        return false;
    /* amounts under both: two money columns ("Inflow" beside "Book
     * Balance"), however close their labels; dates under both: a date and
     * a value date ("Booking Date" beside "Value" over "On") */
    if ((ka == CK_MONEY && kb == CK_MONEY) || (ka == CK_DATE && kb == CK_DATE))
        return false;
    if (!h->cols[b].unnamed)
        return kind_suits(ka, h->cols[b].role);
    return textual(ka) && textual(kb); /* "Nature of" + "Txn": one text label */
}

/* What was counted under column a's label joins what was counted under
 * b's, the label a merges into: b's kind, unless its own cells do not
 * suit its role or it has none (the cells fell under the unnamed part);
 * the text and the cells of each kind under both parts summed. */
static void merge_cells(const struct column *b, struct col_cells *into, const struct col_cells *from)
{
    if (!kind_suits(into->kind, b->role) || into->kind == CK_EMPTY)
        into->kind = from->kind;
    into->timed = from->timed > into->timed ? from->timed : into->timed;
    into->textlen += from->textlen;
    for (int k = 0; k < CK__COUNT; k++)
        into->count[k] += from->count[k];
}

/* Unnamed columns merged into the label beside them, with what was
 * counted of their cells (merge_cells). */
static void merge_unnamed(struct header *h, struct col_cells *cc, float size)
{
    for (int a = 0; a < h->ncols;) {
        int b = -1;
        if (h->cols[a].unnamed) {
            if (a + 1 < h->ncols && joins(h, cc, a, a + 1, size))
                b = a + 1;
            else if (a > 0 && joins(h, cc, a, a - 1, size))
                b = a - 1;
        }
        if (b < 0) {
            a++;
            continue;
        }
        h->cols[b].x0 = fminf(h->cols[b].x0, h->cols[a].x0);
        h->cols[b].x1 = fmaxf(h->cols[b].x1, h->cols[a].x1);
        h->cols[b].guess = true;
        merge_cells(&h->cols[b], &cc[b], &cc[a]);
        drop_column(h, cc, a);
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
static void order_dates(struct header *h, const struct col_cells *cc, int lines)
{
    int d = header_col(h, COL_DATE), v = header_col(h, COL_VALUE_DATE);
    if (d < 0 || v < 0 || !h->cols[d].guess || !h->cols[v].guess || cc[d].kind != CK_DATE || cc[v].kind != CK_DATE)
        return;
    if (cc[v].timed * 2 > lines && cc[d].timed * 5 < lines) {
        h->cols[d].role = COL_VALUE_DATE;
        h->cols[v].role = COL_DATE;
    }
}

#define SAMPLE_LINES 40 /* lines below a header read for its columns' roles */
#define SAMPLE_CELL 160

/* The column whose cells reach over x: the label nearest it, cut halfway
 * between neighbouring labels. */
static int column_at(const struct header *h, float x)
{
    int a = 0;
    while (a + 1 < h->ncols && x > (h->cols[a].x1 + h->cols[a + 1].x0) / 2)
        a++;
    return a;
}

/* Line j's words under h's labels: each word (a date printed as words
 * goes as one) in the cell of the label nearest its centre; words well
 * beside the header are left out. Returns how many cells are filled. */
static int cells_under(const struct layout *l, size_t j, const struct header *h, float size,
                       char (*cell)[SAMPLE_CELL])
{
    const struct line *ln = &l->lines[j];
    for (int a = 0; a < h->ncols; a++)
        cell[a][0] = 0;
    float lo = h->cols[0].x0 - 3 * size, hi = h->cols[h->ncols - 1].x1 + 3 * size;
    for (uint32_t w = ln->first; w < ln->first + ln->n;) {
        if (l->words[w].x1 < lo || l->words[w].x0 > hi) { /* not under the header */
            w++;
            continue;
        }
        /* a date printed as words ("01 October 2023") goes as one; words
         * an em apart or more are two cells (a date, then a time of day
         * in a column of its own) */
        uint32_t e = w + 1;
        char join[96] = "";
        for (uint32_t v = w; v < w + 3 && v < ln->first + ln->n; v++) {
            if (v > w && l->words[v].x0 - l->words[v - 1].x1 >= size)
                break;
            size_t m = strlen(join);
            snprintf(join + m, sizeof join - m, "%s%s", m ? " " : "", word_text(l, &l->words[v]));
            pb_day d;
            if (v > w && token_parse_date(join, strlen(join), &d))
                e = v + 1;
        }
        int a = column_at(h, (l->words[w].x0 + l->words[e - 1].x1) / 2);
        for (; w < e; w++) {
            size_t m = strlen(cell[a]);
            snprintf(cell[a] + m, sizeof cell[a] - m, "%s%s", m ? " " : "", word_text(l, &l->words[w]));
        }
    }
    int filled = 0;
    for (int a = 0; a < h->ncols; a++)
        filled += cell[a][0] != 0;
    return filled;
}

/* The lines a header's roles are read from: from line `from` on, on its
 * page, up to another table's header. A header at a page's foot with too
 * few lines under it to tell (a section's lone first row) reads on on the
 * next page, under its letterhead and the header repeated (cont -1: on the
 * header's page; 0: above the repeated header; 1: under it). */
struct sampler {
    size_t j;
    int page, cont, above;
    int lines; /* lines read so far (by sample_cells: those with two cells or more) */
};

static struct sampler sampler_at(const struct layout *l, size_t from)
{
    return (struct sampler){from, from < l->nlines ? l->lines[from].page : -1, -1, 0, 0};
}

/* The next line to read (*j), or false at the end. */
static bool sample_next(const struct layout *l, struct sampler *s, size_t *j)
{
    for (; s->j < l->nlines; s->j++) {
        const struct line *ln = &l->lines[s->j];
        if (ln->page != s->page) {
            if (s->lines >= 3 || s->cont >= 0 || ln->page != s->page + 1)
                return false;
            s->page = ln->page;
            s->cont = 0;
        }
        bool label = header_line_of_labels(l, s->j);
        if (s->cont == 0 || (s->cont == 1 && label && s->lines == s->above)) { /* a stacked header's lower line too */
            s->cont = label ? 1 : s->cont;
            s->above = s->lines;
            continue;
        }
        if (label)
            return false; /* another table's header: its cells are not these */
        *j = s->j++;
        return true;
    }
    return false;
}

static bool lone_date(const struct header *h, char (*cell)[SAMPLE_CELL])
{
    for (int a = 0; a < h->ncols; a++)
        if (cell[a][0])
            return cell_kind(cell[a]) == CK_DATE;
    return false;
}

/* The cells under h (font size) of the next line that has two or more,
 * into cell; false at the end or after SAMPLE_LINES such lines. */
static bool sample_cells(const struct layout *l, struct sampler *s, const struct header *h, float size,
                         char (*cell)[SAMPLE_CELL])
{
    size_t j;
    while (s->lines < SAMPLE_LINES && sample_next(l, s, &j)) {
        int filled = cells_under(l, j, h, size, cell);
        if (filled >= 2 || (filled == 1 && lone_date(h, cell))) {
            s->lines++;
            return true;
        }
    }
    return false;
}

/* A complete value on its own: a date or an amount. */
static bool value_cell(const char *s)
{
    enum cellkind k = cell_kind(s);
    return k == CK_DATE || k == CK_MONEY;
}

/* Counts into *own line j's cells of unnamed column a's own, not those
 * of a column beside run on under it. Words a space or less apart run as
 * one cell, the cell of the column under its middle; split in two where
 * its parts under two columns are each a date or an amount ("01/04/24
 * 02/04/24" under "Txn Date Settled"). A run under three columns or more
 * is a line of text across the table (a footer), no one column's cell. */
static void cells_reaching(const struct layout *l, size_t j, const struct header *h, int a, float size, int *own)
{
    const struct line *ln = &l->lines[j];
    uint32_t end = ln->first + ln->n;
    for (uint32_t w = ln->first, e; w < end; w = e) {
        e = w + 1;
        while (e < end && l->words[e].x0 - l->words[e - 1].x1 <= 0.61f * size)
            e++;
        char part[2][SAMPLE_CELL] = {"", ""};
        int cols[2] = {-1, -1}, ncols = 0;
        for (uint32_t v = w; v < e && ncols <= 2; v++) {
            int c = column_at(h, (l->words[v].x0 + l->words[v].x1) / 2);
            int k = ncols > 0 && cols[ncols - 1] == c ? ncols - 1 : ncols++;
            if (k < 2) {
                cols[k] = c;
                size_t m = strlen(part[k]);
                snprintf(part[k] + m, sizeof part[k] - m, "%s%s", m ? " " : "", word_text(l, &l->words[v]));
            }
        }
        if (ncols > 2 || (cols[0] != a && cols[1] != a))
            continue;
        /* one date starting under the label before ("03 DECEMBER 2024"
         * from under "Date of" on under "Txn"): that label's cell run on,
         * however far a long month's name carries its middle */
        if (ncols == 2 && cols[0] != a && cells_date_words(l, ln, w) == e - w)
            continue;
        if (ncols == 1 || (value_cell(part[0]) && value_cell(part[1])) ||
            column_at(h, (l->words[w].x0 + l->words[e - 1].x1) / 2) == a)
            ++*own;
    }
}

/* Does unnamed column a hold nothing of its own below, only other
 * columns' cells run on under it ("01" under "Date", "June" under "of
 * Txn")? */
static bool only_run_on(const struct layout *l, size_t from, float size, const struct header *h, int a)
{
    static __thread char cell[TABLE_MAX_COLS][SAMPLE_CELL];
    struct sampler sp = sampler_at(l, from);
    int own = 0;
    while (own == 0 && sample_cells(l, &sp, h, size, cell))
        cells_reaching(l, sp.j - 1, h, a, size, &own);
    return own == 0;
}

/* The named label less than an em beside column a, or -1. */
static int named_beside(const struct header *h, int a, float size)
{
    if (a > 0 && !h->cols[a - 1].unnamed && h->cols[a].x0 - h->cols[a - 1].x1 < size)
        return a - 1;
    if (a + 1 < h->ncols && !h->cols[a + 1].unnamed && h->cols[a + 1].x0 - h->cols[a].x1 < size)
        return a + 1;
    return -1;
}

/* A label piece no phrase names close beside a named label ("Date" then
 * "of Txn", "Entry" before "Dt", a monospaced space apart): whether it is
 * a word of that label or a column of its own is told by its cells, not
 * by the gap alone. Under nothing of its own but cells run on from beside
 * it, it is a word of the label: the label's column, widened. With cells
 * of its own ("Settled" over dates beside "Txn Date") it stays a column. */
static void join_run_on_pieces(const struct layout *l, size_t from, float size, struct header *h)
{
    for (int a = 0; a < h->ncols;) {
        int b = h->cols[a].unnamed ? named_beside(h, a, size) : -1;
        if (b < 0 || !only_run_on(l, from, size, h, a)) {
            a++;
            continue;
        }
        h->cols[b].x0 = fminf(h->cols[b].x0, h->cols[a].x0);
        h->cols[b].x1 = fmaxf(h->cols[b].x1, h->cols[a].x1);
        h->cols[b].guess = true;
        drop_column(h, NULL, a);
    }
}

/* Do the balances below h chain? Over the sampled lines, a line's change
 * of balance from the line before is its one amount (printed order) or
 * the one before's (newest first), on at least three lines and half the
 * pairs: then the money columns are what h's roles say, whatever its
 * words. A line with an amount and no balance breaks the chain there. */
static bool balances_chain(const struct layout *l, size_t from, float size, const struct header *h)
{
    static __thread char cell[TABLE_MAX_COLS][SAMPLE_CELL];
    int bal = header_col(h, COL_BALANCE), pairs = 0, fwd = 0, back = 0;
    pb_paise prev_bal = 0, prev_amt = 0;
    bool have_prev = false;
    if (bal < 0)
        return false;
    struct sampler sp = sampler_at(l, from);
    while (sample_cells(l, &sp, h, size, cell)) {
        pb_paise b = 0, amt = 0, v;
        int mark, namt = 0;
        bool has_bal = token_parse_amount(cell[bal], strlen(cell[bal]), &b, &mark);
        if (mark < 0)
            b = -b;
        for (int a = 0; a < h->ncols; a++)
            if (a != bal && money(h->cols[a].role) && token_parse_amount(cell[a], strlen(cell[a]), &v, &mark)) {
                amt = v < 0 ? -v : v;
                namt++;
            }
        if (!has_bal || namt != 1) {
            have_prev = have_prev && !namt;
            continue;
        }
        if (have_prev) {
            pb_paise d = b > prev_bal ? b - prev_bal : prev_bal - b;
            pairs++;
            fwd += d == amt;
            back += d == prev_amt;
        }
        prev_bal = b, prev_amt = amt, have_prev = true;
    }
    int best = fwd > back ? fwd : back;
    return best >= 3 && 2 * best >= pairs;
}

/* What a column holds: dates, or else amounts, when a fifth of the lines
 * show them (a row's other lines put a year, a time or text under its
 * date; a long narration reaches under a money label); else the commonest
 * kind (ties: the earlier of date, money, Dr/Cr, number, text). */
static enum cellkind column_kind(const int *count, int lines)
{
    int enough = lines / 5 > 2 ? lines / 5 : 2;
    if (count[CK_DATE] >= enough)
        return CK_DATE;
    /* "01.04" in (nearly) every filled cell: days and months without a
     * year; amounts that happen to look like them now and then are money
     * (a paise part of 01-12 is one amount in eight) */
    int filled = lines - count[CK_EMPTY], dm = count[CK_DAYMONTH];
    if (dm >= enough && dm * 10 >= filled * 9)
        return CK_DATE;
    if (count[CK_MONEY] + dm >= enough)
        return CK_MONEY;
    enum cellkind kd = CK_EMPTY;
    for (int k = CK_DATE; k < CK_DAYMONTH; k++)
        if (count[k] > count[kd] || kd == CK_EMPTY)
            kd = count[k] ? (enum cellkind)k : kd;
    return kd;
}

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
    struct sampler sp = sampler_at(l, from);
    size_t j;
    while (sp.lines < SAMPLE_LINES && sample_next(l, &sp, &j)) {
        const struct line *ln = &l->lines[j];
        sp.lines++;
        uint32_t w = ln->first, end = ln->first + ln->n;
        while (w < end && l->words[w].x1 < c->x0 - size)
            w++;
        if (w + 1 >= end || l->words[w].x0 > c->x1)
            continue;
        const char *num = word_text(l, &l->words[w]), *day = word_text(l, &l->words[w + 1]);
        size_t n = strlen(num);
        pb_day d;
        if (n < 1 || n > 5 || strspn(num, "0123456789") != n || !token_parse_date(day, strlen(day), &d))
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
static void part_serial_lead(const struct layout *l, size_t from, float size, struct header *h)
{
    static __thread char cell[TABLE_MAX_COLS][SAMPLE_CELL];
    for (int a = 0; a < h->ncols && h->ncols < TABLE_MAX_COLS; a++) {
        struct column *c = &h->cols[a];
        if (c->role != COL_DATE && c->role != COL_VALUE_DATE)
            continue;
        int both = 0, filled = 0;
        struct sampler sp = sampler_at(l, from);
        while (sample_cells(l, &sp, h, size, cell)) {
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
        open_column(h, NULL, a);
        h->cols[a] = num;
        a++;
    }
}

/* The right edge of the dates printed under column a's label (from line
 * `from` on, the lines its roles are read from): a date word starting
 * under the label. */
static float dates_right(const struct layout *l, size_t from, float size, const struct header *h, int a)
{
    float right = h->cols[a].x0;
    struct sampler sp = sampler_at(l, from);
    size_t j;
    while (sp.lines < SAMPLE_LINES && sample_next(l, &sp, &j)) {
        const struct line *ln = &l->lines[j];
        sp.lines++;
        for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
            const struct word *wd = &l->words[w];
            const char *t = word_text(l, wd);
            pb_day d;
            if (wd->x0 >= h->cols[a].x0 - size && wd->x0 <= h->cols[a].x1 && token_parse_date(t, strlen(t), &d))
                right = fmaxf(right, wd->x1);
        }
    }
    return right;
}

/* Lines of those the roles are read from that print only text, starting
 * under column a: a narration printed under the date in the date's own
 * cell (a long one reaching under the labels beside). */
static int text_lines_under(const struct layout *l, size_t from, float size, const struct header *h, int a)
{
    static __thread char cell[TABLE_MAX_COLS][SAMPLE_CELL];
    struct sampler sp = sampler_at(l, from);
    size_t j;
    int n = 0;
    while (sp.lines < SAMPLE_LINES && sample_next(l, &sp, &j)) {
        sp.lines++;
        if (!cells_under(l, j, h, size, cell) || cell_kind(cell[a]) != CK_TEXT)
            continue;
        bool text = true;
        for (int b = 0; b < h->ncols && text; b++)
            text = !cell[b][0] || cell_kind(cell[b]) == CK_TEXT;
        n += text;
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
static void date_in_narration_cell(const struct layout *l, size_t from, float size, struct header *h,
                                   struct col_cells *cc)
{
    int n = date_and_narration_column(l, from, size, h, cc);
    if (n < 0 || h->ncols >= TABLE_MAX_COLS)
        return;
    open_column(h, cc, n);
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

/* Two money columns whose labels name no role (the second's no word at
 * all), read as an amount and the balance (money_roles): a running balance is printed on its transaction's line,
 * beside the amount. Where no sampled line shows amounts under both, and
 * each holds amounts on two lines or more, they are no amount and
 * balance but the two sides of a table printing no balance: a debit
 * column then a credit column (which side is which, the printed opening
 * and closing balances decide: reconcile.c). */
static void sides_without_balance(const struct layout *l, size_t from, float size, struct header *h)
{
    static __thread char cell[TABLE_MAX_COLS][SAMPLE_CELL];
    int mc[TABLE_MAX_COLS], nm = 0;
    for (int a = 0; a < h->ncols; a++)
        if (money(h->cols[a].role))
            mc[nm++] = a;
    if (nm != 2 || !h->cols[mc[0]].guess || !h->cols[mc[1]].unnamed || h->cols[mc[1]].role != COL_BALANCE)
        return;
    int only[2] = {0, 0};
    struct sampler sp = sampler_at(l, from);
    while (sample_cells(l, &sp, h, size, cell)) {
        bool a = content_kind(cell[mc[0]]) == CK_MONEY, b = content_kind(cell[mc[1]]) == CK_MONEY;
        if (a && b)
            return;
        only[0] += a;
        only[1] += b;
    }
    if (only[0] < 2 || only[1] < 2)
        return;
    h->cols[mc[0]].role = COL_DEBIT;
    h->cols[mc[1]].role = COL_CREDIT;
}

/* Counts the cells under each of h's columns (cc) over the lines its
 * roles are read from; each column's kind from its counts. Returns how
 * many lines were read. */
static int count_cells(const struct layout *l, size_t from, float size, const struct header *h, struct col_cells *cc)
{
    static __thread char cell[TABLE_MAX_COLS][SAMPLE_CELL];
    memset(cc, 0, (size_t)h->ncols * sizeof *cc);
    struct sampler sp = sampler_at(l, from);
    while (sample_cells(l, &sp, h, size, cell)) {
        for (int a = 0; a < h->ncols; a++) {
            enum cellkind kd = content_kind(cell[a]);
            cc[a].count[kd]++;
            cc[a].timed += kd == CK_DATE && timed_date(cell[a]);
            if (kd == CK_TEXT)
                cc[a].textlen += strlen(cell[a]);
        }
    }
    for (int a = 0; a < h->ncols; a++)
        cc[a].kind = column_kind(cc[a].count, sp.lines);
    return sp.lines;
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
static void part_tail(const struct layout *l, size_t from, float size, struct header *h)
{
    for (int a = 0; a < h->ncols && h->ncols < TABLE_MAX_COLS; a++) {
        struct column *c = &h->cols[a];
        if (c->tail_x1 <= c->tail_x0 || c->role == COL_UNKNOWN)
            continue;
        struct header parted = *h;
        struct col_cells cc[TABLE_MAX_COLS];
        open_column(&parted, NULL, a + 1);
        parted.cols[a].x1 = c->label_x1;
        parted.cols[a + 1] = (struct column){.role = COL_UNKNOWN, .x0 = c->tail_x0, .x1 = c->tail_x1,
                                             .guess = true, .unnamed = true};
        count_cells(l, from, size, &parted, cc);
        enum cellkind own = cc[a].kind, tail = cc[a + 1].kind;
        c->tail_x0 = c->tail_x1 = 0;
        if (own == CK_EMPTY || !kind_suits(own, c->role) || tail == CK_EMPTY || kind_suits(tail, c->role) ||
            2 * filled_cells(&cc[a + 1]) < filled_cells(&cc[a]))
            continue;
        parted.cols[a].tail_x0 = parted.cols[a].tail_x1 = 0;
        *h = parted;
        a++;
    }
}

/* See header_parts.h. */
bool header_roles_from_cells(const struct layout *l, size_t from, float size, struct header *h, bool *chained)
{
    *chained = false;
    struct col_cells cc[TABLE_MAX_COLS];
    join_run_on_pieces(l, from, size, h);
    part_serial_lead(l, from, size, h);
    part_tail(l, from, size, h);
    int lines = count_cells(l, from, size, h, cc);
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
    merge_unnamed(h, cc, size);
    for (int a = 0; a < h->ncols; a++) {
        struct column *col = &h->cols[a];
        enum cellkind kd = cc[a].kind;
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
            if (!narr && (text_best < 0 || cc[a].textlen > cc[text_best].textlen))
                text_best = a;
            break;
        default:
            col->role = COL_OTHER;
        }
    }
    /* a long narration under a short label reaches under the next text
     * label ("Summary" then "Token"): its right half counts there, so of
     * the text columns holding half the longest one's text or more, the
     * leftmost is the narration */
    for (int a = 0; text_best >= 0 && a < text_best; a++)
        if (h->cols[a].unnamed && h->cols[a].role == COL_OTHER && cc[a].kind == CK_TEXT &&
            2 * cc[a].textlen >= cc[text_best].textlen) {
            text_best = a;
            break;
        }
    if (text_best >= 0)
        h->cols[text_best].role = COL_NARRATION;
    date_in_narration_cell(l, from, size, h, cc);
    money_roles(h);
    sides_without_balance(l, from, size, h);
    order_dates(h, cc, lines);
    /* what the cells show must be a table of transactions: its first date
     * column holds dates, some money column amounts */
    bool dates = false, amounts = false;
    for (int a = 0; a < h->ncols; a++) {
        enum col_role r = h->cols[a].role;
        if (r == COL_DATE || r == COL_VALUE_DATE) {
            dates = cc[a].kind == CK_DATE;
            break;
        }
    }
    for (int a = 0; a < h->ncols; a++) {
        amounts |= money(h->cols[a].role) && cc[a].kind == CK_MONEY;
        if (h->cols[a].role == COL_BALANCE && cc[a].kind != CK_MONEY)
            amounts = false; /* the balances fell elsewhere: columns misread, no table rather than a wrong one */
    }
    if (getenv("PB_TABLE_DEBUG") && !strcmp(getenv("PB_TABLE_DEBUG"), "2")) {
        fprintf(stderr, "cells below (%d lines):", lines);
        for (int a = 0; a < h->ncols; a++)
            fprintf(stderr, " [%d kind %d%s %.0f-%.0f]", h->cols[a].role, cc[a].kind, h->cols[a].guess ? "?" : "",
                    h->cols[a].x0, h->cols[a].x1);
        fprintf(stderr, " -> %s\n", dates && amounts ? "table" : "not a table");
    }
    *chained = dates && amounts && balances_chain(l, from, size, h);
    return dates && amounts;
}
