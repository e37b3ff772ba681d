/* The SQLite store's sessions: create (the group commit's hottest write),
 * read, list, and the processing state changes. */
#include <pthread.h>
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
static const char SQL_ORG_MODES[] = "SELECT modes FROM orgs WHERE id = ?1 AND api_key_hash = ?2";
#define SESSION_PARAMS 30 /* SQL_SESSION_INSERT's */
/* org_id NULL: any organisation's (the hosted journey, the notifier) */
static const char SQL_SESSION_GET[] = "SELECT " STORE_SESSION_COLS ", completion_notified_at, expiry_notified_at "
                                      "FROM sessions WHERE id = ?1 AND (?2 IS NULL OR org_id = ?2)";

/* Binds s as parameters at + 1 .. at + SESSION_PARAMS of q. */
static void session_bind(sqlite3_stmt *q, int at, const struct session *s)
{
    const struct session_req *r = &s->req;
    char *months = store_months_format(r->expected_months, r->n_expected_months);
    char *consents = store_json_text(r->consents), *metadata = store_json_text(r->metadata);
    sq_bind_text(q, at + 1, s->id);
    sq_bind_text(q, at + 2, s->org_id);
    sqlite3_bind_int(q, at + 3, r->version);
    sq_bind_text(q, at + 4, r->link_id);
    sq_bind_text(q, at + 5, r->redirect_url);
    sq_bind_text(q, at + 6, r->logo_url);
    sq_bind_text(q, at + 7, r->bank);
    sqlite3_bind_int(q, at + 8, r->mode);
    sq_bind_text(q, at + 9, r->mobile_number);
    sq_bind_text(q, at + 10, r->journey_mode);
    sqlite3_bind_int(q, at + 11, r->accept_anything);
    sqlite3_bind_int(q, at + 12, r->is_mobile_field_editable);
    sqlite3_bind_int(q, at + 13, r->from_date);
    sqlite3_bind_int(q, at + 14, r->to_date);
    sq_bind_int_opt(q, at + 15, r->max_from_date, r->max_from_date != PB_NO_DAY);
    sq_bind_int_opt(q, at + 16, r->max_to_date, r->max_to_date != PB_NO_DAY);
    sq_bind_text(q, at + 17, months ? months : "");
    sqlite3_bind_int(q, at + 18, r->session_expiry_min);
    sq_bind_text(q, at + 19, r->aa_journey_mode);
    sq_bind_int_opt(q, at + 20, r->aa_recurring_tenure_month_count, r->aa_recurring_tenure_month_count != 0);
    sq_bind_text(q, at + 21, r->aa_recurring_frequency_unit);
    sq_bind_int_opt(q, at + 22, r->aa_recurring_frequency_value, r->aa_recurring_frequency_value != 0);
    sq_bind_text(q, at + 23, r->aa_journey_code);
    sq_bind_text(q, at + 24, consents);
    sq_bind_text(q, at + 25, metadata);
    sqlite3_bind_int64(q, at + 26, s->created_at);
    sqlite3_bind_int64(q, at + 27, s->expires_at);
    sq_bind_text(q, at + 28, session_state_name(s->state));
    sq_bind_int_opt(q, at + 29, s->processing_requested_at, s->processing_requested_at != 0);
    sq_bind_int_opt(q, at + 30, s->deleted_at, s->deleted_at != 0);
    free(months);
    free(consents);
    free(metadata);
}

static int session_insert_run(sqlite3 *db, sqlite3_stmt *q, const struct session *s)
{
    session_bind(q, 0, s);
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
    session_bind(q, 0, ins->s);
    if (ins->api_key_hash)
        sq_bind_text(q, 31, ins->api_key_hash);
    int rc = sq_run_reset(c->db, q, "session_insert");
    if (rc != STORE_OK || !ins->api_key_hash || sqlite3_changes(c->db) > 0)
        return rc;
    ins->refused = refusal(c, ins);
    return STORE_NOT_FOUND;
}

/* ---- a run of creates in one statement ----
 * The group commit's creates of one organisation, key and mode (the
 * usual batch) go in with their grant looked up once and their rows in
 * one INSERT of several VALUES rows, instead of one INSERT ... SELECT FROM
 * orgs each: the statement's and the look-up's work per create was more
 * than its row's (docs/operations.md, session 10 and 11). The look-up and
 * the inserts run in the writer's one transaction, which every change of
 * a key or mode also goes through, so the grant cannot change between
 * them: the outcome is each create's own granted insert's. */
static const int ROWS_N[] = {SQ_RUN_MAX, 8, 4, 2}; /* the statements' row counts, largest first */
#define ROWS_SIZES ((int)(sizeof ROWS_N / sizeof ROWS_N[0]))
static char rows_sql[ROWS_SIZES][sizeof STORE_SESSION_COLS + 64 + SQ_RUN_MAX * (2 * SESSION_PARAMS + 2)];
static pthread_once_t rows_once = PTHREAD_ONCE_INIT;

