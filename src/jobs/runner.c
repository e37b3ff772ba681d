#include "jobs/runner.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ingest/files.h"
#include "jobs/pipeline.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/stats.h"

#define RETENTION_EVERY_S 3600

struct job_runner {
    struct runner_config cfg;
    atomic_bool stopping;
    pthread_t *threads;
    int n;
    char owner_prefix[64];
    atomic_llong *held;          /* held[i]: the job worker i runs now, 0 = none */
    pthread_t keeper;            /* renews the leases of held jobs */
    bool keeper_running;
};

struct worker_arg {
    struct job_runner *r;
    int index;
};

/* Sleeps ms milliseconds unless the runner is stopping. */
static void nap(struct job_runner *r, int ms)
{
    for (int slept = 0; slept < ms && !atomic_load(&r->stopping); slept += 20)
        usleep(20 * 1000);
}

/* What each kind of job does: run (0 when done, -1 to retry later, 1 when
 * the job has more to do at *run_after: not a failure, no attempt used),
 * and what to do once its attempts are used up (NULL: nothing more). */
struct job_work {
    int (*run)(struct job_runner *r, const struct job_rec *j, int64_t *run_after);
    void (*given_up)(struct job_runner *r, const struct job_rec *j);
};

static int run_session(struct job_runner *r, const struct job_rec *j, int64_t *run_after)
{
    return pipeline_run(r->cfg.env, j->payload);
}

/* A session whose processing was given up: progress/ must end, as
 * failed, rather than spin. */
static void session_given_up(struct job_runner *r, const struct job_rec *j)
{
    if (j->session_id)
        STORE_CALL(r->cfg.env->store, session_finish_processing, j->session_id, SESSION_FAILED, pb_now());
}

static int run_entity(struct job_runner *r, const struct job_rec *j, int64_t *run_after)
{
    return pipeline_run_entity(r->cfg.env, j->payload);
}

static void entity_given_up(struct job_runner *r, const struct job_rec *j)
{
    pipeline_entity_failed(r->cfg.env, j->payload);
}

static int run_aa_fetch(struct job_runner *r, const struct job_rec *j, int64_t *run_after)
{
    return aa_job_run(r->cfg.aa, r->cfg.env, j->payload, j->attempts >= j->max_attempts, run_after);
}

static const struct job_work WORK[JOB_KIND_COUNT] = {
    [JOB_PROCESS_SESSION] = {run_session, session_given_up},
    [JOB_PROCESS_ENTITY] = {run_entity, entity_given_up},
    [JOB_AA_FETCH] = {run_aa_fetch, NULL},
};

/* Runs one job by kind (see struct job_work). */
static int job_run(struct job_runner *r, const struct job_rec *j, int64_t *run_after)
{
    if (j->kind >= 0 && j->kind < JOB_KIND_COUNT && WORK[j->kind].run)
        return WORK[j->kind].run(r, j, run_after);
    log_warn("jobs msg=\"unknown job kind\" id=%lld", (long long)j->id);
    return 0; /* nothing this node can do; do not spin on it */
}

int job_retention_sweep(const struct ingest_env *env, int retention_days)
{
    char **claimed = NULL;
    size_t n = 0;
    int64_t now = pb_now();
    if (STORE_CALL(env->store, pdf_expire, now - (int64_t)retention_days * 86400, now, &claimed, &n) !=
        STORE_OK)
        return -1;
    files_remove_claimed(env, claimed, n);
    if (n)
        log_info("jobs msg=\"retention\" deleted_files=%zu", n);
    /* Files nothing refers to any more: pins of uploads a crash cut off,
     * deletions a dead node left half done, debris of older versions. */
    files_sweep(env);
    size_t aa = 0;
    if (STORE_CALL(env->store, aa_expire_data, pb_now(), &aa) == STORE_OK && aa)
        log_info("jobs msg=\"AA data life ended\" deleted_statements=%zu", aa);
    return (int)n;
}

