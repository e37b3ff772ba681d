#include "enrich/classify.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "enrich/rules.h"

static const char *CHANNEL_NAMES[CH_COUNT] = {
    "upi", "salary", "refund", "payment_gateway_purchase", "outward_cheque_bounce",
    "net_banking_transfer", "investment", "inward_cheque_bounce", "investment_cashin",
    "international_transaction_arbitrage", "debit_card", "chq", "cash_withdrawl",
    "cash_deposit", "bill_payment", "bank_interest", "bank_charge",
    "auto_debit_payment_bounce", "auto_debit_payment", "self_transfer", "demand_draft",
    "auto_credit", "Others",
};

const char *channel_name(enum channel c)
{
    return c < CH_COUNT ? CHANNEL_NAMES[c] : "Others";
}

bool channel_parse(const char *s, enum channel *out)
{
    if (strcasecmp(s, "Other") == 0) {
        *out = CH_OTHERS;
        return true;
    }
    for (int i = 0; i < CH_COUNT; i++)
        if (strcasecmp(s, CHANNEL_NAMES[i]) == 0) {
            *out = (enum channel)i;
            return true;
        }
    return false;
}

/* ---- the loaded tables ---------------------------------------------------- */

enum { DIR_ANY = -1 };

struct chan_rule {
    int prio;
    int dir;              /* TXN_DEBIT, TXN_CREDIT or DIR_ANY */
    struct matcher m;
    enum channel ch;
    const char *desc, *mcat, *cat, *example;
    size_t row;
};

struct cp_rule {
    struct rx re;
    char anchor[24];
    struct matcher needs; /* only its prefilter is used */
    int group;
    const char *example, *expected;
};

struct kv_rule {
    struct matcher m;
    const char *a, *b;
};

static struct {
    struct tsv tch, tcp, tmer, tlen, tsal, tpdf, thol, tpay;
    struct chan_rule *ch;
    size_t nch;
    struct cp_rule *cp;
    size_t ncp;
    struct kv_rule *mer, *len, *pdf, *sal, *pay;
    size_t nmer, nlen, npdf, nsal, npay;
    pb_day *hol;
    const char **holname;
    size_t nhol;
    int status; /* 0 ok, -1 failed */
    const char *err;
} R;

static pthread_once_t rules_once = PTHREAD_ONCE_INIT;

static int rule_cmp(const void *a, const void *b)
{
    const struct chan_rule *x = a, *y = b;
    if (x->prio != y->prio)
        return y->prio - x->prio;
    return x->row < y->row ? -1 : x->row > y->row;
}

static int load_channels(void)
{
    if (tsv_load("rules/channels.tsv", &R.tch, &R.err) != 0)
        return -1;
    R.ch = calloc(R.tch.nrows, sizeof *R.ch);
    if (!R.ch)
        abort();
    for (size_t i = 0; i < R.tch.nrows; i++) {
        struct chan_rule *r = &R.ch[R.nch];
        const char *dir = tsv_field(&R.tch, i, 1);
        r->prio = atoi(tsv_field(&R.tch, i, 0));
        r->dir = dir[0] == 'C' ? TXN_CREDIT : dir[0] == 'D' ? TXN_DEBIT : DIR_ANY;
        if (matcher_init(&r->m, tsv_field(&R.tch, i, 2), tsv_field(&R.tch, i, 3)) != 0 ||
            !channel_parse(tsv_field(&R.tch, i, 4), &r->ch)) {
            R.err = "bad row in rules/channels.tsv";
            return -1;
        }
        r->desc = tsv_field(&R.tch, i, 5);
        r->mcat = tsv_field(&R.tch, i, 6);
        r->cat = tsv_field(&R.tch, i, 7);
        r->example = tsv_field(&R.tch, i, 8);
        matcher_set_needs(&r->m, tsv_field(&R.tch, i, 9));
        r->row = i;
        R.nch++;
    }
    qsort(R.ch, R.nch, sizeof *R.ch, rule_cmp);
    return 0;
}

