/* Identity from the lines around the table: the scan that drives the parts
 * (identity_parts.h). Each line outside the table is cut into segments;
 * labelled fields are taken where their labels stand, then unlabelled ones
 * (IFSC, period, name block, address), the account type and the bank. */
#include "extract/identity.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/identity.h"
#include "extract/identity_parts.h"
#include "extract/table.h" /* enum line_use */
#include "extract/token.h"

static void set_str(char **dst, char *v)
{
    if (!v || !v[0] || *dst) {
        free(v);
        return;
    }
    *dst = v;
}

/* The value printed under a label (a grid: labels on one line, values on
 * the next): the segment of the next line overlapping the label most (a
 * long value of the column before may run on under it: the name under
 * "Account Holder" reaching under "Account Number"), unless it is itself a
 * label. */
static bool value_on_line(const struct id_scan *s, const struct seg *label, size_t above, size_t li, struct seg *out)
{
    if (li >= s->l->nlines || s->l->lines[li].page != s->l->lines[above].page || s->zone[li] == ZONE_TABLE)
        return false;
    const struct line *a = &s->l->lines[above], *b = &s->l->lines[li];
    if (b->base - a->base > 2.2f * fmaxf(b->size, 4))
        return false;
    struct seg segs[MAX_SEGS];
    int n = id_segments(s->l, li, segs, MAX_SEGS), best = -1;
    float most = -INFINITY;
    for (int i = 0; i < n; i++) {
        float over = fminf(segs[i].x1, label->x1) - fmaxf(segs[i].x0, label->x0);
        if (segs[i].x1 >= label->x0 - 10 && segs[i].x0 <= label->x1 + 10 && over > most) {
            most = over;
            best = i;
        }
    }
    if (best < 0 || id_starts_with_label(segs[best].text))
        return false;
    *out = segs[best];
    return true;
}

static bool value_below(const struct id_scan *s, const struct seg *label, struct seg *out)
{
    return value_on_line(s, label, label->line, label->line + 1, out);
}

/* A cell that is a figure and nothing else ("1,23,456.78"): a sentence
 * holding a number (an account number in a title line) is none. */
static bool figure_alone(const char *text)
{
    pb_paise v;
    int mark;
    return strchr(text, '.') && token_parse_amount(text, strlen(text), &v, &mark);
}

/* A closing balance's label over a column of figures, one line each (a
 * month-by-month summary: Month, Opening, Debits, Credits, Closing): the
 * statement closes with the last of them. */
static void last_figure_below(const struct id_scan *s, const struct seg *label, struct seg *below)
{
    struct seg next;
    for (size_t li = below->line; figure_alone(below->text) && value_on_line(s, label, li, li + 1, &next) &&
                                  figure_alone(next.text);
         li = next.line)
        *below = next;
}

