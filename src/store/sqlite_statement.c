/* The SQLite store's statements, accounts and their transactions: the
 * upload's commit, reads, processing results, deletion and retention. Reads use this thread's read connection; writes go
 * through the group commit (sqlite_write), each inside a savepoint, so a
 * statement with its account and transactions is committed whole or not
 * at all, and durable before the caller answers. Statements are prepared
 * per call: their cost is small beside a PDF's extraction. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/orphans.h"
#include "store/sqlite_internal.h"
#include "store/codec.h"
#include "store/statement_rules.h"
#include "util/log.h"

static pb_day cday(sqlite3_stmt *q, int i)
{
    return sqlite3_column_type(q, i) == SQLITE_NULL ? PB_NO_DAY : sqlite3_column_int(q, i);
}

/* ---- statement commit ---- */

struct commit_arg {
    const struct statement_commit *c;
    size_t n;
    enum commit_result *result;
};

/* 1 when the session is open for uploads, 0 when not, -1 on error. */
static int session_open(void *tx, const char *session_id)
{
    sqlite3 *db = tx;
    sqlite3_stmt *q = sq_prep(db, "SELECT state = 'open' AND deleted_at IS NULL FROM sessions WHERE id = ?1");
    if (!q)
        return -1;
    sq_bind_text(q, 1, session_id);
    int rc = sqlite3_step(q);
    int open = rc == SQLITE_ROW ? sqlite3_column_int(q, 0) : rc == SQLITE_DONE ? 0 : -1;
    sqlite3_finalize(q);
    return open;
}

static void prior_from_row(sqlite3_stmt *q, void *out)
{
    struct statement_rec *s = out;
    memset(s, 0, sizeof *s);
    sq_col_copy(q, 0, s->id, sizeof s->id);
    sq_col_copy(q, 1, s->account_id, sizeof s->account_id);
    s->content_sha256 = sq_col_dup(q, 2);
    s->from_day = cday(q, 3);
    s->to_day = cday(q, 4);
}

static int completed(void *tx, const char *session_id, struct statement_rec **out, size_t *n)
{
    sqlite3 *db = tx;
    *out = NULL;
    *n = 0;
    sqlite3_stmt *q = sq_prep(db, "SELECT id, account_id, content_sha256, from_day, to_day FROM statements "
                                  "WHERE session_id = ?1 AND status = 'completed'");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, session_id);
    int rc = sq_collect(q, sizeof **out, prior_from_row, (void **)out, n);
    sqlite3_finalize(q);
    return rc;
}

static int insert_account(void *tx, const struct account_rec *a, int64_t now)
{
    sqlite3 *db = tx;
    sqlite3_stmt *q = sq_prep(db, "INSERT INTO accounts(id, session_id, bank, account_number, name, ifsc, "
                               "micr, address, account_category, account_type, od_limit, credit_limit, "
                               "status, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                               "?9, ?10, ?11, ?12, NULL, ?13, ?13) ON CONFLICT(id) DO UPDATE SET "
                               "updated_at = ?13");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, a->id);
    sq_bind_text(q, 2, a->session_id);
    sq_bind_text(q, 3, a->bank);
    sq_bind_text(q, 4, a->account_number);
    sq_bind_text(q, 5, a->name);
    sq_bind_text(q, 6, a->ifsc);
    sq_bind_text(q, 7, a->micr);
    sq_bind_text(q, 8, a->address);
    sq_bind_text(q, 9, a->account_category);
    sq_bind_text(q, 10, a->account_type);
    sq_bind_int_opt(q, 11, a->od_limit, a->od_limit != 0);
    sq_bind_int_opt(q, 12, a->credit_limit, a->credit_limit != 0);
    sqlite3_bind_int64(q, 13, now);
    return sq_run_final(db, q, "account_insert");
}

/* The statement's file row: created if missing (a caller without a pin),
 * never revived once its deletion was claimed (someone is removing the
 * file). 1 when the file may be referenced, 0 when not, -1 on error. */
static int file_ok(void *tx, const struct statement_rec *s)
{
    sqlite3 *db = tx;
    sqlite3_stmt *q = sq_prep(db, "INSERT INTO blobs(sha256, size, created_at) VALUES (?1, ?2, ?3) "
                                  "ON CONFLICT(sha256) DO NOTHING");
    if (!q)
        return -1;
    sq_bind_text(q, 1, s->blob_sha256);
    sqlite3_bind_int64(q, 2, s->file_size);
    sqlite3_bind_int64(q, 3, s->created_at);
    int rc = sq_run_final(db, q, "blob_insert");
    if (rc != STORE_OK || !(q = sq_prep(db, "SELECT deleted_at IS NULL FROM blobs WHERE sha256 = ?1")))
        return -1;
    sq_bind_text(q, 1, s->blob_sha256);
    int live = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
    sqlite3_finalize(q);
    return live;
}

