/* Printed rows to transactions. See reconcile.h. The steps:
 *  1. dates printed without a year get the year the statement period
 *     allows;
 *  2. each transaction row becomes a "leg": its amount with the direction
 *     the print gives, or both directions where the print leaves it open;
 *  3. the order (printed, reversed, or days reversed with the printed order
 *     kept inside each day) whose running balance reconciles most links
 *     wins; ties go to the order the dates show;
 *  4. rows without a date of their own that break the chain are dropped
 *     where skipping them mends it;
 *  5. the opening balance (a printed one that fits the first row, else the
 *     first printed one, else worked back from the first printed balance
 *     through the rows before it), every row's direction and balance,
 *     the closing balance; the checks. */
#include "extract/reconcile.h"

#include <stdlib.h>
#include <string.h>

#include "extract/profile.h"
#include "util/clock.h"

/* One transaction row as the chain sees it. */
struct leg {
    size_t row;      /* index in t->rows */
    pb_paise amt[2]; /* amount of each possible reading */
    int dir[2];      /* its direction: -1 debit, +1 credit */
    int nopt;        /* 1: the print decides; 2: open (the balance decides) */
    bool blind;      /* open with no hint at all (an unmarked amount in a column that prints no signs) */
    bool sided;      /* from a debit or credit column (not a single amount column) */
    bool has_balance;
    pb_paise balance;
    bool weak; /* no date of its own: perhaps not a row at all */
    pb_day date;
};

enum order { ORDER_PRINTED, ORDER_REVERSED, ORDER_DAYS_REVERSED };

/* ---------- 1. years of dates printed without one ---------- */

static pb_day with_year(pb_day d2000, int year)
{
    int y, m, d;
    pb_day out;
    date_to_ymd(d2000, &y, &m, &d);
    return date_from_ymd(year, m, d, &out) ? out : PB_NO_DAY;
}

static pb_day dist(pb_day a, pb_day b)
{
    return a > b ? a - b : b - a;
}

/* The year that puts d inside [lo, hi] (a little slack either side); where
 * several do (a period over a year), the one nearest to near. */
static pb_day place_in_window(pb_day d2000, pb_day lo, pb_day hi, pb_day near)
{
    int ylo, yhi, m, d;
    date_to_ymd(lo, &ylo, &m, &d);
    date_to_ymd(hi, &yhi, &m, &d);
    pb_day best = PB_NO_DAY, bestcost = 0;
    for (int y = ylo - 1; y <= yhi + 1; y++) {
        pb_day c = with_year(d2000, y);
        if (c == PB_NO_DAY)
            continue;
        pb_day outside = c < lo - 7 ? lo - c : c > hi + 7 ? c - hi : 0;
        pb_day cost = outside * 1000 + (near != PB_NO_DAY ? dist(c, near) : 0);
        if (best == PB_NO_DAY || cost < bestcost)
            best = c, bestcost = cost;
    }
    return best;
}

static void resolve_years(struct table_result *t, const struct reconcile_hints *h)
{
    pb_day lo = h->from, hi = h->to;
    if (lo == PB_NO_DAY || hi == PB_NO_DAY || hi < lo) {
        hi = h->ref_date != PB_NO_DAY ? h->ref_date : pb_today_ist();
        lo = hi - 365;
    }
    pb_day near = PB_NO_DAY;
    for (size_t i = 0; i < t->nrows; i++) {
        struct table_row *r = &t->rows[i];
        if (!r->yearless || r->date == PB_NO_DAY) {
            if (r->date != PB_NO_DAY)
                near = r->date;
            continue;
        }
        pb_day d = place_in_window(r->date, lo, hi, near);
        if (r->value_date != PB_NO_DAY)
            r->value_date = place_in_window(r->value_date, d - 200, d + 200, d);
        r->date = d;
        r->yearless = false;
        near = d;
    }
}

/* ---------- 2. legs ---------- */

/* signed: the table prints withdrawals with a minus, so an unmarked amount
 * is more likely a deposit (the balance still decides where it can). */
