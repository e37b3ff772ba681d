/* Readability of the text layer (extract/textcheck.c) through the whole
 * post-MuPDF pipeline: a statement one of whose fonts lost its encoding is
 * refused PDF_TEXT_UNREADABLE, never "no transactions". "?" below stands
 * for U+FFFD, the character MuPDF gives a glyph it cannot map (a font
 * without ToUnicode, custom glyph names, the private use area). */
#include <stdbool.h>
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

int main(void)
{
    RUN(a_broken_heading_font_is_unreadable_text_not_no_transactions);
    RUN(glyph_ids_read_as_characters_are_unreadable_text);
    RUN(a_few_unmapped_signs_leave_a_statement_readable);
    return check_summary();
}
