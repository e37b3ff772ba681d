/* The console's sessions list (docs/console.md):
 *
 *   GET /console/api/sessions?q=&status=&fraud=1&page=
 *
 * The organisation's sessions, newest first, 25 a page, through the same
 * store op as the API's GET /bank-connect/v1/sessions/ (session_list),
 * each with its accounts' holder, bank, score and fraud count
 * (account_briefs: two queries a page, never the analysis itself). q finds
 * a session by link_id or session id (exact or a prefix) or by a holder's
 * name (any part, any case). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/console.h"
#include "util/clock.h"

#define PAGE 25
#define Q_MAX 100

static json_t *brief_json(const struct account_brief *b)
{
    return json_pack("{s:s,s:o,s:o,s:o,s:o,s:i}", "account_id", b->account_id, "name", json_text_or_null(b->name), "bank",
                     json_text_or_null(b->bank), "status", json_text_or_null(b->status), "score",
                     b->has_score ? json_integer(b->score) : json_null(), "fraud_count", b->fraud_count);
}

/* The page's sessions with their accounts (briefs in session order). */
static json_t *sessions_json(const struct session *ss, size_t n, const struct account_brief *b, size_t nb,
                             int64_t now)
{
    json_t *arr = json_array();
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        json_t *accounts = json_array();
        for (; j < nb && !strcmp(b[j].session_id, ss[i].id); j++)
            json_array_append_new(accounts, brief_json(&b[j]));
        json_array_append_new(arr, json_pack("{s:s,s:o,s:s,s:o,s:o}", "session_id", ss[i].id, "link_id",
                                             json_text_or_null(ss[i].req.link_id), "status",
                                             console_session_status(&ss[i], now), "created_at",
                                             console_time_json(ss[i].created_at), "accounts", accounts));
    }
    return arr;
}

static bool status_valid(const char *s)
{
    static const char *const OK[] = {"open", "expired", "processing", "completed", "failed"};
    for (size_t i = 0; i < sizeof OK / sizeof OK[0]; i++)
        if (!strcmp(s, OK[i]))
            return true;
    return false;
}

static enum http_result sessions_list(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct console_login l;
    if (console_auth(req, resp, ROLE_ANALYST, &l))
        return HTTP_DONE;
    const char *q = http_req_query(req, "q"), *status = http_req_query(req, "status");
    const char *fraud = http_req_query(req, "fraud"), *p = http_req_query(req, "page");
    char *end = NULL;
    long page = p && *p ? strtol(p, &end, 10) : 1;
    if ((p && *p && (*end || page < 1 || page > 100000)) || (status && *status && !status_valid(status)) ||
        (q && strlen(q) > Q_MAX)) {
        http_resp_error(resp, 400, "INVALID_REQUEST",
                        "page is 1 or more; status is open, expired, processing, completed or failed; q has at most "
                        "100 characters");
        return HTTP_DONE;
    }
    int64_t now = pb_now();
    struct session_filter f = {
        .org_id = l.user.org_id,
        .status = status && *status ? status : NULL,
        .q = q && *q ? q : NULL,
        .fraud_only = fraud && !strcmp(fraud, "1"),
        .now = now,
        .offset = (size_t)(page - 1) * PAGE,
        .limit = PAGE,
    };
    struct session *ss = NULL;
    size_t n = 0, total = 0, nb = 0;
    struct account_brief *b = NULL;
    char(*ids)[PB_UUID_BUF] = NULL;
    int rc = STORE_CALL(app->store, session_list, &f, &ss, &n, &total);
    if (rc == STORE_OK && n) {
        ids = calloc(n, sizeof *ids);
        for (size_t i = 0; ids && i < n; i++)
            memcpy(ids[i], ss[i].id, PB_UUID_BUF);
        rc = ids ? STORE_CALL(app->store, account_briefs, ids, n, &b, &nb) : STORE_ERROR;
    }
    if (rc != STORE_OK || console_audit(req, &l, "sessions.list", NULL, NULL)) {
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
    } else {
        http_resp_json(resp, 200, json_pack("{s:i,s:I,s:b,s:o}", "page", (int)page, "total", (json_int_t)total,
                                            "has_more", f.offset + n < total, "sessions",
                                            sessions_json(ss, n, b, nb, now)));
        http_resp_header(resp, "Cache-Control", "no-store");
    }
    for (size_t i = 0; i < n; i++)
        session_clear(&ss[i]);
    free(ss);
    free(ids);
    account_briefs_free(b, nb);
    return HTTP_DONE;
}

const struct route CONSOLE_LIST_ROUTES[] = {
    ROUTE_GET("/console/api/sessions", sessions_list),
};
const size_t CONSOLE_LIST_NROUTES = sizeof CONSOLE_LIST_ROUTES / sizeof CONSOLE_LIST_ROUTES[0];
