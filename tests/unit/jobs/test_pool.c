/* The worker pool's fairness and bounds (issue 11, finding 4): an
 * organisation over its limit waits while others' tasks start, a session
 * likewise, a full queue refuses, stopping runs what is queued. Tasks
 * block on gates the test opens, so nothing here depends on timing. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <unistd.h>

#include "check.h"
#include "jobs/pool.h"

struct gate {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool open, started, done;
};

#define GATE {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false, false, false}

static void task(void *arg)
{
    struct gate *g = arg;
    pthread_mutex_lock(&g->mu);
    g->started = true;
    pthread_cond_broadcast(&g->cv);
    while (!g->open)
        pthread_cond_wait(&g->cv, &g->mu);
    g->done = true;
    pthread_cond_broadcast(&g->cv);
    pthread_mutex_unlock(&g->mu);
}

static void open_gate(struct gate *g)
{
    pthread_mutex_lock(&g->mu);
    g->open = true;
    pthread_cond_broadcast(&g->cv);
    pthread_mutex_unlock(&g->mu);
}

/* Waits until the task started (or finished). */
static void await(struct gate *g, bool *flag)
{
    pthread_mutex_lock(&g->mu);
    while (!*flag)
        pthread_cond_wait(&g->cv, &g->mu);
    pthread_mutex_unlock(&g->mu);
}

static bool started(struct gate *g)
{
    pthread_mutex_lock(&g->mu);
    bool s = g->started;
    pthread_mutex_unlock(&g->mu);
    return s;
}

/* Gives the pool every chance to start a task it should not: the pool's
 * threads are idle or blocked on gates, so the check is not a race with
 * slow threads but a generous settle time for a wrong start to show. */
static void settle(void)
{
    usleep(200 * 1000);
}

TEST(an_organisation_over_its_limit_waits_while_others_start)
{
    struct work_limits lim = {.per_org = 1};
    struct work_pool *p = work_pool_start(3, "t", &lim);
    struct gate a1 = GATE, a2 = GATE, b1 = GATE;
    CHECK_INT(work_pool_submit(p, "org-a", "s1", task, &a1), WORK_QUEUED);
    await(&a1, &a1.started);
    CHECK_INT(work_pool_submit(p, "org-a", "s2", task, &a2), WORK_QUEUED);
    CHECK_INT(work_pool_submit(p, "org-b", "s3", task, &b1), WORK_QUEUED);
    await(&b1, &b1.started); /* behind a2 in the queue, yet first */
    settle();
    CHECK(!started(&a2));
    struct work_stats st;
    work_pool_stats(p, &st);
    CHECK_INT(st.running, 2);
    CHECK_INT(st.queued, 1);
    open_gate(&a1);
    await(&a2, &a2.started);
    open_gate(&a2);
    open_gate(&b1);
    work_pool_stop(p);
    CHECK(a1.done && a2.done && b1.done);
}

TEST(a_session_over_its_limit_waits)
{
    struct work_limits lim = {.per_session = 1};
    struct work_pool *p = work_pool_start(2, "t", &lim);
    struct gate x = GATE, y = GATE;
    CHECK_INT(work_pool_submit(p, "org", "same", task, &x), WORK_QUEUED);
    CHECK_INT(work_pool_submit(p, "org", "same", task, &y), WORK_QUEUED);
    await(&x, &x.started);
    settle();
    CHECK(!started(&y));
    open_gate(&x);
    await(&y, &y.started);
    open_gate(&y);
    work_pool_stop(p);
}

TEST(a_full_queue_refuses_and_only_then)
{
    struct work_limits lim = {.max_queued = 2};
    struct work_pool *p = work_pool_start(1, "t", &lim);
    struct gate run = GATE, q1 = GATE, q2 = GATE, q3 = GATE;
    CHECK_INT(work_pool_submit(p, NULL, NULL, task, &run), WORK_QUEUED);
    await(&run, &run.started);
    CHECK_INT(work_pool_submit(p, NULL, NULL, task, &q1), WORK_QUEUED);
    CHECK_INT(work_pool_submit(p, NULL, NULL, task, &q2), WORK_QUEUED);
    CHECK_INT(work_pool_submit(p, NULL, NULL, task, &q3), WORK_FULL);
    struct work_stats st;
    work_pool_stats(p, &st);
    CHECK_INT(st.refused, 1);
    open_gate(&run);
    open_gate(&q1);
    open_gate(&q2);
    work_pool_stop(p); /* runs what is queued */
    CHECK(q1.done && q2.done && !q3.started);
}

static atomic_bool room;

static bool has_room(void)
{
    return atomic_load(&room);
}

TEST(work_waits_for_a_shared_resource_but_always_progresses)
{
    struct work_limits lim = {.admit = has_room};
    struct work_pool *p = work_pool_start(2, "t", &lim);
    struct gate first = GATE, second = GATE;
    atomic_store(&room, false);
    CHECK_INT(work_pool_submit(p, "a", "1", task, &first), WORK_QUEUED);
    await(&first, &first.started); /* nothing ran: no one to wait for */
    CHECK_INT(work_pool_submit(p, "b", "2", task, &second), WORK_QUEUED);
    settle();
    CHECK(!started(&second)); /* a free thread, but no room */
    atomic_store(&room, true);
    open_gate(&first); /* its end is the wake-up */
    await(&second, &second.started);
    open_gate(&second);
    work_pool_stop(p);
}

TEST(stopping_runs_what_is_queued)
{
    struct work_pool *p = work_pool_start(1, "t", NULL);
    struct gate g = GATE;
    open_gate(&g);
    CHECK_INT(work_pool_submit(p, NULL, NULL, task, &g), WORK_QUEUED);
    work_pool_stop(p);
    CHECK(g.done);
}

int main(void)
{
    RUN(an_organisation_over_its_limit_waits_while_others_start);
    RUN(a_session_over_its_limit_waits);
    RUN(a_full_queue_refuses_and_only_then);
    RUN(work_waits_for_a_shared_resource_but_always_progresses);
    RUN(stopping_runs_what_is_queued);
    return check_summary();
}
