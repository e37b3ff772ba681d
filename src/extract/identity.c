#include "extract/identity.h"

#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/identity.h"
#include "extract/bankname.h"
#include "extract/profile.h"
#include "extract/table.h" /* enum line_use */
#include "extract/token.h"

#define SEG_MAX 512
#define MAX_TOK 48
#define MAX_SEGS 12
#define MAX_ADDR_LINES 8

/* ---------- text of a line ---------- */

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

/* The segments of a line joined, a gap marked " | " (a boundary for names). */
static void line_text(const struct layout *l, size_t li, char *text, size_t cap)
{
    struct seg segs[MAX_SEGS];
    int n = line_segments(l, li, segs, MAX_SEGS);
    size_t o = 0;
    text[0] = 0;
    for (int i = 0; i < n; i++) {
        int w = snprintf(text + o, cap - o, "%s%s", i ? " | " : "", segs[i].text);
        if (w < 0 || (size_t)w >= cap - o)
            break;
        o += (size_t)w;
    }
}

/* Tokens of s with their byte offsets. */
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

static bool tok_in(const char *tok, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(tok, *list))
            return true;
    return false;
}

/* ---------- labels ---------- */

/* Label phrases sorted by first token, for a binary search per token. */
static const struct phrase **labels;
static size_t nlabels;
static pthread_once_t labels_once = PTHREAD_ONCE_INIT;

static int cmp_label(const void *a, const void *b)
{
    return strcmp((*(const struct phrase *const *)a)->tok[0], (*(const struct phrase *const *)b)->tok[0]);
}

static void load_labels(void)
{
    size_t n;
    const struct phrase *ph = profile_phrases(PHRASE_LABEL, &n);
    labels = calloc(n + 1, sizeof *labels);
    if (!labels)
        return;
    for (size_t i = 0; i < n; i++)
        labels[i] = &ph[i];
    qsort(labels, n, sizeof *labels, cmp_label);
    nlabels = n;
}

/* Longest label phrase at token p; returns its field and sets *len. */
static int label_at(const struct toks *t, int p, int *len)
{
    *len = 0;
    if (p >= t->n)
        return IDF_NONE;
    struct phrase key;
    const struct phrase *kp = &key;
    memcpy(key.tok[0], t->t[p], sizeof key.tok[0]);
    const struct phrase **hit = bsearch(&kp, labels, nlabels, sizeof *labels, cmp_label);
    if (!hit)
        return IDF_NONE;
    while (hit > labels && !strcmp(hit[-1]->tok[0], t->t[p]))
        hit--;
    int field = IDF_NONE;
    for (; hit < labels + nlabels && !strcmp((*hit)->tok[0], t->t[p]); hit++) {
        const struct phrase *ph = *hit;
        if (ph->ntok <= *len || p + ph->ntok > t->n)
            continue;
        int k = 1;
        while (k < ph->ntok && !strcmp(ph->tok[k], t->t[p + k]))
            k++;
        if (k == ph->ntok) {
            *len = k;
            field = ph->role;
        }
    }
    return field;
}

static bool starts_with_label(const char *text)
{
    struct toks t;
    int len;
    tokenize_pos(text, &t);
    return label_at(&t, 0, &len) != IDF_NONE;
}

/* ---------- validators ---------- */

static char *dup_trim(const char *s, size_t n)
{
    /* separators go, the sign of "-49,808.41" stays */
    while (n && (isspace((unsigned char)*s) || strchr(":-,.|(", *s)) &&
           !(strchr("-.", *s) && n > 1 && isdigit((unsigned char)s[1])))
        s++, n--;
    while (n && (isspace((unsigned char)s[n - 1]) || strchr(":,|(-", s[n - 1])))
        n--;
    char *d = strndup(s, n);
    if (d)
        token_squash(d);
    return d;
}

/* An IFSC, [A-Z]{4}0[A-Z0-9]{6}, standing alone in s. */
static bool ifsc_at(const char *s, char out[12])
{
    for (size_t i = 0; s[i]; i++) {
        if (i && isalnum((unsigned char)s[i - 1]))
            continue;
        size_t k = 0;
        while (k < 11 && s[i + k]) {
            unsigned char c = (unsigned char)s[i + k];
            bool ok = k < 4 ? isupper(c) : k == 4 ? c == '0' : isupper(c) || isdigit(c);
            if (!ok)
                break;
            k++;
        }
        if (k == 11 && !isalnum((unsigned char)s[i + 11])) {
            memcpy(out, s + i, 11);
            out[11] = 0;
            return true;
        }
    }
    return false;
}

