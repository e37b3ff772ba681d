#include "extract/identity.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/profile.h"
#include "extract/token.h"

#define SEG_MAX 512
#define MAX_TOK 48

/* A run of words on one line separated from its neighbours by a wide gap. */
struct seg {
    char text[SEG_MAX];
    float x0, x1;
    size_t line;
};

/* Splits a line into segments at gaps wider than ~1.5 font sizes. */
static int line_segments(const struct layout *l, size_t li, struct seg *out, int max)
{
    const struct line *ln = &l->lines[li];
    int n = 0;
    for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
        const struct word *wd = &l->words[w];
        bool fresh = n == 0 || wd->x0 - out[n - 1].x1 > 1.5f * fmaxf(wd->size, 4);
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

/* Tokens of s with the byte offset just past each one. */
struct toks {
    char t[MAX_TOK][24];
    size_t start[MAX_TOK], end[MAX_TOK];
    int n;
};

static void tokenize_pos(const char *s, struct toks *t)
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

/* Longest label phrase at token p; returns field and sets *len tokens. */
static int label_at(const struct toks *t, int p, int *len)
{
    size_t np;
    const struct phrase *ph = profile_phrases(PHRASE_LABEL, &np);
    int best = 0, role = 0;
    for (size_t i = 0; i < np; i++) {
        if (ph[i].ntok <= best || p + ph[i].ntok > t->n)
            continue;
        int k = 0;
        while (k < ph[i].ntok && !strcmp(ph[i].tok[k], t->t[p + k]))
            k++;
        if (k == ph[i].ntok) {
            best = k;
            role = ph[i].role;
        }
    }
    *len = best;
    return role;
}

static char *dup_trim(const char *s, size_t n)
{
    while (n && (isspace((unsigned char)*s) || *s == ':' || *s == '-' || *s == ',' || *s == '.'))
        s++, n--;
    while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == ':' || s[n - 1] == ','))
        n--;
    char *d = strndup(s, n);
    if (d)
        token_squash(d);
    return d;
}

static bool ifsc_at(const char *s, char out[12])
{
    for (size_t i = 0; s[i]; i++) {
        if (i && isalnum((unsigned char)s[i - 1]))
            continue;
        size_t k = 0;
        while (k < 11 && s[i + k]) {
            char c = s[i + k];
            bool ok = k < 4 ? isupper((unsigned char)c) : k == 4 ? c == '0' : isalnum((unsigned char)c);
            if (!ok)
                break;
            k++;
        }
        if (k == 11 && !isalnum((unsigned char)s[i + 11])) {
            memcpy(out, s + i, 11);
            out[11] = 0;
            for (int j = 5; j < 11; j++)
                out[j] = (char)toupper((unsigned char)out[j]);
            return true;
        }
    }
    return false;
}

/* First token with >= 6 digits (masks such as XXXX1234 allowed). */
static char *account_in(const char *v)
{
    for (size_t i = 0; v[i];) {
        while (v[i] && !isalnum((unsigned char)v[i]))
            i++;
        size_t j = i;
        int digits = 0;
        while (isalnum((unsigned char)v[j]) || v[j] == '-') {
            digits += isdigit((unsigned char)v[j]) != 0;
            j++;
        }
        if (digits >= 6 && j - i <= 24)
            return strndup(v + i, j - i);
        i = j;
    }
    return NULL;
}

static char *micr_in(const char *v)
{
    for (size_t i = 0; v[i]; i++) {
        if (i && isdigit((unsigned char)v[i - 1]))
            continue;
        size_t j = i;
        while (isdigit((unsigned char)v[j]))
            j++;
        if (j - i == 9)
            return strndup(v + i, 9);
        if (j > i)
            i = j - 1;
    }
    return NULL;
}

