/* Where a scan is read again. See scan_again.h. */
#include "extract/scan_again.h"

static int mark(bool *pages, int npages, int page)
{
    if (page < 1 || page > npages || pages[page - 1])
        return 0;
    pages[page - 1] = true;
    return 1;
}

int scan_again_pages(const struct statement_list *all, bool *pages, int npages)
{
    int n = 0;
    for (size_t s = 0; s < all->n; s++) {
        const struct statement *st = &all->items[s];
        for (size_t i = 0; i < st->ntxns; i++) {
            if (st->txns[i].reconciled)
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