static int insert_statement(void *tx, const struct statement_rec *s)
{
    sqlite3 *db = tx;
    sqlite3_stmt *q = sq_prep(
        db, "INSERT INTO statements(id, session_id, account_id, source, bank, blob_sha256, file_name, "
            "file_size, pdf_password_enc, status, error_code, error_message, page_count, identity, "
            "from_day, to_day, opening_balance, closing_balance, balances_ok, totals_ok, facts, fraud, "
            "content_sha256, created_at, updated_at, aa_consent_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
            "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?24, ?25)");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, s->id);
    sq_bind_text(q, 2, s->session_id);
    sq_bind_text(q, 3, s->account_id);
    sq_bind_text(q, 4, s->source ? s->source : "pdf");
    sq_bind_text(q, 5, s->bank);
    sq_bind_text(q, 6, s->blob_sha256);
    sq_bind_text(q, 7, s->file_name);
    sqlite3_bind_int64(q, 8, s->file_size);
    if (s->pdf_password_enc)
        sqlite3_bind_blob(q, 9, s->pdf_password_enc, (int)s->pdf_password_enc_len, SQLITE_TRANSIENT);
    sq_bind_text(q, 10, s->status ? s->status : "completed");
    sq_bind_text(q, 11, s->error_code);
    sq_bind_text(q, 12, s->error_message);
    sqlite3_bind_int(q, 13, s->page_count);
    sq_bind_text(q, 14, s->identity);
    sq_bind_int_opt(q, 15, s->from_day, s->from_day != PB_NO_DAY);
    sq_bind_int_opt(q, 16, s->to_day, s->to_day != PB_NO_DAY);
    sq_bind_int_opt(q, 17, s->opening_balance, s->has_opening);
    sq_bind_int_opt(q, 18, s->closing_balance, s->has_closing);
    sqlite3_bind_int(q, 19, s->balances_ok);
    sqlite3_bind_int(q, 20, s->totals_ok);
    sq_bind_text(q, 21, s->facts);
    sq_bind_text(q, 22, s->fraud);
    sq_bind_text(q, 23, s->content_sha256);
    sqlite3_bind_int64(q, 24, s->created_at);
    sq_bind_text(q, 25, s->aa_consent_id);
    return sq_run_final(db, q, "statement_insert");
}

