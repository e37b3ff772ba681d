#include "core/statement.h"

#include <stdlib.h>
#include <string.h>

void txn_free(struct txn *t)
{
    free(t->note);
    free(t->chq_num);
}

static void facts_free(struct doc_facts *f)
{
    free(f->producer);
    free(f->creator);
    free(f->author);
    free(f->title);
    free(f->creation_date);
    free(f->mod_date);
    for (size_t i = 0; i < f->nfonts; i++)
        free(f->fonts[i]);
    free(f->fonts);
}

/* Frees everything the statement owns; the struct itself is the caller's. */
void statement_free(struct statement *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < st->ntxns; i++)
        txn_free(&st->txns[i]);
    free(st->txns);
    free(st->bank);
    identity_free(&st->id);
    facts_free(&st->facts);
}

void statement_list_free(struct statement_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        statement_free(&l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

void statement_list_take_first(struct statement_list *l, struct statement *out)
{
    memset(out, 0, sizeof *out);
    if (l->n) {
        *out = l->items[0];
        memset(&l->items[0], 0, sizeof l->items[0]);
    }
    statement_list_free(l);
}

static int dup_or_null(char **out, const char *in)
{
    *out = in ? strdup(in) : NULL;
    return in && !*out ? -1 : 0;
}

int doc_facts_copy(struct doc_facts *out, const struct doc_facts *in)
{
    *out = *in;
    out->producer = out->creator = out->author = out->title = out->creation_date = out->mod_date = NULL;
    out->fonts = NULL;
    out->nfonts = 0;
    int rc = dup_or_null(&out->producer, in->producer) | dup_or_null(&out->creator, in->creator) |
             dup_or_null(&out->author, in->author) | dup_or_null(&out->title, in->title) |
             dup_or_null(&out->creation_date, in->creation_date) | dup_or_null(&out->mod_date, in->mod_date);
    if (in->nfonts && !(out->fonts = calloc(in->nfonts, sizeof *out->fonts)))
        rc = -1;
    for (size_t i = 0; out->fonts && i < in->nfonts; i++, out->nfonts++)
        rc |= dup_or_null(&out->fonts[i], in->fonts[i]);
    if (rc) {
        facts_free(out);
        memset(out, 0, sizeof *out);
    }
    return rc ? -1 : 0;
}

size_t statement_unsure_rows(const struct statement *st)
{
    if (st->balances_ok || !st->totals_ok)
        return 0;
    size_t unsure = 0;
    pb_paise prev = st->opening_balance;
    for (size_t i = 0; i < st->ntxns; i++) {
        const struct txn *t = &st->txns[i];
        if ((t->type == TXN_DEBIT ? prev - t->amount : prev + t->amount) != t->balance)
            return 0;
        unsure += txn_ocr_doubtful(t);
        prev = t->balance;
    }
    return unsure;
}

bool statement_rows_unread_only(const struct statement *st)
{
    if (st->balances_ok || !st->totals_ok || !(st->rows_unread_before || st->rows_unread_after))
        return false;
    pb_paise prev = st->opening_balance;
    for (size_t i = 0; i < st->ntxns; i++) {
        const struct txn *t = &st->txns[i];
        bool unread_edge = (i == 0 && st->rows_unread_before) || (i + 1 == st->ntxns && st->rows_unread_after);
        if ((t->type == TXN_DEBIT ? prev - t->amount : prev + t->amount) != t->balance ||
            (!t->reconciled && !unread_edge))
            return false;
        prev = t->balance;
    }
    return true;
}

bool statement_prints_no_balance(const struct statement *st)
{
    for (size_t i = 0; i < st->ntxns; i++)
        if (st->txns[i].has_balance)
            return false;
    return st->ntxns > 0;
}
