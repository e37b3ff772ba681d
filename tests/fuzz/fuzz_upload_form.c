/* libFuzzer harness: the upload form (multipart and urlencoded parsing,
 * raw/BASE64 sniffing, the streaming BASE64 decoder, file names).
 *
 * Input: byte 0 picks the content type, byte 1 the chunk sizes; the rest
 * is the body. Two properties besides "no crash, no leak": the fields the
 * parser yields do not depend on how the body is chunked (a TCP split must
 * not change the answer), and a file name that comes back is valid UTF-8
 * of at most 255 bytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/form_parser.h"
#include "api/upload_form.h"
#include "blob/blob.h"
#include "util/utf8.h"

static const char *const TYPES[] = {
    "multipart/form-data; boundary=BOUNDARY",
    "multipart/form-data; boundary=\"b\"",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=--x--",
};

struct digest {
    uint64_t h;
    size_t n;
};

static int mix(void *cls, const char *name, const char *filename, const char *data, size_t len, uint64_t off)
{
    struct digest *d = cls;
    const char *parts[3] = {name, filename ? filename : "", data};
    size_t lens[3] = {strlen(name), filename ? strlen(filename) : 0, len};
    if (len == 0 && off == 0)
        d->h = d->h * 1099511628211ULL + 0x9e37; /* a field boundary */
    for (int k = len ? 2 : 0; k < 3; k++)
        for (size_t i = 0; i < lens[k]; i++)
            d->h = (d->h ^ (unsigned char)parts[k][i]) * 1099511628211ULL;
    d->n += len;
    return 0;
}

static struct digest parse(const char *ct, const uint8_t *body, size_t n, size_t chunk, enum form_error *e)
{
    struct digest d = {1469598103934665603ULL, 0};
    struct form_parser *p = form_parser_new(ct, mix, &d, e);
    if (!p)
        return d;
    for (size_t at = 0; at < n && !*e; at += chunk)
        *e = form_parser_feed(p, (const char *)body + at, n - at < chunk ? n - at : chunk);
    if (!*e)
        *e = form_parser_finish(p);
    form_parser_free(p);
    return d;
}

static struct blob_store *blobs;

/* upload_form_open's one tie to the server (src/http/server.c), which the
 * harness does not link: it feeds the form through upload_form_start. */
const char *http_req_header(const struct http_req *req, const char *name)
{
    (void)req;
    (void)name;
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    if (!blobs) {
        char dir[] = "/tmp/pb-fuzz-upload-XXXXXX";
        if (!mkdtemp(dir) || !(blobs = blob_open(dir)))
            abort();
    }
    const char *ct = TYPES[data[0] % (sizeof TYPES / sizeof TYPES[0])];
    size_t chunk = 1 + data[1] % 17;
    const uint8_t *body = data + 2;
    size_t n = size - 2;

    enum form_error e1 = FORM_OK, e2 = FORM_OK;
    struct digest whole = parse(ct, body, n, n ? n : 1, &e1);
    struct digest split = parse(ct, body, n, chunk, &e2);
    if (e1 != e2 || whole.h != split.h || whole.n != split.n)
        abort(); /* the chunking changed what was read */

    struct upload_form *f = calloc(1, sizeof *f);
    struct api_error err;
    if (f && upload_form_start(f, ct, blobs, 1u << 20) == 0) {
        int rc = 0;
        for (size_t at = 0; at < n && rc == 0; at += chunk)
            rc = upload_form_feed(f, (const char *)body + at, n - at < chunk ? n - at : chunk, &err);
        if (rc == 0 && upload_form_finish(f, &err) == 0)
            upload_form_check_file(f, &err);
        if (f->file_name) {
            size_t len = strlen(f->file_name);
            if (len > UPLOAD_FILE_NAME_MAX)
                abort();
            for (size_t i = 0; i < len;) {
                size_t k = utf8_seq_len((const unsigned char *)f->file_name + i, len - i);
                if (!k)
                    abort(); /* a file name that is not UTF-8 */
                i += k;
            }
        }
    }
    upload_form_free(f);
    return 0;
}
