/* The consent request (POST /Consent) and the hand-over to the AA's page.
 *
 * ConsentDetail follows the contract: STORE, ONETIME, PROFILE + SUMMARY +
 * TRANSACTIONS of DEPOSIT accounts, purpose 103 "Aggregated statement",
 * FIDataRange = the session's dates (whole days in IST, at most 14
 * months, ending on to_date), data life and consent life of one month. A
 * v2 session's consents.CC0001 overrides the range and the expiry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aa/aa.h"
#include "aa/client.h"
#include "aa/redirect.h"
#include "util/log.h"
#include "util/secret.h"

#define IST_MS 19800000LL
#define DAY_MS 86400000LL
#define RANGE_MAX_MONTHS 14
#define CONSENT_LIFE_DAYS 30

/* 00:00:00.000 IST of day d, as unix ms. */
static int64_t ist_midnight(pb_day d)
{
    return (int64_t)d * DAY_MS - IST_MS;
}

/* The range and expiry asked for: the session's, or consents.CC0001's. */
static void consent_terms(const struct session *s, int64_t now_ms, pb_day *from, pb_day *to, int64_t *expiry)
{
    *from = s->req.from_date;
    *to = s->req.to_date;
    *expiry = now_ms + CONSENT_LIFE_DAYS * DAY_MS;
    const json_t *o = json_object_get(s->req.consents, "CC0001");
    pb_day d;
    const char *v;
    if ((v = json_string_value(json_object_get(o, "from_date"))) && date_parse_dmy(v, &d))
        *from = d;
    if ((v = json_string_value(json_object_get(o, "to_date"))) && date_parse_dmy(v, &d))
        *to = d;
    if ((v = json_string_value(json_object_get(o, "consent_expiry"))) && date_parse_dmy(v, &d) &&
        ist_midnight(d + 1) - 1 < *expiry && ist_midnight(d + 1) - 1 > now_ms)
        *expiry = ist_midnight(d + 1) - 1; /* the end of that day, never later than a month */
    pb_day earliest = date_add_months(*to, -RANGE_MAX_MONTHS) + 1;
    if (*from < earliest)
        *from = earliest;
}

static json_t *consent_request(const struct aa_config *c, const struct session *s, const char *customer,
                               const char *mobile, const char *txnid, int64_t now_ms, int64_t *expiry,
                               pb_day *from, pb_day *to)
{
    char start[32], exp[32], f[32], t[32];
    consent_terms(s, now_ms, from, to, expiry);
    json_t *detail = json_pack(
        "{s:s,s:s,s:s,s:s,s:[sss],s:[s],s:{s:s,s:s},s:{s:s,s:[{s:s,s:s}]},"
        "s:{s:s,s:s,s:s,s:{s:s}},s:{s:s,s:s},s:{s:s,s:i},s:{s:s,s:i}}",
        "consentStart", aa_timestamp(now_ms, start), "consentExpiry", aa_timestamp(*expiry, exp), "consentMode",
        "STORE", "fetchType", "ONETIME", "consentTypes", "PROFILE", "SUMMARY", "TRANSACTIONS", "fiTypes", "DEPOSIT",
        "DataConsumer", "id", c->fiu_id, "type", "FIU", "Customer", "id", customer, "Identifiers", "type", "MOBILE",
        "value", mobile, "Purpose", "code", "103", "refUri", "https://api.rebit.org.in/aa/purpose/103.xml", "text",
        "Aggregated statement", "Category", "type", "Financial Reporting", "FIDataRange", "from",
        aa_timestamp(ist_midnight(*from), f), "to", aa_timestamp(ist_midnight(*to + 1) - 1, t), "DataLife", "unit",
        "MONTH", "value", 1, "Frequency", "unit", "MONTH", "value", 1);
    json_t *m = aa_message(txnid);
    if (!detail || !m) {
        json_decref(detail);
        json_decref(m);
        return NULL;
    }
    json_object_set_new(m, "ConsentDetail", detail);
    return m;
}

