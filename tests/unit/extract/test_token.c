#include "check.h"
#include "extract/token.h"

static pb_day D(int y, int m, int d)
{
    pb_day x = PB_NO_DAY;
    date_from_ymd(y, m, d, &x);
    return x;
}

static bool date_is(const char *s, pb_day want)
{
    pb_day got = PB_NO_DAY;
    return token_parse_date(s, strlen(s), &got) && got == want;
}

static bool not_date(const char *s)
{
    pb_day got;
    return !token_parse_date(s, strlen(s), &got);
}

TEST(dates_in_bank_formats)
{
    pb_day d = D(2024, 3, 5);
    CHECK(date_is("05/03/24", d));       /* HDFC */
    CHECK(date_is("05/03/2024", d));     /* ICICI */
    CHECK(date_is("05-03-2024", d));     /* Axis */
    CHECK(date_is("05.03.2024", d));
    CHECK(date_is("05-Mar-2024", d));
    CHECK(date_is("05-Mar-24", d));      /* Kotak */
    CHECK(date_is("5 Mar 2024", d));     /* SBI */
    CHECK(date_is("05 Mar 2024", d));
    CHECK(date_is("05 MAR 2024", d));
    CHECK(date_is("05/Mar/2024", d));
    CHECK(date_is("05Mar2024", d));
    CHECK(date_is("Mar 05, 2024", d));
    CHECK(date_is("2024-03-05", d));
    CHECK(date_is("5/3/2024", d));
    CHECK(date_is("05 March 2024", d));
    CHECK(date_is(" 05/03/2024 ", d));
}

TEST(impossible_and_non_dates_rejected)
{
    CHECK(not_date("31/02/2024"));
    CHECK(not_date("29/02/2023"));
    CHECK(date_is("29/02/2024", D(2024, 2, 29)));
    CHECK(not_date("13/13/2024"));
    CHECK(not_date("1,234.56"));
    CHECK(not_date("05/03/2024 extra"));
    CHECK(not_date("05-Foo-2024"));
    CHECK(not_date("123456789012"));
    CHECK(not_date(""));
    CHECK(not_date("05/03/1899"));
}

TEST(dates_found_inside_text)
{
    const char *s = "Statement From : 01/04/2023 To : 30/06/2023";
    pb_day a, b;
    size_t e1, e2;
    CHECK(token_find_date(s, strlen(s), 0, &a, &e1));
    CHECK(token_find_date(s, strlen(s), e1, &b, &e2));
    CHECK_INT(a, D(2023, 4, 1));
    CHECK_INT(b, D(2023, 6, 30));
    const char *sbi = "Account Statement from 1 Apr 2023 to 30 Jun 2023";
    CHECK(token_find_date(sbi, strlen(sbi), 0, &a, &e1));
    CHECK_INT(a, D(2023, 4, 1));
}

static bool amount_is(const char *s, pb_paise want, int want_mark)
{
    pb_paise v = 0;
    int mark = 9;
    return token_parse_amount(s, strlen(s), &v, &mark) && v == want && mark == want_mark;
}

TEST(amounts_indian_grouping_and_decimals)
{
    CHECK(amount_is("1,23,456.78", 12345678, 0));
    CHECK(amount_is("12,34,56,789.00", 123456789 * 100LL, 0));
    CHECK(amount_is("1,234,567.89", 123456789, 0));
    CHECK(amount_is("500", 50000, 0));
    CHECK(amount_is("500.5", 50050, 0));
    CHECK(amount_is("0.05", 5, 0));
    CHECK(amount_is("-1,200.00", -120000, 0));
    CHECK(amount_is("INR 1,200.00", 120000, 0));
}

TEST(amounts_with_dr_cr_markers)
{
    CHECK(amount_is("1,234.00 Dr", 123400, -1));
    CHECK(amount_is("1,234.00 CR", 123400, 1));
    CHECK(amount_is("1,234.00(Dr)", 123400, -1));
    CHECK(amount_is("1,234.00 Dr.", 123400, -1));
    CHECK(amount_is("Cr 50.00", 5000, 1));
    CHECK_INT(token_drcr("DR", 2), -1);
    CHECK_INT(token_drcr("(Cr)", 4), 1);
    CHECK_INT(token_drcr("Credit", 6), 1);
    CHECK_INT(token_drcr("Dear", 4), 0);
}

