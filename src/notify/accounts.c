/* The accounts arrays of the webhook bodies (see notify.h), built by the
 * same functions as session_upload_status/ and session_status/. */
#include <string.h>

#include "ingest/accounts_json.h"
#include "notify/notify.h"

json_t *notify_upload_accounts(struct store *st, const struct session *s)
{
    struct upload_state u;
    if (upload_state_load(st, s, &u))
        return NULL;
    json_t *a = json_incref(u.accounts);
    upload_state_clear(&u);
    return a;
}

json_t *notify_enrichment_accounts(struct store *st, const struct session *s, bool *insights_available)
{
    json_t *a = enrichment_accounts(st, s);
    *insights_available = a && json_array_size(a) > 0;
    return a;
}
