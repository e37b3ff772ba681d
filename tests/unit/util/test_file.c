/* Whole files read into memory: every byte (NULs too) with a NUL after,
 * refused when larger than asked or unreadable. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "util/file.h"

static char path[] = "/tmp/pb-file-XXXXXX";

static void write_file(const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(data, 1, len, f);
        fclose(f);
    }
}

TEST(reads_every_byte_and_ends_with_a_nul)
{
    size_t big = 200000; /* over the first buffer, several times */
    char *data = malloc(big);
    for (size_t i = 0; i < big; i++)
        data[i] = (char)(i % 251); /* NULs included */
    write_file(data, big);
    size_t len = 0;
    char *got = file_read(path, big, &len);
    CHECK(got != NULL);
    CHECK_INT(len, big);
    if (got && len == big) {
        CHECK(memcmp(got, data, big) == 0);
        CHECK_INT(got[big], 0);
    }
    free(got);
    free(data);
}

TEST(an_empty_file_is_an_empty_string)
{
    write_file("", 0);
    size_t len = 7;
    char *got = file_read(path, 10, &len);
    CHECK(got != NULL);
    CHECK_INT(len, 0);
    if (got)
        CHECK_STR(got, "");
    free(got);
}

TEST(more_than_max_or_missing_is_refused)
{
    write_file("0123456789", 10);
    size_t len = 0;
    char *got = file_read(path, 9, &len);
    CHECK(got == NULL);
    free(got);
    got = file_read(path, 10, &len);
    CHECK(got != NULL && len == 10);
    free(got);
    CHECK(file_read("/nonexistent-dir/x", 10, &len) == NULL);
}

int main(void)
{
    int fd = mkstemp(path);
    if (fd < 0)
        return 1;
    close(fd);
    RUN(reads_every_byte_and_ends_with_a_nul);
    RUN(an_empty_file_is_an_empty_string);
    RUN(more_than_max_or_missing_is_refused);
    unlink(path);
    return check_summary();
}
