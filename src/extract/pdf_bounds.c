#include "extract/pdf_bounds.h"

#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define HEIGHT_UNKNOWN 0
#define HEIGHT_BUSY 1  /* on the current path: a cycle, which MuPDF does not follow */
#define HEIGHT_BASE 2  /* stored heights are offset by this */
#define WORK_BUSY 1    /* likewise for the work of Type 3 glyphs */
#define WORK_BASE 2
#define WORK_MAX (UINT_MAX - WORK_BASE)

static int refuse(struct pdf_bounds *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int refuse(struct pdf_bounds *b, const char *fmt, ...)
{
    if (!b->why[0]) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(b->why, sizeof b->why, fmt, ap);
        va_end(ap);
    }
    return -1;
}

int pdf_bounds_open(fz_context *ctx, pdf_document *doc, struct pdf_bounds *b)
{
    b->page_bytes = b->doc_bytes = 0;
    b->glyph_work = 0;
    b->why[0] = '\0';
    b->height = b->inflated = NULL;
    b->work = NULL;
    volatile int rc = 0;
    fz_try(ctx)
    {
        b->nobjs = pdf_xref_len(ctx, doc);
        size_t n = (size_t)(b->nobjs > 0 ? b->nobjs : 1);
        b->height = fz_calloc(ctx, n, 1);
        b->inflated = fz_calloc(ctx, n, 1);
    }
    fz_catch(ctx) rc = -1;
    return rc;
}

void pdf_bounds_close(fz_context *ctx, struct pdf_bounds *b)
{
    fz_free(ctx, b->height);
    fz_free(ctx, b->inflated);
    fz_free(ctx, b->work);
    b->height = b->inflated = NULL;
    b->work = NULL;
}

/* Inflates one stream, counting its bytes against the limits (the page's
 * only with per_page). */
static int inflate_as(fz_context *ctx, struct pdf_bounds *b, pdf_obj *stm, bool per_page)
{
    fz_stream *s = NULL;
    volatile int rc = 0;
    unsigned char buf[16384];
    fz_var(s);
    fz_try(ctx)
    {
        s = pdf_open_stream(ctx, stm);
        size_t n;
        while (rc == 0 && (n = fz_read(ctx, s, buf, sizeof buf)) > 0) {
            b->page_bytes += per_page ? n : 0;
            b->doc_bytes += n;
            if (b->page_bytes > b->max_page_bytes)
                rc = refuse(b, "A page's content inflates to more than %zu MiB", b->max_page_bytes >> 20);
            else if (b->doc_bytes > b->max_doc_bytes)
                rc = refuse(b, "The statement's content inflates to more than %zu MiB", b->max_doc_bytes >> 20);
            else if (watch_check(b->watch))
                rc = -1; /* the caller tells why */
        }
    }
    fz_always(ctx) fz_drop_stream(ctx, s);
    fz_catch(ctx)
    {
        /* a broken stream: MuPDF reports it (or not) when it runs the page */
    }
    return rc;
}

static int inflate(fz_context *ctx, struct pdf_bounds *b, pdf_obj *stm)
{
    return inflate_as(ctx, b, stm, true);
}

static int resources_height(fz_context *ctx, struct pdf_bounds *b, pdf_obj *res, int depth);

/* The height of a content stream that may draw others (a form, a pattern,
 * a glyph): 1 + the height of what its resources draw; inflated once. */
static int node_height(fz_context *ctx, struct pdf_bounds *b, pdf_obj *stm, pdf_obj *res, int depth)
{
    if (!pdf_is_stream(ctx, stm))
        return 0;
    int num = pdf_to_num(ctx, stm);
    bool tracked = num > 0 && num < b->nobjs;
    if (tracked && b->height[num] == HEIGHT_BUSY)
        return 0;
    if (tracked && b->height[num] >= HEIGHT_BASE)
        return b->height[num] - HEIGHT_BASE;
    if (depth > b->max_depth)
        return refuse(b, "Forms are nested more than %d levels deep", b->max_depth);
    if (tracked)
        b->height[num] = HEIGHT_BUSY;
    if (inflate(ctx, b, stm))
        return -1;
    int h = resources_height(ctx, b, res ? res : pdf_dict_get(ctx, stm, PDF_NAME(Resources)), depth + 1);
    if (h < 0)
        return -1;
    h += 1;
    if (tracked)
        b->height[num] = (unsigned char)(HEIGHT_BASE + (h < 250 ? h : 250));
    return h;
}

