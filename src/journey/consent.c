/* The consent record of a session (journey/consent.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "journey/consent.h"
#include "journey/lang.h"

static void key_of(const char *session_id, char *key, size_t len)
{
    snprintf(key, len, "consent:%s", session_id);
}

const char *consent_version(void)
{
    return journey_consent_version();
}

int consent_record(struct store *st, const char *session_id, const char *lang, int64_t now)
{
    char key[64], at[32];
    key_of(session_id, key, sizeof key);
    time_t t = (time_t)now;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
    json_t *o = json_pack("{s:s,s:s,s:s}", "version", consent_version(), "language", lang, "given_at", at);
    char *text = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (!text)
        return STORE_ERROR;
    char *stored = NULL;
    int rc = STORE_CALL(st, setting_get_or_set, key, text, &stored);
    free(stored);
    free(text);
    return rc;
}

json_t *consent_json(struct store *st, const char *session_id)
{
    char key[64];
    key_of(session_id, key, sizeof key);
    struct setting *v = NULL;
    size_t n = 0;
    json_t *out = NULL;
    if (STORE_CALL(st, setting_list, key, &v, &n) == STORE_OK)
        for (size_t i = 0; i < n && !out; i++)
            if (!strcmp(v[i].key, key))
                out = json_loads(v[i].value, 0, NULL);
    settings_free(v, n);
    return out ? out : json_null();
}

int consent_forget(struct store *st, const char *session_id)
{
    char key[64];
    key_of(session_id, key, sizeof key);
    return STORE_CALL(st, setting_delete, key);
}
