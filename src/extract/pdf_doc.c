/* MuPDF glue. Threading (reference c-libraries.md §5): one base context
 * with FZ_LOCK_MAX mutexes, fz_clone_context per call.
 *
 * Bounds (issue 11): a hostile PDF fails its own call, early, and never
 * starves the others.
 * - Memory: every MuPDF allocation goes through a counting allocator,
 *   against the current call's budget (thread-local) and against one budget
 *   shared by all calls (extract_set_memory_budget); the words read so far
 *   are charged to both after each page. A call that would pass either
 *   fails, after MuPDF has emptied its caches.
 * - Work: a watchdog aborts MuPDF's interpreter through the page's cookie
 *   at the deadline or past a number of content-stream tokens
 *   (watchdog.h); before a page runs, pdf_bounds.h inflates what it can
 *   reach once with a byte limit and measures form nesting.
 * Any of these ends the call with EXTRACT_TOO_COMPLEX. */
#include "extract/pdf_doc.h"

#include <malloc.h>
#include <math.h>
#include <stdatomic.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

#include "extract/ocr.h"
#include "extract/pdf_bounds.h"
#include "extract/pdf_draw.h"
#include "extract/pdf_fonts.h"
#include "extract/pdf_text.h"
#include "extract/watchdog.h"
#include "util/log.h"

#define DEFAULT_MAX_PAGES 500
#define DEFAULT_MAX_OBJECTS 2000000
#define DEFAULT_MAX_MEMORY ((size_t)512 << 20)
#define DEFAULT_MAX_SECONDS 60.0
#define DEFAULT_MAX_OPS 20000000L
/* one page may do 1/20 of that (1,000,000 by default): a page whose text is
 * drawn as shapes (print drivers' "text as graphics") takes ~300,000 */
#define PAGE_OPS_SHARE 20
#define GLYPH_OPS_SHARE 20 /* Type 3 glyphs, recorded when their font loads: 1/20 (1,000,000) */
#define DEFAULT_MAX_DEPTH 12
#define DEFAULT_MAX_INFLATED ((size_t)256 << 20)
#define PAGE_MAX_INFLATED ((size_t)64 << 20)
#define STORE_MAX ((size_t)64 << 20)
#define TRIM_AFTER ((size_t)32 << 20)
#define HEAP_TOP_PAD (16 << 20)
#define ALLOC_HDR 16 /* keeps 16-byte alignment */
/* What a block costs beyond its size: our header and malloc's own (PDF
 * objects are many small blocks; counting only their sizes would let the
 * process hold twice the budget). */
#define BLOCK_COST (ALLOC_HDR + 16)
/* Images decoded to draw scans: a 600 dpi A4 colour scan is ~105 MB, 50
 * pages of 300 dpi A4 colour ~1.3 GB; Flate can make either from a few MB. */
#define OCR_PAGE_IMAGE_BYTES ((size_t)256 << 20)
#define OCR_DOC_IMAGE_BYTES ((size_t)2048 << 20)
#define OCR_MIN_SCAN_DPI 100   /* a coarser scan is refused unread */
#define DEFAULT_OCR_PAGES 50
#define DEFAULT_OCR_SECONDS 20.0
/* What Tesseract and leptonica hold while reading a page, a pixel of its
 * image: the grey copy, the straightened one, the binarised page and the
 * recogniser's buffers (a 9.1-megapixel A4 page at 300 dpi: 127 MB peak
 * for the process against 21 MB without OCR). Charged to the call's and
 * the shared budget while the page is read, so --extract-memory-mb bounds
 * OCR too. */
#define OCR_BYTES_PER_PIXEL 13 /* + the page before's ink, for pieces printed again (ocr_repeat.h) */
#define PAGE_FEW_WORDS 10       /* a page of a text document with fewer words may be a scanned page */
/* drawing calls (paths filled, ...) of a page with next to no text whose
 * text is drawn as shapes, a glyph a path: thousands on a statement's page;
 * rules, boxes and a logo make tens to a few hundred */
#define SHAPES_MIN_CALLS 1000

/* One call's memory: MuPDF's blocks and the words read so far. */
struct budget {
    size_t used, words, cap, peak;
    bool exceeded;
    bool shared;      /* it was the shared budget: others' memory, not this statement's size */
    struct watch *watch; /* once it trips, nothing more is allocated (see take) */
};

