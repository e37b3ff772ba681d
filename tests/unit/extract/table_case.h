/* The table tests' cases: a statement read from monospaced text (6 pt a
 * character, 12 pt a line, form feed = new page) or from lines and words
 * placed by position (gaps between lines that monospaced text cannot
 * draw), run through the whole post-MuPDF pipeline (extract_layout), and
 * what reading it must give (struct want). Each test_table_*.c file holds
 * the cases of one step of the table stage (src/extract/table*.c,
 * header_roles.c) as rows of a table_case or placed_case array and runs
 * them with run_table_cases / run_placed_cases. */
#ifndef PB_TESTS_TABLE_CASE_H
#define PB_TESTS_TABLE_CASE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "extract/extract.h"
#include "extract/layout.h"
#include "first_account.h"


enum yn { ANY, YES, NO };           /* a flag checked to be set or clear; ANY = not checked */
enum dir { DR = 1, CR };            /* a transaction's direction; 0 = not checked */
static const char NONE[] = "";      /* a text that must be absent (NULL) */

/* What a test expects of transaction i (0-based). A field left 0 (or
 * NULL, ANY) is not checked; dates are written yyyymmdd. */
struct want_txn {
    int i;
    int date, value_date;
    enum dir type;
    pb_paise amount, balance;
    const char *note, *chq_num;
    int page;
    enum yn reconciled, has_balance;
};

/* What a test expects of the statement read from its text. With error
 * set, reading fails with that code and nothing else is checked; else it
 * succeeds with ntxns transactions. Other fields left 0 (or NULL, ANY)
 * are not checked. */
struct want {
    enum extract_code error;
    size_t ntxns;
    pb_paise opening, closing;
    int from, to;                   /* yyyymmdd */
    enum yn balances_ok, totals_ok;
    const char *bank;
    const char *name, *account_number, *ifsc, *micr, *address;
    struct want_txn txns[6];
};

struct table_case {
    const char *name;
    const char *text;
    struct want want;
};


/* One word of a row of words (ROW): its text spanning [x0, x1]. */
struct placed_word {
    const char *s;
    float x0, x1;
};

/* A piece of a page placed by its position: a line of monospaced text
 * (6 pt a character, font size 10 unless size says) at baseline y, or,
 * with x1 set, one word spanning [x0, x1] (font size 8 unless size says),
 * or, with header set, a block of pieces placed on the piece's page with
 * their baselines y below the piece's (a table header printed on several
 * pages, rows several cases share: written once), or, with row set, words on baseline y (font
 * size 8; see ROW). A case's pieces end with {.s = NULL}. */
struct placed {
    int page;
    float y;
    const char *s;
    float x0, x1, size;
    const struct placed *header; /* its pieces' pages are the piece's; ends with {.s = NULL} */
    const struct placed_word *row; /* ends with {NULL} */
    uint16_t font; /* the text layer's font of its words (struct word's font); 0: unknown */
};

/* The words of one line, each {text, x0, x1}, on page p at baseline y:
 * ROW(0, 75, {"01-02-24", 45.4f, 83.8f}, {"SALARY", 89, 117.8f}). */
#define ROW(p, y, ...) {(p), (y), .row = (const struct placed_word[]){__VA_ARGS__, {NULL}}}

/* Is piece at a case's (or a header's) end: nothing to place? */
static inline bool placed_end(const struct placed *at)
{
    return !at->s && !at->header && !at->row;
}

struct placed_case {
    const char *name;
    const struct placed *at;
    struct want want;
};

/* Each check_* below checks one field when the test names a value for it. */
static inline void check_num(const char *what, long long got, long long want)
{
    if (want && got != want) {
        fprintf(stderr, "  %s is %lld, want %lld\n", what, got, want);
        check_cur_failed = 1;
    }
}

/* want: yyyymmdd, 0 = not checked, -1 = must be absent */
static inline void check_date(const char *what, pb_day got, int want)
{
    if (!want)
        return;
    if (want < 0) {
        if (got != PB_NO_DAY) {
            fprintf(stderr, "  %s is set, want none\n", what);
            check_cur_failed = 1;
        }
        return;
    }
    int y = 0, m = 0, d = 0;
    if (got != PB_NO_DAY)
        date_to_ymd(got, &y, &m, &d);
    if (y * 10000 + m * 100 + d != want) {
        fprintf(stderr, "  %s is %d, want %d\n", what, y * 10000 + m * 100 + d, want);
        check_cur_failed = 1;
    }
}

static inline void check_yn(const char *what, bool got, enum yn want)
{
    if (want != ANY && got != (want == YES)) {
        fprintf(stderr, "  %s is %s, want %s\n", what, got ? "set" : "clear",
                want == YES ? "set" : "clear");
        check_cur_failed = 1;
    }
}

static inline void check_text(const char *what, const char *got, const char *want)
{
    if (!want || (want == NONE ? got == NULL : got && strcmp(got, want) == 0))
        return;
    fprintf(stderr, "  %s is \"%s\", want \"%s\"\n", what, got ? got : "(null)",
            want == NONE ? "(null)" : want);
    check_cur_failed = 1;
}

