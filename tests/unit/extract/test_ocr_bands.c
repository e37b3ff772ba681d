/* Text bands of a scanned page (extract/ocr_bands.h): pure, no Tesseract.
 * Pages are drawn here: glyphs as small dark boxes, rules as long lines. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "drawn_page.h"
#include "extract/ocr_bands.h"

/* A word of n glyphs 14 x 24 px (8-pt type at 300 dpi) from x, top y. */
static void word(int x, int y, int n)
{
    for (int i = 0; i < n; i++)
        box(x + 20 * i, y, x + 20 * i + 14, y + 24, 20);
}

static long bands(struct ocr_band **b)
{
    return ocr_bands(&page[0][0], W, H, W, DPI, b);
}

TEST(rows_apart_are_bands_and_columns_apart_are_pieces)
{
    blank(255);
    word(100, 50, 5), word(500, 50, 4);   /* a row: narration, amount */
    word(100, 120, 3), word(500, 120, 6); /* the next row */
    struct ocr_band *b;
    long n = bands(&b);
    CHECK_INT(n, 4);
    if (n == 4) {
        CHECK(b[0].x0 <= 100 && b[0].x1 >= 194 && b[0].x1 < 500 && b[0].y0 <= 50 && b[0].y1 >= 74);
        CHECK(b[1].x0 > 194 && b[1].x0 <= 500 && b[1].x1 >= 574);
        CHECK(b[0].y1 < b[2].y0); /* the rows' pieces do not overlap */
        CHECK(b[2].y0 <= 120 && b[2].y1 >= 144 && b[3].x1 >= 614);
    }
    free(b);
}

TEST(words_of_a_line_stay_one_piece)
{
    blank(255);
    word(100, 50, 4), word(190, 50, 6), word(320, 50, 3); /* a space (10 px) apart */
    struct ocr_band *b;
    CHECK_INT(bands(&b), 1);
    free(b);
}

TEST(rules_are_erased_and_cut_nothing)
{
    blank(255);
    word(100, 50, 5), word(500, 50, 4);
    word(100, 120, 3), word(500, 120, 6);
    box(50, 96, 1150, 99, 0);   /* a rule between the rows */
    box(400, 20, 403, 380, 0);  /* a column rule through both */
    box(50, 300, 1150, 302, 0); /* the table's foot */
    struct ocr_band *b;
    long n = bands(&b);
    CHECK_INT(n, 4); /* the rules join no rows and make no pieces */
    CHECK_INT(page[97][700], 255);
    CHECK_INT(page[200][401], 255);
    CHECK_INT(page[60][102], 20); /* glyphs untouched */
    free(b);
}

TEST(specks_and_blank_pages_have_no_bands)
{
    blank(255);
    struct ocr_band *b;
    CHECK_INT(bands(&b), 0);
    free(b);
    box(900, 300, 902, 302, 0); /* a speck of dust */
    box(300, 200, 301, 201, 0);
    CHECK_INT(bands(&b), 0);
    free(b);
    CHECK_INT(ocr_bands(&page[0][0], 0, 0, W, DPI, &b), 0);
    free(b);
}

/* A row whose date is printed centred between the two lines of its
 * narration (baselines 36 px apart), 39 px to its right (closer than the
 * columns' gap): two pieces, the date's and the narration's. As one,
 * Tesseract read the date into both lines ('eos 7/08/24') or lost it with
 * half the narration. */
TEST(a_date_centred_beside_two_lines_is_a_piece_of_its_own)
{
    blank(255);
    word(100, 50, 8), word(100, 86, 8); /* a narration: baselines 74 and 110 */
    word(293, 68, 8);                   /* a date right of it: ink 68..92, midway */
    struct ocr_band *b;
    long n = bands(&b);
    CHECK_INT(n, 2);
    free(b);
    blank(255);
    word(100, 68, 8);                   /* the date left of the narration */
    word(293, 50, 8), word(293, 86, 8);
    n = bands(&b);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK(b[0].x0 <= 100 && b[0].x1 >= 254 && b[0].x1 < 293 && b[0].y0 <= 68 && b[0].y1 >= 92 && b[0].y1 < 110);
        CHECK(b[1].x0 > 254 && b[1].x0 <= 293 && b[1].x1 >= 447 && b[1].y0 <= 50 && b[1].y1 >= 110);
    }
    free(b);
}

