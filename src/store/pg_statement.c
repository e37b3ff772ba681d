/* The PostgreSQL store's statements, accounts and transactions: the
 * one-transaction commit of an upload, its reads, processing results,
 * session deletion and retention.
 *
 * A statement commit locks its session's row first, so that commits into
 * one session (from any node) run one after the other and each sees what
 * the one before committed; the file's row is locked (shared) against a
 * concurrent deletion claim (pg_blob.c). Transactions go in with COPY: one
 * round trip for thousands of rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/orphans.h"
#include "store/pg_family.h"
#include "store/codec.h"
#include "store/statement_rules.h"
#include "util/array.h"
#include "util/log.h"

/* ---- commit ---- */

struct commit_arg {
    const struct statement_commit *c;
    size_t n;
    enum commit_result *result;
};

/* 1 when the session is open for uploads (its row now locked), 0 when
 * not, -1 on error. */
static int session_open_locked(void *tx, const char *session_id)
{
    struct pg_conn *c = tx;
    struct pg_params p = {0};
    pgp_text(&p, session_id);
    PGresult *r;
    if (pg_exec(c, "SELECT state = 'open' AND deleted_at IS NULL FROM sessions WHERE id = $1 FOR UPDATE", &p,
                "session_lock", &r, NULL) != STORE_OK)
        return -1;
    int open = PQntuples(r) > 0 && pgr_int(r, 0, 0);
    PQclear(r);
    return open;
}

static void prior_from_row(const PGresult *r, int i, void *out)
{
    struct statement_rec *s = out;
    memset(s, 0, sizeof *s);
    pgr_copy(r, i, 0, s->id, sizeof s->id);
    pgr_copy(r, i, 1, s->account_id, sizeof s->account_id);
    s->content_sha256 = pgr_dup(r, i, 2);
    s->from_day = pgr_null(r, i, 3) ? PB_NO_DAY : (pb_day)pgr_int(r, i, 3);
    s->to_day = pgr_null(r, i, 4) ? PB_NO_DAY : (pb_day)pgr_int(r, i, 4);
}

static int completed(void *tx, const char *session_id, struct statement_rec **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct pg_params p = {0};
    pgp_text(&p, session_id);
    PGresult *r;
    int rc = pg_exec(tx, "SELECT id, account_id, content_sha256, from_day, to_day FROM statements "
                         "WHERE session_id = $1 AND status = 'completed'",
                     &p, "statement_completed", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    rc = pg_collect(r, sizeof **out, prior_from_row, (void **)out, n);
    PQclear(r);
    return rc;
}

static int insert_account(void *tx, const struct account_rec *a, int64_t now)
{
    struct pg_conn *c = tx;
    struct pg_params p = {0};
    pgp_text(&p, a->id);
    pgp_text(&p, a->session_id);
    pgp_text(&p, a->bank);
    pgp_text(&p, a->account_number);
    pgp_text(&p, a->name);
    pgp_text(&p, a->ifsc);
    pgp_text(&p, a->micr);
    pgp_text(&p, a->address);
    pgp_text(&p, a->account_category);
    pgp_text(&p, a->account_type);
    pgp_int_opt(&p, a->od_limit, a->od_limit != 0);
    pgp_int_opt(&p, a->credit_limit, a->credit_limit != 0);
    pgp_int(&p, now);
    return pg_exec(c,
                   "INSERT INTO accounts(id, session_id, bank, account_number, name, ifsc, micr, address, "
                   "account_category, account_type, od_limit, credit_limit, status, created_at, updated_at) "
                   "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, NULL, $13, $13) "
                   "ON CONFLICT (id) DO UPDATE SET updated_at = $13",
                   &p, "account_insert", NULL, NULL);
}

/* The statement's file row: created if missing, locked against a deletion
 * claim until commit, never revived once its deletion was claimed. 1 when
 * the file may be referenced, 0 when not, -1 on error. */
static int file_ok(void *tx, const struct statement_rec *s)
{
    struct pg_conn *c = tx;
    struct pg_params p = {0};
    pgp_text(&p, s->blob_sha256);
    pgp_int(&p, s->file_size);
    pgp_int(&p, s->created_at);
    if (pg_exec(c, "INSERT INTO blobs(sha256, size, created_at) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING",
                &p, "blob_insert", NULL, NULL) != STORE_OK)
        return -1;
    struct pg_params q = {0};
    pgp_text(&q, s->blob_sha256);
    PGresult *r;
    if (pg_exec(c, "SELECT deleted_at IS NULL FROM blobs WHERE sha256 = $1 FOR SHARE", &q, "blob_ref", &r, NULL) !=
        STORE_OK)
        return -1;
    int live = PQntuples(r) > 0 && pgr_int(r, 0, 0);
    PQclear(r);
    return live;
}

static int insert_statement(void *tx, const struct statement_rec *s)
{
    struct pg_conn *c = tx;
    struct pg_params p = {0};
    pgp_text(&p, s->id);
    pgp_text(&p, s->session_id);
    pgp_text(&p, s->account_id);
    pgp_text(&p, s->source ? s->source : "pdf");
    pgp_text(&p, s->bank);
    pgp_text(&p, s->blob_sha256);
    pgp_text(&p, s->file_name);
    pgp_int(&p, s->file_size);
    pgp_bytes(&p, s->pdf_password_enc, s->pdf_password_enc ? s->pdf_password_enc_len : 0);
    pgp_text(&p, s->status ? s->status : "completed");
    pgp_text(&p, s->error_code);
    pgp_text(&p, s->error_message);
    pgp_int(&p, s->page_count);
    pgp_text(&p, s->identity);
    pgp_int_opt(&p, s->from_day, s->from_day != PB_NO_DAY);
    pgp_int_opt(&p, s->to_day, s->to_day != PB_NO_DAY);
    pgp_int_opt(&p, s->opening_balance, s->has_opening);
    pgp_int_opt(&p, s->closing_balance, s->has_closing);
    pgp_int(&p, s->balances_ok);
    pgp_int(&p, s->totals_ok);
    pgp_text(&p, s->facts);
    pgp_text(&p, s->fraud);
    pgp_text(&p, s->content_sha256);
    pgp_int(&p, s->created_at);
    pgp_text(&p, s->aa_consent_id);
    return pg_exec(c,
                   "INSERT INTO statements(id, session_id, account_id, source, bank, blob_sha256, file_name, "
                   "file_size, pdf_password_enc, status, error_code, error_message, page_count, identity, "
                   "from_day, to_day, opening_balance, closing_balance, balances_ok, totals_ok, facts, fraud, "
                   "content_sha256, created_at, updated_at, aa_consent_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                   "$10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $24, $25)",
                   &p, "statement_insert", NULL, NULL);
}

