/* Header rows. See header.h. Words are cut into lower-case alphanumeric
 * tokens; a label on a lower header line joins the label above it that it
 * overlaps most; phrases are matched greedily, longest first, across small
 * gaps only; adjacent pieces with the same role merge. Roles the labels
 * leave open are read from the cells below (header_roles.c). */
#include "extract/header.h"
#include "extract/header_parts.h"

#include "extract/token.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_HDR_TOKENS 96

static bool isalnum_ascii(char ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

struct htok {
    char t[24];
    float x0, x1, size;
    int line, word, cluster;
    int col; /* the header column it labels, -1 none */
};

static int uf_find(int *p, int i)
{
    while (p[i] != i)
        i = p[i] = p[p[i]];
    return i;
}

/* Does s hold a letter of an Indian script (U+0900-U+0DFF: Devanagari to
 * Sinhala)? Its UTF-8 lead byte is 0xE0 followed by 0xA4-0xB7. */
static bool indic_word(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (p[0] == 0xE0 && p[1] >= 0xA4 && p[1] <= 0xB7)
            return true;
    return false;
}

/* A label that is a sign alone in brackets, "(-)" or "(+)" (the minus
 * perhaps U+2212): "minus" or "plus", else NULL. */
static const char *sign_label(const char *s)
{
    if (!strcmp(s, "(-)") || !strcmp(s, "(\xe2\x88\x92)"))
        return "minus";
    return strcmp(s, "(+)") ? NULL : "plus";
}

static int tokens_of_lines(const struct layout *l, size_t i, size_t k, struct htok *t)
{
    int n = 0;
    for (size_t li = i; li < i + k; li++) {
        const struct line *ln = &l->lines[li];
        bool after_indic = false;
        for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
            const struct word *wd = &l->words[w];
            const char *s = word_text(l, wd);
            size_t L = strlen(s), a = 0;
            int before = n;
            while (a < L && n < MAX_HDR_TOKENS) {
                while (a < L && !isalnum_ascii(s[a]))
                    a++;
                size_t b = a;
                while (b < L && isalnum_ascii(s[b]))
                    b++;
                if (b > a) {
                    struct htok *h = &t[n++];
                    size_t m = b - a < 23 ? b - a : 23;
                    for (size_t c = 0; c < m; c++)
                        h->t[c] = (char)((s[a + c] >= 'A' && s[a + c] <= 'Z') ? s[a + c] + 32 : s[a + c]);
                    h->t[m] = 0;
                    profile_header_stem(h->t);
                    float wdth = wd->x1 - wd->x0;
                    h->x0 = wd->x0 + wdth * (float)a / (float)L;
                    h->x1 = wd->x0 + wdth * (float)b / (float)L;
                    h->size = wd->size > 0 ? wd->size : 8;
                    h->line = (int)(li - i);
                    h->word = (int)w;
                    h->col = -1;
                }
                a = b;
            }
            if (n == before && n < MAX_HDR_TOKENS && !strcmp(s, "#")) { /* "#" heads serial numbers */
                t[n] = (struct htok){"hash", wd->x0, wd->x1, wd->size > 0 ? wd->size : 8, (int)(li - i), (int)w, 0, -1};
                n++;
            }
            /* "(-)" and "(+)" head the amounts by their sign alone: the words
             * "minus" and "plus" for the phrases */
            const char *sign = sign_label(s);
            if (n == before && n < MAX_HDR_TOKENS && sign) {
                t[n] = (struct htok){"", wd->x0, wd->x1, wd->size > 0 ? wd->size : 8, (int)(li - i), (int)w, 0, -1};
                snprintf(t[n].t, sizeof t[n].t, "%s", sign);
                n++;
            }
            /* a word's punctuation ("Sl." "(Dr)") belongs to its outer tokens */
            if (n > before) {
                t[before].x0 = wd->x0;
                t[n - 1].x1 = wd->x1;
            }
            /* punctuation between words ("Dr / Cr") bridges its neighbours;
             * a word of an Indian script does not, nor the punctuation after
             * it: bilingual labels ("नामे / Debit  जमा / Credit") */
            bool indic = indic_word(s);
            if (n == before && n > 0 && t[n - 1].line == (int)(li - i) && !indic && !after_indic)
                t[n - 1].x1 = fmaxf(t[n - 1].x1, wd->x1);
            after_indic = n == before && (indic || after_indic);
        }
    }
    return n;
}

/* The phrase on a line above the lower-line phrase starting at token a
 * that it overlaps most (a fair part of the shorter of the two), or -1. */
static int phrase_above(const struct htok *t, int n, const int *phrase, const float *px0, const float *px1, int a)
{
    int P = phrase[a], bestq = -1;
    float best = 0;
    for (int b = 0; b < n; b++) {
        if (t[b].line >= t[a].line || (b > 0 && phrase[b - 1] == phrase[b]))
            continue;
        int Q = phrase[b];
        float ov = fminf(px1[P], px1[Q]) - fmaxf(px0[P], px0[Q]);
        if (ov > best && ov > 0.2f * fminf(px1[P] - px0[P], px1[Q] - px0[Q])) {
            best = ov;
            bestq = Q;
        }
    }
    return bestq;
}

