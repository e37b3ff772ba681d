/* The hosted journey: the page at "/" (the target of every redirect_url),
 * its embedded assets, the JavaScript SDK, and the session-scoped journey
 * API the page calls (docs/journey.md). Authorised by the session (its id,
 * plus the signed token for v2 sessions) through a short-lived journey
 * token, never by an organisation's API key; rate-limited per client IP
 * and per session. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "ingest/accounts_json.h"
#include "api/api.h"
#include "api/journey_int.h"
#include "api/upload_form.h"
#include "core/bank.h"
#include "core/session.h"
#include "ingest/ingest.h"
#include "jobs/pool.h"
#include "journey/banks.h"
#include "journey/branding.h"
#include "journey/consent.h"
#include "journey/lang.h"
#include "journey/mu.h"
#include "journey/token.h"
#include "notify/notify.h"
#include "util/date.h"
#include "util/log.h"
#include "util/clock.h"
#include "net/url.h"

/* Events per minute (docs/journey.md, "Rate limits"). A request that
 * proved its session counts against that session; a failed credential
 * counts, once checked, against the client (and the session it named),
 * and only failing requests are refused for failures: nobody's flood or
 * bad guesses can refuse another customer's valid request, even when all
 * arrive from one proxy address. Counters live in the store (rate_count),
 * so several nodes share them. */
#define RL_SESSION_ALL 120
#define RL_SESSION_UPLOAD 30
#define RL_SESSION_TOKEN 30
#define RL_FAILURES 60

/* The page's policy; img-src gets the origins of the session's and the
 * organisation's logo (the browser fetches the logo itself, from that
 * origin only: docs/journey.md, "The lender's brand"). */
#define PAGE_CSP_FMT                                                                              \
    "default-src 'self'; img-src 'self' data:%s; connect-src 'self'; style-src 'self'; "       \
    "script-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'"

static const char *journey_key(struct app *app)
{
    return app->journey_key; /* the key file's, shared by every node that has it */
}

static void too_many(struct http_resp *resp)
{
    http_resp_error(resp, 429, "RATE_LIMITED", "Too many requests; try again in a minute");
    http_resp_header(resp, "Retry-After", "60");
}

/* Counts one event for kind:who this minute; true when that goes past
 * per_minute (a store error counts as within: limits never lock out). */
static bool over(struct app *app, const char *kind, const char *who, int per_minute)
{
    char key[96];
    int n = 0;
    snprintf(key, sizeof key, "%s:%s", kind, who);
    return STORE_CALL(app->store, rate_count, key, 60, pb_now(), true, &n) == STORE_OK && n > per_minute;
}

/* A credential failed its check: counted against the client and, when one
 * was named, the session; the answer is 401, or 429 while the client or
 * the session is past RL_FAILURES. resp holds the 401 already. */
static void failed(struct http_req *req, struct http_resp *resp, const char *session_id)
{
    struct app *app = req->app;
    char client[64];
    bool client_over = over(app, "f", http_req_client_ip(req, client, sizeof client), RL_FAILURES);
    bool session_over = session_id && over(app, "fs", session_id, RL_FAILURES);
    if (client_over || session_over)
        too_many(resp);
}

/* Counts a request of a proven session; fills a 429 and returns -1 past the limit. */
static int session_limit(struct http_req *req, struct http_resp *resp, const char *kind,
                         const char *session_id, int per_minute)
{
    if (!over(req->app, kind, session_id, per_minute))
        return 0;
    too_many(resp);
    return -1;
}

void journey_no_store(struct http_resp *resp)
{
    http_resp_header(resp, "Cache-Control", "no-store");
}

/* ---- the lender's brand ---- */

/* The brand a session's pages show: the organisation's display name (else
 * its name), the session's logo_url (else the organisation's), the accent
 * colour. New reference; JSON null when the organisation is unknown. */
