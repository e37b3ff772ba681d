/* The Excel report, rendered from the insights document itself (the JSON
 * insights/ returns), so the workbook and the API can never disagree:
 *
 *   Summary       the figures an analyst looks for first, one column per account
 *   <one sheet per account>  key figures, monthly overview, two native charts
 *                 (monthly inflow/outflow, EOD balance), score factors, flags,
 *                 fraud, then every transaction with what it counts as
 *   Aggregate     the aggregate monthly overview and whose money it sums
 *   All metrics   every monthly_analysis metric, with a human label
 *   Explanations  every derived figure with its rule, definition and evidence
 *
 * Money cells are numbers in the Indian format (12,34,567.00). */
#include "report/xlsx.h"

#include "insights/insights.h"
#include "util/file.h"
#include "util/secret.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

/* Far above any session's workbook; a bound all the same. */
#define XLSX_MAX_BYTES ((size_t)1 << 30)

/* lakh and crore grouping for amounts up to 99 crore; below a lakh as usual */
#define INR_FORMAT "[>=10000000]##\\,##\\,##\\,##0.00;[>=100000]##\\,##\\,##0.00;##,##0.00"

struct book {
    lxw_workbook *wb;
    lxw_format *money, *bold, *head, *title, *wrap, *pct;
};

static const char *str(const json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "";
}

/* One JSON value into a cell: reals as money, integers plain, the rest as text. */
static void cell(struct book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const json_t *v)
{
    if (json_is_integer(v))
        worksheet_write_number(ws, r, c, (double)json_integer_value(v), NULL);
    else if (json_is_real(v))
        worksheet_write_number(ws, r, c, json_real_value(v), b->money);
    else if (json_is_string(v))
        worksheet_write_string(ws, r, c, json_string_value(v), NULL);
    else if (json_is_boolean(v))
        worksheet_write_string(ws, r, c, json_is_true(v) ? "Yes" : "No", NULL);
}

static void heading(struct book *b, lxw_worksheet *ws, lxw_row_t r, const char *const *cols)
{
    for (lxw_col_t c = 0; cols[c]; c++)
        worksheet_write_string(ws, r, c, cols[c], b->head);
}

/* "amt_upi_debit" -> "Upi debit — amount": every metric gets a readable label. */
static void humanise(const char *key, char *out, size_t cap)
{
    static const struct {
        const char *prefix, *what;
    } P[] = {{"max_amt_", "largest"}, {"min_amt_", "smallest"}, {"avg_amt_", "average"}, {"amt_", "amount"},
             {"cnt_", "count"}};
    const char *rest = key, *what = NULL;
    for (size_t i = 0; i < sizeof P / sizeof P[0] && !what; i++)
        if (!strncmp(key, P[i].prefix, strlen(P[i].prefix))) {
            rest = key + strlen(P[i].prefix);
            what = P[i].what;
        }
    size_t w = 0;
    for (const char *p = rest; *p && w + 1 < cap; p++)
        out[w++] = *p == '_' ? ' ' : (p == rest ? (char)toupper((unsigned char)*p) : *p);
    out[w] = '\0';
    if (what)
        snprintf(out + w, cap - w, " (%s)", what);
}

/* The metrics the monthly overview shows, with their labels. */
static const struct {
    const char *key, *label;
} OVERVIEW[] = {
    {"opening_balance", "Opening balance"}, {"amt_credit", "Credits (inflow)"}, {"amt_debit", "Debits (outflow)"},
    {"amt_income_credit", "Income"},        {"total_amount_of_salary", "Salary"}, {"amt_emi_debit", "EMIs"},
    {"closing_balance", "Closing balance"}, {"avg_bal", "Average daily balance"},
    {"min_eod_balance", "Lowest EOD balance"}, {"cnt_inward_cheque_bounce_credit", "Cheques returned"},
    {"cnt_auto_debit_payment_bounce_credit", "Auto-debits returned"}, {"cnt_transactions", "Transactions"},
};
#define NOVERVIEW (sizeof OVERVIEW / sizeof OVERVIEW[0])

