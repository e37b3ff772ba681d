/* FinBox JSON shapes of the insights sections (finbox-api.md §2.8, §6.6). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "insights/insights.h"
#include "util/json_value.h"

static json_t *rupees(pb_paise p)
{
    return json_real(money_to_rupees(p));
}

static const char *statement_id(const struct account_insights *a, size_t s)
{
    const struct account_view *v = a->e.v;
    return v->statement_ids && s < v->nstmts && v->statement_ids[s] ? v->statement_ids[s] : NULL;
}

json_t *txn_json(const struct account_insights *a, const struct etxn *x, bool dmon)
{
    char buf[PB_DATE_BUF], date[48];
    const struct txn *t = x->t;
    if (dmon)
        date_fmt_dmon_yy(t->date, date);
    else
        snprintf(date, sizeof date, "%s 00:00:00", date_fmt_iso(t->date, buf));
    json_t *o = json_object();
    json_object_set_new(o, "transaction_type", json_string(t->type == TXN_CREDIT ? "credit" : "debit"));
    json_object_set_new(o, "transaction_note", json_string(t->note ? t->note : ""));
    json_object_set_new(o, "chq_num", json_string(t->chq_num ? t->chq_num : ""));
    json_object_set_new(o, "amount", rupees(t->amount));
    json_object_set_new(o, "balance", t->has_balance ? rupees(t->balance) : json_null());
    json_object_set_new(o, "date", json_string(date));
    json_object_set_new(o, "hash", json_string(x->hash));
    json_object_set_new(o, "category", json_string(x->cls.category));
    json_object_set_new(o, "transaction_channel", json_string(channel_name(x->cls.channel)));
    json_object_set_new(o, "merchant_category", json_string(x->cls.merchant_category));
    json_object_set_new(o, "description", json_string(x->cls.description));
    json_object_set_new(o, "unclean_merchant", json_string(x->cls.counterparty));
    /* beyond FinBox: who the other side is, lenders by their canonical name */
    json_object_set_new(o, "counterparty", json_string(x->cls.lender[0] ? x->cls.lender : x->cls.counterparty));
    json_object_set_new(o, "account_id", json_str_or_null(a->e.v->account_id));
    json_object_set_new(o, "statement_id", json_str_or_null(statement_id(a, x->stmt)));
    /* beyond FinBox: how the row was read (a scan's by OCR, with its confidence) */
    const struct account_view *v = a->e.v;
    bool aa = x->stmt < v->nstmts && v->stmts[x->stmt]->source == SOURCE_AA;
    json_object_set_new(o, "extraction", json_string(aa ? "aa" : t->ocr ? "ocr" : "text"));
    json_object_set_new(o, "confidence", json_real(t->ocr ? round(t->confidence * 1000) / 1000 : 1.0));
    return o;
}

typedef bool (*row_pick)(const struct etxn *);

/* A row's Txn object is built once and shared by every list of the document
 * that shows it as is (transactions, recurring, lender, bounced, self). */
struct txn_objs {
    const struct account_insights *a;
    json_t **obj; /* by row index, NULL until built */
};

static void objs_init(struct txn_objs *c, const struct account_insights *a)
{
    c->a = a;
    c->obj = calloc(a->e.n ? a->e.n : 1, sizeof *c->obj);
    if (!c->obj)
        abort();
}

static void objs_free(struct txn_objs *c)
{
    for (size_t i = 0; i < c->a->e.n; i++)
        json_decref(c->obj[i]);
    free(c->obj);
}

/* Row i's Txn, a new reference. */
static json_t *txn_obj(struct txn_objs *c, size_t i)
{
    if (!c->obj[i])
        c->obj[i] = txn_json(c->a, &c->a->e.tx[i], false);
    return json_incref(c->obj[i]);
}

static json_t *rows_of(struct txn_objs *c, row_pick pick)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < c->a->e.n; i++) {
        const struct etxn *x = &c->a->e.tx[i];
        if (!x->skip && (!pick || pick(x)))
            json_array_append_new(arr, txn_obj(c, i));
    }
    return arr;
}

static json_t *rows(const struct account_insights *a, row_pick pick)
{
    struct txn_objs c;
    objs_init(&c, a);
    json_t *arr = rows_of(&c, pick);
    objs_free(&c);
    return arr;
}

json_t *insights_transactions_json(const struct account_insights *a)
{
    return rows(a, NULL);
}

