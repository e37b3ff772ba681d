/* Small PDFs written by hand in memory, for the tests that need a PDF with
 * exactly the objects and content operators they name: a growing buffer,
 * printf into it, a whole file of numbered objects with its xref. */
#ifndef PB_TESTS_PDF_BUILD_H
#define PB_TESTS_PDF_BUILD_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buf {
    unsigned char *p;
    size_t n, cap;
};

static inline void put(struct buf *b, const void *d, size_t n)
{
    if (b->n + n > b->cap) {
        b->cap = (b->n + n) * 2 + 4096;
        b->p = realloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, d, n);
    b->n += n;
}

static inline void putf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline void putf(struct buf *b, const char *fmt, ...)
{
    char tmp[4096];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    put(b, tmp, (size_t)n);
}

/* A PDF of nobj objects (1-based bodies); object 1 is the catalog. */
static inline struct buf pdf_of(struct buf *objs, int nobj)
{
    struct buf out = {0};
    size_t *off = calloc((size_t)nobj + 1, sizeof *off);
    putf(&out, "%%PDF-1.7\n");
    for (int i = 1; i <= nobj; i++) {
        off[i] = out.n;
        putf(&out, "%d 0 obj\n", i);
        put(&out, objs[i].p, objs[i].n);
        putf(&out, "\nendobj\n");
    }
    size_t xref = out.n;
    putf(&out, "xref\n0 %d\n0000000000 65535 f \n", nobj + 1);
    for (int i = 1; i <= nobj; i++)
        putf(&out, "%010zu 00000 n \n", off[i]);
    putf(&out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", nobj + 1, xref);
    free(off);
    return out;
}

static inline void stream_obj(struct buf *o, const char *dict, const void *data, size_t n)
{
    putf(o, "<< /Length %zu %s >>\nstream\n", n, dict);
    put(o, data, n);
    putf(o, "\nendstream");
}

#define CATALOG "<< /Type /Catalog /Pages 2 0 R >>"
#define PAGES "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
#define FONT "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"

/* One page (objects 1-5: catalog, pages, page, Helvetica, content) with
 * the given resources and content, and extra objects numbered from 6. */
static inline struct buf page_with(const char *resources, const char *content, struct buf *extra, int nextra)
{
    int n = 5 + nextra;
    struct buf *o = calloc((size_t)n + 1, sizeof *o);
    putf(&o[1], CATALOG);
    putf(&o[2], PAGES);
    putf(&o[3], "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s /Contents 5 0 R >>", resources);
    putf(&o[4], FONT);
    stream_obj(&o[5], "", content, strlen(content));
    for (int i = 0; i < nextra; i++)
        o[6 + i] = extra[i];
    struct buf out = pdf_of(o, n);
    for (int i = 0; i <= n; i++)
        free(o[i].p);
    free(o);
    return out;
}

#endif
