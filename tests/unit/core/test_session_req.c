#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/session_req.h"

#define ALL_MODES (MODE_PDF | MODE_AA | MODE_ONLINE)

static pb_day TODAY; /* 27/11/2026, set in main */

static pb_day day(const char *dmy)
{
    pb_day d = PB_NO_DAY;
    date_parse_dmy(dmy, &d);
    return d;
}

/* Parses json as a v`version` body; returns 0/-1 like session_req_parse.
 * The request is freed unless out is given. */
static int parse_full(const char *json, int version, int org_modes, struct session_req *out,
                      struct api_error *err)
{
    json_error_t jerr;
    json_t *body = json_loads(json, JSON_DECODE_ANY, &jerr);
    struct session_req tmp;
    struct session_req *r = out ? out : &tmp;
    if (!body) {
        fprintf(stderr, "  bad test JSON: %s\n", json);
        return -2;
    }
    int rc = session_req_parse(body, version, TODAY, org_modes, r, err);
    json_decref(body);
    if (!out && rc == 0)
        session_req_free(r);
    return rc;
}

/* True when body fails with code/status (and message, when non-NULL). */
static int fails(const char *json, int version, const char *code, int status, const char *msg)
{
    struct api_error err = {0};
    int rc = parse_full(json, version, ALL_MODES, NULL, &err);
    int ok = rc == -1 && err.code && strcmp(err.code, code) == 0 && err.status == status &&
             (!msg || strcmp(err.message, msg) == 0);
    if (!ok)
        fprintf(stderr, "  %s\n    got rc=%d %s %d \"%s\", want %s %d \"%s\"\n", json, rc,
                rc == -1 ? err.code : "-", err.status, rc == -1 ? err.message : "", code, status,
                msg ? msg : "*");
    return ok;
}

static int passes(const char *json, int version)
{
    struct api_error err = {0};
    int rc = parse_full(json, version, ALL_MODES, NULL, &err);
    if (rc != 0)
        fprintf(stderr, "  %s\n    got %s \"%s\"\n", json, err.code, err.message);
    return rc == 0;
}

#define V1(body) "{\"link_id\":\"u1\"," body "}"

TEST(minimal_request_gets_the_defaults)
{
    struct session_req r;
    struct api_error err;
    CHECK_INT(parse_full("{\"link_id\":\"user-1\"}", 1, ALL_MODES, &r, &err), 0);
    CHECK_STR(r.link_id, "user-1");
    CHECK(r.redirect_url == NULL && r.logo_url == NULL && r.bank == NULL);
    CHECK_INT(r.mode, 0);
    CHECK_INT(r.session_expiry_min, SESSION_EXPIRY_DEFAULT_MIN);
    CHECK(r.dates_defaulted);
    CHECK_INT(r.to_date, TODAY);
    CHECK_INT(r.from_date, day("27/05/2026"));
    CHECK_INT(r.max_from_date, PB_NO_DAY);
    CHECK_INT(r.max_to_date, PB_NO_DAY);
    CHECK(!r.accept_anything && !r.is_mobile_field_editable);
    /* May..Nov 2026: 27/11 is past the first week, so November counts */
    CHECK_INT(r.n_expected_months, 7);
    CHECK_INT(r.expected_months[0], 2026 * 12 + 4);
    CHECK_INT(r.expected_months[6], 2026 * 12 + 10);
    session_req_free(&r);
}

TEST(full_valid_v1_request)
{
    struct session_req r;
    struct api_error err;
    const char *json =
        "{\"link_id\":\"  cust 42  \",\"api_key\":\"k\",\"redirect_url\":\"https://lender.example.com/done?x=1\","
        "\"logo_url\":\"http://cdn.example.in/logo.png\",\"from_date\":\"01/01/2026\","
        "\"to_date\":\"31/10/2026\",\"bank_name\":\"Hdfc\",\"mode\":\"aa\","
        "\"mobile_number\":\"+91 98765-43210\",\"session_expiry\":120,"
        "\"journey_mode\":\"multi_banking\",\"accept_anything\":true,"
        "\"is_mobile_field_editable\":\"true\",\"aa_journey_mode\":\"only_recurring\","
        "\"aa_recurring_tenure_month_count\":12,\"aa_recurring_frequency_unit\":\"month\","
        "\"aa_recurring_frequency_value\":1,"
        "\"metadata\":{\"names\":[\"A Kumar\",\" \"],\"employer_names\":[\"Acme\"],\"x\":1},"
        "\"unknown_field\":[1,2,3]}";
    CHECK_INT(parse_full(json, 1, ALL_MODES, &r, &err), 0);
    CHECK_STR(r.link_id, "cust 42");
    CHECK_STR(r.redirect_url, "https://lender.example.com/done?x=1");
    CHECK_STR(r.logo_url, "http://cdn.example.in/logo.png");
    CHECK_STR(r.bank, "hdfc");
    CHECK_INT(r.mode, MODE_AA);
    CHECK_STR(r.mobile_number, "9876543210");
    CHECK_INT(r.session_expiry_min, 120);
    CHECK_STR(r.journey_mode, "multi_banking");
    CHECK(r.accept_anything && r.is_mobile_field_editable);
    CHECK_INT(r.from_date, day("01/01/2026"));
    CHECK_INT(r.to_date, day("31/10/2026"));
    CHECK(!r.dates_defaulted);
    CHECK_INT(r.n_expected_months, 10);
    CHECK_STR(r.aa_journey_mode, "only_recurring");
    CHECK_INT(r.aa_recurring_tenure_month_count, 12);
    CHECK_STR(r.aa_recurring_frequency_unit, "month");
    CHECK_INT(r.aa_recurring_frequency_value, 1);
    char *md = json_dumps(r.metadata, JSON_SORT_KEYS | JSON_COMPACT);
    CHECK_STR(md, "{\"employer_names\":[\"Acme\"],\"names\":[\"A Kumar\"]}");
    free(md);
    session_req_free(&r);
}

