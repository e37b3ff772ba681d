/* The PostgreSQL store's Account Aggregator operations (the twins of
 * sqlite_aa.c): consent requests and their aa_fetch job, the callback
 * audit trail (a unique index refuses replays, from any node), data life. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_family.h"

#define CONSENT_COLS                                                                            \
    "id, session_id, status, consent_handle, consent_id, txnid, state_token, customer_id, bank, " \
    "artefact, fi_session_id, key_sealed, key_public, nonce, notified_status, fi_notified, "      \
    "redirect_status, error_code, error_message, details, expires_at, data_life_until, "          \
    "data_deleted_at, created_at, updated_at"

/* key_sealed comes back as text in bytea's hex form ("\x..."). */
static void consent_from_row(const PGresult *r, int i, void *out)
{
    struct aa_consent_rec *c = out;
    memset(c, 0, sizeof *c);
    pgr_copy(r, i, 0, c->id, sizeof c->id);
    pgr_copy(r, i, 1, c->session_id, sizeof c->session_id);
    char **strs[] = {&c->state, &c->consent_handle, &c->consent_id, &c->txnid, &c->state_token,
                     &c->customer_id, &c->bank, &c->artefact, &c->fi_session_id};
    for (int k = 0; k < 9; k++)
        *strs[k] = pgr_dup(r, i, 2 + k);
    if (!pgr_null(r, i, 11)) {
        size_t n = 0;
        unsigned char *b = PQunescapeBytea((const unsigned char *)PQgetvalue(r, i, 11), &n);
        if (b && n > 0 && (c->key_sealed = malloc(n))) {
            memcpy(c->key_sealed, b, n);
            c->key_sealed_len = n;
        }
        PQfreemem(b);
    }
    char **more[] = {&c->key_public, &c->nonce, &c->notified_status, &c->fi_notified, &c->redirect_status,
                     &c->error_code, &c->error_message, &c->details};
    for (int k = 0; k < 8; k++)
        *more[k] = pgr_dup(r, i, 12 + k);
    c->expires_at = pgr_int(r, i, 20);
    c->data_life_until = pgr_int(r, i, 21);
    c->data_deleted_at = pgr_int(r, i, 22);
    c->created_at = pgr_int(r, i, 23);
    c->updated_at = pgr_int(r, i, 24);
}

static int apply_insert(struct pg_conn *c, void *arg)
{
    const struct aa_consent_rec *a = arg;
    struct pg_params p = {0};
    const char *vals[] = {a->id, a->session_id, a->state, a->consent_handle, a->txnid, a->state_token,
                          a->customer_id, a->bank, a->details};
    for (int i = 0; i < 9; i++)
        pgp_text(&p, vals[i]);
    pgp_int(&p, a->expires_at);
    pgp_int(&p, a->created_at);
    int rc = pg_exec(c, "INSERT INTO aa_consents(id, session_id, status, consent_handle, txnid, state_token, "
                        "customer_id, bank, details, expires_at, created_at, updated_at) "
                        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
                     &p, "aa_consent_insert", NULL, NULL);
    if (rc != STORE_OK)
        return rc;
    char payload[96], key[64];
    snprintf(payload, sizeof payload, "{\"consent\":\"%s\"}", a->id);
    snprintf(key, sizeof key, "aa:%s", a->id);
    struct pg_params q = {0};
    pgp_text(&q, payload);
    pgp_text(&q, a->session_id);
    pgp_int(&q, a->created_at);
    pgp_text(&q, key);
    return pg_exec(c, "INSERT INTO jobs(kind, payload, session_id, run_after, dedupe_key, created_at, updated_at) "
                      "VALUES ('aa_fetch', $1, $2, $3, $4, $3, $3)",
                   &q, "aa_job_insert", NULL, NULL);
}

int pg_aa_consent_insert(struct store *st, const struct aa_consent_rec *c)
{
    return pg_write((struct pg_store *)st, apply_insert, (void *)c);
}

