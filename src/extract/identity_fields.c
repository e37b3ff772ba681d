/* Validators of identity fields: a value that fails its field's check leaves
 * the field null (a field not printed is never guessed). */
#include "extract/identity_parts.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/profile.h"
#include "extract/token.h"

char *id_dup_trim(const char *s, size_t n)
{
    /* separators go, the sign of "-49,808.41" stays */
    while (n && (isspace((unsigned char)*s) || strchr(":-,.|()", *s)) &&
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
bool id_ifsc_at(const char *s, char out[12])
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
    if (n > 24 || letters > 4 || token_parse_date(s, n, &d) || id_ifsc_at(buf, ifsc))
        return false;
    return digits >= 6 || (digits >= 3 && digits + mask >= 8 && mask >= 2);
}

/* The first account number in v; *after gets the offset past it. */
char *id_account_in(const char *v, size_t *after)
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

char *id_micr_in(const char *v)
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
bool id_name_ok(const char *v, bool strict)
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
    id_tokenize(v, &t);
    if (t.n < (strict ? 2 : 1) || t.n > (strict ? 6 : 10))
        return false;
    int letters = 0;
    for (const char *p = v; *p; p++)
        letters += isalpha((unsigned char)*p) != 0;
    if (letters < 3)
        return false;
    for (int i = 0; i < t.n; i++)
        if (id_tok_in(t.t[i], NOT) || (strict && id_tok_in(t.t[i], TYPE)))
            return false;
    return true;
}

bool id_amount_in(const char *v, pb_paise *out)
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
        if (token_is_currency_sign(w, strlen(w)))
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

bool id_valid_for(int field, const char *v)
{
    char ifsc[12];
    char *x;
    switch (field) {
    case IDF_ACCOUNT_NUMBER:
        x = id_account_in(v, NULL);
        break;
    case IDF_IFSC:
        return id_ifsc_at(v, ifsc);
    case IDF_MICR:
        x = id_micr_in(v);
        break;
    default:
        return true;
    }
    free(x);
    return x != NULL;
}

/* Words that make a line someone else's: a counterparty, a nominee, a
 * sponsor. Its bank name or IFSC is not the statement's. */
bool id_counterparty_line(const char *text)
{
    static const char *const WORDS[] = {"beneficiary", "benef", "remitter", "payee",   "payer",    "sender",
                                        "receiver",    "counterparty", "favouring", "nominee", "guarantor",
                                        "drawee",      "sponsor",  "sponsored", "correspondent", NULL};
    static const char *const PAIRS[][2] = {{"transfer", "to"}, {"transfer", "from"}, {"transferred", "to"},
                                           {"received", "from"}, {"paid", "to"},     {"sent", "to"},
                                           {"counter", "party"}, {"drawn", "on"},    {"to", "a"},
                                           {"from", "a"},        {"linked", "account"}};
    struct toks t;
    id_tokenize(text, &t);
    for (int i = 0; i < t.n; i++) {
        if (id_tok_in(t.t[i], WORDS))
            return true;
        for (size_t k = 0; i + 1 < t.n && k < sizeof PAIRS / sizeof *PAIRS; k++)
            if (!strcmp(t.t[i], PAIRS[k][0]) && !strcmp(t.t[i + 1], PAIRS[k][1]))
                return true;
    }
    return false;
}
