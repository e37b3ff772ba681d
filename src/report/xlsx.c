#include "report/xlsx.h"

#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

struct book {
    lxw_workbook *wb;
    lxw_format *money, *bold, *head;
};

static lxw_worksheet *sheet(struct book *b, const char *name, size_t acct, size_t n)
{
    char full[32];
    if (n > 1)
        snprintf(full, sizeof full, "%.24s %u", name, (unsigned)(acct + 1) % 1000u);
    else
        snprintf(full, sizeof full, "%s", name);
    return workbook_add_worksheet(b->wb, full);
}

static void header(struct book *b, lxw_worksheet *ws, const char *const *cols)
{
    for (lxw_col_t c = 0; cols[c]; c++) {
        worksheet_write_string(ws, 0, c, cols[c], b->head);
        worksheet_set_column(ws, c, c, c == 1 ? 60 : 16, NULL);
    }
    worksheet_freeze_panes(ws, 1, 0);
}

static void money(struct book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, pb_paise p)
{
    worksheet_write_number(ws, r, c, money_to_rupees(p), b->money);
}

/* One JSON value into a cell: integers plain, reals as money, strings as is. */
static void cell(struct book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, json_t *v)
{
    if (json_is_integer(v))
        worksheet_write_number(ws, r, c, (double)json_integer_value(v), NULL);
    else if (json_is_real(v))
        worksheet_write_number(ws, r, c, json_real_value(v), b->money);
    else if (json_is_string(v))
        worksheet_write_string(ws, r, c, json_string_value(v), NULL);
    else if (json_is_boolean(v))
        worksheet_write_boolean(ws, r, c, json_is_true(v), NULL);
}

static void txn_row(struct book *b, lxw_worksheet *ws, lxw_row_t r, const struct account_insights *a,
                    const struct etxn *x)
{
    char d[PB_DATE_BUF];
    worksheet_write_string(ws, r, 0, date_fmt_iso(x->t->date, d), NULL);
    worksheet_write_string(ws, r, 1, x->t->note ? x->t->note : "", NULL);
    worksheet_write_string(ws, r, 2, x->t->type == TXN_CREDIT ? "credit" : "debit", NULL);
    money(b, ws, r, 3, x->t->amount);
    if (x->t->has_balance)
        money(b, ws, r, 4, x->t->balance);
    worksheet_write_string(ws, r, 5, channel_name(x->cls.channel), NULL);
    worksheet_write_string(ws, r, 6, x->cls.category, NULL);
    worksheet_write_string(ws, r, 7, x->cls.merchant_category, NULL);
    worksheet_write_string(ws, r, 8, x->cls.description, NULL);
    worksheet_write_string(ws, r, 9, x->cls.counterparty, NULL);
    worksheet_write_string(ws, r, 10, x->hash, NULL);
    (void)a;
}

static const char *TXN_COLS[] = {"Date", "Narration", "Type", "Amount", "Balance", "Channel", "Category",
                                 "Merchant category", "Description", "Counterparty", "Hash", NULL};

typedef bool (*pick_fn)(const struct etxn *);

static void txn_sheet(struct book *b, const char *name, const struct account_insights *a, size_t k,
                      size_t n, pick_fn pick)
{
    lxw_worksheet *ws = sheet(b, name, k, n);
    header(b, ws, TXN_COLS);
    lxw_row_t r = 1;
    for (size_t i = 0; i < a->e.n; i++)
        if (!a->e.tx[i].skip && (!pick || pick(&a->e.tx[i])))
            txn_row(b, ws, r++, a, &a->e.tx[i]);
}

static bool pick_lender(const struct etxn *x)
{
    return x->is_emi || x->is_loan_credit || x->is_emi_bounce;
}

static bool pick_bounce(const struct etxn *x)
{
    return x->is_bounce || x->is_bounce_charge;
}

/* metric rows x month columns, from a monthly_analysis object */
static void monthly_sheet(struct book *b, lxw_worksheet *ws, json_t *m)
{
    worksheet_write_string(ws, 0, 0, "Metric", b->head);
    worksheet_set_column(ws, 0, 0, 44, NULL);
    const char *metric;
    json_t *byMonth;
    lxw_row_t r = 1;
    json_object_foreach(m, metric, byMonth) {
        worksheet_write_string(ws, r, 0, metric, NULL);
        const char *month;
        json_t *v;
        lxw_col_t c = 1;
        json_object_foreach(byMonth, month, v) {
            if (r == 1) {
                worksheet_write_string(ws, 0, c, month, b->head);
                worksheet_set_column(ws, c, c, 14, NULL);
            }
            cell(b, ws, r, c++, v);
        }
        r++;
    }
    worksheet_freeze_panes(ws, 1, 1);
}