/* months x overview metrics from a monthly_analysis object; returns rows written. */
static size_t overview(struct book *b, lxw_worksheet *ws, lxw_row_t r0, const json_t *monthly)
{
    worksheet_write_string(ws, r0, 0, "Month", b->head);
    for (size_t k = 0; k < NOVERVIEW; k++)
        worksheet_write_string(ws, r0, (lxw_col_t)(k + 1), OVERVIEW[k].label, b->head);
    const json_t *by = json_object_get(monthly, "amt_credit");
    const char *month;
    json_t *v;
    size_t r = 0;
    json_object_foreach((json_t *)by, month, v) {
        r++;
        worksheet_write_string(ws, r0 + (lxw_row_t)r, 0, month, NULL);
        for (size_t k = 0; k < NOVERVIEW; k++)
            cell(b, ws, r0 + (lxw_row_t)r, (lxw_col_t)(k + 1),
                 json_object_get(json_object_get(monthly, OVERVIEW[k].key), month));
    }
    return r;
}

/* Native charts over the overview at r0 (n months): inflow/outflow columns. */
static void flow_chart(struct book *b, lxw_worksheet *ws, const char *sheet, lxw_row_t r0, size_t n,
                       lxw_row_t at, lxw_col_t col)
{
    if (!n)
        return;
    lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_COLUMN);
    for (int k = 1; k <= 2; k++) {
        lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
        chart_series_set_categories(s, sheet, r0 + 1, 0, r0 + (lxw_row_t)n, 0);
        chart_series_set_values(s, sheet, r0 + 1, (lxw_col_t)(k + 1), r0 + (lxw_row_t)n, (lxw_col_t)(k + 1));
        chart_series_set_name(s, OVERVIEW[k].label);
    }
    chart_title_set_name(ch, "Monthly inflow and outflow");
    worksheet_insert_chart(ws, at, col, ch);
}

/* The daily EOD series written at (r0, col) (date, balance) and its line chart. */
static void eod_chart(struct book *b, lxw_worksheet *ws, const char *sheet, const json_t *eod, lxw_row_t r0,
                      lxw_col_t col, lxw_row_t at, lxw_col_t at_col)
{
    worksheet_write_string(ws, r0, col, "Day", b->head);
    worksheet_write_string(ws, r0, col + 1, "EOD balance", b->head);
    lxw_row_t r = r0;
    size_t i;
    json_t *m;
    json_array_foreach(json_object_get(eod, "Months_order"), i, m) {
        const json_t *days = json_object_get(eod, json_string_value(m));
        size_t d;
        json_t *v;
        json_array_foreach((json_t *)days, d, v) {
            if (json_is_null(v))
                continue;
            char label[48];
            snprintf(label, sizeof label, "%02d-%.16s", (int)(d + 1) % 100, json_string_value(m));
            r++;
            worksheet_write_string(ws, r, col, label, NULL);
            cell(b, ws, r, col + 1, v);
        }
    }
    if (r == r0)
        return;
    lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_LINE);
    lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
    chart_series_set_categories(s, sheet, r0 + 1, col, r, col);
    chart_series_set_values(s, sheet, r0 + 1, col + 1, r, col + 1);
    chart_series_set_name(s, "EOD balance");
    chart_title_set_name(ch, "End-of-day balance");
    chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
    worksheet_insert_chart(ws, at, at_col, ch);
}

/* The key figures of one account, as (label, value) pairs. */
static const char *const KEY_LABELS[] = {
    "Account holder", "Bank", "Account number", "Account type", "Statement period", "Transactions",
    "Average monthly income", "Monthly obligations", "FOIR", "Score", "Employer", "Salary confidence",
    "Average daily balance", "Total credits", "Total debits", "Bounced payments", "Large credits",
    "Cash deposits", "Fraud findings", "Authenticity (0-100)", "Holder mismatch", NULL};

