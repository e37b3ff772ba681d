/* Words in faint ink (extract/ocr_faint.h): pure, no Tesseract. */
#include <string.h>

#include "check.h"
#include "extract/ocr_faint.h"

static struct pword w(const char *text)
{
    struct pword p = {.len = strlen(text), .x0 = 100, .x1 = 140, .base = 100, .size = 8.3f, .conf = 95};
    memcpy(p.text, text, p.len + 1);
    return p;
}

/* A 40 x 20 page of paper at 210 with a word of ink at `ink` in [5, 15)
 * x [5, 12) and one speck at 0 in the corner. */
static void page_with_word(unsigned char *g, int ink)
{
    memset(g, 210, 40 * 20);
    for (int y = 5; y < 12; y++)
        for (int x = 5; x < 15; x++)
            g[y * 40 + x] = (unsigned char)((x + y) % 3 ? 200 : ink);
    g[0] = 0;
}

TEST(a_words_ink_core_is_its_darkest_strokes)
{
    unsigned char g[40 * 20];
    page_with_word(g, 40);
    CHECK_INT(ocr_ink_core(g, 40, 20, 40, 5, 5, 15, 12), 40);
    page_with_word(g, 150);
    CHECK_INT(ocr_ink_core(g, 40, 20, 40, 5, 5, 15, 12), 150);
    /* one speck in a box of paper is no ink: the third darkest pixel */
    CHECK_INT(ocr_ink_core(g, 40, 20, 40, 0, 0, 4, 4), 210);
    /* clipped to the page; an empty box has none */
    CHECK_INT(ocr_ink_core(g, 40, 20, 40, -10, -10, 0, 0), 255);
    CHECK_INT(ocr_ink_core(g, 40, 20, 40, 30, 15, 60, 40), 210);
}

/* scan-smoke s1 scan_paytm: print at 31-67 (hyphens the lightest), paper
 * 213, a grey-scanned stamp's 'BRANCH MANAGER' / '07 NOV 2023' read as
 * 'egal', 'NOV', '2023', 'eae' at 139-163 beside a row; a pen's tick at 106
 * (too dark to tell from print: left to the tick rules); a hyphen is judged
 * elsewhere, however light. */
TEST(a_stamps_words_in_faint_ink_go)
{
    struct pword page[] = {w("15"),   w("Oct"), w("2023"), w("Money"), w("sentto"), w("VENKATESH"), w("REDDY."),
                           w("egal"), w("NOV"), w("2023"), w("-"),     w("eae"),    w("ee"),        w("Rs.35,189.00")};
    int core[] = {41, 42, 41, 42, 48, 43, 43, 148, 139, 139, 167, 163, 106, 44};
    size_t n = ocr_drop_faint(page, core, sizeof page / sizeof *page, 213);
    CHECK_INT(n, 10);
    CHECK_STR(page[6].text, "REDDY.");
    CHECK_STR(page[7].text, "-");
    CHECK_STR(page[8].text, "ee");
    CHECK_STR(page[9].text, "Rs.35,189.00");
}

/* A faded or light scan: print at 125 (the median), paper 200; nothing is
 * fainter than 0.4 of the way (155) but a stamp's word. A page without
 * print keeps its words. */
TEST(faintness_is_the_pages_own)
{
    struct pword page[] = {w("ATM"), w("WDL"), w("VERIFIED"), w("500.00")};
    int core[] = {118, 125, 160, 121}; /* 0.47 of the way */
    CHECK_INT(ocr_drop_faint(page, core, 4, 200), 3);
    CHECK_STR(page[2].text, "500.00");
    /* a glyph alone must be fainter: 0.6 of the way (170) */
    struct pword thin[] = {w("ATM"), w("WDL"), w("I"), w("500.00"), w("j")};
    int tc[] = {118, 125, 160, 121, 175};
    CHECK_INT(ocr_drop_faint(thin, tc, 5, 200), 4);
    CHECK_STR(thin[2].text, "I");
    struct pword marks[] = {w("-"), w(".")};
    int mc[] = {180, 190};
    CHECK_INT(ocr_drop_faint(marks, mc, 2, 200), 2);
    CHECK_INT(ocr_drop_faint(page, core, 0, 200), 0);
}

int main(void)
{
    RUN(a_words_ink_core_is_its_darkest_strokes);
    RUN(a_stamps_words_in_faint_ink_go);
    RUN(faintness_is_the_pages_own);
    return check_summary();
}
