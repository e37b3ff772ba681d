/* Tesseract glue. See ocr.h. */
#include "extract/ocr.h"

#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/statement.h"
#include "extract/ocr_bands.h"
#include "extract/ocr_case.h"
#include "extract/ocr_doubt.h"
#include "extract/ocr_faint.h"
#include "extract/ocr_fix.h"
#include "extract/ocr_lib.h"
#include "extract/ocr_marks.h"
#include "extract/ocr_memo.h"
#include "extract/ocr_noise.h"
#include "extract/ocr_pixmem.h"
#include "extract/ocr_prep.h"
#include "extract/ocr_repeat.h"
#include "extract/ocr_reread.h"
#include "extract/ocr_shade.h"
#include "extract/known_words.h"
#include "extract/ocr_vocab.h"
#include "util/log.h"

/* One handle per thread: Tesseract's handles are not shared between
 * threads, and loading the model (~0.3 s) is done once per thread. */
static pthread_key_t api_key;
static pthread_once_t api_once = PTHREAD_ONCE_INIT;
static __thread TessBaseAPI *tl_api;
static __thread bool tl_failed;
static const struct ocr_lib *lib; /* Tesseract's entry points, loaded on first use (ocr_lib.h) */

static void api_delete(void *p)
{
    lib->TessBaseAPIEnd(p);
    lib->TessBaseAPIDelete(p);
}

static void init_once(void)
{
    pthread_key_create(&api_key, api_delete);
    lib = ocr_lib();
}

/* Statements are tables of dates, amounts and names, not prose: the
 * dictionaries would "correct" digits into words and cost time. */
/* Tesseract's network runs OpenMP parallel regions whose idle threads spin:
 * on a busy machine a page took 20 s of wall time for 4 s of work. Passbook
 * reads statements in parallel itself (the ingest pool), so each page is read
 * on the thread that asked. No parallel region may be active on this thread
 * (max-active-levels 0). A Tesseract built without OpenMP has no libgomp,
 * and nothing is to be done. */
static void one_thread_per_page(void)
{
    if (lib->omp_set_max_active_levels)
        lib->omp_set_max_active_levels(0);
}

static TessBaseAPI *thread_api(void)
{
    if (tl_api || tl_failed)
        return tl_api;
    pthread_once(&api_once, init_once);
    if (!lib) {
        tl_failed = true;
        return NULL;
    }
    one_thread_per_page();
    TessBaseAPI *api = lib->TessBaseAPICreate();
    char *names[] = {"load_system_dawg", "load_freq_dawg", "debug_file"};
    char *values[] = {"0", "0", "/dev/null"};
    if (!api || lib->TessBaseAPIInit4(api, NULL, "eng", OEM_LSTM_ONLY, NULL, 0, names, values, 3, 0) != 0) {
        log_error("event=ocr_init_failed hint=\"install tesseract-ocr-eng\"");
        if (api)
            lib->TessBaseAPIDelete(api);
        tl_failed = true;
        return NULL;
    }
    /* each piece is a line or a few (ocr_bands.h): no layout to find */
    lib->TessBaseAPISetPageSegMode(api, PSM_SINGLE_BLOCK);
    lib->TessBaseAPISetVariable(api, "preserve_interword_spaces", "0");
    /* the line finder's fixed-pitch test (2.7% of a page's work) decides
     * how its old classifier cuts words; the LSTM reads whole lines and
     * places its own spaces (scan-smoke read byte for byte the same) */
    lib->TessBaseAPISetVariable(api, "textord_disable_pitch_test", "1");
    /* a line read unsure is read again inverted, for light type on a dark
     * fill: ocr_shade.c inverts those blocks before the page is read, and
     * on dark type the inverted reading only ever won with noise (2% of a
     * page's work; scan-smoke the same rows, a scan-full sample one more) */
    lib->TessBaseAPISetVariable(api, "tessedit_do_invert", "0");
    tl_api = api;
    pthread_setspecific(api_key, api);
    return api;
}

bool ocr_available(void)
{
    return thread_api() != NULL;
}

static PIX *to_pix(const unsigned char *gray, int width, int height, size_t stride, int dpi)
{
    PIX *p = lib->pixCreate(width, height, 8);
    if (!p)
        return NULL;
    l_uint32 *data = lib->pixGetData(p);
    int wpl = lib->pixGetWpl(p);
    for (int y = 0; y < height; y++) {
        const unsigned char *src = gray + (size_t)y * stride;
        l_uint32 *line = data + (size_t)y * (size_t)wpl;
        for (int x = 0; x < width; x++)
            SET_DATA_BYTE(line, x, src[x]);
    }
    lib->pixSetResolution(p, dpi, dpi);
    return p;
}

/* The angle (radians) a page's skew is corrected by: 0 unless the skew
 * is clear. */
static float skew(PIX *p)
{
    l_float32 angle = 0, conf = 0;
    PIX *bin = lib->pixConvertTo1(p, 160);
    int rc = bin ? lib->pixFindSkew(bin, &angle, &conf) : 1;
    lib->pixDestroy(&bin);
    if (rc != 0 || conf < 2.5f || fabsf(angle) < 0.05f)
        return 0;
    return angle * 3.14159265f / 180.0f;
}