static inline void check_txn(const struct txn *t, const struct want_txn *w)
{
    int failed_before = check_cur_failed;
    check_cur_failed = 0;
    check_date("date", t->date, w->date);
    check_date("value_date", t->value_date, w->value_date);
    if (w->type)
        check_yn("credit", t->type == TXN_CREDIT, w->type == CR ? YES : NO);
    check_num("amount", t->amount, w->amount);
    check_num("balance", t->balance, w->balance);
    check_text("note", t->note, w->note);
    check_text("chq_num", t->chq_num, w->chq_num);
    check_num("page", t->page, w->page);
    check_yn("reconciled", t->reconciled, w->reconciled);
    check_yn("has_balance", t->has_balance, w->has_balance);
    if (check_cur_failed)
        fprintf(stderr, "  (in transaction %d)\n", w->i);
    check_cur_failed |= failed_before;
}

/* Reads layout l and checks it against *w. */
static inline void expect_layout(const struct layout *l, const struct want *w)
{
    struct statement st;
    struct extract_error err;
    struct extract_opts o = {0};
    int rc = extract_layout_first(l, &o, &st, &err);
    if (w->error) {
        CHECK_INT(rc, -1);
        if (rc == -1)
            CHECK_INT(err.code, w->error);
        else if (rc == 0)
            statement_free(&st);
        return;
    }
    CHECK_INT(rc, 0);
    if (rc != 0)
        return;
    CHECK_INT(st.ntxns, w->ntxns);
    for (size_t k = 0; k < sizeof w->txns / sizeof w->txns[0]; k++) {
        const struct want_txn *t = &w->txns[k];
        if ((size_t)t->i < st.ntxns)
            check_txn(&st.txns[t->i], t);
    }
    check_num("opening_balance", st.opening_balance, w->opening);
    check_num("closing_balance", st.closing_balance, w->closing);
    check_date("from_date", st.from_date, w->from);
    check_date("to_date", st.to_date, w->to);
    check_yn("balances_ok", st.balances_ok, w->balances_ok);
    check_yn("totals_ok", st.totals_ok, w->totals_ok);
    check_text("bank", st.bank, w->bank);
    check_text("id.name", st.id.name, w->name);
    check_text("id.account_number", st.id.account_number, w->account_number);
    check_text("id.ifsc", st.id.ifsc, w->ifsc);
    check_text("id.micr", st.id.micr, w->micr);
    check_text("id.address", st.id.address, w->address);
    statement_free(&st);
}

/* Reads text (monospaced: 6 pt a character, 12 pt a line, form feed = new
 * page) and checks it against *w. */
static inline void expect(const char *text, const struct want *w)
{
    struct layout l = {0};
    CHECK_INT(layout_from_text(&l, text, strlen(text)), 0);
    expect_layout(&l, w);
    layout_free(&l);
}

/* Places piece at (a word, a line of monospaced text, or a header's
 * pieces) on page, its baseline dy below where it says. */
static inline void place_piece(struct layout *l, int page, float dy, const struct placed *at)
{
    float y = at->y + dy, size = at->size;
    if (at->header) {
        for (const struct placed *h = at->header; !placed_end(h); h++)
            place_piece(l, page, y, h);
        return;
    }
    if (at->row) {
        for (const struct placed_word *w = at->row; w->s; w++)
            layout_add_word(l, page, w->x0, y - 8, w->x1, y + 2, y, 8, w->s, strlen(w->s));
        return;
    }
    if (at->x1 > 0) {
        if (layout_add_word(l, page, at->x0, y - 8, at->x1, y + 2, y, size > 0 ? size : 8, at->s, strlen(at->s)) == 0)
            l->words[l->nwords - 1].font = at->font;
        return;
    }
    for (size_t i = 0; at->s[i];) {
        if (at->s[i] == ' ') {
            i++;
            continue;
        }
        size_t j = i;
        while (at->s[j] && at->s[j] != ' ')
            j++;
        if (layout_add_word(l, page, 6.0f * (float)i, y - 8, 6.0f * (float)j, y + 2, y, size > 0 ? size : 10,
                            at->s + i, j - i) == 0)
            l->words[l->nwords - 1].font = at->font;
        i = j;
    }
    l->npages = page + 1 > l->npages ? page + 1 : l->npages;
}

/* Builds the layout of a placed case. */
static inline int layout_placed(struct layout *l, const struct placed *at)
{
    for (; !placed_end(at); at++)
        place_piece(l, at->page, 0, at);
    return layout_build_lines(l);
}

/* Runs each case of cases[0..n) as a test of its own name. */
static inline void run_table_cases(const struct table_case *cases, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        check_cur_failed = 0;
        expect(cases[k].text, &cases[k].want);
        check_end(cases[k].name);
    }
}

/* Runs the pieces at (ending {.s = NULL}) as the test name: reading
 * them must give *w. */
static inline void run_placed(const char *name, const struct placed *at, const struct want *w)
{
    struct layout l = {0};
    check_cur_failed = 0;
    CHECK_INT(layout_placed(&l, at), 0);
    expect_layout(&l, w);
    layout_free(&l);
    check_end(name);
}

/* Runs each placed case of cases[0..n) as a test of its own name. */
static inline void run_placed_cases(const struct placed_case *cases, size_t n)
{
    for (size_t k = 0; k < n; k++)
        run_placed(cases[k].name, cases[k].at, &cases[k].want);
}

#endif