/* ---- COPY of transaction rows ---- */

struct copybuf {
    char *p;
    size_t len, cap;
    bool oom;
};

static void cb_add(struct copybuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (array_grow(&b->p, &b->cap, b->len + n + 1, 1, 65536)) {
        b->oom = true;
        return;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

/* A text field in COPY's text format (\N for NULL), then sep. */
static void cb_text(struct copybuf *b, const char *s, char sep)
{
    if (!s) {
        cb_add(b, "\\N", 2);
    } else {
        for (const char *q = s; *q; q++) {
            const char *esc = *q == '\\' ? "\\\\" : *q == '\n' ? "\\n" : *q == '\r' ? "\\r" : *q == '\t' ? "\\t" : NULL;
            if (esc)
                cb_add(b, esc, 2);
            else
                cb_add(b, q, 1);
        }
    }
    cb_add(b, &sep, 1);
}

static void cb_int(struct copybuf *b, int64_t v, bool present, char sep)
{
    char num[24];
    snprintf(num, sizeof num, "%lld", (long long)v);
    cb_text(b, present ? num : NULL, sep);
}

static int insert_txns(void *tx, const struct statement_commit *sc)
{
    struct pg_conn *c = tx;
    if (sc->ntxns == 0)
        return STORE_OK;
    struct copybuf b = {0};
    for (size_t i = 0; i < sc->ntxns; i++) {
        const struct txn_rec *t = &sc->txns[i];
        cb_text(&b, sc->stmt->id, '\t');
        cb_int(&b, t->seq, true, '\t');
        cb_text(&b, sc->stmt->account_id, '\t');
        cb_int(&b, t->day, true, '\t');
        cb_int(&b, t->value_day, t->value_day != PB_NO_DAY, '\t');
        cb_int(&b, t->type, true, '\t');
        cb_int(&b, t->amount, true, '\t');
        cb_int(&b, t->balance, t->has_balance, '\t');
        cb_text(&b, t->note ? t->note : "", '\t');
        cb_text(&b, t->chq_num, '\t');
        cb_int(&b, t->page, true, '\t');
        cb_int(&b, t->reconciled, true, '\t');
        cb_text(&b, t->hash, '\n');
    }
    if (b.oom) {
        free(b.p);
        return STORE_ERROR;
    }
    int rc = pg_copy_in(c,
                        "COPY transactions(statement_id, seq, account_id, day, value_day, type, amount, balance, "
                        "note, chq_num, page, reconciled, hash) FROM STDIN",
                        b.p, b.len, "txn_insert");
    free(b.p);
    return rc;
}

static int unpin(void *tx, int64_t pin_id, bool *held)
{
    return pg_blob_unpin_in(tx, pin_id, held);
}

static const struct statement_commit_steps STEPS = {
    session_open_locked, completed, unpin, file_ok, insert_account, insert_statement, insert_txns,
};

static int apply_commit(struct pg_conn *c, void *arg)
{
    struct commit_arg *a = arg;
    return statement_commit_apply(&STEPS, c, a->c, a->n, a->result);
}

int pg_statement_commit(struct store *st, const struct statement_commit *c, size_t n,
                        enum commit_result *result)
{
    struct commit_arg a = {c, n, result};
    return pg_write((struct pg_store *)st, apply_commit, &a);
}

/* ---- reads ---- */

#define ACCOUNT_COLS                                                                              \
    "id, session_id, bank, account_number, name, ifsc, micr, address, account_category, "         \
    "account_type, od_limit, credit_limit, status, error_code, error_message, insights, created_at, " \
    "updated_at"

static void account_from_row(const PGresult *r, int i, void *out)
{
    struct account_rec *a = out;
    memset(a, 0, sizeof *a);
    pgr_copy(r, i, 0, a->id, sizeof a->id);
    pgr_copy(r, i, 1, a->session_id, sizeof a->session_id);
    a->bank = pgr_dup(r, i, 2);
    a->account_number = pgr_dup(r, i, 3);
    a->name = pgr_dup(r, i, 4);
    a->ifsc = pgr_dup(r, i, 5);
    a->micr = pgr_dup(r, i, 6);
    a->address = pgr_dup(r, i, 7);
    a->account_category = pgr_dup(r, i, 8);
    a->account_type = pgr_dup(r, i, 9);
    a->od_limit = pgr_int(r, i, 10);
    a->credit_limit = pgr_int(r, i, 11);
    a->status = pgr_dup(r, i, 12);
    a->error_code = pgr_dup(r, i, 13);
    a->error_message = pgr_dup(r, i, 14);
    a->insights = pgr_dup(r, i, 15);
    a->created_at = pgr_int(r, i, 16);
    a->updated_at = pgr_int(r, i, 17);
}

#define STATEMENT_COLS                                                                            \
    "id, session_id, account_id, source, bank, blob_sha256, file_name, file_size, pdf_password_enc, " \
    "status, error_code, error_message, page_count, identity, from_day, to_day, opening_balance, "   \
    "closing_balance, balances_ok, totals_ok, facts, fraud, content_sha256, created_at, "            \
    "pdf_deleted_at, aa_consent_id"

static void statement_from_row(const PGresult *r, int i, void *out)
{
    struct statement_rec *s = out;
    memset(s, 0, sizeof *s);
    pgr_copy(r, i, 0, s->id, sizeof s->id);
    pgr_copy(r, i, 1, s->session_id, sizeof s->session_id);
    pgr_copy(r, i, 2, s->account_id, sizeof s->account_id);
    s->source = pgr_dup(r, i, 3);
    s->bank = pgr_dup(r, i, 4);
    s->blob_sha256 = pgr_dup(r, i, 5);
    s->file_name = pgr_dup(r, i, 6);
    s->file_size = pgr_int(r, i, 7);
    if (!pgr_null(r, i, 8)) {
        size_t n = 0;
        unsigned char *b = PQunescapeBytea((const unsigned char *)PQgetvalue(r, i, 8), &n);
        if (b && n > 0 && (s->pdf_password_enc = malloc(n))) {
            memcpy(s->pdf_password_enc, b, n);
            s->pdf_password_enc_len = n;
        }
        PQfreemem(b);
    }
    s->status = pgr_dup(r, i, 9);
    s->error_code = pgr_dup(r, i, 10);
    s->error_message = pgr_dup(r, i, 11);
    s->page_count = (int)pgr_int(r, i, 12);
    s->identity = pgr_dup(r, i, 13);
    s->from_day = pgr_null(r, i, 14) ? PB_NO_DAY : (pb_day)pgr_int(r, i, 14);
    s->to_day = pgr_null(r, i, 15) ? PB_NO_DAY : (pb_day)pgr_int(r, i, 15);
    s->has_opening = !pgr_null(r, i, 16);
    s->opening_balance = pgr_int(r, i, 16);
    s->has_closing = !pgr_null(r, i, 17);
    s->closing_balance = pgr_int(r, i, 17);
    s->balances_ok = pgr_int(r, i, 18) != 0;
    s->totals_ok = pgr_int(r, i, 19) != 0;
    s->facts = pgr_dup(r, i, 20);
    s->fraud = pgr_dup(r, i, 21);
    s->content_sha256 = pgr_dup(r, i, 22);
    s->created_at = pgr_int(r, i, 23);
    s->pdf_deleted_at = pgr_int(r, i, 24);
    s->aa_consent_id = pgr_dup(r, i, 25);
}

static void txn_from_row(const PGresult *r, int i, void *out)
{
    struct txn_rec *t = out;
    memset(t, 0, sizeof *t);
    t->seq = (int)pgr_int(r, i, 0);
    t->day = (pb_day)pgr_int(r, i, 1);
    t->value_day = pgr_null(r, i, 2) ? PB_NO_DAY : (pb_day)pgr_int(r, i, 2);
    t->type = (int)pgr_int(r, i, 3);
    t->amount = pgr_int(r, i, 4);
    t->has_balance = !pgr_null(r, i, 5);
    t->balance = pgr_int(r, i, 5);
    t->note = pgr_dup(r, i, 6);
    t->chq_num = pgr_dup(r, i, 7);
    t->page = (int)pgr_int(r, i, 8);
    t->reconciled = pgr_int(r, i, 9) != 0;
    pgr_copy(r, i, 10, t->hash, sizeof t->hash);
}

/* Runs a one-parameter listing query. */
static int list_by(struct store *st, const char *sql, const char *key, size_t sz,
                   void (*from_row)(const PGresult *, int, void *), void **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct pg_params p = {0};
    pgp_text(&p, key);
    PGresult *r;
    int rc = pg_exec1((struct pg_store *)st, sql, &p, "list", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    rc = pg_collect(r, sz, from_row, out, n);
    PQclear(r);
    return rc;
}

int pg_account_list(struct store *st, const char *session_id, struct account_rec **out, size_t *n)
{
    return list_by(st, "SELECT " ACCOUNT_COLS " FROM accounts WHERE session_id = $1 ORDER BY created_at, seq",
                   session_id, sizeof **out, account_from_row, (void **)out, n);
}

int pg_statement_list(struct store *st, const char *session_id, struct statement_rec **out, size_t *n)
{
    return list_by(st, "SELECT " STATEMENT_COLS " FROM statements WHERE session_id = $1 ORDER BY created_at, seq",
                   session_id, sizeof **out, statement_from_row, (void **)out, n);
}

int pg_statement_get(struct store *st, const char *statement_id, struct statement_rec *out)
{
    struct statement_rec *arr = NULL;
    size_t n = 0;
    int rc = list_by(st, "SELECT " STATEMENT_COLS " FROM statements WHERE id = $1", statement_id, sizeof *arr,
                     statement_from_row, (void **)&arr, &n);
    return store_first_statement(rc, arr, n, out);
}

int pg_txn_list(struct store *st, const char *statement_id, struct txn_rec **out, size_t *n)
{
    return list_by(st, "SELECT seq, day, value_day, type, amount, balance, note, chq_num, page, reconciled, hash "
                       "FROM transactions WHERE statement_id = $1 ORDER BY seq",
                   statement_id, sizeof **out, txn_from_row, (void **)out, n);
}

int pg_account_set_result(struct store *st, const char *account_id, const char *status, const char *error_code,
                          const char *error_message, const char *insights_json, int64_t now)
{
    struct pg_params p = {0};
    pgp_text(&p, account_id);
    pgp_text(&p, status);
    pgp_text(&p, error_code);
    pgp_text(&p, error_message);
    pgp_text(&p, insights_json);
    pgp_int(&p, now);
    return pg_exec1((struct pg_store *)st,
                    "UPDATE accounts SET status = $2, error_code = $3, error_message = $4, insights = $5, "
                    "updated_at = $6 WHERE id = $1",
                    &p, "account_set_result", NULL, NULL);
}

/* ---- deletion and retention ---- */

/* Keeps the distinct files of r's first column in a->files. */
static int take_files(PGresult *r, struct orphan_arg *a)
{
    int rows = PQntuples(r);
    if (rows && !(a->files = calloc((size_t)rows, sizeof *a->files)))
        return STORE_ERROR;
    for (int i = 0; i < rows; i++)
        if ((a->files[a->n] = pgr_dup(r, i, 0)))
            a->n++;
    return STORE_OK;
}

static int claim_in(void *c, const char *sha256, const char *owner, int64_t now, bool *claimed)
{
    return pg_blob_claim_in(c, sha256, owner, now, INT64_MIN, claimed);
}

/* Keeps in a->files those this transaction claims for deletion (orphans.h). */
static int claim_files(struct pg_conn *c, struct orphan_arg *a)
{
    return orphans_claim(a->files, &a->n, claim_in, c, a->owner, a->now);
}

static int apply_session_delete(struct pg_conn *c, void *arg)
{
    struct orphan_arg *a = arg;
    orphans_free_files(&a->files, &a->n); /* a retried transaction starts over */
    a->found = false;
    struct pg_params p = {0};
    pgp_text(&p, a->session_id);
    pgp_text(&p, a->org_id);
    pgp_int(&p, a->now);
    int64_t changed = 0;
    int rc = pg_exec(c, "UPDATE sessions SET deleted_at = $3 WHERE id = $1 AND org_id = $2 AND deleted_at IS NULL",
                     &p, "session_delete", NULL, &changed);
    if (rc != STORE_OK || !(a->found = changed > 0))
        return rc;
    struct pg_params q = {0};
    pgp_text(&q, a->session_id);
    PGresult *r;
    rc = pg_exec(c, "SELECT DISTINCT blob_sha256 FROM statements WHERE session_id = $1 AND blob_sha256 IS NOT NULL",
                 &q, "session_delete", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    rc = take_files(r, a);
    PQclear(r);
    static const char *const DELETES[] = {
        "DELETE FROM transactions WHERE statement_id IN (SELECT id FROM statements WHERE session_id = $1)",
        "DELETE FROM statements WHERE session_id = $1",
        "DELETE FROM accounts WHERE session_id = $1",
        "DELETE FROM aa_consents WHERE session_id = $1", /* keys and artefacts too */
    };
    for (size_t i = 0; i < sizeof DELETES / sizeof DELETES[0] && rc == STORE_OK; i++)
        rc = pg_exec(c, DELETES[i], &q, "session_delete", NULL, NULL);
    struct pg_params j = {0};
    pgp_text(&j, a->session_id);
    pgp_int(&j, a->now);
    if (rc == STORE_OK)
        rc = pg_exec(c, "UPDATE jobs SET state = 'done', updated_at = $2 WHERE session_id = $1 "
                        "AND state IN ('queued','running')",
                     &j, "session_delete", NULL, NULL);
    return rc == STORE_OK ? claim_files(c, a) : rc;
}

int pg_session_delete(struct store *st, const char *session_id, const char *org_id, int64_t now, char ***orphans,
                      size_t *norphans)
{
    struct orphan_arg a = {.session_id = session_id, .org_id = org_id, .owner = st->owner, .now = now};
    int rc = pg_write((struct pg_store *)st, apply_session_delete, &a);
    return orphans_hand_out(rc, &a, orphans, norphans);
}

static int apply_pdf_expire(struct pg_conn *c, void *arg)
{
    struct orphan_arg *a = arg;
    orphans_free_files(&a->files, &a->n);
    struct pg_params p = {0};
    pgp_int(&p, a->cutoff);
    pgp_int(&p, a->now);
    /* one statement: the files of the statements it changes, as they were */
    PGresult *r;
    int rc = pg_exec(c,
                     "WITH old AS (SELECT id, blob_sha256 FROM statements WHERE created_at < $1 "
                     "AND pdf_deleted_at IS NULL FOR UPDATE), "
                     "upd AS (UPDATE statements s SET pdf_deleted_at = $2, pdf_password_enc = NULL, "
                     "blob_sha256 = NULL FROM old WHERE s.id = old.id) "
                     "SELECT DISTINCT blob_sha256 FROM old WHERE blob_sha256 IS NOT NULL",
                     &p, "pdf_expire", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    rc = take_files(r, a);
    PQclear(r);
    return rc == STORE_OK ? claim_files(c, a) : rc;
}

int pg_pdf_expire(struct store *st, int64_t cutoff, int64_t now, char ***orphans, size_t *norphans)
{
    struct orphan_arg a = {.owner = st->owner, .cutoff = cutoff, .now = now};
    int rc = pg_write((struct pg_store *)st, apply_pdf_expire, &a);
    return orphans_hand_out(rc, &a, orphans, norphans);
}
