/* Tampering checks: clean statements give fraud [] (also with an
 * unfamiliar producer); editor producers, later modification dates,
 * incremental updates, broken balance chains, totals that do not add up
 * and duplicated rows are flagged; authenticity drops with reasons. */
#include "check.h"
#include "fixture_statement.h"
#include "insights/insights.h"

static const char *IDS[1] = {"stmt-1"};

struct built {
    struct statement st;
    const struct statement *stmts[1];
    struct account_view v;
    struct account_insights a;
};

static void clean(struct statement *st)
{
    fx_init(st, "RAHUL SHARMA", "2024-05-01", "2024-05-31", RS(10000));
    fx_next(st, "2024-05-02", 'C', RS(5000), "UPI-PRIYA VERMA-priya@okicici-ICIC0001234-412311122233-DINNER");
    fx_next(st, "2024-05-03", 'D', RS(700), "UPI-SWIGGY-swiggy@ybl-YESB0YBLUPI-412345678901-PAYMENT");
    fx_next(st, "2024-05-03", 'D', RS(700), "UPI-SWIGGY-swiggy@ybl-YESB0YBLUPI-412345678902-PAYMENT");
    fx_next(st, "2024-05-09", 'D', RS(2000), "ATW-416021XXXXXX1234-S1AW0123-MUMBAI");
    fx_next(st, "2024-05-20", 'C', RS(300), "CREDIT INTEREST CAPITALISED");
}

static void run(struct built *b)
{
    b->stmts[0] = &b->st;
    b->v = (struct account_view){.account_id = "acc", .stmts = b->stmts, .statement_ids = IDS, .nstmts = 1};
    const char *err;
    CHECK_INT(insights_build(&b->v, &b->a, &err), 0);
}

static void done(struct built *b)
{
    insights_free(&b->a);
    statement_free(&b->st);
}

static int count_type(const struct fraud_report *r, const char *type)
{
    int n = 0;
    for (size_t i = 0; i < r->n; i++)
        n += strcmp(r->f[i].type, type) == 0;
    return n;
}

static void set(char **field, const char *v)
{
    free(*field);
    *field = v ? strdup(v) : NULL;
}

TEST(clean_statement_has_no_fraud)
{
    struct built b;
    clean(&b.st);
    set(&b.st.facts.producer, "Acme Statement Engine 2.0"); /* unfamiliar, not an editor */
    run(&b);
    CHECK_INT(b.a.fraud.n, 0);
    CHECK_INT(b.a.fraud.authenticity, 100);
    json_t *f = insights_fraud_json(&b.a);
    CHECK(json_is_array(f) && json_array_size(f) == 0);
    json_decref(f);
    const char *type;
    CHECK(!fraud_metadata_check(&b.st.facts, &type));
    CHECK(type == NULL);
    done(&b);
}

TEST(editor_producer_is_author_fraud)
{
    static const char *EDITORS[] = {"iLovePDF", "PDFescape Online PDF Editor", "Sejda PDF Desktop (https://www.sejda.com)",
                                    "Foxit PhantomPDF 10.1", "PDF-XChange Editor 9.5", "Nitro Pro 13", NULL};
    for (const char **e = EDITORS; *e; e++) {
        struct built b;
        clean(&b.st);
        set(&b.st.facts.producer, *e);
        run(&b);
        CHECK_INT(count_type(&b.a.fraud, "author_fraud"), 1);
        CHECK(b.a.fraud.authenticity <= 40);
        CHECK(b.a.fraud.nreasons >= 1);
        const char *type;
        CHECK(fraud_metadata_check(&b.st.facts, &type));
        CHECK_STR(type, "author_fraud");
        json_t *f = insights_fraud_json(&b.a);
        json_t *x = json_array_get(f, 0);
        CHECK_STR(json_string_value(json_object_get(x, "statement_id")), "stmt-1");
        CHECK_STR(json_string_value(json_object_get(x, "fraud_category")), "metadata");
        CHECK(json_is_null(json_object_get(x, "transaction_hash")));
        json_decref(f);
        done(&b);
    }
    struct built b; /* an editor named as creator or author counts too */
    clean(&b.st);
    set(&b.st.facts.creator, "Microsoft Word 2016");
    run(&b);
    CHECK_INT(count_type(&b.a.fraud, "author_fraud"), 1);
    done(&b);
}

