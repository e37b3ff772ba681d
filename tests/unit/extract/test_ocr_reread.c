/* What of a piece OCR read unsure is read again, and which reading is kept
 * (extract/ocr_reread.h): pure, no Tesseract. Words are placed in points;
 * the page is read at 300 dpi (px = 300 / 72). */
#include <string.h>

#include "check.h"
#include "extract/ocr_reread.h"

#define PX (300.0f / 72.0f)

static struct pword word(const char *text, float x0, float x1, float base, float conf)
{
    struct pword w = {.len = strlen(text), .x0 = x0, .x1 = x1, .base = base, .size = 8, .conf = conf};
    strcpy(w.text, text);
    return w;
}

/* A row cell by cell: a date read sure, an amount garbled in two unsure
 * words, a sure balance after them. */
TEST(a_run_of_unsure_words_is_read_again_between_its_sure_neighbours)
{
    struct pword w[] = {word("01/04/2024", 10, 50, 100, 96), word("1O,234", 60, 80, 100, 41),
                        word(".S6", 81, 90, 100, 55), word("5,000.00", 100, 130, 100, 93)};
    int x0 = 0, x1 = 1000;
    CHECK_INT(ocr_unsure_run(w, 4, 1, PX, &x0, &x1), 3); /* both unsure words, not the balance */
    CHECK_INT(x0, (int)(50 * PX) + 2);                   /* clear of the date's ink */
    CHECK_INT(x1, (int)(100 * PX) - 2);                  /* and of the balance's */
}

TEST(an_unsure_word_at_the_piece_edge_reads_to_the_edge)
{
    struct pword w[] = {word("Ti", 10, 20, 100, 0), word("2e23", 22, 40, 100, 12),
                        word("UPI/DR/5300", 50, 120, 100, 95)};
    int x0 = 30, x1 = 600;
    CHECK_INT(ocr_unsure_run(w, 3, 0, PX, &x0, &x1), 2);
    CHECK_INT(x0, 30); /* the piece's own edge */
    CHECK_INT(x1, (int)(50 * PX) - 2);
    x0 = 30, x1 = 600;
    struct pword last[] = {word("UPI/DR/5300", 10, 80, 100, 95), word("merchant", 90, 130, 100, 60)};
    CHECK_INT(ocr_unsure_run(last, 2, 1, PX, &x0, &x1), 2);
    CHECK_INT(x0, (int)(80 * PX) + 2);
    CHECK_INT(x1, 600);
}

/* A piece of two lines (a narration wrapped): the run ends with its line,
 * and a sure word of the other line bounds nothing. */
TEST(a_run_stops_at_the_end_of_its_line)
{
    struct pword w[] = {word("NEFT*BARB0574682*", 10, 90, 100, 70), word("ACME", 10, 40, 112, 40),
                        word("LTD", 45, 60, 112, 97)};
    int x0 = 0, x1 = 500;
    CHECK_INT(ocr_unsure_run(w, 3, 0, PX, &x0, &x1), 1);
    CHECK_INT(x0, 0);
    CHECK_INT(x1, 500);
    x0 = 0, x1 = 500;
    CHECK_INT(ocr_unsure_run(w, 3, 1, PX, &x0, &x1), 2);
    CHECK_INT(x0, 0); /* the line above's word is no neighbour */
    CHECK_INT(x1, (int)(45 * PX) - 2);
}

TEST(the_reading_again_replaces_the_run_only_when_surer)
{
    struct pword run[] = {word("1O,234", 60, 80, 100, 41), word(".S6", 81, 90, 100, 55)};
    struct pword again[] = {word("10,234.56", 60, 90, 100, 88)};
    size_t m = 1;
    CHECK(ocr_reread_wins(run, 2, again, &m));
    CHECK_INT(m, 1);
    struct pword worse[] = {word("1O,2", 60, 75, 100, 30), word("34.56", 76, 90, 100, 90)};
    m = 2;
    CHECK(!ocr_reread_wins(run, 2, worse, &m)); /* its least sure word, 30, is less sure than 41 */
    m = 0;
    CHECK(!ocr_reread_wins(run, 2, again, &m)); /* nothing read */
}

