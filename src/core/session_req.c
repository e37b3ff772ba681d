/* Create-session request validation (POST /bank-connect/v1|v2/session/).
 * Fields are checked in a fixed order, documented in docs/session-create.md,
 * and the first failure is reported with FinBox's code and message. */
#include "core/session_req.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/bank.h"
#include "core/session_req_int.h"
#include "net/url.h"

#define LINK_ID_MAX 500
#define REDIRECT_URL_MAX 200 /* FinBox documents 200 */
#define LOGO_URL_MAX 500     /* undocumented; generous for CDN URLs */
#define BANK_NAME_MAX 50
#define JOURNEY_MODE_MAX 50
#define MAX_TOP_LEVEL_KEYS 100
#define METADATA_MAX_ITEMS 50
#define METADATA_ITEM_MAX 200
#define CHOICE_ECHO_MAX 60 /* characters of a bad value echoed back */

int sreq_bad(struct api_error *err, const char *field, const char *reason)
{
    return api_error_set(err, 400, "INVALID_REQUEST", "%s, %s", field, reason);
}

int sreq_text(const json_t *body, const char *key, struct field_text *t, struct api_error *err)
{
    enum field_rc rc = field_text(body, key, t);
    if (rc == FIELD_BAD_TYPE)
        return sreq_bad(err, key, "Not a valid string.");
    return rc == FIELD_OK;
}

int sreq_bad_choice(struct api_error *err, const char *field, const struct field_text *t)
{
    int n = t->len > CHOICE_ECHO_MAX ? CHOICE_ECHO_MAX : (int)t->len;
    return api_error_set(err, 400, "INVALID_REQUEST", "%s, \"%.*s%s\" is not a valid choice.",
                         field, n, t->s, (size_t)n < t->len ? "..." : "");
}

const char *sreq_json_type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "dict";
    case JSON_ARRAY: return "list";
    case JSON_STRING: return "str";
    case JSON_INTEGER: return "int";
    case JSON_REAL: return "float";
    case JSON_TRUE:
    case JSON_FALSE: return "bool";
    default: return "NoneType";
    }
}

static int oom(struct api_error *err)
{
    return api_error_set(err, 500, "INTERNAL_ERROR", "Something went wrong");
}

static int too_long(struct api_error *err, const char *field, int max)
{
    return api_error_set(err, 400, "INVALID_LENGTH",
                         "%s, Ensure this field has no more than %d characters.", field, max);
}

/* Copies t into *out, or reports OOM. */
static int dup_text(const struct field_text *t, char **out, struct api_error *err)
{
    *out = field_text_dup(t);
    return *out ? 0 : oom(err);
}

static int check_link_id(const json_t *body, struct session_req *r, struct api_error *err)
{
    struct field_text t;
    switch (field_text(body, "link_id", &t)) {
    case FIELD_MISSING: return sreq_bad(err, "link_id", "This field is required.");
    case FIELD_NULL: return sreq_bad(err, "link_id", "This field may not be null.");
    case FIELD_BLANK: return sreq_bad(err, "link_id", "This field may not be blank.");
    case FIELD_BAD_TYPE: return sreq_bad(err, "link_id", "Not a valid string.");
    case FIELD_OK: break;
    }
    if (field_char_count(t.s, t.len) > LINK_ID_MAX)
        return too_long(err, "link_id", LINK_ID_MAX);
    return dup_text(&t, &r->link_id, err);
}

/* An optional http(s) URL of at most max characters. */
static int check_url(const json_t *body, const char *key, int max, char **out,
                     struct api_error *err)
{
    struct field_text t;
    int has = sreq_text(body, key, &t, err);
    if (has <= 0)
        return has;
    if (field_char_count(t.s, t.len) > (size_t)max)
        return too_long(err, key, max);
    if (!url_check(t.s, t.len, NULL))
        return api_error_set(err, 400, "INVALID_URL", "%s, Enter a valid URL.", key);
    return dup_text(&t, out, err);
}

/* One bank key: absent, or a known identifier. *b = NULL when absent. */
static int read_bank_key(const json_t *body, const char *key, const struct bank_info **b,
                         struct api_error *err)
{
    struct field_text t;
    char id[BANK_NAME_MAX * 4 + 1];
    *b = NULL;
    int has = sreq_text(body, key, &t, err);
    if (has <= 0)
        return has;
    if (field_char_count(t.s, t.len) > BANK_NAME_MAX)
        return too_long(err, key, BANK_NAME_MAX);
    memcpy(id, t.s, t.len); /* <= 50 UTF-8 characters fit in 200 bytes */
    id[t.len] = '\0';
    *b = bank_find(id);
    if (!*b)
        return api_error_set(err, 400, "INVALID_BANK_NAME", "Invalid bank identifier.");
    return 0;
}

