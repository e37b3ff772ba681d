/* The PostgreSQL store's webhook outbox. A node's dispatcher claims due
 * deliveries with a lease, FOR UPDATE SKIP LOCKED: dispatchers of several
 * nodes take different deliveries, and one whose node died is taken again
 * (same id, same payload) once its lease ends. */
#include <stdlib.h>
#include <string.h>

#include "store/pg_family.h"

#define DELIVERY_COLS                                                                         \
    "id, org_id, session_id, event, url, payload, status, attempts, next_attempt_at, "       \
    "last_attempt_at, response_code, last_error, dedupe_key, created_at, delivered_at, replay_of"

/* Fills d from a row of DELIVERY_COLS. Returns 0, or -1 on out of memory. */
static int delivery_from_row(const PGresult *r, int i, struct webhook_delivery *d)
{
    memset(d, 0, sizeof *d);
    pgr_copy(r, i, 0, d->id, sizeof d->id);
    pgr_copy(r, i, 1, d->org_id, sizeof d->org_id);
    pgr_copy(r, i, 2, d->session_id, sizeof d->session_id);
    pgr_copy(r, i, 3, d->event, sizeof d->event);
    d->url = pgr_dup(r, i, 4);
    d->payload = pgr_dup(r, i, 5);
    webhook_status_parse(PQgetvalue(r, i, 6), &d->status);
    d->attempts = (int)pgr_int(r, i, 7);
    d->next_attempt_at = pgr_int(r, i, 8);
    d->last_attempt_at = pgr_int(r, i, 9);
    d->response_code = (int)pgr_int(r, i, 10);
    pgr_copy(r, i, 11, d->last_error, sizeof d->last_error);
    pgr_copy(r, i, 12, d->dedupe_key, sizeof d->dedupe_key);
    d->created_at = pgr_int(r, i, 13);
    d->delivered_at = pgr_int(r, i, 14);
    pgr_copy(r, i, 15, d->replay_of, sizeof d->replay_of);
    if (!d->url || !d->payload) {
        webhook_delivery_clear(d);
        return -1;
    }
    return 0;
}

int pg_delivery_insert(struct pg_conn *c, const struct webhook_delivery *d)
{
    struct pg_params p = {0};
    pgp_text(&p, d->id);
    pgp_text(&p, d->org_id);
    pgp_nonempty(&p, d->session_id);
    pgp_text(&p, d->event);
    pgp_text(&p, d->url);
    pgp_text(&p, d->payload);
    pgp_int(&p, d->next_attempt_at);
    pgp_nonempty(&p, d->dedupe_key);
    pgp_int(&p, d->created_at);
    pgp_nonempty(&p, d->replay_of);
    return pg_exec(c,
                   "INSERT INTO webhook_deliveries(id, org_id, session_id, event, url, payload, status, attempts, "
                   "next_attempt_at, dedupe_key, created_at, replay_of) VALUES ($1, $2, $3, $4, $5, $6, "
                   "'pending', 0, $7, $8, $9, $10)",
                   &p, "webhook_insert", NULL, NULL);
}

int pg_webhook_insert(struct store *st, const struct webhook_delivery *d)
{
    struct pg_conn *c = pg_get((struct pg_store *)st);
    if (!c)
        return STORE_ERROR;
    int rc = pg_delivery_insert(c, d);
    pg_put((struct pg_store *)st, c);
    return rc;
}

/* Copies the rows of r into out[0..*n) (at most max). */
static void deliveries(const PGresult *r, struct webhook_delivery *out, size_t max, size_t *n)
{
    for (int i = 0; i < PQntuples(r) && *n < max; i++)
        if (delivery_from_row(r, i, &out[*n]) == 0)
            (*n)++;
}

int pg_webhook_claim(struct store *st, int64_t now, const char *owner, int64_t lease_until,
                     struct webhook_delivery *out, size_t max, size_t *n)
{
    *n = 0;
    struct pg_params p = {0};
    pgp_int(&p, now);
    pgp_text(&p, owner);
    pgp_int(&p, lease_until);
    pgp_int(&p, (int64_t)max);
    PGresult *r;
    int rc = pg_exec1((struct pg_store *)st,
                      "UPDATE webhook_deliveries SET lease_owner = $2, lease_until = $3 WHERE id IN "
                      "(SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= $1 "
                      "AND (lease_until IS NULL OR lease_until < $1) ORDER BY next_attempt_at LIMIT $4 "
                      "FOR UPDATE SKIP LOCKED) RETURNING " DELIVERY_COLS,
                      &p, "webhook_claim", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    deliveries(r, out, max, n);
    PQclear(r);
    return STORE_OK;
}

int pg_webhook_finish(struct store *st, const struct webhook_delivery *d, const char *owner)
{
    struct pg_params p = {0};
    pgp_text(&p, d->id);
    pgp_text(&p, owner);
    pgp_text(&p, webhook_status_name(d->status));
    pgp_int(&p, d->attempts);
    pgp_int(&p, d->next_attempt_at);
    pgp_int_opt(&p, d->last_attempt_at, d->last_attempt_at != 0);
    pgp_int_opt(&p, d->response_code, d->response_code != 0);
    pgp_nonempty(&p, d->last_error);
    pgp_int_opt(&p, d->delivered_at, d->delivered_at != 0);
    return pg_exec1((struct pg_store *)st,
                    "UPDATE webhook_deliveries SET status = $3, attempts = $4, next_attempt_at = $5, "
                    "last_attempt_at = $6, response_code = $7, last_error = $8, delivered_at = $9, "
                    "lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2",
                    &p, "webhook_finish", NULL, NULL);
}

int pg_webhook_list(struct store *st, const char *org_id, const char *session_id, struct webhook_delivery *out,
                    size_t max, size_t *n)
{
    *n = 0;
    struct pg_params p = {0};
    pgp_text(&p, org_id);
    pgp_nonempty(&p, session_id);
    pgp_int(&p, (int64_t)max);
    PGresult *r;
    int rc = pg_exec1((struct pg_store *)st,
                      "SELECT " DELIVERY_COLS " FROM webhook_deliveries WHERE org_id = $1 "
                      "AND ($2::text IS NULL OR session_id = $2::text) ORDER BY created_at DESC, seq DESC LIMIT $3",
                      &p, "webhook_list", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    deliveries(r, out, max, n);
    PQclear(r);
    return STORE_OK;
}

int pg_webhook_get(struct store *st, const char *org_id, const char *id, struct webhook_delivery *out)
{
    struct pg_params p = {0};
    pgp_text(&p, org_id);
    pgp_text(&p, id);
    PGresult *r;
    int rc = pg_exec1((struct pg_store *)st,
                      "SELECT " DELIVERY_COLS " FROM webhook_deliveries WHERE org_id = $1 AND id = $2", &p,
                      "webhook_get", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    rc = PQntuples(r) == 0 ? STORE_NOT_FOUND : delivery_from_row(r, 0, out) == 0 ? STORE_OK : STORE_ERROR;
    PQclear(r);
    return rc;
}