/* A slant of a fraction of a degree moves the right end of a table row
 * by a line's height: the page straightened by angle (skew), or NULL when
 * it is 0 (or leptonica could not). */
static PIX *straighten(PIX *p, float angle)
{
    if (angle == 0)
        return NULL;
    return lib->pixRotate(p, angle, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0); /* as pixDeskew does */
}

/* The straightened page (leptonica's, kept for black_and_white) and a grey
 * copy of it, width bytes a row: what the bands are found in. NULL when out
 * of memory. Straightened by *angle when given (a page read again, by its
 * first reading's), else by its skew, which goes into *angle. */
static unsigned char *page_gray(const struct ocr_image *img, bool given, float *angle, PIX **page)
{
    size_t w = (size_t)img->width, h = (size_t)img->height;
    unsigned char *g = malloc(w * h);
    if (!g)
        return NULL;
    for (size_t y = 0; y < h; y++)
        memcpy(g + y * w, img->gray + y * (size_t)img->stride, w);
    /* a copier's grey paper made white first: ink is what is darker than paper */
    ocr_lift_fog(g, img->width, img->height, w);
    /* light type on a dark fill made dark on light first: the skew is
     * found in the text, not in a band of ink */
    ocr_lighten_dark_blocks(g, img->width, img->height, w, img->dpi);
    PIX *pix = to_pix(g, img->width, img->height, w, img->dpi);
    if (!pix) {
        free(g);
        return NULL;
    }
    if (!given)
        *angle = skew(pix);
    PIX *straight = straighten(pix, *angle);
    if (straight) /* pixRotate keeps the size */
        lib->pixDestroy(&pix);
    *page = straight ? straight : pix;
    l_uint32 *data = lib->pixGetData(*page);
    size_t wpl = (size_t)lib->pixGetWpl(*page);
    for (size_t y = 0; y < h; y++)
        for (size_t x = 0; x < w; x++)
            g[y * w + x] = (unsigned char)GET_DATA_BYTE(data + y * wpl, x);
    return g;
}

/* Sauvola's window: 51 pixels, a sixth of an inch at 300 dpi (below). */
#define SAUVOLA_HALF 25

/* A piece of the page in black and white, for recognition: Tesseract's
 * network reads the grey it is given, and a scan's noise and JPEG ringing
 * around small digits throws it ('11.12.23' read 'Ti 2e23' at confidence 0
 * on a plainly printed page); thresholded, the same cell reads right at ~95.
 * Sauvola's threshold follows the page's light (a local mean and spread,
 * windows of 51 pixels): a scan lit unevenly or greyed by a stamp keeps its
 * strokes; one threshold for the whole page (Otsu's) read 8 rows in 255
 * fewer right on scan-smoke. Thresholded piece by piece, only for the pieces
 * read again: each is cut from the page with a window's width around it, so
 * every pixel of it sees the same window as in the whole page (and at the
 * page's edge the same mirrored border): the same threshold for half the
 * work (scan_canara: 1.03 G instructions -> 0.56 G), and no page-sized
 * buffers of doubles to fault in (peak memory 232 -> 100 MB). Ink 0, paper
 * 255, and white where the rules ocr_bands erased from gray are; NULL when
 * leptonica could not (a page too small for the window, out of memory):
 * then the grey reading stands. */
static PIX *black_and_white(PIX *page, const unsigned char *gray, size_t width, const struct ocr_band *b, int dpi)
{
    int pw = lib->pixGetWidth(page), ph = lib->pixGetHeight(page), m = SAUVOLA_HALF + 1;
    int cx0 = b->x0 > m ? b->x0 - m : 0, cy0 = b->y0 > m ? b->y0 - m : 0;
    int cx1 = b->x1 + m < pw ? b->x1 + m : pw, cy1 = b->y1 + m < ph ? b->y1 + m : ph;
    BOX *box = lib->boxCreate(cx0, cy0, cx1 - cx0, cy1 - cy0);
    PIX *crop = box ? lib->pixClipRectangle(page, box, NULL) : NULL, *bin = NULL;
    lib->boxDestroy(&box);
    bool ok = crop && lib->pixSauvolaBinarizeTiled(crop, SAUVOLA_HALF, 0.35f, 1, 1, NULL, &bin) == 0 && bin;
    lib->pixDestroy(&crop);
    PIX *out = ok ? lib->pixCreate(b->x1 - b->x0, b->y1 - b->y0, 8) : NULL;
    if (out) {
        l_uint32 *src = lib->pixGetData(bin), *dst = lib->pixGetData(out);
        size_t swpl = (size_t)lib->pixGetWpl(bin), dwpl = (size_t)lib->pixGetWpl(out);
        for (int y = b->y0; y < b->y1; y++)
            for (int x = b->x0; x < b->x1; x++) {
                bool ink = GET_DATA_BIT(src + (size_t)(y - cy0) * swpl, x - cx0) && gray[(size_t)y * width + x] != 255;
                SET_DATA_BYTE(dst + (size_t)(y - b->y0) * dwpl, x - b->x0, ink ? 0 : 255);
            }
        lib->pixSetResolution(out, dpi, dpi);
    }
    lib->pixDestroy(&bin);
    return out;
}

