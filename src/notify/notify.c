/* The webhook dispatcher and the session expiry scanner (see notify.h). */
#include "notify/notify.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "net/fetch.h"
#include "notify/backoff.h"
#include "notify/sign.h"
#include "util/keyfile.h"
#include "util/log.h"
#include "util/stats.h"
#include "util/secret.h"
#include "util/clock.h"
#include "util/fault.h"

#define CLAIM_BATCH 8
#define EXPIRY_BATCH 64
#define IDLE_WAIT_MS 1000   /* how often an idle dispatcher looks for due retries */

struct notify {
    struct store *st;
    struct notify_config cfg;
    char owner[96];          /* this process's lease owner: node:pid:random */
    pthread_t dispatcher, scanner;
    atomic_bool stopping;
};

/* One process-wide wake-up: a queued delivery kicks the dispatcher. */
static pthread_mutex_t kick_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t kick_cv = PTHREAD_COND_INITIALIZER;
static int kicks;

void notify_kick(void)
{
    pthread_mutex_lock(&kick_mu);
    kicks++;
    pthread_cond_broadcast(&kick_cv);
    pthread_mutex_unlock(&kick_mu);
}

/* Sleeps up to ms or until kicked or stopping. */
static void wait_kick(struct notify *n, int ms)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += ms / 1000;
    until.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&kick_mu);
    while (!kicks && !atomic_load(&n->stopping))
        if (pthread_cond_timedwait(&kick_cv, &kick_mu, &until))
            break;
    kicks = 0;
    pthread_mutex_unlock(&kick_mu);
}

bool notify_mode_allows(int webhook_mode, unsigned sources)
{
    if (sources & (NOTIFY_SRC_ONLINE | NOTIFY_SRC_AA))
        return true;
    return (sources & NOTIFY_SRC_PDF) && (webhook_mode & 1);
}

int notify_prepare(const struct org *org, const char *session_id, const char *event,
                   json_t *payload, unsigned sources, int64_t now, struct webhook_delivery *d)
{
    memset(d, 0, sizeof *d);
    if (!org->webhook_url || !*org->webhook_url || !notify_mode_allows(org->webhook_mode, sources)) {
        json_decref(payload);
        return 1;
    }
    if (!payload || !uuid_v4(d->id))
        goto oom;
    d->payload = json_dumps(payload, JSON_COMPACT | JSON_REAL_PRECISION(15));
    d->url = strdup(org->webhook_url);
    json_decref(payload);
    payload = NULL;
    if (!d->payload || !d->url)
        goto oom;
    snprintf(d->org_id, sizeof d->org_id, "%s", org->id);
    snprintf(d->session_id, sizeof d->session_id, "%s", session_id ? session_id : "");
    snprintf(d->event, sizeof d->event, "%s", event);
    if (session_id)
        snprintf(d->dedupe_key, sizeof d->dedupe_key, "%s:%s", session_id, event);
    d->status = WEBHOOK_PENDING;
    d->next_attempt_at = now;
    d->created_at = now;
    return 0;
oom:
    json_decref(payload);
    webhook_delivery_clear(d);
    return -1;
}

/* ---- delivery ---- */

char *notify_signing_key(const struct keyfile *keys, const char *org_id)
{
    char name[80];
    snprintf(name, sizeof name, "webhook_signing_key:%s", org_id);
    const char *kept = keys ? keyfile_get(keys, name) : NULL;
    if (kept)
        return strdup(kept);
    const char *master = keys ? keyfile_get(keys, "webhook_key") : NULL;
    if (!master)
        return NULL;
    char derived[PB_SHA256_HEX];
    snprintf(name, sizeof name, "webhook-signing:%s", org_id);
    hmac_sha256_hex(master, strlen(master), name, strlen(name), derived);
    return strdup(derived);
}

