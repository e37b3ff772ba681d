#include "core/statement.h"

#include <stdlib.h>

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
