/* The classifier and the salary/EMI/bounce finders over the labelled
 * transactions of the synthetic corpus (tools/statements, via
 * tests/enrich/corpus_labels.py: no PDFs involved). Prints per-channel
 * accuracy and the salary/EMI/bounce recall and precision. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "enrich/enrich.h"

static json_t *DOC;

struct count {
    int total, right;
};

static struct count per[CH_COUNT], channel_all, salary_rec, salary_emp, salary_fp, emi_rec, emi_lender,
    emi_fp, bounce_rec, bounce_fp;
static char misses[65536];

static void note_miss(const char *fmt, const char *a, const char *b, const char *c)
{
    size_t n = strlen(misses);
    if (n < sizeof misses - 300)
        snprintf(misses + n, sizeof misses - n, fmt, a, b, c);
}

static void load_statement(json_t *s, struct statement *st)
{
    memset(st, 0, sizeof *st);
    st->bank = strdup(json_string_value(json_object_get(s, "bank")));
    st->id.name = strdup(json_string_value(json_object_get(s, "holder")));
    st->opening_balance = json_integer_value(json_object_get(s, "opening"));
    st->has_opening = true;
    date_parse_iso(json_string_value(json_object_get(s, "from")), &st->from_date);
    date_parse_iso(json_string_value(json_object_get(s, "to")), &st->to_date);
    json_t *tx = json_object_get(s, "txns");
    st->ntxns = json_array_size(tx);
    st->txns = calloc(st->ntxns ? st->ntxns : 1, sizeof *st->txns);
    for (size_t i = 0; i < st->ntxns; i++) {
        json_t *t = json_array_get(tx, i);
        struct txn *x = &st->txns[i];
        date_parse_iso(json_string_value(json_object_get(t, "date")), &x->date);
        x->type = strcmp(json_string_value(json_object_get(t, "type")), "credit") == 0 ? TXN_CREDIT : TXN_DEBIT;
        x->amount = json_integer_value(json_object_get(t, "amount"));
        x->balance = json_integer_value(json_object_get(t, "balance"));
        x->has_balance = true;
        x->note = strdup(json_string_value(json_object_get(t, "note")));
    }
}

static bool same_name(const char *want, const char *got)
{
    return want && got && (strcasecmp(want, got) == 0 || classify_name_matches(want, got));
}

static void score_statement(json_t *s)
{
    struct statement st;
    load_statement(s, &st);
    const struct statement *stmts[1] = {&st};
    const char *ids[1] = {"s"};
    struct account_view v = {.account_id = "a", .stmts = stmts, .statement_ids = ids, .nstmts = 1,
                             .session_from = PB_NO_DAY, .session_to = PB_NO_DAY};
    struct account_enriched e;
    const char *err;
    CHECK_INT(enrich_account(&v, &e, &err), 0);
    json_t *tx = json_object_get(s, "txns");
    for (size_t i = 0; i < e.n; i++) {
        const struct etxn *x = &e.tx[i];
        json_t *lab = json_object_get(json_array_get(tx, x->row), "labels");
        enum channel want;
        CHECK(channel_parse(json_string_value(json_object_get(lab, "channel")), &want));
        per[want].total++;
        channel_all.total++;
        if (x->cls.channel == want) {
            per[want].right++;
            channel_all.right++;
        } else {
            note_miss("  channel %s: %s (want %s)\n", x->t->note, channel_name(x->cls.channel),
                      channel_name(want));
        }
        bool is_salary = json_is_true(json_object_get(lab, "is_salary"));
        if (is_salary) {
            salary_rec.total++;
            salary_rec.right += x->is_salary;
            salary_emp.total++;
            salary_emp.right += x->is_salary &&
                                same_name(json_string_value(json_object_get(lab, "employer")), x->employer);
            if (!x->is_salary)
                note_miss("  salary missed: %s%s%s\n", x->t->note, "", "");
        } else if (x->is_salary) {
            salary_fp.total++;
            note_miss("  salary false positive: %s%s%s\n", x->t->note, "", "");
        }
        bool is_emi = json_is_true(json_object_get(lab, "is_emi"));
        if (is_emi) {
            emi_rec.total++;
            emi_rec.right += x->is_emi;
            emi_lender.total++;
            emi_lender.right += x->is_emi && strcasecmp(json_string_value(json_object_get(lab, "lender")),
                                                        x->cls.lender) == 0;
            if (!x->is_emi || strcasecmp(json_string_value(json_object_get(lab, "lender")), x->cls.lender))
                note_miss("  emi: %s -> lender \"%s\" (want %s)\n", x->t->note, x->cls.lender,
                          json_string_value(json_object_get(lab, "lender")));
        } else if (x->is_emi) {
            emi_fp.total++;
            note_miss("  emi false positive: %s%s%s\n", x->t->note, "", "");
        }
        bool is_bounce = json_is_true(json_object_get(lab, "is_bounce"));
        bool got_bounce = x->is_bounce || (x->is_bounce_charge && strcmp(x->cls.description, "penalty_charge"));
        if (is_bounce) {
            bounce_rec.total++;
            bounce_rec.right += got_bounce;
            if (!got_bounce)
                note_miss("  bounce missed: %s%s%s\n", x->t->note, "", "");
        } else if (got_bounce) {
            bounce_fp.total++;
            note_miss("  bounce false positive: %s%s%s\n", x->t->note, "", "");
        }
    }
    enrich_account_free(&e);
    statement_free(&st);
}

TEST(corpus_labels)
{
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(DOC, "statements"), i, s) score_statement(s);
    for (int c = 0; c < CH_COUNT; c++)
        if (per[c].total)
            printf("  channel %-36s %5d/%5d %7.2f%%\n", channel_name((enum channel)c), per[c].right,
                   per[c].total, 100.0 * per[c].right / per[c].total);
    printf("  channel overall %d/%d %.2f%%\n", channel_all.right, channel_all.total,
           100.0 * channel_all.right / (channel_all.total ? channel_all.total : 1));
    printf("  salary found %d/%d, employer right %d/%d, false positives %d\n", salary_rec.right,
           salary_rec.total, salary_emp.right, salary_emp.total, salary_fp.total);
    printf("  emi found %d/%d, lender right %d/%d, false positives %d\n", emi_rec.right, emi_rec.total,
           emi_lender.right, emi_lender.total, emi_fp.total);
    printf("  bounces found %d/%d, false positives %d\n", bounce_rec.right, bounce_rec.total, bounce_fp.total);
    printf("%s", misses);
    CHECK(channel_all.total > 1000);
    CHECK(channel_all.right * 100 >= channel_all.total * 99);
    CHECK_INT(salary_rec.right, salary_rec.total);
    CHECK_INT(salary_emp.right, salary_emp.total);
    CHECK_INT(emi_rec.right, emi_rec.total);
    CHECK_INT(emi_lender.right, emi_lender.total);
    CHECK_INT(bounce_rec.right, bounce_rec.total);
    CHECK(salary_fp.total * 100 <= salary_rec.total);
}

int main(void)
{
    /* PB_CORPUS_SEED / PB_CORPUS_COUNT try other draws of the corpus. */
    char cmd[256];
    const char *seed = getenv("PB_CORPUS_SEED"), *count = getenv("PB_CORPUS_COUNT");
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 tests/enrich/corpus_labels.py --seed %d --count %d",
             seed ? atoi(seed) : 7, count ? atoi(count) : 48);
    FILE *p = popen(cmd, "r");
    json_error_t jerr;
    DOC = p ? json_loadf(p, 0, &jerr) : NULL;
    if (p)
        pclose(p);
    if (!DOC) {
        printf("corpus generator unavailable (tools/statements, python3-reportlab)\n");
        CHECK(0);
        return check_summary() ? 1 : 1;
    }
    RUN(corpus_labels);
    json_decref(DOC);
    return check_summary();
}