static int unavailable(struct api_error *err)
{
    return api_error_set(err, 502, "AA_UNAVAILABLE",
                         "The Account Aggregator could not be reached. Try again, or share a PDF statement.");
}

/* The row of a new consent request, answered with handle. */
static int insert_row(struct store *st, const struct session *s, const struct aa_start_req *r, const char *customer,
                      const char *txnid, const char *handle, int64_t now_ms, int64_t expiry, pb_day from,
                      pb_day to, char id_out[PB_UUID_BUF], char state_token[65])
{
    struct aa_consent_rec rec = {0};
    char f[PB_DATE_BUF], t[PB_DATE_BUF];
    if (!uuid_v4(rec.id) || !secret_random_hex(state_token, 32))
        return -1;
    snprintf(rec.session_id, sizeof rec.session_id, "%s", s->id);
    char fi_from[32], fi_to[32]; /* the FIDataRange asked for, for an artefact that omits it */
    json_t *details = json_pack("{s:s,s:s,s:s,s:s,s:s}", "from", date_fmt_iso(from, f), "to", date_fmt_iso(to, t),
                                "consent_code", "CC0001", "fi_from", aa_timestamp(ist_midnight(from), fi_from),
                                "fi_to", aa_timestamp(ist_midnight(to + 1) - 1, fi_to));
    rec.details = details ? json_dumps(details, JSON_COMPACT) : NULL;
    json_decref(details);
    rec.state = "requested";
    rec.consent_handle = (char *)handle;
    rec.txnid = (char *)txnid;
    rec.state_token = state_token;
    rec.customer_id = (char *)customer;
    rec.bank = (char *)r->bank;
    rec.expires_at = expiry / 1000;
    rec.created_at = now_ms / 1000;
    int rc = rec.details ? STORE_CALL(st, aa_consent_insert, &rec) : STORE_ERROR;
    free(rec.details);
    memcpy(id_out, rec.id, PB_UUID_BUF);
    return rc == STORE_OK ? 0 : -1;
}

int aa_start(const struct aa_config *c, struct store *st, const struct session *s, const struct aa_start_req *r,
             char **webview_url, char consent_row_id[PB_UUID_BUF], struct api_error *err)
{
    *webview_url = NULL;
    char txnid[PB_UUID_BUF], customer[64], state_token[65];
    int64_t now = aa_now_ms(), expiry;
    pb_day from, to;
    if (!uuid_v4(txnid))
        return api_error_set(err, 500, "INTERNAL_ERROR", "Something went wrong");
    snprintf(customer, sizeof customer, "%s@%s", r->mobile, c->handle_suffix);
    json_t *req = consent_request(c, s, customer, r->mobile, txnid, now, &expiry, &from, &to), *reply = NULL;
    long status;
    char why[256];
    enum aa_rc rc = req ? aa_post(c, st, NULL, "/Consent", req, &reply, &status, why, sizeof why) : AA_UNREACHABLE;
    json_decref(req);
    const char *handle = json_string_value(json_object_get(reply, "ConsentHandle"));
    if (rc != AA_OK || !handle || !handle[0] || strlen(handle) > 200) {
        log_warn("aa msg=\"consent request failed\" session=%s reason=\"%s\"", id_short(s->id),
                 rc == AA_OK ? "no ConsentHandle" : why);
        json_decref(reply);
        return unavailable(err);
    }
    if (insert_row(st, s, r, customer, txnid, handle, now, expiry, from, to, consent_row_id, state_token)) {
        json_decref(reply);
        return api_error_set(err, 500, "INTERNAL_ERROR", "Something went wrong");
    }
    struct aa_redirect_req rr = {txnid, state_token, customer, r->return_url, handle};
    *webview_url = aa_redirect_url(c->webview_url, c->fiu_id, c->redirect_secret, &rr, now);
    log_info("aa msg=\"consent requested\" session=%s consent=%s", id_short(s->id), consent_row_id);
    json_decref(reply);
    return *webview_url ? 0 : api_error_set(err, 500, "INTERNAL_ERROR", "Something went wrong");
}
