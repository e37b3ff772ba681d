/* Building responses: JSON, FinBox error envelopes, text, static assets. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/http.h"
#include "util/json_text.h"

void http_resp_reset(struct http_resp *resp)
{
    if (!resp->body_static)
        free(resp->body);
    for (int i = 0; i < resp->nheaders; i++)
        free(resp->headers[i].value);
    enum http_error_style style = resp->error_style;
    memset(resp, 0, sizeof *resp);
    resp->error_style = style;
}

/* Replaces the body only; headers added earlier are kept. */
static void set_body(struct http_resp *resp, int status, const char *ctype, char *body, size_t len,
                     bool is_static)
{
    if (!resp->body_static)
        free(resp->body);
    resp->status = status;
    resp->content_type = ctype;
    resp->body = body;
    resp->body_len = len;
    resp->body_static = is_static;
    resp->error_code = NULL;
}

void http_resp_take(struct http_resp *resp, int status, const char *content_type, char *body, size_t len)
{
    set_body(resp, status, content_type, body, len, false);
}

void http_resp_static(struct http_resp *resp, int status, const char *content_type, const void *data,
                      size_t len)
{
    set_body(resp, status, content_type, (char *)data, len, true);
}

void http_resp_text(struct http_resp *resp, int status, const char *content_type, const char *text)
{
    char *copy = strdup(text);
    if (!copy) {
        set_body(resp, 500, "text/plain; charset=utf-8", (char *)"out of memory\n", 14, true);
        return;
    }
    set_body(resp, status, content_type, copy, strlen(copy), false);
}

void http_resp_json(struct http_resp *resp, int status, json_t *obj)
{
    size_t len = 0;
    char *s = obj ? json_text(obj, &len) : NULL;
    json_decref(obj);
    if (!s) {
        static const char oom[] = "{\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"Something went wrong\"}}";
        set_body(resp, 500, "application/json", (char *)oom, sizeof oom - 1, true);
        resp->error_code = "INTERNAL_ERROR";
        return;
    }
    set_body(resp, status, "application/json", s, len, false);
}

/* The error body in a style. The message must be valid UTF-8 for JSON: a
 * message quoting a client's invalid bytes keeps printable ASCII only. */
static json_t *error_json(enum http_error_style style, const char *code, char *msg)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        json_t *o = style == HTTP_ERRORS_DRF ? json_pack("{s:s}", "detail", msg)
                    : style == HTTP_ERRORS_UPLOAD
                        ? json_pack("{s:s,s:s,s:{s:s,s:s}}", "session_id", "", "statement_id", "", "error",
                                    "code", code, "message", msg)
                        : json_pack("{s:{s:s,s:s}}", "error", "code", code, "message", msg);
        if (o)
            return o;
        for (char *p = msg; *p; p++)
            if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e)
                *p = '?';
    }
    return NULL;
}

void http_resp_error(struct http_resp *resp, int status, const char *code, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    http_resp_json(resp, status, error_json(resp->error_style, code, msg));
    resp->error_code = code;
}

char *http_error_body(enum http_error_style style, const char *code, const char *message)
{
    char msg[512];
    snprintf(msg, sizeof msg, "%s", message);
    json_t *o = error_json(style, code, msg);
    char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    return s;
}

void http_resp_header(struct http_resp *resp, const char *name, const char *value)
{
    if (resp->nheaders >= HTTP_MAX_HEADERS)
        return;
    char *v = strdup(value);
    if (!v)
        return;
    resp->headers[resp->nheaders].name = name;
    resp->headers[resp->nheaders].value = v;
    resp->nheaders++;
}

const char *http_method_name(enum http_method m)
{
    switch (m) {
    case HTTP_GET: return "GET";
    case HTTP_HEAD: return "HEAD";
    case HTTP_POST: return "POST";
    case HTTP_PUT: return "PUT";
    case HTTP_DELETE: return "DELETE";
    case HTTP_PATCH: return "PATCH";
    case HTTP_OPTIONS: return "OPTIONS";
    case HTTP_OTHER: break;
    }
    return "OTHER";
}
