/* The HTTP API: the application context every handler sees (req->app),
 * authentication helpers, and the route tables, one per endpoint family
 * (one file each under src/api/). */
#ifndef PB_API_API_H
#define PB_API_API_H

#include <stdbool.h>
#include <stddef.h>

#include "aa/aa.h"
#include "core/org.h"
#include "http/http.h"
#include "http/router.h"
#include "ingest/ingest.h"
#include "jobs/pool.h"
#include "store/store.h"
#include "util/keyfile.h"

struct app {
    struct store *store;
    const char *public_url;     /* base of redirect URLs, no trailing slash needed */
    const char *data_dir;
    const struct keyfile *keys; /* the server keys (cli/keys.h), apart from the data */
    const char *token_secret;   /* signs v2 redirect tokens (key file) */
    const char *journey_key;    /* signs journey tokens (key file) */
    bool allow_private_urls;    /* file_url / webhooks may reach private addresses */
    size_t max_body;            /* JSON body limit */
    /* Statements (issue 5): see ingest/ingest.h, api/upload.c, jobs/. */
    struct ingest_env ingest;   /* store, blob store, password sealing key */
    struct work_pool *ingest_pool; /* extracts and stores uploads off the HTTP threads */
    struct work_pool *fetch_pool;  /* downloads file_url bodies off the ingest pool */
    struct work_pool *report_pool; /* runs heavy reads off the HTTP threads (api_offload) */
    size_t max_upload;          /* largest file as sent (BASE64 text included) */
    int fetch_timeout_s;        /* file_url download limit */
    const char *link_secret;    /* signs get_pdfs/ and report links (key file) */
    int link_ttl_s;             /* how long a signed link works */
    int pdf_retention_days;     /* uploaded PDFs are deleted after this (the page tells customers) */
    const struct aa_config *aa; /* Account Aggregator (src/aa/aa.h); off unless --aa-url */
};

/* Runs the synchronous handler fn on the report pool and answers when it
 * is done (HTTP_ASYNC); inline when there is no pool. For handlers that
 * compute or read much: insights, workbooks, transactions, PDF files. */
enum http_result api_offload(struct http_req *req, struct http_resp *resp, http_handler fn);
/* Defines fn_off, the handler a route names to run fn by api_offload. */
#define API_OFFLOADED(fn)                                                                  \
    static enum http_result fn##_off(struct http_req *req, struct http_resp *resp)       \
    {                                                                                    \
        return api_offload(req, resp, fn);                                               \
    }

/* Embedded files (api/asset.c). The file at path (relative to data/) as
 * the answer with status, typed by its extension; 404 NOT_FOUND when the
 * binary holds none. */
enum http_result api_embedded(struct http_resp *resp, const char *path, int status);
/* A GET of dir's asset named by the route's <file> (no-cache, nosniff),
 * else of the one data/common/ holds for every page (base.css). Pages
 * (.html) are refused, as is any name leaving dir: each page has its own
 * route and headers. */
enum http_result api_asset(struct http_req *req, struct http_resp *resp, const char *dir);

/* Registers every API route. Returns 0, or -1 on a bad route table. */
int api_register(struct router *r);

/* Authentication, in the validation order after JSON syntax. Each returns
 * 0 with *org filled (clear with org_clear), or -1 with resp filled. */

/* The API key from the JSON body's api_key or the x-api-key header
 * (session create). 401 AUTHENTICATION_CREDENTIALS_NOT_PROVIDED when
 * missing or wrong. */
int api_auth_key(struct http_req *req, struct http_resp *resp, struct org *org);
/* x-api-key and server-hash headers (session_data, catalogue): 403
 * ACCESS_DENIED when either is missing or wrong, as the reference lists. */
int api_auth_key_and_hash(struct http_req *req, struct http_resp *resp, struct org *org);
/* The organisation whose API key is key: 1 found (*org filled), 0 no such
 * key, -1 store error. */
