/* Recurring sets and expense categories. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "insights/insights.h"
#include "util/array.h"

static int paise_cmp(const void *a, const void *b)
{
    pb_paise x = *(const pb_paise *)a, y = *(const pb_paise *)b;
    return (x > y) - (x < y);
}

static pb_paise median_of(pb_paise *a, size_t n)
{
    qsort(a, n, sizeof *a, paise_cmp);
    return n % 2 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
}

/* Channels whose rows are one-off by nature, never a recurring set. */
static bool recurrable(const struct etxn *x)
{
    enum channel c = x->cls.channel;
    return !x->skip && c != CH_CASH_WITHDRAWL && c != CH_CASH_DEPOSIT && c != CH_REFUND &&
           !x->is_bounce;
}

struct key_idx {
    char key[CLS_TEXT + 48];
    size_t i;
};

static int key_cmp(const void *a, const void *b)
{
    const struct key_idx *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* A set: rows of one direction, channel and clean note whose amounts are
 * within 15% of the group's median, in at least 3 distinct months and on
 * average at most twice a month (a payee paid every few days is a habit,
 * not a recurring obligation). */
static void consider(const struct account_enriched *e, const struct key_idx *k, size_t n,
                     struct recurring *r, size_t *cap)
{
    pb_paise *amts = malloc(n * sizeof *amts);
    if (!amts)
        abort();
    for (size_t j = 0; j < n; j++)
        amts[j] = e->tx[k[j].i].t->amount;
    pb_paise med = median_of(amts, n);
    size_t *idx = malloc(n * sizeof *idx), m = 0, months = 0;
    if (!idx)
        abort();
    pb_month last = -1;
    for (size_t j = 0; j < n; j++) {
        const struct etxn *x = &e->tx[k[j].i];
        if (x->t->amount * 20 < med * 17 || x->t->amount * 20 > med * 23)
            continue;
        idx[m++] = k[j].i;
        if (date_month(x->t->date) != last)
            months++;
        last = date_month(x->t->date);
    }
    free(amts);
    if (months < 3 || m > 2 * months) {
        free(idx);
        return;
    }
    if (array_grow(&r->sets, cap, r->n + 1, sizeof *r->sets, 8))
        abort();
    struct recurring_set *s = &r->sets[r->n++];
    memset(s, 0, sizeof *s);
    const struct etxn *first = &e->tx[idx[0]];
    s->type = first->t->type;
    s->ch = first->cls.channel;
    enrich_clean_note(first, s->note, sizeof s->note);
    s->idx = idx;
    s->n = m;
    pb_paise *a = malloc(m * sizeof *a);
    if (!a)
        abort();
    for (size_t j = 0; j < m; j++) {
        a[j] = e->tx[idx[j]].t->amount;
        s->emi |= e->tx[idx[j]].is_emi;
    }
    s->median = median_of(a, m);
    free(a);
    s->start = first->t->date;
    s->end = e->tx[idx[m - 1]].t->date;
}

void recurring_find(const struct account_enriched *e, struct recurring *r)
{
    memset(r, 0, sizeof *r);
    struct key_idx *k = malloc((e->n ? e->n : 1) * sizeof *k);
    if (!k)
        abort();
    size_t n = 0;
    for (size_t i = 0; i < e->n; i++) {
        const struct etxn *x = &e->tx[i];
        if (!recurrable(x))
            continue;
        char note[CLS_TEXT];
        enrich_clean_note(x, note, sizeof note);
        if (!note[0])
            continue;
        snprintf(k[n].key, sizeof k[n].key, "%d|%02d|%s", (int)x->t->type, (int)x->cls.channel, note);
        k[n++].i = i;
    }
    qsort(k, n, sizeof *k, key_cmp);
    size_t cap = 0;
    for (size_t a = 0; a < n;) {
        size_t b = a;
        while (b < n && strcmp(k[a].key, k[b].key) == 0)
            b++;
        if (b - a >= 3)
            consider(e, k + a, b - a, r, &cap);
        a = b;
    }
    free(k);
}

void recurring_free(struct recurring *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->sets[i].idx);
    free(r->sets);
    memset(r, 0, sizeof *r);
}