static int load_counterparty(void)
{
    if (tsv_load("rules/counterparty.tsv", &R.tcp, &R.err) != 0)
        return -1;
    R.cp = calloc(R.tcp.nrows, sizeof *R.cp);
    if (!R.cp)
        abort();
    for (size_t i = 0; i < R.tcp.nrows; i++) {
        struct cp_rule *r = &R.cp[R.ncp];
        char *up = str_upper_dup(tsv_field(&R.tcp, i, 0));
        int rc = rx_compile(&r->re, up);
        regex_anchor(up, r->anchor, sizeof r->anchor);
        free(up);
        if (rc != 0) {
            R.err = "bad regex in rules/counterparty.tsv";
            return -1;
        }
        r->group = atoi(tsv_field(&R.tcp, i, 1));
        matcher_init(&r->needs, "contains", "");
        matcher_set_needs(&r->needs, tsv_field(&R.tcp, i, 4));
        r->example = tsv_field(&R.tcp, i, 2);
        r->expected = tsv_field(&R.tcp, i, 3);
        R.ncp++;
    }
    return 0;
}

/* Tables of kind, pattern, a, b (pattern column at `pat`). */
static int load_kv(const char *path, struct tsv *t, struct kv_rule **out, size_t *n,
                   int pat, int needs)
{
    if (tsv_load(path, t, &R.err) != 0)
        return -1;
    *out = calloc(t->nrows + 1, sizeof **out);
    if (!*out)
        abort();
    for (size_t i = 0; i < t->nrows; i++) {
        struct kv_rule *r = &(*out)[*n];
        if (matcher_init(&r->m, tsv_field(t, i, pat - 1), tsv_field(t, i, pat)) != 0) {
            R.err = "bad rule row";
            return -1;
        }
        r->a = tsv_field(t, i, pat + 1);
        r->b = tsv_field(t, i, pat + 2);
        if (needs >= 0)
            matcher_set_needs(&r->m, tsv_field(t, i, (size_t)needs));
        if (pat == 2) /* salary.tsv: role first */
            r->a = tsv_field(t, i, 0);
        (*n)++;
    }
    return 0;
}

/* merchants.tsv's optional 5th column (bill descriptions), parallel to R.mer. */
static const char **mer_desc;

static int merchant_descriptions(void)
{
    mer_desc = calloc(R.nmer + 1, sizeof *mer_desc);
    if (!mer_desc)
        abort();
    for (size_t i = 0; i < R.nmer; i++)
        mer_desc[i] = tsv_field(&R.tmer, i, 4);
    return 0;
}

static int load_holidays(void)
{
    if (tsv_load("rules/bank_holidays.tsv", &R.thol, &R.err) != 0)
        return -1;
    R.hol = calloc(R.thol.nrows + 1, sizeof *R.hol);
    R.holname = calloc(R.thol.nrows + 1, sizeof *R.holname);
    if (!R.hol || !R.holname)
        abort();
    for (size_t i = 0; i < R.thol.nrows; i++) {
        pb_day d;
        if (!date_parse_iso(tsv_field(&R.thol, i, 0), &d)) {
            R.err = "bad date in rules/bank_holidays.tsv";
            return -1;
        }
        R.hol[R.nhol] = d;
        R.holname[R.nhol++] = tsv_field(&R.thol, i, 1);
    }
    return 0;
}

static void rules_load(void)
{
    R.status = -1;
    if (load_channels() || load_counterparty() ||
        load_kv("rules/merchants.tsv", &R.tmer, &R.mer, &R.nmer, 1, -1) || merchant_descriptions() ||
        load_kv("rules/lenders.tsv", &R.tlen, &R.len, &R.nlen, 1, 3) ||
        load_kv("rules/pdf_editors.tsv", &R.tpdf, &R.pdf, &R.npdf, 1, -1) ||
        load_kv("rules/salary.tsv", &R.tsal, &R.sal, &R.nsal, 2, 3) ||
        load_kv("rules/payees.tsv", &R.tpay, &R.pay, &R.npay, 2, 3) || load_holidays())
        return;
    R.status = 0;
}