TEST(link_id_rules)
{
    CHECK(fails("{}", 1, "INVALID_REQUEST", 400, "link_id, This field is required."));
    CHECK(fails("{\"link_id\":null}", 1, "INVALID_REQUEST", 400,
                "link_id, This field may not be null."));
    CHECK(fails("{\"link_id\":\"   \"}", 1, "INVALID_REQUEST", 400,
                "link_id, This field may not be blank."));
    CHECK(fails("{\"link_id\":true}", 1, "INVALID_REQUEST", 400, "link_id, Not a valid string."));
    CHECK(fails("{\"link_id\":[\"a\"]}", 1, "INVALID_REQUEST", 400,
                "link_id, Not a valid string."));
    CHECK(fails("{\"link_id\":{\"a\":1}}", 1, "INVALID_REQUEST", 400,
                "link_id, Not a valid string."));
    /* numbers become text, as DRF's CharField does */
    struct session_req r;
    struct api_error err;
    CHECK_INT(parse_full("{\"link_id\":12345}", 1, ALL_MODES, &r, &err), 0);
    CHECK_STR(r.link_id, "12345");
    session_req_free(&r);
}

static char *with_link_id_of(size_t n, const char *unit)
{
    size_t ul = strlen(unit);
    char *s = malloc(n * ul + 32);
    strcpy(s, "{\"link_id\":\"");
    for (size_t i = 0; i < n; i++)
        strcat(s, unit);
    strcat(s, "\"}");
    return s;
}

TEST(link_id_length_boundary_counts_characters)
{
    char *ok = with_link_id_of(500, "a"), *bad = with_link_id_of(501, "a");
    char *ok_utf8 = with_link_id_of(500, "\xe0\xa4\x85"); /* 500 x Devanagari A = 1500 bytes */
    CHECK(passes(ok, 1));
    CHECK(fails(bad, 1, "INVALID_LENGTH", 400,
                "link_id, Ensure this field has no more than 500 characters."));
    CHECK(passes(ok_utf8, 1));
    free(ok);
    free(bad);
    free(ok_utf8);
}

TEST(body_must_be_an_object)
{
    CHECK(fails("[1,2]", 1, "INVALID_REQUEST", 400,
                "non_field_errors, Invalid data. Expected a dictionary, but got list."));
    CHECK(fails("\"x\"", 1, "INVALID_REQUEST", 400, NULL));
    CHECK(fails("null", 1, "INVALID_REQUEST", 400, NULL));
    CHECK(fails("42", 2, "INVALID_REQUEST", 400, NULL));
}

TEST(too_many_parameters)
{
    char buf[4096] = "{\"link_id\":\"u\"";
    for (int i = 0; i < 100; i++)
        sprintf(buf + strlen(buf), ",\"k%d\":1", i);
    strcat(buf, "}");
    CHECK(fails(buf, 1, "INVALID_PARAMETER_COUNT", 400, "Invalid number of parameters"));
}

TEST(redirect_and_logo_urls)
{
    CHECK(passes(V1("\"redirect_url\":\"http://localhost:3000/cb\""), 1));
    CHECK(passes(V1("\"redirect_url\":\"https://127.0.0.1/x\""), 1));
    CHECK(passes(V1("\"redirect_url\":\"https://[::1]:8443/x#y\""), 1));
    CHECK(passes(V1("\"redirect_url\":\"\""), 1)); /* blank = absent (iframe workflow) */
    CHECK(passes(V1("\"redirect_url\":null"), 1));
    CHECK(fails(V1("\"redirect_url\":\"ftp://example.com/x\""), 1, "INVALID_URL", 400,
                "redirect_url, Enter a valid URL."));
    CHECK(fails(V1("\"redirect_url\":\"javascript:alert(1)\""), 1, "INVALID_URL", 400, NULL));
    CHECK(fails(V1("\"redirect_url\":\"https://exa mple.com\""), 1, "INVALID_URL", 400, NULL));
    CHECK(fails(V1("\"redirect_url\":\"https://example\""), 1, "INVALID_URL", 400, NULL));
    CHECK(fails(V1("\"redirect_url\":\"https://example.com:99999/\""), 1, "INVALID_URL", 400,
                NULL));
    CHECK(fails(V1("\"redirect_url\":\"www.example.com\""), 1, "INVALID_URL", 400, NULL));
    CHECK(fails(V1("\"redirect_url\":5"), 1, "INVALID_URL", 400, NULL));
    CHECK(fails(V1("\"redirect_url\":[\"https://a.com\"]"), 1, "INVALID_REQUEST", 400,
                "redirect_url, Not a valid string."));
    CHECK(fails(V1("\"logo_url\":\"not a url\""), 1, "INVALID_URL", 400,
                "logo_url, Enter a valid URL."));
    CHECK(passes(V1("\"logo_url\":\"https://cdn.example.com/l.svg\""), 1));
}

TEST(redirect_url_length_boundary)
{
    char ok[400], bad[400], body[512];
    strcpy(ok, "https://example.com/"); /* 20 characters */
    memset(ok + 20, 'p', 180);
    ok[200] = '\0';
    strcpy(bad, ok);
    strcat(bad, "q");
    snprintf(body, sizeof body, "{\"link_id\":\"u\",\"redirect_url\":\"%s\"}", ok);
    CHECK(passes(body, 1));
    snprintf(body, sizeof body, "{\"link_id\":\"u\",\"redirect_url\":\"%s\"}", bad);
    CHECK(fails(body, 1, "INVALID_LENGTH", 400,
                "redirect_url, Ensure this field has no more than 200 characters."));
}

