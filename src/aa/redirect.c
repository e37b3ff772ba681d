#include "aa/redirect.h"

#include <ctype.h>
#include <openssl/evp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/base64.h"

void aa_reqdate(int64_t now_ms, char out[AA_REQDATE_LEN + 1])
{
    time_t t = (time_t)(now_ms / 1000);
    struct tm tm;
    gmtime_r(&t, &tm);
    char buf[64];
    snprintf(buf, sizeof buf, "%02d%02d%04d%02d%02d%02d%d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900,
             tm.tm_hour, tm.tm_min, tm.tm_sec, (int)(now_ms % 1000 / 100));
    memcpy(out, buf, AA_REQDATE_LEN);
    out[AA_REQDATE_LEN] = '\0';
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Unix ms of a reqdate read as HHmmss+tenths (hms) or HHmm+millis. */
static int reqdate_ms(const char *d, bool hms, int64_t *out)
{
    struct tm tm = {0};
    tm.tm_mday = digits(d, 2);
    tm.tm_mon = digits(d + 2, 2) - 1;
    tm.tm_year = digits(d + 4, 4) - 1900;
    tm.tm_hour = digits(d + 8, 2);
    tm.tm_min = digits(d + 10, 2);
    int ms = hms ? digits(d + 14, 1) * 100 : digits(d + 12, 3);
    tm.tm_sec = hms ? digits(d + 12, 2) : 0;
    if (tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_hour > 23 ||
        tm.tm_min > 59 || tm.tm_sec > 60)
        return -1;
    *out = (int64_t)timegm(&tm) * 1000 + ms;
    return 0;
}

int aa_reqdate_check(const char *date, int64_t now_ms)
{
    if (!date || strlen(date) != AA_REQDATE_LEN)
        return -1;
    for (int i = 0; i < AA_REQDATE_LEN; i++)
        if (!isdigit((unsigned char)date[i]))
            return -1;
    for (int hms = 1; hms >= 0; hms--) {
        int64_t t;
        if (reqdate_ms(date, hms, &t) == 0 && llabs(t - now_ms) <= AA_REDIRECT_WINDOW * 1000LL)
            return 0;
    }
    return -1;
}

char *aa_xor_b64(const char *text, const char *key)
{
    size_t n = strlen(text), k = strlen(key);
    unsigned char *x = malloc(n + 1);
    if (!x || !k) {
        free(x);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        x[i] = (unsigned char)(text[i] ^ key[i % k]);
    char *out = b64_encode(x, n, B64_STD);
    free(x);
    return out;
}

char *aa_unxor_b64(const char *b64, const char *key)
{
    size_t n = 0, k = strlen(key);
    unsigned char *x = b64 && k ? b64_decode(b64, strlen(b64), &n) : NULL;
    for (size_t i = 0; x && i < n; i++)
        x[i] = (unsigned char)(x[i] ^ key[i % k]);
    return (char *)x;
}

static int derive(const char *passphrase, const char *salt, unsigned char key[32])
{
    return PKCS5_PBKDF2_HMAC(passphrase, (int)strlen(passphrase), (const unsigned char *)salt,
                             (int)strlen(salt), AA_PBKDF2_ROUNDS, EVP_sha256(), 32, key) == 1
               ? 0
               : -1;
}

char *aa_redirect_encrypt(const char *passphrase, const char *salt, const char *plain)
{
    unsigned char key[32], iv[16] = {0};
    size_t n = strlen(plain);
    unsigned char *ct = malloc(n + 16);
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int len = 0, fin = 0;
    int ok = ct && c && derive(passphrase, salt, key) == 0 &&
             EVP_EncryptInit_ex(c, EVP_aes_256_cbc(), NULL, key, iv) == 1 &&
             EVP_EncryptUpdate(c, ct, &len, (const unsigned char *)plain, (int)n) == 1 &&
             EVP_EncryptFinal_ex(c, ct + len, &fin) == 1;
    EVP_CIPHER_CTX_free(c);
    explicit_bzero(key, sizeof key);
    char *out = ok ? b64_encode(ct, (size_t)(len + fin), B64_URL) : NULL;
    free(ct);
    return out;
}

char *aa_redirect_decrypt(const char *passphrase, const char *salt, const char *cipher_b64)
{
    size_t n = 0, len = strlen(cipher_b64);
    char *fixed = strdup(cipher_b64);
    for (size_t i = 0; fixed && i < len; i++)
        if (fixed[i] == ' ') /* a '+' that went through form decoding */
            fixed[i] = '+';
    unsigned char *ct = fixed ? b64_decode(fixed, len, &n) : NULL;
    free(fixed);
    unsigned char key[32], iv[16] = {0};
    unsigned char *pt = ct && n && n % 16 == 0 ? malloc(n + 1) : NULL;
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int l1 = 0, l2 = 0;
    int ok = pt && c && derive(passphrase, salt, key) == 0 &&
             EVP_DecryptInit_ex(c, EVP_aes_256_cbc(), NULL, key, iv) == 1 &&
             EVP_DecryptUpdate(c, pt, &l1, ct, (int)n) == 1 && EVP_DecryptFinal_ex(c, pt + l1, &l2) == 1;
    EVP_CIPHER_CTX_free(c);
    explicit_bzero(key, sizeof key);
    free(ct);
    if (!ok) {
        free(pt);
        return NULL;
    }
    pt[l1 + l2] = '\0';
    if (memchr(pt, '\0', (size_t)(l1 + l2))) { /* text only */
        free(pt);
        return NULL;
    }
    return (char *)pt;
}

/* Appends name=value to buf, percent-encoding only what would change the
 * form's meaning (&, =, +, %, #, ?, space, controls, non-ASCII): the
 * guidelines' sample writes "userid=acme@perfios-aa&redirect=https://...",
 * so an AA that splits the form without decoding it reads ours alike. */
static void form_add(char *buf, size_t cap, const char *name, const char *value)
{
    size_t o = strlen(buf);
    o += (size_t)snprintf(buf + o, o < cap ? cap - o : 0, "%s%s=", o ? "&" : "", name);
    for (const unsigned char *p = (const unsigned char *)(value ? value : ""); *p && o + 4 < cap; p++) {
        if (isalnum(*p) || strchr("-_.~:/@!$'()*,;", *p))
            buf[o++] = (char)*p;
        else
            o += (size_t)snprintf(buf + o, cap - o, "%%%02X", *p);
    }
    buf[o < cap ? o : cap - 1] = '\0';
}

static char *url_escape(const char *s)
{
    size_t cap = strlen(s) * 3 + 1;
    char *out = malloc(cap + 3);
    if (!out)
        return NULL;
    out[0] = '\0';
    form_add(out, cap + 3, "x", s);
    memmove(out, out + 2, strlen(out + 2) + 1); /* drop "x=" */
    return out;
}

char *aa_redirect_url(const char *webview, const char *fiu_id, const char *passphrase,
                      const struct aa_redirect_req *r, int64_t now_ms)
{
    char reqdate[AA_REQDATE_LEN + 1], plain[4096] = "";
    aa_reqdate(now_ms, reqdate);
    form_add(plain, sizeof plain, "txnid", r->txnid);
    form_add(plain, sizeof plain, "sessionid", r->sessionid);
    form_add(plain, sizeof plain, "userid", r->userid);
    form_add(plain, sizeof plain, "redirect", r->redirect);
    form_add(plain, sizeof plain, "srcref", r->srcref);
    char *ecreq = aa_redirect_encrypt(passphrase, reqdate, plain);
    char *fi = aa_xor_b64(fiu_id, reqdate);
    char *e1 = ecreq ? url_escape(ecreq) : NULL, *e2 = fi ? url_escape(fi) : NULL;
    char *url = NULL;
    if (e1 && e2 && asprintf(&url, "%s%sfi=%s&reqdate=%s&ecreq=%s", webview, strchr(webview, '?') ? "&" : "?",
                             e2, reqdate, e1) < 0)
        url = NULL;
    free(ecreq);
    free(fi);
    free(e1);
    free(e2);
    return url;
}

static int hexval(int c)
{
    return isdigit(c) ? c - '0' : isxdigit(c) ? (tolower(c) - 'a' + 10) : -1;
}

char *aa_form_get(const char *form, const char *name)
{
    size_t nl = strlen(name);
    for (const char *p = form; p && *p;) {
        const char *end = strchr(p, '&');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > nl && !strncmp(p, name, nl) && p[nl] == '=') {
            const char *v = p + nl + 1;
            size_t vl = len - nl - 1;
            char *out = malloc(vl + 1);
            size_t o = 0;
            for (size_t i = 0; out && i < vl; i++) {
                if (v[i] == '%' && i + 2 < vl + 1 && hexval(v[i + 1]) >= 0 && hexval(v[i + 2]) >= 0) {
                    out[o++] = (char)(hexval(v[i + 1]) << 4 | hexval(v[i + 2]));
                    i += 2;
                } else {
                    out[o++] = v[i] == '+' ? ' ' : v[i];
                }
            }
            if (out)
                out[o] = '\0';
            return out;
        }
        p = end ? end + 1 : NULL;
    }
    return NULL;
}

int aa_redirect_parse(const char *passphrase, const char *resdate, const char *ecres,
                      struct aa_redirect_res *out)
{
    memset(out, 0, sizeof *out);
    char *plain = resdate && ecres ? aa_redirect_decrypt(passphrase, resdate, ecres) : NULL;
    if (!plain)
        return -1;
    out->txnid = aa_form_get(plain, "txnid");
    out->sessionid = aa_form_get(plain, "sessionid");
    out->userid = aa_form_get(plain, "userid");
    out->status = aa_form_get(plain, "status");
    out->errorcode = aa_form_get(plain, "errorcode");
    out->srcref = aa_form_get(plain, "srcref");
    explicit_bzero(plain, strlen(plain));
    free(plain);
    if (!out->sessionid || !out->status) {
        aa_redirect_res_clear(out);
        return -1;
    }
    return 0;
}

void aa_redirect_res_clear(struct aa_redirect_res *r)
{
    free(r->txnid);
    free(r->sessionid);
    free(r->userid);
    free(r->status);
    free(r->errorcode);
    free(r->srcref);
    memset(r, 0, sizeof *r);
}
