/* Readings of the columns' roles: where labels leave the money columns'
 * roles open, every permutation of them is a reading, and the one whose
 * balances chain best wins (table.c). See table_parts.h. */
#include "extract/table_parts.h"

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
