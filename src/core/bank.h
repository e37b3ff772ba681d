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
};

/* Case-insensitive lookup of an identifier ("hdfc", "HDFC"); NULL if unknown. */
const struct bank_info *bank_find(const char *id);
/* Lookup by IFSC prefix (first four letters of an IFSC); NULL if unknown. */
const struct bank_info *bank_find_by_ifsc(const char *ifsc);
size_t bank_count(void);
const struct bank_info *bank_at(size_t i);
/* The identifier in the lower case FinBox emits in JSON ("hdfc"); buf >= 64. */
const char *bank_id_lower(const struct bank_info *b, char *buf, size_t len);

#endif