static bool has_alnum(const char *w)
{
    for (const char *p = w; *p; p++)
        if (isalnum((unsigned char)*p))
            return true;
    return false;
}

/* A mark with no letter or digit read at low confidence (a stamp's edge, a
 * table rule) or made of marks never printed alone (ocr_stray_mark), or any mark smaller than a fifth of an em each way (a dot of
 * noise read as `.`, `,` or even `2`: a printed digit is half an em wide and
 * three quarters high): not text. */
static bool speck(const char *w, float conf, float width, float height, float em)
{
    if (width < 0.2f * em && height < 0.2f * em)
        return true;
    return !has_alnum(w) && (conf < 75 || !strcmp(w, "|") || ocr_stray_mark(w));
}

/* A page's words as read (struct pword, ocr_reread.h), before they go to
 * the layout. */
struct pwords {
    struct pword *w;
    size_t n, cap;
};

static void join_into(struct pword *a, const struct pword *b)
{
    memcpy(a->text + a->len, b->text, b->len + 1);
    a->len += b->len;
    a->x1 = b->x1;
    a->joined = true;
    a->conf = fminf(a->conf, b->conf);
    a->ink = fmaxf(a->ink, b->ink);
}

/* A word Tesseract ended too early: the next one starts closer than a
 * space's width (OCR_VOCAB_CLOSE) on the same line ("5273591 10336", a
 * narrow 1 with wide side bearings), or either side of an @. Letters
 * either side of such a gap are left to ocr_vocab_fix (ocr_letters_apart). */
static int add_word(struct pwords *pw, const char *w, size_t n, float x0, float x1, float base, float size, float conf,
                    float ink)
{
    struct pword *p = pw->n ? &pw->w[pw->n - 1] : NULL;
    /* an address has no space around its @ ("rahul41 @ ybl") nor inside
     * its name ("gurpreet 88@oksbi", "merchant9 179@UNION") */
    size_t lead = strspn(w, "0123456789");
    bool at = (p && p->len && p->text[p->len - 1] == '@') || w[lead] == '@';
    struct pword next = {.len = n, .x0 = x0, .x1 = x1, .base = base, .size = size, .conf = conf, .ink = ink};
    memcpy(next.text, w, n + 1);
    if (p && fabsf(base - p->base) < 0.2f * size && x0 - p->x1 < (at ? 0.8f : OCR_VOCAB_CLOSE) * size && x0 > p->x0 &&
        p->len + n < sizeof p->text && (at || x0 < p->x1 || !ocr_letters_apart(p->text, w))) {
        join_into(p, &next);
        return 0;
    }
    if (pw->n == pw->cap) {
        size_t cap = pw->cap ? 2 * pw->cap : 256;
        struct pword *grown = realloc(pw->w, cap * sizeof *grown);
        if (!grown)
            return -1;
        pw->w = grown, pw->cap = cap;
    }
    pw->w[pw->n++] = next;
    return 0;
}

/* Whether the run of digits d (n of them) is printed inside another word
 * of the page than the two being joined: words [0, a) and (b, n) (those
 * between are the joined ones, already moved). */
static bool printed_whole(const struct pwords *pw, size_t a, size_t b, const char *d, size_t n)
{
    for (size_t i = 0; i < pw->n; i++)
        if ((i < a || i > b) && memmem(pw->w[i].text, pw->w[i].len, d, n))
            return true;
    return false;
}

/* A long number OCR split with a space ("UPI/DR/530001 197433/NYKAA", a
 * narrow 1 with wide bearings read as a gap) is joined when the page prints
 * the same digits whole elsewhere (the row's reference column, the other
 * half of a narration): a real space between two numbers is not. */
/* The pieces after a (pw->w[i...]) that ocr_split_pieces takes for pieces
 * of a code with a: how many, 0 for none. */
static size_t code_pieces(const struct pwords *pw, const struct pword *a, size_t i)
{
    const char *texts[6] = {a->text};
    float gap[6] = {0};
    size_t n = 1, len = a->len;
    for (const struct pword *prev = a; n < 6 && i + n - 1 < pw->n; n++) {
        const struct pword *b = &pw->w[i + n - 1];
        len += b->len;
        if (fabsf(b->base - a->base) >= 0.2f * b->size || b->x0 <= prev->x1 || len >= sizeof a->text)
            break;
        texts[n] = b->text;
        gap[n] = (b->x0 - prev->x1) / b->size;
        prev = b;
    }
    return ocr_split_pieces(texts, gap, n);
}

/* A word's confidence that leaves its row unsure (TXN_OCR_SURE). */
#define DOUBTFUL_CONF (100.0f * TXN_OCR_SURE - 1.0f)