static __thread struct budget *tl_budget;
static fz_context *base_ctx;
static pthread_mutex_t locks[FZ_LOCK_MAX];
/* Every call's memory together: MuPDF's (the shared store included) and
 * the words read. */
static atomic_size_t all_used;
static size_t all_cap = (size_t)1 << 30;

void extract_set_memory_budget(size_t bytes)
{
    all_cap = bytes;
}

size_t extract_memory_in_use(void)
{
    return atomic_load(&all_used);
}

bool extract_memory_admits(void)
{
    return atomic_load(&all_used) <= all_cap - all_cap / 4;
}

/* Takes n more bytes from the call's and the shared budget; false (and
 * nothing taken) when either would pass its cap. */
static bool take(size_t n)
{
    struct budget *b = tl_budget;
    /* Past the deadline or the work limit, MuPDF's work outside the cookie
     * and the device (a font loading its glyphs) fails at its next
     * allocation; the caller reports the watch's reason. */
    if (b && b->watch && atomic_load(&b->watch->tripped))
        return false;
    if (b && (n > b->cap || b->used + b->words > b->cap - n)) {
        b->exceeded = true;
        return false;
    }
    if (atomic_fetch_add(&all_used, n) + n > all_cap && b) { /* only calls are held to it */
        atomic_fetch_sub(&all_used, n);
        b->exceeded = b->shared = true;
        return false;
    }
    if (b) {
        b->used += n;
        if (b->used + b->words > b->peak)
            b->peak = b->used + b->words;
    }
    return true;
}

/* The words read so far are the call's memory too, and all calls': charges
 * their current size. false when that passes either cap. */
static bool charge_words(size_t words)
{
    struct budget *b = tl_budget;
    if (!b)
        return true;
    if (words > b->words)
        atomic_fetch_add(&all_used, words - b->words);
    else
        atomic_fetch_sub(&all_used, b->words - words);
    b->words = words;
    if (b->used + b->words > b->cap || atomic_load(&all_used) > all_cap) {
        b->shared = b->used + b->words <= b->cap;
        b->exceeded = true;
        return false;
    }
    return true;
}

static void give(size_t n)
{
    atomic_fetch_sub(&all_used, n);
    struct budget *b = tl_budget;
    if (b) /* a block made under another budget may be freed here: clamp */
        b->used = b->used > n ? b->used - n : 0;
}

static void *pb_malloc(void *user, size_t n)
{
    if (!take(n + BLOCK_COST))
        return NULL;
    unsigned char *p = malloc(n + ALLOC_HDR);
    if (!p) {
        give(n + BLOCK_COST);
        return NULL;
    }
    memcpy(p, &n, sizeof n);
    return p + ALLOC_HDR;
}

static void pb_free(void *user, void *ptr)
{
    if (!ptr)
        return;
    unsigned char *p = (unsigned char *)ptr - ALLOC_HDR;
    size_t n;
    memcpy(&n, p, sizeof n);
    give(n + BLOCK_COST);
    free(p);
}

static void *pb_realloc(void *user, void *ptr, size_t n)
{
    if (!ptr)
        return pb_malloc(user, n);
    if (!n) {
        pb_free(user, ptr);
        return NULL;
    }
    unsigned char *p = (unsigned char *)ptr - ALLOC_HDR;
    size_t old;
    memcpy(&old, p, sizeof old);
    if (n > old && !take(n - old))
        return NULL;
    unsigned char *q = realloc(p, n + ALLOC_HDR);
    if (!q) {
        if (n > old)
            give(n - old);
        return NULL;
    }
    memcpy(q, &n, sizeof n);
    if (n < old)
        give(old - n);
    return q + ALLOC_HDR;
}

static void lock_fn(void *user, int lock)
{
    pthread_mutex_lock(&locks[lock]);
}

static void unlock_fn(void *user, int lock)
{
    pthread_mutex_unlock(&locks[lock]);
}

/* MuPDF's messages would go to stderr; count them instead and keep them
 * at debug level (they may quote document contents). */
struct diag {
    int warnings, errors;
};

static void on_warning(void *user, const char *msg)
{
    ((struct diag *)user)->warnings++;
    log_debug("event=mupdf_warning");
    (void)msg;
}

static void on_error(void *user, const char *msg)
{
    ((struct diag *)user)->errors++;
    log_debug("event=mupdf_error");
    (void)msg;
}