TEST(date_formats_and_calendar)
{
    const char *fmt = "Invalid 'from_date' or 'to_date' format. Use 'DD/MM/YYYY'.";
    CHECK(fails(V1("\"from_date\":\"31/02/2024\",\"to_date\":\"01/06/2024\""), 1,
                "INVALID_DATE_FORMAT", 400, fmt));
    CHECK(fails(V1("\"from_date\":\"2024-01-01\",\"to_date\":\"01/06/2024\""), 1,
                "INVALID_DATE_FORMAT", 400, fmt));
    CHECK(fails(V1("\"from_date\":\"1/1/2024\",\"to_date\":\"01/06/2024\""), 1,
                "INVALID_DATE_FORMAT", 400, fmt));
    CHECK(fails(V1("\"from_date\":\"01/01/2024\",\"to_date\":\"29/02/2023\""), 1,
                "INVALID_DATE_FORMAT", 400, fmt));
    CHECK(fails(V1("\"from_date\":20240101,\"to_date\":\"01/06/2024\""), 1,
                "INVALID_DATE_FORMAT", 400, fmt));
    CHECK(fails(V1("\"from_date\":[],\"to_date\":\"01/06/2024\""), 1, "INVALID_REQUEST", 400,
                "from_date, Not a valid string."));
    /* leap day is real in 2024 */
    CHECK(passes(V1("\"from_date\":\"29/02/2024\",\"to_date\":\"01/06/2024\""), 1));
    /* a malformed lone date reports its format, not the missing partner */
    CHECK(fails(V1("\"from_date\":\"32/01/2024\""), 1, "INVALID_DATE_FORMAT", 400, fmt));
}

TEST(date_presence_and_ranges)
{
    CHECK(fails(V1("\"from_date\":\"01/01/2026\""), 1, "MISSING_DATE_FIELD", 400,
                "from_date' and 'to_date' are required."));
    CHECK(fails(V1("\"to_date\":\"01/01/2026\""), 1, "MISSING_DATE_FIELD", 400, NULL));
    CHECK(fails(V1("\"from_date\":\"01/01/2026\",\"to_date\":null"), 1, "MISSING_DATE_FIELD",
                400, NULL));
    const char *range = "from_date' can't be greater or equal to 'to_date'.";
    CHECK(fails(V1("\"from_date\":\"01/06/2026\",\"to_date\":\"01/06/2026\""), 1,
                "INVALID_DATE_RANGE", 400, range));
    CHECK(fails(V1("\"from_date\":\"02/06/2026\",\"to_date\":\"01/06/2026\""), 1,
                "INVALID_DATE_RANGE", 400, range));
    CHECK(passes(V1("\"from_date\":\"31/05/2026\",\"to_date\":\"01/06/2026\""), 1));
    /* to_date today is fine, tomorrow is the future */
    CHECK(passes(V1("\"from_date\":\"01/06/2026\",\"to_date\":\"27/11/2026\""), 1));
    CHECK(fails(V1("\"from_date\":\"01/06/2026\",\"to_date\":\"28/11/2026\""), 1,
                "INVALID_DATE_RANGE", 400, "'to_date' can't be in the future."));
}

TEST(absurd_ranges_are_rejected)
{
    /* 240 months is the ceiling; 01/12/2006..27/11/2026 spans 240 */
    CHECK(passes(V1("\"from_date\":\"01/12/2006\",\"to_date\":\"27/11/2026\""), 1));
    CHECK(fails(V1("\"from_date\":\"30/11/2006\",\"to_date\":\"27/11/2026\""), 1,
                "INVALID_DATE_RANGE", 400, "The period spans 241 months; at most 240 are allowed."));
    CHECK(fails(V1("\"from_date\":\"01/01/1900\",\"to_date\":\"27/11/2026\""), 1,
                "INVALID_DATE_RANGE", 400, NULL));
    CHECK(fails(V1("\"from_date\":\"01/01/2026\",\"to_date\":\"01/01/2999\""), 1,
                "INVALID_DATE_RANGE", 400, "'to_date' can't be in the future."));
    CHECK(fails(V1("\"from_date\":\"01/01/0000\",\"to_date\":\"01/01/2026\""), 1,
                "INVALID_DATE_FORMAT", 400, NULL));
}

TEST(expected_months_first_week_rule)
{
    pb_month m[SESSION_MAX_MONTHS];
    /* to on the 7th: its month is left out */
    CHECK_INT(session_expected_months(day("15/01/2026"), day("07/04/2026"), m, 240), 3);
    CHECK_INT(m[0], 2026 * 12 + 0);
    CHECK_INT(m[2], 2026 * 12 + 2);
    /* to on the 8th: its month counts */
    CHECK_INT(session_expected_months(day("15/01/2026"), day("08/04/2026"), m, 240), 4);
    CHECK_INT(m[3], 2026 * 12 + 3);
    /* to on the 1st */
    CHECK_INT(session_expected_months(day("31/12/2025"), day("01/01/2026"), m, 240), 1);
    CHECK_INT(m[0], 2025 * 12 + 11);
    /* month ends and leap February */
    CHECK_INT(session_expected_months(day("31/01/2024"), day("29/02/2024"), m, 240), 2);
    CHECK_INT(session_expected_months(day("01/03/2024"), day("31/03/2024"), m, 240), 1);
    /* a period wholly inside a first week keeps its one month */
    CHECK_INT(session_expected_months(day("01/12/2025"), day("05/12/2025"), m, 240), 1);
    CHECK_INT(m[0], 2025 * 12 + 11);
    /* across a year end */
    CHECK_INT(session_expected_months(day("10/11/2025"), day("20/02/2026"), m, 240), 4);
    CHECK_INT(m[1], 2025 * 12 + 11);
    CHECK_INT(m[2], 2026 * 12 + 0);
    /* counts beyond max are reported but not written past it */
    pb_month two[2] = {0, 0};
    CHECK_INT(session_expected_months(day("01/01/2020"), day("31/12/2020"), two, 2), 12);
    CHECK_INT(two[1], 2020 * 12 + 1);
    CHECK_INT(session_expected_months(day("02/01/2020"), day("01/01/2020"), m, 240), 0);
}

