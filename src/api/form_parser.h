/* A streaming reader of form bodies: multipart/form-data (RFC 7578) and
 * application/x-www-form-urlencoded. Bytes go in as they arrive, split
 * anywhere; each field's value comes out in pieces, in order, through one
 * callback, without the body ever being held in memory. A pure function of
 * the bytes (no HTTP connection), so it is fuzzed
 * (tests/fuzz/fuzz_upload_form.c).
 *
 * Multipart: the boundary comes from the Content-Type; a preamble before
 * the first delimiter and an epilogue after the last are ignored; part
 * headers (at most FORM_HEADERS_MAX bytes) give the field name and the
 * file name (filename*=UTF-8''... wins over filename=). A body in which
 * the boundary never appears, or that ends before the closing delimiter,
 * is refused at the end.
 * Urlencoded: name=value pairs joined by '&', percent escapes and '+'
 * decoded. */
#ifndef PB_API_FORM_PARSER_H
#define PB_API_FORM_PARSER_H

#include <stddef.h>
#include <stdint.h>

#define FORM_HEADERS_MAX 8192
#define FORM_NAME_MAX 1024

/* A piece of the value of field name (file name or NULL), starting at
 * byte off of the value. Called once with len 0 when a field starts.
 * Return 0 to go on, -1 to stop the parse (form_parser_feed returns -1). */
typedef int (*form_data_fn)(void *cls, const char *name, const char *filename, const char *data,
                            size_t len, uint64_t off);

enum form_error {
    FORM_OK = 0,
    FORM_STOPPED,          /* the callback asked to stop */
    FORM_NOT_A_FORM,       /* not a form type, or multipart without a usable boundary */
    FORM_NO_PARTS,         /* the boundary never appears in the body */
    FORM_BAD_PART,         /* part headers too long or malformed */
    FORM_TRUNCATED,        /* the body ended before the closing delimiter */
};

struct form_parser;

/* NULL with *err set when content_type is not a form (FORM_NOT_A_FORM) or
 * on out of memory. */
struct form_parser *form_parser_new(const char *content_type, form_data_fn fn, void *cls,
                                    enum form_error *err);
/* Returns FORM_OK, or the error (further calls return it again). */
enum form_error form_parser_feed(struct form_parser *p, const char *buf, size_t len);
/* The body ended: FORM_OK if it was a complete form. */
enum form_error form_parser_finish(struct form_parser *p);
/* How many fields started so far. */
unsigned form_parser_fields(const struct form_parser *p);
void form_parser_free(struct form_parser *p);

#endif