static void key_value(struct book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, size_t k, const json_t *d)
{
    const json_t *det = json_object_get(d, "account_details"), *pred = json_object_get(d, "predictors");
    char buf[160];
    switch (k) {
    case 0: cell(b, ws, r, c, json_object_get(det, "name")); break;
    case 1: cell(b, ws, r, c, json_object_get(det, "bank")); break;
    case 2: cell(b, ws, r, c, json_object_get(det, "account_number")); break;
    case 3: cell(b, ws, r, c, json_object_get(det, "account_type")); break;
    case 4: {
        const json_t *rg = json_object_get(det, "account_date_range");
        snprintf(buf, sizeof buf, "%s to %s", str(rg, "from_date"), str(rg, "to_date"));
        worksheet_write_string(ws, r, c, buf, NULL);
        break;
    }
    case 5: worksheet_write_number(ws, r, c, (double)json_array_size(json_object_get(d, "transactions")), NULL); break;
    case 6: cell(b, ws, r, c, json_object_get(json_object_get(d, "income"), "monthly_average")); break;
    case 7: cell(b, ws, r, c, json_object_get(json_object_get(d, "obligations"), "monthly_total")); break;
    case 8: {
        const json_t *v = json_object_get(json_object_get(d, "foir"), "value");
        if (json_is_number(v))
            worksheet_write_number(ws, r, c, json_number_value(v), b->pct);
        break;
    }
    case 9: cell(b, ws, r, c, json_object_get(d, "score")); break;
    case 10: cell(b, ws, r, c, json_object_get(pred, "employer_name_0")); break;
    case 11: cell(b, ws, r, c, json_object_get(det, "salary_confidence")); break;
    case 12: cell(b, ws, r, c, json_object_get(pred, "avg_daily_closing_balance")); break;
    case 13: cell(b, ws, r, c, json_object_get(pred, "credits")); break;
    case 14: cell(b, ws, r, c, json_object_get(pred, "debits")); break;
    case 15: {
        size_t i;
        json_t *f;
        json_array_foreach(json_object_get(d, "score_factors"), i, f) if (!strcmp(str(f, "factor"), "bounces"))
            cell(b, ws, r, c, json_object_get(f, "value"));
        break;
    }
    case 16: worksheet_write_number(ws, r, c, (double)json_array_size(json_object_get(json_object_get(d, "flags"), "large_credits")), NULL); break;
    case 17: worksheet_write_number(ws, r, c, (double)json_array_size(json_object_get(json_object_get(d, "flags"), "cash_deposits")), NULL); break;
    case 18: {
        size_t i, len = 0;
        json_t *f;
        buf[0] = '\0';
        json_array_foreach(json_object_get(d, "fraud"), i, f) if (len + 40 < sizeof buf) len +=
            (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", len ? ", " : "", str(f, "fraud_type"));
        worksheet_write_string(ws, r, c, len ? buf : "none", NULL);
        break;
    }
    case 19: cell(b, ws, r, c, json_object_get(json_object_get(d, "authenticity"), "score")); break;
    case 20: cell(b, ws, r, c, json_object_get(json_object_get(json_object_get(d, "flags"), "holder_mismatch"), "flagged")); break;
    }
}

static void summary_sheet(struct book *b, const json_t *doc, const json_t *accs)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Summary");
    char buf[200];
    snprintf(buf, sizeof buf, "Passbook report, session %s", str(doc, "session_id"));
    worksheet_write_string(ws, 0, 0, buf, b->title);
    const json_t *h = json_object_get(doc, "holders");
    worksheet_write_string(ws, 2, 0, "Account holders", b->bold);
    cell(b, ws, 2, 1, json_object_get(h, "count"));
    worksheet_write_string(ws, 3, 0, "Holders differ or were not named by you", b->bold);
    cell(b, ws, 3, 1, json_object_get(h, "mismatch"));
    worksheet_write_string(ws, 4, 0, "Aggregate sums the accounts of", b->bold);
    cell(b, ws, 4, 1, json_object_get(json_object_get(doc, "aggregate_scope"), "holder"));
    worksheet_set_column(ws, 0, 0, 36, NULL);
    lxw_row_t r0 = 6;
    worksheet_write_string(ws, r0, 0, "Key figures", b->head);
    size_t i;
    json_t *acc;
    json_array_foreach((json_t *)accs, i, acc) {
        const json_t *d = json_object_get(acc, "data");
        worksheet_write_string(ws, r0, (lxw_col_t)(i + 1), str(json_object_get(d, "account_details"), "bank"), b->head);
        worksheet_set_column(ws, (lxw_col_t)(i + 1), (lxw_col_t)(i + 1), 24, NULL);
        for (size_t k = 0; KEY_LABELS[k]; k++) {
            if (i == 0)
                worksheet_write_string(ws, r0 + 1 + (lxw_row_t)k, 0, KEY_LABELS[k], NULL);
            key_value(b, ws, r0 + 1 + (lxw_row_t)k, (lxw_col_t)(i + 1), k, d);
        }
    }
    worksheet_freeze_panes(ws, r0 + 1, 1);
}