static int insert_txns(void *tx, const struct statement_commit *c)
{
    sqlite3 *db = tx;
    sqlite3_stmt *q = sq_prep(db, "INSERT INTO transactions(statement_id, seq, account_id, day, value_day, "
                               "type, amount, balance, note, chq_num, page, reconciled, hash) VALUES "
                               "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    if (!q)
        return STORE_ERROR;
    int rc = STORE_OK;
    for (size_t i = 0; i < c->ntxns && rc == STORE_OK; i++) {
        const struct txn_rec *t = &c->txns[i];
        sqlite3_reset(q);
        sq_bind_text(q, 1, c->stmt->id);
        sqlite3_bind_int(q, 2, t->seq);
        sq_bind_text(q, 3, c->stmt->account_id);
        sqlite3_bind_int(q, 4, t->day);
        sq_bind_int_opt(q, 5, t->value_day, t->value_day != PB_NO_DAY);
        sqlite3_bind_int(q, 6, t->type);
        sqlite3_bind_int64(q, 7, t->amount);
        sq_bind_int_opt(q, 8, t->balance, t->has_balance);
        sq_bind_text(q, 9, t->note ? t->note : "");
        sq_bind_text(q, 10, t->chq_num);
        sqlite3_bind_int(q, 11, t->page);
        sqlite3_bind_int(q, 12, t->reconciled);
        sq_bind_text(q, 13, t->hash);
        rc = sq_run(db, q, "txn_insert");
    }
    sqlite3_finalize(q);
    return rc;
}

static int unpin(void *tx, int64_t pin_id, bool *held)
{
    return sq_blob_unpin_in(tx, pin_id, held);
}

static const struct statement_commit_steps STEPS = {
    session_open, completed, unpin, file_ok, insert_account, insert_statement, insert_txns,
};

static int apply_commit(sqlite3 *db, void *arg)
{
    struct commit_arg *a = arg;
    return statement_commit_apply(&STEPS, db, a->c, a->n, a->result);
}

int sq_statement_commit(struct store *st, const struct statement_commit *c, size_t n,
                        enum commit_result *result)
{
    struct commit_arg a = {c, n, result};
    return sq_write_op(st, apply_commit, &a);
}

/* ---- reads ---- */

#define ACCOUNT_COLS                                                                              \
    "id, session_id, bank, account_number, name, ifsc, micr, address, account_category, "         \
    "account_type, od_limit, credit_limit, status, error_code, error_message, insights, created_at, " \
    "updated_at"

static void account_from_row(sqlite3_stmt *q, struct account_rec *a)
{
    memset(a, 0, sizeof *a);
    sq_col_copy(q, 0, a->id, sizeof a->id);
    sq_col_copy(q, 1, a->session_id, sizeof a->session_id);
    a->bank = sq_col_dup(q, 2);
    a->account_number = sq_col_dup(q, 3);
    a->name = sq_col_dup(q, 4);
    a->ifsc = sq_col_dup(q, 5);
    a->micr = sq_col_dup(q, 6);
    a->address = sq_col_dup(q, 7);
    a->account_category = sq_col_dup(q, 8);
    a->account_type = sq_col_dup(q, 9);
    a->od_limit = sqlite3_column_int64(q, 10);
    a->credit_limit = sqlite3_column_int64(q, 11);
    a->status = sq_col_dup(q, 12);
    a->error_code = sq_col_dup(q, 13);
    a->error_message = sq_col_dup(q, 14);
    a->insights = sq_col_dup(q, 15);
    a->created_at = sqlite3_column_int64(q, 16);
    a->updated_at = sqlite3_column_int64(q, 17);
}

#define STATEMENT_COLS                                                                            \
    "id, session_id, account_id, source, bank, blob_sha256, file_name, file_size, pdf_password_enc, " \
    "status, error_code, error_message, page_count, identity, from_day, to_day, opening_balance, "   \
    "closing_balance, balances_ok, totals_ok, facts, fraud, content_sha256, created_at, "            \
    "pdf_deleted_at, aa_consent_id"

static void statement_from_row(sqlite3_stmt *q, struct statement_rec *s)
{
    memset(s, 0, sizeof *s);
    sq_col_copy(q, 0, s->id, sizeof s->id);
    sq_col_copy(q, 1, s->session_id, sizeof s->session_id);
    sq_col_copy(q, 2, s->account_id, sizeof s->account_id);
    s->source = sq_col_dup(q, 3);
    s->bank = sq_col_dup(q, 4);
    s->blob_sha256 = sq_col_dup(q, 5);
    s->file_name = sq_col_dup(q, 6);
    s->file_size = sqlite3_column_int64(q, 7);
    int n = sqlite3_column_bytes(q, 8);
    const void *b = sqlite3_column_blob(q, 8);
    if (b && n > 0 && (s->pdf_password_enc = malloc((size_t)n))) {
        memcpy(s->pdf_password_enc, b, (size_t)n);
        s->pdf_password_enc_len = (size_t)n;
    }
    s->status = sq_col_dup(q, 9);
    s->error_code = sq_col_dup(q, 10);
    s->error_message = sq_col_dup(q, 11);
    s->page_count = sqlite3_column_int(q, 12);
    s->identity = sq_col_dup(q, 13);
    s->from_day = cday(q, 14);
    s->to_day = cday(q, 15);
    s->has_opening = sqlite3_column_type(q, 16) != SQLITE_NULL;
    s->opening_balance = sqlite3_column_int64(q, 16);
    s->has_closing = sqlite3_column_type(q, 17) != SQLITE_NULL;
    s->closing_balance = sqlite3_column_int64(q, 17);
    s->balances_ok = sqlite3_column_int(q, 18) != 0;
    s->totals_ok = sqlite3_column_int(q, 19) != 0;
    s->facts = sq_col_dup(q, 20);
    s->fraud = sq_col_dup(q, 21);
    s->content_sha256 = sq_col_dup(q, 22);
    s->created_at = sqlite3_column_int64(q, 23);
    s->pdf_deleted_at = sqlite3_column_int64(q, 24);
    s->aa_consent_id = sq_col_dup(q, 25);
}

static void account_row_cb(sqlite3_stmt *q, void *p)
{
    account_from_row(q, p);
}

static void statement_row_cb(sqlite3_stmt *q, void *p)
{
    statement_from_row(q, p);
}

static void txn_row_cb(sqlite3_stmt *q, void *p)
{
    struct txn_rec *t = p;
    memset(t, 0, sizeof *t);
    t->seq = sqlite3_column_int(q, 0);
    t->day = sqlite3_column_int(q, 1);
    t->value_day = cday(q, 2);
    t->type = sqlite3_column_int(q, 3);
    t->amount = sqlite3_column_int64(q, 4);
    t->has_balance = sqlite3_column_type(q, 5) != SQLITE_NULL;
    t->balance = sqlite3_column_int64(q, 5);
    t->note = sq_col_dup(q, 6);
    t->chq_num = sq_col_dup(q, 7);
    t->page = sqlite3_column_int(q, 8);
    t->reconciled = sqlite3_column_int(q, 9) != 0;
    sq_col_copy(q, 10, t->hash, sizeof t->hash);
}

/* Runs a one-parameter listing query on this thread's read connection. */
static int list_by(struct store *st, const char *sql, const char *key, size_t sz,
                   void (*from_row)(sqlite3_stmt *, void *), void **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *q = sq_read_prep(st, sql);
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, key);
    int rc = sq_collect(q, sz, from_row, out, n);
    sqlite3_finalize(q);
    return rc;
}

