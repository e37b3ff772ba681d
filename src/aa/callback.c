/* The FIU side of the AA's calls: POST /aa/Consent/Notification and
 * /aa/FI/Notification (ReBIT FIU callback API 2.0.0), the customer's
 * return from the AA's page, and the journey's view of a consent.
 *
 * A notification is checked in this order, the first failure answering:
 * aa_api_key (401 Unauthorized), x-jws-signature (400
 * SignatureDoesNotMatch), JSON (400 InvalidRequest), ver (404
 * NoSuchVersion), timestamp within 15 minutes and txnid (400
 * InvalidRequest), Notifier (400 InvalidNotifier), the consent or FI
 * session it names (400 InvalidConsentId / InvalidSessionId), a txnid
 * already accepted (409 IdempotencyError). Every call, accepted or not,
 * is recorded in aa_events; an unknown status is accepted (200) and
 * recorded, and changes nothing. Every answer is signed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "aa/aa.h"
#include "aa/client.h"
#include "aa/jws.h"
#include "aa/redirect.h"
#include "core/bank.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/secret.h"

static const char *const CONSENT_STATUSES[] = {"ACTIVE", "PENDING", "REVOKED", "PAUSED", "REJECTED",
                                               "EXPIRED", "FAILED", NULL};
static const char *const FI_SESSION_STATUSES[] = {"ACTIVE", "COMPLETED", "EXPIRED", "FAILED", "PARTIAL", NULL};

static bool known(const char *const *set, const char *v)
{
    for (; v && *set; set++)
        if (!strcasecmp(*set, v))
            return true;
    return false;
}

struct answer {
    int status;
    const char *code, *message;
};

static const char *kind_name(enum aa_callback_kind k)
{
    return k == AA_CONSENT_NOTIFICATION ? "consent_notification" : "fi_notification";
}

/* The reply body and its signature. */
static void reply(const struct aa_config *c, const struct answer *a, const char *txnid, int *status, char **text,
                  char **sig)
{
    json_t *b = aa_message(txnid ? txnid : "");
    if (a->code) {
        json_object_set_new(b, "errorCode", json_string(a->code));
        json_object_set_new(b, "errorMsg", json_string(a->message));
    } else {
        json_object_set_new(b, "response", json_string("OK"));
    }
    *status = a->status;
    *text = json_dumps(b, JSON_COMPACT);
    *sig = *text && c->sign_key ? jws_sign_detached(c->sign_key, c->kid, *text, strlen(*text)) : NULL;
    json_decref(b);
}

static int refuse(struct answer *a, int status, const char *code, const char *message)
{
    a->status = status;
    a->code = code;
    a->message = message;
    return -1;
}

/* The envelope every notification shares: version, time, txnid, notifier. */
static int check_envelope(const json_t *n, struct answer *a)
{
    const char *ver = json_string_value(json_object_get(n, "ver"));
    const char *ts = json_string_value(json_object_get(n, "timestamp"));
    const char *txnid = json_string_value(json_object_get(n, "txnid"));
    const json_t *notifier = json_object_get(n, "Notifier");
    const char *ntype = json_string_value(json_object_get(notifier, "type"));
    if (!json_is_object(n))
        return refuse(a, 400, "InvalidRequest", "The body is not a JSON object");
    if (!ver || (strcmp(ver, "2.0.0") && strcmp(ver, "2.0")))
        return refuse(a, 404, "NoSuchVersion", "Only version 2.0.0 is supported");
    int64_t t = aa_parse_timestamp(ts), now = aa_now_ms();
    if (t < 0 || llabs(t - now) > AA_NOTIFY_WINDOW_S * 1000LL)
        return refuse(a, 400, "InvalidRequest", "timestamp missing or more than 15 minutes from now");
    if (!txnid || !txnid[0] || strlen(txnid) > 128)
        return refuse(a, 400, "InvalidRequest", "txnid missing");
    if (!ntype || strcasecmp(ntype, "AA") || !json_string_value(json_object_get(notifier, "id")))
        return refuse(a, 400, "InvalidNotifier", "The notifier is not an Account Aggregator");
    return 0;
}

