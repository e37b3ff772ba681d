/* The text layer to words (pdf_text.c, layout.c) on content streams
 * written the ways real producers write them: fake bold (each glyph, or a
 * whole string, drawn twice a fraction of a point apart) reads once, while
 * letters and words that genuinely repeat stay; text outside the page's
 * box is not read; a page of shapes and no text reads as a scan. Courier
 * at 10 pt: each glyph 6 pt wide. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "extract/extract.h"
#include "extract/pdf_doc.h"
#include "first_account.h"
#include "pdf_build.h"

/* The words of a one-page PDF whose content is content (font /C, base
 * font face), joined by single spaces line by line, lines by " | ", into out. */
static void words_in(const char *face, const char *content, char *out, size_t cap)
{
    struct buf font = {0};
    putf(&font, "<< /Type /Font /Subtype /Type1 /BaseFont /%s >>", face);
    struct buf pdf = page_with("<< /Font << /C 6 0 R >> >>", content, &font, 1);
    struct layout l = {0};
    struct statement facts = {0}; /* statement_free frees its facts */
    struct extract_opts o = {0};
    struct extract_error err = {0};
    int pages = 0;
    out[0] = 0;
    if (pdf_doc_read(pdf.p, pdf.n, &o, &l, &facts.facts, &pages, &err) == 0) {
        size_t n = 0;
        for (size_t i = 0; i < l.nlines; i++)
            for (uint32_t k = 0; k < l.lines[i].n; k++)
                n += (size_t)snprintf(out + n, cap - n, "%s%s", n ? (k ? " " : " | ") : "",
                                      word_text(&l, &l.words[l.lines[i].first + k]));
    }
    layout_free(&l);
    statement_free(&facts);
    free(pdf.p);
}

static void words_of(const char *content, char *out, size_t cap)
{
    words_in("Courier", content, out, cap);
}

/* a landscape table printed sideways on a portrait page with no /Rotate:
 * the text runs up the page (a print driver turned the page itself); it
 * reads upright, not as rotated watermarks to skip (nothing was read) */
TEST(page_printed_sideways_reads_upright)
{
    char got[256];
    words_of("q 0 1 -1 0 612 0 cm BT /C 10 Tf 1 0 0 1 72 500 Tm (Date       Amount) Tj ET "
             "BT /C 10 Tf 1 0 0 1 72 488 Tm (01/05/2024 100.00) Tj ET Q",
             got, sizeof got);
    CHECK_STR(got, "Date Amount | 01/05/2024 100.00");
}

/* text running down the page, the content turned the other way */
TEST(page_printed_sideways_down_reads_upright)
{
    char got[256];
    words_of("q 0 -1 1 0 0 792 cm BT /C 10 Tf 1 0 0 1 72 500 Tm (Date       Amount) Tj ET "
             "BT /C 10 Tf 1 0 0 1 72 488 Tm (01/05/2024 100.00) Tj ET Q",
             got, sizeof got);
    CHECK_STR(got, "Date Amount | 01/05/2024 100.00");
}

/* "Date" drawn glyph by glyph, each glyph struck twice 0.3 pt apart */
TEST(glyph_struck_twice_reads_once)
{
    char content[1024], got[256];
    size_t n = (size_t)snprintf(content, sizeof content, "BT /C 10 Tf ");
    const char *s = "Date";
    for (int i = 0; s[i]; i++)
        n += (size_t)snprintf(content + n, sizeof content - n, "1 0 0 1 %.1f 700 Tm (%c) Tj 1 0 0 1 %.1f 700 Tm (%c) Tj ",
                              72 + 6.0 * i, s[i], 72.3 + 6.0 * i, s[i]);
    snprintf(content + n, sizeof content - n, "ET");
    words_of(content, got, sizeof got);
    CHECK_STR(got, "Date");
}

/* as a report writer places them: "MRS" in Times-Bold at 8 pt, each glyph
 * struck again 0.3 pt on by Td; MuPDF starts a new line at the first repeat
 * (the step back from the wide M), which goes on with the word before */
TEST(glyph_struck_twice_by_td_reads_once)
{
    char got[256];
    words_in("Times-Bold",
             "BT /C 8 Tf 1 0 0 1 28 529 Tm 0 0 Td (M) Tj .3 0 Td (M) Tj 7.252 0 Td (R) Tj .3 0 Td (R) Tj "
             "5.476 0 Td (S) Tj .3 0 Td (S) Tj ET",
             got, sizeof got);
    CHECK_STR(got, "MRS");
}