/* Whole rupees as receipts and co-operative ledgers write them: "1,500/-" */
TEST(amounts_with_whole_rupee_mark)
{
    CHECK(amount_is("1,500/-", 150000, 0));
    CHECK(amount_is("24,000/-", 2400000, 0));
    CHECK(amount_is("1,00,000.00/-", 10000000, 0));
    CHECK(amount_is("Rs. 500/-", 50000, 0));
    CHECK(amount_is("1,500/- Dr", 150000, -1));
    pb_paise v;
    int m;
    CHECK(!token_parse_amount("/-", 2, &v, &m));
    CHECK(!token_parse_amount("12/-3", 5, &v, &m));
    CHECK(!token_parse_amount("07/12/-", 7, &v, &m));
}

TEST(non_amounts_rejected)
{
    pb_paise v;
    int m;
    CHECK(!token_parse_amount("-", 1, &v, &m));
    CHECK(!token_parse_amount("", 0, &v, &m));
    CHECK(!token_parse_amount("05/03/2024", 10, &v, &m));
    CHECK(!token_parse_amount("12,34,5.00", 10, &v, &m));
    CHECK(!token_parse_amount("ATM", 3, &v, &m));
    CHECK(!token_parse_amount("1.234", 5, &v, &m));
    CHECK(!token_parse_amount("Dr", 2, &v, &m));
}

TEST(squash_whitespace)
{
    char s[] = "  UPI-ABC   PAYMENT \t FROM  ";
    CHECK_INT(token_squash(s), 20);
    CHECK_STR(s, "UPI-ABC PAYMENT FROM");
}

TEST(dates_with_times_and_month_names)
{
    pb_day d = D(2025, 6, 30);
    CHECK(date_is("June30, 2025", d));      /* Bandhan */
    CHECK(date_is("Jun 30,2025", d));
    CHECK(date_is("30/06/2025 10:22:31", d));
    CHECK(date_is("30-06-2025 10:22 AM", d));
    CHECK(date_is("2025-06-30T10:22:31+05:30", d)); /* account-aggregator timestamps */
    CHECK(date_is("2025-06-30 10:22:31.123", d));
    CHECK(date_is("30 Jun 2025 10:22 IST", d));
    CHECK(not_date("30/06/2025 25:00"));
    CHECK(not_date("30/06/2025 10:22 later"));
}

TEST(month_first_when_the_document_prints_it)
{
    CHECK(date_is("05/03/2024", D(2024, 3, 5)));
    CHECK(!token_set_month_first(true));
    CHECK(date_is("05/03/2024", D(2024, 5, 3)));
    CHECK(date_is("12/31/2024", D(2024, 12, 31)));
    CHECK(date_is("08-31-24", D(2024, 8, 31)));
    CHECK(not_date("31/12/2024"));
    CHECK(date_is("05 Mar 2024", D(2024, 3, 5))); /* a month's name says which is which */
    CHECK(date_is("2024-03-05", D(2024, 3, 5)));
    CHECK(token_set_month_first(false));
    CHECK(date_is("05/03/2024", D(2024, 3, 5)));
}

TEST(ordinal_and_weekday_dates)
{
    CHECK(date_is("7th Dec 2026", D(2026, 12, 7)));
    CHECK(date_is("1st January 2027", D(2027, 1, 1)));
    CHECK(date_is("22nd Mar 2024", D(2024, 3, 22)));
    CHECK(date_is("3rd March, 2024", D(2024, 3, 3)));
    CHECK(date_is("11th Mar 2024", D(2024, 3, 11)));
    CHECK(date_is("Mon, 07 Dec 2026", D(2026, 12, 7)));
    CHECK(date_is("Monday, 07 Dec 2026", D(2026, 12, 7)));
    CHECK(date_is("Wed 01/05/2024", D(2024, 5, 1)));
    CHECK(not_date("1th Dec 2026"));  /* a suffix that is not the day's */
    CHECK(not_date("Mon,07 Dec 2026 x"));
    CHECK(not_date("Moon, 07 Dec 2026"));
}

static bool day_month_is(const char *s, int m, int d)
{
    int gm = 0, gd = 0;
    return token_parse_day_month(s, strlen(s), &gm, &gd) && gm == m && gd == d;
}

