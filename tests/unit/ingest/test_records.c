/* A statement stored as records (ingest_records_build, statement_commit)
 * and loaded back (ingest_load_statement) comes back the same: every field
 * the records keep, each set to a value of its own (a flag set, so that
 * one not kept shows). A balance not printed is kept as absent: 0 here. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "fixture.h"
#include "ingest/records.h"
#include "store/store.h"

static char dir[] = "/tmp/pb-records-XXXXXX";
static struct store *store;

static pb_day D(int y, int m, int d)
{
    pb_day out = PB_NO_DAY;
    date_from_ymd(y, m, d, &out);
    return out;
}

static struct txn TXNS[] = {
    {.date = 19725, .value_date = 19726, .type = TXN_CREDIT, .amount = 5000000, .balance = 16000000,
     .has_balance = true, .note = (char *)"NEFT CR-ACME", .chq_num = (char *)"N123", .page = 1,
     .reconciled = true},
    {.date = 19727, .value_date = PB_NO_DAY, .type = TXN_DEBIT, .amount = 45050, .balance = 0,
     .has_balance = false, .note = (char *)"UPI-SHOP", .chq_num = NULL, .page = 2, .reconciled = false},
};

static void make_statement(struct statement *st)
{
    memset(st, 0, sizeof *st);
    st->source = SOURCE_PDF;
    st->bank = (char *)"hdfc";
    st->page_count = 3;
    st->id.name = (char *)"RAHUL SHARMA";
    st->id.account_number = (char *)"50100123456789";
    st->id.ifsc = (char *)"HDFC0000123";
    st->from_date = D(2024, 1, 1);
    st->to_date = D(2024, 1, 31);
    st->opening_balance = 11000000;
    st->closing_balance = 15954950;
    st->has_opening = true;
    st->has_closing = true;
    st->balances_ok = true;
    st->totals_ok = true;
    st->facts.producer = (char *)"Producer 1";
    st->facts.creator = (char *)"Creator 2";
    st->facts.author = (char *)"Author 3";
    st->facts.title = (char *)"Title 4";
    st->facts.creation_date = (char *)"D:20240201";
    st->facts.mod_date = (char *)"D:20240202";
    st->facts.incremental_updates = 2;
    st->facts.encrypted = true;
    st->facts.repaired = true;
    st->rows_unread_after = true; /* the reading's doubts (the first, left clear, stays clear) */
    st->narration_unread = true;
    st->value_dates_unread = true;
    st->txns = TXNS;
    st->ntxns = 2;
}

TEST(a_stored_statement_loads_back_the_same)
{
    struct org org;
    fixture_org(&org, "Lender", 1);
    CHECK_INT(STORE_CALL(store, org_insert, &org), STORE_OK);
    struct session s;
    fixture_session(&s, org.id);
    CHECK_INT(store_session_insert(store, &s), STORE_OK);

    struct statement in;
    make_statement(&in);
    struct ingest_candidate c = {.st = &in, .content_sha256 = "c0ffee", .size = 1234, .file_name = "apr.pdf"};
    struct ingest_records r;
    CHECK_INT(ingest_records_build(&s, &c, &r), 0);
    struct statement_commit commit = {&r.account, &r.stmt, r.txns, r.ntxns, 0};
    enum commit_result result;
    CHECK_INT(STORE_CALL(store, statement_commit, &commit, 1, &result), STORE_OK);
    CHECK_INT(result, COMMIT_OK);

    struct statement_rec rec;
    int rc = STORE_CALL(store, statement_get, r.stmt.id, &rec);
    CHECK_INT(rc, STORE_OK);
    if (rc != STORE_OK)
        return;
    CHECK_STR(rec.file_name, "apr.pdf");
    CHECK_INT(rec.file_size, 1234);
    struct statement out;
    rc = ingest_load_statement(store, &rec, &out);
    CHECK_INT(rc, STORE_OK);
    if (rc != STORE_OK)
        return;
    CHECK_INT(out.source, SOURCE_PDF);
    CHECK_STR(out.bank, "hdfc");
    CHECK_INT(out.page_count, 3);
    CHECK_STR(out.id.name, "RAHUL SHARMA");
    CHECK_STR(out.id.account_number, "50100123456789");
    CHECK_STR(out.id.ifsc, "HDFC0000123");
    CHECK_INT(out.from_date, in.from_date);
    CHECK_INT(out.to_date, in.to_date);
    CHECK_INT(out.opening_balance, 11000000);
    CHECK_INT(out.closing_balance, 15954950);
    CHECK(out.has_opening && out.has_closing);
    CHECK(out.balances_ok && out.totals_ok);
    CHECK_STR(out.facts.producer, "Producer 1");
    CHECK_STR(out.facts.creator, "Creator 2");
    CHECK_STR(out.facts.author, "Author 3");
    CHECK_STR(out.facts.title, "Title 4");
    CHECK_STR(out.facts.creation_date, "D:20240201");
    CHECK_STR(out.facts.mod_date, "D:20240202");
    CHECK_INT(out.facts.incremental_updates, 2);
    CHECK(out.facts.encrypted && out.facts.repaired);
    CHECK(!out.rows_unread_before && out.rows_unread_after && out.narration_unread && out.value_dates_unread);
    CHECK_INT(out.ntxns, 2);
    for (size_t i = 0; i < out.ntxns && i < 2; i++) {
        const struct txn *a = &TXNS[i], *b = &out.txns[i];
        CHECK_INT(b->date, a->date);
        CHECK_INT(b->value_date, a->value_date);
        CHECK_INT(b->type, a->type);
        CHECK_INT(b->amount, a->amount);
        CHECK_INT(b->balance, a->balance);
        CHECK_INT(b->has_balance, a->has_balance);
        CHECK_STR(b->note, a->note);
        CHECK(a->chq_num ? b->chq_num && !strcmp(b->chq_num, a->chq_num) : b->chq_num == NULL);
        CHECK_INT(b->page, a->page);
        CHECK_INT(b->reconciled, a->reconciled);
    }
    statement_free(&out);
    statement_rec_clear(&rec);
    ingest_records_free(&r);
    session_clear(&s);
}

int main(void)
{
    if (fixture_store_open(dir, &store))
        return 1;
    RUN(a_stored_statement_loads_back_the_same);
    store_close(store);
    fixture_remove_dir(dir);
    return check_summary();
}
