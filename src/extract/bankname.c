#include "extract/bankname.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME_WORDS 8

struct name {
    const struct bank_info *bank;
    char w[NAME_WORDS][24];
    int n;
};

static struct name *names; /* sorted by first word */
static size_t nnames;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Spellings that vary between a bank's own print and the catalogue. */
static const char *canonical(const char *w)
{
    static const char *const SAME[][2] = {
        {"cooperative", "coop"}, {"cooprative", "coop"}, {"sahkari", "sahakari"}, {"nagari", "nagarik"},
        {"nagrik", "nagarik"},   {"grameena", "gramin"}, {"grameen", "gramin"},   {"gramina", "gramin"},
        {"limited", "ltd"},      {"bankltd", "bank"},
    };
    for (size_t i = 0; i < sizeof SAME / sizeof *SAME; i++)
        if (!strcmp(w, SAME[i][0]))
            return SAME[i][1];
    return w;
}

static void push(struct bn_text *t, const char *w, bool punct)
{
    if (t->n == BN_MAX_WORDS)
        return;
    /* "co-op", "co-operative", "co.op.": one word */
    if (t->n && !strcmp(t->w[t->n - 1], "co") && !strncmp(w, "op", 2)) {
        strcpy(t->w[t->n - 1], "coop");
        return;
    }
    char buf[24];
    snprintf(buf, sizeof buf, "%s", canonical(w));
    size_t len = strlen(buf);
    if (len >= 4 && buf[len - 1] == 's' && buf[len - 2] != 's') /* peoples, merchants */
        buf[len - 1] = 0;
    memcpy(t->w[t->n], buf, sizeof buf);
    t->punct[t->n] = punct;
    t->n++;
}

void bankname_words(const char *text, struct bn_text *out)
{
    out->n = 0;
    bool punct = false;
    for (size_t i = 0; text[i];) {
        unsigned char c = (unsigned char)text[i];
        if (!isalnum(c)) {
            punct = punct || strchr(":;,|()[]-/", c) != NULL;
            i++;
            continue;
        }
        char w[24];
        size_t k = 0, start = i;
        for (; isalnum((unsigned char)text[i]); i++)
            if (k < sizeof w - 1)
                w[k++] = (char)tolower((unsigned char)text[i]);
        w[k] = 0;
        /* the "s" of "Merchant's" / "People’s" */
        bool possessive = start && (text[start - 1] == '\'' || (unsigned char)text[start - 1] == 0x99);
        if (!(possessive && !strcmp(w, "s")) && strcmp(w, "and"))
            push(out, w, punct);
        punct = false;
    }
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(((const struct name *)a)->w[0], ((const struct name *)b)->w[0]);
}

/* A name as its words: up to a comma or a bracket ("..., India", "(Apex
 * Bank)"), without a leading "the", cut at "Ltd". */
static void add_name(const struct bank_info *b, const char *phrase)
{
    char head[128];
    snprintf(head, sizeof head, "%.*s", (int)strcspn(phrase, ",("), phrase);
    struct bn_text t;
    bankname_words(head, &t);
    struct name *nm = &names[nnames];
    int from = t.n && !strcmp(t.w[0], "the") ? 1 : 0;
    nm->n = 0;
    for (int i = from; i < t.n && nm->n < NAME_WORDS && strcmp(t.w[i], "ltd"); i++)
        memcpy(nm->w[nm->n++], t.w[i], sizeof t.w[i]);
    if (nm->n == 0 || (nm->n == 1 && !strcmp(nm->w[0], "bank")))
        return;
    nm->bank = b;
    nnames++;
}

static void load(void)
{
    size_t nalias = 0;
    while (bank_alias_at(nalias, NULL))
        nalias++;
    names = calloc(bank_count() + nalias + 1, sizeof *names);
    if (!names)
        abort(); /* start-up allocation: nothing sensible to do */
    for (size_t i = 0; i < bank_count(); i++)
        add_name(bank_at(i), bank_at(i)->full_name);
    for (size_t i = 0; i < nalias; i++) {
        const struct bank_info *b;
        const char *phrase = bank_alias_at(i, &b);
        add_name(b, phrase);
    }
    qsort(names, nnames, sizeof *names, cmp_name);
}

