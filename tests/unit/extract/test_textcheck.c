/* Readability of the text layer (extract/textcheck.c) through the whole
 * post-MuPDF pipeline: a statement one of whose fonts lost its encoding is
 * refused PDF_TEXT_UNREADABLE, never "no transactions". "?" below stands
 * for U+FFFD, the character MuPDF gives a glyph it cannot map (a font
 * without ToUnicode, custom glyph names, the private use area). */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "first_account.h"
#include "text_statement.h"

/* text with every '?' replaced by U+FFFD; caller frees. */
static char *unmapped(const char *text)
{
    char *out = malloc(3 * strlen(text) + 1), *o = out;
    if (!out)
        return NULL;
    for (const char *p = text; *p; p++) {
        if (*p == '?') {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else {
            *o++ = *p;
        }
    }
    *o = 0;
    return out;
}

/* 0 or the extraction's error code for text (with '?' as U+FFFD). */
static int read_code(const char *text)
{
    char *t = unmapped(text);
    if (!t)
        return -2;
    struct statement_list all;
    int rc = read_text(t, NULL, &all);
    statement_list_free(&all);
    free(t);
    return rc;
}

/* The rows' font reads; the bold font of the letterhead, the customer block
 * and the column names lost its encoding: no header, so no table. */
static const char BOLD_FONT_BROKEN[] =
    "????? ????\n"
    "??????? ???? : ??????? ???????\n"
    "??????? ?? : 50100123456789\n"
    "\n"
    "????      ???????????                    ??????      ??????      ???????\n"
    "01/04/2024   UPI-RAHUL-OKAXIS             500.00                  9,500.00\n"
    "02/04/2024   SALARY APR                               5,000.00   14,500.00\n"
    "03/04/2024   ATM WDL                      500.00                 14,000.00\n";

TEST(a_broken_heading_font_is_unreadable_text_not_no_transactions)
{
    CHECK_INT(read_code(BOLD_FONT_BROKEN), EXTRACT_TEXT_UNREADABLE);
}

/* text with every word between [ and ] turned into the glyph ids of a
 * standard-order TrueType font read as characters (character - 29): "[Date]"
 * becomes "'DWH". Caller frees. */
static char *glyph_ids(const char *text)
{
    char *out = strdup(text), *o = out;
    if (!out)
        return NULL;
    bool in = false;
    for (const char *p = text; *p; p++) {
        if (*p == '[' || *p == ']')
            in = *p == '[';
        else
            *o++ = in && *p != ' ' ? (char)(*p - 29) : *p;
    }
    *o = 0;
    return out;
}

TEST(glyph_ids_read_as_characters_are_unreadable_text)
{
    /* the column names' font: "'DWH" for "Date"; the rows read */
    char *text = glyph_ids("[Account] [Statement]\n"
                           "Account No : 50100123456789\n"
                           "\n"
                           "[Date]         [Narration]                   [Debit]        [Credit]       [Balance]\n"
                           "01/04/2024   UPI-RAHUL-OKAXIS             500.00                    9,500.00\n"
                           "02/04/2024   SALARY APR                                5,000.00    14,500.00\n");
    CHECK(text != NULL);
    CHECK(strstr(text, "'DWH") != NULL);
    CHECK_INT(read_code(text), EXTRACT_TEXT_UNREADABLE);
    free(text);
    /* capitals and digits that happen to be words moved by 29 nowhere */
    CHECK_INT(read_code("NEFT IMPS RTGS ATM 1234 KYC PAN GST\nAccount No : 50100123456789\n"), EXTRACT_NO_TRANSACTIONS);
}

TEST(a_few_unmapped_signs_leave_a_statement_readable)
{
    /* an unmapped rupee sign before each amount, a bullet in the footer */
    const char *text =
        "HDFC BANK\n"
        "Account No : 50100123456789\n"
        "\n"
        "Date         Particulars                   Debit        Credit       Balance\n"
        "01/04/2024   UPI-RAHUL-OKAXIS             ?500.00                    ?9,500.00\n"
        "02/04/2024   SALARY APR                                ?5,000.00    ?14,500.00\n"
        "03/04/2024   ATM WDL                      ?500.00                   ?14,000.00\n"
        "? This is a computer generated statement\n";
    CHECK_INT(read_code(text), 0);
    /* no table and nine garbled words: too few to blame a font */
    CHECK_INT(read_code("ACCOUNT SUMMARY ??? ??? ??? ??? ??? ??? ??? ??? ???\nAccount No : 50100123456789\n"),
              EXTRACT_NO_TRANSACTIONS);
}

/* ---- a font reading wrong letters ---- */

/* The letterhead, the customer block and the column names: the bold font
 * (font 1). */
static const char LETTERHEAD[] =
    "HDFC BANK\n"
    "Statement of Account\n"
    "Account No : 50100123456789\n"
    "\n"
    "Date         Narration                                          Withdrawal      Deposit      Balance\n";

/* Narrations as Indian statements print them (all made up). */
static const char *const NARRATIONS[] = {
    "UPI-RAHUL SHARMA-RAHUL.SHARMA@OKAXIS-RENT FOR MARCH",
    "NEFT CR-ACME SOFTWARE PRIVATE LIMITED-SALARY",
    "ATM WDL-MG ROAD BRANCH BANGALORE",
    "POS PURCHASE-BIG BAZAAR KORAMANGALA",
    "IMPS-TRANSFER TO PRIYA NAIR-FAMILY",
    "ACH D-HOME LOAN EMI-HDFC LTD",
    "INTEREST CREDITED FOR THE QUARTER",
    "CHARGES FOR SMS ALERTS INCLUDING GST",
    "UPI-SWIGGY-SWIGGY@ICICI-PAYMENT FROM PHONE",
    "BY CASH DEPOSIT AT HOME BRANCH",
    "NEFT DR-SURESH BABU NAIR-SCHOOL FEES",
    "BILL PAYMENT-ELECTRICITY BESCOM",
};

/* A counterparty column of names only (no statement word among them). */
static const char *const NAMES[] = {
    "SURESH BABU NAIR",         "LAKSHMI KUMAR PATEL", "VENKATA SUBRAMANIAN IYER", "MOHAMMED IRFAN QURESHI",
    "GURPREET KAUR DHILLON",    "XAVIER DSOUZA",       "PRAJAKTA KULKARNI",        "BHAVESH JHAVERI",
    "THANGAVELU MURUGESAN",     "ZUBAIR YUSUF KHAN",   "DEBASHISH CHATTOPADHYAY", "OMKAR VIJAY JOSHI",
};

/* A statement of 30 rows whose narrations (font 2, from text[12]) read
 * through map: each letter a..z of them as map[letter] (case kept); digits
 * and the bold font's letters as printed. */
static int read_with_narration_font(const char *const text12[12], const char map[26], struct layout *l)
{
    char text[8192];
    size_t n = (size_t)snprintf(text, sizeof text, "%s", LETTERHEAD);
    size_t head_lines = 0;
    for (const char *p = LETTERHEAD; *p; p++)
        head_lines += *p == '\n';
    long balance = 1000000; /* paise */
    for (int i = 0; i < 30 && n < sizeof text; i++) {
        char narration[64];
        snprintf(narration, sizeof narration, "%s", text12[i % 12]);
        for (char *c = narration; *c; c++)
            if (isalpha((unsigned char)*c))
                *c = (char)(isupper((unsigned char)*c) ? toupper(map[tolower(*c) - 'a']) : map[*c - 'a']);
        long amount = 10000 + 2500 * i;
        bool credit = i % 3 == 1;
        balance += credit ? amount : -amount;
        char money[24], bal[24];
        snprintf(money, sizeof money, "%ld.%02ld", amount / 100, amount % 100);
        snprintf(bal, sizeof bal, "%ld.%02ld", balance / 100, balance % 100);
        n += (size_t)snprintf(text + n, sizeof text - n, "%02d/04/2024   %-50s %15s %12s %12s\n", i % 28 + 1,
                              narration, credit ? "" : money, credit ? money : "", bal);
    }
    memset(l, 0, sizeof *l);
    if (n >= sizeof text || layout_from_text(l, text, n) < 0)
        return -2;
    for (size_t i = 0; i < l->nwords; i++)
        l->words[i].font = l->words[i].base > 12.0f * (float)head_lines ? 2 : 1;
    struct statement_list all;
    struct extract_error err;
    struct extract_opts none = {0};
    int rc = extract_layout(l, &none, &all, &err);
    statement_list_free(&all);
    return rc < 0 ? (int)err.code : 0;
}

/* 0 or the error code of the statement above with NARRATIONS read through map. */
static int code_with_map(const char map[26])
{
    struct layout l;
    int rc = read_with_narration_font(NARRATIONS, map, &l);
    layout_free(&l);
    return rc;
}

static const char ALPHABET[] = "abcdefghijklmnopqrstuvwxyz";

TEST(a_body_font_reading_wrong_letters_is_unreadable_text)
{
    /* as printed: rows, narrations and all */
    CHECK_INT(code_with_map(ALPHABET), 0);
    /* shifted by one ("UPI" reads "VQJ"), by thirteen, the alphabet
     * reversed, and a subset's order of first use read as the alphabet:
     * every row still reads and reconciles (digits map right), but no
     * narration is what the page shows */
    static const char *const WRONG[] = {"bcdefghijklmnopqrstuvwxyza", "nopqrstuvwxyzabcdefghijklm",
                                        "zyxwvutsrqponmlkjihgfedcba", "upirahlsmkoxtfecbgznwdjqvy"};
    for (size_t i = 0; i < sizeof WRONG / sizeof *WRONG; i++) {
        CHECK_INT(code_with_map(WRONG[i]), EXTRACT_TEXT_UNREADABLE);
        if (check_cur_failed)
            fprintf(stderr, "  letters read as %s\n", WRONG[i]);
    }
}

TEST(names_and_codes_in_a_font_of_their_own_read)
{
    /* Indian names: no statement word among them, yet English's letter pairs */
    struct layout l;
    CHECK_INT(read_with_narration_font(NAMES, ALPHABET, &l), 0);
    layout_free(&l);
    /* references whose letters touch digits are no text to judge */
    static const char *const CODES[] = {"N123456789012AB", "UTIB0001234X", "AXK7720QZP", "HDFCR5202401011",
                                        "XQ9JZK2W", "ICIC0001234", "Z8PQ-7KJW2", "B2BQ4ZX9", "K7P2Q9Z3X1",
                                        "SBIN0004567QQ", "TXN88ZPQW1", "R9KQZ2XW3"};
    CHECK_INT(read_with_narration_font(CODES, ALPHABET, &l), 0);
    layout_free(&l);
}

TEST(most_shuffled_alphabets_are_caught)
{
    /* 200 alphabets shuffled by a fixed generator: a font's letters that
     * stand for others are seen whatever the shuffle, but for the rare one
     * that keeps English's common letter pairs */
    unsigned seed = 12345;
    int caught = 0;
    for (int k = 0; k < 200; k++) {
        char map[26];
        memcpy(map, ALPHABET, 26);
        for (int i = 25; i > 0; i--) {
            seed = seed * 1103515245u + 12345u;
            int j = (int)((seed >> 16) % (unsigned)(i + 1));
            char t = map[i];
            map[i] = map[j];
            map[j] = t;
        }
        caught += code_with_map(map) == EXTRACT_TEXT_UNREADABLE;
    }
    CHECK(caught >= 190);
    if (check_cur_failed)
        fprintf(stderr, "  caught %d of 200\n", caught);
}

int main(void)
{
    RUN(a_broken_heading_font_is_unreadable_text_not_no_transactions);
    RUN(glyph_ids_read_as_characters_are_unreadable_text);
    RUN(a_few_unmapped_signs_leave_a_statement_readable);
    RUN(a_body_font_reading_wrong_letters_is_unreadable_text);
    RUN(names_and_codes_in_a_font_of_their_own_read);
    RUN(most_shuffled_alphabets_are_caught);
    return check_summary();
}