int api_find_org(struct app *app, const char *key, struct org *org);
/* api_auth_key for session create, from the node's cache of keys when
 * use_cache (*cached then says whether it came from there): only org's
 * id, api_key_hash and modes are filled then; the create's insert checks
 * the key again (store.h, struct session_insert). */
int api_auth_key_cached(struct http_req *req, struct http_resp *resp, struct org *org, bool use_cache,
                        bool *cached);
/* The 401 of a key that is missing or wrong. */
void api_refuse_key(struct http_resp *resp);
/* The cache of keys (api/key_cache.c), by stored hash: get fills org's id,
 * api_key_hash and modes (the rest zero); forget drops a key whose create
 * the store refused. */
bool key_cache_get(const char *hash, struct org *out);
void key_cache_put(const struct org *o);
void key_cache_forget(const char *hash);

/* The session named by the route's <id>, for the caller (x-api-key +
 * server-hash): 0 with *s (session_clear) and, when org_out is not NULL,
 * the caller's org (org_clear); or -1 with resp filled (403, 404
 * SESSION_NOT_FOUND for unknown and foreign sessions alike, 410
 * SESSION_DELETED). */
int api_load_session(struct http_req *req, struct http_resp *resp, struct session *s, struct org *org_out);
/* The session whose id a client sent (any case) and, when org_id is not
 * NULL, that org_id owns: a store_rc; STORE_NOT_FOUND also for a
 * malformed id. Clear *s with session_clear. */
int api_session_lookup(struct app *app, const char *raw_id, const char *org_id, struct session *s);

/* One upload on the ingest pool, shared by upload_session/ and the
 * journey's upload: after the session's and the file's checks, ingests
 * the form's file (or downloads its file_url) off the HTTP threads and
 * answers through a (the two routes answer differently). Takes *s (cleared
 * in every case). Returns HTTP_ASYNC, or HTTP_DONE with a refusal. */
struct upload_form;
struct upload_answer {
    /* An accepted statement; takes result (the upload response). */
    void (*ok)(struct http_resp *resp, struct app *app, const struct session *s,
               const struct upload_form *f, json_t *result);
    void (*fail)(struct http_resp *resp, const struct session *s, const struct upload_form *f,
                 const struct api_error *err);
};
enum http_result api_upload_start(struct http_req *req, struct http_resp *resp, struct session *s,
                                  struct upload_form *f, bool want_progress, const struct upload_answer *a);

/* 0 when url may be fetched (net_url_check_resolved: syntax, and no
 * private, loopback or link-local address, literal or resolved now, unless
 * the server runs with --allow-private-urls); else -1 with err: 400 code,
 * message, and for a refused address the reason and the flag that allows
 * it. For the URLs lenders give: file_url, webhook_url. */
int api_url_refused(const struct app *app, const char *url, const char *code, const char *message,
                    struct api_error *err);

/* The fields of a small POST body sent as JSON, multipart/form-data or
 * application/x-www-form-urlencoded (a route with BODY_RAW and
 * API_FORM_TYPES): one JSON object (form values are strings), or NULL for
 * a body that is none of these. */
extern const char *const API_FORM_TYPES[];
json_t *api_form_fields(struct http_req *req);

/* update_webhook/ of both flows: sets org's webhook from body
 * ({"webhook_url", "webhook_mode"?, "secret"?}) and answers 200 with the
 * signing secret, or 400 (a refused address: api_url_refused) / 500.
 * Returns 0 or -1. */
int api_webhook_configure(struct app *app, const struct org *org, const json_t *body, struct http_resp *resp);

/* 0 once processing finished; else -1 with 400 PROCESSING_NOT_REQUESTED
 * or PROCESSING_NOT_COMPLETED in resp. */
int api_require_processed(const struct session *s, struct http_resp *resp);

/* The legacy entity flow (entity.c, entity_upload.c; core/entity.h). */
struct entity;
/* x-api-key (and server-hash when sent): 0 with *org, or -1 with 401
 * {"detail": "Authentication credentials were not provided."}. */