static void *worker_main(void *arg)
{
    struct worker_arg *wa = arg;
    struct job_runner *r = wa->r;
    char owner[96];
    snprintf(owner, sizeof owner, "%s-%d", r->owner_prefix, wa->index);
    int64_t next_sweep = 0;
    while (!atomic_load(&r->stopping)) {
        if (wa->index == 0 && pb_now() >= next_sweep) {
            job_retention_sweep(r->cfg.env, r->cfg.retention_days);
            next_sweep = pb_now() + RETENTION_EVERY_S;
        }
        struct job_rec j;
        int rc = STORE_CALL(r->cfg.env->store, job_claim, owner, pb_now(), r->cfg.lease_s, &j);
        if (rc != STORE_OK) {
            nap(r, rc == STORE_NOT_FOUND ? JOB_POLL_MS : 1000);
            continue;
        }
        int64_t later = 0;
        atomic_store(&r->held[wa->index], j.id);
        int res = job_run(r, &j, &later);
        atomic_store(&r->held[wa->index], 0);
        if (res == 1) { /* more to do later: not a failure */
            STORE_CALL(r->cfg.env->store, job_snooze, j.id, later, pb_now());
            job_rec_clear(&j);
            continue;
        }
        int ok = res == 0;
        const char *kind = job_kind_name(j.kind) ? job_kind_name(j.kind) : "unknown";
        stats_add(STATS_JOBS_FINISHED, kind, ok ? "ok" : "error", 1);
        if (ok)
            stats_observe(STATS_JOB_LATENCY, kind, (double)(pb_now() - j.queued_at));
        int64_t retry = pb_now() + (j.attempts < 6 ? (1 << j.attempts) : 60);
        STORE_CALL(r->cfg.env->store, job_finish, j.id, ok, ok ? NULL : "step failed", retry, pb_now());
        if (!ok)
            log_warn("jobs msg=\"job failed\" id=%lld kind=%s attempt=%d", (long long)j.id, kind, j.attempts);
        if (!ok && j.attempts >= j.max_attempts && j.kind >= 0 && WORK[j.kind].given_up)
            WORK[j.kind].given_up(r, &j);
        job_rec_clear(&j);
    }
    free(wa);
    return NULL;
}

/* A job may run longer than its lease (a large session's analysis): while
 * it runs, its lease is renewed every third of the lease, so no other node
 * takes a live node's job; a dead node's jobs stop being renewed and run
 * elsewhere once their lease ends. */
static void *keeper_main(void *arg)
{
    struct job_runner *r = arg;
    int every_ms = r->cfg.lease_s * 1000 / 3;
    while (!atomic_load(&r->stopping)) {
        nap(r, every_ms);
        for (int i = 0; i < r->n && !atomic_load(&r->stopping); i++) {
            int64_t id = atomic_load(&r->held[i]);
            if (!id)
                continue;
            char owner[96];
            snprintf(owner, sizeof owner, "%s-%d", r->owner_prefix, i);
            int rc = STORE_CALL(r->cfg.env->store, job_renew, id, owner, pb_now() + r->cfg.lease_s);
            if (rc == STORE_NOT_FOUND && atomic_load(&r->held[i]) == id)
                log_warn("jobs msg=\"lease lost: another node may run the job too\" id=%lld", (long long)id);
        }
    }
    return NULL;
}

struct job_runner *job_runner_start(const struct runner_config *c)
{
    struct job_runner *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->cfg = *c;
    atomic_init(&r->stopping, false);
    char host[48] = "node";
    gethostname(host, sizeof host - 1);
    const char *node = c->node && *c->node ? c->node : host;
    if (r->cfg.lease_s <= 0)
        r->cfg.lease_s = JOB_LEASE_S;
    snprintf(r->owner_prefix, sizeof r->owner_prefix, "%.40s:%d", node, (int)getpid());
    /* Jobs an earlier server of this node held died with it (crash,
     * kill -9): run them now rather than after their lease. Nodes sharing
     * a store need names of their own (--node-name; the host name by
     * default), or a restarting node takes a live sibling's jobs, which
     * then run twice (idempotent jobs allow it). */
    char mine[64];
    snprintf(mine, sizeof mine, "%.40s:", node);
    STORE_CALL(c->env->store, job_release, mine);
    r->threads = calloc((size_t)(c->workers > 0 ? c->workers : 1), sizeof *r->threads);
    r->held = calloc((size_t)(c->workers > 0 ? c->workers : 1), sizeof *r->held);
    if (!r->held) {
        free(r->threads);
        r->threads = NULL;
    }
    for (int i = 0; r->threads && i < c->workers; i++) {
        struct worker_arg *wa = malloc(sizeof *wa);
        if (!wa)
            break;
        wa->r = r;
        wa->index = i;
        if (pthread_create(&r->threads[r->n], NULL, worker_main, wa)) {
            free(wa);
            break;
        }
        r->n++;
    }
    if (r->n < c->workers)
        log_error("jobs msg=\"could not start every worker\" started=%d wanted=%d", r->n, c->workers);
    if (r->n && !pthread_create(&r->keeper, NULL, keeper_main, r))
        r->keeper_running = true;
    else if (r->n)
        log_error("jobs msg=\"could not start the lease keeper: jobs longer than their lease may run twice\"");
    return r;
}

void job_runner_stop(struct job_runner *r)
{
    if (!r)
        return;
    atomic_store(&r->stopping, true);
    for (int i = 0; i < r->n; i++)
        pthread_join(r->threads[i], NULL);
    if (r->keeper_running)
        pthread_join(r->keeper, NULL);
    free(r->threads);
    free(r->held);
    free(r);
}