/* bank_name (v1, v2) or bank (v2 only; FinBox's v2 examples use it). */
static int check_bank(const json_t *body, struct session_req *r, const struct bank_info **bank,
                      struct api_error *err)
{
    const struct bank_info *by_name, *by_bank = NULL;
    char lower[64];
    if (read_bank_key(body, "bank_name", &by_name, err))
        return -1;
    if (r->version == 2 && read_bank_key(body, "bank", &by_bank, err))
        return -1;
    if (by_name && by_bank && by_name != by_bank)
        return sreq_bad(err, "bank", "Conflicts with bank_name.");
    *bank = by_name ? by_name : by_bank;
    if (!*bank)
        return 0;
    r->bank = strdup(bank_id_lower(*bank, lower, sizeof lower));
    return r->bank ? 0 : oom(err);
}

static int mode_bit(const struct field_text *t)
{
    if (field_text_is_ci(t, "pdf"))
        return MODE_PDF;
    if (field_text_is_ci(t, "aa"))
        return MODE_AA;
    if (field_text_is_ci(t, "online"))
        return MODE_ONLINE;
    return 0;
}

/* pdf works for every bank; aa where the bank is a live FIP; online
 * needs a net-banking connector, and this deployment configures none. */
static bool bank_offers(const struct bank_info *b, int mode)
{
    return mode == MODE_PDF || (mode == MODE_AA && b->aa);
}

int session_req_mode_not_enabled(struct api_error *err)
{
    return api_error_set(err, 403, "MODE_NOT_ENABLED", "Specified mode not enabled. Contact FinBox Admin.");
}

static int check_mode(const json_t *body, int org_modes, const struct bank_info *bank,
                      struct session_req *r, struct api_error *err)
{
    struct field_text t;
    int has = sreq_text(body, "mode", &t, err);
    if (has <= 0)
        return has;
    r->mode = mode_bit(&t);
    if (!r->mode)
        return sreq_bad_choice(err, "mode", &t);
    if (!(org_modes & r->mode))
        return session_req_mode_not_enabled(err);
    if (!bank)
        return api_error_set(err, 400, "MISSING_BANK_NAME", "bank_name' is required with 'mode'.");
    if (!bank_offers(bank, r->mode))
        return api_error_set(err, 400, "MODE_NOT_AVAILABLE",
                             "Specified mode not available for this bank.");
    return 0;
}

/* Normalises an Indian mobile number to its 10 digits: spaces and hyphens
 * dropped, then an optional +91, 91 or 0 prefix; must start with 6-9. */
static bool mobile_normalise(const struct field_text *t, char out[11])
{
    char d[24];
    size_t n = 0;
    for (size_t i = 0; i < t->len; i++) {
        char c = t->s[i];
        if (c == ' ' || c == '-')
            continue;
        if (n == sizeof d - 1 || !(isdigit((unsigned char)c) || (c == '+' && n == 0)))
            return false;
        d[n++] = c;
    }
    d[n] = '\0';
    const char *p = d;
    if (n == 13 && strncmp(d, "+91", 3) == 0)
        p += 3;
    else if (n == 12 && strncmp(d, "91", 2) == 0)
        p += 2;
    else if (n == 11 && d[0] == '0')
        p += 1;
    if (strlen(p) != 10 || p[0] < '6' || p[0] > '9' || strchr(p, '+'))
        return false;
    memcpy(out, p, 11);
    return true;
}

static int check_mobile(const json_t *body, struct session_req *r, struct api_error *err)
{
    struct field_text t;
    char digits[11];
    int has = sreq_text(body, "mobile_number", &t, err);
    if (has <= 0)
        return has;
    if (!mobile_normalise(&t, digits))
        return api_error_set(err, 400, "INVALID_MOBILE_NUMBER", "Invalid mobile number.");
    r->mobile_number = strdup(digits);
    return r->mobile_number ? 0 : oom(err);
}

static int check_expiry(const json_t *body, struct session_req *r, struct api_error *err)
{
    long long v;
    enum field_rc rc = field_int(body, "session_expiry", &v);
    r->session_expiry_min = SESSION_EXPIRY_DEFAULT_MIN;
    if (rc == FIELD_MISSING || rc == FIELD_NULL || rc == FIELD_BLANK)
        return 0;
    if (rc == FIELD_BAD_TYPE || v < SESSION_EXPIRY_MIN_MIN || v > SESSION_EXPIRY_MAX_MIN)
        return api_error_set(err, 400, "INVALID_SESSION_EXPIRY",
                             "Session expiry should be int, Min value is 5 and Max is 43200 in "
                             "minutes");
    r->session_expiry_min = (int)v;
    return 0;
}

static int check_journey_mode(const json_t *body, struct session_req *r, struct api_error *err)
{
    static const char *const modes[] = {"multi_pdf", "multi_banking", NULL};
    struct field_text t;
    int has = sreq_text(body, "journey_mode", &t, err);
    if (has <= 0)
        return has;
    if (field_char_count(t.s, t.len) > JOURNEY_MODE_MAX)
        return too_long(err, "journey_mode", JOURNEY_MODE_MAX);
    for (const char *const *m = modes; *m; m++)
        if (field_text_is_ci(&t, *m)) {
            r->journey_mode = strdup(*m);
            return r->journey_mode ? 0 : oom(err);
        }
    return sreq_bad_choice(err, "journey_mode", &t);
}

