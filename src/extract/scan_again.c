/* Where a scan is read again. See scan_again.h. */
#include "extract/scan_again.h"

#include "extract/reconcile.h"

static int mark(bool *pages, int npages, int page)
{
    if (page < 1 || page > npages || pages[page - 1])
        return 0;
    pages[page - 1] = true;
    return 1;
}

/* Whether the chain breaks at row i of st: its printed balance does not
 * follow from the balance before it, or rows were left unread before the
 * first row or after the last. A row left unreconciled only because OCR
 * was unsure of it (its balance follows), because nothing checks it (no
 * balance printed), or because the opening was guessed, shows no row lost
 * or garbled. */
static bool breaks(const struct statement *st, size_t i)
{
    const struct txn *x = &st->txns[i];
    if (x->reconciled)
        return false;
    if (x->has_balance && !reconcile_follows(st, i))
        return true;
    return (i == 0 && st->rows_unread_before) || (i + 1 == st->ntxns && st->rows_unread_after);
}

int scan_again_pages(const struct statement_list *all, bool *pages, int npages)
{
    int n = 0;
    for (size_t s = 0; s < all->n; s++) {
        const struct statement *st = &all->items[s];
        for (size_t i = 0; i < st->ntxns; i++) {
            if (!breaks(st, i))
                continue;
            n += mark(pages, npages, st->txns[i].page);
            if (i > 0)
                n += mark(pages, npages, st->txns[i - 1].page);
        }
    }
    return n;
}

long scan_again_score(const struct statement_list *all)
{
    long score = 0;
    for (size_t s = 0; s < all->n; s++)
        for (size_t i = 0; i < all->items[s].ntxns; i++)
            score += all->items[s].txns[i].reconciled ? 1 : -1;
    return score;
}
