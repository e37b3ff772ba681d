#include "enrich/holders.h"

#include <string.h>

#include "enrich/classify.h"

static bool same_holder(const char *a, const char *b)
{
    return a && b && (classify_name_matches(a, b) || classify_name_matches(b, a));
}

static bool named_by_lender(const char *name, const char *const *meta, size_t nmeta)
{
    for (size_t k = 0; k < nmeta; k++)
        if (same_holder(meta[k], name))
            return true;
    return false;
}

/* The holder with most accounts (ties: the one seen first). */
static int largest(const struct holders *h)
{
    int best = -1;
    size_t best_n = 0;
    for (size_t g = 0; g < h->n; g++) {
        size_t c = 0;
        for (size_t i = 0; i < h->nacc; i++)
            c += h->of[i] == (int)g;
        if (c > best_n) {
            best_n = c;
            best = (int)g;
        }
    }
    return best;
}

void holders_group(const char *const *names, size_t n, const char *const *meta, size_t nmeta,
                   struct holders *h)
{
    memset(h, 0, sizeof *h);
    h->primary = -1;
    h->nacc = n < HOLDERS_MAX ? n : HOLDERS_MAX;
    for (size_t i = 0; i < h->nacc; i++) {
        h->of[i] = -1;
        if (!names[i] || !*names[i])
            continue;
        for (size_t g = 0; g < h->n && h->of[i] < 0; g++)
            if (same_holder(h->name[g], names[i]))
                h->of[i] = (int)g;
        if (h->of[i] < 0 && h->n < HOLDERS_MAX) {
            h->name[h->n] = names[i];
            h->matches_meta[h->n] = named_by_lender(names[i], meta, nmeta);
            h->of[i] = (int)h->n++;
        }
    }
    h->mismatch = h->n > 1;
    for (size_t g = 0; g < h->n; g++) {
        if (nmeta && !h->matches_meta[g])
            h->mismatch = true;
        if (h->primary < 0 && h->matches_meta[g])
            h->primary = (int)g;
    }
    if (h->primary < 0)
        h->primary = largest(h);
}

json_t *holders_json(const struct holders *h)
{
    json_t *names = json_array();
    for (size_t g = 0; g < h->n; g++)
        json_array_append_new(names, json_string(h->name[g]));
    return json_pack("{s:I, s:o, s:b}", "count", (json_int_t)h->n, "names", names, "mismatch", h->mismatch);
}

json_t *holders_name_matches(const struct holders *h, size_t i, const char *const *names,
                             const char *const *account_ids, const char *const *meta, size_t nmeta)
{
    json_t *arr = json_array();
    const char *mine = i < h->nacc ? names[i] : NULL;
    for (size_t k = 0; k < nmeta; k++)
        json_array_append_new(arr, json_pack("{s:s, s:s, s:b}", "name", meta[k], "source", "metadata",
                                             "matched", same_holder(meta[k], mine)));
    for (size_t j = 0; j < h->nacc; j++) {
        if (j == i || !names[j] || !*names[j])
            continue;
        json_array_append_new(arr, json_pack("{s:s, s:s, s:o, s:b}", "name", names[j], "source", "account",
                                             "account_id", account_ids && account_ids[j]
                                                               ? json_string(account_ids[j]) : json_null(),
                                             "matched", h->of[j] == h->of[i] && h->of[i] >= 0));
    }
    return arr;
}
