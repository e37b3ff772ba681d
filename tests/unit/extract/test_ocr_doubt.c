/* Words with signs of a misread (extract/ocr_doubt.h): pure, no Tesseract.
 * The misreadings are scan-smoke's and scan-full's, read at 82-92. */
#include <string.h>

#include "check.h"
#include "extract/ocr_doubt.h"

#define EM 8.3f

TEST(letters_and_digits_where_the_other_kind_is_printed)
{
    CHECK(ocr_word_misread("NACHDRO0571861"));          /* an O beside a digit */
    CHECK(ocr_word_misread("UPI/S24660729904/SANJAY")); /* an S starting a reference */
    CHECK(ocr_word_misread("46S2"));                    /* an S between digits */
    CHECK(ocr_word_misread("C0/84640561"));             /* CO's O read as a zero */
    CHECK(!ocr_word_misread("NEFT/BARBN81425041712"));  /* a UTR's letters and digits */
    CHECK(!ocr_word_misread("YESB0156349"));            /* an IFSC: 0 after its bank's letters */
    CHECK(!ocr_word_misread("MENON/ICIC/priya10@oksbi")); /* a VPA's name and digits */
    CHECK(!ocr_word_misread("S1A16836"));               /* an ATM's id: a letter then one digit */
    CHECK(!ocr_word_misread("UPI/P2A/560244691593"));
    CHECK(!ocr_word_misread("1,20,500.00"));
    CHECK(!ocr_word_misread("10.00Cr"));
}

TEST(marks_no_narration_prints)
{
    CHECK(ocr_word_misread("6734856!"));
    CHECK(!ocr_word_misread("\\/")); /* marks alone: judged where they land */
    CHECK(ocr_word_misread("MANO)"));     /* closed, never opened */
    CHECK(ocr_word_misread("DELHI\xe2\x80\x98"));
    CHECK(!ocr_word_misread("(CDM)-370262"));
    CHECK(!ocr_word_misread("CCAVENUE*DECATHLON"));
    CHECK(ocr_mark_at_edge("*KULKARNI", true, false)); /* a stamp's edge after "SANJAYLAL" */
    CHECK(ocr_mark_at_edge("SANJAY*", false, true));
    CHECK(!ocr_mark_at_edge("*SALARY", false, true)); /* a narration wrapped at a star */
    CHECK(!ocr_mark_at_edge("NEFT*UBIN0315790*", true, false));
    CHECK(!ocr_word_misread("\xe2\x82\xb9" "1,234.00")); /* the rupee sign */
    CHECK(!ocr_word_misread("merchant8879@YES/Pay"));
}

TEST(letters_read_twice_or_in_the_wrong_case)
{
    CHECK(ocr_word_misread("GURRREET"));
    CHECK(ocr_word_misread("GiLL/dinner"));
    CHECK(ocr_word_misread("POS-7425-FLIPKART-AHMEDABA.D"));
    CHECK(!ocr_word_misread("XXXX1234")); /* masked digits */
    CHECK(!ocr_word_misread("www.irctc.co.in"));
    CHECK(!ocr_word_misread("PHASE-III"));
    CHECK(!ocr_word_misread("GPay"));
    CHECK(!ocr_word_misread("Int.Pd:01-03-2024"));
    CHECK(!ocr_word_misread("A.C"));
}

TEST(marks_at_the_end_of_a_text)
{
    CHECK(ocr_line_end_misread("DAS:"));
    CHECK(!ocr_line_end_misread("repay."));              /* a full stop ends sentences */
    CHECK(!ocr_line_end_misread("UPI/DR/420391049348/")); /* a narration wrapped after a slash */
    CHECK(!ocr_line_end_misread("PREPAID-"));
    CHECK(!ocr_line_end_misread("24."));
    CHECK(!ocr_line_end_misread("DELHI"));
}

TEST(digits_apart_at_a_narrow_one)
{
    CHECK(ocr_digits_split_doubtful("PREPAID/8", "13876362", 0.25f));
    CHECK(ocr_digits_split_doubtful("SWIGGY-931", "1835610", 0.22f));
    CHECK(!ocr_digits_split_doubtful("SWIGGY-931", "1835610", 0.35f)); /* a space's width */
    CHECK(!ocr_digits_split_doubtful("SWIGGY-932", "835610", 0.22f));  /* no 1 at the gap */
    CHECK(!ocr_digits_split_doubtful("2024", "1835610", 0.22f));       /* numbers alone: amounts, dates */
    CHECK(!ocr_digits_split_doubtful("SWIGGY-931", "18356/10", 0.22f));
}