static void set_opts(struct leg *g, const struct table_row *r, bool signed_col)
{
    g->nopt = 0;
    g->sided = r->has_debit || r->has_credit;
    if (r->has_debit) {
        g->amt[g->nopt] = r->debit;
        g->dir[g->nopt++] = -1;
    }
    if (r->has_credit) {
        g->amt[g->nopt] = r->credit;
        g->dir[g->nopt++] = 1;
    }
    if (!g->nopt && r->has_amount) {
        g->amt[0] = g->amt[1] = r->amount;
        g->dir[0] = r->amount_mark ? r->amount_mark : signed_col ? 1 : -1;
        g->dir[1] = -g->dir[0];
        g->nopt = r->amount_mark ? 1 : 2;
        g->blind = !r->amount_mark && !signed_col;
    }
}

/* Transaction rows as legs, in printed order. Rows without an amount or a
 * date are not transactions. */
static struct leg *make_legs(const struct table_result *t, size_t *n)
{
    struct leg *g = calloc(t->nrows + 1, sizeof *g);
    *n = 0;
    if (!g)
        return NULL;
    bool signed_col = false;
    for (size_t i = 0; i < t->nrows; i++)
        signed_col = signed_col || t->rows[i].amount_negative;
    for (size_t i = 0; i < t->nrows; i++) {
        const struct table_row *r = &t->rows[i];
        struct leg *x = &g[*n];
        if (r->marker || r->date == PB_NO_DAY)
            continue;
        set_opts(x, r, signed_col);
        if (!x->nopt)
            continue;
        x->row = i;
        x->has_balance = r->has_balance;
        x->balance = r->balance;
        x->weak = r->date_inherited;
        x->date = r->date;
        (*n)++;
    }
    return g;
}

/* Does leg x, applied to the balance before it, give its printed balance?
 * Returns the reading that does (0/1), or -1. */
static int fit(const struct leg *x, pb_paise prev)
{
    for (int k = 0; k < x->nopt; k++)
        if (prev + x->dir[k] * x->amt[k] == x->balance)
            return k;
    return -1;
}

/* Moves the running balance *prev past leg x: its printed balance, or
 * the balance carried by its one reading. Returns whether *prev is known
 * after x (have: before it). */
static bool chain_step(const struct leg *x, pb_paise *prev, bool have)
{
    if (x->has_balance) {
        *prev = x->balance;
        return true;
    }
    if (have && x->nopt == 1) {
        *prev += x->dir[0] * x->amt[0];
        return true;
    }
    return false;
}

/* ---------- 3. order ---------- */

static void make_order(const struct leg *g, size_t n, enum order o, size_t *perm)
{
    for (size_t i = 0; i < n; i++)
        perm[i] = o == ORDER_PRINTED ? i : n - 1 - i;
    if (o != ORDER_DAYS_REVERSED)
        return;
    /* blocks of one date, last block first, each in printed order */
    size_t k = 0, end = n;
    while (end > 0) {
        size_t start = end - 1;
        while (start > 0 && g[start - 1].date == g[end - 1].date)
            start--;
        for (size_t i = start; i < end; i++)
            perm[k++] = i;
        end = start;
    }
}

/* Links of the chain that reconcile in this order (a link: two rows with
 * printed balances and only decided rows between them). */
static size_t chain_score(const struct leg *g, const size_t *perm, size_t n)
{
    bool have = false;
    pb_paise prev = 0;
    size_t ok = 0;
    for (size_t k = 0; k < n; k++) {
        const struct leg *x = &g[perm[k]];
        if (have && x->has_balance && fit(x, prev) >= 0)
            ok++;
        have = chain_step(x, &prev, have);
    }
    return ok;
}

/* Do the printed dates run backwards (newest first)? */
static bool dates_descend(const struct leg *g, size_t n)
{
    size_t up = 0, down = 0;
    for (size_t i = 1; i < n; i++) {
        up += g[i].date > g[i - 1].date;
        down += g[i].date < g[i - 1].date;
    }
    return down > up;
}

