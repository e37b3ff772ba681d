#include "ingest/records.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "enrich/txn_hash.h"
#include "fraud/fraud.h"
#include "ingest/accounts_json.h"
#include "ingest/coverage.h"
#include "util/money.h"
#include "util/clock.h"
#include "util/json_value.h"

/* The fields a statement and its stored record share as they are, as
 * (statement field, record field): one list for storing and loading. */
#define STATEMENT_COPIED(X)                                                       \
    X(page_count, page_count) X(from_date, from_day) X(to_date, to_day)           \
    X(opening_balance, opening_balance) X(closing_balance, closing_balance)       \
    X(has_opening, has_opening) X(has_closing, has_closing)                       \
    X(balances_ok, balances_ok) X(totals_ok, totals_ok)

/* Likewise a transaction and its stored row (txn field, row field); the
 * direction, note and cheque number are converted by hand. */
#define TXN_COPIED(X)                                                             \
    X(date, day) X(value_date, value_day) X(amount, amount) X(balance, balance)   \
    X(has_balance, has_balance) X(page, page) X(reconciled, reconciled)

/* The document facts kept as text (the others: incremental_updates,
 * encrypted, repaired). */
#define FACT_TEXTS(X) X(producer) X(creator) X(author) X(title) X(creation_date) X(mod_date)

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static json_t *rupees_or_null(pb_paise p, bool present)
{
    return present ? json_real(money_to_rupees(p)) : json_null();
}

static json_t *day_or_null(pb_day d)
{
    char buf[PB_DATE_BUF];
    return d == PB_NO_DAY ? json_null() : json_string(date_fmt_iso(d, buf));
}

/* Identity as stored: every field of the identity table, limits in paise. */
static char *identity_stored(const struct identity *id)
{
    json_t *j = identity_to_json(id);
    char *t = j ? json_dumps(j, JSON_COMPACT) : NULL;
    json_decref(j);
    return t;
}

static void identity_load(const char *text, struct identity *id)
{
    json_t *j = text ? json_loads(text, 0, NULL) : NULL;
    identity_from_json(j, id);
    json_decref(j);
}

/* The document facts, for a scan how sure OCR was of each row (kept
 * here, beside the pages it read, rather than in a column of every row),
 * and what the reading doubted beyond the balance chain (rows printed
 * before or after the rows read, narrations not read): the account's
 * verdict tells those apart (jobs/pipeline.c). */
static char *facts_text(const struct statement *st)
{
    const struct doc_facts *f = &st->facts;
    json_t *j = json_object();
#define FACT_SET(name) json_object_set_new(j, #name, json_str_or_null(f->name));
    FACT_TEXTS(FACT_SET)
#undef FACT_SET
    json_object_set_new(j, "incremental_updates", json_integer(f->incremental_updates));
    json_object_set_new(j, "encrypted", json_boolean(f->encrypted));
    json_object_set_new(j, "repaired", json_boolean(f->repaired));
    if (f->ocr_pages) {
        json_t *conf = json_array();
        for (size_t i = 0; i < st->ntxns; i++)
            json_array_append_new(conf, json_real(st->txns[i].ocr ? st->txns[i].confidence : -1.0));
        json_object_set_new(j, "ocr_pages", json_integer(f->ocr_pages));
        json_object_set_new(j, "scan", json_boolean(f->scan));
        json_object_set_new(j, "row_confidence", conf);
    }
    if (st->rows_unread_before || st->rows_unread_after || st->narration_unread || st->value_dates_unread)
        json_object_set_new(j, "doubts",
                            json_pack("{s:b, s:b, s:b, s:b}", "rows_unread_before", st->rows_unread_before,
                                      "rows_unread_after", st->rows_unread_after, "narration_unread",
                                      st->narration_unread, "value_dates_unread", st->value_dates_unread));
    char *t = j ? json_dumps(j, JSON_COMPACT) : NULL;
    json_decref(j);
    return t;
}

