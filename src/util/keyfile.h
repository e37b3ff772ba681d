/* A key file: named secrets, one "name = value" line each ('#' starts a
 * comment), kept apart from the data (docs/operations.md, "Keys").
 * Written whole and atomically (a temporary file, fsync, rename, fsync of
 * the directory), mode 0600. */
#ifndef PB_UTIL_KEYFILE_H
#define PB_UTIL_KEYFILE_H

#include <stdbool.h>
#include <stddef.h>

struct keyfile_entry {
    char *name, *value;
};

struct keyfile {
    char *path;
    struct keyfile_entry *v;
    size_t n;
};

/* Reads path into kf (a missing file is an empty key file). A file that
 * others may read is made 0600 (with a warning). Returns 0, or -1 with err
 * (unreadable, malformed line). */
int keyfile_load(const char *path, struct keyfile *kf, char *err, size_t errlen);
const char *keyfile_get(const struct keyfile *kf, const char *name);
/* Adds or replaces name. Returns 0 or -1 (out of memory). */
int keyfile_set(struct keyfile *kf, const char *name, const char *value);
int keyfile_save(const struct keyfile *kf, char *err, size_t errlen);
/* Frees everything, wiping the values. */
void keyfile_free(struct keyfile *kf);

#endif
