/* The console's organisation pages (docs/console.md):
 *
 *   GET  /console/api/sessions/<id>/webhooks        the session's webhook deliveries (any role)
 *   POST /console/api/webhooks/<id>/replay          queue a delivery again (admin)
 *   GET  /console/api/settings                      webhook and acceptance settings (admin)
 *   POST /console/api/settings                      change them (admin)
 *   POST /console/api/keys/rotate                   new API key and server hash, shown once (admin)
 *   GET  /console/api/audit?session_id=&page=       who saw or changed what (admin)
 *   GET  /console/api/users                         the organisation's console users (admin)
 *
 * Changes reuse the API's own code (api/webhook.c, the store's org ops),
 * so the console can do nothing the API key could not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/console.h"
#include "ingest/accounts_json.h"
#include "util/clock.h"

#define DELIVERIES_MAX 100
#define AUDIT_PAGE 50

/* The signed-in user's organisation. 0, or -1 with resp filled. */
static int load_org(struct http_req *req, struct http_resp *resp, const struct console_login *l, struct org *o)
{
    struct app *app = req->app;
    if (STORE_CALL(app->store, org_get, l->user.org_id, o) == STORE_OK)
        return 0;
    console_internal(resp);
    return -1;
}

/* GET /console/api/sessions/<id>/webhooks */
static enum http_result session_webhooks(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct console_login l;
    struct session s;
    if (console_auth(req, resp, ROLE_ANALYST, &l) || console_session(req, resp, &l, &s))
        return HTTP_DONE;
    struct webhook_delivery *ds = calloc(DELIVERIES_MAX, sizeof *ds);
    size_t n = 0;
    if (!ds || STORE_CALL(app->store, webhook_list, l.user.org_id, s.id, ds, DELIVERIES_MAX, &n) != STORE_OK) {
        console_internal(resp);
    } else {
        json_t *arr = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(arr, api_delivery_json(&ds[i]));
        http_resp_json(resp, 200, json_pack("{s:s,s:o,s:b}", "session_id", s.id, "deliveries", arr, "can_replay",
                                            l.user.role == ROLE_ADMIN));
    }
    for (size_t i = 0; i < n; i++)
        webhook_delivery_clear(&ds[i]);
    free(ds);
    session_clear(&s);
    return HTTP_DONE;
}

/* POST /console/api/webhooks/<id>/replay */
static enum http_result webhook_replay(struct http_req *req, struct http_resp *resp)
{
    struct console_login l;
    struct org org;
    if (console_auth(req, resp, ROLE_ADMIN, &l) || load_org(req, resp, &l, &org))
        return HTTP_DONE;
    char id[PB_UUID_BUF] = "";
    int rc = api_webhook_replay(req->app, &org, req->params[0], id);
    if (rc == STORE_NOT_FOUND)
        http_resp_error(resp, 404, "DELIVERY_NOT_FOUND", "No such webhook delivery");
    else if (rc > 0)
        http_resp_error(resp, 400, "WEBHOOK_NOT_CONFIGURED", "Set a webhook URL in Settings first");
    else if (rc < 0)
        console_internal(resp);
    else {
        console_audit(req, &l, "webhook.replay", NULL, id);
        http_resp_json(resp, 202, json_pack("{s:s,s:s,s:s}", "message", "queued", "delivery_id", id, "replay_of",
                                            req->params[0]));
    }
    org_clear(&org);
    return HTTP_DONE;
}

static json_t *settings_json(const struct org *o)
{
    char modes[32];
    return json_pack("{s:s,s:o,s:i,s:b,s:s,s:i,s:s}", "org_name", o->name, "webhook_url",
                     o->webhook_url ? json_string(o->webhook_url) : json_null(), "webhook_mode", o->webhook_mode,
                     "webhook_secret_set", o->webhook_secret && *o->webhook_secret, "acceptance",
                     o->acceptance ? o->acceptance : "missing_upload_months", "tolerance_days",
                     o->acceptance_tolerance_days, "modes", org_modes_format(o->modes, modes, sizeof modes));
}

/* GET /console/api/settings */
static enum http_result settings_get(struct http_req *req, struct http_resp *resp)
{
    struct console_login l;
    struct org org;
    if (console_auth(req, resp, ROLE_ADMIN, &l) || load_org(req, resp, &l, &org))
        return HTTP_DONE;
    http_resp_json(resp, 200, settings_json(&org));
    org_clear(&org);
    return HTTP_DONE;
}

/* POST /console/api/settings {webhook_url?, webhook_mode?, secret?,
 * acceptance?, tolerance_days?}: what is present changes. */
