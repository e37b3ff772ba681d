/* OCR corrections (extract/ocr_fix.h): pure functions, no Tesseract. */
#include <stdio.h>

#include "check.h"
#include "extract/ocr_chain.h"
#include "extract/ocr_fix.h"
#include "extract/ocr_fix_dates.h"

static const char *fix(const char *in)
{
    static char out[256];
    ocr_fix_word(in, out, sizeof out);
    return out;
}

TEST(numbers_read_with_letters_become_numbers)
{
    CHECK_STR(fix("1O,234.S6"), "10,234.56");
    CHECK_STR(fix("l2,345.00"), "12,345.00");
    CHECK_STR(fix("3B,120.00"), "38,120.00");
    CHECK_STR(fix("O1/O4/2024"), "01/04/2024");
    CHECK_STR(fix("1,234.56Dr"), "1,234.56Dr");
    CHECK_STR(fix("1,2O4.56Cr"), "1,204.56Cr");
    CHECK_STR(fix("-5O0.00"), "-500.00");
    CHECK_STR(fix("(1,2S0.00)"), "(1,250.00)");
}

TEST(separators_of_amounts_set_right)
{
    CHECK_STR(fix("1.234.56"), "1,234.56");
    CHECK_STR(fix("1,234,56"), "1,234.56");
    CHECK_STR(fix("12,34,567,89"), "12,34,567.89");
    CHECK_STR(fix("1234,56"), "1234.56");
    CHECK_STR(fix("1,23,456"), "1,23,456"); /* grouping, no paise: unchanged */
    CHECK_STR(fix("12.03.2024"), "12.03.2024"); /* a date stays a date */
    CHECK_STR(fix("Rs.1;79,500.00"), "Rs.1,79,500.00"); /* a comma's lower dot grown by a speck */
    CHECK_STR(fix("1,234;56"), "1,234;56");             /* never the decimal point */
    CHECK_STR(fix("03;25"), "03;25");
}

TEST(words_stay_words)
{
    CHECK_STR(fix("SALARY"), "SALARY");
    CHECK_STR(fix("BOSS"), "BOSS");
    CHECK_STR(fix("UPI/P2A/5273/Sal"), "UPI/P2A/5273/Sal");
    CHECK_STR(fix("IO"), "IO");
    CHECK_STR(fix("S1"), "S1");           /* too few digits to tell */
    CHECK_STR(fix("NEFT-SBIN012345"), "NEFT-SBIN012345");
    CHECK_STR(fix("Dr"), "Dr");
    CHECK_STR(fix(""), "");
}

TEST(capitals_and_ifsc)
{
    CHECK_STR(fix("SAl"), "SAI");
    CHECK_STR(fix("lNDIA"), "INDIA");
    CHECK_STR(fix("Sal"), "Sal");         /* a word in lower case keeps its l */
    CHECK_STR(fix("UTIBO799474"), "UTIB0799474");
    CHECK_STR(fix("OlL"), "OIL");
    CHECK_STR(fix("sunita37@ybI-CNRB0060048"), "sunita37@ybl-CNRB0060048");
    CHECK_STR(fix("paytm-SBINO710690-470067"), "paytm-SBIN0710690-470067");
    CHECK_STR(fix("McIntosh"), "McIntosh"); /* mixed case: as read */
    CHECK_STR(fix("BOOKINGOFFICE"), "BOOKINGOFFICE"); /* no digit after the O: no IFSC */
    CHECK_STR(fix("HDFCO00O123"), "HDFC000O123"); /* only the fifth character is sure to be 0 */
}

TEST(bank_codes_read_with_digits_for_letters)
{
    CHECK_STR(fix("IC1C0284383"), "ICIC0284383");
    CHECK_STR(fix("NEFT/HDFCN69074435202/IC1C0284383/GURPREET"), "NEFT/HDFCN69074435202/ICIC0284383/GURPREET");
    CHECK_STR(fix("!C1C0936531"), "ICIC0936531");
    CHECK_STR(fix("10580012345"), "10580012345"); /* digits only: a number, not a code */
    CHECK_STR(fix("ICIC70553403458"), "ICIC70553403458"); /* longer than a code */
}

TEST(exclamation_marks_are_letters)
{
    CHECK_STR(fix("DEV!"), "DEVI");
    CHECK_STR(fix("UP!"), "UPI");
    CHECK_STR(fix("swati91@yb!"), "swati91@ybl");
    CHECK_STR(fix("!"), "!"); /* no letter beside it: as read */
}

TEST(rules_and_stamp_edges_come_off_words)
{
    CHECK_STR(fix("\xe2\x80\x94UPI/CR/690876930348"), "UPI/CR/690876930348");
    CHECK_STR(fix("_UPI/SWIGGY/655505888065/Pay"), "UPI/SWIGGY/655505888065/Pay");
    CHECK_STR(fix("\xe2\x80\x9cIMPS"), "IMPS");
    CHECK_STR(fix("rent\xe2\x84\xa2"), "rent");
    CHECK_STR(fix("-500.00"), "-500.00"); /* a sign is no mark */
    CHECK_STR(fix("A_B"), "A_B");
    CHECK_STR(fix("_"), "_");
}

