/* A later account's rows that are a grid of deposits. See deposit_grid.h. */
#include "extract/deposit_grid.h"

#include <string.h>

/* Whether every row of st is dated before day. */
static bool all_before(const struct statement *st, pb_day day)
{
    for (size_t i = 0; i < st->ntxns; i++)
        if (st->txns[i].date == PB_NO_DAY || st->txns[i].date >= day)
            return false;
    return true;
}

/* A deposit account whose rows are all dated before the statement's period
 * lists when its deposits were opened (a grid of one deposit chains with
 * itself, the opening worked back from its only row: that vouches for
 * nothing). Otherwise: its chain does not reconcile, and either the account
 * is a deposit or no row has a narration. */
bool deposit_grid(const struct statement *st, pb_day period_from)
{
    if (!st->ntxns)
        return false;
    const char *kind = st->id.account_type ? st->id.account_type : "";
    bool deposit = strstr(kind, "DEPOSIT") != NULL;
    if (deposit && period_from != PB_NO_DAY && all_before(st, period_from))
        return true;
    if (st->balances_ok)
        return false;
    if (deposit)
        return true;
    for (size_t i = 0; i < st->ntxns; i++)
        if (st->txns[i].note && st->txns[i].note[0])
            return false;
    return true;
}