static json_t *brand_json(struct app *app, const struct session *s, const struct branding *b)
{
    struct org org;
    if (STORE_CALL(app->store, org_get, s->org_id, &org) != STORE_OK)
        return json_null();
    json_t *o = json_pack("{s:s,s:s?,s:s?}", "name", b->display_name ? b->display_name : org.name,
                          "logo_url", s->req.logo_url ? s->req.logo_url : b->logo_url, "accent",
                          b->accent);
    org_clear(&org);
    return o ? o : json_null();
}

/* The origin ("https://host:port") of an absolute http(s) URL into out, or
 * "" when url is NULL or not one. */
static void origin_of(const char *url, char *out, size_t len)
{
    struct url_parts p;
    out[0] = '\0';
    if (!url || !url_check(url, strlen(url), &p))
        return;
    bool v6 = strchr(p.host, ':') != NULL;
    snprintf(out, len, "%s://%s%s%s:%d", p.https ? "https" : "http", v6 ? "[" : "", p.host,
             v6 ? "]" : "", p.port);
}

/* ---- loading and checking the session ---- */

/* Refuses what the journey may not touch: 410 SESSION_DELETED, 409
 * SESSION_COMPLETED, 410 SESSION_EXPIRED. Returns true with resp filled
 * (with the lender's brand when with_brand, so that even a dead end shows
 * whose link it was), false when the session is usable. */
static bool journey_refuse(struct app *app, const struct session *s, struct http_resp *resp,
                           bool with_brand)
{
    int status;
    const char *code, *msg;
    if (s->deleted_at) {
        status = 410, code = "SESSION_DELETED", msg = "The provided session ID has been deleted";
    } else if (s->state != SESSION_OPEN || s->completion_notified_at) {
        status = 409, code = "SESSION_COMPLETED", msg = "This session has already been submitted";
    } else if (session_expired(s, pb_now())) {
        status = 410, code = "SESSION_EXPIRED", msg = "This session has expired";
    } else {
        return false;
    }
    if (!with_brand) {
        http_resp_error(resp, status, code, "%s", msg);
        return true;
    }
    struct branding b;
    if (branding_load(app->store, s->org_id, &b) != STORE_OK)
        memset(&b, 0, sizeof b);
    http_resp_json(resp, status, json_pack("{s:{s:s,s:s},s:o}", "error", "code", code, "message", msg,
                                           "brand", brand_json(app, s, &b)));
    branding_clear(&b);
    resp->error_code = code;
    return true;
}

/* Loads session id for the journey and refuses what the journey may not
 * touch. Returns 0, or -1 with resp filled. Clear *s with session_clear. */
static int journey_session(struct app *app, const char *id, struct session *s,
                           struct http_resp *resp)
{
    int rc = api_session_lookup(app, id, NULL, s);
    if (rc == STORE_NOT_FOUND)
        goto unauthorised;
    if (rc != STORE_OK) {
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
        return -1;
    }
    if (!journey_refuse(app, s, resp, false))
        return 0;
    session_clear(s);
    return -1;
unauthorised:
    http_resp_error(resp, 401, "JOURNEY_UNAUTHORIZED", "This link is not valid");
    return -1;
}

/* Authorises a journey API call: rate limits, then the bearer journey
 * token, then the session's state. Returns 0 with *s loaded, or -1. */
int journey_auth(struct http_req *req, struct http_resp *resp, struct session *s, int upload_limit)
{
    struct app *app = req->app;
    const char *key = journey_key(app);
    if (!key) {
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
        return -1;
    }
    const char *auth = http_req_header(req, "authorization");
    char sid[PB_UUID_BUF];
    if (!auth || strncasecmp(auth, "Bearer ", 7) ||
        !journey_token_check(key, auth + 7, pb_now(), sid)) {
        http_resp_error(resp, 401, "JOURNEY_UNAUTHORIZED", "This link is not valid");
        failed(req, resp, NULL);
        return -1;
    }
    if (session_limit(req, resp, "s", sid, RL_SESSION_ALL))
        return -1;
    if (upload_limit && session_limit(req, resp, "su", sid, upload_limit))
        return -1;
    return journey_session(app, sid, s, resp);
}

