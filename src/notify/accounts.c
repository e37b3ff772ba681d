/* The accounts arrays of the webhook bodies (see notify.h), built by the
 * same functions as session_upload_status/ and session_status/. */
#include <string.h>

#include "ingest/accounts_json.h"
#include "notify/notify.h"

json_t *notify_upload_accounts(struct store *st, const struct session *s)
{
    struct org org;
    bool have_org = STORE_CALL(st, org_get, s->org_id, &org) == STORE_OK;
    bool accepted;
    size_t n;
    json_t *a = upload_status_accounts(st, s, have_org ? &org : NULL, &accepted, &n);
    if (have_org)
        org_clear(&org);
    return a;
}

json_t *notify_enrichment_accounts(struct store *st, const struct session *s, bool *insights_available)
{
    json_t *a = enrichment_accounts(st, s);
    *insights_available = a && json_array_size(a) > 0;
    return a;
}