TEST(default_period_is_six_months_back_clamped_to_month_end)
{
    struct session_req r;
    struct api_error err;
    pb_day saved = TODAY;
    TODAY = day("31/08/2026");
    CHECK_INT(parse_full("{\"link_id\":\"u\"}", 1, ALL_MODES, &r, &err), 0);
    CHECK_INT(r.from_date, day("28/02/2026"));
    CHECK_INT(r.n_expected_months, 7);
    session_req_free(&r);
    /* today in the first week: today's month is not expected */
    TODAY = day("03/12/2026");
    CHECK_INT(parse_full("{\"link_id\":\"u\"}", 1, ALL_MODES, &r, &err), 0);
    CHECK_INT(r.from_date, day("03/06/2026"));
    CHECK_INT(r.n_expected_months, 6);
    CHECK_INT(r.expected_months[5], 2026 * 12 + 10);
    session_req_free(&r);
    TODAY = saved;
}

TEST(max_window_rules)
{
    CHECK(fails(V1("\"max_from_date\":\"31/02/2026\""), 1, "INVALID_DATE_FORMAT", 400,
                "Invalid 'max_from_date' or 'max_to_date' format. Use 'DD/MM/YYYY'."));
    CHECK(fails(V1("\"max_to_date\":\"2026/01/01\""), 1, "INVALID_DATE_FORMAT", 400,
                "Invalid 'max_from_date' or 'max_to_date' format. Use 'DD/MM/YYYY'."));
    CHECK(fails(V1("\"max_from_date\":\"01/06/2026\",\"max_to_date\":\"01/06/2026\""), 1,
                "INVALID_DATE_RANGE", 400,
                "max_from_date' can't be greater or equal to 'max_to_date'."));
    CHECK(fails(V1("\"max_from_date\":\"27/11/2026\""), 1, "INVALID_DATE_RANGE", 400,
                "'max_from_date' must be before today."));
    /* from/to must lie within the window */
    CHECK(fails(V1("\"from_date\":\"01/01/2026\",\"to_date\":\"01/06/2026\","
                   "\"max_from_date\":\"02/01/2026\",\"max_to_date\":\"30/06/2026\""),
                1, "INVALID_DATE_RANGE", 400,
                "'from_date' and 'to_date' must lie within 'max_from_date' and 'max_to_date'."));
    CHECK(fails(V1("\"from_date\":\"01/01/2026\",\"to_date\":\"01/07/2026\","
                   "\"max_from_date\":\"01/01/2026\",\"max_to_date\":\"30/06/2026\""),
                1, "INVALID_DATE_RANGE", 400, NULL));
    CHECK(passes(V1("\"from_date\":\"01/01/2026\",\"to_date\":\"30/06/2026\","
                    "\"max_from_date\":\"01/01/2026\",\"max_to_date\":\"30/06/2026\""),
                 1));
    /* a window in the future past today is only an upper bound */
    CHECK(passes(V1("\"max_to_date\":\"31/12/2027\""), 1));
}

TEST(max_window_shapes_the_default_period)
{
    struct session_req r;
    struct api_error err;
    /* window ends before today: to = max_to, from = max_to - 6 months */
    CHECK_INT(parse_full(V1("\"max_to_date\":\"30/06/2026\""), 1, ALL_MODES, &r, &err), 0);
    CHECK_INT(r.to_date, day("30/06/2026"));
    CHECK_INT(r.from_date, day("30/12/2025"));
    CHECK_INT(r.max_to_date, day("30/06/2026"));
    session_req_free(&r);
    /* window starts after today - 6 months: from = max_from */
    CHECK_INT(parse_full(V1("\"max_from_date\":\"01/09/2026\""), 1, ALL_MODES, &r, &err), 0);
    CHECK_INT(r.from_date, day("01/09/2026"));
    CHECK_INT(r.to_date, TODAY);
    CHECK_INT(r.n_expected_months, 3);
    session_req_free(&r);
    /* narrow window: both ends */
    CHECK_INT(parse_full(V1("\"max_from_date\":\"10/03/2026\",\"max_to_date\":\"20/04/2026\""), 1,
                         ALL_MODES, &r, &err),
              0);
    CHECK_INT(r.from_date, day("10/03/2026"));
    CHECK_INT(r.to_date, day("20/04/2026"));
    session_req_free(&r);
}

TEST(bank_name_rules)
{
    CHECK(passes(V1("\"bank_name\":\"sbi\""), 1));
    CHECK(passes(V1("\"bank_name\":\"PUNE MERCHANTS\""), 1));
    CHECK(passes(V1("\"bank_name\":\"\""), 1));
    CHECK(fails(V1("\"bank_name\":\"NOPE\""), 1, "INVALID_BANK_NAME", 400,
                "Invalid bank identifier."));
    CHECK(fails(V1("\"bank_name\":\"hdfc bank\""), 1, "INVALID_BANK_NAME", 400, NULL));
    CHECK(fails(V1("\"bank_name\":123"), 1, "INVALID_BANK_NAME", 400, NULL));
    CHECK(fails(V1("\"bank_name\":{}"), 1, "INVALID_REQUEST", 400,
                "bank_name, Not a valid string."));
    /* 50 characters is the limit */
    CHECK(fails(V1("\"bank_name\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\""), 1,
                "INVALID_BANK_NAME", 400, NULL));
    CHECK(fails(V1("\"bank_name\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\""), 1,
                "INVALID_LENGTH", 400,
                "bank_name, Ensure this field has no more than 50 characters."));
}

