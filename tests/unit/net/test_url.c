#include <string.h>

#include "check.h"
#include "net/url.h"

static int ok(const char *u)
{
    return url_check(u, strlen(u), NULL);
}

TEST(accepts_ordinary_http_urls)
{
    CHECK(ok("http://example.com"));
    CHECK(ok("https://example.com/"));
    CHECK(ok("HTTPS://Example.COM/a/b?c=d&e=f#g"));
    CHECK(ok("https://sub.domain.example.co.in:8443/path"));
    CHECK(ok("http://localhost:8080/cb"));
    CHECK(ok("http://127.0.0.1/"));
    CHECK(ok("http://[::1]:9000/x"));
    CHECK(ok("http://[2001:db8::1]/"));
    CHECK(ok("https://user:pass@example.com/"));
    CHECK(ok("https://example.com."));
    CHECK(ok("https://xn--80ak6aa92e.com/"));
    CHECK(ok("https://my-host.example.org"));
}

TEST(rejects_other_schemes_and_bad_syntax)
{
    static const char *const bad[] = {
        "", "example.com", "www.example.com", "ftp://example.com", "file:///etc/passwd",
        "javascript:alert(1)", "http:/example.com", "http://", "http:///path",
        "http://example", "http://-bad.com", "http://bad-.com", "http://a..com",
        "http://example.c", "http://example.com:0", "http://example.com:65536",
        "http://example.com:abc", "http://example.com:", "http://exa mple.com",
        "http://example.com/a b", "http://example.com/\n", "http://[::1", "http://[zz::1]/",
        "http://256.1.1.1/", "http://1.2.3/", "http://user@", "http://example.com\t",
        "https://ex_ample.com/", "http://example.123/"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (ok(bad[i])) {
            fprintf(stderr, "  accepted: %s\n", bad[i]);
            CHECK(0);
        }
    CHECK(!url_check(NULL, 0, NULL));
}

TEST(fills_parts)
{
    struct url_parts p;
    const char *u = "https://u:p@Api.Example.com:8443/x";
    CHECK(url_check(u, strlen(u), &p));
    CHECK(p.https);
    CHECK_STR(p.host, "Api.Example.com");
    CHECK_INT(p.port, 8443);
    CHECK(!p.host_is_ip);
    u = "http://[fe80::1]/";
    CHECK(url_check(u, strlen(u), &p));
    CHECK_STR(p.host, "fe80::1");
    CHECK_INT(p.port, 80);
    CHECK(p.host_is_ip);
    u = "http://10.0.0.1";
    CHECK(url_check(u, strlen(u), &p));
    CHECK(p.host_is_ip);
    CHECK_INT(p.port, 80);
}

TEST(checks_only_the_given_length)
{
    const char *u = "https://example.com/ and then garbage";
    CHECK(url_check(u, 20, NULL));
    CHECK(!url_check(u, strlen(u), NULL));
}

int main(void)
{
    RUN(accepts_ordinary_http_urls);
    RUN(rejects_other_schemes_and_bad_syntax);
    RUN(fills_parts);
    RUN(checks_only_the_given_length);
    return check_summary();
}
