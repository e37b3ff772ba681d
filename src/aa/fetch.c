/* The aa_fetch job: one consent request from the customer's approval to
 * the data in the store. Each run takes one step and says whether to come
 * back (a snooze, not a failed attempt):
 *
 *   requested     wait for the consent: a notification, the customer's
 *                 return, or polling POST /Consent/handle (every few
 *                 seconds at first, every minute later), until the consent
 *                 expires; rejected / expired / failed end it;
 *   approved      POST /Consent/fetch (the signed artefact: its DataLife
 *                 and FIDataRange), a fresh X25519 key pair and nonce
 *                 (the private key sealed in the store before it is used),
 *                 POST /FI/request;
 *   fi_requested  wait for FI/Notification (or poll /FI/fetch), then
 *                 POST /FI/fetch, decrypt, parse and admit every account;
 *                 accounts of the artefact still to come (FIPs answer at
 *                 their own pace) are fetched again later, until the FI
 *                 session is over or no word came for FI_WAIT_MAX_S; the
 *                 private key is erased once the data is in;
 *   done/failed   nothing more.
 *
 * A step that fails half-way is retried from the stored state; admitting
 * the same FI again is refused as a duplicate, which counts as done. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "aa/aa.h"
#include "aa/client.h"
#include "aa/deposit.h"
#include "aa/jws.h"
#include "aa/rahasya.h"
#include "ingest/seal.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/secret.h"
#include "util/stats.h"

#define FI_WAIT_MAX_S (30 * 60)   /* after FI/request, how long data may take */
#define FI_FIRST_POLL_S 20        /* without a notification, the first /FI/fetch attempt */
#define FI_SILENT_WAIT_S (5 * 60) /* accounts still to come, and no notification ever said so */
#define FI_MAX_ACCOUNTS 64        /* accounts read from one /FI/fetch answer; more are ignored */

struct job {
    const struct aa_config *c;
    const struct ingest_env *env;
    struct aa_consent_rec r;
    struct session s;
    int64_t now;
    int64_t *run_after;
    bool last_attempt;
    char first_code[64], first_message[160]; /* the first account failure of this run */
};

/* ---- outcomes ---- */

/* Whether rec is the failure already recorded for this consent, code and
 * account (masked number, or none for the consent as a whole). */
static bool same_failure(const struct statement_rec *rec, const struct job *j, const char *code,
                         const char *account_id)
{
    if (!rec->aa_consent_id || strcmp(rec->aa_consent_id, j->r.id) || !rec->error_code ||
        strcmp(rec->error_code, code))
        return false;
    if (account_id)
        return !strcmp(rec->account_id, account_id);
    json_t *id = rec->identity ? json_loads(rec->identity, 0, NULL) : NULL;
    bool none = !json_string_value(json_object_get(id, "account_number"));
    json_decref(id);
    return none;
}

/* A failed AA statement for the account (masked number, or NULL for the
 * consent as a whole), once: a re-run step finds it recorded. True when
 * it was not recorded before. */
static bool record_failure(struct job *j, const char *masked, const char *code, const char *message)
{
    struct statement st = {.source = SOURCE_AA, .bank = j->r.bank, .id.account_number = (char *)masked};
    struct ingest_candidate cand = {.st = &st, .aa_consent_id = j->r.id};
    char account_id[PB_UUID_BUF];
    if (masked)
        ingest_account_id(j->s.id, masked, account_id);
    struct statement_rec *all = NULL;
    size_t n = 0;
    bool seen = false;
    if (STORE_CALL(j->env->store, statement_list, j->s.id, &all, &n) == STORE_OK)
        for (size_t i = 0; i < n; i++) {
            seen = seen || same_failure(&all[i], j, code, masked ? account_id : NULL);
            statement_rec_clear(&all[i]);
        }
    free(all);
    if (!j->first_code[0]) {
        snprintf(j->first_code, sizeof j->first_code, "%s", code);
        snprintf(j->first_message, sizeof j->first_message, "%s", message);
    }
    if (seen)
        return false;
    if (ingest_record_failure(j->env, &j->s, &cand, code, message))
        log_warn("aa msg=\"failure not recorded\" consent=%s code=%s", j->r.id, code);
    log_info("aa msg=\"account failed\" session=%s consent=%s code=%s", id_short(j->s.id), j->r.id, code);
    return true;
}

static int save(struct job *j)
{
    return STORE_CALL(j->env->store, aa_consent_update, &j->r, j->now) == STORE_OK ? 0 : -1;
}

