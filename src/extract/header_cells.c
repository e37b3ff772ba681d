/* The cells below a header, as its roles are read from them: what one
 * cell holds (a date, an amount, a Dr/Cr marker, a serial number, text),
 * which lines below the header are read (up to SAMPLE_LINES of its page,
 * or the next page's when it sits at a page's foot), each line's words
 * into the cells of the labels above them, and each column's counts and
 * kind. Used by header_roles.c and header_parting.c. See header_parts.h. */
#include "extract/header_parts.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "extract/token.h"

/* Column a leaves h (merged into a label beside it): the columns after it,
 * and their counts (cc, unless NULL: none counted yet), move left. */
void header_drop_column(struct header *h, struct col_cells *cc, int a)
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
void header_open_column(struct header *h, struct col_cells *cc, int a)
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

enum cellkind header_cell_kind(const char *s)
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
enum cellkind header_content_kind(const char *s)
{
    enum cellkind kd = header_cell_kind(s);
    const char *last = strrchr(s, ' ');
    if (kd == CK_TEXT && last && header_cell_kind(last + 1) == CK_MONEY)
        return CK_MONEY;
    return kd;
}

bool header_money_role(enum col_role r)
{
    return r == COL_DEBIT || r == COL_CREDIT || r == COL_AMOUNT || r == COL_BALANCE;
}

/* Does a column's content suit a label's role? */
bool header_kind_suits(enum cellkind k, enum col_role r)
{
    switch (k) {
    case CK_EMPTY: /* a piece of a label with no cells of its own */
        return true;
    case CK_TEXT:
        return r == COL_NARRATION || r == COL_REF || r == COL_OTHER;
    case CK_DATE:
        return r == COL_DATE || r == COL_VALUE_DATE;
    case CK_MONEY:
        return header_money_role(r);
    case CK_INT:
        return r == COL_SLNO;
    default:
        return false;
    }
}

/* A date cell that also prints a time of day ("03.06.2024 04:59:22 PM"). */
static bool timed_date(const char *s)
{
    const char *c = strchr(s, ':');
    return c && c > s && c[-1] >= '0' && c[-1] <= '9' && c[1] >= '0' && c[1] <= '9';
}

/* The column whose cells reach over x: the label nearest it, cut halfway
 * between neighbouring labels. A narration printed below the rows holds no
 * cell of a row's line. */
int header_column_at(const struct header *h, float x)
{
    int a = -1;
    for (int b = 0; b < h->ncols; b++) {
        if (header_narration_below(h, b))
            continue;
        if (a >= 0 && x <= (h->cols[a].x1 + h->cols[b].x0) / 2)
            break;
        a = b;
    }
    return a < 0 ? 0 : a;
}

/* Does words[w..e) (one cell's worth) run on the text cell before it,
 * prev: text a space after the word before, starting more than a space
 * left of the label of the column its centre falls under (a long
 * narration reaching under the next label, "RELIANCE RETAIL" under a
 * credit column's "Inflow": counted there, a sparse money column read as
 * text)? An amount or a date is a cell of its own however close
 * (right-aligned, or starting at its label), and so is text after one. */
static bool runs_on(const struct layout *l, const struct line *ln, uint32_t w, uint32_t e, const struct header *h,
                    float size, int prev, const char *prev_cell)
{
    if (prev < 0 || w == ln->first || header_cell_kind(prev_cell) != CK_TEXT)
        return false;
    int a = header_column_at(h, (l->words[w].x0 + l->words[e - 1].x1) / 2);
    return a > prev && l->words[w].x0 - l->words[w - 1].x1 < 0.61f * size &&
           l->words[w].x0 < h->cols[a].x0 - 0.61f * size && header_cell_kind(word_text(l, &l->words[w])) == CK_TEXT;
}

/* Line j's words under h's labels: each word (a date printed as words
 * goes as one) in the cell of the label nearest its centre, unless it runs
 * on the cell before it; words well beside the header are left out.
 * Returns how many labels its words reach under (filled cells, or cells a
 * word ran on from: a narration's line reaching two labels is a row's). */
int header_cells_under(const struct layout *l, size_t j, const struct header *h, float size,
                       char (*cell)[SAMPLE_CELL])
{
    const struct line *ln = &l->lines[j];
    for (int a = 0; a < h->ncols; a++)
        cell[a][0] = 0;
    float lo = h->cols[0].x0 - 3 * size, hi = h->cols[h->ncols - 1].x1 + 3 * size;
    int prev = -1;         /* the cell of the word before */
    uint64_t reached = 0;  /* the labels the line's words reach under */
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
        size_t m = 0;
        for (uint32_t v = w; v < w + 3 && v < ln->first + ln->n; v++) {
            if (v > w && l->words[v].x0 - l->words[v - 1].x1 >= size)
                break;
            m = layout_join_word(join, sizeof join, m, word_text(l, &l->words[v]));
            pb_day d;
            if (v > w && token_parse_date(join, m, &d))
                e = v + 1;
        }
        int a = header_column_at(h, (l->words[w].x0 + l->words[e - 1].x1) / 2);
        reached |= 1ull << a;
        if (runs_on(l, ln, w, e, h, size, prev, prev >= 0 ? cell[prev] : ""))
            a = prev;
        prev = a;
        for (; w < e; w++)
            layout_join_word(cell[a], sizeof cell[a], strlen(cell[a]), word_text(l, &l->words[w]));
    }
    int filled = 0;
    for (int a = 0; a < h->ncols; a++)
        filled += cell[a][0] != 0 || (reached >> a & 1);
    return filled;
}