static enum order choose_order(const struct leg *g, size_t n, size_t *perm)
{
    static const enum order ALL[] = {ORDER_PRINTED, ORDER_REVERSED, ORDER_DAYS_REVERSED};
    size_t score[3];
    for (int o = 0; o < 3; o++) {
        make_order(g, n, ALL[o], perm);
        score[o] = chain_score(g, perm, n);
    }
    size_t best = score[0] > score[1] ? score[0] : score[1];
    best = best > score[2] ? best : score[2];
    enum order pick;
    if (score[0] == best && !(dates_descend(g, n) && (score[1] == best || score[2] == best)))
        pick = ORDER_PRINTED;
    else if (score[1] == best)
        pick = ORDER_REVERSED;
    else
        pick = ORDER_DAYS_REVERSED;
    make_order(g, n, pick, perm);
    return pick;
}

/* ---------- 4. rows that are not rows ---------- */

/* Drops (from perm) weak legs that break the chain where skipping them
 * mends it: a summary grid or a reprinted total read as a row. Returns the
 * new length. */
static size_t drop_phantoms(const struct leg *g, size_t *perm, size_t n)
{
    size_t out = 0;
    bool have = false;
    pb_paise prev = 0;
    for (size_t k = 0; k < n; k++) {
        const struct leg *x = &g[perm[k]];
        if (x->weak && have && x->has_balance && fit(x, prev) < 0) {
            size_t j = k + 1;
            while (j < n && !g[perm[j]].has_balance)
                j++;
            bool mends = j == n || (j == k + 1 && fit(&g[perm[j]], prev) >= 0);
            if (mends)
                continue;
        }
        perm[out++] = perm[k];
        have = chain_step(x, &prev, have);
    }
    return out;
}

/* ---------- 5. balances and directions ---------- */

/* Printed balance lines of one kind (ROWK_OPENING / ROWK_CLOSING) at the
 * ends of the table, those at the chronological end the kind belongs to
 * first (before the first leg printed, or after the last one when the
 * statement runs newest first), then those at the other end. A dated row
 * with a balance and no amount before the first transaction is an opening
 * too. first_row/last_row: the first and last legs' rows as printed. */
static int marker_candidates(const struct table_result *t, size_t first_row, size_t last_row, bool reversed, int kind,
                             pb_paise *out, int max, int *nown)
{
    int k = 0;
    bool want_head = (kind == ROWK_OPENING) != reversed;
    *nown = 0;
    for (int pass = 0; pass < 2; pass++) {
        bool head = pass == 0 ? want_head : !want_head;
        if (pass == 1)
            *nown = k;
        for (size_t i = 0; i < t->nrows && k < max; i++) {
            const struct table_row *r = &t->rows[i];
            bool at = head ? i < first_row : i > last_row;
            bool dated_opening = kind == ROWK_OPENING && !r->marker && r->date != PB_NO_DAY && !r->has_amount &&
                                 !r->has_debit && !r->has_credit;
            if (at && r->has_balance && (r->marker == kind || dated_opening))
                out[k++] = r->balance;
        }
    }
    return k;
}

/* Candidates for the opening or closing balance in order of trust: the
 * table's own line at the right end, the labelled value, lines at the
 * other end. *nsure: how many come first from the right end or the label;
 * a line at the other end (a "Brought Forward" reprinted on a last page
 * after the last row) counts only where the chain agrees with it. */
static int balance_candidates(const struct table_result *t, const struct leg *g, size_t nlegs, bool reversed, int kind,
                              bool has_label, pb_paise label, pb_paise *cand, int *nsure)
{
    pb_paise m[6];
    size_t first = nlegs ? g[0].row : t->nrows, last = nlegs ? g[nlegs - 1].row : t->nrows;
    int nown, nm = marker_candidates(t, first, last, reversed, kind, m, 6, &nown), k = 0;
    if (nown)
        cand[k++] = m[0];
    if (has_label)
        cand[k++] = label;
    for (int i = nown ? 1 : 0; i < nown; i++)
        cand[k++] = m[i];
    *nsure = k;
    for (int i = nown; i < nm; i++)
        cand[k++] = m[i];
    return k;
}

