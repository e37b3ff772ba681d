/* Waiting for an asynchronous write's callback (store_done_fn): for the
 * store's own blocking calls; not for use outside src/store/. */
#ifndef PB_STORE_WAIT_H
#define PB_STORE_WAIT_H

#include <pthread.h>

struct store_wait {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int done, rc;
};

#define STORE_WAIT_INIT {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0}

/* The store_done_fn to pass with a struct store_wait * as its argument. */
void store_wait_done(void *arg, int rc);
/* Blocks until store_wait_done ran for w; its rc. */
int store_wait(struct store_wait *w);

#endif