TEST(specks_before_a_word_or_after_a_slash_come_off)
{
    CHECK_STR(fix(".merchant"), "merchant");  /* "Pay to .merchant": no word starts with a full stop */
    CHECK_STR(fix(".IDFC"), "IDFC");
    CHECK_STR(fix(".50"), ".50");             /* paise: a number */
    CHECK_STR(fix("."), ".");
    CHECK_STR(fix("UPI/605216759723/milk/meera@okicici/\xc2\xb0"), "UPI/605216759723/milk/meera@okicici/");
    CHECK_STR(fix("okaxis-\xe2\x84\xa2"), "okaxis-");
    CHECK_STR(fix("Cr."), "Cr.");            /* a full stop that ends a word stays */
}

TEST(accents_and_signs_read_for_letters)
{
    CHECK_STR(fix("Receiv\xc3\xa9" "d"), "Received");   /* a speck above the e */
    CHECK_STR(fix("UPI/SANJAY/699941012838/groceri\xc3\xa9" "s"), "UPI/SANJAY/699941012838/groceries");
    CHECK_STR(fix("\xc3\x89" "COM"), "ECOM");
    CHECK_STR(fix("\xc2\xa7" "233331144259"), "5233331144259"); /* a section sign before digits: a 5 */
    CHECK_STR(fix("\xc2\xa7" "15925"), "515925");
    CHECK_STR(fix("\xc2\xa7" "BI"), "SBI");
    CHECK_STR(fix("$1A77146"), "S1A77146");                  /* letters: no dollar amount */
    CHECK_STR(fix("$125.00"), "$125.00");                    /* digits only: as read */
    CHECK_STR(fix("\xe2\x82\xb9" "500"), "\xe2\x82\xb9" "500"); /* the rupee sign is no accent */
}

static const char *note(const char *in)
{
    static char buf[256];
    snprintf(buf, sizeof buf, "%s", in);
    ocr_fix_note(buf);
    return buf;
}

TEST(narrations_set_right_once_their_lines_are_joined)
{
    /* a handle on the line after its @ */
    CHECK_STR(note("UPI/699640523686/groceries/nitin@yb1/PUNJAB NATIONAL BANK"),
              "UPI/699640523686/groceries/nitin@ybl/PUNJAB NATIONAL BANK");
    /* a handle in two cases, a handle a thin letter off a large app's */
    CHECK_STR(note("BY TRANSFER-UPI/CR/504631926411/SNEHA VERMA/KKBK/sneha@oKaxis/school fee--"),
              "BY TRANSFER-UPI/CR/504631926411/SNEHA VERMA/KKBK/sneha@okaxis/school fee--");
    CHECK_STR(note("UPI-DOMINOS PIZZA-dominos41@ybi-CNRB0072793"), "UPI-DOMINOS PIZZA-dominos41@ybl-CNRB0072793");
    CHECK_STR(note("merchant6544@HDFc/Pay"), "merchant6544@HDFC/Pay");
    CHECK_STR(note("pay@PhonePe"), "pay@PhonePe"); /* two capitals: as read */
    CHECK_STR(note("x@ibi"), "x@ibl");
    /* a VPA named after the payee the row names, a 1 read as an l */
    CHECK_STR(note("UPI/CR/447016324183/SNEHA GUPTA/PUNB/snehal5@okhdfcbank/rent"),
              "UPI/CR/447016324183/SNEHA GUPTA/PUNB/sneha15@okhdfcbank/rent");
    CHECK_STR(note("UPI/DR/467093349776/POOJA DEVI Y/INDB/poojal5@paytm/payment"),
              "UPI/DR/467093349776/POOJA DEVI Y/INDB/pooja15@paytm/payment");
    CHECK_STR(note("UPI/CR/447016324183/SNEHAL GUPTA/PUNB/snehal5@okhdfcbank/rent"),
              "UPI/CR/447016324183/SNEHAL GUPTA/PUNB/snehal5@okhdfcbank/rent"); /* the payee is SNEHAL */
    CHECK_STR(note("UPI/CR/447016324183/RAHUL GUPTA/PUNB/rahul5@okhdfcbank/rent"),
              "UPI/CR/447016324183/RAHUL GUPTA/PUNB/rahul5@okhdfcbank/rent");   /* RAHU is not named */
    CHECK_STR(note("UPI/CR/4470/MEERA/PUNB/snehal5@okhdfcbank"), "UPI/CR/4470/MEERA/PUNB/snehal5@okhdfcbank");
    CHECK_STR(note(""), "");
    CHECK_STR(note("@"), "@");
}

TEST(a_thin_i_read_twice_as_i_and_1)
{
    CHECK_STR(fix("@ybl-UT!1B0501376-"), "@ybl-UTIB0501376-");
    CHECK_STR(fix("BANK/IC1I6013534682"), "BANK/ICI6013534682");
    CHECK_STR(fix("INDIA/1IC1I1534481366"), "INDIA/ICI1534481366");
    CHECK_STR(fix("ICI1534481366"), "ICI1534481366");   /* a 1 among digits */
    CHECK_STR(fix("S1A77146"), "S1A77146");             /* no I beside it */
    CHECK_STR(fix("NEFT-1I23"), "NEFT-1I23");           /* a digit after the I */
    CHECK_STR(fix("x1I"), "x1I");                       /* no capital before it */
}

