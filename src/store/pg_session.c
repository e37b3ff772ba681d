/* The PostgreSQL store's sessions: create (through the group commit),
 * read, the notification marks, processing and deletion. A conditional
 * UPDATE of the session row is what decides between nodes racing for the
 * same change: PostgreSQL locks the row and re-checks the condition on the
 * version the other node committed. */
#include <stdlib.h>
#include <string.h>

#include "store/codec.h"
#include "store/pg_family.h"

static const char SESSION_INSERT[] =
    "INSERT INTO sessions(" STORE_SESSION_COLS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
    "$12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30)";

/* The create's insert under its grant (store.h): only while the
 * organisation holds the key ($31) and has the session's mode ($8)
 * enabled; its one row says whether the key was found and whether the
 * session was stored. */
static const char SESSION_INSERT_GRANTED[] =
    "WITH o AS (SELECT modes FROM orgs WHERE id = $2 AND api_key_hash = $31), "
    "ins AS (INSERT INTO sessions(" STORE_SESSION_COLS ") SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
    "$12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30 "
    "FROM o WHERE $8 = 0 OR (o.modes & $8) <> 0 RETURNING 1) "
    "SELECT (SELECT count(*) FROM o), (SELECT count(*) FROM ins)";

/* The session's 30 columns into p; *owned (3) to free once sent. */
static void session_params(const struct session *s, struct pg_params *p, char *owned[3])
{
    const struct session_req *r = &s->req;
    char *months = owned[0] = store_months_format(r->expected_months, r->n_expected_months);
    char *consents = owned[1] = store_json_text(r->consents);
    char *metadata = owned[2] = store_json_text(r->metadata);
    pgp_text(p, s->id);
    pgp_text(p, s->org_id);
    pgp_int(p, r->version);
    pgp_text(p, r->link_id);
    pgp_text(p, r->redirect_url);
    pgp_text(p, r->logo_url);
    pgp_text(p, r->bank);
    pgp_int(p, r->mode);
    pgp_text(p, r->mobile_number);
    pgp_text(p, r->journey_mode);
    pgp_int(p, r->accept_anything);
    pgp_int(p, r->is_mobile_field_editable);
    pgp_int(p, r->from_date);
    pgp_int(p, r->to_date);
    pgp_int_opt(p, r->max_from_date, r->max_from_date != PB_NO_DAY);
    pgp_int_opt(p, r->max_to_date, r->max_to_date != PB_NO_DAY);
    pgp_text(p, months ? months : "");
    pgp_int(p, r->session_expiry_min);
    pgp_text(p, r->aa_journey_mode);
    pgp_int_opt(p, r->aa_recurring_tenure_month_count, r->aa_recurring_tenure_month_count != 0);
    pgp_text(p, r->aa_recurring_frequency_unit);
    pgp_int_opt(p, r->aa_recurring_frequency_value, r->aa_recurring_frequency_value != 0);
    pgp_text(p, r->aa_journey_code);
    pgp_text(p, consents);
    pgp_text(p, metadata);
    pgp_int(p, s->created_at);
    pgp_int(p, s->expires_at);
    pgp_text(p, session_state_name(s->state));
    pgp_int_opt(p, s->processing_requested_at, s->processing_requested_at != 0);
    pgp_int_opt(p, s->deleted_at, s->deleted_at != 0);
}

static void free_owned(char *owned[3])
{
    for (int i = 0; i < 3; i++)
        free(owned[i]);
}

int pg_session_insert_run(struct pg_conn *c, const struct session *s)
{
    struct pg_params p = {0};
    char *owned[3];
    session_params(s, &p, owned);
    int rc = pg_exec(c, SESSION_INSERT, &p, "session_insert", NULL, NULL);
    free_owned(owned);
    return rc;
}

/* Queued in the group commit's pipeline. */
static int send_session_insert(struct pg_conn *c, const void *arg)
{
    const struct session_insert *ins = arg;
    struct pg_params p = {0};
    char *owned[3];
    session_params(ins->s, &p, owned);
    if (ins->api_key_hash)
        pgp_text(&p, ins->api_key_hash);
    int rc = pg_send(c, ins->api_key_hash ? SESSION_INSERT_GRANTED : SESSION_INSERT, &p, "session_insert");
    free_owned(owned);
    return rc;
}

static int session_insert_received(const PGresult *r, int row, const void *arg)
{
    struct session_insert *ins = (struct session_insert *)arg; /* the caller's: refused is ours to set */
    if (!ins->api_key_hash || pgr_int(r, row, 1) > 0)
        return STORE_OK;
    ins->refused = pgr_int(r, row, 0) > 0 ? GRANT_MODE_OFF : GRANT_KEY_GONE;
    return STORE_NOT_FOUND;
}

/* SESSION_INSERT_GRANTED for several creates at once: their parameters
 * ($1 .. $31 of it, as p1 .. p31) come as rows of one JSON array, typed as
 * the columns they fill; one result row per create, in their order. */
