/* Whether an organisation's scanned statements are read by OCR (the
 * default) or refused with FinBox's PDF_IS_IMAGE (`passbook org set-ocr
 * ORG off`, for a lender whose integration expects FinBox's behaviour).
 * Stored as the setting "org.ocr:<org id>" = "off"; no setting = on. */
#ifndef PB_INGEST_OCR_POLICY_H
#define PB_INGEST_OCR_POLICY_H

#include <stdbool.h>

#include "store/store.h"

/* Whether OCR is off for the org (a store error reads as on). */
bool ocr_policy_off(struct store *st, const char *org_id);
/* Turns OCR on or off for the org. Returns a STORE_* code. */
int ocr_policy_set(struct store *st, const char *org_id, bool on);

#endif