TEST(codes_split_at_a_narrow_one)
{
    CHECK(ocr_code_split_at_one("ICIC705534034581", 16, "1217", 4, 0.28f));
    CHECK(ocr_code_split_at_one("FINANCE/ICIC701", 15, "1484388042073", 13, 0.25f));
    CHECK(ocr_code_split_at_one("FINANCE/ICIC701", 15, "1484388042073", 13, 0.31f));  /* as wide as a space */
    CHECK(!ocr_code_split_at_one("FINANCE/ICIC701", 15, "1484388042073", 13, 0.45f)); /* wider than one */
    CHECK(!ocr_code_split_at_one("ICIC705534034582", 16, "2217", 4, 0.28f));          /* no 1 at the gap */
    CHECK(ocr_code_split_at_one("NEFT/BARBN34684085", 18, "197/WIPRO", 9, 0.27f));
    CHECK(ocr_code_split_at_one("REFUND/ZOMATO/1", 15, "197805381", 9, 0.27f));
    CHECK(!ocr_code_split_at_one("TO 705534034581", 15, "1217", 4, 0.28f));           /* no capitals glued */
    CHECK(!ocr_code_split_at_one("AHMEDABAD/37", 12, "1436", 4, 0.28f));              /* 6 digits */
    CHECK(!ocr_code_split_at_one("ICIC7055", 8, "1217", 4, 0.28f));                   /* 8 digits */
    CHECK(!ocr_code_split_at_one("ICIC705534034581", 16, "1217AB", 6, 0.28f));        /* letters after */
}

TEST(letters_either_side_of_a_close_gap_are_two_words)
{
    CHECK(ocr_letters_apart("PRASAD", "SHAH/KKBK/fatima@ybl/groceries--"));
    CHECK(ocr_letters_apart("OPP", "CITY"));
    CHECK(ocr_letters_apart("UPI/346916629816/ASHA", "AGARWAL/NA"));
    CHECK(!ocr_letters_apart("DAY/YESB/cafe", "ybl/Pay"));   /* a VPA that lost its @ */
    CHECK(!ocr_letters_apart("5273591", "10336"));            /* digits split at a narrow 1 */
    CHECK(!ocr_letters_apart("UPI/DR/4073", "15"));
    CHECK(!ocr_letters_apart("", "AB"));
}

TEST(a_labels_value_split_at_a_narrow_one)
{
    CHECK(ocr_value_split_at_one(":", "0000033", 7, "130407083", 9, 0.23f));
    CHECK(ocr_value_split_at_one("Number:", "00000357461", 11, "14277", 5, 0.35f)); /* two 1s' bearings */
    CHECK(!ocr_value_split_at_one("TO", "705534034581", 12, "1217", 4, 0.28f));    /* no label before it */
    CHECK(!ocr_value_split_at_one(":", "0000033", 7, "230407083", 9, 0.23f));      /* no 1 at the gap */
    CHECK(!ocr_value_split_at_one(":", "0000033", 7, "130407083", 9, 0.45f));      /* wider than a space */
    CHECK(!ocr_value_split_at_one(":", "1800", 4, "12345", 5, 0.3f));              /* 9 digits */
    CHECK(!ocr_value_split_at_one(":", "0000033", 7, "1304070A", 8, 0.23f));       /* a letter */
    CHECK(!ocr_value_split_at_one("", "0000033", 7, "130407083", 9, 0.23f));
}

static pb_day day(int y, int m, int d)
{
    pb_day v = PB_NO_DAY;
    CHECK(date_from_ymd(y, m, d, &v));
    return v;
}

TEST(a_date_out_of_the_statements_order_is_mended_or_doubted)
{
    struct date_row r[] = {
        {day(2024, 11, 17), day(2024, 11, 17), false, false},
        {day(2024, 11, 19), day(2024, 11, 19), false, false},
        {day(2024, 11, 29), day(2024, 11, 19), false, false}, /* 19/11/24 read 29/11/24, its value date right */
        {day(2024, 11, 23), day(2024, 11, 23), false, false},
        {day(2024, 11, 27), PB_NO_DAY, false, false},
        {day(2024, 12, 27), PB_NO_DAY, false, false},         /* out of order, no value date: doubtful */
        {day(2024, 11, 30), PB_NO_DAY, false, false},
    };
    CHECK_INT(ocr_fix_dates(r, 7), 1);
    CHECK(r[2].corrected && r[2].date == day(2024, 11, 19) && !r[2].doubtful);
    CHECK(r[5].doubtful && !r[5].corrected && r[5].date == day(2024, 12, 27));
    for (size_t i = 0; i < 7; i++)
        CHECK(i == 2 || i == 5 || (!r[i].corrected && !r[i].doubtful));
}

TEST(a_value_date_not_read_where_the_statement_prints_one)
{
    struct date_row r[6];
    for (int i = 0; i < 6; i++)
        r[i] = (struct date_row){.date = day(2024, 1, 10 + i), .value = day(2024, 1, 10 + i)};
    r[3].value = PB_NO_DAY; /* its cell read as nothing */
    for (size_t i = 0; i < 6; i++)
        CHECK(ocr_value_date_lost(r, 6, i) == (i == 3));
    r[1].value = PB_NO_DAY; /* two in six: a statement printing it beside some rows */
    for (size_t i = 0; i < 6; i++)
        CHECK(!ocr_value_date_lost(r, 6, i));
    CHECK(!ocr_value_date_lost(r, 4, 3)); /* too few rows to tell */
}