TEST(dates_without_a_year)
{
    CHECK(day_month_is("05/03", 3, 5));
    CHECK(day_month_is("05-03", 3, 5));
    CHECK(day_month_is("5 Mar", 3, 5));
    CHECK(day_month_is("05-MAR", 3, 5));
    CHECK(day_month_is("05Mar", 3, 5));
    CHECK(day_month_is("Mar 05", 3, 5));
    CHECK(day_month_is("29/02", 2, 29)); /* a day of leap years */
    CHECK(day_month_is("05/03 14:02", 3, 5));
    CHECK(day_month_is("05.03.", 3, 5)); /* the closing dot: not an amount */
    int m, d;
    CHECK(!token_parse_day_month("31/02", 5, &m, &d));
    CHECK(!token_parse_day_month("13/13", 5, &m, &d));
    CHECK(!token_parse_day_month("12.50", 5, &m, &d)); /* an amount, not a date */
    CHECK(!token_parse_day_month("05.03", 5, &m, &d));  /* an amount as much as a date: the column decides */
    CHECK(!token_parse_day_month("05.13.", 6, &m, &d));
    CHECK(!token_parse_day_month("05/03/2024", 10, &m, &d));
    CHECK(!token_parse_day_month("UPI", 3, &m, &d));
}

TEST(signed_amounts_and_currencies)
{
    /* a sign standing alone before the amount ("Opening Balance : \u20b9 1,234.00") */
    CHECK(token_is_currency_sign("\xe2\x82\xb9", 3));
    CHECK(token_is_currency_sign("INR", 3));
    CHECK(token_is_currency_sign("Rs.", 3));
    CHECK(token_is_currency_sign("\xc2\x80", 2)); /* its glyph mapped to nothing */
    CHECK(!token_is_currency_sign("1,234.00", 8));
    CHECK(!token_is_currency_sign("Dr", 2));
    CHECK(amount_is("\xe2\x82\xb9 -1,234.00", -123400, 0));
    CHECK(amount_is("-\xe2\x82\xb9" "1,234.00", -123400, 0));
    CHECK(amount_is("-Rs.1,234.00", -123400, 0));
    CHECK(amount_is("1,234.00-", -123400, 0));  /* ledger reports */
    CHECK(amount_is("1,234.00 -", -123400, 0)); /* a "+/-" column read with the amount */
    CHECK(amount_is("1,234.00  +", 123400, 1));
    CHECK(amount_is("(-) 1,234.00", -123400, 0));
    CHECK(amount_is("1,234.00 (+)", 123400, 1));
    CHECK(amount_is("+1,234.00", 123400, 1));   /* an explicit plus: a credit */
    CHECK(amount_is("1,234.00 INR", 123400, 0));
    CHECK(amount_is("INR34,279.01", 3427901, 0));
    CHECK(amount_is("1,234.00 Dr INR", 123400, -1));
    CHECK(amount_is("1,234.00CR", 123400, 1));
}

TEST(typeset_minus_signs)
{
    /* a minus set as U+2212 (or a figure/en dash, a small or fullwidth hyphen-minus) is a minus */
    CHECK(amount_is("\xe2\x88\x92" "5,829.04", -582904, 0));
    CHECK(amount_is("\xe2\x88\x92\xe2\x82\xb9" "1,234.00", -123400, 0));
    CHECK(amount_is("1,234.00\xe2\x88\x92", -123400, 0));
    CHECK(amount_is("\xe2\x80\x93" "12.50", -1250, 0));
    CHECK(amount_is("\xef\xbc\x8d" "12.50", -1250, 0));
    CHECK(amount_is("\xe2\x82\xb9" "1,234.00", 123400, 0)); /* the rupee sign is no minus */
}

int main(void)
{
    RUN(dates_in_bank_formats);
    RUN(impossible_and_non_dates_rejected);
    RUN(dates_found_inside_text);
    RUN(amounts_indian_grouping_and_decimals);
    RUN(amounts_with_dr_cr_markers);
    RUN(amounts_with_whole_rupee_mark);
    RUN(non_amounts_rejected);
    RUN(squash_whitespace);
    RUN(dates_with_times_and_month_names);
    RUN(ordinal_and_weekday_dates);
    RUN(month_first_when_the_document_prints_it);
    RUN(dates_without_a_year);
    RUN(signed_amounts_and_currencies);
    RUN(typeset_minus_signs);
    return check_summary();
}
