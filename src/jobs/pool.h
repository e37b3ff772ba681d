/* A fixed pool of threads running queued tasks in order of arrival. The
 * API runs uploads (file_url download, extraction, storage) on one, so
 * HTTP threads never wait on a PDF and at most `threads` extractions run
 * at once. */
#ifndef PB_JOBS_POOL_H
#define PB_JOBS_POOL_H

#include <stddef.h>

struct work_pool;

typedef void (*work_fn)(void *arg);

/* Starts n threads (>= 1). NULL on failure. */
struct work_pool *work_pool_start(int n, const char *name);
/* Queues fn(arg). Returns 0, or -1 when the pool is stopping (the caller
 * then still owns arg). */
int work_pool_submit(struct work_pool *p, work_fn fn, void *arg);
/* Tasks queued or running now. */
size_t work_pool_pending(struct work_pool *p);
/* Runs what is queued, then joins the threads and frees the pool. */
void work_pool_stop(struct work_pool *p);

#endif
