/* Line classes. See lines.h. */
#include "extract/lines.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "extract/ocr_amount.h"
#include "extract/ocr_fix_dates.h"
#include "extract/profile.h"
#include "extract/split_dates.h"
#include "extract/token.h"

/* Row keyword at the start of text (normalised tokens): ROWK_* or 0. */
static int row_keyword(const char *text)
{
    char tok[24][24];
    int n = profile_tokenize(text, tok, 24);
    int best = 0, bestlen = 0;
    for (int from = 0; from < n; from++) {
        size_t np;
        const struct phrase *ph = profile_phrases_from(PHRASE_ROW, tok[from], &np);
        for (size_t i = 0; i < np; i++) {
            /* end-of-table phrases ("computer generated") may sit anywhere
             * in the line; the others must start it */
            bool anywhere = ph[i].role == ROWK_END && ph[i].ntok > 1;
            if ((from > 0 && !anywhere) || ph[i].ntok > n - from || ph[i].ntok <= bestlen)
                continue;
            int k = 1;
            while (k < ph[i].ntok && !strcmp(ph[i].tok[k], tok[from + k]))
                k++;
            /* "b f" must be the whole text, else "B F" starting a name would match */
            if (k == ph[i].ntok && (ph[i].ntok > 1 || n == 1 || ph[i].role == ROWK_SKIP)) {
                best = ph[i].role;
                bestlen = k;
            }
        }
    }
    return best;
}

static bool parse_money_cell(const char *s, bool ocr, pb_paise *v, int *mark)
{
    if (!s[0])
        return false;
    if (token_parse_amount(s, strlen(s), v, mark))
        return true;
    char fixed[CELL_MAX];
    size_t n = ocr ? ocr_amount_cell(s, fixed, sizeof fixed) : 0;
    return n && token_parse_amount(fixed, n, v, mark);
}


struct colmap lines_map_columns(const struct header *h)
{
    struct colmap m = {header_col(h, COL_DATE), header_col(h, COL_VALUE_DATE), header_col(h, COL_NARRATION),
                       header_col(h, COL_REF), header_col(h, COL_DEBIT), header_col(h, COL_CREDIT),
                       header_col(h, COL_AMOUNT), -1, header_col(h, COL_BALANCE), -1};
    for (int i = 0; i < h->ncols; i++)
        if (h->cols[i].role == COL_DRCR) {
            if (i > 0 && h->cols[i - 1].role == COL_BALANCE)
                m.balance_mark = i;
            else if (m.amount_mark < 0)
                m.amount_mark = i;
        }
    if (m.date < 0) {
        m.date = m.vdate;
        m.vdate = -1;
    }
    return m;
}

/* "(02-Sep-24)" under a date: the row's value date, printed in the same
 * cell on the next line. */
static bool bracketed_date(const char *c, pb_day *out)
{
    size_t n = strlen(c);
    return n > 2 && c[0] == '(' && c[n - 1] == ')' && token_parse_date(c + 1, n - 2, out);
}

/* A date cell: one date, with or without a time; a date without a year
 * (*yearless; year 2000 stands in until the period decides it); or a date
 * followed by a second one in brackets, the value date ("01-Apr-24
 * (02-Apr-24)"). On a line read by OCR, a numeric date with its separators
 * lost or misread ("1112.23"): the column says it is a date. */
static void date_cell(const char *c, bool ocr, pb_day *date, pb_day *second, bool *yearless)
{
    size_t len = strlen(c);
    int mo, d;
    if (token_parse_date(c, len, date))
        return;
    /* in a date column "01.04" is the day and month ("01.04." without its
     * closing dot) */
    char dotted[8];
    bool dm = len >= 4 && len <= 5 && c[len - 3] == '.' && strspn(c, "0123456789.") == len &&
              snprintf(dotted, sizeof dotted, "%s.", c) > 0;
    if (token_parse_day_month(c, len, &mo, &d) || (dm && token_parse_day_month(dotted, len + 1, &mo, &d))) {
        date_from_ymd(2000, mo, d, date);
        *yearless = true;
        return;
    }
    const char *open = strchr(c, '('), *close = open ? strchr(open, ')') : NULL;
    pb_day a, b;
    if (close && !close[1] && token_parse_date(c, (size_t)(open - c), &a) &&
        token_parse_date(open + 1, (size_t)(close - open - 1), &b)) {
        *date = a;
        *second = b;
        return;
    }
    if (!ocr || ocr_fix_date(c, date) || ocr_fix_named_date(c, date))
        return;
    /* a pen's tick or a speck before the date, read as marks or letters */
    const char *rest = ocr_after_mark(c);
    if (rest)
        date_cell(rest, ocr, date, second, yearless);
}