/* Consent notification: the consent and what to note. */
static int consent_note(struct store *st, const json_t *n, struct aa_consent_rec *r, char **note, const char **status,
                        struct answer *a)
{
    const json_t *csn = json_object_get(n, "ConsentStatusNotification");
    const char *handle = json_string_value(json_object_get(csn, "consentHandle"));
    const char *cid = json_string_value(json_object_get(csn, "consentId"));
    *status = json_string_value(json_object_get(csn, "consentStatus"));
    if (!*status)
        return refuse(a, 400, "InvalidRequest", "consentStatus missing");
    int rc = handle ? STORE_CALL(st, aa_consent_get, AA_BY_HANDLE, handle, r) : STORE_NOT_FOUND;
    if (rc == STORE_NOT_FOUND && cid)
        rc = STORE_CALL(st, aa_consent_get, AA_BY_CONSENT_ID, cid, r);
    if (rc == STORE_ERROR)
        return refuse(a, 500, "InternalError", "Try again");
    if (rc != STORE_OK)
        return refuse(a, 400, "InvalidConsentId", "No such consent");
    json_t *v = json_pack("{s:s,s:s?}", "status", *status, "consentId", cid);
    *note = known(CONSENT_STATUSES, *status) && v ? json_dumps(v, JSON_COMPACT) : NULL;
    json_decref(v);
    return 0;
}

static int fi_note(struct store *st, const json_t *n, struct aa_consent_rec *r, char **note, const char **status,
                   struct answer *a)
{
    const json_t *fsn = json_object_get(n, "FIStatusNotification");
    const char *sid = json_string_value(json_object_get(fsn, "sessionId"));
    *status = json_string_value(json_object_get(fsn, "sessionStatus"));
    if (!sid || !*status)
        return refuse(a, 400, "InvalidRequest", "sessionId or sessionStatus missing");
    int rc = STORE_CALL(st, aa_consent_get, AA_BY_FI_SESSION, sid, r);
    if (rc == STORE_ERROR)
        return refuse(a, 500, "InternalError", "Try again");
    if (rc != STORE_OK)
        return refuse(a, 400, "InvalidSessionId", "No such FI session");
    *note = known(FI_SESSION_STATUSES, *status) ? json_dumps(fsn, JSON_COMPACT) : NULL;
    return 0;
}

void aa_callback(const struct aa_config *c, struct store *st, enum aa_callback_kind kind, const char *body,
                 size_t len, const char *jws, const char *api_key, int *status, char **reply_text, char **reply_sig)
{
    struct answer a = {200, NULL, NULL};
    struct aa_consent_rec r = {0};
    json_t *n = NULL;
    char *note = NULL;
    const char *st_value = NULL, *why = NULL, *txnid = NULL;
    bool have = false;
    if (!aa_enabled(c))
        refuse(&a, 404, "NotImplemented", "Account Aggregator is not configured");
    else if (!api_key || !secret_equal(api_key, c->api_key))
        refuse(&a, 401, "Unauthorized", "aa_api_key missing or wrong");
    else if (jws_verify_detached(c->peer_key, jws, body, len, &why))
        refuse(&a, 400, "SignatureDoesNotMatch", "x-jws-signature does not verify");
    else if (!(n = json_loadb(body, len, 0, NULL)))
        refuse(&a, 400, "InvalidRequest", "The body is not JSON");
    if (n)
        txnid = json_string_value(json_object_get(n, "txnid"));
    if (!a.code && !check_envelope(n, &a))
        have = (kind == AA_CONSENT_NOTIFICATION ? consent_note : fi_note)(st, n, &r, &note, &st_value, &a) == 0;
    if (have) {
        struct aa_event e = {r.id, kind_name(kind), txnid, st_value, true, note ? NULL : "status not acted on", pb_now()};
        int rc = STORE_CALL(st, aa_event_record, &e);
        if (rc == STORE_CONFLICT)
            refuse(&a, 409, "IdempotencyError", "This txnid was already notified");
        else if (rc != STORE_OK)
            refuse(&a, 500, "InternalError", "Try again");
        else if (note && STORE_CALL(st, aa_consent_note, r.id,
                                    kind == AA_CONSENT_NOTIFICATION ? AA_NOTE_CONSENT : AA_NOTE_FI, note,
                                    pb_now()) != STORE_OK)
            refuse(&a, 500, "InternalError", "Try again");
    }
    if (a.code && a.status != 409) {
        struct aa_event e = {have ? r.id : NULL, kind_name(kind), txnid, st_value, false, a.code, pb_now()};
        if (aa_enabled(c))
            STORE_CALL(st, aa_event_record, &e);
        bool sig = !strcmp(a.code, "SignatureDoesNotMatch");
        log_warn("aa msg=\"notification refused\" kind=%s code=%s%s%s", kind_name(kind), a.code,
                 sig ? " reason=" : "", sig && why ? why : "");
    } else if (!a.code) {
        log_info("aa msg=\"notification\" kind=%s consent=%s status=%s", kind_name(kind), r.id,
                 st_value ? st_value : "-");
    }
    reply(c, &a, txnid, status, reply_text, reply_sig);
    free(note);
    json_decref(n);
    aa_consent_rec_clear(&r);
}

