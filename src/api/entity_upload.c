/* POST /bank-connect/v1/statement/{upload,bankless_upload,upload_base64,
 * bankless_upload_base64}/: a statement into an entity (reference §3.1), as
 * FinBox's official Python client sends it: multipart with `file`, the
 * bank as `bank_name` or `bank` (bankless_*: none), `entity_id` or
 * `link_id` (or neither: a new entity), `pdf_password`; x-api-key alone.
 *
 * The entity is resolved first (entity_id; else the newest entity of
 * link_id, created when there is none; else a new entity without a link),
 * then the upload is the session flow's (api_upload_start: same checks,
 * same extraction, same durable commit) into the entity's session, and the
 * entity's analysis is queued: processing starts by itself.
 *
 * Answers in FinBox's entity shapes, which the client matches on:
 *   200 {bank_name, statement_id, entity_id, identity, date_range, is_fraud, fraud_type, status: 1, ...}
 *       (without ?identity=true only entity_id, statement_id, bank_name)
 *   400 {"entity_id", "message", "status": n}: 3 "Password incorrect", 4 "Not <bank> statement",
 *       5 "Unable to detect bank. Please provide BANK NAME.", 6 "PDF is not parsable",
 *       8 duplicate, 9 too many pages (Passbook's)
 *   400 {"<field>": ["<message>"], "status": 0}: a missing or bad field; `bank_name` only for
 *       a bank the catalogue does not know
 * A readable PDF that is not a statement is 6 when a bank was given, 5 when none was. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "api/api.h"
#include "api/upload_form.h"
#include "core/entity.h"
#include "util/log.h"
#include "util/clock.h"

enum { WANT_IDENTITY = 1 };

static const char UNDETECTED[] = "Unable to detect bank. Please provide BANK NAME.";
static const char UNPARSABLE[] = "PDF is not parsable";

/* {"<field>": [message], "status": 0} */
static void field_error(struct http_resp *resp, int status, const char *field, const char *message)
{
    http_resp_json(resp, status, json_pack("{s:[s],s:i}", field, message, "status", 0));
}

/* {"entity_id", "message", "status"} */
static void status_error(struct http_resp *resp, const char *entity_id, int status, const char *message)
{
    http_resp_json(resp, 400, json_pack("{s:s?,s:s,s:i}", "entity_id", entity_id, "message", message, "status",
                                        status));
}

/* A form that could not be read (not a form, too large, too many fields). */
static void form_error(struct http_resp *resp, const struct api_error *err)
{
    if (err->status >= 500)
        http_resp_error(resp, err->status, err->code, "%s", err->message);
    else
        field_error(resp, err->status, "file", err->message);
    resp->error_code = err->code;
}

static void entity_fail(struct http_resp *resp, const struct session *s, const struct upload_form *f,
                        const struct api_error *err)
{
    const char *eid = f ? f->entity_id : NULL, *code = err->code;
    bool bank = f && f->bank_name && f->bank_name[0];
    char msg[128];
    if (!strcmp(code, "PASSWORD_INCORRECT"))
        status_error(resp, eid, 3, "Password incorrect");
    else if (!strcmp(code, "BANK_NAME_MISMATCH")) {
        snprintf(msg, sizeof msg, "Not %s statement", bank ? f->bank_name : "the given bank's");
        for (char *p = msg; *p; p++)
            *p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        msg[0] = 'N';
        status_error(resp, eid, 4, msg);
    } else if (!strcmp(code, "BANK_NAME_UNDETECTED"))
        status_error(resp, eid, 5, UNDETECTED);
    else if (!strcmp(code, "STATEMENT_UNSUPPORTED_FORMAT"))
        status_error(resp, eid, bank ? 6 : 5, bank ? UNPARSABLE : UNDETECTED);
    else if (!strcmp(code, "PDF_IS_IMAGE") ||
             (!strcmp(code, "INVALID_FILE_OBJECT") && !strcmp(err->message, "File object is invalid")))
        status_error(resp, eid, 6, UNPARSABLE);
    else if (!strcmp(code, "STATEMENT_DUPLICATE"))
        status_error(resp, eid, 8, err->message);
    else if (!strcmp(code, "STATEMENT_TOO_MANY_PAGES"))
        status_error(resp, eid, 9, err->message);
    else if (!strcmp(code, "INVALID_BANK_NAME"))
        field_error(resp, 400, "bank_name", err->message);
    else if (!strcmp(code, "MISSING_FILE_OBJECT"))
        field_error(resp, 400, "file", "This field is required.");
    else if (!strcmp(code, "INVALID_BASE_64"))
        field_error(resp, 400, "file", "Invalid Base 64 string");
    else if (!strcmp(code, "EMPTY_FILE"))
        field_error(resp, 400, "file", "The submitted file is empty.");
    else if (!strcmp(code, "INVALID_FILE_URL"))
        field_error(resp, 400, "file_url", err->message);
    else
        form_error(resp, err);
    resp->error_code = code;
}