static int max_of(int a, int b)
{
    return a < 0 || b < 0 ? -1 : a > b ? a : b;
}

/* Every stream value of dict as a node (or, for sub = a name, only those
 * whose /Subtype is it). */
static int dict_nodes(fz_context *ctx, struct pdf_bounds *b, pdf_obj *dict, pdf_obj *sub, int depth)
{
    int h = 0, n = pdf_dict_len(ctx, dict);
    for (int i = 0; i < n && h >= 0; i++) {
        pdf_obj *v = pdf_dict_get_val(ctx, dict, i);
        if (!sub || pdf_name_eq(ctx, pdf_dict_get(ctx, v, PDF_NAME(Subtype)), sub))
            h = max_of(h, node_height(ctx, b, v, NULL, depth));
    }
    return h;
}

/* Soft masks of graphics states draw a group form. */
static int extgstate_height(fz_context *ctx, struct pdf_bounds *b, pdf_obj *gs, int depth)
{
    int h = 0, n = pdf_dict_len(ctx, gs);
    for (int i = 0; i < n && h >= 0; i++) {
        pdf_obj *mask = pdf_dict_get(ctx, pdf_dict_get_val(ctx, gs, i), PDF_NAME(SMask));
        if (pdf_is_dict(ctx, mask))
            h = max_of(h, node_height(ctx, b, pdf_dict_get(ctx, mask, PDF_NAME(G)), NULL, depth));
    }
    return h;
}

/* Data a font reads when it loads, once per document: per_page for what
 * MuPDF parses token by token (CMaps), the document's count only for font
 * programs (held in memory, where the memory budget bounds them too). */
static int font_data(fz_context *ctx, struct pdf_bounds *b, pdf_obj *stm, bool per_page)
{
    if (!pdf_is_stream(ctx, stm))
        return 0;
    int num = pdf_to_num(ctx, stm);
    bool tracked = num > 0 && num < b->nobjs;
    if (tracked && b->inflated[num])
        return 0;
    if (tracked)
        b->inflated[num] = 1;
    if (inflate_as(ctx, b, stm, per_page))
        return -1;
    /* an embedded CMap may build on another */
    return font_data(ctx, b, pdf_dict_get(ctx, stm, PDF_NAME(UseCMap)), per_page);
}

static int descriptor_data(fz_context *ctx, struct pdf_bounds *b, pdf_obj *desc)
{
    pdf_obj *files[] = {PDF_NAME(FontFile), PDF_NAME(FontFile2), PDF_NAME(FontFile3)};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        if (font_data(ctx, b, pdf_dict_get(ctx, desc, files[i]), false))
            return -1;
    return 0;
}

static int fonts_data(fz_context *ctx, struct pdf_bounds *b, pdf_obj *font)
{
    if (font_data(ctx, b, pdf_dict_get(ctx, font, PDF_NAME(ToUnicode)), true) ||
        font_data(ctx, b, pdf_dict_get(ctx, font, PDF_NAME(Encoding)), true) ||
        descriptor_data(ctx, b, pdf_dict_get(ctx, font, PDF_NAME(FontDescriptor))))
        return -1;
    pdf_obj *cid = pdf_array_get(ctx, pdf_dict_get(ctx, font, PDF_NAME(DescendantFonts)), 0);
    if (!pdf_is_dict(ctx, cid))
        return 0;
    if (font_data(ctx, b, pdf_dict_get(ctx, cid, PDF_NAME(CIDToGIDMap)), false))
        return -1;
    return descriptor_data(ctx, b, pdf_dict_get(ctx, cid, PDF_NAME(FontDescriptor)));
}

