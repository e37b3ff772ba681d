#include "extract/extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/bank.h"
#include "extract/date_order.h"
#include "extract/deposit_grid.h"
#include "extract/identity.h"
#include "extract/ocr_chain.h"
#include "extract/ocr_doubt.h"
#include "extract/ocr_fix.h"
#include "extract/ocr_fix_dates.h"
#include "extract/ocr_memo.h"
#include "extract/pdf_doc.h"
#include "extract/profile.h"
#include "extract/scan_again.h"
#include "extract/reconcile.h"
#include "extract/row_shape.h"
#include "extract/table.h"
#include "extract/textcheck.h"
#include "extract/token.h"

static const struct {
    const char *code, *message;
} CODES[] = {
    [EXTRACT_OK] = {"OK", "ok"},
    [EXTRACT_UNPARSABLE] = {"UNPARSABLE", "Failed to process because of an unparsable statement"},
    [EXTRACT_PASSWORD_INCORRECT] = {"PASSWORD_INCORRECT", "The provided password is incorrect"},
    [EXTRACT_PDF_IS_IMAGE] = {"PDF_IS_IMAGE", "Scanned images are not supported"},
    [EXTRACT_TOO_MANY_PAGES] = {"STATEMENT_TOO_MANY_PAGES", "The statement exceeds the allowed page limit"},
    [EXTRACT_NO_TRANSACTIONS] = {"STATEMENT_NO_TRANSACTIONS",
                                 "No transactions were identified in the uploaded statement"},
    [EXTRACT_BANK_UNDETECTED] = {"BANK_NAME_UNDETECTED", "Bank name could not be identified"},
    [EXTRACT_BANK_MISMATCH] = {"BANK_NAME_MISMATCH", "The bank name in the statement doesn't match the selected bank"},
    [EXTRACT_TEXT_UNREADABLE] = {"PDF_TEXT_UNREADABLE",
                                 "The statement's text cannot be read (its fonts do not map to the characters "
                                 "the page shows); upload the statement as downloaded from the bank"},
    [EXTRACT_TOO_COMPLEX] = {"STATEMENT_TOO_COMPLEX",
                             "The statement could not be read within the processing limits"},
    [EXTRACT_BUSY] = {"SERVER_BUSY", "The server is busy reading other statements; please retry shortly"},
};

const char *extract_code_name(enum extract_code c)
{
    return (unsigned)c < sizeof CODES / sizeof *CODES ? CODES[c].code : "UNPARSABLE";
}

const char *extract_code_message(enum extract_code c)
{
    return (unsigned)c < sizeof CODES / sizeof *CODES ? CODES[c].message : CODES[EXTRACT_UNPARSABLE].message;
}

int extract_init(void)
{
    return profile_load() == 0 && pdf_doc_init() == 0 ? 0 : -1;
}

void extract_shutdown(void)
{
    pdf_doc_shutdown();
}

static int fail(struct extract_error *err, enum extract_code c)
{
    err->code = c;
    snprintf(err->message, sizeof err->message, "%s", extract_code_message(c));
    return -1;
}

/* The latest full date printed outside the table on the first page (the
 * date a statement was made, for dates printed without a year when no
 * period is printed), or PB_NO_DAY. */
static pb_day latest_date_outside(const struct layout *l, const unsigned char *use)
{
    pb_day best = PB_NO_DAY;
    for (size_t li = 0; li < l->nlines && l->lines[li].page == 0; li++) {
        if (use[li])
            continue;
        const struct line *ln = &l->lines[li];
        char text[512];
        size_t o = 0, end;
        for (uint32_t w = ln->first; w < ln->first + ln->n && o + 64 < sizeof text; w++)
            o += (size_t)snprintf(text + o, sizeof text - o, "%.60s ", word_text(l, &l->words[w]));
        pb_day d;
        for (size_t from = 0; from < o && token_find_date(text, o, from, &d, &end); from = end)
            if (best == PB_NO_DAY || d > best)
                best = d;
    }
    return best;
}

/* A statement period printed in words no label names ("Between 01-Nov-2022
 * and 30-Nov-2022"): a line outside the table holding two dates, in order,
 * that enclose every transaction and lie within two months of them. */