static void set_str(char **field, const char *v)
{
    free(*field);
    *field = v ? strdup(v) : NULL;
}

/* The consent ends without data: the code on a failed statement and the row. */
static int fail_consent(struct job *j, const char *code, const char *message)
{
    record_failure(j, NULL, code, message);
    set_str(&j->r.state, "failed");
    set_str(&j->r.error_code, code);
    set_str(&j->r.error_message, message);
    free(j->r.key_sealed);
    j->r.key_sealed = NULL;
    j->r.key_sealed_len = 0;
    return save(j) ? -1 : 0;
}

static int snooze(struct job *j, int seconds)
{
    *j->run_after = j->now + seconds;
    return 1;
}

/* Polling interval: a few seconds at first, up to a minute for a consent
 * left open long. */
static int poll_interval(const struct job *j)
{
    int64_t age = j->now - (!strcmp(j->r.state, "requested") ? j->r.created_at : j->r.updated_at);
    int64_t s = age / 10;
    return (int)(s < j->c->poll_s ? j->c->poll_s : s > AA_POLL_MAX_S ? AA_POLL_MAX_S : s);
}

/* ---- consent statuses ---- */

struct status_map {
    const char *status, *code, *message;
};

static const struct status_map CONSENT_ENDS[] = {
    {"REJECTED", "AA_CONSENT_REJECTED", "The customer rejected the consent request"},
    {"EXPIRED", "AA_CONSENT_EXPIRED", "The consent request expired before it was approved"},
    {"REVOKED", "AA_CONSENT_REVOKED", "The customer revoked the consent"},
    {"PAUSED", "AA_CONSENT_PAUSED", "The customer paused the consent"},
    {"FAILED", "AA_CONSENT_FAILED", "The Account Aggregator could not create the consent"},
};

static const struct status_map *consent_end(const char *status)
{
    for (size_t i = 0; status && i < sizeof CONSENT_ENDS / sizeof CONSENT_ENDS[0]; i++)
        if (!strcasecmp(status, CONSENT_ENDS[i].status))
            return &CONSENT_ENDS[i];
    return NULL;
}

static bool is_approved(const char *status)
{
    return status && (!strcasecmp(status, "ACTIVE") || !strcasecmp(status, "READY") ||
                      !strcasecmp(status, "APPROVED"));
}

/* The status and consent id a notification left ({"status","consentId"}). */
static void notified(const struct job *j, const char **status, const char **consent_id, json_t **hold)
{
    *hold = j->r.notified_status ? json_loads(j->r.notified_status, 0, NULL) : NULL;
    *status = json_string_value(json_object_get(*hold, "status"));
    *consent_id = json_string_value(json_object_get(*hold, "consentId"));
}

/* POST /Consent/handle: *status and *consent_id (new reference in *hold). */
static enum aa_rc poll_consent(struct job *j, const char **status, const char **consent_id, json_t **hold)
{
    json_t *req = aa_message(NULL), *reply = NULL;
    json_object_set_new(req, "ConsentHandle", json_string(j->r.consent_handle));
    long http;
    char why[256];
    enum aa_rc rc = aa_post(j->c, j->env->store, j->r.id, "/Consent/handle", req, &reply, &http, why, sizeof why);
    json_decref(req);
    json_t *cs = json_object_get(reply, "ConsentStatus");
    if (json_is_array(cs)) /* some AAs answer a list */
        cs = json_array_get(cs, 0);
    *status = json_string_value(json_object_get(cs, "status"));
    *consent_id = json_string_value(json_object_get(cs, "id"));
    *hold = reply;
    if (rc != AA_OK)
        log_warn("aa msg=\"consent status poll failed\" consent=%s reason=\"%s\"", j->r.id, why);
    return rc;
}

