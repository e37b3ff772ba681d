/* The holder's name when no label gives it: after the account number on its
 * line, an unlabelled "MR NAME" block, or a plain name over an address. */
#include "extract/identity_parts.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void id_set_name(struct id_scan *s, char *v, enum name_rank rank)
{
    if (!v || rank <= s->name_rank) {
        free(v);
        return;
    }
    free(s->r->id.name);
    s->r->id.name = v;
    s->name_rank = rank;
}

/* The words after an account number with the separators and a bracketed
 * currency before them dropped ("( INR ) - RAHUL SHARMA"); NULL if none. */
static char *text_after_number(const char *rest)
{
    char buf[2 * SEG_MAX + 2];
    snprintf(buf, sizeof buf, "%s", rest);
    char *p = buf;
    for (;;) {
        while (*p && (isspace((unsigned char)*p) || strchr("-:|,()", *p)))
            p++;
        if (!strncasecmp(p, "INR", 3) && !isalnum((unsigned char)p[3]))
            p += 3;
        else
            break;
    }
    return id_dup_trim(p, strlen(p));
}

/* The name printed after the account number ("1234567890 ( INR ) - RAHUL
 * SHARMA", "A/c No. 1234567890    RAHUL SHARMA"). */
void id_name_after_account(struct id_scan *s, const char *rest, size_t line)
{
    char *v = text_after_number(rest);
    if (v && id_name_ok(v, true) && s->name_rank < NAME_AFTER_ACCOUNT) {
        id_set_name(s, v, NAME_AFTER_ACCOUNT);
        s->name_line = line;
    } else {
        free(v);
    }
}

static bool is_title(const char *tok)
{
    static const char *const T[] = {"mr", "mrs", "ms", "miss", "shri", "smt", "dr", "master", "kumari", "m", NULL};
    return id_tok_in(tok, T);
}

/* An unlabelled name block. When a better source already gave the name,
 * the block anchors the address only if it prints that same name ("MS
 * LAKSHMI MEHTA" over the address, "LAKSHMI MEHTA" after the account
 * number), not another ("WEST BENGAL" over a PIN line). */
static void set_block(struct id_scan *s, const struct seg *seg, enum name_rank rank)
{
    char *v = id_dup_trim(seg->text, strlen(seg->text));
    if (v && rank <= s->name_rank) {
        char *had = strdup(s->r->id.name ? s->r->id.name : "");
        if (had) {
            id_bare_name(v);
            id_bare_name(had);
        }
        bool same = had && had[0] && !strcasecmp(v, had);
        free(had);
        free(v);
        if (!same)
            return;
    } else {
        id_set_name(s, v, rank);
    }
    s->have_block = true;
    s->block_line = seg->line;
    s->block_x0 = seg->x0;
    s->block_x1 = seg->x1;
}

/* Unlabelled name block: "MR RAHUL SHARMA" at the top, address below it. */
void id_title_block(struct id_scan *s, size_t end)
{
    struct seg segs[MAX_SEGS];
    for (size_t li = 0; li < end && !s->have_block; li++) {
        if (s->use[li] || s->l->lines[li].page != 0)
            continue;
        int n = id_segments(s->l, li, segs, MAX_SEGS);
        if (!n)
            continue;
        struct toks t;
        id_tokenize(segs[0].text, &t);
        if (t.n >= 2 && is_title(t.t[0]) && !strpbrk(segs[0].text, "0123456789:,") &&
            (strcmp(t.t[0], "m") || !strcmp(t.t[1], "s")) && id_name_ok(segs[0].text, false))
            set_block(s, &segs[0], NAME_TITLE);
    }
}

/* A salutation on the first page above the table, as e-mailed statements
 * open: "Dear Mr. ROHAN VERMA," names the holder; "Dear Customer", "Dear
 * Sir/Madam", "Dear Valued Member" name no one. */
void id_dear_name(struct id_scan *s, size_t end)
{
    static const char *const NOBODY[] = {"customer", "sir",    "madam",  "valued", "member",   "cardholder",
                                         "cardmember", "user", "client", "patron", "investor", "depositor",
                                         "holder",   "all",    "friend", "esteemed", "account", NULL};
    struct seg segs[MAX_SEGS];
    for (size_t li = 0; li < end && li < 60 && s->name_rank < NAME_TITLE; li++) {
        if (s->use[li] || s->l->lines[li].page != 0)
            continue;
        int n = id_segments(s->l, li, segs, MAX_SEGS);
        for (int i = 0; i < n; i++) {
            const char *p = segs[i].text;
            if (strncasecmp(p, "dear", 4) || isalnum((unsigned char)p[4]))
                continue;
            p += 4;
            struct toks t;
            id_tokenize(p, &t);
            bool nobody = false;
            for (int k = 0; k < t.n; k++)
                nobody = nobody || id_tok_in(t.t[k], NOBODY);
            char *v = id_dup_trim(p, strcspn(p, ",;!"));
            if (!nobody && v && id_name_ok(v, true))
                id_set_name(s, v, NAME_TITLE);
            else
                free(v);
            break;
        }
    }
}

/* A name printed alone at the top left, without label or title (Axis,
 * Kotak): 2-5 words in capitals or in title case, not the bank's name, over
 * an address (a line with a digit a little below, at the same place). */