int classify_init(const char **err)
{
    pthread_once(&rules_once, rules_load);
    if (R.status != 0 && err)
        *err = R.err ? R.err : "rule tables failed to load";
    return R.status;
}

/* ---- helpers ----------------------------------------------------------------- */

static void copy_str(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "");
}

/* Trims, collapses spaces and drops trailing punctuation in place. */
static void tidy(char *s)
{
    char *w = s;
    bool space = true;
    for (char *r = s; *r; r++) {
        if (isspace((unsigned char)*r)) {
            if (!space)
                *w++ = ' ';
            space = true;
        } else {
            *w++ = *r;
            space = false;
        }
    }
    *w = '\0';
    while (w > s && (isspace((unsigned char)w[-1]) || strchr("-/*.,:;", w[-1])))
        *--w = '\0';
}

/* An IFSC or a UTR ("HDFC0001234", "SBINN52024031512345"): a reference. */
static bool bank_reference(const char *s)
{
    size_t n = strlen(s), digits = 0;
    if (n < 11 || strchr(s, ' '))
        return false;
    for (size_t i = 0; i < 4; i++)
        if (!isalpha((unsigned char)s[i]))
            return false;
    for (size_t i = 4; i < n; i++) {
        if (!isalnum((unsigned char)s[i]))
            return false;
        digits += isdigit((unsigned char)s[i]) != 0;
    }
    return digits >= 5;
}

/* A parsed name is useless when it is a reference number or a VPA. */
static bool plausible_name(const char *s)
{
    size_t alpha = 0, n = strlen(s);
    if (n < 2 || strchr(s, '@') || bank_reference(s))
        return false;
    for (const char *p = s; *p; p++)
        alpha += isalpha((unsigned char)*p) && toupper((unsigned char)*p) != 'X';
    return alpha >= 2;
}

/* "A* B" and "A /B" -> "A*B", "A/B": extraction joins wrapped lines with a
 * space, often right after a separator. In place. */
static void squeeze_separators(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (*r == ' ' && ((w > s && strchr("*/", w[-1])) || (r[1] && strchr("*/", r[1]))))
            continue;
        *w++ = *r;
    }
    *w = '\0';
}

/* Generic UPI remarks some banks print where the payee's name goes. */
static bool generic_remark(const char *s)
{
    static const char *REMARKS[] = {"PAYMENT", "PAY TO MERCHANT", "PAYMENT FROM PH", "SENT USING PAYTM",
                                    "UPI", "NA", "PAY", "TRANSFER", "FUND TRANSFER", "UPIINTENT",
                                    "COLLECT", "PAYMENT TO", "P2P", "P2M", "GIFT", "MILK", "DINNER", "LUNCH",
                                    "GROCERIES", "GROCERY", "RENT", "LOAN REPAY", "LOAN", "REPAY", "SCHOOL FEES",
                                    "FEES", "PETROL", "FAMILY", "FOOD", "MONEY", "OK", "THANKS", "SELF",
                                    "PAY TO MER", "PAYMENT FR", "REPAYMENT", "DR", "CR", NULL};
    for (const char **r = REMARKS; *r; r++)
        if (s[0] == (*r)[0] && strcmp(s, *r) == 0) /* s is upper case */
            return true;
    return false;
}

/* Words banks append after a name that are not part of it: pay-period tags
 * ("SALARY MAR24", "MAR-2024", "PAY APR24"), "REIMB", reference digits. */