static const char SESSION_INSERT_GRANTED_ROWS[] =
    "WITH r AS (SELECT * FROM json_to_recordset($1::json) AS r(n integer, p1 text, p2 text, p3 integer, "
    "p4 text, p5 text, p6 text, p7 text, p8 integer, p9 text, p10 text, p11 integer, p12 integer, p13 integer, "
    "p14 integer, p15 integer, p16 integer, p17 text, p18 integer, p19 text, p20 integer, p21 text, p22 integer, "
    "p23 text, p24 text, p25 text, p26 bigint, p27 bigint, p28 text, p29 bigint, p30 bigint, p31 text)), "
    "o AS (SELECT r.n, orgs.modes FROM r JOIN orgs ON orgs.id = r.p2 AND orgs.api_key_hash = r.p31), "
    "ins AS (INSERT INTO sessions(" STORE_SESSION_COLS ") SELECT r.p1, r.p2, r.p3, r.p4, r.p5, r.p6, r.p7, "
    "r.p8, r.p9, r.p10, r.p11, r.p12, r.p13, r.p14, r.p15, r.p16, r.p17, r.p18, r.p19, r.p20, r.p21, r.p22, "
    "r.p23, r.p24, r.p25, r.p26, r.p27, r.p28, r.p29, r.p30 "
    "FROM r JOIN o ON o.n = r.n WHERE r.p8 = 0 OR (o.modes & r.p8) <> 0 RETURNING id) "
    "SELECT (o.n IS NOT NULL)::int, (ins.id IS NOT NULL)::int FROM r LEFT JOIN o ON o.n = r.n "
    "LEFT JOIN ins ON ins.id = r.p1 ORDER BY r.n";

static int session_insert_row(struct pg_rows *rows, const void *arg)
{
    const struct session_insert *ins = arg;
    struct pg_params p = {0};
    char *owned[3];
    session_params(ins->s, &p, owned);
    pgp_text(&p, ins->api_key_hash);
    int rc = pg_rows_add(rows, &p);
    free_owned(owned);
    return rc;
}

static const struct pg_wkind INSERT_GRANTED = {SESSION_INSERT_GRANTED, "session_insert", send_session_insert,
                                               session_insert_received, SESSION_INSERT_GRANTED_ROWS,
                                               session_insert_row};
static const struct pg_wkind INSERT_PLAIN = {SESSION_INSERT, "session_insert", send_session_insert,
                                             session_insert_received, NULL, NULL};

void pg_session_insert_async(struct store *st, struct session_insert *ins, store_done_fn done, void *arg)
{
    pg_submit((struct pg_store *)st, ins->api_key_hash ? &INSERT_GRANTED : &INSERT_PLAIN, ins, done, arg);
}

void pg_session_from_row(const PGresult *res, int i, void *out)
{
    struct session *s = out;
    struct session_req *r = &s->req;
    memset(s, 0, sizeof *s);
    pgr_copy(res, i, 0, s->id, sizeof s->id);
    pgr_copy(res, i, 1, s->org_id, sizeof s->org_id);
    r->version = (int)pgr_int(res, i, 2);
    r->link_id = pgr_dup(res, i, 3);
    r->redirect_url = pgr_dup(res, i, 4);
    r->logo_url = pgr_dup(res, i, 5);
    r->bank = pgr_dup(res, i, 6);
    r->mode = (int)pgr_int(res, i, 7);
    r->mobile_number = pgr_dup(res, i, 8);
    r->journey_mode = pgr_dup(res, i, 9);
    r->accept_anything = pgr_int(res, i, 10) != 0;
    r->is_mobile_field_editable = pgr_int(res, i, 11) != 0;
    r->from_date = (pb_day)pgr_int(res, i, 12);
    r->to_date = (pb_day)pgr_int(res, i, 13);
    r->max_from_date = pgr_null(res, i, 14) ? PB_NO_DAY : (pb_day)pgr_int(res, i, 14);
    r->max_to_date = pgr_null(res, i, 15) ? PB_NO_DAY : (pb_day)pgr_int(res, i, 15);
    r->n_expected_months = store_months_parse(PQgetvalue(res, i, 16), r->expected_months, SESSION_MAX_MONTHS);
    r->session_expiry_min = (int)pgr_int(res, i, 17);
    r->aa_journey_mode = pgr_dup(res, i, 18);
    r->aa_recurring_tenure_month_count = (int)pgr_int(res, i, 19);
    r->aa_recurring_frequency_unit = pgr_dup(res, i, 20);
    r->aa_recurring_frequency_value = (int)pgr_int(res, i, 21);
    r->aa_journey_code = pgr_dup(res, i, 22);
    r->consents = pgr_null(res, i, 23) ? NULL : json_loads(PQgetvalue(res, i, 23), 0, NULL);
    r->metadata = pgr_null(res, i, 24) ? NULL : json_loads(PQgetvalue(res, i, 24), 0, NULL);
    s->created_at = pgr_int(res, i, 25);
    s->expires_at = pgr_int(res, i, 26);
    session_state_parse(PQgetvalue(res, i, 27), &s->state);
    s->processing_requested_at = pgr_int(res, i, 28);
    s->deleted_at = pgr_int(res, i, 29);
    if (PQnfields(res) > 31) {
        s->completion_notified_at = pgr_int(res, i, 30);
        s->expiry_notified_at = pgr_int(res, i, 31);
    }
}

