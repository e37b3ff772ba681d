/* Statement ingestion, independent of HTTP, in two steps:
 *   - a source turns its input into a struct statement: a PDF
 *     (ingest_statement, for POST /bank-connect/v1/statement/upload_session/
 *     and the hosted journey's POST /journey/v1/upload) or Account
 *     Aggregator FI data (src/aa/);
 *   - ingest_admit (admit.c) admits and commits it: the same checks, the
 *     same records, one store transaction, whatever the source.
 *
 * Checks, in this order (the first that fails answers):
 *   1. session: deleted (410 SESSION_DELETED), expired or closed for
 *      uploads by initiate_processing/ (400 SESSION_EXPIRED);
 *   2. file: empty (EMPTY_FILE), not a PDF at all (INVALID_FILE_OBJECT);
 *   3. password: missing or wrong (PASSWORD_INCORRECT); then the reading:
 *      image-only (PDF_IS_IMAGE), too many pages
 *      (STATEMENT_TOO_MANY_PAGES), corrupt or not a statement
 *      (STATEMENT_UNSUPPORTED_FORMAT);
 *   4. bank: the bank asked for (the upload's bank_name, else the
 *      session's bank) must be the bank the document shows
 *      (BANK_NAME_MISMATCH "Not {bank} bank statement"); with no bank
 *      asked for, an unrecognised bank is BANK_NAME_UNDETECTED unless the
 *      session has accept_anything (the generic reading is then kept);
 *   5. date range: OUT_OF_DATE_RANGE when no transaction falls inside the
 *      session's from/to dates;
 *   6. duplicate: the same bytes, or the same account with an overlapping
 *      period, already in this session (STATEMENT_DUPLICATE); checked in
 *      the same store transaction that writes, so two concurrent uploads
 *      cannot both pass. Another session may hold the same statement.
 * A statement that reads but does not reconcile is accepted: it is
 * evidence (BALANCE_MISMATCH in session_status/, a fraud finding).
 *
 * Durability: the file is written content-addressed to the blob store and
 * fsynced, and the statement, its account and its transactions are
 * committed (synced) to the store, before ingest_statement returns 0.
 *
 * Statements are grouped into accounts by account number within the
 * session: the account id is derived from (session id, account number),
 * so uploads of the same account always meet in one account. A statement
 * without an account number gets an account of its own.
 *
 * A PDF holding several accounts (a combined statement: savings with a
 * loan or deposit, two savings accounts) gives one statement per account,
 * each in its own account: the first account read is admitted as above
 * (its errors are the upload's) and every other one (other_accounts.c)
 * admitted or recorded failed with its code, all in the same store
 * transaction (a crash keeps all or none: a resend completes the upload);
 * the upload answer is the first's, plus "accounts": one entry per
 * account of the file.
 *
 * Passwords are never logged. A PDF's password is kept only sealed
 * (AES-256-GCM under a server key, see seal.h) while the PDF is retained,
 * so get_pdfs/ can return it to the lender; retention erases it.
 *
 * Thread-safety: call from any thread; extraction runs on the calling
 * thread (the API calls it from its ingest pool, never from an HTTP
 * thread). */
#ifndef PB_INGEST_INGEST_H
#define PB_INGEST_INGEST_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "blob/blob.h"
#include "core/api_error.h"
#include "core/session.h"
#include "core/statement.h"
#include "store/store.h"

/* What ingestion needs from the server; set up once at start. */
struct ingest_env {
    struct store *store;
    struct blob_store *blobs;
    unsigned char seal_key[32];   /* seals PDF passwords at rest */
    bool have_seal_key;           /* false: passwords are not kept at all */
    int max_pages;                /* 0 = extraction's default */
    double max_seconds;           /* 0 = extraction's default */
    int ocr_max_pages;            /* scanned statements: page cap; 0 = extraction's default */
    double ocr_page_seconds;      /* scanned statements: OCR work per page; 0 = default */
};