static bool noise_token(const char *t, size_t n)
{
    static const char *WORDS[] = {"SALARY", "SAL", "FOR", "PAY", "PAYROLL", "REIMB", "EXP",
                                  "REIMBURSEMENT", "NA", "OF", "VPA", "IFSC", "REF", "FAMILY", "LOAN",
                                  "TRANSFER", "PAYMENT", "REPAY", "GIFT", NULL};
    char up[32];
    if (n == 0 || n >= sizeof up)
        return n == 0;
    for (size_t i = 0; i < n; i++)
        up[i] = (char)toupper((unsigned char)t[i]);
    up[n] = '\0';
    for (const char **w = WORDS; *w; w++)
        if (strcmp(up, *w) == 0)
            return true;
    size_t d = 0;
    while (d < n && isdigit((unsigned char)up[d]))
        d++;
    if (d == n)
        return true; /* 2024, 24, reference digits */
    static const char *FULL[] = {"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY",
                                 "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"};
    int m = n >= 3 ? month_from_name(up, 3) : 0;
    if (m > 0) {
        /* JAN, JANUARY, MAR24, MAR-2024, SEPT'24: a month then only digits */
        size_t i = 3;
        while (i < n && isalpha((unsigned char)up[i]) && up[i] == FULL[m - 1][i])
            i++;
        if (i < n && up[i] == 'T' && m == 9)
            i++;
        while (i < n && (up[i] == '-' || up[i] == '\'' || isdigit((unsigned char)up[i])))
            i++;
        return i == n;
    }
    return false;
}

/* Drops trailing noise tokens, keeping at least one token. */
static void strip_noise(char *s)
{
    for (;;) {
        char *sp = strrchr(s, ' ');
        if (!sp)
            return;
        if (!noise_token(sp + 1, strlen(sp + 1)))
            return;
        *sp = '\0';
        tidy(s);
    }
}

/* The letters of the first VPA's local part ("priya.s99@okaxis" -> "PRIYAS"),
 * upper case, or "" when there is none worth a name. */
static void vpa_name(const char *up, char *out, size_t cap)
{
    out[0] = '\0';
    const char *at = strchr(up, '@');
    if (!at)
        return;
    const char *s = at;
    while (s > up && (isalnum((unsigned char)s[-1]) || s[-1] == '.' || s[-1] == '_' || s[-1] == '-'))
        s--;
    size_t w = 0;
    for (const char *p = s; p < at && w + 1 < cap; p++)
        if (isalpha((unsigned char)*p))
            out[w++] = *p;
    out[w] = '\0';
    static const char *AGGREGATORS[] = {"PAYTMQR", "BHARATPE", "PHONEPE", "GPAY", "PAYTM", "UPI", "YBL", NULL};
    for (const char **a = AGGREGATORS; *a; a++)
        if (!strncmp(out, *a, strlen(*a)))
            out[0] = '\0';
    if (w < 3)
        out[0] = '\0';
}

/* "PRIYA SINGH HDFC BANK" -> "PRIYA SINGH": a bank's name printed after the
 * payer's (detail lines of app statements). */
static void cut_bank_name(char *s)
{
    static const char *BANKS[] = {" STATE BANK OF INDIA", " BANK OF BARODA", " UNION BANK OF INDIA",
                                  " BANK OF INDIA", " BANK OF MAHARASHTRA", " PUNJAB NATIONAL BANK",
                                  " KOTAK MAHINDRA BANK", " IDFC FIRST BANK", " HDFC BANK", " ICICI BANK",
                                  " AXIS BANK", " CANARA BANK", " YES BANK", " INDUSIND BANK", " INDIAN BANK",
                                  " FEDERAL BANK", " IDBI BANK", " RBL BANK", " UCO BANK", " CENTRAL BANK OF INDIA",
                                  NULL};
    if (!strstr(s, "BANK"))
        return;
    for (const char **b = BANKS; *b; b++) {
        size_t n = strlen(*b);
        char *at = strstr(s, *b);
        if (at && at > s && at[n] == '\0') {
            *at = '\0';
            return;
        }
        /* or before a person's name: "STATE BANK OF INDIA MEERA KULKARNI" (not the
         * bank itself: "IDFC FIRST BANK LTD") */
        if (!strncmp(s, *b + 1, n - 1) && s[n - 1] == ' ' && strchr(s + n, ' ') && !classify_business_name(s + n)) {
            memmove(s, s + n, strlen(s + n) + 1);
            return;
        }
    }
}