static bool period_around(const struct layout *l, const unsigned char *use, pb_day first, pb_day last,
                          pb_day *from, pb_day *to)
{
    for (size_t li = 0; li < l->nlines; li++) {
        if (use[li])
            continue;
        const struct line *ln = &l->lines[li];
        char text[512];
        size_t o = 0, e1, e2;
        for (uint32_t w = ln->first; w < ln->first + ln->n && o + 64 < sizeof text; w++)
            o += (size_t)snprintf(text + o, sizeof text - o, "%.60s ", word_text(l, &l->words[w]));
        pb_day a, b, c;
        if (token_find_date(text, o, 0, &a, &e1) && token_find_date(text, o, e1, &b, &e2) &&
            !token_find_date(text, o, e2, &c, &e2) && a <= first && b >= last && first - a <= 62 && b - last <= 62) {
            *from = a, *to = b;
            return true;
        }
    }
    return false;
}

/* Lines [start, end) of l as a layout of their own (words and text shared
 * with l): the block of one account. */
static struct layout part_of(const struct layout *l, size_t start, size_t end)
{
    struct layout v = *l;
    v.lines = l->lines ? l->lines + start : NULL;   /* an empty layout has no lines array */
    v.nlines = end - start;
    v.doc_lines = l->lines;
    v.ndoc_lines = l->nlines;
    if (end < l->nlines && end > start)
        v.npages = l->lines[end - 1].page + 1;
    return v;
}

/* The table of the account whose block starts at line `start`: a PDF
 * holding several accounts (savings, then a loan or a deposit; two savings
 * accounts) is read up to where the next account's block starts, so no
 * row, balance or identity of one account leaks into another. *view is the
 * layout read, *next the line the next account starts at (l->nlines after
 * the last). */
static int account_table(const struct layout *l, size_t start, struct layout *view, struct table_result *t,
                         size_t *next)
{
    *view = part_of(l, start, l->nlines);
    *next = l->nlines;
    if (table_extract(view, t) < 0)
        return -1;
    size_t end = identity_account_end(view, t->line_use);
    if (end >= view->nlines || end == 0)
        return 0;
    table_result_free(t);
    *view = part_of(l, start, start + end);
    *next = start + end;
    return table_extract(view, t);
}

/* Whether the statement's bank is the one asked for (same catalogue bank,
 * or one merged into the other). Unknown on either side: no mismatch. */
static bool bank_mismatch(const char *asked, const char *found)
{
    if (!asked || !asked[0] || !found)
        return false;
    return !bank_accepts(bank_find(asked), bank_find(found));
}

/* A scan's rows that do not reconcile: the readings of a misread digit
 * that make the chain reconcile (ocr_chain.h). Rows without a printed
 * balance have nothing to check against: left alone. */
static void correct_scan(struct statement *st)
{
    struct chain_row *rows = calloc(st->ntxns + 1, sizeof *rows);
    if (!rows)
        return;
    for (size_t i = 0; i < st->ntxns; i++) {
        const struct txn *t = &st->txns[i];
        if (!t->has_balance || !t->ocr) {
            free(rows);
            return;
        }
        rows[i] = (struct chain_row){t->amount, t->balance, t->type == TXN_DEBIT ? -1 : 1, false, false};
    }
    pb_paise last = st->ntxns ? st->txns[st->ntxns - 1].balance : 0;
    if (ocr_fix_chain(st->opening_balance, rows, st->ntxns)) {
        for (size_t i = 0; i < st->ntxns; i++) {
            struct txn *t = &st->txns[i];
            t->amount = rows[i].amount;
            t->balance = rows[i].balance;
            t->type = rows[i].dir < 0 ? TXN_DEBIT : TXN_CREDIT;
        }
        if (st->closing_balance == last && st->ntxns)
            st->closing_balance = st->txns[st->ntxns - 1].balance;
        reconcile_check(st);
    }
    free(rows);
}

/* A scanned row's confidence when OCR read it with a sign of a misread:
 * below TXN_OCR_SURE, so it is not vouched for. */
#define ROW_UNSURE (TXN_OCR_SURE - 0.01f)

/* A scan's dates out of the statement's order: the value date when it
 * mends one, else the row is not vouched for (ocr_fix_dates); so is a row
 * whose value date OCR did not read where the statement prints one. Rows
 * read from a text layer are left as printed. */
