/* Light text on a dark fill. See ocr_shade.h. */
#include "extract/ocr_shade.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* One pixel of a dark block, inverted: its fill's grey (~60-120) becomes
 * paper (> 180), its light type (> 200) ink. */
static unsigned char lighten(unsigned char g)
{
    int v = (255 - g) * 4 / 3;
    return (unsigned char)(v > 255 ? 255 : v);
}

static void count_row(const unsigned char *p, int width, int *colsum, int sign)
{
    for (int x = 0; x < width; x++)
        colsum[x] += sign * (p[x] < OCR_DARK);
}

/* The box reaches a block's ends half empty, so the marks of a row stop
 * short of them: a run of marks is widened, by up to half a box, to the
 * last dark pixel of the fill beside it (with any light type between: the
 * stroke of a "D" near the block's end); the paper beyond stays paper. */
static void widen_marks(const unsigned char *p, unsigned char *mark, int width, int hw)
{
    for (int x = 0; x < width; x++) {
        if (!mark[x] || (x > 0 && mark[x - 1]))
            continue;
        int k = x - hw > 0 ? x - hw : 0;
        while (k < x && p[k] >= OCR_DARK)
            k++;
        for (; k < x; k++)
            mark[k] = 2; /* not a run's start, nor widened again */
    }
    for (int x = width - 1; x >= 0; x--) {
        if (mark[x] != 1 || (x + 1 < width && mark[x + 1]))
            continue;
        int k = x + hw < width - 1 ? x + hw : width - 1;
        while (k > x && p[k] >= OCR_DARK)
            k--;
        for (; k > x; k--)
            mark[k] = 2;
    }
}

/* Bold type can fill half a box here and there, never along a line: runs
 * of marks shorter than min are no block's. */
static void drop_short_runs(unsigned char *mark, int width, int min)
{
    for (int x = 0; x < width;) {
        if (!mark[x]) {
            x++;
            continue;
        }
        int x0 = x;
        while (x < width && mark[x])
            x++;
        if (x - x0 < min)
            memset(mark + x0, 0, (size_t)(x - x0));
    }
}

/* Which pixels of row p are in a dark block: colsum holds, per column, the
 * dark pixels of the box's rows (vbox of them); the box is 2*hw+1 wide. */
static void mark_row(const unsigned char *p, const int *colsum, int width, int hw, int vbox, unsigned char *mark)
{
    long sum = 0, area = (long)(2 * hw + 1) * vbox;
    bool any = false;
    for (int x = 0; x < hw && x < width; x++)
        sum += colsum[x];
    for (int x = 0; x < width; x++) {
        if (x + hw < width)
            sum += colsum[x + hw];
        if (x - hw - 1 >= 0)
            sum -= colsum[x - hw - 1];
        mark[x] = 2 * sum >= area;
        any |= mark[x];
    }
    if (!any)
        return;
    drop_short_runs(mark, width, 4 * hw);
    widen_marks(p, mark, width, hw);
}

static long apply_row(unsigned char *p, const unsigned char *mark, int width)
{
    long n = 0;
    for (int x = 0; x < width; x++)
        if (mark[x])
            p[x] = lighten(p[x]), n++;
    return n;
}

/* Whether a row holds a solid run of fill, at least min pixels of dark
 * without a break: the fill above and below a block's type. */
static bool solid_row(const unsigned char *p, int width, int min)
{
    for (int x = 0, run = 0; x < width; x++) {
        run = p[x] < OCR_DARK ? run + 1 : 0;
        if (run >= min)
            return true;
    }
    return false;
}

/* solid[y] for every row, as a running count: rows [a, b) hold a solid
 * run when solid[b] > solid[a]. NULL when out of memory. */
static int *solid_rows(const unsigned char *gray, int width, int height, size_t stride, int min)
{
    int *c = malloc(((size_t)height + 1) * sizeof *c);
    if (!c)
        return NULL;
    c[0] = 0;
    for (int y = 0; y < height; y++)
        c[y + 1] = c[y] + solid_row(gray + (size_t)y * stride, width, min);
    return c;
}

/* A row of a block has the block's fill within reach above and below it,
 * at least 2 * thick rows of it in all (a header band's padding around its
 * type): type alone, even bold, has none, and a table's rules around a
 * row of bold labels are thinner. */
static bool between_fills(const int *solid, int height, int y, int reach, int thick)
{
    int a = y - reach > 0 ? y - reach : 0, b = y + reach + 1 < height ? y + reach + 1 : height;
    return solid[y + 1] > solid[a] && solid[b] > solid[y] && solid[b] - solid[a] >= 2 * thick;
}

/* Rows are marked as the box passes them and inverted once the box has
 * left them (its counts are of the page as it was): a ring of vbox + 1
 * rows of marks, no page-sized buffer. */
long ocr_lighten_dark_blocks(unsigned char *gray, int width, int height, size_t stride, int dpi)
{
    if (width <= 0 || height <= 0 || dpi <= 0)
        return 0;
    int hw = dpi / 8 > 1 ? dpi / 8 : 1, hv = dpi / 24 > 1 ? dpi / 24 : 1;
    int vbox = 2 * hv + 1, ring = vbox + 1, reach = dpi / 6;
    int thick = dpi / 40 > 1 ? dpi / 40 : 1;
    int *colsum = calloc((size_t)width, sizeof *colsum);
    unsigned char *marks = calloc((size_t)ring * (size_t)width, 1);
    int *solid = solid_rows(gray, width, height, stride, 4 * hw);
    if (!colsum || !marks || !solid) {
        free(colsum);
        free(marks);
        free(solid);
        return -1;
    }
    /* a row's marks are used only when it lies between fills: most pages
     * have no such row, and only the solid runs are looked for */
    int first = 0;
    while (first < height && !between_fills(solid, height, first, reach, thick))
        first++;
    long n = 0;
    for (int y = 0; y < hv && y < height && first < height; y++)
        count_row(gray + (size_t)y * stride, width, colsum, 1);
    for (int y = 0; y < height + hv + 1 && first < height; y++) {
        int leaving = y - hv - 1;
        if (leaving >= 0) {
            unsigned char *p = gray + (size_t)leaving * stride;
            count_row(p, width, colsum, -1);
            if (between_fills(solid, height, leaving, reach, thick))
                n += apply_row(p, marks + (size_t)(leaving % ring) * (size_t)width, width);
        }
        if (y >= height)
            continue;
        if (y + hv < height)
            count_row(gray + (size_t)(y + hv) * stride, width, colsum, 1);
        if (between_fills(solid, height, y, reach, thick))
            mark_row(gray + (size_t)y * stride, colsum, width, hw, vbox, marks + (size_t)(y % ring) * (size_t)width);
    }
    free(colsum);
    free(marks);
    free(solid);
    return n;
}
