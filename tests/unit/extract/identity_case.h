/* The identity tests' cases: a header block printed over TABLE (monospaced
 * text: 6 pt a character, 12 pt a line, form feed = new page; three spaces
 * or more make a gap between segments), run through the whole post-MuPDF
 * pipeline, and what reading it must give, field by field (struct want_id).
 * TABLE names counterparties (another bank's IFSC and name) in its
 * narrations: they must never name the statement's bank. Each
 * test_identity_*.c file holds the cases of one field family as rows of a
 * head_case array run by expect_cases. Blocks that monospaced text cannot
 * draw (text touching or overlapping text) are placed word by word
 * (add_text) and read above a short table (read_with_rows). */
#ifndef PB_TESTS_IDENTITY_CASE_H
#define PB_TESTS_IDENTITY_CASE_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "first_account.h"
#include "text_statement.h"

static const char TABLE[] =
    "\n"
    "Date         Particulars                                  Debit        Credit       Balance\n"
    "01/04/2024   OPENING BALANCE                                                        10,000.00\n"
    "02/04/2024   NEFT-HDFC0000123-ACME PVT LTD-HDFC BANK                   5,000.00     15,000.00\n"
    "03/04/2024   UPI-ICICI BANK-SHOP@ICICI-ICIC0001234         500.00                   14,500.00\n"
    "04/04/2024   IMPS-STATE BANK OF INDIA-SBIN0004567          250.00                   14,250.00\n";

static inline int read_head(const char *head, struct statement *st)
{
    return read_with(head, TABLE, NULL, st);
}

/* head over TABLE read as a scan's words (every word read by OCR at
 * confidence 96) into *st. */
static inline int read_scanned_head(const char *head, struct statement *st)
{
    char text[2048];
    snprintf(text, sizeof text, "%s%s", head, TABLE);
    struct layout l = {0};
    if (layout_from_text(&l, text, strlen(text)) < 0)
        return -2;
    for (size_t i = 0; i < l.nwords; i++)
        l.words[i].conf = 96;
    for (size_t i = 0; i < l.nlines; i++)
        l.lines[i].conf = 96;
    struct extract_error err;
    struct extract_opts none = {0};
    int rc = extract_layout_first(&l, &none, st, &err);
    layout_free(&l);
    return rc < 0 ? (int)err.code : 0;
}

/* What reading a head over TABLE must give, field by field: NULL is not
 * checked, NONE must come out null (not printed as that field). */
static const char NONE[] = "(none)";
struct want_id {
    const char *name, *account, *ifsc, *micr, *type, *address, *bank;
};

static inline bool field_ok(const char *what, const char *got, const char *want)
{
    if (!want || (want == NONE ? !got : got && !strcmp(got, want)))
        return true;
    fprintf(stderr, "  %s: got %s, want %s\n", what, got ? got : "null", want == NONE ? "null" : want);
    return false;
}

/* Fails the test unless head over TABLE reads as w says. */
static inline void expect_identity(const char *head, const struct want_id *w)
{
    struct statement st;
    int rc = read_head(head, &st);
    bool ok = rc == 0;
    if (ok) {
        ok &= field_ok("name", st.id.name, w->name);
        ok &= field_ok("account_number", st.id.account_number, w->account);
        ok &= field_ok("ifsc", st.id.ifsc, w->ifsc);
        ok &= field_ok("micr", st.id.micr, w->micr);
        ok &= field_ok("account_type", st.id.account_type, w->type);
        ok &= field_ok("address", st.id.address, w->address);
        ok &= field_ok("bank", st.bank, w->bank);
        statement_free(&st);
    }
    if (!ok) {
        fprintf(stderr, "  reading \"%.*s\"...: %s\n", (int)strcspn(head, "\n"), head, rc ? "refused" : "wrong");
        check_cur_failed = 1;
    }
}

/* Fails the test unless head over TABLE names the bank `want` (a catalogue
 * id, or "null" for none). */
static inline void check_bank(const char *head, const char *want)
{
    expect_identity(head, &(struct want_id){.bank = strcmp(want, "null") ? want : NONE});
}

/* A header form (from public descriptions of real statements, every value
 * made up): what it is, the head printed over TABLE and the fields it must
 * give as want_id says. */
struct head_case {
    const char *what, *head;
    struct want_id want;
};

static inline void expect_cases(const struct head_case *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int before = check_cur_failed;
        check_cur_failed = 0;
        expect_identity(c[i].head, &c[i].want);
        if (check_cur_failed)
            fprintf(stderr, "  case: %s\n", c[i].what);
        check_cur_failed |= before;
    }
}

/* Runs every row of a head_case array. */
#define EXPECT_CASES(rows) expect_cases(rows, sizeof rows / sizeof *rows)

/* The calendar day y-m-d. */
static inline pb_day ymd(int y, int m, int d)
{
    pb_day out = PB_NO_DAY;
    date_from_ymd(y, m, d, &out);
    return out;
}

/* Words of text at (x, y), 6 pt a character, 10 pt type. */
static inline void add_text(struct layout *l, float x, float y, const char *text)
{
    for (const char *p = text; *p;) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (n) {
            float x0 = x + 6.0f * (float)(p - text);
            layout_add_word(l, 0, x0, y - 8, x0 + 6.0f * (float)n, y + 2, y, 10, p, n);
        }
        p += n;
    }
}

/* The identity block in *l read above a short transaction table, into *st. */
static inline void read_with_rows(struct layout *l, struct statement *st)
{
    static const char *rows[] = {
        "Date         Particulars                                  Debit        Credit       Balance",
        "02/04/2024   SALARY APR                                                5,000.00     15,000.00",
        "03/04/2024   ATM WDL                                       500.00                   14,500.00",
    };
    for (size_t i = 0; i < 3; i++)
        add_text(l, 0, 120 + 12 * (float)i, rows[i]);
    l->npages = 1;
    struct extract_error err;
    struct extract_opts none = {0};
    CHECK_INT(layout_build_lines(l), 0);
    CHECK_INT(extract_layout_first(l, &none, st, &err), 0);
}

#endif
