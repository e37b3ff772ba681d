/* passbook insights FILE.pdf... [--password P] [--names LIST]
 *   [--employers LIST] [--companies LIST] [--xlsx OUT.xlsx]
 * Extracts the statements, groups them into accounts by account number,
 * and prints the insights document of §2.8 (what GET insights/ returns)
 * for that local "session". LIST is comma-separated (metadata.names,
 * employer_names, companies_for_self_transfer). For trying rules and
 * checking figures without a server. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "cli/flags.h"
#include "extract/extract.h"
#include "insights/insights.h"
#include "report/xlsx.h"
#include "util/file.h"

#define MAX_FILES 64
#define INSIGHTS_MAX_FILE ((size_t)200 << 20) /* bytes of one PDF */

struct list {
    char *buf;
    const char *item[32];
    size_t n;
};

/* Splits "a,b" into l (l->buf owns the text). */
static void split(const char *s, struct list *l)
{
    memset(l, 0, sizeof *l);
    if (!s || !*s)
        return;
    l->buf = strdup(s);
    char *save = NULL;
    for (char *t = strtok_r(l->buf, ",", &save); t && l->n < 32; t = strtok_r(NULL, ",", &save))
        l->item[l->n++] = t;
}

static bool same_account(const struct statement *a, const struct statement *b)
{
    return a->id.account_number && b->id.account_number &&
           strcmp(a->id.account_number, b->id.account_number) == 0;
}

int cli_insights(int argc, char **argv)
{
    const char *password = NULL, *names = NULL, *employers = NULL, *companies = NULL, *xlsx = NULL;
    const struct flag flags[] = {
        STRING_FLAG("password", &password, "P", "password of the PDFs"),
        STRING_FLAG("names", &names, "LIST", "metadata.names, comma-separated"),
        STRING_FLAG("employers", &employers, "LIST", "metadata.employer_names, comma-separated"),
        STRING_FLAG("companies", &companies, "LIST", "metadata.companies_for_self_transfer"),
        STRING_FLAG("xlsx", &xlsx, "PATH", "also write the Excel report there"),
    };
    const struct command_line cl = {"passbook insights", "passbook insights FILE.pdf... [options]",
                                    FLAGS_OF(flags), 1, MAX_FILES};
    struct args files;
    int rc = flags_parse(argc, argv, &cl, &files);
    if (rc != FLAGS_RUN)
        return rc;
    if (extract_init() != 0) {
        fprintf(stderr, "passbook insights: cannot start the PDF engine\n");
        return 1;
    }
    struct statement st[MAX_FILES];
    int ok = 0, status = 0;
    for (int i = 0; i < files.n; i++) {
        size_t len;
        char *pdf = file_read(files.v[i], INSIGHTS_MAX_FILE, &len);
        struct extract_error xe;
        struct statement_list all;
        memset(&st[ok], 0, sizeof st[ok]);
        if (!pdf || extract_pdf(pdf, len, &(struct extract_opts){.password = password}, &all, &xe) != 0) {
            fprintf(stderr, "%s: %s\n", files.v[i], pdf ? xe.message : "cannot read");
            status = 1;
        } else {
            statement_list_take_first(&all, &st[ok]);
            ok++;
        }
        free(pdf);
    }
    struct list ln, le, lc;
    split(names, &ln);
    split(employers, &le);
    split(companies, &lc);
    /* accounts: statements with the same printed account number */
    int owner[MAX_FILES], nacc = 0;
    const struct statement *stmts[MAX_FILES];
    const char *ids[MAX_FILES];
    char idbuf[MAX_FILES][24], accbuf[MAX_FILES][24];
    struct account_view v[MAX_FILES];
    struct account_insights a[MAX_FILES];
    const struct account_insights *ap[MAX_FILES];
    for (int i = 0; i < ok; i++) {
        owner[i] = -1;
        for (int j = 0; j < i && owner[i] < 0; j++)
            if (same_account(&st[i], &st[j]))
                owner[i] = owner[j];
        if (owner[i] < 0)
            owner[i] = nacc++;
    }
    int k = 0;
    for (int acc = 0; acc < nacc; acc++) {
        int first = k;
        for (int i = 0; i < ok; i++)
            if (owner[i] == acc) {
                stmts[k] = &st[i];
                snprintf(idbuf[k], sizeof idbuf[k], "statement-%d", i + 1);
                ids[k] = idbuf[k];
                k++;
            }
        snprintf(accbuf[acc], sizeof accbuf[acc], "account-%d", acc + 1);
        v[acc] = (struct account_view){.account_id = accbuf[acc], .stmts = stmts + first,
                                       .statement_ids = ids + first, .nstmts = (size_t)(k - first),
                                       .meta = {ln.item, ln.n, le.item, le.n, lc.item, lc.n},
                                       .session_from = PB_NO_DAY, .session_to = PB_NO_DAY};
        const char *err;
        if (insights_build(&v[acc], &a[acc], &err) != 0) {
            fprintf(stderr, "insights: %s\n", err);
            return 1;
        }
        ap[acc] = &a[acc];
    }
    struct session_insights si;
    session_insights_build(ap, (size_t)nacc, &si);
    json_t *doc = insights_session_json("local", NULL, PB_NO_DAY, PB_NO_DAY, &si);
    json_dumpf(doc, stdout, JSON_REAL_PRECISION(15) | JSON_INDENT(1));
    putchar('\n');
    if (xlsx) {
        const char *err;
        if (xlsx_write_report(xlsx, doc, NULL, &err) != 0) {
            fprintf(stderr, "insights: %s: %s\n", xlsx, err);
            status = 1;
        }
    }
    json_decref(doc);
    session_insights_free(&si);
    for (int acc = 0; acc < nacc; acc++)
        insights_free(&a[acc]);
    for (int i = 0; i < ok; i++)
        statement_free(&st[i]);
    free(ln.buf);
    free(le.buf);
    free(lc.buf);
    extract_shutdown();
    return status;
}
