/* Journey tokens authorise one session for a short time and cannot be forged. */
#include "check.h"
#include "journey/token.h"

#include <string.h>

static const char *SID = "0f8fad5b-d9cb-469f-a165-70867728950e";

TEST(mint_then_check_gives_the_session)
{
    char t[JOURNEY_TOKEN_BUF], sid[PB_UUID_BUF];
    journey_token_mint("k1", SID, 2000, t);
    CHECK(journey_token_check("k1", t, 1000, sid));
    CHECK_STR(sid, SID);
}

TEST(expired_token_is_refused)
{
    char t[JOURNEY_TOKEN_BUF], sid[PB_UUID_BUF];
    journey_token_mint("k1", SID, 2000, t);
    CHECK(!journey_token_check("k1", t, 2000, sid));
    CHECK(!journey_token_check("k1", t, 5000, sid));
}

TEST(other_key_or_tampering_is_refused)
{
    char t[JOURNEY_TOKEN_BUF], sid[PB_UUID_BUF];
    journey_token_mint("k1", SID, 2000, t);
    CHECK(!journey_token_check("k2", t, 1000, sid));
    /* extend the expiry without re-signing */
    char forged[JOURNEY_TOKEN_BUF];
    strcpy(forged, t);
    char *p = strchr(forged, '.') + 1;
    *p = '9';
    CHECK(!journey_token_check("k1", forged, 1000, sid));
    /* another session's id with this session's MAC */
    strcpy(forged, t);
    forged[0] = forged[0] == 'a' ? 'b' : 'a';
    CHECK(!journey_token_check("k1", forged, 1000, sid));
}

TEST(garbage_is_refused)
{
    char sid[PB_UUID_BUF];
    const char *bad[] = {"", ".", "..", SID, "x.1.abc", "0f8fad5b-d9cb-469f-a165-70867728950e.-5.00",
                         "0f8fad5b-d9cb-469f-a165-70867728950e.abc.00", NULL};
    for (int i = 0; bad[i]; i++)
        CHECK(!journey_token_check("k1", bad[i], 0, sid));
    CHECK(!journey_token_check("k1", NULL, 0, sid));
    char huge[400];
    memset(huge, 'a', sizeof huge - 1);
    huge[sizeof huge - 1] = '\0';
    CHECK(!journey_token_check("k1", huge, 0, sid));
}

int main(void)
{
    RUN(mint_then_check_gives_the_session);
    RUN(expired_token_is_refused);
    RUN(other_key_or_tampering_is_refused);
    RUN(garbage_is_refused);
    return check_summary();
}