static void join_split_numbers(struct pwords *pw)
{
    size_t out = 0;
    for (size_t i = 0; i < pw->n; i++) {
        struct pword *a = out ? &pw->w[out - 1] : NULL, *b = &pw->w[i];
        size_t k = a ? code_pieces(pw, a, i) : 0;
        if (k) {
            if (ocr_join_doubtful(a->text, (b->x0 - a->x1) / b->size))
                a->conf = fminf(a->conf, DOUBTFUL_CONF);
            for (size_t j = i; j < i + k; j++)
                join_into(a, &pw->w[j]);
            i += k - 1;
            continue;
        }
        if (a && fabsf(b->base - a->base) < 0.2f * b->size && b->x0 > a->x1 && b->x0 - a->x1 < 0.6f * b->size &&
            a->len + b->len < sizeof a->text) {
            size_t ta = ocr_run_at_end(a->text, a->len, isdigit), hb = ocr_run_at_start(b->text, b->len, isdigit);
            char d[64];
            if (ta && hb && ta + hb >= 8 && ta + hb < sizeof d) {
                memcpy(d, a->text + a->len - ta, ta);
                memcpy(d + ta, b->text, hb);
                /* or between two slashes, where a narration has no spaces
                 * ("UPI/DR/37 1022328216/SURESH") */
                bool slashed = ta < a->len && a->text[a->len - ta - 1] == '/' && hb < b->len && b->text[hb] == '/';
                float gap = (b->x0 - a->x1) / b->size;
                /* or a label's value ("Account Number : 0000033 130407083") */
                const struct pword *label = out >= 2 && ocr_same_line(&pw->w[out - 2], a) ? &pw->w[out - 2] : NULL;
                if (slashed || printed_whole(pw, out - 1, i, d, ta + hb) ||
                    ocr_code_split_at_one(a->text, a->len, b->text, b->len, gap) ||
                    (label && ocr_value_split_at_one(label->text, a->text, a->len, b->text, b->len, gap))) {
                    join_into(a, b);
                    continue;
                }
            }
        }
        pw->w[out++] = *b;
    }
    pw->n = out;
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y;
}

/* Words of letters drawn alike in both cases read small though as tall
 * as capitals (ocr_case.h), against the page's median size: a line of
 * one word measures its size from that word. */
static void capitals_by_height(struct pwords *pw)
{
    float *v = pw->n ? malloc(pw->n * sizeof *v) : NULL;
    if (!v)
        return; /* out of memory: as read */
    for (size_t i = 0; i < pw->n; i++)
        v[i] = pw->w[i].size;
    qsort(v, pw->n, sizeof *v, cmp_float);
    float em = v[pw->n / 2];
    free(v);
    for (size_t i = 0; i < pw->n; i++)
        ocr_capitals_by_height(pw->w[i].text, pw->w[i].len, pw->w[i].ink, em);
}

/* Words joined from pieces go through the word fixes again. */
static void refix_joined(struct pwords *pw)
{
    for (size_t i = 0; i < pw->n; i++) {
        struct pword *p = &pw->w[i];
        if (p->joined) {
            char fixed[sizeof p->text];
            p->len = ocr_fix_word(p->text, fixed, sizeof fixed);
            memcpy(p->text, fixed, p->len + 1);
        }
    }
}

static int flush_words(struct pwords *pw, const struct ocr_image *img, struct layout *l)
{
    for (size_t i = 0; i < pw->n; i++) {
        struct pword *p = &pw->w[i];
        if (layout_add_word(l, img->page, p->x0, p->base - 0.8f * p->size, p->x1, p->base + 0.2f * p->size, p->base,
                            p->size, p->text, p->len) < 0)
            return -1;
        l->words[l->nwords - 1].conf = p->conf;
    }
    return 0;
}

/* The ink's top and bottom (pixels of the piece, y downwards) of the word
 * ri is at: of its first symbol, or of its last. */
static bool symbol_ink(const TessResultIterator *ri, bool last, int *top, int *bottom)
{
    TessResultIterator *s = lib->TessResultIteratorCopy(ri);
    if (!s)
        return false;
    TessPageIterator *p = lib->TessResultIteratorGetPageIterator(s);
    while (last && !lib->TessPageIteratorIsAtFinalElement(p, RIL_WORD, RIL_SYMBOL) &&
           lib->TessResultIteratorNext(s, RIL_SYMBOL))
        ;
    int x0, x1;
    bool ok = lib->TessPageIteratorBoundingBox(p, RIL_SYMBOL, &x0, top, &x1, bottom);
    lib->TessResultIteratorDelete(s);
    return ok;
}

/* A full stop, comma or colon read at either end of the word ri is at
 * (text, as read) whose ink lies off the word's line (baseline base, font
 * size em, pixels of the piece) is a speck (ocr_marks.h): it comes off
 * text. Returns whether one did. */
static bool drop_edge_specks(const TessResultIterator *ri, char *text, float base, float em)
{
    size_t n = strlen(text);
    int top, bottom;
    bool dropped = false;
    if (n > 1 && ocr_line_mark(text[n - 1]) && symbol_ink(ri, true, &top, &bottom) &&
        !ocr_mark_printed(text[n - 1], (float)top, (float)bottom, base, em)) {
        text[--n] = 0;
        dropped = true;
    }
    if (n > 1 && ocr_line_mark(text[0]) && symbol_ink(ri, false, &top, &bottom) &&
        !ocr_mark_printed(text[0], (float)top, (float)bottom, base, em)) {
        memmove(text, text + 1, n);
        dropped = true;
    }
    return dropped;
}

/* Words Tesseract recognised in a piece of the page whose top left corner
 * is pixel (dx, dy) of the page, into pw, in points. The baseline of each
 * word is its line's baseline at the word's middle, so the words of one
 * printed line share it, unless the word's ink lies off that line (a
 * column's word printed at another height, ocr_word_base); the font size
 * is estimated from the line's height above its baseline (capitals reach
 * ~0.72 em). */