static int step_requested(struct job *j)
{
    const char *status = NULL, *cid = NULL;
    json_t *hold = NULL;
    notified(j, &status, &cid, &hold);
    bool redirect_failed = j->r.redirect_status && j->r.redirect_status[0] == 'F';
    if (!consent_end(status) && !(is_approved(status) && cid)) {
        json_decref(hold);
        hold = NULL;
        enum aa_rc rc = poll_consent(j, &status, &cid, &hold);
        if (rc == AA_BAD_SIGNATURE) {
            json_decref(hold);
            return fail_consent(j, "AA_SIGNATURE_INVALID", "The Account Aggregator's answer had a bad signature");
        }
        if (rc != AA_OK && !redirect_failed) {
            json_decref(hold);
            return j->now > j->r.expires_at ? fail_consent(j, "AA_CONSENT_EXPIRED", CONSENT_ENDS[1].message)
                                            : snooze(j, poll_interval(j));
        }
    }
    int out;
    const struct status_map *end = consent_end(status);
    if (!end && redirect_failed && !is_approved(status)) /* the customer declined on the AA's page */
        end = strcmp(j->r.redirect_status, "F:1") ? NULL : &CONSENT_ENDS[0];
    if (end) {
        out = fail_consent(j, end->code, end->message);
    } else if (is_approved(status) && cid && cid[0]) {
        set_str(&j->r.consent_id, cid);
        set_str(&j->r.state, "approved");
        out = save(j) ? -1 : snooze(j, 0);
    } else if (j->now > j->r.expires_at || (j->s.expires_at && j->now > j->s.expires_at)) {
        out = fail_consent(j, "AA_CONSENT_EXPIRED", CONSENT_ENDS[1].message);
    } else {
        out = snooze(j, poll_interval(j));
    }
    json_decref(hold);
    return out;
}

/* ---- artefact, keys, FI request ---- */

static int64_t data_life_seconds(const json_t *detail, int max_days)
{
    const json_t *dl = json_object_get(detail, "DataLife");
    const char *unit = json_string_value(json_object_get(dl, "unit"));
    json_t *v = json_object_get(dl, "value");
    double value = json_is_number(v) ? json_number_value(v) : json_is_string(v) ? atof(json_string_value(v)) : 0;
    int64_t cap = (int64_t)max_days * 86400, s = cap;
    if (unit && !strcasecmp(unit, "DAY"))
        s = (int64_t)(value * 86400);
    else if (unit && !strcasecmp(unit, "MONTH"))
        s = (int64_t)(value * 30 * 86400);
    else if (unit && !strcasecmp(unit, "YEAR"))
        s = (int64_t)(value * 365 * 86400);
    return s > 0 && s < cap ? s : cap;
}

/* The consent detail of an artefact's payload (a new reference; d is
 * taken): the payload itself, as ReBIT's examples have it, or the object
 * under "ConsentDetail" where an AA wraps it. */
static json_t *consent_detail(json_t *d)
{
    json_t *inner = json_object_get(d, "ConsentDetail");
    if (!json_is_object(inner))
        return d;
    json_incref(inner);
    json_decref(d);
    return inner;
}

/* POST /Consent/fetch: the artefact's status, signature part and detail. */
static int fetch_artefact(struct job *j, json_t **detail, char **signature)
{
    json_t *req = aa_message(NULL), *reply = NULL;
    json_object_set_new(req, "consentId", json_string(j->r.consent_id));
    long http;
    char why[256];
    enum aa_rc rc = aa_post(j->c, j->env->store, j->r.id, "/Consent/fetch", req, &reply, &http, why, sizeof why);
    json_decref(req);
    *detail = NULL;
    *signature = NULL;
    if (rc != AA_OK) {
        log_warn("aa msg=\"consent fetch failed\" consent=%s reason=\"%s\"", j->r.id, why);
        json_decref(reply);
        return rc == AA_BAD_SIGNATURE ? -2 : -1;
    }
    const char *status = json_string_value(json_object_get(reply, "status"));
    const char *signed_consent = json_string_value(json_object_get(reply, "signedConsent"));
    char *payload = NULL;
    size_t plen, slen;
    const char *sig, *bad;
    int out = -1;
    if (consent_end(status)) {
        out = -3 - (int)(consent_end(status) - CONSENT_ENDS); /* -3, -4, ... : which end */
    } else if (signed_consent && strlen(signed_consent) < (1u << 20) &&
               jws_open_attached(NULL, signed_consent, &payload, &plen, &sig, &slen, &bad) == 0) {
        /* The outer answer is signed; the artefact's own signature is
         * checked too and only logged when it fails: an AA may sign
         * artefacts with another key than its API answers. */
        char *p2 = NULL;
        const char *s2, *bad2;
        size_t l2, sl2;
        if (jws_open_attached(j->c->peer_key, signed_consent, &p2, &l2, &s2, &sl2, &bad2))
            log_warn("aa msg=\"consent artefact signature not verified\" consent=%s reason=\"%s\"", j->r.id, bad2);
        free(p2);
        *detail = consent_detail(json_loadb(payload, plen, 0, NULL));
        *signature = strndup(sig, slen);
        set_str(&j->r.artefact, signed_consent);
        out = *detail && *signature ? 0 : -1;
    } else {
        log_warn("aa msg=\"consent artefact unreadable\" consent=%s", j->r.id);
    }
    free(payload);
    json_decref(reply);
    return out;
}

