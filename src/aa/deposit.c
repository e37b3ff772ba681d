/* What the XML and JSON readers share: dates, amounts, rows and the
 * finishing of the statement. */
#include "aa/deposit.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/bank.h"
#include "util/array.h"

#define IST_OFFSET_S 19800 /* +05:30 */

void fi_account_free(struct fi_account *a)
{
    statement_free(&a->st);
    free(a->masked_acc);
    free(a->linked_ref);
    free(a->version);
    free(a->holders_type);
    free(a->branch);
    free(a->currency);
    free(a->account_status);
    free(a->row_ms);
    memset(a, 0, sizeof *a);
}

#define AT(member) offsetof(struct fi_account, member)
const struct fi_field FI_ACCOUNT_FIELDS[] = {
    {"maskedAccNumber", NULL, AT(masked_acc)}, {"linkedAccRef", NULL, AT(linked_ref)},
    {"version", NULL, AT(version)}, {NULL, NULL, 0},
};
const struct fi_field FI_HOLDER_FIELDS[] = {
    {"name", NULL, AT(st.id.name)},   {"address", NULL, AT(st.id.address)}, {"mobile", NULL, AT(st.id.phone)},
    {"email", NULL, AT(st.id.email)}, {"pan", NULL, AT(st.id.pan)},         {NULL, NULL, 0},
};
const struct fi_field FI_SUMMARY_FIELDS[] = {
    {"ifscCode", "ifsc", AT(st.id.ifsc)},
    {"micrCode", "micr", AT(st.id.micr)},
    {"type", "accountSubType", AT(st.id.account_type)},
    {"accountType", NULL, AT(st.id.raw_account_category)},
    {"branch", NULL, AT(branch)},
    {"currency", NULL, AT(currency)},
    {"status", NULL, AT(account_status)},
    {NULL, NULL, 0},
};
const struct fi_field FI_ROW_KEYS[FI_ROW_TEXTS] = {
    [FI_ROW_TYPE] = {"type", NULL, 0},
    [FI_ROW_AMOUNT] = {"amount", NULL, 0},
    [FI_ROW_BALANCE] = {"currentBalance", "transactionalBalance", 0},
    [FI_ROW_TIMESTAMP] = {"transactionTimestamp", NULL, 0},
    [FI_ROW_VALUE_DATE] = {"valueDate", NULL, 0},
    [FI_ROW_NARRATION] = {"narration", NULL, 0},
    [FI_ROW_TXN_ID] = {"txnId", NULL, 0},
};
#undef AT

void fi_fill(struct fi_account *a, const struct fi_field *table, const void *node, fi_dup_fn *dup)
{
    for (const struct fi_field *f = table; f->name; f++)
        *(char **)((char *)a + f->at) = dup(node, f->name, f->alt);
}

int fi_parse(const char *data, size_t len, struct fi_account *out, char *why, size_t cap)
{
    size_t i = 0;
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) /* a UTF-8 byte order mark */
        i = 3;
    while (i < len && isspace((unsigned char)data[i]))
        i++;
    if (i < len && data[i] == '<')
        return fi_parse_xml(data, len, out, why, cap);
    if (i < len && (data[i] == '{' || data[i] == '['))
        return fi_parse_json(data + i, len - i, out, why, cap);
    snprintf(why, cap, "neither XML nor JSON");
    return -1;
}