/* The lower-line phrase starting at token a lies under phrase Q above; a
 * word of it starting wholly right of Q that begins a label's phrase of
 * its own ("Credits (Rs)" a space after "Debited" under "Amount") is
 * another label when the words before it lie under most of Q (Q is their
 * label, not one spanning several columns' labels: "Amount (INR)" over
 * "Debits (Rs)" and "Cr. Amount"): it and the words after it become a
 * phrase of their own (*np phrases so far), no part of Q's label. */
static void split_beyond(const struct htok *t, int n, int *phrase, float *px0, float *px1, int a, int Q, int *np)
{
    int P = phrase[a];
    for (int b = a + 1; b < n && phrase[b] == P; b++) {
        size_t nph;
        float under = fminf(t[b - 1].x1, px1[Q]) - fmaxf(px0[P], px0[Q]);
        if (t[b].word == t[b - 1].word || t[b].x0 < px1[Q] || 2 * under < px1[Q] - px0[Q] ||
            !profile_phrases_from(PHRASE_HEADER, t[b].t, &nph))
            continue;
        int tail = (*np)++;
        px0[tail] = t[b].x0;
        px1[tail] = px1[P];
        px1[P] = t[b - 1].x1;
        for (int c = b; c < n && phrase[c] == P; c++)
            phrase[c] = tail;
        return;
    }
}

/* Tokens of one word form one cluster. A label on a lower header line
 * ("Amount (INR )" under "Deposit") joins the label above it that it
 * overlaps most, at the token nearest its centre; its own words stay
 * together, but for a label of their own a space after them
 * (split_beyond). Clusters are then read left to right. */
static void cluster_tokens(struct htok *t, int n)
{
    int p[MAX_HDR_TOKENS], phrase[MAX_HDR_TOKENS];
    float px0[MAX_HDR_TOKENS], px1[MAX_HDR_TOKENS];
    for (int a = 0; a < n; a++)
        p[a] = a;
    /* phrases: runs of words on one line separated by about a space */
    int np = 0;
    for (int a = 0; a < n; a++) {
        bool cont = a > 0 && t[a].line == t[a - 1].line &&
                    (t[a].word == t[a - 1].word || t[a].x0 - t[a - 1].x1 < 0.6f * t[a].size);
        if (!cont) {
            px0[np] = t[a].x0;
            px1[np] = t[a].x1;
            np++;
        }
        phrase[a] = np - 1;
        px1[np - 1] = fmaxf(px1[np - 1], t[a].x1);
        if (a > 0 && t[a].word == t[a - 1].word)
            p[uf_find(p, a)] = uf_find(p, a - 1);
    }
    for (int a = 0; a < n; a++) {
        if (t[a].line == 0 || (a > 0 && phrase[a - 1] == phrase[a]))
            continue; /* first token of each lower-line phrase */
        int P = phrase[a], bestq = phrase_above(t, n, phrase, px0, px1, a);
        if (bestq < 0)
            continue;
        split_beyond(t, n, phrase, px0, px1, a, bestq, &np);
        float mid = (px0[P] + px1[P]) / 2, dist = INFINITY;
        int near = -1;
        for (int b = 0; b < n; b++) {
            if (phrase[b] != bestq)
                continue;
            float d = mid < t[b].x0 ? t[b].x0 - mid : mid > t[b].x1 ? mid - t[b].x1 : 0;
            if (d < dist)
                dist = d, near = b;
        }
        for (int b = a; b < n && phrase[b] == P; b++)
            p[uf_find(p, b)] = uf_find(p, a);
        if (near >= 0)
            p[uf_find(p, a)] = uf_find(p, near);
    }
    for (int a = 0; a < n; a++)
        t[a].cluster = uf_find(p, a);
}

struct clus {
    float x0, x1;
    int top; /* the topmost line of its tokens */
};

