/* Chooses the store implementation from the URL. */
#include "store/store.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_internal.h"
#include "store/sqlite_internal.h"
#include "store/wait.h"
#include "util/log.h"

static _Atomic(store_failure_fn) failure_handler;
static atomic_flag failure_reported = ATOMIC_FLAG_INIT;

void store_set_failure_handler(store_failure_fn fn)
{
    atomic_store(&failure_handler, fn);
}

void store_report_failure(const char *why)
{
    if (atomic_flag_test_and_set(&failure_reported))
        return;
    log_error("store msg=\"durability lost: every later write fails; restart the server\" reason=\"%s\"", why);
    store_failure_fn fn = atomic_load(&failure_handler);
    if (fn)
        fn();
}

char *store_default_url(const char *data_dir)
{
    char *url = NULL;
    if (asprintf(&url, "sqlite:%s/passbook.db", data_dir) < 0)
        return NULL;
    return url;
}

int store_open_pool(const char *url, int connections, struct store **out, char *err, size_t errlen)
{
    if (!strncmp(url, "sqlite:", 7) && url[7])
        return sqlite_store_open(url + 7, out, err, errlen);
    if (!strncmp(url, "postgres://", 11) || !strncmp(url, "postgresql://", 13))
        return pg_store_open(url, connections, out, err, errlen);
    snprintf(err, errlen, "unknown store URL (expected sqlite:PATH or postgres://...)");
    return -1;
}

int store_open(const char *url, struct store **out, char *err, size_t errlen)
{
    return store_open_pool(url, 0, out, err, errlen);
}

void store_wait_done(void *arg, int rc)
{
    struct store_wait *w = arg;
    pthread_mutex_lock(&w->mu);
    w->rc = rc;
    w->done = 1;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

int store_wait(struct store_wait *w)
{
    pthread_mutex_lock(&w->mu);
    while (!w->done)
        pthread_cond_wait(&w->cv, &w->mu);
    pthread_mutex_unlock(&w->mu);
    return w->rc;
}

int store_session_insert(struct store *st, const struct session *s)
{
    struct store_wait w = STORE_WAIT_INIT;
    struct session_insert ins = {.s = s};
    st->ops->session_insert_async(st, &ins, store_wait_done, &w);
    return store_wait(&w);
}