json_t *insights_salary_json(const struct account_insights *a)
{
    json_t *arr = json_array();
    char buf[PB_DATE_BUF], my[16], note[CLS_TEXT];
    for (size_t i = 0; i < a->e.n; i++) {
        const struct etxn *x = &a->e.tx[i];
        if (x->skip || !x->is_salary)
            continue;
        json_t *o = txn_json(a, x, false);
        pb_month m = date_month(x->t->date);
        json_object_set_new(o, "employer_name", json_string(x->employer));
        json_object_set_new(o, "salary_month", json_string(month_fmt_mon_yyyy(m, buf)));
        snprintf(my, sizeof my, "%d-%d", m % 12 + 1, m / 12);
        json_object_set_new(o, "month_year", json_string(my));
        enrich_clean_note(x, note, sizeof note);
        json_object_set_new(o, "clean_transaction_note", json_string(note));
        json_object_set_new(o, "salary_confidence", json_integer(x->salary_confidence));
        json_array_append_new(arr, o);
    }
    return arr;
}

static bool pick_lender(const struct etxn *x)
{
    return x->is_emi || x->is_loan_credit || x->is_emi_bounce;
}

json_t *insights_lender_json(const struct account_insights *a)
{
    return rows(a, pick_lender);
}

static bool pick_bounce(const struct etxn *x)
{
    return x->is_bounce || x->is_bounce_charge;
}

json_t *insights_bounced_json(const struct account_insights *a)
{
    return rows(a, pick_bounce);
}

static bool pick_self(const struct etxn *x)
{
    return x->cls.self || x->cls.channel == CH_SELF_TRANSFER;
}

json_t *insights_self_json(const struct account_insights *a)
{
    return rows(a, pick_self);
}

static json_t *recurring_set_json(struct txn_objs *c, const struct recurring_set *s)
{
    const struct account_insights *a = c->a;
    char up[64], buf[PB_DATE_BUF], date[48];
    snprintf(up, sizeof up, "%s", channel_name(s->ch));
    for (char *p = up; *p; p++)
        *p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
    json_t *o = json_object(), *tx = json_array();
    json_object_set_new(o, "account_id", json_str_or_null(a->e.v->account_id));
    json_object_set_new(o, "transaction_channel", json_string(up));
    json_object_set_new(o, "clean_transaction_note", json_string(s->note));
    json_object_set_new(o, "median", rupees(s->median));
    snprintf(date, sizeof date, "%s 00:00:00", date_fmt_iso(s->start, buf));
    json_object_set_new(o, "start_date", json_string(date));
    snprintf(date, sizeof date, "%s 00:00:00", date_fmt_iso(s->end, buf));
    json_object_set_new(o, "end_date", json_string(date));
    json_object_set_new(o, "is_emi", json_boolean(s->emi));
    for (size_t i = 0; i < s->n; i++)
        json_array_append_new(tx, txn_obj(c, s->idx[i]));
    json_object_set_new(o, "transactions", tx);
    return o;
}

static json_t *recurring_of(struct txn_objs *c)
{
    const struct account_insights *a = c->a;
    json_t *o = json_object(), *deb = json_array(), *cred = json_array();
    for (size_t i = 0; i < a->rec.n; i++)
        json_array_append_new(a->rec.sets[i].type == TXN_CREDIT ? cred : deb,
                              recurring_set_json(c, &a->rec.sets[i]));
    json_object_set_new(o, "debit_transactions", deb);
    json_object_set_new(o, "credit_transactions", cred);
    return o;
}

json_t *insights_recurring_json(const struct account_insights *a)
{
    struct txn_objs c;
    objs_init(&c, a);
    json_t *o = recurring_of(&c);
    objs_free(&c);
    return o;
}

/* Indices of the month's rows of one type, largest first (earlier first on ties). */
static size_t top5(const struct account_insights *a, pb_month m, enum txn_type type, size_t *best)
{
    size_t n = 0;
    for (size_t i = 0; i < a->e.n; i++) {
        const struct etxn *x = &a->e.tx[i];
        if (x->skip || x->t->type != type || date_month(x->t->date) != m)
            continue;
        size_t k = n < 5 ? n++ : 5;
        if (k == 5 && x->t->amount <= a->e.tx[best[4]].t->amount)
            continue;
        if (k == 5)
            k = 4;
        while (k > 0 && a->e.tx[best[k - 1]].t->amount < x->t->amount) {
            best[k] = best[k - 1];
            k--;
        }
        best[k] = i;
    }
    return n;
}

