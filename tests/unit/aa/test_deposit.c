/* DEPOSIT FI documents into the statement model: XML 1.1 / 1.2 / 2.0.0
 * (default namespace and prefixed), the JSON forms AAs deliver, dates in
 * IST, amounts in paise, and hostile input. */
#include <stdlib.h>

#include "aa/deposit.h"
#include "check.h"

static const char XML_V12[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Account xmlns=\"http://api.rebit.org.in/FISchema/deposit\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" linkedAccRef=\"ref-1\" "
    "maskedAccNumber=\"XXXXXXXX4020\" version=\"1.2\" type=\"deposit\">"
    "<Profile><Holders type=\"JOINT\"><Holder name=\"ASHA VERMA\" dob=\"1990-01-02\" mobile=\"9876543210\" "
    "nominee=\"REGISTERED\" address=\"12 MG Road, Pune\" email=\"asha@example.in\" pan=\"ABCDE1234F\" "
    "ckycCompliance=\"true\"/><Holder name=\"RAVI VERMA\"/></Holders></Profile>"
    "<Summary currentBalance=\"1,01,500.50\" currency=\"INR\" exchgeRate=\"\" balanceDateTime=\"2026-06-30T10:00:00+05:30\" "
    "type=\"SAVINGS\" branch=\"Pune Camp\" facility=\"OD\" ifscCode=\"HDFC0001234\" micrCode=\"411240002\" "
    "openingDate=\"2015-04-01\" currentODLimit=\"50000\" drawingLimit=\"0\" status=\"ACTIVE\">"
    "<Pending transactionType=\"DEBIT\" amount=\"10\"/></Summary>"
    "<Transactions startDate=\"2026-06-01\" endDate=\"2026-06-30\">"
    /* newest first, as some FIPs send them */
    "<Transaction txnId=\"t3\" type=\"DEBIT\" mode=\"UPI\" amount=\"500.5\" currentBalance=\"101500.50\" "
    "transactionTimestamp=\"2026-06-30T20:00:00.000+0000\" valueDate=\"2026-06-30\" "
    "narration=\"UPI/123/ZOMATO  LTD/paytm \" reference=\"\"/>"
    "<Transaction txnId=\"t2\" type=\"CREDIT\" mode=\"FT\" amount=\"50000\" currentBalance=\"102001.00\" "
    "transactionTimestamp=\"2026-06-15T00:00:00+05:30\" valueDate=\"2026-06-15\" narration=\"NEFT-SALARY &amp; BONUS\" reference=\"R2\"/>"
    "<Transaction txnId=\"t1\" type=\"DEBIT\" mode=\"ATM\" amount=\"1999.00\" currentBalance=\"52001\" "
    "transactionTimestamp=\"2026-06-01T09:15:00Z\" valueDate=\"2026-06-01\" narration=\"ATW-532676XXXXXX3613\" reference=\"\"/>"
    "</Transactions></Account>";

TEST(xml_v12)
{
    struct fi_account a;
    char why[200];
    CHECK_INT(fi_parse(XML_V12, strlen(XML_V12), &a, why, sizeof why), 0);
    CHECK_INT(a.st.source, SOURCE_AA);
    CHECK_STR(a.st.bank, "hdfc");
    CHECK_STR(a.st.id.account_number, "XXXXXXXX4020");
    CHECK_STR(a.st.id.name, "ASHA VERMA");
    CHECK_STR(a.st.id.address, "12 MG Road, Pune");
    CHECK_STR(a.st.id.phone, "9876543210");
    CHECK_STR(a.st.id.pan, "ABCDE1234F");
    CHECK_STR(a.st.id.ifsc, "HDFC0001234");
    CHECK_STR(a.st.id.micr, "411240002");
    CHECK_STR(a.st.id.account_type, "SAVINGS");
    CHECK_INT(a.st.id.od_limit, 5000000);
    CHECK_STR(a.holders_type, "JOINT");
    CHECK_STR(a.version, "1.2");
    CHECK_INT(a.current_balance, 10150050);
    CHECK_INT(a.st.ntxns, 3);
    pb_day d;
    /* oldest first; 20:00 UTC on 30 June is 1 July in IST */
    date_from_ymd(2026, 6, 1, &d);
    CHECK_INT(a.st.txns[0].date, d);
    CHECK_INT(a.st.txns[0].type, TXN_DEBIT);
    CHECK_INT(a.st.txns[0].amount, 199900);
    CHECK_INT(a.st.txns[0].balance, 5200100);
    CHECK_STR(a.st.txns[0].note, "ATW-532676XXXXXX3613");
    date_from_ymd(2026, 6, 15, &d);
    CHECK_INT(a.st.txns[1].date, d);
    CHECK_STR(a.st.txns[1].note, "NEFT-SALARY & BONUS");
    date_from_ymd(2026, 7, 1, &d);
    CHECK_INT(a.st.txns[2].date, d);
    date_from_ymd(2026, 6, 30, &d);
    CHECK_INT(a.st.txns[2].value_date, d);
    CHECK_STR(a.st.txns[2].note, "UPI/123/ZOMATO  LTD/paytm "); /* verbatim */
    CHECK_INT(a.st.txns[2].amount, 50050);
    CHECK(a.st.has_opening && a.st.opening_balance == 5400000);
    CHECK(a.st.has_closing && a.st.closing_balance == 10150050);
    CHECK(a.st.balances_ok && a.st.totals_ok);
    date_from_ymd(2026, 6, 1, &d);
    CHECK_INT(a.st.from_date, d);
    date_from_ymd(2026, 7, 1, &d);
    CHECK_INT(a.st.to_date, d);
    fi_account_free(&a);
}

TEST(xml_v2_prefixed_and_v11)
{
    const char *v2 =
        "<fi:Account xmlns:fi=\"http://api.rebit.org.in/FISchema/deposit\" linkedAccRef=\"r\" "
        "maskedAccNumber=\"XXXX7788\" type=\"deposit\" version=\"2.0.0\">"
        "<fi:Profile><fi:Holders type=\"SINGLE\"><fi:Holder name=\"K S\"/></fi:Holders></fi:Profile>"
        "<fi:Summary accountSubType=\"CURRENT\" accountType=\"INDIVIDUAL\" currentBalance=\"42000.25\" "
        "ifscCode=\"SBIN0000454\" status=\"ACTIVE\"/>"
        "<fi:Transactions startDate=\"2026-07-01\" endDate=\"2026-08-03\">"
        "<fi:Transaction amount=\"100.00\" mode=\"UPI\" narration=\"x\" transactionalBalance=\"42000.25\" "
        "transactionTimestamp=\"2026-08-03T09:00:00+05:30\" txnId=\"\" type=\"CREDIT\" valueDate=\"2026-08-03\"/>"
        "</fi:Transactions></fi:Account>";
    struct fi_account a;
    char why[200];
    CHECK_INT(fi_parse(v2, strlen(v2), &a, why, sizeof why), 0);
    CHECK_STR(a.st.bank, "sbi");
    CHECK_STR(a.st.id.account_type, "CURRENT");
    CHECK_STR(a.st.id.name, "K S");
    CHECK_INT(a.st.ntxns, 1);
    CHECK(a.st.txns[0].has_balance && a.st.txns[0].balance == 4200025);
    fi_account_free(&a);
    /* an element of another namespace is not ours, whatever its name */
    const char *foreign =
        "<Account xmlns=\"http://api.rebit.org.in/FISchema/deposit\" maskedAccNumber=\"X1\" type=\"deposit\">"
        "<Transactions xmlns=\"urn:other\"><Transaction type=\"CREDIT\" amount=\"1\" "
        "transactionTimestamp=\"2026-01-01\"/></Transactions></Account>";
    CHECK_INT(fi_parse(foreign, strlen(foreign), &a, why, sizeof why), 0);
    CHECK_INT(a.st.ntxns, 0);
    fi_account_free(&a);
    const char *td = "<Account xmlns=\"http://api.rebit.org.in/FISchema/term_deposit\" type=\"term_deposit\"/>";
    CHECK_INT(fi_parse(td, strlen(td), &a, why, sizeof why), -1);
}

TEST(json_forms)
{
    /* Finvu-style: capitalised, Holder an object, amount a number, balance a string */
    const char *finvu =
        "{\"Transactions\":{\"Transaction\":[{\"type\":\"DEBIT\",\"mode\":\"ATM\",\"amount\":6036,"
        "\"currentBalance\":\"322644.09\",\"transactionTimestamp\":\"2019-07-08T00:00:00.000+0000\","
        "\"valueDate\":\"2019-07-08T00:00:00.000+0000\",\"txnId\":\"a\",\"narration\":\"ATW-1\"},"
        "{\"type\":\"CREDIT\",\"amount\":10500.1,\"currentBalance\":\"332644.19\","
        "\"transactionTimestamp\":\"2019-07-12T00:00:00.000+0000\",\"narration\":\"INT\"}],"
        "\"startDate\":\"2019-07-01\",\"endDate\":\"2019-07-31\"},\"type\":\"DEPOSIT\","
        "\"maskedAccNumber\":\"BOB6857423\",\"linkedAccRef\":\"REF\",\"version\":\"1.1\","
        "\"Summary\":{\"type\":\"SAVINGS\",\"ifscCode\":\"BARB0KIMXXX\",\"currentBalance\":\"175614.64\"},"
        "\"Profile\":{\"Holders\":{\"type\":\"JOINT\",\"Holder\":{\"name\":\"Customer Name\",\"mobile\":\"9834795713\"}}}}";
    struct fi_account a;
    char why[200];
    CHECK_INT(fi_parse(finvu, strlen(finvu), &a, why, sizeof why), 0);
    CHECK_INT(a.st.ntxns, 2);
    CHECK_INT(a.st.txns[0].amount, 603600);
    CHECK_INT(a.st.txns[1].amount, 1050010);
    CHECK_INT(a.st.txns[1].balance, 33264419);
    CHECK_STR(a.st.id.name, "Customer Name");
    CHECK_STR(a.st.bank, "baroda");
    pb_day d;
    date_from_ymd(2019, 7, 8, &d);
    CHECK_INT(a.st.txns[0].date, d);
    CHECK_INT(a.st.txns[0].value_date, d);
    fi_account_free(&a);
    /* Setu-style: {"account": {...}} lower-case, strings everywhere, Holder an array */
    const char *setu =
        "{\"account\":{\"type\":\"deposit\",\"maskedAccNumber\":\"XXXX1111\",\"profile\":{\"holders\":"
        "{\"holder\":[{\"name\":\"A B\"}]}},\"summary\":{\"ifscCode\":\"ICIC0000001\"},\"transactions\":"
        "{\"transaction\":[{\"type\":\"CREDIT\",\"amount\":\"25.00\",\"currentBalance\":\"25.00\","
        "\"transactionTimestamp\":\"2026-01-31T23:59:00+05:30\",\"narration\":\"a\"}]}}}";
    CHECK_INT(fi_parse(setu, strlen(setu), &a, why, sizeof why), 0);
    CHECK_STR(a.st.id.name, "A B");
    CHECK_INT(a.st.ntxns, 1);
    date_from_ymd(2026, 1, 31, &d);
    CHECK_INT(a.st.txns[0].date, d);
    fi_account_free(&a);
    /* Sahamati sample style: array, typos, space-separated timestamps, numeric txnID, one row as object */
    const char *sah =
        "[{\"Profile\":{\"Holders\":{\"Holder\":[{\"name\":\"S\",\"ckycConpliance\":true}]}},"
        "\"Summary\":{\"balanceDataTime\":\"2024-01-01 10:00:00\",\"currentBalance\":100},"
        "\"Transactions\":{\"endData\":\"2024-01-31\",\"Transaction\":{\"txnID\":42,\"type\":\"CREDIT\","
        "\"amount\":100,\"currentBalance\":100,\"transactionTimestamp\":\"2024-01-02 10:00:00\"}}}]";
    CHECK_INT(fi_parse(sah, strlen(sah), &a, why, sizeof why), 0);
    CHECK_INT(a.st.ntxns, 1);
    date_from_ymd(2024, 1, 31, &d);
    CHECK_INT(a.st.to_date, d);
    fi_account_free(&a);
}

TEST(dates_and_amounts)
{
    pb_day d, want;
    int64_t ms;
    CHECK(fi_instant("2026-03-31T18:30:00Z", &d, &ms));
    date_from_ymd(2026, 4, 1, &want);
    CHECK_INT(d, want); /* 00:00 IST */
    CHECK(fi_instant("2026-03-31T18:29:59.999Z", &d, &ms));
    date_from_ymd(2026, 3, 31, &want);
    CHECK_INT(d, want);
    CHECK(fi_instant("2026-03-31T23:00:00-0500", &d, &ms));
    date_from_ymd(2026, 4, 1, &want);
    CHECK_INT(d, want);
    CHECK(fi_instant("2026-03-31", &d, &ms));
    date_from_ymd(2026, 3, 31, &want);
    CHECK_INT(d, want);
    CHECK(fi_instant("2026-03-31 23:59", &d, &ms)); /* no zone: IST */
    CHECK_INT(d, want);
    CHECK(!fi_instant("2026-02-30T10:00:00Z", &d, &ms));
    CHECK(!fi_instant("31/03/2026", &d, &ms));
    CHECK(!fi_instant("2026-03-31T25:00:00Z", &d, &ms));
    CHECK(!fi_instant("2026-03-31T10:00:00+99:00", &d, &ms));
    pb_paise p;
    CHECK(fi_amount("100.000", &p) && p == 10000);
    CHECK(fi_amount("1,23,456.7", &p) && p == 12345670);
    CHECK(!fi_amount("100.001", &p));
    CHECK(!fi_amount("abc", &p));
    CHECK(!fi_amount("", &p));
}

TEST(bad_documents)
{
    struct fi_account a;
    char why[200];
    const char *cases[] = {
        "",
        "not a document",
        "<Account",
        "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><Account xmlns=\"http://api.rebit.org.in/FISchema/deposit\"/>",
        "<Account xmlns=\"http://api.rebit.org.in/FISchema/deposit\"><Transactions><Transaction type=\"CREDIT\" "
        "amount=\"ten\" transactionTimestamp=\"2026-01-01\"/></Transactions></Account>",
        "<Account xmlns=\"http://api.rebit.org.in/FISchema/deposit\"><Transactions><Transaction type=\"SIDEWAYS\" "
        "amount=\"10\" transactionTimestamp=\"2026-01-01\"/></Transactions></Account>",
        "<Account xmlns=\"http://api.rebit.org.in/FISchema/deposit\"><Transactions><Transaction type=\"CREDIT\" "
        "amount=\"10\" transactionTimestamp=\"yesterday\"/></Transactions></Account>",
        "{\"account\":{\"transactions\":{\"transaction\":[{\"type\":\"DEBIT\",\"amount\":null,"
        "\"transactionTimestamp\":\"2026-01-01\"}]}}}",
        "{\"account\":{\"transactions\":{\"transaction\":\"x\"}}}",
        "{\"other\":1}",
        "[1,2,3]",
        "{\"account\":{\"type\":\"TERM_DEPOSIT\",\"summary\":{}}}",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int rc = fi_parse(cases[i], strlen(cases[i]), &a, why, sizeof why);
        if (rc != -1)
            fprintf(stderr, "  case %zu parsed\n", i);
        CHECK_INT(rc, -1);
        CHECK(why[0]);
    }
    /* an empty account is a valid document with no rows */
    const char *empty = "<Account xmlns=\"http://api.rebit.org.in/FISchema/deposit\" maskedAccNumber=\"XX99\" "
                        "type=\"deposit\" version=\"1.1\"><Transactions startDate=\"2026-01-01\" endDate=\"2026-01-31\"/></Account>";
    CHECK_INT(fi_parse(empty, strlen(empty), &a, why, sizeof why), 0);
    CHECK_INT(a.st.ntxns, 0);
    CHECK_STR(a.st.id.account_number, "XX99");
    fi_account_free(&a);
}

int main(void)
{
    RUN(xml_v12);
    RUN(xml_v2_prefixed_and_v11);
    RUN(json_forms);
    RUN(dates_and_amounts);
    RUN(bad_documents);
    return check_summary();
}
