/* Webhook configuration and delivery history, for the organisation (x-api-key
 * + server-hash):
 *   POST /bank-connect/v1/session_data/update_webhook/          (reference §2.13)
 *   GET  /bank-connect/v1/session_data/webhook_deliveries/?session_id=&limit=
 *   POST /bank-connect/v1/session_data/webhook_deliveries/<id>/replay/
 * Deliveries themselves are src/notify/'s. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "core/webhook.h"
#include "net/fetch.h"
#include "net/url.h"
#include "notify/notify.h"
#include "util/clock.h"

#define DELIVERIES_MAX 100

static int field_error(struct http_resp *resp, const char *code, const char *msg)
{
    http_resp_error(resp, 400, code, "%s", msg);
    return -1;
}

/* Reads and checks the update_webhook body. Returns 0 or -1 with resp. */
static int read_config(const json_t *body, const char **url, int *mode, const char **secret,
                       struct http_resp *resp)
{
    json_t *ju = json_object_get(body, "webhook_url");
    json_t *jm = json_object_get(body, "webhook_mode");
    json_t *js = json_object_get(body, "secret");
    if (!js)
        js = json_object_get(body, "webhook_secret");
    if (!ju)
        return field_error(resp, "INVALID_REQUEST", "webhook_url, This field is required.");
    if (!json_is_null(ju) && !json_is_string(ju))
        return field_error(resp, "INVALID_REQUEST", "webhook_url, Not a valid string.");
    *url = json_is_string(ju) && json_string_length(ju) ? json_string_value(ju) : NULL;
    if (*url && (strlen(*url) > NET_URL_MAX || !url_check(*url, strlen(*url), NULL)))
        return field_error(resp, "INVALID_URL", "Enter a valid URL.");
    if (jm && !json_is_null(jm)) {
        if (!json_is_integer(jm) || json_integer_value(jm) < 0 || json_integer_value(jm) > 255)
            return field_error(resp, "INVALID_REQUEST", "webhook_mode, A valid integer is required.");
        *mode = (int)json_integer_value(jm);
    }
    if (js && !json_is_null(js)) {
        if (!json_is_string(js) || json_string_length(js) > 256)
            return field_error(resp, "INVALID_REQUEST", "secret, Ensure this field has no more than 256 characters.");
        *secret = json_string_value(js); /* "" removes it */
    }
    for (const char *p = *secret ? *secret : ""; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)  /* it becomes a header value */
            return field_error(resp, "INVALID_REQUEST", "secret, Control characters are not allowed.");
    return 0;
}

int api_webhook_configure(struct app *app, const struct org *org, const json_t *body, struct http_resp *resp)
{
    const char *url = NULL, *secret = NULL;
    int mode = org->webhook_mode;
    struct api_error err;
    if (read_config(body, &url, &mode, &secret, resp))
        return -1;
    if (url && api_url_refused(app, url, "INVALID_URL", "Enter a valid URL.", &err)) {
        http_resp_error(resp, err.status, err.code, "%s", err.message);
        return -1;
    }
    char *key = notify_signing_key(app->keys, org->id);
    int rc = key ? STORE_CALL(app->store, org_set_webhook, org->id, url, mode, secret) : STORE_ERROR;
    if (rc != STORE_OK)
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
    else
        http_resp_json(resp, 200, json_pack("{s:s,s:s?,s:i,s:s}", "message", "success", "webhook_url",
                                            url, "webhook_mode", mode, "signing_secret", key));
    free(key);
    return rc == STORE_OK ? 0 : -1;
}

/* POST update_webhook: {"webhook_url", "webhook_mode"?, "secret"?}. The
 * answer adds the key deliveries are signed with (docs/webhooks.md). */
static enum http_result update_webhook(struct http_req *req, struct http_resp *resp)
{
    struct org org;
    if (api_auth_key_and_hash(req, resp, &org))
        return HTTP_DONE;
    api_webhook_configure(req->app, &org, req->json, resp);
    org_clear(&org);
    return HTTP_DONE;
}

static json_t *ts_json(int64_t t)
{
    if (!t)
        return json_null();
    char buf[32];
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return json_string(buf);
}

json_t *api_delivery_json(const struct webhook_delivery *d)
{
    json_t *payload = json_loads(d->payload, 0, NULL);
    return json_pack("{s:s,s:s,s:s?,s:s,s:s,s:i,s:o,s:s?,s:o,s:o,s:o,s:o,s:s?,s:o}", "id", d->id,
                     "event_name", d->event, "session_id", d->session_id[0] ? d->session_id : NULL,
                     "url", d->url, "status", webhook_status_name(d->status), "attempts", d->attempts,
                     "response_code", d->response_code ? json_integer(d->response_code) : json_null(),
                     "last_error",
                     d->last_error[0] ? d->last_error : NULL, "created_at", ts_json(d->created_at),
                     "last_attempt_at", ts_json(d->last_attempt_at), "next_attempt_at",
                     d->status == WEBHOOK_PENDING ? ts_json(d->next_attempt_at) : json_null(),
                     "delivered_at", ts_json(d->delivered_at), "replay_of",
                     d->replay_of[0] ? d->replay_of : NULL, "payload",
                     payload ? payload : json_null());
}