static int cmp_htok(const void *a, const void *b, void *arg)
{
    const struct htok *x = a, *y = b;
    const struct clus *c = arg;
    if (x->cluster != y->cluster) {
        float ax = c[x->cluster].x0, bx = c[y->cluster].x0;
        if (ax != bx)
            return ax < bx ? -1 : 1;
        return x->cluster < y->cluster ? -1 : 1;
    }
    if (x->line != y->line)
        return x->line - y->line;
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* Can a phrase run from token a into token b (the next in order)? Only
 * within a cluster or across a small gap on one line: a stacked label's
 * lower word ("Debited" under "Amount") does not run on into the next
 * label, on the line above or beside it on its own ("Credits", a space
 * after "Debited": no "Debit Credit" label). */
static bool tokens_adjacent(const struct htok *a, const struct htok *b, const struct clus *c)
{
    if (a->cluster == b->cluster)
        return true;
    if (a->line != b->line || a->line > c[a->cluster].top || b->line > c[b->cluster].top)
        return false;
    float gap = c[b->cluster].x0 - c[a->cluster].x1;
    return gap < 1.2f * a->size;
}

/* Labels are runs of words about a space apart. A phrase starting inside
 * a run (a space or less after the word before it) and running on across
 * a wider gap into the next run would take the last word of one label and
 * the first of the next: "Details of Transaction" 0.75 em before
 * "Reference Id" is no "Transaction Reference" (the narration's label
 * would lose its right half, and its cells with it). */
static bool splits_labels(const struct htok *t, int p, int len)
{
    float space = 0.6f * t[p].size;
    if (p == 0 || t[p - 1].line != t[p].line || t[p - 1].word == t[p].word || t[p].x0 - t[p - 1].x1 >= space)
        return false;
    for (int k = p + 1; k < p + len; k++)
        if (t[k].line == t[k - 1].line && t[k].word != t[k - 1].word && t[k].x0 - t[k - 1].x1 >= space)
            return true;
    return false;
}

/* Token k starts a word of its own on the line of the token before it,
 * where a column of cells below starts, or the word before ends where a
 * column of right-aligned cells ends: it begins a label, whatever the gap
 * before it (labels set as close as the words inside them: "Effective
 * Date Txn Description", the narrations starting under "Txn"; "Outflow
 * Cr. Amount", the debits ending under "Outflow"). */
static bool starts_column(const struct htok *t, int k, const struct cell_edges *e)
{
    return k > 0 && t[k].line == t[k - 1].line && t[k].word != t[k - 1].word &&
           (header_edge_at(e, t[k].x0) || header_edge_ends_at(e, t[k - 1].x1));
}

/* Does a phrase of len tokens from p run over the start of a column of
 * cells ("Date Txn" over the value dates' gap and the narrations' edge)? */
static bool crosses_column(const struct htok *t, int p, int len, const struct cell_edges *e)
{
    for (int k = p + 1; k < p + len; k++)
        if (starts_column(t, k, e))
            return true;
    return false;
}

static int match_at(const struct htok *t, int n, int p, const struct clus *c, const struct cell_edges *e, int *len)
{
    size_t np;
    const struct phrase *ph = profile_phrases_from(PHRASE_HEADER, t[p].t, &np);
    int best = 0, role = 0;
    for (size_t i = 0; i < np; i++) {
        if (ph[i].ntok <= best || p + ph[i].ntok > n)
            continue;
        int k = 0;
        while (k < ph[i].ntok && !strcmp(ph[i].tok[k], t[p + k].t) &&
               (k == 0 || tokens_adjacent(&t[p + k - 1], &t[p + k], c)))
            k++;
        if (k == ph[i].ntok && !splits_labels(t, p, k) && !crosses_column(t, p, k, e)) {
            best = k;
            role = ph[i].role;
        }
    }
    *len = best;
    return role;
}

/* Words that only qualify a label: the currency of a money column
 * ("Debit (INR)", "Balance (in Rs.)"), or its side ("Withdrawal (Dr)",
 * "Amount (Dr/Cr)"). */
static bool is_currency(const char *tok)
{
    static const char *const CUR[] = {"inr", "rs", "in", "rupees"};
    for (size_t i = 0; i < sizeof CUR / sizeof *CUR; i++)
        if (!strcmp(tok, CUR[i]))
            return true;
    return false;
}

static bool is_qualifier(const char *tok, int role)
{
    bool money = role == COL_DEBIT || role == COL_CREDIT || role == COL_AMOUNT || role == COL_BALANCE;
    if (!money)
        return false;
    if (is_currency(tok) || !strcmp(tok, "amt") || !strcmp(tok, "amount"))
        return true;
    bool side = !strcmp(tok, "dr") || !strcmp(tok, "cr");
    return side && role != COL_DEBIT && role != COL_CREDIT ? true : side && ((role == COL_DEBIT) == !strcmp(tok, "dr"));
}

/* A lone "Dr"/"Cr" right after a money label on its line ("Withdrawal
 * (Dr)/" where the bracket set the marker apart): the column of that label,
 * else -1. */
static int qualified_label(const struct htok *t, int p, const struct header *h)
{
    if (strcmp(t[p].t, "dr") && strcmp(t[p].t, "cr"))
        return -1;
    for (int q = 0; q < p; q++) {
        if (t[q].col < 0 || t[q].line != t[p].line)
            continue;
        enum col_role r = h->cols[t[q].col].role;
        float gap = t[p].x0 - t[q].x1;
        if ((r == COL_DEBIT || r == COL_CREDIT || r == COL_AMOUNT || r == COL_BALANCE) && gap > -1 &&
            gap < 1.2f * t[p].size)
            return t[q].col;
    }
    return -1;
}

/* Is token b a word of the narration's label: named by its phrase, or a
 * word no phrase knows a space or less beside such a word on its line
 * ("of" in "Details of Transaction")? */
static bool narration_word(const struct htok *t, int n, int b, const struct header *h)
{
    if (t[b].col >= 0)
        return h->cols[t[b].col].role == COL_NARRATION;
    for (int a = 0; a < n; a++)
        if (a != b && t[a].line == t[b].line && t[a].col >= 0 && h->cols[t[a].col].role == COL_NARRATION &&
            (t[a].x0 > t[b].x0 ? t[a].x0 - t[b].x1 : t[b].x0 - t[a].x1) < 0.61f * t[b].size)
            return true;
    return false;
}

/* Token p starts a reference's label on a lower line stacked under the
 * narration's label from its left edge ('Particulars' over 'Cheque No'): two
 * fields of one cell, the reference printed on the cell's last line. The
 * narration's column, or -1. (A narration printed above the date line
 * starts there too, but names no reference alone: "Cheque deposit CANARA
 * BANK" fails the lower lines' test of header words in match_lines.) */
static int ref_stacked_under_narration(const struct htok *t, int n, int p, const struct header *h)
{
    for (int b = 0; b < p && t[p].line > 0; b++)
        if (t[b].cluster == t[p].cluster && t[b].line < t[p].line && t[b].col >= 0 &&
            h->cols[t[b].col].role == COL_NARRATION && fabsf(t[p].x0 - h->cols[t[b].col].x0) <= 0.5f)
            return t[b].col;
    return -1;
}

/* Token p is on a lower line, stacked under the narration's label on a
 * line above (its cluster's). */
static bool under_narration(const struct htok *t, int n, int p, const struct header *h)
{
    for (int b = 0; b < p && t[p].line > 0; b++)
        if (t[b].cluster == t[p].cluster && t[b].line < t[p].line && narration_word(t, n, b, h))
            return true;
    return false;
}

bool header_line_has_value(const struct layout *l, size_t li)
{
    const struct line *ln = &l->lines[li];
    for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
        const char *s = word_text(l, &l->words[w]);
        int digits = 0;
        for (const char *q = s; *q; q++)
            digits += *q >= '0' && *q <= '9';
        if (digits >= 2)
            return true;
    }
    return false;
}