int api_entity_auth(struct http_req *req, struct http_resp *resp, struct org *org);
/* org_id's entity raw_id (any case): a store_rc (NOT_FOUND for malformed). */
int api_entity_find(struct app *app, const char *raw_id, const char *org_id, struct entity *e);
/* {entity_id, link_id, meta_data} */
json_t *api_entity_json(const struct entity *e);
/* Queues the analysis of e after statement_id's upload (once). 0 or -1. */
int api_entity_queue(struct app *app, const struct entity *e, const char *statement_id);
/* Every entity webhook payload of link_id's entities, newest first, with
 * date_time; NULL on a store error. */
json_t *api_entity_payloads(struct app *app, const char *org_id, const char *link_id);
/* s percent-encoded for a query string (malloc'd). */
char *api_query_escape(const char *s);

/* Webhooks (api/webhook.c), shared with the console. */
/* One delivery as webhook_deliveries/ lists it (new reference). */
json_t *api_delivery_json(const struct webhook_delivery *d);
/* Queues org's delivery id again to its current webhook_url: 0 (new_id
 * set), STORE_NOT_FOUND (no such delivery of org), 1 (no webhook_url
 * configured) or -1 (error). */
int api_webhook_replay(struct app *app, const struct org *org, const char *id, char new_id[PB_UUID_BUF]);

/* Route tables of the endpoint families. */
extern const struct route HEALTH_ROUTES[];
extern const size_t HEALTH_NROUTES;
extern const struct route SESSION_ROUTES[];
extern const size_t SESSION_NROUTES;
extern const struct route SESSION_DATA_ROUTES[];
extern const size_t SESSION_DATA_NROUTES;
extern const struct route BANKS_ROUTES[];
extern const size_t BANKS_NROUTES;
extern const struct route JOURNEY_ROUTES[];   /* "/", assets, SDK, /journey/v1/ */
extern const size_t JOURNEY_NROUTES;
extern const struct route WEBHOOK_ROUTES[];
extern const size_t WEBHOOK_NROUTES;
/* The statement upload routes (also ENTITY_UPLOAD_ROUTES): max_body
 * ROUTE_UPLOAD_BODY, the server's limit from --max-upload-bytes. */
extern const struct route JOURNEY_UPLOAD_ROUTES[];
extern const size_t JOURNEY_UPLOAD_NROUTES;
extern const struct route UPLOAD_ROUTES[];
extern const size_t UPLOAD_NROUTES;
/* The body an upload of max_upload bytes may take as sent (the server's
 * http_config.max_upload_body). */
size_t api_upload_body_limit(size_t max_upload);
extern const struct route SESSION_LIST_ROUTES[];
extern const size_t SESSION_LIST_NROUTES;
extern const struct route ENTITY_ROUTES[];
extern const size_t ENTITY_NROUTES;
extern const struct route ENTITY_UPLOAD_ROUTES[];
extern const size_t ENTITY_UPLOAD_NROUTES;
/* The lender console (api/console*.c): its page, sign-in, session views, admin. */
extern const struct route CONSOLE_ROUTES[];
extern const size_t CONSOLE_NROUTES;
extern const struct route CONSOLE_SESSION_ROUTES[];
extern const size_t CONSOLE_SESSION_NROUTES;
extern const struct route CONSOLE_LIST_ROUTES[];
extern const size_t CONSOLE_LIST_NROUTES;
extern const struct route CONSOLE_ADMIN_ROUTES[];
extern const size_t CONSOLE_ADMIN_NROUTES;
extern const struct route AA_ROUTES[];          /* the FIU callbacks (aa.c) */
extern const size_t AA_NROUTES;
extern const struct route JOURNEY_AA_ROUTES[];  /* the page's AA path (journey_aa.c) */
extern const size_t JOURNEY_AA_NROUTES;
extern const struct route SESSION_OUTPUT_ROUTES[];
extern const size_t SESSION_OUTPUT_NROUTES;

#endif
