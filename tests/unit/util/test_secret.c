/* SHA-256 hex digests (FIPS 180-2 vectors): transaction hashes, API key
 * hashes and blob names are all built on sha256_hex. UUIDs as ids. */
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

/* Ids arrive in any case and are stored in lower case; anything that is
 * not a UUID is refused and leaves the buffer alone. */
TEST(uuid_lower_normalises_or_refuses)
{
    char out[PB_UUID_BUF] = "untouched";
    CHECK(uuid_lower("0F8FAD5B-D9CB-469F-A165-70867728950E", out));
    CHECK_STR(out, "0f8fad5b-d9cb-469f-a165-70867728950e");
    const char *bad[] = {NULL, "", "0f8fad5b-d9cb-469f-a165-70867728950", "0f8fad5b-d9cb-469f-a165-70867728950e0",
                         "0f8fad5bxd9cb-469f-a165-70867728950e", "0g8fad5b-d9cb-469f-a165-70867728950e"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        strcpy(out, "untouched");
        CHECK(!uuid_lower(bad[i], out));
        CHECK_STR(out, "untouched");
    }
}

int main(void)
{
    RUN(sha256_known_vectors);
    RUN(uuid_lower_normalises_or_refuses);
    return check_summary();
}