int pdf_doc_init(void)
{
    static const fz_alloc_context alloc = {NULL, pb_malloc, pb_realloc, pb_free};
    if (base_ctx)
        return 0;
    /* MuPDF builds each page's text in a pool it frees when the page is
     * read: with malloc's default padding the top of the heap went back to
     * the kernel after every page and was faulted in again on the next (a
     * third of a 200-page parse's time). Keep 16 MiB at the top instead;
     * the malloc_trim after a big read still gives everything back. */
    mallopt(M_TOP_PAD, HEAP_TOP_PAD);
    for (int i = 0; i < FZ_LOCK_MAX; i++)
        pthread_mutex_init(&locks[i], NULL);
    fz_locks_context lc = {NULL, lock_fn, unlock_fn};
    base_ctx = fz_new_context(&alloc, &lc, STORE_MAX);
    if (!base_ctx)
        return -1;
    static struct diag quiet;
    fz_set_warning_callback(base_ctx, on_warning, &quiet);
    fz_set_error_callback(base_ctx, on_error, &quiet);
    fz_try(base_ctx) fz_register_document_handlers(base_ctx);
    fz_catch(base_ctx)
    {
        fz_drop_context(base_ctx);
        base_ctx = NULL;
        return -1;
    }
    return 0;
}

void pdf_doc_shutdown(void)
{
    fz_drop_context(base_ctx);
    base_ctx = NULL;
}

int pdf_doc_count_updates(const void *data, size_t len)
{
    const char *s = data;
    int eofs = 0;
    for (const char *p = s; (p = memmem(p, len - (size_t)(p - s), "%%EOF", 5)); p += 5)
        eofs++;
    size_t head = len < 1024 ? len : 1024;
    bool linearized = memmem(s, head, "/Linearized", 11) != NULL;
    int n = eofs - 1 - (linearized && eofs > 1 ? 1 : 0);
    return n > 0 ? n : 0;
}

static void set_err(struct extract_error *err, enum extract_code code, const char *msg)
{
    err->code = code;
    snprintf(err->message, sizeof err->message, "%s", msg ? msg : extract_code_message(code));
}

/* One page's words into l (pdf_text.h), then the words read so far
 * charged to the budgets: -1 when they pass either. */
static int read_page(fz_context *ctx, fz_document *doc, int i, struct layout *l, struct pdf_fonts *fs,
                     bool want_images, struct watch *w, struct pdf_bounds *bounds, float *image_dpi)
{
    int rc = pdf_text_read_page(ctx, doc, i, l, fs, want_images, w, bounds, image_dpi);
    bool fits = charge_words(l->capwords * sizeof *l->words + l->textcap);
    if (rc >= 0 && !fits)
        rc = -1;
    return rc;
}

static char *meta(fz_context *ctx, fz_document *doc, const char *key)
{
    char buf[512];
    int n = -1;
    fz_try(ctx) n = fz_lookup_metadata(ctx, doc, key, buf, sizeof buf);
    fz_catch(ctx) n = -1;
    if (n <= 0 || !buf[0])
        return NULL;
    return strdup(buf);
}

static void read_facts(fz_context *ctx, fz_document *doc, struct doc_facts *f)
{
    f->producer = meta(ctx, doc, FZ_META_INFO_PRODUCER);
    f->creator = meta(ctx, doc, FZ_META_INFO_CREATOR);
    f->author = meta(ctx, doc, FZ_META_INFO_AUTHOR);
    f->title = meta(ctx, doc, FZ_META_INFO_TITLE);
    f->creation_date = meta(ctx, doc, FZ_META_INFO_CREATIONDATE);
    f->mod_date = meta(ctx, doc, FZ_META_INFO_MODIFICATIONDATE);
    char *enc = meta(ctx, doc, FZ_META_ENCRYPTION);
    f->encrypted = enc && strcmp(enc, "None") != 0;
    free(enc);
}

struct reader {
    fz_context *ctx;
    fz_document *doc;
    const struct extract_opts *opts;
    struct layout *l;
    struct doc_facts *facts;
    struct extract_error *err;
    struct budget *budget;
    struct watch watch;
    struct pdf_bounds bounds;
    struct ocr_seen seen; /* the pieces of the page OCR read last (ocr_repeat.h) */
    int npages;
};

