/* The small bodies of the entity flow's POSTs (create entity, update
 * webhook): FinBox's entity pages accept multipart/form-data and
 * application/x-www-form-urlencoded for every entity API, its Python client
 * sends a form, and JSON is what a lender's engineer tries first. All three
 * become one JSON object of fields here. */
#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api/api.h"

#define FORM_MAX_FIELDS 32
#define FORM_FIELD_MAX 8192

const char *const API_FORM_TYPES[] = {"application/json", "multipart/form-data",
                                      "application/x-www-form-urlencoded", NULL};

struct collect {
    json_t *obj;
    int nfields;
    bool bad;
};

static enum MHD_Result on_field(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
                                const char *content_type, const char *encoding, const char *data, uint64_t off,
                                size_t size)
{
    struct collect *c = cls;
    if (filename) /* no files here */
        return MHD_YES;
    json_t *old = json_object_get(c->obj, key);
    size_t have = old ? json_string_length(old) : 0;
    if (off == 0 && !old && ++c->nfields > FORM_MAX_FIELDS) {
        c->bad = true;
        return MHD_NO;
    }
    if (have + size > FORM_FIELD_MAX) {
        c->bad = true;
        return MHD_NO;
    }
    char *v = malloc(have + size + 1);
    if (!v) {
        c->bad = true;
        return MHD_NO;
    }
    if (have)
        memcpy(v, json_string_value(old), have);
    memcpy(v + have, data, size);
    v[have + size] = '\0';
    json_t *s = json_stringn(v, have + size); /* NULL for invalid UTF-8 */
    free(v);
    if (!s) {
        c->bad = true;
        return MHD_NO;
    }
    json_object_set_new(c->obj, key, s);
    return MHD_YES;
}

json_t *api_form_fields(struct http_req *req)
{
    const char *ct = http_req_header(req, "content-type");
    if (!ct || !strncasecmp(ct, "application/json", 16) || req->body_len == 0) {
        json_t *j = req->body_len ? json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, NULL)
                                  : json_object();
        if (j && !json_is_object(j)) {
            json_decref(j);
            return NULL;
        }
        return j;
    }
    struct collect c = {json_object(), 0, false};
    struct MHD_PostProcessor *pp =
        MHD_create_post_processor(http_req_mhd_connection(req), 8192, on_field, &c);
    if (!pp || MHD_post_process(pp, req->body, req->body_len) != MHD_YES || c.bad) {
        if (pp)
            MHD_destroy_post_processor(pp);
        json_decref(c.obj);
        return NULL;
    }
    if (MHD_destroy_post_processor(pp) != MHD_YES) { /* truncated */
        json_decref(c.obj);
        return NULL;
    }
    return c.obj;
}

char *api_query_escape(const char *s)
{
    static const char HEX[] = "0123456789ABCDEF";
    char *out = malloc(strlen(s) * 3 + 1), *p = out;
    for (; out && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || strchr("-._~", c)) {
            *p++ = (char)c;
        } else {
            *p++ = '%';
            *p++ = HEX[c >> 4];
            *p++ = HEX[c & 15];
        }
    }
    if (out)
        *p = '\0';
    return out;
}
