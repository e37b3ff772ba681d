/* A webhook delivery: one event for one organisation's webhook_url, kept
 * in the store's outbox until delivered or given up (src/notify/). */
#ifndef PB_CORE_WEBHOOK_H
#define PB_CORE_WEBHOOK_H

#include <stdint.h>

#include "util/secret.h"

#define WEBHOOK_EVENT_COMPLETION "SESSION_REQUIREMENT_COMPLETION_NOTIFICATION"
#define WEBHOOK_EVENT_EXPIRY "SESSION_EXPIRY_NOTIFICATION"
#define WEBHOOK_EVENT_ENRICHMENT "ENRICHMENT_NOTIFICATION"
#define WEBHOOK_EVENT_ENTITY "ENTITY_NOTIFICATION" /* the entity flow's; its body has no event name */

enum webhook_status { WEBHOOK_PENDING, WEBHOOK_DELIVERED, WEBHOOK_FAILED };

struct webhook_delivery {
    char id[PB_UUID_BUF];
    char org_id[PB_UUID_BUF];
    char session_id[PB_UUID_BUF];  /* "" when none */
    char event[64];
    char *url;                     /* owned */
    char *payload;                 /* owned: the exact JSON body sent */
    enum webhook_status status;
    int attempts;
    int64_t next_attempt_at;
    int64_t last_attempt_at;       /* 0 before the first attempt */
    int response_code;             /* last HTTP status, 0 when none */
    char last_error[256];
    char dedupe_key[128];          /* "" for none: "<session>:<event>" fires once */
    int64_t created_at;
    int64_t delivered_at;          /* 0 until delivered */
    char replay_of[PB_UUID_BUF];   /* "" unless a replay of another delivery */
};

/* Frees what d owns (not d). */
void webhook_delivery_clear(struct webhook_delivery *d);
const char *webhook_status_name(enum webhook_status s);
int webhook_status_parse(const char *s, enum webhook_status *out);

#endif
