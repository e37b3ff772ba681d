#include "enrich/enrich.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Statements printed newest first are walked backwards so that rows of one
 * day keep their real order (the last one sets the day's closing balance). */
static bool printed_newest_first(const struct statement *st)
{
    return st->ntxns > 1 && st->txns[0].date > st->txns[st->ntxns - 1].date;
}

static int etxn_cmp(const void *a, const void *b)
{
    const struct etxn *x = a, *y = b;
    if (x->t->date != y->t->date)
        return x->t->date < y->t->date ? -1 : 1;
    if (x->stmt != y->stmt)
        return x->stmt < y->stmt ? -1 : 1;
    return (x->row > y->row) - (x->row < y->row);
}

static bool same_row(const struct txn *a, const struct txn *b)
{
    return a->date == b->date && a->type == b->type && a->amount == b->amount &&
           a->has_balance == b->has_balance && (!a->has_balance || a->balance == b->balance) &&
           strcmp(a->note ? a->note : "", b->note ? b->note : "") == 0;
}

/* Overlapping statements of one account print the same rows twice; the
 * later statement's copy is kept but marked skip so totals count it once. */
static void mark_overlaps(struct etxn *tx, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i; j-- > 0 && tx[j].t->date == tx[i].t->date;) {
            if (tx[j].stmt != tx[i].stmt && !tx[j].skip && same_row(tx[j].t, tx[i].t)) {
                tx[i].skip = true;
                break;
            }
        }
    }
}

static void hash_all(struct account_enriched *e)
{
    const struct txn **p = malloc((e->n ? e->n : 1) * sizeof *p);
    char(*h)[PB_TXN_HASH_BUF] = malloc((e->n ? e->n : 1) * sizeof *h);
    if (!p || !h)
        abort();
    /* Hash in statement order so hashes do not depend on merge order. */
    size_t *ord = malloc((e->n ? e->n : 1) * sizeof *ord);
    if (!ord)
        abort();
    size_t k = 0;
    for (size_t s = 0; s < e->v->nstmts; s++)
        for (size_t i = 0; i < e->n; i++)
            if (e->tx[i].stmt == s)
                ord[k++] = i;
    for (size_t i = 0; i < e->n; i++)
        p[i] = e->tx[ord[i]].t;
    txn_hash_all(e->v->account_id, p, e->n, h);
    for (size_t i = 0; i < e->n; i++)
        memcpy(e->tx[ord[i]].hash, h[i], PB_TXN_HASH_BUF);
    free(p);
    free(h);
    free(ord);
}

static void flag_lending(struct etxn *x)
{
    const struct classification *c = &x->cls;
    bool credit = x->t->type == TXN_CREDIT;
    x->is_bounce = c->channel == CH_INWARD_CHEQUE_BOUNCE || c->channel == CH_OUTWARD_CHEQUE_BOUNCE ||
                   c->channel == CH_AUTO_DEBIT_PAYMENT_BOUNCE;
    x->is_bounce_charge = strcmp(c->description, "ach_bounce_charge") == 0 ||
                          strcmp(c->description, "chq_bounce_charge") == 0 ||
                          strcmp(c->description, "penalty_charge") == 0;
    bool lender = strcmp(c->description, "lender_transaction") == 0;
    x->is_emi = lender && !credit && !x->is_bounce && c->channel != CH_BANK_CHARGE;
    x->is_loan_credit = lender && credit && !x->is_bounce;
    if (c->channel == CH_AUTO_DEBIT_PAYMENT_BOUNCE)
        x->is_emi_bounce = c->lender[0] != '\0';
}

int enrich_account(const struct account_view *v, struct account_enriched *e, const char **err)
{
    memset(e, 0, sizeof *e);
    e->v = v;
    if (classify_init(err) != 0)
        return -1;
    size_t total = 0;
    for (size_t s = 0; s < v->nstmts; s++)
        total += v->stmts[s]->ntxns;
    e->tx = calloc(total ? total : 1, sizeof *e->tx);
    if (!e->tx)
        abort();
    /* Self transfers: the holder's printed names plus metadata.names. */
    const char **names = calloc(v->nstmts + v->meta.nnames + 1, sizeof *names);
    if (!names)
        abort();
    size_t nn = 0;
    for (size_t i = 0; i < v->meta.nnames; i++)
        names[nn++] = v->meta.names[i];
    for (size_t s = 0; s < v->nstmts; s++)
        if (v->stmts[s]->id.name)
            names[nn++] = v->stmts[s]->id.name;
    struct class_ctx ctx = {names, nn, v->meta.companies, v->meta.ncompanies};
    for (size_t s = 0; s < v->nstmts; s++) {
        const struct statement *st = v->stmts[s];
        bool rev = printed_newest_first(st);
        for (size_t r = 0; r < st->ntxns; r++) {
            size_t row = rev ? st->ntxns - 1 - r : r;
            struct etxn *x = &e->tx[e->n++];
            x->t = &st->txns[row];
            x->stmt = s;
            x->row = r; /* chronological position within the statement */
            classify_txn(x->t->note ? x->t->note : "", x->t->type, &ctx, &x->cls);
            flag_lending(x);
        }
    }
    free(names);
    qsort(e->tx, e->n, sizeof *e->tx, etxn_cmp);
    mark_overlaps(e->tx, e->n);
    hash_all(e);
    salary_detect(e);
    return 0;
}

void enrich_account_free(struct account_enriched *e)
{
    free(e->tx);
    memset(e, 0, sizeof *e);
}

void enrich_clean_note(const struct etxn *x, char *out, size_t cap)
{
    /* a lender by its canonical name, so that its instalments group however printed */
    const char *src = x->cls.lender[0]         ? x->cls.lender
                      : x->cls.counterparty[0] ? x->cls.counterparty
                                               : (x->t->note ? x->t->note : "");
    size_t w = 0;
    bool space = false;
    /* Drop digits and reference-like tokens so that monthly rows group. */
    for (const char *p = src; *p && w + 1 < cap; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalpha(c) || c == '&') {
            if (space && w > 0 && w + 2 < cap)
                out[w++] = ' ';
            space = false;
            out[w++] = (char)toupper(c);
        } else {
            space = true;
        }
    }
    out[w] = '\0';
}