/* The statements accepted so far (the page's list), the expected months
 * some account still misses and whether the uploads meet the lender's
 * criterion: the same upload_state as session_upload_status/. New
 * references in *statements and *missing. Returns 0 or -1 on a store error. */
int journey_uploaded(struct app *app, const struct session *s, json_t **statements, json_t **missing,
                     bool *complete)
{
    struct upload_state u;
    if (upload_state_load(app->store, s, &u))
        return -1;
    *statements = json_array();
    size_t i, k;
    json_t *a, *st;
    json_array_foreach(u.accounts, i, a) {
        const char *bank = json_string_value(json_object_get(a, "bank_name"));
        json_t *months = json_object_get(a, "months");
        json_array_foreach(json_object_get(a, "statements"), k, st) {
            const char *status = json_string_value(json_object_get(st, "statement_status"));
            if (status && strcmp(status, "completed")) /* an AA account that could not be fetched */
                continue;
            json_array_append_new(*statements, json_pack(
                "{s:O?,s:O?,s:s?,s:s?,s:O?,s:O?,s:O?}", "statement_id", json_object_get(st, "statement_id"),
                "file_name", json_object_get(st, "upload_file_name"), "bank", bank, "bank_name",
                bank ? bank_full_name(bank) : NULL, "masked_account_number",
                json_object_get(a, "account_number"), "months", months, "source", json_object_get(st, "source")));
        }
    }
    *missing = json_array();
    for (int m = 0; m < u.nmissing; m++) {
        char ym[16];
        json_array_append_new(*missing, json_string(month_fmt_iso(u.missing[m], ym)));
    }
    if (complete)
        *complete = u.accepted;
    upload_state_clear(&u);
    return 0;
}

/* ---- the page and its assets ---- */

/* GET /?session_id=...[&token=...]: the page. A v2 session's link must
 * carry its valid token, else the same page comes with a 403 and says, in
 * the customer's language and the page's style, that the link is not valid
 * (its token exchange fails). Anything else about the session (expired,
 * unknown) is reported by the page itself through the journey API. */
static enum http_result root_page(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    const char *id = http_req_query(req, "session_id");
    struct session s;
    bool bad = false;
    char logos[2 * (URL_HOST_MAX + 34)] = "";
    if (id && api_session_lookup(app, id, NULL, &s) == STORE_OK) {
        bad = s.req.version == 2 &&
              !session_token_valid(app->token_secret, s.id, http_req_query(req, "token"));
        struct branding b;
        if (!bad && branding_load(app->store, s.org_id, &b) == STORE_OK) {
            char o1[URL_HOST_MAX + 32], o2[URL_HOST_MAX + 32];
            origin_of(s.req.logo_url, o1, sizeof o1);
            origin_of(b.logo_url, o2, sizeof o2);
            snprintf(logos, sizeof logos, "%s%s%s%s", o1[0] ? " " : "", o1, o2[0] ? " " : "", o2);
            branding_clear(&b);
        }
        session_clear(&s);
    }
    char csp[sizeof PAGE_CSP_FMT + sizeof logos];
    snprintf(csp, sizeof csp, PAGE_CSP_FMT, logos);
    api_embedded(resp, "journey/index.html", bad ? 403 : 200);
    http_resp_header(resp, "Content-Security-Policy", csp);
    http_resp_header(resp, "Referrer-Policy", "no-referrer");
    http_resp_header(resp, "X-Content-Type-Options", "nosniff");
    journey_no_store(resp);
    return HTTP_DONE;
}

static enum http_result journey_asset(struct http_req *req, struct http_resp *resp)
{
    return api_asset(req, resp, "journey");
}

