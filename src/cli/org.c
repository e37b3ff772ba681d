/* passbook org: manage organisations (lenders) and their credentials.
 * Works while a server runs on the same data directory: the server looks
 * keys up in the store on every request. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/flags.h"
#include "core/org.h"
#include "core/session_req.h"
#include "ingest/ocr_policy.h"
#include "journey/branding.h"
#include "store/store.h"
#include "util/clock.h"

static const char USAGE[] =
    "passbook org <command> [options]\n"
    "\n"
    "commands:\n"
    "  create --name NAME [--modes pdf,aa,online]   create an organisation; prints its api_key and\n"
    "                                               server_hash once (only hashes are stored)\n"
    "  list                                         list organisations (no secrets)\n"
    "  rotate-key ORG                               new api_key and server_hash for ORG (id or name);\n"
    "                                               the old ones stop working at once\n"
    "  set-modes ORG --modes pdf,aa                 change the upload modes ORG may use\n"
    "  set-acceptance ORG --acceptance CRITERION [--tolerance-days N]\n"
    "                                               when uploads are complete: missing_upload_months\n"
    "                                               (default: every expected month) or\n"
    "                                               missing_upload_date_range (gaps up to N days)\n"
    "  set-branding ORG [--display-name NAME] [--logo-url URL] [--accent '#rrggbb']\n"
    "               [--privacy-url URL] [--consent-checkbox on|off]\n"
    "                                               the hosted page's brand for ORG's customers; only\n"
    "                                               the options given change, an empty value clears\n"
    "  set-ocr ORG on|off                           scanned statements of ORG: read by OCR (on, the\n"
    "                                               default) or refused PDF_IS_IMAGE as FinBox does";

/* The verbs, in the order of ORG_VERBS. */
enum org_verb {
    ORG_CREATE, ORG_LIST, ORG_ROTATE_KEY, ORG_SET_MODES, ORG_SET_ACCEPTANCE, ORG_SET_BRANDING, ORG_SET_OCR
};

/* create and list take no argument (an ORG given to them is a mistake,
 * refused), the others ORG, set-ocr on|off after it. */
static const struct verb ORG_VERBS[] = {
    [ORG_CREATE] = {"create", 0, NULL},
    [ORG_LIST] = {"list", 0, NULL},
    [ORG_ROTATE_KEY] = {"rotate-key", 1, NULL},
    [ORG_SET_MODES] = {"set-modes", 1, NULL},
    [ORG_SET_ACCEPTANCE] = {"set-acceptance", 1, NULL},
    [ORG_SET_BRANDING] = {"set-branding", 1, NULL},
    [ORG_SET_OCR] = {"set-ocr", 2, NULL},
};

struct org_opts {
    const char *data, *db, *name, *modes, *acceptance;
    long tolerance;
    const char *display_name, *logo_url, *accent, *privacy_url, *consent_checkbox;
};

static json_t *modes_json(int modes)
{
    json_t *a = json_array();
    if (modes & MODE_PDF)
        json_array_append_new(a, json_string("pdf"));
    if (modes & MODE_AA)
        json_array_append_new(a, json_string("aa"));
    if (modes & MODE_ONLINE)
        json_array_append_new(a, json_string("online"));
    return a;
}

static json_t *org_public_json(const struct org *o)
{
    return json_pack("{s:s,s:s,s:o,s:s?,s:I}", "org_id", o->id, "name", o->name, "modes",
                     modes_json(o->modes), "webhook_url", o->webhook_url, "created_at",
                     (json_int_t)o->created_at);
}

static int org_create(struct store *st, const struct org_opts *opts)
{
    int modes = MODE_PDF | MODE_AA | MODE_ONLINE;
    if (!opts->name || !*opts->name || strlen(opts->name) > 200) {
        fprintf(stderr, "passbook org create: --name NAME is required (at most 200 characters)\n");
        return 2;
    }
    if (opts->modes && !org_modes_parse(opts->modes, &modes)) {
        fprintf(stderr, "passbook org create: --modes takes a list of pdf, aa, online\n");
        return 2;
    }
    struct org o = {.modes = modes, .webhook_mode = 1, .created_at = pb_now()};
    char key[ORG_SECRET_HEX], sh[ORG_SECRET_HEX];
    json_t *name = json_string(opts->name);
    if (!name) {
        fprintf(stderr, "passbook org create: the name must be UTF-8 text\n");
        return 2;
    }
    json_decref(name);
    if (!uuid_v4(o.id) || !org_new_secret(key, o.api_key_hash) || !org_new_secret(sh, o.server_hash_hash)) {
        fprintf(stderr, "passbook org create: no randomness available\n");
        return 1;
    }
    o.name = (char *)opts->name;
    if (STORE_CALL(st, org_insert, &o) != STORE_OK) {
        fprintf(stderr, "passbook org create: cannot store the organisation\n");
        return 1;
    }
    cli_print_json(json_pack("{s:s,s:s,s:s,s:s,s:o}", "org_id", o.id, "name", o.name, "api_key", key,
                         "server_hash", sh, "modes", modes_json(modes)));
    return 0;
}

