/* Account Aggregator parameters of a create-session request. v1 carries
 * aa_journey_mode and the aa_recurring_* trio; v2 replaces them with
 * aa_journey_code and a consents object (reference §2.1, §2.2). Only the
 * request is validated here; the AA journey itself comes later. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>

#include "core/session_req_int.h"

#define AA_TENURE_MAX 84 /* FinBox's error text: "Tenure must be between 1 and 84" */
#define AA_FREQ_VALUE_MAX 5

/* Reads an optional choice field into *out (a copy of the matching entry
 * of set, so its canonical case). *out stays NULL when absent. */
static int read_choice(const json_t *body, const char *key, const char *const *set, char **out,
                       struct api_error *err)
{
    struct field_text t;
    int has = sreq_text(body, key, &t, err);
    if (has <= 0)
        return has;
    for (; *set; set++)
        if (field_text_is_ci(&t, *set)) {
            *out = strdup(*set);
            return *out ? 0 : api_error_set(err, 500, "INTERNAL_ERROR", "Something went wrong");
        }
    return sreq_bad_choice(err, key, &t);
}

/* Reads an optional integer in [1, max]; *out stays 0 when absent. */
static int read_bounded(const json_t *body, const char *key, int max, const char *range_msg,
                        int *out, struct api_error *err)
{
    long long v;
    enum field_rc rc = field_int(body, key, &v);
    if (rc == FIELD_BAD_TYPE)
        return sreq_bad(err, key, "A valid integer is required.");
    if (rc != FIELD_OK)
        return 0;
    if (v < 1 || v > max)
        return api_error_set(err, 400, "INVALID_AA_PARAMETER", "%s", range_msg);
    *out = (int)v;
    return 0;
}

static bool is_recurring(const char *journey)
{
    return journey && strcmp(journey, "only_once") != 0;
}

/* Cross-field rules once each field is valid on its own. */
static int check_v1_combination(const struct session_req *r, struct api_error *err)
{
    bool any_recurring = r->aa_recurring_tenure_month_count || r->aa_recurring_frequency_unit ||
                         r->aa_recurring_frequency_value;
    if (!r->aa_journey_mode && !any_recurring)
        return 0;
    if (!r->bank || !r->mode)
        return api_error_set(err, 400, "MISSING_AA_PARAMETER", "'bank_name' and 'mode' required");
    if (r->mode != MODE_AA)
        return api_error_set(err, 400, "INVALID_AA_PARAMETER",
                             "AA parameters need 'mode' to be 'aa'.");
    if (!is_recurring(r->aa_journey_mode))
        return any_recurring ? api_error_set(err, 400, "INVALID_AA_PARAMETER",
                                             "Recurring parameters need 'aa_journey_mode' "
                                             "'only_recurring' or 'once_with_recurring'.")
                             : 0;
    if (!r->aa_recurring_frequency_unit || !r->aa_recurring_frequency_value)
        return api_error_set(err, 400, "MISSING_AA_PARAMETER", "Frequency unit/value required");
    if (!r->aa_recurring_tenure_month_count)
        return api_error_set(err, 400, "MISSING_AA_PARAMETER", "Tenure required");
    return 0;
}

int sreq_aa_v1(const json_t *body, struct session_req *r, struct api_error *err)
{
    static const char *const journeys[] = {"only_once", "only_recurring", "once_with_recurring",
                                           NULL};
    static const char *const units[] = {"year", "month", "day", "hour", NULL};
    /* FinBox's current table names the tenure aa_recurring_tenure_month. */
    const char *tenure_key = json_object_get(body, "aa_recurring_tenure_month_count")
                                 ? "aa_recurring_tenure_month_count"
                                 : "aa_recurring_tenure_month";
    if (read_choice(body, "aa_journey_mode", journeys, &r->aa_journey_mode, err) ||
        read_bounded(body, tenure_key, AA_TENURE_MAX, "Tenure must be between 1 and 84",
                     &r->aa_recurring_tenure_month_count, err) ||
        read_choice(body, "aa_recurring_frequency_unit", units, &r->aa_recurring_frequency_unit,
                    err) ||
        read_bounded(body, "aa_recurring_frequency_value", AA_FREQ_VALUE_MAX,
                     "Frequency value must be between 1 and 5", &r->aa_recurring_frequency_value,
                     err))
        return -1;
    return check_v1_combination(r, err);
}

/* v2 journey codes and the consents each generates (reference §2.2). */
static const struct {
    const char *code;
    const char *consents[4];
} JOURNEYS[] = {
    {"BCAA001", {"CC0001"}},
    {"BCAA002", {"CC0002"}},
    {"BCAA003", {"CC0003", "CC0004"}},
    {"BCAA004", {"CC0005", "CC0006", "CC0007"}},
};
#define N_JOURNEYS (sizeof JOURNEYS / sizeof JOURNEYS[0])
#define DEFAULT_JOURNEY 0 /* BCAA001, one-time consent */