static enum http_result sdk_asset(struct http_req *req, struct http_resp *resp)
{
    api_embedded(resp, "sdk/passbook.js", 200);
    http_resp_header(resp, "Access-Control-Allow-Origin", "*");
    http_resp_header(resp, "X-Content-Type-Options", "nosniff");
    http_resp_header(resp, "Cache-Control", "public, max-age=300");
    return HTTP_DONE;
}

/* ---- the journey API ---- */

int64_t journey_mint(const char *key, const struct session *s, char out[JOURNEY_TOKEN_BUF])
{
    int64_t now = pb_now();
    int64_t exp = now + JOURNEY_TOKEN_TTL;
    if (exp > s->expires_at)
        exp = s->expires_at;
    journey_token_mint(key, s->id, exp, out);
    return exp - now;
}

const char *journey_token_key(struct app *app)
{
    return journey_key(app);
}

/* POST /journey/v1/token {session_id, token}: the link's credentials for a
 * journey token valid for JOURNEY_TOKEN_TTL, never past the session's expiry. */
static enum http_result token_create(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    const char *key = journey_key(app);
    if (!key) {
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
        return HTTP_DONE;
    }
    const char *id = json_string_value(json_object_get(req->json, "session_id"));
    const char *token = json_string_value(json_object_get(req->json, "token"));
    struct session s;
    int rc = api_session_lookup(app, id, NULL, &s);
    if (rc != STORE_OK) {
        if (rc == STORE_NOT_FOUND) {
            http_resp_error(resp, 401, "JOURNEY_UNAUTHORIZED", "This link is not valid");
            failed(req, resp, NULL);
        } else {
            http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
        }
        return HTTP_DONE;
    }
    /* The link's credentials first: only their holder learns the session's
     * state and whose link it is. */
    if (s.req.version == 2 && !session_token_valid(app->token_secret, s.id, token)) {
        http_resp_error(resp, 401, "JOURNEY_UNAUTHORIZED", "This link is not valid");
        failed(req, resp, s.id);
        session_clear(&s);
        return HTTP_DONE;
    }
    if (journey_refuse(app, &s, resp, true)) {
        session_clear(&s);
        return HTTP_DONE;
    }
    if (session_limit(req, resp, "st", s.id, RL_SESSION_TOKEN)) {
        session_clear(&s);
        return HTTP_DONE;
    }
    char jt[JOURNEY_TOKEN_BUF];
    int64_t ttl = journey_mint(key, &s, jt);
    log_info("journey event=token session=%s", id_short(s.id));
    session_clear(&s);
    http_resp_json(resp, 200, json_pack("{s:s,s:I}", "journey_token", jt, "expires_in", (json_int_t)ttl));
    journey_no_store(resp);
    return HTTP_DONE;
}

/* {id, name, aa}: aa when the bank shares through the configured AA. */
static json_t *bank_entry(const struct app *app, const struct bank_info *b)
{
    char lower[64];
    return json_pack("{s:s,s:s,s:b}", "id", bank_id_lower(b, lower, sizeof lower), "name", b->full_name, "aa",
                     b->aa && aa_enabled(app->aa));
}

static json_t *bank_json(const struct app *app, const char *id)
{
    const struct bank_info *b = id ? bank_find(id) : NULL;
    return b ? bank_entry(app, b) : json_null();
}

static const char *mode_name(int mode)
{
    return mode == MODE_PDF ? "pdf" : mode == MODE_AA ? "aa" : mode == MODE_ONLINE ? "online" : NULL;
}