/* The call was stopped by a limit: EXTRACT_TOO_COMPLEX with the reason. */
static int limit_err(struct reader *r)
{
    if (r->budget->exceeded && r->budget->shared && !r->bounds.why[0]) {
        set_err(r->err, EXTRACT_BUSY, NULL);
        return -1;
    }
    const char *why = r->bounds.why[0] ? r->bounds.why
                      : r->budget->exceeded ? "The statement needs more memory than allowed"
                      : watch_check(&r->watch) == WATCH_WORK ? "The statement has too many drawing operations"
                                                             : "The statement took too long to read";
    set_err(r->err, EXTRACT_TOO_COMPLEX, why);
    return -1;
}

static int open_doc(struct reader *r, const void *data, size_t len)
{
    fz_context *ctx = r->ctx;
    fz_buffer *buf = NULL;
    fz_stream *stm = NULL;
    fz_document *volatile doc = NULL;
    volatile int failed = 0;
    fz_var(buf);
    fz_var(stm);
    fz_try(ctx)
    {
        buf = fz_new_buffer_from_shared_data(ctx, data, len);
        stm = fz_open_buffer(ctx, buf);
        doc = fz_open_document_with_stream(ctx, "application/pdf", stm);
    }
    fz_always(ctx)
    {
        fz_drop_stream(ctx, stm);
        fz_drop_buffer(ctx, buf);
    }
    fz_catch(ctx) failed = 1;
    r->doc = doc;
    if ((failed || !doc) && (r->budget->exceeded || watch_check(&r->watch)))
        return limit_err(r);
    if (failed || !doc) {
        set_err(r->err, EXTRACT_UNPARSABLE, "The file is not a readable PDF");
        return -1;
    }
    return 0;
}

static int check_doc(struct reader *r)
{
    fz_context *ctx = r->ctx;
    const char *pw = r->opts->password ? r->opts->password : "";
    volatile int needs = 0, ok = 0, n = -1, objs = 0, repaired = 0;
    fz_try(ctx)
    {
        needs = fz_needs_password(ctx, r->doc);
        if (needs)
            ok = pw[0] && fz_authenticate_password(ctx, r->doc, pw);
    }
    fz_catch(ctx) needs = 1, ok = 0;
    if (needs && !ok) {
        set_err(r->err, EXTRACT_PASSWORD_INCORRECT, NULL);
        return -1;
    }
    r->facts->encrypted = needs;
    r->facts->needs_password = needs;
    pdf_document *pdf = pdf_specifics(ctx, r->doc);
    fz_try(ctx) objs = pdf ? pdf_xref_len(ctx, pdf) : 0;
    fz_catch(ctx) objs = -1;
    int max_obj = r->opts->max_objects > 0 ? r->opts->max_objects : DEFAULT_MAX_OBJECTS;
    if (objs < 0 || objs > max_obj) {
        set_err(r->err, EXTRACT_UNPARSABLE, "The PDF has too many objects");
        return -1;
    }
    /* objects read from here on may come from object streams: bound them first */
    if (pdf && (pdf_bounds_open(ctx, pdf, &r->bounds) || pdf_bounds_check_objstms(ctx, pdf, &r->bounds)))
        return limit_err(r);
    fz_try(ctx)
    {
        n = fz_count_pages(ctx, r->doc);
        repaired = pdf ? pdf_was_repaired(ctx, pdf) : 0;
    }
    fz_catch(ctx) n = -1;
    int max_pages = r->opts->max_pages > 0 ? r->opts->max_pages : DEFAULT_MAX_PAGES;
    if (n <= 0 && (r->budget->exceeded || watch_check(&r->watch)))
        return limit_err(r);
    if (n <= 0) {
        set_err(r->err, EXTRACT_UNPARSABLE, "The PDF has no readable pages");
        return -1;
    }
    if (n > max_pages) {
        set_err(r->err, EXTRACT_TOO_MANY_PAGES, NULL);
        return -1;
    }
    r->npages = n;
    r->facts->repaired = repaired;
    bool enc = r->facts->encrypted;
    read_facts(ctx, r->doc, r->facts);
    r->facts->encrypted = r->facts->encrypted || enc;
    return 0;
}

static int image_err(struct reader *r)
{
    set_err(r->err, EXTRACT_PDF_IS_IMAGE, NULL);
    return -1;
}