void classify_counterparty(const char *note, char *out, size_t outlen)
{
    out[0] = '\0';
    if (classify_init(NULL) != 0 || !note)
        return;
    /* Matched upper case (patterns are upper-cased at load), with the
     * spaces a line wrap leaves next to separators removed ("NEFT*X* Y"). */
    char *up = str_upper_dup(note);
    squeeze_separators(up);
    struct rtext ut;
    rtext_init(&ut, up);
    for (size_t i = 0; i < R.ncp; i++) {
        const struct cp_rule *r = &R.cp[i];
        if (r->needs.nneeds && !matcher_match(&r->needs, &ut))
            continue;
        if (r->anchor[0] && strncmp(up, r->anchor, strlen(r->anchor)) != 0)
            continue;
        long so, eo;
        if (r->group < 1 || r->group > 9 || !rx_match(&r->re, up, r->group, &so, &eo) || so < 0)
            continue;
        size_t len = (size_t)(eo - so);
        if (len >= outlen)
            len = outlen - 1;
        memcpy(out, up + so, len);
        out[len] = '\0';
        tidy(out);
        strip_noise(out);
        cut_bank_name(out);
        if (plausible_name(out) && !generic_remark(out))
            break;
        out[0] = '\0';
    }
    /* no name, or a remark where the name goes: the payee's VPA says who */
    if (!out[0] || generic_remark(out))
        vpa_name(up, out, outlen);
    free(up);
}

static const struct kv_rule *kv_find(const struct kv_rule *t, size_t n, const struct rtext *x)
{
    for (size_t i = 0; i < n; i++)
        if (matcher_match(&t[i].m, x))
            return &t[i];
    return NULL;
}

/* Runs fn over text upper-cased (the public entry points; classify_txn
 * shares one upper-cased copy and signature between its steps). */
#define WITH_RTEXT(text, x, body)                                                         \
    do {                                                                                  \
        char *up_ = str_upper_dup(text);                                                  \
        struct rtext x;                                                                   \
        rtext_init(&x, up_);                                                              \
        body;                                                                             \
        free(up_);                                                                        \
    } while (0)

static const char *lender_in(const struct rtext *x)
{
    const struct kv_rule *r = kv_find(R.len, R.nlen, x);
    return r ? r->a : NULL;
}

const char *classify_lender(const char *text)
{
    const char *l = NULL;
    if (classify_init(NULL) != 0 || !text || !*text)
        return NULL;
    WITH_RTEXT(text, x, l = lender_in(&x));
    return l;
}

const char *classify_pdf_editor(const char *s)
{
    const struct kv_rule *r = NULL;
    if (classify_init(NULL) != 0 || !s || !*s)
        return NULL;
    WITH_RTEXT(s, x, r = kv_find(R.pdf, R.npdf, &x));
    return r ? r->a : NULL;
}

static bool salary_words_in(const struct rtext *x, bool *excluded)
{
    bool inc = false, exc = false;
    for (size_t i = 0; i < R.nsal; i++) {
        if (!matcher_match(&R.sal[i].m, x))
            continue;
        if (strcmp(R.sal[i].a, "exclude") == 0)
            exc = true;
        else if (strcmp(R.sal[i].a, "include") == 0)
            inc = true;
    }
    if (excluded)
        *excluded = exc;
    return inc && !exc;
}

bool classify_salary_words(const char *note, bool *excluded)
{
    bool yes = false;
    if (excluded)
        *excluded = false;
    if (classify_init(NULL) == 0 && note)
        WITH_RTEXT(note, x, yes = salary_words_in(&x, excluded));
    return yes;
}

bool classify_company_like(const char *text)
{
    bool found = false;
    if (classify_init(NULL) != 0 || !text)
        return false;
    WITH_RTEXT(text, x, for (size_t i = 0; i < R.nsal && !found; i++) found =
                            strcmp(R.sal[i].a, "company") == 0 && matcher_match(&R.sal[i].m, &x));
    return found;
}

/* The first payees.tsv row of `role` matching x, or NULL. */
static const struct kv_rule *payee_rule(const char *role, const struct rtext *x)
{
    for (size_t i = 0; i < R.npay; i++)
        if (!strcmp(R.pay[i].a, role) && matcher_match(&R.pay[i].m, x))
            return &R.pay[i];
    return NULL;
}

