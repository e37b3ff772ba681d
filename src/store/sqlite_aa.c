/* The SQLite store's Account Aggregator operations: consent requests,
 * their aa_fetch job, the callback audit trail and data life. Writes go
 * through the group commit inside a savepoint (sq_write_op). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sqlite_internal.h"

#define CONSENT_COLS                                                                            \
    "id, session_id, status, consent_handle, consent_id, txnid, state_token, customer_id, bank, " \
    "artefact, fi_session_id, key_sealed, key_public, nonce, notified_status, fi_notified, "      \
    "redirect_status, error_code, error_message, details, expires_at, data_life_until, "          \
    "data_deleted_at, created_at, updated_at"

static void consent_from_row(sqlite3_stmt *q, struct aa_consent_rec *c)
{
    memset(c, 0, sizeof *c);
    sq_col_copy(q, 0, c->id, sizeof c->id);
    sq_col_copy(q, 1, c->session_id, sizeof c->session_id);
    char **strs[] = {&c->state, &c->consent_handle, &c->consent_id, &c->txnid, &c->state_token,
                     &c->customer_id, &c->bank, &c->artefact, &c->fi_session_id};
    for (int i = 0; i < 9; i++)
        *strs[i] = sq_col_dup(q, 2 + i);
    int n = sqlite3_column_bytes(q, 11);
    const void *b = sqlite3_column_blob(q, 11);
    if (b && n > 0 && (c->key_sealed = malloc((size_t)n))) {
        memcpy(c->key_sealed, b, (size_t)n);
        c->key_sealed_len = (size_t)n;
    }
    char **more[] = {&c->key_public, &c->nonce, &c->notified_status, &c->fi_notified, &c->redirect_status,
                     &c->error_code, &c->error_message, &c->details};
    for (int i = 0; i < 8; i++)
        *more[i] = sq_col_dup(q, 12 + i);
    c->expires_at = sqlite3_column_int64(q, 20);
    c->data_life_until = sqlite3_column_int64(q, 21);
    c->data_deleted_at = sqlite3_column_int64(q, 22);
    c->created_at = sqlite3_column_int64(q, 23);
    c->updated_at = sqlite3_column_int64(q, 24);
}

static int apply_insert(sqlite3 *db, void *arg)
{
    const struct aa_consent_rec *c = arg;
    sqlite3_stmt *q = sq_prep(db, "INSERT INTO aa_consents(id, session_id, status, consent_handle, txnid, "
                                  "state_token, customer_id, bank, details, expires_at, created_at, updated_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)");
    if (!q)
        return STORE_ERROR;
    const char *vals[] = {c->id, c->session_id, c->state, c->consent_handle, c->txnid, c->state_token,
                          c->customer_id, c->bank, c->details};
    for (int i = 0; i < 9; i++)
        sq_bind_text(q, i + 1, vals[i]);
    sqlite3_bind_int64(q, 10, c->expires_at);
    sqlite3_bind_int64(q, 11, c->created_at);
    int rc = sq_run(db, q, "aa_consent_insert");
    sqlite3_finalize(q);
    if (rc != STORE_OK)
        return rc;
    char payload[96], key[64];
    snprintf(payload, sizeof payload, "{\"consent\":\"%s\"}", c->id);
    snprintf(key, sizeof key, "aa:%s", c->id);
    q = sq_prep(db, "INSERT INTO jobs(kind, payload, session_id, run_after, dedupe_key, created_at, updated_at) "
                    "VALUES ('aa_fetch', ?1, ?2, ?3, ?4, ?3, ?3)");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, payload);
    sq_bind_text(q, 2, c->session_id);
    sqlite3_bind_int64(q, 3, c->created_at);
    sq_bind_text(q, 4, key);
    rc = sq_run(db, q, "aa_job_insert");
    sqlite3_finalize(q);
    return rc;
}

int sq_aa_consent_insert(struct store *st, const struct aa_consent_rec *c)
{
    return sq_write_op(st, apply_insert, (void *)c);
}

static int get_one(struct store *st, const char *sql, const char *value, struct aa_consent_rec *out)
{
    sqlite3_stmt *q = sq_read_prep(st, sql);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, value);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW)
        consent_from_row(q, out);
    sqlite3_finalize(q);
    return rc == SQLITE_ROW ? STORE_OK : rc == SQLITE_DONE ? STORE_NOT_FOUND : STORE_ERROR;
}

int sq_aa_consent_get(struct store *st, enum aa_lookup by, const char *value, struct aa_consent_rec *out)
{
    static const char *const WHERE[] = {"id", "consent_handle", "consent_id", "fi_session_id", "state_token"};
    char sql[512];
    if (!value || (unsigned)by >= sizeof WHERE / sizeof WHERE[0])
        return STORE_NOT_FOUND;
    snprintf(sql, sizeof sql, "SELECT " CONSENT_COLS " FROM aa_consents WHERE %s = ?1 ORDER BY created_at DESC LIMIT 1",
             WHERE[by]);
    return get_one(st, sql, value, out);
}

int sq_aa_consent_latest(struct store *st, const char *session_id, struct aa_consent_rec *out)
{
    return get_one(st, "SELECT " CONSENT_COLS " FROM aa_consents WHERE session_id = ?1 "
                       "ORDER BY created_at DESC, rowid DESC LIMIT 1", session_id, out);
}

struct update_arg {
    const struct aa_consent_rec *c;
    int64_t now;
};

static int apply_update(sqlite3 *db, void *arg)
{
    const struct update_arg *a = arg;
    const struct aa_consent_rec *c = a->c;
    sqlite3_stmt *q = sq_prep(db, "UPDATE aa_consents SET status = ?2, consent_handle = ?3, consent_id = ?4, "
                                  "artefact = ?5, fi_session_id = ?6, key_sealed = ?7, key_public = ?8, "
                                  "nonce = ?9, error_code = ?10, error_message = ?11, data_life_until = ?12, "
                                  "details = ?13, expires_at = ?14, updated_at = ?15 WHERE id = ?1");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, c->id);
    const char *vals[] = {c->state, c->consent_handle, c->consent_id, c->artefact, c->fi_session_id};
    for (int i = 0; i < 5; i++)
        sq_bind_text(q, i + 2, vals[i]);
    if (c->key_sealed)
        sqlite3_bind_blob(q, 7, c->key_sealed, (int)c->key_sealed_len, SQLITE_TRANSIENT);
    sq_bind_text(q, 8, c->key_public);
    sq_bind_text(q, 9, c->nonce);
    sq_bind_text(q, 10, c->error_code);
    sq_bind_text(q, 11, c->error_message);
    sq_bind_int_opt(q, 12, c->data_life_until, c->data_life_until != 0);
    sq_bind_text(q, 13, c->details);
    sqlite3_bind_int64(q, 14, c->expires_at);
    sqlite3_bind_int64(q, 15, a->now);
    int rc = sq_run(db, q, "aa_consent_update");
    sqlite3_finalize(q);
    if (rc == STORE_OK && sqlite3_changes(db) == 0)
        rc = STORE_NOT_FOUND;
    return rc;
}

int sq_aa_consent_update(struct store *st, const struct aa_consent_rec *c, int64_t now)
{
    struct update_arg a = {c, now};
    return sq_write_op(st, apply_update, &a);
}

struct note_arg {
    const char *id;
    enum aa_note which;
    const char *value;
    int64_t now;
};

static int apply_note(sqlite3 *db, void *arg)
{
    const struct note_arg *a = arg;
    static const char *const SQL[] = {
        "UPDATE aa_consents SET notified_status = ?2, updated_at = ?3 WHERE id = ?1",
        "UPDATE aa_consents SET fi_notified = ?2, updated_at = ?3 WHERE id = ?1",
        "UPDATE aa_consents SET redirect_status = ?2, updated_at = ?3 WHERE id = ?1",
    };
    sqlite3_stmt *q = sq_prep(db, SQL[a->which]);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, a->id);
    sq_bind_text(q, 2, a->value);
    sqlite3_bind_int64(q, 3, a->now);
    int rc = sq_run(db, q, "aa_consent_note");
    sqlite3_finalize(q);
    if (rc == STORE_OK && sqlite3_changes(db) == 0)
        return STORE_NOT_FOUND;
    char key[64];
    snprintf(key, sizeof key, "aa:%s", a->id);
    /* Wake the job: a queued one runs now; a running one keeps its lease
     * and sees the note on its next step. */
    q = sq_prep(db, "UPDATE jobs SET run_after = ?2 WHERE dedupe_key = ?1 AND state = 'queued' AND run_after > ?2");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, key);
    sqlite3_bind_int64(q, 2, a->now);
    rc = sq_run(db, q, "aa_job_wake");
    sqlite3_finalize(q);
    return rc;
}

