/* SHA-256 hex digests (FIPS 180-2 vectors): transaction hashes, API key
 * hashes and blob names are all built on sha256_hex. UUIDs as ids. */
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
    return check_summary();
}
