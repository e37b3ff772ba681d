/* POST /bank-connect/v1/statement/upload_session/: a statement PDF into a
 * session (reference §2.3).
 *
 * Order: (HTTP layer: route, method, content type, size by Content-Length)
 * -> x-api-key (403, checked as soon as the headers are in, so nobody
 * unauthenticated can make us spool a file) -> the form, streamed to a
 * blob writer (413, malformed form 400) -> session (404 / 410 / 400
 * SESSION_EXPIRED) -> file (MISSING_FILE_OBJECT, INVALID_BASE_64,
 * INVALID_FILE_URL) -> ingest_statement (empty, not a PDF, password,
 * format, bank, date range, duplicate).
 *
 * The slow part runs on worker pools (jobs/pool.h) while the request is
 * suspended (HTTP_ASYNC) and resumed with the answer, so HTTP threads keep
 * serving: a file_url download on the fetch pool, then extraction, fsync
 * and commit on the ingest pool, each within the per-organisation and
 * per-session limits, waiting in a bounded queue (503 only when full). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "api/api.h"
#include "api/upload_form.h"
#include "ingest/files.h"
#include "net/fetch.h"
#include "notify/notify.h"
#include "util/fault.h"
#include "util/log.h"

static int upload_open(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct org org;
    struct api_error e;
    int found = api_find_org(app, http_req_header(req, "x-api-key"), &org);
    if (found <= 0) {
        api_error_set(&e, found < 0 ? 500 : 403, found < 0 ? "INTERNAL_ERROR" : "INVALID_API_KEY",
                      found < 0 ? "Something went wrong" : "Authentication credentials were not provided.");
        upload_resp_error(resp, &e);
        return -1;
    }
    bool allowed = (org.modes & MODE_PDF) != 0;
    char org_id[PB_UUID_BUF];
    snprintf(org_id, sizeof org_id, "%s", org.id);
    org_clear(&org);
    if (!allowed) {
        api_error_set(&e, 403, "INVALID_API_KEY", "Route not allowed");
        upload_resp_error(resp, &e);
        return -1;
    }
    if (upload_form_open(req, resp, app->ingest.blobs, app->max_upload))
        return -1;
    struct upload_form *f = req->stream_state;
    snprintf(f->org_id, sizeof f->org_id, "%s", org_id);
    return 0;
}

static void upload_close(struct http_req *req)
{
    upload_form_free(req->stream_state);
    req->stream_state = NULL;
}

static const struct http_stream_ops UPLOAD_STREAM = {upload_open, upload_form_data, upload_close};

/* The caller's session named by the form: 0, or -1 with err. */
static int load_session(struct app *app, const char *raw, const char *org_id, struct session *s,
                        struct api_error *err)
{
    int rc = api_session_lookup(app, raw, org_id, s);
    if (rc == STORE_NOT_FOUND)
        return api_error_set(err, 404, "SESSION_NOT_FOUND", "The provided Session ID is invalid");
    if (rc != STORE_OK)
        return api_error_set(err, 500, "INTERNAL_ERROR", "Something went wrong");
    return 0;
}

/* Downloads url into a new blob writer. Returns 0 or -1 with err. */
static int fetch_file(struct app *app, const char *url, struct blob_writer **out, struct api_error *err)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s/blobs/tmp/url-XXXXXX", app->data_dir);
    int fd = mkstemp(tmp);
    if (fd < 0)
        return files_write_error(errno == ENOSPC || errno == EDQUOT ? BLOB_NO_SPACE : BLOB_IO, err);
    unlink(tmp);
    long status = 0;
    int64_t bytes = 0;
    struct net_error ne;
    int rc = net_fetch_to_fd(url, fd, (int64_t)app->max_upload, app->fetch_timeout_s,
                             app->allow_private_urls, &status, &bytes, &ne);
    if (rc) {
        close(fd);
        log_warn("upload msg=\"file_url download failed\" reason=\"%s\"", ne.message);
        if (ne.code == NET_TOO_LARGE)
            return api_error_set(err, 413, "REQUEST_TOO_LARGE", "The file is larger than the upload limit");
        return api_error_set(err, 400, "INVALID_FILE_URL", "This file url is invalid");
    }
    struct blob_writer *w = blob_writer_new(app->ingest.blobs);
    enum blob_error why = w ? BLOB_OK : errno == ENOSPC || errno == EDQUOT ? BLOB_NO_SPACE : BLOB_IO;
    char buf[65536];
    ssize_t n = 0;
    lseek(fd, 0, SEEK_SET);
    while (w && (n = read(fd, buf, sizeof buf)) > 0)
        if (blob_writer_add(w, buf, (size_t)n)) {
            why = blob_writer_error(w);
            break;
        }
    close(fd);
    if (!w || n != 0) {
        blob_writer_abort(w);
        return files_write_error(why ? why : BLOB_IO, err);
    }
    *out = w;
    return 0;
}

int api_url_refused(const struct app *app, const char *url, const char *code, const char *message,
                    struct api_error *err)
{
    struct net_error ne;
    if (!net_url_check_resolved(url, app->allow_private_urls, &ne))
        return 0;
    log_info("api msg=\"url refused\" code=%s reason=\"%s\"", code, ne.message);
    if (ne.code == NET_BLOCKED)
        return api_error_set(err, 400, code, "%s: %s; a server run with --allow-private-urls accepts it",
                             message, ne.message);
    return api_error_set(err, 400, code, "%s", message);
}

/* ---- one upload on the ingest pool, for upload_session/ and the journey ---- */