/* ---------- labels no phrase knows ---------- */

static void widen(struct column *col, const struct htok *a)
{
    col->x0 = fminf(col->x0, a->x0);
    col->x1 = fmaxf(col->x1, a->x1);
}

/* Words the phrases left unmatched. A run of them touching a matched
 * label belongs to it ("Amount" "Debited"): its role is only a guess then,
 * as far as money goes. A run apart is a column of its own, COL_UNKNOWN,
 * its role read from its cells later; on a lower header line only under a
 * label above ("Txn." over "Dt."). Returns whether anything was guessed.
 * Tokens a and b are of one label when stacked so or less than a space
 * apart (space: in em), unless a column of cells starts under b. */
static bool one_label(const struct htok *t, int a, int b, const struct cell_edges *e, float space)
{
    if (t[a].cluster == t[b].cluster)
        return true;
    return t[a].line == t[b].line && t[b].x0 - t[a].x1 < space * t[a].size && !starts_column(t, b, e);
}

/* Words no phrase knows are one label up to a space apart, a monospaced
 * font's too: 0.6 em exactly, as read a hair more ("Nature of Txn": taken
 * for three labels, the narration's first words fell to a column of their
 * own); so are such words before a label a phrase names, qualifying it
 * ("Booking Date", "Effective Date"). After a named label only when closer
 * than a monospaced space: the named label is whole, a word a space after
 * it may begin the next ("Deposits Running Total"). */
#define LABEL_SPACE 0.61f
#define AFTER_NAMED_SPACE 0.6f

/* Tokens p..q-1 only name a currency ("(INR)", "(Rs.)") printed a little
 * apart after a label on their line ("Value (INR)"): they qualify that
 * label and are no column of their own (whose boundary would cut the
 * label's amounts in two). The label's column, or -1. The label is the
 * token before them, or another on their line ("Amount" of "Amount
 * (INR)" over "Dr" and "Cr": the debits' "Dr", stacked under "Amount",
 * is read between them). */
static int currency_label(const struct htok *t, int n, int p, int q)
{
    for (int a = p; a < q; a++)
        if (!is_currency(t[a].t))
            return -1;
    if (p > 0 && t[p - 1].col >= 0 && t[p - 1].line == t[p].line && t[p].x0 - t[p - 1].x1 <= 1.2f * t[p].size)
        return t[p - 1].col;
    for (int b = 0; b < n; b++)
        if (t[b].col >= 0 && t[b].line == t[p].line && t[p].x0 - t[b].x1 > -1 &&
            t[p].x0 - t[b].x1 <= 1.2f * t[p].size)
            return t[b].col;
    return -1;
}

/* Token a is printed under a label on a line above (a stacked label's
 * lower part), not as a label of its own. */
static bool stacked(const struct htok *t, int n, int a)
{
    for (int b = 0; b < n; b++)
        if (t[b].line < t[a].line && t[b].cluster == t[a].cluster)
            return true;
    return false;
}

/* Unnamed words a..b that join the label after them on its line ("LN" a
 * space before "DATE"): where they went, so that cells showing them a
 * column of their own can part them again (header_roles.c). */
static void note_lead(struct column *col, const struct htok *a, const struct htok *b)
{
    col->lead_x0 = a->x0;
    col->lead_x1 = b->x1;
    col->label_x0 = col->x0;
}

/* The same for unnamed words a..b joining the label before them on its
 * line ("Nature of Txn" a space after "Balance"). */
static void note_tail(struct column *col, const struct htok *a, const struct htok *b)
{
    col->tail_x0 = a->x0;
    col->tail_x1 = b->x1;
    col->label_x1 = col->x1;
}

/* Unnamed words p..q-1 on one line, a label on a lower line stacked under
 * them (of their cluster), a named label a space or less beside them on
 * their own line ("Entry" before "Dt", "Particulars" under "Entry"): the
 * column of that label on their line, else -1. They qualify it ("Entry
 * Dt"); the label under them is a column of its own, printed under the
 * first one (header_narration_below). */
static int label_beside_over_stacked(const struct htok *t, int n, int p, int q, const struct cell_edges *e)
{
    if (t[q - 1].line != t[p].line)
        return -1;
    bool over = false;
    for (int a = 0; a < n && !over; a++)
        over = t[a].line > t[p].line && t[a].cluster == t[p].cluster && t[a].col >= 0;
    if (!over)
        return -1;
    for (int a = 0; a < n; a++) {
        if (a == p || t[a].col < 0 || t[a].line != t[p].line)
            continue;
        if ((t[a].x0 >= t[q - 1].x1 && t[a].x0 - t[q - 1].x1 < 0.61f * t[p].size && !header_edge_at(e, t[a].x0)) ||
            (t[a].x1 <= t[p].x0 && t[p].x0 - t[a].x1 < 0.61f * t[p].size && !header_edge_at(e, t[p].x0)))
            return t[a].col;
    }
    return -1;
}