/* A word at x (points) on the line of baseline base, 5 points a letter. */
static struct pword w(const char *text, float x, float base, float conf)
{
    struct pword p = {.len = strlen(text), .x0 = x, .base = base, .size = EM, .conf = conf};
    p.x1 = x + 5.0f * (float)p.len;
    memcpy(p.text, text, p.len + 1);
    return p;
}

TEST(a_page_s_doubtful_words_lose_their_confidence)
{
    struct pword p[8];
    size_t n = 0;
    p[n++] = w("By", 70, 100, 96);
    p[n++] = w("NEFT/HDFCN87379138933/ABHISHEK", 82, 100, 96);
    p[n++] = w("DAS:", 234, 100, 93);        /* its text's last word */
    p[n++] = w("1,000.00", 300, 100, 96);    /* the next column's, two ems off and more */
    p[n++] = w("UMRN:", 70, 120, 96);        /* a label with its value after it */
    p[n++] = w("HDFC7002619383222403", 99, 120, 96);
    p[n++] = w("BBPS/JIO/PREPAID/8", 70, 140, 96);
    p[n++] = w("33876362", 162, 140, 96);    /* 0.24 em after the 8: no 1 at the gap */
    ocr_doubt_words(p, n, 74);
    CHECK(p[0].conf == 96 && p[1].conf == 96 && p[3].conf == 96);
    CHECK(p[2].conf == 74);
    CHECK(p[4].conf == 96 && p[5].conf == 96);
    CHECK(p[6].conf == 96 && p[7].conf == 96); /* no 1 at this gap */
    p[7] = w("13876362", 162, 140, 96); /* a 1 there: "PREPAID/8" "13876362" */
    ocr_doubt_words(p, n, 74);
    CHECK(p[6].conf == 74 && p[7].conf == 74);
    n = 0;
    p[n++] = w("19,307.12", 526, 240, 96);
    p[n++] = w("\\/", 574, 240, 96); /* a tick after a row's balance */
    ocr_doubt_words(p, n, 74);
    CHECK(p[0].conf == 96 && p[1].conf == 96);
}

TEST(a_field_that_took_in_a_speck_or_a_tick)
{
    CHECK(ocr_field_stray_mark("ATM WDL/S1A16836/ROHINI NEW DELHI /"));
    CHECK(ocr_field_stray_mark("324470025460 \\/"));
    CHECK(ocr_field_stray_mark(". UPI/DR/123"));
    CHECK(!ocr_field_stray_mark("ACH D- TATA CAPITAL"));
    CHECK(!ocr_field_stray_mark("NEFT - 1234 & CO"));
    CHECK(!ocr_field_stray_mark("UPI/DR/420391049348/IMRAN"));
    CHECK(!ocr_field_stray_mark(""));
    CHECK(!ocr_field_stray_mark(NULL));
}

/* scan-full s1 scan_dbs_01: the next page's "Total Debits" figure, printed
 * under the narration column, taken into the last row's narration. */
TEST(a_field_that_took_in_a_money_figure)
{
    CHECK(ocr_field_figure("UPI/368902830540/DR/PRIYA RAO/KOTAK/priya99@okaxis 73,943.48"));
    CHECK(ocr_field_figure("1,43,744.00"));
    CHECK(ocr_field_figure("TRANSFER 1,234.56 DR"));
    CHECK(!ocr_field_figure("INTEREST CREDIT 01-09-2023 TO 30-09-2023"));
    CHECK(!ocr_field_figure("NEFT/UTIBN93056144844/SNEHA"));
    CHECK(!ocr_field_figure("500.00"));     /* no grouping: a rate, a count */
    CHECK(!ocr_field_figure("1234,567.00")); /* not grouped as money is */
    CHECK(!ocr_field_figure("12,34.5"));
    CHECK(!ocr_field_figure("UPI/1,234.56/X")); /* inside a word: a code's */
    CHECK(!ocr_field_figure(""));
    CHECK(!ocr_field_figure(NULL));
}

int main(void)
{
    RUN(letters_and_digits_where_the_other_kind_is_printed);
    RUN(marks_no_narration_prints);
    RUN(letters_read_twice_or_in_the_wrong_case);
    RUN(marks_at_the_end_of_a_text);
    RUN(digits_apart_at_a_narrow_one);
    RUN(a_page_s_doubtful_words_lose_their_confidence);
    RUN(a_field_that_took_in_a_speck_or_a_tick);
    RUN(a_field_that_took_in_a_money_figure);
    return check_summary();
}
