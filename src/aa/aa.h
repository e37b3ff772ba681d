/* Account Aggregator: Passbook as a Financial Information User (FIU) of
 * India's AA network (ReBIT NBFC-AA API 2.0.0, the Sahamati redirection
 * guidelines and Rahasya; docs/aa.md). The journey:
 *
 *   aa_start        (the hosted page's "Continue") POST /Consent, a consent
 *                   row with its aa_fetch job, and the AA page's URL;
 *   aa_return       the customer back from the AA page (ecres);
 *   aa_callback     POST /aa/Consent/Notification and /aa/FI/Notification;
 *   aa_job_run      the aa_fetch job (src/jobs/runner.c): waits for the
 *                   consent (notification, redirect or polling), fetches
 *                   the artefact, requests FI with a fresh X25519 key pair,
 *                   fetches, decrypts and parses every account and admits
 *                   it like a PDF (ingest_admit); failures become failed
 *                   AA statements with their code.
 *
 * Every state lives in the store (aa_consents, jobs): any node may take
 * any step, and a restart resumes where the last one stopped. */
#ifndef PB_AA_AA_H
#define PB_AA_AA_H

#include <jansson.h>
#include <openssl/evp.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/api_error.h"
#include "core/session.h"
#include "ingest/ingest.h"

#define AA_API_VERSION "2.0.0"
#define AA_NOTIFY_WINDOW_S 900        /* a notification's timestamp: within 15 minutes */
#define AA_FI_MAX_BYTES (128u << 20)  /* the largest /FI/fetch answer read */

struct aa_config {
    const char *url;              /* --aa-url; NULL: AA is off */
    const char *webview_url;      /* --aa-webview-url */
    const char *fiu_id;           /* --aa-fiu-id */
    const char *api_key;          /* --aa-api-key: client_api_key out, aa_api_key in */
    const char *redirect_secret;  /* --aa-redirect-secret */
    const char *handle_suffix;    /* --aa-handle-suffix: <mobile>@<suffix> */
    const char *kid;              /* our JWS key id (--aa-key-id; default: the FIU id) */
    EVP_PKEY *sign_key;           /* --aa-signing-key */
    EVP_PKEY *peer_key;           /* --aa-peer-key */
    int timeout_s;                /* each call to the AA */
    int poll_s;                   /* first fallback poll; doubles up to AA_POLL_MAX_S */
    int data_life_max_days;       /* stored FI data is deleted after at most this */
};

#define AA_POLL_MAX_S 60

bool aa_enabled(const struct aa_config *c);
/* Loads the key files and checks that every flag AA needs is set.
 * 0, or -1 with a reason in err. Keys are freed by aa_config_free. */
int aa_config_load(struct aa_config *c, const char *signing_key_path, const char *peer_key_path, char *err,
                   size_t cap);
void aa_config_free(struct aa_config *c);

/* "2026-12-06T10:00:00.000Z" for unix ms. buf >= 32. */
const char *aa_timestamp(int64_t ms, char *buf);
int64_t aa_now_ms(void);
/* A timestamp of the AA API (ISO 8601 with a zone): unix ms, or -1. */
int64_t aa_parse_timestamp(const char *s);

/* ---- the hosted page's start ---- */

struct aa_start_req {
    const char *bank;             /* canonical bank id the customer chose (or the session's) */
    const char *mobile;           /* 10 digits, already checked */
    const char *return_url;       /* Passbook's page the AA sends the customer back to */
};
/* POST /Consent for session s and, once the AA answers with a handle, the
 * consent row and its job; *webview_url (malloc'd) is where the browser
 * goes. 0, or -1 with err (502 AA_UNAVAILABLE when the AA refused or was
 * unreachable). */
int aa_start(const struct aa_config *c, struct store *st, const struct session *s, const struct aa_start_req *r,
             char **webview_url, char consent_row_id[PB_UUID_BUF], struct api_error *err);

/* ---- the customer's return ---- */
/* Decrypts the AA's redirect answer (fi, resdate, ecres), notes it on its
 * consent and wakes the job. 0 with the session id of that consent, or -1
 * (unknown, stale, tampered: logged and recorded). */
int aa_return(const struct aa_config *c, struct store *st, const char *fi, const char *resdate, const char *ecres,
              char session_id[PB_UUID_BUF], char consent_row_id[PB_UUID_BUF]);

/* ---- the FIU callbacks ---- */
enum aa_callback_kind { AA_CONSENT_NOTIFICATION, AA_FI_NOTIFICATION };
/* Checks and records a notification (body as received, its x-jws-signature
 * and aa_api_key headers) and answers *reply (a signed ReBIT response or
 * error body, new reference) with *status. *reply_sig is the
 * x-jws-signature of the reply (malloc'd). */
void aa_callback(const struct aa_config *c, struct store *st, enum aa_callback_kind kind, const char *body,
                 size_t len, const char *jws, const char *api_key, int *status, char **reply_text,
                 char **reply_sig);

/* ---- the aa_fetch job ---- */
/* One step of the job whose payload is {"consent": id}. Returns 0 when the
 * consent's journey is over, 1 to be called again at *run_after (waiting
 * for the customer or the AA), -1 to retry after a failure. On the last
 * attempt a failure ends the consent (AA_UNAVAILABLE) instead. */
int aa_job_run(const struct aa_config *c, const struct ingest_env *env, const char *payload, bool last_attempt,
               int64_t *run_after);

/* The journey's view of a session's AA state: {state, code, message,
 * bank, accounts} (new reference), or NULL when it never started. */
json_t *aa_session_status(struct store *st, const char *session_id);

#endif
