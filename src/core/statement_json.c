#include "core/statement_json.h"
#include "util/json_value.h"

#include <math.h>
#include <stdio.h>

static json_t *day_or_null(pb_day d)
{
    char buf[PB_DATE_BUF];
    return d == PB_NO_DAY ? json_null() : json_string(date_fmt_iso(d, buf));
}

static json_t *rupees(pb_paise p)
{
    return json_real(money_to_rupees(p));
}

/* How a row was read (Passbook's own, not FinBox's): "text" from the
 * PDF's text layer, "ocr" from a scanned page, with OCR's confidence. */
static json_t *confidence(const struct txn *t)
{
    return json_real(t->ocr ? (double)lroundf(t->confidence * 1000) / 1000 : 1.0);
}

static json_t *txn_json(const struct txn *t)
{
    return json_pack("{s:o, s:o, s:o, s:o, s:o, s:s, s:o, s:s, s:o}", "date", day_or_null(t->date), "value_date",
                     day_or_null(t->value_date), "transaction_note", json_string(t->note ? t->note : ""),
                     "chq_num", json_str_or_null(t->chq_num), "amount", rupees(t->amount), "transaction_type",
                     t->type == TXN_DEBIT ? "debit" : "credit", "balance", rupees(t->balance), "extraction",
                     t->ocr ? "ocr" : "text", "confidence", confidence(t));
}

static json_t *reconciliation_json(const struct statement *st)
{
    json_t *un = json_array();
    pb_paise prev = st->opening_balance;
    for (size_t i = 0; i < st->ntxns; i++) {
        const struct txn *t = &st->txns[i];
        pb_paise want = t->type == TXN_DEBIT ? prev - t->amount : prev + t->amount;
        /* why: the balance does not follow, OCR read a date out of the
         * statement's order or was unsure of the row, the
         * first row's direction was guessed (no opening printed, no sign or
         * Dr/Cr), lines printed like rows that no table took lie before the
         * first row (after the last) with no opening (closing) printed, no
         * row's narration was read while lines of words between the rows
         * went to none, most rows print a value date the reader did not
         * read, or no printed balance checks it */
        const char *why = want != t->balance       ? "balance"
                          : t->ocr && t->date_unsure ? "date_order"
                          : txn_ocr_doubtful(t)    ? "ocr_confidence"
                          : i == 0 && st->opening_guessed ? "direction"
                          : (i == 0 && st->rows_unread_before) || (i + 1 == st->ntxns && st->rows_unread_after)
                              ? "rows_unread"
                          : st->narration_unread && (!t->note || !t->note[0]) ? "narration_unread"
                          : st->value_dates_unread && t->value_date == PB_NO_DAY ? "value_date_unread"
                                                   : "unchecked";
        if (!t->reconciled)
            json_array_append_new(un, json_pack("{s:I, s:o, s:i, s:o, s:o, s:s}", "index", (json_int_t)i, "date",
                                                day_or_null(t->date), "page", t->page, "expected_balance",
                                                rupees(want), "balance", rupees(t->balance), "reason", why));
        prev = t->balance;
    }
    return json_pack("{s:b, s:b, s:b, s:o}", "ok", st->balances_ok && st->totals_ok, "balances_ok",
                     st->balances_ok, "totals_ok", st->totals_ok, "unreconciled", un);
}

static json_t *metadata_json(const struct doc_facts *f)
{
    json_t *fonts = json_array();
    for (size_t i = 0; i < f->nfonts; i++)
        json_array_append_new(fonts, json_string(f->fonts[i]));
    return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:i, s:o, s:b, s:b, s:i}", "producer", json_str_or_null(f->producer),
                     "creator", json_str_or_null(f->creator), "author", json_str_or_null(f->author), "title",
                     json_str_or_null(f->title), "creation_date", json_str_or_null(f->creation_date), "mod_date",
                     json_str_or_null(f->mod_date), "incremental_updates", f->incremental_updates, "fonts", fonts,
                     "encrypted", f->encrypted, "repaired", f->repaired, "ocr_pages", f->ocr_pages);
}

json_t *statement_to_json(const struct statement *st)
{
    json_t *txns = json_array();
    for (size_t i = 0; i < st->ntxns; i++)
        json_array_append_new(txns, txn_json(&st->txns[i]));
    json_t *j = json_pack("{s:o, s:i, s:s, s:o, s:{s:o, s:o}, s:o, s:o, s:o, s:o, s:o}", "bank_name",
                     json_str_or_null(st->bank), "page_count", st->page_count, "extraction",
                     st->facts.scan ? "ocr" : st->facts.ocr_pages ? "mixed" : "text", "identity", identity_api_json(&st->id, false), "date_range", "from_date",
                     day_or_null(st->from_date), "to_date", day_or_null(st->to_date), "opening_bal",
                     rupees(st->opening_balance), "closing_bal", rupees(st->closing_balance), "transactions", txns,
                     "reconciliation", reconciliation_json(st), "metadata", metadata_json(&st->facts));
    if (j && st->error_code) /* an account of the document that could not be read */
        json_object_set_new(j, "error", json_pack("{s:s, s:s}", "code", st->error_code, "message",
                                                  st->error_message ? st->error_message : ""));
    return j;
}

json_t *statement_list_to_json(const struct statement_list *all)
{
    if (!all->n)
        return NULL;
    json_t *j = statement_to_json(&all->items[0]);
    if (!j || all->n == 1)
        return j;
    json_t *others = json_array();
    for (size_t i = 1; i < all->n; i++)
        json_array_append_new(others, statement_to_json(&all->items[i]));
    json_object_set_new(j, "other_accounts", others);
    return j;
}

json_t *statement_error_json(const char *code, const char *message)
{
    return json_pack("{s:{s:s, s:s}}", "error", "code", code, "message", message);
}