/* A unique sheet name for account i: "<BANK> <last 4 digits>". */
static void account_sheet_name(const json_t *d, size_t i, char *out, size_t cap)
{
    const json_t *det = json_object_get(d, "account_details");
    const char *num = str(det, "account_number"), *bank = str(det, "bank");
    size_t n = strlen(num);
    snprintf(out, cap, "%d %.12s %s", (int)(i + 1), *bank ? bank : "Account", n > 4 ? num + n - 4 : num);
    for (char *p = out; *p; p++)
        if (strchr("[]:*?/\\'", *p))
            *p = ' ';
        else
            *p = (char)toupper((unsigned char)*p);
}

static void list_rows(struct book *b, lxw_worksheet *ws, lxw_row_t *r, const char *title, const json_t *items,
                      const char *const *keys)
{
    worksheet_write_string(ws, (*r)++, 0, title, b->bold);
    heading(b, ws, *r, keys);
    (*r)++;
    size_t i;
    json_t *it;
    json_array_foreach((json_t *)items, i, it) {
        for (lxw_col_t c = 0; keys[c]; c++) {
            const json_t *v = json_object_get(it, keys[c]);
            if (json_is_array(v)) /* evidence: how many rows */
                worksheet_write_number(ws, *r, c, (double)json_array_size(v), NULL);
            else
                cell(b, ws, *r, c, v);
        }
        (*r)++;
    }
    (*r)++;
}

static const char *const TXN_COLS[] = {"Date", "Narration", "Debit", "Credit", "Balance", "Channel", "Category",
                                       "Counterparty", "Counts as income", "Hash", NULL};

static void transactions_block(struct book *b, lxw_worksheet *ws, lxw_row_t r, const json_t *d)
{
    worksheet_write_string(ws, r++, 0, "Transactions", b->bold);
    heading(b, ws, r++, TXN_COLS);
    /* what each credit counts as, from the income explanation */
    const json_t *inc = json_object_get(d, "income");
    size_t i;
    json_t *t;
    json_array_foreach(json_object_get(d, "transactions"), i, t) {
        char day[11];
        snprintf(day, sizeof day, "%.10s", str(t, "date"));
        worksheet_write_string(ws, r, 0, day, NULL);
        worksheet_write_string(ws, r, 1, str(t, "transaction_note"), NULL);
        bool credit = !strcmp(str(t, "transaction_type"), "credit");
        cell(b, ws, r, credit ? 3 : 2, json_object_get(t, "amount"));
        cell(b, ws, r, 4, json_object_get(t, "balance"));
        worksheet_write_string(ws, r, 5, str(t, "transaction_channel"), NULL);
        worksheet_write_string(ws, r, 6, str(t, "category"), NULL);
        worksheet_write_string(ws, r, 7, str(t, "counterparty"), NULL);
        if (credit) {
            const char *hash = str(t, "hash"), *kind = "";
            const char *lists[] = {"sources", "excluded"};
            for (int l = 0; l < 2 && !*kind; l++) {
                size_t k;
                json_t *s;
                json_array_foreach(json_object_get(inc, lists[l]), k, s) {
                    size_t e;
                    json_t *h;
                    json_array_foreach(json_object_get(s, "evidence"), e, h) if (!strcmp(json_string_value(h), hash))
                        kind = l ? "no" : "yes";
                }
            }
            worksheet_write_string(ws, r, 8, kind, NULL);
        }
        worksheet_write_string(ws, r, 9, str(t, "hash"), NULL);
        r++;
    }
}