static void correct_dates(struct statement *st)
{
    struct date_row *rows = calloc(st->ntxns + 1, sizeof *rows);
    if (!rows)
        return;
    for (size_t i = 0; i < st->ntxns; i++)
        rows[i] = (struct date_row){st->txns[i].date, st->txns[i].value_date, false, false};
    for (size_t i = 0; i < st->ntxns; i++) /* before a value date mends a date */
        if (st->txns[i].ocr && ocr_value_date_lost(rows, st->ntxns, i) && st->txns[i].confidence >= TXN_OCR_SURE)
            st->txns[i].confidence = ROW_UNSURE; /* a cell OCR did not read */
    ocr_fix_dates(rows, st->ntxns);
    for (size_t i = 0; i < st->ntxns; i++) {
        struct txn *t = &st->txns[i];
        if (!t->ocr)
            continue;
        if (rows[i].corrected)
            t->date = rows[i].date;
        t->date_unsure = rows[i].doubtful;
    }
    free(rows);
}

/* A scan's narrations, set right once their lines are joined (a VPA's
 * handle wrapped onto the next line, named after the row's payee); a row
 * whose narration or reference took in a speck, a tick or a money figure
 * of the page (ocr_doubt.h) is not vouched for. */
static void fix_scan_notes(struct statement *st)
{
    for (size_t i = 0; i < st->ntxns; i++) {
        struct txn *t = &st->txns[i];
        if (!t->ocr)
            continue;
        if (t->note)
            ocr_fix_note(t->note);
        bool took_in = ocr_field_stray_mark(t->note) || ocr_field_stray_mark(t->chq_num) ||
                       ocr_field_figure(t->note) || ocr_field_figure(t->chq_num);
        if (took_in && t->confidence >= TXN_OCR_SURE)
            t->confidence = ROW_UNSURE;
    }
}

/* A scan's rows OCR was unsure of are not vouched for, however their
 * balances chain: the statement is flagged rather than silently wrong. */
static void mark_doubtful(struct statement *st)
{
    for (size_t i = 0; i < st->ntxns; i++)
        if (txn_ocr_doubtful(&st->txns[i])) {
            st->txns[i].reconciled = false;
            st->balances_ok = false;
        }
}

/* The holder's fields of a later account's block that prints no name of
 * its own: the first account's (one customer's combined statement). */
static void holder_from(struct identity *id, const struct identity *first)
{
    char **mine[] = {&id->name, &id->address, &id->account_category, &id->email, &id->phone, &id->pan};
    char *const theirs[] = {first->name, first->address, first->account_category, first->email, first->phone,
                            first->pan};
    for (size_t i = 0; i < sizeof mine / sizeof *mine; i++) {
        free(*mine[i]);
        *mine[i] = theirs[i] ? strdup(theirs[i]) : NULL;
    }
}

/* A later account's identity: its own number and kind (the label its block
 * starts with: "Loan A/c No", "Deposit A/c No"), the holder and the bank
 * of the document when its block prints none. */
static int later_identity(const struct layout *view, const unsigned char *use, struct id_result *idr,
                          const struct statement *first, struct statement *st)
{
    const char *kind = NULL;
    char *number = identity_block_account(view, use, &kind);
    /* the first account's number found in the block is that account's
     * page header printed again over the block's later pages: the label
     * the block starts with names this account */
    const char *mine = idr->id.account_number, *theirs = first->id.account_number;
    bool header = mine && theirs && identity_same_account(mine, theirs);
    if (number && (!mine || (header && !identity_same_account(number, theirs)))) {
        free(idr->id.account_number);
        idr->id.account_number = number;
    } else {
        free(number);
    }
    if (kind && !idr->id.account_type && !(idr->id.account_type = strdup(kind)))
        return -1;
    if (!idr->name_labelled)
        holder_from(&idr->id, &first->id);
    if (!idr->bank && first->bank && !(st->bank = strdup(first->bank)))
        return -1;
    if (idr->from == PB_NO_DAY) /* one statement period for the document */
        idr->from = first->from_date, idr->to = first->to_date;
    return 0;
}

/* One account's statement from its block: table, identity, reconciliation.
 * `first` is the document's first account (NULL while reading it). An
 * account whose block gives no rows is kept, flagged (error_code), not
 * dropped. Returns 0 / -1 (out of memory). */