/* The slot spans the piece's height: a word of another line of the piece
 * read in it is the first reading's to give, not the run's. */
TEST(words_read_again_on_another_line_are_dropped)
{
    struct pword run[] = {word("ACME", 10, 40, 112, 40)};
    struct pword again[] = {word("NEFT", 10, 30, 100, 20), word("ACME", 10, 40, 112, 92)};
    size_t m = 2;
    CHECK(ocr_reread_wins(run, 1, again, &m));
    CHECK_INT(m, 1);
    CHECK_STR(again[0].text, "ACME");
}

/* A header label read again alone: Tesseract, seeing no line around it,
 * placed its baseline low and its size large; it keeps the line's. */
TEST(a_word_read_again_keeps_its_lines_baseline_and_size)
{
    struct pword run[] = {word("Chq", 494, 513, 160, 62), word("Nn", 516, 529, 160.4f, 70)};
    struct pword again[] = {word("Chq", 494, 512, 163, 91), word("No.", 516, 530, 162, 93)};
    again[0].size = 14.3f, again[1].size = 12;
    size_t m = 2;
    CHECK(ocr_reread_wins(run, 2, again, &m));
    CHECK_INT(m, 2);
    CHECK(again[0].base == 160 && again[0].size == 8);
    CHECK(again[1].base == 160.4f && again[1].size == 8); /* the run word under it */
    CHECK_STR(again[1].text, "No.");
    CHECK(again[1].conf == 93);
}

/* A narration wrapped on three lines in one piece: its middle line's
 * unsure word is read again in that line's rows only. */
TEST(a_run_is_read_again_in_its_lines_rows)
{
    struct pword w[] = {word("UPI/DR/5300", 10, 80, 100, 95), word("GURPREET", 10, 60, 110, 40),
                        word("PRA/IDFB", 10, 55, 120, 97)};
    int y0 = (int)(92 * PX), y1 = (int)(123 * PX);
    ocr_unsure_rows(w, 1, 2, PX, &y0, &y1);
    CHECK_INT(y0, (int)((110 - 8) * PX));         /* an em above its baseline: clear of the line above */
    CHECK_INT(y1, (int)((110 + 0.4f * 8) * PX) + 1); /* 0.4 em below: its descenders, not the line below */
    int t = (int)(105 * PX), b = (int)(112 * PX);    /* a piece tighter than that stays so */
    ocr_unsure_rows(w, 1, 2, PX, &t, &b);
    CHECK_INT(t, (int)(105 * PX));
    CHECK_INT(b, (int)(112 * PX));
}

/* A word Tesseract gave 85 is sure enough: not read again with the
 * unsure amount before it. */
TEST(a_word_read_at_85_ends_the_run)
{
    struct pword w[] = {word("01/04/2024", 10, 50, 100, 96), word("1O,234", 60, 80, 100, 41),
                        word("CR", 82, 90, 100, 85)};
    int x0 = 0, x1 = 1000;
    CHECK_INT(ocr_unsure_run(w, 3, 1, PX, &x0, &x1), 2);
    CHECK_INT(x1, (int)(82 * PX) - 2);
}

int main(void)
{
    RUN(a_run_of_unsure_words_is_read_again_between_its_sure_neighbours);
    RUN(an_unsure_word_at_the_piece_edge_reads_to_the_edge);
    RUN(a_run_stops_at_the_end_of_its_line);
    RUN(the_reading_again_replaces_the_run_only_when_surer);
    RUN(words_read_again_on_another_line_are_dropped);
    RUN(a_word_read_again_keeps_its_lines_baseline_and_size);
    RUN(a_run_is_read_again_in_its_lines_rows);
    RUN(a_word_read_at_85_ends_the_run);
    return check_summary();
}