/* The figure ending a line's text, as in "Closing Balance : 13,482.98"
 * printed across the columns: digits grouped by commas and two decimals
 * (never a date, a reference or a count), with an optional Dr/Cr after. */
static bool trailing_figure(const char *text, pb_paise *v)
{
    char buf[CELL_MAX * 2];
    snprintf(buf, sizeof buf, "%s", text);
    char *tok[3] = {0};
    for (char *t = strtok(buf, " "); t; t = strtok(NULL, " "))
        tok[0] = tok[1], tok[1] = tok[2], tok[2] = t;
    if (!tok[2])
        return false;
    int mark = 0;
    const char *f = tok[2];
    if (token_drcr(tok[2], strlen(tok[2])) && tok[1])
        f = tok[1], mark = token_drcr(tok[2], strlen(tok[2]));
    size_t n = strlen(f), i = f[0] == '-';
    if (n < 4 || f[n - 3] != '.')
        return false;
    for (size_t k = i; k < n; k++)
        if (!((f[k] >= '0' && f[k] <= '9') || (f[k] == ',' && k + 3 < n) || k == n - 3))
            return false;
    int m2 = 0;
    if (!token_parse_amount(f, n, v, &m2))
        return false;
    if (mark < 0 && *v > 0)
        *v = -*v;
    return true;
}

static bool is_money_col(enum col_role r)
{
    return r == COL_DEBIT || r == COL_CREDIT || r == COL_AMOUNT || r == COL_BALANCE;
}

/* Digits as a date's pieces hold them: no run longer than a year's four
 * ("2024)", "(2023/10/"; not "59733581253802)", an account number closing
 * a sentence). */
static bool date_piece_digits(const char *s)
{
    for (size_t run = 0; *s; s++) {
        run = *s >= '0' && *s <= '9' ? run + 1 : 0;
        if (run > 4)
            return false;
    }
    return true;
}

/* A date cell OCR read as no date, as a stamp's ink, a punch hole or a
 * fax's lost line leaves one: digits and a date's separators, perhaps a
 * speck or a degree sign ("05.41.23", "0 *1.23"), no letter; four
 * digits or more and something between them. */
static bool misread_date(const char *c)
{
    size_t n = strlen(c), digits = 0;
    if (n < 5 || n > 14)
        return false;
    for (const unsigned char *p = (const unsigned char *)c; *p; p++) {
        if (*p >= '0' && *p <= '9')
            digits++;
        else if (isalpha(*p))
            return false;
    }
    return digits >= 4 && digits < n; /* a separator: not a reference's digits */
}