static void eod_sheet(struct book *b, const struct account_insights *a, size_t k, size_t n)
{
    lxw_worksheet *ws = sheet(b, "EOD Balances", k, n);
    worksheet_write_string(ws, 0, 0, "Day", b->head);
    char buf[PB_DATE_BUF];
    lxw_col_t c = 1;
    for (pb_month m = a->eod.m0; m <= a->eod.m1; m++, c++) {
        worksheet_write_string(ws, 0, c, month_fmt_mon_yy(m, buf), b->head);
        worksheet_set_column(ws, c, c, 14, NULL);
        for (pb_day d = month_first_day(m); d <= month_last_day(m); d++) {
            pb_paise bal;
            if (eod_on(&a->eod, d, &bal))
                money(b, ws, (lxw_row_t)(d - month_first_day(m) + 1), c, bal);
        }
    }
    for (int day = 1; day <= 31; day++)
        worksheet_write_number(ws, (lxw_row_t)day, 0, day, NULL);
    worksheet_freeze_panes(ws, 1, 1);
}

static void salary_sheet(struct book *b, const struct account_insights *a, size_t k, size_t n)
{
    lxw_worksheet *ws = sheet(b, "Salary", k, n);
    static const char *COLS[] = {"Date", "Narration", "Employer", "Salary month", "Amount", "Confidence", NULL};
    header(b, ws, COLS);
    char buf[PB_DATE_BUF];
    lxw_row_t r = 1;
    for (size_t i = 0; i < a->e.n; i++) {
        const struct etxn *x = &a->e.tx[i];
        if (x->skip || !x->is_salary)
            continue;
        worksheet_write_string(ws, r, 0, date_fmt_iso(x->t->date, buf), NULL);
        worksheet_write_string(ws, r, 1, x->t->note ? x->t->note : "", NULL);
        worksheet_write_string(ws, r, 2, x->employer, NULL);
        worksheet_write_string(ws, r, 3, month_fmt_mon_yyyy(date_month(x->t->date), buf), NULL);
        money(b, ws, r, 4, x->t->amount);
        worksheet_write_number(ws, r, 5, x->salary_confidence, NULL);
        r++;
    }
}

static void recurring_sheet(struct book *b, const struct account_insights *a, size_t k, size_t n)
{
    lxw_worksheet *ws = sheet(b, "Recurring", k, n);
    static const char *COLS[] = {"Type", "Clean note", "Channel", "Median", "Start", "End", "Count", "EMI", NULL};
    header(b, ws, COLS);
    char buf[PB_DATE_BUF];
    for (size_t i = 0; i < a->rec.n; i++) {
        const struct recurring_set *s = &a->rec.sets[i];
        lxw_row_t r = (lxw_row_t)(i + 1);
        worksheet_write_string(ws, r, 0, s->type == TXN_CREDIT ? "credit" : "debit", NULL);
        worksheet_write_string(ws, r, 1, s->note, NULL);
        worksheet_write_string(ws, r, 2, channel_name(s->ch), NULL);
        money(b, ws, r, 3, s->median);
        worksheet_write_string(ws, r, 4, date_fmt_iso(s->start, buf), NULL);
        worksheet_write_string(ws, r, 5, date_fmt_iso(s->end, buf), NULL);
        worksheet_write_number(ws, r, 6, (double)s->n, NULL);
        worksheet_write_string(ws, r, 7, s->emi ? "yes" : "no", NULL);
    }
}

static void fraud_sheet(struct book *b, const struct account_insights *a, size_t k, size_t n)
{
    lxw_worksheet *ws = sheet(b, "Fraud", k, n);
    static const char *COLS[] = {"Statement", "Fraud type", "Transaction hash", "Category", NULL};
    header(b, ws, COLS);
    lxw_row_t r = 1;
    for (size_t i = 0; i < a->fraud.n; i++, r++) {
        const struct fraud_finding *f = &a->fraud.f[i];
        const char *sid = a->e.v->statement_ids ? a->e.v->statement_ids[f->stmt] : "";
        worksheet_write_string(ws, r, 0, sid ? sid : "", NULL);
        worksheet_write_string(ws, r, 1, f->type, NULL);
        worksheet_write_string(ws, r, 2, f->hash, NULL);
        worksheet_write_string(ws, r, 3, f->category, NULL);
    }
    r++;
    worksheet_write_string(ws, r, 0, "Authenticity", b->bold);
    worksheet_write_number(ws, r++, 1, a->fraud.authenticity, NULL);
    for (size_t i = 0; i < a->fraud.nreasons; i++)
        worksheet_write_string(ws, r++, 1, a->fraud.reasons[i], NULL);
}