/* The printed opening or closing balance the totals are checked against
 * (a table's own line or a labelled value), or false. */
static bool printed_end(const struct table_result *t, const struct leg *g, size_t nlegs, bool reversed, int kind,
                        bool has_label, pb_paise label, pb_paise *v)
{
    pb_paise cand[8];
    int nsure;
    balance_candidates(t, g, nlegs, reversed, kind, has_label, label, cand, &nsure);
    if (nsure)
        *v = cand[0];
    return nsure > 0;
}

/* A debit and a credit column that no label names and no balance beside
 * them (t->sides_open): the reading whose totals reach the printed
 * closing balance from the printed opening wins, the columns as first
 * guessed or the other way round. Neither or both (as many credited as
 * debited): the first guess stands, and no printed balance vouches for
 * any row (mark_unverified). */
static void settle_sides(const struct table_result *t, struct leg *g, size_t nlegs, const size_t *perm, size_t n,
                         bool reversed, const struct reconcile_hints *h)
{
    pb_paise open, close, sided = 0, rest = 0;
    if (!t->sides_open || !printed_end(t, g, nlegs, reversed, ROWK_OPENING, h->has_opening, h->opening, &open) ||
        !printed_end(t, g, nlegs, reversed, ROWK_CLOSING, h->has_closing, h->closing, &close))
        return;
    for (size_t k = 0; k < n; k++) {
        const struct leg *x = &g[perm[k]];
        if (x->sided)
            sided += x->dir[0] * x->amt[0];
        else
            rest += x->dir[0] * x->amt[0];
    }
    if (open + rest + sided == close || open + rest - sided != close)
        return;
    for (size_t k = 0; k < n; k++) {
        struct leg *x = &g[perm[k]];
        for (int o = 0; x->sided && o < x->nopt; o++)
            x->dir[o] = -x->dir[o];
    }
}

/* Directions of the legs between a balance and the next printed one that
 * the print leaves open: the combination that reaches the printed balance
 * (runs of up to 12 open legs), else debits. */
static void settle_run(const struct leg *g, const size_t *perm, size_t a, size_t b, pb_paise prev, int *choice)
{
    size_t open[12], nopen = 0;
    pb_paise fixed = prev;
    for (size_t k = a; k < b; k++) {
        const struct leg *x = &g[perm[k]];
        choice[k] = 0;
        if (x->nopt == 2 && nopen < 12)
            open[nopen++] = k;
        else
            fixed += x->dir[0] * x->amt[0];
    }
    const struct leg *end = b > a ? &g[perm[b - 1]] : NULL;
    if (!end || !end->has_balance || !nopen)
        return;
    for (unsigned mask = 0; mask < (1u << nopen); mask++) {
        pb_paise v = fixed;
        for (size_t i = 0; i < nopen; i++)
            v += g[perm[open[i]]].dir[mask >> i & 1] * g[perm[open[i]]].amt[mask >> i & 1];
        if (v == end->balance) {
            for (size_t i = 0; i < nopen; i++)
                choice[open[i]] = (int)(mask >> i & 1);
            return;
        }
    }
}

/* The reading of each leg in chronological order, given the opening. */
static void choose_directions(const struct leg *g, const size_t *perm, size_t n, bool has_open, pb_paise open,
                              int *choice)
{
    bool have = has_open;
    pb_paise prev = open;
    for (size_t k = 0; k < n;) {
        const struct leg *x = &g[perm[k]];
        if (!x->has_balance && x->nopt == 2 && have) {
            size_t j = k;
            while (j < n && !g[perm[j]].has_balance)
                j++;
            size_t b = j < n ? j + 1 : n;
            settle_run(g, perm, k, b, prev, choice);
            for (; k < b; k++) {
                const struct leg *y = &g[perm[k]];
                prev = y->has_balance ? y->balance : prev + y->dir[choice[k]] * y->amt[choice[k]];
            }
            continue;
        }
        int c = have && x->has_balance ? fit(x, prev) : -1;
        if (c < 0 && x->nopt == 2 && have && x->has_balance) /* nothing fits: the way the balance moved */
            c = (x->balance > prev ? 1 : -1) == x->dir[0] ? 0 : 1;
        if (c < 0)
            c = 0;
        choice[k] = c;
        if (x->has_balance)
            prev = x->balance;
        else
            prev = have ? prev + x->dir[c] * x->amt[c] : prev;
        have = have || x->has_balance;
        k++;
    }
}