static int build_account(const struct session *s, const struct statement *st, struct account_rec *a)
{
    const struct identity *id = &st->id;
    if (id->account_number && id->account_number[0])
        ingest_account_id(s->id, id->account_number, a->id);
    else if (!uuid_v4(a->id))
        return -1;
    snprintf(a->session_id, sizeof a->session_id, "%s", s->id);
    a->bank = dup_or_null(st->bank);
    a->account_number = dup_or_null(id->account_number);
    a->name = dup_or_null(id->name);
    a->ifsc = dup_or_null(id->ifsc);
    a->micr = dup_or_null(id->micr);
    a->address = dup_or_null(id->address);
    a->account_category = dup_or_null(id->account_category);
    a->account_type = dup_or_null(id->account_type);
    a->od_limit = id->od_limit;
    a->credit_limit = id->credit_limit;
    return 0;
}

static int build_txns(const struct statement *st, const char *account_id, struct ingest_records *r)
{
    size_t n = st->ntxns;
    r->txns = calloc(n ? n : 1, sizeof *r->txns);
    const struct txn **ptrs = calloc(n ? n : 1, sizeof *ptrs);
    char(*hashes)[PB_TXN_HASH_BUF] = calloc(n ? n : 1, sizeof *hashes);
    int rc = r->txns && ptrs && hashes ? 0 : -1;
    for (size_t i = 0; !rc && i < n; i++)
        ptrs[i] = &st->txns[i];
    if (!rc)
        txn_hash_all(account_id, ptrs, n, hashes);
    for (size_t i = 0; !rc && i < n; i++) {
        const struct txn *t = &st->txns[i];
        struct txn_rec *x = &r->txns[i];
        x->seq = (int)i;
#define TO_ROW(field, column) x->column = t->field;
        TXN_COPIED(TO_ROW)
#undef TO_ROW
        x->type = t->type;
        x->note = dup_or_null(t->note ? t->note : "");
        x->chq_num = dup_or_null(t->chq_num);
        memcpy(x->hash, hashes[i], sizeof x->hash);
        r->ntxns = i + 1;
    }
    free(ptrs);
    free(hashes);
    return rc;
}

int ingest_records_build(const struct session *s, const struct ingest_candidate *c, struct ingest_records *r)
{
    const struct statement *st = c->st;
    bool pdf = st->source != SOURCE_AA;
    memset(r, 0, sizeof *r);
    struct statement_rec *x = &r->stmt;
    if (build_account(s, st, &r->account) || !uuid_v4(x->id))
        return -1;
    snprintf(x->session_id, sizeof x->session_id, "%s", s->id);
    snprintf(x->account_id, sizeof x->account_id, "%s", r->account.id);
    x->source = strdup(st->source == SOURCE_AA ? "aa" : "pdf");
    x->bank = dup_or_null(st->bank);
    x->blob_sha256 = dup_or_null(c->blob_sha256);
    x->content_sha256 = dup_or_null(c->content_sha256);
    x->aa_consent_id = dup_or_null(c->aa_consent_id);
    x->file_name = dup_or_null(c->file_name && c->file_name[0] ? c->file_name : pdf ? "statement.pdf" : NULL);
    x->file_size = c->size;
    x->status = strdup("completed");
#define TO_REC(field, column) x->column = st->field;
    STATEMENT_COPIED(TO_REC)
#undef TO_REC
    x->identity = identity_stored(&st->id);
    x->facts = facts_text(st);
    const char *ft = NULL;
    fraud_metadata_check(&st->facts, &ft);
    x->fraud = ft ? strdup(ft) : NULL;
    x->created_at = pb_now();
    return build_txns(st, r->account.id, r);
}

void ingest_records_free(struct ingest_records *r)
{
    account_rec_clear(&r->account);
    statement_rec_clear(&r->stmt);
    txn_recs_free(r->txns, r->ntxns);
    memset(r, 0, sizeof *r);
}

json_t *ingest_identity_json(const struct statement_rec *rec, const char *account_id)
{
    struct identity ident;
    identity_load(rec->identity, &ident);
    json_t *id = identity_api_json(&ident, false);
    identity_free(&ident);
    json_object_set_new(id, "account_id", json_string(account_id));
    json_object_set_new(id, "bank_name", json_str_or_null(rec->bank));
    json_object_set_new(id, "metadata_analysis", json_pack("{s:[]}", "name_matches"));
    return id;
}