static void summary_sheet(struct book *b, const char *session_id, const struct account_insights *const *a,
                          size_t n)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Summary");
    worksheet_write_string(ws, 0, 0, "Session", b->bold);
    worksheet_write_string(ws, 0, 1, session_id ? session_id : "", NULL);
    static const char *COLS[] = {"Account", "Name", "Bank", "Account number", "Transactions", "Total credits",
                                 "Total debits", "Salary confidence", "Employer", "Score", "Authenticity",
                                 "Fraud findings", NULL};
    for (lxw_col_t c = 0; COLS[c]; c++) {
        worksheet_write_string(ws, 2, c, COLS[c], b->head);
        worksheet_set_column(ws, c, c, c == 0 ? 38 : 18, NULL);
    }
    for (size_t k = 0; k < n; k++) {
        const struct account_insights *x = a[k];
        const struct statement *st = x->e.v->nstmts ? x->e.v->stmts[0] : NULL;
        lxw_row_t r = (lxw_row_t)(3 + k);
        pb_paise cr = 0, dr = 0;
        double cnt = 0;
        for (size_t i = 0; i < x->e.n; i++)
            if (!x->e.tx[i].skip) {
                cnt++;
                *(x->e.tx[i].t->type == TXN_CREDIT ? &cr : &dr) += x->e.tx[i].t->amount;
            }
        worksheet_write_string(ws, r, 0, x->e.v->account_id ? x->e.v->account_id : "", NULL);
        worksheet_write_string(ws, r, 1, st && st->id.name ? st->id.name : "", NULL);
        worksheet_write_string(ws, r, 2, st && st->bank ? st->bank : "", NULL);
        worksheet_write_string(ws, r, 3, st && st->id.account_number ? st->id.account_number : "", NULL);
        worksheet_write_number(ws, r, 4, cnt, NULL);
        money(b, ws, r, 5, cr);
        money(b, ws, r, 6, dr);
        worksheet_write_number(ws, r, 7, x->e.salary_confidence, NULL);
        worksheet_write_string(ws, r, 8, x->e.employer, NULL);
        worksheet_write_number(ws, r, 9, x->score.value, NULL);
        worksheet_write_number(ws, r, 10, x->fraud.authenticity, NULL);
        worksheet_write_number(ws, r, 11, (double)x->fraud.n, NULL);
    }
}

int xlsx_write_report(const char *path, const char *session_id, const struct session_insights *s,
                      const char *account_id, const char **err)
{
    const struct account_insights *one[1];
    const struct account_insights *const *a = s->a;
    size_t n = s->n;
    for (size_t i = 0; account_id && i < s->n; i++)
        if (!strcmp(s->a[i]->e.v->account_id, account_id)) {
            one[0] = s->a[i];
            a = one;
            n = 1;
        }
    struct book b = {0};
    b.wb = workbook_new(path);
    if (!b.wb) {
        *err = "cannot create the workbook file";
        return -1;
    }
    b.money = workbook_add_format(b.wb);
    format_set_num_format(b.money, "#,##0.00");
    b.bold = workbook_add_format(b.wb);
    format_set_bold(b.bold);
    b.head = workbook_add_format(b.wb);
    format_set_bold(b.head);
    format_set_bottom(b.head, LXW_BORDER_THIN);
    summary_sheet(&b, session_id, a, n);
    for (size_t k = 0; k < n; k++) {
        txn_sheet(&b, "Transactions", a[k], k, n, NULL);
        monthly_sheet(&b, sheet(&b, "Monthly Analysis", k, n), a[k]->monthly);
        eod_sheet(&b, a[k], k, n);
        salary_sheet(&b, a[k], k, n);
        recurring_sheet(&b, a[k], k, n);
        txn_sheet(&b, "Lender", a[k], k, n, pick_lender);
        txn_sheet(&b, "Bounces", a[k], k, n, pick_bounce);
        fraud_sheet(&b, a[k], k, n);
    }
    if (!account_id)
        monthly_sheet(&b, workbook_add_worksheet(b.wb, "Aggregate Monthly"), s->aggregate);
    lxw_error rc = workbook_close(b.wb);
    if (rc != LXW_NO_ERROR) {
        *err = lxw_strerror(rc);
        return -1;
    }
    return 0;
}