json_t *insights_top_json(const struct account_insights *a)
{
    json_t *arr = json_array();
    static const struct {
        const char *name;
        enum txn_type type;
    } KINDS[] = {{"top_5_debit", TXN_DEBIT}, {"top_5_credit", TXN_CREDIT}};
    char buf[PB_DATE_BUF];
    for (int k = 0; k < 2; k++) {
        json_t *o = json_object(), *months = json_array();
        json_object_set_new(o, "type", json_string(KINDS[k].name));
        for (size_t i = 0; i < a->months.n; i++) {
            size_t best[5], n = top5(a, a->months.ms[i].m, KINDS[k].type, best);
            if (!n)
                continue;
            json_t *mo = json_object(), *list = json_array();
            json_object_set_new(mo, "month", json_string(month_fmt_mon_yy(a->months.ms[i].m, buf)));
            for (size_t j = 0; j < n; j++)
                json_array_append_new(list, txn_json(a, &a->e.tx[best[j]], true));
            json_object_set_new(mo, "data", list);
            json_array_append_new(months, mo);
        }
        json_object_set_new(o, "data", months);
        json_array_append_new(arr, o);
    }
    return arr;
}

json_t *insights_expense_json(const struct account_insights *a)
{
    struct expense_share s[EXPENSE_MAX];
    size_t n = expense_categories(&a->e, s);
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(arr, json_pack("{s:s, s:i}", "category", s[i].category, "percentage",
                                             s[i].percentage));
    return arr;
}

json_t *insights_fraud_json(const struct account_insights *a)
{
    json_t *arr = json_array();
    char rule[64];
    for (size_t i = 0; i < a->fraud.n; i++) {
        const struct fraud_finding *f = &a->fraud.f[i];
        json_t *o = json_object(), *ev = json_array();
        json_object_set_new(o, "statement_id", json_str_or_null(statement_id(a, f->stmt)));
        json_object_set_new(o, "fraud_type", json_string(f->type));
        json_object_set_new(o, "transaction_hash", f->hash[0] ? json_string(f->hash) : json_null());
        json_object_set_new(o, "fraud_category", json_string(f->category));
        snprintf(rule, sizeof rule, "fraud.%s", f->type);
        json_object_set_new(o, "rule", json_string(rule));
        if (f->hash[0])
            json_array_append_new(ev, json_string(f->hash));
        json_object_set_new(o, "evidence", ev);
        json_array_append_new(arr, o);
    }
    return arr;
}

/* ---- explanations: {rule, evidence} in fields of their own ---- */

/* The rows of ev as transaction hashes. */
static json_t *evidence_json(const struct account_insights *a, const struct evidence *ev)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < ev->n; i++)
        json_array_append_new(arr, json_string(a->e.tx[ev->idx[i]].hash));
    return arr;
}

static json_t *rule_text(const char *id)
{
    const struct rule_def *r = rule_find(id);
    return r ? json_string(r->text) : json_null();
}

json_t *insights_score_json(const struct account_insights *a)
{
    json_t *o = json_object(), *fs = json_array();
    json_object_set_new(o, "score", json_integer(a->score.value));
    for (size_t i = 0; i < a->score.n; i++) {
        const struct score_factor *f = &a->score.f[i];
        json_array_append_new(fs, json_pack("{s:s, s:s, s:o, s:i, s:f, s:i, s:o}", "factor", f->name, "rule",
                                            f->rule, "definition", rule_text(f->rule), "weight", f->weight,
                                            "value", round(f->value * 10000) / 10000, "points", f->points,
                                            "evidence", evidence_json(a, &f->ev)));
    }
    json_object_set_new(o, "factors", fs);
    json_object_set_new(o, "capped", json_boolean(a->score.capped));
    return o;
}

