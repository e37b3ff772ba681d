#include "api/upload_form.h"

#include <errno.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/files.h"
#include "util/base64.h"
#include "util/utf8.h"

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

/* How the file field is read is decided on its first bytes, whatever the
 * TCP split: up to SNIFF_MAX bytes are held while they could still be
 * "%PDF" or a "data:...," prefix. */
static bool sniff_undecided(const char *s, size_t n)
{
    if (n < 4 && !memcmp("%PDF", s, n))
        return true;
    if (n < 5 && !strncasecmp("data:", s, n))
        return true;
    return n >= 5 && !strncasecmp(s, "data:", 5) && !memchr(s, ',', n) && n < SNIFF_MAX;
}

static void file_write(struct upload_form *f, const char *data, size_t size)
{
    if (f->file_base64)
        b64_feed(f, data, size);
    else if (size)
        blob_writer_add(f->file, data, size); /* a failure stays in write_error(f) */
}

/* Decides raw PDF or BASE64 on the held bytes, skips a "data:...;base64,"
 * prefix, and writes what was held. */
static void sniff_decide(struct upload_form *f)
{
    const char *s = f->sniff;
    size_t n = f->sniff_len, skip = 0;
    bool says_b64 = f->upload_type && !strcasecmp(f->upload_type, "BASE64");
    bool pdf = n >= 4 && !memcmp(s, "%PDF", 4);
    f->file_base64 = !pdf && (says_b64 || !f->file_part);
    if (f->file_base64 && n >= 5 && !strncasecmp(s, "data:", 5)) {
        const char *comma = memchr(s, ',', n);
        if (comma)
            skip = (size_t)(comma + 1 - s);
    }
    f->sniffed = true;
    file_write(f, s + skip, n - skip);
}

static void file_chunk(struct upload_form *f, const char *data, size_t size)
{
    if (f->file_done)
        return; /* only the first file field counts */
    f->sent_bytes += size;
    if (f->max_bytes && f->sent_bytes > f->max_bytes) {
        f->too_large = true;
        return;
    }
    if (!f->sniffed) {
        size_t take = SNIFF_MAX - f->sniff_len < size ? SNIFF_MAX - f->sniff_len : size;
        memcpy(f->sniff + f->sniff_len, data, take);
        f->sniff_len += take;
        data += take;
        size -= take;
        if (sniff_undecided(f->sniff, f->sniff_len))
            return;
        sniff_decide(f);
    }
    file_write(f, data, size);
}

/* The file field ended (another field began, or the body did). */
static void file_end(struct upload_form *f)
{
    if (!f->started_file || f->file_done || !f->file)
        return;
    if (!f->sniffed)
        sniff_decide(f);
    f->file_done = true;
    if (f->file_base64)
        b64_end(f);
}

/* The slot of a small field, or NULL for fields we ignore. */
static char **slot_of(struct upload_form *f, const char *key)
{
    return !strcmp(key, "session_id")     ? &f->session_id
           : !strcmp(key, "bank_name")    ? &f->bank_name
           : !strcmp(key, "pdf_password") ? &f->pdf_password
           : !strcmp(key, "upload_type")  ? &f->upload_type
           : !strcmp(key, "file_url")     ? &f->file_url
           : !strcmp(key, "bank")         ? &f->bank
           : !strcmp(key, "entity_id")    ? &f->entity_id
           : !strcmp(key, "link_id")      ? &f->link_id
                                          : NULL;
}

/* A field begins: counted, the file field set up, a repeated small field
 * ignored (the first one counts). */
static int field_start(struct upload_form *f, const char *key, const char *filename)
{
    if (++f->nparts > UPLOAD_MAX_PARTS) {
        f->too_many_parts = true;
        return -1;
    }
    file_end(f);
    f->cur = NULL;
    f->cur_is_file = false;
    if (!strcmp(key, "file")) {
        if (f->started_file)
            return 0; /* a second file field: ignored */
        if (!(f->file = blob_writer_new(f->blobs))) {
            f->write_error = errno == ENOSPC || errno == EDQUOT ? BLOB_NO_SPACE : BLOB_IO;
            return -1;
        }
        f->started_file = f->cur_is_file = true;
        f->file_part = filename != NULL;
        /* a name a browser or a client sends may be anything: kept as valid
         * UTF-8, cut on a character boundary */
        if (filename && !(f->file_name = utf8_clean(filename, UPLOAD_FILE_NAME_MAX)))
            return -1;
        return 0;
    }
    char **slot = slot_of(f, key);
    if (slot && !*slot) {
        if (!(*slot = strdup("")))
            return -1;
        f->cur = slot;
    }
    return 0;
}