int aa_return(const struct aa_config *c, struct store *st, const char *fi, const char *resdate, const char *ecres,
              char session_id[PB_UUID_BUF], char consent_row_id[PB_UUID_BUF])
{
    struct aa_redirect_res res;
    const char *why = NULL;
    int rc = -1;
    struct aa_consent_rec r = {0};
    if (!aa_enabled(c) || !resdate || !ecres)
        why = "parameters missing";
    else if (aa_reqdate_check(resdate, aa_now_ms()))
        why = "resdate outside 180 seconds";
    else if (aa_redirect_parse(c->redirect_secret, resdate, ecres, &res))
        why = "ecres does not decrypt";
    if (why) {
        struct aa_event e = {NULL, "redirect", NULL, NULL, false, why, pb_now()};
        if (aa_enabled(c))
            STORE_CALL(st, aa_event_record, &e);
        log_warn("aa msg=\"redirect refused\" reason=\"%s\"", why);
        return -1;
    }
    (void)fi; /* the AA's id XOR resdate: informative only, one AA is configured */
    if (STORE_CALL(st, aa_consent_get, AA_BY_STATE_TOKEN, res.sessionid, &r) == STORE_OK) {
        char note[64];
        bool ok = !strcasecmp(res.status, "S");
        snprintf(note, sizeof note, "%s%s%.32s", ok ? "S" : "F", ok ? "" : ":", ok ? "" : res.errorcode ? res.errorcode : "");
        /* once: the same answer again (a reload, a copied URL) is refused */
        struct aa_event e = {r.id, "redirect", res.txnid ? res.txnid : r.txnid, note, true, NULL, pb_now()};
        if (STORE_CALL(st, aa_event_record, &e) != STORE_OK) {
            log_warn("aa msg=\"redirect refused\" reason=\"already used\" consent=%s", r.id);
            aa_consent_rec_clear(&r);
            aa_redirect_res_clear(&res);
            return -1;
        }
        STORE_CALL(st, aa_consent_note, r.id, AA_NOTE_REDIRECT, note, pb_now());
        memcpy(session_id, r.session_id, PB_UUID_BUF);
        memcpy(consent_row_id, r.id, PB_UUID_BUF);
        log_info("aa msg=\"customer back\" session=%s consent=%s status=%s", id_short(r.session_id), r.id, note);
        rc = 0;
    } else {
        log_warn("aa msg=\"redirect for an unknown consent\"");
    }
    aa_consent_rec_clear(&r);
    aa_redirect_res_clear(&res);
    return rc;
}

json_t *aa_session_status(struct store *st, const char *session_id)
{
    struct aa_consent_rec r;
    if (STORE_CALL(st, aa_consent_latest, session_id, &r) != STORE_OK)
        return NULL;
    const char *state = r.state ? r.state : "";
    const char *phase = !strcmp(state, "requested")  ? "waiting"
                        : !strcmp(state, "done")     ? "done"
                        : !strcmp(state, "failed")   ? "failed"
                                                     : "fetching";
    const struct bank_info *b = r.bank ? bank_find(r.bank) : NULL;
    json_t *o = json_pack("{s:s,s:s,s:s?,s:s?,s:s?,s:s?}", "consent", r.id, "state", phase, "code", r.error_code,
                          "message", r.error_message, "bank", r.bank, "bank_name", b ? b->full_name : NULL);
    aa_consent_rec_clear(&r);
    return o;
}
