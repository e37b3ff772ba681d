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
