/* FinBox's manual-upload error types (reference §5.2) for the API error
 * codes an upload can fail with, so the hosted page and the events it posts
 * name failures as FinBox's SDK does. */
#ifndef PB_JOURNEY_MU_H
#define PB_JOURNEY_MU_H

/* "MU003" for PASSWORD_INCORRECT, "MU004" for BANK_NAME_MISMATCH, "MU006"
 * for unreadable files, "MU020" for what is not a supported statement,
 * "MU021" for OUT_OF_DATE_RANGE; the code itself when FinBox has no MU type
 * for it (e.g. STATEMENT_DUPLICATE). Never NULL for a non-NULL code. */
const char *journey_mu_type(const char *api_code);

#endif
