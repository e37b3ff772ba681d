/* Each row's narration and reference, from the cells of its lines:
 * wrapped pieces joined with a space or none (a token cut at the column's
 * edge), value dates printed under the date. See table_parts.h. */
#include "extract/table_parts.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/cells.h"
#include "extract/known_words.h"
#include "extract/token.h"

static int append_text(char **dst, const char *s, const char *sep)
{
    if (!s[0])
        return 0;
    size_t a = *dst ? strlen(*dst) : 0, b = strlen(s);
    if (a + b > 8192)
        return 0;
    char *n = realloc(*dst, a + b + strlen(sep) + 1);
    if (!n)
        return -1;
    if (a)
        strcpy(n + a, sep), a += strlen(sep);
    memcpy(n + a, s, b + 1);
    *dst = n;
    return 0;
}

/* How a wrapped narration line joins the one above: no space after a
 * hyphen or slash that ends a word ("...@okaxis-" / "PUNB0001234-..."
 * was wrapped at the hyphen), nor where a token too long for the column
 * was cut (the line above runs to the column's edge and its last word and
 * the next line's first word together exceed the column's width); a space
 * otherwise (wrapped at a space, including after a free-standing " - "). */
struct wrapgeo {
    float prev_x1, prev_lastw; /* line above: right edge, width of its last word */
    bool prev_multi;           /* line above had several words */
    float next_firstw;         /* this line: width of its first word */
    float col_left, col_right; /* extent of the column's text over the table */
    float size;
};

static bool is_alpha(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static bool is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

/* Letters on both sides, or a switch between letters and digits
 * ("2024" / "to"): more likely two words than one token cut in two. */
static bool is_alnum_change(char a, char b)
{
    return (is_alpha(a) || is_digit(a)) && (is_alpha(b) || is_digit(b)) && !(is_digit(a) && is_digit(b));
}

/* ---------- the document's words ---------- */

/* Every alphanumeric run of the layout's words, lower case, as a set of
 * hashes: a token cut at a column's edge is told from two words wrapped
 * by the whole token appearing elsewhere in the document (a name or a
 * reference printed uncut in another row or column). Built on first use. */
struct vocab {
    uint64_t *slot;  /* open addressing, 0 = empty */
    uint32_t *count; /* how many times each run is printed */
    size_t cap;
    bool built, failed;
};

static uint64_t run_hash(const char *a, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)a[i];
        h = (h ^ (ch >= 'A' && ch <= 'Z' ? ch + 32 : ch)) * 1099511628211ULL;
    }
    return h ? h : 1;
}