static json_t *key_material(const char *public_pem, const char *nonce, int64_t now)
{
    char exp[32];
    return json_pack("{s:s,s:s,s:s,s:{s:s,s:s,s:s},s:s}", "cryptoAlg", "ECDH", "curve", "X25519", "params",
                     "cipher=AES/GCM/NoPadding;KeyPairGenerator=ECDH", "DHPublicKey", "expiry",
                     aa_timestamp((now + 86400) * 1000, exp), "Parameters", "", "KeyValue", public_pem, "Nonce",
                     nonce);
}

/* A fresh key pair, the private key sealed and stored before it is used. */
static int new_keys(struct job *j)
{
    char *priv = NULL, *pub = NULL, *nonce = NULL;
    int rc = -1;
    free(j->r.key_sealed);
    j->r.key_sealed = NULL;
    if (rahasya_keygen(&priv, &pub, &nonce) == 0 && j->env->have_seal_key &&
        seal_encrypt(j->env->seal_key, priv, &j->r.key_sealed, &j->r.key_sealed_len) == 0) {
        set_str(&j->r.key_public, pub);
        set_str(&j->r.nonce, nonce);
        rc = save(j);
    }
    if (priv)
        explicit_bzero(priv, strlen(priv));
    free(priv);
    free(pub);
    free(nonce);
    return rc;
}

static int step_approved(struct job *j)
{
    json_t *detail = NULL;
    char *signature = NULL;
    int rc = fetch_artefact(j, &detail, &signature);
    if (rc == -2)
        return fail_consent(j, "AA_SIGNATURE_INVALID", "The Account Aggregator's answer had a bad signature");
    if (rc <= -3) {
        const struct status_map *end = &CONSENT_ENDS[-rc - 3];
        return fail_consent(j, end->code, end->message);
    }
    if (rc) {
        free(signature);
        return -1;
    }
    int out = -1;
    /* the range consented to; else the one asked for (an artefact without it) */
    json_t *asked = j->r.details ? json_loads(j->r.details, 0, NULL) : NULL;
    json_t *range = json_object_get(detail, "FIDataRange");
    const char *from = json_string_value(json_object_get(range, "from"));
    const char *to = json_string_value(json_object_get(range, "to"));
    if (!from || !to) {
        from = json_string_value(json_object_get(asked, "fi_from"));
        to = json_string_value(json_object_get(asked, "fi_to"));
    }
    json_t *req = NULL, *reply = NULL;
    j->r.data_life_until = j->now + data_life_seconds(detail, j->c->data_life_max_days);
    if (!from || !to || new_keys(j))
        goto out;
    req = aa_message(NULL);
    json_object_set_new(req, "FIDataRange", json_pack("{s:s,s:s}", "from", from, "to", to));
    json_object_set_new(req, "Consent", json_pack("{s:s,s:s}", "id", j->r.consent_id, "digitalSignature", signature));
    json_object_set_new(req, "KeyMaterial", key_material(j->r.key_public, j->r.nonce, j->now));
    long http;
    char why[256];
    enum aa_rc arc = aa_post(j->c, j->env->store, j->r.id, "/FI/request", req, &reply, &http, why, sizeof why);
    const char *sid = json_string_value(json_object_get(reply, "sessionId"));
    if (arc == AA_BAD_SIGNATURE) {
        out = fail_consent(j, "AA_SIGNATURE_INVALID", "The Account Aggregator's answer had a bad signature");
    } else if (arc != AA_OK || !sid || !sid[0]) {
        log_warn("aa msg=\"FI request failed\" consent=%s reason=\"%s\"", j->r.id, arc == AA_OK ? "no sessionId" : why);
        out = arc == AA_ERROR_REPLY && http >= 400 && http < 500 && j->last_attempt
                  ? fail_consent(j, "AA_FI_REQUEST_REFUSED", "The Account Aggregator refused the data request")
                  : -1;
    } else {
        set_str(&j->r.fi_session_id, sid);
        set_str(&j->r.state, "fi_requested");
        out = save(j) ? -1 : snooze(j, FI_FIRST_POLL_S);
        log_info("aa msg=\"FI requested\" session=%s consent=%s", id_short(j->s.id), j->r.id);
    }
out:
    json_decref(req);
    json_decref(reply);
    json_decref(detail);
    json_decref(asked);
    free(signature);
    return out;
}