/* income: {monthly_average, months_averaged, rule, business, months, sources[], excluded[]} */
json_t *insights_income_json(const struct account_insights *a)
{
    const struct lending *l = &a->lending;
    struct evidence by[INC_KINDS];
    pb_paise amt[INC_KINDS] = {0};
    memset(by, 0, sizeof by);
    for (size_t i = 0; i < a->e.n; i++) {
        const struct etxn *x = &a->e.tx[i];
        if (x->skip || x->income == INC_NONE || x->income >= INC_KINDS)
            continue;
        evidence_add(&by[x->income], i);
        amt[x->income] += x->t->amount;
    }
    json_t *sources = json_array(), *excluded = json_array(), *months = json_object();
    for (int k = INC_SALARY; k < INC_KINDS; k++) {
        if (!by[k].n)
            continue;
        json_array_append_new(income_counted(k) ? sources : excluded,
                              json_pack("{s:s, s:s, s:I, s:o, s:o}", income_counted(k) ? "kind" : "reason",
                                        income_kind_name((enum income_kind)k), "rule",
                                        income_kind_rule((enum income_kind)k), "count", (json_int_t)by[k].n,
                                        "amount", rupees(amt[k]), "evidence", evidence_json(a, &by[k])));
        evidence_free(&by[k]);
    }
    char buf[PB_DATE_BUF];
    for (size_t k = 0; k < a->months.n; k++)
        if (a->months.ms[k].has_data)
            json_object_set_new(months, month_fmt_mon_yyyy(a->months.ms[k].m, buf),
                                rupees(a->months.ms[k].f[F_INCOME].amt));
    return json_pack("{s:o, s:i, s:s, s:b, s:o, s:o, s:o}", "monthly_average",
                     l->income_months ? rupees(l->income_monthly) : json_null(), "months_averaged",
                     l->income_months, "rule", "income.monthly_average", "business", l->business, "months", months,
                     "sources", sources, "excluded", excluded);
}

/* obligations: {monthly_total, rule, items[{kind, payee, monthly, rule, evidence}]} */
json_t *insights_obligations_json(const struct account_insights *a)
{
    const struct lending *l = &a->lending;
    json_t *items = json_array();
    for (size_t i = 0; i < l->nob; i++) {
        const struct obligation *o = &l->ob[i];
        json_array_append_new(items, json_pack("{s:s, s:s, s:o, s:s, s:o}", "kind", o->kind, "payee", o->payee,
                                               "monthly", rupees(o->monthly), "rule",
                                               !strcmp(o->kind, "emi") ? "obligations.emi" : "obligations.rent",
                                               "evidence", evidence_json(a, &o->rows)));
    }
    return json_pack("{s:o, s:s, s:o}", "monthly_total", rupees(l->obligations_monthly), "rule",
                     "obligations.total", "items", items);
}

json_t *insights_foir_json(const struct account_insights *a)
{
    const struct lending *l = &a->lending;
    return json_pack("{s:o, s:s, s:o, s:o}", "value", l->has_foir ? json_real(round(l->foir * 10000) / 10000)
                                                                 : json_null(),
                     "rule", "foir", "obligations", rupees(l->obligations_monthly), "income",
                     l->income_months ? rupees(l->income_monthly) : json_null());
}

/* One flagged row: {rule, date, amount, counterparty, evidence: [hash]}. */
static json_t *flag_row(const struct account_insights *a, size_t i, const char *rule)
{
    const struct etxn *x = &a->e.tx[i];
    char buf[PB_DATE_BUF];
    json_t *ev = json_array();
    json_array_append_new(ev, json_string(x->hash));
    return json_pack("{s:s, s:s, s:o, s:s, s:o}", "rule", rule, "date", date_fmt_iso(x->t->date, buf), "amount",
                     rupees(x->t->amount), "counterparty", x->cls.counterparty, "evidence", ev);
}

/* flags: lists of their own, never fraud: large_credits, cash_deposits,
 * holder_mismatch (the account's holder is not the session's customer). */
static json_t *flags_json(const struct session_insights *s, size_t k)
{
    const struct account_insights *a = s->a[k];
    const struct lending *l = &a->lending;
    json_t *large = json_array(), *cash = json_array();
    for (size_t i = 0; i < l->large.n; i++)
        json_array_append_new(large, flag_row(a, l->large.idx[i], "flag.large_credit"));
    for (size_t i = 0; i < l->cash.n; i++)
        json_array_append_new(cash, flag_row(a, l->cash.idx[i], "flag.cash_deposit"));
    const struct holders *h = &s->holders;
    int g = k < HOLDERS_MAX ? h->of[k] : -1;
    bool mismatch = g >= 0 && ((size_t)g < h->n) && (!s->in_aggregate[k] || (s->a[0]->e.v->meta.nnames &&
                                                                             !h->matches_meta[g]));
    return json_pack("{s:o, s:o, s:o, s:{s:b, s:s, s:o}}", "large_credits", large, "large_credit_threshold",
                     rupees(l->large_floor), "cash_deposits", cash, "holder_mismatch", "flagged", mismatch,
                     "rule", "flag.holder_mismatch", "holder",
                     g >= 0 ? json_string(h->name[g]) : json_null());
}

