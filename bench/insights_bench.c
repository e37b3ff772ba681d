/* Bench: enrichment (classification, salary/EMI/bounce finding, EOD,
 * monthly analysis, predictors, fraud checks, score and the insights JSON)
 * of a session against extraction of the same statements, in one run.
 * Usage: insights_bench STATEMENT.pdf... (each PDF is one account).
 * Built and run by bench/insights.sh; prints one line per phase. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extract/extract.h"
#include "util/file.h"
#include "insights/insights.h"
#include "util/json_text.h"

/* CPU seconds of this process, not wall time: on a machine shared with
 * other builds a phase's wall time mostly measures the neighbours. Both
 * phases run on this thread, so the ratio compares like with like. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    int n = argc - 1, rounds = getenv("PB_BENCH_ROUNDS") ? atoi(getenv("PB_BENCH_ROUNDS")) : 3;
    if (n < 1 || extract_init() != 0) {
        fprintf(stderr, "usage: insights_bench STATEMENT.pdf...\n");
        return 2;
    }
    struct statement *st = calloc((size_t)n, sizeof *st);
    char **pdf = calloc((size_t)n, sizeof *pdf);
    size_t *len = calloc((size_t)n, sizeof *len), txns = 0;
    for (int i = 0; i < n; i++)
        if (!(pdf[i] = file_read(argv[i + 1], SIZE_MAX, &len[i]))) {
            fprintf(stderr, "cannot read %s\n", argv[i + 1]);
            return 1;
        }
    double t_extract = 1e9, t_enrich = 1e9;
    for (int r = 0; r < rounds; r++) { /* best of rounds: the machine is shared */
        double t0 = now();
        for (int i = 0; i < n; i++) {
            struct extract_error err;
            struct statement_list all;
            statement_free(&st[i]);
            if (extract_pdf(pdf[i], len[i], &(struct extract_opts){0}, &all, &err) != 0) {
                fprintf(stderr, "%s: %s\n", argv[i + 1], err.message);
                return 1;
            }
            statement_list_take_first(&all, &st[i]); /* the statement's first account */
        }
        double t1 = now();
        struct account_insights *a = calloc((size_t)n, sizeof *a);
        const struct account_insights **ap = calloc((size_t)n, sizeof *ap);
        const struct statement **sp = calloc((size_t)n, sizeof *sp);
        struct account_view *v = calloc((size_t)n, sizeof *v);
        char (*ids)[16] = calloc((size_t)n, sizeof *ids);
        const char **idp = calloc((size_t)n, sizeof *idp);
        txns = 0;
        for (int i = 0; i < n; i++) {
            snprintf(ids[i], sizeof ids[i], "acc-%d", i);
            sp[i] = &st[i];
            idp[i] = ids[i];
            v[i] = (struct account_view){.account_id = ids[i], .stmts = &sp[i], .statement_ids = &idp[i],
                                         .nstmts = 1, .session_from = PB_NO_DAY, .session_to = PB_NO_DAY};
            const char *err;
            if (insights_build(&v[i], &a[i], &err) != 0) {
                fprintf(stderr, "enrich: %s\n", err);
                return 1;
            }
            ap[i] = &a[i];
            txns += st[i].ntxns;
        }
        struct session_insights si;
        session_insights_build(ap, (size_t)n, &si);
        json_t *doc = insights_session_json("bench", "bench", PB_NO_DAY, PB_NO_DAY, &si);
        char *text = json_text(doc, NULL); /* as the API and the stored insights */
        double t2 = now();
        if (t1 - t0 < t_extract)
            t_extract = t1 - t0;
        if (t2 - t1 < t_enrich)
            t_enrich = t2 - t1;
        if (r == rounds - 1)
            printf("insights document: %zu bytes\n", strlen(text));
        free(text);
        json_decref(doc);
        session_insights_free(&si);
        for (int i = 0; i < n; i++)
            insights_free(&a[i]);
        free(a), free(ap), free(sp), free(v), free(ids), free(idp);
    }
    printf("accounts: %d  transactions: %zu  rounds: %d (best of, CPU seconds)\n", n, txns, rounds);
    printf("extract_seconds: %.4f\n", t_extract);
    printf("enrich_seconds: %.4f\n", t_enrich);
    printf("enrich_over_extract: %.1f%% (target <= 40%%)\n", 100.0 * t_enrich / t_extract);
    for (int i = 0; i < n; i++) {
        statement_free(&st[i]);
        free(pdf[i]);
    }
    free(st), free(pdf), free(len);
    extract_shutdown();
    return 0;
}
