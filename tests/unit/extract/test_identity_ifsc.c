/* A scan's IFSC read with a glyph off (issue 17: identity read on scans):
 * mended by the shape every IFSC has (four letters, '0', six letters or
 * digits) and by the bank codes the catalogue knows, on OCR'd lines only;
 * a text layer's IFSC is as printed. Cases: identity_case.h. */
#include "identity_case.h"

#include "extract/identity_parts.h"

/* id_ifsc_shape of read, or "(none)". */
static const char *shaped(const char *read)
{
    static char out[12];
    return id_ifsc_shape(read, out) ? out : "(none)";
}

TEST(glyphs_off_in_the_shape_of_an_ifsc)
{
    CHECK_STR(shaped("PS{B0978768"), "PSIB0978768");  /* a brace for the I */
    CHECK_STR(shaped("MAHB0080-784"), "MAHB0080784"); /* a mark inside the code */
    CHECK_STR(shaped("CITIO0103263"), "CITI0103263"); /* the zero read as O and 0 */
    CHECK_STR(shaped("SBINO186253"), "SBIN0186253");  /* an O for the zero */
    CHECK_STR(shaped("HDFC00841S0"), "HDFC0084150");  /* S among the branch's digits */
    CHECK_STR(shaped("1C1C0864766"), "ICIC0864766");  /* digits for the bank's letters */
    CHECK_STR(shaped(": UTIB0279802 MICR"), "UTIB0279802");
    /* a member bank's branch part keeps its letters */
    CHECK_STR(shaped("HDFCOCMSB01"), "HDFC0CMSB01");
    /* not an IFSC however read: too short, too long, no zero, an account number */
    CHECK_STR(shaped("SBIN018625"), "(none)");
    CHECK_STR(shaped("SBIN01862533"), "(none)");
    CHECK_STR(shaped("SBIN7186253"), "(none)");
    CHECK_STR(shaped("50125853617"), "(none)");
}

/* head over TABLE read as a scan gives the IFSC want and the bank bank
 * (NONE: null). */
static void expect_scanned_ifsc(const char *head, const char *want, const char *bank)
{
    struct statement st;
    CHECK_INT(read_scanned_head(head, &st), 0);
    bool ifsc_ok = field_ok("ifsc", st.id.ifsc, want), bank_ok = field_ok("bank", st.bank, bank);
    if (!ifsc_ok || !bank_ok) {
        fprintf(stderr, "  reading \"%.*s\"... as a scan\n", (int)strcspn(head, "\n"), head);
        check_cur_failed = 1;
    }
    statement_free(&st);
}

TEST(a_scans_labelled_ifsc_is_mended_a_text_layers_is_not)
{
    static const char PSB[] = "PUNJAB & SIND BANK\nAccount No : 60123456789\nIFSC Code : PS{B0978768\n";
    expect_scanned_ifsc(PSB, "PSIB0978768", "punjab_sind");
    expect_identity(PSB, &(struct want_id){.ifsc = NONE}); /* printed so: no IFSC */
}

TEST(a_bank_code_one_letter_off_is_the_letterheads_banks)
{
    static const char MAHB[] = "BANK OF MAHARASHTRA\nAccount No : 60123456789\nIFSC Code : MAKB0786133\n";
    expect_scanned_ifsc(MAHB, "MAHB0786133", "mahabk");
    /* the letterhead read with letters off too (a fax) */
    expect_scanned_ifsc("Bank of Manarasntra\nAccount No : 60123456789\nIFSC Code : MAKB0786133\n", "MAHB0786133",
                        "mahabk");
    /* another bank's letterhead, or none: as read */
    expect_scanned_ifsc("HDFC BANK\nAccount No : 60123456789\nIFSC Code : MAKB0786133\n", "MAKB0786133", "hdfc");
    expect_scanned_ifsc("Account No : 60123456789\nIFSC Code : MAKB0786133\n", "MAKB0786133", NONE);
    /* two letters off: as read */
    expect_scanned_ifsc("BANK OF MAHARASHTRA\nIFSC Code : MAKD0786133\n", "MAKD0786133", "mahabk");
    /* printed so in a text layer, it is what the statement says */
    expect_identity(MAHB, &(struct want_id){.ifsc = "MAKB0786133"});
}

int main(void)
{
    RUN(glyphs_off_in_the_shape_of_an_ifsc);
    RUN(a_scans_labelled_ifsc_is_mended_a_text_layers_is_not);
    RUN(a_bank_code_one_letter_off_is_the_letterheads_banks);
    return check_summary();
}
