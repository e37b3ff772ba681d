/* A header's column roles read from the cells below it (header_cells.c),
 * where its labels leave them open: what each column holds (dates,
 * amounts, Dr/Cr markers, serial numbers, text) over up to 40 lines of
 * its page; unnamed label pieces join the label beside them whose kind
 * they share, or whose cells are all that reach under them (labels
 * printed as one that are several are parted first: header_parting.c);
 * money roles the labels leave open start in the usual order (the balance
 * chain may choose another, table_readings.c). See header_parts.h. */
#include "extract/header_parts.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/cells.h"
#include "extract/token.h"

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

/* Column bal of the money columns mc[0..nm) is the balance: the one other
 * an amount (if its role is a guess), two others debit then credit
 * (unless a label names one side). */
static void sides_beside_balance(struct header *h, const int *mc, int nm, int bal)
{
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

/* Money roles where a label left them open: the balance (balance_column),
 * the one other money column an amount, two others debit then credit
 * (unless a label names one side). The balance chain may choose otherwise
 * (table_readings.c). */
static void money_roles(struct header *h)
{
    int mc[TABLE_MAX_COLS], nm = 0;
    bool any = false;
    for (int a = 0; a < h->ncols; a++)
        if (header_money_role(h->cols[a].role)) {
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
    sides_beside_balance(h, mc, nm, balance_column(h, mc, nm));
}

/* An unnamed label over no cells beside the money columns, next to an
 * amount column and the balance ("Outflow", "Inflow", "Bal. after Txn"
 * over a first page of debits only): the other side, whose amounts this
 * page happens not to print. Read as no money column, its credits on
 * later pages (read under this page's header) were lost. Only where the
 * two money columns are one side (a label names it, or none names the
 * amounts) and the balance, contiguous with it: a named "Amount" beside
 * the balance prints both sides itself. */
static void empty_side_beside_amounts(struct header *h, const struct col_cells *cc)
{
    int mc[TABLE_MAX_COLS], nm = 0;
    for (int a = 0; a < h->ncols; a++)
        if (header_money_role(h->cols[a].role))
            mc[nm++] = a;
    if (nm != 2 || header_col(h, COL_DRCR) >= 0)
        return;
    int bal = h->cols[mc[0]].role == COL_BALANCE ? 0 : h->cols[mc[1]].role == COL_BALANCE ? 1 : -1;
    if (bal < 0)
        return;
    const struct column *side = &h->cols[mc[1 - bal]];
    if (side->role == COL_BALANCE || (side->role == COL_AMOUNT && !side->unnamed))
        return;
    for (int a = mc[0] - 1; a <= mc[1] + 1; a++) {
        int lo = a < mc[0] ? a : mc[0], hi = a > mc[1] ? a : mc[1];
        if (a < 0 || a >= h->ncols || hi - lo != 2 || !h->cols[a].unnamed || h->cols[a].role != COL_OTHER ||
            cc[a].kind != CK_EMPTY)
            continue;
        h->cols[a].role = COL_AMOUNT; /* a side: money_roles tells which */
        h->cols[a].guess = true;
        return;
    }
}

/* Labels sit as close as the words inside them ("Txn Description",
 * "Booking Date"): an unnamed run right beside a named label whose cells
 * are of the label's kind is part of that label. */
static bool textual(enum cellkind k)
{
    return k == CK_TEXT || k == CK_EMPTY;
}

/* Is unnamed column a, beside b (a label naming a reference or other
 * text), the narration of a header naming none ("Nature of Txn" a space
 * after "Reference Id")? Its text is, when more than twice b's: a
 * reference is a number now and then, a narration a sentence on every
 * line. Joined, the narrations would be read as references. */
static bool narration_beside_text_label(const struct header *h, const struct col_cells *cc, int a, int b)
{
    enum col_role rb = h->cols[b].role;
    return !h->cols[b].unnamed && (rb == COL_REF || rb == COL_OTHER) && cc[a].kind == CK_TEXT &&
           header_col(h, COL_NARRATION) < 0 && cc[a].textlen > 2 * cc[b].textlen;
}

/* Are neighbouring columns a and b two labels, a column of cells starting
 * under the right one's first word or a column of amounts ending under
 * the left one's last? Then they are two columns, however close ("Nature
 * of Txn" beside "Transaction ID", the narrations under the one and the
 * ids under the other each from its label's x). */
static bool parted_by_edge(const struct header *h, const struct cell_edges *e, int a, int b)
{
    return header_edge_at(e, h->cols[a < b ? b : a].x0) || header_edge_ends_at(e, h->cols[a < b ? a : b].x1);
}

/* May unnamed column a join its neighbour b? */
static bool joins(const struct header *h, const struct col_cells *cc, const struct cell_edges *e, int a, int b,
                  float size)
{
    enum cellkind ka = cc[a].kind, kb = cc[b].kind;
    const struct column *l = &h->cols[a < b ? a : b], *r = &h->cols[a < b ? b : a];
    if (r->x0 - l->x1 >= size || parted_by_edge(h, e, a, b))
        return false;
    /* amounts under both: two money columns ("Inflow" beside "Book
     * Balance"), however close their labels; dates under both: a date and
     * a value date ("Booking Date" beside "Value" over "On") */
    if ((ka == CK_MONEY && kb == CK_MONEY) || (ka == CK_DATE && kb == CK_DATE))
        return false;
    if (narration_beside_text_label(h, cc, a, b))
        return false;
    if (!h->cols[b].unnamed)
        return header_kind_suits(ka, h->cols[b].role);
    /* "Nature of" + "Txn": one text label; a piece with no cells of its
     * own is a word of the unknown label beside it, whatever that one's
     * cells ("Account Activity" a monospaced space apart, the dates of the
     * date and narration cell under "Account" alone) */
    return ka == CK_EMPTY || (textual(ka) && textual(kb));
}

/* What was counted under column a's label joins what was counted under
 * b's, the label a merges into: b's kind, unless its own cells do not
 * suit its role (a label naming none: any kind does) or it has none (the
 * cells fell under the unnamed part); the text and the cells of each kind
 * under both parts summed. */
static void merge_cells(const struct column *b, struct col_cells *into, const struct col_cells *from)
{
    if ((b->role != COL_UNKNOWN && !header_kind_suits(into->kind, b->role)) || into->kind == CK_EMPTY)
        into->kind = from->kind;
    into->timed = from->timed > into->timed ? from->timed : into->timed;
    if (from->earlier + from->later > into->earlier + into->later) /* the dates' order: the part holding the dates */
        into->earlier = from->earlier, into->later = from->later;
    into->textlen += from->textlen;
    into->dated_text += from->dated_text;
    for (int k = 0; k < CK__COUNT; k++)
        into->count[k] += from->count[k];
}

/* Unnamed columns merged into the label beside them, with what was
 * counted of their cells (merge_cells). */
static void merge_unnamed(struct header *h, struct col_cells *cc, const struct cell_edges *e, float size)
{
    for (int a = 0; a < h->ncols;) {
        int b = -1;
        if (h->cols[a].unnamed) {
            if (a + 1 < h->ncols && joins(h, cc, e, a, a + 1, size))
                b = a + 1;
            else if (a > 0 && joins(h, cc, e, a, a - 1, size))
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
        header_drop_column(h, cc, a);
    }
}

/* Do a column's dates run one way (oldest or newest first), two steps
 * at least? */
static bool dates_in_order(const struct col_cells *c)
{
    return c->earlier + c->later >= 2 && (!c->earlier || !c->later);
}

/* Two date columns whose labels leave open which is which: the one
 * printing the time of day is the transaction's (a posting is stamped
 * with its time; a value date is a day for interest); failing that, the
 * one whose dates run in order while the other's go back and forth (a
 * statement lists its postings in order; a value date may fall before
 * the posting above it: "Effective Date" before "Date of Txn"); failing
 * that, the first. */
static void order_dates(struct header *h, const struct col_cells *cc, int lines)
{
    int d = header_col(h, COL_DATE), v = header_col(h, COL_VALUE_DATE);
    if (d < 0 || v < 0 || !h->cols[d].guess || !h->cols[v].guess || cc[d].kind != CK_DATE || cc[v].kind != CK_DATE)
        return;
    bool v_timed = cc[v].timed * 2 > lines && cc[d].timed * 5 < lines,
         d_timed = cc[d].timed * 2 > lines && cc[v].timed * 5 < lines,
         v_ordered = dates_in_order(&cc[v]) && cc[d].earlier && cc[d].later;
    if (v_timed || (!d_timed && v_ordered)) {
        h->cols[d].role = COL_VALUE_DATE;
        h->cols[v].role = COL_DATE;
    }
}

/* A complete value on its own: a date or an amount. */
static bool value_cell(const char *s)
{
    enum cellkind k = header_cell_kind(s);
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
            int c = header_column_at(h, (l->words[v].x0 + l->words[v].x1) / 2);
            int k = ncols > 0 && cols[ncols - 1] == c ? ncols - 1 : ncols++;
            if (k < 2) {
                cols[k] = c;
                layout_join_word(part[k], sizeof part[k], strlen(part[k]), word_text(l, &l->words[v]));
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
            header_column_at(h, (l->words[w].x0 + l->words[e - 1].x1) / 2) == a)
            ++*own;
    }
}

/* Does unnamed column a hold nothing of its own below, only other
 * columns' cells run on under it ("01" under "Date", "June" under "of
 * Txn")? */
static bool only_run_on(const struct layout *l, size_t from, float size, const struct header *h, int a)
{
    static __thread char cell[TABLE_MAX_COLS][SAMPLE_CELL];
    struct sampler sp = header_sampler_at(l, from);
    int own = 0;
    while (own == 0 && header_sample_cells(l, &sp, h, size, cell))
        cells_reaching(l, sp.j - 1, h, a, size, &own);
    return own == 0;
}

/* The named label less than an em beside column a, with no column of
 * cells starting between them, or -1. */
static int named_beside(const struct header *h, const struct cell_edges *e, int a, float size)
{
    if (a > 0 && !h->cols[a - 1].unnamed && h->cols[a].x0 - h->cols[a - 1].x1 < size &&
        !parted_by_edge(h, e, a, a - 1))
        return a - 1;
    if (a + 1 < h->ncols && !h->cols[a + 1].unnamed && h->cols[a + 1].x0 - h->cols[a].x1 < size &&
        !parted_by_edge(h, e, a, a + 1))
        return a + 1;
    return -1;
}

/* A label piece no phrase names close beside a named label ("Date" then
 * "of Txn", "Entry" before "Dt", a monospaced space apart): whether it is
 * a word of that label or a column of its own is told by its cells, not
 * by the gap alone. Under nothing of its own but cells run on from beside
 * it, it is a word of the label: the label's column, widened. With cells
 * of its own ("Settled" over dates beside "Txn Date") it stays a column. */
static void join_run_on_pieces(const struct layout *l, size_t from, float size, const struct cell_edges *e,
                               struct header *h)
{
    for (int a = 0; a < h->ncols;) {
        int b = h->cols[a].unnamed ? named_beside(h, e, a, size) : -1;
        if (b < 0 || !only_run_on(l, from, size, h, a)) {
            a++;
            continue;
        }
        h->cols[b].x0 = fminf(h->cols[b].x0, h->cols[a].x0);
        h->cols[b].x1 = fmaxf(h->cols[b].x1, h->cols[a].x1);
        h->cols[b].guess = true;
        header_drop_column(h, NULL, a);
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
    struct sampler sp = header_sampler_at(l, from);
    while (header_sample_cells(l, &sp, h, size, cell)) {
        pb_paise b = 0, amt = 0, v;
        int mark, namt = 0;
        bool has_bal = token_parse_amount(cell[bal], strlen(cell[bal]), &b, &mark);
        if (mark < 0)
            b = -b;
        for (int a = 0; a < h->ncols; a++)
            if (a != bal && header_money_role(h->cols[a].role) &&
                token_parse_amount(cell[a], strlen(cell[a]), &v, &mark)) {
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

/* The balances below h do not chain under the balance its roles guess
 * (the rightmost money column whose label names none): another money
 * column whose label names no role may be the balance, printed before the
 * amounts ("Ledger" then "Outflow", "Inflow"). The first under which the
 * balances chain is, the others the sides beside it (sides_beside_balance).
 * Returns whether one was found. */
static bool balance_elsewhere(const struct layout *l, size_t from, float size, struct header *h)
{
    int mc[TABLE_MAX_COLS], nm = 0, bal = header_col(h, COL_BALANCE);
    for (int a = 0; a < h->ncols; a++)
        if (header_money_role(h->cols[a].role))
            mc[nm++] = a;
    if (bal < 0 || !h->cols[bal].unnamed || nm > 3)
        return false;
    for (int k = 0; k < nm; k++) {
        if (mc[k] == bal || !h->cols[mc[k]].unnamed)
            continue;
        struct header trial = *h;
        sides_beside_balance(&trial, mc, nm, mc[k]);
        if (balances_chain(l, from, size, &trial)) {
            *h = trial;
            return true;
        }
    }
    return false;
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
        if (header_money_role(h->cols[a].role))
            mc[nm++] = a;
    if (nm != 2 || !h->cols[mc[0]].guess || !h->cols[mc[1]].unnamed || h->cols[mc[1]].role != COL_BALANCE)
        return;
    int only[2] = {0, 0};
    struct sampler sp = header_sampler_at(l, from);
    while (header_sample_cells(l, &sp, h, size, cell)) {
        bool a = header_content_kind(cell[mc[0]]) == CK_MONEY, b = header_content_kind(cell[mc[1]]) == CK_MONEY;
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

/* See header_parts.h. */
bool header_roles_from_cells(const struct layout *l, size_t from, float size, struct header *h, bool *chained)
{
    *chained = false;
    struct col_cells cc[TABLE_MAX_COLS];
    struct cell_edges edges;
    header_cell_edges(l, from, size, &edges);
    join_run_on_pieces(l, from, size, &edges, h);
    header_part_serial_lead(l, from, size, h);
    header_part_tail(l, from, size, h);
    int lines = header_count_cells(l, from, size, h, cc);
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
    merge_unnamed(h, cc, &edges, size);
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
            if (col->guess && header_money_role(col->role) && kd != CK_MONEY)
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
    header_date_in_narration_cell(l, from, size, h, cc);
    empty_side_beside_amounts(h, cc);
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
        amounts |= header_money_role(h->cols[a].role) && cc[a].kind == CK_MONEY;
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
    *chained = dates && amounts && (balances_chain(l, from, size, h) || balance_elsewhere(l, from, size, h));
    return dates && amounts;
}