/* Makes one attempt at d and records the outcome in d (not yet stored). */
static void attempt(struct notify *n, struct webhook_delivery *d)
{
    int64_t now = pb_now();
    struct org org;
    bool have_org = STORE_CALL(n->st, org_get, d->org_id, &org) == STORE_OK;
    char *key = notify_signing_key(n->cfg.keys, d->org_id);
    char sig[WEBHOOK_SIGNATURE_BUF], h_sig[WEBHOOK_SIGNATURE_BUF + 32], h_event[96], h_id[80];
    char *h_secret = NULL;
    /* The signed time is the real clock, never the test offset: receivers
     * compare it with theirs. */
    webhook_sign(key ? key : "", (int64_t)time(NULL), d->payload, strlen(d->payload), sig);
    snprintf(h_sig, sizeof h_sig, "x-passbook-signature: %s", sig);
    snprintf(h_event, sizeof h_event, "x-passbook-event: %s", d->event);
    snprintf(h_id, sizeof h_id, "x-passbook-delivery: %s", d->id);
    const char *headers[6] = {h_sig, h_event, h_id, "User-Agent: Passbook-Webhook/1", NULL, NULL};
    if (have_org && org.webhook_secret && *org.webhook_secret &&
        asprintf(&h_secret, "x-secret-key: %s", org.webhook_secret) > 0)
        headers[4] = h_secret;
    long status = 0;
    struct net_error err = {0};
    int rc = key ? net_post_json(d->url, headers, d->payload, NOTIFY_TIMEOUT,
                                 n->cfg.allow_private_urls, &status, &err)
                 : -1;
    free(h_secret);
    free(key);
    if (have_org)
        org_clear(&org);
    d->attempts++;
    d->last_attempt_at = now;
    d->response_code = (int)status;
    if (rc == 0 && status >= 200 && status < 300) {
        d->status = WEBHOOK_DELIVERED;
        d->delivered_at = now;
        d->last_error[0] = '\0';
    } else {
        if (rc == 0)
            snprintf(d->last_error, sizeof d->last_error, "HTTP %ld", status);
        else
            snprintf(d->last_error, sizeof d->last_error, "%s", key ? err.message : "no signing key");
        int64_t next = webhook_next_attempt(d->attempts, d->created_at, now, n->cfg.retry_base);
        d->status = next < 0 ? WEBHOOK_FAILED : WEBHOOK_PENDING;
        if (next >= 0)
            d->next_attempt_at = next;
    }
    if (d->status == WEBHOOK_DELIVERED) {
        stats_add(STATS_WEBHOOKS_DELIVERED, d->event, NULL, 1);
        stats_observe(STATS_WEBHOOK_LAG, d->event, (double)(now - d->created_at));
    } else {
        stats_add(d->status == WEBHOOK_FAILED ? STATS_WEBHOOKS_FAILED : STATS_WEBHOOKS_RETRIED, d->event, NULL, 1);
    }
    /* A failed attempt says why (refused address, DNS, timeout, HTTP status). */
    log_msg(d->status == WEBHOOK_DELIVERED ? LOG_INFO : LOG_WARN,
            "webhook delivery=%s event=%s session=%s attempt=%d status=%ld outcome=%s%s%s%s", d->id, d->event,
            id_short(d->session_id), d->attempts, status, webhook_status_name(d->status),
            d->last_error[0] ? " error=\"" : "", d->last_error, d->last_error[0] ? "\"" : "");
}

static void *dispatcher_main(void *arg)
{
    struct notify *n = arg;
    struct webhook_delivery batch[CLAIM_BATCH];
    while (!atomic_load(&n->stopping)) {
        size_t got = 0;
        int64_t now = pb_now();
        int rc = STORE_CALL(n->st, webhook_claim, now, n->owner, now + n->cfg.lease_s, batch,
                            CLAIM_BATCH, &got);
        if (rc != STORE_OK)
            got = 0;
        for (size_t i = 0; i < got; i++) {
            /* Stopping: release the lease untried, so a restart retries at once. */
            if (!atomic_load(&n->stopping)) {
                attempt(n, &batch[i]);
                fault_point("notify.attempted");
            }
            STORE_CALL(n->st, webhook_finish, &batch[i], n->owner);
            webhook_delivery_clear(&batch[i]);
        }
        if (got < CLAIM_BATCH)
            wait_kick(n, IDLE_WAIT_MS);
    }
    return NULL;
}