static bool unknown_labels(struct htok *t, int n, const struct cell_edges *e, struct header *h)
{
    bool guessed = false;
    for (int p = 0; p < n;) {
        if (t[p].col >= 0) {
            p++;
            continue;
        }
        int q = p + 1;
        while (q < n && t[q].col < 0 && one_label(t, q - 1, q, e, LABEL_SPACE))
            q++;
        int to = label_beside_over_stacked(t, n, p, q, e), cur = currency_label(t, n, p, q);
        if (to < 0 && p > 0 && t[p - 1].col >= 0 &&
            (one_label(t, p - 1, p, e, AFTER_NAMED_SPACE) || cur == t[p - 1].col)) {
            to = t[p - 1].col;
            if (t[p - 1].cluster != t[p].cluster && t[p - 1].line == t[p].line && t[q - 1].line == t[p].line &&
                cur < 0)
                note_tail(&h->cols[to], &t[p], &t[q - 1]);
        } else if (to < 0 && cur >= 0) {
            to = cur;
        } else if (to < 0 && q < n && t[q].col >= 0 && one_label(t, q - 1, q, e, LABEL_SPACE)) {
            to = t[q].col;
            if (t[p].line == t[q].line && t[q - 1].line == t[q].line)
                note_lead(&h->cols[to], &t[p], &t[q - 1]);
        }
        bool upper = false;
        for (int a = p; a < q; a++)
            upper |= t[a].line == 0;
        for (int a = 0; a < n && !upper; a++) /* stacked under a label above */
            upper = t[a].line < t[p].line && t[a].cluster == t[p].cluster;
        for (int a = 0; a < n && !upper; a++) /* or beside a label standing alone on its line */
            upper = t[a].line == t[p].line && t[a].col >= 0 && !stacked(t, n, a);
        if (to < 0 && upper && h->ncols < TABLE_MAX_COLS) {
            to = h->ncols++;
            h->cols[to] = (struct column){.role = COL_UNKNOWN, .x0 = INFINITY, .x1 = -INFINITY, .unnamed = true};
        }
        if (to >= 0) {
            h->cols[to].guess = true;
            guessed = true;
            for (int a = p; a < q; a++) {
                t[a].col = to;
                widen(&h->cols[to], &t[a]);
            }
        }
        p = q;
    }
    return guessed;
}

/* Token a is a space or less from a word of a label a phrase names, on
 * its line ("Net" before "Balance", "Booking" before "Date"): a word of
 * that label as far as telling a header line from a title goes. A
 * monospaced font's space is 0.6 em exactly, hence the slack. */
static bool beside_named_label(const struct htok *t, int n, int a, const struct header *h)
{
    for (int b = 0; b < n; b++) {
        if (b == a || t[b].line != t[a].line || t[b].col < 0 || h->cols[t[b].col].role == COL_UNKNOWN)
            continue;
        float gap = t[b].x0 > t[a].x0 ? t[b].x0 - t[a].x1 : t[a].x0 - t[b].x1;
        if (gap < 0.61f * t[a].size)
            return true;
    }
    return false;
}

/* The header's words in reading order with the line each is on. */
static uint64_t words_key(const struct htok *t, int n)
{
    uint64_t h = 1469598103934665603ULL;
    for (int a = 0; a < n; a++) {
        for (const char *p = t[a].t; *p; p++)
            h = (h ^ (unsigned char)*p) * 1099511628211ULL;
        h = (h ^ (unsigned char)(' ' + t[a].line)) * 1099511628211ULL;
    }
    return h;
}

/* header_match, where top_read says line i alone was read as a header
 * (header_find_at): its words are a header's whatever share of them a
 * phrase names, so only the lines stacked under it are checked. */