/* A page read again with its coloured ink taken off that has less than
 * this many pixels of it (a tick is ~300 at 300 dpi) keeps its words. */
#define INK_FEW 200
/* ocr_page: the page was not read, its first reading's words stand */
#define PAGE_KEEPS_WORDS (-4)

/* Draws page i in grey (under the watch, like the text pass) and reads its
 * words by OCR; without_ink, with its coloured ink taken off (ocr_ink.h:
 * every other pixel as in the first reading, so only what the ink touched
 * reads otherwise). Returns an ocr_result, PAGE_KEEPS_WORDS (without_ink,
 * a page with hardly any coloured ink), or -3 when a limit stopped the
 * drawing. */
static int ocr_page(struct reader *r, int i, double seconds, bool without_ink)
{
    fz_context *ctx = r->ctx;
    fz_page *page = NULL;
    fz_pixmap *pix = NULL, *rgb = NULL;
    volatile int rc = OCR_FAILED;
    volatile size_t reading = 0; /* the recogniser's memory, charged while it reads */
    fz_var(page);
    fz_var(pix);
    fz_var(rgb);
    fz_try(ctx)
    {
        page = fz_load_page(ctx, r->doc, i);
        watch_page(&r->watch);
        pdf_page *pp = pdf_page_from_fz_page(ctx, page);
        if (pp && pdf_bounds_check_images(ctx, pp, &r->bounds))
            fz_throw(ctx, FZ_ERROR_GENERIC, "limit");
        float dpi = pdf_draw_dpi(fz_bound_page(ctx, page));
        fz_matrix ctm = fz_scale(dpi / 72.0f, dpi / 72.0f);
        /* read again: a grey page is not drawn at all; another is drawn in
         * colour first, and in grey only when it has coloured ink (most
         * marked pages have none: one drawing) */
        bool grey = without_ink && !pdf_draw_may_colour(ctx, &r->watch, page, ctm);
        if (without_ink && !grey)
            rgb = pdf_draw_page(ctx, &r->watch, page, ctm, fz_device_rgb(ctx));
        if (!grey && (!rgb || pdf_draw_count_ink(ctx, rgb) >= INK_FEW)) {
            pix = pdf_draw_page(ctx, &r->watch, page, ctm, fz_device_gray(ctx));
            size_t need = (size_t)fz_pixmap_width(ctx, pix) * (size_t)fz_pixmap_height(ctx, pix) *
                          (OCR_BYTES_PER_PIXEL + (rgb ? 3 : 0));
            if (!take(need))
                fz_throw(ctx, FZ_ERROR_GENERIC, "limit");
            reading = need;
        }
        if (!pix || (rgb && pdf_draw_take_off_ink(ctx, rgb, pix) < INK_FEW)) {
            rc = PAGE_KEEPS_WORDS;
        } else {
            struct ocr_image img = {fz_pixmap_samples(ctx, pix), fz_pixmap_width(ctx, pix),
                                    fz_pixmap_height(ctx, pix), (int)fz_pixmap_stride(ctx, pix), (int)lroundf(dpi), i};
            struct ocr_memo_page *memo = r->opts->ocr_memo ? ocr_memo_page(r->opts->ocr_memo, i) : NULL;
            rc = ocr_read_page(&img, seconds, &r->seen, without_ink ? memo : NULL, without_ink ? NULL : memo, r->l);
        }
    }
    fz_always(ctx)
    {
        if (reading)
            give(reading);
        fz_drop_pixmap(ctx, rgb);
        fz_drop_pixmap(ctx, pix);
        fz_drop_page(ctx, page);
    }
    fz_catch(ctx) rc = watch_check(&r->watch) || r->budget->exceeded || r->bounds.why[0] ? -3 : OCR_FAILED;
    return rc;
}

/* Whether what OCR read of a scan's first page is text: at least 20 words
 * it is fairly sure of (a photo at an angle, a blur or a picture read as
 * specks is not worth the other pages' time). */
static bool legible(const struct layout *l)
{
    size_t sure = 0;
    for (size_t i = 0; i < l->nwords; i++)
        sure += l->words[i].conf >= 60;
    return sure >= 20;
}

/* Drops the words of page i (a scanned page's stray text layer, which
 * would mix with what OCR reads of it). */
static void drop_page_words(struct layout *l, int i)
{
    size_t out = 0;
    for (size_t k = 0; k < l->nwords; k++)
        if (l->words[k].page != i)
            l->words[out++] = l->words[k];
    l->nwords = out;
}