/* What colour spaces, shadings, patterns and graphics states hold is read
 * when first used: functions (a PostScript calculator function token by
 * token), lookup tables, ICC profiles. Every stream reachable from them
 * is inflated once, except content streams measured as nodes above. */
static int held_data(fz_context *ctx, struct pdf_bounds *b, pdf_obj *obj, int depth)
{
    if (depth > 8)
        return 0;
    int num = pdf_to_num(ctx, obj);
    if (num > 0 && num < b->nobjs) {
        if (b->inflated[num] || b->height[num] >= HEIGHT_BASE)
            return 0;
        if (pdf_is_stream(ctx, obj)) { /* font_data marks it */
            if (font_data(ctx, b, obj, true))
                return -1;
        } else
            b->inflated[num] = 1;
    } else if (pdf_is_stream(ctx, obj) && inflate(ctx, b, obj))
        return -1;
    int n = pdf_is_array(ctx, obj) ? pdf_array_len(ctx, obj) : pdf_dict_len(ctx, obj);
    for (int i = 0; i < n; i++) {
        pdf_obj *v = pdf_is_array(ctx, obj) ? pdf_array_get(ctx, obj, i) : pdf_dict_get_val(ctx, obj, i);
        if (held_data(ctx, b, v, depth + 1))
            return -1;
    }
    return 0;
}

static unsigned add_work(unsigned a, unsigned long b)
{
    return b > WORK_MAX - a ? WORK_MAX : a + (unsigned)b;
}

/* Skips an inline image's data (after ID) up to its EI. */
static void skip_inline_image(fz_context *ctx, fz_stream *s)
{
    int prev = ' ', c;
    while ((c = fz_read_byte(ctx, s)) != EOF) {
        if (c == 'E' && (prev == ' ' || prev == '\n' || prev == '\r' || prev == '\t')) {
            if (fz_peek_byte(ctx, s) == 'I') {
                fz_read_byte(ctx, s);
                return;
            }
        }
        prev = c;
    }
}

static unsigned stream_work(fz_context *ctx, struct pdf_bounds *b, pdf_obj *stm, pdf_obj *res, int depth);

/* The work of `/name Do` under res: a form's own work, 1 for anything else. */
static unsigned xobject_work(fz_context *ctx, struct pdf_bounds *b, pdf_obj *res, const char *name, int depth)
{
    pdf_obj *x = pdf_dict_gets(ctx, pdf_dict_get(ctx, res, PDF_NAME(XObject)), name);
    if (!pdf_name_eq(ctx, pdf_dict_get(ctx, x, PDF_NAME(Subtype)), PDF_NAME(Form)))
        return 1;
    pdf_obj *own = pdf_dict_get(ctx, x, PDF_NAME(Resources));
    return add_work(1, stream_work(ctx, b, x, own ? own : res, depth + 1));
}

/* The operators one content stream runs, each form it draws counted with
 * the form's own; memoised per object, saturating. The nesting was
 * measured before (depth stays within it); a cycle counts nothing more,
 * as MuPDF does not follow it. */