/* ---- FI fetch ---- */

static const struct status_map FI_ENDS[] = {
    {"DENIED", "AA_FI_DENIED", "The bank declined to share the account's data"},
    {"TIMEOUT", "AA_FI_TIMEOUT", "The bank did not send the account's data in time"},
    {"FAILED", "AA_FI_FAILED", "The Account Aggregator could not fetch the data"},
    {"EXPIRED", "AA_FI_EXPIRED", "The data request expired before the data came"},
};

static const struct status_map *fi_end(const char *status)
{
    for (size_t i = 0; status && i < sizeof FI_ENDS / sizeof FI_ENDS[0]; i++)
        if (!strcasecmp(status, FI_ENDS[i].status))
            return &FI_ENDS[i];
    return NULL;
}

/* The artefact's Accounts (a new reference; NULL when it names none). */
static json_t *artefact_accounts(const struct job *j)
{
    char *payload = NULL;
    size_t plen, slen;
    const char *sig, *bad;
    if (!j->r.artefact || jws_open_attached(NULL, j->r.artefact, &payload, &plen, &sig, &slen, &bad))
        return NULL;
    json_t *d = consent_detail(json_loadb(payload, plen, 0, NULL));
    json_t *accounts = json_object_get(d, "Accounts");
    if (json_is_array(accounts))
        json_incref(accounts);
    else
        accounts = NULL;
    json_decref(d);
    free(payload);
    return accounts;
}

/* The masked number of a linked account, from the artefact's Accounts. */
static char *masked_of(const struct job *j, const char *link_ref)
{
    json_t *accounts = link_ref ? artefact_accounts(j) : NULL, *a;
    char *out = NULL;
    size_t i;
    json_array_foreach(accounts, i, a) {
        const char *ref = json_string_value(json_object_get(a, "linkRefNumber"));
        const char *m = json_string_value(json_object_get(a, "maskedAccNumber"));
        if (ref && m && !strcmp(ref, link_ref) && !out)
            out = strdup(m);
    }
    json_decref(accounts);
    return out;
}

/* What the FI notification says: 1 ready to fetch, 0 still waiting, -1
 * the data will not come (recorded). Accounts denied or timed out are
 * recorded as failed either way. */
static int fi_state(struct job *j)
{
    json_t *n = j->r.fi_notified ? json_loads(j->r.fi_notified, 0, NULL) : NULL, *f, *acc;
    const char *session_status = json_string_value(json_object_get(n, "sessionStatus"));
    size_t i, k, ready = 0, pending = 0, ended = 0;
    json_array_foreach(json_object_get(n, "FIStatusResponse"), i, f) {
        json_array_foreach(json_object_get(f, "Accounts"), k, acc) {
            const char *st = json_string_value(json_object_get(acc, "FIStatus"));
            const struct status_map *end = fi_end(st);
            if (end && (!strcasecmp(st, "DENIED") || !strcasecmp(st, "TIMEOUT"))) {
                char *masked = masked_of(j, json_string_value(json_object_get(acc, "linkRefNumber")));
                const char *ref = json_string_value(json_object_get(acc, "linkRefNumber"));
                record_failure(j, masked ? masked : ref ? ref : "unknown", end->code, end->message);
                free(masked);
                ended++;
            } else if (st && (!strcasecmp(st, "READY") || !strcasecmp(st, "DELIVERED"))) {
                ready++;
            } else {
                pending++;
            }
        }
    }
    int out = 0;
    if (ready)
        out = 1;
    else if (fi_end(session_status) || (ended && !pending))
        out = -1;
    else if (session_status && !strcasecmp(session_status, "COMPLETED") && !pending)
        out = 1; /* done, accounts not listed: fetch and see */
    json_decref(n);
    return out;
}

