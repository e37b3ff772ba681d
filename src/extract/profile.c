#include "extract/profile.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/embedded.h"

#define MAX_BANKS 64
#define MAX_PHRASES 1024

static struct bank_profile banks[MAX_BANKS];
static size_t nbanks;
static struct phrase phrases[3][MAX_PHRASES];
static size_t nphrases[3];
/* The same phrases sorted by first token (then file order), for lookups
 * by the word a phrase starts with. */
static struct phrase by_first[3][MAX_PHRASES];
static int load_status = -1;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static const char *const COL_NAMES[COL__COUNT] = {
    "", "date", "value_date", "narration", "ref", "debit", "credit",
    "amount", "drcr", "balance", "slno", "other", "unknown"};
static const char *const IDF_NAMES[IDF__COUNT] = {
    "", "name", "account_number", "ifsc", "micr", "address", "account_type", "period",
    "opening", "closing", "od_limit", "credit_limit", "email", "phone", "pan", "other_account", "ignore"};
static const char *const ROW_NAMES[] = {"", "opening", "closing", "skip", "end"};

int profile_tokenize(const char *s, char tok[][24], int max)
{
    int n = 0;
    size_t i = 0;
    while (s[i] && n < max) {
        while (s[i] && !isalnum((unsigned char)s[i]))
            i++;
        if (!s[i])
            break;
        size_t k = 0;
        while (isalnum((unsigned char)s[i])) {
            if (k < 23)
                tok[n][k++] = (char)tolower((unsigned char)s[i]);
            i++;
        }
        tok[n][k] = 0;
        n++;
    }
    return n;
}

static int name_index(const char *const *names, int n, const char *s)
{
    for (int i = 1; i < n; i++)
        if (!strcmp(names[i], s))
            return i;
    return -1;
}

static int bank_slot(const char *id)
{
    int b = profile_bank_find(id);
    if (b >= 0 || nbanks == MAX_BANKS)
        return b;
    snprintf(banks[nbanks].id, sizeof banks[nbanks].id, "%s", id);
    return (int)nbanks++;
}

/* Column words by their stem: banks write "Withdrawal", "Withdrawals",
 * "Withdraws", "Withdrawls"; one form stands for all. */
void profile_header_stem(char *tok)
{
    static const struct {
        const char *prefix, *stem;
    } S[] = {{"withdr", "withdrawal"}, {"deposit", "deposit"}, {"debit", "debit"},       {"credit", "credit"},
             {"balanc", "balance"},    {"narr", "narration"},   {"partic", "particulars"},   {"desc", "description"},
             {"remark", "remarks"},    {"referen", "reference"}, {"instrum", "instrument"},  {"amount", "amount"},
             {"lodg", "lodgement"},    {"transact", "transaction"}};
    for (size_t i = 0; i < sizeof S / sizeof *S; i++) /* every word a header is looked for in */
        if (tok[0] == S[i].prefix[0] && !strncmp(tok, S[i].prefix, strlen(S[i].prefix))) {
            snprintf(tok, 24, "%s", S[i].stem);
            return;
        }
}

static void add_phrase(enum phrase_kind kind, int role, const char *text)
{
    if (nphrases[kind] == MAX_PHRASES)
        return;
    struct phrase *p = &phrases[kind][nphrases[kind]];
    p->kind = kind;
    p->role = role;
    p->ntok = profile_tokenize(text, p->tok, PHRASE_MAX_TOKENS);
    p->seq = (int)nphrases[kind];
    for (int i = 0; kind == PHRASE_HEADER && i < p->ntok; i++)
        profile_header_stem(p->tok[i]);
    if (p->ntok > 0)
        nphrases[kind]++;
}

/* One "bank kind key value" line. Unknown kinds or keys are ignored so
 * that older binaries read newer tables. */
static void load_line(char *f[4])
{
    if (!strcmp(f[1], "bank")) {
        int b = bank_slot(f[0]);
        if (b < 0)
            return;
        if (!strcmp(f[2], "name"))
            snprintf(banks[b].name, sizeof banks[b].name, "%s", f[3]);
        else if (!strcmp(f[2], "ifsc"))
            snprintf(banks[b].ifsc, sizeof banks[b].ifsc, "%s", f[3]);
        return;
    }
    int role;
    if (!strcmp(f[1], "header") && (role = name_index(COL_NAMES, COL__COUNT, f[2])) > 0)
        add_phrase(PHRASE_HEADER, role, f[3]);
    else if (!strcmp(f[1], "label") && (role = name_index(IDF_NAMES, IDF__COUNT, f[2])) > 0)
        add_phrase(PHRASE_LABEL, role, f[3]);
    else if (!strcmp(f[1], "row") && (role = name_index(ROW_NAMES, 5, f[2])) > 0)
        add_phrase(PHRASE_ROW, role, f[3]);
}

static int cmp_first(const void *a, const void *b)
{
    const struct phrase *x = a, *y = b;
    int c = strcmp(x->tok[0], y->tok[0]);
    return c ? c : x->seq - y->seq;
}

static void index_phrases(void)
{
    for (int k = 0; k < 3; k++) {
        memcpy(by_first[k], phrases[k], nphrases[k] * sizeof **phrases);
        qsort(by_first[k], nphrases[k], sizeof **phrases, cmp_first);
    }
}

/* Profiles and identity labels share one line format. */
static const char *const FILES[] = {"banks/profiles.tsv", "banks/identity.tsv"};

static int load_file(const char *path)
{
    const struct embedded_file *ef = embedded_find(path);
    if (!ef)
        return -1;
    char *buf = strndup((const char *)ef->data, ef->len);
    if (!buf)
        return -1;
    char *save = NULL;
    for (char *ln = strtok_r(buf, "\n", &save); ln; ln = strtok_r(NULL, "\n", &save)) {
        if (ln[0] == '#')
            continue;
        char *f[4] = {ln, NULL, NULL, NULL};
        int nf = 1;
        for (char *p = ln; *p && nf < 4; p++)
            if (*p == '\t') {
                *p = 0;
                f[nf++] = p + 1;
            }
        if (nf == 4)
            load_line(f);
    }
    free(buf);
    return 0;
}

static void load_once(void)
{
    for (size_t i = 0; i < sizeof FILES / sizeof *FILES; i++)
        if (load_file(FILES[i]) < 0)
            return;
    index_phrases();
    load_status = 0;
}

int profile_load(void)
{
    pthread_once(&once, load_once);
    return load_status;
}

size_t profile_nbanks(void)
{
    return nbanks;
}

const struct bank_profile *profile_bank(size_t i)
{
    return i < nbanks ? &banks[i] : NULL;
}

int profile_bank_find(const char *id)
{
    for (size_t i = 0; i < nbanks; i++)
        if (!strcasecmp(banks[i].id, id))
            return (int)i;
    return -1;
}

int profile_bank_by_ifsc(const char *ifsc)
{
    for (size_t i = 0; i < nbanks; i++)
        if (banks[i].ifsc[0] && !strncasecmp(banks[i].ifsc, ifsc, 4))
            return (int)i;
    return -1;
}

const struct phrase *profile_phrases(enum phrase_kind kind, size_t *n)
{
    *n = nphrases[kind];
    return phrases[kind];
}

const struct phrase *profile_phrases_from(enum phrase_kind kind, const char *tok, size_t *n)
{
    const struct phrase *p = by_first[kind];
    size_t lo = 0, hi = nphrases[kind];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(p[mid].tok[0], tok) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < nphrases[kind] && !strcmp(p[end].tok[0], tok))
        end++;
    *n = end - lo;
    return p + lo;
}