static void take(struct id_scan *s, int field, const char *label_text, const char *value, const struct seg *label_seg,
                 const struct seg *seg, const char *rest)
{
    struct id_result *r = s->r;
    struct identity *id = &r->id;
    char ifsc[12];
    pb_paise v;
    switch (field) {
    case IDF_NAME:
        if (s->name_rank < NAME_LABEL && id_name_ok(value, false)) {
            id_set_name(s, id_dup_trim(value, strlen(value)), NAME_LABEL);
            s->name_line = seg->line;
            s->name_x0 = label_seg->x0;
            s->name_x1 = label_seg->x1;
        }
        break;
    case IDF_ACCOUNT_NUMBER: {
        size_t after = 0;
        char *acct = id_account_in(value, &after);
        if (acct && !id->account_number) {
            /* a segment across a gap that starts with a colon is the value
             * of a label printed elsewhere (a column's label a scan put on
             * the line above or below: ': MALVIYA NAGAR', the branch) */
            bool others = rest && rest[strspn(rest, " ")] == ':';
            char more[2 * SEG_MAX + 2];
            snprintf(more, sizeof more, "%s %s", value + after, rest && !others ? rest : "");
            id_name_after_account(s, more, seg->line);
        }
        set_str(&id->account_number, acct);
        break;
    }
    case IDF_IFSC: {
        bool scanned = s->l->lines[seg->line].conf >= 0;
        if (!id->ifsc && id_ifsc_at(value, ifsc)) {
            id->ifsc = strdup(ifsc);
            s->ifsc_labelled = true;
            s->ifsc_scanned = scanned;
        } else if (!id->ifsc && scanned && !s->ifsc_read[0]) {
            snprintf(s->ifsc_read, sizeof s->ifsc_read, "%s", value);
        }
        break;
    }
    case IDF_MICR:
        set_str(&id->micr, id_micr_in(value));
        break;
    case IDF_ADDRESS:
        if (!id->address && value[0] && !strpbrk(value, "@")) {
            set_str(&id->address, id_dup_trim(value, strlen(value)));
            struct toks t;
            id_tokenize(label_text, &t);
            s->addr_specific = t.n > 1;
            s->addr_line = seg->line;
            s->addr_x0 = seg->x0;
            s->addr_x1 = seg->x1;
        }
        break;
    case IDF_ACCOUNT_TYPE:
        if (!strpbrk(value, "@"))
            set_str(&id->account_type, id_dup_trim(value, strlen(value)));
        break;
    case IDF_PERIOD: {
        size_t e1, e2;
        pb_day a, b;
        if (!token_find_date(value, strlen(value), 0, &a, &e1) || !token_find_date(value, strlen(value), e1, &b, &e2) ||
            a > b)
            break;
        /* statements of the next or the previous period bound in the same
         * PDF (monthly e-statements joined) extend it; another period
         * printed apart from it (a loan's, an FD's) does not */
        if (r->from == PB_NO_DAY)
            r->from = a, r->to = b;
        else if (a == r->to + 1)
            r->to = b;
        else if (b + 1 == r->from)
            r->from = a;
        break;
    }
    case IDF_OPENING:
        if (!r->has_opening && id_amount_in(value, &v))
            r->opening = v, r->has_opening = true;
        break;
    case IDF_CLOSING:
        if (!r->has_closing && id_amount_in(value, &v))
            r->closing = v, r->has_closing = true;
        break;
    case IDF_OD_LIMIT:
        if (!id->od_limit && id_amount_in(value, &v))
            id->od_limit = v < 0 ? -v : v;
        break;
    case IDF_CREDIT_LIMIT:
        if (!id->credit_limit && id_amount_in(value, &v))
            id->credit_limit = v < 0 ? -v : v;
        break;
    case IDF_EMAIL:
        if (strchr(value, '@'))
            set_str(&id->email, id_dup_trim(value, strlen(value)));
        break;
    case IDF_PHONE:
        set_str(&id->phone, id_dup_trim(value, strlen(value)));
        break;
    case IDF_PAN:
        set_str(&id->pan, id_dup_trim(value, strlen(value)));
        break;
    default:
        break;
    }
}

/* Fields whose validator is strict enough to take their label from the
 * middle of a sentence ("... for Account Number 1234567890 for the ..."). */
static bool strict_field(int field)
{
    return field == IDF_ACCOUNT_NUMBER || field == IDF_IFSC || field == IDF_MICR;
}

/* Two strict fields' labels joined by '/' or '&' share one value, as the
 * branch block prints them ("IFSC/MICR : UTIB0001234/110211002"): the
 * second label's field, *len grown over it; 0 when p's label stands alone.
 * Each field's validator then finds its own part of the value. */