/* Appends to the current small field, bounded. */
static int field_chunk(struct upload_form *f, const char *data, size_t size)
{
    char **slot = f->cur;
    size_t have = strlen(*slot);
    if (have + size > UPLOAD_FIELD_MAX) {
        f->field_too_long = true;
        return -1;
    }
    char *p = realloc(*slot, have + size + 1);
    if (!p)
        return -1;
    memcpy(p + have, data, size);
    p[have + size] = '\0';
    *slot = p;
    return 0;
}

static int on_data(void *cls, const char *key, const char *filename, const char *data, size_t size,
                   uint64_t off)
{
    struct upload_form *f = cls;
    if (size == 0 && off == 0)
        return field_start(f, key, filename);
    if (f->cur_is_file) {
        file_chunk(f, data, size);
        return f->too_large || write_error(f) ? -1 : 0;
    }
    return f->cur ? field_chunk(f, data, size) : 0;
}

int upload_form_start(struct upload_form *f, const char *content_type, struct blob_store *blobs,
                      size_t max_bytes)
{
    enum form_error fe;
    f->blobs = blobs;
    f->max_bytes = max_bytes;
    f->urlencoded = content_type && !strncasecmp(content_type, "application/x-www-form-urlencoded", 33);
    f->parser = form_parser_new(content_type, on_data, f, &fe);
    return f->parser ? 0 : -1;
}

int upload_form_open(struct http_req *req, struct http_resp *resp, struct blob_store *blobs,
                     size_t max_bytes)
{
    struct upload_form *f = req->stream_state;
    if (!f && !(f = calloc(1, sizeof *f)))
        return answer(NULL, resp, 500, "INTERNAL_ERROR", "Something went wrong");
    req->stream_state = f;
    if (upload_form_start(f, http_req_header(req, "content-type"), blobs, max_bytes))
        return answer(f, resp, 400, "INVALID_FILE_OBJECT", NOT_A_FORM);
    return 0;
}

/* The error of a form the parser stopped or refused. */
static int form_error(const struct upload_form *f, enum form_error fe, struct api_error *err)
{
    if (write_error(f))
        return files_write_error(write_error(f), err);
    if (f->too_large)
        return api_error_set(err, 413, "REQUEST_TOO_LARGE", "The file is larger than the upload limit");
    if (f->too_many_parts)
        return api_error_set(err, 400, "INVALID_FILE_OBJECT", "Too many form fields");
    if (f->field_too_long)
        return api_error_set(err, 400, "INVALID_FILE_OBJECT", "A form field is too long");
    switch (fe) {
    case FORM_NO_PARTS:
        return api_error_set(err, 400, "INVALID_FILE_OBJECT",
                             "The multipart body does not contain the boundary its Content-Type declares");
    case FORM_TRUNCATED:
        return api_error_set(err, 400, "INVALID_FILE_OBJECT", "The multipart body ends before its last boundary");
    case FORM_BAD_PART:
        return api_error_set(err, 400, "INVALID_FILE_OBJECT", "A part of the multipart body is malformed");
    default:
        return api_error_set(err, 400, "INVALID_FILE_OBJECT", "File object is invalid");
    }
}

int upload_form_feed(struct upload_form *f, const char *buf, size_t len, struct api_error *err)
{
    enum form_error fe = form_parser_feed(f->parser, buf, len);
    return fe == FORM_OK ? 0 : form_error(f, fe, err);
}

int upload_form_data(struct http_req *req, struct http_resp *resp, const char *buf, size_t len)
{
    struct upload_form *f = req->stream_state;
    struct api_error e;
    if (upload_form_feed(f, buf, len, &e) == 0)
        return 0;
    (f->on_error ? f->on_error : upload_resp_error)(resp, &e);
    return -1;
}

int upload_form_finish(struct upload_form *f, struct api_error *err)
{
    enum form_error fe = form_parser_finish(f->parser);
    file_end(f);
    if (fe != FORM_OK || write_error(f) || f->too_large || f->too_many_parts || f->field_too_long)
        return form_error(f, fe, err);
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
    form_parser_free(f->parser);
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
