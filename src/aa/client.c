#include "aa/client.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aa/deposit.h"
#include "aa/jws.h"
#include "net/fetch.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/secret.h"

bool aa_enabled(const struct aa_config *c)
{
    return c && c->url && c->url[0];
}

int aa_config_load(struct aa_config *c, const char *signing_key_path, const char *peer_key_path, char *err,
                   size_t cap)
{
    static const char *const NEED[] = {"--aa-webview-url", "--aa-fiu-id", "--aa-api-key",
                                       "--aa-redirect-secret", "--aa-handle-suffix"};
    const char *vals[] = {c->webview_url, c->fiu_id, c->api_key, c->redirect_secret, c->handle_suffix};
    for (size_t i = 0; i < sizeof NEED / sizeof NEED[0]; i++)
        if (!vals[i] || !vals[i][0]) {
            snprintf(err, cap, "--aa-url needs %s", NEED[i]);
            return -1;
        }
    if (!signing_key_path || !peer_key_path) {
        snprintf(err, cap, "--aa-url needs --aa-signing-key and --aa-peer-key");
        return -1;
    }
    if (!(c->sign_key = jws_load_private(signing_key_path, err, cap)) ||
        !(c->peer_key = jws_load_public(peer_key_path, err, cap)))
        return -1;
    if (!c->kid || !c->kid[0])
        c->kid = c->fiu_id;
    if (c->timeout_s <= 0)
        c->timeout_s = 30;
    if (c->poll_s <= 0)
        c->poll_s = 5;
    if (c->data_life_max_days <= 0)
        c->data_life_max_days = 30;
    return 0;
}

void aa_config_free(struct aa_config *c)
{
    EVP_PKEY_free(c->sign_key);
    EVP_PKEY_free(c->peer_key);
    c->sign_key = c->peer_key = NULL;
}

int64_t aa_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts); /* for the milliseconds; the seconds are the one clock's */
    return pb_now() * 1000 + ts.tv_nsec / 1000000;
}

const char *aa_timestamp(int64_t ms, char *buf)
{
    time_t t = (time_t)(ms / 1000);
    struct tm tm;
    gmtime_r(&t, &tm);
    char day[24];
    strftime(day, sizeof day, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(buf, 32, "%s.%03dZ", day, (int)(ms % 1000));
    return buf;
}

json_t *aa_message(const char *txnid)
{
    char id[PB_UUID_BUF], ts[32];
    if (!txnid && !uuid_v4(id))
        return NULL;
    return json_pack("{s:s,s:s,s:s}", "ver", AA_API_VERSION, "timestamp", aa_timestamp(aa_now_ms(), ts), "txnid",
                     txnid ? txnid : id);
}

static void record_refusal(struct store *st, const char *consent_row, const char *path, const char *why)
{
    log_warn("aa msg=\"answer refused\" path=%s reason=\"%s\"", path, why);
    if (!st)
        return;
    char detail[160];
    snprintf(detail, sizeof detail, "%s: %s", path, why);
    struct aa_event e = {consent_row, "response", NULL, NULL, false, detail, pb_now()};
    STORE_CALL(st, aa_event_record, &e);
}

enum aa_rc aa_post(const struct aa_config *c, struct store *st, const char *consent_row, const char *path,
                   json_t *body, json_t **reply, long *status, char *why, size_t cap)
{
    *reply = NULL;
    *status = 0;
    char *text = json_dumps(body, JSON_COMPACT);
    char *sig = text ? jws_sign_detached(c->sign_key, c->kid, text, strlen(text)) : NULL;
    char *url = NULL, *h_sig = NULL, *h_key = NULL;
    enum aa_rc rc = AA_UNREACHABLE;
    if (!sig || asprintf(&url, "%s%s", c->url, path) < 0 || asprintf(&h_sig, "x-jws-signature: %s", sig) < 0 ||
        asprintf(&h_key, "client_api_key: %s", c->api_key) < 0) {
        snprintf(why, cap, "out of memory");
        goto out;
    }
    const char *headers[] = {h_sig, h_key, "Accept: application/json", NULL};
    struct net_reply r;
    struct net_error ne;
    /* The AA's URL is the operator's configuration, not a customer's
     * input: it may be on a private network. */
    if (net_post_exchange(url, headers, text, strlen(text), c->timeout_s, true, AA_FI_MAX_BYTES,
                          "x-jws-signature", &r, &ne)) {
        snprintf(why, cap, "%s", ne.message);
        goto out;
    }
    *status = r.status;
    const char *bad;
    if (jws_verify_detached(c->peer_key, r.header, r.body, r.len, &bad)) {
        snprintf(why, cap, "x-jws-signature %s", r.header ? bad : "missing");
        record_refusal(st, consent_row, path, why);
        rc = AA_BAD_SIGNATURE;
    } else {
        json_error_t je;
        *reply = json_loadb(r.body, r.len, 0, &je);
        if (*reply && !json_is_object(*reply)) {
            json_decref(*reply);
            *reply = NULL;
        }
        if (r.status >= 200 && r.status < 300) {
            rc = *reply ? AA_OK : AA_BAD_REPLY;
            if (!*reply)
                snprintf(why, cap, "answer is not a JSON object");
        } else {
            const char *code = json_string_value(json_object_get(*reply, "errorCode"));
            snprintf(why, cap, "HTTP %ld %s", r.status, code ? code : "");
            rc = AA_ERROR_REPLY;
        }
    }
    net_reply_free(&r);
out:
    free(text);
    free(sig);
    free(url);
    free(h_sig);
    free(h_key);
    return rc;
}

int64_t aa_parse_timestamp(const char *s)
{
    /* the grammar of FI timestamps: date, time, fraction, zone */
    pb_day day;
    int64_t ms;
    if (!s || !strchr(s, 'T') || !fi_instant(s, &day, &ms))
        return -1;
    return ms;
}
