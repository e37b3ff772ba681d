#include "cli/keys.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "util/log.h"
#include "util/secret.h"

static const char *const KEYS[] = {"token_secret", "link_secret", "pdf_seal_key", "journey_token_key",
                                   "webhook_key"};
#define NKEYS (sizeof KEYS / sizeof KEYS[0])
#define OLD_WEBHOOK_PREFIX "webhook_signing_key:"
#define FINGERPRINT "key_fingerprint"

/* Whether a settings row is a key that belongs in the key file. */
static bool is_key(const char *name)
{
    for (size_t i = 0; i < NKEYS; i++)
        if (!strcmp(name, KEYS[i]))
            return true;
    return !strncmp(name, OLD_WEBHOOK_PREFIX, strlen(OLD_WEBHOOK_PREFIX));
}

static void fingerprint(const char *seal_key, char out[PB_SHA256_HEX])
{
    char text[256];
    snprintf(text, sizeof text, "passbook key check:%s", seal_key);
    sha256_hex(text, strlen(text), out);
    explicit_bzero(text, sizeof text);
}

int server_keys_open(const char *data_dir, struct store *st, struct keyfile *kf, char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/passbook.keys", data_dir);
    if (keyfile_load(path, kf, err, errlen))
        return -1;
    struct setting *set = NULL;
    size_t nset = 0;
    if (STORE_CALL(st, setting_list, "", &set, &nset) != STORE_OK) {
        snprintf(err, errlen, "cannot read the database's settings");
        keyfile_free(kf);
        return -1;
    }
    bool changed = false, moved = false;
    const char *stored_fp = NULL;
    for (size_t i = 0; i < nset; i++) {
        if (!strcmp(set[i].key, FINGERPRINT))
            stored_fp = set[i].value;
        if (is_key(set[i].key) && !keyfile_get(kf, set[i].key)) {
            changed |= keyfile_set(kf, set[i].key, set[i].value) == 0;
            moved = true;
        }
    }
    for (size_t i = 0; i < NKEYS; i++) {
        char fresh[65];
        if (!keyfile_get(kf, KEYS[i]) && secret_random_hex(fresh, 32))
            changed |= keyfile_set(kf, KEYS[i], fresh) == 0;
    }
    int rc = -1;
    char fp[PB_SHA256_HEX];
    const char *seal = keyfile_get(kf, "pdf_seal_key");
    for (size_t i = 0; i < NKEYS; i++)
        if (!keyfile_get(kf, KEYS[i])) {
            snprintf(err, errlen, "cannot create the server keys");
            goto out;
        }
    fingerprint(seal, fp);
    if (stored_fp && !secret_equal(stored_fp, fp)) {
        snprintf(err, errlen,
                 "the key file %s does not belong to this database (restore the key file saved with "
                 "the database; see docs/operations.md, \"Keys\")",
                 path);
        goto out;
    }
    if (changed && keyfile_save(kf, err, errlen))
        goto out;
    char *kept = NULL;
    if (!stored_fp && STORE_CALL(st, setting_get_or_set, FINGERPRINT, fp, &kept) != STORE_OK) {
        snprintf(err, errlen, "cannot record the key fingerprint in the database");
        goto out;
    }
    free(kept);
    /* Only now that the file is on disk do the keys leave the database. */
    for (size_t i = 0; i < nset; i++)
        if (is_key(set[i].key) && STORE_CALL(st, setting_delete, set[i].key) != STORE_OK) {
            snprintf(err, errlen, "cannot remove the keys from the database");
            goto out;
        }
    if (moved)
        log_info("keys msg=\"keys moved from the database to the key file\" path=%s", path);
    else if (changed)
        log_info("keys msg=\"key file created\" path=%s", path);
    rc = 0;
out:
    settings_free(set, nset);
    if (rc)
        keyfile_free(kf);
    return rc;
}