static void entity_ok(struct http_resp *resp, struct app *app, const struct session *s,
                      const struct upload_form *f, json_t *result)
{
    struct entity e = {0};
    const char *statement_id = json_string_value(json_object_get(result, "statement_id"));
    snprintf(e.id, sizeof e.id, "%s", f->entity_id);
    snprintf(e.org_id, sizeof e.org_id, "%s", f->org_id);
    snprintf(e.session_id, sizeof e.session_id, "%s", s->id);
    /* processing starts by itself; a failure here is healed by the next GET */
    if (!statement_id || api_entity_queue(app, &e, statement_id))
        log_error("entity msg=\"analysis not queued\" entity=%s", e.id);
    json_object_del(result, "session_id");
    json_object_set_new(result, "entity_id", json_string(e.id));
    if (!(f->route_flags & WANT_IDENTITY)) {
        json_t *min = json_pack("{s:s,s:O,s:O}", "entity_id", e.id, "statement_id",
                                json_object_get(result, "statement_id"), "bank_name",
                                json_object_get(result, "bank_name"));
        json_decref(result);
        result = min;
    }
    http_resp_json(resp, 200, result);
}

static const struct upload_answer ENTITY_ANSWER = {entity_ok, entity_fail};

static int entity_upload_open(struct http_req *req, struct http_resp *resp)
{
    struct app *app = req->app;
    struct org org;
    if (api_entity_auth(req, resp, &org))
        return -1;
    struct upload_form *f = calloc(1, sizeof *f);
    if (!f) {
        org_clear(&org);
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
        return -1;
    }
    snprintf(f->org_id, sizeof f->org_id, "%s", org.id);
    org_clear(&org);
    f->on_error = form_error;
    req->stream_state = f;
    return upload_form_open(req, resp, app->ingest.blobs, app->max_upload);
}

static void entity_upload_close(struct http_req *req)
{
    upload_form_free(req->stream_state);
    req->stream_state = NULL;
}

static const struct http_stream_ops ENTITY_UPLOAD_STREAM = {entity_upload_open, upload_form_data,
                                                            entity_upload_close};

/* The newest entity of link_id, or a new one. */
static int link_entity(struct app *app, const char *org_id, const char *link_id, struct entity *e)
{
    struct entity *es = NULL;
    size_t n = 0, total = 0;
    int rc = STORE_CALL(app->store, entity_list, org_id, link_id, 0, 0, &es, &n, &total);
    free(es);
    if (rc == STORE_OK && total) {
        rc = STORE_CALL(app->store, entity_list, org_id, link_id, total - 1, 1, &es, &n, &total);
        if (rc == STORE_OK && n == 1) {
            *e = es[0];
            free(es);
            return STORE_OK;
        }
        for (size_t i = 0; i < n; i++)
            entity_clear(&es[i]);
        free(es);
        return STORE_ERROR;
    }
    return rc == STORE_OK ? STORE_NOT_FOUND : rc;
}