TEST(v2_accepts_bank_key_in_any_case)
{
    struct session_req r;
    struct api_error err;
    CHECK_INT(parse_full(V1("\"bank\":\"HDFC\""), 2, ALL_MODES, &r, &err), 0);
    CHECK_STR(r.bank, "hdfc");
    CHECK_INT(r.version, 2);
    session_req_free(&r);
    CHECK_INT(parse_full(V1("\"bank\":\"axis\",\"bank_name\":\"AXIS\""), 2, ALL_MODES, &r, &err),
              0);
    CHECK_STR(r.bank, "axis");
    session_req_free(&r);
    CHECK(fails(V1("\"bank\":\"axis\",\"bank_name\":\"hdfc\""), 2, "INVALID_REQUEST", 400,
                "bank, Conflicts with bank_name."));
    CHECK(fails(V1("\"bank\":\"xyz\""), 2, "INVALID_BANK_NAME", 400, NULL));
    /* v1 knows no `bank` key and ignores it, as DRF ignores unknown fields */
    CHECK_INT(parse_full(V1("\"bank\":\"xyz\""), 1, ALL_MODES, &r, &err), 0);
    CHECK(r.bank == NULL);
    session_req_free(&r);
}

TEST(mode_rules)
{
    CHECK(fails(V1("\"mode\":\"x\""), 1, "INVALID_REQUEST", 400,
                "mode, \"x\" is not a valid choice."));
    CHECK(fails(V1("\"mode\":1,\"bank_name\":\"hdfc\""), 1, "INVALID_REQUEST", 400,
                "mode, \"1\" is not a valid choice."));
    CHECK(fails(V1("\"mode\":true"), 1, "INVALID_REQUEST", 400, "mode, Not a valid string."));
    CHECK(fails(V1("\"mode\":\"pdf\""), 1, "MISSING_BANK_NAME", 400,
                "bank_name' is required with 'mode'."));
    CHECK(passes(V1("\"mode\":\"pdf\",\"bank_name\":\"model\""), 1));
    CHECK(passes(V1("\"mode\":\"PDF\",\"bank_name\":\"hdfc\""), 1));
    CHECK(passes(V1("\"mode\":\"aa\",\"bank_name\":\"kotak\""), 1));
    CHECK(fails(V1("\"mode\":\"aa\",\"bank_name\":\"model\""), 1, "MODE_NOT_AVAILABLE", 400,
                "Specified mode not available for this bank."));
    /* no net-banking connector is configured: online is never available */
    CHECK(fails(V1("\"mode\":\"online\",\"bank_name\":\"hdfc\""), 1, "MODE_NOT_AVAILABLE", 400,
                NULL));
    /* a long bad value is echoed truncated */
    CHECK(fails(V1("\"mode\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""),
                1, "INVALID_REQUEST", 400,
                "mode, \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\" is not a valid choice."));
}

TEST(mode_not_enabled_for_the_org)
{
    struct api_error err;
    CHECK_INT(parse_full(V1("\"mode\":\"aa\",\"bank_name\":\"hdfc\""), 1, MODE_PDF, NULL, &err), -1);
    CHECK_STR(err.code, "MODE_NOT_ENABLED");
    CHECK_INT(err.status, 403);
    CHECK_STR(err.message, "Specified mode not enabled. Contact FinBox Admin.");
    /* the org check comes before the bank checks */
    CHECK_INT(parse_full(V1("\"mode\":\"aa\""), 1, MODE_PDF, NULL, &err), -1);
    CHECK_STR(err.code, "MODE_NOT_ENABLED");
    CHECK_INT(parse_full(V1("\"mode\":\"pdf\",\"bank_name\":\"hdfc\""), 1, MODE_AA, NULL, &err),
              -1);
    CHECK_STR(err.code, "MODE_NOT_ENABLED");
    /* no mode asked: nothing to check against the org */
    CHECK_INT(parse_full(V1("\"bank_name\":\"hdfc\""), 1, MODE_AA, NULL, &err), 0);
}

TEST(mobile_numbers)
{
    static const char *const good[][2] = {
        {"9876543210", "9876543210"},      {"+919876543210", "9876543210"},
        {"919876543210", "9876543210"},    {"09876543210", "9876543210"},
        {"98765 43210", "9876543210"},     {"+91-98765-43210", "9876543210"},
        {" 6000000000 ", "6000000000"},    {"9191919191", "9191919191"}};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        char body[128];
        struct session_req r;
        struct api_error err;
        snprintf(body, sizeof body, "{\"link_id\":\"u\",\"mobile_number\":\"%s\"}", good[i][0]);
        CHECK_INT(parse_full(body, 1, ALL_MODES, &r, &err), 0);
        CHECK_STR(r.mobile_number, good[i][1]);
        session_req_free(&r);
    }
    static const char *const bad[] = {"5876543210", "987654321",   "98765432101", "+9198765432",
                                      "+449876543210", "98765abcde", "+", "++919876543210",
                                      "9876+543210", "0000000000"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char body[128];
        snprintf(body, sizeof body, "{\"link_id\":\"u\",\"mobile_number\":\"%s\"}", bad[i]);
        CHECK(fails(body, 1, "INVALID_MOBILE_NUMBER", 400, "Invalid mobile number."));
    }
    CHECK(passes(V1("\"mobile_number\":9876543210"), 1));
    CHECK(fails(V1("\"mobile_number\":[9876543210]"), 1, "INVALID_REQUEST", 400,
                "mobile_number, Not a valid string."));
}

