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

static char *dup_text(const json_t *obj, const char *key, const char *alt)
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
    struct identity *id = &a->st.id;
    a->holders_type = dup_text(holders, "type", NULL);
    id->name = dup_text(h, "name", NULL);
    id->address = dup_text(h, "address", NULL);
    id->phone = dup_text(h, "mobile", NULL);
    id->email = dup_text(h, "email", NULL);
    id->pan = dup_text(h, "pan", NULL);
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
    id->ifsc = dup_text(s, "ifscCode", "ifsc");
    id->micr = dup_text(s, "micrCode", "micr");
    id->account_type = dup_text(s, "type", "accountSubType");
    id->raw_account_category = dup_text(s, "accountType", NULL);
    a->branch = dup_text(s, "branch", NULL);
    a->currency = dup_text(s, "currency", NULL);
    a->account_status = dup_text(s, "status", NULL);
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
    char b[7][64];
    struct fi_row r = {0};
    json_t *bal = get(t, "currentBalance", "transactionalBalance");
    r.type = text(get(t, "type", NULL), b[0], 64, NULL, NULL);
    r.amount = text(get(t, "amount", NULL), b[1], 64, &r.amount_is_number, &r.amount_num);
    r.balance = text(bal, b[2], 64, &r.balance_is_number, &r.balance_num);
    r.timestamp = text(get(t, "transactionTimestamp", NULL), b[3], 64, NULL, NULL);
    r.value_date = text(get(t, "valueDate", NULL), b[4], 64, NULL, NULL);
    r.narration = text(get(t, "narration", NULL), b[5], 64, NULL, NULL);
    r.txn_id = text(get(t, "txnId", NULL), b[6], 64, NULL, NULL);
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
    out->masked_acc = dup_text(acc, "maskedAccNumber", NULL);
    out->linked_ref = dup_text(acc, "linkedAccRef", NULL);
    out->version = dup_text(acc, "version", NULL);
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
