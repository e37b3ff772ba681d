/* Webhook notifications: events are written to a durable outbox in the
 * store (webhook_deliveries), in the same transaction as the state change
 * that causes them where the store allows, and delivered by a dispatcher
 * thread at least once, retried on the schedule of backoff.h. An expiry
 * scanner fires SESSION_EXPIRY_NOTIFICATION when a session's time is up,
 * with no request needed.
 *
 * Several nodes may share a store: a node claims due deliveries with a
 * lease (--webhook-lease, NOTIFY_LEASE seconds by default), so a delivery is attempted by one node at a
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

#define NOTIFY_LEASE 60          /* seconds a claimed delivery is ours (default) */
#define NOTIFY_TIMEOUT 10        /* seconds per delivery attempt */

struct keyfile;

struct notify_config {
    const struct keyfile *keys;  /* the server keys (webhook signing keys derive from them) */
    int retry_base;              /* first retry after this many seconds (default 15) */
    int expiry_scan_interval;    /* seconds between expiry scans (default 15) */
    bool allow_private_urls;     /* --allow-private-urls: deliver to private addresses */
    int lease_s;                 /* a claimed delivery is this node's so long (0: NOTIFY_LEASE);
                                  * more than NOTIFY_TIMEOUT, or a slow receiver gets it twice */
    const char *node;            /* this node's name, in the lease owner (NULL: the host name) */
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

/* The secret deliveries to org_id are signed with: derived from the key
 * file's webhook_key (so every node with the key file signs alike), or the
 * organisation's own key from an older install. malloc'd, or NULL. */
char *notify_signing_key(const struct keyfile *keys, const char *org_id);

/* Where a session's data came from, for webhook_mode. */
enum { NOTIFY_SRC_PDF = 1, NOTIFY_SRC_AA = 2, NOTIFY_SRC_ONLINE = 4, NOTIFY_SRC_ALL = 7 };

/* FinBox's webhook_mode (reference §2.13, §6.1), read as bits: events of
 * sessions fed automatically (net banking, Account Aggregator) always;
 * bit 1 adds manual PDF uploads; 3 = "all modes". So 0 sends nothing for a
 * PDF-only session and 1 (the default) sends everything Passbook does. */
bool notify_mode_allows(int webhook_mode, unsigned sources);
/* NOTIFY_SRC_* bits of the session's statements; a session without any
 * counts by its requested mode (PDF when none). 0 on a store error. */
unsigned notify_session_sources(struct store *st, const struct session *s);

/* Fills d for delivering event about session_id (may be NULL) to org's
 * webhook: payload is stolen and dumped compactly. Returns 1 when there is
 * nothing to deliver (org has no webhook_url, or its webhook_mode excludes
 * `sources`; payload freed), 0 when d is ready (clear it with
 * webhook_delivery_clear), -1 on out of memory. */
int notify_prepare(const struct org *org, const char *session_id, const char *event,
                   json_t *payload, unsigned sources, int64_t now, struct webhook_delivery *d);

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

/* The customer (or the lender's backend) is done uploading: marks
 * completion_notified_at and queues SESSION_REQUIREMENT_COMPLETION_NOTIFICATION
 * in one transaction. Returns a store_rc; STORE_CONFLICT when the session
 * was already completed, expired or closed. */
int notify_completion(struct store *st, const struct session *s, int64_t now);
/* After a backend upload: notify_completion once the uploads meet the
 * organisation's acceptance criterion (ingest/coverage.h). Returns 0, or
 * -1 on a store error. */
int notify_completion_if_accepted(struct store *st, const struct session *s);

/* Queues ENRICHMENT_NOTIFICATION for session s once (a second call for the
 * same session does nothing), for the processing pipeline to call when it
 * finishes, successfully or not. Returns 0 or -1. */
int notify_enrichment(struct store *st, const struct session *s);

/* Queues the entity webhook (reference §4.2) of statement_id's analysis
 * (progress "completed" or "failed") once, when e's organisation has a
 * webhook_url and its webhook_mode takes PDF uploads (notify_mode_allows).
 * Returns 0 or -1. */
int notify_entity(struct store *st, const struct entity *e, const char *statement_id, const char *progress);

#endif