TEST(session_expiry_bounds_and_types)
{
    const char *msg = "Session expiry should be int, Min value is 5 and Max is 43200 in minutes";
    struct session_req r;
    struct api_error err;
    CHECK(passes(V1("\"session_expiry\":5"), 1));
    CHECK(passes(V1("\"session_expiry\":43200"), 1));
    CHECK(fails(V1("\"session_expiry\":4"), 1, "INVALID_SESSION_EXPIRY", 400, msg));
    CHECK(fails(V1("\"session_expiry\":43201"), 1, "INVALID_SESSION_EXPIRY", 400, msg));
    CHECK(fails(V1("\"session_expiry\":-60"), 1, "INVALID_SESSION_EXPIRY", 400, msg));
    CHECK(fails(V1("\"session_expiry\":60.5"), 1, "INVALID_SESSION_EXPIRY", 400, msg));
    CHECK(fails(V1("\"session_expiry\":1e300"), 1, "INVALID_SESSION_EXPIRY", 400, msg));
    CHECK(fails(V1("\"session_expiry\":9223372036854775807"), 1, "INVALID_SESSION_EXPIRY", 400,
                msg));
    CHECK(fails(V1("\"session_expiry\":true"), 1, "INVALID_SESSION_EXPIRY", 400, msg));
    CHECK(fails(V1("\"session_expiry\":\"sixty\""), 1, "INVALID_SESSION_EXPIRY", 400, msg));
    CHECK(fails(V1("\"session_expiry\":[60]"), 1, "INVALID_SESSION_EXPIRY", 400, msg));
    CHECK(fails(V1("\"session_expiry\":{}"), 1, "INVALID_SESSION_EXPIRY", 400, msg));
    /* DRF's IntegerField takes "60" and 60.0 */
    CHECK_INT(parse_full(V1("\"session_expiry\":\"90\""), 1, ALL_MODES, &r, &err), 0);
    CHECK_INT(r.session_expiry_min, 90);
    session_req_free(&r);
    CHECK_INT(parse_full(V1("\"session_expiry\":30.0"), 1, ALL_MODES, &r, &err), 0);
    CHECK_INT(r.session_expiry_min, 30);
    session_req_free(&r);
    CHECK_INT(parse_full(V1("\"session_expiry\":null"), 1, ALL_MODES, &r, &err), 0);
    CHECK_INT(r.session_expiry_min, SESSION_EXPIRY_DEFAULT_MIN);
    session_req_free(&r);
}