static bool plain_name(const char *text)
{
    struct toks t;
    id_tokenize(text, &t);
    if (t.n < 2 || t.n > 5 || strpbrk(text, "0123456789:@/,") || !id_name_ok(text, true) || id_starts_with_label(text))
        return false;
    static const char *const NOT[] = {"statement", "account", "customer", "period", "limited", "ltd",
                                      "summary",   "details", "office",   "of",     "welcome", "dear", NULL};
    for (int i = 0; i < t.n; i++)
        if (id_tok_in(t.t[i], NOT))
            return false;
    bool caps = true, title = true;
    for (int i = 0; i < t.n; i++) {
        const char *w = text + t.start[i];
        title = title && isupper((unsigned char)w[0]);
        for (size_t k = 0; k < t.end[i] - t.start[i]; k++)
            caps = caps && !islower((unsigned char)w[k]);
    }
    return caps || title;
}

static bool address_follows(const struct id_scan *s, size_t li, float x0)
{
    struct seg segs[MAX_SEGS];
    for (size_t k = li + 1; k < s->l->nlines && k <= li + 4; k++) {
        if (s->use[k] || s->l->lines[k].page != s->l->lines[li].page)
            return false;
        int n = id_segments(s->l, k, segs, MAX_SEGS);
        for (int i = 0; i < n; i++)
            if (fabsf(segs[i].x0 - x0) < 14 && strpbrk(segs[i].text, "0123456789"))
                return true;
    }
    return false;
}

/* No label at all: the account number and the name after it open the
 * address block at the top left ("708003010021426 LAKSHMI KUMAR PATEL"
 * over the address lines). The number is taken only when no label gave
 * one; 9 characters at least, so that a PIN code before a city is none. */
void id_number_block(struct id_scan *s, size_t end)
{
    struct seg segs[MAX_SEGS];
    for (size_t li = 0; li < end && li < 40 && !s->have_block && !s->r->id.account_number; li++) {
        if (s->use[li] || s->l->lines[li].page != 0)
            continue;
        int n = id_segments(s->l, li, segs, MAX_SEGS);
        if (!n || segs[0].x0 >= 120)
            continue;
        size_t after = 0;
        char *acct = id_account_in(segs[0].text, &after);
        if (!acct || strncmp(segs[0].text, acct, strlen(acct)) || strlen(acct) < 9) {
            free(acct);
            continue;
        }
        bool own_seg = !segs[0].text[after] && n > 1;
        char *name = text_after_number(own_seg ? segs[1].text : segs[0].text + after);
        if (name && plain_name(name) && address_follows(s, li, segs[0].x0)) {
            s->r->id.account_number = acct;
            acct = NULL;
            id_set_name(s, name, NAME_AFTER_ACCOUNT);
            name = NULL;
            s->have_block = true;
            s->block_line = li;
            s->block_x0 = segs[0].x0;
            s->block_x1 = own_seg ? segs[1].x1 : segs[0].x1;
        }
        free(name);
        free(acct);
    }
}

void id_plain_block(struct id_scan *s, size_t end)
{
    struct seg segs[MAX_SEGS];
    for (size_t li = 0; li < end && li < 40 && !s->have_block; li++) {
        if (s->use[li] || s->l->lines[li].page != 0)
            continue;
        int n = id_segments(s->l, li, segs, MAX_SEGS);
        if (n && segs[0].x0 < 120 && plain_name(segs[0].text) && address_follows(s, li, segs[0].x0))
            set_block(s, &segs[0], NAME_PLAIN);
    }
}

/* A relation printed after a holder's name, at token i: "S/O", "D/O",
 * "W/O", "H/O" (son, daughter, wife, husband of) or the words "son of",
 * "daughter of", "wife of", "husband of". */
bool id_relation_at(const struct toks *t, int i)
{
    static const char *const SHORT[] = {"s", "d", "w", "h", NULL};
    static const char *const LONG[] = {"son", "daughter", "wife", "husband", NULL};
    if (i + 1 >= t->n || (strcmp(t->t[i + 1], "o") && strcmp(t->t[i + 1], "of")))
        return false;
    return !strcmp(t->t[i + 1], "o") ? id_tok_in(t->t[i], SHORT) : id_tok_in(t->t[i], LONG);
}

/* The holder's name alone: "MR. RAHUL SHARMA" -> "RAHUL SHARMA", "M/S ACME
 * TRADERS" -> "ACME TRADERS" (titles are no part of it), "RAHUL SHARMA S/O
 * SURESH SHARMA" -> "RAHUL SHARMA" (nor the relation after it), "RAHUL
 * SHARMA (PRIMARY)" -> "RAHUL SHARMA" (nor which holder he is). */
void id_bare_name(char *name)
{
    static const char *const QUALIFIER[] = {"primary", "minor", "joint", "first", "sole", "self", "holder", NULL};
    struct toks t;
    id_tokenize(name, &t);
    for (int i = 1; i < t.n; i++)
        if (id_relation_at(&t, i) || (name[t.start[i] - 1] == '(' && id_tok_in(t.t[i], QUALIFIER))) {
            size_t cut = t.start[i] - (name[t.start[i] - 1] == '(');
            while (cut && strchr(" ,-(", name[cut - 1]))
                cut--;
            name[cut] = 0;
            id_tokenize(name, &t);
            break;
        }
    if (t.n < 2 || !is_title(t.t[0]))
        return;
    size_t from = t.start[1];
    if (!strcmp(t.t[0], "m")) { /* "M/S ACME TRADERS" */
        if (strcmp(t.t[1], "s") || t.n < 3)
            return;
        from = t.start[2];
    }
    memmove(name, name + from, strlen(name + from) + 1);
}
