/* The streaming form reader gives the same fields whatever the chunking,
 * refuses bodies without their boundary or cut short, and decodes
 * urlencoded bodies. */
#include "check.h"
#include "api/form_parser.h"

#include <stdlib.h>

struct seen {
    char text[4096]; /* "name|filename|value;" per field */
    size_t len;
    char cur_name[256];
};

static int collect(void *cls, const char *name, const char *filename, const char *data, size_t len, uint64_t off)
{
    struct seen *s = cls;
    if (len == 0 && off == 0) {
        s->len += (size_t)snprintf(s->text + s->len, sizeof s->text - s->len, "%s;%s|%s|", s->len ? "" : "",
                                   name, filename ? filename : "-");
        return 0;
    }
    if (s->len + len < sizeof s->text) {
        memcpy(s->text + s->len, data, len);
        s->len += len;
        s->text[s->len] = '\0';
    }
    return 0;
}

static enum form_error parse_in(const char *ct, const char *body, size_t n, const size_t *cuts, size_t ncuts,
                                struct seen *s)
{
    memset(s, 0, sizeof *s);
    enum form_error e;
    struct form_parser *p = form_parser_new(ct, collect, s, &e);
    if (!p)
        return e;
    size_t at = 0;
    for (size_t i = 0; i <= ncuts && !e; i++) {
        size_t end = i < ncuts ? cuts[i] : n;
        e = form_parser_feed(p, body + at, end - at);
        at = end;
    }
    if (!e)
        e = form_parser_finish(p);
    form_parser_free(p);
    return e;
}

static const char BODY[] = "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"session_id\"\r\n\r\nabc\r\n"
                           "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a b.pdf\"\r\n"
                           "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--XyZnot\r\n-- end\r\n--XyZ--\r\nepilogue";
static const char CT[] = "multipart/form-data; boundary=XyZ";

TEST(every_split_gives_the_same_fields)
{
    struct seen whole, split;
    size_t n = strlen(BODY);
    CHECK_INT(parse_in(CT, BODY, n, NULL, 0, &whole), FORM_OK);
    CHECK_STR(whole.text, ";session_id|-|abc;file|a b.pdf|%PDF-1.4\r\n--XyZnot\r\n-- end");
    for (size_t c = 0; c <= n; c++) {
        size_t cuts[1] = {c};
        CHECK_INT(parse_in(CT, BODY, n, cuts, 1, &split), FORM_OK);
        if (strcmp(split.text, whole.text)) {
            fprintf(stderr, "  split at %zu: %s\n", c, split.text);
            CHECK(0);
            break;
        }
    }
    size_t *bytes = malloc(n * sizeof *bytes); /* one byte at a time */
    for (size_t i = 0; i < n; i++)
        bytes[i] = i;
    CHECK_INT(parse_in(CT, BODY, n, bytes, n, &split), FORM_OK);
    CHECK_STR(split.text, whole.text);
    free(bytes);
}

TEST(wrong_boundary_cut_body_and_bad_types_are_refused)
{
    struct seen s;
    size_t n = strlen(BODY);
    CHECK_INT(parse_in("multipart/form-data; boundary=Other", BODY, n, NULL, 0, &s), FORM_NO_PARTS);
    CHECK_INT(parse_in(CT, BODY, n / 2, NULL, 0, &s), FORM_TRUNCATED);
    CHECK_INT(parse_in("multipart/form-data", BODY, n, NULL, 0, &s), FORM_NOT_A_FORM);
    CHECK_INT(parse_in("application/json", BODY, n, NULL, 0, &s), FORM_NOT_A_FORM);
    CHECK_INT(parse_in("multipart/form-data; boundary=\"XyZ\"", BODY, n, NULL, 0, &s), FORM_OK);
}

TEST(filename_star_and_quoted_names)
{
    static const char B[] = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.pdf\"; "
                            "filename*=UTF-8''%E0%A4%AC.pdf\r\n\r\nX\r\n--b\r\nContent-Disposition: form-data; "
                            "name=\"q\\\"t\"\r\n\r\nY\r\n--b--";
    struct seen s;
    CHECK_INT(parse_in("multipart/form-data; boundary=b", B, strlen(B), NULL, 0, &s), FORM_OK);
    CHECK_STR(s.text, ";file|\xe0\xa4\xac.pdf|X;q\"t|-|Y");
}

TEST(urlencoded_bodies_decode_across_chunks)
{
    static const char B[] = "session_id=a%2Db&file=JVBE+Rg%3D%3D&empty=&flag";
    struct seen whole, split;
    size_t n = strlen(B);
    CHECK_INT(parse_in("application/x-www-form-urlencoded", B, n, NULL, 0, &whole), FORM_OK);
    CHECK_STR(whole.text, ";session_id|-|a-b;file|-|JVBE Rg==;empty|-|;flag|-|");
    for (size_t c = 0; c <= n; c++) {
        size_t cuts[1] = {c};
        parse_in("application/x-www-form-urlencoded", B, n, cuts, 1, &split);
        if (strcmp(split.text, whole.text)) {
            fprintf(stderr, "  split at %zu: %s\n", c, split.text);
            CHECK(0);
            break;
        }
    }
}

int main(void)
{
    RUN(every_split_gives_the_same_fields);
    RUN(wrong_boundary_cut_body_and_bad_types_are_refused);
    RUN(filename_star_and_quoted_names);
    RUN(urlencoded_bodies_decode_across_chunks);
    return check_summary();
}