int sq_account_list(struct store *st, const char *session_id, struct account_rec **out, size_t *n)
{
    return list_by(st, "SELECT " ACCOUNT_COLS " FROM accounts WHERE session_id = ?1 ORDER BY created_at, rowid",
                   session_id, sizeof **out, account_row_cb, (void **)out, n);
}

int sq_statement_list(struct store *st, const char *session_id, struct statement_rec **out, size_t *n)
{
    return list_by(st, "SELECT " STATEMENT_COLS " FROM statements WHERE session_id = ?1 "
                       "ORDER BY created_at, rowid",
                   session_id, sizeof **out, statement_row_cb, (void **)out, n);
}

int sq_statement_get(struct store *st, const char *statement_id, struct statement_rec *out)
{
    struct statement_rec *arr = NULL;
    size_t n = 0;
    int rc = list_by(st, "SELECT " STATEMENT_COLS " FROM statements WHERE id = ?1", statement_id,
                     sizeof *arr, statement_row_cb, (void **)&arr, &n);
    return store_first_statement(rc, arr, n, out);
}

int sq_txn_list(struct store *st, const char *statement_id, struct txn_rec **out, size_t *n)
{
    return list_by(st, "SELECT seq, day, value_day, type, amount, balance, note, chq_num, page, "
                       "reconciled, hash FROM transactions WHERE statement_id = ?1 ORDER BY seq",
                   statement_id, sizeof **out, txn_row_cb, (void **)out, n);
}

struct result_arg {
    const char *account_id, *status, *code, *message, *insights;
    int64_t now;
};

static int apply_account_result(sqlite3 *db, void *arg)
{
    struct result_arg *a = arg;
    sqlite3_stmt *q = sq_prep(db, "UPDATE accounts SET status = ?2, error_code = ?3, error_message = ?4, "
                               "insights = ?5, updated_at = ?6 WHERE id = ?1");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, a->account_id);
    sq_bind_text(q, 2, a->status);
    sq_bind_text(q, 3, a->code);
    sq_bind_text(q, 4, a->message);
    sq_bind_text(q, 5, a->insights);
    sqlite3_bind_int64(q, 6, a->now);
    return sq_run_final(db, q, "account_set_result");
}

int sq_account_set_result(struct store *st, const char *account_id, const char *status,
                          const char *error_code, const char *error_message, const char *insights_json,
                          int64_t now)
{
    struct result_arg a = {account_id, status, error_code, error_message, insights_json, now};
    return sq_write_op(st, apply_account_result, &a);
}

/* ---- deletion and retention ---- */

/* Lists the distinct files q (bound by the caller) returns into a->files. */
static int list_files(sqlite3 *db, sqlite3_stmt *q, struct orphan_arg *a)
{
    int rc = sq_append_texts(q, &a->files, &a->n);
    sqlite3_finalize(q);
    return sq_rc(db, rc, "list_files");
}

static int claim_in(void *db, const char *sha256, const char *owner, int64_t now, bool *claimed)
{
    return sq_blob_claim_in(db, sha256, owner, now, INT64_MIN, claimed);
}

/* Keeps in a->files those this transaction claims for deletion (orphans.h). */
static int claim_files(sqlite3 *db, struct orphan_arg *a)
{
    return orphans_claim(a->files, &a->n, claim_in, db, a->owner, a->now);
}