/* GET /journey/v1/session: what the page shows. */
static enum http_result session_info(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct session s;
    if (journey_auth(req, resp, &s, 0))
        return HTTP_DONE;
    struct org org;
    const char *org_name = NULL;
    bool have_org = STORE_CALL(app->store, org_get, s.org_id, &org) == STORE_OK;
    if (have_org)
        org_name = org.name;
    struct branding b;
    if (branding_load(app->store, s.org_id, &b) != STORE_OK)
        memset(&b, 0, sizeof b);
    if (b.display_name)
        org_name = b.display_name;
    char from[PB_DATE_BUF], to[PB_DATE_BUF], exp[32];
    json_t *expected = json_array();
    for (int i = 0; i < s.req.n_expected_months; i++) {
        char m[16];
        json_array_append_new(expected, json_string(month_fmt_iso(s.req.expected_months[i], m)));
    }
    json_t *statements = NULL, *missing = NULL;
    bool complete = false;
    if (journey_uploaded(app, &s, &statements, &missing, &complete)) {
        json_decref(expected);
        if (have_org)
            org_clear(&org);
        branding_clear(&b);
        session_clear(&s);
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
        return HTTP_DONE;
    }
    time_t t = (time_t)s.expires_at;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(exp, sizeof exp, "%Y-%m-%d %H:%M:%S", &tm);
    json_t *consent = consent_json(app->store, s.id);
    bool aa = aa_enabled(app->aa);
    json_t *body = json_pack(
        "{s:s,s:s,s:s?,s:s?,s:s,s:s,s:o,s:o,s:b,s:o,s:s?,s:s?,s:{s:b,s:b,s:b},s:s?,s:s,s:o,"
        "s:{s:s?,s:s?},s:{s:s,s:b,s:i,s:b},s:s?,s:b,s:o?}",
        "session_id", s.id, "link_id", s.req.link_id, "org_name", org_name, "logo_url",
        s.req.logo_url ? s.req.logo_url : b.logo_url, "from_date", date_fmt_iso(s.req.from_date, from), "to_date",
        date_fmt_iso(s.req.to_date, to), "expected_months", expected, "missing_months", missing,
        "complete", complete,
        "bank", bank_json(app, s.req.bank), "journey_mode", s.req.journey_mode, "mode",
        mode_name(s.req.mode), "modes", "pdf", 1, "aa", aa, "online", 0, "redirect_url",
        s.req.redirect_url, "expires_at", exp, "statements", statements, "brand", "accent", b.accent,
        "privacy_url", b.privacy_url, "consent", "version", consent_version(), "checkbox",
        b.consent_checkbox, "retention_days", app->pdf_retention_days, "given",
        !json_is_null(consent), "mobile_number", aa ? s.req.mobile_number : NULL, "mobile_editable",
        !s.req.mobile_number || s.req.is_mobile_field_editable, "aa",
        aa ? aa_session_status(app->store, s.id) : NULL);
    json_decref(consent);
    if (have_org)
        org_clear(&org);
    branding_clear(&b);
    session_clear(&s);
    http_resp_json(resp, 200, body);
    journey_no_store(resp);
    return HTTP_DONE;
}

/* GET /journey/v1/banks?q=&limit=: the catalogue search of the bank picker. */
static enum http_result banks_search(struct http_req *req, struct http_resp *resp)
{
    struct session s;
    if (journey_auth(req, resp, &s, 0))
        return HTTP_DONE;
    session_clear(&s);
    const char *q = http_req_query(req, "q");
    const char *l = http_req_query(req, "limit");
    long max = l ? strtol(l, NULL, 10) : 30;
    if (max < 1 || max > JOURNEY_BANKS_MAX)
        max = JOURNEY_BANKS_MAX;
    if (q && strlen(q) > 100) {
        http_resp_error(resp, 400, "INVALID_REQUEST", "q, Ensure this field has no more than 100 characters.");
        return HTTP_DONE;
    }
    const struct bank_info *found[JOURNEY_BANKS_MAX];
    size_t n = journey_bank_search(q, found, (size_t)max);
    json_t *banks = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(banks, bank_entry(req->app, found[i]));
    http_resp_json(resp, 200, json_pack("{s:o}", "banks", banks));
    journey_no_store(resp);
    return HTTP_DONE;
}