/* The pages marked in scanned[] (all of a scan's, or the image pages of
 * a document that is text elsewhere), by OCR, within the page cap and a
 * time limit per page (the call's deadline moves on with each page). A
 * whole scan that reads as too little text (a photo, a blank page) stays
 * PDF_IS_IMAGE; an illegible page of a mixed document is left unread (its
 * rows missing, the balance chain says so). */
/* The words of page i of from into l (a page's first reading, kept). */
static int copy_page_words(const struct layout *from, int i, struct layout *l)
{
    for (size_t k = 0; from && k < from->nwords; k++) {
        const struct word *w = &from->words[k];
        const char *t = word_text(from, w);
        if (w->page != i)
            continue;
        if (layout_add_word(l, i, w->x0, w->y0, w->x1, w->y1, w->base, w->size, t, strlen(t)) < 0)
            return -1;
        l->words[l->nwords - 1].conf = w->conf;
    }
    return 0;
}

static int ocr_pages(struct reader *r, const bool *scanned, int nscanned)
{
    int cap = r->opts->ocr_max_pages > 0 ? r->opts->ocr_max_pages : DEFAULT_OCR_PAGES;
    double secs = r->opts->ocr_page_seconds > 0 ? r->opts->ocr_page_seconds : DEFAULT_OCR_SECONDS;
    bool whole = nscanned == r->npages;
    if (nscanned > cap) {
        set_err(r->err, EXTRACT_TOO_MANY_PAGES, "The scanned statement has more pages than OCR reads");
        return -1;
    }
    if (!ocr_available())
        return whole ? image_err(r) : 0;
    if (whole)
        r->l->nwords = r->l->textlen = 0; /* a scanner's stray words would mix with the OCR's */
    int read = 0;
    for (int i = 0; i < r->npages; i++) {
        if (!scanned[i])
            continue;
        double until = watch_now() + OCR_WALL_FACTOR * secs + 1;
        if (r->watch.deadline < until)
            r->watch.deadline = until;
        drop_page_words(r->l, i);
        size_t before = r->l->nwords;
        const bool *again = r->opts->ocr_without_ink;
        int k = again && !again[i] ? PAGE_KEEPS_WORDS : ocr_page(r, i, secs, again != NULL);
        if (k == PAGE_KEEPS_WORDS)
            k = copy_page_words(r->opts->ocr_words, i, r->l) < 0 ? OCR_FAILED : OCR_DONE;
        if (k == -3)
            return limit_err(r);
        if (k == OCR_TIMED_OUT) {
            set_err(r->err, EXTRACT_TOO_COMPLEX, "A scanned page took too long to read");
            return -1;
        }
        if (whole && (k != OCR_DONE || (i == 0 && !legible(r->l))))
            return image_err(r);
        read += k == OCR_DONE && r->l->nwords > before;
        if (!charge_words(r->l->capwords * sizeof *r->l->words + r->l->textcap))
            return limit_err(r);
    }
    r->l->ocr_pages = r->facts->ocr_pages = read;
    r->l->scan = r->facts->scan = whole;
    return whole && r->l->nwords < 30 ? image_err(r) : 0;
}

/* Image pages of a document whose other pages have text: a page with
 * fewer than PAGE_FEW_WORDS words that carries a scan of at least
 * OCR_MIN_SCAN_DPI, or whose text is drawn as shapes (shapes[]), is read by
 * OCR (statements printed, one page scanned and put back). Marks them in
 * scanned[]; returns how many, or -1 (a limit). */
static int mixed_scan_pages(struct reader *r, const size_t *page_words, const bool *shapes, bool *scanned)
{
    int n = 0;
    for (int i = 0; i < r->npages; i++) {
        if (page_words[i] >= PAGE_FEW_WORDS)
            continue;
        if (shapes[i]) {
            scanned[i] = true;
            n++;
            continue;
        }
        struct layout scratch = {0};
        struct pdf_fonts fs = {.n = 0};
        float dpi = 0;
        int k = read_page(r->ctx, r->doc, i, &scratch, &fs, true, &r->watch, &r->bounds, &dpi);
        pdf_fonts_free(&fs);
        layout_free(&scratch);
        if (k == -2)
            return -1;
        scanned[i] = k > 0 && dpi >= OCR_MIN_SCAN_DPI;
        n += scanned[i];
    }
    return n;
}

