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

/* Builds the records and commits them. Returns 0 or -1 with err. */
static int commit(const struct ingest_env *env, const struct session *s, const struct ingest_candidate *c,
                  struct ingest_records *r, struct api_error *err)
{
    if (ingest_records_build(s, c, r))
        return fail(err, 500, "INTERNAL_ERROR", "Something went wrong");
    /* The password is kept (sealed) only when the PDF needed it to open: a
     * password sent with a PDF that opens without one (unencrypted, or
     * protected by an owner password only) is ignored, not stored. */
    if (c->st->facts.needs_password && c->pdf_password && c->pdf_password[0] && env->have_seal_key &&
        seal_encrypt(env->seal_key, c->pdf_password, &r->stmt.pdf_password_enc,
                     &r->stmt.pdf_password_enc_len))
        return fail(err, 500, "INTERNAL_ERROR", "Something went wrong");
    struct statement_commit sc = {&r->account, &r->stmt, r->txns, r->ntxns, c->pin_id};
    enum commit_result res;
    int rc = STORE_CALL(env->store, statement_commit, &sc, &res);
    if (rc == STORE_FULL)
        return files_write_error(BLOB_NO_SPACE, err);
    if (rc != STORE_OK || res == COMMIT_PIN_LOST)
        return fail(err, 500, "INTERNAL_ERROR", "Something went wrong");
    if (res == COMMIT_DUPLICATE)
        return fail(err, 400, "STATEMENT_DUPLICATE", "A duplicate statement has been detected");
    if (res == COMMIT_SESSION_CLOSED)
        return fail(err, 400, "SESSION_EXPIRED", "This session has expired");
    fault_point("ingest.committed");
    return 0;
}

int ingest_admit(const struct ingest_env *env, const struct session *s, const struct ingest_candidate *c,
                 json_t **result, char stmt_id[PB_UUID_BUF], struct api_error *err)
{
    *result = NULL;
    if (check_bank(c->st, c->want_bank, s->req.accept_anything, err) || check_range(c->st, s, err))
        return -1;
    struct ingest_records rec = {0};
    int rc = commit(env, s, c, &rec, err);
    if (rc == 0) {
        *result = ingest_response(env->store, s, c->st, &rec, c->want_progress);
        if (!*result)
            rc = fail(err, 500, "INTERNAL_ERROR", "Something went wrong");
        else if (stmt_id)
            memcpy(stmt_id, rec.stmt.id, PB_UUID_BUF);
    }
    ingest_records_free(&rec);
    return rc;
}

int ingest_record_failure(const struct ingest_env *env, const struct session *s, const struct ingest_candidate *c,
                          const char *code, const char *message)
{
    return ingest_record_failure_ids(env, s, c, code, message, NULL, NULL);
}

int ingest_record_failure_ids(const struct ingest_env *env, const struct session *s, const struct ingest_candidate *c,
                              const char *code, const char *message, char stmt_id[PB_UUID_BUF],
                              char account_id[PB_UUID_BUF])
{
    struct ingest_records rec = {0};
    int rc = -1;
    if (ingest_records_build(s, c, &rec) == 0) {
        struct statement_rec *x = &rec.stmt;
        free(x->status);
        x->status = strdup("failed");
        x->error_code = strdup(code);
        x->error_message = strdup(message);
        x->from_day = x->to_day = PB_NO_DAY;
        x->has_opening = x->has_closing = false;
        struct statement_commit sc = {&rec.account, x, NULL, 0, 0}; /* no file: no pin */
        enum commit_result res;
        rc = x->status && x->error_code && x->error_message &&
                     STORE_CALL(env->store, statement_commit, &sc, &res) == STORE_OK && res == COMMIT_OK
                 ? 0
                 : -1;
        if (rc == 0 && stmt_id)
            memcpy(stmt_id, rec.stmt.id, PB_UUID_BUF);
        if (rc == 0 && account_id)
            memcpy(account_id, rec.account.id, PB_UUID_BUF);
    }
    ingest_records_free(&rec);
    return rc;
}
