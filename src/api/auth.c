/* Organisation authentication: a lookup by the key's hash on every
 * request (an indexed read), so a key created or rotated by
 * `passbook org` in another process works at once. */
#include <string.h>

#include "api/api.h"
#include "core/entity.h"
#include "util/log.h"

static int deny_401(struct http_resp *resp)
{
    http_resp_error(resp, 401, "AUTHENTICATION_CREDENTIALS_NOT_PROVIDED",
                    "Authentication credentials were not provided");
    return -1;
}

static int deny_403(struct http_resp *resp)
{
    http_resp_error(resp, 403, "ACCESS_DENIED", "Authentication credentials were not provided");
    return -1;
}

static int internal(struct http_resp *resp)
{
    http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
    return -1;
}

/* 1: found, 0: no such key, -1: store error. */
int api_find_org(struct app *app, const char *key, struct org *org)
{
    char hash[PB_SHA256_HEX];
    if (!key || !*key || strlen(key) > 256)
        return 0;
    org_hash_secret(key, hash);
    int rc = STORE_CALL(app->store, org_find_by_key_hash, hash, org);
    if (rc == STORE_NOT_FOUND)
        return 0;
    if (rc != STORE_OK)
        return -1;
    /* The index found the row; compare anyway in constant time so no
     * code path depends on a partial match. */
    if (!secret_equal(org->api_key_hash, hash)) {
        org_clear(org);
        return 0;
    }
    return 1;
}

int api_auth_key(struct http_req *req, struct http_resp *resp, struct org *org)
{
    struct app *app = req->app;
    const char *key = NULL;
    json_t *jk = req->json ? json_object_get(req->json, "api_key") : NULL;
    if (jk && json_is_string(jk) && json_string_length(jk) > 0)
        key = json_string_value(jk);
    else if (jk && !json_is_null(jk) && !json_is_string(jk))
        return deny_401(resp); /* a key that is not a string cannot be right */
    if (!key)
        key = http_req_header(req, "x-api-key");
    int found = api_find_org(app, key, org);
    return found < 0 ? internal(resp) : found ? 0 : deny_401(resp);
}

int api_auth_key_and_hash(struct http_req *req, struct http_resp *resp, struct org *org)
{
    struct app *app = req->app;
    const char *sh = http_req_header(req, "server-hash");
    int found = api_find_org(app, http_req_header(req, "x-api-key"), org);
    if (found < 0)
        return internal(resp);
    if (!found)
        return deny_403(resp);
    char hash[PB_SHA256_HEX];
    org_hash_secret(sh ? sh : "", hash);
    if (!sh || !secret_equal(org->server_hash_hash, hash)) {
        org_clear(org);
        return deny_403(resp);
    }
    return 0;
}

int api_session_lookup(struct app *app, const char *raw_id, const char *org_id, struct session *s)
{
    char id[PB_UUID_BUF];
    if (!uuid_lower(raw_id, id))
        return STORE_NOT_FOUND;
    int rc = STORE_CALL(app->store, session_get, id, org_id, s);
    if (rc == STORE_OK && entity_session(s)) { /* an entity's: reachable only as the entity */
        session_clear(s);
        rc = STORE_NOT_FOUND;
    }
    return rc;
}
