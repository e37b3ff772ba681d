/* A scanned page prepared before it is read (extract/ocr_prep.h): pure, no
 * Tesseract. Pages are drawn here at 300 dpi: glyphs as small dark boxes. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "extract/ocr_bands.h"
#include "extract/ocr_prep.h"

#define W 1200
#define H 400
#define DPI 300

static unsigned char page[H][W];

static void fill(unsigned char v)
{
    memset(page, v, sizeof page);
}

static void box(int x0, int y0, int x1, int y1, unsigned char v)
{
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
            page[y][x] = v;
}

/* Three lines of two words, glyphs 14 x 24 px (8-pt type) in grey v, a
 * little of the paper's grain (+-6) around them. */
static void three_lines(unsigned char v)
{
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            page[y][x] = (unsigned char)(page[y][x] + ((x * 7 + y * 13) % 13) - 6);
    for (int line = 0; line < 3; line++)
        for (int i = 0; i < 12; i++) {
            int x = (i < 6 ? 100 : 700) + 20 * (i % 6), y = 80 + 90 * line;
            box(x, y, x + 14, y + 24, v);
        }
}

TEST(a_photocopys_grey_paper_is_lifted_to_white_and_its_lines_are_bands)
{
    fill(164); /* a copy's fog: darker than ocr_bands' ink (160) here and there */
    three_lines(30);
    CHECK(ocr_paper_level(&page[0][0], W, H, W) >= 158 && ocr_paper_level(&page[0][0], W, H, W) <= 170);
    CHECK(ocr_lift_fog(&page[0][0], W, H, W));
    CHECK(page[10][10] >= 230);
    CHECK(page[85][105] <= 50); /* type stays dark */
    struct ocr_band *b = NULL;
    long n = ocr_bands(&page[0][0], W, H, W, DPI, &b);
    CHECK_INT(n, 6); /* a piece a line and column, not the page one band of ink */
    for (long i = 0; i < n; i++)
        CHECK(b[i].y1 - b[i].y0 < 60);
    free(b);
}

TEST(a_scans_own_paper_and_a_page_of_ink_are_left_as_they_are)
{
    static unsigned char before[H][W];
    fill(214); /* a scan's paper, a little grey: no fog */
    three_lines(30);
    memcpy(before, page, sizeof page);
    CHECK(!ocr_lift_fog(&page[0][0], W, H, W));
    CHECK(memcmp(before, page, sizeof page) == 0);
    fill(40); /* a page all ink (a dark fill): nothing to lift */
    three_lines(220);
    memcpy(before, page, sizeof page);
    CHECK(!ocr_lift_fog(&page[0][0], W, H, W));
    CHECK(memcmp(before, page, sizeof page) == 0);
}

/* A stem of a copy's heavy type, 9 px wide: thinned by 1 it is 7 wide,
 * the paper around it as it was. */
TEST(a_heavy_stroke_is_thinned_and_paper_stays_paper)
{
    fill(240);
    box(100, 100, 109, 140, 20);
    CHECK_INT(ocr_thin(&page[0][0], W, H, W, 1), 0);
    int dark = 0;
    for (int x = 90; x < 120; x++)
        dark += page[120][x] < 128;
    CHECK_INT(dark, 7);
    CHECK(page[99][104] == 240 && page[100][104] == 240 && page[101][104] == 20);
    CHECK(page[300][600] == 240);
}

/* Only a piece the size of a word is read again thinned: not a speck or a
 * tick (the page is read at 300 dpi). */
TEST(a_word_sized_piece_is_worth_thinning_a_speck_is_not)
{
    CHECK(ocr_worth_thinning(217, 46, 300)); /* 'Withdrawals' of a header */
    CHECK(!ocr_worth_thinning(23, 23, 300)); /* a speck */
    CHECK(!ocr_worth_thinning(120, 20, 300)); /* a rule's remains */
    CHECK_INT(ocr_thin_radius(300), 1);
    CHECK_INT(ocr_thin_radius(600), 2);
}

int main(void)
{
    RUN(a_photocopys_grey_paper_is_lifted_to_white_and_its_lines_are_bands);
    RUN(a_scans_own_paper_and_a_page_of_ink_are_left_as_they_are);
    RUN(a_heavy_stroke_is_thinned_and_paper_stays_paper);
    RUN(a_word_sized_piece_is_worth_thinning_a_speck_is_not);
    return check_summary();
}