static int read_account(const struct layout *view, struct table_result *t, int ocr_pages,
                        const struct statement *first, struct statement *st)
{
    struct id_result idr;
    st->from_date = st->to_date = PB_NO_DAY;
    if (identity_extract(view, t->line_use, &idr) < 0)
        return -1;
    if (first && later_identity(view, t->line_use, &idr, first, st) < 0) {
        id_result_free(&idr);
        return -1;
    }
    st->id = idr.id;
    memset(&idr.id, 0, sizeof idr.id);
    struct reconcile_hints hints = {idr.has_opening, idr.has_closing, idr.opening, idr.closing,
                                    idr.from, idr.to, latest_date_outside(view, t->line_use), false, false};
    unread_rows_outside(view, t->line_use, &hints.unread_above, &hints.unread_below);
    if (reconcile_rows(t, &hints, st) < 0)
        return -1;
    if (idr.from == PB_NO_DAY && st->ntxns)
        period_around(view, t->line_use, st->txns[0].date, st->txns[st->ntxns - 1].date, &idr.from, &idr.to);
    if (ocr_pages) {
        correct_scan(st);
        correct_dates(st);
        fix_scan_notes(st);
        mark_doubtful(st);
    }
    st->from_date = idr.from != PB_NO_DAY ? idr.from : (st->ntxns ? st->txns[0].date : PB_NO_DAY);
    st->to_date = idr.to != PB_NO_DAY ? idr.to : (st->ntxns ? st->txns[st->ntxns - 1].date : PB_NO_DAY);
    char id[64];
    if (idr.bank && !st->bank && !(st->bank = strdup(bank_id_lower(idr.bank, id, sizeof id))))
        return -1;
    if (first && deposit_grid(st, first->from_date)) {
        for (size_t i = 0; i < st->ntxns; i++)
            txn_free(&st->txns[i]);
        st->ntxns = 0;
        st->has_opening = st->has_closing = false;
        st->opening_balance = st->closing_balance = 0;
        st->from_date = idr.from != PB_NO_DAY ? idr.from : PB_NO_DAY;
        st->to_date = idr.to != PB_NO_DAY ? idr.to : PB_NO_DAY;
    }
    if (!st->ntxns) { /* nothing reconciled: not "ok" */
        st->error_code = extract_code_name(EXTRACT_NO_TRANSACTIONS);
        st->error_message = extract_code_message(EXTRACT_NO_TRANSACTIONS);
        st->balances_ok = st->totals_ok = false;
    }
    return 0;
}

/* Every account of the layout, block by block, into out. */
static int read_accounts(const struct layout *l, struct statement_list *out)
{
    size_t start = 0, cap = 0;
    while (start < l->nlines || !out->n) {
        if (out->n == cap) {
            struct statement *more = realloc(out->items, (cap = cap ? 2 * cap : 2) * sizeof *more);
            if (!more)
                return -1;
            out->items = more;
        }
        struct statement *st = &out->items[out->n];
        memset(st, 0, sizeof *st);
        st->page_count = l->npages;
        out->n++;
        struct table_result t;
        struct layout view;
        size_t next;
        if (account_table(l, start, &view, &t, &next) < 0)
            return -1;
        int rc = read_account(&view, &t, l->ocr_pages, out->n > 1 ? &out->items[0] : NULL, st);
        table_result_free(&t);
        if (rc < 0)
            return -1;
        start = next;
    }
    return 0;
}

/* The document's bank: the first account's, else any account's. */
static const char *document_bank(const struct statement_list *all)
{
    for (size_t i = 0; i < all->n; i++)
        if (all->items[i].bank)
            return all->items[i].bank;
    return NULL;
}

static bool any_rows(const struct statement_list *all)
{
    for (size_t i = 0; i < all->n; i++)
        if (all->items[i].ntxns)
            return true;
    return false;
}

/* The document's refusals: unreadable text, no account with rows, the
 * wrong bank. */
