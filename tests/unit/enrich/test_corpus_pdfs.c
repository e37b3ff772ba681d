/* End to end on PDFs: corpus statements of every layout (tools/statements)
 * are extracted (extract_pdf) and enriched; channels, salary (with
 * employer), EMIs (with lender) and bounces are compared with the
 * generator's labels. Catches narrations as extraction really returns
 * them (wrapped lines joined, columns merged), which the label test on
 * truth text cannot. */
#include <jansson.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <strings.h>
#include <unistd.h>

#include "check.h"
#include "fixture.h"
#include "enrich/enrich.h"
#include "extract/extract.h"
#include "first_account.h"
#include "util/file.h"

static char DIR_[64];
static const char *LAYOUTS[] = {"hdfc", "sbi", "icici", "axis", "kotak", "coop", "coop_drcr", "coop_od", NULL};

struct tally {
    int total, right;
} channel, salary, emi, bounce;

static void score(const char *name)
{
    char path[160];
    snprintf(path, sizeof path, "%s/%s.truth.json", DIR_, name);
    json_error_t je;
    json_t *truth = json_load_file(path, 0, &je), *tx = json_object_get(truth, "transactions");
    snprintf(path, sizeof path, "%s/%s.pdf", DIR_, name);
    size_t len;
    char *pdf = file_read(path, SIZE_MAX, &len);
    CHECK(truth && pdf);
    struct statement st = {0};
    struct extract_error xe;
    if (!truth || !pdf || extract_pdf_first(pdf, len, &(struct extract_opts){0}, &st, &xe) != 0) {
        fprintf(stderr, "  %s: not extracted\n", name);
        CHECK(0);
        free(pdf);
        json_decref(truth);
        return;
    }
    free(pdf);
    CHECK_INT(st.ntxns, json_array_size(tx));
    const struct statement *stmts[1] = {&st};
    const char *ids[1] = {name};
    struct account_view v = {.account_id = "a", .stmts = stmts, .statement_ids = ids, .nstmts = 1,
                             .session_from = PB_NO_DAY, .session_to = PB_NO_DAY};
    struct account_enriched e;
    const char *err;
    CHECK_INT(enrich_account(&v, &e, &err), 0);
    for (size_t k = 0; k < e.n && st.ntxns == json_array_size(tx); k++) {
        const struct etxn *x = &e.tx[k];
        json_t *lab = json_object_get(json_array_get(tx, (size_t)(x->t - st.txns)), "labels");
        enum channel want;
        if (!lab || !channel_parse(json_string_value(json_object_get(lab, "channel")), &want))
            continue;
        channel.total++;
        if (want == x->cls.channel)
            channel.right++;
        else
            printf("  %s: %s -> %s (want %s)\n", name, x->t->note, channel_name(x->cls.channel),
                   channel_name(want));
        if (json_is_true(json_object_get(lab, "is_salary"))) {
            salary.total++;
            bool ok = x->is_salary &&
                      classify_name_matches(json_string_value(json_object_get(lab, "employer")), x->employer);
            salary.right += ok;
            if (!ok)
                printf("  %s: salary %s -> \"%s\"\n", name, x->t->note, x->employer);
        }
        if (json_is_true(json_object_get(lab, "is_emi"))) {
            emi.total++;
            bool ok = x->is_emi && strcasecmp(x->cls.lender, json_string_value(json_object_get(lab, "lender"))) == 0;
            emi.right += ok;
            if (!ok)
                printf("  %s: emi %s -> \"%s\"\n", name, x->t->note, x->cls.lender);
        }
        if (json_is_true(json_object_get(lab, "is_bounce"))) {
            bounce.total++;
            bounce.right += x->is_bounce || x->is_bounce_charge;
        }
    }
    enrich_account_free(&e);
    statement_free(&st);
    json_decref(truth);
}

TEST(extracted_statements_against_labels)
{
    for (const char **l = LAYOUTS; *l; l++)
        score(*l);
    printf("  channels %d/%d, salary %d/%d, emi %d/%d, bounces %d/%d\n", channel.right, channel.total,
           salary.right, salary.total, emi.right, emi.total, bounce.right, bounce.total);
    CHECK(channel.total > 300);
    CHECK(channel.right * 100 >= channel.total * 99);
    CHECK_INT(salary.right, salary.total);
    CHECK_INT(emi.right, emi.total);
    CHECK_INT(bounce.right, bounce.total);
}

int main(void)
{
    snprintf(DIR_, sizeof DIR_, "/tmp/pb-corpus-pdfs-%d", (int)getpid());
    int seed = 90;
    for (const char **l = LAYOUTS; *l; l++) {
        char cmd[400];
        snprintf(cmd, sizeof cmd,
                 "/usr/bin/python3 tools/statements/fixtures.py statement %s '{\"name\": \"%s\", \"bank\": \"%s\", "
                 "\"months\": 3, \"seed\": %d, \"density\": 30, \"bounces\": true, \"variant\": %d}'",
                 DIR_, *l, *l, seed, seed % 4);
        seed++;
        if (system(cmd) != 0) {
            printf("corpus generator unavailable\n");
            CHECK(0);
            return check_summary() ? 1 : 1;
        }
    }
    CHECK_INT(extract_init(), 0);
    RUN(extracted_statements_against_labels);
    extract_shutdown();
    fixture_remove_dir(DIR_);
    return check_summary();
}