static enum http_result settings_post(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct console_login l;
    struct org org;
    if (console_auth(req, resp, ROLE_ADMIN, &l) || load_org(req, resp, &l, &org))
        return HTTP_DONE;
    json_t *body = req->json;
    int rc = STORE_OK;
    json_t *ja = json_object_get(body, "acceptance"), *jt = json_object_get(body, "tolerance_days");
    long tol = json_is_integer(jt) ? (long)json_integer_value(jt) : jt ? -1 : 0;
    if (ja && !org_acceptance_valid(json_string_value(ja), tol)) {
        http_resp_error(resp, 400, "INVALID_REQUEST",
                        "acceptance is missing_upload_months or missing_upload_date_range, tolerance_days 0-366");
        goto out;
    }
    /* The API's own update_webhook rules (address checks included); its
     * answer is replaced by the settings below. */
    if (json_object_get(body, "webhook_url")) {
        if (api_webhook_configure(app, &org, body, resp))
            goto out;
        http_resp_reset(resp);
    }
    if (ja)
        rc = STORE_CALL(app->store, org_set_acceptance, org.id, json_string_value(ja), (int)tol);
    org_clear(&org);
    if (rc != STORE_OK || load_org(req, resp, &l, &org)) {
        memset(&org, 0, sizeof org);
        console_internal(resp);
        return HTTP_DONE;
    }
    console_audit(req, &l, "settings.change", NULL, NULL);
    http_resp_json(resp, 200, settings_json(&org));
out:
    org_clear(&org);
    return HTTP_DONE;
}

/* POST /console/api/keys/rotate: the old key and server hash stop working at once. */
static enum http_result keys_rotate(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct console_login l;
    if (console_auth(req, resp, ROLE_ADMIN, &l))
        return HTTP_DONE;
    char key[ORG_SECRET_HEX], sh[ORG_SECRET_HEX], kh[PB_SHA256_HEX], shh[PB_SHA256_HEX];
    if (!org_new_secret(key, kh) || !org_new_secret(sh, shh) ||
        STORE_CALL(app->store, org_set_keys, l.user.org_id, kh, shh) != STORE_OK) {
        console_internal(resp);
        return HTTP_DONE;
    }
    console_audit(req, &l, "keys.rotate", NULL, NULL);
    http_resp_json(resp, 200, json_pack("{s:s,s:s,s:s}", "api_key", key, "server_hash", sh, "message",
                                        "Shown once: the old key and server hash no longer work"));
    http_resp_header(resp, "Cache-Control", "no-store");
    explicit_bzero(key, sizeof key);
    explicit_bzero(sh, sizeof sh);
    return HTTP_DONE;
}

/* GET /console/api/audit?session_id=&page= */
static enum http_result audit_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct console_login l;
    if (console_auth(req, resp, ROLE_ADMIN, &l))
        return HTTP_DONE;
    const char *sid = http_req_query(req, "session_id"), *p = http_req_query(req, "page");
    long page = p ? strtol(p, NULL, 10) : 1;
    if (page < 1 || page > 100000)
        page = 1;
    if (sid && *sid && !uuid_valid(sid)) {
        http_resp_error(resp, 400, "INVALID_REQUEST", "session_id is not a session id");
        return HTTP_DONE;
    }
    struct audit_event *ev = NULL;
    size_t n = 0;
    if (STORE_CALL(app->store, audit_list, l.user.org_id, sid && *sid ? sid : NULL, (size_t)(page - 1) * AUDIT_PAGE,
                   AUDIT_PAGE + 1, &ev, &n) != STORE_OK) {
        console_internal(resp);
        return HTTP_DONE;
    }
    json_t *arr = json_array();
    for (size_t i = 0; i < n && i < AUDIT_PAGE; i++)
        json_array_append_new(arr, json_pack("{s:I,s:s,s:s,s:o,s:o,s:o,s:o}", "id", (json_int_t)ev[i].id, "email",
                                             ev[i].email, "action", ev[i].action, "session_id",
                                             ev[i].session_id[0] ? json_string(ev[i].session_id) : json_null(),
                                             "detail", ev[i].detail[0] ? json_string(ev[i].detail) : json_null(),
                                             "client", ev[i].client[0] ? json_string(ev[i].client) : json_null(),
                                             "at", console_time_json(ev[i].at)));
    http_resp_json(resp, 200, json_pack("{s:i,s:b,s:o}", "page", (int)page, "has_more", n > AUDIT_PAGE, "events", arr));
    free(ev);
    return HTTP_DONE;
}

/* GET /console/api/users */
static enum http_result users_get(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct console_login l;
    if (console_auth(req, resp, ROLE_ADMIN, &l))
        return HTTP_DONE;
    struct user *us = NULL;
    size_t n = 0;
    if (STORE_CALL(app->store, user_list, l.user.org_id, &us, &n) != STORE_OK) {
        console_internal(resp);
        return HTTP_DONE;
    }
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(arr, json_pack("{s:s,s:s,s:s,s:o}", "email", us[i].email, "name", us[i].name, "role",
                                             user_role_name(us[i].role), "created_at", console_time_json(us[i].created_at)));
    free(us);
    http_resp_json(resp, 200, json_pack("{s:o}", "users", arr));
    return HTTP_DONE;
}

const struct route CONSOLE_ADMIN_ROUTES[] = {
    ROUTE_GET("/console/api/sessions/<id>/webhooks", session_webhooks),
    ROUTE_POST("/console/api/webhooks/<id>/replay", webhook_replay),
    ROUTE_GET("/console/api/settings", settings_get),
    ROUTE_POST_JSON("/console/api/settings", settings_post),
    ROUTE_POST("/console/api/keys/rotate", keys_rotate),
    ROUTE_GET("/console/api/audit", audit_get),
    ROUTE_GET("/console/api/users", users_get),
};
const size_t CONSOLE_ADMIN_NROUTES = sizeof CONSOLE_ADMIN_ROUTES / sizeof CONSOLE_ADMIN_ROUTES[0];
