#include <stdlib.h>

#include "check.h"
#include "core/org.h"
#include "core/session.h"

TEST(modes_parse_and_format)
{
    int m = 0;
    char buf[32];
    CHECK(org_modes_parse("pdf,aa,online", &m));
    CHECK_INT(m, MODE_PDF | MODE_AA | MODE_ONLINE);
    CHECK(org_modes_parse(" AA , pdf", &m));
    CHECK_INT(m, MODE_PDF | MODE_AA);
    CHECK_STR(org_modes_format(m, buf, sizeof buf), "pdf,aa");
    CHECK(!org_modes_parse("", &m));
    CHECK(!org_modes_parse("pdf,netbanking", &m));
    CHECK(!org_modes_parse("pdfaa", &m));
    CHECK(!org_modes_parse(",", &m));
}

TEST(secrets_are_random_and_hashed)
{
    char k1[ORG_SECRET_HEX], k2[ORG_SECRET_HEX], h1[PB_SHA256_HEX], h2[PB_SHA256_HEX], again[PB_SHA256_HEX];
    CHECK(org_new_secret(k1, h1));
    CHECK(org_new_secret(k2, h2));
    CHECK_INT(strlen(k1), 64);
    CHECK(strcmp(k1, k2) != 0);
    CHECK(strcmp(k1, h1) != 0); /* only the hash is stored */
    org_hash_secret(k1, again);
    CHECK_STR(again, h1);
}

TEST(v2_token_signs_the_session_id)
{
    struct session s = {0};
    strcpy(s.id, "8d5ea22b-216a-4fe2-90da-65d1c67c8964");
    s.req.version = 2;
    char t[PB_SHA256_HEX];
    session_token("secret", s.id, t);
    CHECK(session_token_valid("secret", s.id, t));
    CHECK(!session_token_valid("other", s.id, t));
    CHECK(!session_token_valid("secret", "8d5ea22b-216a-4fe2-90da-65d1c67c8965", t));
    CHECK(!session_token_valid("secret", s.id, NULL));
    char *url = session_redirect_url("https://pb.example/", &s, "secret");
    char want[256];
    snprintf(want, sizeof want, "https://pb.example/?session_id=%s&token=%s", s.id, t);
    CHECK_STR(url, want);
    free(url);
    s.req.version = 1;
    url = session_redirect_url("https://pb.example", &s, "secret");
    CHECK_STR(url, "https://pb.example/?session_id=8d5ea22b-216a-4fe2-90da-65d1c67c8964");
    free(url);
}

int main(void)
{
    RUN(modes_parse_and_format);
    RUN(secrets_are_random_and_hashed);
    RUN(v2_token_signs_the_session_id);
    return check_summary();
}
