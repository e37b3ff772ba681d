/* Job specs (core/job.c): kinds by name both ways, and the specs their
 * owners queue. */
#include <stdlib.h>

#include "check.h"
#include "core/job.h"

TEST(kinds_round_trip_by_name_and_unknown_names_stay_unknown)
{
    for (int k = 0; k < JOB_KIND_COUNT; k++)
        CHECK_INT(job_kind_parse(job_kind_name((enum job_kind)k)), k);
    CHECK_STR(job_kind_name(JOB_PROCESS_SESSION), "process_session");
    CHECK_STR(job_kind_name(JOB_PROCESS_ENTITY), "process_entity");
    CHECK_INT(job_kind_parse("aa_fetch_from_the_future"), JOB_KIND_UNKNOWN);
    CHECK_INT(job_kind_parse(NULL), JOB_KIND_UNKNOWN);
    CHECK(job_kind_name(JOB_KIND_UNKNOWN) == NULL);
}

TEST(specs_carry_payload_dedupe_key_and_attempts)
{
    struct job_spec j;
    CHECK_INT(job_spec_process_session(&j, "sess-1", "org-1", 1700000000), 0);
    CHECK_INT(j.kind, JOB_PROCESS_SESSION);
    CHECK_STR(j.payload, "{\"session_id\":\"sess-1\",\"org_id\":\"org-1\"}");
    CHECK_STR(j.dedupe_key, "process_session:sess-1");
    CHECK_STR(j.session_id, "sess-1");
    CHECK_INT(j.max_attempts, JOB_DEFAULT_ATTEMPTS);
    CHECK_INT(j.run_after, 1700000000);
    job_spec_clear(&j);
    CHECK_INT(job_spec_process_entity(&j, "ent-1", "org-1", "sess-2", "stmt-1", 5), 0);
    CHECK_INT(j.kind, JOB_PROCESS_ENTITY);
    CHECK_STR(j.dedupe_key, "process_entity:stmt-1");
    CHECK_STR(j.payload, "{\"entity_id\":\"ent-1\",\"org_id\":\"org-1\",\"session_id\":\"sess-2\",\"statement_id\":\"stmt-1\"}");
    job_spec_clear(&j);
    CHECK(j.payload == NULL);
}

int main(void)
{
    RUN(kinds_round_trip_by_name_and_unknown_names_stay_unknown);
    RUN(specs_carry_payload_dedupe_key_and_attempts);
    return check_summary();
}
