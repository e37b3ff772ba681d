/* The lender console at /console/: its page and assets (embedded, no CDN),
 * signing in and out, and the checks every console request passes.
 *
 * A login is a random 256-bit token in an HttpOnly, SameSite=Strict
 * cookie scoped to /console/; the store keeps its SHA-256, the user and a
 * CSRF token, so every node shares logins and a database reader cannot
 * use one. A login lasts 30 minutes from its last use and 12 hours at
 * most. Password checks are Argon2id, run on the report pool, and
 * rate-limited through the store (rate_count) per client and e-mail
 * address, per address and per client. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api/console.h"
#include "util/clock.h"
#include "util/log.h"

#define COOKIE "pb_console"
#define IDLE_S (30 * 60)
#define MAX_AGE_S (12 * 60 * 60)
#define TOUCH_EVERY_S 60
/* Failed sign-ins allowed per 15 minutes (docs/console.md). */
#define RL_WINDOW_S (15 * 60)
#define RL_CLIENT_EMAIL 5
#define RL_EMAIL 20
#define RL_CLIENT 50

static const char CONSOLE_CSP[] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                  "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
                                  "base-uri 'none'; object-src 'none'";

static void page_headers(struct http_resp *resp)
{
    http_resp_header(resp, "Content-Security-Policy", CONSOLE_CSP);
    http_resp_header(resp, "X-Frame-Options", "DENY");
    http_resp_header(resp, "X-Content-Type-Options", "nosniff");
    http_resp_header(resp, "Referrer-Policy", "same-origin");
    http_resp_header(resp, "Cache-Control", "no-store");
}

void console_internal(struct http_resp *resp)
{
    http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
}

json_t *console_time_json(int64_t t)
{
    char b[48];
    return t ? json_string(pb_time_iso8601(t, b, sizeof b)) : json_null();
}

/* ---- logins ---- */

/* The login the request's cookie names, 0; or -1 (none, expired, store error: *err set). */
static int current_login(struct http_req *req, struct console_login *l, bool *err)
{
    struct app *app = req->app;
    const char *tok = http_req_cookie(req, COOKIE);
    *err = false;
    if (!tok || strlen(tok) != 64)
        return -1;
    char hash[PB_SHA256_HEX];
    sha256_hex(tok, 64, hash);
    int64_t now = pb_now();
    int rc = STORE_CALL(app->store, login_get, hash, now, l);
    if (rc != STORE_OK) {
        *err = rc != STORE_NOT_FOUND;
        return -1;
    }
    if (now - l->seen_at >= TOUCH_EVERY_S) {
        int64_t until = now + IDLE_S < l->created_at + MAX_AGE_S ? now + IDLE_S : l->created_at + MAX_AGE_S;
        STORE_CALL(app->store, login_touch, hash, now, until); /* best effort: the login stays valid meanwhile */
    }
    return 0;
}

/* Whether an Origin header (when sent) names the host the request came to. */
static bool same_origin(struct http_req *req)
{
    const char *origin = http_req_header(req, "origin"), *host = http_req_header(req, "host");
    if (!origin)
        return true;
    const char *p = strstr(origin, "://");
    return host && p && !strcasecmp(p + 3, host);
}

int console_auth(struct http_req *req, struct http_resp *resp, enum user_role need, struct console_login *l)
{
    bool err;
    if (current_login(req, l, &err)) {
        if (err)
            console_internal(resp);
        else
            http_resp_error(resp, 401, "CONSOLE_UNAUTHORIZED", "Sign in to the console first");
        return -1;
    }
    if (req->method != HTTP_GET && req->method != HTTP_HEAD) {
        const char *csrf = http_req_header(req, "x-csrf-token");
        if (!csrf || !secret_equal(csrf, l->csrf) || !same_origin(req)) {
            http_resp_error(resp, 403, "CSRF_FAILED", "This request did not come from the console; reload the page");
            return -1;
        }
    }
    if (need == ROLE_ADMIN && l->user.role != ROLE_ADMIN) {
        http_resp_error(resp, 403, "FORBIDDEN", "Only an admin of your organisation can do this");
        return -1;
    }
    return 0;
}

