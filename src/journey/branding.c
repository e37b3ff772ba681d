/* An organisation's brand: stored as one JSON setting, checked before it
 * is stored (core/branding.h). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "journey/branding.h"
#include "net/url.h"

static void key_of(const char *org_id, char *key, size_t len)
{
    snprintf(key, len, "org.branding:%s", org_id);
}

static char *dup_field(const json_t *o, const char *name)
{
    const char *s = json_string_value(json_object_get(o, name));
    return s && *s ? strdup(s) : NULL;
}

int branding_load(struct store *st, const char *org_id, struct branding *b)
{
    memset(b, 0, sizeof *b);
    char key[96];
    key_of(org_id, key, sizeof key);
    struct setting *v = NULL;
    size_t n = 0;
    int rc = STORE_CALL(st, setting_list, key, &v, &n);
    if (rc != STORE_OK)
        return rc;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(v[i].key, key))
            continue;
        json_t *o = json_loads(v[i].value, 0, NULL);
        b->display_name = dup_field(o, "display_name");
        b->logo_url = dup_field(o, "logo_url");
        b->accent = dup_field(o, "accent");
        b->privacy_url = dup_field(o, "privacy_url");
        b->consent_checkbox = json_is_true(json_object_get(o, "consent_checkbox"));
        json_decref(o);
    }
    settings_free(v, n);
    return STORE_OK;
}

int branding_save(struct store *st, const char *org_id, const struct branding *b)
{
    char key[96];
    key_of(org_id, key, sizeof key);
    json_t *o = json_pack("{s:s?,s:s?,s:s?,s:s?,s:b}", "display_name", b->display_name, "logo_url",
                          b->logo_url, "accent", b->accent, "privacy_url", b->privacy_url,
                          "consent_checkbox", b->consent_checkbox);
    char *text = o ? json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    json_decref(o);
    if (!text)
        return STORE_ERROR;
    char *stored = NULL;
    int rc = STORE_CALL(st, setting_delete, key);
    if (rc == STORE_OK)
        rc = STORE_CALL(st, setting_get_or_set, key, text, &stored);
    free(stored);
    free(text);
    return rc;
}

void branding_clear(struct branding *b)
{
    free(b->display_name);
    free(b->logo_url);
    free(b->accent);
    free(b->privacy_url);
    memset(b, 0, sizeof *b);
}

/* sRGB channel (0-255) to linear light, as WCAG defines relative luminance. */
static double linear(int c)
{
    double s = c / 255.0;
    return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
}

double branding_contrast_on_white(const char *hex)
{
    if (!hex || hex[0] != '#' || strlen(hex) != 7)
        return 0;
    for (int i = 1; i < 7; i++)
        if (!isxdigit((unsigned char)hex[i]))
            return 0;
    unsigned r, g, bl;
    if (sscanf(hex + 1, "%2x%2x%2x", &r, &g, &bl) != 3)
        return 0;
    double lum = 0.2126 * linear((int)r) + 0.7152 * linear((int)g) + 0.0722 * linear((int)bl);
    return 1.05 / (lum + 0.05);
}

static bool utf8_text(const char *s)
{
    json_t *j = json_string(s);
    json_decref(j);
    return j != NULL;
}

static bool url_ok(const char *u)
{
    return !u || (strlen(u) <= BRANDING_URL_MAX && url_check(u, strlen(u), NULL));
}

const char *branding_check(const struct branding *b)
{
    if (b->display_name && (strlen(b->display_name) > BRANDING_NAME_MAX || !utf8_text(b->display_name)))
        return "the display name must be UTF-8 text of at most 100 bytes";
    if (b->accent && branding_contrast_on_white(b->accent) == 0)
        return "the accent colour must be written #rrggbb";
    if (b->accent && branding_contrast_on_white(b->accent) < 4.5)
        return "the accent colour is too light: white text on it (and it on white) needs a contrast "
               "of 4.5:1 (WCAG AA); choose a darker shade";
    if (!url_ok(b->logo_url))
        return "the logo URL must be an absolute http(s) URL of at most 500 characters";
    if (!url_ok(b->privacy_url))
        return "the privacy policy URL must be an absolute http(s) URL of at most 500 characters";
    return NULL;
}