/* One encrypted account: decrypt, parse, admit. Failures are recorded. */
static bool take_account(struct job *j, const json_t *km, const json_t *data, char *own_priv)
{
    const char *masked = json_string_value(json_object_get(data, "maskedAccNumber"));
    const char *enc = json_string_value(json_object_get(data, "encryptedFI"));
    const char *peer = json_string_value(json_object_get(json_object_get(km, "DHPublicKey"), "KeyValue"));
    const char *peer_nonce = json_string_value(json_object_get(km, "Nonce"));
    const char *label = masked ? masked : json_string_value(json_object_get(data, "linkRefNumber"));
    unsigned char *plain = NULL;
    size_t plen;
    const char *why;
    if (!enc || rahasya_decrypt(own_priv, j->r.nonce, peer, peer_nonce, enc, strlen(enc), &plain, &plen, &why)) {
        log_warn("aa msg=\"FI not decrypted\" consent=%s reason=\"%s\"", j->r.id, enc ? why : "no encryptedFI");
        if (record_failure(j, label, "AA_DECRYPTION_FAILED", "The account's data could not be decrypted"))
            stats_add(STATS_UPLOADS, "aa", "AA_DECRYPTION_FAILED", 1);
        return false;
    }
    struct fi_account a;
    char reason[200];
    int rc = fi_parse((const char *)plain, plen, &a, reason, sizeof reason);
    char sha[PB_SHA256_HEX];
    sha256_hex(plain, plen, sha);
    explicit_bzero(plain, plen);
    free(plain);
    if (rc) {
        log_warn("aa msg=\"FI not readable\" consent=%s reason=\"%s\"", j->r.id, reason);
        if (record_failure(j, label, "UNPARSABLE", "The account's data could not be read"))
            stats_add(STATS_UPLOADS, "aa", "UNPARSABLE", 1);
        return false;
    }
    if (!a.st.bank && j->r.bank)
        a.st.bank = strdup(j->r.bank); /* the bank the customer chose, when the data names none */
    if (!a.st.id.account_number && label)
        a.st.id.account_number = strdup(label);
    bool ok = false;
    if (a.st.ntxns == 0) {
        if (record_failure(j, a.st.id.account_number, "NO_TRANSACTIONS_FROM_AA",
                           "Not able to fetch transactions from Account Aggregator"))
            stats_add(STATS_UPLOADS, "aa", "NO_TRANSACTIONS_FROM_AA", 1);
    } else {
        struct ingest_candidate c = {.st = &a.st, .content_sha256 = sha, .size = (int64_t)plen,
                                     .want_bank = j->r.bank, .aa_consent_id = j->r.id};
        json_t *result = NULL;
        struct api_error err;
        char stmt[PB_UUID_BUF];
        int admitted = ingest_admit(j->env, &j->s, &c, &result, stmt, &err);
        bool again = admitted && !strcmp(err.code, "STATEMENT_DUPLICATE"); /* fetched before */
        ok = admitted == 0 || again;
        json_decref(result);
        if (!again)
            stats_add(STATS_UPLOADS, "aa", admitted ? err.code : "ok", 1);
        if (!ok && strcmp(err.code, "SESSION_EXPIRED"))
            record_failure(j, a.st.id.account_number, err.code, err.message);
        log_info("aa msg=\"account %s\" session=%s consent=%s rows=%zu%s%s", ok ? "added" : "refused",
                 id_short(j->s.id),
                 j->r.id, a.st.ntxns, ok ? "" : " code=", ok ? "" : err.code);
    }
    fi_account_free(&a);
    return ok;
}

static int finish(struct job *j, size_t added, size_t total)
{
    free(j->r.key_sealed); /* forward secrecy: the key is never needed again */
    j->r.key_sealed = NULL;
    j->r.key_sealed_len = 0;
    if (added) {
        set_str(&j->r.state, "done");
        return save(j) ? -1 : 0;
    }
    if (!total || !j->first_code[0])
        return fail_consent(j, "NO_TRANSACTIONS_FROM_AA", "Not able to fetch transactions from Account Aggregator");
    /* every account failed, each recorded with its own code: the consent
     * ends with the first one's */
    set_str(&j->r.state, "failed");
    set_str(&j->r.error_code, j->first_code);
    set_str(&j->r.error_message, j->first_message);
    return save(j) ? -1 : 0;
}

/* Whether the notification says the FI session is over: no more data
 * will come. */
static bool fi_session_over(const struct job *j)
{
    json_t *n = j->r.fi_notified ? json_loads(j->r.fi_notified, 0, NULL) : NULL;
    const char *st = json_string_value(json_object_get(n, "sessionStatus"));
    bool over = st && (!strcasecmp(st, "COMPLETED") || !strcasecmp(st, "PARTIAL") || fi_end(st));
    json_decref(n);
    return over;
}