/* The opening balance printed: one that the first row reconciles with,
 * else the first printed one. */
static bool pick_opening(const struct leg *first, const pb_paise *cand, int ncand, int nsure, pb_paise *open)
{
    for (int i = 0; i < ncand; i++)
        if (first && first->has_balance && fit(first, cand[i]) >= 0) {
            *open = cand[i];
            return true;
        }
    if (nsure) {
        *open = cand[0];
        return true;
    }
    return false;
}

/* The opening balance unprinted: worked back from the first printed
 * balance through the rows up to it, each read as its print gives it (a
 * debit where open). A statement printing the balance only on each day's
 * last row starts several rows before it. *blind: one of those rows was
 * read from nothing, so the chain cannot vouch for the opening. False
 * where no row prints a balance. */
static bool derive_opening(const struct leg *g, const size_t *perm, size_t n, pb_paise *open, bool *blind)
{
    pb_paise net = 0;
    *blind = false;
    for (size_t k = 0; k < n; k++) {
        const struct leg *x = &g[perm[k]];
        net += x->dir[0] * x->amt[0];
        *blind = *blind || x->blind;
        if (x->has_balance) {
            *open = x->balance - net;
            return true;
        }
    }
    return false;
}

static int emit(struct table_result *t, const struct leg *g, const size_t *perm, size_t n, const int *choice,
                struct statement *st)
{
    st->txns = calloc(n + 1, sizeof *st->txns);
    if (!st->txns)
        return -1;
    pb_paise prev = st->opening_balance;
    for (size_t k = 0; k < n; k++) {
        const struct leg *x = &g[perm[k]];
        struct table_row *r = &t->rows[x->row];
        struct txn *y = &st->txns[k];
        int c = choice[k];
        y->date = r->date;
        y->value_date = r->value_date;
        y->type = x->dir[c] < 0 ? TXN_DEBIT : TXN_CREDIT;
        y->amount = x->amt[c];
        y->has_balance = x->has_balance;
        y->balance = x->has_balance ? x->balance : prev + x->dir[c] * x->amt[c];
        y->note = r->note;
        y->chq_num = r->ref;
        y->page = r->page + 1;
        y->ocr = r->conf >= 0;
        y->confidence = y->ocr ? r->conf / 100 : 1;
        r->note = r->ref = NULL;
        prev = y->balance;
    }
    st->ntxns = n;
    return 0;
}