TEST(journey_mode_rules)
{
    CHECK(passes(V1("\"journey_mode\":\"multi_pdf\""), 1));
    CHECK(passes(V1("\"journey_mode\":\"MULTI_BANKING\""), 1));
    CHECK(fails(V1("\"journey_mode\":\"single\""), 1, "INVALID_REQUEST", 400,
                "journey_mode, \"single\" is not a valid choice."));
    CHECK(fails(V1("\"journey_mode\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""), 1,
                "INVALID_LENGTH", 400,
                "journey_mode, Ensure this field has no more than 50 characters."));
    CHECK(fails(V1("\"journey_mode\":false"), 1, "INVALID_REQUEST", 400,
                "journey_mode, Not a valid string."));
}

TEST(booleans_like_drf)
{
    struct session_req r;
    struct api_error err;
    static const char *const truthy[] = {"true", "\"true\"", "\"True\"", "1", "\"1\"", "\"yes\"",
                                         "\"on\""};
    for (size_t i = 0; i < sizeof truthy / sizeof truthy[0]; i++) {
        char body[128];
        snprintf(body, sizeof body, "{\"link_id\":\"u\",\"accept_anything\":%s}", truthy[i]);
        CHECK_INT(parse_full(body, 1, ALL_MODES, &r, &err), 0);
        CHECK(r.accept_anything);
        session_req_free(&r);
    }
    CHECK_INT(parse_full(V1("\"is_mobile_field_editable\":\"false\""), 1, ALL_MODES, &r, &err), 0);
    CHECK(!r.is_mobile_field_editable);
    session_req_free(&r);
    CHECK(fails(V1("\"is_mobile_field_editable\":\"maybe\""), 1, "INVALID_REQUEST", 400,
                "is_mobile_field_editable, Must be a valid boolean."));
    CHECK(fails(V1("\"is_mobile_field_editable\":2"), 1, "INVALID_REQUEST", 400,
                "is_mobile_field_editable, Must be a valid boolean."));
    CHECK(fails(V1("\"accept_anything\":[]"), 1, "INVALID_REQUEST", 400,
                "accept_anything, Must be a valid boolean."));
    CHECK(fails(V1("\"accept_anything\":{\"a\":true}"), 1, "INVALID_REQUEST", 400, NULL));
}

#define AA_BASE "\"bank_name\":\"sbi\",\"mode\":\"aa\","

TEST(aa_v1_parameters)
{
    CHECK(passes(V1(AA_BASE "\"aa_journey_mode\":\"only_once\""), 1));
    CHECK(passes(V1(AA_BASE "\"aa_journey_mode\":\"once_with_recurring\","
                            "\"aa_recurring_tenure_month\":84,\"aa_recurring_frequency_unit\":\"YEAR\","
                            "\"aa_recurring_frequency_value\":5"),
                 1));
    CHECK(fails(V1(AA_BASE "\"aa_journey_mode\":\"sometimes\""), 1, "INVALID_REQUEST", 400,
                "aa_journey_mode, \"sometimes\" is not a valid choice."));
    CHECK(fails(V1(AA_BASE "\"aa_journey_mode\":\"only_recurring\","
                           "\"aa_recurring_tenure_month_count\":85,\"aa_recurring_frequency_unit\":\"month\","
                           "\"aa_recurring_frequency_value\":1"),
                1, "INVALID_AA_PARAMETER", 400, "Tenure must be between 1 and 84"));
    CHECK(fails(V1(AA_BASE "\"aa_recurring_tenure_month_count\":0"), 1, "INVALID_AA_PARAMETER", 400,
                "Tenure must be between 1 and 84"));
    CHECK(fails(V1(AA_BASE "\"aa_recurring_tenure_month_count\":\"twelve\""), 1,
                "INVALID_REQUEST", 400,
                "aa_recurring_tenure_month_count, A valid integer is required."));
    CHECK(fails(V1(AA_BASE "\"aa_recurring_frequency_unit\":1"), 1, "INVALID_REQUEST", 400,
                "aa_recurring_frequency_unit, \"1\" is not a valid choice."));
    CHECK(fails(V1(AA_BASE "\"aa_recurring_frequency_value\":6"), 1, "INVALID_AA_PARAMETER", 400,
                "Frequency value must be between 1 and 5"));
    CHECK(fails(V1(AA_BASE "\"aa_journey_mode\":\"only_recurring\","
                           "\"aa_recurring_tenure_month_count\":12"),
                1, "MISSING_AA_PARAMETER", 400, "Frequency unit/value required"));
    CHECK(fails(V1(AA_BASE "\"aa_journey_mode\":\"only_recurring\","
                           "\"aa_recurring_frequency_unit\":\"day\",\"aa_recurring_frequency_value\":2"),
                1, "MISSING_AA_PARAMETER", 400, "Tenure required"));
    CHECK(fails(V1("\"aa_journey_mode\":\"only_once\""), 1, "MISSING_AA_PARAMETER", 400,
                "'bank_name' and 'mode' required"));
    CHECK(fails(V1("\"bank_name\":\"sbi\",\"mode\":\"pdf\",\"aa_journey_mode\":\"only_once\""), 1,
                "INVALID_AA_PARAMETER", 400, "AA parameters need 'mode' to be 'aa'."));
    CHECK(fails(V1(AA_BASE "\"aa_recurring_frequency_value\":2"), 1, "INVALID_AA_PARAMETER", 400,
                NULL));
    /* v1 ignores v2's fields */
    CHECK(passes(V1("\"aa_journey_code\":\"nope\",\"consents\":7"), 1));
}

TEST(aa_v2_journey_code_and_consents)
{
    struct session_req r;
    struct api_error err;
    CHECK_INT(parse_full(V1("\"aa_journey_code\":\"bcaa003\",\"consents\":{"
                            "\"CC0003\":{\"from_date\":\"01/01/2026\",\"to_date\":\"01/06/2026\"},"
                            "\"cc0004\":{\"consent_expiry\":\"01/01/2027\",\"extra\":1}}"),
                         2, ALL_MODES, &r, &err),
              0);
    CHECK_STR(r.aa_journey_code, "BCAA003");
    char *c = json_dumps(r.consents, JSON_SORT_KEYS | JSON_COMPACT);
    CHECK_STR(c, "{\"CC0003\":{\"from_date\":\"01/01/2026\",\"to_date\":\"01/06/2026\"},"
                 "\"CC0004\":{\"consent_expiry\":\"01/01/2027\"}}");
    free(c);
    session_req_free(&r);
    /* default journey BCAA001 takes CC0001 only */
    CHECK(passes(V1("\"consents\":{\"CC0001\":{}}"), 2));
    CHECK(fails(V1("\"consents\":{\"CC0002\":{}}"), 2, "INVALID_AA_PARAMETER", 400,
                "Consent 'CC0002' is not part of aa_journey_code 'BCAA001'."));
    CHECK(fails(V1("\"consents\":{\"CC0008\":{}}"), 2, "INVALID_AA_PARAMETER", 400,
                "Invalid consent code 'CC0008'."));
    CHECK(fails(V1("\"aa_journey_code\":\"BCAA005\""), 2, "INVALID_REQUEST", 400,
                "aa_journey_code, \"BCAA005\" is not a valid choice."));
    CHECK(fails(V1("\"consents\":[]"), 2, "INVALID_REQUEST", 400,
                "consents, Expected a dictionary of items but got type \"list\"."));
    CHECK(fails(V1("\"consents\":{\"CC0001\":\"x\"}"), 2, "INVALID_REQUEST", 400,
                "consents, CC0001: Expected a dictionary of items but got type \"str\"."));
    CHECK(fails(V1("\"consents\":{\"CC0001\":{\"from_date\":\"31/02/2026\"}}"), 2,
                "INVALID_DATE_FORMAT", 400,
                "Invalid 'consents.CC0001.from_date' format. Use 'DD/MM/YYYY'."));
    CHECK(fails(V1("\"consents\":{\"CC0001\":{\"from_date\":\"01/02/2026\",\"to_date\":\"01/01/2026\"}}"),
                2, "INVALID_DATE_RANGE", 400, NULL));
    CHECK(fails(V1("\"consents\":{\"CC0001\":{\"consent_expiry\":\"26/11/2026\"}}"), 2,
                "INVALID_DATE_RANGE", 400, "'consents.CC0001.consent_expiry' can't be in the past."));
    CHECK(fails(V1("\"consents\":{\"CC0001\":{\"to_date\":[]}}"), 2, "INVALID_REQUEST", 400,
                NULL));
    /* v2 ignores v1's AA fields */
    CHECK(passes(V1("\"aa_journey_mode\":\"bogus\""), 2));
}

TEST(metadata_shapes)
{
    CHECK(passes(V1("\"metadata\":{}"), 1));
    CHECK(passes(V1("\"metadata\":null"), 1));
    CHECK(fails(V1("\"metadata\":[]"), 1, "INVALID_REQUEST", 400,
                "metadata, Expected a dictionary of items but got type \"list\"."));
    CHECK(fails(V1("\"metadata\":\"names\""), 1, "INVALID_REQUEST", 400, NULL));
    CHECK(fails(V1("\"metadata\":{\"names\":\"A Kumar\"}"), 1, "INVALID_REQUEST", 400,
                "metadata, names: Expected a list of items but got type \"str\"."));
    CHECK(fails(V1("\"metadata\":{\"employer_names\":[1]}"), 1, "INVALID_REQUEST", 400,
                "metadata, employer_names: Not a valid string."));
    CHECK(fails(V1("\"metadata\":{\"companies_for_self_transfer\":[[\"x\"]]}"), 1,
                "INVALID_REQUEST", 400, NULL));
    char body[8192] = "{\"link_id\":\"u\",\"metadata\":{\"names\":[";
    for (int i = 0; i < 51; i++)
        strcat(body, i ? ",\"n\"" : "\"n\"");
    strcat(body, "]}}");
    CHECK(fails(body, 1, "INVALID_LENGTH", 400,
                "metadata, names: Ensure this field has no more than 50 elements."));
    char big[512];
    memset(big, 'x', 201);
    big[201] = '\0';
    snprintf(body, sizeof body, "{\"link_id\":\"u\",\"metadata\":{\"names\":[\"%s\"]}}", big);
    CHECK(fails(body, 1, "INVALID_LENGTH", 400, NULL));
    big[200] = '\0';
    snprintf(body, sizeof body, "{\"link_id\":\"u\",\"metadata\":{\"names\":[\"%s\"]}}", big);
    CHECK(passes(body, 1));
}

TEST(validation_order_is_fixed)
{
    /* every field wrong at once: link_id is reported first ... */
    const char *all_bad = "{\"link_id\":true,\"redirect_url\":\"x\",\"from_date\":\"x\","
                          "\"bank_name\":\"x\",\"mode\":\"x\",\"mobile_number\":\"1\","
                          "\"session_expiry\":1,\"journey_mode\":\"x\",\"accept_anything\":\"x\","
                          "\"metadata\":1}";
    CHECK(fails(all_bad, 1, "INVALID_REQUEST", 400, "link_id, Not a valid string."));
    /* ... then redirect_url, logo_url, dates, bank, mode, mobile, expiry ... */
    CHECK(fails(V1("\"redirect_url\":\"x\",\"logo_url\":\"y\",\"from_date\":\"x\""), 1,
                "INVALID_URL", 400, "redirect_url, Enter a valid URL."));
    CHECK(fails(V1("\"logo_url\":\"y\",\"from_date\":\"x\""), 1, "INVALID_URL", 400,
                "logo_url, Enter a valid URL."));
    CHECK(fails(V1("\"from_date\":\"x\",\"bank_name\":\"x\""), 1, "INVALID_DATE_FORMAT", 400,
                NULL));
    CHECK(fails(V1("\"bank_name\":\"x\",\"mode\":\"x\""), 1, "INVALID_BANK_NAME", 400, NULL));
    CHECK(fails(V1("\"mode\":\"x\",\"mobile_number\":\"1\""), 1, "INVALID_REQUEST", 400, NULL));
    CHECK(fails(V1("\"mobile_number\":\"1\",\"session_expiry\":1"), 1, "INVALID_MOBILE_NUMBER",
                400, NULL));
    CHECK(fails(V1("\"session_expiry\":1,\"journey_mode\":\"x\""), 1, "INVALID_SESSION_EXPIRY",
                400, NULL));
    CHECK(fails(V1("\"journey_mode\":\"x\",\"accept_anything\":\"x\""), 1, "INVALID_REQUEST", 400,
                "journey_mode, \"x\" is not a valid choice."));
    CHECK(fails(V1("\"accept_anything\":\"x\",\"aa_recurring_frequency_value\":9"), 1,
                "INVALID_REQUEST", 400, "accept_anything, Must be a valid boolean."));
    CHECK(fails(V1("\"aa_recurring_frequency_value\":9,\"metadata\":1"), 1,
                "INVALID_AA_PARAMETER", 400, NULL));
    /* within dates: format before presence before range */
    CHECK(fails(V1("\"to_date\":\"99/99/9999\""), 1, "INVALID_DATE_FORMAT", 400, NULL));
    CHECK(fails(V1("\"from_date\":\"02/01/2026\",\"to_date\":\"01/01/2026\","
                   "\"max_from_date\":\"x\""),
                1, "INVALID_DATE_FORMAT", 400,
                "Invalid 'max_from_date' or 'max_to_date' format. Use 'DD/MM/YYYY'."));
}

TEST(hostile_values_do_not_crash)
{
    static const char *const values[] = {
        "null", "true", "false", "0", "-1", "1e308", "-1e308", "1.5", "\"\"", "\" \"",
        "[]", "[null]", "{}", "{\"a\":{\"b\":[1,{\"c\":null}]}}", "\"\\u00e9\\u0915\"",
        "\"%s%n%x\"", "9007199254740993", "\"9007199254740993\""};
    static const char *const keys[] = {
        "link_id", "redirect_url", "logo_url", "from_date", "to_date", "max_from_date",
        "max_to_date", "bank_name", "bank", "mode", "mobile_number", "session_expiry",
        "journey_mode", "accept_anything", "is_mobile_field_editable", "aa_journey_mode",
        "aa_recurring_tenure_month_count", "aa_recurring_frequency_unit",
        "aa_recurring_frequency_value", "aa_journey_code", "consents", "metadata"};
    int ran = 0;
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
        for (size_t v = 0; v < sizeof values / sizeof values[0]; v++)
            for (int version = 1; version <= 2; version++) {
                char body[512];
                struct api_error err = {0};
                snprintf(body, sizeof body, "{\"link_id\":\"u\",\"%s\":%s}", keys[k], values[v]);
                int rc = parse_full(body, version, ALL_MODES, NULL, &err);
                CHECK(rc == 0 || (rc == -1 && err.code && err.status >= 400 && err.status < 500));
                ran++;
            }
    CHECK_INT(ran, 22 * 18 * 2);
}

int main(void)
{
    TODAY = day("27/11/2026");
    RUN(minimal_request_gets_the_defaults);
    RUN(full_valid_v1_request);
    RUN(link_id_rules);
    RUN(link_id_length_boundary_counts_characters);
    RUN(body_must_be_an_object);
    RUN(too_many_parameters);
    RUN(redirect_and_logo_urls);
    RUN(redirect_url_length_boundary);
    RUN(date_formats_and_calendar);
    RUN(date_presence_and_ranges);
    RUN(absurd_ranges_are_rejected);
    RUN(expected_months_first_week_rule);
    RUN(default_period_is_six_months_back_clamped_to_month_end);
    RUN(max_window_rules);
    RUN(max_window_shapes_the_default_period);
    RUN(bank_name_rules);
    RUN(v2_accepts_bank_key_in_any_case);
    RUN(mode_rules);
    RUN(mode_not_enabled_for_the_org);
    RUN(mobile_numbers);
    RUN(session_expiry_bounds_and_types);
    RUN(journey_mode_rules);
    RUN(booleans_like_drf);
    RUN(aa_v1_parameters);
    RUN(aa_v2_journey_code_and_consents);
    RUN(metadata_shapes);
    RUN(validation_order_is_fixed);
    RUN(hostile_values_do_not_crash);
    return check_summary();
}
