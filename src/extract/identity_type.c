/* Account type (SAVINGS / CURRENT / OVERDRAFT) and category (individual /
 * corporate) from what the statement prints. */
#include "extract/identity_parts.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void id_classify_account(struct identity *id)
{
    if (id->account_type && !id->raw_account_category)
        id->raw_account_category = strdup(id->account_type);
    const char *n = id->name ? id->name : "";
    static const char *const CORP[] = {"m/s", "m/s.", "pvt", "ltd", "limited", "llp", "enterprises", "traders",
                                       "industries", "corporation", "company", "& co", "associates", "medicals",
                                       "agencies", "stores", "solutions", "services", "exports", "foods"};
    bool corp = false;
    for (size_t i = 0; i < sizeof CORP / sizeof *CORP; i++)
        corp = corp || strcasestr(n, CORP[i]);
    const char *t = id->account_type ? id->account_type : "";
    if (strcasestr(t, "current"))
        corp = true;
    if (id->name)
        id->account_category = strdup(corp ? "corporate" : "individual");
    const char *kind = NULL;
    if (strcasestr(t, "saving") || strcasestr(t, "sb "))
        kind = "SAVINGS";
    else if (strcasestr(t, "current") || strcasestr(t, "ca "))
        kind = "CURRENT";
    else if (strcasestr(t, "overdraft") || strcasestr(t, "od") || strcasestr(t, "cash credit"))
        kind = "OVERDRAFT";
    if (kind) {
        free(id->account_type);
        id->account_type = strdup(kind);
    }
}
