/* /bank-connect/v1/session_data/<id>/...: a session's lifecycle, for the
 * organisation that created it (x-api-key + server-hash). Another
 * organisation's session answers exactly like a missing one.
 *
 *   GET    session_upload_status/  what was uploaded, against the months asked for
 *   POST   initiate_processing/    closes the session for uploads, queues processing (202)
 *   GET    progress/               per statement, until session_progress is "completed"
 *   GET    session_status/         per account and statement outcome, after processing
 *   DELETE delete/                 removes files and data; 410 SESSION_DELETED afterwards
 * The per-session data endpoints are in session_output.c. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "journey/consent.h"
#include "ingest/accounts_json.h"
#include "ingest/files.h"
#include "journey/consent.h"
#include "api/api.h"
#include "core/session.h"
#include "util/date.h"
#include "util/log.h"
#include "util/clock.h"

int api_load_session(struct http_req *req, struct http_resp *resp, struct session *s, struct org *org_out)
{
    struct app *app = req->app;
    struct org org;
    if (api_auth_key_and_hash(req, resp, &org))
        return -1;
    int rc = api_session_lookup(app, req->params[0], org.id, s);
    if (org_out && rc == STORE_OK)
        *org_out = org;
    else
        org_clear(&org);
    if (rc == STORE_NOT_FOUND) {
        http_resp_error(resp, 404, "SESSION_NOT_FOUND", "The provided session ID is invalid");
        return -1;
    }
    if (rc != STORE_OK) {
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
        return -1;
    }
    if (s->deleted_at) {
        session_clear(s);
        if (org_out)
            org_clear(org_out);
        http_resp_error(resp, 410, "SESSION_DELETED", "The provided session ID has been deleted");
        return -1;
    }
    return 0;
}

int api_require_processed(const struct session *s, struct http_resp *resp)
{
    if (s->state == SESSION_OPEN) {
        http_resp_error(resp, 400, "PROCESSING_NOT_REQUESTED",
                        "Cannot proceed as the processing has not been requested yet");
        return -1;
    }
    if (s->state == SESSION_PROCESSING) {
        http_resp_error(resp, 400, "PROCESSING_NOT_COMPLETED",
                        "The processing for this session is currently in progress");
        return -1;
    }
    return 0;
}

/* Reference §2.4: COMPLETED once processing was requested or the
 * completion webhook went out, or when every account meets the
 * acceptance criterion; EXPIRED past expiry without processing;
 * NO_UPLOAD without statements; IN_PROGRESS otherwise. */
static const char *upload_status(const struct session *s, int64_t now, size_t naccounts, bool accepted)
{
    /* reference §2.4: COMPLETED once the completion webhook was queued
     * (the customer pressed Submit) or processing was requested */
    if (s->state != SESSION_OPEN || s->completion_notified_at)
        return "COMPLETED";
    if (session_expired(s, now))
        return "EXPIRED";
    if (naccounts == 0)
        return "NO_UPLOAD";
    return accepted ? "COMPLETED" : "IN_PROGRESS";
}

static void internal(struct http_resp *resp)
{
    http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
}

static enum http_result upload_status_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct session s;
    if (api_load_session(req, resp, &s, NULL))
        return HTTP_DONE;
    struct upload_state u;
    if (upload_state_load(app->store, &s, &u)) {
        internal(resp);
    } else {
        char from[PB_DATE_BUF], to[PB_DATE_BUF], exp[32];
        json_t *body = json_pack(
            "{s:s,s:{s:s,s:s},s:s,s:s,s:o,s:{},s:o}", "session_id", s.id, "session_date_range", "from_date",
            date_fmt_dmy(s.req.from_date, from), "to_date", date_fmt_dmy(s.req.to_date, to), "upload_status",
            upload_status(&s, pb_now(), u.naccounts, u.accepted), "session_expiry_timestamp",
            pb_time_text(s.expires_at, exp, sizeof exp), "accounts", json_incref(u.accounts), "error",
            "consent", consent_json(app->store, s.id));
        http_resp_json(resp, 200, body);
        upload_state_clear(&u);
    }
    session_clear(&s);
    return HTTP_DONE;
}

