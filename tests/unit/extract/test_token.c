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

int main(void)
{
    RUN(dates_in_bank_formats);
    RUN(impossible_and_non_dates_rejected);
    RUN(dates_found_inside_text);
    RUN(amounts_indian_grouping_and_decimals);
    RUN(amounts_with_dr_cr_markers);
    RUN(non_amounts_rejected);
    RUN(squash_whitespace);
    return check_summary();
}