/* POST /journey/v1/submit: the customer finished. Closes the journey and
 * queues SESSION_REQUIREMENT_COMPLETION_NOTIFICATION with the state change. */
static enum http_result submit(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct session s;
    if (journey_auth(req, resp, &s, 0))
        return HTTP_DONE;
    json_t *statements = NULL, *missing = NULL;
    int rc = journey_uploaded(app, &s, &statements, &missing, NULL);
    size_t n = rc ? 0 : json_array_size(statements);
    json_decref(statements);
    json_decref(missing);
    if (rc) {
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
    } else if (n == 0) {
        http_resp_error(resp, 400, "NO_STATEMENTS", "Add at least one statement before submitting");
    } else {
        rc = notify_completion(app->store, &s, pb_now());
        if (rc == STORE_OK) {
            log_info("journey event=submit session=%s statements=%zu", id_short(s.id), n);
            http_resp_json(resp, 200, json_pack("{s:s,s:s?}", "session_id", s.id, "redirect_url",
                                                s.req.redirect_url));
        } else if (rc == STORE_CONFLICT) {
            http_resp_error(resp, 409, "SESSION_COMPLETED", "This session has already been submitted");
        } else {
            http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
        }
    }
    session_clear(&s);
    journey_no_store(resp);
    return HTTP_DONE;
}

/* POST /journey/v1/consent {language}: the customer chose a file (or
 * ticked the box) after the trust text in that language: the consent
 * record (journey/consent.h); the first one stands. */
static enum http_result consent_give(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct session s;
    if (journey_auth(req, resp, &s, 0))
        return HTTP_DONE;
    const char *lang = journey_language_find(json_string_value(json_object_get(req->json, "language")));
    if (!lang) {
        http_resp_error(resp, 400, "INVALID_REQUEST", "language, Not a language of this page.");
    } else if (consent_record(app->store, s.id, lang, pb_now()) != STORE_OK) {
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
    } else {
        log_info("journey event=consent session=%s", id_short(s.id));
        http_resp_json(resp, 200, json_pack("{s:o}", "consent", consent_json(app->store, s.id)));
    }
    session_clear(&s);
    journey_no_store(resp);
    return HTTP_DONE;
}

/* POST /journey/v1/exit: the customer left. The session stays open until it
 * expires, so they may come back (reference §1.5). */
static enum http_result journey_exit(struct http_req *req, struct http_resp *resp)
{
    struct session s;
    if (journey_auth(req, resp, &s, 0))
        return HTTP_DONE;
    log_info("journey event=exit session=%s", id_short(s.id));
    http_resp_json(resp, 200, json_pack("{s:s?}", "redirect_url", s.req.redirect_url));
    session_clear(&s);
    journey_no_store(resp);
    return HTTP_DONE;
}

/* ---- POST /journey/v1/upload: the same ingestion as upload_session/ ---- */

/* {"error": {"code", "message", "error_type"}}: FinBox's envelope plus the
 * MU error type the page and the parent's error event use. */
static void upload_error(struct http_resp *resp, const struct api_error *err)
{
    json_t *e = json_pack("{s:{s:s,s:s,s:s}}", "error", "code", err->code, "message", err->message,
                          "error_type", journey_mu_type(err->code));
    http_resp_json(resp, err->status, e);
    resp->error_code = err->code;
    journey_no_store(resp);
}

/* The journey's answer to an accepted statement: what the page shows, the
 * account number masked (never the full number in a browser). */