static void account_sheet(struct book *b, const json_t *acc, size_t i)
{
    const json_t *d = json_object_get(acc, "data");
    char name[32];
    account_sheet_name(d, i, name, sizeof name);
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
    worksheet_set_column(ws, 0, 0, 26, NULL);
    worksheet_set_column(ws, 1, 1, 48, NULL);
    worksheet_set_column(ws, 2, 12, 16, NULL);
    worksheet_write_string(ws, 0, 0, str(json_object_get(d, "account_details"), "name"), b->title);
    lxw_row_t r = 2;
    for (size_t k = 0; KEY_LABELS[k]; k++, r++) {
        worksheet_write_string(ws, r, 0, KEY_LABELS[k], NULL);
        key_value(b, ws, r, 1, k, d);
    }
    r++;
    worksheet_write_string(ws, r++, 0, "Monthly overview", b->bold);
    lxw_row_t ov = r;
    size_t n = overview(b, ws, ov, json_object_get(d, "monthly_analysis"));
    r += (lxw_row_t)n + 2;
    /* charts beside the key figures; the daily EOD data far right */
    flow_chart(b, ws, name, ov, n, 1, 3);
    eod_chart(b, ws, name, json_object_get(d, "eod_balances"), 0, 20, 17, 3);
    static const char *const SCORE[] = {"factor", "points", "weight", "value", "definition", "evidence", NULL};
    list_rows(b, ws, &r, "Score factors (evidence: rows behind each)", json_object_get(d, "score_factors"), SCORE);
    static const char *const FLAG[] = {"date", "amount", "counterparty", "rule", "evidence", NULL};
    const json_t *flags = json_object_get(d, "flags");
    list_rows(b, ws, &r, "Large credits", json_object_get(flags, "large_credits"), FLAG);
    list_rows(b, ws, &r, "Cash deposits", json_object_get(flags, "cash_deposits"), FLAG);
    static const char *const FRAUD[] = {"fraud_type", "fraud_category", "transaction_hash", "rule", NULL};
    list_rows(b, ws, &r, "Fraud findings (tampering only)", json_object_get(d, "fraud"), FRAUD);
    transactions_block(b, ws, r, d);
}

static void aggregate_sheet(struct book *b, const json_t *doc)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Aggregate");
    const json_t *scope = json_object_get(doc, "aggregate_scope");
    worksheet_write_string(ws, 0, 0, "Aggregate of the accounts of", b->bold);
    cell(b, ws, 0, 1, json_object_get(scope, "holder"));
    worksheet_write_string(ws, 1, 0, "Accounts summed", b->bold);
    worksheet_write_number(ws, 1, 1, (double)json_array_size(json_object_get(scope, "account_ids")), NULL);
    worksheet_write_string(ws, 2, 0, "Accounts left out (another holder)", b->bold);
    worksheet_write_number(ws, 2, 1, (double)json_array_size(json_object_get(scope, "excluded_account_ids")), NULL);
    worksheet_set_column(ws, 0, 0, 30, NULL);
    worksheet_set_column(ws, 1, 12, 16, NULL);
    size_t n = overview(b, ws, 4, json_object_get(doc, "aggregate_monthly_analysis"));
    flow_chart(b, ws, "Aggregate", 4, n, (lxw_row_t)n + 7, 0);
}