static int num(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

bool fi_date(const char *s, pb_day *out)
{
    int y, m, d;
    while (s && isspace((unsigned char)*s))
        s++;
    return s && strlen(s) >= 10 && s[4] == '-' && s[7] == '-' && num(s, 4, &y) == 0 && num(s + 5, 2, &m) == 0 &&
           num(s + 8, 2, &d) == 0 && date_from_ymd(y, m, d, out);
}

/* "HH:MM[:SS[.fff]]" at s: seconds of the day; *end after it. */
static int clock_secs(const char *s, const char **end, int *ms)
{
    int h, mi, sec = 0;
    *ms = 0;
    if (num(s, 2, &h) || s[2] != ':' || num(s + 3, 2, &mi) || h > 23 || mi > 59)
        return -1;
    s += 5;
    if (*s == ':') {
        if (num(s + 1, 2, &sec) || sec > 60)
            return -1;
        s += 3;
        if (*s == '.' || *s == ',') {
            int digits = 0, frac = 0;
            for (s++; isdigit((unsigned char)*s); s++, digits++)
                if (digits < 3)
                    frac = frac * 10 + (*s - '0');
            if (!digits)
                return -1;
            for (; digits < 3; digits++)
                frac *= 10;
            *ms = frac;
        }
    }
    *end = s;
    return h * 3600 + mi * 60 + sec;
}

/* "Z", "+05:30", "+0530", "+05", "" (none: IST). Offset in seconds. */
static int zone(const char *s, int *offset)
{
    while (*s == ' ')
        s++;
    if (!*s) {
        *offset = IST_OFFSET_S;
        return 0;
    }
    if ((s[0] == 'Z' || s[0] == 'z') && !s[1]) {
        *offset = 0;
        return 0;
    }
    int h, m = 0;
    if ((s[0] != '+' && s[0] != '-') || num(s + 1, 2, &h) || h > 14)
        return -1;
    const char *p = s + 3;
    if (*p == ':')
        p++;
    if (*p && (num(p, 2, &m) || m > 59 || p[2]))
        return -1;
    *offset = (s[0] == '-' ? -1 : 1) * (h * 3600 + m * 60);
    return 0;
}

bool fi_instant(const char *s, pb_day *ist_day, int64_t *ms)
{
    pb_day d;
    if (!fi_date(s, &d))
        return false;
    while (isspace((unsigned char)*s))
        s++;
    const char *p = s + 10;
    if (!*p || (p[0] == ' ' && !p[strspn(p, " ")])) { /* a bare date is that date */
        *ist_day = d;
        *ms = ((int64_t)d * 86400 - IST_OFFSET_S) * 1000;
        return true;
    }
    if (*p != 'T' && *p != 't' && *p != ' ')
        return false;
    const char *end;
    int frac, offset;
    int secs = clock_secs(p + 1, &end, &frac);
    if (secs < 0 || zone(end, &offset))
        return false;
    int64_t epoch = (int64_t)d * 86400 + secs - offset;
    *ms = epoch * 1000 + frac;
    int64_t local = epoch + IST_OFFSET_S;
    *ist_day = (pb_day)(local >= 0 ? local / 86400 : (local - 86399) / 86400);
    return true;
}

bool fi_amount(const char *s, pb_paise *out)
{
    char buf[64];
    size_t n = s ? strlen(s) : 0;
    if (!n || n >= sizeof buf)
        return false;
    memcpy(buf, s, n + 1);
    /* Extra decimals are allowed only as zeros: "100.000" is 100.00. */
    char *dot = strrchr(buf, '.');
    if (dot) {
        char *e = buf + strlen(buf);
        while (e > buf && isspace((unsigned char)e[-1]))
            *--e = '\0';
        while (e - dot > 3 && e[-1] == '0')
            *--e = '\0';
        if (e - dot == 1)
            *--e = '\0';
    }
    return money_parse(buf, strlen(buf), out);
}

static int direction(const char *t, enum txn_type *out)
{
    static const char *const CR[] = {"CREDIT", "CR", "C", NULL}, *const DR[] = {"DEBIT", "DR", "D", NULL};
    for (int i = 0; t && CR[i]; i++)
        if (!strcasecmp(t, CR[i]) || !strcasecmp(t, DR[i])) {
            *out = !strcasecmp(t, CR[i]) ? TXN_CREDIT : TXN_DEBIT;
            return 0;
        }
    return -1;
}

/* Room for one more row in the transactions and their times, which share
 * a->cap. */
static int grow(struct fi_account *a)
{
    size_t need = a->st.ntxns + 1, txns_cap = a->cap, ms_cap = a->cap;
    if (array_grow(&a->st.txns, &txns_cap, need, sizeof *a->st.txns, 64) ||
        array_grow(&a->row_ms, &ms_cap, need, sizeof *a->row_ms, 64))
        return -1;
    a->cap = txns_cap;
    return 0;
}

/* Row text i as money: 0, or -1 when it is absent or not an amount. */
static int money_of(const struct fi_row *r, int i, pb_paise *out)
{
    if (r->is_number[i])
        return money_from_rupees(r->number[i], out) ? 0 : -1;
    return r->text[i] && fi_amount(r->text[i], out) ? 0 : -1;
}

int fi_add_row(struct fi_account *a, const struct fi_row *r, char *why, size_t cap)
{
    size_t row = a->st.ntxns + 1;
    if (row > FI_MAX_TXNS) {
        snprintf(why, cap, "more than %d transactions", FI_MAX_TXNS);
        return -1;
    }
    struct txn t = {.value_date = PB_NO_DAY};
    int64_t ms;
    if (direction(r->text[FI_ROW_TYPE], &t.type)) {
        snprintf(why, cap, "transaction %zu: type is not CREDIT or DEBIT", row);
        return -1;
    }
    if (money_of(r, FI_ROW_AMOUNT, &t.amount)) {
        snprintf(why, cap, "transaction %zu: amount is not a number", row);
        return -1;
    }
    if (!r->text[FI_ROW_TIMESTAMP] || !fi_instant(r->text[FI_ROW_TIMESTAMP], &t.date, &ms)) {
        snprintf(why, cap, "transaction %zu: transactionTimestamp is not a date-time", row);
        return -1;
    }
    if (t.amount < 0)
        t.amount = -t.amount; /* the direction says which way */
    if (money_of(r, FI_ROW_BALANCE, &t.balance) == 0)
        t.has_balance = true;
    const char *value_date = r->text[FI_ROW_VALUE_DATE], *narration = r->text[FI_ROW_NARRATION];
    if (value_date && !fi_date(value_date, &t.value_date))
        t.value_date = PB_NO_DAY;
    t.note = strdup(narration ? narration : "");
    t.reconciled = true;
    if (!t.note || grow(a)) {
        free(t.note);
        snprintf(why, cap, "out of memory");
        return -1;
    }
    a->row_ms[a->st.ntxns] = ms;
    a->st.txns[a->st.ntxns++] = t;
    return 0;
}

/* Stable merge sort of rows by instant (FIPs send newest or oldest first). */
static void sort_rows(struct txn *t, int64_t *ms, size_t n, struct txn *tt, int64_t *tm)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    sort_rows(t, ms, h, tt, tm);
    sort_rows(t + h, ms + h, n - h, tt, tm);
    size_t i = 0, j = h, k = 0;
    while (i < h || j < n) {
        bool left = j >= n || (i < h && ms[i] <= ms[j]);
        size_t s = left ? i++ : j++;
        tt[k] = t[s];
        tm[k++] = ms[s];
    }
    memcpy(t, tt, n * sizeof *t);
    memcpy(ms, tm, n * sizeof *ms);
}