static json_t *authenticity_json(const struct account_insights *a)
{
    json_t *o = json_object(), *r = json_array();
    json_object_set_new(o, "score", json_integer(a->fraud.authenticity));
    for (size_t i = 0; i < a->fraud.nreasons; i++)
        json_array_append_new(r, json_string(a->fraud.reasons[i]));
    json_object_set_new(o, "reasons", r);
    return o;
}

static json_t *range_json(pb_day from, pb_day to)
{
    char a[PB_DATE_BUF], b[PB_DATE_BUF];
    return json_pack("{s:o, s:o}", "from_date", from == PB_NO_DAY ? json_null() : json_string(date_fmt_iso(from, a)),
                     "to_date", to == PB_NO_DAY ? json_null() : json_string(date_fmt_iso(to, b)));
}

/* Gaps (>= 1 day) between the periods the statements cover. */
static json_t *missing_data(const struct account_view *v)
{
    json_t *arr = json_array();
    pb_day covered = PB_NO_DAY;
    for (;;) {
        /* next statement starting after `covered`, earliest first */
        const struct statement *next = NULL;
        for (size_t s = 0; s < v->nstmts; s++) {
            const struct statement *st = v->stmts[s];
            if (st->from_date == PB_NO_DAY || st->to_date == PB_NO_DAY)
                continue;
            if (covered != PB_NO_DAY && st->to_date <= covered)
                continue;
            if (!next || st->from_date < next->from_date)
                next = st;
        }
        if (!next)
            break;
        if (covered != PB_NO_DAY && next->from_date > covered + 1)
            json_array_append_new(arr, range_json(covered + 1, next->from_date - 1));
        covered = next->to_date;
    }
    return arr;
}

static json_t *months_json(const struct account_insights *a)
{
    json_t *arr = json_array();
    char buf[PB_DATE_BUF];
    for (size_t k = 0; k < a->months.n; k++)
        if (a->months.ms[k].has_data)
            json_array_append_new(arr, json_string(month_fmt_iso(a->months.ms[k].m, buf)));
    return arr;
}

/* metadata_analysis.name_matches of account i: against metadata.names and
 * the other accounts' holders (enrich/holders.h). */
static json_t *name_matches(const struct session_insights *s, size_t i)
{
    const char *names[HOLDERS_MAX], *ids[HOLDERS_MAX];
    size_t n = s->n < HOLDERS_MAX ? s->n : HOLDERS_MAX;
    for (size_t k = 0; k < n; k++) {
        names[k] = insights_holder_name(s->a[k]);
        ids[k] = s->a[k]->e.v->account_id;
    }
    const struct enrich_meta *m = &s->a[i]->e.v->meta;
    return holders_name_matches(&s->holders, i, names, ids, m->names, m->nnames);
}

static json_t *account_details(const struct session_insights *s, size_t k)
{
    const struct account_insights *a = s->a[k];
    const struct account_view *v = a->e.v;
    const struct statement *st = v->nstmts ? v->stmts[v->nstmts - 1] : NULL;
    const struct identity *id = st ? &st->id : NULL;
    json_t *o = json_object(), *ids = json_array();
    pb_day tf = PB_NO_DAY, tt = PB_NO_DAY;
    for (size_t j = 0; j < v->nstmts; j++)
        if (statement_id(a, j))
            json_array_append_new(ids, json_string(statement_id(a, j)));
    for (size_t i = 0; i < a->e.n; i++)
        if (!a->e.tx[i].skip) {
            if (tf == PB_NO_DAY)
                tf = a->e.tx[i].t->date;
            tt = a->e.tx[i].t->date;
        }
    /* every identity field under its FinBox name; limits are numbers (0 when none) */
    for (size_t i = 0; i < IDENTITY_NFIELDS; i++) {
        const struct identity_field *f = &IDENTITY_FIELDS[i];
        json_object_set_new(o, f->finbox, f->kind == IDF_PAISE ? rupees(id ? identity_paise(id, f) : 0)
                                                               : json_str_or_null(id ? identity_text(id, f) : NULL));
    }
    json_object_set_new(o, "metadata_analysis", json_pack("{s:o}", "name_matches", name_matches(s, k)));
    json_object_set_new(o, "account_opening_date", json_null());
    json_object_set_new(o, "bank", json_str_or_null(st ? st->bank : NULL));
    json_object_set_new(o, "missing_data", missing_data(v));
    json_object_set_new(o, "salary_confidence", json_integer(a->e.salary_confidence));
    json_object_set_new(o, "statements", ids);
    json_object_set_new(o, "months", months_json(a));
    json_object_set_new(o, "uploaded_months", months_json(a));
    json_object_set_new(o, "country_code", json_string("IN"));
    json_object_set_new(o, "currency_code", json_string("INR"));
    json_object_set_new(o, "dob", json_null());
    json_object_set_new(o, "account_status", json_string("completed"));
    json_object_set_new(o, "holder_type", json_str_or_null(id ? id->account_category : NULL));
    json_object_set_new(o, "account_date_range", range_json(a->period_from, a->period_to));
    json_object_set_new(o, "transaction_date_range", range_json(tf, tt));
    return o;
}