/* What the pages' text layers showed, page by page: how many words each
 * gave, whether its text is drawn as shapes, and (marked later) whether OCR
 * reads it. */
struct page_survey {
    size_t *words;
    bool *shapes;
    bool *scanned;
    int nshapes;
};

static void survey_free(struct page_survey *s)
{
    free(s->words);
    free(s->shapes);
    free(s->scanned);
}

/* A survey of r's pages, all clear. Returns 0, or -1 with r->err set. */
static int survey_alloc(struct reader *r, struct page_survey *s)
{
    s->words = calloc((size_t)r->npages, sizeof *s->words);
    s->shapes = calloc((size_t)r->npages, sizeof *s->shapes);
    s->scanned = calloc((size_t)r->npages, sizeof *s->scanned);
    s->nshapes = 0;
    if (s->words && s->shapes && s->scanned)
        return 0;
    survey_free(s);
    set_err(r->err, EXTRACT_UNPARSABLE, "Out of memory");
    return -1;
}

/* Every page's text layer into r->l, its fonts into r->facts, what each
 * page gave into *s. Returns 0, or -1 with r->err set (a limit, a page
 * that cannot be read, a damaged file that lost pages). */
static int read_text_layers(struct reader *r, struct page_survey *s)
{
    struct pdf_fonts fs = {.n = 0};
    int rc = 0;
    int empty = 0;
    for (int i = 0; i < r->npages && rc == 0; i++) {
        size_t before = r->l->nwords;
        long calls = atomic_load(&r->watch.calls);
        int k = watch_check(&r->watch) ? -2 : read_page(r->ctx, r->doc, i, r->l, &fs, false, &r->watch, &r->bounds, NULL);
        s->words[i] = r->l->nwords - before;
        /* next to no text but thousands of shapes: its text drawn as shapes */
        s->shapes[i] = s->words[i] < PAGE_FEW_WORDS && atomic_load(&r->watch.calls) - calls >= SHAPES_MIN_CALLS;
        s->nshapes += s->shapes[i];
        if (k == -2 || (k < 0 && r->budget->exceeded))
            rc = limit_err(r);
        else if (k < 0) {
            set_err(r->err, EXTRACT_UNPARSABLE, "A page of the PDF could not be read");
            rc = -1;
        }
        empty += r->l->nwords == before;
    }
    /* a repaired (damaged, e.g. truncated) file that lost whole pages would
     * read as a shorter statement: refuse it rather than read it wrong */
    if (rc == 0 && r->facts->repaired && empty > 0 && r->l->nwords > 0) {
        set_err(r->err, EXTRACT_UNPARSABLE, "The PDF is damaged: some pages could not be read");
        rc = -1;
    }
    pdf_fonts_give(&fs, r->facts);
    return rc;
}

/* A document with little or no text: scanned pages carry images instead,
 * read by OCR unless the caller turned it off (scanned[] marks them all).
 * Returns 0 (also when no page carries an image), or -1 with r->err set. */
static int read_scanned_document(struct reader *r, bool *scanned)
{
    int images = 0, rc = 0;
    float dpi = 0;
    struct layout scratch = {0};
    struct pdf_fonts fs = {.n = 0};
    for (int i = 0; i < r->npages && i < 20 && images == 0 && rc == 0; i++) {
        int k = read_page(r->ctx, r->doc, i, &scratch, &fs, true, &r->watch, &r->bounds, &dpi);
        if (k == -2)
            rc = limit_err(r);
        images += k > 0 ? k : 0;
    }
    pdf_fonts_free(&fs);
    layout_free(&scratch);
    if (!images || rc != 0)
        return rc;
    /* below ~100 dpi the digits of a statement are a few pixels high:
     * no reading of them could be trusted */
    if (r->opts->no_ocr || dpi < OCR_MIN_SCAN_DPI)
        return image_err(r);
    for (int i = 0; i < r->npages; i++)
        scanned[i] = true;
    return ocr_pages(r, scanned, r->npages);
}

/* After the text layers: the pages OCR reads, as the survey *s tells.
 * Returns 0, or -1 with r->err set. */