/* The status the notification gave the linked account, or NULL. */
static const char *notified_fi_status(const json_t *n, const char *ref)
{
    const json_t *f, *acc;
    size_t i, k;
    json_array_foreach(json_object_get(n, "FIStatusResponse"), i, f) {
        json_array_foreach(json_object_get(f, "Accounts"), k, acc) {
            const char *r = json_string_value(json_object_get(acc, "linkRefNumber"));
            if (r && !strcmp(r, ref))
                return json_string_value(json_object_get(acc, "FIStatus"));
        }
    }
    return NULL;
}

/* After a fetch: whether accounts of the artefact are still to come (not
 * delivered, not denied or timed out), so the job waits for them with the
 * key kept. Once the FI session is over, or no word came for
 * FI_WAIT_MAX_S (FI_SILENT_WAIT_S after the FI request when the AA never
 * notified), the missing ones are recorded as failed and nothing is to
 * come. An artefact naming no accounts has nothing to wait for. */
static bool to_come(struct job *j, const json_t *delivered)
{
    json_t *accounts = artefact_accounts(j), *a;
    json_t *n = j->r.fi_notified ? json_loads(j->r.fi_notified, 0, NULL) : NULL;
    bool over = fi_session_over(j), waiting = false;
    bool late = j->now - j->r.updated_at > (n ? FI_WAIT_MAX_S : FI_SILENT_WAIT_S);
    size_t i;
    json_array_foreach(accounts, i, a) {
        const char *ref = json_string_value(json_object_get(a, "linkRefNumber"));
        if (!ref || json_object_get(delivered, ref) || fi_end(notified_fi_status(n, ref)))
            continue;
        if (!over && !late) {
            waiting = true;
            continue;
        }
        const char *m = json_string_value(json_object_get(a, "maskedAccNumber"));
        const struct status_map *why = over ? &FI_ENDS[2] : &FI_ENDS[1]; /* never sent / not in time */
        record_failure(j, m ? m : ref, why->code, why->message);
    }
    json_decref(n);
    json_decref(accounts);
    if (waiting)
        log_info("aa msg=\"waiting for more accounts\" consent=%s", j->r.id);
    return waiting;
}

/* Whether the consent covers the account data d names: its linkRefNumber
 * (else its masked number) is one of the artefact's Accounts. An artefact
 * naming no accounts cannot tell, and covers all. */
static bool consented(const json_t *accounts, const json_t *d)
{
    const char *ref = json_string_value(json_object_get(d, "linkRefNumber"));
    const char *masked = json_string_value(json_object_get(d, "maskedAccNumber"));
    const json_t *a;
    size_t i;
    if (!json_array_size(accounts))
        return true;
    json_array_foreach(accounts, i, a) {
        const char *r = json_string_value(json_object_get(a, "linkRefNumber"));
        const char *m = json_string_value(json_object_get(a, "maskedAccNumber"));
        if (ref ? r && !strcmp(r, ref) : masked && m && !strcmp(m, masked))
            return true;
    }
    return false;
}

/* Data the AA should not have sent: never read, recorded and logged. */
static void refuse_account(struct job *j, const char *why)
{
    struct aa_event e = {j->r.id, "response", NULL, NULL, false, why, pb_now()};
    STORE_CALL(j->env->store, aa_event_record, &e);
    log_warn("aa msg=\"FI refused\" consent=%s reason=\"%s\"", j->r.id, why);
}

