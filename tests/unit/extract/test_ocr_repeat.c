/* Pieces of a scanned page printed as on the page before (extract/ocr_repeat.h):
 * pure, no Tesseract. Pieces are drawn as strokes 3 pixels thick on a grey
 * page of 300 dpi (the glyphs of 8-pt type are ~33 pixels high there). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "extract/ocr_repeat.h"

#define W 160
#define H 44

/* Pixels a point at 300 dpi, and the word "P" of a piece at (200, 900)
 * 2 pt in from its left and 9 pt down to its baseline. */
#define PX (300.0f / 72.0f)
static const struct pword WORD_P = {
    .text = "P", .len = 1, .x0 = 200 / PX + 2, .x1 = 200 / PX + 7, .base = 900 / PX + 9, .size = 8, .conf = 93};

static void stroke(unsigned char *g, int x0, int y0, int x1, int y1)
{
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
            g[y * W + x] = 20;
}

/* "P 1": a bowl's strokes, then a one's stem; `two` prints a 2 instead. */
static void print_piece(unsigned char *g, int dx, int dy, bool two)
{
    memset(g, 235, W * H);
    stroke(g, 10 + dx, 5 + dy, 13 + dx, 38 + dy); /* P's stem and bowl */
    stroke(g, 10 + dx, 5 + dy, 28 + dx, 8 + dy);
    stroke(g, 25 + dx, 5 + dy, 28 + dx, 22 + dy);
    stroke(g, 10 + dx, 19 + dy, 28 + dx, 22 + dy);
    if (!two) {
        stroke(g, 60 + dx, 5 + dy, 63 + dx, 38 + dy);
        return;
    }
    stroke(g, 50 + dx, 5 + dy, 70 + dx, 8 + dy); /* 2: top, right side down, diagonal, foot */
    stroke(g, 67 + dx, 5 + dy, 70 + dx, 20 + dy);
    for (int k = 0; k < 16; k++)
        stroke(g, 66 - k + dx, 20 + k + dy, 69 - k + dx, 21 + k + dy);
    stroke(g, 50 + dx, 35 + dy, 70 + dx, 38 + dy);
}

/* A scan's noise along the edges: every third pixel beside a stroke
 * turned to ink, and every fifth of a stroke's edge to paper. */
static void ragged_edges(unsigned char *g)
{
    unsigned char was[W * H];
    memcpy(was, g, sizeof was);
    for (int y = 1; y < H - 1; y++)
        for (int x = 1; x < W - 1; x++) {
            bool ink = was[y * W + x] < 160;
            bool edge = (was[y * W + x - 1] < 160) != ink || (was[y * W + x + 1] < 160) != ink;
            if (edge && !ink && (x + y) % 3 == 0)
                g[y * W + x] = 90;
            if (edge && ink && (x * 7 + y) % 5 == 0)
                g[y * W + x] = 200;
        }
}

static unsigned char *ink_of(const unsigned char *g)
{
    return ocr_repeat_ink(g, W, 0, 0, W, H);
}

/* Whether prints a and b are the same piece by their ink (300 dpi). */
static bool same_print(const unsigned char *a, const unsigned char *b)
{
    unsigned char *ia = ink_of(a), *ib = ink_of(b);
    bool same = ocr_same_ink(ia, W, H, ib, W, H, 300);
    free(ia);
    free(ib);
    return same;
}

/* The page before's piece of print a at (200, 900) into seen (made
 * anew), read as word w. */
static void see_piece(struct ocr_seen *seen, const unsigned char *a, const struct pword *w)
{
    *seen = (struct ocr_seen){.dpi = 300};
    CHECK_INT(ocr_seen_add(seen, 200, 900, W, H, ink_of(a), w, 1, PX), 0);
}

TEST(the_same_print_scanned_again_is_the_same)
{
    unsigned char a[W * H], b[W * H];
    print_piece(a, 0, 0, false);
    print_piece(b, 1, -2, false); /* a pixel right, two up on the second page */
    ragged_edges(b);
    CHECK(same_print(a, b));
    unsigned char *ia = ink_of(a);
    unsigned char *trimmed = ocr_repeat_ink(b, W, 0, 0, W - 2, H - 1); /* trimmed a pixel or two apart */
    CHECK(ocr_same_ink(ia, W, H, trimmed, W - 2, H - 1, 300));
    free(ia);
    free(trimmed);
}

