/* The words of a line as identity reads them: segments (runs of words set
 * apart by wide gaps) and lower-case tokens with their offsets. */
#include "extract/identity_parts.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Does word w of its line start after a gap wider than ~1.5 font sizes? */
static bool wide_gap_before(const struct layout *l, const struct line *ln, uint32_t w)
{
    const struct word *wd = &l->words[w];
    return w == ln->first || wd->x0 - l->words[w - 1].x1 > 1.5f * fmaxf(wd->size, 4);
}

/* Does a segment of the line above or below line li (on its page, a line
 * apart) start at x? */
static bool segment_starts_beside(const struct layout *l, size_t li, float x)
{
    const struct line *ln = &l->lines[li];
    size_t beside[2];
    int nb_lines = 0;
    if (li > 0)
        beside[nb_lines++] = li - 1;
    if (li + 1 < l->nlines)
        beside[nb_lines++] = li + 1;
    for (int k = 0; k < nb_lines; k++) {
        const struct line *nb = &l->lines[beside[k]];
        if (nb->page != ln->page || fabsf(nb->base - ln->base) > 2 * fmaxf(ln->size, 4))
            continue;
        for (uint32_t w = nb->first; w < nb->first + nb->n; w++)
            if (wide_gap_before(l, nb, w) && fabsf(l->words[w].x0 - x) < 1)
                return true;
    }
    return false;
}

/* Does word w start a segment? After a gap wider than ~1.5 font sizes; or
 * touching the word before it, even overlapping it, where a segment of the
 * line above or below starts too: text of one column run into the next
 * column's label ("ANNA NAGAR" into "IFSC Code :", the labels "Account
 * Type :" and "MICR Code :" above and below starting where it does). Words
 * of one phrase are a space apart, never touching. */
static bool starts_segment(const struct layout *l, size_t li, uint32_t w)
{
    const struct line *ln = &l->lines[li];
    if (wide_gap_before(l, ln, w))
        return true;
    const struct word *wd = &l->words[w];
    return wd->x0 - l->words[w - 1].x1 < 0.1f * fmaxf(wd->size, 4) && segment_starts_beside(l, li, wd->x0);
}

/* Splits a line into segments (starts_segment). */
int id_segments(const struct layout *l, size_t li, struct seg *out, int max)
{
    const struct line *ln = &l->lines[li];
    int n = 0;
    for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
        const struct word *wd = &l->words[w];
        bool fresh = n == 0 || starts_segment(l, li, w);
        if (fresh) {
            if (n == max)
                break;
            out[n] = (struct seg){"", wd->x0, wd->x1, li};
            n++;
        }
        struct seg *s = &out[n - 1];
        size_t len = strlen(s->text), add = strlen(word_text(l, wd));
        if (len + add + 2 < SEG_MAX) {
            if (len)
                s->text[len++] = ' ';
            memcpy(s->text + len, word_text(l, wd), add + 1);
        }
        s->x1 = wd->x1;
    }
    return n;
}

/* The segments of a line joined, a gap marked " | " (a boundary for names). */
void id_line_text(const struct layout *l, size_t li, char *text, size_t cap)
{
    struct seg segs[MAX_SEGS];
    int n = id_segments(l, li, segs, MAX_SEGS);
    size_t o = 0;
    text[0] = 0;
    for (int i = 0; i < n; i++) {
        int w = snprintf(text + o, cap - o, "%s%s", i ? " | " : "", segs[i].text);
        if (w < 0 || (size_t)w >= cap - o)
            break;
        o += (size_t)w;
    }
}

void id_tokenize(const char *s, struct toks *t)
{
    t->n = 0;
    size_t i = 0;
    while (s[i] && t->n < MAX_TOK) {
        while (s[i] && !isalnum((unsigned char)s[i]))
            i++;
        if (!s[i])
            break;
        size_t k = 0;
        t->start[t->n] = i;
        while (isalnum((unsigned char)s[i])) {
            if (k < 23)
                t->t[t->n][k++] = (char)tolower((unsigned char)s[i]);
            i++;
        }
        t->t[t->n][k] = 0;
        t->end[t->n++] = i;
    }
}

bool id_tok_in(const char *tok, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(tok, *list))
            return true;
    return false;
}