static int journey_index(const char *code)
{
    for (size_t i = 0; i < N_JOURNEYS; i++)
        if (code && strcmp(JOURNEYS[i].code, code) == 0)
            return (int)i;
    return DEFAULT_JOURNEY;
}

static bool is_consent_code(const char *k)
{
    return strlen(k) == 6 && strncasecmp(k, "CC000", 5) == 0 && k[5] >= '1' && k[5] <= '7';
}

static bool journey_has(int j, const char *code)
{
    for (int i = 0; i < 4 && JOURNEYS[j].consents[i]; i++)
        if (strcasecmp(JOURNEYS[j].consents[i], code) == 0)
            return true;
    return false;
}

/* One date of a consent: optional, DD/MM/YYYY. *out = PB_NO_DAY when
 * absent. Adds the canonical string to clean. */
static int consent_date(const json_t *c, const char *code, const char *key, pb_day *out,
                        json_t *clean, struct api_error *err)
{
    struct field_text t;
    char buf[PB_DATE_BUF];
    *out = PB_NO_DAY;
    enum field_rc rc = field_text(c, key, &t);
    if (rc == FIELD_BAD_TYPE)
        return api_error_set(err, 400, "INVALID_REQUEST", "consents, %s.%s: Not a valid string.",
                             code, key);
    if (rc != FIELD_OK)
        return 0;
    if (t.len == 10) {
        memcpy(buf, t.s, 10);
        buf[10] = '\0';
    }
    if (t.len != 10 || !date_parse_dmy(buf, out))
        return api_error_set(err, 400, "INVALID_DATE_FORMAT",
                             "Invalid 'consents.%s.%s' format. Use 'DD/MM/YYYY'.", code, key);
    json_object_set_new(clean, key, json_string(date_fmt_dmy(*out, buf)));
    return 0;
}

/* Validates one consent override {from_date, to_date, consent_expiry}
 * and returns its clean copy in *out (new reference). */
static int consent_one(const char *code, const json_t *c, pb_day today, json_t **out,
                       struct api_error *err)
{
    pb_day from, to, expiry;
    if (!json_is_object(c))
        return api_error_set(err, 400, "INVALID_REQUEST",
                             "consents, %s: Expected a dictionary of items but got type \"%s\".",
                             code, sreq_json_type_name(c));
    json_t *clean = json_object();
    if (consent_date(c, code, "from_date", &from, clean, err) ||
        consent_date(c, code, "to_date", &to, clean, err) ||
        consent_date(c, code, "consent_expiry", &expiry, clean, err))
        goto fail;
    if (from != PB_NO_DAY && to != PB_NO_DAY && from >= to) {
        api_error_set(err, 400, "INVALID_DATE_RANGE",
                      "'consents.%s.from_date' can't be greater or equal to "
                      "'consents.%s.to_date'.", code, code);
        goto fail;
    }
    if (expiry != PB_NO_DAY && expiry < today) {
        api_error_set(err, 400, "INVALID_DATE_RANGE",
                      "'consents.%s.consent_expiry' can't be in the past.", code);
        goto fail;
    }
    *out = clean;
    return 0;
fail:
    json_decref(clean);
    return -1;
}

static int read_consents(const json_t *body, pb_day today, struct session_req *r,
                         struct api_error *err)
{
    const json_t *cs = json_object_get(body, "consents");
    const char *key;
    const json_t *val;
    if (!cs || json_is_null(cs))
        return 0;
    if (!json_is_object(cs))
        return api_error_set(err, 400, "INVALID_REQUEST",
                             "consents, Expected a dictionary of items but got type \"%s\".",
                             sreq_json_type_name(cs));
    int j = journey_index(r->aa_journey_code);
    r->consents = json_object();
    json_object_foreach((json_t *)cs, key, val) {
        char code[7];
        json_t *clean = NULL;
        if (!is_consent_code(key))
            return api_error_set(err, 400, "INVALID_AA_PARAMETER", "Invalid consent code '%.16s'.",
                                 key);
        for (int i = 0; i < 7; i++)
            code[i] = (char)toupper((unsigned char)key[i]);
        if (!journey_has(j, code))
            return api_error_set(err, 400, "INVALID_AA_PARAMETER",
                                 "Consent '%s' is not part of aa_journey_code '%s'.", code,
                                 JOURNEYS[j].code);
        if (consent_one(code, val, today, &clean, err))
            return -1;
        json_object_set_new(r->consents, code, clean);
    }
    return 0;
}

int sreq_aa_v2(const json_t *body, pb_day today, struct session_req *r, struct api_error *err)
{
    static const char *const codes[] = {"BCAA001", "BCAA002", "BCAA003", "BCAA004", NULL};
    if (read_choice(body, "aa_journey_code", codes, &r->aa_journey_code, err))
        return -1;
    return read_consents(body, today, r, err);
}