static int match_lines(const struct layout *l, size_t i, size_t k, bool top_read, struct header *h)
{
    struct htok t[MAX_HDR_TOKENS];
    struct clus c[MAX_HDR_TOKENS];
    int n = tokens_of_lines(l, i, k, t);
    if (n < 3)
        return 0;
    cluster_tokens(t, n);
    for (int a = 0; a < n; a++)
        c[a] = (struct clus){INFINITY, -INFINITY, (int)k};
    for (int a = 0; a < n; a++) {
        c[t[a].cluster].x0 = fminf(c[t[a].cluster].x0, t[a].x0);
        c[t[a].cluster].x1 = fmaxf(c[t[a].cluster].x1, t[a].x1);
        c[t[a].cluster].top = t[a].line < c[t[a].cluster].top ? t[a].line : c[t[a].cluster].top;
    }
    qsort_r(t, (size_t)n, sizeof *t, cmp_htok, c);
    if (getenv("PB_TABLE_DEBUG") && !strcmp(getenv("PB_TABLE_DEBUG"), "2")) {
        fprintf(stderr, "header? lines %zu+%zu:", i, k);
        for (int a = 0; a < n; a++)
            fprintf(stderr, " %s(%d,%.0f-%.0f)", t[a].t, t[a].cluster, t[a].x0, t[a].x1);
        fprintf(stderr, "\n");
    }
    struct cell_edges edges;
    header_cell_edges(l, i + k, t[0].size, &edges);
    if (getenv("PB_TABLE_DEBUG") && !strcmp(getenv("PB_TABLE_DEBUG"), "2")) {
        fprintf(stderr, "cell edges:");
        for (int a = 0; a < edges.n; a++)
            fprintf(stderr, " %.1f", edges.x[a]);
        fprintf(stderr, " ends:");
        for (int a = 0; a < edges.nr; a++)
            fprintf(stderr, " %.1f", edges.r[a]);
        fprintf(stderr, "\n");
    }
    memset(h, 0, sizeof *h);
    int matched = 0;
    unsigned roles = 0;
    for (int p = 0; p < n;) {
        int len;
        int role = match_at(t, n, p, c, &edges, &len);
        if (!len) {
            p++;
            continue;
        }
        while (p + len < n && is_qualifier(t[p + len].t, role) && tokens_adjacent(&t[p + len - 1], &t[p + len], c))
            len++;
        /* "(Dr)" printed right after "Withdrawal" (and "(Cr)" under it
         * after "Deposit"): part of those labels, not a Dr/Cr column */
        int own = qualified_label(t, p, h);
        for (int q = p + 1; q < p + len && own >= 0; q++)
            own = qualified_label(t, q, h) == own ? own : -1;
        if (own >= 0) {
            for (int q = p; q < p + len; q++) {
                h->cols[own].x1 = fmaxf(h->cols[own].x1, t[q].x1);
                t[q].word = -1;
                t[q].col = own;
            }
            matched += len;
            p += len;
            continue;
        }
        /* "Amount" over "Credited": one stacked label, its side the role;
         * "Withdrawal (Dr)/" over (or before) "Deposit (Cr)" in one cell:
         * one amount column whose cells carry their direction */
        int into = -1;
        enum col_role prev = p > 0 && t[p - 1].col >= 0 ? h->cols[t[p - 1].col].role : COL_UNKNOWN;
        bool same = p > 0 && t[p - 1].col >= 0 && t[p - 1].cluster == t[p].cluster;
        if (same && (role == COL_DEBIT || role == COL_CREDIT) && prev == COL_AMOUNT) {
            into = t[p - 1].col;
            h->cols[into].role = (enum col_role)role;
        } else if (same && ((role == COL_DEBIT && prev == COL_CREDIT) || (role == COL_CREDIT && prev == COL_DEBIT))) {
            into = t[p - 1].col;
            h->cols[into].role = COL_AMOUNT;
        } else if (role == COL_REF && (into = ref_stacked_under_narration(t, n, p, h)) >= 0) {
            h->cols[into].ref_under = true;
        } else if (role != COL_NARRATION && under_narration(t, n, p, h)) {
            /* a phrase on a lower line stacked under the narration's label
             * naming another column ("Interest credited" under "Transaction
             * Details"): the first row's narration printed above its date
             * line, no header's line */
            h->ncols = 0;
            return 0;
        } else if (h->ncols < TABLE_MAX_COLS) {
            into = h->ncols++;
            h->cols[into].role = (enum col_role)role;
            h->cols[into].x0 = INFINITY;
            h->cols[into].x1 = -INFINITY;
        }
        for (int q = p; q < p + len && into >= 0; q++) {
            h->cols[into].x0 = fminf(h->cols[into].x0, t[q].x0);
            h->cols[into].x1 = fmaxf(h->cols[into].x1, t[q].x1);
        }
        roles |= 1u << role;
        matched += len;
        for (int q = p; q < p + len; q++) {
            t[q].word = -1; /* matched */
            t[q].col = into;
        }
        p += len;
    }
    bool guessed = unknown_labels(t, n, &edges, h);
    /* each stacked line must itself be header words (not the first row's
     * text below, nor a title above): half its words, more than half on a
     * lower line of three words or more (a row's narration above its date,
     * "Cheque deposit CANARA BANK", names two labels in four words; "On" /
     * "Ref" under "Value" / "Instr." is a header line); a top line read
     * as a header alone (its roles from the cells below) is one; a top
     * line of labels mostly no phrase knows ("Txn.  Nature of Txn  Value
     * (INR)  Ledger" over "Dt." and "Balance") is one if the balances
     * below chain under the roles read (as a line alone would be) */
    bool top_unknown = false;
    for (size_t ln = top_read ? 1 : 0; ln < k && k > 1; ln++) {
        int all = 0, hit = 0;
        for (int a = 0; a < n; a++)
            if (t[a].line == (int)ln) {
                all++;
                /* named by a phrase; on the top line also a word of a
                 * label a phrase names in part ("Txn." over "Dt."), by
                 * its words or a space beside them */
                hit += t[a].word == -1 ||
                       (ln == 0 && ((t[a].col >= 0 && h->cols[t[a].col].role != COL_UNKNOWN) ||
                                    beside_named_label(t, n, a, h)));
            }
        if (ln == 0 && all && hit * 2 < all && hit > 0) {
            top_unknown = true;
        } else if (all && (hit * 2 < all || (ln > 0 && all >= 3 && hit * 2 == all))) {
            h->ncols = 0;
            return 0;
        }
    }
    if (top_unknown && !guessed) {
        h->ncols = 0;
        return 0;
    }
    /* left to right */
    for (int a = 1; a < h->ncols; a++)
        for (int b = a; b > 0 && h->cols[b].x0 < h->cols[b - 1].x0; b--) {
            struct column tmp = h->cols[b];
            h->cols[b] = h->cols[b - 1];
            h->cols[b - 1] = tmp;
        }
    if (guessed) {
        /* a label no phrase knows: its role from the cells below, and the
         * words that are known must still be a fair part of the line, in
         * two labels at least ("Account Type : SAVINGS" is no header),
         * unless the balances below chain under the roles read (a header
         * in words of its own over a running balance) */
        int named = 0;
        bool chained;
        for (int a = 0; a < h->ncols; a++)
            named += !h->cols[a].unnamed;
        if (!named || !header_roles_from_cells(l, i + k, t[0].size, h, &chained) ||
            ((top_unknown || named < 2 || matched * 10 < n * 3) && !chained)) {
            h->ncols = 0;
            return 0;
        }
        roles = 0;
        for (int a = 0; a < h->ncols; a++)
            roles |= 1u << h->cols[a].role;
    }
    bool has_date = roles & (1u << COL_DATE | 1u << COL_VALUE_DATE);
    bool has_money = roles & (1u << COL_DEBIT | 1u << COL_CREDIT | 1u << COL_AMOUNT | 1u << COL_BALANCE);
    /* every label known, none a date's, a narration's among them: the
     * dates may be printed in the narration's cell ("Particulars" over the
     * date, the narration under it); the cells tell (header_roles.c) */
    if (!guessed && !has_date && has_money && (roles & 1u << COL_NARRATION)) {
        bool chained;
        if (!header_roles_from_cells(l, i + k, t[0].size, h, &chained)) {
            h->ncols = 0;
            return 0;
        }
        roles = 0;
        for (int a = 0; a < h->ncols; a++)
            roles |= 1u << h->cols[a].role;
        has_date = roles & (1u << COL_DATE | 1u << COL_VALUE_DATE);
    }
    int distinct = __builtin_popcount(roles & ~(1u << COL_OTHER | 1u << COL_UNKNOWN));
    if (distinct < 3 || !has_date || !has_money || (!guessed && matched * 10 < n * 6)) {
        h->ncols = 0;
        return 0;
    }
    /* a "Dr/Cr" or "Debit/Credit" label over the only money column but the
     * balance: the amounts carry their markers ("1,200.00 Dr") */
    if (!(roles & (1u << COL_DEBIT | 1u << COL_CREDIT | 1u << COL_AMOUNT)))
        for (int a = 0; a < h->ncols; a++)
            if (h->cols[a].role == COL_DRCR && !(a > 0 && h->cols[a - 1].role == COL_BALANCE)) {
                h->cols[a].role = COL_AMOUNT;
                break;
            }
    /* pieces of one stacked label ("Ref No./Cheque" over "No.") that
     * matched separately are one column */
    for (int a = 1; a < h->ncols;) {
        struct column *p = &h->cols[a - 1], *q = &h->cols[a];
        /* "Date" over "(Value Date)": one column, the value date printed
         * under the date in the same cell */
        bool date_pair = p->role == COL_DATE && q->role == COL_VALUE_DATE && q->x0 < p->x1;
        /* two balances side by side ("Balance" and "Balance with Sweep":
         * the account's and one with a linked deposit's) are two columns;
         * a balance label's pieces overlap or touch */
        bool two_balances = p->role == COL_BALANCE && q->x0 - p->x1 > 0.6f * t[0].size;
        if (date_pair ||
            (p->role == q->role && q->role != COL_DRCR && !two_balances && q->x0 - p->x1 < 4 * t[0].size)) {
            p->x1 = fmaxf(p->x1, q->x1);
            p->vdate_under = p->vdate_under || date_pair;
            memmove(q, q + 1, (size_t)(h->ncols - a - 1) * sizeof *q);
            h->ncols--;
        } else {
            a++;
        }
    }
    h->first_line = i;
    h->last_line = i + k - 1;
    h->words = words_key(t, n);
    /* the score counts roles of labels the phrases name (if only in part):
     * a reading of unknown labels is never preferred to one that knows */
    unsigned named = 0;
    for (int a = 0; a < h->ncols; a++)
        named |= h->cols[a].unnamed ? 0 : 1u << h->cols[a].role;
    int score = __builtin_popcount(named & ~(1u << COL_OTHER | 1u << COL_UNKNOWN));
    return score > 0 ? score : 1;
}