static int exec_bound(sqlite3 *db, const char *sql, const char *s1, const char *s2, int64_t i3)
{
    sqlite3_stmt *q = sq_prep(db, sql);
    if (!q)
        return STORE_ERROR;
    if (s1)
        sq_bind_text(q, 1, s1);
    if (s2)
        sq_bind_text(q, 2, s2);
    sqlite3_bind_int64(q, 3, i3);
    return sq_run_final(db, q, "exec");
}

static int apply_session_delete(sqlite3 *db, void *arg)
{
    struct orphan_arg *a = arg;
    int rc = exec_bound(db, "UPDATE sessions SET deleted_at = ?3 WHERE id = ?1 AND org_id = ?2 AND "
                            "deleted_at IS NULL", a->session_id, a->org_id, a->now);
    if (rc != STORE_OK)
        return rc;
    a->found = sqlite3_changes(db) > 0;
    if (!a->found)
        return STORE_OK;
    sqlite3_stmt *q = sq_prep(db, "SELECT DISTINCT blob_sha256 FROM statements WHERE session_id = ?1 "
                                  "AND blob_sha256 IS NOT NULL");
    if (!q)
        return STORE_ERROR;
    sq_bind_text(q, 1, a->session_id);
    if ((rc = list_files(db, q, a)) != STORE_OK)
        return rc;
    /* Transactions and statements go with their rows (ON DELETE CASCADE
     * needs foreign_keys, which the writer enables; delete explicitly
     * anyway, children first). */
    const char *const del[] = {
        "DELETE FROM transactions WHERE statement_id IN (SELECT id FROM statements WHERE session_id = ?1)",
        "DELETE FROM statements WHERE session_id = ?1",
        "DELETE FROM accounts WHERE session_id = ?1",
        "DELETE FROM aa_consents WHERE session_id = ?1", /* keys and artefacts too */
        "UPDATE jobs SET state = 'done', updated_at = ?3 WHERE session_id = ?1 AND state IN ('queued','running')",
    };
    for (size_t i = 0; i < sizeof del / sizeof del[0] && rc == STORE_OK; i++) {
        if (!(q = sq_prep(db, del[i])))
            return STORE_ERROR;
        sq_bind_text(q, 1, a->session_id);
        if (sqlite3_bind_parameter_count(q) >= 3)
            sqlite3_bind_int64(q, 3, a->now);
        rc = sq_run(db, q, "session_delete");
        sqlite3_finalize(q);
    }
    return rc == STORE_OK ? claim_files(db, a) : rc;
}

int sq_session_delete(struct store *st, const char *session_id, const char *org_id, int64_t now,
                      char ***orphans, size_t *norphans)
{
    struct orphan_arg a = {.session_id = session_id, .org_id = org_id, .owner = st->owner, .now = now};
    int rc = sq_write_op(st, apply_session_delete, &a);
    return orphans_hand_out(rc, &a, orphans, norphans);
}

static int apply_pdf_expire(sqlite3 *db, void *arg)
{
    struct orphan_arg *a = arg;
    sqlite3_stmt *q = sq_prep(db, "SELECT DISTINCT blob_sha256 FROM statements WHERE created_at < ?1 "
                                  "AND pdf_deleted_at IS NULL AND blob_sha256 IS NOT NULL");
    if (!q)
        return STORE_ERROR;
    sqlite3_bind_int64(q, 1, a->cutoff);
    int rc = list_files(db, q, a);
    if (rc != STORE_OK || !(q = sq_prep(db, "UPDATE statements SET pdf_deleted_at = ?2, pdf_password_enc = "
                                            "NULL, blob_sha256 = NULL WHERE created_at < ?1 AND "
                                            "pdf_deleted_at IS NULL")))
        return rc != STORE_OK ? rc : STORE_ERROR;
    sqlite3_bind_int64(q, 1, a->cutoff);
    sqlite3_bind_int64(q, 2, a->now);
    rc = sq_run_final(db, q, "pdf_expire");
    return rc == STORE_OK ? claim_files(db, a) : rc;
}

int sq_pdf_expire(struct store *st, int64_t cutoff, int64_t now, char ***orphans, size_t *norphans)
{
    struct orphan_arg a = {.owner = st->owner, .cutoff = cutoff, .now = now};
    int rc = sq_write_op(st, apply_pdf_expire, &a);
    return orphans_hand_out(rc, &a, orphans, norphans);
}