static unsigned stream_work(fz_context *ctx, struct pdf_bounds *b, pdf_obj *stm, pdf_obj *res, int depth)
{
    if (!pdf_is_stream(ctx, stm) || depth > b->max_depth + 1)
        return 0;
    int num = pdf_to_num(ctx, stm);
    bool tracked = num > 0 && num < b->nobjs;
    if (tracked && b->work[num] == WORK_BUSY)
        return 0;
    if (tracked && b->work[num] >= WORK_BASE)
        return b->work[num] - WORK_BASE;
    if (tracked)
        b->work[num] = WORK_BUSY;
    unsigned w = 0;
    fz_stream *s = NULL;
    pdf_lexbuf lb;
    pdf_lexbuf_init(ctx, &lb, PDF_LEXBUF_SMALL);
    char last[128] = "";
    fz_var(s);
    fz_try(ctx)
    {
        s = pdf_open_stream(ctx, stm);
        for (pdf_token t; (t = pdf_lex(ctx, s, &lb)) != PDF_TOK_EOF && t != PDF_TOK_ERROR && w < WORK_MAX;) {
            if (t == PDF_TOK_NAME) {
                snprintf(last, sizeof last, "%s", lb.scratch);
                continue;
            }
            if (t != PDF_TOK_KEYWORD)
                continue;
            w = add_work(w, 1);
            if (!strcmp(lb.scratch, "Do") && last[0])
                w = add_work(w, xobject_work(ctx, b, res, last, depth));
            else if (!strcmp(lb.scratch, "ID"))
                skip_inline_image(ctx, s);
            last[0] = '\0';
        }
    }
    fz_always(ctx)
    {
        fz_drop_stream(ctx, s);
        pdf_lexbuf_fin(ctx, &lb);
    }
    fz_catch(ctx) {} /* a broken stream stops where MuPDF's run would */
    if (tracked)
        b->work[num] = w < WORK_MAX ? WORK_BASE + w : UINT_MAX;
    return w;
}

/* A Type 3 font's glyphs are all recorded when it loads: their work counts
 * against the document's once per font. */
static int type3_work(fz_context *ctx, struct pdf_bounds *b, pdf_obj *font, pdf_obj *res)
{
    int num = pdf_to_num(ctx, font);
    bool tracked = num > 0 && num < b->nobjs;
    if (!b->work) {
        size_t n = (size_t)(b->nobjs > 0 ? b->nobjs : 1);
        b->work = fz_calloc(ctx, n, sizeof *b->work);
    }
    if (tracked && b->work[num])
        return 0;
    if (tracked)
        b->work[num] = WORK_BASE;
    pdf_obj *procs = pdf_dict_get(ctx, font, PDF_NAME(CharProcs));
    pdf_obj *own = pdf_dict_get(ctx, font, PDF_NAME(Resources));
    int n = pdf_dict_len(ctx, procs);
    bool bounded = b->max_glyph_work > 0;
    for (int k = 0; k < n && (!bounded || b->glyph_work <= b->max_glyph_work); k++)
        b->glyph_work += stream_work(ctx, b, pdf_dict_get_val(ctx, procs, k), own ? own : res, 1);
    if (bounded && b->glyph_work > b->max_glyph_work)
        return refuse(b, "The statement has too many drawing operations");
    return 0;
}

/* Type 3 glyphs are content streams run with the font's resources (or,
 * lacking them, those the font was found in); other fonts read data. */
static int fonts_height(fz_context *ctx, struct pdf_bounds *b, pdf_obj *fonts, pdf_obj *res, int depth)
{
    int h = 0, n = pdf_dict_len(ctx, fonts);
    for (int i = 0; i < n && h >= 0; i++) {
        pdf_obj *f = pdf_dict_get_val(ctx, fonts, i);
        if (!pdf_name_eq(ctx, pdf_dict_get(ctx, f, PDF_NAME(Subtype)), PDF_NAME(Type3))) {
            h = fonts_data(ctx, b, f) ? -1 : h;
            continue;
        }
        pdf_obj *procs = pdf_dict_get(ctx, f, PDF_NAME(CharProcs));
        pdf_obj *own = pdf_dict_get(ctx, f, PDF_NAME(Resources));
        int m = pdf_dict_len(ctx, procs);
        for (int k = 0; k < m && h >= 0; k++)
            h = max_of(h, node_height(ctx, b, pdf_dict_get_val(ctx, procs, k), own ? own : res, depth));
        if (h >= 0 && type3_work(ctx, b, f, res))
            h = -1;
    }
    return h;
}