bool classify_business_name(const char *text)
{
    bool found = false;
    if (classify_init(NULL) != 0 || !text || !*text)
        return false;
    WITH_RTEXT(text, x, found = payee_rule("business", &x) != NULL);
    return found;
}

bool classify_bank_holiday(pb_day d, const char **name)
{
    int wd = date_weekday(d), y, m, day;
    date_to_ymd(d, &y, &m, &day);
    const char *n = NULL;
    if (wd == 6)
        n = "Sunday";
    else if (wd == 5 && (day > 7 && day <= 14))
        n = "Second Saturday";
    else if (wd == 5 && (day > 21 && day <= 28))
        n = "Fourth Saturday";
    else if (classify_init(NULL) == 0)
        for (size_t i = 0; i < R.nhol; i++)
            if (R.hol[i] == d)
                n = R.holname[i];
    if (name)
        *name = n;
    return n != NULL;
}

/* ---- name matching ------------------------------------------------------------ */

#define MAX_TOK 12

static const char *STOP_WORDS[] = {"MR", "MRS", "MS", "DR", "SHRI", "SMT", "KUMARI", "M/S",
                                   "MESSRS", "PVT", "PRIVATE", "LTD", "LIMITED", "LLP",
                                   "CO", "INC", "THE", "AND", NULL};

static bool stop_word(const char *t)
{
    for (const char **s = STOP_WORDS; *s; s++)
        if (strcmp(*s, t) == 0)
            return true;
    return false;
}

/* Splits s into upper-case alphanumeric tokens (stop words dropped). */
static size_t tokenize(const char *s, char buf[][32], size_t max)
{
    size_t n = 0;
    while (*s && n < max) {
        while (*s && !isalnum((unsigned char)*s))
            s++;
        size_t k = 0;
        while (*s && isalnum((unsigned char)*s)) {
            if (k < 31)
                buf[n][k++] = (char)toupper((unsigned char)*s);
            s++;
        }
        if (k) {
            buf[n][k] = '\0';
            if (!stop_word(buf[n]))
                n++;
        }
    }
    return n;
}

static bool tok_in(const char *t, char toks[][32], size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(toks[i], t) == 0)
            return true;
    return false;
}

bool classify_name_matches(const char *name, const char *text)
{
    char nt[MAX_TOK][32], tt[MAX_TOK][32];
    size_t nn = tokenize(name, nt, MAX_TOK), tn = tokenize(text, tt, MAX_TOK);
    if (nn == 0 || tn == 0)
        return false;
    /* Every name token printed in full: "MR RAHUL SHARMA", "SHARMA RAHUL". */
    bool all = nn > 1 || strlen(nt[0]) >= 4;
    for (size_t i = 0; i < nn && all; i++)
        all = tok_in(nt[i], tt, tn);
    if (all)
        return true;
    /* Truncated or initialled, in order: "RAHUL SH", "R SHARMA", "ACME TECHNO". */
    if (tn < 2 && !(nn == 1 && strlen(tt[0]) >= 5))
        return false;
    size_t j = 0, full = 0;
    for (size_t i = 0; i < tn; i++) {
        bool ok = false;
        for (; j < nn && !ok; j++) {
            size_t tl = strlen(tt[i]);
            if (strcmp(tt[i], nt[j]) == 0)
                ok = true, full += tl >= 3;
            else if (i == tn - 1 && tl >= 2 && strncmp(tt[i], nt[j], tl) == 0)
                ok = true;
            else if (tl == 1 && tt[i][0] == nt[j][0])
                ok = true;
            else if (i > 0)
                return false; /* tokens must follow the name without gaps */
        }
        if (!ok)
            return false;
    }
    return full >= 1;
}

/* ---- classification ------------------------------------------------------------- */

static bool transfer_like(enum channel c)
{
    return c == CH_UPI || c == CH_NET_BANKING_TRANSFER || c == CH_CHQ || c == CH_OTHERS ||
           c == CH_AUTO_CREDIT || c == CH_SELF_TRANSFER;
}