static int org_list(struct store *st)
{
    struct org *orgs = NULL;
    size_t n = 0;
    if (STORE_CALL(st, org_list, &orgs, &n) != STORE_OK) {
        fprintf(stderr, "passbook org list: cannot read organisations\n");
        return 1;
    }
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        json_array_append_new(a, org_public_json(&orgs[i]));
        org_clear(&orgs[i]);
    }
    free(orgs);
    cli_print_json(a);
    return 0;
}

static int find(struct store *st, const char *cmd, const char *ref, struct org *o)
{
    if (!ref) {
        fprintf(stderr, "passbook org %s: name the organisation (id or name)\n", cmd);
        return 2;
    }
    int rc = STORE_CALL(st, org_get, ref, o);
    if (rc == STORE_NOT_FOUND)
        fprintf(stderr, "passbook org %s: no organisation %s\n", cmd, ref);
    else if (rc != STORE_OK)
        fprintf(stderr, "passbook org %s: cannot read organisations\n", cmd);
    return rc == STORE_OK ? 0 : 1;
}

static int org_rotate(struct store *st, const char *ref)
{
    struct org o;
    int rc = find(st, "rotate-key", ref, &o);
    if (rc)
        return rc;
    char key[ORG_SECRET_HEX], sh[ORG_SECRET_HEX];
    if (!org_new_secret(key, o.api_key_hash) || !org_new_secret(sh, o.server_hash_hash) ||
        STORE_CALL(st, org_set_keys, o.id, o.api_key_hash, o.server_hash_hash) != STORE_OK) {
        fprintf(stderr, "passbook org rotate-key: cannot store the new key\n");
        org_clear(&o);
        return 1;
    }
    cli_print_json(json_pack("{s:s,s:s,s:s,s:s,s:o}", "org_id", o.id, "name", o.name, "api_key", key,
                         "server_hash", sh, "modes", modes_json(o.modes)));
    org_clear(&o);
    return 0;
}

static int org_set_modes(struct store *st, const char *ref, const char *modes_s)
{
    int modes;
    if (!modes_s || !org_modes_parse(modes_s, &modes)) {
        fprintf(stderr, "passbook org set-modes: --modes takes a list of pdf, aa, online\n");
        return 2;
    }
    struct org o;
    int rc = find(st, "set-modes", ref, &o);
    if (rc)
        return rc;
    if (STORE_CALL(st, org_set_modes, o.id, modes) != STORE_OK) {
        fprintf(stderr, "passbook org set-modes: cannot store the modes\n");
        org_clear(&o);
        return 1;
    }
    o.modes = modes;
    cli_print_json(org_public_json(&o));
    org_clear(&o);
    return 0;
}

static int org_set_acceptance(struct store *st, const char *ref, const char *acceptance, long tolerance)
{
    if (!org_acceptance_valid(acceptance, tolerance)) {
        fprintf(stderr, "passbook org set-acceptance: --acceptance takes missing_upload_months or "
                        "missing_upload_date_range; --tolerance-days 0-366\n");
        return 2;
    }
    struct org o;
    int rc = find(st, "set-acceptance", ref, &o);
    if (rc)
        return rc;
    if (STORE_CALL(st, org_set_acceptance, o.id, acceptance, (int)tolerance) != STORE_OK) {
        fprintf(stderr, "passbook org set-acceptance: cannot store the criterion\n");
        org_clear(&o);
        return 1;
    }
    cli_print_json(json_pack("{s:s,s:s,s:s,s:i}", "org_id", o.id, "name", o.name, "acceptance", acceptance,
                         "tolerance_days", (int)tolerance));
    org_clear(&o);
    return 0;
}

/* An option given replaces *field ("" clears it); absent leaves it. */
static void take(char **field, const char *given)
{
    if (!given)
        return;
    free(*field);
    *field = *given ? strdup(given) : NULL;
}