static int get_one(struct store *st, const char *sql, const char *value, struct aa_consent_rec *out)
{
    struct pg_params p = {0};
    pgp_text(&p, value);
    return pg_get_row((struct pg_store *)st, sql, &p, "aa_consent_get", consent_from_row, out);
}

#define CONSENT_BY(col) \
    "SELECT " CONSENT_COLS " FROM aa_consents WHERE " col " = $1 ORDER BY created_at DESC, seq DESC LIMIT 1"

int pg_aa_consent_get(struct store *st, enum aa_lookup by, const char *value, struct aa_consent_rec *out)
{
    static const char *const SQL[] = {CONSENT_BY("id"), CONSENT_BY("consent_handle"), CONSENT_BY("consent_id"),
                                      CONSENT_BY("fi_session_id"), CONSENT_BY("state_token")};
    if (!value || (unsigned)by >= sizeof SQL / sizeof SQL[0])
        return STORE_NOT_FOUND;
    return get_one(st, SQL[by], value, out);
}

int pg_aa_consent_latest(struct store *st, const char *session_id, struct aa_consent_rec *out)
{
    return get_one(st, CONSENT_BY("session_id"), session_id, out);
}

struct update_arg {
    const struct aa_consent_rec *c;
    int64_t now;
};

static int apply_update(struct pg_conn *conn, void *arg)
{
    const struct update_arg *a = arg;
    const struct aa_consent_rec *c = a->c;
    struct pg_params p = {0};
    pgp_text(&p, c->id);
    const char *vals[] = {c->state, c->consent_handle, c->consent_id, c->artefact, c->fi_session_id};
    for (int i = 0; i < 5; i++)
        pgp_text(&p, vals[i]);
    pgp_bytes(&p, c->key_sealed, c->key_sealed_len);
    pgp_text(&p, c->key_public);
    pgp_text(&p, c->nonce);
    pgp_text(&p, c->error_code);
    pgp_text(&p, c->error_message);
    pgp_int_opt(&p, c->data_life_until, c->data_life_until != 0);
    pgp_text(&p, c->details);
    pgp_int(&p, c->expires_at);
    pgp_int(&p, a->now);
    int64_t changed = 0;
    int rc = pg_exec(conn,
                     "UPDATE aa_consents SET status = $2, consent_handle = $3, consent_id = $4, artefact = $5, "
                     "fi_session_id = $6, key_sealed = $7, key_public = $8, nonce = $9, error_code = $10, "
                     "error_message = $11, data_life_until = $12, details = $13, expires_at = $14, "
                     "updated_at = $15 WHERE id = $1",
                     &p, "aa_consent_update", NULL, &changed);
    return rc == STORE_OK && changed == 0 ? STORE_NOT_FOUND : rc;
}

int pg_aa_consent_update(struct store *st, const struct aa_consent_rec *c, int64_t now)
{
    struct update_arg a = {c, now};
    return pg_write((struct pg_store *)st, apply_update, &a);
}

struct note_arg {
    const char *id;
    enum aa_note which;
    const char *value;
    int64_t now;
};

static int apply_note(struct pg_conn *c, void *arg)
{
    const struct note_arg *a = arg;
    static const char *const SQL[] = {
        "UPDATE aa_consents SET notified_status = $2, updated_at = $3 WHERE id = $1",
        "UPDATE aa_consents SET fi_notified = $2, updated_at = $3 WHERE id = $1",
        "UPDATE aa_consents SET redirect_status = $2, updated_at = $3 WHERE id = $1",
    };
    struct pg_params p = {0};
    pgp_text(&p, a->id);
    pgp_text(&p, a->value);
    pgp_int(&p, a->now);
    int64_t changed = 0;
    int rc = pg_exec(c, SQL[a->which], &p, "aa_consent_note", NULL, &changed);
    if (rc != STORE_OK)
        return rc;
    if (changed == 0)
        return STORE_NOT_FOUND;
    char key[64];
    snprintf(key, sizeof key, "aa:%s", a->id);
    /* Wake the job: a queued one runs now; a running one keeps its lease
     * and sees the note on its next step. */
    struct pg_params q = {0};
    pgp_text(&q, key);
    pgp_int(&q, a->now);
    return pg_exec(c, "UPDATE jobs SET run_after = $2 WHERE dedupe_key = $1 AND state = 'queued' AND run_after > $2",
                   &q, "aa_job_wake", NULL, NULL);
}