static int resources_height(fz_context *ctx, struct pdf_bounds *b, pdf_obj *res, int depth)
{
    if (!pdf_is_dict(ctx, res))
        return 0;
    int h = dict_nodes(ctx, b, pdf_dict_get(ctx, res, PDF_NAME(XObject)), PDF_NAME(Form), depth);
    h = max_of(h, dict_nodes(ctx, b, pdf_dict_get(ctx, res, PDF_NAME(Pattern)), NULL, depth));
    if (h >= 0)
        h = max_of(h, extgstate_height(ctx, b, pdf_dict_get(ctx, res, PDF_NAME(ExtGState)), depth));
    if (h >= 0)
        h = max_of(h, fonts_height(ctx, b, pdf_dict_get(ctx, res, PDF_NAME(Font)), res, depth));
    pdf_obj *held[] = {PDF_NAME(ColorSpace), PDF_NAME(Shading), PDF_NAME(Pattern), PDF_NAME(ExtGState)};
    for (size_t i = 0; i < sizeof held / sizeof *held && h >= 0; i++)
        if (held_data(ctx, b, pdf_dict_get(ctx, res, held[i]), 0))
            h = -1;
    return h;
}

/* Appearance streams of the page's annotations: a stream, or one per state. */
static int annots_height(fz_context *ctx, struct pdf_bounds *b, pdf_obj *annots)
{
    int h = 0, n = pdf_array_len(ctx, annots);
    for (int i = 0; i < n && h >= 0; i++) {
        pdf_obj *ap = pdf_dict_getp(ctx, pdf_array_get(ctx, annots, i), "AP/N");
        h = max_of(h, pdf_is_stream(ctx, ap) ? node_height(ctx, b, ap, NULL, 1) : dict_nodes(ctx, b, ap, NULL, 1));
    }
    return h;
}

static int contents_bytes(fz_context *ctx, struct pdf_bounds *b, pdf_obj *contents)
{
    if (pdf_is_array(ctx, contents)) {
        int n = pdf_array_len(ctx, contents);
        for (int i = 0; i < n; i++)
            if (inflate(ctx, b, pdf_array_get(ctx, contents, i)))
                return -1;
        return 0;
    }
    return pdf_is_stream(ctx, contents) ? inflate(ctx, b, contents) : 0;
}

static int why_stopped(struct pdf_bounds *b)
{
    if (b->why[0])
        return -1;
    enum watch_trip t = b->watch ? watch_check(b->watch) : WATCH_OK;
    if (t == WATCH_DEADLINE)
        return refuse(b, "The statement took too long to read");
    if (t == WATCH_WORK)
        return refuse(b, "The statement has too many drawing operations");
    return refuse(b, "The statement exceeds a processing limit");
}

int pdf_bounds_check_page(fz_context *ctx, pdf_page *page, struct pdf_bounds *b)
{
    volatile int rc = 0;
    b->page_bytes = 0;
    fz_try(ctx)
    {
        int h = contents_bytes(ctx, b, pdf_page_contents(ctx, page));
        if (h == 0)
            h = resources_height(ctx, b, pdf_page_resources(ctx, page), 1);
        if (h >= 0)
            h = max_of(h, annots_height(ctx, b, pdf_dict_get(ctx, page->obj, PDF_NAME(Annots))));
        if (h > b->max_depth)
            h = refuse(b, "Forms are nested more than %d levels deep", b->max_depth);
        rc = h < 0 ? why_stopped(b) : 0;
    }
    fz_catch(ctx)
    {
        rc = b->why[0] ? -1 : 0; /* broken objects: MuPDF's own handling applies */
    }
    return rc;
}

