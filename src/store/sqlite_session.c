/* The SQLite store's sessions: create (the group commit's hottest write),
 * read, list, and the processing state changes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/codec.h"
#include "store/sqlite_internal.h"
#include "util/log.h"


static const char SQL_SESSION_INSERT[] =
    "INSERT INTO sessions(" STORE_SESSION_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
    "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)";
/* The create's insert under its grant (store.h): only while the
 * organisation holds the key and has the session's mode (?8) enabled. */
static const char SQL_SESSION_INSERT_GRANTED[] =
    "INSERT INTO sessions(" STORE_SESSION_COLS ") SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
    "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30 "
    "FROM orgs WHERE id = ?2 AND api_key_hash = ?31 AND (?8 = 0 OR (modes & ?8) <> 0)";
static const char SQL_ORG_HAS_KEY[] = "SELECT 1 FROM orgs WHERE id = ?1 AND api_key_hash = ?2";
/* org_id NULL: any organisation's (the hosted journey, the notifier) */
static const char SQL_SESSION_GET[] = "SELECT " STORE_SESSION_COLS ", completion_notified_at, expiry_notified_at "
                                      "FROM sessions WHERE id = ?1 AND (?2 IS NULL OR org_id = ?2)";

static void session_bind(sqlite3_stmt *q, const struct session *s)
{
    const struct session_req *r = &s->req;
    char *months = store_months_format(r->expected_months, r->n_expected_months);
    char *consents = store_json_text(r->consents), *metadata = store_json_text(r->metadata);
    sq_bind_text(q, 1, s->id);
    sq_bind_text(q, 2, s->org_id);
    sqlite3_bind_int(q, 3, r->version);
    sq_bind_text(q, 4, r->link_id);
    sq_bind_text(q, 5, r->redirect_url);
    sq_bind_text(q, 6, r->logo_url);
    sq_bind_text(q, 7, r->bank);
    sqlite3_bind_int(q, 8, r->mode);
    sq_bind_text(q, 9, r->mobile_number);
    sq_bind_text(q, 10, r->journey_mode);
    sqlite3_bind_int(q, 11, r->accept_anything);
    sqlite3_bind_int(q, 12, r->is_mobile_field_editable);
    sqlite3_bind_int(q, 13, r->from_date);
    sqlite3_bind_int(q, 14, r->to_date);
    sq_bind_int_opt(q, 15, r->max_from_date, r->max_from_date != PB_NO_DAY);
    sq_bind_int_opt(q, 16, r->max_to_date, r->max_to_date != PB_NO_DAY);
    sq_bind_text(q, 17, months ? months : "");
    sqlite3_bind_int(q, 18, r->session_expiry_min);
    sq_bind_text(q, 19, r->aa_journey_mode);
    sq_bind_int_opt(q, 20, r->aa_recurring_tenure_month_count, r->aa_recurring_tenure_month_count != 0);
    sq_bind_text(q, 21, r->aa_recurring_frequency_unit);
    sq_bind_int_opt(q, 22, r->aa_recurring_frequency_value, r->aa_recurring_frequency_value != 0);
    sq_bind_text(q, 23, r->aa_journey_code);
    sq_bind_text(q, 24, consents);
    sq_bind_text(q, 25, metadata);
    sqlite3_bind_int64(q, 26, s->created_at);
    sqlite3_bind_int64(q, 27, s->expires_at);
    sq_bind_text(q, 28, session_state_name(s->state));
    sq_bind_int_opt(q, 29, s->processing_requested_at, s->processing_requested_at != 0);
    sq_bind_int_opt(q, 30, s->deleted_at, s->deleted_at != 0);
    free(months);
    free(consents);
    free(metadata);
}

static int session_insert_run(sqlite3 *db, sqlite3_stmt *q, const struct session *s)
{
    session_bind(q, s);
    return sq_run_reset(db, q, "session_insert");
}

int sqlite_session_insert_db(sqlite3 *db, const struct session *s)
{
    sqlite3_stmt *q = sq_prep(db, SQL_SESSION_INSERT);
    if (!q)
        return STORE_ERROR;
    int rc = session_insert_run(db, q, s);
    sqlite3_finalize(q);
    return rc;
}

/* Why a granted insert stored nothing: the key is gone, or else the mode. */
static enum grant_refusal refusal(struct sq_conn *c, const struct session_insert *ins)
{
    sqlite3_stmt *q = sq_stmt(c, SQL_ORG_HAS_KEY);
    if (!q)
        return GRANT_KEY_GONE;
    sq_bind_text(q, 1, ins->s->org_id);
    sq_bind_text(q, 2, ins->api_key_hash);
    bool has = sqlite3_step(q) == SQLITE_ROW;
    sqlite3_reset(q);
    return has ? GRANT_MODE_OFF : GRANT_KEY_GONE;
}