static bool lender_channel(enum channel c)
{
    return c == CH_AUTO_DEBIT_PAYMENT || c == CH_NET_BANKING_TRANSFER || c == CH_UPI ||
           c == CH_CHQ || c == CH_OTHERS || c == CH_AUTO_CREDIT || c == CH_DEMAND_DRAFT;
}

static const struct chan_rule *channel_rule(const struct rtext *x, enum txn_type t)
{
    for (size_t i = 0; i < R.nch; i++) {
        const struct chan_rule *r = &R.ch[i];
        if (r->dir != DIR_ANY && r->dir != (int)t)
            continue;
        if (matcher_match(&r->m, x))
            return r;
    }
    return NULL;
}

/* The texts one narration is matched as: the narration and its counterparty
 * (upper case, with their signatures; cp.up is "" when there is none). */
struct texts {
    struct rtext note, cp;
};

static void apply_merchant(struct classification *c, const struct texts *tx)
{
    const struct kv_rule *m = kv_find(R.mer, R.nmer, c->counterparty[0] ? &tx->cp : &tx->note);
    if (m && c->channel == CH_BILL_PAYMENT && !c->description[0])
        copy_str(c->description, sizeof c->description, mer_desc[m - R.mer]);
    if (m && c->channel == CH_BILL_PAYMENT && !strcmp(m->a, "bills") && m->b[0])
        copy_str(c->category, sizeof c->category, m->b); /* a card bill is not a utility */
    if (m && (c->merchant_category[0] == '\0' || strcmp(c->merchant_category, "shopping") == 0)) {
        copy_str(c->merchant_category, sizeof c->merchant_category, m->a);
        if (c->channel != CH_BILL_PAYMENT || strcmp(c->category, "Utilities") == 0)
            copy_str(c->category, sizeof c->category, m->b);
    }
}

static void apply_lender(struct classification *c, const struct texts *tx, enum txn_type t)
{
    if (!strcmp(c->merchant_category, "insurance") || !strcmp(c->merchant_category, "investments") ||
        !strcmp(c->merchant_category, "trading"))
        return; /* an insurer or a fund is paid, not a lender */
    if (c->channel == CH_AUTO_DEBIT_PAYMENT_BOUNCE) { /* whose instalment bounced */
        const char *l = c->counterparty[0] ? lender_in(&tx->cp) : NULL;
        copy_str(c->lender, sizeof c->lender, l ? l : lender_in(&tx->note));
        return;
    }
    if (!lender_channel(c->channel))
        return;
    const char *l = c->counterparty[0] ? lender_in(&tx->cp) : NULL;
    if (!l && (c->channel == CH_AUTO_DEBIT_PAYMENT || !c->counterparty[0]))
        l = lender_in(&tx->note);
    if (!l)
        return;
    copy_str(c->lender, sizeof c->lender, l);
    copy_str(c->description, sizeof c->description, "lender_transaction");
    copy_str(c->merchant_category, sizeof c->merchant_category, "loans");
    copy_str(c->category, sizeof c->category, t == TXN_CREDIT ? "Loan Disbursed" : "Loan");
}

static void apply_self(struct classification *c, const struct class_ctx *ctx)
{
    if (!ctx || !c->counterparty[0] || !transfer_like(c->channel) || c->lender[0])
        return;
    for (size_t i = 0; i < ctx->nnames && !c->self; i++)
        c->self = ctx->names[i] && classify_name_matches(ctx->names[i], c->counterparty);
    for (size_t i = 0; i < ctx->ncompanies && !c->self; i++)
        c->self = c->sister =
            ctx->companies[i] && classify_name_matches(ctx->companies[i], c->counterparty);
    if (!c->self)
        return;
    c->channel = CH_SELF_TRANSFER;
    copy_str(c->description, sizeof c->description, "self_transfer");
    copy_str(c->category, sizeof c->category, "Self Transfer");
}

/* A transfer's purpose printed in its narration (payees.tsv purpose_*):
 * rent, paid by UPI or NEFT to a landlord. */
