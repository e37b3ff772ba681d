/* Account type (SAVINGS / CURRENT / OVERDRAFT) and category (individual /
 * corporate) from what the statement prints. */
#include "extract/identity_parts.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The kind a printed account type names, by its words: "Savings Account -
 * FIRST Select", "SAVINGS-RESIDENT", SBI's product codes "SBCHQ-GEN-PUB-
 * IND-NONRURAL-INR" / "SB-GEN-...", "CURRENT ACCOUNT - BUSINESS", "OD/CC",
 * "CASH CREDIT"; NULL when none (a word inside another, "PRODUCT", is
 * none). Savings first: "SB" beside other codes still names savings. */
static const char *account_kind(const char *t)
{
    static const char *const SAVINGS[] = {"savings", "saving", "sb", "sba", "sbchq", "sbnchq", "sbgen", NULL};
    static const char *const CURRENT[] = {"current", "ca", "cachq", NULL};
    static const char *const OVERDRAFT[] = {"overdraft", "od", "odcc", "cc", "ccod", NULL};
    struct toks k;
    id_tokenize(t, &k);
    bool current = false, overdraft = false;
    for (int i = 0; i < k.n; i++) {
        if (id_tok_in(k.t[i], SAVINGS))
            return "SAVINGS";
        current = current || id_tok_in(k.t[i], CURRENT);
        overdraft = overdraft || id_tok_in(k.t[i], OVERDRAFT) ||
                    (i + 1 < k.n && !strcmp(k.t[i], "cash") && !strcmp(k.t[i + 1], "credit"));
    }
    return current ? "CURRENT" : overdraft ? "OVERDRAFT" : NULL;
}

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
    const char *kind = id->account_type ? account_kind(id->account_type) : NULL;
    if (kind && !strcmp(kind, "CURRENT"))
        corp = true;
    if (id->name)
        id->account_category = strdup(corp ? "corporate" : "individual");
    if (kind) {
        free(id->account_type);
        id->account_type = strdup(kind);
    }
}