struct sampler header_sampler_at(const struct layout *l, size_t from)
{
    return (struct sampler){from, from < l->nlines ? l->lines[from].page : -1, -1, 0, 0, from};
}

/* Line j is printed right under line j - 1 on its page, as a stacked
 * header's lines are (a line and a half apart or less). */
static bool stacked_under(const struct layout *l, size_t j)
{
    if (j == 0)
        return false;
    const struct line *a = &l->lines[j - 1], *b = &l->lines[j];
    return a->page == b->page && b->base - a->base <= 1.8f * fmaxf(fminf(a->size, b->size), 4);
}

/* The next line to read (*j), or false at the end. */
bool header_sample_next(const struct layout *l, struct sampler *s, size_t *j)
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
        if (s->cont < 0 && label && s->j == s->from && stacked_under(l, s->j)) {
            s->from++; /* the header's own lower line */
            continue;
        }
        if (label || header_line_of_other_labels(l, s->j))
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
            return header_cell_kind(cell[a]) == CK_DATE;
    return false;
}

/* The cells under h (font size) of the next line that has two or more,
 * into cell; false at the end or after SAMPLE_LINES such lines. */
bool header_sample_cells(const struct layout *l, struct sampler *s, const struct header *h, float size,
                         char (*cell)[SAMPLE_CELL])
{
    size_t j;
    while (s->lines < SAMPLE_LINES && header_sample_next(l, s, &j)) {
        int filled = header_cells_under(l, j, h, size, cell);
        if (filled >= 2 || (filled == 1 && lone_date(h, cell))) {
            s->lines++;
            return true;
        }
    }
    return false;
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

/* Letters after a cell's first word, a date ("28/04/2024 CHQ DEP BY CLG",
 * "03/11/2024 UPI/DR/4226/HARPREET"): words follow the date, as in a
 * narration that begins with one. A date and its time ("01/04/2024 10:22
 * AM", "... IST") has three letters at most. */
static bool date_then_words(const char *s)
{
    size_t len = strlen(s), sp = strcspn(s, " ");
    pb_day d;
    if (sp == len || !token_parse_date(s, sp, &d) || token_parse_date(s, len, &d))
        return false;
    int letters = 0;
    for (const char *p = s + sp; *p; p++)
        letters += isalpha((unsigned char)*p) != 0;
    return letters > 3;
}

/* A narration column some of whose narrations begin with a date (the
 * cheque's, an earlier day's): most of its date cells go on in words, and
 * its text cells outnumber them and are narrations, longer than a date on
 * average. A date column whose dates run on into the narration's first
 * words has text cells too, but those words are short ("UPI", "To:"). */
static bool narration_with_dates(const struct col_cells *c)
{
    int dates = c->count[CK_DATE], texts = c->count[CK_TEXT];
    return dates && 2 * c->dated_text > dates && texts > dates && c->textlen >= (size_t)texts * 12;
}

/* A date cell against the column's date above it: earlier, later or the
 * same day (a statement lists its postings in order; a value date may
 * fall before the day above it). */
static void count_order(struct col_cells *c, const char *s)
{
    size_t sp = strcspn(s, " ");
    pb_day d;
    if (!token_parse_date(s, strlen(s), &d) && !token_parse_date(s, sp, &d))
        return;
    if (c->last) {
        c->earlier += d < c->last;
        c->later += d > c->last;
    }
    c->last = d;
}

/* Counts the cells under each of h's columns (cc) over the lines its
 * roles are read from; each column's kind from its counts. Returns how
 * many lines were read. */
int header_count_cells(const struct layout *l, size_t from, float size, const struct header *h, struct col_cells *cc)
{
    static __thread char cell[TABLE_MAX_COLS][SAMPLE_CELL];
    memset(cc, 0, (size_t)h->ncols * sizeof *cc);
    struct sampler sp = header_sampler_at(l, from);
    while (header_sample_cells(l, &sp, h, size, cell)) {
        for (int a = 0; a < h->ncols; a++) {
            enum cellkind kd = header_content_kind(cell[a]);
            cc[a].count[kd]++;
            cc[a].timed += kd == CK_DATE && timed_date(cell[a]);
            cc[a].dated_text += kd == CK_DATE && date_then_words(cell[a]);
            count_order(&cc[a], cell[a]);
            if (kd == CK_TEXT)
                cc[a].textlen += strlen(cell[a]);
        }
    }
    for (int a = 0; a < h->ncols; a++)
        cc[a].kind = narration_with_dates(&cc[a]) ? CK_TEXT : column_kind(cc[a].count, sp.lines);
    return sp.lines;
}