TEST(dates_newest_first_and_value_dates_far_off)
{
    struct date_row r[] = {
        {day(2024, 3, 9), day(2024, 3, 9), false, false},
        {day(2024, 3, 7), day(2024, 3, 7), false, false},
        {day(2024, 3, 8), day(2024, 3, 5), false, false},  /* 05/03 read 08/03, its value date right */
        {day(2024, 3, 2), day(2024, 3, 2), false, false},
        {day(2024, 3, 1), day(2024, 3, 1), false, false},
    };
    CHECK_INT(ocr_fix_dates(r, 5), 1);
    CHECK(r[2].corrected && r[2].date == day(2024, 3, 5));
    for (size_t i = 0; i < 5; i++) /* 07/03 was out of order beside 08/03 only */
        CHECK(!r[i].doubtful);
    struct date_row far[] = {
        {day(2024, 3, 1), PB_NO_DAY, false, false},
        {day(2024, 3, 21), day(2024, 3, 3), false, false}, /* value date in order but two digits off */
        {day(2024, 3, 4), PB_NO_DAY, false, false},
    };
    CHECK_INT(ocr_fix_dates(far, 3), 0);
    CHECK(far[1].doubtful && far[1].date == day(2024, 3, 21) && !far[0].doubtful && !far[2].doubtful);
    struct date_row two[] = {{day(2024, 3, 9), PB_NO_DAY, false, false}, {day(2024, 3, 1), PB_NO_DAY, false, false}};
    CHECK_INT(ocr_fix_dates(two, 2), 0); /* which of two is out of order: unknown */
    CHECK(!two[0].doubtful && !two[1].doubtful);
    CHECK_INT(ocr_fix_dates(two, 0), 0);
}

TEST(long_words_are_cut_not_overrun)
{
    char out[8];
    CHECK_INT(ocr_fix_word("ABCDEFGHIJKLMN", out, sizeof out), 7);
    CHECK_STR(out, "ABCDEFG");
}

static bool has(const pb_paise *v, size_t n, pb_paise x)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == x)
            return true;
    return false;
}

TEST(digit_variants)
{
    pb_paise v[64];
    size_t n = ocr_digit_variants(123456, v, 64); /* 1,234.56 */
    CHECK(has(v, n, 723456));  /* 1 read for 7 */
    CHECK(has(v, n, 128456));  /* 3 -> 8 */
    CHECK(has(v, n, 123466));  /* 5 -> 6 */
    CHECK(!has(v, n, 123456)); /* itself is no variant */
    CHECK(!has(v, n, 23456));  /* no leading zero */
    n = ocr_digit_variants(12345600, v, 64); /* "1234.56" read as "123456" */
    CHECK(has(v, n, 123456));
    n = ocr_digit_variants(-80000, v, 64); /* an overdrawn balance keeps its sign */
    CHECK(has(v, n, -30000));
    CHECK(has(v, n, -800));
    n = ocr_digit_variants(5, v, 64); /* 0.05 */
    CHECK(has(v, n, 6));
    CHECK(has(v, n, 805)); /* the zeros before it are digits too */
    n = ocr_digit_variants(71669, v, 64); /* 76.69 read 716.69: a stroke beside the 7 read as a 1 */
    CHECK(has(v, n, 7669));
    n = ocr_digit_variants(335500, v, 64); /* a glyph read twice */
    CHECK(has(v, n, 35500));
    n = ocr_digit_variants(123456, v, 64);
    CHECK(!has(v, n, 12456)); /* a 3 between a 2 and a 4 was printed */
    CHECK(!has(v, n, 23456)); /* nor goes the first digit */
}

TEST(chain_corrects_an_extra_digit)
{
    struct chain_row r[] = {
        {71669, 4709523, -1, true, false}, /* scan-smoke s3 scan_indian: 76.69 read 716.69 */
        {100000, 4609523, -1, true, false},
    };
    CHECK_INT(ocr_fix_chain(4717192, r, 2), 1);
    CHECK_INT(r[0].amount, 7669);
}

TEST(chain_corrects_a_misread_amount)
{
    /* opening 10,000.00; debit 1,700.00 read as 1,100.00 (7 -> 1) */
    struct chain_row r[] = {
        {110000, 830000, -1, true, false},
        {50000, 880000, 1, true, false},
    };
    CHECK_INT(ocr_fix_chain(1000000, r, 2), 1);
    CHECK_INT(r[0].amount, 170000);
    CHECK(r[0].corrected);
    CHECK(!r[1].corrected);
}

TEST(chain_corrects_a_misread_balance)
{
    /* 10,000 + 500 = 10,500 read as 10,600 (5 -> 6): the next row confirms 10,500 */
    struct chain_row r[] = {
        {50000, 1060000, 1, true, false},
        {20000, 1030000, -1, true, false},
    };
    CHECK_INT(ocr_fix_chain(1000000, r, 2), 1);
    CHECK_INT(r[0].balance, 1050000);
    CHECK_INT(r[1].balance, 1030000);
}