static int check_document(const struct layout *l, const struct extract_opts *opts, const struct statement_list *all,
                          struct extract_error *err)
{
    bool rows = any_rows(all);
    /* a font reading wrong letters refuses even a statement whose rows
     * read and reconcile: its narrations and names would be nonsense */
    if (textcheck_mostly_unmapped(l) || textcheck_font_garbled(l) ||
        (!rows && (textcheck_unreadable(l) || textcheck_font_broken(l) || textcheck_glyph_ids(l))))
        return fail(err, EXTRACT_TEXT_UNREADABLE);
    if (!rows) /* a scan OCR could not make a table of: a photo, a blur */
        return fail(err, l->scan ? EXTRACT_PDF_IS_IMAGE : EXTRACT_NO_TRANSACTIONS);
    const char *bank = document_bank(all);
    if (bank_mismatch(opts->bank, bank))
        return fail(err, EXTRACT_BANK_MISMATCH);
    if (opts->require_bank && !bank)
        return fail(err, EXTRACT_BANK_UNDETECTED);
    return 0;
}

int extract_layout(const struct layout *l, const struct extract_opts *opts, struct statement_list *out,
                   struct extract_error *err)
{
    memset(out, 0, sizeof *out);
    bool was = token_set_month_first(date_order_month_first(l));
    int rc = read_accounts(l, out) < 0 ? fail(err, EXTRACT_UNPARSABLE) : check_document(l, opts, out, err);
    token_set_month_first(was);
    if (rc < 0)
        statement_list_free(out);
    return rc;
}

/* A scan whose chain breaks, its pages there read again with their
 * coloured ink taken off (scan_again.h): *out and *l become that reading's
 * when its chain holds better. Any failure keeps the first reading. */
static void read_again_without_ink(const void *data, size_t len, const struct extract_opts *opts,
                                   struct layout *l, struct statement_list *out)
{
    bool *pages = calloc((size_t)l->npages + 1, sizeof *pages);
    if (!pages || !scan_again_pages(out, pages, l->npages)) {
        free(pages);
        return;
    }
    struct extract_opts again = *opts;
    again.ocr_without_ink = pages;
    again.ocr_words = l;
    struct layout l2 = {0};
    struct statement facts = {0};
    struct statement_list out2 = {0};
    struct extract_error err2;
    int npages = 0;
    if (pdf_doc_read(data, len, &again, &l2, &facts.facts, &npages, &err2) == 0 &&
        extract_layout(&l2, opts, &out2, &err2) == 0 && scan_again_score(&out2) > scan_again_score(out)) {
        statement_list_free(out);
        *out = out2;
        layout_free(l);
        *l = l2;
    } else {
        statement_list_free(&out2);
        layout_free(&l2);
    }
    statement_free(&facts);
    free(pages);
}

int extract_pdf(const void *data, size_t len, const struct extract_opts *opts, struct statement_list *out,
                struct extract_error *err)
{
    static const struct extract_opts none = {0};
    struct layout l = {0};
    struct doc_facts facts = {0};
    int pages = 0;
    struct ocr_memo memo = {NULL, 0};
    struct extract_opts kept = opts ? *opts : none;
    if (!kept.ocr_without_ink) /* the first reading, kept for reading again */
        kept.ocr_memo = &memo;
    opts = &kept;
    memset(out, 0, sizeof *out);
    err->code = EXTRACT_OK;
    err->message[0] = 0;
    if (profile_load() < 0)
        return fail(err, EXTRACT_UNPARSABLE);
    int rc = pdf_doc_read(data, len, opts, &l, &facts, &pages, err);
    if (rc == 0)
        rc = extract_layout(&l, opts, out, err);
    if (rc == 0 && l.ocr_pages > 0 && !opts->ocr_without_ink)
        read_again_without_ink(data, len, opts, &l, out);
    layout_free(&l);
    ocr_memo_free(&memo);
    /* every account is a statement of the same document: each keeps its facts */
    for (size_t i = 0; rc == 0 && i < out->n; i++) {
        struct statement *st = &out->items[i];
        st->source = SOURCE_PDF;
        st->page_count = pages;
        if (i + 1 < out->n && doc_facts_copy(&st->facts, &facts) < 0) {
            rc = fail(err, EXTRACT_UNPARSABLE);
            statement_list_free(out);
        } else if (i + 1 == out->n) {
            st->facts = facts;
            memset(&facts, 0, sizeof facts);
        }
    }
    struct statement tmp = {0};
    tmp.facts = facts;
    statement_free(&tmp);
    return rc;
}