TEST(one_glyph_changed_is_another_print)
{
    unsigned char a[W * H], b[W * H];
    print_piece(a, 0, 0, false);
    print_piece(b, 0, 0, true); /* "Page 1" and "Page 2" */
    CHECK(!same_print(a, b));
    print_piece(b, 0, 0, false); /* a point turned into a comma: a tail 2 pixels wide, 6 long */
    stroke(b, 100, 30, 104, 34);
    stroke(a, 100, 30, 104, 34);
    stroke(b, 101, 34, 103, 40);
    CHECK(!same_print(a, b));
}

TEST(a_print_further_off_than_the_shift_is_not_matched)
{
    unsigned char a[W * H], b[W * H];
    print_piece(a, 0, 0, false);
    print_piece(b, 5, 0, false);
    CHECK(!same_print(a, b));
}

/* The page before's piece is found by place, size and ink; its words come
 * placed from its corner. */
TEST(the_piece_of_the_page_before_is_found_with_its_words)
{
    unsigned char a[W * H], b[W * H];
    print_piece(a, 0, 0, false);
    print_piece(b, 0, 0, false);
    struct ocr_seen seen;
    see_piece(&seen, a, &WORD_P);
    unsigned char *ib = ink_of(b);
    const struct ocr_seen_piece *p = ocr_seen_find(&seen, 204, 897, W, H, ib);
    CHECK(p != NULL);
    CHECK(p && p->nwords == 1 && !strcmp(p->words[0].text, "P"));
    CHECK(p && p->words[0].x0 > 1.99f && p->words[0].x0 < 2.01f && p->words[0].base > 8.99f &&
          p->words[0].base < 9.01f);
    CHECK(!ocr_seen_find(&seen, 204 + 40, 897, W, H, ib)); /* a tenth of an inch is 30 pixels */
    CHECK(!ocr_seen_find(&seen, 204, 897, W - 5, H, ib));  /* another size */
    free(ib);
    ocr_seen_free(&seen);
    CHECK_INT(seen.n, 0);
}

/* A piece printed again further down the same page (a day's date on its
 * next row) is found by size and ink wherever it is; a speck, or a piece
 * read as no words, is not. */
TEST(a_piece_printed_again_on_the_same_page_is_found_anywhere)
{
    unsigned char a[W * H], b[W * H];
    print_piece(a, 0, 0, false);
    print_piece(b, 1, 0, false);
    ragged_edges(b);
    struct ocr_seen seen;
    see_piece(&seen, a, &WORD_P);
    unsigned char *ib = ink_of(b);
    const struct ocr_seen_piece *p = ocr_seen_find_on_page(&seen, W, H, ib);
    CHECK(p != NULL && p->nwords == 1 && !strcmp(p->words[0].text, "P"));
    CHECK(!ocr_seen_find(&seen, 200, 2400, W, H, ib)); /* the page before's: at its place only */
    print_piece(b, 0, 0, true);
    unsigned char *two = ink_of(b);
    CHECK(!ocr_seen_find_on_page(&seen, W, H, two));
    free(two);
    free(ib);
    ocr_seen_free(&seen);

    /* specks: 20 pixels square, a few pixels of ink each, in other places */
    unsigned char s1[20 * 20], s2[20 * 20];
    memset(s1, 235, sizeof s1), memset(s2, 235, sizeof s2);
    s1[5 * 20 + 5] = s1[5 * 20 + 6] = 20;
    s2[6 * 20 + 6] = 20;
    seen = (struct ocr_seen){.dpi = 300};
    CHECK_INT(ocr_seen_add(&seen, 40, 40, 20, 20, ocr_repeat_ink(s1, 20, 0, 0, 20, 20), &WORD_P, 1, PX), 0);
    unsigned char *i2 = ocr_repeat_ink(s2, 20, 0, 0, 20, 20);
    CHECK(ocr_same_ink(seen.p[0].ink, 20, 20, i2, 20, 20, 300)); /* the same by ink... */
    CHECK(!ocr_seen_find_on_page(&seen, 20, 20, i2));            /* ...but no line of text */
    free(i2);
    ocr_seen_free(&seen);

    /* a piece read as no words gives none */
    seen = (struct ocr_seen){.dpi = 300};
    CHECK_INT(ocr_seen_add(&seen, 200, 900, W, H, ink_of(a), NULL, 0, PX), 0);
    ib = ink_of(a);
    CHECK(!ocr_seen_find_on_page(&seen, W, H, ib));
    free(ib);
    ocr_seen_free(&seen);
}

int main(void)
{
    RUN(the_same_print_scanned_again_is_the_same);
    RUN(one_glyph_changed_is_another_print);
    RUN(a_print_further_off_than_the_shift_is_not_matched);
    RUN(the_piece_of_the_page_before_is_found_with_its_words);
    RUN(a_piece_printed_again_on_the_same_page_is_found_anywhere);
    return check_summary();
}