static json_t *months_json(const pb_month *m, int n)
{
    json_t *a = json_array();
    char buf[PB_DATE_BUF];
    for (int i = 0; i < n; i++)
        json_array_append_new(a, json_string(month_fmt_iso(m[i], buf)));
    return a;
}

/* Coverage of the new statement's account, all its statements included. */
static void account_coverage(struct store *store, const struct session *s, const struct statement_rec *mine,
                             struct coverage *cov)
{
    struct statement_rec *all = NULL;
    size_t n = 0;
    const struct statement_rec **sel = NULL;
    size_t k = 0;
    if (STORE_CALL(store, statement_list, s->id, &all, &n) == STORE_OK && (sel = calloc(n + 1, sizeof *sel))) {
        for (size_t i = 0; i < n; i++)
            if (!strcmp(all[i].account_id, mine->account_id))
                sel[k++] = &all[i];
    }
    if (!k && sel)
        sel[k++] = mine;
    coverage_compute(s, sel ? sel : &mine, sel ? k : 1, cov);
    free(sel);
    for (size_t i = 0; i < n; i++)
        statement_rec_clear(&all[i]);
    free(all);
}

static json_t *progress_json(const struct statement_rec *x)
{
    return json_pack("[{s:s,s:s,s:s,s:s,s:s,s:s,s:s}]", "statement_id", x->id, "identity_status",
                     "completed", "transaction_status", "completed", "processing_status", "completed",
                     "fraud_status", "completed", "message", "", "source", x->source ? x->source : "pdf");
}

json_t *ingest_response(struct store *store, const struct session *s, const struct statement *st,
                        const struct ingest_records *r, bool want_progress)
{
    const struct statement_rec *x = &r->stmt;
    struct coverage *cov = malloc(sizeof *cov);
    if (!cov)
        return NULL;
    account_coverage(store, s, x, cov);
    char masked[128];
    ingest_mask_account(st->id.account_number, masked, sizeof masked);
    pb_day first = st->ntxns ? st->txns[0].date : PB_NO_DAY;
    pb_day last = st->ntxns ? st->txns[st->ntxns - 1].date : PB_NO_DAY;
    for (size_t i = 0; i < st->ntxns; i++) {
        if (st->txns[i].date < first)
            first = st->txns[i].date;
        if (st->txns[i].date > last)
            last = st->txns[i].date;
    }
    json_t *o = json_object();
    json_object_set_new(o, "bank_name", json_str_or_null(st->bank));
    json_object_set_new(o, "statement_id", json_string(x->id));
    json_object_set_new(o, "page_count", json_integer(st->page_count));
    json_t *id = ingest_identity_json(x, r->account.id);
    json_object_del(id, "metadata_analysis");
    json_object_del(id, "raw_account_category");
    json_object_del(id, "account_type");
    json_object_set_new(o, "identity", id);
    json_object_set_new(o, "date_range", json_pack("{s:o,s:o}", "from_date", day_or_null(st->from_date),
                                                   "to_date", day_or_null(st->to_date)));
    json_object_set_new(o, "opening_date", day_or_null(st->from_date));
    json_object_set_new(o, "opening_bal", rupees_or_null(st->opening_balance, st->has_opening));
    json_object_set_new(o, "closing_bal", rupees_or_null(st->closing_balance, st->has_closing));
    json_object_set_new(o, "is_fraud", json_boolean(x->fraud != NULL));
    json_object_set_new(o, "fraud_type", json_str_or_null(x->fraud));
    json_t *matches = NULL, *holders = session_holders_json(store, s, &matches);
    json_t *mine = json_object_get(matches, r->account.id);
    json_object_set_new(o, "metadata_analysis", json_pack("{s:o}", "name_matches", mine ? json_incref(mine) : json_array()));
    json_decref(matches);
    json_decref(holders);
    json_object_set_new(o, "country_code", json_string("IN"));
    json_object_set_new(o, "currency_code", json_string("INR"));
    json_object_set_new(o, "extracted_date_range",
                        json_pack("{s:o,s:o}", "from_date", day_or_null(first), "to_date", day_or_null(last)));
    json_object_set_new(o, "account_id", json_string(r->account.id));
    json_object_set_new(o, "masked_account_number", json_string(masked));
    json_object_set_new(o, "months", months_json(cov->present, cov->npresent));
    json_object_set_new(o, "missing_months", months_json(cov->missing, cov->nmissing));
    json_object_set_new(o, "status", json_integer(1));
    json_object_set_new(o, "session_id", json_string(s->id));
    if (want_progress)
        json_object_set_new(o, "progress", progress_json(x));
    free(cov);
    return o;
}

