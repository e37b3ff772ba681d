#include "ingest/ocr_policy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void key_of(const char *org_id, char *key, size_t len)
{
    snprintf(key, len, "org.ocr:%s", org_id);
}

bool ocr_policy_off(struct store *st, const char *org_id)
{
    char key[96];
    key_of(org_id, key, sizeof key);
    struct setting *v = NULL;
    size_t n = 0;
    bool off = false;
    if (STORE_CALL(st, setting_list, key, &v, &n) != STORE_OK)
        return false;
    for (size_t i = 0; i < n; i++)
        off |= !strcmp(v[i].key, key) && !strcmp(v[i].value, "off");
    settings_free(v, n);
    return off;
}

int ocr_policy_set(struct store *st, const char *org_id, bool on)
{
    char key[96];
    key_of(org_id, key, sizeof key);
    int rc = STORE_CALL(st, setting_delete, key);
    if (rc != STORE_OK || on)
        return rc;
    char *stored = NULL;
    rc = STORE_CALL(st, setting_get_or_set, key, "off", &stored);
    free(stored);
    return rc;
}