static int check_bool(const json_t *body, const char *key, bool *out, struct api_error *err)
{
    *out = false;
    if (field_bool(body, key, out) == FIELD_BAD_TYPE)
        return sreq_bad(err, key, "Must be a valid boolean.");
    return 0;
}

/* One metadata list: strings, blanks dropped, bounded count and length. */
static int metadata_list(const json_t *md, const char *key, json_t *clean, struct api_error *err)
{
    const json_t *list = json_object_get(md, key);
    size_t i;
    const json_t *item;
    if (!list || json_is_null(list))
        return 0;
    if (!json_is_array(list))
        return api_error_set(err, 400, "INVALID_REQUEST",
                             "metadata, %s: Expected a list of items but got type \"%s\".", key,
                             sreq_json_type_name(list));
    if (json_array_size(list) > METADATA_MAX_ITEMS)
        return api_error_set(err, 400, "INVALID_LENGTH",
                             "metadata, %s: Ensure this field has no more than %d elements.", key,
                             METADATA_MAX_ITEMS);
    json_t *out = json_array();
    json_object_set_new(clean, key, out);
    json_array_foreach(list, i, item) {
        if (!json_is_string(item))
            return api_error_set(err, 400, "INVALID_REQUEST",
                                 "metadata, %s: Not a valid string.", key);
        struct field_text t;
        if (field_value_text(item, &t) != FIELD_OK)
            continue; /* blank names carry no hint */
        if (field_char_count(t.s, t.len) > METADATA_ITEM_MAX)
            return api_error_set(err, 400, "INVALID_LENGTH",
                                 "metadata, %s: Ensure each item has no more than %d characters.",
                                 key, METADATA_ITEM_MAX);
        json_array_append_new(out, json_stringn(t.s, t.len));
    }
    return 0;
}

static int check_metadata(const json_t *body, struct session_req *r, struct api_error *err)
{
    static const char *const keys[] = {"names", "employer_names", "companies_for_self_transfer"};
    const json_t *md = json_object_get(body, "metadata");
    if (!md || json_is_null(md))
        return 0;
    if (!json_is_object(md))
        return api_error_set(err, 400, "INVALID_REQUEST",
                             "metadata, Expected a dictionary of items but got type \"%s\".",
                             sreq_json_type_name(md));
    r->metadata = json_object();
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (metadata_list(md, keys[i], r->metadata, err))
            return -1;
    return 0;
}

/* The body's shape before any field. */
static int check_body(const json_t *body, struct api_error *err)
{
    if (!json_is_object(body))
        return api_error_set(err, 400, "INVALID_REQUEST",
                             "non_field_errors, Invalid data. Expected a dictionary, but got %s.",
                             body ? sreq_json_type_name(body) : "NoneType");
    if (json_object_size(body) > MAX_TOP_LEVEL_KEYS)
        return api_error_set(err, 400, "INVALID_PARAMETER_COUNT", "Invalid number of parameters");
    return 0;
}

/* Runs every check in the documented order; stops at the first failure. */
static int parse_fields(const json_t *body, pb_day today, int org_modes, struct session_req *r,
                        struct api_error *err)
{
    const struct bank_info *bank = NULL;
    if (check_body(body, err) || check_link_id(body, r, err) ||
        check_url(body, "redirect_url", REDIRECT_URL_MAX, &r->redirect_url, err) ||
        check_url(body, "logo_url", LOGO_URL_MAX, &r->logo_url, err) ||
        sreq_dates(body, today, r, err) || check_bank(body, r, &bank, err) ||
        check_mode(body, org_modes, bank, r, err) || check_mobile(body, r, err) ||
        check_expiry(body, r, err) || check_journey_mode(body, r, err) ||
        check_bool(body, "accept_anything", &r->accept_anything, err) ||
        check_bool(body, "is_mobile_field_editable", &r->is_mobile_field_editable, err))
        return -1;
    if (r->version == 2 ? sreq_aa_v2(body, today, r, err) : sreq_aa_v1(body, r, err))
        return -1;
    return check_metadata(body, r, err);
}

int session_req_parse(const json_t *body, int version, pb_day today, int org_modes,
                      struct session_req *out, struct api_error *err)
{
    memset(out, 0, sizeof *out);
    out->version = version == 2 ? 2 : 1;
    out->from_date = out->to_date = PB_NO_DAY;
    out->max_from_date = out->max_to_date = PB_NO_DAY;
    out->session_expiry_min = SESSION_EXPIRY_DEFAULT_MIN;
    if (parse_fields(body, today, org_modes, out, err) == 0)
        return 0;
    session_req_free(out);
    return -1;
}

void session_req_free(struct session_req *r)
{
    free(r->link_id);
    free(r->redirect_url);
    free(r->logo_url);
    free(r->bank);
    free(r->mobile_number);
    free(r->journey_mode);
    free(r->aa_journey_mode);
    free(r->aa_recurring_frequency_unit);
    free(r->aa_journey_code);
    json_decref(r->consents);
    json_decref(r->metadata);
    int version = r->version;
    memset(r, 0, sizeof *r);
    r->version = version;
    r->from_date = r->to_date = r->max_from_date = r->max_to_date = PB_NO_DAY;
}