static bool amount_in(const char *v, pb_paise *out)
{
    /* "1 Apr 2024 : 12,345.00" (SBI "Balance as on"): the amount follows the colon */
    const char *colon = strrchr(v, ':');
    pb_day d;
    size_t end;
    if (colon)
        v = colon + 1;
    else if (token_find_date(v, strlen(v), 0, &d, &end))
        v += end;
    /* the value may be "12,345.67 Cr" or "INR 12,345.67": try word runs */
    char buf[SEG_MAX];
    snprintf(buf, sizeof buf, "%s", v);
    char *save = NULL;
    for (char *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        int mark = 0;
        if (!strcasecmp(w, "INR") || !strcasecmp(w, "Rs") || !strcasecmp(w, "Rs."))
            continue;
        if (!token_parse_amount(w, strlen(w), out, &mark))
            return false;
        char *next = strtok_r(NULL, " ", &save);
        if (next && token_drcr(next, strlen(next)) < 0)
            mark = -1;
        if (mark < 0 && *out > 0)
            *out = -*out;
        return true;
    }
    return false;
}

struct state {
    const struct layout *l;
    const unsigned char *use;
    struct id_result *r;
    size_t name_line;
    bool have_name_line;
    char *addr_label_value;
    size_t addr_line;
    float addr_x0, addr_x1;
};

static void set_str(char **dst, char *v)
{
    if (!v || !v[0] || *dst) {
        free(v);
        return;
    }
    *dst = v;
}

/* The value printed under a label (summary grids): an amount on the next
 * line overlapping the label horizontally. */
static bool amount_below(const struct state *s, const struct seg *label, pb_paise *out)
{
    size_t li = label->line + 1;
    if (li >= s->l->nlines || s->l->lines[li].page != s->l->lines[label->line].page)
        return false;
    const struct line *ln = &s->l->lines[li];
    for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
        const struct word *wd = &s->l->words[w];
        if (wd->x1 < label->x0 - 10 || wd->x0 > label->x1 + 10)
            continue;
        const char *t = word_text(s->l, wd);
        int mark;
        if (token_parse_amount(t, strlen(t), out, &mark)) {
            if (mark < 0 && *out > 0)
                *out = -*out;
            return true;
        }
    }
    return false;
}

static void take(struct state *s, int field, const char *value, const struct seg *seg)
{
    struct id_result *r = s->r;
    struct identity *id = &r->id;
    char ifsc[12];
    pb_paise v;
    switch (field) {
    case IDF_NAME:
        if (!id->name && value[0] && !strpbrk(value, "0123456789")) {
            set_str(&id->name, dup_trim(value, strlen(value)));
            s->name_line = seg->line;
            s->have_name_line = true;
        }
        break;
    case IDF_ACCOUNT_NUMBER:
        set_str(&id->account_number, account_in(value));
        break;
    case IDF_IFSC:
        if (ifsc_at(value, ifsc))
            set_str(&id->ifsc, strdup(ifsc));
        break;
    case IDF_MICR:
        set_str(&id->micr, micr_in(value));
        break;
    case IDF_ADDRESS:
        if (!id->address && value[0]) {
            set_str(&id->address, dup_trim(value, strlen(value)));
            s->addr_line = seg->line;
            s->addr_x0 = seg->x0;
            s->addr_x1 = seg->x1;
        }
        break;
    case IDF_ACCOUNT_TYPE:
        set_str(&id->account_type, dup_trim(value, strlen(value)));
        break;
    case IDF_PERIOD: {
        size_t e1, e2;
        pb_day a, b;
        if (r->from == PB_NO_DAY && token_find_date(value, strlen(value), 0, &a, &e1) &&
            token_find_date(value, strlen(value), e1, &b, &e2) && a <= b)
            r->from = a, r->to = b;
        break;
    }
    case IDF_OPENING:
        if (!r->has_opening && (amount_in(value, &v) || (!value[0] && amount_below(s, seg, &v))))
            r->opening = v, r->has_opening = true;
        break;
    case IDF_CLOSING:
        if (!r->has_closing && (amount_in(value, &v) || (!value[0] && amount_below(s, seg, &v))))
            r->closing = v, r->has_closing = true;
        break;
    case IDF_OD_LIMIT:
        if (!id->od_limit && amount_in(value, &v))
            id->od_limit = v < 0 ? -v : v;
        break;
    case IDF_CREDIT_LIMIT:
        if (!id->credit_limit && amount_in(value, &v))
            id->credit_limit = v < 0 ? -v : v;
        break;
    case IDF_EMAIL:
        if (strchr(value, '@'))
            set_str(&id->email, dup_trim(value, strlen(value)));
        break;
    case IDF_PHONE:
        set_str(&id->phone, dup_trim(value, strlen(value)));
        break;
    case IDF_PAN:
        set_str(&id->pan, dup_trim(value, strlen(value)));
        break;
    default:
        break;
    }
}

