/* Readings of the columns' roles: where labels leave the money columns'
 * roles open, every permutation of them is a reading; where pages print
 * the same header but each page's cells had its columns read otherwise
 * (a column empty on one page joined its neighbour, text reaching under
 * a money label), each page's columns for all of them is one; the one
 * whose balances chain best wins (table.c). See table_parts.h. */
#include "extract/table_parts.h"

#include <math.h>
#include <string.h>

/* A row's change of balance as printed: credit - debit, or the single
 * amount with its marker; *either: no marker, the sign is open. */
static pb_paise row_delta(const struct table_row *r, bool *either)
{
    *either = false;
    if (r->has_debit || r->has_credit)
        return (r->has_credit ? r->credit : 0) - (r->has_debit ? r->debit : 0);
    if (!r->has_amount)
        return 0;
    *either = r->amount_mark == 0;
    return r->amount_mark < 0 ? -r->amount : r->amount;
}

static bool delta_fits(const struct table_row *r, pb_paise diff)
{
    bool either;
    pb_paise d = row_delta(r, &either);
    return (r->has_debit || r->has_credit || r->has_amount) && (d == diff || (either && d == -diff));
}

/* How well the balances chain: the share of neighbouring transaction rows
 * whose change of balance is the row's amount, in printed order or
 * newest first, whichever fits better. */
double table_chain_score(const struct table_result *t)
{
    long fwd = 0, back = 0, pairs = 0;
    const struct table_row *prev = NULL;
    for (size_t i = 0; i < t->nrows; i++) {
        const struct table_row *r = &t->rows[i];
        if (r->marker || !r->has_balance)
            continue;
        if (prev) {
            pairs++;
            fwd += delta_fits(r, r->balance - prev->balance);
            back += delta_fits(prev, prev->balance - r->balance);
        }
        prev = r;
    }
    return pairs ? (double)(fwd > back ? fwd : back) / (double)pairs : 0;
}

/* The money columns whose roles the labels left open, in order. */
int table_guessed_money(const struct header *h, int *idx)
{
    int n = 0;
    for (int a = 0; a < h->ncols && n < 4; a++) {
        enum col_role r = h->cols[a].role;
        if (h->cols[a].guess && (r == COL_DEBIT || r == COL_CREDIT || r == COL_AMOUNT || r == COL_BALANCE))
            idx[n++] = a;
    }
    return n;
}

/* The v-th permutation of the guessed money columns' roles (v < k!). */
void table_permute_roles(struct header *h, int v)
{
    int idx[4], n = table_guessed_money(h, idx);
    enum col_role pool[4], out[4];
    for (int a = 0; a < n; a++)
        pool[a] = h->cols[idx[a]].role;
    int left = n;
    for (int a = 0; a < n; a++) {
        int f = 1;
        for (int b = 2; b < left; b++)
            f *= b;
        int pick = (v / f) % left;
        v %= f;
        out[a] = pool[pick];
        memmove(&pool[pick], &pool[pick + 1], (size_t)(left - pick - 1) * sizeof *pool);
        left--;
    }
    for (int a = 0; a < n; a++)
        h->cols[idx[a]].role = out[a];
}

bool table_sides_open(const struct page_header *ph, int npages)
{
    for (int p = 0; p < npages; p++) {
        if (!ph[p].found)
            continue;
        const struct header *h = &ph[p].h;
        int d = header_col(h, COL_DEBIT), c = header_col(h, COL_CREDIT);
        if (d >= 0 && c >= 0 && h->cols[d].guess && h->cols[c].guess && header_col(h, COL_BALANCE) < 0)
            return true;
    }
    return false;
}

int table_permutations(const struct page_header *ph, int npages)
{
    int most = 0, idx[4];
    for (int p = 0; p < npages; p++)
        if (ph[p].found) {
            int k = table_guessed_money(&ph[p].h, idx);
            most = k > most ? k : most;
        }
    return most >= 4 ? 24 : most == 3 ? 6 : most == 2 ? 2 : 1;
}

/* The same header words at the same place: the same header, however
 * each page's cells had its columns read. */
static bool same_labels(const struct header *a, const struct header *b)
{
    return a->words == b->words && a->ncols && b->ncols && fabsf(a->cols[0].x0 - b->cols[0].x0) <= 4 &&
           fabsf(a->cols[a->ncols - 1].x1 - b->cols[b->ncols - 1].x1) <= 4;
}

static bool same_roles(const struct header *a, const struct header *b)
{
    if (a->ncols != b->ncols)
        return false;
    for (int i = 0; i < a->ncols; i++)
        if (a->cols[i].role != b->cols[i].role)
            return false;
    return true;
}

int table_role_sources(const struct page_header *ph, int npages, int *src, int max)
{
    int n = 0;
    for (int p = 0; p < npages && n < max; p++) {
        if (!ph[p].found)
            continue;
        if (n == 0) {
            for (int q = p + 1; q < npages && !n; q++)
                if (ph[q].found && same_labels(&ph[p].h, &ph[q].h) && !same_roles(&ph[p].h, &ph[q].h))
                    src[n++] = p;
            continue;
        }
        bool seen = !same_labels(&ph[p].h, &ph[src[0]].h);
        for (int k = 0; k < n && !seen; k++)
            seen = same_roles(&ph[p].h, &ph[src[k]].h);
        if (!seen)
            src[n++] = p;
    }
    return n;
}

void table_adopt_roles(struct page_header *ph, int npages, int src)
{
    struct header from = ph[src].h;
    for (int p = 0; p < npages; p++)
        if (ph[p].found && same_labels(&ph[p].h, &from)) {
            size_t first = ph[p].h.first_line, last = ph[p].h.last_line;
            ph[p].h = from;
            ph[p].h.first_line = first;
            ph[p].h.last_line = last;
        }
}
