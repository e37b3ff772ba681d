/* Two-up pages. See two_up.h. A label line printed twice on one line, the
 * second copy's words at one offset from the first's (the same words at
 * the same places, shifted by half a page), is the mark: no row prints the
 * same words twice at one offset. */
#include "extract/two_up.h"

#include <math.h>
#include <string.h>

#include "extract/row_shape.h"

#define MIN_LABELS 3 /* words of the first label line's copy */
#define MAX_LABEL_LINES 3 /* a header's lines ("Posting" over "Dt.") */

/* Does line li print its first k words again, at an offset (*shift) the
 * same for every word, as its next k? *gutter: the x between the copies. */
static bool printed_twice(const struct layout *l, size_t li, size_t k, float *shift, float *gutter)
{
    const struct line *ln = &l->lines[li];
    if (!k || ln->n != 2 * k)
        return false;
    const struct word *w = &l->words[ln->first];
    float d = w[k].x0 - w[0].x0, tol = 0.3f * fmaxf(ln->size, 4);
    if (d <= 0 || w[k - 1].x1 >= w[k].x0)
        return false;
    for (size_t i = 0; i < k; i++)
        if (fabsf(w[k + i].x0 - w[i].x0 - d) > tol || strcmp(word_text(l, &w[i]), word_text(l, &w[k + i])))
            return false;
    *shift = d;
    *gutter = (w[k - 1].x1 + w[k].x0) / 2;
    return true;
}

static bool crosses(const struct layout *l, size_t li, float x)
{
    const struct line *ln = &l->lines[li];
    for (uint32_t k = ln->first; k < ln->first + ln->n; k++)
        if (l->words[k].x0 < x && l->words[k].x1 > x)
            return true;
    return false;
}

/* Marks the words of line li right of the gutter for dropping (a label
 * line's second copy). */
static void drop_right(struct layout *l, size_t li, float gutter)
{
    const struct line *ln = &l->lines[li];
    for (uint32_t k = ln->first; k < ln->first + ln->n; k++)
        if (l->words[k].x0 >= gutter)
            l->words[k].page = -1;
}

/* A gap between lines wider than this many font sizes ends the halves: a
 * footer printed under them (rows are closer). */
#define MAX_ROW_GAP 3.5f

/* Words a and b the same but for their digits ('Page 3 of 4', 'Page 2 of 4'). */
static bool same_but_digits(const char *a, const char *b)
{
    for (;;) {
        while (*a >= '0' && *a <= '9')
            a++;
        while (*b >= '0' && *b <= '9')
            b++;
        if (*a != *b)
            return false;
        if (!*a)
            return true;
        a++, b++;
    }
}

/* Do the other pages (all but one at most, one at least) print line li's
 * words (but for their digits) at its place? A page's furniture (a
 * footer), not a row. */
static bool on_every_page(const struct layout *l, size_t li)
{
    const struct line *a = &l->lines[li];
    int pages = 0;
    for (size_t k = 0; k < l->nlines; k++) {
        const struct line *b = &l->lines[k];
        if (b->page == a->page || b->n != a->n || fabsf(b->base - a->base) > 0.5f)
            continue;
        /* at the same place: its first word (a right-aligned page number
         * moves with its digits) */
        uint32_t i = 0;
        while (i < a->n && fabsf(l->words[a->first].x0 - l->words[b->first].x0) < 1 &&
               same_but_digits(word_text(l, &l->words[a->first + i]), word_text(l, &l->words[b->first + i])))
            i++;
        pages += i == a->n;
    }
    return pages >= 1 && pages >= l->npages - 2;
}

/* Is any word of line li right of the gutter? */
static bool in_right_half(const struct layout *l, size_t li, float gutter)
{
    const struct line *ln = &l->lines[li];
    return ln->n && l->words[ln->first + ln->n - 1].x0 >= gutter;
}

/* The last line of the halves under the label line h (lines [h, end) the
 * page's from there on): up to a line a word crosses the gutter at, a wide
 * gap, or a footer every page prints close under the left half's last
 * rows (a line without amounts under the right half's last line, further
 * from the line above than a wrapped narration's next line). */
static size_t halves_end(const struct layout *l, size_t h, size_t end, float gutter)
{
    float size = fmaxf(l->lines[h].size, 4), pitch = INFINITY;
    size_t last = h;
    while (last + 1 < end && !crosses(l, last + 1, gutter) &&
           l->lines[last + 1].base - l->lines[last].base <= MAX_ROW_GAP * size) {
        last++;
        pitch = fminf(pitch, l->lines[last].base - l->lines[last - 1].base);
    }
    size_t right = last;
    while (right > h && !in_right_half(l, right, gutter))
        right--;
    for (size_t li = right + 1; li <= last; li++)
        if (l->lines[li].base - l->lines[li - 1].base > 1.15f * pitch && !line_values(l, li).amount &&
            on_every_page(l, li))
            return li - 1;
    return last;
}

/* Drops the right copy of the header's lines from h on (each printed
 * twice at the offset shift); returns the first line under them. */
static size_t drop_label_copies(struct layout *l, size_t h, size_t last, float shift, float gutter)
{
    float size = fmaxf(l->lines[h].size, 4), s, g;
    size_t li = h;
    for (; li <= last && li < h + MAX_LABEL_LINES; li++) {
        if (!printed_twice(l, li, l->lines[li].n / 2, &s, &g) || fabsf(s - shift) >= 0.3f * size)
            break;
        drop_right(l, li, gutter);
    }
    return li;
}

/* Moves the words of lines [from, to) right of x (all: x = -INFINITY) by
 * dx, dy. */
static void move_words(struct layout *l, size_t from, size_t to, float x, float dx, float dy)
{
    for (size_t li = from; li < to; li++)
        for (uint32_t k = l->lines[li].first; k < l->lines[li].first + l->lines[li].n; k++) {
            struct word *w = &l->words[k];
            if (w->x0 < x)
                continue;
            w->x0 += dx, w->x1 += dx;
            w->y0 += dy, w->y1 += dy, w->base += dy;
        }
}

/* Unfolds the page whose label line is h (lines [h, end) its lines from
 * there on): the right half's words go under the left half's, onto its
 * columns, as far under its last line as they were under the labels; what
 * is printed under the halves (a footer) goes under them both. */
static void unfold(struct layout *l, size_t h, size_t end, float shift, float gutter)
{
    size_t last = halves_end(l, h, end, gutter);
    size_t rows = drop_label_copies(l, h, last, shift, gutter);
    float down = l->lines[last].base - l->lines[rows - 1].base;
    move_words(l, rows, last + 1, gutter, -shift, down);
    move_words(l, last + 1, end, -INFINITY, 0, down);
}

static void drop_marked(struct layout *l)
{
    size_t out = 0;
    for (size_t k = 0; k < l->nwords; k++)
        if (l->words[k].page >= 0)
            l->words[out++] = l->words[k];
    l->nwords = out;
}

int two_up_unfold(struct layout *l)
{
    int pages = 0;
    for (size_t li = 0; li < l->nlines;) {
        size_t end = li;
        while (end < l->nlines && l->lines[end].page == l->lines[li].page)
            end++;
        for (size_t h = li; h < end; h++) {
            float shift, gutter;
            if (l->lines[h].n >= 2 * MIN_LABELS && printed_twice(l, h, l->lines[h].n / 2, &shift, &gutter)) {
                unfold(l, h, end, shift, gutter);
                pages++;
                break;
            }
        }
        li = end;
    }
    if (pages)
        drop_marked(l);
    return pages;
}