/* ---- loading back ---- */

static char *jstr(json_t *o, const char *k)
{
    const char *v = json_string_value(json_object_get(o, k));
    return v ? strdup(v) : NULL;
}

static void facts_load(const char *text, struct doc_facts *f)
{
    json_t *j = text ? json_loads(text, 0, NULL) : NULL;
    if (!j)
        return;
#define FACT_GET(name) f->name = jstr(j, #name);
    FACT_TEXTS(FACT_GET)
#undef FACT_GET
    f->incremental_updates = (int)json_integer_value(json_object_get(j, "incremental_updates"));
    f->encrypted = json_is_true(json_object_get(j, "encrypted"));
    f->repaired = json_is_true(json_object_get(j, "repaired"));
    f->ocr_pages = (int)json_integer_value(json_object_get(j, "ocr_pages"));
    json_t *scan = json_object_get(j, "scan"); /* absent: stored before mixed documents, a scan */
    f->scan = scan ? json_is_true(scan) : f->ocr_pages > 0;
    json_decref(j);
}

/* The rows read by OCR, with the confidence stored in the facts (-1: a
 * row of a text page of a document with scanned pages). */
static void ocr_rows_load(const char *text, struct statement *st)
{
    if (!st->facts.ocr_pages)
        return;
    json_t *j = text ? json_loads(text, 0, NULL) : NULL;
    json_t *conf = json_object_get(j, "row_confidence");
    for (size_t i = 0; i < st->ntxns; i++) {
        float c = (float)json_number_value(json_array_get(conf, i));
        st->txns[i].ocr = c >= 0;
        st->txns[i].confidence = c >= 0 ? c : 1;
    }
    json_decref(j);
}

/* What the reading doubted, as facts_text stored it (absent: nothing). */
static void doubts_load(const char *text, struct statement *st)
{
    json_t *j = text ? json_loads(text, 0, NULL) : NULL;
    json_t *d = json_object_get(j, "doubts");
    st->rows_unread_before = json_is_true(json_object_get(d, "rows_unread_before"));
    st->rows_unread_after = json_is_true(json_object_get(d, "rows_unread_after"));
    st->narration_unread = json_is_true(json_object_get(d, "narration_unread"));
    st->value_dates_unread = json_is_true(json_object_get(d, "value_dates_unread"));
    json_decref(j);
}

int ingest_load_statement(struct store *store, const struct statement_rec *rec, struct statement *out)
{
    memset(out, 0, sizeof *out);
    struct txn_rec *t = NULL;
    size_t n = 0;
    int rc = STORE_CALL(store, txn_list, rec->id, &t, &n);
    if (rc != STORE_OK)
        return rc;
    out->source = rec->source && !strcmp(rec->source, "aa") ? SOURCE_AA : SOURCE_PDF;
    out->bank = dup_or_null(rec->bank);
#define FROM_REC(field, column) out->field = rec->column;
    STATEMENT_COPIED(FROM_REC)
#undef FROM_REC
    identity_load(rec->identity, &out->id);
    facts_load(rec->facts, &out->facts);
    out->txns = calloc(n ? n : 1, sizeof *out->txns);
    if (!out->txns) {
        txn_recs_free(t, n);
        return STORE_ERROR;
    }
    for (size_t i = 0; i < n; i++) {
        struct txn *x = &out->txns[i];
#define FROM_ROW(field, column) x->field = t[i].column;
        TXN_COPIED(FROM_ROW)
#undef FROM_ROW
        x->type = t[i].type ? TXN_CREDIT : TXN_DEBIT;
        x->note = t[i].note;
        x->chq_num = t[i].chq_num;
        t[i].note = t[i].chq_num = NULL;
    }
    out->ntxns = n;
    ocr_rows_load(rec->facts, out);
    doubts_load(rec->facts, out);
    txn_recs_free(t, n);
    return STORE_OK;
}