static json_t *upload_answer(struct app *app, const struct session *s, json_t *result,
                             const char *file_name)
{
    json_t *statements = NULL, *missing = NULL;
    bool complete = false;
    if (journey_uploaded(app, s, &statements, &missing, &complete)) {
        statements = NULL;
        missing = json_null();
    }
    const char *bank = json_string_value(json_object_get(result, "bank_name"));
    json_t *months = json_object_get(result, "months");
    json_t *range = json_object_get(result, "date_range");
    json_t *body = json_pack("{s:{s:O?,s:s?,s:s?,s:s?,s:O?,s:O,s:O?},s:o,s:b}", "statement", "statement_id",
                             json_object_get(result, "statement_id"), "file_name", file_name, "bank",
                             bank, "bank_name", bank ? bank_full_name(bank) : NULL,
                             "masked_account_number", json_object_get(result, "masked_account_number"),
                             "months", months ? months : json_array(), "date_range", range,
                             "missing_months", missing, "complete", complete);
    json_decref(statements);
    return body;
}

/* Headers in: the journey token and limits first, so that nobody without
 * a valid link can make us spool a file. The session id rides in req->user. */
static int jupload_open(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct session s;
    if (journey_auth(req, resp, &s, RL_SESSION_UPLOAD))
        return -1;
    req->user = strdup(s.id);
    session_clear(&s);
    if (!req->user) {
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
        return -1;
    }
    return upload_form_open(req, resp, app->ingest.blobs, app->max_upload);
}

static void jupload_close(struct http_req *req)
{
    upload_form_free(req->stream_state);
    req->stream_state = NULL;
    free(req->user);
    req->user = NULL;
}

static const struct http_stream_ops JUPLOAD_STREAM = {jupload_open, upload_form_data, jupload_close};

static void jupload_ok(struct http_resp *resp, struct app *app, const struct session *s,
                       const struct upload_form *f, json_t *result)
{
    log_info("journey event=upload session=%s", id_short(s->id));
    http_resp_json(resp, 200, upload_answer(app, s, result, f->file_name));
    journey_no_store(resp);
    json_decref(result);
}

static void jupload_fail(struct http_resp *resp, const struct session *s, const struct upload_form *f,
                         const struct api_error *err)
{
    log_info("journey event=upload_failed session=%s code=%s", id_short(s->id), err->code);
    upload_error(resp, err);
}

static const struct upload_answer JOURNEY_ANSWER = {jupload_ok, jupload_fail};

static enum http_result journey_upload(struct http_req *req, struct http_resp *resp)
{
    struct upload_form *f = req->stream_state;
    struct api_error err;
    struct session s;
    if (upload_form_finish(f, &err)) {
        upload_error(resp, &err);
        return HTTP_DONE;
    }
    /* The session again: it may have been submitted or expired meanwhile. */
    if (journey_session(req->app, req->user, &s, resp))
        return HTTP_DONE;
    free(f->file_url); /* the page sends files only, never a URL to download */
    f->file_url = NULL;
    return api_upload_start(req, resp, &s, f, false, &JOURNEY_ANSWER);
}

const struct route JOURNEY_UPLOAD_ROUTES[] = {
    {HTTP_POST, "/journey/v1/upload", journey_upload, BODY_STREAM, ROUTE_UPLOAD_BODY, &JUPLOAD_STREAM,
     UPLOAD_FORM_TYPES},
};
const size_t JOURNEY_UPLOAD_NROUTES = sizeof JOURNEY_UPLOAD_ROUTES / sizeof JOURNEY_UPLOAD_ROUTES[0];

const struct route JOURNEY_ROUTES[] = {
    ROUTE_GET("/", root_page),
    ROUTE_GET("/journey/<file>", journey_asset),
    ROUTE_GET("/sdk/passbook.js", sdk_asset),
    ROUTE_POST_JSON("/journey/v1/token", token_create),
    ROUTE_GET("/journey/v1/session", session_info),
    ROUTE_GET("/journey/v1/banks", banks_search),
    ROUTE_POST("/journey/v1/submit", submit),
    ROUTE_POST_JSON("/journey/v1/consent", consent_give),
    ROUTE_POST("/journey/v1/exit", journey_exit),
};
const size_t JOURNEY_NROUTES = sizeof JOURNEY_ROUTES / sizeof JOURNEY_ROUTES[0];