int header_match(const struct layout *l, size_t i, size_t k, struct header *h)
{
    return match_lines(l, i, k, false, h);
}

/* How many of line i's tokens start a header phrase (counting stops at
 * two). */
static int phrase_starts(const struct layout *l, size_t i)
{
    const struct line *ln = &l->lines[i];
    int starts = 0;
    for (uint32_t w = ln->first; w < ln->first + ln->n && starts < 2; w++) {
        char tok[4][24];
        int nt = profile_tokenize(word_text(l, &l->words[w]), tok, 4);
        for (int k = 0; k < nt; k++) {
            size_t np;
            profile_header_stem(tok[k]);
            profile_phrases_from(PHRASE_HEADER, tok[k], &np);
            starts += np > 0;
        }
    }
    return starts;
}

/* See header_parts.h. */
bool header_may_start(const struct layout *l, size_t i)
{
    return phrase_starts(l, i) >= 2;
}

/* How many of tokens tok[0..n) the header phrases name, matched greedily
 * longest first, with the qualifiers after a money label ("Amount in Rs"). */
static int phrase_tokens(char (*tok)[24], int n)
{
    int hit = 0;
    for (int p = 0; p < n;) {
        size_t np;
        const struct phrase *ph = profile_phrases_from(PHRASE_HEADER, tok[p], &np);
        int len = 0, role = 0;
        for (size_t i = 0; i < np; i++) {
            int k = 0;
            while (k < ph[i].ntok && p + k < n && !strcmp(ph[i].tok[k], tok[p + k]))
                k++;
            if (k == ph[i].ntok && k > len)
                len = k, role = ph[i].role;
        }
        if (!len) {
            p++;
            continue;
        }
        while (p + len < n && is_qualifier(tok[p + len], role))
            len++;
        hit += len;
        p += len;
    }
    return hit;
}