static void rows_sql_build(void)
{
    for (int k = 0; k < ROWS_SIZES; k++) {
        char *p = rows_sql[k];
        size_t left = sizeof rows_sql[k];
        int w = snprintf(p, left, "INSERT INTO sessions(" STORE_SESSION_COLS ") VALUES ");
        for (int r = 0; r < ROWS_N[k]; r++)
            for (int i = 0; i < SESSION_PARAMS; i++)
                w += snprintf(p + w, left - (size_t)w, "%s?%s", i ? "," : r ? ",(" : "(",
                              i == SESSION_PARAMS - 1 ? ")" : "");
    }
}

/* Whether b's grant is a's: one look-up answers for both. */
static bool same_grant(const struct session_insert *a, const struct session_insert *b)
{
    return b->api_key_hash && !strcmp(a->api_key_hash, b->api_key_hash) && !strcmp(a->s->org_id, b->s->org_id) &&
           a->s->req.mode == b->s->req.mode;
}

/* The grant SQL_SESSION_INSERT_GRANTED checks, looked up: *why is
 * GRANT_HELD or the refusal; a store_rc. */
static int grant_of(struct sq_conn *c, const struct session_insert *ins, enum grant_refusal *why)
{
    sqlite3_stmt *q = sq_stmt(c, SQL_ORG_MODES);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, ins->s->org_id);
    sq_bind_text(q, 2, ins->api_key_hash);
    int step = sqlite3_step(q), mode = ins->s->req.mode;
    if (step == SQLITE_ROW)
        *why = mode == 0 || (sqlite3_column_int64(q, 0) & mode) != 0 ? GRANT_HELD : GRANT_MODE_OFF;
    else
        *why = GRANT_KEY_GONE;
    int rc = sq_rc(c->db, step, "session_insert");
    sqlite3_reset(q);
    return rc;
}

/* One create whose grant is held. */
static int insert_one(struct sq_conn *c, const struct session_insert *ins)
{
    sqlite3_stmt *q = sq_stmt(c, SQL_SESSION_INSERT);
    if (!q)
        return STORE_ERROR;
    session_bind(q, 0, ins->s);
    return sq_run_reset(c->db, q, "session_insert");
}

/* The rows creates from w on in one statement: a store_rc. */
static int insert_rows(struct sq_conn *c, const struct wop *w, int k)
{
    pthread_once(&rows_once, rows_sql_build);
    sqlite3_stmt *q = sq_stmt(c, rows_sql[k]);
    if (!q)
        return STORE_ERROR;
    for (int r = 0; r < ROWS_N[k]; r++, w = w->next)
        session_bind(q, r * SESSION_PARAMS, ((const struct session_insert *)w->arg)->s);
    return sq_run_reset(c->db, q, "session_insert");
}

/* Inserts the n creates from w on (their grant held) in as few statements
 * as ROWS_N allows. A statement is atomic: when one fails (a duplicate
 * id), its creates are inserted again one at a time, so that only the
 * failing one fails, as it would alone. */
static void insert_run(struct sq_conn *c, struct wop *w, int n, unsigned *statements)
{
    while (n > 0) {
        int k = 0;
        while (k < ROWS_SIZES && ROWS_N[k] > n)
            k++;
        int rows = k < ROWS_SIZES ? ROWS_N[k] : 1;
        int rc = rows > 1 ? insert_rows(c, w, k) : STORE_ERROR;
        *statements += rows > 1;
        for (int r = 0; r < rows; r++, w = w->next, n--) {
            w->rc = rc;
            if (rc != STORE_OK) {
                w->rc = insert_one(c, w->arg);
                (*statements)++;
            }
        }
    }
}

/* The writer's apply_run (sqlite_commit.c) for granted creates: first and
 * the creates after it of the same grant, up to SQ_RUN_MAX. */
static int apply_session_inserts(struct sq_conn *c, struct wop *first, unsigned *statements)
{
    struct session_insert *a = (struct session_insert *)first->arg;
    int n = 1;
    for (const struct wop *w = first->next;
         w && n < SQ_RUN_MAX && w->apply_run == first->apply_run && same_grant(a, w->arg); w = w->next)
        n++;
    if (n == 1) {
        first->rc = apply_session_insert(c, a);
        (*statements)++;
        return 1;
    }
    enum grant_refusal why = GRANT_HELD;
    int rc = grant_of(c, a, &why);
    if (rc == STORE_OK && why == GRANT_HELD) {
        insert_run(c, first, n, statements);
        return n;
    }
    struct wop *w = first;
    for (int i = 0; i < n; i++, w = w->next) {
        w->rc = rc == STORE_OK ? STORE_NOT_FOUND : rc;
        if (rc == STORE_OK)
            ((struct session_insert *)w->arg)->refused = why; /* the caller's: refused is ours to set */
    }
    return n;
}

void sq_session_insert_async(struct store *st, struct session_insert *ins, store_done_fn done, void *arg)
{
    sq_submit_run(st, apply_session_insert, ins->api_key_hash ? apply_session_inserts : NULL, ins, done, arg);
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
