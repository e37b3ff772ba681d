/* POST /bank-connect/v1/session/ and /v2/session/: create a session.
 *
 * Order: (HTTP layer: route, method, content type, size, JSON syntax) ->
 * API key (401) -> fields (core/session_req.c) -> durable insert. The 200
 * is sent only after the insert is committed: the handler queues it on the
 * store's group commit and returns HTTP_ASYNC; the connection is resumed
 * from the commit callback.
 *
 * The key is looked up in the node's cache of keys (api/key_cache.c); the
 * insert checks it, and the session's mode, again at its commit, so a key
 * rotated or revoked anywhere creates nothing from then on (401; 403 when
 * only the mode was turned off). Every other answer but the 200 is decided
 * on the key as stored: a request the cached organisation would refuse is
 * checked again against the store. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "core/session.h"
#include "journey/lang.h"
#include "util/log.h"
#include "util/clock.h"
#include "util/json_text.h"

struct pending_create {
    struct http_req *req;
    struct http_resp *resp;
    struct session s;
    struct session_insert ins;
    char key_hash[PB_SHA256_HEX];
};

/* On the store's thread that acknowledges the commit: keep it short. */
static void create_committed(void *arg, int rc)
{
    struct pending_create *pc = arg;
    struct http_req *req = pc->req;
    if (rc == STORE_NOT_FOUND) { /* the key or the mode went since the key was read */
        key_cache_forget(pc->key_hash);
        if (pc->ins.refused == GRANT_MODE_OFF) {
            struct api_error err;
            session_req_mode_not_enabled(&err);
            http_resp_error(pc->resp, err.status, err.code, "%s", err.message);
        } else {
            api_refuse_key(pc->resp);
        }
    } else if (rc == STORE_FULL) /* nothing stored; worth retrying once space returns */
        http_resp_error(pc->resp, 507, "INSUFFICIENT_STORAGE", "The server is out of storage space; try again later");
    else if (rc != STORE_OK) {
        log_error("session msg=\"insert failed\" rc=%d", rc);
        http_resp_error(pc->resp, 500, "INTERNAL_ERROR", "Something went wrong");
    }
    session_clear(&pc->s);
    free(pc);
    http_req_resume(req);
}

static enum http_result create_session(struct http_req *req, struct http_resp *resp, int version)
{
    struct app *app = req->app;
    struct pending_create *pc = calloc(1, sizeof *pc);
    if (!pc) {
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
        return HTTP_DONE;
    }
    struct org org;
    const char *lang = NULL; /* Passbook's own field: the hosted page's language */
    for (bool use_cache = true, cached;; use_cache = false) {
        if (api_auth_key_cached(req, resp, &org, use_cache, &cached)) {
            free(pc);
            return HTTP_DONE;
        }
        struct api_error err;
        if (!journey_language_param(req->json, &lang, &err) &&
            !session_req_parse(req->json, version, pb_today_ist(), org.modes, &pc->s.req, &err))
            break;
        org_clear(&org);
        if (!cached) { /* refused on the organisation as stored */
            http_resp_error(resp, err.status, err.code, "%s", err.message);
            free(pc);
            return HTTP_DONE;
        }
    }
    memcpy(pc->key_hash, org.api_key_hash, sizeof pc->key_hash);
    struct session *s = &pc->s;
    if (!uuid_timed(s->id, pb_now_ms())) {
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
        session_clear(s);
        org_clear(&org);
        free(pc);
        return HTTP_DONE;
    }
    snprintf(s->org_id, sizeof s->org_id, "%s", org.id);
    org_clear(&org);
    s->created_at = pb_now();
    s->expires_at = s->created_at + (int64_t)s->req.session_expiry_min * 60;
    s->state = SESSION_OPEN;
    /* The answer is built here, on a server thread, so the store's threads
     * only commit; the callback replaces it with a 500 if the commit fails. */
    char *url = session_redirect_url(app->public_url, s, app->token_secret);
    if (url && lang) {
        char *with_lang = NULL;
        if (asprintf(&with_lang, "%s&lang=%s", url, lang) < 0)
            with_lang = NULL;
        free(url);
        url = with_lang;
    }
    const char *members[] = {"session_id", s->id, "redirect_url", url};
    size_t len;
    char *body = url ? json_text_strings(members, 2, &len) : NULL;
    if (body)
        http_resp_take(resp, 200, "application/json", body, len);
    else
        http_resp_json(resp, 200, NULL); /* its 500 */
    free(url);
    pc->req = req;
    pc->resp = resp;
    /* From here pc and resp belong to the commit callback. */
    pc->ins.s = s;
    pc->ins.api_key_hash = pc->key_hash;
    STORE_CALL(app->store, session_insert_async, &pc->ins, create_committed, pc);
    return HTTP_ASYNC;
}

static enum http_result create_v1(struct http_req *req, struct http_resp *resp)
{
    return create_session(req, resp, 1);
}

static enum http_result create_v2(struct http_req *req, struct http_resp *resp)
{
    return create_session(req, resp, 2);
}

const struct route SESSION_ROUTES[] = {
    ROUTE_POST_JSON("/bank-connect/v1/session/", create_v1),
    ROUTE_POST_JSON("/bank-connect/v2/session/", create_v2),
};
const size_t SESSION_NROUTES = sizeof SESSION_ROUTES / sizeof SESSION_ROUTES[0];