static json_t *statement_stats(const struct account_insights *a)
{
    const struct account_view *v = a->e.v;
    json_t *arr = json_array();
    char buf[PB_DATE_BUF], ts[48];
    for (size_t s = 0; s < v->nstmts; s++) {
        const struct statement *st = v->stmts[s];
        json_t *o = json_object();
        json_object_set_new(o, "session_id", json_null());
        json_object_set_new(o, "account_id", json_str_or_null(v->account_id));
        json_object_set_new(o, "statement_id", json_str_or_null(statement_id(a, s)));
        pb_day f = PB_NO_DAY, l = PB_NO_DAY;
        for (size_t i = 0; i < st->ntxns; i++) {
            if (f == PB_NO_DAY || st->txns[i].date < f)
                f = st->txns[i].date;
            if (l == PB_NO_DAY || st->txns[i].date > l)
                l = st->txns[i].date;
        }
        snprintf(ts, sizeof ts, "%s 00:00:00", f == PB_NO_DAY ? "" : date_fmt_iso(f, buf));
        json_object_set_new(o, "first_transaction_timestamp", f == PB_NO_DAY ? json_null() : json_string(ts));
        snprintf(ts, sizeof ts, "%s 00:00:00", l == PB_NO_DAY ? "" : date_fmt_iso(l, buf));
        json_object_set_new(o, "last_transaction_timestamp", l == PB_NO_DAY ? json_null() : json_string(ts));
        json_object_set_new(o, "bank", json_str_or_null(st->bank));
        json_object_set_new(o, "source", json_string(st->source == SOURCE_AA ? "AA" : "PDF"));
        json_object_set_new(o, "upload_file_name", json_null());
        json_object_set_new(o, "page_count", json_integer(st->page_count));
        json_object_set_new(o, "transaction_count", json_integer((json_int_t)st->ntxns));
        json_object_set_new(o, "from_date", st->from_date == PB_NO_DAY ? json_null() : json_string(date_fmt_iso(st->from_date, buf)));
        json_object_set_new(o, "to_date", st->to_date == PB_NO_DAY ? json_null() : json_string(date_fmt_iso(st->to_date, buf)));
        json_object_set_new(o, "is_scanned_pdf", json_false());
        json_array_append_new(arr, o);
    }
    return arr;
}

json_t *insights_data_json(const struct session_insights *s, size_t k)
{
    const struct account_insights *a = s->a[k];
    json_t *d = json_object();
    json_object_set_new(d, "account_details", account_details(s, k));
    json_object_set_new(d, "fraud", insights_fraud_json(a));
    json_object_set_new(d, "fraud_details", json_pack("{s:[], s:[]}", "statement", "account"));
    json_object_set_new(d, "authenticity", authenticity_json(a));
    struct txn_objs objs;
    objs_init(&objs, a);
    json_object_set_new(d, "transactions", rows_of(&objs, NULL));
    json_object_set_new(d, "salary_transactions", insights_salary_json(a));
    json_object_set_new(d, "recurring_transactions", recurring_of(&objs));
    json_object_set_new(d, "lender_transactions", rows_of(&objs, pick_lender));
    json_object_set_new(d, "top_credits_debits", insights_top_json(a));
    json_object_set_new(d, "statement_stats", statement_stats(a));
    json_object_set_new(d, "expense_categories", insights_expense_json(a));
    json_object_set_new(d, "self_and_sister_transactions", rows_of(&objs, pick_self));
    json_object_set_new(d, "bounced_or_penal_transactions", rows_of(&objs, pick_bounce));
    objs_free(&objs);
    /* shared, not copied: these objects are never modified after the build */
    json_object_set(d, "monthly_analysis", a->monthly);
    json_object_set(d, "predictors", a->predictors);
    json_object_set_new(d, "eod_balances", eod_json(&a->eod));
    json_t *sc = insights_score_json(a);
    json_object_set(d, "score", json_object_get(sc, "score"));
    json_object_set(d, "score_factors", json_object_get(sc, "factors"));
    json_decref(sc);
    json_object_set_new(d, "income", insights_income_json(a));
    json_object_set_new(d, "obligations", insights_obligations_json(a));
    json_object_set_new(d, "foir", insights_foir_json(a));
    json_object_set_new(d, "flags", flags_json(s, k));
    json_object_set_new(d, "xlsx_report_url", json_null());
    return d;
}