/* Text printed level stays one piece however wide its spaces: a date on
 * a narration's first line, a two-line narration whose first line runs on
 * past a wide space, a speck under a date, a pen's ring drawn round the
 * middle one of three amounts beside their balances (one tall run of ink
 * that every line's middle meets). Each row has an amount centred a column
 * away (a piece of its own) that makes its lines one band. */
TEST(text_printed_level_stays_one_piece)
{
    blank(255);
    word(100, 50, 8), word(293, 50, 8), word(293, 86, 8); /* the date on the first line */
    word(700, 68, 4);
    struct ocr_band *b;
    CHECK_INT(bands(&b), 2);
    free(b);
    blank(255);
    word(100, 50, 8), word(100, 86, 4), word(293, 50, 3); /* 'ACH D- FULLERTON  INDIA' over 'GO-8395' */
    word(700, 68, 4);
    CHECK_INT(bands(&b), 2);
    free(b);
    blank(255);
    word(100, 50, 8), word(293, 50, 8), word(293, 86, 8), box(150, 100, 152, 102, 20); /* a speck under the date */
    word(700, 68, 4);
    CHECK_INT(bands(&b), 2);
    free(b);
    blank(255);
    word(100, 30, 5), word(100, 66, 5), word(100, 102, 5), word(240, 30, 5), word(240, 66, 5), word(240, 102, 5);
    box(90, 44, 204, 47, 20), box(90, 113, 204, 116, 20), box(90, 44, 93, 116, 20), box(201, 44, 204, 116, 20);
    CHECK_INT(bands(&b), 1);
    free(b);
}

/* A date centred beside a narration, as OCR groups it when the two are
 * read as one (a piece of a page printed closer): the date's own baseline. */
TEST(a_date_read_with_a_line_keeps_its_own_baseline)
{
    const float em = 24 / 0.72f;
    /* the date, on the first line's baseline as OCR groups it: its own */
    CHECK(fabsf(ocr_word_base("01/04/23", true, 74, 68, 92, em) - 92) < 0.01f);
    /* the same, the line's size inflated by the narration above it */
    CHECK(fabsf(ocr_word_base("01/04/23", true, 76, 68, 92, 2 * em) - 92) < 0.01f);
    /* the words of the line keep its baseline, descenders or not */
    CHECK(fabsf(ocr_word_base("UPI-BOOKMYSHOW", true, 74, 50, 74, em) - 74) < 0.01f);
    CHECK(fabsf(ocr_word_base("paytm", true, 74, 50, 81, em) - 74) < 0.01f);
    CHECK(fabsf(ocr_word_base("TO", true, 74, 51, 75, em) - 74) < 0.01f);
    /* a word printed above the line it was read with (its ink ends 18 px
     * above the baseline) and one with a descender below it */
    CHECK(fabsf(ocr_word_base("47286.00", true, 110, 68, 92, em) - 92) < 0.01f);
    CHECK(fabsf(ocr_word_base("paytm", true, 74, 85, 116, em) - (116 - 0.22f * 31 / 0.94f)) < 0.01f);
    /* a word of the line with a pen mark under it: its top is the line's */
    CHECK(fabsf(ocr_word_base("UPI/ANJALI", true, 74, 50, 90, em) - 74) < 0.01f);
    /* a word further along a line stays on it (two printed lines of a
     * narration read as one are better ordered by the line's baseline) */
    CHECK(fabsf(ocr_word_base("BANK/ICI4333862789", false, 74, 68, 92, em) - 74) < 0.01f);
    /* no letter or digit: no baseline of its own to go by */
    CHECK(fabsf(ocr_word_base("-", true, 74, 85, 88, em) - 74) < 0.01f);
}

int main(void)
{
    RUN(rows_apart_are_bands_and_columns_apart_are_pieces);
    RUN(words_of_a_line_stay_one_piece);
    RUN(rules_are_erased_and_cut_nothing);
    RUN(specks_and_blank_pages_have_no_bands);
    RUN(a_date_centred_beside_two_lines_is_a_piece_of_its_own);
    RUN(text_printed_level_stays_one_piece);
    RUN(a_date_read_with_a_line_keeps_its_own_baseline);
    return check_summary();
}