void lines_classify(const struct header *h, const struct colmap *m, const struct cells *cs, struct lineinfo *li)
{
    memset(li, 0, sizeof *li);
    li->row = -1;
    li->date = li->value_date = PB_NO_DAY;
    bool junk = false, text = false, stray = cs->straddle;
    char all[CELL_MAX * 2] = "";
    for (int i = 0; i < h->ncols; i++) {
        const char *c = cs->c[i];
        if (!c[0])
            continue;
        if (!is_money_col(h->cols[i].role) && h->cols[i].role != COL_DRCR) {
            text = true;
            /* wrapped rows continue in the narration and reference columns;
             * text under a date column is a footer (or a wrapped date's year) */
            bool date_col = h->cols[i].role == COL_DATE || h->cols[i].role == COL_VALUE_DATE;
            size_t n = strlen(c);
            /* a bracketed value date's pieces ("(2023/10/" over "02)"),
             * however short */
            bool bit = n && n < sizeof li->datebit && (c[0] == '(' || c[n - 1] == ')') && date_piece_digits(c);
            /* a value date of its own under a date printed once a day (the
             * date cell blank, the value date a cheque's later one) is no
             * footer: the row is the day's next (table_rows.c) */
            pb_day vday;
            bool own_value_date = (h->cols[i].role == COL_VALUE_DATE || h->cols[i].vdate_under) &&
                                  token_parse_date(c, n, &vday);
            /* a wrapped date's first piece left alone ('15-' whose '11-'
             * and '2026' were not found) is a date not read: never the
             * row before's date (split_dates.h) */
            bool head = split_dates_is_head(c);
            if (date_col && (n > 4 || bit || head) && !token_is_time(c) && !own_value_date &&
                !bracketed_date(c, &li->value_date)) {
                if (bit)
                    memcpy(li->datebit, c, n + 1);
                else if (cs->ocr && h->cols[i].role == COL_DATE && misread_date(c))
                    li->date_unread = true;
                else
                    stray = true;
            }
            if (strlen(all) + strlen(c) + 2 < sizeof all) {
                if (all[0])
                    strcat(all, " ");
                strcat(all, c);
            }
        }
    }
    int mark = 0;
    if (m->debit >= 0 && parse_money_cell(cs->c[m->debit], cs->ocr, &li->debit, &mark))
        li->has_debit = li->debit != 0;
    else if (m->debit >= 0 && cs->c[m->debit][0] && strcmp(cs->c[m->debit], "-"))
        junk = true;
    if (m->credit >= 0 && parse_money_cell(cs->c[m->credit], cs->ocr, &li->credit, &mark))
        li->has_credit = li->credit != 0;
    else if (m->credit >= 0 && cs->c[m->credit][0] && strcmp(cs->c[m->credit], "-"))
        junk = true;
    if (m->amount >= 0 && parse_money_cell(cs->c[m->amount], cs->ocr, &li->amount, &li->amount_mark)) {
        li->has_amount = li->amount != 0;
        if (li->amount < 0) {
            li->amount = -li->amount;
            li->amount_mark = -1;
            li->amount_negative = true;
        }
        if (m->amount_mark >= 0 && cs->c[m->amount_mark][0])
            li->amount_mark = token_drcr(cs->c[m->amount_mark], strlen(cs->c[m->amount_mark]));
    } else if (m->amount >= 0 && cs->c[m->amount][0] && strcmp(cs->c[m->amount], "-")) {
        junk = true;
    }
    li->debit = li->debit < 0 ? -li->debit : li->debit;
    li->credit = li->credit < 0 ? -li->credit : li->credit;
    if (m->balance >= 0 && parse_money_cell(cs->c[m->balance], cs->ocr, &li->balance, &mark)) {
        li->has_balance = true;
        if (m->balance_mark >= 0 && cs->c[m->balance_mark][0])
            mark = token_drcr(cs->c[m->balance_mark], strlen(cs->c[m->balance_mark]));
        if (mark < 0 && li->balance > 0)
            li->balance = -li->balance;
    } else if (m->balance >= 0 && cs->c[m->balance][0]) {
        junk = true;
    }
    bool txn_amount = li->has_debit || li->has_credit || li->has_amount;
    if (m->date >= 0 && cs->c[m->date][0])
        date_cell(cs->c[m->date], cs->ocr, &li->date, &li->value_date, &li->yearless);
    /* a date not read is a row's only with its amount and balance */
    if (li->date_unread && (li->date != PB_NO_DAY || !txn_amount || !li->has_balance)) {
        stray = stray || li->date == PB_NO_DAY;
        li->date_unread = false;
    }
    if (m->vdate >= 0 && cs->c[m->vdate][0]) {
        bool vyearless = false;
        pb_day unused;
        date_cell(cs->c[m->vdate], cs->ocr, &li->value_date, &unused, &vyearless);
        if (vyearless && !li->yearless && li->date != PB_NO_DAY)
            li->value_date = PB_NO_DAY; /* one yearless, one not: no sound year for it */
    }
    /* keyword text: the narration cell, else all the text cells */
    const char *kw = m->narr >= 0 && cs->c[m->narr][0] ? cs->c[m->narr] : all;
    int rk = row_keyword(kw);
    if (!rk && kw != all)
        rk = row_keyword(all);
    if (rk == ROWK_END && li->date == PB_NO_DAY) {
        li->kind = LK_END;
    } else if ((rk == ROWK_OPENING || rk == ROWK_CLOSING) &&
               (li->date == PB_NO_DAY || (!li->has_debit && !li->has_credit && !(li->has_amount && li->has_balance)))) {
        /* "Balance B/F" reprinted with its amount in a money column, or a
         * closing line with the period's totals beside the balance */
        li->kind = rk == ROWK_OPENING ? LK_OPEN : LK_CLOSE;
        /* a table without a balance column: the balance printed after its
         * label in the text ("Closing Balance : 13,482.98" under it). With
         * a balance column, a figure outside it is no balance of this
         * table (another account's summary) */
        if (m->balance < 0 && !li->has_balance && !li->has_amount && !li->has_debit && !li->has_credit && !junk &&
            trailing_figure(all, &li->balance))
            li->has_balance = true;
    } else if (rk == ROWK_SKIP && li->date == PB_NO_DAY) {
        li->kind = LK_SKIP;
    } else if (li->date != PB_NO_DAY) {
        li->kind = LK_DATED;
    } else if (txn_amount && !junk && !stray) {
        li->kind = LK_AMOUNT;
    } else if (text && !junk && !stray && !txn_amount && !li->has_balance) {
        li->kind = LK_CONT;
    } else {
        li->kind = LK_NOISE;
    }
}

bool lines_value_date_under(const struct lineinfo *li)
{
    return li->kind == LK_CONT && (li->value_date != PB_NO_DAY || li->datebit[0]);
}