/* ---- expiry ---- */

/* Marks one expired session notified and queues its event, once. */
static void expire_one(struct notify *n, const char *id, int64_t now)
{
    struct session s;
    if (STORE_CALL(n->st, session_get, id, NULL, &s) != STORE_OK)
        return;
    struct org org;
    struct webhook_delivery d;
    int prep = 1;
    if (STORE_CALL(n->st, org_get, s.org_id, &org) == STORE_OK) {
        prep = notify_prepare(&org, s.id, WEBHOOK_EVENT_EXPIRY,
                              notify_upload_payload(n->st, &s, WEBHOOK_EVENT_EXPIRY),
                              notify_session_sources(n->st, &s), now, &d);
        org_clear(&org);
    }
    if (prep >= 0) {
        int rc = STORE_CALL(n->st, session_expire_mark, s.id, now, prep == 0 ? &d : NULL);
        if (rc == STORE_OK)
            log_info("session msg=\"expired\" session=%s webhook=%s", id_short(s.id), prep == 0 ? "queued" : "none");
        if (prep == 0)
            webhook_delivery_clear(&d);
    }
    session_clear(&s);
}

static void *scanner_main(void *arg)
{
    struct notify *n = arg;
    int interval_ms = n->cfg.expiry_scan_interval * 1000;
    while (!atomic_load(&n->stopping)) {
        char ids[EXPIRY_BATCH][PB_UUID_BUF];
        size_t got = 0;
        int64_t now = pb_now();
        if (STORE_CALL(n->st, session_expired_list, now, ids, EXPIRY_BATCH, &got) == STORE_OK) {
            for (size_t i = 0; i < got && !atomic_load(&n->stopping); i++)
                expire_one(n, ids[i], now);
            if (got)
                notify_kick();
        }
        /* sleep in short steps so that stopping is quick */
        for (int slept = 0; slept < interval_ms && !atomic_load(&n->stopping); slept += 200) {
            struct timespec ts = {0, 200 * 1000000L};
            nanosleep(&ts, NULL);
        }
    }
    return NULL;
}

/* ---- lifecycle ---- */

int notify_start(struct store *st, const struct notify_config *cfg, struct notify **out)
{
    struct notify *n = calloc(1, sizeof *n);
    if (!n)
        return -1;
    n->st = st;
    n->cfg = *cfg;
    if (n->cfg.retry_base <= 0)
        n->cfg.retry_base = WEBHOOK_RETRY_BASE;
    if (n->cfg.expiry_scan_interval <= 0)
        n->cfg.expiry_scan_interval = 15;
    if (n->cfg.lease_s <= NOTIFY_TIMEOUT)
        n->cfg.lease_s = NOTIFY_LEASE;
    char host[48] = "node", rnd[17];
    gethostname(host, sizeof host - 1);
    const char *node = cfg->node && *cfg->node ? cfg->node : host;
    if (!secret_random_hex(rnd, 8) || net_global_init()) {
        free(n);
        return -1;
    }
    snprintf(n->owner, sizeof n->owner, "%.40s:%d:%s", node, (int)getpid(), rnd);
    if (pthread_create(&n->dispatcher, NULL, dispatcher_main, n)) {
        free(n);
        return -1;
    }
    if (pthread_create(&n->scanner, NULL, scanner_main, n)) {
        atomic_store(&n->stopping, true);
        notify_kick();
        pthread_join(n->dispatcher, NULL);
        free(n);
        return -1;
    }
    *out = n;
    return 0;
}

void notify_stop(struct notify *n)
{
    if (!n)
        return;
    pthread_mutex_lock(&kick_mu);
    atomic_store(&n->stopping, true);
    pthread_cond_broadcast(&kick_cv);
    pthread_mutex_unlock(&kick_mu);
    pthread_join(n->dispatcher, NULL);
    pthread_join(n->scanner, NULL);
    free(n);
}
