#include "ingest/ingest.h"
#include "ingest/ocr_policy.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/bank.h"
#include "enrich/txn_hash.h"
#include "extract/extract.h"
#include "fraud/fraud.h"
#include "ingest/coverage.h"
#include "ingest/files.h"
#include "ingest/records.h"
#include "ingest/seal.h"
#include "util/fault.h"
#include "util/log.h"
#include "util/stats.h"
#include "util/money.h"
#include "util/clock.h"

void ingest_account_id(const char *session_id, const char *account_number, char out[PB_UUID_BUF])
{
    char hex[PB_SHA256_HEX];
    char buf[512];
    int n = snprintf(buf, sizeof buf, "passbook-account\n%s\n%s", session_id, account_number);
    sha256_hex(buf, (size_t)(n < (int)sizeof buf ? n : (int)sizeof buf - 1), hex);
    /* xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx, y in 8..b */
    static const char VARIANT[] = "89ab";
    snprintf(out, PB_UUID_BUF, "%.8s-%.4s-4%.3s-%c%.3s-%.12s", hex, hex + 8, hex + 13,
             VARIANT[(hex[16] >= 'a' ? hex[16] - 'a' + 10 : hex[16] - '0') & 3], hex + 17, hex + 20);
}

const char *ingest_mask_account(const char *number, char *out, size_t cap)
{
    size_t n = number ? strlen(number) : 0;
    if (!cap)
        return out;
    size_t i = 0;
    for (; i < n && i + 1 < cap; i++)
        out[i] = i + 4 < n ? 'X' : number[i];
    out[i] = '\0';
    return out;
}

static int fail(struct api_error *err, int status, const char *code, const char *msg)
{
    return api_error_set(err, status, code, "%s", msg);
}

/* Step 1: the session may take an upload now. */
int ingest_check_session(const struct session *s, struct api_error *err)
{
    if (s->deleted_at)
        return fail(err, 410, "SESSION_DELETED", "The provided session ID has been deleted");
    if (s->state != SESSION_OPEN || session_expired(s, pb_now()))
        return fail(err, 400, "SESSION_EXPIRED", "This session has expired");
    return 0;
}

/* "%PDF-" within the first KiB (PDF readers allow leading junk). */
static bool looks_like_pdf(const unsigned char *d, size_t n)
{
    size_t lim = n < 1024 ? n : 1024;
    for (size_t i = 0; i + 5 <= lim; i++)
        if (!memcmp(d + i, "%PDF-", 5))
            return true;
    return false;
}

#define BUSY_WAIT_MS 120000 /* then 503: the client retries */

static int extract_fail(const struct extract_error *e, struct api_error *err)
{
    switch (e->code) {
    case EXTRACT_PASSWORD_INCORRECT:
        return fail(err, 400, "PASSWORD_INCORRECT", "The provided password is incorrect");
    case EXTRACT_PDF_IS_IMAGE:
        return fail(err, 400, "PDF_IS_IMAGE", "Scanned images are not supported");
    case EXTRACT_TOO_MANY_PAGES:
        return fail(err, 400, "STATEMENT_TOO_MANY_PAGES", "The statement exceeds the allowed page limit");
    case EXTRACT_TOO_COMPLEX: /* a deadline or work limit stopped the reading; the reason is ours, not the file's text */
        return api_error_set(err, 400, "STATEMENT_TOO_COMPLEX", "%s", e->message);
    case EXTRACT_BUSY:
        return fail(err, 503, "SERVICE_UNAVAILABLE", "The server is busy reading other statements; please retry shortly");
    default:
        return fail(err, 400, "STATEMENT_UNSUPPORTED_FORMAT", "The statement format is not supported");
    }
}

/* The canonical identifier of the bank asked for: the upload's, else the
 * session's. Returns 0, or -1 for a name the bank table does not know. */
int ingest_wanted_bank(const char *asked, const struct session *s, char *out, size_t cap,
                       struct api_error *err)
{
    out[0] = '\0';
    const char *name = asked && asked[0] ? asked : s->req.bank;
    if (!name || !name[0])
        return 0;
    const struct bank_info *b = bank_find(name);
    if (!b)
        return fail(err, 400, "INVALID_BANK_NAME",
                    "Please use following bank strings: see GET /bank-connect/v1/banks/catalogue/");
    bank_id_lower(b, out, cap);
    return 0;
}

