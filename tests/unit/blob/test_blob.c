#include <stdlib.h>
#include <unistd.h>

#include "blob/blob.h"
#include "check.h"
#include "fixture.h"

static char root[] = "/tmp/pb-blob-XXXXXX";

TEST(stores_by_content_hash_and_reads_back)
{
    struct blob_store *bs = blob_open(root);
    CHECK(bs != NULL);
    char sha[PB_SHA256_HEX];
    CHECK_INT(blob_put(bs, "abc", 3, sha), 0);
    /* SHA-256("abc") is a published test vector. */
    CHECK_STR(sha, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    unsigned char *data = NULL;
    size_t len = 0;
    CHECK_INT(blob_get(bs, sha, &data, &len), 0);
    CHECK_INT(len, 3);
    CHECK(data && memcmp(data, "abc", 3) == 0);
    free(data);
    CHECK(blob_exists(bs, sha));
    CHECK_INT(blob_delete(bs, sha), 0);
    CHECK(!blob_exists(bs, sha));
    CHECK_INT(blob_delete(bs, sha), 0);
    blob_close(bs);
}

TEST(streamed_writes_hash_like_one_buffer)
{
    struct blob_store *bs = blob_open(root);
    char a[PB_SHA256_HEX], b[PB_SHA256_HEX];
    struct blob_writer *w = blob_writer_new(bs);
    CHECK_INT(blob_writer_add(w, "ab", 2), 0);
    CHECK_INT(blob_writer_add(w, "c", 1), 0);
    CHECK_INT(blob_writer_size(w), 3);
    CHECK_INT(blob_writer_commit(w, a), 0);
    CHECK_INT(blob_put(bs, "abc", 3, b), 0);
    CHECK_STR(a, b);
    blob_close(bs);
}

TEST(enforces_size_limit_and_leaves_no_temp_file)
{
    struct blob_store *bs = blob_open(root);
    struct blob_writer *w = blob_writer_new(bs);
    blob_writer_set_limit(w, 4);
    CHECK_INT(blob_writer_add(w, "abcd", 4), 0);
    CHECK_INT(blob_writer_add(w, "e", 1), -1);
    char sha[PB_SHA256_HEX];
    CHECK_INT(blob_writer_commit(w, sha), -1);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "test -z \"$(ls %s/tmp)\"", root);
    CHECK_INT(system(cmd), 0);
    blob_close(bs);
}

TEST(rejects_names_that_are_not_hashes)
{
    struct blob_store *bs = blob_open(root);
    unsigned char *data;
    size_t len;
    CHECK_INT(blob_get(bs, "../../etc/passwd", &data, &len), -1);
    CHECK(!blob_exists(bs, "ZZ"));
    CHECK_INT(blob_delete(bs, "../x"), -1);
    blob_close(bs);
}

TEST(sweeps_only_old_leftover_temp_files)
{
    struct blob_store *bs = blob_open(root);
    struct blob_writer *young = blob_writer_new(bs); /* a write in progress */
    CHECK(young != NULL);
    char old[512], cmd[600];
    snprintf(old, sizeof old, "%s/tmp/upload-crashed", root);
    FILE *f = fopen(old, "w");
    CHECK(f != NULL);
    if (f)
        fclose(f);
    snprintf(cmd, sizeof cmd, "touch -d '2 days ago' %s", old);
    CHECK_INT(system(cmd), 0);
    CHECK_INT(blob_sweep_tmp(bs, 86400), 1);
    CHECK(access(old, F_OK) != 0);
    CHECK_INT(blob_writer_add(young, "x", 1), 0); /* untouched */
    char sha[PB_SHA256_HEX];
    CHECK_INT(blob_writer_commit(young, sha), 0);
    CHECK(blob_exists(bs, sha));
    blob_close(bs);
}

int main(void)
{
    if (!mkdtemp(root))
        return 1;
    RUN(stores_by_content_hash_and_reads_back);
    RUN(streamed_writes_hash_like_one_buffer);
    RUN(enforces_size_limit_and_leaves_no_temp_file);
    RUN(rejects_names_that_are_not_hashes);
    RUN(sweeps_only_old_leftover_temp_files);
    if (fixture_remove_dir(root))
        return 1;
    return check_summary();
}
