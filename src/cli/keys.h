/* The server's keys, apart from the data: <data>/passbook.keys (0600).
 *
 *   token_secret       signs v2 redirect tokens
 *   link_secret        signs get_pdfs/ and report links
 *   pdf_seal_key       seals stored PDF passwords
 *   journey_token_key  signs the hosted page's journey tokens
 *   webhook_key        derives each organisation's webhook signing key
 *   webhook_signing_key:<org>  an organisation's key from before (kept)
 *
 * Created on first start. An install that kept them in the database's
 * settings (before issue 11) has them moved into the file, which is
 * synced before they are deleted from the database. The database keeps a
 * fingerprint of the sealing key, so a key file that does not belong to
 * it (lost, or another installation's) stops the server instead of
 * silently making sealed passwords unreadable. */
#ifndef PB_CLI_KEYS_H
#define PB_CLI_KEYS_H

#include <stddef.h>

#include "store/store.h"
#include "util/keyfile.h"

/* Loads (creating, migrating) the keys of data_dir's key file for the
 * store st. Returns 0 with kf filled (keyfile_free), or -1 with err. */
int server_keys_open(const char *data_dir, struct store *st, struct keyfile *kf, char *err, size_t errlen);

#endif
