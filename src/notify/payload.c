/* Webhook bodies exactly as FinBox documents them (reference §4.1), and
 * the events that carry them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/accounts_json.h"
#include "notify/notify.h"
#include "util/clock.h"
#include "util/date.h"

json_t *notify_upload_payload(struct store *st, const struct session *s, const char *event)
{
    char from[PB_DATE_BUF], to[PB_DATE_BUF];
    json_t *accounts = notify_upload_accounts(st, s);
    if (!accounts)
        return NULL;
    json_t *holders = session_holders_json(st, s, NULL);
    if (!holders) {
        json_decref(accounts);
        return NULL;
    }
    bool expiry = !strcmp(event, WEBHOOK_EVENT_EXPIRY);
    return json_pack("{s:s,s:s,s:s,s:o,s:{s:s,s:s},s:o}", "session_id", s->id, "event_name", event,
                     "message", expiry ? "Session expired" : "Upload Completed", "accounts", accounts,
                     "session_date_range", "from_date", date_fmt_dmy(s->req.from_date, from),
                     "to_date", date_fmt_dmy(s->req.to_date, to), "holders", holders);
}

json_t *notify_enrichment_payload(struct store *st, const struct session *s)
{
    bool insights = true;
    json_t *accounts = notify_enrichment_accounts(st, s, &insights);
    json_t *holders = accounts ? session_holders_json(st, s, NULL) : NULL;
    if (!holders) {
        json_decref(accounts);
        return NULL;
    }
    return json_pack("{s:s,s:b,s:s,s:o,s:o}", "session_id", s->id, "insights_available", insights,
                     "event_name", WEBHOOK_EVENT_ENRICHMENT, "accounts", accounts, "holders", holders);
}

int notify_enrichment(struct store *st, const struct session *s)
{
    struct org org;
    if (STORE_CALL(st, org_get, s->org_id, &org) != STORE_OK)
        return -1;
    struct webhook_delivery d;
    int64_t now = pb_now();
    int prep = notify_prepare(&org, s->id, WEBHOOK_EVENT_ENRICHMENT, notify_enrichment_payload(st, s),
                              notify_session_sources(st, s), now, &d);
    org_clear(&org);
    if (prep)
        return prep > 0 ? 0 : -1;
    int rc = STORE_CALL(st, webhook_insert, &d);
    webhook_delivery_clear(&d);
    if (rc == STORE_OK)
        notify_kick();
    return rc == STORE_OK || rc == STORE_CONFLICT ? 0 : -1;  /* CONFLICT: already queued */
}

unsigned notify_session_sources(struct store *st, const struct session *s)
{
    struct statement_rec *recs = NULL;
    size_t n = 0;
    if (STORE_CALL(st, statement_list, s->id, &recs, &n) != STORE_OK)
        return 0;
    unsigned src = 0;
    for (size_t i = 0; i < n; i++) {
        const char *x = recs[i].source ? recs[i].source : "pdf";
        src |= !strcmp(x, "aa") ? NOTIFY_SRC_AA : !strcmp(x, "online") ? NOTIFY_SRC_ONLINE : NOTIFY_SRC_PDF;
        statement_rec_clear(&recs[i]);
    }
    free(recs);
    if (!src)
        src = s->req.mode == MODE_AA ? NOTIFY_SRC_AA : s->req.mode == MODE_ONLINE ? NOTIFY_SRC_ONLINE : NOTIFY_SRC_PDF;
    return src;
}

int notify_completion(struct store *st, const struct session *s, int64_t now)
{
    struct org org;
    int rc = STORE_CALL(st, org_get, s->org_id, &org);
    if (rc != STORE_OK)
        return STORE_ERROR;
    struct webhook_delivery d;
    int prep = notify_prepare(&org, s->id, WEBHOOK_EVENT_COMPLETION,
                              notify_upload_payload(st, s, WEBHOOK_EVENT_COMPLETION), notify_session_sources(st, s),
                              now, &d);
    org_clear(&org);
    if (prep < 0)
        return STORE_ERROR;
    rc = STORE_CALL(st, session_complete, s->id, now, prep == 0 ? &d : NULL);
    if (prep == 0)
        webhook_delivery_clear(&d);
    if (rc == STORE_OK)
        notify_kick();
    return rc;
}

int notify_completion_if_accepted(struct store *st, const struct session *s)
{
    if (s->completion_notified_at || s->state != SESSION_OPEN)
        return 0;
    struct upload_state u;
    if (upload_state_load(st, s, &u))
        return -1;
    bool accepted = u.accepted;
    upload_state_clear(&u);
    if (!accepted)
        return 0;
    int rc = notify_completion(st, s, pb_now());
    return rc == STORE_OK || rc == STORE_CONFLICT ? 0 : -1;
}

int notify_entity(struct store *st, const struct entity *e, const char *statement_id, const char *progress)
{
    struct org org;
    if (STORE_CALL(st, org_get, e->org_id, &org) != STORE_OK)
        return -1;
    struct webhook_delivery d;
    int prep = notify_prepare(&org, NULL, WEBHOOK_EVENT_ENTITY, entity_webhook_payload(e, statement_id, progress),
                              NOTIFY_SRC_PDF, pb_now(), &d);
    org_clear(&org);
    if (prep)
        return prep > 0 ? 0 : -1;
    snprintf(d.dedupe_key, sizeof d.dedupe_key, "entity:%s:%s", statement_id, progress);
    int rc = STORE_CALL(st, webhook_insert, &d);
    webhook_delivery_clear(&d);
    if (rc == STORE_OK)
        notify_kick();
    return rc == STORE_OK || rc == STORE_CONFLICT ? 0 : -1;
}
