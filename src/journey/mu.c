/* API error code -> FinBox MU error type (see mu.h). */
#include "journey/mu.h"

#include <stddef.h>
#include <string.h>

static const struct {
    const char *code, *mu;
} MU_TYPES[] = {
    {"PASSWORD_INCORRECT", "MU003"},
    {"BANK_NAME_MISMATCH", "MU004"},
    {"PDF_IS_IMAGE", "MU006"},
    {"INVALID_FILE_OBJECT", "MU006"},
    {"EMPTY_FILE", "MU006"},
    {"MISSING_FILE_OBJECT", "MU006"},
    {"STATEMENT_UNSUPPORTED_FORMAT", "MU020"},
    {"BANK_NAME_UNDETECTED", "MU020"},
    {"OUT_OF_DATE_RANGE", "MU021"},
    {"TRIAL_PERIOD_EXPIRED", "MU002"},
};

const char *journey_mu_type(const char *api_code)
{
    if (!api_code)
        return NULL;
    for (size_t i = 0; i < sizeof MU_TYPES / sizeof MU_TYPES[0]; i++)
        if (!strcmp(MU_TYPES[i].code, api_code))
            return MU_TYPES[i].mu;
    return api_code;
}