int console_audit(struct http_req *req, const struct console_login *l, const char *action, const char *session_id,
                  const char *detail)
{
    struct app *app = req->app;
    struct audit_event e = {.at = pb_now()};
    snprintf(e.org_id, sizeof e.org_id, "%s", l->user.org_id);
    snprintf(e.user_id, sizeof e.user_id, "%s", l->user.id);
    snprintf(e.email, sizeof e.email, "%s", l->user.email);
    snprintf(e.action, sizeof e.action, "%s", action);
    snprintf(e.session_id, sizeof e.session_id, "%s", session_id ? session_id : "");
    snprintf(e.detail, sizeof e.detail, "%s", detail ? detail : "");
    http_req_client_ip(req, e.client, sizeof e.client);
    if (STORE_CALL(app->store, audit_insert, &e) == STORE_OK)
        return 0;
    log_error("console msg=\"audit write failed\" action=%s", action);
    return -1;
}

int console_session(struct http_req *req, struct http_resp *resp, const struct console_login *l, struct session *s)
{
    int rc = api_session_lookup(req->app, req->params[0], l->user.org_id, s);
    if (rc == STORE_NOT_FOUND) {
        http_resp_error(resp, 404, "SESSION_NOT_FOUND", "No such session");
        return -1;
    }
    if (rc != STORE_OK) {
        console_internal(resp);
        return -1;
    }
    if (s->deleted_at) {
        session_clear(s);
        http_resp_error(resp, 410, "SESSION_DELETED", "This session was deleted");
        return -1;
    }
    return 0;
}

const char *console_session_status(const struct session *s, int64_t now)
{
    if (s->state == SESSION_OPEN)
        return session_expired(s, now) ? "expired" : "open";
    return session_state_name(s->state);
}

/* ---- pages ---- */

/* GET /console/: the console for a signed-in user; anyone else is sent to
 * the sign-in page (the page itself holds no data: everything comes
 * through the API below, which checks the login on every call). */
static enum http_result console_page(struct http_req *req, struct http_resp *resp)
{
    struct console_login l;
    bool err;
    if (current_login(req, &l, &err)) {
        http_resp_text(resp, 303, "text/plain; charset=utf-8", "Sign in at /console/login\n");
        http_resp_header(resp, "Location", "/console/login");
        http_resp_header(resp, "Cache-Control", "no-store");
        return HTTP_DONE;
    }
    api_embedded(resp, "console/index.html", 200);
    page_headers(resp);
    return HTTP_DONE;
}

static enum http_result login_page(struct http_req *req, struct http_resp *resp)
{
    api_embedded(resp, "console/login.html", 200);
    page_headers(resp);
    return HTTP_DONE;
}

/* GET /console/assets/<file>: scripts, styles and the chart library. */
static enum http_result console_asset(struct http_req *req, struct http_resp *resp)
{
    return api_asset(req, resp, "console");
}

/* ---- signing in and out ---- */

static void set_cookie(struct http_req *req, struct http_resp *resp, const char *value, int max_age)
{
    struct app *app = req->app;
    bool https = app->public_url && !strncasecmp(app->public_url, "https://", 8);
    char c[256];
    snprintf(c, sizeof c, COOKIE "=%s; Path=/console/; HttpOnly; SameSite=Strict; Max-Age=%d%s", value, max_age,
             https ? "; Secure" : "");
    http_resp_header(resp, "Set-Cookie", c);
}

static json_t *me_json(const struct console_login *l, const char *org_name)
{
    return json_pack("{s:{s:s,s:s,s:s},s:{s:s,s:s?},s:s}", "user", "email", l->user.email, "name", l->user.name,
                     "role", user_role_name(l->user.role), "org", "id", l->user.org_id, "name", org_name, "csrf",
                     l->csrf);
}

/* Counts (or, count_it false, reads) a failure counter; true when past max. */
static bool over(struct app *app, const char *key, int max, bool count_it)
{
    int n = 0;
    return STORE_CALL(app->store, rate_count, key, RL_WINDOW_S, pb_now(), count_it, &n) == STORE_OK &&
           n > max - (count_it ? 0 : 1);
}

/* The three failure counters of a sign-in; true when any is past its limit. */
static bool login_limited(struct http_req *req, const char *email, bool count_it)
{
    char client[64], k1[384], k2[320], k3[96];
    http_req_client_ip(req, client, sizeof client);
    snprintf(k1, sizeof k1, "cl:ce:%s:%s", client, email);
    snprintf(k2, sizeof k2, "cl:e:%s", email);
    snprintf(k3, sizeof k3, "cl:c:%s", client);
    bool a = over(req->app, k1, RL_CLIENT_EMAIL, count_it), b = over(req->app, k2, RL_EMAIL, count_it),
         c = over(req->app, k3, RL_CLIENT, count_it);
    return a || b || c;
}