static int joined_label(const struct toks *t, const char *text, int p, int field, int *len)
{
    int q = p + *len, len2;
    if (q >= t->n || !strict_field(field))
        return 0;
    size_t from = t->end[q - 1], to = t->start[q];
    if (to - from > 3 || strspn(text + from, " /&") != to - from || !strpbrk(text + from, "/&") ||
        strpbrk(text + from, "/&") >= text + to)
        return 0;
    int field2 = id_label_at(t, q, &len2);
    if (!strict_field(field2) || field2 == field)
        return 0;
    *len += len2;
    return field2;
}

static int labels_in_line(const struct seg *segs, int n)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        k += id_starts_with_label(segs[i].text);
    return k;
}

/* A balance the line gives one page, not the statement ("Closing balance
 * of page 2 : ...", "Balance brought forward from page 1 : ...", "Page
 * Opening Balance : ..."): "page" just before the label or among the
 * first words after it (p, len: the label's tokens; q: where its value
 * ends). */
static bool pages_balance(const struct toks *t, int p, int len, int q)
{
    if (p > 0 && !strcmp(t->t[p - 1], "page"))
        return true;
    for (int i = p + len; i < q && i < p + len + 3; i++)
        if (!strcmp(t->t[i], "page") || !strcmp(t->t[i], "pg"))
            return true;
    return false;
}

/* Label/value pairs inside one segment: a label at the start, or later in
 * the segment when followed by a colon (or, for a strict field, by a value
 * that passes its validator), but not on a counterparty's line. The value runs to the next such label; an
 * empty value is the next segment's (unless that is a label) or the one
 * printed under the label. */
static void scan_segment(struct id_scan *s, const struct seg *segs, int nsegs, int si, bool counterparty)
{
    const struct seg *seg = &segs[si];
    struct toks t;
    id_tokenize(seg->text, &t);
    int p = 0;
    while (p < t.n) {
        int len, field = id_label_at(&t, p, &len);
        if (!field) {
            p++;
            continue;
        }
        int field2 = joined_label(&t, seg->text, p, field, &len);
        const char *after = seg->text + t.end[p + len - 1];
        bool colon = after[strspn(after, " .)")] == ':';
        if (field == IDF_IGNORE && !colon) { /* "Nominee Registered Yes": only the label goes */
            p += len;
            continue;
        }
        /* the value runs to the next "label :" in this segment */
        int q = p + len;
        size_t vend = strlen(seg->text);
        for (; q < t.n; q++) {
            int l2, f2 = id_label_at(&t, q, &l2);
            if (!f2)
                continue;
            const char *a2 = seg->text + t.end[q + l2 - 1];
            if (a2[strspn(a2, " .)")] == ':') {
                vend = t.start[q];
                break;
            }
        }
        if ((field == IDF_OPENING || field == IDF_CLOSING) && pages_balance(&t, p, len, q)) {
            p = q;
            continue;
        }
        char value[SEG_MAX];
        snprintf(value, sizeof value, "%.*s", (int)(vend - (size_t)(after - seg->text)), after);
        char *v = id_dup_trim(value, strlen(value));
        if (!v)
            return;
        /* on a counterparty's line ("Transfer to A/c 5010..."), only a
         * segment's own label is ours */
        if (p > 0 && (counterparty || (!colon && !(strict_field(field) && id_valid_for(field, v))))) {
            free(v);
            p++;
            continue;
        }
        char label_text[SEG_MAX];
        snprintf(label_text, sizeof label_text, "%.*s", (int)(t.end[p + len - 1] - t.start[p]),
                 seg->text + t.start[p]);
        const struct seg *where = seg;
        struct seg below;
        const char *rest = q >= t.n && si + 1 < nsegs && !id_starts_with_label(segs[si + 1].text) ? segs[si + 1].text
                                                                                                  : NULL;
        bool money = field == IDF_OPENING || field == IDF_CLOSING || field == IDF_OD_LIMIT;
        pb_paise probe;
        snprintf(value, sizeof value, "%s", v);
        if (q >= t.n && (!v[0] || (money && !id_amount_in(v, &probe)))) {
            /* in a row of labels (a grid) the value is under the label */
            bool grid = labels_in_line(segs, nsegs) >= 2;
            bool below_ok = value_below(s, seg, &below) && (!money || id_amount_in(below.text, &probe));
            if (rest && !(grid && below_ok) && (!money || id_amount_in(rest, &probe))) {
                /* "Label :" then the value after a gap */
                snprintf(value, sizeof value, "%s", rest);
                where = &segs[si + 1];
                rest = si + 2 < nsegs && !id_starts_with_label(segs[si + 2].text) ? segs[si + 2].text : NULL;
            } else if (below_ok) {
                if (field == IDF_CLOSING)
                    last_figure_below(s, seg, &below);
                snprintf(value, sizeof value, "%s", below.text);
                where = &below;
                rest = NULL;
            }
        } else if (q < t.n) {
            rest = NULL;
        }
        free(v);
        char *tv = id_dup_trim(value, strlen(value));
        if (!tv)
            return;
        take(s, field, label_text, tv, seg, where, rest);
        if (field2)
            take(s, field2, label_text, tv, seg, where, NULL);
        free(tv);
        p = q;
    }
}

