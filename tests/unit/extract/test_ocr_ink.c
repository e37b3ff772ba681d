/* Coloured ink taken off a scanned page (extract/ocr_ink.h): pure. */
#include <string.h>

#include "check.h"
#include "extract/ocr_ink.h"

/* Paper, black print, and each ink laid on paper and over print as the
 * scanner sees them (multiplied, 0.9 opaque). */
TEST(coloured_ink_becomes_paper_and_print_stays)
{
    static const unsigned char rgb[][3] = {
        {240, 238, 228}, /* paper, a little yellow */
        {35, 35, 40},    /* black print */
        {128, 128, 128}, /* grey print (a detail line) */
        {58, 75, 168},   /* blue pen on paper */
        {102, 60, 150},  /* violet stamp on paper */
        {195, 53, 62},   /* red stamp on paper */
        {48, 57, 88},    /* a blue pen's thin stroke, blurred */
        {15, 9, 25},     /* black print under the violet stamp */
        {40, 40, 36},    /* black print */
    };
    enum { N = sizeof rgb / sizeof rgb[0] };
    unsigned char gray[N];
    memset(gray, 7, sizeof gray); /* the page as drawn in grey: kept where no ink is */
    CHECK_INT(ocr_take_off_ink(gray, N, &rgb[0][0], sizeof rgb, N, 1), 4);
    CHECK_INT(gray[0], 7);
    CHECK_INT(gray[1], 7);
    CHECK_INT(gray[2], 7);
    CHECK_INT(gray[3], 255);
    CHECK_INT(gray[4], 255);
    CHECK_INT(gray[5], 255);
    CHECK_INT(gray[6], 255);
    CHECK_INT(gray[7], 7);
    CHECK_INT(gray[8], 7);
    /* without a grey page the ink is only counted (a page with none is not drawn again) */
    CHECK_INT(ocr_take_off_ink(NULL, 0, &rgb[0][0], sizeof rgb, N, 1), 4);
}

int main(void)
{
    RUN(coloured_ink_becomes_paper_and_print_stays);
    return check_summary();
}