/* Bytes an image takes decoded (MuPDF unpacks to 8 bits a component). */
static size_t image_bytes(fz_context *ctx, pdf_obj *img)
{
    int64_t w = pdf_dict_get_int(ctx, img, PDF_NAME(Width)), h = pdf_dict_get_int(ctx, img, PDF_NAME(Height));
    if (w <= 0 || h <= 0)
        return 0;
    w = w < (1 << 24) ? w : (1 << 24);
    h = h < (1 << 24) ? h : (1 << 24);
    pdf_obj *cs = pdf_dict_get(ctx, img, PDF_NAME(ColorSpace));
    if (pdf_is_array(ctx, cs))
        cs = pdf_array_get(ctx, cs, 0);
    int comps = pdf_dict_get_bool(ctx, img, PDF_NAME(ImageMask)) || pdf_name_eq(ctx, cs, PDF_NAME(DeviceGray)) ||
                        pdf_name_eq(ctx, cs, PDF_NAME(CalGray)) || pdf_name_eq(ctx, cs, PDF_NAME(Indexed))
                    ? 1
                : pdf_name_eq(ctx, cs, PDF_NAME(DeviceCMYK)) ? 4
                                                            : 3;
    return (size_t)(w * h * comps);
}

/* Decoded bytes of the images res's XObjects draw, forms followed (each
 * form once per page: *visits bounds the walk). */
static size_t images_bytes(fz_context *ctx, pdf_obj *res, int depth, int *visits)
{
    pdf_obj *xo = pdf_dict_get(ctx, res, PDF_NAME(XObject));
    size_t sum = 0;
    int n = pdf_dict_len(ctx, xo);
    for (int i = 0; i < n && (*visits)++ < 4096; i++) {
        pdf_obj *x = pdf_dict_get_val(ctx, xo, i);
        pdf_obj *sub = pdf_dict_get(ctx, x, PDF_NAME(Subtype));
        if (pdf_name_eq(ctx, sub, PDF_NAME(Image)))
            sum += image_bytes(ctx, x) + image_bytes(ctx, pdf_dict_get(ctx, x, PDF_NAME(SMask)));
        else if (pdf_name_eq(ctx, sub, PDF_NAME(Form)) && depth < 8)
            sum += images_bytes(ctx, pdf_dict_get(ctx, x, PDF_NAME(Resources)), depth + 1, visits);
    }
    return sum;
}

int pdf_bounds_check_images(fz_context *ctx, pdf_page *page, struct pdf_bounds *b)
{
    volatile size_t bytes = 0;
    int visits = 0;
    fz_try(ctx) bytes = images_bytes(ctx, pdf_page_resources(ctx, page), 0, &visits);
    fz_catch(ctx) bytes = 0; /* broken objects: MuPDF's own handling applies */
    b->image_bytes += bytes;
    if (bytes > b->max_page_image_bytes)
        return refuse(b, "A scanned page's images are too large to read (%zu MB decoded)", bytes >> 20);
    if (b->image_bytes > b->max_doc_image_bytes)
        return refuse(b, "The scanned statement's images are too large to read (over %zu MB decoded)",
                      b->max_doc_image_bytes >> 20);
    return 0;
}

int pdf_bounds_check_objstms(fz_context *ctx, pdf_document *doc, struct pdf_bounds *b)
{
    volatile int rc = 0;
    fz_try(ctx)
    {
        b->page_bytes = 0;
        for (int i = 1; i < b->nobjs && rc == 0; i++) {
            pdf_xref_entry *e = pdf_get_xref_entry(ctx, doc, i);
            if (!e || e->type != 'o' || e->ofs <= 0 || e->ofs >= b->nobjs || b->height[e->ofs])
                continue;
            b->height[e->ofs] = HEIGHT_BUSY; /* reset below */
            pdf_obj *stm = pdf_new_indirect(ctx, doc, (int)e->ofs, 0);
            fz_try(ctx) rc = inflate(ctx, b, stm);
            fz_always(ctx) pdf_drop_obj(ctx, stm);
            fz_catch(ctx) {}
            b->page_bytes = 0; /* object streams count against the document only */
        }
        for (int i = 1; i < b->nobjs; i++)
            if (b->height[i] == HEIGHT_BUSY)
                b->height[i] = HEIGHT_UNKNOWN;
        if (rc)
            rc = why_stopped(b);
    }
    fz_catch(ctx) rc = b->why[0] ? -1 : 0;
    return rc;
}
