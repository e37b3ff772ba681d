/* Admission: the one step every statement goes through, whatever its
 * source (a PDF read by ingest_statement, Account Aggregator FI data read
 * by src/aa/): the bank and date checks, the records, sealing, the one
 * store transaction that also refuses duplicates, and the upload answer. */
#include <stdlib.h>
#include <string.h>

#include "core/bank.h"
#include "ingest/files.h"
#include "ingest/ingest.h"
#include "ingest/records.h"
#include "ingest/seal.h"
#include "util/fault.h"

static int fail(struct api_error *err, int status, const char *code, const char *msg)
{
    return api_error_set(err, status, code, "%s", msg);
}

/* Step 4. want is the bank asked for (canonical lower case) or NULL. The
 * statement's bank is a catalogue id too; bank_find() reads both, and a
 * bank merged into the other counts as the same (core/bank.h). */
static int check_bank(const struct statement *st, const char *want, bool accept_anything,
                      struct api_error *err)
{
    if (want && !bank_accepts(bank_find(want), bank_find(st->bank)))
        return api_error_set(err, 400, "BANK_NAME_MISMATCH", "Not %s bank statement", want);
    if (!want && !st->bank && !accept_anything)
        return fail(err, 400, "BANK_NAME_UNDETECTED", "Unable to detect bank. Please provide BANK NAME.");
    return 0;
}

/* Step 5: at least one transaction inside the session's dates. */
static int check_range(const struct statement *st, const struct session *s, struct api_error *err)
{
    for (size_t i = 0; i < st->ntxns; i++)
        if (st->txns[i].date >= s->req.from_date && st->txns[i].date <= s->req.to_date)
            return 0;
    return fail(err, 400, "OUT_OF_DATE_RANGE", "No transactions in expected date range");
}

/* Marks r a failed statement: code and message, no rows, no period. */
static int mark_failed(struct ingest_records *r, const char *code, const char *message)
{
    struct statement_rec *x = &r->stmt;
    free(x->status);
    x->status = strdup("failed");
    x->error_code = strdup(code);
    x->error_message = strdup(message ? message : "");
    x->from_day = x->to_day = PB_NO_DAY;
    x->has_opening = x->has_closing = false;
    txn_recs_free(r->txns, r->ntxns);
    r->txns = NULL;
    r->ntxns = 0;
    return x->status && x->error_code && x->error_message ? 0 : -1;
}

/* The records of c as read, or (code set) of a failed statement. 0 / -1. */
static int build(const struct ingest_env *env, const struct session *s, const struct ingest_candidate *c,
                 const char *code, const char *message, struct ingest_records *r)
{
    if (ingest_records_build(s, c, r))
        return -1;
    if (code)
        return mark_failed(r, code, message);
    /* The password is kept (sealed) only when the PDF needed it to open: a
     * password sent with a PDF that opens without one (unencrypted, or
     * protected by an owner password only) is ignored, not stored. */
    if (c->st->facts.needs_password && c->pdf_password && c->pdf_password[0] && env->have_seal_key &&
        seal_encrypt(env->seal_key, c->pdf_password, &r->stmt.pdf_password_enc, &r->stmt.pdf_password_enc_len))
        return -1;
    return 0;
}

/* Commits rec[0..n) in one transaction: rec[0] the candidate's (with its
 * pin), the others its file's other accounts. 0, or -1 with err when
 * rec[0] was not committed (then nothing was). */
static int commit(const struct ingest_env *env, const struct ingest_candidate *c, struct ingest_records *rec,
                  size_t n, enum commit_result *res, struct api_error *err)
{
    struct statement_commit *sc = calloc(n, sizeof *sc);
    if (!sc)
        return fail(err, 500, "INTERNAL_ERROR", "Something went wrong");
    for (size_t i = 0; i < n; i++)
        sc[i] = (struct statement_commit){&rec[i].account, &rec[i].stmt, rec[i].txns, rec[i].ntxns,
                                          i ? 0 : c->pin_id};
    int rc = STORE_CALL(env->store, statement_commit, sc, n, res);
    free(sc);
    if (rc == STORE_FULL)
        return files_write_error(BLOB_NO_SPACE, err);
    if (rc != STORE_OK || res[0] == COMMIT_PIN_LOST)
        return fail(err, 500, "INTERNAL_ERROR", "Something went wrong");
    if (res[0] == COMMIT_DUPLICATE)
        return fail(err, 400, "STATEMENT_DUPLICATE", "A duplicate statement has been detected");
    if (res[0] == COMMIT_SESSION_CLOSED)
        return fail(err, 400, "SESSION_EXPIRED", "This session has expired");
    fault_point("ingest.committed");
    return 0;
}