/* Per line: above the table on its page (or a page without one), the
 * table (its rows and any line between them), or below it. */
static void mark_zones(const struct layout *l, const unsigned char *use, unsigned char *zone)
{
    size_t i = 0;
    while (i < l->nlines) {
        size_t end = i;
        while (end < l->nlines && l->lines[end].page == l->lines[i].page)
            end++;
        size_t first = end, last = end;
        for (size_t k = i; k < end; k++)
            if (use[k]) {
                first = first == end ? k : first;
                if (use[k] == LINE_TABLE)
                    last = k;
            }
        if (last == end)
            last = first;
        for (size_t k = i; k < end; k++)
            zone[k] = first == end || k < first ? ZONE_TOP : k <= last ? ZONE_TABLE : ZONE_BOTTOM;
        i = end;
    }
}

/* "... from 01/04/2023 to 30/06/2023" without a known label. */
static void unlabelled_period(struct id_scan *s)
{
    char text[SEG_MAX * 2];
    for (size_t li = 0; li < s->l->nlines && s->r->from == PB_NO_DAY; li++) {
        if (s->use[li] || s->zone[li] == ZONE_TABLE)
            continue;
        id_line_text(s->l, li, text, sizeof text);
        size_t e1, e2;
        pb_day a, b;
        bool periodish = strcasestr(text, " to ") || strcasestr(text, "period") || strcasestr(text, " - ") ||
                         strcasestr(text, "from");
        if (periodish && token_find_date(text, strlen(text), 0, &a, &e1) &&
            token_find_date(text, strlen(text), e1, &b, &e2) && a <= b)
            s->r->from = a, s->r->to = b;
    }
}

/* One end of a period printed on its own: a segment holding a "from"
 * (dir < 0) or "to" (dir > 0) label ("From :", "From Date", "Period To",
 * "Till", "End Date") and a date, nothing else. */
static bool period_end(const char *text, int dir, pb_day *d)
{
    static const char *const FROM[] = {"from", "start", "starting", NULL};
    static const char *const TO[] = {"to", "till", "upto", "until", "end", "ending", NULL};
    static const char *const FILL[] = {"date", "period", "statement", "txn", "transaction", NULL};
    struct toks t;
    id_tokenize(text, &t);
    int k = 0;
    bool named = false;
    for (; k < t.n; k++) {
        if (id_tok_in(t.t[k], dir < 0 ? FROM : TO))
            named = true;
        else if (!id_tok_in(t.t[k], FILL))
            break;
    }
    size_t end;
    const char *rest = k < t.n ? text + t.start[k] : "";
    /* a date is at most three words (01 Apr 2024, 2024-04-01) and ends the segment */
    return named && k < t.n && t.n - k <= 3 && token_find_date(rest, strlen(rest), 0, d, &end) &&
           !rest[end + strspn(rest + end, " .")];
}

