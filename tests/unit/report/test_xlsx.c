/* The XLSX report, rendered from the insights document: written, unzipped
 * and its XML read back: the Summary first with human labels and the JSON's
 * figures, one sheet per account with the golden statement's monthly
 * figures (tests/unit/insights/test_golden.c), native charts, the Indian
 * number format, every metric labelled, the explanations. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "fixture_statement.h"
#include "insights/insights.h"
#include "report/xlsx.h"

static struct statement ST;
static struct account_insights A;
static struct session_insights SI;
static json_t *DOC;
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
    /* the Summary first, then one sheet per account, the aggregate, the metrics, the explanations */
    static const char *NAMES[] = {"Summary", "1 HDFC 1234", "Aggregate", "All metrics", "Explanations", NULL};
    const char *last = wb;
    for (const char **n = NAMES; *n; n++) {
        char key[64];
        snprintf(key, sizeof key, "name=\"%s\"", *n);
        const char *at = strstr(wb, key);
        CHECK(at != NULL && at >= last);
        if (at)
            last = at;
    }
    free(wb);
}

TEST(summary_has_the_key_figures_of_the_json)
{
    char *shared = member("xl/sharedStrings.xml"), *sheet = member("xl/worksheets/sheet1.xml");
    CHECK(shared && sheet);
    if (shared && sheet) {
        bool found;
        json_t *d = json_object_get(json_array_get(json_object_get(DOC, "accounts"), 0), "data");
        double v = value_right_of(sheet, shared_index(shared, "Score"), 'B', &found);
        CHECK(found);
        CHECK_INT(llround(v), json_integer_value(json_object_get(d, "score")));
        v = value_right_of(sheet, shared_index(shared, "Average monthly income"), 'B', &found);
        CHECK(found);
        CHECK_INT(llround(v * 100), 5000000);
        v = value_right_of(sheet, shared_index(shared, "Monthly obligations"), 'B', &found);
        CHECK(found);
        CHECK_INT(llround(v * 100), 1200000);
        CHECK(shared_index(shared, "avg_bal") >= 0);     /* the raw key stays beside its label */
        CHECK(shared_index(shared, "Avg bal") >= 0);     /* ...in All metrics */
    }
    free(shared);
    free(sheet);
}

TEST(account_sheet_monthly_overview_and_charts)
{
    char *shared = member("xl/sharedStrings.xml"), *sheet = member("xl/worksheets/sheet2.xml");
    CHECK(shared && sheet);
    if (shared && sheet) {
        bool found;
        /* overview rows: Month | Opening | Credits | Debits | ... */
        double v = value_right_of(sheet, shared_index(shared, "Apr-2024"), 'B', &found);
        CHECK(found);
        CHECK_INT(llround(v * 100), 4162000); /* April's opening balance */
        v = value_right_of(sheet, shared_index(shared, "Apr-2024"), 'D', &found);
        CHECK(found);
        CHECK_INT(llround(v * 100), 11200000); /* April's debits */
        v = value_right_of(sheet, shared_index(shared, "Mar-2024"), 'H', &found);
        CHECK(found);
        CHECK_INT(llround(v * 100), 4162000); /* March's closing balance */
    }
    free(shared);
    free(sheet);
    char *bar = member("xl/charts/chart1.xml"), *line = member("xl/charts/chart2.xml");
    CHECK(bar && strstr(bar, "<c:barChart>") && strstr(bar, "Monthly inflow and outflow"));
    CHECK(line && strstr(line, "<c:lineChart>") && strstr(line, "End-of-day balance"));
    free(bar);
    free(line);
    char *styles = member("xl/styles.xml");
    CHECK(styles && strstr(styles, "##\\,##\\,##0.00")); /* lakh grouping */
    free(styles);
}

TEST(explanations_name_rules_and_rows)
{
    char *shared = member("xl/sharedStrings.xml");
    CHECK(shared != NULL);
    if (shared) {
        CHECK(shared_index(shared, "income.salary") >= 0);
        CHECK(shared_index(shared, "obligations.emi") >= 0);
        CHECK(shared_index(shared, "score.bounces") >= 0);
    }
    free(shared);
}

TEST(one_account_workbook)
{
    char one[80];
    snprintf(one, sizeof one, "%s.one.xlsx", PATH);
    const char *err = NULL;
    CHECK_INT(xlsx_write_report(one, DOC, "acc-1", &err), 0);
    char cmd[200];
    snprintf(cmd, sizeof cmd, "unzip -p '%s' xl/workbook.xml | grep -c 'name=\"Aggregate\"' >/dev/null", one);
    CHECK(system(cmd) != 0); /* no aggregate in an account's own workbook */
    unlink(one);
}

TEST(unwritable_path_fails_cleanly)
{
    const char *err = NULL;
    CHECK_INT(xlsx_write_report("/nonexistent-dir/x/report.xlsx", DOC, NULL, &err), -1);
    CHECK(err != NULL);
}

/* A download's bytes are a whole workbook, and its file is gone after. */
TEST(bytes_for_a_download_leave_no_file)
{
    char dir[] = "/tmp/pb-xlsx-bytes-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char *data = NULL;
    size_t len = 0;
    const char *err = NULL;
    CHECK_INT(xlsx_report_bytes(dir, DOC, NULL, &data, &len, &err), 0);
    CHECK(data && len > 1000 && !memcmp(data, "PK\x03\x04", 4)); /* a zip, as an .xlsx is */
    CHECK(rmdir(dir) == 0);                                      /* empty: the file was removed */
    char copy[80], cmd[200];
    snprintf(copy, sizeof copy, "%s.copy.xlsx", PATH);
    FILE *f = fopen(copy, "wb");
    CHECK(f && data && fwrite(data, 1, len, f) == len);
    if (f)
        fclose(f);
    snprintf(cmd, sizeof cmd, "unzip -p '%s' xl/workbook.xml | grep -q 'name=\"Summary\"'", copy);
    CHECK(system(cmd) == 0); /* the workbook xlsx_write_report writes, Summary first */
    unlink(copy);
    free(data);
    data = (char *)1;
    CHECK_INT(xlsx_report_bytes("/nonexistent-dir/x", DOC, NULL, &data, &len, &err), -1);
    CHECK(data == NULL && err != NULL);
}

int main(void)
{
    build();
    snprintf(PATH, sizeof PATH, "/tmp/pb-xlsx-%d.xlsx", (int)getpid());
    const struct account_insights *a[1] = {&A};
    session_insights_build(a, 1, &SI);
    DOC = insights_session_json("session-1", "link", PB_NO_DAY, PB_NO_DAY, &SI);
    const char *err = NULL;
    CHECK_INT(xlsx_write_report(PATH, DOC, NULL, &err), 0);
    RUN(workbook_sheets);
    RUN(summary_has_the_key_figures_of_the_json);
    RUN(account_sheet_monthly_overview_and_charts);
    RUN(explanations_name_rules_and_rows);
    RUN(one_account_workbook);
    RUN(unwritable_path_fails_cleanly);
    RUN(bytes_for_a_download_leave_no_file);
    if (getenv("PB_KEEP_XLSX"))
        printf("kept %s\n", PATH);
    else
        unlink(PATH);
    json_decref(DOC);
    session_insights_free(&SI);
    insights_free(&A);
    statement_free(&ST);
    return check_summary();
}
