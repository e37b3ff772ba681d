/* Marks read at a word's edge (extract/ocr_marks.h): pure, no Tesseract.
 * The boxes are scan-smoke's (seed 1), in pixels of a piece at 300 dpi:
 * baseline at y 35, a font of 36 pixels. */
#include "check.h"
#include "extract/ocr_marks.h"

#define BASE 35.0f
#define EM 36.0f

TEST(printed_marks_stand_on_the_line)
{
    CHECK(ocr_mark_printed(':', 17, 35, BASE, EM));   /* "No:": two dots down to the baseline */
    CHECK(ocr_mark_printed(':', 22, 34, BASE, EM));   /* "Name:" */
    CHECK(ocr_mark_printed('.', 31, 35, BASE, EM));   /* "Cr." */
    CHECK(ocr_mark_printed('.', 30, 31, BASE, EM));   /* "No." set a little high (0.11 em) */
    CHECK(ocr_mark_printed(',', 31, 40, BASE, EM));   /* "ROAD,": its dot on the line, its tail below */
    CHECK(ocr_mark_printed(',', 9, 39, BASE, EM));    /* a box as tall as the word's (LSTM boxes) */
    CHECK(ocr_mark_printed(';', 19, 38, BASE, EM));
}

TEST(specks_off_the_line_are_no_marks)
{
    CHECK(!ocr_mark_printed(':', 18, 22, BASE, EM));  /* "TRANSFER TO:": one dot halfway up */
    CHECK(!ocr_mark_printed(':', 16, 19, BASE, EM));  /* "PUNJAB NATIONAL: BANK" */
    CHECK(!ocr_mark_printed(',', 37, 40, BASE, EM));  /* "ABHISHEK YADAV,": wholly below the line */
    CHECK(!ocr_mark_printed('.', 37, 40, BASE, EM));
    CHECK(!ocr_mark_printed('.', 10, 14, BASE, EM));  /* a dot at the capitals' height */
}

TEST(only_line_marks_are_judged)
{
    CHECK(ocr_line_mark('.') && ocr_line_mark(',') && ocr_line_mark(':') && ocr_line_mark(';'));
    CHECK(!ocr_line_mark('-') && !ocr_line_mark('a') && !ocr_line_mark('\0'));
    CHECK(ocr_mark_printed('-', 60, 70, BASE, EM));   /* not a line mark: as read */
    CHECK(ocr_mark_printed(':', 18, 22, BASE, 0));    /* no size known: as read */
}

int main(void)
{
    RUN(printed_marks_stand_on_the_line);
    RUN(specks_off_the_line_are_no_marks);
    RUN(only_line_marks_are_judged);
    return check_summary();
}