static int org_set_branding(struct store *st, const char *ref, const struct org_opts *opts)
{
    const char *cb = opts->consent_checkbox;
    if (cb && strcmp(cb, "on") && strcmp(cb, "off")) {
        fprintf(stderr, "passbook org set-branding: --consent-checkbox takes on or off\n");
        return 2;
    }
    struct org o;
    int rc = find(st, "set-branding", ref, &o);
    if (rc)
        return rc;
    struct branding b;
    if (branding_load(st, o.id, &b) != STORE_OK) {
        fprintf(stderr, "passbook org set-branding: cannot read the branding\n");
        org_clear(&o);
        return 1;
    }
    take(&b.display_name, opts->display_name);
    take(&b.logo_url, opts->logo_url);
    take(&b.accent, opts->accent);
    take(&b.privacy_url, opts->privacy_url);
    if (cb)
        b.consent_checkbox = !strcmp(cb, "on");
    const char *why = branding_check(&b);
    if (why) {
        fprintf(stderr, "passbook org set-branding: %s\n", why);
        rc = 2;
    } else if (branding_save(st, o.id, &b) != STORE_OK) {
        fprintf(stderr, "passbook org set-branding: cannot store the branding\n");
        rc = 1;
    } else {
        cli_print_json(json_pack("{s:s,s:s,s:s?,s:s?,s:s?,s:s?,s:b}", "org_id", o.id, "name", o.name,
                             "display_name", b.display_name, "logo_url", b.logo_url, "accent",
                             b.accent, "privacy_url", b.privacy_url, "consent_checkbox",
                             b.consent_checkbox));
    }
    branding_clear(&b);
    org_clear(&o);
    return rc;
}

static int org_set_ocr(struct store *st, const char *ref, const char *onoff)
{
    if (!onoff || (strcmp(onoff, "on") && strcmp(onoff, "off"))) {
        fprintf(stderr, "passbook org set-ocr: give ORG on|off\n");
        return 2;
    }
    struct org o;
    int rc = find(st, "set-ocr", ref, &o);
    if (rc)
        return rc;
    bool on = !strcmp(onoff, "on");
    if (ocr_policy_set(st, o.id, on) != STORE_OK) {
        fprintf(stderr, "passbook org set-ocr: cannot store the setting\n");
        rc = 1;
    } else {
        cli_print_json(json_pack("{s:s,s:s,s:b}", "org_id", o.id, "name", o.name, "ocr", on));
    }
    org_clear(&o);
    return rc;
}

/* Runs verb on the open store. */
static int run(struct store *st, size_t verb, const struct args *args, const void *opts)
{
    const struct org_opts *o = opts;
    const char *ref = args->n > 1 ? args->v[1] : NULL;
    switch ((enum org_verb)verb) {
    case ORG_CREATE:
        return org_create(st, o);
    case ORG_LIST:
        return org_list(st);
    case ORG_ROTATE_KEY:
        return org_rotate(st, ref);
    case ORG_SET_MODES:
        return org_set_modes(st, ref, o->modes);
    case ORG_SET_ACCEPTANCE:
        return org_set_acceptance(st, ref, o->acceptance, o->tolerance);
    case ORG_SET_BRANDING:
        return org_set_branding(st, ref, o);
    case ORG_SET_OCR:
        return org_set_ocr(st, ref, args->n > 2 ? args->v[2] : NULL);
    }
    return 1;
}

int cli_org(int argc, char **argv)
{
    struct org_opts o = {.data = "var"};
    const struct flag flags[] = {
        FLAGS_STORE(&o.data, &o.db),
        STRING_FLAG("name", &o.name, "NAME", "organisation name (create)"),
        STRING_FLAG("modes", &o.modes, "LIST", "upload modes: pdf,aa,online (default all)"),
        STRING_FLAG("acceptance", &o.acceptance, "CRITERION", "set-acceptance: the criterion"),
        INT_FLAG("tolerance-days", &o.tolerance, "N", 0, 366, "set-acceptance: days of gaps tolerated"),
        STRING_FLAG("display-name", &o.display_name, "NAME", "set-branding: the name customers know"),
        STRING_FLAG("logo-url", &o.logo_url, "URL", "set-branding: the logo (http(s))"),
        STRING_FLAG("accent", &o.accent, "#RRGGBB", "set-branding: buttons and links (contrast >= 4.5:1 on white)"),
        STRING_FLAG("privacy-url", &o.privacy_url, "URL", "set-branding: the privacy policy"),
        STRING_FLAG("consent-checkbox", &o.consent_checkbox, "on|off", "set-branding: a ticked box before a file"),
    };
    const struct command_line cl = {"passbook org", USAGE, FLAGS_OF(flags), 1, 3, false};
    return cli_run_verb(argc, argv, &cl, FLAGS_OF(ORG_VERBS), &o.data, &o.db, run, &o);
}
