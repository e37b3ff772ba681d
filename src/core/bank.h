/* The bank catalogue: FinBox's bank identifiers (reference §7) with what
 * this deployment supports per mode. Data, not code paths. */
#ifndef PB_CORE_BANK_H
#define PB_CORE_BANK_H

#include <stdbool.h>
#include <stddef.h>

struct bank_info {
    const char *id;        /* canonical identifier as FinBox documents it, e.g. "HDFC", "model" */
    const char *full_name; /* "HDFC Bank" */
    const char *npci_code; /* IFSC prefix such as "HDFC", or NULL */
    bool aa;               /* live on India's Account Aggregator network */
    bool net_banking;      /* FinBox lists a net-banking connector (we have none configured) */
    const struct bank_info *merged_into; /* the bank it was merged into, or NULL (names.tsv) */
    bool abroad;           /* not a bank in India (names.tsv) */
};

/* Case-insensitive lookup of an identifier ("hdfc", "HDFC"); NULL if unknown.
 * The one normaliser of bank identifiers: session create, upload, the hosted
 * page, the CLI and the extractor all go through it. */
const struct bank_info *bank_find(const char *id);
/* FinBox's full name of a bank identifier ("HDFC Bank"), or the identifier
 * itself when the catalogue does not know it (NULL for NULL). */
const char *bank_full_name(const char *id);
/* True when a statement of bank `got` is one of bank `want`: the same bank,
 * or one merged into the other (an account of Vijaya Bank is now Bank of
 * Baroda's). */
bool bank_accepts(const struct bank_info *want, const struct bank_info *got);
/* The other names statements print for the banks (data/banks/names.tsv):
 * alias i's phrase and its bank; NULL past the end. */
const char *bank_alias_at(size_t i, const struct bank_info **bank);
/* The bank whose own internet domain (data/banks/names.tsv) host[0..len)
 * is or lies under ("www.hdfcbank.com", "netbanking.hdfcbank.com"; never
 * "hdfcbanking.com"); case ignored; NULL if none. */
const struct bank_info *bank_find_by_domain(const char *host, size_t len);
/* Lookup by IFSC prefix (first four letters of an IFSC); NULL if unknown. */
const struct bank_info *bank_find_by_ifsc(const char *ifsc);
size_t bank_count(void);
const struct bank_info *bank_at(size_t i);
/* The identifier in the lower case FinBox emits in JSON ("hdfc"); buf >= 64. */
const char *bank_id_lower(const struct bank_info *b, char *buf, size_t len);

#endif
