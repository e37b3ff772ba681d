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

/* The local "session": the statements read and their accounts (statements
 * printing the same account number), with each account's insights. Held
 * on the heap: 64 statements are too much for a stack. */
struct local {
    struct statement st[MAX_FILES];
    int nst;
    const struct statement *stmts[MAX_FILES]; /* st in account order */
    const char *ids[MAX_FILES];
    char idbuf[MAX_FILES][24], accbuf[MAX_FILES][24];
    struct account_view v[MAX_FILES];
    struct account_insights a[MAX_FILES];
    const struct account_insights *ap[MAX_FILES];
    int nacc; /* accounts whose insights are built */
    struct list names, employers, companies;
};

/* Reads every file into l->st. Returns 0, or 1 when a file could not be
 * read (said on stderr; the others are still read). */
static int read_statements(struct local *l, const struct args *files, const char *password)
{
    int status = 0;
    for (int i = 0; i < files->n; i++) {
        size_t len;
        char *pdf = file_read(files->v[i], INSIGHTS_MAX_FILE, &len);
        struct extract_error xe;
        struct statement_list all;
        if (!pdf || extract_pdf(pdf, len, &(struct extract_opts){.password = password}, &all, &xe) != 0) {
            fprintf(stderr, "%s: %s\n", files->v[i], pdf ? xe.message : "cannot read");
            status = 1;
        } else {
            statement_list_take_first(&all, &l->st[l->nst++]);
        }
        free(pdf);
    }
    return status;
}

/* Groups l's statements into accounts and builds each account's
 * insights. Returns 0, or -1 with the reason on stderr. */
static int build_accounts(struct local *l)
{
    int owner[MAX_FILES], naccounts = 0, k = 0;
    for (int i = 0; i < l->nst; i++) {
        owner[i] = -1;
        for (int j = 0; j < i && owner[i] < 0; j++)
            if (same_account(&l->st[i], &l->st[j]))
                owner[i] = owner[j];
        if (owner[i] < 0)
            owner[i] = naccounts++;
    }
    for (int acc = 0; acc < naccounts; acc++) {
        int first = k;
        for (int i = 0; i < l->nst; i++)
            if (owner[i] == acc) {
                l->stmts[k] = &l->st[i];
                snprintf(l->idbuf[k], sizeof l->idbuf[k], "statement-%d", i + 1);
                l->ids[k] = l->idbuf[k];
                k++;
            }
        snprintf(l->accbuf[acc], sizeof l->accbuf[acc], "account-%d", acc + 1);
        l->v[acc] = (struct account_view){
            .account_id = l->accbuf[acc], .stmts = l->stmts + first, .statement_ids = l->ids + first,
            .nstmts = (size_t)(k - first), .session_from = PB_NO_DAY, .session_to = PB_NO_DAY,
            .meta = {l->names.item, l->names.n, l->employers.item, l->employers.n, l->companies.item,
                     l->companies.n}};
        const char *err;
        if (insights_build(&l->v[acc], &l->a[acc], &err) != 0) {
            fprintf(stderr, "insights: %s\n", err);
            return -1;
        }
        l->ap[acc] = &l->a[acc];
        l->nacc++;
    }
    return 0;
}

static void local_free(struct local *l)
{
    for (int acc = 0; acc < l->nacc; acc++)
        insights_free(&l->a[acc]);
    for (int i = 0; i < l->nst; i++)
        statement_free(&l->st[i]);
    free(l->names.buf);
    free(l->employers.buf);
    free(l->companies.buf);
    free(l);
}

/* Prints the session's insights document, and writes its workbook to xlsx
 * when given. Returns 0, or 1 when the workbook could not be written. */
static int print_insights(const struct local *l, const char *xlsx)
{
    struct session_insights si;
    int status = 0;
    session_insights_build(l->ap, (size_t)l->nacc, &si);
    json_t *doc = insights_session_json("local", NULL, PB_NO_DAY, PB_NO_DAY, &si);
    json_dumpf(doc, stdout, JSON_REAL_PRECISION(15) | JSON_INDENT(1));
    putchar('\n');
    const char *err;
    if (xlsx && xlsx_write_report(xlsx, doc, NULL, &err) != 0) {
        fprintf(stderr, "insights: %s: %s\n", xlsx, err);
        status = 1;
    }
    json_decref(doc);
    session_insights_free(&si);
    return status;
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
                                    FLAGS_OF(flags), 1, MAX_FILES, false};
    struct args files;
    int rc = flags_parse(argc, argv, &cl, &files);
    if (rc != FLAGS_RUN)
        return rc;
    struct local *l = calloc(1, sizeof *l);
    if (!l || extract_init() != 0) {
        fprintf(stderr, "passbook insights: %s\n", l ? "cannot start the PDF engine" : "out of memory");
        free(l);
        return 1;
    }
    int status = read_statements(l, &files, password);
    split(names, &l->names);
    split(employers, &l->employers);
    split(companies, &l->companies);
    if (build_accounts(l) == 0)
        status |= print_insights(l, xlsx);
    else
        status = 1;
    local_free(l);
    extract_shutdown();
    return status;
}
