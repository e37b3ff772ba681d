/* Shared between the SQLite store's files; not for use outside src/store/. */
#ifndef PB_STORE_SQLITE_INTERNAL_H
#define PB_STORE_SQLITE_INTERNAL_H

#include "store/store.h"

extern const char *const SQLITE_MIGRATIONS[];
extern const int SQLITE_NMIGRATIONS;

/* Opens the SQLite store in file path (created if missing). */
int sqlite_store_open(const char *path, struct store **out, char *err, size_t errlen);

#endif