/* An account number: digits, perhaps masked (X, *) or grouped with '-' or
 * '/'; at least 6 digits, or 3 visible digits behind a mask of 8 or more;
 * never a date, an amount or an IFSC. */
static bool account_ok(const char *s, size_t n)
{
    int digits = 0, mask = 0, letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isdigit(c))
            digits++;
        else if (c == 'X' || c == 'x' || c == '*')
            mask++;
        else if (isalpha(c))
            letters++;
        else if (c != '-' && c != '/')
            return false;
    }
    pb_day d;
    char ifsc[12];
    char buf[32];
    snprintf(buf, sizeof buf, "%.*s", (int)n, s);
    if (n > 24 || letters > 4 || token_parse_date(s, n, &d) || ifsc_at(buf, ifsc))
        return false;
    return digits >= 6 || (digits >= 3 && digits + mask >= 8 && mask >= 2);
}

/* The first account number in v; *after gets the offset past it. */
static char *account_in(const char *v, size_t *after)
{
    for (size_t i = 0; v[i];) {
        while (v[i] && !isalnum((unsigned char)v[i]) && v[i] != '*')
            i++;
        size_t j = i;
        while (isalnum((unsigned char)v[j]) || v[j] == '-' || v[j] == '/' || v[j] == '*')
            j++;
        size_t e = j;
        while (e > i && (v[e - 1] == '-' || v[e - 1] == '/'))
            e--;
        if (e > i && account_ok(v + i, e - i)) {
            if (after)
                *after = e;
            return strndup(v + i, e - i);
        }
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

/* A person's or a firm's name: letters and the punctuation names carry, no
 * digits, no word that belongs to a label, a bank or a branch. `strict`
 * (a name found without its own label): 2-6 words, none an account type. */
static bool name_ok(const char *v, bool strict)
{
    static const char *const NOT[] = {"bank",    "branch",   "ifsc",   "ifs",     "micr",     "statement",
                                      "period",  "balance",  "page",   "nominee", "address",  "date",
                                      "currency", "number",  "code",   "summary", "transaction", "transactions",
                                      "opening", "closing",  "limit",  "interest", "generated", "details",
                                      "customer", "id",      "cif",    "email",   "mobile",   "phone",
                                      "road",    "street",   "colony", "sector",  "floor",    NULL};
    static const char *const TYPE[] = {"savings", "saving",  "current", "account",    "regular", "prime",
                                       "classic", "salary",  "sb",      "ca",         "od",      "cc",
                                       "general", "premium", "nri",     "nre",        "nro",     "inr",
                                       "rs",      "individual", "joint", "single",    "other",   "others",
                                       "deposit", "loan",    "fd",      "rd",         "type",    "product",
                                       "scheme",  "active",  "dormant", "operative",  "value",   "max",
                                       "ac",      "no",      NULL};
    if (!v[0] || strpbrk(v, "0123456789@:#%=+_<>[]{}") || (strict && strcasestr(v, "a/c")))
        return false;
    struct toks t;
    tokenize_pos(v, &t);
    if (t.n < (strict ? 2 : 1) || t.n > (strict ? 6 : 10))
        return false;
    int letters = 0;
    for (const char *p = v; *p; p++)
        letters += isalpha((unsigned char)*p) != 0;
    if (letters < 3)
        return false;
    for (int i = 0; i < t.n; i++)
        if (tok_in(t.t[i], NOT) || (strict && tok_in(t.t[i], TYPE)))
            return false;
    return true;
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
        if (!strcasecmp(w, "INR") || !strcasecmp(w, "Rs") || !strcasecmp(w, "Rs.") || !strcmp(w, "\xe2\x82\xb9"))
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

/* Words that make a line someone else's: a counterparty, a nominee, a
 * sponsor. Its bank name or IFSC is not the statement's. */
static bool counterparty_line(const char *text)
{
    static const char *const WORDS[] = {"beneficiary", "benef", "remitter", "payee",   "payer",    "sender",
                                        "receiver",    "counterparty", "favouring", "nominee", "guarantor",
                                        "drawee",      "sponsor",  "sponsored", "correspondent", NULL};
    static const char *const PAIRS[][2] = {{"transfer", "to"}, {"transfer", "from"}, {"transferred", "to"},
                                           {"received", "from"}, {"paid", "to"},     {"sent", "to"},
                                           {"counter", "party"}, {"drawn", "on"},    {"to", "a"},
                                           {"from", "a"},        {"linked", "account"}};
    struct toks t;
    tokenize_pos(text, &t);
    for (int i = 0; i < t.n; i++) {
        if (tok_in(t.t[i], WORDS))
            return true;
        for (size_t k = 0; i + 1 < t.n && k < sizeof PAIRS / sizeof *PAIRS; k++)
            if (!strcmp(t.t[i], PAIRS[k][0]) && !strcmp(t.t[i + 1], PAIRS[k][1]))
                return true;
    }
    return false;
}

/* ---------- the reading ---------- */

/* Where a line sits relative to the transaction table on its page. */
enum zone { ZONE_TOP, ZONE_TABLE, ZONE_BOTTOM };

/* How a name was found: a better source replaces a worse one. */
enum name_rank { NAME_NONE, NAME_PLAIN, NAME_TITLE, NAME_AFTER_ACCOUNT, NAME_LABEL };

struct state {
    const struct layout *l;
    const unsigned char *use;
    unsigned char *zone;
    struct id_result *r;
    enum name_rank name_rank;
    bool have_block;             /* an unlabelled name block (title or plain) */
    size_t block_line;
    float block_x0, block_x1;
    bool addr_specific;          /* the labelled address is the customer's by its label */
    size_t name_line;            /* where a labelled name was read */
    float name_x0, name_x1;
    size_t addr_line;
    float addr_x0, addr_x1;
    size_t addr_lines[MAX_ADDR_LINES]; /* lines read into the address */
    int naddr_lines;
    bool ifsc_labelled;
};

static void set_str(char **dst, char *v)
{
    if (!v || !v[0] || *dst) {
        free(v);
        return;
    }
    *dst = v;
}

static void set_name(struct state *s, char *v, enum name_rank rank)
{
    if (!v || rank <= s->name_rank) {
        free(v);
        return;
    }
    free(s->r->id.name);
    s->r->id.name = v;
    s->name_rank = rank;
}

/* The value printed under a label (a grid: labels on one line, values on
 * the next): the segment of the next line overlapping the label, unless it
 * is itself a label. */
static bool value_below(const struct state *s, const struct seg *label, struct seg *out)
{
    size_t li = label->line + 1;
    if (li >= s->l->nlines || s->l->lines[li].page != s->l->lines[label->line].page || s->zone[li] == ZONE_TABLE)
        return false;
    const struct line *a = &s->l->lines[label->line], *b = &s->l->lines[li];
    if (b->base - a->base > 2.2f * fmaxf(b->size, 4))
        return false;
    struct seg segs[MAX_SEGS];
    int n = line_segments(s->l, li, segs, MAX_SEGS);
    for (int i = 0; i < n; i++)
        if (segs[i].x1 >= label->x0 - 10 && segs[i].x0 <= label->x1 + 10) {
            if (starts_with_label(segs[i].text))
                return false;
            *out = segs[i];
            return true;
        }
    return false;
}

/* The name printed after the account number ("1234567890 ( INR ) - RAHUL
 * SHARMA", "A/c No. 1234567890    RAHUL SHARMA"). */
static void name_after_account(struct state *s, const char *rest)
{
    char buf[2 * SEG_MAX + 2];
    snprintf(buf, sizeof buf, "%s", rest);
    /* drop a currency in brackets and the separators before the name */
    char *p = buf;
    for (;;) {
        while (*p && (isspace((unsigned char)*p) || strchr("-:|,()", *p)))
            p++;
        if (!strncasecmp(p, "INR", 3) && !isalnum((unsigned char)p[3]))
            p += 3;
        else
            break;
    }
    char *v = dup_trim(p, strlen(p));
    if (v && name_ok(v, true))
        set_name(s, v, NAME_AFTER_ACCOUNT);
    else
        free(v);
}

static void take(struct state *s, int field, const char *label_text, const char *value, const struct seg *label_seg,
                 const struct seg *seg, const char *rest)
{
    struct id_result *r = s->r;
    struct identity *id = &r->id;
    char ifsc[12];
    pb_paise v;
    switch (field) {
    case IDF_NAME:
        if (s->name_rank < NAME_LABEL && name_ok(value, false)) {
            set_name(s, dup_trim(value, strlen(value)), NAME_LABEL);
            s->name_line = seg->line;
            s->name_x0 = label_seg->x0;
            s->name_x1 = label_seg->x1;
        }
        break;
    case IDF_ACCOUNT_NUMBER: {
        size_t after = 0;
        char *acct = account_in(value, &after);
        if (acct && !id->account_number) {
            char more[2 * SEG_MAX + 2];
            snprintf(more, sizeof more, "%s %s", value + after, rest ? rest : "");
            name_after_account(s, more);
        }
        set_str(&id->account_number, acct);
        break;
    }
    case IDF_IFSC:
        if (!id->ifsc && ifsc_at(value, ifsc)) {
            id->ifsc = strdup(ifsc);
            s->ifsc_labelled = true;
        }
        break;
    case IDF_MICR:
        set_str(&id->micr, micr_in(value));
        break;
    case IDF_ADDRESS:
        if (!id->address && value[0] && !strpbrk(value, "@")) {
            set_str(&id->address, dup_trim(value, strlen(value)));
            struct toks t;
            tokenize_pos(label_text, &t);
            s->addr_specific = t.n > 1;
            s->addr_line = seg->line;
            s->addr_x0 = seg->x0;
            s->addr_x1 = seg->x1;
        }
        break;
    case IDF_ACCOUNT_TYPE:
        if (!strpbrk(value, "@"))
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
        if (!r->has_opening && amount_in(value, &v))
            r->opening = v, r->has_opening = true;
        break;
    case IDF_CLOSING:
        if (!r->has_closing && amount_in(value, &v))
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

/* Fields whose validator is strict enough to take their label from the
 * middle of a sentence ("... for Account Number 1234567890 for the ..."). */
static bool strict_field(int field)
{
    return field == IDF_ACCOUNT_NUMBER || field == IDF_IFSC || field == IDF_MICR;
}

static bool valid_for(int field, const char *v)
{
    char ifsc[12];
    char *x;
    switch (field) {
    case IDF_ACCOUNT_NUMBER:
        x = account_in(v, NULL);
        break;
    case IDF_IFSC:
        return ifsc_at(v, ifsc);
    case IDF_MICR:
        x = micr_in(v);
        break;
    default:
        return true;
    }
    free(x);
    return x != NULL;
}

static int labels_in_line(const struct seg *segs, int n)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        k += starts_with_label(segs[i].text);
    return k;
}

/* Label/value pairs inside one segment: a label at the start, or later in
 * the segment when followed by a colon (or, for a strict field, by a value
 * that passes its validator), but not on a counterparty's line. The value runs to the next such label; an
 * empty value is the next segment's (unless that is a label) or the one
 * printed under the label. */
static void scan_segment(struct state *s, const struct seg *segs, int nsegs, int si, bool counterparty)
{
    const struct seg *seg = &segs[si];
    struct toks t;
    tokenize_pos(seg->text, &t);
    int p = 0;
    while (p < t.n) {
        int len, field = label_at(&t, p, &len);
        if (!field) {
            p++;
            continue;
        }
        const char *after = seg->text + t.end[p + len - 1];
        bool colon = after[strspn(after, " .")] == ':';
        if (field == IDF_IGNORE && !colon) { /* "Nominee Registered Yes": only the label goes */
            p += len;
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
            if (a2[strspn(a2, " .")] == ':') {
                vend = t.start[q];
                break;
            }
        }
        char value[SEG_MAX];
        snprintf(value, sizeof value, "%.*s", (int)(vend - (size_t)(after - seg->text)), after);
        char *v = dup_trim(value, strlen(value));
        if (!v)
            return;
        /* on a counterparty's line ("Transfer to A/c 5010..."), only a
         * segment's own label is ours */
        if (p > 0 && (counterparty || (!colon && !(strict_field(field) && valid_for(field, v))))) {
            free(v);
            p++;
            continue;
        }
        char label_text[SEG_MAX];
        snprintf(label_text, sizeof label_text, "%.*s", (int)(t.end[p + len - 1] - t.start[p]),
                 seg->text + t.start[p]);
        const struct seg *where = seg;
        struct seg below;
        const char *rest = q >= t.n && si + 1 < nsegs && !starts_with_label(segs[si + 1].text) ? segs[si + 1].text
                                                                                                  : NULL;
        bool money = field == IDF_OPENING || field == IDF_CLOSING || field == IDF_OD_LIMIT;
        pb_paise probe;
        snprintf(value, sizeof value, "%s", v);
        if (q >= t.n && (!v[0] || (money && !amount_in(v, &probe)))) {
            /* in a row of labels (a grid) the value is under the label */
            bool grid = labels_in_line(segs, nsegs) >= 2;
            bool below_ok = value_below(s, seg, &below) && (!money || amount_in(below.text, &probe));
            if (rest && !(grid && below_ok) && (!money || amount_in(rest, &probe))) {
                /* "Label :" then the value after a gap */
                snprintf(value, sizeof value, "%s", rest);
                where = &segs[si + 1];
                rest = si + 2 < nsegs && !starts_with_label(segs[si + 2].text) ? segs[si + 2].text : NULL;
            } else if (below_ok) {
                snprintf(value, sizeof value, "%s", below.text);
                where = &below;
                rest = NULL;
            }
        } else if (q < t.n) {
            rest = NULL;
        }
        free(v);
        char *tv = dup_trim(value, strlen(value));
        if (!tv)
            return;
        take(s, field, label_text, tv, seg, where, rest);
        free(tv);
        p = q;
    }
}

static bool is_title(const char *tok)
{
    static const char *const T[] = {"mr", "mrs", "ms", "miss", "shri", "smt", "dr", "master", "kumari", "m", NULL};
    return tok_in(tok, T);
}

static void set_block(struct state *s, const struct seg *seg, enum name_rank rank)
{
    set_name(s, dup_trim(seg->text, strlen(seg->text)), rank);
    s->have_block = true;
    s->block_line = seg->line;
    s->block_x0 = seg->x0;
    s->block_x1 = seg->x1;
}

/* Unlabelled name block: "MR RAHUL SHARMA" at the top, address below it. */
static void title_block(struct state *s, size_t end)
{
    struct seg segs[MAX_SEGS];
    for (size_t li = 0; li < end && !s->have_block; li++) {
        if (s->use[li] || s->l->lines[li].page != 0)
            continue;
        int n = line_segments(s->l, li, segs, MAX_SEGS);
        if (!n)
            continue;
        struct toks t;
        tokenize_pos(segs[0].text, &t);
        if (t.n >= 2 && is_title(t.t[0]) && !strpbrk(segs[0].text, "0123456789:,") &&
            (strcmp(t.t[0], "m") || !strcmp(t.t[1], "s")) && name_ok(segs[0].text, false))
            set_block(s, &segs[0], NAME_TITLE);
    }
}

/* A name printed alone at the top left, without label or title (Axis,
 * Kotak): 2-5 words in capitals or in title case, not the bank's name, over
 * an address (a line with a digit a little below, at the same place). */
static bool plain_name(const char *text)
{
    struct toks t;
    tokenize_pos(text, &t);
    if (t.n < 2 || t.n > 5 || strpbrk(text, "0123456789:@/,") || !name_ok(text, true) || starts_with_label(text))
        return false;
    static const char *const NOT[] = {"statement", "account", "customer", "period", "limited", "ltd",
                                      "summary",   "details", "office",   "of",     "welcome", "dear", NULL};
    for (int i = 0; i < t.n; i++)
        if (tok_in(t.t[i], NOT))
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

static bool address_follows(const struct state *s, size_t li, float x0)
{
    struct seg segs[MAX_SEGS];
    for (size_t k = li + 1; k < s->l->nlines && k <= li + 4; k++) {
        if (s->use[k] || s->l->lines[k].page != s->l->lines[li].page)
            return false;
        int n = line_segments(s->l, k, segs, MAX_SEGS);
        for (int i = 0; i < n; i++)
            if (fabsf(segs[i].x0 - x0) < 14 && strpbrk(segs[i].text, "0123456789"))
                return true;
    }
    return false;
}

static void plain_block(struct state *s, size_t end)
{
    struct seg segs[MAX_SEGS];
    for (size_t li = 0; li < end && li < 40 && !s->have_block; li++) {
        if (s->use[li] || s->l->lines[li].page != 0)
            continue;
        int n = line_segments(s->l, li, segs, MAX_SEGS);
        if (n && segs[0].x0 < 120 && plain_name(segs[0].text) && address_follows(s, li, segs[0].x0))
            set_block(s, &segs[0], NAME_PLAIN);
    }
}

static bool joint_holder(const char *text)
{
    struct toks t;
    tokenize_pos(text, &t);
    return t.n >= 2 && !strcmp(t.t[0], "joint") && !strcmp(t.t[1], "holder");
}

/* A label of a field other than the address anywhere in text ("This is
 * the statement of your Savings Account No. ..."): the address is over. */
static bool names_a_field(const char *text)
{
    struct toks t;
    tokenize_pos(text, &t);
    for (int p = 0; p < t.n; p++) {
        int len, field = label_at(&t, p, &len);
        if (field != IDF_NONE && field != IDF_IGNORE && field != IDF_NAME && field != IDF_ACCOUNT_TYPE)
            return true;
    }
    return false;
}

/* Where the address is read from: the lines under an unlabelled name block,
 * under a labelled address, or under a labelled name printed without an
 * address label ("CUSTOMER NAME : ..." over the address lines). */
enum addr_anchor { ADDR_NONE, ADDR_BLOCK, ADDR_LABEL, ADDR_NAME };

/* Address: the anchor's lines in the same place, until a label, a gap, a
 * label column to their left, or a line naming another field. A bare
 * "Address" label beside a name block is the branch's. */
static void address_block(struct state *s, size_t end)
{
    struct identity *id = &s->r->id;
    enum addr_anchor from = ADDR_NONE;
    if (s->have_block && !(id->address && s->addr_specific))
        from = ADDR_BLOCK;
    else if (id->address)
        from = ADDR_LABEL;
    else if (s->name_rank == NAME_LABEL)
        from = ADDR_NAME;
    if (from == ADDR_NONE)
        return;
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
        int n = line_segments(s->l, li, segs, MAX_SEGS);
        int k = -1;
        bool left = false; /* a label column: "Account Number :" left of the address */
        for (int i = 0; i < n; i++) {
            if (segs[i].x0 > x0 - 4 && segs[i].x0 < fmaxf(x0 + 14, fminf(x0 + 80, x1)))
                k = i;
            left = left || segs[i].x1 < x0 - 4;
        }
        if (left && from != ADDR_BLOCK)
            break;
        bool other_column = n > 0;
        for (int i = 0; i < n; i++)
            other_column = other_column && segs[i].x0 > fmaxf(x1, x0 + 80) + 10;
        if (k < 0 && other_column) /* a line of a column to the right, between two address lines */
            continue;
        if ((k < 0 && n > 0 && joint_holder(segs[0].text)) || (k >= 0 && joint_holder(segs[k].text))) {
            prev = ln->base;
            continue;
        }
        if (k < 0 || strchr(segs[k].text, ':') || starts_with_label(segs[k].text) || names_a_field(segs[k].text))
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
}

/* The account's own IFSC when no label gave it: an IFSC printed in the
 * header block above the table, on no counterparty's line. */
static void unlabelled_ifsc(struct state *s)
{
    char text[SEG_MAX * 2], ifsc[12];
    for (size_t li = 0; li < s->l->nlines && !s->r->id.ifsc; li++) {
        if (s->use[li] || s->zone[li] != ZONE_TOP)
            continue;
        line_text(s->l, li, text, sizeof text);
        if (ifsc_at(text, ifsc) && !counterparty_line(text))
            s->r->id.ifsc = strdup(ifsc);
    }
}

static bool address_line(const struct state *s, size_t li)
{
    for (int i = 0; i < s->naddr_lines; i++)
        if (s->addr_lines[i] == li)
            return true;
    return false;
}

/* The bank named by the statement's own text: its letterhead, header block
 * and footer on the first two pages; never a table row, the customer's
 * address or a counterparty's line. Also says whether a co-operative
 * bank's name or a mark of a foreign account is printed there. */
struct printed {
    struct bn_match name;
    bool coop_name; /* some co-operative/rural bank is named (catalogue or not) */
    bool foreign;
};

static void printed_bank(const struct state *s, struct printed *out)
{
    memset(out, 0, sizeof *out);
    char text[SEG_MAX * 2];
    struct bn_text words;
    bool single = false;
    for (size_t li = 0; li < s->l->nlines && s->l->lines[li].page < 2; li++) {
        if (s->use[li] || s->zone[li] == ZONE_TABLE || address_line(s, li))
            continue;
        line_text(s->l, li, text, sizeof text);
        if (counterparty_line(text))
            continue;
        bankname_words(text, &words);
        struct bn_match m;
        /* the first line naming a bank wins; a one-word short form ("SBI")
         * only when no line spells a name out */
        if (bankname_find(&words, &m) && (!out->name.bank || (single && m.words > 1))) {
            out->name = m;
            single = m.words == 1;
        }
        out->coop_name = out->coop_name || bankname_coop_like(&words);
        out->foreign = out->foreign || bankname_foreign_mark(&words);
    }
}

/* The catalogue bank of the statement. The IFSC's first four letters name
 * the bank of the account, except that a co-operative or rural bank without
 * its own IFSC prints its sponsor bank's, with letters in the branch part
 * (HDFC0CXXXXX, YESB0XXXX01): then the bank the letterhead names, and
 * none when the letterhead names a bank the catalogue does not know. No
 * IFSC: the bank named in the letterhead, but none for a foreign account. */
static const struct bank_info *decide_bank(const struct state *s)
{
    struct printed pr;
    printed_bank(s, &pr);
    const char *ifsc = s->r->id.ifsc;
    const struct bank_info *by_ifsc = ifsc ? bank_find_by_ifsc(ifsc) : NULL;
    if (by_ifsc) {
        bool member_code = strpbrk(ifsc + 5, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != NULL;
        if (!member_code || pr.name.bank == by_ifsc || bank_accepts(by_ifsc, pr.name.bank))
            return by_ifsc;
        if (pr.name.bank && pr.name.words > 1)
            return pr.name.bank;
        return pr.coop_name ? NULL : by_ifsc;
    }
    if (!pr.name.bank || (pr.foreign && !ifsc && !pr.name.bank->abroad))
        return NULL;
    return pr.name.bank;
}

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
static void unlabelled_period(struct state *s)
{
    char text[SEG_MAX * 2];
    for (size_t li = 0; li < s->l->nlines && s->r->from == PB_NO_DAY; li++) {
        if (s->use[li] || s->zone[li] == ZONE_TABLE)
            continue;
        line_text(s->l, li, text, sizeof text);
        size_t e1, e2;
        pb_day a, b;
        bool periodish = strcasestr(text, " to ") || strcasestr(text, "period") || strcasestr(text, " - ") ||
                         strcasestr(text, "from");
        if (periodish && token_find_date(text, strlen(text), 0, &a, &e1) &&
            token_find_date(text, strlen(text), e1, &b, &e2) && a <= b)
            s->r->from = a, s->r->to = b;
    }
}

int identity_extract(const struct layout *l, const unsigned char *line_use, struct id_result *out)
{
    memset(out, 0, sizeof *out);
    out->from = out->to = PB_NO_DAY;
    if (profile_load() < 0)
        return -1;
    pthread_once(&labels_once, load_labels);
    if (!labels)
        return -1;
    unsigned char *zone = calloc(l->nlines + 1, 1);
    if (!zone)
        return -1;
    mark_zones(l, line_use, zone);
    struct state s = {.l = l, .use = line_use, .zone = zone, .r = out};
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
        int n = line_segments(l, li, segs, MAX_SEGS);
        char text[SEG_MAX * 2];
        line_text(l, li, text, sizeof text);
        bool counterparty = counterparty_line(text);
        for (int i = 0; i < n; i++)
            scan_segment(&s, segs, n, i, counterparty);
    }
    unlabelled_ifsc(&s);
    unlabelled_period(&s);
    if (s.name_rank < NAME_LABEL) {
        title_block(&s, first_table);
        plain_block(&s, first_table);
    }
    address_block(&s, first_table);
    classify_account(&out->id); /* before the title goes: "M/S" marks a business */
    if (out->id.name)
        strip_title(out->id.name);
    out->bank = decide_bank(&s);
    free(zone);
    return 0;
}

void id_result_free(struct id_result *r)
{
    identity_free(&r->id);
}

/* ---------- several accounts in one document ---------- */

/* Two printings of one account number: equal digits, or a masked one whose
 * visible digits end the other's. */
static bool same_account(const char *a, const char *b)
{
    char da[32], db[32];
    size_t na = 0, nb = 0;
    bool masked = false;
    for (const char *p = a; *p && na < sizeof da - 1; p++)
        if (isdigit((unsigned char)*p))
            da[na++] = *p;
        else
            masked = masked || strchr("Xx*", *p);
    for (const char *p = b; *p && nb < sizeof db - 1; p++)
        if (isdigit((unsigned char)*p))
            db[nb++] = *p;
        else
            masked = masked || strchr("Xx*", *p);
    da[na] = db[nb] = 0;
    if (!strcmp(da, db))
        return true;
    size_t k = na < nb ? na : nb;
    return masked && k >= 3 && !strcmp(da + na - k, db + nb - k);
}

/* The account number labelled on line li, if any (`other`: by a label of
 * another account, such as "Loan A/c No"). */
static char *labelled_account(const struct layout *l, size_t li, bool *other)
{
    struct seg segs[MAX_SEGS];
    int n = line_segments(l, li, segs, MAX_SEGS);
    for (int i = 0; i < n; i++) {
        struct toks t;
        tokenize_pos(segs[i].text, &t);
        for (int p = 0; p < t.n; p++) {
            int len, field = label_at(&t, p, &len);
            if (field != IDF_ACCOUNT_NUMBER && field != IDF_OTHER_ACCOUNT) {
                p += len ? len - 1 : 0;
                continue;
            }
            const char *after = segs[i].text + t.end[p + len - 1];
            char *acct = account_in(after, NULL);
            if (!acct && i + 1 < n && !after[strspn(after, " :-")])
                acct = account_in(segs[i + 1].text, NULL);
            if (acct) {
                *other = field == IDF_OTHER_ACCOUNT;
                return acct;
            }
        }
    }
    return NULL;
}

static bool table_between(const unsigned char *use, size_t a, size_t b)
{
    for (size_t i = a + 1; i < b; i++)
        if (use[i] == LINE_TABLE)
            return true;
    return false;
}

/* The first line of the block a line belongs to: the lines above it on its
 * page, close together, that carry no amount (the first account's closing
 * line or summary ends before). */
static size_t block_start(const struct layout *l, size_t li, size_t floor)
{
    while (li > floor + 1) {
        const struct line *a = &l->lines[li - 1], *b = &l->lines[li];
        if (a->page != b->page || b->base - a->base > 2.5f * fmaxf(b->size, 4))
            break;
        bool amount = false;
        for (uint32_t w = a->first; w < a->first + a->n && !amount; w++) {
            const char *t = word_text(l, &l->words[w]);
            pb_paise v;
            int mark;
            amount = strchr(t, '.') && token_parse_amount(t, strlen(t), &v, &mark);
        }
        if (amount)
            break;
        li--;
    }
    return li;
}

size_t identity_account_end(const struct layout *l, const unsigned char *line_use)
{
    if (profile_load() < 0)
        return l->nlines;
    pthread_once(&labels_once, load_labels);
    if (!labels)
        return l->nlines;
    char *first = NULL;
    size_t first_line = 0, end = l->nlines;
    for (size_t li = 0; li < l->nlines && end == l->nlines; li++) {
        bool other = false;
        char *acct = line_use[li] ? NULL : labelled_account(l, li, &other);
        if (!acct)
            continue;
        if (!first && !other) {
            first = acct;
            first_line = li;
            continue;
        }
        if (first && !same_account(first, acct) && table_between(line_use, first_line, li))
            end = block_start(l, li, first_line);
        free(acct);
    }
    free(first);
    return end;
}
