/* The XLSX report: written, unzipped, and its sheet XML read back: sheet
 * names, the hand-worked monthly figures and EOD balances of the golden
 * statement (tests/unit/insights/test_golden.c), money as numbers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "fixture_statement.h"
#include "report/xlsx.h"

static struct statement ST;
static struct account_insights A;
static char PATH[64];

static void build(void)
{
    fx_init(&ST, "RAHUL SHARMA", "2024-03-01", "2024-04-30", RS(10000));
    fx_next(&ST, "2024-03-05", 'C', RS(50000), "NEFT CR-ICIC0000104-ACME TECHNOLOGIES PVT LTD-SALARY MAR 2024-CITIN5");
    fx_next(&ST, "2024-03-05", 'D', RS(1500), "UPI-SWIGGY-swiggy@ybl-YESB0YBLUPI-412345678901-PAYMENT");
    fx_next(&ST, "2024-03-10", 'D', RS(12000), "ACH D- BAJAJ FINANCE LTD-P400CDBP4012345");
    fx_next(&ST, "2024-03-20", 'D', RS(5000), "ATW-416021XXXXXX1234-S1AW0123-MUMBAI");
    fx_next(&ST, "2024-03-31", 'C', RS(120), "CREDIT INTEREST CAPITALISED");
    fx_next(&ST, "2024-04-05", 'C', RS(50000), "NEFT CR-ICIC0000104-ACME TECHNOLOGIES PVT LTD-SALARY APR 2024-CITIN5");
    fx_next(&ST, "2024-04-10", 'D', RS(12000), "ACH D- BAJAJ FINANCE LTD-P400CDBP4012345");
    fx_next(&ST, "2024-04-15", 'D', RS(100000), "NEFT DR-SBIN0001234-ANITA DESAI-NETBANK, MUM-N1232426");
    fx_next(&ST, "2024-04-16", 'C', RS(30000), "CASH DEPOSIT-ANDHERI BRANCH");
    static const struct statement *stmts[1];
    static const char *ids[1] = {"stmt-1"};
    stmts[0] = &ST;
    static struct account_view v;
    v = (struct account_view){.account_id = "acc-1", .stmts = stmts, .statement_ids = ids, .nstmts = 1};
    const char *err;
    CHECK_INT(insights_build(&v, &A, &err), 0);
}

/* The member's text (unzip -p), or NULL. Caller frees. */
static char *member(const char *name)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "unzip -p '%s' '%s' 2>/dev/null", PATH, name);
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while ((k = fread(buf + n, 1, cap - n - 1, p)) > 0) {
        n += k;
        if (cap - n < 1024)
            buf = realloc(buf, cap *= 2);
    }
    buf[n] = '\0';
    pclose(p);
    if (n == 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* Shared string i (libxlsxwriter writes every string as a shared one). */
static int shared_index(const char *shared, const char *want)
{
    int i = 0;
    for (const char *p = strstr(shared, "<si>"); p; p = strstr(p + 1, "<si>"), i++) {
        const char *t = strchr(strstr(p, "<t"), '>') + 1;
        if (strncmp(t, want, strlen(want)) == 0 && t[strlen(want)] == '<')
            return i;
    }
    return -1;
}

/* The <v> of the cell in column col of the row whose column A is shared string idx. */
static double value_right_of(const char *sheet, int idx, char col, bool *found)
{
    char key[64];
    *found = false;
    snprintf(key, sizeof key, "t=\"s\"><v>%d</v>", idx);
    const char *hit = strstr(sheet, key);
    if (!hit)
        return 0;
    const char *rowstart = hit;
    while (rowstart > sheet && strncmp(rowstart, "<row r=\"", 8) != 0)
        rowstart--;
    int row = atoi(rowstart + 8);
    snprintf(key, sizeof key, "<c r=\"%c%d\"", col, row);
    const char *c = strstr(sheet, key);
    if (!c)
        return 0;
    const char *v = strstr(c, "<v>");
    *found = v != NULL;
    return v ? atof(v + 3) : 0;
}

TEST(workbook_sheets)
{
    char *wb = member("xl/workbook.xml");
    CHECK(wb != NULL);
    if (!wb)
        return;
    static const char *NAMES[] = {"Summary", "Transactions", "Monthly Analysis", "EOD Balances", "Salary",
                                  "Recurring", "Lender", "Bounces", "Fraud", "Aggregate Monthly", NULL};
    for (const char **n = NAMES; *n; n++) {
        char key[64];
        snprintf(key, sizeof key, "name=\"%s\"", *n);
        CHECK(strstr(wb, key) != NULL);
    }
    free(wb);
}

TEST(monthly_figures)
{
    char *shared = member("xl/sharedStrings.xml"), *sheet = member("xl/worksheets/sheet3.xml");
    CHECK(shared && sheet);
    if (shared && sheet) {
        bool found;
        double v = value_right_of(sheet, shared_index(shared, "avg_bal"), 'B', &found);
        CHECK(found);
        CHECK_INT(llround(v * 100), 4179419);
        v = value_right_of(sheet, shared_index(shared, "closing_balance"), 'C', &found);
        CHECK(found);
        CHECK_INT(llround(v * 100), 962000);
        v = value_right_of(sheet, shared_index(shared, "cnt_debit"), 'B', &found);
        CHECK(found);
        CHECK_INT(llround(v), 3);
        CHECK(shared_index(shared, "Mar-2024") >= 0 && shared_index(shared, "Apr-2024") >= 0);
    }
    free(shared);
    free(sheet);
}

TEST(eod_and_transactions)
{
    char *eod = member("xl/worksheets/sheet4.xml"), *tx = member("xl/worksheets/sheet2.xml");
    CHECK(eod && tx);
    if (eod && tx) {
        const char *b6 = strstr(eod, "<c r=\"B6\"");
        CHECK(b6 && atof(strstr(b6, "<v>") + 3) == 58500);
        const char *c16 = strstr(eod, "<c r=\"C16\"");
        CHECK(c16 && atof(strstr(c16, "<v>") + 3) == -20380);
        const char *b2 = strstr(eod, "<c r=\"B2\""); /* 1-Mar: the opening balance */
        CHECK(b2 && atof(strstr(b2, "<v>") + 3) == 10000);
        CHECK(strstr(tx, "<row r=\"10\"") != NULL);
        CHECK(strstr(tx, "<row r=\"11\"") == NULL);
        const char *d9 = strstr(tx, "<c r=\"D9\"");
        CHECK(d9 && atof(strstr(d9, "<v>") + 3) == 100000);
    }
    free(eod);
    free(tx);
    char *styles = member("xl/styles.xml");
    CHECK(styles && strstr(styles, "#,##0.00"));
    free(styles);
}

TEST(unwritable_path_fails_cleanly)
{
    const struct account_insights *a[1] = {&A};
    struct session_insights si;
    session_insights_build(a, 1, &si);
    const char *err = NULL;
    CHECK_INT(xlsx_write_report("/nonexistent-dir/x/report.xlsx", "s", &si, NULL, &err), -1);
    CHECK(err != NULL);
    session_insights_free(&si);
}

int main(void)
{
    build();
    snprintf(PATH, sizeof PATH, "/tmp/pb-xlsx-%d.xlsx", (int)getpid());
    const struct account_insights *a[1] = {&A};
    struct session_insights si;
    session_insights_build(a, 1, &si);
    const char *err = NULL;
    CHECK_INT(xlsx_write_report(PATH, "session-1", &si, NULL, &err), 0);
    session_insights_free(&si);
    RUN(workbook_sheets);
    RUN(monthly_figures);
    RUN(eod_and_transactions);
    RUN(unwritable_path_fails_cleanly);
    unlink(PATH);
    insights_free(&A);
    statement_free(&ST);
    return check_summary();
}