static void apply_purpose(struct classification *c, const struct texts *tx, enum txn_type t)
{
    if (c->merchant_category[0] || c->self || c->lender[0] ||
        !(c->channel == CH_UPI || c->channel == CH_NET_BANKING_TRANSFER || c->channel == CH_CHQ ||
          c->channel == CH_OTHERS))
        return;
    const struct kv_rule *r = payee_rule(t == TXN_CREDIT ? "purpose_credit" : "purpose_debit", &tx->note);
    if (r)
        copy_str(c->category, sizeof c->category, r->b);
}

/* "Transfer to <NAME>" only for a person: not a shop or a company by its
 * name, and not a payment the narration calls a merchant's. */
static void apply_transfer_category(struct classification *c, const struct texts *tx, enum txn_type t)
{
    bool generic = strcmp(c->category, "Transfers") == 0 || strcmp(c->category, "Others") == 0;
    if (!generic || !c->counterparty[0] || c->merchant_category[0] ||
        !(c->channel == CH_UPI || c->channel == CH_NET_BANKING_TRANSFER || c->channel == CH_CHQ))
        return;
    if (payee_rule("business", &tx->cp) || payee_rule("merchant_marker", &tx->note)) {
        copy_str(c->category, sizeof c->category, "Others");
        return;
    }
    snprintf(c->category, sizeof c->category, "Transfer %s %s",
             t == TXN_CREDIT ? "from" : "to", c->counterparty);
}

void classify_txn(const char *note, enum txn_type type, const struct class_ctx *ctx,
                  struct classification *c)
{
    memset(c, 0, sizeof *c);
    c->channel = c->base_channel = CH_OTHERS;
    c->rule = -1;
    copy_str(c->category, sizeof c->category, "Others");
    if (classify_init(NULL) != 0 || !note)
        return;
    char *up = str_upper_dup(note);
    struct texts tx;
    rtext_init(&tx.note, up);
    const struct chan_rule *r = channel_rule(&tx.note, type);
    if (r) {
        c->channel = r->ch;
        c->rule = (int)(r - R.ch);
        copy_str(c->description, sizeof c->description, r->desc);
        copy_str(c->merchant_category, sizeof c->merchant_category, r->mcat);
        copy_str(c->category, sizeof c->category, r->cat[0] ? r->cat : "Others");
        /* a cheque return names its reason; only want of funds earns the description */
        if (strcmp(c->description, "chq_bounce_insuff_funds") == 0 && !strstr(up, "INSUF") &&
            !strstr(up, "FUNDS"))
            c->description[0] = '\0';
    }
    classify_counterparty(note, c->counterparty, sizeof c->counterparty);
    rtext_init(&tx.cp, c->counterparty); /* already upper case */
    apply_merchant(c, &tx);
    apply_lender(c, &tx, type);
    apply_self(c, ctx);
    c->base_channel = c->channel;
    if (type == TXN_CREDIT) {
        c->salary_word = salary_words_in(&tx.note, &c->salary_excluded);
        c->base_channel = c->channel;
        if (c->salary_word && transfer_like(c->channel) && c->channel != CH_SELF_TRANSFER &&
            !c->lender[0]) {
            c->channel = CH_SALARY;
            copy_str(c->category, sizeof c->category, "Salary");
        }
    }
    apply_purpose(c, &tx, type);
    apply_transfer_category(c, &tx, type);
    free(up);
}

size_t classify_rule_count(void)
{
    return classify_init(NULL) == 0 ? R.nch : 0;
}

bool classify_rule_example(size_t i, const char **example, enum txn_type *type,
                           enum channel *channel)
{
    if (i >= classify_rule_count())
        return false;
    *example = R.ch[i].example;
    *type = R.ch[i].dir == TXN_CREDIT ? TXN_CREDIT : TXN_DEBIT;
    *channel = R.ch[i].ch;
    return true;
}

size_t classify_counterparty_rule_count(void)
{
    return classify_init(NULL) == 0 ? R.ncp : 0;
}

bool classify_counterparty_example(size_t i, const char **example, const char **expected)
{
    if (i >= classify_counterparty_rule_count())
        return false;
    *example = R.cp[i].example;
    *expected = R.cp[i].expected;
    return true;
}
