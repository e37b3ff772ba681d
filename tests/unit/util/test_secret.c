/* SHA-256 hex digests (FIPS 180-2 vectors): transaction hashes, API key
 * hashes and blob names are all built on sha256_hex. UUIDs as ids. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

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

static int cmp_id(const void *a, const void *b)
{
    return strcmp(a, b);
}

/* Version-4 UUIDs, all different across many refills of the per-thread
 * buffer they are drawn from. */
TEST(uuid_v4_ids_are_version_4_and_distinct)
{
    enum { N = 1000 };
    static char ids[N][PB_UUID_BUF];
    for (int i = 0; i < N; i++) {
        CHECK(uuid_v4(ids[i]));
        CHECK(uuid_valid(ids[i]));
        CHECK(ids[i][14] == '4');
        CHECK(strchr("89ab", ids[i][19]) != NULL);
    }
    qsort(ids, N, sizeof ids[0], cmp_id);
    for (int i = 1; i < N; i++)
        CHECK(strcmp(ids[i - 1], ids[i]) != 0);
}

/* The 128 bits of a UUID's 32 hex digits, bit 0 the first digit's highest. */
static int id_bit(const char *id, int bit)
{
    char hex[33];
    int n = 0;
    for (const char *c = id; *c; c++)
        if (*c != '-')
            hex[n++] = *c;
    int d = hex[bit / 4] <= '9' ? hex[bit / 4] - '0' : hex[bit / 4] - 'a' + 10;
    return d >> (3 - bit % 4) & 1;
}

/* Session ids: UUID-shaped (version 4, RFC 4122 variant), the first 26 bits
 * the given time, and all 96 other free bits random: made in the same
 * millisecond, 2,000 ids each take both values at every one of them (a bit
 * left fixed, or copied from the time, would not), and never repeat. */
TEST(timed_ids_carry_the_time_and_96_random_bits)
{
    enum { N = 2000 };
    static char ids[N][PB_UUID_BUF];
    int64_t ms = 1765432109876;
    for (int i = 0; i < N; i++) {
        CHECK(uuid_timed(ids[i], ms));
        CHECK(uuid_valid(ids[i]));
        CHECK(ids[i][14] == '4');
        CHECK(strchr("89ab", ids[i][19]) != NULL);
        uint32_t t = 0;
        for (int b = 0; b < 26; b++)
            t = t << 1 | (uint32_t)id_bit(ids[i], b);
        CHECK(t == ((uint32_t)ms & UUID_TIME_MASK));
    }
    int random_bits = 0;
    for (int b = 26; b < 128; b++) {
        if ((b >= 48 && b < 52) || b == 64 || b == 65) /* version and variant */
            continue;
        int ones = 0;
        for (int i = 0; i < N; i++)
            ones += id_bit(ids[i], b);
        CHECK(ones > 0 && ones < N);
        random_bits++;
    }
    CHECK_INT(random_bits, 96);
    qsort(ids, N, sizeof ids[0], cmp_id);
    for (int i = 1; i < N; i++)
        CHECK(strcmp(ids[i - 1], ids[i]) != 0);
    /* later ids sort after earlier ones (within the 18.6-hour cycle) */
    char a[PB_UUID_BUF], b[PB_UUID_BUF];
    CHECK(uuid_timed(a, ms) && uuid_timed(b, ms + 1));
    CHECK(strcmp(a, b) < 0);
    CHECK_STR(id_short(a), a + 28);
    CHECK_STR(id_short("abc"), "abc");
}

/* A child of fork() never hands out the ids its parent hands out next
 * (the buffer the child inherited is forgotten). */
TEST(uuid_v4_after_fork_differs_from_the_parent)
{
    char first[PB_UUID_BUF], mine[PB_UUID_BUF], child[PB_UUID_BUF] = "";
    CHECK(uuid_v4(first)); /* the buffer now holds bytes for more ids */
    int fds[2];
    CHECK(pipe(fds) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        char id[PB_UUID_BUF];
        int ok = uuid_v4(id) && write(fds[1], id, sizeof id) == (ssize_t)sizeof id;
        _exit(ok ? 0 : 1);
    }
    CHECK(pid > 0);
    close(fds[1]);
    CHECK(read(fds[0], child, sizeof child) == (ssize_t)sizeof child);
    close(fds[0]);
    int status = 0;
    CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(uuid_v4(mine));
    CHECK(uuid_valid(child));
    CHECK(strcmp(child, mine) != 0);
}

int main(void)
{
    RUN(sha256_known_vectors);
    RUN(uuid_lower_normalises_or_refuses);
    RUN(uuid_v4_ids_are_version_4_and_distinct);
    RUN(uuid_v4_after_fork_differs_from_the_parent);
    RUN(timed_ids_carry_the_time_and_96_random_bits);
    return check_summary();
}