json_t *insights_session_json(const char *session_id, const char *link_id, pb_day from, pb_day to,
                              const struct session_insights *s)
{
    json_t *o = json_object(), *accs = json_array();
    json_object_set_new(o, "session_id", json_str_or_null(session_id));
    json_object_set_new(o, "link_id", json_str_or_null(link_id));
    json_object_set_new(o, "session_date_range", range_json(from, to));
    for (size_t i = 0; i < s->n; i++) {
        json_t *d = insights_data_json(s, i);
        json_t *stats = json_object_get(d, "statement_stats");
        size_t k;
        json_t *st;
        json_array_foreach(stats, k, st) json_object_set_new(st, "session_id", json_str_or_null(session_id));
        json_array_append_new(accs, json_pack("{s:o, s:o}", "account_id", json_str_or_null(s->a[i]->e.v->account_id),
                                              "data", d));
    }
    json_object_set_new(o, "accounts", accs);
    json_object_set_new(o, "holders", holders_json(&s->holders));
    json_object_set(o, "aggregate_monthly_analysis", s->aggregate);
    json_object_set_new(o, "aggregate_scope", insights_aggregate_scope_json(s));
    json_object_set_new(o, "aggregate_xlsx_report_url", json_null());
    json_object_set_new(o, "aggregate_xml_report_url", json_null());
    return o;
}

/* {"session_id", "accounts": [{"account_id", key: section(a)}]} */
static json_t *per_account(const char *session_id, const struct session_insights *s, const char *list,
                           const char *key, json_t *(*section)(const struct account_insights *))
{
    json_t *o = json_object(), *arr = json_array();
    json_object_set_new(o, "session_id", json_str_or_null(session_id));
    for (size_t i = 0; i < s->n; i++) {
        json_t *x = json_object();
        json_object_set_new(x, "account_id", json_str_or_null(s->a[i]->e.v->account_id));
        json_object_set_new(x, key, section(s->a[i]));
        json_array_append_new(arr, x);
    }
    json_object_set_new(o, list, arr);
    return o;
}

static json_t *sec_predictors(const struct account_insights *a)
{
    return json_incref(a->predictors);
}

static json_t *sec_monthly(const struct account_insights *a)
{
    return json_incref(a->monthly);
}

static json_t *sec_eod(const struct account_insights *a)
{
    return eod_json(&a->eod);
}

json_t *insights_endpoint_json(const char *endpoint, const char *session_id,
                               const struct session_insights *s)
{
    if (strcmp(endpoint, "predictors") == 0)
        return per_account(session_id, s, "predictors", "predictors", sec_predictors);
    if (strcmp(endpoint, "eod_balances") == 0)
        return per_account(session_id, s, "accounts", "eod_balances", sec_eod);
    if (strcmp(endpoint, "recurring_transactions") == 0)
        return per_account(session_id, s, "accounts", "recurring_transactions", insights_recurring_json);
    if (strcmp(endpoint, "transactions") == 0)
        return per_account(session_id, s, "accounts", "transactions", insights_transactions_json);
    if (strcmp(endpoint, "monthly_analysis_updated") == 0) {
        json_t *o = per_account(session_id, s, "accounts", "monthly_analysis", sec_monthly);
        json_object_set(o, "aggregate_monthly_analysis", s->aggregate);
        json_object_set_new(o, "aggregate_scope", insights_aggregate_scope_json(s));
        return o;
    }
    return NULL;
}