/* What became of another account o, committed beside the first as rec
 * with outcome res. */
static void other_outcome(struct ingest_other *o, const struct ingest_records *rec, enum commit_result res)
{
    if (res == COMMIT_OK) {
        memcpy(o->stmt_id, rec->stmt.id, PB_UUID_BUF);
        memcpy(o->account_id, rec->account.id, PB_UUID_BUF);
    } else if (res == COMMIT_DUPLICATE) { /* in the session already: only reported */
        fail(&o->err, 400, "STATEMENT_DUPLICATE", "A duplicate statement has been detected");
    } else {
        fail(&o->err, 500, "INTERNAL_ERROR", "Something went wrong");
    }
}

int ingest_admit_all(const struct ingest_env *env, const struct session *s, const struct ingest_candidate *c,
                     struct ingest_other *others, size_t nothers, json_t **result, char stmt_id[PB_UUID_BUF],
                     struct api_error *err)
{
    *result = NULL;
    if (check_bank(c->st, c->want_bank, s->req.accept_anything, err) || check_range(c->st, s, err))
        return -1;
    size_t n = 1 + nothers;
    struct ingest_records *rec = calloc(n, sizeof *rec);
    enum commit_result *res = calloc(n, sizeof *res);
    int rc = rec && res && build(env, s, c, NULL, NULL, &rec[0]) == 0 ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < nothers; i++) {
        struct ingest_other *o = &others[i];
        o->stmt_id[0] = o->account_id[0] = '\0';
        /* an account the checks refuse is recorded failed with their code */
        if (!o->err.code && check_bank(o->c.st, o->c.want_bank, s->req.accept_anything, &o->err) == 0)
            check_range(o->c.st, s, &o->err);
        rc = build(env, s, &o->c, o->err.code, o->err.message, &rec[1 + i]);
    }
    if (rc)
        fail(err, 500, "INTERNAL_ERROR", "Something went wrong");
    else
        rc = commit(env, c, rec, n, res, err);
    if (rc == 0) {
        for (size_t i = 0; i < nothers; i++)
            other_outcome(&others[i], &rec[1 + i], res[1 + i]);
        *result = ingest_response(env->store, s, c->st, &rec[0], c->want_progress);
        if (!*result)
            rc = fail(err, 500, "INTERNAL_ERROR", "Something went wrong");
        else if (stmt_id)
            memcpy(stmt_id, rec[0].stmt.id, PB_UUID_BUF);
    }
    for (size_t i = 0; rec && i < n; i++)
        ingest_records_free(&rec[i]);
    free(rec);
    free(res);
    return rc;
}

int ingest_admit(const struct ingest_env *env, const struct session *s, const struct ingest_candidate *c,
                 json_t **result, char stmt_id[PB_UUID_BUF], struct api_error *err)
{
    return ingest_admit_all(env, s, c, NULL, 0, result, stmt_id, err);
}

int ingest_record_failure(const struct ingest_env *env, const struct session *s, const struct ingest_candidate *c,
                          const char *code, const char *message)
{
    struct ingest_records rec = {0};
    enum commit_result res = COMMIT_OK;
    struct statement_commit sc = {&rec.account, &rec.stmt, NULL, 0, 0}; /* no file: no pin */
    int rc = build(env, s, c, code, message, &rec) == 0 &&
                     STORE_CALL(env->store, statement_commit, &sc, 1, &res) == STORE_OK && res == COMMIT_OK
                 ? 0
                 : -1;
    ingest_records_free(&rec);
    return rc;
}