static int apply_session_insert(struct sq_conn *c, const void *arg)
{
    struct session_insert *ins = (struct session_insert *)arg; /* the caller's: refused is ours to set */
    sqlite3_stmt *q = sq_stmt(c, ins->api_key_hash ? SQL_SESSION_INSERT_GRANTED : SQL_SESSION_INSERT);
    if (!q)
        return STORE_ERROR;
    session_bind(q, ins->s);
    if (ins->api_key_hash)
        sq_bind_text(q, 31, ins->api_key_hash);
    int rc = sq_run_reset(c->db, q, "session_insert");
    if (rc != STORE_OK || !ins->api_key_hash || sqlite3_changes(c->db) > 0)
        return rc;
    ins->refused = refusal(c, ins);
    return STORE_NOT_FOUND;
}

void sq_session_insert_async(struct store *st, struct session_insert *ins, store_done_fn done, void *arg)
{
    sq_submit(st, apply_session_insert, ins, done, arg);
}

static json_t *col_json(sqlite3_stmt *q, int i)
{
    const unsigned char *t = sqlite3_column_text(q, i);
    return t ? json_loads((const char *)t, 0, NULL) : NULL;
}

static int col_day(sqlite3_stmt *q, int i)
{
    return sqlite3_column_type(q, i) == SQLITE_NULL ? PB_NO_DAY : sqlite3_column_int(q, i);
}

static void session_from_row(sqlite3_stmt *q, struct session *s)
{
    struct session_req *r = &s->req;
    memset(s, 0, sizeof *s);
    sq_col_copy(q, 0, s->id, sizeof s->id);
    sq_col_copy(q, 1, s->org_id, sizeof s->org_id);
    r->version = sqlite3_column_int(q, 2);
    r->link_id = sq_col_dup(q, 3);
    r->redirect_url = sq_col_dup(q, 4);
    r->logo_url = sq_col_dup(q, 5);
    r->bank = sq_col_dup(q, 6);
    r->mode = sqlite3_column_int(q, 7);
    r->mobile_number = sq_col_dup(q, 8);
    r->journey_mode = sq_col_dup(q, 9);
    r->accept_anything = sqlite3_column_int(q, 10) != 0;
    r->is_mobile_field_editable = sqlite3_column_int(q, 11) != 0;
    r->from_date = sqlite3_column_int(q, 12);
    r->to_date = sqlite3_column_int(q, 13);
    r->max_from_date = col_day(q, 14);
    r->max_to_date = col_day(q, 15);
    r->n_expected_months = store_months_parse((const char *)sqlite3_column_text(q, 16), r->expected_months,
                                        SESSION_MAX_MONTHS);
    r->session_expiry_min = sqlite3_column_int(q, 17);
    r->aa_journey_mode = sq_col_dup(q, 18);
    r->aa_recurring_tenure_month_count = sqlite3_column_int(q, 19);
    r->aa_recurring_frequency_unit = sq_col_dup(q, 20);
    r->aa_recurring_frequency_value = sqlite3_column_int(q, 21);
    r->aa_journey_code = sq_col_dup(q, 22);
    r->consents = col_json(q, 23);
    r->metadata = col_json(q, 24);
    s->created_at = sqlite3_column_int64(q, 25);
    s->expires_at = sqlite3_column_int64(q, 26);
    session_state_parse((const char *)sqlite3_column_text(q, 27), &s->state);
    s->processing_requested_at = sqlite3_column_int64(q, 28);
    s->deleted_at = sqlite3_column_int64(q, 29);
    if (sqlite3_column_count(q) > 31) {
        s->completion_notified_at = sqlite3_column_int64(q, 30);
        s->expiry_notified_at = sqlite3_column_int64(q, 31);
    }
}

static void session_row_cb(sqlite3_stmt *q, void *p)
{
    session_from_row(q, p);
}

int sq_session_get(struct store *st, const char *id, const char *org_id, struct session *out)
{
    struct sq_conn *c = sq_reader(st);
    sqlite3_stmt *q = c ? sq_stmt(c, SQL_SESSION_GET) : NULL;
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, id);
    sq_bind_text(q, 2, org_id);
    return sq_get_row(c->db, q, "session_get", session_row_cb, out);
}

