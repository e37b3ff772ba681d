/* Webhook bodies exactly as FinBox documents them (reference §4.1). */
#include <string.h>

#include "notify/notify.h"
#include "util/date.h"
#include "util/clock.h"

json_t *notify_upload_payload(struct store *st, const struct session *s, const char *event)
{
    char from[PB_DATE_BUF], to[PB_DATE_BUF];
    json_t *accounts = notify_upload_accounts(st, s);
    if (!accounts)
        return NULL;
    bool expiry = !strcmp(event, WEBHOOK_EVENT_EXPIRY);
    return json_pack("{s:s,s:s,s:s,s:o,s:{s:s,s:s}}", "session_id", s->id, "event_name", event,
                     "message", expiry ? "Session expired" : "Upload Completed", "accounts", accounts,
                     "session_date_range", "from_date", date_fmt_dmy(s->req.from_date, from),
                     "to_date", date_fmt_dmy(s->req.to_date, to));
}

json_t *notify_enrichment_payload(struct store *st, const struct session *s)
{
    bool insights = true;
    json_t *accounts = notify_enrichment_accounts(st, s, &insights);
    if (!accounts)
        return NULL;
    return json_pack("{s:s,s:b,s:s,s:o}", "session_id", s->id, "insights_available", insights,
                     "event_name", WEBHOOK_EVENT_ENRICHMENT, "accounts", accounts);
}

int notify_enrichment(struct store *st, const struct session *s)
{
    struct org org;
    if (STORE_CALL(st, org_get, s->org_id, &org) != STORE_OK)
        return -1;
    struct webhook_delivery d;
    int64_t now = pb_now();
    int prep = notify_prepare(&org, s->id, WEBHOOK_EVENT_ENRICHMENT,
                              notify_enrichment_payload(st, s), now, &d);
    org_clear(&org);
    if (prep)
        return prep > 0 ? 0 : -1;
    int rc = STORE_CALL(st, webhook_insert, &d);
    webhook_delivery_clear(&d);
    if (rc == STORE_OK)
        notify_kick();
    return rc == STORE_OK || rc == STORE_CONFLICT ? 0 : -1;  /* CONFLICT: already queued */
}
