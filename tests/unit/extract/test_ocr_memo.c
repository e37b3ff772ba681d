/* A scanned page's first reading, kept piece by piece (extract/ocr_memo.h):
 * pure. */
#include <string.h>

#include "check.h"
#include "extract/ocr_memo.h"

enum { W = 40, H = 12 };

static uint64_t sum_of(const unsigned char *page, int x0, int y0, int x1, int y1)
{
    return ocr_memo_sum(OCR_MEMO_SUM0, page, W, x0, y0, x1, y1);
}

/* The ink taken off a page changes the sum of a piece it touched, and of
 * no other: every pixel counts (a row's tail too), none outside. */
TEST(a_piece_sums_the_same_unless_a_pixel_of_it_changed)
{
    unsigned char page[W * H];
    for (int i = 0; i < W * H; i++)
        page[i] = (unsigned char)(i * 37 % 251);
    uint64_t piece = sum_of(page, 3, 2, 30, 9), other = sum_of(page, 3, 2, 31, 9);
    CHECK(piece != other);
    page[5 * W + 35] ^= 1; /* outside the piece */
    page[0] ^= 1;
    CHECK(sum_of(page, 3, 2, 30, 9) == piece);
    page[8 * W + 29] ^= 1; /* the last pixel of a row, past the eight-pixel runs */
    CHECK(sum_of(page, 3, 2, 30, 9) != piece);
    page[8 * W + 29] ^= 1;
    page[2 * W + 3] = 255; /* its first: coloured ink made paper */
    CHECK(sum_of(page, 3, 2, 30, 9) != piece);
}

/* A piece is found by its box and its sum, both; its words are a copy. */
TEST(a_piece_is_found_at_its_box_with_its_sum)
{
    struct ocr_memo m = {NULL, 0};
    struct ocr_memo_page *pg = ocr_memo_page(&m, 2);
    CHECK(pg != NULL);
    CHECK_INT(m.npages, 3);
    struct pword w[2] = {{.text = "12/03/2024", .len = 10, .conf = 91}, {.text = "NEFT", .len = 4, .conf = 88}};
    CHECK_INT(ocr_memo_add(pg, 10, 20, 110, 50, 77, w, 2), 0);
    CHECK_INT(ocr_memo_add(pg, 10, 60, 110, 90, 78, NULL, 0), 0);
    strcpy(w[0].text, "changed");
    const struct ocr_memo_piece *p = ocr_memo_find(pg, 10, 20, 110, 50, 77);
    CHECK(p != NULL);
    CHECK_INT((int)p->nwords, 2);
    CHECK_STR(p->words[0].text, "12/03/2024");
    CHECK(ocr_memo_find(pg, 10, 60, 110, 90, 78) != NULL); /* read as no words: kept too */
    CHECK(ocr_memo_find(pg, 10, 20, 110, 50, 78) == NULL);
    CHECK(ocr_memo_find(pg, 10, 20, 111, 50, 77) == NULL);
    CHECK(ocr_memo_find(&m.pages[0], 10, 20, 110, 50, 77) == NULL);
    CHECK(ocr_memo_find(NULL, 10, 20, 110, 50, 77) == NULL);
    CHECK(ocr_memo_page(&m, 1) == &m.pages[1]);
    ocr_memo_free(&m);
    CHECK_INT(m.npages, 0);
}

/* The two readings of a page share its limit: reading again may take
 * what the first left, none when it took all. */
TEST(reading_again_takes_what_the_first_reading_left)
{
    struct ocr_memo_page pg = {.read = 1, .seconds = 6.5};
    CHECK(ocr_memo_seconds_left(&pg, 20) == 13.5);
    pg.seconds = 25;
    CHECK(ocr_memo_seconds_left(&pg, 20) == 0);
    pg.read = 0; /* not read first (timed out, failed): a limit of its own */
    CHECK(ocr_memo_seconds_left(&pg, 20) == 20);
    CHECK(ocr_memo_seconds_left(NULL, 20) == 20);
}

int main(void)
{
    RUN(a_piece_sums_the_same_unless_a_pixel_of_it_changed);
    RUN(a_piece_is_found_at_its_box_with_its_sum);
    RUN(reading_again_takes_what_the_first_reading_left);
    return check_summary();
}