int pg_session_get(struct store *st, const char *id, const char *org_id, struct session *out)
{
    struct pg_params p = {0};
    pgp_text(&p, id);
    pgp_text(&p, org_id);
    return pg_get_row((struct pg_store *)st,
                      "SELECT " STORE_SESSION_COLS ", completion_notified_at, expiry_notified_at FROM sessions "
                      "WHERE id = $1 AND ($2::text IS NULL OR org_id = $2::text)",
                      &p, "session_get", pg_session_from_row, out);
}

/* ---- notification marks: the mark and its webhook in one transaction ---- */

struct mark {
    const char *sql, *what;
    const char *session_id;
    int64_t now;
    const struct webhook_delivery *d;
};

static int apply_mark(struct pg_conn *c, void *arg)
{
    const struct mark *m = arg;
    struct pg_params p = {0};
    pgp_text(&p, m->session_id);
    pgp_int(&p, m->now);
    int64_t changed = 0;
    int rc = pg_exec(c, m->sql, &p, m->what, NULL, &changed);
    if (rc == STORE_OK && changed == 0)
        return STORE_CONFLICT;
    return rc == STORE_OK && m->d ? pg_delivery_insert(c, m->d) : rc;
}

int pg_session_complete(struct store *st, const char *session_id, int64_t now, const struct webhook_delivery *d)
{
    struct mark m = {"UPDATE sessions SET completion_notified_at = $2 WHERE id = $1 "
                     "AND completion_notified_at IS NULL AND expiry_notified_at IS NULL "
                     "AND state = 'open' AND deleted_at IS NULL",
                     "session_complete", session_id, now, d};
    return pg_write((struct pg_store *)st, apply_mark, &m);
}

int pg_session_expire_mark(struct store *st, const char *session_id, int64_t now,
                           const struct webhook_delivery *d)
{
    struct mark m = {"UPDATE sessions SET expiry_notified_at = $2 WHERE id = $1 "
                     "AND expiry_notified_at IS NULL AND completion_notified_at IS NULL "
                     "AND state = 'open' AND deleted_at IS NULL AND expires_at <= $2",
                     "session_expire_mark", session_id, now, d};
    return pg_write((struct pg_store *)st, apply_mark, &m);
}

int pg_session_expired_list(struct store *st, int64_t now, char (*ids)[PB_UUID_BUF], size_t max, size_t *n)
{
    *n = 0;
    struct pg_params p = {0};
    pgp_int(&p, now);
    pgp_int(&p, (int64_t)max);
    PGresult *r;
    int rc = pg_exec1((struct pg_store *)st,
                      "SELECT id FROM sessions WHERE expires_at <= $1 AND expiry_notified_at IS NULL "
                      "AND deleted_at IS NULL AND completion_notified_at IS NULL AND state = 'open' "
                      "ORDER BY expires_at LIMIT $2",
                      &p, "session_expired_list", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    for (int i = 0; i < PQntuples(r) && *n < max; i++)
        pgr_copy(r, i, 0, ids[(*n)++], PB_UUID_BUF);
    PQclear(r);
    return STORE_OK;
}

/* ---- processing ---- */

struct processing_arg {
    const char *session_id, *org_id;
    int64_t now;
    const struct job_spec *job;
};

static int apply_request_processing(struct pg_conn *c, void *arg)
{
    const struct processing_arg *a = arg;
    struct pg_params p = {0};
    pgp_text(&p, a->session_id);
    pgp_text(&p, a->org_id);
    pgp_int(&p, a->now);
    int64_t changed = 0;
    int rc = pg_exec(c,
                     "UPDATE sessions SET state = 'processing', processing_requested_at = $3 "
                     "WHERE id = $1 AND org_id = $2 AND state = 'open' AND deleted_at IS NULL",
                     &p, "session_request_processing", NULL, &changed);
    if (rc != STORE_OK)
        return rc;
    if (changed == 0)
        return STORE_CONFLICT;
    return pg_job_insert_in(c, a->job, a->now, true);
}

int pg_session_request_processing(struct store *st, const char *session_id, const char *org_id, int64_t now,
                                  const struct job_spec *job)
{
    struct processing_arg a = {session_id, org_id, now, job};
    return pg_write((struct pg_store *)st, apply_request_processing, &a);
}

int pg_session_finish_processing(struct store *st, const char *session_id, enum session_state state,
                                 int64_t now)
{
    struct pg_params p = {0};
    pgp_text(&p, session_id);
    pgp_text(&p, session_state_name(state));
    pgp_int(&p, now);
    return pg_exec1((struct pg_store *)st,
                    "UPDATE sessions SET state = $2, processing_completed_at = $3 "
                    "WHERE id = $1 AND deleted_at IS NULL",
                    &p, "session_finish_processing", NULL, NULL);
}
