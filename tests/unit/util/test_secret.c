/* SHA-256 hex digests (FIPS 180-2 vectors): transaction hashes, API key
 * hashes and blob names are all built on sha256_hex. */
#include <string.h>

#include "check.h"
#include "util/secret.h"

TEST(sha256_known_vectors)
{
    char h[PB_SHA256_HEX];
    sha256_hex("abc", 3, h);
    CHECK_STR(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    sha256_hex("", 0, h);
    CHECK_STR(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha256_hex(two, strlen(two), h);
    CHECK_STR(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

int main(void)
{
    RUN(sha256_known_vectors);
    return check_summary();
}
