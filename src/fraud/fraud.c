#include "fraud/fraud.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "enrich/enrich.h"

/* Modification this long after creation is an edit, not the generator
 * stamping both dates a moment apart. */
#define MOD_TOLERANCE_SECONDS 120

static int digits_at(const char *s, int n, int dflt)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return i == 0 ? dflt : -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool fraud_pdf_date(const char *s, long long *out)
{
    if (!s)
        return false;
    if (s[0] == 'D' && s[1] == ':')
        s += 2;
    size_t len = strlen(s);
    int y = len >= 4 ? digits_at(s, 4, -1) : -1;
    if (y < 1900)
        return false;
    int mo = len >= 6 ? digits_at(s + 4, 2, 1) : 1, d = len >= 8 ? digits_at(s + 6, 2, 1) : 1;
    int h = len >= 10 ? digits_at(s + 8, 2, 0) : 0, mi = len >= 12 ? digits_at(s + 10, 2, 0) : 0;
    int se = len >= 14 ? digits_at(s + 12, 2, 0) : 0;
    pb_day day;
    if (mo < 0 || d < 0 || h < 0 || mi < 0 || se < 0 || !date_from_ymd(y, mo, d, &day))
        return false;
    long long t = (long long)day * 86400 + h * 3600 + mi * 60 + se;
    const char *tz = len > 14 ? s + 14 : "";
    if ((*tz == '+' || *tz == '-') && isdigit((unsigned char)tz[1]) && isdigit((unsigned char)tz[2])) {
        int oh = (tz[1] - '0') * 10 + (tz[2] - '0'), om = 0;
        const char *m = tz + 3;
        if (*m == '\'')
            m++;
        if (isdigit((unsigned char)m[0]) && isdigit((unsigned char)m[1]))
            om = (m[0] - '0') * 10 + (m[1] - '0');
        long long off = oh * 3600 + om * 60;
        t += *tz == '+' ? -off : off; /* to UTC */
    }
    *out = t;
    return true;
}

static const char *editor_in(const struct doc_facts *f)
{
    const char *e = classify_pdf_editor(f->producer);
    if (!e)
        e = classify_pdf_editor(f->creator);
    if (!e)
        e = classify_pdf_editor(f->author);
    return e;
}

static bool modified_after_creation(const struct doc_facts *f)
{
    long long c, m;
    return fraud_pdf_date(f->creation_date, &c) && fraud_pdf_date(f->mod_date, &m) &&
           m - c > MOD_TOLERANCE_SECONDS;
}

bool fraud_metadata_check(const struct doc_facts *f, const char **fraud_type)
{
    *fraud_type = NULL;
    if (f->scan) /* a scan's metadata is the scanner's (check_metadata) */
        return false;
    if (editor_in(f))
        *fraud_type = "author_fraud";
    else if (modified_after_creation(f) || f->incremental_updates > 0)
        *fraud_type = "date_fraud";
    return *fraud_type != NULL;
}

/* ---- report building ---------------------------------------------------------- */

static void add(struct fraud_report *r, size_t *cap, size_t stmt, const char *type,
                const char *cat, const char *hash)
{
    if (r->n == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        r->f = realloc(r->f, *cap * sizeof *r->f);
        if (!r->f)
            abort();
    }
    struct fraud_finding *x = &r->f[r->n++];
    x->stmt = stmt;
    x->type = type;
    x->category = cat;
    snprintf(x->hash, sizeof x->hash, "%s", hash ? hash : "");
}