/* The entity the upload is for (see the top): a store_rc, *created. */
static int resolve_entity(struct app *app, struct upload_form *f, struct entity *e, struct session *s)
{
    int rc;
    const char *link = f->link_id && *f->link_id ? f->link_id : NULL;
    if (f->entity_id && *f->entity_id)
        rc = api_entity_find(app, f->entity_id, f->org_id, e);
    else if (!link || (rc = link_entity(app, f->org_id, link, e)) == STORE_NOT_FOUND) {
        if (link && strlen(link) > ENTITY_LINK_MAX)
            return STORE_CONFLICT;
        if (entity_new(e, s, f->org_id, link, NULL, false, pb_now()))
            return STORE_ERROR;
        rc = STORE_CALL(app->store, entity_insert, e, s);
        if (rc != STORE_OK) {
            entity_clear(e);
            session_clear(s);
        }
        return rc;
    }
    if (rc == STORE_OK && (rc = STORE_CALL(app->store, session_get, e->session_id, f->org_id, s)) != STORE_OK)
        entity_clear(e);
    return rc;
}

static char *dup_field(char **slot, const char *v)
{
    free(*slot);
    *slot = v ? strdup(v) : NULL;
    return *slot;
}

static enum http_result entity_upload(struct http_req *req, struct http_resp *resp, bool bankless)
{
    struct app *app = req->app;
    struct upload_form *f = req->stream_state;
    struct api_error err;
    if (upload_form_finish(f, &err)) {
        form_error(resp, &err);
        return HTTP_DONE;
    }
    /* the bank as bank_name or bank; the bankless routes detect it */
    if (!f->bank_name || !*f->bank_name)
        dup_field(&f->bank_name, f->bank && *f->bank ? f->bank : NULL);
    if (bankless)
        dup_field(&f->bank_name, NULL);
    const char *v = http_req_query(req, "identity");
    if (v && (!strcasecmp(v, "true") || !strcmp(v, "1")))
        f->route_flags |= WANT_IDENTITY;
    struct entity e;
    struct session s;
    int rc = resolve_entity(app, f, &e, &s);
    if (rc == STORE_NOT_FOUND) {
        http_resp_json(resp, 400, json_pack("{s:[s],s:i}", "entity_id", "No entity with this entity_id.", "status", 0));
        resp->error_code = "ENTITY_NOT_FOUND";
        return HTTP_DONE;
    }
    if (rc == STORE_CONFLICT) {
        field_error(resp, 400, "link_id", "Ensure this field has no more than 500 characters.");
        return HTTP_DONE;
    }
    if (rc != STORE_OK) {
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
        return HTTP_DONE;
    }
    if (!dup_field(&f->entity_id, e.id)) {
        entity_clear(&e);
        session_clear(&s);
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
        return HTTP_DONE;
    }
    entity_clear(&e);
    return api_upload_start(req, resp, &s, f, false, &ENTITY_ANSWER);
}

static enum http_result upload_bank(struct http_req *req, struct http_resp *resp)
{
    return entity_upload(req, resp, false);
}

static enum http_result upload_bankless(struct http_req *req, struct http_resp *resp)
{
    return entity_upload(req, resp, true);
}

/* Any content type reaches the form reader, which answers a body that is
 * not a form in FinBox's words ({"file": ["This field must be present as
 * a form field..."], "status": 0}). */
const struct route ENTITY_UPLOAD_ROUTES[] = {
    {HTTP_POST, "/bank-connect/v1/statement/upload/", upload_bank, BODY_STREAM, ROUTE_UPLOAD_BODY,
     &ENTITY_UPLOAD_STREAM, NULL},
    {HTTP_POST, "/bank-connect/v1/statement/bankless_upload/", upload_bankless, BODY_STREAM, ROUTE_UPLOAD_BODY,
     &ENTITY_UPLOAD_STREAM, NULL},
    {HTTP_POST, "/bank-connect/v1/statement/upload_base64/", upload_bank, BODY_STREAM, ROUTE_UPLOAD_BODY,
     &ENTITY_UPLOAD_STREAM, NULL},
    {HTTP_POST, "/bank-connect/v1/statement/bankless_upload_base64/", upload_bankless, BODY_STREAM,
     ROUTE_UPLOAD_BODY, &ENTITY_UPLOAD_STREAM, NULL},
};
const size_t ENTITY_UPLOAD_NROUTES = sizeof ENTITY_UPLOAD_ROUTES / sizeof ENTITY_UPLOAD_ROUTES[0];
