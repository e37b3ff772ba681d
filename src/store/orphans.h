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

/* A deletion's arguments and what its transaction finds, as both backends
 * fill them: a session's deletion (session_id set) or the PDFs' expiry
 * (cutoff). */
struct orphan_arg {
    const char *session_id, *org_id, *owner;
    int64_t cutoff, now;
    char **files; /* files of the statements concerned, then those claimed */
    size_t n;
    bool found;   /* the session was there to delete */
};

/* Frees a list of files (*files NULL and *n 0 after). */
void orphans_free_files(char ***files, size_t *n);

/* What a deletion's write, rc, hands its caller: the files it claimed
 * when it succeeded, none otherwise; a session's deletion that found no
 * session is STORE_NOT_FOUND. Returns the store_rc. */
int orphans_hand_out(int rc, struct orphan_arg *a, char ***out, size_t *n);

#endif
