/* The hosted page's languages and an organisation's branding: what the
 * server accepts before it shows it to customers. */
#include <jansson.h>
#include <string.h>

#include "check.h"
#include "journey/branding.h"
#include "journey/lang.h"

TEST(accent_contrast_with_white)
{
    /* WCAG's reference points: black 21:1, white 1:1, #767676 just 4.54:1. */
    CHECK(branding_contrast_on_white("#000000") > 20.9);
    CHECK(branding_contrast_on_white("#ffffff") < 1.01);
    CHECK(branding_contrast_on_white("#767676") >= 4.5);
    CHECK(branding_contrast_on_white("#777777") < 4.5);
    CHECK(branding_contrast_on_white("0a6b4a") == 0);
    CHECK(branding_contrast_on_white("#0a6b4g") == 0);
    CHECK(branding_contrast_on_white(NULL) == 0);
}

TEST(branding_checked_before_stored)
{
    struct branding b = {0};
    CHECK(branding_check(&b) == NULL); /* nothing set: the page's own look */
    b.accent = "#0a6b4a";
    b.logo_url = "https://acme.example/logo.svg";
    b.privacy_url = "https://acme.example/privacy";
    b.display_name = "Acme Finance";
    CHECK(branding_check(&b) == NULL);
    b.accent = "#ffcc00"; /* yellow: white text unreadable */
    CHECK(branding_check(&b) != NULL && strstr(branding_check(&b), "4.5:1"));
    b.accent = "teal";
    CHECK(branding_check(&b) != NULL);
    b.accent = NULL;
    b.logo_url = "javascript:alert(1)";
    CHECK(branding_check(&b) != NULL);
    b.logo_url = NULL;
    b.privacy_url = "ftp://acme.example/privacy";
    CHECK(branding_check(&b) != NULL);
    b.privacy_url = NULL;
    b.display_name = "\xff\xfe not UTF-8";
    CHECK(branding_check(&b) != NULL);
}

static const char *lang_of(const char *json, int *rc)
{
    json_t *body = json_loads(json, 0, NULL);
    const char *code = "unset";
    struct api_error err;
    *rc = journey_language_param(body, &code, &err);
    json_decref(body);
    return code;
}

TEST(session_language_parameter)
{
    int rc;
    CHECK_STR(lang_of("{\"language\": \"hi\"}", &rc), "hi");
    CHECK(rc == 0);
    CHECK_STR(lang_of("{\"language\": \"HI-in\"}", &rc), "hi");
    CHECK_STR(lang_of("{\"language\": \"en\"}", &rc), "en");
    CHECK(lang_of("{}", &rc) == NULL && rc == 0);
    CHECK(lang_of("{\"language\": null}", &rc) == NULL && rc == 0);
    CHECK(lang_of("{\"language\": \"  \"}", &rc) == NULL && rc == 0);
    lang_of("{\"language\": \"xx\"}", &rc);
    CHECK(rc == -1);
    lang_of("{\"language\": 7}", &rc);
    CHECK(rc == -1);
    CHECK(strlen(journey_consent_version()) == 10); /* YYYY-MM-DD from languages.json */
}

int main(void)
{
    RUN(accent_contrast_with_white);
    RUN(branding_checked_before_stored);
    RUN(session_language_parameter);
    return check_summary();
}