struct ingest_input {
    /* The uploaded bytes, written but not yet committed (the stream ops of
     * api/upload_form.h produce it). ingest_statement takes ownership and
     * commits or discards it in every case. */
    struct blob_writer *file;
    const char *file_name;        /* as the client named it; may be NULL */
    const char *pdf_password;     /* NULL or "" when none */
    const char *bank_name;        /* bank identifier asked for (any case), or NULL */
    bool want_progress;           /* add the statement's "progress" entry */
};

/* A statement read from its source, ready for ingest_admit. */
struct ingest_candidate {
    const struct statement *st;   /* borrowed; st->source tells pdf / aa */
    const char *content_sha256;   /* digest of the exact content read (duplicate key) */
    const char *blob_sha256;      /* the original file kept in the blob store, or NULL */
    int64_t pin_id;               /* the upload's pin on that file (ingest/files.h), or 0 */
    int64_t size;                 /* bytes of that content */
    const char *file_name;        /* as the client named it; NULL for AA data */
    const char *pdf_password;     /* sealed and kept when the PDF is encrypted */
    const char *want_bank;        /* canonical bank asked for, or NULL */
    const char *aa_consent_id;    /* AA data: the consent it came with (DataLife), else NULL */
    bool want_progress;           /* add the statement's "progress" entry */
};

/* Steps 4-6 for a candidate of session s: bank, date range, duplicate and
 * the commit (account, statement, transactions in one transaction). On
 * success returns 0 with *result as ingest_statement's and the new
 * statement's id in stmt_id (when not NULL); else -1 with err. */
int ingest_admit(const struct ingest_env *env, const struct session *s, const struct ingest_candidate *c,
                 json_t **result, char stmt_id[PB_UUID_BUF], struct api_error *err);

/* Records that a source could not deliver a statement (an Account
 * Aggregator consent rejected, FI denied, data undecryptable...): a
 * statement of c's account with status "failed", code and message, and no
 * rows, so session_upload_status/ and session_status/ show it. c->st
 * gives the account (its number may be NULL) and bank. 0, or -1 (store;
 * COMMIT_SESSION_CLOSED is -1 too). */
int ingest_record_failure(const struct ingest_env *env, const struct session *s, const struct ingest_candidate *c,
                          const char *code, const char *message);

/* The canonical lower-case identifier of the bank asked for (asked, else
 * the session's) into out ("" when none). -1 with err (400
 * INVALID_BANK_NAME) for a name the bank table does not know. */
int ingest_wanted_bank(const char *asked, const struct session *s, char *out, size_t cap,
                       struct api_error *err);

/* Ingests in->file into session s (already loaded by the caller, who has
 * checked that it belongs to the caller's organisation). On success
 * returns 0 and sets *result to the upload response of reference §2.3
 * (new reference: statement_id, account_id, bank_name, identity with the
 * full account_number, date_range, extracted_date_range, months,
 * missing_months, masked_account_number, is_fraud, fraud_type, page_count,
 * opening/closing balance, status 1, session_id, ...). On failure returns
 * -1 with err set to FinBox's code, message and HTTP status. */
int ingest_statement(const struct ingest_env *env, const struct session *s,
                     const struct ingest_input *in, json_t **result, struct api_error *err);

/* Step 1 alone, for callers that must answer session errors before
 * looking at the file (the API reads file_url only after it): 0, or -1
 * with err (SESSION_DELETED 410, SESSION_EXPIRED 400). */
int ingest_check_session(const struct session *s, struct api_error *err);

/* The account id of an account number within a session: a UUIDv4-shaped
 * digest of both, so the same number always lands in the same account. */
void ingest_account_id(const char *session_id, const char *account_number, char out[PB_UUID_BUF]);

/* "XXXXXXXX1234": every character but the last four masked. Writes out. */
const char *ingest_mask_account(const char *number, char *out, size_t cap);

#endif
