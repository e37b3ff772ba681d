#include "api/upload_form.h"

#include <errno.h>
#include <microhttpd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/files.h"

const char *const UPLOAD_FORM_TYPES[] = {"multipart/form-data", "application/x-www-form-urlencoded", NULL};

static const char NOT_A_FORM[] = "This field must be present as a form field. Send request with content "
                                 "type x-www-form-urlencoded or form-data";

void upload_resp_error(struct http_resp *resp, const struct api_error *err)
{
    json_t *o = json_pack("{s:s,s:s,s:{s:s,s:s}}", "session_id", "", "statement_id", "", "error", "code",
                          err->code, "message", err->message);
    http_resp_json(resp, err->status, o);
    resp->error_code = err->code;
}

static int answer(const struct upload_form *f, struct http_resp *resp, int status, const char *code,
                  const char *msg)
{
    struct api_error e;
    api_error_set(&e, status, code, "%s", msg);
    (f && f->on_error ? f->on_error : upload_resp_error)(resp, &e);
    return -1;
}

/* Why the file field could not be written so far: a full disk is 507, not
 * 413 (clients retry a 507 later). */
static enum blob_error write_error(const struct upload_form *f)
{
    return f->write_error ? f->write_error : f->file ? blob_writer_error(f->file) : BLOB_OK;
}

/* ---- streaming BASE64 ---- */

