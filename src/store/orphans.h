/* The files a deletion leaves (once for both backends): deleting a
 * session's statements or an expired PDF's leaves their blobs to remove.
 * A backend lists the files of the statements concerned; orphans_claim
 * keeps those nothing refers to any more that its transaction claims for
 * deletion (never a file another node is already deleting: its claim is
 * left to it and to the sweep). */
#ifndef PB_STORE_ORPHANS_H
#define PB_STORE_ORPHANS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The backend's claim of one file inside the open transaction (conn):
 * *claimed when it is now this owner's to delete; a store_rc. */
typedef int (*orphan_claim_fn)(void *conn, const char *sha256, const char *owner, int64_t now, bool *claimed);

/* Keeps in files[0..*n) the claimed ones and frees the others; after a
 * failed claim claims nothing more and returns its store_rc. */
int orphans_claim(char **files, size_t *n, orphan_claim_fn claim, void *conn, const char *owner, int64_t now);

#endif
