#include "extract/reconcile.h"

#include <stdlib.h>
#include <string.h>

/* Direction of a row from what is printed: +1 credit, -1 debit, 0 open.
 * Sets *amount. */
static int printed_direction(const struct table_row *r, pb_paise *amount)
{
    if (r->has_debit && !r->has_credit) {
        *amount = r->debit;
        return -1;
    }
    if (r->has_credit && !r->has_debit) {
        *amount = r->credit;
        return 1;
    }
    if (r->has_amount) {
        *amount = r->amount;
        return r->amount_mark;
    }
    *amount = r->has_debit ? r->debit : 0;
    return 0;
}

/* Where the print leaves the direction open (single amount column without
 * marker, or both columns filled), the balance decides. */
static int decide(const struct table_row *r, pb_paise prev, bool has_prev, pb_paise *amount)
{
    int dir = printed_direction(r, amount);
    if (r->has_debit && r->has_credit && has_prev && r->has_balance) {
        if (prev - r->debit == r->balance)
            return *amount = r->debit, -1;
        if (prev + r->credit == r->balance)
            return *amount = r->credit, 1;
    }
    if (dir)
        return dir;
    if (has_prev && r->has_balance) {
        if (prev - *amount == r->balance)
            return -1;
        if (prev + *amount == r->balance)
            return 1;
        return r->balance < prev ? -1 : 1;
    }
    return -1;
}

int reconcile_rows(struct table_result *t, struct statement *st)
{
    st->txns = calloc(t->nrows + 1, sizeof *st->txns);
    if (!st->txns)
        return -1;
    bool has_prev = st->has_opening;
    pb_paise prev = st->opening_balance;
    size_t n = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        struct table_row *r = &t->rows[i];
        pb_paise amount = 0;
        int dir = decide(r, prev, has_prev, &amount);
        if (amount <= 0 || r->date == PB_NO_DAY) {
            if (!has_prev && r->has_balance && n == 0) { /* a dated opening row */
                st->opening_balance = prev = r->balance;
                st->has_opening = has_prev = true;
            }
            continue;
        }
        if (!has_prev && r->has_balance) { /* opening not printed: derive it */
            prev = dir < 0 ? r->balance + amount : r->balance - amount;
            st->opening_balance = prev;
            has_prev = true;
        }
        struct txn *x = &st->txns[n++];
        x->date = r->date;
        x->value_date = r->value_date;
        x->type = dir < 0 ? TXN_DEBIT : TXN_CREDIT;
        x->amount = amount;
        x->has_balance = r->has_balance;
        x->balance = r->has_balance ? r->balance : (dir < 0 ? prev - amount : prev + amount);
        x->note = r->note;
        x->chq_num = r->ref;
        x->page = r->page + 1;
        r->note = r->ref = NULL;
        prev = x->balance;
        has_prev = true;
    }
    st->ntxns = n;
    if (!st->has_opening && n) {
        const struct txn *x = &st->txns[0];
        st->opening_balance = x->type == TXN_DEBIT ? x->balance + x->amount : x->balance - x->amount;
    }
    if (!st->has_closing && n)
        st->closing_balance = st->txns[n - 1].balance;
    reconcile_check(st);
    return 0;
}

void reconcile_check(struct statement *st)
{
    pb_paise prev = st->opening_balance, credits = 0, debits = 0;
    st->balances_ok = true;
    for (size_t i = 0; i < st->ntxns; i++) {
        struct txn *x = &st->txns[i];
        pb_paise want = x->type == TXN_DEBIT ? prev - x->amount : prev + x->amount;
        x->reconciled = want == x->balance;
        st->balances_ok = st->balances_ok && x->reconciled;
        if (x->type == TXN_DEBIT)
            debits += x->amount;
        else
            credits += x->amount;
        prev = x->balance;
    }
    st->totals_ok = st->opening_balance + credits - debits == st->closing_balance;
}
