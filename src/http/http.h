/* The HTTP layer's public types: requests, responses, routes and handlers.
 *
 * A route is one line: method, path pattern (segments "<id>" capture one
 * path segment), handler, and how the body is taken:
 *   BODY_NONE   no body expected (a body, if sent, is read and ignored)
 *   BODY_JSON   Content-Type application/json, buffered up to the limit,
 *               parsed; the handler gets req->json (always an object)
 *   BODY_RAW    buffered bytes, any content type the route lists
 *   BODY_STREAM chunks go to the route's http_stream_ops as they arrive,
 *               never buffered by the HTTP layer (uploads)
 *
 * Validation order, enforced here before any handler runs:
 *   route (404) -> method (405) -> content type (415) -> size (413, as soon
 *   as Content-Length exceeds the limit, else while the body streams in)
 *   -> JSON syntax (400 INVALID_REQUEST). Authentication and fields are the
 *   handler's (src/api/), in that order.
 *
 * A handler either fills resp and returns HTTP_DONE, or starts work that
 * finishes on another thread and returns HTTP_ASYNC; that work fills resp
 * and calls http_req_resume(req) exactly once. The connection is suspended
 * meanwhile, so the server thread serves other connections. */
#ifndef PB_HTTP_HTTP_H
#define PB_HTTP_HTTP_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

enum http_method {
    HTTP_GET = 1,
    HTTP_HEAD = 2,
    HTTP_POST = 4,
    HTTP_PUT = 8,
    HTTP_DELETE = 16,
    HTTP_PATCH = 32,
    HTTP_OPTIONS = 64,
    HTTP_OTHER = 128,
};

enum http_body { BODY_NONE, BODY_JSON, BODY_RAW, BODY_STREAM };

enum http_result { HTTP_DONE = 0, HTTP_ASYNC = 1 };

/* How http_resp_error shapes an error body: the session flow's envelope
 * {"error": {"code", "message"}} (default), Django REST Framework's
 * {"detail": "<message>"}, which FinBox's legacy entity flow answers, or
 * the session upload's envelope with empty ids {"session_id": "",
 * "statement_id": "", "error": {...}}. The server picks the style by path
 * (router_error_style) before anything is answered, so its own
 * 404/405/408/413/415/431/400 follow it too. */
enum http_error_style { HTTP_ERRORS_ENVELOPE = 0, HTTP_ERRORS_DRF = 1, HTTP_ERRORS_UPLOAD = 2 };

#define HTTP_MAX_PARAMS 4
#define HTTP_MAX_HEADERS 8

struct http_conn; /* the server's per-request state; opaque */

struct http_req {
    enum http_method method;
    const char *method_str;           /* as sent, e.g. "GET" */
    const char *path;                 /* decoded path without the query */
    const struct route *route;
    const char *params[HTTP_MAX_PARAMS]; /* "<id>" captures in pattern order */
    int nparams;
    json_t *json;                     /* BODY_JSON: the parsed object, owned by the request */
    const char *body;                 /* BODY_JSON / BODY_RAW: the bytes (NUL-terminated) */
    size_t body_len;
    void *stream_state;               /* BODY_STREAM: set by stream->open, freed by stream->close */
    void *app;                        /* the context given to http_server_start */
    void *user;                       /* free for the handler; it must free what it puts here */
    struct http_conn *conn;
};

struct http_resp {
    int status;
    const char *content_type;
    char *body;                       /* malloc'd unless body_static */
    size_t body_len;
    bool body_static;
    struct {
        const char *name;             /* static string */
        char *value;                  /* owned */
    } headers[HTTP_MAX_HEADERS];
    int nheaders;
    const char *error_code;           /* set by http_resp_error; shown in the access log */
    enum http_error_style error_style; /* kept by http_resp_reset */
};

typedef enum http_result (*http_handler)(struct http_req *req, struct http_resp *resp);

/* Streaming bodies (BODY_STREAM). open runs once the headers are in (after
 * the route, method, content-type and Content-Length checks), data for each
 * chunk, and the route's handler after the last chunk. open and data return
 * 0 to continue, or fill resp and return -1 to answer at once (the rest of
 * the body is discarded). close always runs at the end of the request, even
 * when the client went away, and frees req->stream_state. */
struct http_stream_ops {
    int (*open)(struct http_req *req, struct http_resp *resp);
    int (*data)(struct http_req *req, struct http_resp *resp, const char *buf, size_t len);
    void (*close)(struct http_req *req);
};

struct route {
    enum http_method method;          /* GET routes also answer HEAD */
    const char *pattern;              /* "/bank-connect/v1/session_data/<id>/progress/" */
    http_handler handler;
    enum http_body body;
    size_t max_body;                  /* 0: the server's --max-body; ROUTE_UPLOAD_BODY: its upload limit */
    const struct http_stream_ops *stream;   /* BODY_STREAM only */
    const char *const *content_types; /* BODY_RAW/STREAM: accepted media types, NULL-ended; NULL = any */
};

/* A route's max_body for statement uploads: http_config.max_upload_body,
 * which follows --max-upload-bytes, so the route tables stay constant. */
#define ROUTE_UPLOAD_BODY ((size_t)-1)

#define ROUTE_GET(pattern, handler) {HTTP_GET, pattern, handler, BODY_NONE, 0, NULL, NULL}
#define ROUTE_DELETE(pattern, handler) {HTTP_DELETE, pattern, handler, BODY_NONE, 0, NULL, NULL}
#define ROUTE_POST(pattern, handler) {HTTP_POST, pattern, handler, BODY_NONE, 0, NULL, NULL}
#define ROUTE_POST_JSON(pattern, handler) {HTTP_POST, pattern, handler, BODY_JSON, 0, NULL, NULL}

/* Request accessors. Returned strings live as long as the request. */
const char *http_req_header(const struct http_req *req, const char *name); /* case-insensitive */
const char *http_req_query(const struct http_req *req, const char *name);
const char *http_req_cookie(const struct http_req *req, const char *name);
/* The client's address as text ("127.0.0.1"), for rate limits; never logged with secrets. */
const char *http_req_client_ip(const struct http_req *req, char *buf, size_t len);
/* The underlying struct MHD_Connection *, for MHD_PostProcessor in streaming routes. */
void *http_req_mhd_connection(const struct http_req *req);

/* Finishes an HTTP_ASYNC request; resp must be filled first. Any thread. */
void http_req_resume(struct http_req *req);

/* Responses. Each replaces what resp held before. */
/* Dumps obj (reference stolen) compactly with JSON_REAL_PRECISION(15). */
void http_resp_json(struct http_resp *resp, int status, json_t *obj);
/* {"error": {"code", "message"}}, or {"detail": message} in the DRF style. */
void http_resp_error(struct http_resp *resp, int status, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The body of an error in a style (malloc'd JSON text; NULL on out of memory). */
char *http_error_body(enum http_error_style style, const char *code, const char *message);
/* Copies text. */
void http_resp_text(struct http_resp *resp, int status, const char *content_type, const char *text);
/* Takes ownership of a malloc'd body. */
void http_resp_take(struct http_resp *resp, int status, const char *content_type, char *body, size_t len);
/* Points at bytes that outlive the server (embedded assets); no copy. */
void http_resp_static(struct http_resp *resp, int status, const char *content_type, const void *data,
                      size_t len);
/* Adds a header (value copied); at most HTTP_MAX_HEADERS. */
void http_resp_header(struct http_resp *resp, const char *name, const char *value);
void http_resp_reset(struct http_resp *resp);

const char *http_method_name(enum http_method m);

#endif