/* GET webhook_deliveries/?session_id=&limit=: newest first. */
static enum http_result list_deliveries(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct org org;
    if (api_auth_key_and_hash(req, resp, &org))
        return HTTP_DONE;
    const char *sid = http_req_query(req, "session_id");
    const char *l = http_req_query(req, "limit");
    long max = l ? strtol(l, NULL, 10) : 50;
    if (max < 1 || max > DELIVERIES_MAX)
        max = DELIVERIES_MAX;
    if (sid && *sid && !uuid_valid(sid)) {
        org_clear(&org);
        http_resp_error(resp, 404, "SESSION_NOT_FOUND", "The provided session ID is invalid");
        return HTTP_DONE;
    }
    struct webhook_delivery *ds = calloc((size_t)max, sizeof *ds);
    size_t n = 0;
    int rc = ds ? STORE_CALL(app->store, webhook_list, org.id, sid && *sid ? sid : NULL, ds,
                             (size_t)max, &n)
                : STORE_ERROR;
    if (rc != STORE_OK) {
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
    } else {
        json_t *arr = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(arr, api_delivery_json(&ds[i]));
        http_resp_json(resp, 200, json_pack("{s:I,s:o}", "count", (json_int_t)n, "deliveries", arr));
    }
    for (size_t i = 0; i < n; i++)
        webhook_delivery_clear(&ds[i]);
    free(ds);
    org_clear(&org);
    return HTTP_DONE;
}

int api_webhook_replay(struct app *app, const struct org *org, const char *id, char new_id[PB_UUID_BUF])
{
    struct webhook_delivery old, d;
    memset(&d, 0, sizeof d);
    int rc = uuid_valid(id) ? STORE_CALL(app->store, webhook_get, org->id, id, &old) : STORE_NOT_FOUND;
    if (rc != STORE_OK)
        return rc == STORE_NOT_FOUND ? STORE_NOT_FOUND : -1;
    json_t *payload = json_loads(old.payload, 0, NULL);
    int prep = notify_prepare(org, old.session_id[0] ? old.session_id : NULL, old.event, payload, NOTIFY_SRC_ALL,
                              pb_now(), &d);
    if (prep == 0) {
        d.dedupe_key[0] = '\0';  /* a replay is deliberately a second delivery */
        snprintf(d.replay_of, sizeof d.replay_of, "%s", old.id);
        rc = STORE_CALL(app->store, webhook_insert, &d);
        snprintf(new_id, PB_UUID_BUF, "%s", d.id);
    }
    webhook_delivery_clear(&d);
    webhook_delivery_clear(&old);
    if (prep)
        return prep > 0 ? 1 : -1;
    if (rc != STORE_OK)
        return -1;
    notify_kick();
    return 0;
}

/* POST webhook_deliveries/<id>/replay/: queues the same body again, as a
 * new delivery to the organisation's current webhook_url. */
static enum http_result replay_delivery(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct org org;
    if (api_auth_key_and_hash(req, resp, &org))
        return HTTP_DONE;
    char id[PB_UUID_BUF];
    int rc = api_webhook_replay(app, &org, req->params[0], id);
    if (rc == STORE_NOT_FOUND)
        http_resp_error(resp, 404, "DELIVERY_NOT_FOUND", "No such webhook delivery");
    else if (rc > 0)
        http_resp_error(resp, 400, "WEBHOOK_NOT_CONFIGURED", "Set a webhook_url with update_webhook first");
    else if (rc < 0)
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
    else
        http_resp_json(resp, 202, json_pack("{s:s,s:s,s:s}", "message", "queued", "delivery_id", id, "replay_of",
                                            req->params[0]));
    org_clear(&org);
    return HTTP_DONE;
}

const struct route WEBHOOK_ROUTES[] = {
    ROUTE_POST_JSON("/bank-connect/v1/session_data/update_webhook/", update_webhook),
    ROUTE_GET("/bank-connect/v1/session_data/webhook_deliveries/", list_deliveries),
    ROUTE_POST("/bank-connect/v1/session_data/webhook_deliveries/<id>/replay/", replay_delivery),
};
const size_t WEBHOOK_NROUTES = sizeof WEBHOOK_ROUTES / sizeof WEBHOOK_ROUTES[0];
