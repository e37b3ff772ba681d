/* Tampering on real PDFs: the corpus generator (tools/statements) draws
 * clean statements of the five banks and tampered ones (editor producer,
 * later ModDate, an appended incremental update, a doctored balance);
 * each is extracted (extract_pdf) and checked: every tampered statement
 * flagged with the expected fraud_type, no clean one flagged. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "fixture.h"
#include "extract/extract.h"
#include "first_account.h"
#include "util/file.h"
#include "insights/insights.h"

static char DIR_[64];

struct sample {
    const char *name, *bank, *tamper, *want;
};

static const struct sample SAMPLES[] = {
    {"clean_hdfc", "hdfc", NULL, NULL},
    {"clean_sbi", "sbi", NULL, NULL},
    {"clean_icici", "icici", NULL, NULL},
    {"clean_axis", "axis", NULL, NULL},
    {"clean_kotak", "kotak", NULL, NULL},
    {"t_producer", "hdfc", "producer", "author_fraud"},
    {"t_moddate", "sbi", "moddate", "date_fraud"},
    {"t_incremental", "axis", "incremental", "date_fraud"},
    {"t_balance", "icici", "balance", "inconsistent_transaction"},
    {NULL, NULL, NULL, NULL},
};

static int generate(const struct sample *s, int seed)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 tools/statements/fixtures.py statement %s "
             "'{\"name\": \"%s\", \"bank\": \"%s\", \"months\": 2, \"seed\": %d, \"density\": 20%s%s%s}'",
             DIR_, s->name, s->bank, seed, s->tamper ? ", \"tamper\": \"" : "", s->tamper ? s->tamper : "",
             s->tamper ? "\"" : "");
    return system(cmd);
}

static bool has_type(const struct fraud_report *r, const char *type)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->f[i].type, type) == 0)
            return true;
    return false;
}

TEST(tampered_flagged_clean_not)
{
    for (const struct sample *s = SAMPLES; s->name; s++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%s.pdf", DIR_, s->name);
        size_t len;
        char *pdf = file_read(path, SIZE_MAX, &len);
        CHECK(pdf != NULL);
        if (!pdf)
            continue;
        struct statement st = {0};
        struct extract_error xe;
        int rc = extract_pdf_first(pdf, len, &(struct extract_opts){0}, &st, &xe);
        free(pdf);
        CHECK_INT(rc, 0);
        if (rc != 0) {
            fprintf(stderr, "  %s: %s\n", s->name, xe.message);
            continue;
        }
        const struct statement *stmts[1] = {&st};
        const char *ids[1] = {s->name};
        struct account_view v = {.account_id = "a", .stmts = stmts, .statement_ids = ids, .nstmts = 1,
                                 .session_from = PB_NO_DAY, .session_to = PB_NO_DAY};
        struct account_insights a;
        const char *err;
        CHECK_INT(insights_build(&v, &a, &err), 0);
        const char *meta_type;
        bool meta = fraud_metadata_check(&st.facts, &meta_type);
        printf("  %-14s producer=\"%s\" findings=%zu authenticity=%d upload_is_fraud=%d\n", s->name,
               st.facts.producer ? st.facts.producer : "", a.fraud.n, a.fraud.authenticity, meta);
        if (s->want) {
            if (!has_type(&a.fraud, s->want)) {
                fprintf(stderr, "  %s: no %s\n", s->name, s->want);
                CHECK(0);
            }
            if (strcmp(s->want, "inconsistent_transaction") != 0)
                CHECK(meta && strcmp(meta_type, s->want) == 0);
            CHECK(a.fraud.authenticity < 100);
        } else {
            for (size_t i = 0; i < a.fraud.n; i++)
                fprintf(stderr, "  %s: unexpected %s\n", s->name, a.fraud.f[i].type);
            CHECK_INT(a.fraud.n, 0);
            CHECK(!meta);
        }
        insights_free(&a);
        statement_free(&st);
    }
}

int main(void)
{
    snprintf(DIR_, sizeof DIR_, "/tmp/pb-tamper-%d", (int)getpid());
    int seed = 41;
    for (const struct sample *s = SAMPLES; s->name; s++)
        if (generate(s, seed++) != 0) {
            printf("corpus generator unavailable\n");
            CHECK(0);
            return check_summary() ? 1 : 1;
        }
    CHECK_INT(extract_init(), 0);
    RUN(tampered_flagged_clean_not);
    extract_shutdown();
    fixture_remove_dir(DIR_);
    return check_summary();
}
