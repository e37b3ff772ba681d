/* The JSON forms of a DEPOSIT document (jansson). AAs and FIU modules
 * deliver the same account with different key casing, holders and rows
 * as objects or arrays, numbers as numbers or strings; keys are matched
 * case-insensitively, plus the misspellings published samples carry. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aa/deposit.h"

/* obj[key] ignoring case, or obj[alt] (a known misspelling). */
static json_t *get(const json_t *obj, const char *key, const char *alt)
{
    const char *k;
    json_t *v;
    if (!json_is_object(obj))
        return NULL;
    json_object_foreach((json_t *)obj, k, v) if (!strcasecmp(k, key) || (alt && !strcasecmp(k, alt))) return v;
    return NULL;
}

/* A scalar as text into buf: strings as they are, integers printed;
 * reals are left to the caller (returns NULL, *is_real). */
static const char *text(const json_t *v, char *buf, size_t cap, bool *is_real, double *real)
{
    if (is_real)
        *is_real = false;
    if (json_is_string(v))
        return json_string_length(v) <= FI_TEXT_MAX ? json_string_value(v) : NULL;
    if (json_is_integer(v)) {
        snprintf(buf, cap, "%lld", (long long)json_integer_value(v));
        return buf;
    }
    if (json_is_real(v) && is_real) {
        *is_real = true;
        *real = json_real_value(v);
    }
    if (json_is_boolean(v)) {
        snprintf(buf, cap, "%s", json_is_true(v) ? "true" : "false");
        return buf;
    }
    return NULL;
}

static char *dup_text(const void *obj, const char *key, const char *alt)
{
    char buf[64];
    const char *t = text(get(obj, key, alt), buf, sizeof buf, NULL, NULL);
    return t && t[0] ? strdup(t) : NULL;
}

/* The first element of an array, or the value itself. */
static json_t *first(json_t *v)
{
    return json_is_array(v) ? json_array_get(v, 0) : v;
}

static void read_profile(const json_t *acc, struct fi_account *a)
{
    json_t *holders = get(get(acc, "Profile", NULL), "Holders", NULL);
    json_t *h = first(get(holders, "Holder", NULL));
    a->holders_type = dup_text(holders, "type", NULL);
    fi_fill(a, FI_HOLDER_FIELDS, h, dup_text);
}

static void amount_of(const json_t *v, pb_paise *out, bool *ok)
{
    char buf[64];
    bool real;
    double d;
    const char *t = text(v, buf, sizeof buf, &real, &d);
    *ok = real ? money_from_rupees(d, out) : t && fi_amount(t, out);
}

static const char *read_summary(const json_t *acc, struct fi_account *a)
{
    json_t *s = get(acc, "Summary", NULL);
    if (!json_is_object(s))
        return NULL;
    struct identity *id = &a->st.id;
    fi_fill(a, FI_SUMMARY_FIELDS, s, dup_text);
    bool ok;
    pb_paise p;
    amount_of(get(s, "currentODLimit", NULL), &p, &ok);
    if (ok)
        id->od_limit = p;
    amount_of(get(s, "currentBalance", NULL), &a->current_balance, &a->has_current_balance);
    return id->ifsc;
}

static int read_row(const json_t *t, struct fi_account *a, char *why, size_t cap)
{
    char b[FI_ROW_TEXTS][64];
    struct fi_row r = {0};
    for (int i = 0; i < FI_ROW_TEXTS; i++) {
        bool money = i == FI_ROW_AMOUNT || i == FI_ROW_BALANCE; /* may come as JSON numbers */
        r.text[i] = text(get(t, FI_ROW_KEYS[i].name, FI_ROW_KEYS[i].alt), b[i], sizeof b[i],
                         money ? &r.is_number[i] : NULL, &r.number[i]);
    }
    return fi_add_row(a, &r, why, cap);
}

/* The account object: {"account": {...}}, the account itself, or the
 * first such in an array. */
static const json_t *find_account(const json_t *v, int depth)
{
    if (depth > 4)
        return NULL;
    if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach((json_t *)v, i, x) {
            const json_t *hit = find_account(x, depth + 1);
            if (hit)
                return hit;
        }
        return NULL;
    }
    if (!json_is_object(v))
        return NULL;
    if (get(v, "Profile", NULL) || get(v, "Summary", NULL) || get(v, "Transactions", NULL))
        return v;
    return find_account(get(v, "Account", NULL), depth + 1);
}

int fi_parse_json(const char *data, size_t len, struct fi_account *out, char *why, size_t cap)
{
    memset(out, 0, sizeof *out);
    json_error_t e;
    json_t *doc = json_loadb(data, len, 0, &e);
    const json_t *acc = doc ? find_account(doc, 0) : NULL;
    int rc = -1;
    if (!doc) {
        snprintf(why, cap, "not valid JSON (line %d)", e.line);
        goto out;
    }
    if (!acc) {
        snprintf(why, cap, "no DEPOSIT account object");
        goto out;
    }
    const char *type = json_string_value(get(acc, "type", NULL));
    if (type && strcasecmp(type, "deposit")) {
        snprintf(why, cap, "not a DEPOSIT account");
        goto out;
    }
    fi_fill(out, FI_ACCOUNT_FIELDS, acc, dup_text);
    read_profile(acc, out);
    const char *ifsc = read_summary(acc, out);
    json_t *txns = get(acc, "Transactions", NULL);
    json_t *rows = get(txns, "Transaction", NULL);
    if (json_is_object(rows)) {
        if (read_row(rows, out, why, cap))
            goto out;
    } else if (rows && !json_is_array(rows) && !json_is_null(rows)) {
        snprintf(why, cap, "Transaction is neither a list nor an object");
        goto out;
    }
    size_t i;
    json_t *t;
    json_array_foreach(rows, i, t) if (read_row(t, out, why, cap)) goto out;
    char b1[64], b2[64];
    rc = fi_finish(out, text(get(txns, "startDate", NULL), b1, 64, NULL, NULL),
                   text(get(txns, "endDate", "endData"), b2, 64, NULL, NULL), ifsc, why, cap);
out:
    json_decref(doc);
    if (rc)
        fi_account_free(out);
    return rc;
}