TEST(chain_corrects_a_lost_decimal_point)
{
    struct chain_row r[] = {
        {12345600, 1123456, 1, true, false}, /* 1,234.56 read as 123456 */
        {23456, 1100000, -1, true, false},
    };
    CHECK_INT(ocr_fix_chain(1000000, r, 2), 1);
    CHECK_INT(r[0].amount, 123456);
}

TEST(chain_never_guesses)
{
    /* a balance off by an amount no single confusion explains: left as printed */
    struct chain_row r[] = {
        {50000, 1234500, 1, true, false},
        {20000, 1214500, -1, true, false},
    };
    CHECK_INT(ocr_fix_chain(1000000, r, 2), 0);
    CHECK_INT(r[0].balance, 1234500);
    CHECK(!r[0].corrected);
    /* two readings fit equally (amount 0 -> 8 or balance 8 -> 0 both reconcile this
     * last row): ambiguous, so nothing is changed */
    struct chain_row s[] = {{10000, 1018000, 1, true, false}};
    CHECK_INT(ocr_fix_chain(1000000, s, 1), 0);
    CHECK_INT(s[0].amount, 10000);
    CHECK_INT(s[0].balance, 1018000);
    /* a reconciled chain is not touched */
    struct chain_row t[] = {{50000, 1050000, 1, true, false}, {50000, 1000000, -1, true, false}};
    CHECK_INT(ocr_fix_chain(1000000, t, 2), 0);
}

TEST(chain_flips_a_direction_only_when_not_printed)
{
    struct chain_row r[] = {{50000, 950000, 1, false, false}, {10000, 960000, 1, false, false}};
    CHECK_INT(ocr_fix_chain(1000000, r, 2), 1);
    CHECK_INT(r[0].dir, -1);
    struct chain_row s[] = {{50000, 950000, 1, true, false}, {10000, 960000, 1, true, false}};
    CHECK_INT(ocr_fix_chain(1000000, s, 2), 0);
    CHECK_INT(s[0].dir, 1);
}

static const char *date(const char *cell)
{
    static char out[16];
    pb_day d;
    int y, m, dd;
    if (!ocr_fix_date(cell, &d))
        return "none";
    date_to_ymd(d, &y, &m, &dd);
    snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, dd);
    return out;
}

TEST(dates_with_separators_lost_or_misread)
{
    CHECK_STR(date("1112.23"), "2023-12-11");
    CHECK_STR(date("07.12:23"), "2023-12-07");
    CHECK_STR(date("03:12 .23"), "2023-12-03");
    CHECK_STR(date("121223"), "2023-12-12");
    CHECK_STR(date("O1 12 2023"), "2023-12-01");
    CHECK_STR(date("20231201"), "2023-12-01");  /* yyyymmdd */
    CHECK_STR(date("2212723"), "2023-12-22");   /* the second dot read as a 7 */
    CHECK_STR(date("1271223"), "2023-12-12");   /* the first one */
    CHECK_STR(date("31022024"), "none");        /* no 31 February */
    CHECK_STR(date("19 512323"), "none");
    CHECK_STR(date("12-Dec-23"), "none");       /* a month name is the reader's */
    CHECK_STR(date("12345"), "none");
    CHECK_STR(date("1111111"), "2011-11-11");   /* whichever 1 was the dot: one date */
    CHECK_STR(date("1213123"), "none");         /* 12.13.123? 12.31.23? no reading is a date */
}

static const char *named_date(const char *cell)
{
    static char out[16];
    pb_day d;
    int y, m, dd;
    if (!ocr_fix_named_date(cell, &d))
        return "none";
    date_to_ymd(d, &y, &m, &dd);
    snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, dd);
    return out;
}

TEST(a_dates_month_name_between_separators_read_unlike)
{
    CHECK_STR(named_date("12.Oct 2023"), "2023-10-12"); /* a speck in the space */
    CHECK_STR(named_date("05 Nov,2023"), "2023-11-05");
    CHECK_STR(named_date("5-Nov.23"), "2023-11-05");
    CHECK_STR(named_date("12 Oct 2023"), "2023-10-12"); /* as printed: the same date */
    CHECK_STR(named_date("12..Oct 2023"), "2023-10-12");
    CHECK_STR(named_date("12...Oct 2023"), "none");     /* more than a separator's width */
    CHECK_STR(named_date("12.Oxt 2023"), "none");       /* no month */
    CHECK_STR(named_date("12.Oct 20233"), "none");
    CHECK_STR(named_date("12.Oct 202"), "none");
    CHECK_STR(named_date("123.Oct 2023"), "none");
    CHECK_STR(named_date("31.Feb 2023"), "none");
    CHECK_STR(named_date("Paid to"), "none");
    CHECK_STR(named_date(""), "none");
}

static const char *after_mark(const char *cell)
{
    const char *r = ocr_after_mark(cell);
    return r ? r : "none";
}