static int collect_words(TessBaseAPI *api, const struct ocr_image *img, int dx, int dy, struct pwords *pw)
{
    TessResultIterator *ri = lib->TessBaseAPIGetIterator(api);
    if (!ri)
        return 0;
    TessPageIterator *pi = lib->TessResultIteratorGetPageIterator(ri);
    const float pt = 72.0f / (float)img->dpi;
    int rc = 0;
    float lx1 = 0, ly1 = 0, lx2 = 1, ly2 = 0, top = 0, reach = OCR_CAPS_HEIGHT;
    do {
        bool first = lib->TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE);
        if (first) {
            char *line = lib->TessResultIteratorGetUTF8Text(ri, RIL_TEXTLINE);
            reach = line ? ocr_line_reach(line) : OCR_CAPS_HEIGHT;
            lib->TessDeleteText(line);
            int bx1, by1, bx2, by2, a, t, c, d;
            if (lib->TessPageIteratorBaseline(pi, RIL_TEXTLINE, &bx1, &by1, &bx2, &by2) &&
                lib->TessPageIteratorBoundingBox(pi, RIL_TEXTLINE, &a, &t, &c, &d)) {
                bx1 += dx, bx2 += dx, by1 += dy, by2 += dy, t += dy;
                lx1 = (float)bx1, ly1 = (float)by1, lx2 = (float)(bx2 > bx1 ? bx2 : bx1 + 1), ly2 = (float)by2;
                top = (float)t;
            }
        }
        int x0, y0, x1, y1;
        if (!lib->TessPageIteratorBoundingBox(pi, RIL_WORD, &x0, &y0, &x1, &y1))
            continue;
        x0 += dx, x1 += dx, y0 += dy, y1 += dy;
        char *text = lib->TessResultIteratorGetUTF8Text(ri, RIL_WORD);
        if (!text)
            continue;
        char raw[256], word[256];
        snprintf(raw, sizeof raw, "%s", text);
        lib->TessDeleteText(text);
        size_t n = ocr_fix_word(raw, word, sizeof word);
        float conf = lib->TessResultIteratorConfidence(ri, RIL_WORD);
        if (!n)
            continue;
        float mid = 0.5f * (float)(x0 + x1);
        float base = ly1 + (ly2 - ly1) * (mid - lx1) / (lx2 - lx1);
        /* a line of small letters reaches the x-height; read unsure, it
         * may be a mark (ocr_noise.h judges those by their size) */
        float size = (base - top) / (conf >= OCR_REREAD_BELOW ? reach : OCR_CAPS_HEIGHT);
        /* a line's top far above a word (a stamp on the line): the word's own
         * height, when it has any (a hyphen's is no font's) */
        if (!(size > 4 && (size < 4 * (float)(y1 - y0 + 1) || !has_alnum(word))))
            size = (float)(y1 - y0) / 0.72f;
        if (drop_edge_specks(ri, raw, base - (float)dy, size) && !(n = ocr_fix_word(raw, word, sizeof word)))
            continue;
        if (speck(word, conf, (float)(x1 - x0), (float)(y1 - y0), size))
            continue;
        base = ocr_word_base(word, first, base, (float)y0, (float)y1, size);
        float ink = (base - (float)y0) * pt;
        if (add_word(pw, word, n, (float)x0 * pt, (float)x1 * pt, base * pt, size * pt, conf, ink) < 0) {
            rc = -1;
            break;
        }
    } while (lib->TessPageIteratorNext(pi, RIL_WORD));
    lib->TessResultIteratorDelete(ri);
    return rc;
}

/* The font size OCR gives each line is an estimate from its ink, a point
 * or so off either way: the rows of a statement share one size, and the
 * table reader reads row gaps in it. Sizes near the page's median become
 * the median (headings keep theirs). */
static void even_sizes(struct layout *l, size_t from)
{
    size_t n = l->nwords - from;
    float *v = n ? malloc(n * sizeof *v) : NULL;
    if (!v)
        return;
    for (size_t i = 0; i < n; i++)
        v[i] = l->words[from + i].size;
    qsort(v, n, sizeof *v, cmp_float);
    float med = v[n / 2];
    free(v);
    for (size_t i = from; i < l->nwords; i++) {
        struct word *w = &l->words[i];
        if (w->size > 0.7f * med && w->size < 1.4f * med) {
            w->size = med;
            w->y0 = w->base - 0.8f * med;
            w->y1 = w->base + 0.2f * med;
        }
    }
}

