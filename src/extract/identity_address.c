/* The customer's address: the lines under its anchor (an unlabelled name
 * block, a labelled address, or a labelled name). */
#include "extract/identity_parts.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/bankname.h"

/* A line of the holder block that is no address: a joint holder's, or the
 * holder's relation ("S/O SURESH VERMA", "W/O ...") under the name. */
static bool holder_line(const char *text)
{
    struct toks t;
    id_tokenize(text, &t);
    return t.n >= 2 && ((!strcmp(t.t[0], "joint") && !strcmp(t.t[1], "holder")) || id_relation_at(&t, 0));
}

/* A PIN code in text: six digits standing alone, the first not 0 ("PUNE
 * 411001", "MUMBAI - 400 001"). */
static bool has_pin(const char *t)
{
    for (size_t i = 0; t[i]; i++) {
        if (i && isalnum((unsigned char)t[i - 1]))
            continue;
        size_t k = 0, digits = 0;
        while (t[i + k] && digits < 6 && (isdigit((unsigned char)t[i + k]) || (digits == 3 && t[i + k] == ' ')))
            digits += isdigit((unsigned char)t[i + k++]) != 0;
        if (digits == 6 && t[i] != '0' && !isalnum((unsigned char)t[i + k]))
            return true;
    }
    return false;
}

/* A line that belongs to no customer's address: a label, a field, the
 * branch, a bank's name, a counterparty. */
static bool not_address(const char *text)
{
    static const char *const BRANCH[] = {"branch", NULL};
    struct toks t;
    struct bn_text words;
    struct bn_match m;
    id_tokenize(text, &t);
    for (int i = 0; i < t.n; i++)
        if (id_tok_in(t.t[i], BRANCH))
            return true;
    bankname_words(text, &words);
    return strpbrk(text, ":@") || id_starts_with_label(text) || id_names_a_field(text) || bankname_find(&words, &m) ||
           id_counterparty_line(text);
}

/* The address of a name printed away from it (after the account number in
 * a sentence): the first block of lines at the page's left margin below
 * the name's line, ending with a PIN code, read upwards to a line that is
 * not at the margin (or the name's). A block under a branch's or a bank's
 * line, or naming one, is not the customer's. */
static void address_by_pin(struct id_scan *s, size_t end)
{
    const struct layout *l = s->l;
    size_t top = s->name_line;
    if (top >= end || top >= l->nlines) /* no name line to hang an address on */
        return;
    int page = l->lines[top].page;
    float margin = INFINITY;
    for (size_t li = 0; li < end; li++)
        if (l->lines[li].page == page && !s->use[li] && s->zone[li] == ZONE_TOP && l->lines[li].n)
            margin = fminf(margin, l->words[l->lines[li].first].x0);
    struct seg segs[MAX_SEGS];
    size_t pin = 0;
    for (size_t li = top + 1; li < end && li <= top + 10 && !pin; li++) {
        if (l->lines[li].page != page || s->use[li] || s->zone[li] != ZONE_TOP)
            return;
        int n = id_segments(l, li, segs, MAX_SEGS);
        if (n && fabsf(segs[0].x0 - margin) < 4 && has_pin(segs[0].text))
            pin = li;
    }
    if (!pin)
        return;
    size_t first = pin + 1;
    for (size_t li = pin; li > top; li--) {
        int n = id_segments(l, li, segs, MAX_SEGS);
        bool gap = li < pin && l->lines[li + 1].base - l->lines[li].base > 2.2f * l->lines[li + 1].size;
        if (!n || fabsf(segs[0].x0 - margin) >= 4 || gap)
            break;
        if (not_address(segs[0].text))
            return; /* the branch's or the bank's block */
        first = li;
    }
    if (first > pin || pin - first < 1)
        return;
    char buf[1024] = "";
    s->naddr_lines = 0;
    for (size_t li = first; li <= pin; li++) {
        id_segments(l, li, segs, MAX_SEGS);
        if (strlen(buf) + strlen(segs[0].text) + 3 < sizeof buf) {
            if (buf[0])
                strcat(buf, ", ");
            strcat(buf, segs[0].text);
        }
        if (s->naddr_lines < MAX_ADDR_LINES)
            s->addr_lines[s->naddr_lines++] = li;
    }
    free(s->r->id.address);
    s->r->id.address = strdup(buf);
}

