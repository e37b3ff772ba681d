/* Marks read as words (extract/ocr_noise.h): pure, no Tesseract. */
#include <string.h>

#include "check.h"
#include "extract/ocr_noise.h"

static struct pword w(const char *text, float base, float size, float conf)
{
    struct pword p = {.len = strlen(text), .x0 = 100, .x1 = 140, .base = base, .size = size, .conf = conf};
    memcpy(p.text, text, p.len + 1);
    return p;
}

TEST(small_unsure_marks_between_a_row_and_its_wrapped_line_go)
{
    struct pword page[] = {
        w("UPI/DR/530001197433/NYKAA/HDFC/", 214.1f, 8.3f, 91), w("2,061.99", 214.1f, 8.3f, 96),
        w("Sar", 220.5f, 2.6f, 51), /* a pen mark read as a word, a third of the type's size */
        w("merchant6544@HDFC/Pay", 224.6f, 8.3f, 78), w("aa", 230.0f, 5.3f, 16), w("aA", 232.1f, 5.7f, 24),
        w("Page", 800, 6.5f, 95),   /* a footnote's small type, read surely, stays */
        w("1", 800, 6.5f, 58),      /* as does small type read unsure but near the body size */
        w("01-02-2024", 237, 8.3f, 95), w("UPI/DR/519278788503/LAKSHMI", 237, 8.3f, 93), w("2,808.00", 237, 8.3f, 96),
    };
    size_t n = ocr_drop_noise(page, sizeof page / sizeof *page);
    CHECK_INT(n, 8);
    CHECK_STR(page[2].text, "merchant6544@HDFC/Pay");
    CHECK_STR(page[3].text, "Page");
    CHECK_STR(page[4].text, "1");
}

/* A signature's strokes read as 'DA' at four times the type's size, over
 * two lines of the header block: gone (it made them one line, and the
 * account number was lost). Large type read surely (the letterhead, a
 * stamp's own words) and a narration's two lines read as one stay. */
TEST(large_unsure_marks_over_lines_go)
{
    struct pword page[] = {
        w("HDFC", 51.6f, 14.1f, 90), w("BANK", 51.6f, 14.1f, 96),
        w("Account", 146.0f, 7.0f, 96), w("No", 146.1f, 7.0f, 97), w("DA", 145.4f, 27.7f, 25),
        w("50125853617699", 146.1f, 7.0f, 92), w("A/C", 154.3f, 7.0f, 97), w("Open", 154.3f, 7.0f, 97),
        w("Date", 154.3f, 7.0f, 96), w("01/01/24", 204.0f, 7.0f, 96), w("5,796.00", 204.0f, 7.0f, 97),
        w("AUTHORISED", 579.3f, 28.7f, 92),
        w("PR/KKBKWvenkatesh66@okhdfcbank/rent", 445.2f, 11.6f, 43),
    };
    size_t n = ocr_drop_noise(page, sizeof page / sizeof *page);
    CHECK_INT(n, 12);
    CHECK_STR(page[4].text, "50125853617699");
    CHECK_STR(page[10].text, "AUTHORISED");
    CHECK_STR(page[11].text, "PR/KKBKWvenkatesh66@okhdfcbank/rent");
}

TEST(a_page_of_nothing_but_small_type_keeps_it)
{
    struct pword page[] = {w("Opening", 50, 5, 40), w("Balance", 50, 5, 40), w("1,000.00", 50, 5, 40)};
    CHECK_INT(ocr_drop_noise(page, 3), 3);
    CHECK_INT(ocr_drop_noise(page, 0), 0);
}

int main(void)
{
    RUN(small_unsure_marks_between_a_row_and_its_wrapped_line_go);
    RUN(large_unsure_marks_over_lines_go);
    RUN(a_page_of_nothing_but_small_type_keeps_it);
    return check_summary();
}