void percent_largest_remainder(const pb_paise *parts, size_t n, int *pct)
{
    pb_paise total = 0;
    for (size_t i = 0; i < n; i++)
        total += parts[i] > 0 ? parts[i] : 0;
    if (total <= 0) {
        for (size_t i = 0; i < n; i++)
            pct[i] = 0;
        return;
    }
    /* floor shares, then hand the missing points to the largest remainders
     * (ties: the earlier part) so the whole is exactly 100 */
    __int128 *rem = malloc((n ? n : 1) * sizeof *rem);
    if (!rem)
        abort();
    int given = 0;
    for (size_t i = 0; i < n; i++) {
        __int128 num = (__int128)(parts[i] > 0 ? parts[i] : 0) * 100;
        pct[i] = (int)(num / total);
        rem[i] = num % total;
        given += pct[i];
    }
    for (; given < 100; given++) {
        size_t best = 0;
        for (size_t i = 1; i < n; i++)
            if (rem[i] > rem[best])
                best = i;
        pct[best]++;
        rem[best] = -1;
    }
    free(rem);
}

/* "a mix of merchant category and transaction channel" (§6.5). */
static const char *expense_category(const struct etxn *x)
{
    const struct classification *c = &x->cls;
    static const struct {
        const char *mcat, *cat;
    } BY_MERCHANT[] = {
        {"loans", "Loans"},        {"ewallet", "Ewallet"},   {"groceries", "Groceries"},
        {"food", "Food"},          {"shopping", "Shopping"}, {"travel", "Travel"},
        {"fuel", "Fuel"},          {"medical", "Medical"},   {"entertainment", "Entertainment"},
        {"bills", "Bills"},        {"investments", "Investments"}, {"trading", "Investments"},
        {"insurance", "Insurance"}, {"tax", "Tax"},          {"gambling", "Gambling"},
        {"alcohol", "Alcohol"},    {"bnpl", "Loans"},
    };
    if (x->is_emi)
        return "Loans";
    if (!strcmp(c->category, "Rent"))
        return "Rent";
    if (!strcmp(c->description, "credit_card_bill"))
        return "Credit Card";
    for (size_t i = 0; i < sizeof BY_MERCHANT / sizeof BY_MERCHANT[0]; i++)
        if (strcmp(c->merchant_category, BY_MERCHANT[i].mcat) == 0)
            return BY_MERCHANT[i].cat;
    switch (c->channel) {
    case CH_CASH_WITHDRAWL:
        return "Cash";
    case CH_BILL_PAYMENT:
        return "Bills";
    case CH_BANK_CHARGE:
    case CH_INTERNATIONAL_TRANSACTION_ARBITRAGE:
        return "Bank Charges";
    case CH_INVESTMENT:
        return "Investments";
    case CH_DEBIT_CARD:
    case CH_PAYMENT_GATEWAY_PURCHASE:
        return "Shopping";
    case CH_SELF_TRANSFER:
        return "Self Transfers";
    case CH_UPI:
    case CH_NET_BANKING_TRANSFER:
    case CH_CHQ:
    case CH_DEMAND_DRAFT:
        /* "Transfers" are payments to people, each named on its row */
        return !strncmp(c->category, "Transfer to ", 12) ? "Transfers" : "Others";
    default:
        return "Others";
    }
}

size_t expense_categories(const struct account_enriched *e, struct expense_share *out)
{
    size_t n = 0;
    for (size_t i = 0; i < e->n; i++) {
        const struct etxn *x = &e->tx[i];
        if (x->skip || x->t->type != TXN_DEBIT)
            continue;
        const char *cat = expense_category(x);
        size_t k = 0;
        while (k < n && strcmp(out[k].category, cat) != 0)
            k++;
        if (k == n) {
            if (n == EXPENSE_MAX)
                k = n - 1; /* cannot happen with the fixed list; keep totals right */
            else
                out[n++] = (struct expense_share){cat, 0, 0};
        }
        out[k].amount += x->t->amount;
    }
    /* largest share first, then by name for a stable order */
    for (size_t a = 1; a < n; a++)
        for (size_t b = a; b > 0 && (out[b].amount > out[b - 1].amount ||
                                     (out[b].amount == out[b - 1].amount &&
                                      strcmp(out[b].category, out[b - 1].category) < 0));
             b--) {
            struct expense_share t = out[b];
            out[b] = out[b - 1];
            out[b - 1] = t;
        }
    pb_paise parts[EXPENSE_MAX] = {0};
    int pct[EXPENSE_MAX] = {0};
    for (size_t k = 0; k < n; k++)
        parts[k] = out[k].amount;
    percent_largest_remainder(parts, n, pct);
    for (size_t k = 0; k < n; k++)
        out[k].percentage = pct[k];
    return n;
}