int reconcile_rows(struct table_result *t, const struct reconcile_hints *h, struct statement *st)
{
    resolve_years(t, h);
    size_t nlegs;
    struct leg *g = make_legs(t, &nlegs);
    size_t *perm = calloc(nlegs + 1, sizeof *perm);
    int *choice = calloc(nlegs + 1, sizeof *choice);
    int rc = -1;
    if (!g || !perm || !choice)
        goto out;
    bool reversed = choose_order(g, nlegs, perm) != ORDER_PRINTED;
    size_t n = drop_phantoms(g, perm, nlegs);
    settle_sides(t, g, nlegs, perm, n, reversed, h);
    const struct leg *first = n ? &g[perm[0]] : NULL;

    pb_paise cand[8];
    int nsure, nc = balance_candidates(t, g, nlegs, reversed, ROWK_OPENING, h->has_opening, h->opening, cand, &nsure);
    st->has_opening = pick_opening(first, cand, nc, nsure, &st->opening_balance);
    /* a direction read from nothing before the first printed balance: that
     * balance never tells which way the row went */
    bool blind = false;
    bool derived = !st->has_opening && derive_opening(g, perm, n, &st->opening_balance, &blind);
    st->opening_guessed = derived && blind;
    bool known = st->has_opening || derived;
    choose_directions(g, perm, n, known, st->opening_balance, choice);
    if (emit(t, g, perm, n, choice, st) < 0)
        goto out;

    /* the closing balance: a printed one equal to the last row's, else the
     * first printed one, else the last row's */
    pb_paise last = n ? st->txns[n - 1].balance : st->opening_balance;
    nc = balance_candidates(t, g, nlegs, reversed, ROWK_CLOSING, h->has_closing, h->closing, cand, &nsure);
    st->has_closing = nsure > 0;
    st->closing_balance = nsure ? cand[0] : last;
    for (int i = 0; i < nc; i++)
        if (cand[i] == last) {
            st->closing_balance = last;
            st->has_closing = true;
        }
    /* rows printed before the first row read (in time: above it, below
     * it in a newest-first print) with no opening balance printed: the
     * chain starts at an unvouched balance; so does its end with rows
     * after the last and no closing printed */
    st->rows_unread_before = (reversed ? h->unread_below : h->unread_above) && !st->has_opening;
    st->rows_unread_after = (reversed ? h->unread_above : h->unread_below) && !st->has_closing;
    st->narration_unread = t->narration_unread;
    st->value_dates_unread = t->value_dates_unread;
    reconcile_check(st);
    rc = 0;
out:
    free(g);
    free(perm);
    free(choice);
    return rc;
}

/* A row printed without a balance carries a running balance the reader
 * computed: it is checked only by the next printed balance (its row must
 * reconcile), or, after the last one, by a printed closing balance that the
 * totals reach (the chain runs up to that last balance). Rows nothing
 * checks are not reconciled. A statement printing no running balance at
 * all has no chain: its printed opening and closing check only the sum of
 * its rows (totals_ok), not any row (two amounts traded between rows, a
 * row's amount given to its neighbour, keep the sum), so none of its rows
 * is reconciled and it never "reconciles". */
static void mark_unverified(struct statement *st)
{
    bool any_printed = false;
    for (size_t i = 0; i < st->ntxns; i++)
        any_printed = any_printed || st->txns[i].has_balance;
    bool checked = st->has_closing && st->totals_ok && any_printed;
    for (size_t i = st->ntxns; i-- > 0;) {
        struct txn *x = &st->txns[i];
        if (x->has_balance)
            checked = x->reconciled;
        else
            x->reconciled = x->reconciled && checked;
        st->balances_ok = st->balances_ok && x->reconciled;
    }
}

bool reconcile_follows(const struct statement *st, size_t i)
{
    const struct txn *x = &st->txns[i];
    pb_paise prev = i ? st->txns[i - 1].balance : st->opening_balance;
    return (x->type == TXN_DEBIT ? prev - x->amount : prev + x->amount) == x->balance;
}

void reconcile_check(struct statement *st)
{
    pb_paise credits = 0, debits = 0;
    st->balances_ok = true;
    for (size_t i = 0; i < st->ntxns; i++) {
        struct txn *x = &st->txns[i];
        x->reconciled = reconcile_follows(st, i);
        st->balances_ok = st->balances_ok && x->reconciled;
        if (x->type == TXN_DEBIT)
            debits += x->amount;
        else
            credits += x->amount;
    }
    st->totals_ok = st->opening_balance + credits - debits == st->closing_balance;
    if ((st->opening_guessed || st->rows_unread_before) && st->ntxns) {
        st->txns[0].reconciled = false;
        st->balances_ok = false;
    }
    if (st->rows_unread_after && st->ntxns) {
        st->txns[st->ntxns - 1].reconciled = false;
        st->balances_ok = false;
    }
    mark_unverified(st);
    for (size_t i = 0; i < st->ntxns && st->narration_unread; i++)
        if (!st->txns[i].note || !st->txns[i].note[0]) {
            st->txns[i].reconciled = false;
            st->balances_ok = false;
        }
    for (size_t i = 0; i < st->ntxns && st->value_dates_unread; i++)
        if (st->txns[i].value_date == PB_NO_DAY) {
            st->txns[i].reconciled = false;
            st->balances_ok = false;
        }
}
