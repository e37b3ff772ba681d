/* The FIU callbacks the Account Aggregator calls (ReBIT FIU API 2.0.0):
 *   POST /aa/Consent/Notification
 *   POST /aa/FI/Notification
 * The body is taken raw (its exact bytes are what x-jws-signature signs);
 * checks, recording and the signed answer are aa_callback's (src/aa/). */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"

#define NOTIFICATION_MAX (64u << 10)

static const char *const JSON_TYPES[] = {"application/json", NULL};

static enum http_result notification(struct http_req *req, struct http_resp *resp, enum aa_callback_kind kind)
{
    struct app *app = req->app;
    int status;
    char *text = NULL, *sig = NULL;
    aa_callback(app->aa, app->store, kind, req->body ? req->body : "", req->body ? req->body_len : 0,
                http_req_header(req, "x-jws-signature"), http_req_header(req, "aa_api_key"), &status, &text, &sig);
    if (!text) {
        http_resp_error(resp, 500, "INTERNAL_ERROR", "Something went wrong");
        free(sig);
        return HTTP_DONE;
    }
    http_resp_take(resp, status, "application/json", text, strlen(text));
    if (sig)
        http_resp_header(resp, "x-jws-signature", sig);
    free(sig);
    return HTTP_DONE;
}

static enum http_result consent_notification(struct http_req *req, struct http_resp *resp)
{
    return notification(req, resp, AA_CONSENT_NOTIFICATION);
}

static enum http_result fi_notification(struct http_req *req, struct http_resp *resp)
{
    return notification(req, resp, AA_FI_NOTIFICATION);
}

const struct route AA_ROUTES[] = {
    {HTTP_POST, "/aa/Consent/Notification", consent_notification, BODY_RAW, NOTIFICATION_MAX, NULL, JSON_TYPES},
    {HTTP_POST, "/aa/FI/Notification", fi_notification, BODY_RAW, NOTIFICATION_MAX, NULL, JSON_TYPES},
};
const size_t AA_NROUTES = sizeof AA_ROUTES / sizeof AA_ROUTES[0];
