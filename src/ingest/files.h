/* Statement files by reference, never by guess.
 *
 * Files are content-addressed and shared: two uploads of the same bytes
 * (any session, any organisation) are one file. A file is kept while a
 * statement refers to it or an upload holds a pin on it (the store's
 * blob_pin). It is deleted only after a store transaction proved that
 * nothing refers to it and claimed its deletion; while the claim is fresh
 * no pin can be taken, so no upload can put the file back while it is
 * being removed (the upload waits for the removal and writes it anew).
 * Every step goes through the store and the blob store, so several nodes
 * sharing both follow the same rules.
 *
 *   upload:     files_keep       seal (fsync), pin, move into place
 *               ... extraction, checks ...
 *               statement_commit with .pin_id: the pin becomes the
 *                                statement's reference, in one transaction
 *               or files_release unpin, and delete if nothing refers to it
 *   delete /    session_delete and pdf_expire claim the files their
 *   retention:  statements leave unreferenced; files_remove_claimed
 *               removes them
 *   restart:    files_recover    a server killed between a claim and its
 *                                end left the claim: its node's next
 *                                server releases it at start and removes
 *                                the file if nothing refers to it (else
 *                                uploads of those bytes would wait for the
 *                                claim's lease); claims name their owner
 *                                (node:pid:random), so a node never takes
 *                                over a live sibling's claim
 *   sweep:      files_sweep      expired pins (an upload killed mid-way),
 *               (hourly)         unreferenced rows, stale claims (a node
 *                                died while deleting), files on disk the
 *                                store does not know (older versions), and
 *                                temporary files older than a day
 *
 * A pin expires after FILES_PIN_TTL_S, far beyond any upload's life; the
 * statement commit checks in its transaction that the pin still exists, so
 * a statement never refers to a file that a sweep may have removed. */
#ifndef PB_INGEST_FILES_H
#define PB_INGEST_FILES_H

#include <stddef.h>
#include <stdint.h>

#include "blob/blob.h"
#include "core/api_error.h"
#include "ingest/ingest.h"

#define FILES_PIN_TTL_S 3600     /* an upload's pin; uploads end within minutes */
#define FILES_CLAIM_LEASE_S 120  /* a deletion takes milliseconds; older claims are a dead node's
                                    (its own node's next server releases them at once) */
#define FILES_DEBRIS_AGE_S 86400 /* unknown or temporary files younger than this are left alone */

/* An upload's pinned file. */
struct file_hold {
    char sha256[PB_SHA256_HEX];
    size_t size;
    int64_t pin;                 /* 0 once the pin is gone (committed or released) */
};

/* Makes w's bytes durable, pins them and moves them into place. Takes w in
 * every case. Returns 0, or -1 with err: 507 INSUFFICIENT_STORAGE (disk
 * full), 503 (the same file is being deleted for longer than a deletion
 * takes), 500. */
int files_keep(const struct ingest_env *env, struct blob_writer *w, struct file_hold *h,
               struct api_error *err);
/* The upload failed: drops the pin and deletes the file if nothing else
 * refers to it. */
void files_release(const struct ingest_env *env, struct file_hold *h);
/* Removes files the store claimed for deletion (session_delete,
 * pdf_expire) and forgets them; frees the list. */
void files_remove_claimed(const struct ingest_env *env, char **sha256s, size_t n);
/* At a server's start, before it serves: releases the claims earlier
 * servers of this node (owners starting with node_prefix, "name:") left,
 * then removes each file nothing refers to. Returns the number of claims
 * released, or -1 when the store failed. */
int files_recover(const struct ingest_env *env, const char *node_prefix);
/* The sweep described above. Returns the number of files removed, or -1
 * when the store could not be read. */
int files_sweep(const struct ingest_env *env);

/* The blob store of a node: files under dir (one node, SQLite), or, when
 * the store keeps files itself (PostgreSQL: every node reads every file),
 * in the store, with dir holding only writes in progress. */
struct blob_store *files_open(const char *dir, struct store *st);

/* The JSON-envelope error for a blob write that failed with e. */
int files_write_error(enum blob_error e, struct api_error *err);

#endif
