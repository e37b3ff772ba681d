/* A later account's rows that are a grid of deposits. See deposit_grid.h. */
#include "extract/deposit_grid.h"

#include <string.h>

/* Its chain does not reconcile, and either the account is a deposit or no
 * row has a narration. */
bool deposit_grid(const struct statement *st)
{
    if (!st->ntxns || st->balances_ok)
        return false;
    const char *kind = st->id.account_type ? st->id.account_type : "";
    if (strstr(kind, "DEPOSIT"))
        return true;
    for (size_t i = 0; i < st->ntxns; i++)
        if (st->txns[i].note && st->txns[i].note[0])
            return false;
    return true;
}