static int read_image_pages(struct reader *r, struct page_survey *s)
{
    if (r->l->nwords < 30 && s->nshapes) /* text drawn as shapes: what shows is drawn sharp, read as a scan */
        return r->opts->no_ocr ? image_err(r) : ocr_pages(r, s->shapes, s->nshapes);
    if (r->l->nwords < 30)
        return read_scanned_document(r, s->scanned);
    if (r->opts->no_ocr)
        return 0;
    /* text pages with a scanned page among them: judged page by page */
    int n = mixed_scan_pages(r, s->words, s->shapes, s->scanned);
    return n < 0 ? limit_err(r) : n > 0 ? ocr_pages(r, s->scanned, n) : 0;
}

/* Every page of r's document into r->l: its text layer, or OCR's reading
 * of its image. Returns 0, or -1 with r->err set. */
static int read_pages(struct reader *r)
{
    struct page_survey s;
    if (survey_alloc(r, &s) < 0)
        return -1;
    int rc = read_text_layers(r, &s);
    if (rc == 0)
        rc = read_image_pages(r, &s);
    survey_free(&s);
    return rc;
}

int pdf_doc_read(const void *data, size_t len, const struct extract_opts *opts, struct layout *l,
                 struct doc_facts *facts, int *page_count, struct extract_error *err)
{
    if (!base_ctx && pdf_doc_init() < 0) {
        set_err(err, EXTRACT_UNPARSABLE, "PDF engine unavailable");
        return -1;
    }
    struct diag dg = {0, 0};
    struct budget b = {.cap = opts->max_memory ? opts->max_memory : DEFAULT_MAX_MEMORY};
    fz_context *ctx = fz_clone_context(base_ctx);
    struct reader r = {.ctx = ctx, .opts = opts, .l = l, .facts = facts, .err = err, .budget = &b};
    size_t inflated = opts->max_inflated ? opts->max_inflated : DEFAULT_MAX_INFLATED;
    r.bounds = (struct pdf_bounds){.max_page_bytes = inflated < PAGE_MAX_INFLATED ? inflated : PAGE_MAX_INFLATED,
                                   .max_doc_bytes = inflated,
                                   .max_depth = opts->max_form_depth > 0 ? opts->max_form_depth : DEFAULT_MAX_DEPTH,
                                   .max_page_image_bytes = OCR_PAGE_IMAGE_BYTES,
                                   .max_doc_image_bytes = OCR_DOC_IMAGE_BYTES,
                                   .watch = &r.watch};
    long max_ops = opts->max_ops > 0 ? opts->max_ops : DEFAULT_MAX_OPS;
    r.bounds.max_glyph_work = max_ops / GLYPH_OPS_SHARE;
    if (!ctx || watch_start(&r.watch, opts->max_seconds > 0 ? opts->max_seconds : DEFAULT_MAX_SECONDS, max_ops,
                            max_ops / PAGE_OPS_SHARE)) {
        fz_drop_context(ctx);
        set_err(err, EXTRACT_UNPARSABLE, "PDF engine unavailable");
        return -1;
    }
    fz_set_warning_callback(ctx, on_warning, &dg);
    fz_set_error_callback(ctx, on_error, &dg);
    struct budget *saved = tl_budget;
    b.watch = &r.watch;
    tl_budget = &b;
    facts->incremental_updates = pdf_doc_count_updates(data, len);
    int rc = -1;
    if (len >= 5 && open_doc(&r, data, len) == 0 && check_doc(&r) == 0 && read_pages(&r) == 0)
        rc = 0;
    else if (len < 5)
        set_err(err, EXTRACT_UNPARSABLE, "The file is not a readable PDF");
    *page_count = r.npages;
    b.watch = NULL;
    watch_stop(&r.watch);
    charge_words(0); /* the caller owns the words from here */
    pdf_bounds_close(ctx, &r.bounds);
    ocr_seen_free(&r.seen);
    fz_drop_document(ctx, r.doc);
    fz_flush_warnings(ctx);
    tl_budget = saved;
    fz_drop_context(ctx);
    /* A big read leaves its memory free in this thread's malloc arena,
     * where no other thread's read can use it: give it back, so that what
     * the budget counts is what the process holds. */
    if (b.peak > TRIM_AFTER)
        malloc_trim(0);
    if (rc == 0 && layout_build_lines(l) < 0) {
        set_err(err, EXTRACT_UNPARSABLE, "Out of memory");
        rc = -1;
    }
    return rc;
}