struct upload_task {
    struct http_req *req;
    struct http_resp *resp;
    struct app *app;
    struct session s;
    struct upload_form *form;   /* borrowed: lives until the request ends */
    bool want_progress;
    const struct upload_answer *answer;
};

/* The end of a task: the answer, then the request resumes. */
static void finish(struct upload_task *t, int rc, json_t *result, const struct api_error *err)
{
    if (rc)
        t->answer->fail(t->resp, &t->s, t->form, err);
    else
        t->answer->ok(t->resp, t->app, &t->s, t->form, result);
    struct http_req *req = t->req;
    session_clear(&t->s);
    free(t);
    http_req_resume(req);
}

static int refused(struct api_error *err, int rc)
{
    return rc == WORK_FULL ? api_error_set(err, 503, "SERVICE_UNAVAILABLE",
                                           "The server has too many uploads waiting; please retry shortly")
                           : api_error_set(err, 503, "SERVICE_UNAVAILABLE", "The server is shutting down");
}

/* On the ingest pool: ingest, answer, resume. */
static void upload_run(void *arg)
{
    struct upload_task *t = arg;
    struct upload_form *f = t->form;
    struct api_error err;
    struct blob_writer *file = f->file;
    f->file = NULL; /* ingest_statement owns it now */
    fault_point("upload.queued");
    json_t *result = NULL;
    struct ingest_input in = {.file = file, .file_name = f->file_name, .pdf_password = f->pdf_password,
                              .bank_name = f->bank_name, .want_progress = t->want_progress};
    int rc = ingest_statement(&t->app->ingest, &t->s, &in, &result, &err);
    finish(t, rc, result, &err);
}

/* On the fetch pool: a file_url download never holds an extraction
 * thread; the downloaded file then queues for one like any upload. */
static void fetch_run(void *arg)
{
    struct upload_task *t = arg;
    struct upload_form *f = t->form;
    struct api_error err;
    int rc = fetch_file(t->app, f->file_url, &f->file, &err);
    if (rc == 0) {
        rc = work_pool_submit(t->app->ingest_pool, t->s.org_id, t->s.id, upload_run, t);
        if (rc == WORK_QUEUED)
            return;
        refused(&err, rc);
    }
    finish(t, -1, NULL, &err);
}

enum http_result api_upload_start(struct http_req *req, struct http_resp *resp, struct session *s,
                                  struct upload_form *f, bool want_progress, const struct upload_answer *a)
{
    struct app *app = req->app;
    struct api_error err;
    struct upload_task *t = NULL;
    bool has_url = f->file_url && f->file_url[strspn(f->file_url, " \t\r\n")];
    if (ingest_check_session(s, &err))
        goto fail;
    if (!f->file && !has_url) {
        api_error_set(&err, 400, "MISSING_FILE_OBJECT", "This file object is required");
        goto fail;
    }
    if (upload_form_check_file(f, &err))
        goto fail;
    if (!f->file && api_url_refused(app, f->file_url, "INVALID_FILE_URL", "This file url is invalid", &err))
        goto fail; /* a URL: checked now (its addresses too), fetched on the pool */
    t = calloc(1, sizeof *t);
    if (!t) {
        api_error_set(&err, 500, "INTERNAL_ERROR", "Something went wrong");
        goto fail;
    }
    *t = (struct upload_task){req, resp, app, *s, f, want_progress, a};
    int rc = f->file ? work_pool_submit(app->ingest_pool, s->org_id, s->id, upload_run, t)
                     : work_pool_submit(app->fetch_pool, s->org_id, s->id, fetch_run, t);
    if (rc == WORK_QUEUED)
        return HTTP_ASYNC;
    free(t);
    refused(&err, rc);
fail:
    a->fail(resp, s, f, &err);
    session_clear(s);
    return HTTP_DONE;
}

static bool query_true(const struct http_req *req, const char *name)
{
    const char *v = http_req_query(req, name);
    return v && (!strcasecmp(v, "true") || !strcmp(v, "1"));
}

/* A backend upload that makes the session meet the lender's criterion ends
 * the upload stage as the page's Submit does: the completion webhook. */
static void api_ok(struct http_resp *resp, struct app *app, const struct session *s,
                   const struct upload_form *f, json_t *result)
{
    http_resp_json(resp, 200, result);
    if (notify_completion_if_accepted(app->store, s))
        log_error("upload msg=\"completion check failed\" session=%s", id_short(s->id));
}

static void api_fail(struct http_resp *resp, const struct session *s, const struct upload_form *f,
                     const struct api_error *err)
{
    upload_resp_error(resp, err);
}

static const struct upload_answer API_ANSWER = {api_ok, api_fail};

static enum http_result upload_post(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct upload_form *f = req->stream_state;
    struct api_error err;
    struct session s;
    if (upload_form_finish(f, &err) || load_session(app, f->session_id, f->org_id, &s, &err)) {
        upload_resp_error(resp, &err);
        return HTTP_DONE;
    }
    return api_upload_start(req, resp, &s, f, query_true(req, "progress"), &API_ANSWER);
}

const struct route UPLOAD_ROUTES[] = {
    {HTTP_POST, "/bank-connect/v1/statement/upload_session/", upload_post, BODY_STREAM,
     ROUTE_UPLOAD_BODY, &UPLOAD_STREAM, UPLOAD_FORM_TYPES},
};
const size_t UPLOAD_NROUTES = sizeof UPLOAD_ROUTES / sizeof UPLOAD_ROUTES[0];

size_t api_upload_body_limit(size_t max_upload)
{
    /* Room for the other fields, the multipart framing and percent-encoded
     * BASE64 ('+' and '/' become three bytes each in a urlencoded body). */
    return max_upload + max_upload / 8 + (256u << 10);
}