/* See header_parts.h. */
bool header_line_of_labels(const struct layout *l, size_t i)
{
    char tok[MAX_HDR_TOKENS][24];
    int n = 0;
    const struct line *ln = &l->lines[i];
    for (uint32_t w = ln->first; w < ln->first + ln->n && n < MAX_HDR_TOKENS; w++)
        n += profile_tokenize(word_text(l, &l->words[w]), tok + n, MAX_HDR_TOKENS - n);
    for (int k = 0; k < n; k++)
        profile_header_stem(tok[k]);
    return header_may_start(l, i) && !header_line_has_value(l, i) && 2 * phrase_tokens(tok, n) > n;
}

/* A line of labels spread over the page like a table's header (words in
 * four groups or more, set apart by more than two characters' width) with
 * a single known word ("Dated  Summary  Token  Outgo  Income  Balance"): a
 * header only if the balances below it chain (header_match). */
static bool spread_labels(const struct layout *l, size_t i)
{
    const struct line *ln = &l->lines[i];
    int groups = ln->n ? 1 : 0;
    for (uint32_t w = ln->first + 1; w < ln->first + ln->n; w++)
        groups += l->words[w].x0 - l->words[w - 1].x1 > 2 * fmaxf(ln->size, 4);
    return groups >= 4 && phrase_starts(l, i) == 1;
}

/* See header_parts.h. */
bool header_line_of_other_labels(const struct layout *l, size_t i)
{
    const struct line *ln = &l->lines[i];
    int groups = ln->n ? 1 : 0;
    for (uint32_t w = ln->first + 1; w < ln->first + ln->n; w++)
        groups += l->words[w].x0 - l->words[w - 1].x1 > 2 * fmaxf(ln->size, 4);
    return groups >= 4 && header_may_start(l, i) && !header_line_has_value(l, i);
}

/* Header lines are close and in one font size: a letterhead above the
 * header is not part of it. */
static bool close_lines(const struct layout *l, size_t upper, size_t lower)
{
    const struct line *a = &l->lines[upper], *b = &l->lines[lower];
    float sz = fmaxf(fminf(a->size, b->size), 4);
    return a->page == b->page && b->base - a->base <= 1.8f * sz && fabsf(a->size - b->size) <= 0.3f * sz;
}

/* The best header starting at line i (stacked over up to 3 close lines; a
 * lower line of label words belongs to it even when it adds no column:
 * "Cheque" over "No."; under a line that is a header alone, whatever
 * share of its words the phrases name: "Ref." under "Instr."). */
int header_find_at(const struct layout *l, size_t i, size_t page_start, size_t page_end, struct header *best)
{
    int bestscore = 0;
    bool alone = false; /* line i is a header alone */
    if (!header_may_start(l, i) && !spread_labels(l, i))
        return 0;
    for (size_t k = 1; k <= 3 && i + k <= page_end; k++) {
        if (k > 1 && (!close_lines(l, i + k - 2, i + k - 1) || header_line_has_value(l, i + k - 1)))
            break;
        struct header h;
        int s = match_lines(l, i, k, alone, &h);
        alone |= k == 1 && s > 0;
        if (s > bestscore || (s == bestscore && s && h.ncols >= best->ncols)) {
            bestscore = s;
            *best = h;
        }
    }
    /* a label printed above the others, centred in a two-line band
     * ("Value" over the line holding "Date") */
    if (bestscore && i > page_start && best->last_line - best->first_line < 2 && close_lines(l, i - 1, i) &&
        !header_line_has_value(l, i - 1)) {
        struct header h;
        int s = header_match(l, i - 1, best->last_line - best->first_line + 2, &h);
        if (s >= bestscore && h.ncols >= best->ncols) {
            bestscore = s;
            *best = h;
        }
    }
    return bestscore;
}

bool header_same_layout(const struct header *a, const struct header *b)
{
    if (a->ncols != b->ncols)
        return false;
    for (int i = 0; i < a->ncols; i++)
        if (a->cols[i].role != b->cols[i].role || fabsf(a->cols[i].x0 - b->cols[i].x0) > 4)
            return false;
    return true;
}

int header_col(const struct header *h, enum col_role r)
{
    for (int i = 0; i < h->ncols; i++)
        if (h->cols[i].role == r)
            return i;
    return -1;
}

bool header_narration_below(const struct header *h, int a)
{
    if (h->cols[a].role != COL_NARRATION)
        return false;
    for (int o = a - 1; o <= a + 1; o += 2)
        if (o >= 0 && o < h->ncols && h->cols[o].role != COL_NARRATION && fabsf(h->cols[o].x0 - h->cols[a].x0) <= 2.0f)
            return true;
    return false;
}