/* Every monthly metric, labelled; one block per account, then the aggregate. */
static void metrics_sheet(struct book *b, const json_t *accs, const json_t *agg)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, "All metrics");
    worksheet_set_column(ws, 0, 0, 44, NULL);
    worksheet_set_column(ws, 1, 1, 34, NULL);
    lxw_row_t r = 0;
    size_t n = json_array_size(accs);
    for (size_t i = 0; i <= n; i++) {
        const json_t *d = i < n ? json_object_get(json_array_get(accs, i), "data") : NULL;
        const json_t *m = d ? json_object_get(d, "monthly_analysis") : agg;
        if (!m)
            continue;
        char title[120];
        snprintf(title, sizeof title, "%s", d ? str(json_object_get(d, "account_details"), "account_number") : "Aggregate");
        worksheet_write_string(ws, r, 0, title, b->title);
        worksheet_write_string(ws, r, 1, "Key", b->head);
        const char *metric;
        json_t *by;
        bool first = true;
        lxw_row_t hr = r;
        json_object_foreach((json_t *)m, metric, by) {
            r++;
            char label[128];
            humanise(metric, label, sizeof label);
            worksheet_write_string(ws, r, 0, label, NULL);
            worksheet_write_string(ws, r, 1, metric, NULL);
            const char *month;
            json_t *v;
            lxw_col_t c = 2;
            json_object_foreach(by, month, v) {
                if (first)
                    worksheet_write_string(ws, hr, c, month, b->head);
                cell(b, ws, r, c++, v);
            }
            first = false;
        }
        r += 2;
    }
    worksheet_freeze_panes(ws, 1, 2);
}

static void explain_row(struct book *b, lxw_worksheet *ws, lxw_row_t r, const char *acct, const char *figure,
                        const json_t *value, const char *rule, const json_t *evidence)
{
    const struct rule_def *def = rule_find(rule);
    worksheet_write_string(ws, r, 0, acct, NULL);
    worksheet_write_string(ws, r, 1, figure, NULL);
    cell(b, ws, r, 2, value);
    worksheet_write_string(ws, r, 3, rule, NULL);
    worksheet_write_string(ws, r, 4, def ? def->text : "", b->wrap);
    char hashes[4096];
    size_t len = 0, i;
    json_t *h;
    hashes[0] = '\0';
    json_array_foreach((json_t *)evidence, i, h) if (len + 40 < sizeof hashes) len +=
        (size_t)snprintf(hashes + len, sizeof hashes - len, "%s%s", len ? " " : "", json_string_value(h));
    worksheet_write_number(ws, r, 5, (double)json_array_size(evidence), NULL);
    worksheet_write_string(ws, r, 6, hashes, NULL);
}