static double thread_cpu(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double wall(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The page's time limit counts the work done (this thread's CPU time), so
 * that a busy machine does not fail good scans; the wall clock gets
 * OCR_WALL_FACTOR times as long. Tesseract asks after each word. */
struct limit {
    double cpu_end, wall_end;
    bool hit;
};

static bool over_limit(void *arg, int words)
{
    struct limit *lim = arg;
    if (thread_cpu() > lim->cpu_end || wall() > lim->wall_end)
        lim->hit = true;
    return lim->hit;
}

/* Recognises pix, one piece of the page (ocr_bands.h) whose top left corner
 * is the band's, into pw: an image of its own, so that what Tesseract does
 * per image (thresholding, its buffers) is sized to the piece, not to the
 * page. Takes pix. */
static int recognise_piece(TessBaseAPI *api, const struct ocr_image *img, PIX *pix, const struct ocr_band *b,
                           ETEXT_DESC *mon, const struct limit *lim, struct pwords *pw)
{
    if (!pix)
        return OCR_FAILED;
    lib->TessBaseAPISetImage2(api, pix);
    lib->TessBaseAPISetSourceResolution(api, img->dpi);
    ocr_pixmem_raw(true); /* its line images stay in memory (ocr_pixmem.h) */
    int rc = lib->TessBaseAPIRecognize(api, mon) == 0 && !lim->hit ? OCR_DONE : lim->hit ? OCR_TIMED_OUT : OCR_FAILED;
    ocr_pixmem_raw(false);
    if (rc == OCR_DONE && collect_words(api, img, b->x0, b->y0, pw) < 0)
        rc = OCR_FAILED;
    lib->pixDestroy(&pix);
    return rc;
}

/* The page as read: the straightened page (leptonica's) and its grey copy
 * with the rules erased (ocr_bands), width bytes a row; its first reading
 * when it is read again, where that is kept when it is read first
 * (ocr_memo.h; either NULL). */
struct page {
    PIX *pix;
    unsigned char *gray;
    size_t width;
    const struct ocr_memo_page *first;
    struct ocr_memo_page *keep;
};

/* Word p into pw (add_word), keeping what it was. */
static int put_word(struct pwords *pw, const struct pword *p)
{
    if (add_word(pw, p->text, p->len, p->x0, p->x1, p->base, p->size, p->conf, p->ink) < 0)
        return -1;
    pw->w[pw->n - 1].joined |= p->joined;
    return 0;
}

/* n words as they were into pw: OCR_DONE, or OCR_FAILED (out of memory). */
static int put_word_run(struct pwords *pw, const struct pword *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (put_word(pw, &words[i]) < 0)
            return OCR_FAILED;
    return OCR_DONE;
}

/* The words of a piece read from the grey page (first) into out, the runs
 * of unsure ones read again in black and white (ocr_reread.h) and replaced
 * where that reading is surer. */
static int reread_unsure(TessBaseAPI *api, const struct ocr_image *img, const struct page *pg,
                         const struct ocr_band *b, ETEXT_DESC *mon, const struct limit *lim,
                         const struct pwords *first, struct pwords *out)
{
    const struct pword *w = first->w;
    int rc = OCR_DONE;
    for (size_t i = 0, j; i < first->n && rc == OCR_DONE; i = j) {
        if (w[i].conf >= OCR_REREAD_BELOW) {
            j = i + 1;
            rc = put_word(out, &w[i]) < 0 ? OCR_FAILED : OCR_DONE;
            continue;
        }
        struct ocr_band slot = *b;
        j = ocr_unsure_run(w, first->n, i, (float)img->dpi / 72.0f, &slot.x0, &slot.x1);
        ocr_unsure_rows(w, i, j, (float)img->dpi / 72.0f, &slot.y0, &slot.y1);
        struct pwords again = {NULL, 0, 0};
        PIX *bw = slot.x1 - slot.x0 >= 3 ? black_and_white(pg->pix, pg->gray, pg->width, &slot, img->dpi) : NULL;
        if (bw) /* when it could not be thresholded, the grey reading stands */
            rc = recognise_piece(api, img, bw, &slot, mon, lim, &again);
        bool wins = rc == OCR_DONE && ocr_reread_wins(&w[i], j - i, again.w, &again.n);
        const struct pword *use = wins ? again.w : &w[i];
        for (size_t k = 0, n = wins ? again.n : j - i; k < n && rc == OCR_DONE; k++)
            rc = put_word(out, &use[k]) < 0 ? OCR_FAILED : OCR_DONE;
        free(again.w);
    }
    return rc;
}

/* Piece b read from the grey page with its strokes thinned (ocr_prep.h),
 * into out; OCR_DONE with no words when it could not be thinned. */
static int read_thinned(TessBaseAPI *api, const struct ocr_image *img, const struct page *pg,
                        const struct ocr_band *b, ETEXT_DESC *mon, const struct limit *lim, struct pwords *out)
{
    int w = b->x1 - b->x0, h = b->y1 - b->y0;
    unsigned char *t = malloc((size_t)w * (size_t)h);
    if (!t)
        return OCR_DONE;
    for (int y = 0; y < h; y++)
        memcpy(t + (size_t)y * (size_t)w, pg->gray + (size_t)(b->y0 + y) * pg->width + (size_t)b->x0, (size_t)w);
    int rc = OCR_DONE;
    if (ocr_thin(t, w, h, (size_t)w, ocr_thin_radius(img->dpi)) == 0)
        rc = recognise_piece(api, img, to_pix(t, w, h, (size_t)w, img->dpi), b, mon, lim, out);
    free(t);
    size_t k = 0; /* only words read sure: a mark thinned reads as junk */
    for (size_t i = 0; i < out->n; i++)
        if (out->w[i].conf >= OCR_REREAD_BELOW)
            out->w[k++] = out->w[i];
    out->n = k;
    return rc;
}

/* A piece is read from the grey page first; the words of it less sure than
 * OCR_REREAD_BELOW are read again in black and white (black_and_white,
 * ocr_reread.h). Neither is better everywhere: thresholded, small digits
 * Tesseract garbled in grey read right, but the grey page keeps the spacing
 * of long narrations better (read from black and white alone: 66.3% rows
 * exact on scan-smoke, against 68.2% from grey alone). A piece in which the
 * grey page showed no word is read again whole (a row of scan-smoke is read
 * only so), and if that shows none either, once more thinned when it is
 * the size of a word (a copy's heavy type: read_thinned). The words go on
 * into pw. */
static int read_piece(TessBaseAPI *api, const struct ocr_image *img, const struct page *pg, const struct ocr_band *b,
                      ETEXT_DESC *mon, const struct limit *lim, struct pwords *pw)
{
    struct pwords first = {NULL, 0, 0};
    PIX *gray = to_pix(pg->gray + (size_t)b->y0 * pg->width + (size_t)b->x0, b->x1 - b->x0, b->y1 - b->y0, pg->width,
                       img->dpi);
    int rc = recognise_piece(api, img, gray, b, mon, lim, &first);
    PIX *bw = rc == OCR_DONE && !first.n ? black_and_white(pg->pix, pg->gray, pg->width, b, img->dpi) : NULL;
    if (bw) { /* its words go as read */
        rc = recognise_piece(api, img, bw, b, mon, lim, &first);
        if (rc == OCR_DONE && !first.n && ocr_worth_thinning(b->x1 - b->x0, b->y1 - b->y0, img->dpi))
            rc = read_thinned(api, img, pg, b, mon, lim, &first);
        for (size_t i = 0; i < first.n && rc == OCR_DONE; i++)
            rc = put_word(pw, &first.w[i]) < 0 ? OCR_FAILED : OCR_DONE;
    } else if (rc == OCR_DONE) {
        rc = reread_unsure(api, img, pg, b, mon, lim, &first, pw);
    }
    free(first.w);
    return rc;
}

/* The sum (ocr_memo.h) of every pixel a reading of piece b looks at: the
 * piece of the grey page, and of the straightened page the piece with
 * Sauvola's window around it (black_and_white; its 32-bit words whole). */
static uint64_t piece_sum(const struct page *pg, const struct ocr_band *b)
{
    uint64_t sum = ocr_memo_sum(OCR_MEMO_SUM0, pg->gray, pg->width, b->x0, b->y0, b->x1, b->y1);
    int pw = lib->pixGetWidth(pg->pix), ph = lib->pixGetHeight(pg->pix), m = SAUVOLA_HALF + 1;
    int cx0 = b->x0 > m ? b->x0 - m : 0, cy0 = b->y0 > m ? b->y0 - m : 0;
    int cx1 = b->x1 + m < pw ? b->x1 + m : pw, cy1 = b->y1 + m < ph ? b->y1 + m : ph;
    int bytes = 4 * lib->pixGetWpl(pg->pix);
    return ocr_memo_sum(sum, (const unsigned char *)lib->pixGetData(pg->pix), (size_t)bytes, cx0 & ~3, cy0,
                        (cx1 + 3) & ~3, cy1);
}

/* The words of a piece into pw, moved from its corner (points) to b's. */
static int put_placed(struct pwords *pw, const struct pword *words, size_t n, const struct ocr_band *b, float px)
{
    for (size_t i = 0; i < n; i++) {
        struct pword p = words[i];
        p.x0 += (float)b->x0 / px, p.x1 += (float)b->x0 / px, p.base += (float)b->y0 / px;
        if (put_word(pw, &p) < 0)
            return OCR_FAILED;
    }
    return OCR_DONE;
}

/* Piece b of the page into pw: the words of the piece of the page before
 * printed the same there, or of one printed the same earlier on this page
 * (now; ocr_repeat.h), else as read (read_piece). The piece goes into now,
 * for the rest of the page and the next. Read again, a piece whose pixels
 * are those of the page's first reading takes that reading's words
 * (ocr_memo.h); read first, it is kept there. What is kept is the piece's
 * words as read, before pw joins the first to the piece before's last
 * (add_word): a copy put after another reading of that piece joins it
 * alike. */
static int read_or_repeat(TessBaseAPI *api, const struct ocr_image *img, const struct page *pg,
                          const struct ocr_band *b, ETEXT_DESC *mon, const struct limit *lim,
                          const struct ocr_seen *before, struct ocr_seen *now, struct pwords *pw)
{
    int w = b->x1 - b->x0, h = b->y1 - b->y0;
    float px = (float)img->dpi / 72.0f;
    uint64_t sum = pg->first || pg->keep ? piece_sum(pg, b) : 0;
    const struct ocr_memo_piece *was = pg->first ? ocr_memo_find(pg->first, b->x0, b->y0, b->x1, b->y1, sum) : NULL;
    unsigned char *ink = ocr_repeat_ink(pg->gray, pg->width, b->x0, b->y0, w, h);
    const struct ocr_seen_piece *same =
        !was && ink && before->dpi == img->dpi ? ocr_seen_find(before, b->x0, b->y0, w, h, ink) : NULL;
    if (!was && !same && ink)
        same = ocr_seen_find_on_page(now, w, h, ink);
    struct pwords piece = {NULL, 0, 0};
    int rc = OCR_DONE;
    if (was)
        rc = put_word_run(&piece, was->words, was->nwords);
    else if (same)
        rc = put_placed(&piece, same->words, same->nwords, b, px);
    else
        rc = read_piece(api, img, pg, b, mon, lim, &piece);
    if (rc == OCR_DONE && pg->keep && ocr_memo_add(pg->keep, b->x0, b->y0, b->x1, b->y1, sum, piece.w, piece.n) < 0)
        rc = OCR_FAILED;
    if (rc == OCR_DONE)
        rc = put_word_run(pw, piece.w, piece.n);
    /* out of memory, it is not remembered: the next page reads its copy */
    if (rc == OCR_DONE && ink)
        ocr_seen_add(now, b->x0, b->y0, w, h, ink, piece.w, piece.n, px);
    else
        free(ink);
    free(piece.w);
    return rc;
}

/* A rubber stamp's words, in faint ink (ocr_faint.h), out of pw: their
 * ink core measured on the straightened grey page, over each word's box
 * from its capitals' height down to its baseline. Out of memory: kept. */
static void drop_faint_words(struct pwords *pw, const struct ocr_image *img, const struct page *pg)
{
    int *core = pw->n ? malloc(pw->n * sizeof *core) : NULL;
    if (!core)
        return;
    float px = (float)img->dpi / 72.0f;
    for (size_t i = 0; i < pw->n; i++) {
        const struct pword *p = &pw->w[i];
        core[i] = ocr_ink_core(pg->gray, img->width, img->height, pg->width, (int)(p->x0 * px),
                               (int)((p->base - 0.72f * p->size) * px), (int)(p->x1 * px), (int)(p->base * px) + 1);
    }
    int paper = ocr_paper_level(pg->gray, img->width, img->height, pg->width);
    pw->n = ocr_drop_faint(pw->w, core, pw->n, paper);
    free(core);
}

int ocr_read_page(const struct ocr_image *img, double seconds, struct ocr_seen *seen, const struct ocr_memo_page *first,
                  struct ocr_memo_page *keep, struct layout *l)
{
    TessBaseAPI *api = thread_api();
    if (!api || img->width <= 0 || img->height <= 0)
        return OCR_FAILED;
    first = first && first->read ? first : NULL;
    struct page pg = {NULL, NULL, (size_t)img->width, first, keep};
    float angle = first ? first->angle : 0;
    if (keep)
        ocr_memo_page_clear(keep);
    pg.gray = page_gray(img, first != NULL, &angle, &pg.pix);
    struct ocr_band *bands = NULL;
    long nbands = pg.gray ? ocr_bands(pg.gray, img->width, img->height, pg.width, img->dpi, &bands) : -1;
    if (nbands < 0) {
        free(pg.gray);
        lib->pixDestroy(&pg.pix);
        return OCR_FAILED;
    }
    ETEXT_DESC *mon = lib->TessMonitorCreate();
    double start = thread_cpu();
    seconds = ocr_memo_seconds_left(first, seconds);
    struct limit lim = {start + seconds, wall() + OCR_WALL_FACTOR * seconds, false};
    lib->TessMonitorSetCancelFunc(mon, over_limit);
    lib->TessMonitorSetCancelThis(mon, &lim);
    size_t before = l->nwords;
    struct pwords pw = {NULL, 0, 0};
    int rc = OCR_DONE;
    struct ocr_seen now = {.dpi = img->dpi};
    for (long k = 0; k < nbands && rc == OCR_DONE; k++)
        rc = read_or_repeat(api, img, &pg, &bands[k], mon, &lim, seen, &now, &pw);
    ocr_seen_free(seen);
    if (rc == OCR_DONE)
        *seen = now;
    else
        ocr_seen_free(&now);
    if (rc == OCR_DONE) {
        drop_faint_words(&pw, img, &pg);
        pw.n = ocr_drop_noise(pw.w, pw.n);
        capitals_by_height(&pw);
        join_split_numbers(&pw);
        if (ocr_vocab_fix(known_words(), pw.w, &pw.n) < 0)
            rc = OCR_FAILED;
        refix_joined(&pw);
        ocr_doubt_words(pw.w, pw.n, DOUBTFUL_CONF);
        ocr_vocab_doubt(known_words(), pw.w, pw.n, DOUBTFUL_CONF);
        if (rc == OCR_DONE && flush_words(&pw, img, l) < 0)
            rc = OCR_FAILED;
    }
    free(pw.w);
    if (rc == OCR_DONE)
        even_sizes(l, before);
    if (rc != OCR_DONE) /* half a page would read as a shorter statement */
        l->nwords = before;
    if (keep && rc == OCR_DONE) {
        keep->read = 1;
        keep->angle = angle;
        keep->seconds = thread_cpu() - start;
    } else if (keep) {
        ocr_memo_page_clear(keep);
    }
    lib->TessMonitorDelete(mon);
    lib->TessBaseAPIClear(api);
    free(bands);
    free(pg.gray);
    lib->pixDestroy(&pg.pix);
    return rc;
}