TEST(a_mark_before_a_date_is_passed_over)
{
    CHECK_STR(after_mark(".30-Dec-2023"), "30-Dec-2023");
    CHECK_STR(after_mark("Sa 16/09/24"), "16/09/24"); /* a pen's tick read as letters */
    CHECK_STR(after_mark("eos 7/08/24"), "7/08/24");
    CHECK_STR(after_mark("' 27 Mar 2023"), "27 Mar 2023");
    CHECK_STR(after_mark("16/09/24"), "none"); /* nothing before it */
    CHECK_STR(after_mark("27 Mar 2023"), "none");
    CHECK_STR(after_mark("Mar 2023"), "2023"); /* the reader still reads no date in '2023' */
    CHECK_STR(after_mark("Opening 16/09/24"), "none"); /* a word, not a mark */
    CHECK_STR(after_mark("Sa"), "none");
    CHECK_STR(after_mark(". "), "none");
}

TEST(vpas_get_their_at_back)
{
    CHECK_STR(fix("UPI/DR/500730145912/RAHUL"), "UPI/DR/500730145912/RAHUL");
    CHECK_STR(fix("KHAN/YESB/rahul74ybl/milk"), "KHAN/YESB/rahul74@ybl/milk");
    CHECK_STR(fix("BANERJ/IDFB/gurpreetybl/Pay"), "BANERJ/IDFB/gurpreet@ybl/Pay");
    CHECK_STR(fix("merchant/irctc@ybl1/YES"), "merchant/irctc@ybl/YES");
    CHECK_STR(fix("BANERJ/ICIC/rohit28@ibl1"), "BANERJ/ICIC/rohit28@ibl");
    CHECK_STR(fix("sneha15@okhdfcbank/rent"), "sneha15@okhdfcbank/rent"); /* right as read */
    CHECK_STR(fix("possible/edible"), "possible/edible");                 /* words */
    CHECK_STR(fix("Paybl"), "Paybl");
    CHECK_STR(fix("ybl"), "ybl");
    CHECK_STR(fix("/abybl"), "/abybl"); /* too short a local part to tell */
}

TEST(vpa_halves_read_with_the_other_halfs_characters)
{
    CHECK_STR(fix("milk/neha@yb1/BANK"), "milk/neha@ybl/BANK");
    CHECK_STR(fix("gurpreet86@ib1/UPI"), "gurpreet86@ibl/UPI");
    CHECK_STR(fix("merchant6864@SB1/Pay"), "merchant6864@SBI/Pay");
    CHECK_STR(fix("PILLAI-venkateshS2@paytm-SBIN0710690"), "PILLAI-venkatesh52@paytm-SBIN0710690");
    CHECK_STR(fix("SBIN/gurpreetS3@okaxis/rent"), "SBIN/gurpreet53@okaxis/rent");
    CHECK_STR(fix("ROHIT@2024"), "ROHIT@2024");         /* no handle: digits stay */
    CHECK_STR(fix("pay@Yb1"), "pay@Yb1");               /* a handle in two cases: as read */
    CHECK_STR(fix("MrSharma@ybl"), "MrSharma@ybl");     /* capitals away from digits stay */
    CHECK_STR(fix("RAHUL5S@ybl"), "RAHUL5S@ybl");       /* a name in capitals: as read */
    CHECK_STR(fix("To: pooja8l@paytm"), "To: pooja81@paytm"); /* after its first digit, a name's number */
    CHECK_STR(fix("nitin1l0@paytm-CNRB"), "nitin110@paytm-CNRB");
    CHECK_STR(fix("ram2go@ybl"), "ram2go@ybl");         /* letters after the digits: as read */
}

static size_t pieces(const char *const *w, size_t n, float gap)
{
    float g[8] = {0, gap, gap, gap, gap, gap, gap, gap};
    return ocr_split_pieces(w, g, n);
}