/* Whether a label ("IFSC :") is printed left of segs[k], the line's piece
 * in the address's column: the line is that label's field, whose value
 * lines up with the address lines above it ("ADDRESS : NO 18 ..." over
 * "IFSC :    BKDN0370850" in a form's label and value columns). */
static bool labelled_before(const struct seg *segs, int k)
{
    for (int i = 0; i < k; i++)
        if (strchr(segs[i].text, ':') || id_starts_with_label(segs[i].text))
            return true;
    return false;
}

/* Where the address is read from: the lines under an unlabelled name block,
 * under a labelled address, or under a labelled name printed without an
 * address label ("CUSTOMER NAME : ..." over the address lines). */
enum addr_anchor { ADDR_NONE, ADDR_BLOCK, ADDR_LABEL, ADDR_NAME };

/* Address: the anchor's lines in the same place, until a label, a gap, a
 * label column to their left, or a line naming another field. A bare
 * "Address" label beside a name block is the branch's. */
void id_address_block(struct id_scan *s, size_t end)
{
    struct identity *id = &s->r->id;
    enum addr_anchor from = ADDR_NONE;
    if (s->have_block && !(id->address && s->addr_specific))
        from = ADDR_BLOCK;
    else if (id->address)
        from = ADDR_LABEL;
    else if (s->name_rank == NAME_LABEL)
        from = ADDR_NAME;
    if (from == ADDR_NONE) {
        address_by_pin(s, end);
        return;
    }
    size_t first = from == ADDR_BLOCK ? s->block_line + 1 : from == ADDR_LABEL ? s->addr_line + 1 : s->name_line + 1;
    float x0 = from == ADDR_BLOCK ? s->block_x0 : from == ADDR_LABEL ? s->addr_x0 : s->name_x0;
    float x1 = from == ADDR_BLOCK ? s->block_x1 : from == ADDR_LABEL ? s->addr_x1 : s->name_x1;
    struct seg segs[MAX_SEGS];
    char buf[1024] = "";
    bool digit = false;
    if (from == ADDR_LABEL) {
        snprintf(buf, sizeof buf, "%s", id->address);
        s->addr_lines[s->naddr_lines++] = s->addr_line;
    }
    float prev = s->l->lines[first - 1].base;
    for (size_t li = first; li < end && li < first + 6; li++) {
        const struct line *ln = &s->l->lines[li];
        if (s->use[li] || ln->page != s->l->lines[first - 1].page || ln->base - prev > 2.2f * ln->size)
            break;
        int n = id_segments(s->l, li, segs, MAX_SEGS);
        int k = -1;
        bool left = false; /* a label column: "Account Number :" left of the address */
        for (int i = 0; i < n; i++) {
            if (segs[i].x0 > x0 - 4 && segs[i].x0 < fmaxf(x0 + 14, fminf(x0 + 80, x1)))
                k = i;
            left = left || segs[i].x1 < x0 - 4;
        }
        if ((left && from != ADDR_BLOCK) || labelled_before(segs, k))
            break;
        bool other_column = n > 0;
        for (int i = 0; i < n; i++)
            other_column = other_column && segs[i].x0 > fmaxf(x1, x0 + 80) + 10;
        if (k < 0 && other_column) /* a line of a column to the right, between two address lines */
            continue;
        if ((k < 0 && n > 0 && holder_line(segs[0].text)) || (k >= 0 && holder_line(segs[k].text))) {
            prev = ln->base;
            continue;
        }
        if (k < 0 || strchr(segs[k].text, ':') || id_starts_with_label(segs[k].text) || id_names_a_field(segs[k].text))
            break;
        if (strlen(buf) + strlen(segs[k].text) + 3 < sizeof buf) {
            if (buf[0])
                strcat(buf, ", ");
            strcat(buf, segs[k].text);
        }
        digit = digit || strpbrk(segs[k].text, "0123456789");
        if (s->naddr_lines < MAX_ADDR_LINES)
            s->addr_lines[s->naddr_lines++] = li;
        prev = ln->base;
    }
    if (from == ADDR_NAME && !digit) { /* lines under a name that are no address */
        buf[0] = 0;
        s->naddr_lines = 0;
    }
    free(id->address);
    id->address = buf[0] ? strdup(buf) : NULL;
    if (!id->address && from == ADDR_NAME)
        address_by_pin(s, end);
}

bool id_address_line(const struct id_scan *s, size_t li)
{
    for (int i = 0; i < s->naddr_lines; i++)
        if (s->addr_lines[i] == li)
            return true;
    return false;
}