static bool is_alnum(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

static void vocab_add(struct vocab *v, uint64_t h)
{
    size_t i = h & (v->cap - 1);
    while (v->slot[i] && v->slot[i] != h)
        i = (i + 1) & (v->cap - 1);
    v->slot[i] = h;
    v->count[i]++;
}

static uint32_t vocab_count(const struct vocab *v, uint64_t h)
{
    for (size_t i = h & (v->cap - 1); v->slot[i]; i = (i + 1) & (v->cap - 1))
        if (v->slot[i] == h)
            return v->count[i];
    return 0;
}

/* A run of letters and then only digits ("merchant7268", "venkatesh30":
 * a VPA's or a merchant's id): *letters = how many letters. */
static bool glued_to_digits(const char *run, size_t n, size_t *letters)
{
    size_t k = 0;
    while (k < n && is_alpha(run[k]))
        k++;
    *letters = k;
    if (k < 2 || k == n)
        return false;
    for (size_t i = k; i < n; i++)
        if (!is_digit(run[i]))
            return false;
    return true;
}

/* The key of a run of letters printed glued to digits, apart from the
 * key of the same letters printed as a run of their own. */
static uint64_t glued_hash(const char *a, size_t n)
{
    uint64_t h = run_hash(a, n) ^ 0x9E3779B97F4A7C15ULL;
    return h ? h : 1;
}

/* The key of an id's shape: as many letters then as many digits (ids of
 * one scheme share it: a UTR's five letters and eleven digits). */
static uint64_t shape_hash(size_t letters, size_t digits)
{
    uint64_t h = (((uint64_t)letters << 32) | digits) * 0xC2B2AE3D27D4EB4FULL ^ 0x165667B19E3779F9ULL;
    return h ? h : 1;
}

static bool vocab_build(struct vocab *v, const struct layout *l)
{
    if (v->built || v->failed)
        return v->built;
    v->cap = 64;
    while (v->cap < 4 * l->nwords + 64)
        v->cap *= 2;
    v->slot = calloc(v->cap, sizeof *v->slot);
    v->count = calloc(v->cap, sizeof *v->count);
    if (!v->slot || !v->count) {
        v->failed = true;
        return false;
    }
    for (size_t w = 0; w < l->nwords; w++) {
        const char *t = word_text(l, &l->words[w]);
        for (size_t a = 0; t[a];) {
            size_t b = a, letters;
            while (is_alnum(t[b]))
                b++;
            if (b - a >= 2)
                vocab_add(v, run_hash(t + a, b - a));
            if (glued_to_digits(t + a, b - a, &letters)) {
                vocab_add(v, glued_hash(t + a, letters));
                vocab_add(v, shape_hash(letters, b - a - letters));
            }
            a = b > a ? b : a + 1;
        }
    }
    return v->built = true;
}

/* The alphanumeric run across the break, prev's end + next's start, is a
 * word of the document. */
static bool cut_word_seen(struct vocab *v, const struct layout *l, const char *prev, const char *next)
{
    size_t n = strlen(prev), a = n, b = 0;
    while (a > 0 && is_alnum(prev[a - 1]))
        a--;
    while (is_alnum(next[b]))
        b++;
    if (a == n || !b || n - a + b < 3 || n - a + b > 60 || !vocab_build(v, l))
        return false;
    char joined[64];
    memcpy(joined, prev + a, n - a);
    memcpy(joined + (n - a), next, b);
    return vocab_count(v, run_hash(joined, n - a + b)) > 0;
}

/* The alphanumeric runs either side of a break: prev's last (*a = its
 * start) and next's first (*b = its length). */
static void runs_at_break(const char *prev, const char *next, size_t *a, size_t *b)
{
    size_t n = strlen(prev);
    *a = n, *b = 0;
    while (*a > 0 && is_alnum(prev[*a - 1]))
        (*a)--;
    while (is_alnum(next[*b]))
        (*b)++;
}

/* The average width of a character of next's first word, as wide as its
 * first character give or take a letter's shape. */
static float first_char_width(const char *next, float firstw)
{
    int chars = 0;
    for (const char *p = next; *p && *p != ' '; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    return chars ? firstw / (float)chars : 0;
}

/* How two wrapped pieces join. JOIN_PIECE: perhaps a cut inside a word
 * (a space until pieces_decide says otherwise); JOIN_CUT_LETTERS: a cut
 * between letters the document confirms (the producer cuts inside words). */
enum join { JOIN_SPACE, JOIN_NONE, JOIN_CUT_LETTERS, JOIN_PIECE };

static enum join join_kind(const char *prev, const char *next, const struct wrapgeo *g, struct vocab *v,
                          const struct layout *l)
{
    size_t n = prev ? strlen(prev) : 0;
    if (!n)
        return JOIN_NONE;
    if (strchr("-/@_*", prev[n - 1]) && n >= 2 && prev[n - 2] != ' ')
        return JOIN_NONE;
    if (!g)
        return JOIN_SPACE;
    /* a line starting with '@' and a name ("@BOB/Pay") after one ending in
     * a letter or digit, that would not have fitted beside it: a VPA cut
     * before its '@' ("merchant3147" / "@BOB"), as the producer breaks a
     * long token at punctuation; no narration puts a space there */
    if (next[0] == '@' && is_alnum(next[1]) && is_alnum(prev[n - 1]) &&
        g->prev_x1 + g->next_firstw > g->col_right)
        return JOIN_NONE;
    /* a token longer than the column is cut where it meets the edge: the
     * line above ends near the edge with a long token that, with the next
     * line's first one, would not fit the column */
    float width = g->col_right - g->col_left;
    bool long_token = g->prev_lastw > 0.5f * width && g->prev_lastw + g->next_firstw > width;
    if (!long_token || g->prev_x1 < g->col_right - 1.5f * g->size)
        return JOIN_SPACE;
    /* the whole token is printed elsewhere in the document ("IMR" / "AN"
     * where "IMRAN" appears in other rows), or the break falls inside a
     * number, or the line continues with punctuation no narration puts
     * after a space */
    bool digits = is_digit(prev[n - 1]) && is_digit(next[0]);
    if (cut_word_seen(v, l, prev, next))
        return is_alpha(prev[n - 1]) && is_alpha(next[0]) ? JOIN_CUT_LETTERS : JOIN_NONE;
    if (digits || (strchr("@/_*", next[0]) && is_alnum(prev[n - 1])))
        return JOIN_NONE;
    /* a line holding only a piece of a token, ending closer to the edge
     * than the width of the next line's first character (a wrap at a space
     * leaves that much room only when the next word is longer), letters
     * or digits either side: decided once the whole document is read
     * (pieces_decide) */
    if (!g->prev_multi && g->col_right - g->prev_x1 < first_char_width(next, g->next_firstw) &&
        is_alnum(prev[n - 1]) && is_alnum(next[0]))
        return JOIN_PIECE;
    /* otherwise a cut inside letters looks exactly like a wrap between two
     * words ("UNION" / "BANK"), which is far more common: only cuts right at
     * the edge touching digits or punctuation join without a space */
    if (g->prev_x1 >= g->col_right - 0.6f * g->size && !is_alnum_change(prev[n - 1], next[0]))
        return JOIN_NONE;
    return JOIN_SPACE;
}

/* Breaks that may be cuts inside a word (JOIN_PIECE), a space put
 * between their pieces: row and byte offset of the space in its note,
 * and the runs either side. */
#define MAX_PIECES 4096
struct pieces {
    struct piece {
        size_t row, at;
        uint64_t tail, head, joined; /* run_hash of prev's last run, next's first, both */
        size_t tail_len, head_len;
        char run[64];     /* prev's last run and next's first, joined */
        char letters[40]; /* the letters ending prev's last run, then those starting next's */
        size_t tail_letters, head_letters;
        bool join;
    } *p;
    size_t n, cap;
    bool cuts_letters;
};

static int pieces_note(struct pieces *ps, size_t row, const char *prev, const char *next)
{
    size_t a, b, n = strlen(prev);
    runs_at_break(prev, next, &a, &b);
    if (n - a + b > 60 || ps->n >= MAX_PIECES)
        return 0; /* stays a space */
    if (ps->n == ps->cap) {
        size_t cap = ps->cap ? 2 * ps->cap : 16;
        struct piece *p = realloc(ps->p, cap * sizeof *p);
        if (!p)
            return -1;
        ps->p = p, ps->cap = cap;
    }
    char joined[64];
    memcpy(joined, prev + a, n - a);
    memcpy(joined + (n - a), next, b);
    struct piece *p = &ps->p[ps->n++];
    *p = (struct piece){row, n, run_hash(prev + a, n - a), run_hash(next, b), run_hash(joined, n - a + b), n - a, b,
                        "", "", 0, 0, false};
    memcpy(p->run, joined, n - a + b);
    p->run[n - a + b] = '\0';
    size_t tl = 0, hl = 0;
    while (tl < n - a && is_alpha(prev[n - 1 - tl]))
        tl++;
    while (hl < b && is_alpha(next[hl]))
        hl++;
    if (tl + hl < sizeof p->letters) {
        memcpy(p->letters, prev + n - tl, tl);
        memcpy(p->letters + tl, next, hl);
        p->letters[tl + hl] = '\0';
        p->tail_letters = tl, p->head_letters = hl;
    }
    return 0;
}

/* How often run h is printed as a word, not as a piece at a break. */
static long word_count(const struct pieces *ps, const struct vocab *v, uint64_t h)
{
    long k = vocab_count(v, h);
    for (size_t j = 0; j < ps->n; j++)
        k -= (ps->p[j].tail == h) + (ps->p[j].head == h);
    return k;
}

/* Letters a[0..n) are a word: one the reader knows (its tables' words,
 * known_words.h) or one the document prints as a run of its own. */
static bool is_word(const struct pieces *ps, const struct vocab *v, const char *a, size_t n)
{
    return ocr_vocab_has(known_words(), a, n) || (n >= 2 && word_count(ps, v, run_hash(a, n)) > 0);
}

/* The letters either side of the break make a word while those before it
 * are none ("DECATHL" / "ON", "RELIANC" / "E", "venkates" / "h63@ybl"
 * where the document prints VENKATESH): a cut inside that word. Two words
 * wrapped leave a word before the break ("FUNDS" / "INSUFFICIENT", "Pay"
 * / "to"); a name no table knows and the document prints once is
 * seldom, with the next line's first letters, a word. */
static bool letters_make_a_word(const struct pieces *ps, const struct vocab *v, const struct piece *p)
{
    size_t tl = p->tail_letters, hl = p->head_letters;
    return tl && hl && tl + hl >= 4 && is_word(ps, v, p->letters, tl + hl) && !is_word(ps, v, p->letters, tl);
}

/* The run across the break is letters then digits, cut among its letters
 * or where its digits start ("merchant" / "2715@KOTAK", "SBI" /
 * "NN62003590071"), and the document prints those letters glued to digits
 * in other runs ("merchant7268@PNB", "SBINN61234567890"): an id cut at
 * the edge, not a word before a number or a code. */
static bool letters_glued_to_digits(const struct vocab *v, const struct piece *p)
{
    size_t k;
    return p->tail_letters == p->tail_len && glued_to_digits(p->run, strlen(p->run), &k) && p->tail_len <= k &&
           vocab_count(v, glued_hash(p->run, k)) > 0;
}

/* The shape of the run after piece p's break, when it is letters then
 * digits (*letters, *digits); false otherwise. */
static bool head_shape(const struct piece *p, size_t *letters, size_t *digits)
{
    const char *h = p->run + p->tail_len;
    size_t k = 0;
    while (k < p->head_len && is_alpha(h[k]))
        k++;
    for (size_t i = k; i < p->head_len; i++)
        if (!is_digit(h[i]))
            return false;
    *letters = k, *digits = p->head_len - k;
    return *digits > 0;
}

/* The run across the break is letters then six digits or more, cut among
 * its letters, in the shape of ids the document prints whole (as many
 * letters, as many digits: "UTIBN52760499391"), while the run after the
 * break has a shape it prints nowhere but after breaks ("SB" /
 * "INN44200232116"): an id cut at the edge, though the letters before
 * the cut are a word the document prints. */
static bool id_shape_printed(const struct pieces *ps, const struct vocab *v, const struct piece *p)
{
    size_t k, hl, hd, ol, od;
    size_t n = strlen(p->run);
    if (p->tail_letters != p->tail_len || !glued_to_digits(p->run, n, &k) || p->tail_len >= k || n - k < 6 ||
        !head_shape(p, &hl, &hd) || vocab_count(v, shape_hash(k, n - k)) == 0)
        return false;
    long elsewhere = vocab_count(v, shape_hash(hl, hd));
    for (size_t j = 0; j < ps->n; j++)
        elsewhere -= head_shape(&ps->p[j], &ol, &od) && ol == hl && od == hd && ol >= 2;
    return elsewhere <= 0;
}

/* Run a[0..n) (hash h) is printed as a word of the document: as a run of
 * its own, or its letters as an id's ("venkatesh41@oksbi" where a row
 * wraps "VENKATESH" / "CHATTERJEE": a UPI handle is made of the payee's
 * name, so the letters are a name, no piece of a longer token). */
static bool printed_as_word(const struct pieces *ps, const struct vocab *v, uint64_t h, const char *a, size_t n)
{
    size_t k = 0;
    while (k < n && is_alpha(a[k]))
        k++;
    return word_count(ps, v, h) > 0 || (k == n && n >= 3 && vocab_count(v, glued_hash(a, n)) > 0);
}

/* Which breaks are cuts inside a word: the same whole token from pieces
 * cut at two different places ("BLU" / "E" and "BL" / "UE": words wrap
 * at their own ends, always the same); or, in a document whose producer
 * cuts inside words (another such cut or a confirmed one), pieces of two
 * characters or more that the document prints nowhere as words ("ZENI" /
 * "TH": a statement repeats its words, "Pay" / "to", a payee, a branch). */
static void pieces_decide(struct pieces *ps, struct vocab *v, const struct layout *l)
{
    for (size_t i = 0; i < ps->n; i++)
        for (size_t j = i + 1; j < ps->n; j++)
            if (ps->p[i].joined == ps->p[j].joined && ps->p[i].tail_len != ps->p[j].tail_len) {
                ps->p[i].join = ps->p[j].join = true;
                ps->cuts_letters = true;
            }
    if (ps->n && vocab_build(v, l)) {
        for (size_t i = 0; i < ps->n; i++)
            ps->p[i].join |= letters_make_a_word(ps, v, &ps->p[i]);
        /* an id rejoined ("venkates" / "h63@ybl": venkatesh63) shows its
         * letters glued to digits as well as one printed whole */
        for (size_t i = 0, k; i < ps->n; i++)
            if (ps->p[i].join && glued_to_digits(ps->p[i].run, strlen(ps->p[i].run), &k))
                vocab_add(v, glued_hash(ps->p[i].run, k));
        for (size_t i = 0; i < ps->n; i++)
            ps->p[i].join |= letters_glued_to_digits(v, &ps->p[i]) || id_shape_printed(ps, v, &ps->p[i]);
    }
    if (!ps->cuts_letters || !ps->n || !vocab_build(v, l))
        return;
    for (size_t i = 0; i < ps->n; i++) {
        struct piece *p = &ps->p[i];
        p->join |= ((p->tail_len >= 2 && p->head_len >= 2) || (p->tail_len >= 3 && p->head_len == 1) ||
                    (p->tail_len == 1 && p->head_len >= 3)) &&
                   !printed_as_word(ps, v, p->tail, p->run, p->tail_len) &&
                   !printed_as_word(ps, v, p->head, p->run + p->tail_len, p->head_len);
    }
}

/* The later spaces of a row first, so the earlier offsets hold. */
static void pieces_join(struct pieces *ps, struct table_row *rows)
{
    for (size_t i = ps->n; i-- > 0;) {
        if (!ps->p[i].join)
            continue;
        char *note = rows[ps->p[i].row].note, *sp = note + ps->p[i].at;
        if (*sp == ' ')
            memmove(sp, sp + 1, strlen(sp + 1) + 1);
    }
}

struct rowtext {
    float last_x1, last_w; /* the row's previous narration line: right edge, last word width */
    bool last_multi;
    char datebits[56]; /* pieces of a bracketed value date wrapped under the date */
    bool ref_under;    /* its narration's label has a reference's stacked under it (header.h) */
    int lines;         /* narration lines so far */
    enum join last_join; /* how the last one joined the one before */
    char last[CELL_MAX]; /* the last one's text */
};

/* A cheque or reference number alone on a line: one word of four
 * characters or more, half of them digits at least, no '/' (a UPI
 * narration's pieces have them). */
static bool ref_like(const char *s)
{
    size_t n = strlen(s), digits = 0;
    if (n < 4 || strpbrk(s, " /"))
        return false;
    for (size_t i = 0; i < n; i++)
        digits += is_digit(s[i]);
    return digits * 2 >= n;
}

/* A row's cheque or reference number printed on its narration cell's
 * last line, the reference's label stacked under the narration's: that
 * line, a word of its own (joined by a space: not a long word's cut
 * piece) looking like a reference, is the reference, not narration. */
static int ref_from_last_line(struct table_row *tr, const struct rowtext *rt)
{
    if (!rt->ref_under || rt->lines < 2 || rt->last_join != JOIN_SPACE || tr->ref || !tr->note || !ref_like(rt->last))
        return 0;
    size_t n = strlen(tr->note), k = strlen(rt->last);
    if (n <= k || strcmp(tr->note + n - k, rt->last) || tr->note[n - k - 1] != ' ')
        return 0;
    if (!(tr->ref = strdup(rt->last)))
        return -1;
    tr->note[n - k - 1] = 0;
    return 0;
}

/* Extent of the narration text over the rows of one table layout. */
static void narr_extent(struct table_lines *c, const struct header *h, struct cells *cs, int narr, float *left, float *right)
{
    *left = INFINITY, *right = -INFINITY;
    for (size_t i = 0; i < c->ndl; i++) {
        if (c->hdr[i] != h || c->info[i].row < 0)
            continue;
        cells_split(c->l, &c->l->lines[c->dl[i]], h, cs);
        if (!cs->c[narr][0])
            continue;
        if (cs->x1[narr] <= h->cols[narr].right + 1) /* text overflowing the column is no guide to its width */
            *right = fmaxf(*right, cs->x1[narr]);
        *left = fminf(*left, cs->x0[narr]);
    }
}

int table_collect_text(struct table_lines *c)
{
    struct cells *cs = malloc(sizeof *cs);
    struct rowtext *rt = calloc(c->out->nrows + 1, sizeof *rt);
    const struct header *seen[8] = {0};
    float right[8] = {0}, left[8] = {0};
    int nseen = 0, rc = -1;
    struct vocab voc = {0};
    struct pieces pieces = {0};
    if (!cs || !rt)
        goto out;
    for (size_t i = 0; i < c->ndl; i++) {
        int row = c->info[i].row;
        enum lkind kind = c->info[i].kind;
        if (kind == LK_OPEN || kind == LK_CLOSE || kind == LK_SKIP) /* the table's own lines, not the page's */
            c->out->line_use[c->dl[i]] = LINE_TABLE;
        if (row < 0)
            continue;
        const struct header *h = c->hdr[i];
        struct colmap m = lines_map_columns(h);
        int k = 0;
        while (k < nseen && seen[k] != h)
            k++;
        if (k == nseen && nseen < 8 && m.narr >= 0) {
            seen[nseen] = h;
            narr_extent(c, h, cs, m.narr, &left[nseen], &right[nseen]);
            nseen++;
        }
        const struct line *ln = &c->l->lines[c->dl[i]];
        cells_split(c->l, ln, h, cs);
        struct table_row *tr = &c->out->rows[row];
        if (m.narr >= 0 && cs->c[m.narr][0]) {
            struct wrapgeo g = {rt[row].last_x1, rt[row].last_w, rt[row].last_multi, cs->firstw[m.narr],
                                k < nseen ? left[k] : 0, k < nseen ? right[k] : INFINITY, ln->size};
            enum join j = join_kind(tr->note, cs->c[m.narr], &g, &voc, c->l);
            pieces.cuts_letters |= j == JOIN_CUT_LETTERS;
            if (j == JOIN_PIECE && pieces_note(&pieces, (size_t)row, tr->note, cs->c[m.narr]) < 0)
                goto out;
            if (append_text(&tr->note, cs->c[m.narr], j == JOIN_SPACE || j == JOIN_PIECE ? " " : "") < 0)
                goto out;
            rt[row].ref_under = h->cols[m.narr].ref_under;
            rt[row].last_join = rt[row].lines++ ? j : JOIN_NONE;
            snprintf(rt[row].last, sizeof rt[row].last, "%s", cs->c[m.narr]);
            rt[row].last_x1 = cs->x1[m.narr];
            rt[row].last_w = cs->lastw[m.narr];
            rt[row].last_multi = cs->multi[m.narr];
        }
        if (m.ref >= 0 &&
            append_text(&tr->ref, cs->c[m.ref], join_kind(tr->ref, cs->c[m.ref], NULL, &voc, c->l) == JOIN_NONE ? "" : " ") < 0)
            goto out;
        /* a value date printed under the date, on a wrapped line or on the
         * line holding the amounts */
        bool under = kind == LK_CONT || kind == LK_AMOUNT;
        if (under && c->info[i].value_date != PB_NO_DAY && tr->value_date == PB_NO_DAY)
            tr->value_date = c->info[i].value_date;
        if (under && c->info[i].datebit[0]) {
            size_t used = strlen(rt[row].datebits);
            /* "(01/10/" over "2024)"; "(01.05.202" over "3)", cut inside the year */
            char last = used ? rt[row].datebits[used - 1] : 0;
            bool glued = used && (strchr("/-.", last) || (is_digit(last) && is_digit(c->info[i].datebit[0])));
            snprintf(rt[row].datebits + used, sizeof rt[row].datebits - used, "%s%s", used && !glued ? " " : "",
                     c->info[i].datebit);
        }
        c->out->line_use[c->dl[i]] = LINE_TABLE;
    }
    pieces_decide(&pieces, &voc, c->l);
    pieces_join(&pieces, c->out->rows);
    for (size_t i = 0; i < c->out->nrows; i++) {
        struct table_row *tr = &c->out->rows[i];
        if (ref_from_last_line(tr, &rt[i]) < 0)
            goto out;
        size_t n = strlen(rt[i].datebits);
        pb_day vd;
        if (tr->value_date == PB_NO_DAY && n > 2 && rt[i].datebits[0] == '(' && rt[i].datebits[n - 1] == ')' &&
            token_parse_date(rt[i].datebits + 1, n - 2, &vd))
            tr->value_date = vd; /* "(01 June" over "2024)" */
        if (!tr->note && !(tr->note = calloc(1, 1)))
            goto out;
        token_squash(tr->note);
        if (tr->ref) {
            token_squash(tr->ref);
            if (!tr->ref[0] || !strcmp(tr->ref, "-")) {
                free(tr->ref);
                tr->ref = NULL;
            }
        }
    }
    rc = 0;
out:
    free(voc.slot);
    free(voc.count);
    free(pieces.p);
    free(cs);
    free(rt);
    return rc;
}

/* ---------- narrations lost ---------- */

/* A word of three letters or more: text, not a code or a figure. */
static bool has_word(const struct layout *l, const struct line *ln)
{
    for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
        int run = 0;
        for (const char *p = word_text(l, &l->words[w]); *p && run < 3; p++)
            run = is_alpha(*p) ? run + 1 : 0;
        if (run >= 3)
            return true;
    }
    return false;
}

/* Lines of words between two rows of one page that no row took: the
 * table's noise, printed where narrations are. */
static size_t text_between_rows(const struct table_lines *c)
{
    size_t n = 0, pending = 0;
    int page = -1;
    for (size_t i = 0; i < c->ndl; i++) {
        const struct line *ln = &c->l->lines[c->dl[i]];
        if (ln->page != page)
            page = -1, pending = 0; /* lines after a page's last row do not count */
        if (c->info[i].row >= 0) {
            n += page >= 0 ? pending : 0;
            page = ln->page;
            pending = 0;
        } else if (page >= 0 && c->info[i].kind == LK_NOISE && has_word(c->l, ln)) {
            pending++;
        }
    }
    return n;
}

/* See table_parts.h. */
void table_narration_unread(struct table_lines *c)
{
    struct table_result *t = c->out;
    bool any = false;
    for (size_t i = 0; i < t->nrows && !any; i++)
        any = !t->rows[i].marker && t->rows[i].note && t->rows[i].note[0];
    size_t lost = any ? 0 : text_between_rows(c);
    t->narration_unread = lost >= 2 && 2 * lost >= t->nrows;
}
