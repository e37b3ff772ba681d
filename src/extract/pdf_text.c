/* Page text to words (pdf_text.h). A word ends at a space or at a gap
 * wider than 0.3 of the font size (or a step back of half of it): table
 * cells are often placed as separate runs with no space between them. A
 * glyph drawn again a hair to the right of itself (fake bold: a producer
 * without the bold face strikes each glyph twice) is one character. */
#include "extract/pdf_text.h"

#include <math.h>
#include <string.h>

#include <mupdf/pdf.h>

struct wordbuf {
    char text[1024];
    size_t len;
    float x0, y0, x1, y1, base, size;
    uint16_t font; /* its first character's (pdf_fonts_note) */
};

/* A word lying wholly outside the page's box is on no page a reader sees
 * (a template row a report writer left beside the page); one that only
 * runs past its edge (a last column printed too wide) is read whole. */
static bool off_page(const struct wordbuf *w, fz_rect box)
{
    return w->x1 <= box.x0 || w->x0 >= box.x1 || w->y1 <= box.y0 || w->y0 >= box.y1;
}

static int flush(struct layout *l, int page, struct wordbuf *w, fz_rect box)
{
    int rc = 0;
    size_t before = l->nwords;
    if (w->len && !off_page(w, box))
        rc = layout_add_word(l, page, w->x0, w->y0, w->x1, w->y1, w->base, w->size, w->text, w->len);
    if (l->nwords > before)
        l->words[before].font = w->font;
    w->len = 0;
    return rc;
}

/* ch is the glyph before it struck again: the same character at nearly
 * the same origin (no two glyphs of real text sit within a fifth of the
 * size of each other). */
static bool struck_again(const fz_stext_char *prev, const fz_stext_char *ch)
{
    float near = 0.2f * ch->size;
    return prev && prev->c == ch->c && fabsf(ch->origin.x - prev->origin.x) < near &&
           fabsf(ch->origin.y - prev->origin.y) < near;
}

/* The word being read and the glyph before, carried from line to line:
 * MuPDF starts a new line at a glyph struck again (it steps back), and
 * that line goes on with the word of the line before. */
struct reading {
    struct wordbuf w;
    fz_rect box; /* the page's */
    const fz_stext_char *prev;
    float prev_x1;
};

static int line_words(fz_context *ctx, fz_stext_line *line, int page, struct layout *l, struct pdf_fonts *fs,
                      struct reading *rd)
{
    struct wordbuf *w = &rd->w;
    if (!line->first_char || !struck_again(rd->prev, line->first_char)) {
        if (flush(l, page, w, rd->box) < 0)
            return -1;
        rd->prev_x1 = 0;
    }
    for (fz_stext_char *ch = line->first_char; ch; rd->prev = ch, ch = ch->next) {
        if (struck_again(rd->prev, ch))
            continue;
        uint16_t font = pdf_fonts_note(ctx, fs, ch->font);
        l->nchars++;
        l->nunmapped += layout_char_unmapped(ch->c);
        fz_rect r = fz_rect_from_quad(ch->quad);
        bool space = ch->c == ' ' || ch->c == 0xa0 || ch->c == '\t' || ch->c < 32;
        float gap = r.x0 - rd->prev_x1;
        if (space || (w->len && (gap > 0.3f * ch->size || gap < -0.5f * ch->size))) {
            if (flush(l, page, w, rd->box) < 0)
                return -1;
        }
        rd->prev_x1 = r.x1;
        if (space)
            continue;
        char utf[8];
        int n = fz_runetochar(utf, ch->c);
        if (w->len + (size_t)n >= sizeof w->text)
            continue;
        if (!w->len) {
            w->x0 = r.x0, w->y0 = r.y0, w->x1 = r.x1, w->y1 = r.y1;
            w->base = ch->origin.y;
            w->size = ch->size;
            w->font = font;
        }
        w->x0 = fminf(w->x0, r.x0), w->x1 = fmaxf(w->x1, r.x1);
        w->y0 = fminf(w->y0, r.y0), w->y1 = fmaxf(w->y1, r.y1);
        memcpy(w->text + w->len, utf, (size_t)n);
        w->len += (size_t)n;
    }
    return 0;
}

/* A page's text, run under the limits: the page's reach is checked first
 * (pdf_bounds.h; bounds NULL: it was), the interpreter runs with the
 * watchdog's cookie; ctm places the page (turned: text_turn). */