#define SESSION_LIST_WHERE                                                                     \
    " FROM sessions s WHERE org_id = ?1 AND deleted_at IS NULL"                                \
    " AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.session_id = s.id)"                     \
    " AND (?2 IS NULL OR link_id = ?2) AND (?3 = 0 OR created_at >= ?3)"                       \
    " AND (?4 = 0 OR created_at <= ?4) AND (?5 IS NULL"                                        \
    "  OR (?5 = 'open' AND state = 'open' AND expires_at > ?6)"                                \
    "  OR (?5 = 'expired' AND state = 'open' AND expires_at <= ?6)"                            \
    "  OR (?5 IN ('processing', 'completed', 'failed') AND state = ?5))"                      \
    " AND (?9 IS NULL OR link_id = ?9 OR substr(link_id, 1, length(?9)) = ?9"                  \
    "  OR substr(s.id, 1, length(?9)) = lower(?9) OR substr(s.id, -length(?9)) = lower(?9)"    \
    "  OR EXISTS (SELECT 1 FROM accounts a"                                                   \
    "  WHERE a.session_id = s.id AND instr(lower(a.name), lower(?9)) > 0))"                   \
    " AND (?10 = 0 OR EXISTS (SELECT 1 FROM accounts a WHERE a.session_id = s.id"              \
    "  AND a.fraud_count > 0))"

static void session_list_bind(sqlite3_stmt *q, const struct session_filter *f)
{
    sq_bind_text(q, 1, f->org_id);
    sq_bind_text(q, 2, f->link_id);
    sqlite3_bind_int64(q, 3, f->created_from);
    sqlite3_bind_int64(q, 4, f->created_to);
    sq_bind_text(q, 5, f->status);
    sqlite3_bind_int64(q, 6, f->now);
    sq_bind_text(q, 9, f->q);
    sqlite3_bind_int(q, 10, f->fraud_only);
}

int sq_session_list(struct store *st, const struct session_filter *f, struct session **out, size_t *n,
                    size_t *total)
{
    *out = NULL;
    *n = *total = 0;
    sqlite3 *db = sqlite_reader_db(st);
    sqlite3_stmt *q = db ? sq_prep(db, "SELECT count(*)" SESSION_LIST_WHERE) : NULL;
    if (!q)
        return STORE_ERROR;
    session_list_bind(q, f);
    int rc = sqlite3_step(q) == SQLITE_ROW ? STORE_OK : STORE_ERROR;
    *total = (size_t)sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    if (rc != STORE_OK)
        return rc;
    q = sq_prep(db, "SELECT " STORE_SESSION_COLS ", completion_notified_at, expiry_notified_at" SESSION_LIST_WHERE
                    " ORDER BY created_at DESC, rowid DESC LIMIT ?7 OFFSET ?8");
    if (!q)
        return STORE_ERROR;
    session_list_bind(q, f);
    sqlite3_bind_int64(q, 7, (sqlite3_int64)f->limit);
    sqlite3_bind_int64(q, 8, (sqlite3_int64)f->offset);
    rc = sq_collect(q, sizeof **out, session_row_cb, (void **)out, n);
    sqlite3_finalize(q);
    return rc;
}

/* ---- processing ---- */

struct processing_arg {
    const char *session_id, *org_id;
    int64_t now;
    const struct job_spec *job;
};

static int apply_request_processing(sqlite3 *db, void *arg)
{
    struct processing_arg *a = arg;
    sqlite3_stmt *q = sq_prep(db, "UPDATE sessions SET state = 'processing', processing_requested_at = ?3 "
                               "WHERE id = ?1 AND org_id = ?2 AND state = 'open' AND deleted_at IS NULL");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, a->session_id);
    sq_bind_text(q, 2, a->org_id);
    sqlite3_bind_int64(q, 3, a->now);
    int rc = sq_changed(db, sq_run_final(db, q, "session_request_processing"));
    if (rc != STORE_OK)
        return rc == STORE_NOT_FOUND ? STORE_CONFLICT : rc;
    return sq_job_insert_in(db, a->job, a->now, true);
}

int sq_session_request_processing(struct store *st, const char *session_id, const char *org_id,
                                  int64_t now, const struct job_spec *job)
{
    struct processing_arg a = {session_id, org_id, now, job};
    return sq_write_op(st, apply_request_processing, &a);
}

struct finish_arg {
    const char *session_id;
    const char *state;
    int64_t now;
};

static int apply_finish_processing(sqlite3 *db, void *arg)
{
    struct finish_arg *a = arg;
    sqlite3_stmt *q = sq_prep(db, "UPDATE sessions SET state = ?2, processing_completed_at = ?3 "
                               "WHERE id = ?1 AND deleted_at IS NULL");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, a->session_id);
    sq_bind_text(q, 2, a->state);
    sqlite3_bind_int64(q, 3, a->now);
    return sq_run_final(db, q, "session_finish_processing");
}

int sq_session_finish_processing(struct store *st, const char *session_id, enum session_state state,
                                 int64_t now)
{
    struct finish_arg a = {session_id, session_state_name(state), now};
    return sq_write_op(st, apply_finish_processing, &a);
}