TEST(codes_read_with_spaces_are_one_word)
{
    const char *upi[] = {"TRANSFER-UPI/DR/4073", "15", "10468", "1/CAFE", "TRANSFER"};
    CHECK(pieces(upi, 5, 0.25f) == 3);
    const char *bar[] = {"TRANSFER-UPI/DR/46725775", "195", "|/ROHIT"};
    CHECK(pieces(bar, 3, 0.25f) == 2);
    CHECK_STR(fix("TRANSFER-UPI/DR/46725775195|/ROHIT"), "TRANSFER-UPI/DR/467257751951/ROHIT");
    const char *ifsc[] = {"NEFT/HDFCN48688705423/KKBK0961", "750/ANJALI"};
    CHECK(pieces(ifsc, 2, 0.25f) == 1);
    const char *oh[] = {"KHAN-PAYMENT-KKBKO", "913711"};
    CHECK(pieces(oh, 2, 0.25f) == 1); /* its zero read as an O */
    CHECK_STR(fix("PAYMENT-KKBKO913711"), "PAYMENT-KKBK0913711");
    const char *oh2[] = {"NEFT*UBINO3", "15790*UTIBN77467744895*ZENITH"};
    CHECK(pieces(oh2, 2, 0.25f) == 1);
    const char *office[] = {"BOOKINGO", "FFICE"};
    CHECK(pieces(office, 2, 0.25f) == 0);
    const char *slash[] = {"MMT/", "IMPS/610653730922/TRANSFER/"};
    CHECK(pieces(slash, 2, 0.25f) == 1);
    CHECK(pieces(slash, 2, 0.4f) == 1);  /* a slash's ink stops short of its width */
    CHECK(pieces(slash, 2, 0.55f) == 0); /* wider than a space and a slash: as printed */
    CHECK(!ocr_join_doubtful("MMT/", 0.25f));
    CHECK(ocr_join_doubtful("MMT/", 0.4f)); /* as wide as a space: its row is unsure */
    CHECK(!ocr_join_doubtful("MMT-", 0.4f));
    const char *star[] = {"ECOM/CCAVENUE*", "DECATHLON/9141356127"};
    CHECK(pieces(star, 2, 0.46f) == 1);
    CHECK(ocr_join_doubtful("ECOM/CCAVENUE*", 0.46f));
    CHECK(pieces(upi, 5, 0.8f) == 0);    /* far apart: words */
    const char *few[] = {"UPI/12", "34/AB"};
    CHECK(pieces(few, 2, 0.25f) == 0);   /* too few digits to be one reference */
    const char *open[] = {"UPI/DR/4073", "15", "10468"};
    CHECK(pieces(open, 3, 0.25f) == 0);  /* no slash closes it */
    const char *name[] = {"FLAT/12", "GANDHI"};
    CHECK(pieces(name, 2, 0.25f) == 0);
    const char *hyphen[] = {"PATEL-vikram42@okaxis-", "YESB0156349-"};
    CHECK(pieces(hyphen, 2, 0.23f) == 1);
    CHECK(pieces(hyphen, 2, 0.35f) == 0); /* "ACH D- TATA": a whole space */
    const char *lone[] = {"OIL-indian33@ybl-ICIC0936531", "-"};
    CHECK(pieces(lone, 2, 0.23f) == 1);
    CHECK(pieces(lone, 2, 0.4f) == 0);    /* "CHQ DEP - MICR" */
    const char *word[] = {"SER", "VICES"};
    CHECK(pieces(word, 2, 0.1f) == 0);
    CHECK_STR(fix("UPI/1234|/AB"), "UPI/1234|/AB"); /* too short for a reference */
}

TEST(a_capital_i_read_as_l_at_a_words_start)
{
    CHECK_STR(fix("lnstrument"), "Instrument");
    CHECK_STR(fix("lnt."), "Int.");
    CHECK_STR(fix("ldentification"), "Identification");
    CHECK_STR(fix("(lnterest)"), "(Interest)");
    CHECK_STR(fix("large"), "large");   /* a vowel after the l: a word */
    CHECK_STR(fix("lymph"), "lymph");
    CHECK_STR(fix("ln"), "ln");         /* too short to tell */
    CHECK_STR(fix("lnbl2"), "lnbl2");   /* letters run into digits: a code */
    CHECK_STR(fix("kalnk"), "kalnk");   /* inside a word */
}

TEST(long_dashes_inside_words_are_hyphens)
{
    CHECK_STR(fix("lakshmi36@okaxis\xe2\x80\x94" "CNRB0695411-5666"), "lakshmi36@okaxis-CNRB0695411-5666");
    CHECK_STR(fix("A\xe2\x80\x93" "B"), "A-B");
    CHECK_STR(fix("\xe2\x80\x94" "UPI"), "UPI"); /* a rule's edge at the start: off */
}

TEST(hyphens_read_as_other_marks)
{
    CHECK_STR(fix("UPI~RAJESH"), "UPI-RAJESH");
    CHECK_STR(fix("YESB0288047~"), "YESB0288047-");
    CHECK_STR(fix("nitin11@okaxis-\xe2\x80\x94" "SBIN0533923"), "nitin11@okaxis-SBIN0533923");
    CHECK_STR(fix("INDB0779852-\xe2\x80\x94"), "INDB0779852-");
    CHECK_STR(fix("~"), "~"); /* nothing beside it: as read */
}

/* A/c (account) with its slash read as a thin letter or mark: a fax's or
 * a copy's slash is a hair wide (scan-full: 'Afc No. :', 'AlcType'). */
TEST(an_account_abbreviations_slash_read_as_a_letter)
{
    CHECK_STR(fix("Afc"), "A/c");
    CHECK_STR(fix("Alc."), "A/c.");
    CHECK_STR(fix("AIC"), "A/C");
    CHECK_STR(fix("A1c:"), "A/c:");
    CHECK_STR(fix("AlcType"), "A/c Type"); /* run into the next word: its space back */
    CHECK_STR(fix("Alcohol"), "Alcohol");   /* a word: as read */
    CHECK_STR(fix("AICTE"), "AICTE");
    CHECK_STR(fix("Afcx"), "Afcx");
}

/* A scan's speck read as a full stop or comma inside an IFSC: an IFSC
 * prints none. */
TEST(a_speck_inside_an_ifsc_goes)
{
    CHECK_STR(fix("fatima49@okaxis-IDFB0417.317-659762456878-PETROL"),
              "fatima49@okaxis-IDFB0417317-659762456878-PETROL");
    CHECK_STR(fix("IDFB041731,7"), "IDFB0417317");
    CHECK_STR(fix("IDFB0417.31"), "IDFB0417.31");     /* no IFSC without it */
    CHECK_STR(fix("IDFB0417.3171"), "IDFB0417.3171"); /* nor with twelve */
    CHECK_STR(fix("1,234.56"), "1,234.56");
}

