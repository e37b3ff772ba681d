/* Background work for `serve`: worker threads fed by the store's durable
 * job table, and the periodic PDF retention sweep.
 *
 * A worker leases a job (store job_claim: the row is marked running until
 * now + lease), runs it, and marks it done, or queued again with a delay
 * when it failed (up to the job's max_attempts, from its spec: core/job.h); the lease is renewed while
 * it runs. A job whose worker died
 * (crash, kill -9, another node gone) becomes runnable again when its
 * lease expires, so work survives restarts; every job kind must therefore
 * be idempotent (see pipeline.h). Several servers sharing one store share
 * the jobs the same way. */
#ifndef PB_JOBS_RUNNER_H
#define PB_JOBS_RUNNER_H

#include "aa/aa.h"
#include "ingest/ingest.h"

struct runner_config {
    const struct ingest_env *env;   /* store and blob store; must outlive the runner */
    const struct aa_config *aa;     /* the Account Aggregator (aa_fetch jobs); may be off */
    int workers;                    /* job threads; 0 = no background work on this node */
    int retention_days;             /* PDFs older than this are deleted */
    const char *node;               /* this node's name in job leases; NULL = the host name */
    int lease_s;                    /* a claimed job stays this node's so long; 0 = JOB_LEASE_S */
};

/* A node that dies holds its jobs until their lease ends; then any node
 * runs them. A live node renews the lease of a job it runs every third of
 * the lease (store job_renew), so a long job runs once; a node too stalled
 * to renew may see its job run elsewhere too (jobs are idempotent). */
#define JOB_LEASE_S 120
#define JOB_POLL_MS 100

struct job_runner;

/* NULL on failure (then no background work runs; logged). */
struct job_runner *job_runner_start(const struct runner_config *c);
/* Lets running jobs finish, then joins the threads. */
void job_runner_stop(struct job_runner *r);

/* One sweep of retention (also run periodically by the runner): forgets
 * statements' files older than retention_days and deletes blobs no
 * statement keeps; deletes Account Aggregator data whose consent's
 * DataLife ended. Returns the number of files deleted, or -1. */
int job_retention_sweep(const struct ingest_env *env, int retention_days);

#endif
