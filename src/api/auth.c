/* Organisation authentication: a lookup by the key's hash on every
 * request (an indexed read), so a key created or rotated by
 * `passbook org` in another process works at once. Session create alone
 * authorises from a cache (api/key_cache.c) and has its insert check the
 * key at commit. */
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

void api_refuse_key(struct http_resp *resp)
{
    deny_401(resp);
}

static bool key_plausible(const char *key)
{
    return key && *key && strlen(key) <= 256;
}

/* 1: found, 0: no such key, -1: store error. */
static int find_by_hash(struct app *app, const char *hash, struct org *org)
{
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

int api_find_org(struct app *app, const char *key, struct org *org)
{
    char hash[PB_SHA256_HEX];
    if (!key_plausible(key))
        return 0;
    org_hash_secret(key, hash);
    return find_by_hash(app, hash, org);
}

/* The key a session create presents: the body's api_key, else the
 * x-api-key header; -1 when the body's is no string. */
static int presented_key(struct http_req *req, const char **key)
{
    *key = NULL;
    json_t *jk = req->json ? json_object_get(req->json, "api_key") : NULL;
    if (jk && json_is_string(jk) && json_string_length(jk) > 0)
        *key = json_string_value(jk);
    else if (jk && !json_is_null(jk) && !json_is_string(jk))
        return -1; /* a key that is not a string cannot be right */
    if (!*key)
        *key = http_req_header(req, "x-api-key");
    return 0;
}

int api_auth_key(struct http_req *req, struct http_resp *resp, struct org *org)
{
    const char *key;
    if (presented_key(req, &key))
        return deny_401(resp);
    int found = api_find_org(req->app, key, org);
    return found < 0 ? internal(resp) : found ? 0 : deny_401(resp);
}

int api_auth_key_cached(struct http_req *req, struct http_resp *resp, struct org *org, bool use_cache,
                        bool *cached)
{
    const char *key;
    char hash[PB_SHA256_HEX];
    *cached = false;
    if (presented_key(req, &key) || !key_plausible(key))
        return deny_401(resp);
    org_hash_secret(key, hash);
    if (use_cache && key_cache_get(hash, org)) {
        *cached = true;
        return 0;
    }
    int found = find_by_hash(req->app, hash, org);
    if (found > 0)
        key_cache_put(org);
    else if (found == 0)
        key_cache_forget(hash);
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
