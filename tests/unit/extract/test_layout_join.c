/* layout_join_word (src/extract/layout.c): the words of a cell or a date
 * joined by spaces, cut where snprintf would cut them, so that every
 * caller reads the same text it read through snprintf. Each case is
 * checked against snprintf itself. */
#include <stdio.h>

#include "check.h"
#include "extract/layout.h"

/* Joins words into a buffer of cap bytes both ways; checks they agree. */
static void join_both_ways(const char *const *words, size_t nwords, size_t cap, const char *want)
{
    char ours[64], theirs[64];
    size_t len = 0;
    ours[0] = theirs[0] = '\0';
    for (size_t i = 0; i < nwords; i++) {
        len = layout_join_word(ours, cap, len, words[i]);
        size_t m = strlen(theirs);
        snprintf(theirs + m, cap - m, "%s%s", m ? " " : "", words[i]);
    }
    CHECK_STR(ours, theirs);
    CHECK_STR(ours, want);
    CHECK_INT(len, strlen(ours));
}

TEST(words_joined_by_single_spaces)
{
    const char *const w[] = {"01", "October", "2023"};
    join_both_ways(w, 3, 64, "01 October 2023");
}

TEST(a_word_cut_at_the_end_of_the_buffer)
{
    const char *const w[] = {"NEFT", "SALARY"};
    join_both_ways(w, 2, 9, "NEFT SAL");
}

TEST(the_space_is_the_last_byte_that_fits)
{
    const char *const w[] = {"ABCDEFG", "XY"};
    join_both_ways(w, 2, 9, "ABCDEFG ");
}

TEST(nothing_more_once_full)
{
    const char *const w[] = {"ABCDEFGH", "XY", "Z"};
    join_both_ways(w, 3, 9, "ABCDEFGH");
}

TEST(an_empty_word_still_gets_its_space)
{
    const char *const w[] = {"", "A", "", "B"};
    join_both_ways(w, 4, 64, "A  B");
}

int main(void)
{
    RUN(words_joined_by_single_spaces);
    RUN(a_word_cut_at_the_end_of_the_buffer);
    RUN(the_space_is_the_last_byte_that_fits);
    RUN(nothing_more_once_full);
    RUN(an_empty_word_still_gets_its_space);
    return check_summary();
}