int pg_aa_consent_note(struct store *st, const char *id, enum aa_note which, const char *value, int64_t now)
{
    if ((unsigned)which > AA_NOTE_REDIRECT)
        return STORE_ERROR;
    struct note_arg a = {id, which, value, now};
    return pg_write((struct pg_store *)st, apply_note, &a);
}

int pg_aa_event_record(struct store *st, const struct aa_event *e)
{
    struct pg_params p = {0};
    pgp_text(&p, e->consent_id);
    pgp_text(&p, e->kind);
    pgp_text(&p, e->txnid);
    pgp_text(&p, e->status);
    pgp_int(&p, e->accepted);
    pgp_text(&p, e->detail);
    pgp_int(&p, e->at);
    return pg_exec1((struct pg_store *)st,
                    "INSERT INTO aa_events(consent, kind, txnid, status, accepted, detail, created_at) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    &p, "aa_event", NULL, NULL);
}

struct expire_arg {
    int64_t now;
    size_t deleted;
};

/* The consents whose data life ended by $1, locked for this transaction. */
#define GONE                                                                                    \
    "SELECT id FROM aa_consents WHERE data_deleted_at IS NULL AND data_life_until IS NOT NULL " \
    "AND data_life_until <= $1"

static int apply_expire(struct pg_conn *c, void *arg)
{
    struct expire_arg *a = arg;
    static const char *const STEPS[] = {
        "SELECT id FROM aa_consents WHERE data_deleted_at IS NULL AND data_life_until IS NOT NULL "
        "AND data_life_until <= $1 FOR UPDATE",
        "DELETE FROM transactions WHERE statement_id IN (SELECT id FROM statements WHERE aa_consent_id IN "
        "(" GONE "))",
        NULL, /* statements: counted below */
        "DELETE FROM accounts WHERE id IN (SELECT a.id FROM accounts a JOIN aa_consents c ON c.session_id = "
        "a.session_id WHERE c.id IN (" GONE ")) AND NOT EXISTS (SELECT 1 FROM statements s "
        "WHERE s.account_id = accounts.id)",
        "UPDATE aa_consents SET data_deleted_at = $1, artefact = NULL, key_sealed = NULL, updated_at = $1 "
        "WHERE id IN (" GONE ")",
        "DELETE FROM aa_events WHERE created_at < $1::bigint - 86400",
    };
    static const char DELETE_STATEMENTS[] = "DELETE FROM statements WHERE aa_consent_id IN (" GONE ")";
    for (size_t i = 0; i < sizeof STEPS / sizeof STEPS[0]; i++) {
        struct pg_params p = {0};
        pgp_int(&p, a->now);
        int64_t changed = 0;
        int rc = pg_exec(c, STEPS[i] ? STEPS[i] : DELETE_STATEMENTS, &p, "aa_expire", NULL, &changed);
        if (rc != STORE_OK)
            return rc;
        if (!STEPS[i])
            a->deleted = (size_t)changed;
    }
    return STORE_OK;
}

int pg_aa_expire_data(struct store *st, int64_t now, size_t *deleted)
{
    struct expire_arg a = {now, 0};
    int rc = pg_write((struct pg_store *)st, apply_expire, &a);
    *deleted = rc == STORE_OK ? a.deleted : 0;
    return rc;
}

int pg_job_snooze(struct store *st, int64_t job_id, int64_t run_after, int64_t now)
{
    struct pg_params p = {0};
    pgp_int(&p, job_id);
    pgp_int(&p, run_after);
    pgp_int(&p, now);
    return pg_exec1((struct pg_store *)st,
                    "UPDATE jobs SET state = 'queued', run_after = $2, locked_until = NULL, "
                    "attempts = greatest(attempts - 1, 0), last_error = NULL, updated_at = $3 WHERE id = $1",
                    &p, "job_snooze", NULL, NULL);
}
