/* Webhook notifications: events are written to a durable outbox in the
 * store (webhook_deliveries), in the same transaction as the state change
 * that causes them where the store allows, and delivered by a dispatcher
 * thread at least once, retried on the schedule of backoff.h. An expiry
 * scanner fires SESSION_EXPIRY_NOTIFICATION when a session's time is up,
 * with no request needed.
 *
 * Several nodes may share a store: a node claims due deliveries with a
 * lease (NOTIFY_LEASE seconds), so a delivery is attempted by one node at a
 * time, and one whose node died is picked up after its lease ends. The
 * expiry scanner's "notified" mark is a conditional update, so exactly one
 * node queues each expiry event. */
#ifndef PB_NOTIFY_NOTIFY_H
#define PB_NOTIFY_NOTIFY_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/org.h"
#include "core/session.h"
#include "core/webhook.h"
#include "store/store.h"

#define NOTIFY_LEASE 60          /* seconds a claimed delivery is ours */
#define NOTIFY_TIMEOUT 10        /* seconds per delivery attempt */

struct notify_config {
    int retry_base;              /* first retry after this many seconds (default 15) */
    int expiry_scan_interval;    /* seconds between expiry scans (default 15) */
    bool allow_private_urls;     /* --allow-private-urls: deliver to private addresses */
};

struct notify;

/* Starts the dispatcher and the expiry scanner on st. Returns 0 and sets
 * *out (stop with notify_stop), or -1. */
int notify_start(struct store *st, const struct notify_config *cfg, struct notify **out);
/* Stops both threads (an attempt in flight finishes first) and frees n. */
void notify_stop(struct notify *n);
/* Wakes the dispatcher of this process now (a delivery was queued). Safe
 * to call when no dispatcher runs. */
void notify_kick(void);

/* The secret deliveries to org_id are signed with: created on first use,
 * kept in the store's settings so every node signs alike. malloc'd, or
 * NULL on a store failure. */
char *notify_signing_key(struct store *st, const char *org_id);

/* Fills d for delivering event about session_id (may be NULL) to org's
 * webhook: payload is stolen and dumped compactly. Returns 1 when org has
 * no webhook_url (nothing to deliver; payload freed), 0 when d is ready
 * (clear it with webhook_delivery_clear), -1 on out of memory. */
int notify_prepare(const struct org *org, const char *session_id, const char *event,
                   json_t *payload, int64_t now, struct webhook_delivery *d);

/* The §4.1(a) body: SESSION_REQUIREMENT_COMPLETION_NOTIFICATION or
 * SESSION_EXPIRY_NOTIFICATION for session s. New reference, or NULL. */
json_t *notify_upload_payload(struct store *st, const struct session *s, const char *event);
/* The §4.1(b) body: ENRICHMENT_NOTIFICATION for session s. */
json_t *notify_enrichment_payload(struct store *st, const struct session *s);

/* The accounts arrays of those bodies, read from the store: for (a) as in
 * session_upload_status/ (account_id, masked account_number, bank_name,
 * statements, account_status PARTIAL/COMPLETED, months, missing_data ...),
 * for (b) the processing outcome per account (*insights_available set).
 * New references, or NULL on a store failure. */
json_t *notify_upload_accounts(struct store *st, const struct session *s);
json_t *notify_enrichment_accounts(struct store *st, const struct session *s, bool *insights_available);

/* Queues ENRICHMENT_NOTIFICATION for session s once (a second call for the
 * same session does nothing), for the processing pipeline to call when it
 * finishes, successfully or not. Returns 0 or -1. */
int notify_enrichment(struct store *st, const struct session *s);

#endif
