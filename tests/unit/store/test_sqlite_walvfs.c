/* The writer's VFS (store/sqlite_walvfs.c): each WAL frame in one write, and
 * the WAL exactly as SQLite's own VFS writes it. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "store/sqlite_internal.h"

static char dir[] = "/tmp/pb-walvfs-XXXXXX";

/* This process's write system calls so far (/proc/self/io), -1 if unknown. */
static long long write_calls(void)
{
    FILE *f = fopen("/proc/self/io", "r");
    long long n = -1;
    char line[128];
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "syscw: %lld", &n) == 1)
            break;
    if (f)
        fclose(f);
    return n;
}

static sqlite3 *open_db(const char *path, const char *vfs)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs) != SQLITE_OK ||
        sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0;", NULL,
                     NULL, NULL) != SQLITE_OK) {
        fprintf(stderr, "open %s: %s\n", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

static long long count(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *q = NULL;
    long long n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
        n = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return n;
}

static int wal_frames(const char *path)
{
    char wal[300];
    struct stat st;
    snprintf(wal, sizeof wal, "%s-wal", path);
    return stat(wal, &st) == 0 && st.st_size > 32 ? (int)((st.st_size - 32) / (24 + 4096)) : 0;
}

/* One transaction of many pages: about one write a frame, not two. */
TEST(a_commit_writes_each_frame_at_once)
{
    char path[256];
    snprintf(path, sizeof path, "%s/frames.db", dir);
    CHECK(sq_wal_vfs() != NULL);
    sqlite3 *db = open_db(path, sq_wal_vfs());
    CHECK(db != NULL);
    if (!db)
        return;
    CHECK_INT(sqlite3_exec(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)", NULL, NULL, NULL), SQLITE_OK);
    int before_frames = wal_frames(path);
    long long before = write_calls();
    CHECK_INT(sqlite3_exec(db,
                           "BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                           "INSERT INTO t(v) SELECT printf('%0100d', i) FROM n; COMMIT;",
                           NULL, NULL, NULL),
              SQLITE_OK);
    long long writes = write_calls() - before;
    int frames = wal_frames(path) - before_frames;
    CHECK(frames > 40);
    CHECK(before >= 0);
    CHECK(writes >= frames && writes <= frames + 2); /* SQLite's own VFS: 2 x frames */
    sqlite3_close(db);
}

/* What the VFS wrote reads back through SQLite's own VFS, by a reader while
 * the writer is open (from the WAL, by the index) and after a reopen (the WAL
 * recovered from the file alone), over several commits that rewrite pages. */
TEST(the_wal_reads_back_through_the_default_vfs)
{
    char path[256];
    snprintf(path, sizeof path, "%s/read.db", dir);
    sqlite3 *db = open_db(path, sq_wal_vfs());
    sqlite3 *reader = open_db(path, NULL);
    CHECK(db != NULL && reader != NULL);
    if (!db || !reader)
        return;
    CHECK_INT(sqlite3_exec(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT UNIQUE)", NULL, NULL, NULL), SQLITE_OK);
    for (int round = 0; round < 20; round++) {
        char sql[256];
        snprintf(sql, sizeof sql,
                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) "
                 "INSERT INTO t(v) SELECT printf('%%d-%%d-%%0200d', %d, i, i) FROM n; "
                 "UPDATE t SET v = v || 'x' WHERE id %% 7 = %d;",
                 round, round % 7);
        CHECK_INT(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
        CHECK_INT(count(reader, "SELECT count(*) FROM t"), (round + 1) * 100);
    }
    CHECK_INT(count(reader, "SELECT count(*) FROM t WHERE v LIKE '%x'"), count(db, "SELECT count(*) FROM t WHERE v LIKE '%x'"));
    sqlite3_close(reader);
    /* a copy of the database and its WAL, as a crash would leave them */
    char copy[1024];
    snprintf(copy, sizeof copy, "cp %s %s/copy.db && cp %s-wal %s/copy.db-wal", path, dir, path, dir);
    CHECK_INT(system(copy), 0);
    sqlite3_close(db);
    snprintf(copy, sizeof copy, "%s/copy.db", dir);
    sqlite3 *again = open_db(copy, NULL);
    CHECK(again != NULL);
    if (!again)
        return;
    CHECK_INT(count(again, "SELECT count(*) FROM t"), 2000);
    sqlite3_stmt *q = NULL;
    CHECK_INT(sqlite3_prepare_v2(again, "PRAGMA integrity_check", -1, &q, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(q), SQLITE_ROW);
    CHECK_STR((const char *)sqlite3_column_text(q, 0), "ok");
    sqlite3_finalize(q);
    sqlite3_close(again);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    RUN(a_commit_writes_each_frame_at_once);
    RUN(the_wal_reads_back_through_the_default_vfs);
    char rm[64];
    snprintf(rm, sizeof rm, "rm -rf %s", dir);
    if (system(rm) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return check_summary();
}
