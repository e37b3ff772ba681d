/* Crash points for the fault-injection tests (tests/api/test_faults.py).
 * With PASSBOOK_FAULT_KILL_AT=NAME[@N][,NAME[@N]...] in the environment,
 * the process sends itself SIGKILL the Nth time (default: the first) it
 * reaches fault_point("NAME"): what a crash or kill -9 at exactly that
 * step of the pipeline looks like. With PASSBOOK_FAULT_PAUSE_AT=
 * NAME[@N]=SECONDS[,...] the thread that reaches it the Nth time, and every
 * later time, sleeps SECONDS there: work held in the middle (a job, a
 * delivery, an upload) while the process lives on. Without the variables
 * a fault point costs one atomic load. Names are listed in docs/testing.md. */
#ifndef PB_UTIL_FAULT_H
#define PB_UTIL_FAULT_H

void fault_point(const char *name);

#endif
