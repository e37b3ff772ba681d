#include "util/fault.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_POINTS 16

struct point {
    char name[64];
    long at;                 /* kill on this visit (1 = first) */
    atomic_long visits;
};

static struct point points[MAX_POINTS];
static int npoints;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void parse(void)
{
    const char *spec = getenv("PASSBOOK_FAULT_KILL_AT");
    char buf[1024];
    if (!spec || snprintf(buf, sizeof buf, "%s", spec) >= (int)sizeof buf)
        return;
    char *save = NULL;
    for (char *tok = strtok_r(buf, ",", &save); tok && npoints < MAX_POINTS; tok = strtok_r(NULL, ",", &save)) {
        struct point *p = &points[npoints];
        char *at = strchr(tok, '@');
        p->at = at ? strtol(at + 1, NULL, 10) : 1;
        if (at)
            *at = '\0';
        if (p->at < 1 || snprintf(p->name, sizeof p->name, "%s", tok) >= (int)sizeof p->name)
            continue;
        npoints++;
    }
}

void fault_point(const char *name)
{
    pthread_once(&once, parse);
    for (int i = 0; i < npoints; i++)
        if (!strcmp(points[i].name, name) && atomic_fetch_add(&points[i].visits, 1) + 1 == points[i].at) {
            fprintf(stderr, "fault point %s reached: SIGKILL\n", name);
            kill(getpid(), SIGKILL);
            pause();
        }
}
