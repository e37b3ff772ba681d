/* A fixed pool of threads running queued tasks, fairly and within bounds.
 * The API runs uploads on two: the fetch pool downloads file_url bodies,
 * the ingest pool extracts and stores statements, so HTTP threads never
 * wait on a PDF and a slow download never holds an extraction thread.
 *
 * Each task may name an organisation and a session. A task starts when a
 * thread is free and its organisation and its session run fewer tasks
 * than their limits; otherwise it waits, and tasks behind it that may run
 * go first (oldest first among those). So one organisation's four bomb
 * PDFs take at most `per_org` threads and another organisation's upload
 * starts at once. A pool may also hold tasks back while a shared resource
 * is short (the ingest pool: extraction memory). Tasks wait in one bounded
 * queue: a task is refused only when the queue is full. */
#ifndef PB_JOBS_POOL_H
#define PB_JOBS_POOL_H

#include <stdbool.h>
#include <stddef.h>

struct work_pool;

typedef void (*work_fn)(void *arg);

struct work_limits {
    int per_org;          /* tasks of one organisation running at once; 0 = no limit */
    int per_session;      /* ... of one session; 0 = no limit */
    size_t max_queued;    /* tasks waiting, all together; 0 = no limit */
    /* Whether a shared resource (extraction memory) has room for one more
     * task; asked only while another task runs (whose end is the wake-up),
     * so work always progresses. NULL = always. */
    bool (*admit)(void);
};

/* Starts n threads (>= 1); limits may be NULL (none). NULL on failure. */
struct work_pool *work_pool_start(int n, const char *name, const struct work_limits *limits);

enum { WORK_QUEUED = 0, WORK_STOPPING = -1, WORK_FULL = -2 };

/* Queues fn(arg) for org and session (either may be NULL: not limited).
 * Returns WORK_QUEUED, or WORK_STOPPING / WORK_FULL (the caller then still
 * owns arg). */
int work_pool_submit(struct work_pool *p, const char *org, const char *session, work_fn fn, void *arg);

struct work_stats {
    size_t running, queued;
    unsigned long long started, refused;
};
void work_pool_stats(struct work_pool *p, struct work_stats *out);

/* Runs what is queued, then joins the threads and frees the pool. */
void work_pool_stop(struct work_pool *p);

#endif