/* period_end of segment i, or of it and the next (a label, then its value
 * after a gap: "From      : 01/04/2024"). */
static bool seg_period_end(const struct seg *segs, int n, int i, int dir, pb_day *d)
{
    char both[2 * SEG_MAX + 2];
    if (period_end(segs[i].text, dir, d))
        return true;
    if (i + 1 >= n)
        return false;
    snprintf(both, sizeof both, "%s %s", segs[i].text, segs[i + 1].text);
    return period_end(both, dir, d);
}

/* A period whose two ends are printed apart: "From : 01/04/2024" and, on
 * the same line or one of the next three of its page, "To : 30/04/2024". */
static void period_apart(struct id_scan *s)
{
    struct seg segs[MAX_SEGS];
    for (size_t li = 0; li < s->l->nlines && s->r->from == PB_NO_DAY; li++) {
        if (s->use[li] || s->zone[li] == ZONE_TABLE)
            continue;
        int n = id_segments(s->l, li, segs, MAX_SEGS);
        pb_day from = PB_NO_DAY, to;
        for (int i = 0; i < n && from == PB_NO_DAY; i++)
            if (!seg_period_end(segs, n, i, -1, &from))
                from = PB_NO_DAY;
        if (from == PB_NO_DAY)
            continue;
        for (size_t lj = li; lj < s->l->nlines && lj <= li + 3 && s->r->from == PB_NO_DAY; lj++) {
            if (s->l->lines[lj].page != s->l->lines[li].page || s->use[lj])
                break;
            int m = id_segments(s->l, lj, segs, MAX_SEGS);
            for (int i = 0; i < m; i++)
                if (seg_period_end(segs, m, i, 1, &to) && from <= to) {
                    s->r->from = from, s->r->to = to;
                    break;
                }
        }
    }
}

int identity_extract(const struct layout *l, const unsigned char *line_use, struct id_result *out)
{
    memset(out, 0, sizeof *out);
    out->from = out->to = PB_NO_DAY;
    if (id_labels_ready() < 0)
        return -1;
    unsigned char *zone = calloc(l->nlines + 1, 1);
    if (!zone)
        return -1;
    mark_zones(l, line_use, zone);
    struct id_scan s = {.l = l, .use = line_use, .zone = zone, .r = out};
    size_t first_table = l->nlines;
    for (size_t li = 0; li < l->nlines; li++)
        if (line_use[li]) {
            first_table = li;
            break;
        }
    struct seg segs[MAX_SEGS];
    for (size_t li = 0; li < l->nlines; li++) {
        if (line_use[li] || zone[li] == ZONE_TABLE)
            continue;
        int n = id_segments(l, li, segs, MAX_SEGS);
        char text[SEG_MAX * 2];
        id_line_text(l, li, text, sizeof text);
        bool counterparty = id_counterparty_line(text);
        for (int i = 0; i < n; i++)
            scan_segment(&s, segs, n, i, counterparty);
    }
    id_unlabelled_ifsc(&s);
    id_run_together_account(&s);
    unlabelled_period(&s);
    period_apart(&s);
    if (s.name_rank < NAME_LABEL) {
        id_title_block(&s, first_table);
        id_dear_name(&s, first_table);
        id_number_block(&s, first_table);
        id_plain_block(&s, first_table);
    }
    id_address_block(&s, first_table);
    id_classify_account(&out->id); /* before the title goes: "M/S" marks a business */
    if (out->id.name)
        id_bare_name(out->id.name);
    id_mend_scanned_ifsc(&s);
    out->bank = id_decide_bank(&s);
    out->name_labelled = s.name_rank == NAME_LABEL;
    free(zone);
    return 0;
}

void id_result_free(struct id_result *r)
{
    identity_free(&r->id);
}