static void reason(struct fraud_report *r, int penalty, const char *fmt, ...)
{
    r->authenticity -= penalty;
    if (r->nreasons >= FRAUD_REASONS)
        return;
    char msg[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(r->reasons[r->nreasons++], sizeof r->reasons[0], "-%d: %s", penalty, msg);
}

/* The hash of statement s's chronological row `row`, from the enriched rows. */
static const char *row_hash(const struct account_enriched *e, size_t s, size_t row)
{
    for (size_t i = 0; i < e->n; i++)
        if (e->tx[i].stmt == s && e->tx[i].row == row)
            return e->tx[i].hash;
    return "";
}

static const struct txn *chrono_row(const struct statement *st, size_t r, bool rev)
{
    return &st->txns[rev ? st->ntxns - 1 - r : r];
}

/* Counts rows whose balance does not follow from the previous row's (or
 * the opening balance) and the amount; marks them in bad[]. */
static size_t chain_breaks(const struct statement *st, bool rev, bool *bad)
{
    size_t breaks = 0;
    bool have_prev = st->has_opening;
    pb_paise prev = st->opening_balance;
    for (size_t r = 0; r < st->ntxns; r++) {
        const struct txn *t = chrono_row(st, r, rev);
        bad[r] = false;
        if (!t->has_balance) {
            have_prev = false;
            continue;
        }
        pb_paise want = prev + (t->type == TXN_CREDIT ? t->amount : -t->amount);
        if (have_prev && want != t->balance) {
            bad[r] = true;
            breaks++;
        }
        prev = t->balance;
        have_prev = true;
    }
    return breaks;
}

static void check_accounting(const struct account_enriched *e, size_t s, struct fraud_report *r,
                             size_t *cap)
{
    const struct statement *st = e->v->stmts[s];
    if (st->ntxns == 0)
        return;
    bool rev = st->ntxns > 1 && st->txns[0].date > st->txns[st->ntxns - 1].date;
    bool *bad = calloc(st->ntxns, sizeof *bad);
    if (!bad)
        abort();
    size_t breaks = chain_breaks(st, rev, bad);
    for (size_t row = 0; row < st->ntxns; row++)
        if (bad[row])
            add(r, cap, s, "inconsistent_transaction", "accounting", row_hash(e, s, row));
    if (breaks)
        reason(r, breaks * 10 > 40 ? 40 : (int)breaks * 10,
               "%zu balance chain break(s) in statement %zu", breaks, s + 1);
    free(bad);
    /* opening + credits - debits must equal closing */
    if (st->has_opening && st->has_closing) {
        pb_paise sum = st->opening_balance;
        for (size_t i = 0; i < st->ntxns; i++)
            sum += st->txns[i].type == TXN_CREDIT ? st->txns[i].amount : -st->txns[i].amount;
        if (sum != st->closing_balance) {
            add(r, cap, s, "closing_balance_mismatch", "accounting", NULL);
            reason(r, 25, "opening + credits - debits != closing in statement %zu", s + 1);
        }
    }
    /* exact duplicate rows (same date, type, amount, balance and narration) */
    size_t dups = 0;
    for (size_t i = 1; i < st->ntxns; i++) {
        const struct txn *a = chrono_row(st, i, rev), *b = chrono_row(st, i - 1, rev);
        if (a->date == b->date && a->type == b->type && a->amount == b->amount &&
            a->has_balance && b->has_balance && a->balance == b->balance &&
            strcmp(a->note ? a->note : "", b->note ? b->note : "") == 0) {
            add(r, cap, s, "duplicate_transaction", "accounting", row_hash(e, s, i));
            dups++;
        }
    }
    if (dups)
        reason(r, dups * 10 > 20 ? 20 : (int)dups * 10, "%zu duplicated row(s) in statement %zu",
               dups, s + 1);
}

static void check_metadata(const struct account_enriched *e, size_t s, struct fraud_report *r,
                           size_t *cap)
{
    const struct doc_facts *f = &e->v->stmts[s]->facts;
    /* A scan's metadata is the scanner's or the scanning app's: an editor,
     * dates and updates tell nothing of the bank's document, and its text
     * was read by OCR. Only the accounting checks judge it. */
    if (f->scan) {
        reason(r, 10, "statement %zu is a scan (read by OCR): its document metadata checks do not apply", s + 1);
        return;
    }
    const char *ed = editor_in(f);
    if (ed) {
        add(r, cap, s, "author_fraud", "metadata", NULL);
        reason(r, 60, "statement %zu was saved by a PDF editor (%s)", s + 1, ed);
    }
    if (modified_after_creation(f)) {
        add(r, cap, s, "date_fraud", "metadata", NULL);
        reason(r, 30, "statement %zu was modified after it was created", s + 1);
    } else if (f->incremental_updates > 0) {
        add(r, cap, s, "date_fraud", "metadata", NULL);
        reason(r, 25, "statement %zu has %d incremental update(s) appended", s + 1,
               f->incremental_updates);
    }
    /* Not fraud on their own, but they lower authenticity. */
    if (e->v->stmts[s]->source == SOURCE_PDF && (!f->producer || !*f->producer) &&
        (!f->creator || !*f->creator))
        reason(r, 5, "statement %zu names no producer or creator", s + 1);
    if (f->repaired)
        reason(r, 10, "statement %zu is structurally damaged (repaired on open)", s + 1);
}

void fraud_check_account(const struct account_enriched *e, struct fraud_report *r)
{
    memset(r, 0, sizeof *r);
    r->authenticity = 100;
    size_t cap = 0;
    for (size_t s = 0; s < e->v->nstmts; s++) {
        check_metadata(e, s, r, &cap);
        check_accounting(e, s, r, &cap);
    }
    if (r->authenticity < 0)
        r->authenticity = 0;
}

void fraud_report_free(struct fraud_report *r)
{
    free(r->f);
    memset(r, 0, sizeof *r);
}
