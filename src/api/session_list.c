/* GET /bank-connect/v1/sessions/: a lender's sessions (a Passbook
 * extension: FinBox has no list), for the lender's backend to find a
 * customer's sessions, chase the unfinished ones, or reconcile.
 *
 *   ?link_id=        only this customer's
 *   ?status=         open | expired | processing | completed | failed
 *   ?created_from= ?created_to=   YYYY-MM-DD (a whole UTC day) or YYYY-MM-DD HH:MM:SS (UTC)
 *   ?page=1 ?page_size=50 (at most 500)
 *
 * x-api-key + server-hash; only the caller's own sessions, newest first;
 * deleted sessions and the entity flow's sessions are not listed. The
 * answer pages like FinBox's entity list: {count, next, previous, results}. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "util/clock.h"

#define PAGE_SIZE_DEFAULT 50
#define PAGE_SIZE_MAX 500

static const char *const STATUSES[] = {"open", "expired", "processing", "completed", "failed", NULL};

/* "YYYY-MM-DD" (start, or end with end_of_day) or "YYYY-MM-DD HH:MM:SS", UTC. */
static bool parse_time(const char *s, bool end_of_day, int64_t *out)
{
    struct tm tm = {0};
    const char *rest = strptime(s, "%Y-%m-%d", &tm);
    if (!rest)
        return false;
    if (*rest) {
        rest = strptime(rest, " %H:%M:%S", &tm);
        if (!rest || *rest)
            return false;
        end_of_day = false;
    }
    *out = (int64_t)timegm(&tm) + (end_of_day ? 86399 : 0);
    return true;
}

static json_t *time_or_null(int64_t t)
{
    char buf[32];
    return t ? json_string(pb_time_text(t, buf, sizeof buf)) : json_null();
}

static const char *status_of(const struct session *s, int64_t now)
{
    if (s->state == SESSION_OPEN)
        return session_expired(s, now) ? "expired" : "open";
    return session_state_name(s->state);
}

static json_t *session_json(const struct session *s, int64_t now)
{
    char from[PB_DATE_BUF], to[PB_DATE_BUF];
    return json_pack("{s:s,s:s,s:s,s:i,s:o,s:o,s:o,s:{s:s,s:s}}", "session_id", s->id, "link_id",
                     s->req.link_id ? s->req.link_id : "", "status", status_of(s, now), "api_version",
                     s->req.version, "created_at", time_or_null(s->created_at), "session_expiry_timestamp",
                     time_or_null(s->expires_at), "processing_requested_at",
                     time_or_null(s->processing_requested_at), "session_date_range", "from_date",
                     date_fmt_dmy(s->req.from_date, from), "to_date", date_fmt_dmy(s->req.to_date, to));
}

/* The URL of page n of this listing (same filters), or null. */
static json_t *page_link(struct http_req *req, long n, long size)
{
    struct app *app = req->app;
    if (n < 1)
        return json_null();
    static const char *const KEEP[] = {"link_id", "status", "created_from", "created_to", NULL};
    size_t len = strlen(app->public_url);
    while (len && app->public_url[len - 1] == '/')
        len--;
    char *url = NULL;
    if (asprintf(&url, "%.*s/bank-connect/v1/sessions/?page=%ld&page_size=%ld", (int)len, app->public_url, n,
                 size) < 0)
        return json_null();
    for (const char *const *k = KEEP; *k && url; k++) {
        const char *v = http_req_query(req, *k);
        char *enc = v ? api_query_escape(v) : NULL, *next = NULL;
        if (enc && asprintf(&next, "%s&%s=%s", url, *k, enc) >= 0) {
            free(url);
            url = next;
        }
        free(enc);
    }
    json_t *j = url ? json_string(url) : json_null();
    free(url);
    return j ? j : json_null();
}

static int bad(struct http_resp *resp, const char *msg)
{
    http_resp_error(resp, 400, "INVALID_REQUEST", "%s", msg);
    return -1;
}

static long query_long(const struct http_req *req, const char *name, long dflt, long min, long max, bool *ok)
{
    const char *v = http_req_query(req, name);
    if (!v)
        return dflt;
    char *end = NULL;
    long n = strtol(v, &end, 10);
    if (end == v || *end || n < min || n > max)
        *ok = false;
    return n;
}

/* The filter from the query: 0, or -1 with a 400 in resp. */
static int read_filter(struct http_req *req, struct http_resp *resp, struct session_filter *f, long *page,
                       long *size)
{
    const char *status = http_req_query(req, "status"), *from = http_req_query(req, "created_from"),
               *to = http_req_query(req, "created_to");
    bool ok = true;
    *page = query_long(req, "page", 1, 1, 1000000, &ok);
    *size = query_long(req, "page_size", PAGE_SIZE_DEFAULT, 1, PAGE_SIZE_MAX, &ok);
    if (!ok)
        return bad(resp, "page must be a positive integer and page_size 1 to 500.");
    if (status) {
        const char *const *s = STATUSES;
        while (*s && strcmp(*s, status))
            s++;
        if (!*s)
            return bad(resp, "status, must be one of open, expired, processing, completed, failed.");
        f->status = status;
    }
    if ((from && !parse_time(from, false, &f->created_from)) || (to && !parse_time(to, true, &f->created_to)))
        return bad(resp, "created_from and created_to take YYYY-MM-DD or YYYY-MM-DD HH:MM:SS (UTC).");
    const char *link = http_req_query(req, "link_id");
    f->link_id = link && *link ? link : NULL;
    f->offset = (size_t)(*page - 1) * (size_t)*size;
    f->limit = (size_t)*size;
    return 0;
}

static enum http_result list_sessions(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct org org;
    if (api_auth_key_and_hash(req, resp, &org))
        return HTTP_DONE;
    struct session_filter f = {.org_id = org.id, .now = pb_now()};
    long page, size;
    if (read_filter(req, resp, &f, &page, &size) == 0) {
        struct session *ss = NULL;
        size_t n = 0, total = 0;
        if (STORE_CALL(app->store, session_list, &f, &ss, &n, &total) != STORE_OK) {
            http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
        } else {
            json_t *results = json_array();
            for (size_t i = 0; i < n; i++)
                json_array_append_new(results, session_json(&ss[i], f.now));
            bool more = (size_t)page * (size_t)size < total;
            http_resp_json(resp, 200, json_pack("{s:I,s:o,s:o,s:o}", "count", (json_int_t)total, "next",
                                                more ? page_link(req, page + 1, size) : json_null(), "previous",
                                                page_link(req, page - 1, size), "results", results));
        }
        for (size_t i = 0; i < n; i++)
            session_clear(&ss[i]);
        free(ss);
    }
    org_clear(&org);
    return HTTP_DONE;
}

const struct route SESSION_LIST_ROUTES[] = {
    ROUTE_GET("/bank-connect/v1/sessions/", list_sessions),
};
const size_t SESSION_LIST_NROUTES = sizeof SESSION_LIST_ROUTES / sizeof SESSION_LIST_ROUTES[0];
