#include "core/entity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Any statement period fits an entity: 1950-01-01 .. 2099-12-31. */
#define ENTITY_FROM_DAY (-7305)
#define ENTITY_TO_DAY 47481
/* Never expires (100 years). */
#define ENTITY_LIFETIME_S (100LL * 366 * 86400)

void entity_clear(struct entity *e)
{
    free(e->link_id);
    free(e->meta_data);
    e->link_id = e->meta_data = NULL;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

int entity_new(struct entity *e, struct session *s, const char *org_id, const char *link_id,
               const char *meta_data, bool is_single_account, int64_t now)
{
    memset(e, 0, sizeof *e);
    memset(s, 0, sizeof *s);
    if (!uuid_v4(e->id) || !uuid_v4(s->id))
        return -1;
    snprintf(e->org_id, sizeof e->org_id, "%s", org_id);
    snprintf(e->session_id, sizeof e->session_id, "%s", s->id);
    e->link_id = dup_or_null(link_id);
    e->meta_data = dup_or_null(meta_data);
    e->is_single_account = is_single_account;
    e->created_at = now;
    snprintf(s->org_id, sizeof s->org_id, "%s", org_id);
    s->created_at = now;
    s->expires_at = now + ENTITY_LIFETIME_S;
    s->state = SESSION_OPEN;
    s->req.version = 1;
    s->req.link_id = strdup(link_id ? link_id : "");
    s->req.session_expiry_min = SESSION_EXPIRY_MAX_MIN;
    s->req.accept_anything = false;
    s->req.from_date = ENTITY_FROM_DAY;
    s->req.to_date = ENTITY_TO_DAY;
    s->req.max_from_date = s->req.max_to_date = PB_NO_DAY;
    s->req.n_expected_months = 0; /* none: the period its statements cover decides */
    s->req.metadata = json_pack("{s:s}", "entity_id", e->id);
    if (!s->req.link_id || !s->req.metadata || (link_id && !e->link_id) || (meta_data && !e->meta_data)) {
        entity_clear(e);
        session_clear(s);
        return -1;
    }
    return 0;
}

void entity_job_key(const char *statement_id, char *out, size_t cap)
{
    snprintf(out, cap, "%s:%s", ENTITY_JOB_KIND, statement_id);
}

json_t *entity_webhook_payload(const struct entity *e, const char *statement_id, const char *progress)
{
    return json_pack("{s:s,s:s,s:s?,s:s,s:s}", "entity_id", e->id, "statement_id", statement_id, "link_id",
                     e->link_id, "progress", progress, "reason", "");
}

bool entity_session(const struct session *s)
{
    return json_is_string(json_object_get(s->req.metadata, "entity_id"));
}