static void balances(struct statement *st)
{
    st->balances_ok = st->totals_ok = true;
    if (!st->ntxns || !st->txns[0].has_balance)
        return;
    const struct txn *f = &st->txns[0], *l = &st->txns[st->ntxns - 1];
    st->opening_balance = f->type == TXN_CREDIT ? f->balance - f->amount : f->balance + f->amount;
    st->has_opening = true;
    pb_paise prev = st->opening_balance, credits = 0, debits = 0;
    for (size_t i = 0; i < st->ntxns; i++) {
        struct txn *x = &st->txns[i];
        pb_paise want = x->type == TXN_DEBIT ? prev - x->amount : prev + x->amount;
        x->reconciled = !x->has_balance || want == x->balance;
        st->balances_ok = st->balances_ok && x->reconciled;
        *(x->type == TXN_DEBIT ? &debits : &credits) += x->amount;
        prev = x->has_balance ? x->balance : want;
    }
    if (l->has_balance) {
        st->closing_balance = l->balance;
        st->has_closing = true;
        st->totals_ok = st->opening_balance + credits - debits == st->closing_balance;
    }
}

static pb_day range_day(const char *s)
{
    pb_day d;
    int64_t ms;
    return s && fi_instant(s, &d, &ms) ? d : PB_NO_DAY;
}

int fi_finish(struct fi_account *a, const char *start, const char *end, const char *ifsc, char *why, size_t cap)
{
    struct statement *st = &a->st;
    st->source = SOURCE_AA;
    if (st->ntxns > 1) {
        struct txn *tt = malloc(st->ntxns * sizeof *tt);
        int64_t *tm = malloc(st->ntxns * sizeof *tm);
        if (!tt || !tm) {
            free(tt);
            free(tm);
            snprintf(why, cap, "out of memory");
            return -1;
        }
        sort_rows(st->txns, a->row_ms, st->ntxns, tt, tm);
        free(tt);
        free(tm);
    }
    balances(st);
    st->from_date = range_day(start);
    st->to_date = range_day(end);
    if (st->ntxns && (st->from_date == PB_NO_DAY || st->txns[0].date < st->from_date))
        st->from_date = st->txns[0].date;
    if (st->ntxns && (st->to_date == PB_NO_DAY || st->txns[st->ntxns - 1].date > st->to_date))
        st->to_date = st->txns[st->ntxns - 1].date;
    const struct bank_info *b = bank_find_by_ifsc(ifsc);
    char lower[64];
    if (b && !(st->bank = strdup(bank_id_lower(b, lower, sizeof lower)))) {
        snprintf(why, cap, "out of memory");
        return -1;
    }
    if (a->masked_acc && !st->id.account_number && !(st->id.account_number = strdup(a->masked_acc))) {
        snprintf(why, cap, "out of memory");
        return -1;
    }
    return 0;
}