TEST(later_modification_and_updates_are_date_fraud)
{
    struct built b;
    clean(&b.st);
    set(&b.st.facts.mod_date, "D:20240612101500+05'30'");
    run(&b);
    CHECK_INT(count_type(&b.a.fraud, "date_fraud"), 1);
    const char *type;
    CHECK(fraud_metadata_check(&b.st.facts, &type));
    CHECK_STR(type, "date_fraud");
    done(&b);
    clean(&b.st);
    b.st.facts.incremental_updates = 1;
    run(&b);
    CHECK_INT(count_type(&b.a.fraud, "date_fraud"), 1);
    done(&b);
    /* the same instant written in another time zone, or a few seconds later, is not an edit */
    clean(&b.st);
    set(&b.st.facts.mod_date, "D:20240501033030Z");
    run(&b);
    CHECK_INT(b.a.fraud.n, 0);
    done(&b);
    long long t;
    CHECK(fraud_pdf_date("D:20240501090000+05'30'", &t));
    long long u;
    CHECK(fraud_pdf_date("D:20240501033000Z", &u));
    CHECK(t == u);
    CHECK(!fraud_pdf_date("garbage", &t));
    CHECK(!fraud_pdf_date(NULL, &t));
    CHECK(!fraud_pdf_date("D:20241345", &t));
}

TEST(balance_chain_break_names_the_row)
{
    struct built b;
    clean(&b.st);
    b.st.txns[2].balance += RS(5000); /* a doctored balance */
    b.st.closing_balance = b.st.txns[b.st.ntxns - 1].balance;
    run(&b);
    CHECK(count_type(&b.a.fraud, "inconsistent_transaction") >= 1);
    const char *want = NULL;
    for (size_t i = 0; i < b.a.e.n; i++)
        if (b.a.e.tx[i].t == &b.st.txns[2])
            want = b.a.e.tx[i].hash;
    CHECK(want != NULL);
    bool named = false;
    for (size_t i = 0; i < b.a.fraud.n; i++)
        named |= strcmp(b.a.fraud.f[i].hash, want ? want : "") == 0 &&
                 strcmp(b.a.fraud.f[i].category, "accounting") == 0;
    CHECK(named);
    CHECK(b.a.fraud.authenticity < 100);
    done(&b);
}

TEST(totals_and_duplicates)
{
    struct built b;
    clean(&b.st);
    b.st.closing_balance += RS(1); /* printed closing does not follow */
    run(&b);
    CHECK_INT(count_type(&b.a.fraud, "closing_balance_mismatch"), 1);
    done(&b);
    clean(&b.st);
    fx_row(&b.st, "2024-05-20", 'C', RS(300), b.st.txns[b.st.ntxns - 1].balance, "CREDIT INTEREST CAPITALISED");
    run(&b);
    CHECK_INT(count_type(&b.a.fraud, "duplicate_transaction"), 1);
    done(&b);
}

TEST(reverse_printed_statement_is_clean)
{
    struct built b;
    clean(&b.st);
    for (size_t i = 0, j = b.st.ntxns - 1; i < j; i++, j--) { /* newest first, as some banks print */
        struct txn t = b.st.txns[i];
        b.st.txns[i] = b.st.txns[j];
        b.st.txns[j] = t;
    }
    run(&b);
    CHECK_INT(b.a.fraud.n, 0);
    pb_paise bal;
    CHECK(eod_on(&b.a.eod, fx_day("2024-05-03"), &bal));
    CHECK_INT(bal, RS(13600));
    done(&b);
}

int main(void)
{
    RUN(clean_statement_has_no_fraud);
    RUN(editor_producer_is_author_fraud);
    RUN(later_modification_and_updates_are_date_fraud);
    RUN(balance_chain_break_names_the_row);
    RUN(totals_and_duplicates);
    RUN(reverse_printed_statement_is_clean);
    return check_summary();
}
