/* The upload form: a streaming reader of the multipart/form-data or
 * application/x-www-form-urlencoded body of an upload, shared by the
 * lender API (upload_session/) and the hosted journey's upload route.
 *
 * The `file` field goes straight into a blob writer (a temporary file,
 * hashed as it is written), never into memory: as raw bytes when it is a
 * file part or starts with "%PDF", else decoded from BASE64 on the fly
 * (MIME line breaks, URL-safe letters, a "data:...;base64," prefix and
 * '+' turned into ' ' by form encoding are all accepted). The size limit
 * counts the bytes as sent (the BASE64 text, not the decoded bytes). The
 * small fields (session_id, bank_name, pdf_password, upload_type,
 * file_url; the entity flow's bank, entity_id, link_id) are kept up to
 * UPLOAD_FIELD_MAX bytes each; other fields are ignored. At most
 * UPLOAD_MAX_PARTS fields are accepted.
 *
 * Use: a route with BODY_STREAM, the content types UPLOAD_FORM_TYPES and
 * stream ops whose open authenticates, then calls upload_form_open; data
 * calls upload_form_data; the handler calls upload_form_finish, then
 * reads the fields; close calls upload_form_free. */
#ifndef PB_API_UPLOAD_FORM_H
#define PB_API_UPLOAD_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "api/form_parser.h"
#include "blob/blob.h"
#include "core/api_error.h"
#include "http/http.h"
#include "util/secret.h"

#define UPLOAD_FIELD_MAX 4096
#define UPLOAD_MAX_PARTS 64
#define UPLOAD_FILE_NAME_MAX 255   /* bytes of UTF-8, cut on a character boundary */
#define SNIFF_MAX 256

extern const char *const UPLOAD_FORM_TYPES[]; /* multipart/form-data, x-www-form-urlencoded */

struct upload_form {
    struct blob_writer *file;   /* NULL when no file field came; taken by ingest */
    char *file_name;            /* the file part's name (valid UTF-8, at most 255 bytes), or NULL */
    bool file_base64;           /* the field was BASE64 text */
    enum blob_error write_error; /* the file could not be started (e.g. disk full) */
    bool file_bad_base64;
    char *session_id, *bank_name, *pdf_password, *upload_type, *file_url;
    char *bank, *entity_id, *link_id;  /* the entity flow's fields (bank = bank_name) */
    char org_id[PB_UUID_BUF];   /* free for the route (the caller's org) */
    unsigned route_flags;       /* free for the route */
    /* How open/data answer a bad form; NULL: upload_resp_error. Set it on
     * a form allocated before upload_form_open (req->stream_state). */
    void (*on_error)(struct http_resp *resp, const struct api_error *err);
    /* internal */
    struct form_parser *parser;
    struct blob_store *blobs;
    size_t max_bytes, sent_bytes;
    bool urlencoded, too_large, field_too_long, too_many_parts, started_file, file_done;
    bool file_part;             /* the file came as a file part (with a file name) */
    int nparts;
    char **cur;                 /* the small field being read, or NULL */
    bool cur_is_file;
    char sniff[SNIFF_MAX];      /* the file's first bytes, until they decide raw or BASE64 */
    size_t sniff_len;
    bool sniffed;
    unsigned b64_quad[4];
    int b64_n, b64_pad;
};

/* Starts reading req's body into a new form (req->stream_state). max_bytes
 * limits the file field as sent. Returns 0, or -1 with resp filled (400
 * INVALID_FILE_OBJECT when the body is not a form, e.g. no boundary). */
int upload_form_open(struct http_req *req, struct http_resp *resp, struct blob_store *blobs,
                     size_t max_bytes);
/* Feeds a chunk. Returns 0, or -1 with resp filled (413, malformed form). */
int upload_form_data(struct http_req *req, struct http_resp *resp, const char *buf, size_t len);

/* The same without HTTP (tests, fuzzing): start on a zeroed form with the
 * body's content type (-1: not a form); feed returns 0 or -1 with err. */
int upload_form_start(struct upload_form *f, const char *content_type, struct blob_store *blobs,
                      size_t max_bytes);
int upload_form_feed(struct upload_form *f, const char *buf, size_t len, struct api_error *err);
/* Ends the body. Returns 0, or -1 with err filled (truncated or malformed
 * form, 413, a field too long, too many parts). */
int upload_form_finish(struct upload_form *f, struct api_error *err);
/* File-level checks after the session check: INVALID_BASE_64 when the
 * BASE64 text did not decode (or upload_type=BASE64 with a file that is
 * neither BASE64 nor a PDF part). Returns 0 or -1 with err. */
int upload_form_check_file(struct upload_form *f, struct api_error *err);
void upload_form_free(struct upload_form *f);

/* The upload error envelope: {"session_id": "", "statement_id": "", "error": {code, message}}. */
void upload_resp_error(struct http_resp *resp, const struct api_error *err);

#endif
