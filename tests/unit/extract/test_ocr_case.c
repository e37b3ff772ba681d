/* Capitals read as small letters (extract/ocr_case.h): pure, no Tesseract.
 * Heights are scan-smoke's (seed 1, scan_pnb): body text 9.7 points. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "extract/ocr_case.h"

static char buf[32];

static const char *fixed(const char *w, float ink, float em)
{
    snprintf(buf, sizeof buf, "%s", w);
    ocr_capitals_by_height(buf, strlen(buf), ink, em);
    return buf;
}

TEST(small_letters_as_tall_as_capitals_are_capitals)
{
    CHECK_STR(fixed("co", 7.0f, 9.7f), "CO"); /* "INDIA CREDIT" / "co": 0.72 em */
    CHECK_STR(fixed("sox", 6.1f, 9.7f), "SOX");
}

TEST(small_letters_at_the_x_height_stay)
{
    CHECK_STR(fixed("co", 4.8f, 9.7f), "co"); /* 0.49 em */
    CHECK_STR(fixed("us", 5.3f, 9.7f), "us"); /* 0.55 em */
    CHECK_STR(fixed("to", 7.0f, 9.7f), "to"); /* a t: not drawn alike in both cases */
    CHECK_STR(fixed("o", 7.0f, 9.7f), "o");   /* one letter: too little to tell */
    CHECK_STR(fixed("co", 7.0f, 0), "co");    /* no size known */
    CHECK_STR(fixed("CO", 7.0f, 9.7f), "CO");
}

/* scan-smoke s3 scan_indian: 'repay', a narration's last word wrapped
 * alone onto a line, came out at 5.5 points among rows of 8 and was left
 * out of its row. */
TEST(a_line_of_small_letters_reaches_the_x_height)
{
    CHECK(ocr_line_reach("repay") == OCR_X_HEIGHT);
    CHECK(ocr_line_reach("game, gas.") == OCR_X_HEIGHT);
    CHECK(ocr_line_reach("repay\n") == OCR_X_HEIGHT);
    CHECK(ocr_line_reach("milk") == OCR_CAPS_HEIGHT); /* l and k reach higher */
    CHECK(ocr_line_reach("loan repay") == OCR_CAPS_HEIGHT);
    CHECK(ocr_line_reach("Pay to merchant") == OCR_CAPS_HEIGHT);
    CHECK(ocr_line_reach("2023") == OCR_CAPS_HEIGHT);
    CHECK(ocr_line_reach("-") == OCR_CAPS_HEIGHT); /* no letter: as before */
    CHECK(ocr_line_reach("") == OCR_CAPS_HEIGHT);
}

int main(void)
{
    RUN(small_letters_as_tall_as_capitals_are_capitals);
    RUN(small_letters_at_the_x_height_stay);
    RUN(a_line_of_small_letters_reaches_the_x_height);
    return check_summary();
}