/* Label/value pairs inside one segment: a label at the start, or later in
 * the segment when followed by a colon. */
static void scan_segment(struct state *s, const struct seg *seg, const struct seg *next)
{
    struct toks t;
    tokenize_pos(seg->text, &t);
    int p = 0;
    while (p < t.n) {
        int len, field = label_at(&t, p, &len);
        const char *after = field ? seg->text + t.end[p + len - 1] : NULL;
        bool colon = after && strspn(after, " ") < strlen(after) && after[strspn(after, " ")] == ':';
        if (!field || (p > 0 && !colon)) {
            p++;
            continue;
        }
        /* the value runs to the next "label :" in this segment */
        int q = p + len;
        size_t vend = strlen(seg->text);
        for (; q < t.n; q++) {
            int l2, f2 = label_at(&t, q, &l2);
            if (!f2)
                continue;
            const char *a2 = seg->text + t.end[q + l2 - 1];
            if (a2[strspn(a2, " ")] == ':') {
                vend = t.start[q];
                break;
            }
        }
        char value[SEG_MAX];
        size_t vs = (size_t)(after - seg->text);
        snprintf(value, sizeof value, "%.*s", (int)(vend - vs), after);
        char *v = dup_trim(value, strlen(value));
        const struct seg *where = seg;
        pb_paise probe;
        bool money_field = field == IDF_OPENING || field == IDF_CLOSING;
        if (v && next && q >= t.n && (!v[0] || (money_field && !amount_in(v, &probe)))) {
            /* "Label :" then the value after a gap */
            snprintf(value, sizeof value, "%s", next->text);
            if (field != IDF_OPENING && field != IDF_CLOSING)
                where = next;
        } else if (v) {
            snprintf(value, sizeof value, "%s", v);
        }
        free(v);
        char *tv = dup_trim(value, strlen(value));
        take(s, field, tv ? tv : "", where);
        free(tv);
        p = q;
    }
}

static bool is_title(const char *tok)
{
    static const char *const T[] = {"mr", "mrs", "ms", "miss", "shri", "smt", "dr", "master", "kumari", "m"};
    for (size_t i = 0; i < sizeof T / sizeof *T; i++)
        if (!strcmp(tok, T[i]))
            return true;
    return false;
}

/* Unlabelled name block: "MR RAHUL SHARMA" at the top, address below it. */
static void unlabelled_name(struct state *s, size_t end)
{
    struct seg segs[8];
    for (size_t li = 0; li < end && !s->r->id.name; li++) {
        if (s->use[li] || s->l->lines[li].page != 0)
            continue;
        int n = line_segments(s->l, li, segs, 8);
        if (!n)
            continue;
        struct toks t;
        tokenize_pos(segs[0].text, &t);
        if (t.n >= 2 && is_title(t.t[0]) && !strpbrk(segs[0].text, "0123456789:") &&
            (strcmp(t.t[0], "m") || !strcmp(t.t[1], "s"))) {
            s->r->id.name = dup_trim(segs[0].text, strlen(segs[0].text));
            s->name_line = li;
            s->have_name_line = true;
            s->addr_x0 = segs[0].x0;
            s->addr_x1 = segs[0].x1;
            /* the customer's address is the block under the name; a labelled
             * "Address" elsewhere on such statements is the branch's */
            free(s->r->id.address);
            s->r->id.address = NULL;
        }
    }
}

/* A name printed alone at the top left, without label or title (Axis,
 * Kotak): 2-5 words of letters, before the table, not the bank's name. */
static bool plain_name(const char *text)
{
    struct toks t;
    tokenize_pos(text, &t);
    if (t.n < 2 || t.n > 5 || strpbrk(text, "0123456789:@/"))
        return false;
    static const char *const NOT[] = {"bank", "statement", "account", "branch", "page", "customer", "period",
                                      "limited", "ltd", "summary", "details", "office", "of"};
    for (int i = 0; i < t.n; i++)
        for (size_t k = 0; k < sizeof NOT / sizeof *NOT; k++)
            if (!strcmp(t.t[i], NOT[k]))
                return false;
    for (const char *p = text; *p; p++)
        if (islower((unsigned char)*p))
            return false;
    return true;
}