TEST(a_bracket_beside_capitals_is_a_j)
{
    CHECK_STR(fix("MANO]"), "MANOJ");
    CHECK_STR(fix("UPI/672154028292/MANO]JOSHI/dinner"), "UPI/672154028292/MANOJJOSHI/dinner");
    CHECK_STR(fix("MANO}"), "MANOJ");
    CHECK_STR(fix("{REF}"), "{REF}");
    CHECK_STR(fix("[REF]"), "[REF]");     /* a bracket opened: a bracket */
    CHECK_STR(fix("12]"), "12]");
}

TEST(a_space_lost_between_lower_case_and_capitals)
{
    CHECK_STR(fix("paymentJIO"), "payment JIO");
    CHECK_STR(fix("atATM"), "at ATM");
    CHECK_STR(fix("PhonePE"), "PhonePE");  /* a name starting with a capital */
    CHECK_STR(fix("eNACH"), "eNACH");      /* one letter before capitals */
    CHECK_STR(fix("iOS"), "iOS");
    CHECK_STR(fix("atATMs"), "atATMs");    /* lower case again after them */
    CHECK_STR(fix("merchant6864@SBI"), "merchant6864@SBI");
}

TEST(a_utr_read_with_an_o_for_its_zero)
{
    CHECK_STR(fix("NEFT/UTIBNO7875956759/TATA"), "NEFT/UTIBN07875956759/TATA");
    CHECK_STR(fix("HDFCRO1234567890"), "HDFCR01234567890");
    CHECK_STR(fix("CHQNO123456789"), "CHQNO123456789");   /* no bank's four letters before the N */
    CHECK_STR(fix("UTIBNO78759"), "UTIBNO78759");         /* too few digits for a UTR */
    /* its first digit read twice, as its look-alike letter and itself */
    CHECK_STR(fix("NEFT/BARBNS56515708739/WIPRO"), "NEFT/BARBN56515708739/WIPRO");
    CHECK_STR(fix("NEFT*UTIB0130801*KKBKNS58830769932*FATIMA"), "NEFT*UTIB0130801*KKBKN58830769932*FATIMA");
    CHECK_STR(fix("BARBNS66515708739"), "BARBNS66515708739"); /* an S is no 6's twin */
    CHECK_STR(fix("BARBNS565157"), "BARBNS565157");           /* too few digits */
}

TEST(marks_never_printed_alone)
{
    CHECK(ocr_stray_mark(","));
    CHECK(ocr_stray_mark("\xc2\xb0"));
    CHECK(ocr_stray_mark("~="));
    CHECK(ocr_stray_mark("\\")); /* a stroke read as a backslash: statements print none */
    CHECK(ocr_stray_mark("."));
    CHECK(!ocr_stray_mark("-"));   /* a sign or a separator */
    CHECK(!ocr_stray_mark("/"));
    CHECK(!ocr_stray_mark("&"));
    CHECK(!ocr_stray_mark(".5"));
    CHECK(!ocr_stray_mark(""));
}

int main(void)
{
    RUN(numbers_read_with_letters_become_numbers);
    RUN(separators_of_amounts_set_right);
    RUN(words_stay_words);
    RUN(capitals_and_ifsc);
    RUN(bank_codes_read_with_digits_for_letters);
    RUN(exclamation_marks_are_letters);
    RUN(rules_and_stamp_edges_come_off_words);
    RUN(specks_before_a_word_or_after_a_slash_come_off);
    RUN(accents_and_signs_read_for_letters);
    RUN(narrations_set_right_once_their_lines_are_joined);
    RUN(a_thin_i_read_twice_as_i_and_1);
    RUN(codes_split_at_a_narrow_one);
    RUN(a_labels_value_split_at_a_narrow_one);
    RUN(letters_either_side_of_a_close_gap_are_two_words);
    RUN(a_date_out_of_the_statements_order_is_mended_or_doubted);
    RUN(a_value_date_not_read_where_the_statement_prints_one);
    RUN(dates_newest_first_and_value_dates_far_off);
    RUN(long_words_are_cut_not_overrun);
    RUN(digit_variants);
    RUN(chain_corrects_a_misread_amount);
    RUN(chain_corrects_a_misread_balance);
    RUN(chain_corrects_a_lost_decimal_point);
    RUN(chain_corrects_an_extra_digit);
    RUN(chain_never_guesses);
    RUN(chain_flips_a_direction_only_when_not_printed);
    RUN(dates_with_separators_lost_or_misread);
    RUN(a_mark_before_a_date_is_passed_over);
    RUN(a_dates_month_name_between_separators_read_unlike);
    RUN(vpas_get_their_at_back);
    RUN(vpa_halves_read_with_the_other_halfs_characters);
    RUN(codes_read_with_spaces_are_one_word);
    RUN(a_capital_i_read_as_l_at_a_words_start);
    RUN(long_dashes_inside_words_are_hyphens);
    RUN(hyphens_read_as_other_marks);
    RUN(an_account_abbreviations_slash_read_as_a_letter);
    RUN(a_speck_inside_an_ifsc_goes);
    RUN(a_bracket_beside_capitals_is_a_j);
    RUN(a_space_lost_between_lower_case_and_capitals);
    RUN(a_utr_read_with_an_o_for_its_zero);
    RUN(marks_never_printed_alone);
    return check_summary();
}