int sq_aa_consent_note(struct store *st, const char *id, enum aa_note which, const char *value, int64_t now)
{
    if ((unsigned)which > AA_NOTE_REDIRECT)
        return STORE_ERROR;
    struct note_arg a = {id, which, value, now};
    return sq_write_op(st, apply_note, &a);
}

static int apply_event(sqlite3 *db, void *arg)
{
    const struct aa_event *e = arg;
    sqlite3_stmt *q = sq_prep(db, "INSERT INTO aa_events(consent, kind, txnid, status, accepted, detail, "
                                  "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, e->consent_id);
    sq_bind_text(q, 2, e->kind);
    sq_bind_text(q, 3, e->txnid);
    sq_bind_text(q, 4, e->status);
    sqlite3_bind_int(q, 5, e->accepted);
    sq_bind_text(q, 6, e->detail);
    sqlite3_bind_int64(q, 7, e->at);
    int rc = sq_run(db, q, "aa_event");
    sqlite3_finalize(q);
    return rc;
}

int sq_aa_event_record(struct store *st, const struct aa_event *e)
{
    return sq_write_op(st, apply_event, (void *)e);
}

struct expire_arg {
    int64_t now;
    size_t deleted;
};

static int exec_now(sqlite3 *db, const char *sql, int64_t now)
{
    sqlite3_stmt *q = sq_prep(db, sql);
    if (!q)
        return STORE_ERROR;
    if (sqlite3_bind_parameter_count(q) >= 1)
        sqlite3_bind_int64(q, 1, now);
    int rc = sq_run(db, q, "aa_expire");
    sqlite3_finalize(q);
    return rc;
}

static int apply_expire(sqlite3 *db, void *arg)
{
    struct expire_arg *a = arg;
    /* The consents whose data life ended, then their rows, children first. */
    static const char *const STEPS[] = {
        "CREATE TEMP TABLE IF NOT EXISTS aa_gone(id TEXT PRIMARY KEY)",
        "DELETE FROM temp.aa_gone",
        "INSERT INTO temp.aa_gone SELECT id FROM aa_consents WHERE data_deleted_at IS NULL "
        "AND data_life_until IS NOT NULL AND data_life_until <= ?1",
        "DELETE FROM transactions WHERE statement_id IN (SELECT id FROM statements WHERE aa_consent_id IN "
        "(SELECT id FROM temp.aa_gone))",
        NULL, /* statements: counted below */
        "DELETE FROM accounts WHERE id IN (SELECT a.id FROM accounts a JOIN aa_consents c ON c.session_id = "
        "a.session_id JOIN temp.aa_gone g ON g.id = c.id) AND NOT EXISTS (SELECT 1 FROM statements s "
        "WHERE s.account_id = accounts.id)",
        "UPDATE aa_consents SET data_deleted_at = ?1, artefact = NULL, key_sealed = NULL, updated_at = ?1 "
        "WHERE id IN (SELECT id FROM temp.aa_gone)",
        "DELETE FROM aa_events WHERE created_at < ?1 - 86400",
    };
    for (size_t i = 0; i < sizeof STEPS / sizeof STEPS[0]; i++) {
        int rc;
        if (!STEPS[i]) {
            rc = exec_now(db, "DELETE FROM statements WHERE aa_consent_id IN (SELECT id FROM temp.aa_gone)", a->now);
            a->deleted = (size_t)sqlite3_changes(db);
        } else {
            rc = exec_now(db, STEPS[i], a->now);
        }
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

int sq_aa_expire_data(struct store *st, int64_t now, size_t *deleted)
{
    struct expire_arg a = {now, 0};
    int rc = sq_write_op(st, apply_expire, &a);
    *deleted = rc == STORE_OK ? a.deleted : 0;
    return rc;
}

struct snooze_arg {
    int64_t id, run_after, now;
};

static int apply_snooze(sqlite3 *db, void *arg)
{
    const struct snooze_arg *a = arg;
    sqlite3_stmt *q = sq_prep(db, "UPDATE jobs SET state = 'queued', run_after = ?2, locked_until = NULL, "
                                  "attempts = MAX(attempts - 1, 0), last_error = NULL, updated_at = ?3 "
                                  "WHERE id = ?1");
    if (!q)
        return STORE_ERROR;
    sqlite3_bind_int64(q, 1, a->id);
    sqlite3_bind_int64(q, 2, a->run_after);
    sqlite3_bind_int64(q, 3, a->now);
    int rc = sq_run(db, q, "job_snooze");
    sqlite3_finalize(q);
    return rc;
}

int sq_job_snooze(struct store *st, int64_t job_id, int64_t run_after, int64_t now)
{
    struct snooze_arg a = {job_id, run_after, now};
    return sq_write_op(st, apply_snooze, &a);
}
