/* A tiny unit-test harness. Each test file defines test functions with
 * TEST(name), lists them in main with RUN(name), and ends with
 * return check_summary(); which prints "N passed, N failed". A table of
 * cases runs each with check_cur_failed = 0, its checks, check_end(name). */
#ifndef PB_TEST_CHECK_H
#define PB_TEST_CHECK_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static int check_passed, check_failed, check_cur_failed;

#define TEST(name) static void name(void)

#define CHECK(cond)                                                                    \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            fprintf(stderr, "  %s:%d: CHECK(%s)\n", __FILE__, __LINE__, #cond);         \
            check_cur_failed = 1;                                                      \
        }                                                                              \
    } while (0)

#define CHECK_INT(a, b)                                                                \
    do {                                                                               \
        long long a_ = (long long)(a), b_ = (long long)(b);                            \
        if (a_ != b_) {                                                                \
            fprintf(stderr, "  %s:%d: %s == %lld, want %lld\n", __FILE__, __LINE__, #a, \
                    a_, b_);                                                           \
            check_cur_failed = 1;                                                      \
        }                                                                              \
    } while (0)

#define CHECK_STR(a, b)                                                                \
    do {                                                                               \
        const char *a_ = (a), *b_ = (b);                                               \
        if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                       \
            fprintf(stderr, "  %s:%d: %s == \"%s\", want \"%s\"\n", __FILE__, __LINE__, \
                    #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)");                       \
            check_cur_failed = 1;                                                      \
        }                                                                              \
    } while (0)

/* Ends the test called name: counts it and prints its verdict. */
static inline void check_end(const char *name)
{
    if (check_cur_failed) {
        check_failed++;
        printf("FAIL %s\n", name);
    } else {
        check_passed++;
        printf("ok   %s\n", name);
    }
}

#define RUN(name)                                                                      \
    do {                                                                               \
        check_cur_failed = 0;                                                          \
        name();                                                                        \
        check_end(#name);                                                              \
    } while (0)

static inline int check_summary(void)
{
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed ? 1 : 0;
}

#endif
