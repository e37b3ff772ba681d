/* An entity: FinBox's legacy "entity flow" (reference §3), a user of the
 * lender (optional link_id) whose statements are uploaded one by one and
 * analysed as they arrive. Passbook keeps no second copy of anything for
 * it: an entity is a row that names a backing session, and every upload,
 * extraction, analysis, report and webhook of the entity is the session
 * machinery's (ingest/, jobs/, insights/, report/, notify/).
 *
 * The backing session differs from a lender's session in three ways, all
 * set here: it never expires, it takes statements of any period (the
 * period that matters is the one its statements cover: coverage_narrow in
 * ingest/coverage.h), and
 * processing never closes it: every upload queues an analysis of the
 * whole entity (job kind ENTITY_JOB_KIND, one per statement). */
#ifndef PB_CORE_ENTITY_H
#define PB_CORE_ENTITY_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "core/session.h"

#define ENTITY_JOB_KIND "process_entity"
#define ENTITY_LINK_MAX 500       /* as session create's link_id */
#define ENTITY_META_MAX 4096
#define ENTITY_PAGE_SIZE 10       /* GET entity/ results per page, as FinBox */

struct entity {
    char id[PB_UUID_BUF];
    char org_id[PB_UUID_BUF];
    char session_id[PB_UUID_BUF]; /* the backing session */
    char *link_id;                /* NULL when the entity has none */
    char *meta_data;              /* NULL when none */
    bool is_single_account;
    int64_t created_at;
};

void entity_clear(struct entity *e);

/* A new entity of org_id with a fresh id and its backing session s (both
 * filled; clear s with session_clear). link_id and meta_data are copied.
 * Returns 0, or -1 out of memory. */
int entity_new(struct entity *e, struct session *s, const char *org_id, const char *link_id,
               const char *meta_data, bool is_single_account, int64_t now);

/* Whether s is an entity's session (its metadata names the entity). */
bool entity_session(const struct session *s);

/* The entity webhook body (reference §4.2): {entity_id, statement_id,
 * link_id (null when none), progress ("completed" / "failed"), reason}. */
json_t *entity_webhook_payload(const struct entity *e, const char *statement_id, const char *progress);

/* The dedupe key of the analysis queued after statement_id's upload. */
void entity_job_key(const char *statement_id, char *out, size_t cap);

#endif