static bool is_one_of(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(w, *list))
            return true;
    return false;
}

/* A bank's name may start at word p: at the start, after punctuation, or
 * after a small word; not after "near"/"opp" (an address) nor after another
 * name word (it would be part of a longer name). */
static bool name_can_start(const struct bn_text *t, int p)
{
    static const char *const LOCATOR[] = {"near", "nr", "opp", "opposite", "behind", "beside", "next", NULL};
    static const char *const SMALL[] = {"the", "to", "of", "by", "at", "your", "with", "from", "for", "in",
                                        "on", "a", "an", "is", "welcome", "dear", "our", "this", "as", "per",
                                        "statement", "issued", NULL};
    if (p == 0)
        return true;
    if (is_one_of(t->w[p - 1], LOCATOR))
        return false;
    return t->punct[p] || is_one_of(t->w[p - 1], SMALL);
}

bool bankname_find(const struct bn_text *t, struct bn_match *out)
{
    pthread_once(&once, load);
    out->bank = NULL;
    out->words = 0;
    for (int p = 0; p < t->n; p++) {
        struct name key;
        memcpy(key.w[0], t->w[p], sizeof key.w[0]);
        struct name *hit = bsearch(&key, names, nnames, sizeof *names, cmp_name);
        if (!hit || !name_can_start(t, p))
            continue;
        while (hit > names && !strcmp(hit[-1].w[0], t->w[p]))
            hit--;
        for (; hit < names + nnames && !strcmp(hit->w[0], t->w[p]); hit++) {
            int k = 1;
            while (k < hit->n && p + k < t->n && !strcmp(hit->w[k], t->w[p + k]))
                k++;
            if (k == hit->n && k > out->words) {
                out->bank = hit->bank;
                out->words = k;
            }
        }
    }
    return out->bank != NULL;
}

bool bankname_coop_like(const struct bn_text *t)
{
    static const char *const KIND[] = {"coop",    "sahakari", "urban",  "gramin",    "nagarik",  "mercantile",
                                       "people",  "mahila",   "janata", "kshetriya", "rural",    "district",
                                       "central", "souharda", "pattana", "vikas",    "commercial", NULL};
    for (int p = 0; p < t->n; p++) {
        if (strcmp(t->w[p], "bank"))
            continue;
        for (int k = p - 1; k >= 0 && k >= p - 3; k--)
            if (is_one_of(t->w[k], KIND))
                return true;
    }
    return false;
}

bool bankname_foreign_mark(const struct bn_text *t)
{
    static const char *const CURRENCY[] = {"usd", "gbp", "eur", "aed", "sgd", "sar", "cad", "aud", "chf", "jpy",
                                           "hkd", "qar", "kwd", "omr", "bhd", "myr", "nzd", NULL};
    for (int p = 0; p < t->n; p++) {
        const char *w = t->w[p], *next = p + 1 < t->n ? t->w[p + 1] : "";
        if (!strcmp(w, "iban") || !strcmp(w, "bsb") || (!strcmp(w, "sort") && !strcmp(next, "code")) ||
            (!strcmp(w, "routing") && (!strcmp(next, "number") || !strcmp(next, "no"))))
            return true;
        if (!strcmp(w, "currency") && is_one_of(next, CURRENCY))
            return true;
    }
    return false;
}

const struct bank_info *bankname_domain(const char *text)
{
    for (size_t i = 0; text[i];) {
        if (!isalnum((unsigned char)text[i])) {
            i++;
            continue;
        }
        size_t j = i;
        bool dot = false;
        for (; isalnum((unsigned char)text[j]) || text[j] == '-' || text[j] == '.'; j++)
            dot = dot || text[j] == '.';
        size_t e = j;
        while (e > i && text[e - 1] == '.') /* a full stop after the address */
            e--;
        size_t tld = e;
        while (tld > i && isalpha((unsigned char)text[tld - 1]))
            tld--;
        if (dot && e - tld >= 2 && tld > i + 1 && text[tld - 1] == '.') {
            const struct bank_info *b = bank_find_by_domain(text + i, e - i);
            if (b)
                return b;
        }
        i = j;
    }
    return NULL;
}
