#include "core/org.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/session_req.h"

void org_clear(struct org *o)
{
    free(o->name);
    free(o->webhook_url);
    free(o->webhook_secret);
    free(o->acceptance);
    o->name = o->webhook_url = o->webhook_secret = o->acceptance = NULL;
}

static const struct {
    const char *name;
    int bit;
} MODES[] = {{"pdf", MODE_PDF}, {"aa", MODE_AA}, {"online", MODE_ONLINE}};

bool org_modes_parse(const char *s, int *out)
{
    int modes = 0;
    while (s && *s) {
        const char *comma = strchr(s, ',');
        size_t n = comma ? (size_t)(comma - s) : strlen(s);
        while (n && *s == ' ')
            s++, n--;
        while (n && s[n - 1] == ' ')
            n--;
        bool known = false;
        for (size_t i = 0; i < sizeof MODES / sizeof MODES[0]; i++)
            if (strlen(MODES[i].name) == n && !strncasecmp(s, MODES[i].name, n)) {
                modes |= MODES[i].bit;
                known = true;
            }
        if (!known)
            return false;
        s = comma ? comma + 1 : s + n;
    }
    if (!modes)
        return false;
    *out = modes;
    return true;
}

const char *org_modes_format(int modes, char *buf, size_t len)
{
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof MODES / sizeof MODES[0]; i++)
        if (modes & MODES[i].bit) {
            if (buf[0])
                strncat(buf, ",", len - strlen(buf) - 1);
            strncat(buf, MODES[i].name, len - strlen(buf) - 1);
        }
    return buf;
}

bool org_new_secret(char key[ORG_SECRET_HEX], char hash[PB_SHA256_HEX])
{
    if (!secret_random_hex(key, 32))
        return false;
    org_hash_secret(key, hash);
    return true;
}

void org_hash_secret(const char *key, char hash[PB_SHA256_HEX])
{
    sha256_hex(key, strlen(key), hash);
}

bool org_acceptance_valid(const char *acceptance, long tolerance_days)
{
    return acceptance &&
           (!strcmp(acceptance, "missing_upload_months") || !strcmp(acceptance, "missing_upload_date_range")) &&
           tolerance_days >= 0 && tolerance_days <= 366;
}
