/* Light type on a dark fill (extract/ocr_shade.h): pure, no Tesseract.
 * Pages are drawn here at 300 dpi: glyphs as boxes of 8-pt type. */
#include <string.h>

#include "check.h"
#include "drawn_page.h"
#include "extract/ocr_shade.h"

/* A word of n glyphs 14 x 24 px, strokes 4 px wide (an "H": two stems and
 * a bar), in grey v, from x, top y. */
static void word(int x, int y, int n, unsigned char v)
{
    for (int i = 0; i < n; i++) {
        int gx = x + 20 * i;
        box(gx, y, gx + 4, y + 24, v);
        box(gx + 10, y, gx + 14, y + 24, v);
        box(gx, y + 10, gx + 14, y + 14, v);
    }
}

/* A bold word: glyphs 18 px wide, strokes 7 px, 3 px apart. */
static void bold_word(int x, int y, int n, unsigned char v)
{
    for (int i = 0; i < n; i++) {
        int gx = x + 21 * i;
        box(gx, y, gx + 7, y + 30, v);
        box(gx + 11, y, gx + 18, y + 30, v);
        box(gx, y + 11, gx + 18, y + 19, v);
    }
}

static long lighten(void)
{
    return ocr_lighten_dark_blocks(&page[0][0], W, H, W, DPI);
}

TEST(light_type_on_a_dark_band_becomes_dark_type_on_light)
{
    blank(235);
    box(100, 100, 1100, 160, 85);   /* a header band, 60 px (14 pt) high */
    word(110, 118, 4, 225);         /* "Date" 10 px from the band's end */
    word(500, 118, 6, 225);
    word(110, 250, 5, 30);          /* a row under it, dark on paper */
    CHECK(lighten() > 0);
    CHECK(page[130][300] > OCR_DARK + 40);   /* the fill is paper now */
    CHECK(page[104][102] > OCR_DARK + 40);   /* to its corners */
    CHECK(page[157][1097] > OCR_DARK + 40);
    CHECK(page[130][112] < 60);              /* the type is ink, the first stem too */
    CHECK(page[130][502] < 60);
    CHECK(page[130][50] == 235);             /* paper beside the band stays paper */
    CHECK(page[90][300] == 235);
    CHECK(page[255][112] == 30);             /* the row under it is untouched */
    CHECK(page[255][116] == 235);
}

TEST(type_on_paper_or_grey_shading_stays_as_it_is)
{
    blank(235);
    bold_word(100, 40, 30, 20);     /* a bold heading, a line of it */
    box(100, 200, 1100, 204, 20);   /* a table's rules around a row of bold labels */
    bold_word(110, 215, 20, 20);
    box(100, 255, 1100, 259, 20);
    box(100, 300, 1100, 360, 170);  /* a light grey shading with black type on it */
    word(110, 318, 10, 20);
    unsigned char before[H][W];
    memcpy(before, page, sizeof page);
    CHECK_INT(lighten(), 0);
    CHECK(!memcmp(before, page, sizeof page));
}

int main(void)
{
    RUN(light_type_on_a_dark_band_becomes_dark_type_on_light);
    RUN(type_on_paper_or_grey_shading_stays_as_it_is);
    return check_summary();
}
