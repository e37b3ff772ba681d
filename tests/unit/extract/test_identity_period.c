/* The statement period: its ends printed apart under their own labels
 * (an end without its label is none: the rows' dates then), and the year it
 * gives dates printed without one. Cases: identity_case.h. */
#include "identity_case.h"

TEST(period_whose_ends_are_printed_apart)
{
    static const struct {
        const char *what, *head;
        int from[3], to[3];
    } CASES[] = {
        {"From : and To : on lines of their own, after a gap",
         "Account No. : 303909545333\nFrom      : 01/04/2024\n\nTo        : 30/04/2024\n", {2024, 4, 1}, {2024, 4, 30}},
        {"From Date / To Date", "Account No. : 303909545333\nFrom Date : 01-Apr-2024\nTo Date : 30-Apr-2024\n",
         {2024, 4, 1}, {2024, 4, 30}},
        {"Start Date and End Date on one line",
         "Account No. : 303909545333\nStart Date: 01/04/2024     End Date: 30/04/2024\n", {2024, 4, 1}, {2024, 4, 30}},
        {"an end without its label word (Valid till ...) is none: the first and last rows' dates",
         "Account No. : 303909545333\nFrom : 01/04/2024\nValid till 30/06/2024\n", {2024, 4, 2}, {2024, 4, 4}},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        int before = check_cur_failed;
        check_cur_failed = 0;
        struct statement st;
        CHECK_INT(read_head(CASES[i].head, &st), 0);
        CHECK_INT(st.from_date, ymd(CASES[i].from[0], CASES[i].from[1], CASES[i].from[2]));
        CHECK_INT(st.to_date, ymd(CASES[i].to[0], CASES[i].to[1], CASES[i].to[2]));
        statement_free(&st);
        if (check_cur_failed)
            fprintf(stderr, "  case: %s\n", CASES[i].what);
        check_cur_failed |= before;
    }
}

TEST(period_gives_yearless_dates_their_year)
{
    /* "From 01-04-2024 To 31-03-2025", rows printed "15 Dec", "02 Jan" */
    const char *doc =
        "Canara Bank\n"
        "Account No : 1234101056789\n"
        "Statement of account From 01-04-2024 To 31-03-2025\n"
        "\n"
        "Date       Particulars                                  Debit        Credit       Balance\n"
        "15 Dec     SALARY DEC                                                5,000.00     15,000.00\n"
        "02 Jan     ATM WDL                                       500.00                   14,500.00\n"
        "10 Mar     ATM WDL                                       500.00                   14,000.00\n";
    struct statement st;
    CHECK_INT(read_with(doc, "", NULL, &st), 0);
    CHECK_INT(st.from_date, ymd(2024, 4, 1));
    CHECK_INT(st.to_date, ymd(2025, 3, 31));
    CHECK_INT(st.ntxns, 3);
    if (st.ntxns == 3) {
        CHECK_INT(st.txns[0].date, ymd(2024, 12, 15));
        CHECK_INT(st.txns[1].date, ymd(2025, 1, 2));
        CHECK_INT(st.txns[2].date, ymd(2025, 3, 10));
    }
    statement_free(&st);
}

/* Monthly statements of one account bound into one PDF, each under its own
 * period line: the statement's period runs from the first's start to the
 * last's end. A period repeated on every page changes nothing. */
TEST(periods_of_bound_monthly_statements_join)
{
    const char *doc =
        "YES BANK\n"
        "Account Number : 303909545333\n"
        "Statement Period : 01/04/2024 to 30/04/2024\n"
        "\n"
        "Date         Particulars                               Debit        Credit       Balance\n"
        "             Opening Balance                                                   10,000.00\n"
        "02/04/2024   ATM WDL                                     500.00                  9,500.00\n"
        "             Closing Balance                                                    9,500.00\n"
        "\f"
        "YES BANK\n"
        "Account Number : 303909545333\n"
        "Statement Period : 01/05/2024 to 31/05/2024\n"
        "\n"
        "Date         Particulars                               Debit        Credit       Balance\n"
        "             Opening Balance                                                    9,500.00\n"
        "03/05/2024   SALARY MAY                                             5,000.00    14,500.00\n"
        "             Closing Balance                                                   14,500.00\n"
        "\f"
        "YES BANK\n"
        "Statement Period : 01/05/2024 to 31/05/2024\n"
        "\n"
        "Date         Particulars                               Debit        Credit       Balance\n"
        "20/05/2024   ATM WDL                                     500.00                 14,000.00\n";
    struct statement st;
    CHECK_INT(read_with(doc, "", NULL, &st), 0);
    CHECK_INT(st.from_date, ymd(2024, 4, 1));
    CHECK_INT(st.to_date, ymd(2024, 5, 31));
    CHECK_INT(st.ntxns, 3);
    statement_free(&st);
}

int main(void)
{
    RUN(period_whose_ends_are_printed_apart);
    RUN(period_gives_yearless_dates_their_year);
    RUN(periods_of_bound_monthly_statements_join);
    return check_summary();
}