/* a whole string drawn twice, the second 0.3 pt right and 0.2 pt up */
TEST(string_drawn_twice_reads_once)
{
    char got[256];
    words_of("BT /C 10 Tf 1 0 0 1 72 700 Tm (Closing Balance) Tj ET "
             "BT /C 10 Tf 1 0 0 1 72.3 700.2 Tm (Closing Balance) Tj ET",
             got, sizeof got);
    CHECK_STR(got, "Closing Balance");
}

/* repeats that are text: double letters, a word printed again in the next
 * column, the same word on the next line */
TEST(genuine_repeats_stay)
{
    char got[256];
    words_of("BT /C 10 Tf 1 0 0 1 72 700 Tm (Bill 0.00 0.00) Tj ET "
             "BT /C 10 Tf 1 0 0 1 72 688 Tm (Bill) Tj ET "
             "BT /C 10 Tf 1 0 0 1 74 700 Tm (0.00) Tj ET",
             got, sizeof got);
    CHECK_STR(got, "Bill 0.00 0.00 0.00 | Bill");
}

/* a template row left outside the page's box (612 x 792) on a row's line,
 * and one below the page: a viewer shows neither; of a word the page's
 * edge cuts, the characters the page shows */
TEST(text_outside_the_page_is_not_read)
{
    char got[256];
    words_of("BT /C 10 Tf 1 0 0 1 -580 700 Tm (01/01/1900 TEMPLATE ROW 0.00) Tj ET "
             "BT /C 10 Tf 1 0 0 1 72 -30 Tm (31/12/1900 0.00) Tj ET "
             "BT /C 10 Tf 1 0 0 1 72 700 Tm (02/01/2024 RENT 100.00) Tj ET "
             "BT /C 10 Tf 1 0 0 1 -12 688 Tm (ABCD Page 1) Tj ET",
             got, sizeof got);
    CHECK_STR(got, "02/01/2024 RENT 100.00 | ABCD Page 1");
}

/* a last column printed too wide for the page (612 pt): its figures run
 * past the edge, and are read whole, not cut where the page ends */
TEST(a_word_running_past_the_page_edge_is_read_whole)
{
    char got[256];
    words_of("BT /C 10 Tf 1 0 0 1 72 700 Tm (02/01/2024 RENT) Tj ET "
             "BT /C 10 Tf 1 0 0 1 588 700 Tm (38,885.07) Tj ET",
             got, sizeof got);
    CHECK_STR(got, "02/01/2024 RENT 38,885.07");
}

/* A page of n small filled squares and no text: a glyph a shape, as a print
 * driver draws text "as graphics" (a statement's page makes thousands). */
static enum extract_code read_shapes(int n)
{
    struct buf content = {0};
    for (int i = 0; i < n; i++)
        putf(&content, "%d %d 2 3 re f\n", 30 + 3 * (i % 180), 780 - 5 * ((i / 180) % 150));
    put(&content, "", 1);
    struct buf pdf = page_with("<< >>", (const char *)content.p, NULL, 0);
    struct extract_opts o = {.no_ocr = true};
    struct statement st;
    struct extract_error err;
    enum extract_code code = EXTRACT_OK;
    if (extract_pdf_first(pdf.p, pdf.n, &o, &st, &err) == 0)
        statement_free(&st);
    else
        code = err.code;
    free(content.p);
    free(pdf.p);
    return code;
}

/* text drawn as shapes is read as a scan is (here, without OCR: refused as
 * an image), not refused as too complex nor as a statement without rows; a
 * page of a few hundred shapes is no text */
TEST(text_drawn_as_shapes_reads_as_a_scan)
{
    CHECK_INT(read_shapes(30000), EXTRACT_PDF_IS_IMAGE);
    CHECK_INT(read_shapes(3000), EXTRACT_PDF_IS_IMAGE);
    CHECK(read_shapes(300) != EXTRACT_PDF_IS_IMAGE);
}

int main(void)
{
    extract_init();
    RUN(glyph_struck_twice_reads_once);
    RUN(glyph_struck_twice_by_td_reads_once);
    RUN(string_drawn_twice_reads_once);
    RUN(genuine_repeats_stay);
    RUN(text_outside_the_page_is_not_read);
    RUN(a_word_running_past_the_page_edge_is_read_whole);
    RUN(text_drawn_as_shapes_reads_as_a_scan);
    RUN(page_printed_sideways_reads_upright);
    RUN(page_printed_sideways_down_reads_upright);
    extract_shutdown();
    return check_summary();
}
