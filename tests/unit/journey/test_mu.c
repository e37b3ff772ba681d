/* Upload failures carry FinBox's MU error types (reference §5.2). */
#include "check.h"
#include "journey/mu.h"

TEST(documented_codes)
{
    CHECK_STR(journey_mu_type("PASSWORD_INCORRECT"), "MU003");
    CHECK_STR(journey_mu_type("BANK_NAME_MISMATCH"), "MU004");
    CHECK_STR(journey_mu_type("PDF_IS_IMAGE"), "MU006");
    CHECK_STR(journey_mu_type("INVALID_FILE_OBJECT"), "MU006");
    CHECK_STR(journey_mu_type("STATEMENT_UNSUPPORTED_FORMAT"), "MU020");
    CHECK_STR(journey_mu_type("OUT_OF_DATE_RANGE"), "MU021");
    CHECK_STR(journey_mu_type("STATEMENT_DUPLICATE"), "STATEMENT_DUPLICATE");
    CHECK(journey_mu_type(NULL) == NULL);
}

int main(void)
{
    RUN(documented_codes);
    return check_summary();
}