static void plain_name_block(struct state *s, size_t end)
{
    struct seg segs[8];
    for (size_t li = 0; li < end && li < 40 && !s->r->id.name; li++) {
        if (s->use[li] || s->l->lines[li].page != 0)
            continue;
        int n = line_segments(s->l, li, segs, 8);
        if (n && segs[0].x0 < 120 && plain_name(segs[0].text)) {
            s->r->id.name = dup_trim(segs[0].text, strlen(segs[0].text));
            s->name_line = li;
            s->have_name_line = true;
            s->addr_x0 = segs[0].x0;
            s->addr_x1 = segs[0].x1;
            free(s->r->id.address);
            s->r->id.address = NULL;
        }
    }
}

/* Address: the labelled value plus the lines under it in the same place,
 * or the lines under an unlabelled name, until a label or a gap. */
static void address_block(struct state *s, size_t end)
{
    struct identity *id = &s->r->id;
    size_t from;
    if (id->address)
        from = s->addr_line + 1;
    else if (s->have_name_line)
        from = s->name_line + 1;
    else
        return;
    float x0 = id->address ? s->addr_x0 : s->addr_x0;
    struct seg segs[8];
    char buf[1024] = "";
    if (id->address)
        snprintf(buf, sizeof buf, "%s", id->address);
    float prev = s->l->lines[from - 1].base;
    for (size_t li = from; li < end && li < from + 6; li++) {
        const struct line *ln = &s->l->lines[li];
        if (s->use[li] || ln->page != s->l->lines[from - 1].page || ln->base - prev > 2.2f * ln->size)
            break;
        int n = line_segments(s->l, li, segs, 8);
        int k = -1;
        for (int i = 0; i < n; i++)
            if (segs[i].x0 > x0 - 4 && segs[i].x0 < fmaxf(x0 + 14, fminf(x0 + 80, s->addr_x1)))
                k = i;
        if (k < 0 && n > 0) {
            struct toks jt;
            tokenize_pos(segs[0].text, &jt);
            if (jt.n >= 2 && !strcmp(jt.t[0], "joint") && !strcmp(jt.t[1], "holder")) {
                prev = ln->base;
                continue;
            }
        }
        if (k < 0)
            break;
        struct toks t;
        tokenize_pos(segs[k].text, &t);
        int len;
        if (t.n >= 2 && !strcmp(t.t[0], "joint") && !strcmp(t.t[1], "holder")) {
            prev = ln->base;
            continue;
        }
        if (strchr(segs[k].text, ':') || label_at(&t, 0, &len))
            break;
        if (strlen(buf) + strlen(segs[k].text) + 3 < sizeof buf) {
            if (buf[0])
                strcat(buf, ", ");
            strcat(buf, segs[k].text);
        }
        prev = ln->base;
    }
    free(id->address);
    id->address = buf[0] ? strdup(buf) : NULL;
}

static int detect_bank(const struct state *s)
{
    if (s->r->id.ifsc) {
        int b = profile_bank_by_ifsc(s->r->id.ifsc);
        if (b >= 0)
            return b;
    }
    size_t np;
    const struct phrase *ph = profile_phrases(PHRASE_DETECT, &np);
    struct toks t;
    for (size_t li = 0; li < s->l->nlines; li++) {
        if (s->use[li] == 2 /* LINE_TABLE */)
            continue;
        char text[SEG_MAX] = "";
        const struct line *ln = &s->l->lines[li];
        for (uint32_t w = ln->first; w < ln->first + ln->n && strlen(text) + 40 < SEG_MAX; w++) {
            strncat(text, word_text(s->l, &s->l->words[w]), 32);
            strcat(text, " ");
        }
        tokenize_pos(text, &t);
        for (size_t i = 0; i < np; i++)
            for (int p = 0; p + ph[i].ntok <= t.n; p++) {
                int k = 0;
                while (k < ph[i].ntok && !strcmp(ph[i].tok[k], t.t[p + k]))
                    k++;
                if (k == ph[i].ntok)
                    return ph[i].role;
            }
    }
    return -1;
}

static bool is_title(const char *tok);