/* The PDF source: reads the committed file into *all, a statement per
 * account the file holds (steps 2-3). */
static int read_pdf(const struct ingest_env *env, const struct session *s, const struct ingest_input *in,
                    const char *sha, struct statement_list *all, struct api_error *err)
{
    unsigned char *data = NULL;
    size_t len = 0;
    if (blob_get(env->blobs, sha, &data, &len))
        return fail(err, 500, "INTERNAL_ERROR", "Something went wrong");
    if (!looks_like_pdf(data, len)) {
        free(data);
        return fail(err, 400, "INVALID_FILE_OBJECT", "File object is invalid");
    }
    struct extract_opts opts = {.password = in->pdf_password, .max_pages = env->max_pages,
                                .max_seconds = env->max_seconds, .no_ocr = ocr_policy_off(env->store, s->org_id),
                                .ocr_max_pages = env->ocr_max_pages, .ocr_page_seconds = env->ocr_page_seconds};
    struct extract_error xe;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = extract_pdf(data, len, &opts, all, &xe);
    /* Stopped because other statements held the shared memory: wait for it
     * and read again, rather than refuse a statement for others' sake. */
    for (int waited = 0; rc && xe.code == EXTRACT_BUSY && waited < BUSY_WAIT_MS;) {
        for (; !extract_memory_admits() && waited < BUSY_WAIT_MS; waited += 100)
            usleep(100 * 1000);
        waited += 100;
        usleep(100 * 1000);
        rc = extract_pdf(data, len, &opts, all, &xe);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    free(data);
    stats_observe(STATS_EXTRACT_SECONDS, NULL, (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
    if (rc) {
        extract_fail(&xe, err);
        stats_add(STATS_EXTRACT_REFUSALS, err->code, NULL, 1);
        return -1;
    }
    stats_add(STATS_EXTRACT_PAGES, NULL, NULL, all->items[0].page_count);
    return 0;
}

int ingest_statement(const struct ingest_env *env, const struct session *s,
                     const struct ingest_input *in, json_t **result, struct api_error *err)
{
    *result = NULL;
    struct blob_writer *w = in->file;
    char want_bank[64];
    if (ingest_check_session(s, err) ||
        (w && ingest_wanted_bank(in->bank_name, s, want_bank, sizeof want_bank, err))) {
        blob_writer_abort(w);
        return -1;
    }
    if (!w)
        return fail(err, 400, "MISSING_FILE_OBJECT", "This file object is required");
    size_t size = blob_writer_size(w);
    if (size == 0) {
        blob_writer_abort(w);
        return fail(err, 400, "EMPTY_FILE", "File object is empty");
    }
    /* The file is durable, pinned and in place before it is read: the
     * bytes read are the bytes kept, and no other upload's failure can
     * delete them meanwhile (ingest/files.h). */
    struct file_hold file;
    if (files_keep(env, w, &file, err))
        return -1;
    struct statement_list all;
    char stmt_id[PB_UUID_BUF] = "-";
    int rc = read_pdf(env, s, in, file.sha256, &all, err);
    if (rc == 0) {
        fault_point("ingest.extracted");
        size_t first = 0; /* the first account read (extraction refuses a file with none) */
        while (first + 1 < all.n && all.items[first].error_code)
            first++;
        struct ingest_candidate c = {.st = &all.items[first], .content_sha256 = file.sha256, .blob_sha256 = file.sha256,
                                     .pin_id = file.pin, .size = (int64_t)size, .file_name = in->file_name,
                                     .pdf_password = in->pdf_password,
                                     .want_bank = want_bank[0] ? want_bank : NULL,
                                     .want_progress = in->want_progress};
        rc = ingest_admit_accounts(env, s, &c, &all, first, result, stmt_id, err);
        statement_list_free(&all);
    }
    if (rc == 0)
        file.pin = 0; /* the statement's reference now */
    files_release(env, &file); /* a failed upload's file goes unless something else holds it */
    log_info("ingest session=%s statement=%s result=%s bytes=%zu", id_short(s->id), stmt_id,
             rc ? err->code : "ok", size);
    stats_add(STATS_UPLOADS, "pdf", rc ? err->code : "ok", 1);
    return rc;
}
