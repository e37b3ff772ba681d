/* An organisation's brand on the hosted page: the name its customers know,
 * its logo, its accent colour, its privacy policy, and whether choosing a
 * file needs a ticked consent box first. Kept in the store's settings under
 * "org.branding:<org id>" (one JSON object), set by `passbook org
 * set-branding`, read by the journey API. */
#ifndef PB_JOURNEY_BRANDING_H
#define PB_JOURNEY_BRANDING_H

#include <stdbool.h>

#include "store/store.h"

#define BRANDING_NAME_MAX 100
#define BRANDING_URL_MAX 500

struct branding {
    char *display_name; /* NULL: the organisation's name */
    char *logo_url;     /* absolute http(s) URL, or NULL */
    char *accent;       /* "#rrggbb", or NULL for the page's own blue */
    char *privacy_url;  /* the lender's privacy policy, or NULL */
    bool consent_checkbox; /* the customer ticks a box before choosing a file */
};

/* The organisation's branding, all NULL/false when none is set. Returns
 * STORE_OK or a store error. Clear with branding_clear. */
int branding_load(struct store *st, const char *org_id, struct branding *b);
/* Replaces the organisation's branding. Returns STORE_OK or a store error. */
int branding_save(struct store *st, const char *org_id, const struct branding *b);
void branding_clear(struct branding *b);

/* NULL when b is acceptable, else why not (for the operator). The accent
 * must keep white text on it and it on white readable: a contrast ratio of
 * at least 4.5:1 (WCAG AA), since buttons and links take it. */
const char *branding_check(const struct branding *b);

/* The contrast ratio of "#rrggbb" against white (1 to 21), or 0 when the
 * text is not such a colour. */
double branding_contrast_on_white(const char *hex);

#endif