/* "MR. RAHUL SHARMA" -> "RAHUL SHARMA": titles are not part of the name. */
static void strip_title(char *name)
{
    struct toks t;
    tokenize_pos(name, &t);
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

static void classify_account(struct identity *id)
{
    if (id->account_type && !id->raw_account_category)
        id->raw_account_category = strdup(id->account_type);
    const char *n = id->name ? id->name : "";
    static const char *const CORP[] = {"m/s", "m/s.", "pvt", "ltd", "limited", "llp", "enterprises", "traders",
                                       "industries", "corporation", "company", "& co", "associates", "medicals",
                                       "agencies", "stores", "solutions", "services", "exports", "foods"};
    bool corp = false;
    for (size_t i = 0; i < sizeof CORP / sizeof *CORP; i++)
        corp = corp || strcasestr(n, CORP[i]);
    const char *t = id->account_type ? id->account_type : "";
    if (strcasestr(t, "current"))
        corp = true;
    if (id->name)
        id->account_category = strdup(corp ? "corporate" : "individual");
    const char *kind = NULL;
    if (strcasestr(t, "saving") || strcasestr(t, "sb "))
        kind = "SAVINGS";
    else if (strcasestr(t, "current") || strcasestr(t, "ca "))
        kind = "CURRENT";
    else if (strcasestr(t, "overdraft") || strcasestr(t, "od") || strcasestr(t, "cash credit"))
        kind = "OVERDRAFT";
    if (kind) {
        free(id->account_type);
        id->account_type = strdup(kind);
    }
}

static void join_segments(const struct seg *segs, int n, char *text, size_t cap)
{
    size_t o = 0;
    text[0] = 0;
    for (int i = 0; i < n; i++) {
        int w = snprintf(text + o, cap - o, "%s ", segs[i].text);
        if (w < 0 || (size_t)w >= cap - o)
            break;
        o += (size_t)w;
    }
}

int identity_extract(const struct layout *l, const unsigned char *line_use, struct id_result *out)
{
    memset(out, 0, sizeof *out);
    out->from = out->to = PB_NO_DAY;
    out->bank = -1;
    if (profile_load() < 0)
        return -1;
    struct state s = {l, line_use, out, 0, false, NULL, 0, 0, 0};
    size_t first_table = l->nlines;
    for (size_t li = 0; li < l->nlines; li++)
        if (line_use[li]) {
            first_table = li;
            break;
        }
    struct seg segs[12];
    for (size_t li = 0; li < l->nlines; li++) {
        if (line_use[li])
            continue;
        int n = line_segments(l, li, segs, 12);
        for (int i = 0; i < n; i++)
            scan_segment(&s, &segs[i], i + 1 < n ? &segs[i + 1] : NULL);
        if (!out->id.ifsc) {
            char ifsc[12], text[SEG_MAX * 2];
            join_segments(segs, n, text, sizeof text);
            if (ifsc_at(text, ifsc))
                out->id.ifsc = strdup(ifsc);
        }
    }
    /* "... from 01/04/2023 to 30/06/2023" without a known label */
    for (size_t li = 0; li < l->nlines && out->from == PB_NO_DAY; li++) {
        if (line_use[li])
            continue;
        int n = line_segments(l, li, segs, 12);
        char text[SEG_MAX * 2];
        join_segments(segs, n, text, sizeof text);
        size_t e1, e2;
        pb_day a, b;
        bool periodish = strcasestr(text, " to ") || strcasestr(text, "period") || strcasestr(text, " - ") ||
                         strcasestr(text, "from");
        if (periodish && token_find_date(text, strlen(text), 0, &a, &e1) &&
            token_find_date(text, strlen(text), e1, &b, &e2) && a <= b)
            out->from = a, out->to = b;
    }
    unlabelled_name(&s, first_table);
    plain_name_block(&s, first_table);
    address_block(&s, first_table);
    classify_account(&out->id); /* before the title goes: "M/S" marks a business */
    if (out->id.name)
        strip_title(out->id.name);
    out->bank = detect_bank(&s);
    return 0;
}

void id_result_free(struct id_result *r)
{
    struct statement st = {0};
    st.id = r->id;
    statement_free(&st);
    memset(&r->id, 0, sizeof r->id);
}