static enum http_result initiate_processing(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct session s;
    if (api_load_session(req, resp, &s, NULL))
        return HTTP_DONE;
    int64_t now = pb_now();
    if (s.state != SESSION_OPEN) {
        http_resp_error(resp, 409, "DUPLICATE_PROCESSING_REQUEST", "Request for processing have already been initiated");
    } else if (session_expired(&s, now)) {
        http_resp_error(resp, 400, "SESSION_EXPIRED", "This session has expired");
    } else {
        struct job_spec job;
        int rc = job_spec_process_session(&job, s.id, s.org_id, now)
                     ? STORE_ERROR
                     : STORE_CALL(app->store, session_request_processing, s.id, s.org_id, now, &job);
        job_spec_clear(&job);
        if (rc == STORE_OK)
            http_resp_json(resp, 202, json_pack("{s:s,s:s}", "session_id", s.id, "message", "success"));
        else if (rc == STORE_CONFLICT) /* a concurrent request won */
            http_resp_error(resp, 409, "DUPLICATE_PROCESSING_REQUEST",
                            "Request for processing have already been initiated");
        else
            internal(resp);
    }
    session_clear(&s);
    return HTTP_DONE;
}

static enum http_result progress_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct session s;
    if (api_load_session(req, resp, &s, NULL))
        return HTTP_DONE;
    if (s.state == SESSION_OPEN) {
        http_resp_error(resp, 400, "PROCESSING_NOT_REQUESTED",
                        "Cannot proceed as the processing has not been requested yet");
    } else {
        json_t *p = progress_entries(app->store, &s);
        bool done = s.state == SESSION_COMPLETED || s.state == SESSION_FAILED;
        if (p)
            http_resp_json(resp, 200, json_pack("{s:s,s:s,s:o}", "session_id", s.id, "session_progress",
                                                done ? "completed" : "processing", "progress", p));
        else
            internal(resp);
    }
    session_clear(&s);
    return HTTP_DONE;
}

static enum http_result session_status_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct session s;
    if (api_load_session(req, resp, &s, NULL))
        return HTTP_DONE;
    if (api_require_processed(&s, resp) == 0) {
        json_t *a = session_status_accounts(app->store, &s);
        /* Insights exist for every processed account, reconciled or not
         * (no to_reject_account setting here). */
        if (a)
            http_resp_json(resp, 200, json_pack("{s:s,s:b,s:o}", "session_id", s.id, "insights_available",
                                                json_array_size(a) > 0, "accounts", a));
        else
            internal(resp);
    }
    session_clear(&s);
    return HTTP_DONE;
}

static enum http_result delete_session(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct session s;
    if (api_load_session(req, resp, &s, NULL))
        return HTTP_DONE;
    char **orphans = NULL;
    size_t n = 0;
    int rc = STORE_CALL(app->store, session_delete, s.id, s.org_id, pb_now(), &orphans, &n);
    if (rc == STORE_OK) {
        files_remove_claimed(&app->ingest, orphans, n);
        consent_forget(app->store, s.id);
        http_resp_json(resp, 200, json_pack("{s:s,s:s}", "session_id", s.id, "message", "Session deleted"));
        log_info("session msg=\"deleted\" session=%s files=%zu", id_short(s.id), n);
    } else if (rc == STORE_NOT_FOUND) { /* deleted meanwhile */
        http_resp_error(resp, 410, "SESSION_DELETED", "The provided session ID has been deleted");
    } else {
        internal(resp);
    }
    session_clear(&s);
    return HTTP_DONE;
}

const struct route SESSION_DATA_ROUTES[] = {
    ROUTE_GET("/bank-connect/v1/session_data/<id>/session_upload_status/", upload_status_get),
    ROUTE_POST("/bank-connect/v1/session_data/<id>/initiate_processing/", initiate_processing),
    ROUTE_GET("/bank-connect/v1/session_data/<id>/progress/", progress_get),
    ROUTE_GET("/bank-connect/v1/session_data/<id>/session_status/", session_status_get),
    ROUTE_DELETE("/bank-connect/v1/session_data/<id>/delete/", delete_session),
};
const size_t SESSION_DATA_NROUTES = sizeof SESSION_DATA_ROUTES / sizeof SESSION_DATA_ROUTES[0];