static int b64_value(int c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

/* Decodes text into the file writer; flags bad input. */
static void b64_feed(struct upload_form *f, const char *s, size_t n)
{
    unsigned char out[3072];
    size_t o = 0;
    for (size_t i = 0; i < n && !f->file_bad_base64; i++) {
        int c = (unsigned char)s[i];
        if (c == ' ' && f->urlencoded)
            c = '+'; /* an unescaped '+' in a form-encoded body */
        if (c == '\r' || c == '\n' || c == '\t' || c == ' ')
            continue;
        if (c == '=') {
            if (f->b64_n < 2)
                f->file_bad_base64 = true;
            f->b64_pad++;
            f->b64_quad[f->b64_n++] = 0;
        } else {
            int v = b64_value(c);
            if (v < 0 || f->b64_pad)
                f->file_bad_base64 = true;
            f->b64_quad[f->b64_n++] = (unsigned)v;
        }
        if (f->b64_n == 4) {
            unsigned q = f->b64_quad[0] << 18 | f->b64_quad[1] << 12 | f->b64_quad[2] << 6 | f->b64_quad[3];
            int keep = 3 - f->b64_pad;
            if (keep < 1)
                f->file_bad_base64 = true;
            unsigned char b[3] = {(unsigned char)(q >> 16), (unsigned char)(q >> 8), (unsigned char)q};
            for (int k = 0; k < keep; k++)
                out[o++] = b[k];
            f->b64_n = 0;
            if (f->b64_pad)
                f->b64_pad = 3; /* nothing may follow padding */
        }
        if (o + 3 > sizeof out) {
            blob_writer_add(f->file, out, o);
            o = 0;
        }
    }
    if (o && !f->file_bad_base64)
        blob_writer_add(f->file, out, o);
}

/* Ends the BASE64 text: a partial quad without padding is tolerated when
 * it still carries whole bytes (2 or 3 characters). */
static void b64_end(struct upload_form *f)
{
    if (f->file_bad_base64 || f->b64_n == 0)
        return;
    if (f->b64_n == 1) {
        f->file_bad_base64 = true;
        return;
    }
    unsigned q = f->b64_quad[0] << 18 | f->b64_quad[1] << 12 | (f->b64_n > 2 ? f->b64_quad[2] << 6 : 0);
    unsigned char b[2] = {(unsigned char)(q >> 16), (unsigned char)(q >> 8)};
    blob_writer_add(f->file, b, (size_t)(f->b64_n - 1));
    f->b64_n = 0;
}

/* The first bytes of the file field decide how it is read; a
 * "data:...;base64," prefix is skipped. Returns how many bytes of s were
 * consumed by the prefix handling. */
static size_t file_start(struct upload_form *f, const char *filename, const char *s, size_t n)
{
    f->started_file = true;
    bool says_b64 = f->upload_type && !strcasecmp(f->upload_type, "BASE64");
    bool pdf = n >= 4 && !memcmp(s, "%PDF", 4);
    f->file_base64 = !pdf && (says_b64 || !filename);
    if (filename)
        f->file_name = strndup(filename, 255);
    if (f->file_base64 && n >= 5 && !strncasecmp(s, "data:", 5)) {
        const char *comma = memchr(s, ',', n < 256 ? n : 256);
        if (comma)
            return (size_t)(comma + 1 - s);
    }
    return 0;
}

static void file_chunk(struct upload_form *f, const char *filename, const char *data, uint64_t off,
                       size_t size)
{
    if (f->file_done)
        return; /* only the first file field counts */
    if (!f->file && !(f->file = blob_writer_new(f->blobs))) {
        f->write_error = errno == ENOSPC || errno == EDQUOT ? BLOB_NO_SPACE : BLOB_IO;
        return;
    }
    size_t skip = 0;
    if (!f->started_file)
        skip = file_start(f, filename, data, size);
    (void)off;
    f->sent_bytes += size;
    if (f->max_bytes && f->sent_bytes > f->max_bytes) {
        f->too_large = true;
        return;
    }
    if (f->file_base64)
        b64_feed(f, data + skip, size - skip);
    else if (size)
        blob_writer_add(f->file, data, size); /* a failure stays in write_error(f) */
}

/* Appends to a small field, bounded. */
static void field_chunk(struct upload_form *f, char **slot, const char *data, uint64_t off, size_t size)
{
    if (off == 0 && *slot) { /* the field again: keep the first */
        return;
    }
    size_t have = *slot ? strlen(*slot) : 0;
    if (have != off && off != 0)
        return;
    if (have + size > UPLOAD_FIELD_MAX) {
        f->field_too_long = true;
        return;
    }
    char *p = realloc(*slot, have + size + 1);
    if (!p)
        return;
    memcpy(p + have, data, size);
    p[have + size] = '\0';
    *slot = p;
}

static enum MHD_Result on_field(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
                                const char *content_type, const char *transfer_encoding, const char *data,
                                uint64_t off, size_t size)
{
    struct upload_form *f = cls;
    (void)kind;
    (void)content_type;
    (void)transfer_encoding;
    if (!key)
        return MHD_YES;
    if (off == 0 && ++f->nparts > UPLOAD_MAX_PARTS) {
        f->too_many_parts = true;
        return MHD_NO;
    }
    if (!strcmp(key, "file")) {
        file_chunk(f, filename, data, off, size);
        return f->too_large || write_error(f) ? MHD_NO : MHD_YES;
    }
    if (f->started_file && !f->file_done && f->file) {
        f->file_done = true;
        if (f->file_base64)
            b64_end(f);
    }
    char **slot = !strcmp(key, "session_id")     ? &f->session_id
                  : !strcmp(key, "bank_name")    ? &f->bank_name
                  : !strcmp(key, "pdf_password") ? &f->pdf_password
                  : !strcmp(key, "upload_type")  ? &f->upload_type
                  : !strcmp(key, "file_url")     ? &f->file_url
                  : !strcmp(key, "bank")         ? &f->bank
                  : !strcmp(key, "entity_id")    ? &f->entity_id
                  : !strcmp(key, "link_id")      ? &f->link_id
                                                 : NULL;
    if (slot)
        field_chunk(f, slot, data, off, size);
    return f->field_too_long ? MHD_NO : MHD_YES;
}

int upload_form_open(struct http_req *req, struct http_resp *resp, struct blob_store *blobs,
                     size_t max_bytes)
{
    struct upload_form *f = req->stream_state;
    if (!f && !(f = calloc(1, sizeof *f)))
        return answer(NULL, resp, 500, "INTERNAL_ERROR", "Something went wrong");
    req->stream_state = f;
    f->blobs = blobs;
    f->max_bytes = max_bytes;
    const char *ct = http_req_header(req, "content-type");
    f->urlencoded = ct && !strncasecmp(ct, "application/x-www-form-urlencoded", 33);
    f->pp = MHD_create_post_processor(http_req_mhd_connection(req), 32 * 1024, on_field, f);
    if (!f->pp)
        return answer(f, resp, 400, "INVALID_FILE_OBJECT", NOT_A_FORM);
    return 0;
}

int upload_form_data(struct http_req *req, struct http_resp *resp, const char *buf, size_t len)
{
    struct upload_form *f = req->stream_state;
    if (MHD_post_process(f->pp, buf, len) == MHD_YES)
        return 0;
    struct api_error e;
    if (write_error(f) && files_write_error(write_error(f), &e)) {
        upload_resp_error(resp, &e);
        return -1;
    }
    if (f->too_large)
        return answer(f, resp, 413, "REQUEST_TOO_LARGE", "The file is larger than the upload limit");
    if (f->too_many_parts)
        return answer(f, resp, 400, "INVALID_FILE_OBJECT", "Too many form fields");
    if (f->field_too_long)
        return answer(f, resp, 400, "INVALID_FILE_OBJECT", "A form field is too long");
    return answer(f, resp, 400, "INVALID_FILE_OBJECT", NOT_A_FORM);
}

int upload_form_finish(struct upload_form *f, struct api_error *err)
{
    enum MHD_Result complete = MHD_YES;
    if (f->pp) {
        complete = MHD_destroy_post_processor(f->pp);
        f->pp = NULL;
    }
    if (f->started_file && !f->file_done && f->file) {
        f->file_done = true;
        if (f->file_base64)
            b64_end(f);
    }
    if (write_error(f))
        return files_write_error(write_error(f), err);
    if (f->too_large)
        return api_error_set(err, 413, "REQUEST_TOO_LARGE", "The file is larger than the upload limit");
    if (f->too_many_parts || f->field_too_long || complete != MHD_YES)
        return api_error_set(err, 400, "INVALID_FILE_OBJECT", "File object is invalid");
    return 0;
}

int upload_form_check_file(struct upload_form *f, struct api_error *err)
{
    if (f->file && f->file_base64 && f->file_bad_base64)
        return api_error_set(err, 400, "INVALID_BASE_64", "Invalid Base 64 string");
    return 0;
}

void upload_form_free(struct upload_form *f)
{
    if (!f)
        return;
    if (f->pp)
        MHD_destroy_post_processor(f->pp);
    blob_writer_abort(f->file);
    free(f->file_name);
    free(f->session_id);
    free(f->bank_name);
    if (f->pdf_password) /* a secret: do not leave it in freed memory */
        explicit_bzero(f->pdf_password, strlen(f->pdf_password));
    free(f->pdf_password);
    free(f->upload_type);
    free(f->file_url);
    free(f->bank);
    free(f->entity_id);
    free(f->link_id);
    free(f);
}
