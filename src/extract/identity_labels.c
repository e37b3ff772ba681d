/* Identity labels (data/banks/identity.tsv, a few hundred synonyms): which
 * field a run of tokens names, longest phrase first. */
#include "extract/identity_parts.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "extract/profile.h"

/* Label phrases sorted by first token, for a binary search per token. */
static const struct phrase **labels;
static size_t nlabels;
static pthread_once_t labels_once = PTHREAD_ONCE_INIT;

static int cmp_label(const void *a, const void *b)
{
    return strcmp((*(const struct phrase *const *)a)->tok[0], (*(const struct phrase *const *)b)->tok[0]);
}

/* The label phrases of two or more tokens written as one token (their
 * tokens run together, as OCR reads a label whose spaces it lost:
 * 'AccountNumber'), sorted by that token: phrases of 6 letters or more,
 * that fit a token. */
struct joined_label {
    char key[24];
    const struct phrase *ph;
};
static struct joined_label *joined;
static size_t njoined;

static int cmp_joined(const void *a, const void *b)
{
    return strcmp(((const struct joined_label *)a)->key, ((const struct joined_label *)b)->key);
}

static void load_joined(const struct phrase *ph, size_t n)
{
    joined = calloc(n + 1, sizeof *joined);
    if (!joined)
        return;
    for (size_t i = 0; i < n; i++) {
        char key[64] = "";
        size_t len = 0;
        for (int k = 0; k < ph[i].ntok && len < sizeof key; k++)
            len += (size_t)snprintf(key + len, sizeof key - len, "%s", ph[i].tok[k]);
        if (ph[i].ntok < 2 || len < 6 || len >= sizeof joined->key)
            continue;
        memcpy(joined[njoined].key, key, len + 1);
        joined[njoined++].ph = &ph[i];
    }
    qsort(joined, njoined, sizeof *joined, cmp_joined);
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
    load_joined(ph, n);
}

/* The field of a label phrase written as the one token tok, or IDF_NONE. */
static int run_together_label(const char *tok)
{
    struct joined_label key;
    size_t n = strnlen(tok, sizeof key.key - 1); /* cut as the keys were (load_joined) */
    memcpy(key.key, tok, n);
    key.key[n] = '\0';
    const struct joined_label *hit = joined ? bsearch(&key, joined, njoined, sizeof *joined, cmp_joined) : NULL;
    return hit ? hit->ph->role : IDF_NONE;
}

bool id_ends_with_label(const char *s, size_t n, int field)
{
    for (size_t i = 0; i < njoined; i++) {
        size_t k = strlen(joined[i].key);
        if (joined[i].ph->role == field && k <= n && !memcmp(s + n - k, joined[i].key, k))
            return true;
    }
    return false;
}

int id_labels_ready(void)
{
    if (profile_load() < 0)
        return -1;
    pthread_once(&labels_once, load_labels);
    return labels ? 0 : -1;
}

/* Longest label phrase at token p; returns its field and sets *len. */
int id_label_at(const struct toks *t, int p, int *len)
{
    *len = 0;
    if (p >= t->n)
        return IDF_NONE;
    struct phrase key;
    const struct phrase *kp = &key;
    memcpy(key.tok[0], t->t[p], sizeof key.tok[0]);
    const struct phrase **hit = bsearch(&kp, labels, nlabels, sizeof *labels, cmp_label);
    if (!hit) {
        int field = run_together_label(t->t[p]);
        *len = field != IDF_NONE;
        return field;
    }
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

bool id_starts_with_label(const char *text)
{
    struct toks t;
    int len;
    id_tokenize(text, &t);
    return id_label_at(&t, 0, &len) != IDF_NONE;
}

/* A label of a field other than the address anywhere in text ("This is
 * the statement of your Savings Account No. ..."): the address is over. */
bool id_names_a_field(const char *text)
{
    struct toks t;
    id_tokenize(text, &t);
    for (int p = 0; p < t.n; p++) {
        int len, field = id_label_at(&t, p, &len);
        if (field != IDF_NONE && field != IDF_IGNORE && field != IDF_NAME && field != IDF_ACCOUNT_TYPE)
            return true;
    }
    return false;
}