/* Every derived figure with its rule and evidence (docs/api.md, Explanations). */
static void explanations_sheet(struct book *b, const json_t *accs)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Explanations");
    static const char *const COLS[] = {"Account", "Figure", "Value", "Rule", "Definition", "Rows", "Evidence (hashes)",
                                       NULL};
    heading(b, ws, 0, COLS);
    worksheet_set_column(ws, 0, 1, 22, NULL);
    worksheet_set_column(ws, 2, 3, 20, NULL);
    worksheet_set_column(ws, 4, 4, 60, NULL);
    worksheet_set_column(ws, 6, 6, 80, NULL);
    lxw_row_t r = 1;
    size_t i, k;
    json_t *acc, *x;
    json_array_foreach((json_t *)accs, i, acc) {
        const json_t *d = json_object_get(acc, "data");
        const char *num = str(json_object_get(d, "account_details"), "account_number");
        const json_t *inc = json_object_get(d, "income"), *ob = json_object_get(d, "obligations");
        char fig[80];
        json_array_foreach(json_object_get(inc, "sources"), k, x) {
            snprintf(fig, sizeof fig, "Income: %s", str(x, "kind"));
            explain_row(b, ws, r++, num, fig, json_object_get(x, "amount"), str(x, "rule"), json_object_get(x, "evidence"));
        }
        json_array_foreach(json_object_get(inc, "excluded"), k, x) {
            snprintf(fig, sizeof fig, "Not income: %s", str(x, "reason"));
            explain_row(b, ws, r++, num, fig, json_object_get(x, "amount"), str(x, "rule"), json_object_get(x, "evidence"));
        }
        explain_row(b, ws, r++, num, "Average monthly income", json_object_get(inc, "monthly_average"),
                    "income.monthly_average", NULL);
        json_array_foreach(json_object_get(ob, "items"), k, x) explain_row(
            b, ws, r++, num, str(x, "payee"), json_object_get(x, "monthly"), str(x, "rule"),
            json_object_get(x, "evidence"));
        explain_row(b, ws, r++, num, "FOIR", json_object_get(json_object_get(d, "foir"), "value"), "foir", NULL);
        json_array_foreach(json_object_get(d, "score_factors"), k, x) explain_row(
            b, ws, r++, num, str(x, "factor"), json_object_get(x, "points"), str(x, "rule"),
            json_object_get(x, "evidence"));
        json_array_foreach(json_object_get(d, "fraud"), k, x) explain_row(
            b, ws, r++, num, str(x, "fraud_type"), NULL, str(x, "rule"), json_object_get(x, "evidence"));
    }
    worksheet_freeze_panes(ws, 1, 0);
}

int xlsx_write_report(const char *path, const json_t *doc, const char *account_id, const char **err)
{
    json_t *accs = json_array(), *acc;
    size_t i;
    json_array_foreach(json_object_get(doc, "accounts"), i, acc) if (!account_id ||
                                                                    !strcmp(str(acc, "account_id"), account_id))
        json_array_append(accs, acc);
    struct book b = {0};
    b.wb = workbook_new(path);
    if (!b.wb) {
        json_decref(accs);
        *err = "cannot create the workbook file";
        return -1;
    }
    b.money = workbook_add_format(b.wb);
    format_set_num_format(b.money, INR_FORMAT);
    b.pct = workbook_add_format(b.wb);
    format_set_num_format(b.pct, "0.0%");
    b.bold = workbook_add_format(b.wb);
    format_set_bold(b.bold);
    b.head = workbook_add_format(b.wb);
    format_set_bold(b.head);
    format_set_bottom(b.head, LXW_BORDER_THIN);
    b.title = workbook_add_format(b.wb);
    format_set_bold(b.title);
    format_set_font_size(b.title, 14);
    b.wrap = workbook_add_format(b.wb);
    format_set_text_wrap(b.wrap);
    summary_sheet(&b, doc, accs);
    json_array_foreach(accs, i, acc) account_sheet(&b, acc, i);
    if (!account_id)
        aggregate_sheet(&b, doc);
    metrics_sheet(&b, accs, account_id ? NULL : json_object_get(doc, "aggregate_monthly_analysis"));
    explanations_sheet(&b, accs);
    json_decref(accs);
    lxw_error rc = workbook_close(b.wb);
    if (rc != LXW_NO_ERROR) {
        *err = lxw_strerror(rc);
        return -1;
    }
    return 0;
}

int xlsx_report_bytes(const char *tmp_dir, const json_t *doc, const char *account_id, char **data, size_t *len,
                      const char **err)
{
    char path[4096], nonce[PB_UUID_BUF];
    *data = NULL;
    *len = 0;
    if (!uuid_v4(nonce)) {
        *err = "no random numbers for the workbook's file name";
        return -1;
    }
    snprintf(path, sizeof path, "%s/report-%s.xlsx", tmp_dir, nonce);
    int rc = xlsx_write_report(path, doc, account_id, err);
    if (rc == 0 && !(*data = file_read(path, XLSX_MAX_BYTES, len))) {
        *err = "cannot read the workbook back";
        rc = -1;
    }
    unlink(path);
    return rc;
}
