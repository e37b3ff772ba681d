/* GET /bank-connect/v1/session_data/<id>/...: a session's state, for the
 * organisation that created it (x-api-key + server-hash). Another
 * organisation's session answers exactly like a missing one. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "core/session.h"
#include "util/date.h"

/* Loads the session named by the route's <id> for the caller. Returns 0,
 * or -1 with resp filled (403, 404 SESSION_NOT_FOUND, 410 SESSION_DELETED). */
static int load_session(struct http_req *req, struct http_resp *resp, struct session *s)
{
    struct app *app = req->app;
    struct org org;
    if (api_auth_key_and_hash(req, resp, &org))
        return -1;
    char id[PB_UUID_BUF];
    const char *raw = req->params[0];
    int rc = STORE_NOT_FOUND;
    if (uuid_valid(raw)) {
        for (int i = 0; i < PB_UUID_BUF; i++)
            id[i] = (char)tolower((unsigned char)raw[i]);
        rc = STORE_CALL(app->store, session_get, id, org.id, s);
    }
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
        http_resp_error(resp, 410, "SESSION_DELETED", "The provided session ID has been deleted");
        return -1;
    }
    return 0;
}

/* "YYYY-MM-DD HH:MM:SS" in UTC. */
static const char *fmt_timestamp(int64_t t, char *buf, size_t len)
{
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(buf, len, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

static const char *upload_status(const struct session *s, int64_t now)
{
    /* reference §2.4: COMPLETED once the completion webhook was queued
     * (the customer pressed Submit) or processing was requested */
    if (s->state != SESSION_OPEN || s->completion_notified_at)
        return "COMPLETED";
    if (session_expired(s, now))
        return "EXPIRED";
    return "NO_UPLOAD";
}

static enum http_result upload_status_get(struct http_req *req, struct http_resp *resp)
{
    struct session s;
    if (load_session(req, resp, &s))
        return HTTP_DONE;
    char from[PB_DATE_BUF], to[PB_DATE_BUF], exp[32];
    json_t *body = json_pack(
        "{s:s,s:{s:s,s:s},s:s,s:s,s:[],s:{}}", "session_id", s.id, "session_date_range", "from_date",
        date_fmt_dmy(s.req.from_date, from), "to_date", date_fmt_dmy(s.req.to_date, to), "upload_status",
        upload_status(&s, (int64_t)time(NULL)), "session_expiry_timestamp",
        fmt_timestamp(s.expires_at, exp, sizeof exp), "accounts", "error");
    session_clear(&s);
    http_resp_json(resp, 200, body);
    return HTTP_DONE;
}

const struct route SESSION_DATA_ROUTES[] = {
    ROUTE_GET("/bank-connect/v1/session_data/<id>/session_upload_status/", upload_status_get),
};
const size_t SESSION_DATA_NROUTES = sizeof SESSION_DATA_ROUTES / sizeof SESSION_DATA_ROUTES[0];