static int fetch_data(struct job *j)
{
    char *priv = NULL;
    if (!j->r.key_sealed || seal_decrypt(j->env->seal_key, j->r.key_sealed, j->r.key_sealed_len, &priv))
        return fail_consent(j, "AA_FI_FAILED", "The data request's key was lost; start again");
    json_t *req = aa_message(NULL), *reply = NULL;
    json_object_set_new(req, "sessionId", json_string(j->r.fi_session_id));
    long http;
    char why[256];
    enum aa_rc rc = aa_post(j->c, j->env->store, j->r.id, "/FI/fetch", req, &reply, &http, why, sizeof why);
    json_decref(req);
    int out;
    json_t *fis = json_object_get(reply, "FI");
    if (rc == AA_BAD_SIGNATURE) {
        out = fail_consent(j, "AA_SIGNATURE_INVALID", "The Account Aggregator's answer had a bad signature");
    } else if (rc != AA_OK || !json_array_size(fis)) {
        /* not ready yet (or no answer): wait, within the FI deadline */
        log_info("aa msg=\"FI not fetched yet\" consent=%s reason=\"%s\"", j->r.id, rc == AA_OK ? "no FI" : why);
        out = j->now - j->r.updated_at > FI_WAIT_MAX_S
                  ? fail_consent(j, FI_ENDS[1].code, FI_ENDS[1].message)
                  : snooze(j, poll_interval(j));
    } else {
        size_t i, k, added = 0, total = 0, seen = 0;
        json_t *fi, *d, *delivered = json_object(), *accounts = artefact_accounts(j);
        json_array_foreach(fis, i, fi) {
            json_array_foreach(json_object_get(fi, "data"), k, d) {
                if (++seen > FI_MAX_ACCOUNTS) {
                    if (seen == FI_MAX_ACCOUNTS + 1)
                        refuse_account(j, "more accounts than one answer may carry");
                    continue;
                }
                if (!consented(accounts, d)) {
                    refuse_account(j, "an account the consent does not name");
                    continue;
                }
                total++;
                added += take_account(j, json_object_get(fi, "KeyMaterial"), d, priv);
                const char *ref = json_string_value(json_object_get(d, "linkRefNumber"));
                if (ref)
                    json_object_set_new(delivered, ref, json_true());
            }
        }
        out = to_come(j, delivered) ? snooze(j, poll_interval(j)) : finish(j, added, total);
        json_decref(delivered);
        json_decref(accounts);
    }
    explicit_bzero(priv, strlen(priv));
    free(priv);
    json_decref(reply);
    return out;
}

static int step_fi_requested(struct job *j)
{
    int st = fi_state(j);
    if (st < 0) {
        json_t *n = json_loads(j->r.fi_notified, 0, NULL);
        const struct status_map *end = fi_end(json_string_value(json_object_get(n, "sessionStatus")));
        json_decref(n);
        free(j->r.key_sealed);
        j->r.key_sealed = NULL;
        j->r.key_sealed_len = 0;
        if (!end) { /* every account ended, each already recorded */
            set_str(&j->r.state, "failed");
            set_str(&j->r.error_code, j->first_code[0] ? j->first_code : FI_ENDS[0].code);
            set_str(&j->r.error_message, j->first_code[0] ? j->first_message : FI_ENDS[0].message);
            return save(j) ? -1 : 0;
        }
        return fail_consent(j, end->code, end->message);
    }
    /* Ready, or no word yet: try to fetch (the polling fallback). */
    return fetch_data(j);
}

int aa_job_run(const struct aa_config *c, const struct ingest_env *env, const char *payload, bool last_attempt,
               int64_t *run_after)
{
    json_t *p = payload ? json_loads(payload, 0, NULL) : NULL;
    const char *id = json_string_value(json_object_get(p, "consent"));
    struct job j = {.c = c, .env = env, .now = pb_now(), .run_after = run_after, .last_attempt = last_attempt};
    int rc = id ? STORE_CALL(env->store, aa_consent_get, AA_BY_ID, id, &j.r) : STORE_NOT_FOUND;
    json_decref(p);
    if (rc != STORE_OK)
        return rc == STORE_NOT_FOUND ? 0 : -1; /* gone with its session: nothing to do */
    rc = STORE_CALL(env->store, session_get, j.r.session_id, NULL, &j.s);
    if (rc != STORE_OK || j.s.deleted_at || !aa_enabled(c)) {
        if (rc == STORE_OK)
            session_clear(&j.s);
        aa_consent_rec_clear(&j.r);
        return rc == STORE_ERROR ? -1 : 0;
    }
    char state[16]; /* a copy: the step replaces j.r.state */
    snprintf(state, sizeof state, "%s", j.r.state ? j.r.state : "");
    int out = !strcmp(state, "requested")      ? step_requested(&j)
              : !strcmp(state, "approved")     ? step_approved(&j)
              : !strcmp(state, "fi_requested") ? step_fi_requested(&j)
                                               : 0;
    if (out < 0 && last_attempt) /* the AA kept failing: end it rather than leave the customer waiting */
        out = fail_consent(&j, "AA_UNAVAILABLE", "The Account Aggregator could not be reached");
    const char *end = j.r.state ? j.r.state : "";
    bool fetching = !strcmp(state, "approved") || !strcmp(state, "fi_requested");
    if (out == 0 && fetching && (!strcmp(end, "done") || !strcmp(end, "failed"))) /* one FI fetch ended */
        stats_add(STATS_AA_FETCHES, !strcmp(end, "done") ? "ok" : j.r.error_code ? j.r.error_code : "error", NULL, 1);
    session_clear(&j.s);
    aa_consent_rec_clear(&j.r);
    return out;
}