/* POST /console/api/login {email, password}: runs on the report pool
 * (Argon2id takes tens of milliseconds by design). */
static enum http_result login(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    const char *raw = json_string_value(json_object_get(req->json, "email"));
    const char *pw = json_string_value(json_object_get(req->json, "password"));
    char email[USER_EMAIL_MAX];
    if (!raw || !pw || !user_email_normalise(raw, email) || strlen(pw) > PASSWORD_MAX_LEN) {
        http_resp_error(resp, 400, "INVALID_REQUEST", "Give your e-mail address and password");
        return HTTP_DONE;
    }
    if (login_limited(req, email, false)) {
        http_resp_error(resp, 429, "RATE_LIMITED", "Too many failed sign-ins; try again in 15 minutes");
        http_resp_header(resp, "Retry-After", "900");
        return HTTP_DONE;
    }
    struct console_login l = {.created_at = pb_now()};
    int rc = STORE_CALL(app->store, user_get, email, &l.user);
    if (rc != STORE_OK && rc != STORE_NOT_FOUND) {
        console_internal(resp);
        return HTTP_DONE;
    }
    if (!password_verify(rc == STORE_OK ? l.user.password_hash : NULL, pw)) {
        login_limited(req, email, true);
        log_info("console msg=\"sign-in failed\"");
        http_resp_error(resp, 401, "INVALID_CREDENTIALS", "Wrong e-mail address or password");
        return HTTP_DONE;
    }
    char token[65], org_name_buf[1] = "";
    struct org org;
    bool have_org = STORE_CALL(app->store, org_get, l.user.org_id, &org) == STORE_OK;
    l.seen_at = l.created_at;
    l.expires_at = l.created_at + IDLE_S;
    if (!secret_random_hex(token, 32) || !secret_random_hex(l.csrf, 32)) {
        console_internal(resp);
    } else {
        sha256_hex(token, 64, l.token_hash);
        if (STORE_CALL(app->store, login_insert, &l, l.created_at) != STORE_OK) {
            console_internal(resp);
        } else {
            console_audit(req, &l, "login", NULL, NULL);
            http_resp_json(resp, 200, me_json(&l, have_org ? org.name : org_name_buf));
            set_cookie(req, resp, token, MAX_AGE_S);
            http_resp_header(resp, "Cache-Control", "no-store");
        }
    }
    explicit_bzero(token, sizeof token);
    if (have_org)
        org_clear(&org);
    return HTTP_DONE;
}

static enum http_result login_off(struct http_req *req, struct http_resp *resp)
{
    return api_offload(req, resp, login);
}

static enum http_result logout(struct http_req *req, struct http_resp *resp)
{
    struct console_login l;
    if (console_auth(req, resp, ROLE_ANALYST, &l))
        return HTTP_DONE;
    struct app *app = req->app;
    if (STORE_CALL(app->store, login_delete, l.token_hash) != STORE_OK) {
        console_internal(resp);
        return HTTP_DONE;
    }
    console_audit(req, &l, "logout", NULL, NULL);
    http_resp_json(resp, 200, json_pack("{s:s}", "message", "signed out"));
    set_cookie(req, resp, "", 0);
    return HTTP_DONE;
}

/* GET /console/api/me: who is signed in, their organisation, the CSRF token. */
static enum http_result me(struct http_req *req, struct http_resp *resp)
{
    struct console_login l;
    if (console_auth(req, resp, ROLE_ANALYST, &l))
        return HTTP_DONE;
    struct app *app = req->app;
    struct org org;
    if (STORE_CALL(app->store, org_get, l.user.org_id, &org) != STORE_OK) {
        console_internal(resp);
        return HTTP_DONE;
    }
    http_resp_json(resp, 200, me_json(&l, org.name));
    http_resp_header(resp, "Cache-Control", "no-store");
    org_clear(&org);
    return HTTP_DONE;
}

const struct route CONSOLE_ROUTES[] = {
    ROUTE_GET("/console/", console_page),
    ROUTE_GET("/console/login", login_page),
    ROUTE_GET("/console/assets/<file>", console_asset),
    ROUTE_POST_JSON("/console/api/login", login_off),
    ROUTE_POST("/console/api/logout", logout),
    ROUTE_GET("/console/api/me", me),
};
const size_t CONSOLE_NROUTES = sizeof CONSOLE_ROUTES / sizeof CONSOLE_ROUTES[0];
