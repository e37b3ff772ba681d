/* The accounts arrays of the webhook bodies (see notify.h). */
#include "notify/notify.h"

/* Until the store exposes a session's accounts and statements (the upload
 * issue), the bodies carry empty account lists. */
json_t *notify_upload_accounts(struct store *st, const struct session *s)
{
    (void)st;
    (void)s;
    return json_array();
}

json_t *notify_enrichment_accounts(struct store *st, const struct session *s, bool *insights_available)
{
    (void)st;
    (void)s;
    *insights_available = true;
    return json_array();
}
