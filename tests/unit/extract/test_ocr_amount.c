/* Money cells OCR misread (extract/ocr_amount.h): pure. */
#include "check.h"
#include "extract/ocr_amount.h"

static const char *fix(const char *cell)
{
    static char out[64];
    return ocr_amount_cell(cell, out, sizeof out) ? out : "none";
}

TEST(a_misread_figure_is_written_as_printed)
{
    CHECK_STR(fix("48,155:00"), "48,155.00");      /* the point read as a colon */
    CHECK_STR(fix("8,223 00"), "8,223.00");        /* lost to a space */
    CHECK_STR(fix("\"249.15"), "249.15");          /* a speck before it */
    CHECK_STR(fix("35,553.00."), "35,553.00");     /* and after it */
    CHECK_STR(fix("3, 76,239.22"), "3,76,239.22"); /* a space after a grouping comma */
    CHECK_STR(fix("=2,373.72"), "-2,373.72");      /* a minus with a speck under it */
    CHECK_STR(fix("%1,40,277.17"), "1,40,277.17"); /* the rupee sign read as '%' */
    CHECK_STR(fix("%391.44"), "391.44");
    CHECK_STR(fix("%"), "none");
    CHECK_STR(fix("1,234.00"), "none");            /* printed right: nothing to do */
    CHECK_STR(fix("1,234.00 Dr"), "none");
    CHECK_STR(fix("CS"), "none");                  /* no figure to repair */
    CHECK_STR(fix("..."), "none");
}

int main(void)
{
    RUN(a_misread_figure_is_written_as_printed);
    return check_summary();
}
