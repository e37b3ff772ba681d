/* Drawing a PDF page into pixels for OCR (pdf_draw.h). */
#include "extract/pdf_draw.h"

#include <math.h>

#include "extract/ocr_ink.h"

#define OCR_DPI 300             /* statement fonts (7-9 pt) come out ~25-35 px high: what Tesseract reads best */
#define OCR_MAX_PIXELS 40000000 /* a page bigger than A3 at 300 dpi is drawn at a lower resolution */

float pdf_draw_dpi(fz_rect box)
{
    float w = (box.x1 - box.x0) / 72.0f, h = (box.y1 - box.y0) / 72.0f;
    float dpi = OCR_DPI;
    if (w > 0 && h > 0 && w * h * dpi * dpi > OCR_MAX_PIXELS)
        dpi = sqrtf(OCR_MAX_PIXELS / (w * h));
    return dpi < 1 ? 1 : dpi;
}

void pdf_draw_run_watched(fz_context *ctx, struct watch *w, fz_page *page, fz_device *inner, fz_matrix ctm)
{
    fz_device *volatile own = inner, *volatile dev = NULL;
    fz_var(own);
    fz_var(dev);
    fz_try(ctx)
    {
        dev = watch_device(ctx, own, w); /* owns inner from here */
        own = NULL;
        fz_run_page(ctx, page, dev, ctm, &w->cookie);
        fz_close_device(ctx, dev);
        if (watch_check(w))
            fz_throw(ctx, FZ_ERROR_GENERIC, "limit");
    }
    fz_always(ctx)
    {
        fz_drop_device(ctx, dev);
        fz_drop_device(ctx, own);
    }
    fz_catch(ctx) fz_rethrow(ctx);
}

fz_pixmap *pdf_draw_page(fz_context *ctx, struct watch *w, fz_page *page, fz_matrix ctm, fz_colorspace *cs)
{
    fz_pixmap *pix = fz_new_pixmap_with_bbox(ctx, cs, fz_round_rect(fz_transform_rect(fz_bound_page(ctx, page), ctm)),
                                             NULL, 0);
    fz_try(ctx)
    {
        fz_clear_pixmap_with_value(ctx, pix, 255);
        pdf_draw_run_watched(ctx, w, page, fz_new_draw_device(ctx, fz_identity, pix), ctm);
    }
    fz_catch(ctx)
    {
        fz_drop_pixmap(ctx, pix);
        fz_rethrow(ctx);
    }
    return pix;
}

bool pdf_draw_may_colour(fz_context *ctx, struct watch *w, fz_page *page, fz_matrix ctm)
{
    int colour = 1;
    pdf_draw_run_watched(ctx, w, page, fz_new_test_device(ctx, &colour, 0.01f, 0, NULL), ctm);
    return colour != 0;
}

long pdf_draw_count_ink(fz_context *ctx, fz_pixmap *rgb)
{
    return ocr_take_off_ink(NULL, 0, fz_pixmap_samples(ctx, rgb), (size_t)fz_pixmap_stride(ctx, rgb),
                            fz_pixmap_width(ctx, rgb), fz_pixmap_height(ctx, rgb));
}

long pdf_draw_take_off_ink(fz_context *ctx, fz_pixmap *rgb, fz_pixmap *gray)
{
    if (fz_pixmap_width(ctx, rgb) != fz_pixmap_width(ctx, gray) ||
        fz_pixmap_height(ctx, rgb) != fz_pixmap_height(ctx, gray))
        return -1;
    return ocr_take_off_ink(fz_pixmap_samples(ctx, gray), (size_t)fz_pixmap_stride(ctx, gray),
                            fz_pixmap_samples(ctx, rgb), (size_t)fz_pixmap_stride(ctx, rgb),
                            fz_pixmap_width(ctx, gray), fz_pixmap_height(ctx, gray));
}