static fz_stext_page *page_text(fz_context *ctx, fz_page *page, const fz_stext_options *opts,
                                struct watch *w, struct pdf_bounds *bounds, bool *limited, fz_matrix ctm)
{
    pdf_page *pp = pdf_page_from_fz_page(ctx, page);
    if (pp && bounds && pdf_bounds_check_page(ctx, pp, bounds)) {
        *limited = true;
        fz_throw(ctx, FZ_ERROR_GENERIC, "limit");
    }
    fz_stext_page *st = fz_new_stext_page(ctx, fz_transform_rect(fz_bound_page(ctx, page), ctm));
    fz_device *text = NULL, *dev = NULL;
    fz_var(text);
    fz_var(dev);
    fz_try(ctx)
    {
        text = fz_new_stext_device(ctx, st, opts);
        dev = watch_device(ctx, text, w); /* owns text from here */
        text = NULL;
        fz_run_page(ctx, page, dev, ctm, &w->cookie);
        fz_close_device(ctx, dev);
    }
    fz_always(ctx)
    {
        fz_drop_device(ctx, dev);
        fz_drop_device(ctx, text);
    }
    fz_catch(ctx)
    {
        fz_drop_stext_page(ctx, st);
        if (watch_check(w))
            *limited = true;
        fz_rethrow(ctx);
    }
    /* an aborted run returns quietly with part of the page */
    if (watch_check(w)) {
        *limited = true;
        fz_drop_stext_page(ctx, st);
        fz_throw(ctx, FZ_ERROR_GENERIC, "limit");
    }
    return st;
}

/* The way most of a page's text runs: 0 across the page, 90 up it, 270
 * down it (a landscape table printed sideways on a portrait page with no
 * /Rotate, as a print driver that turned the page itself leaves it).
 * Across wins unless the turned text outnumbers it four to one: a
 * margin's turned furniture or a watermark turns no page. */
static int text_turn(fz_stext_page *st)
{
    long across = 0, up = 0, down = 0;
    for (fz_stext_block *b = st->first_block; b; b = b->next) {
        if (b->type != FZ_STEXT_BLOCK_TEXT)
            continue;
        for (fz_stext_line *ln = b->u.t.first_line; ln; ln = ln->next) {
            long n = 0;
            for (fz_stext_char *ch = ln->first_char; ch; ch = ch->next)
                n++;
            if (ln->wmode)
                continue;
            if (ln->dir.x > 0.99f)
                across += n;
            else if (ln->dir.y < -0.99f)
                up += n;
            else if (ln->dir.y > 0.99f)
                down += n;
        }
    }
    if (up + down < 20 || up + down < 4 * across)
        return 0;
    return up >= down ? 90 : 270;
}

/* The page turned by turn degrees, its box moved back to the origin. */
static fz_matrix turned(fz_rect box, int turn)
{
    fz_matrix m = fz_rotate((float)turn);
    fz_rect r = fz_transform_rect(box, m);
    return fz_concat(m, fz_translate(-r.x0, -r.y0));
}

int pdf_text_read_page(fz_context *ctx, fz_document *doc, int i, struct layout *l, struct pdf_fonts *fs,
                       bool want_images, struct watch *w, struct pdf_bounds *bounds, float *image_dpi)
{
    fz_page *page = NULL;
    fz_stext_page *st = NULL;
    volatile int rc = 0;
    bool limited = false;
    fz_var(page);
    fz_var(st);
    fz_try(ctx)
    {
        fz_stext_options opts = {.flags = want_images ? FZ_STEXT_PRESERVE_IMAGES : 0};
        page = fz_load_page(ctx, doc, i);
        watch_page(w);
        st = page_text(ctx, page, &opts, w, bounds, &limited, fz_identity);
        struct reading rd = {.w = {.len = 0}, .box = fz_bound_page(ctx, page)};
        int turn = want_images ? 0 : text_turn(st);
        if (turn) { /* read again upright */
            fz_matrix ctm = turned(rd.box, turn);
            rd.box = fz_transform_rect(rd.box, ctm);
            fz_drop_stext_page(ctx, st);
            st = NULL;
            st = page_text(ctx, page, &opts, w, NULL, &limited, ctm);
        }
        for (fz_stext_block *b = st->first_block; b; b = b->next) {
            if (b->type == FZ_STEXT_BLOCK_IMAGE) {
                rc++;
                /* the resolution the image was scanned at, as placed on the page */
                float wpt = b->bbox.x1 - b->bbox.x0;
                if (image_dpi && b->u.i.image && wpt > 144 && b->u.i.image->w * 72.0f / wpt > *image_dpi)
                    *image_dpi = (float)b->u.i.image->w * 72.0f / wpt;
                continue;
            }
            if (want_images || b->type != FZ_STEXT_BLOCK_TEXT)
                continue;
            for (fz_stext_line *ln = b->u.t.first_line; ln; ln = ln->next) {
                /* horizontal text only: rotated watermarks are not table text */
                if (ln->wmode || ln->dir.x < 0.99f || fabsf(ln->dir.y) > 0.02f)
                    continue;
                if (line_words(ctx, ln, i, l, fs, &rd) < 0)
                    fz_throw(ctx, FZ_ERROR_GENERIC, "out of memory");
            }
        }
        if (flush(l, i, &rd.w, rd.box) < 0)
            fz_throw(ctx, FZ_ERROR_GENERIC, "out of memory");
    }
    fz_always(ctx)
    {
        fz_drop_stext_page(ctx, st);
        fz_drop_page(ctx, page);
    }
    fz_catch(ctx) rc = limited ? -2 : -1;
    return rc;
}
