/* Test fixture: statements built row by row ("2024-03-05", 'C', paise,
 * balance paise, narration). Header-only; shared by enrich, insights,
 * fraud and report tests. */
#ifndef PB_TEST_FIXTURE_STATEMENT_H
#define PB_TEST_FIXTURE_STATEMENT_H

#include <stdlib.h>
#include <string.h>

#include "core/statement.h"

static inline pb_day fx_day(const char *iso)
{
    pb_day d = PB_NO_DAY;
    date_parse_iso(iso, &d);
    return d;
}

static inline void fx_init(struct statement *st, const char *name, const char *from,
                           const char *to, pb_paise opening)
{
    memset(st, 0, sizeof *st);
    st->bank = strdup("hdfc");
    st->id.name = strdup(name);
    st->id.account_number = strdup("XXXXXXXX1234");
    st->from_date = fx_day(from);
    st->to_date = fx_day(to);
    st->opening_balance = opening;
    st->has_opening = true;
    st->facts.producer = strdup("HDFC Bank statement generator");
    st->facts.creation_date = strdup("D:20240501090000+05'30'");
    st->facts.mod_date = strdup("D:20240501090000+05'30'");
}

static inline void fx_row(struct statement *st, const char *date, char type, pb_paise amount,
                          pb_paise balance, const char *note)
{
    st->txns = realloc(st->txns, (st->ntxns + 1) * sizeof *st->txns);
    struct txn *t = &st->txns[st->ntxns++];
    memset(t, 0, sizeof *t);
    t->date = fx_day(date);
    t->value_date = PB_NO_DAY;
    t->type = type == 'C' ? TXN_CREDIT : TXN_DEBIT;
    t->amount = amount;
    t->balance = balance;
    t->has_balance = true;
    t->note = strdup(note);
    st->closing_balance = balance;
    st->has_closing = true;
}

/* Appends a row whose balance follows from the previous one. */
static inline void fx_next(struct statement *st, const char *date, char type, pb_paise amount,
                           const char *note)
{
    pb_paise prev = st->ntxns ? st->txns[st->ntxns - 1].balance : st->opening_balance;
    fx_row(st, date, type, amount, prev + (type == 'C' ? amount : -amount), note);
}

#define RS(r) ((pb_paise)((r) * 100LL))

#endif
