/* The hosted page's languages, read once from the embedded
 * data/journey/languages.json (the page reads the same file). */
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include "journey/lang.h"
#include "util/embedded.h"

#define LANG_MAX 16

static char codes[LANG_MAX][8];
static size_t ncodes;
static char version[32] = "unknown";
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
    const struct embedded_file *f = embedded_find("journey/languages.json");
    json_t *root = f ? json_loadb((const char *)f->data, f->len, 0, NULL) : NULL;
    size_t i;
    json_t *l;
    json_array_foreach(json_object_get(root, "languages"), i, l) {
        const char *c = json_string_value(json_object_get(l, "code"));
        if (c && ncodes < LANG_MAX && strlen(c) < sizeof codes[0])
            strcpy(codes[ncodes++], c);
    }
    const char *v = json_string_value(json_object_get(root, "consent_version"));
    if (v && strlen(v) < sizeof version)
        strcpy(version, v);
    json_decref(root);
}

const char *journey_language_find(const char *lang)
{
    if (!lang)
        return NULL;
    size_t n = strcspn(lang, "-_"); /* "hi-IN" -> "hi" */
    pthread_once(&once, load);
    for (size_t i = 0; i < ncodes; i++)
        if (n == strlen(codes[i]) && !strncasecmp(lang, codes[i], n))
            return codes[i];
    return NULL;
}

const char *journey_consent_version(void)
{
    pthread_once(&once, load);
    return version;
}

int journey_language_param(const json_t *body, const char **code, struct api_error *err)
{
    *code = NULL;
    const json_t *v = json_object_get(body, "language");
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return api_error_set(err, 400, "INVALID_REQUEST", "language, Not a valid string.");
    const char *s = json_string_value(v);
    if (!s[strspn(s, " ")])
        return 0;
    if ((*code = journey_language_find(s)))
        return 0;
    return api_error_set(err, 400, "INVALID_REQUEST", "language, \"%.16s\" is not a valid choice.", s);
}
