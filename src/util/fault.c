#include "util/fault.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_POINTS 16

struct point {
    char name[64];
    long at;                 /* act on this visit (1 = first) */
    long pause_s;            /* 0: SIGKILL at visit `at`; else sleep this long at `at` and later */
    atomic_long visits;
};

static struct point points[MAX_POINTS];
static int npoints;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* NAME[@N] (kill) or NAME[@N]=SECONDS (pause) tokens of spec. */
static void parse_spec(const char *spec, bool pause)
{
    char buf[1024];
    if (!spec || snprintf(buf, sizeof buf, "%s", spec) >= (int)sizeof buf)
        return;
    char *save = NULL;
    for (char *tok = strtok_r(buf, ",", &save); tok && npoints < MAX_POINTS; tok = strtok_r(NULL, ",", &save)) {
        struct point *p = &points[npoints];
        char *secs = strchr(tok, '=');
        if (secs)
            *secs++ = '\0';
        char *at = strchr(tok, '@');
        p->at = at ? strtol(at + 1, NULL, 10) : 1;
        if (at)
            *at = '\0';
        p->pause_s = pause ? (secs ? strtol(secs, NULL, 10) : 3600) : 0;
        if (p->at < 1 || (pause && p->pause_s < 1) ||
            snprintf(p->name, sizeof p->name, "%s", tok) >= (int)sizeof p->name)
            continue;
        npoints++;
    }
}

static void parse(void)
{
    parse_spec(getenv("PASSBOOK_FAULT_KILL_AT"), false);
    parse_spec(getenv("PASSBOOK_FAULT_PAUSE_AT"), true);
}

void fault_point(const char *name)
{
    pthread_once(&once, parse);
    for (int i = 0; i < npoints; i++) {
        struct point *p = &points[i];
        if (strcmp(p->name, name))
            continue;
        long visit = atomic_fetch_add(&p->visits, 1) + 1;
        if (!p->pause_s && visit == p->at) {
            fprintf(stderr, "fault point %s reached: SIGKILL\n", name);
            kill(getpid(), SIGKILL);
            pause();
        }
        if (p->pause_s && visit >= p->at) {
            fprintf(stderr, "fault point %s reached: pausing %ld s\n", name, p->pause_s);
            struct timespec ts = {p->pause_s, 0};
            while (nanosleep(&ts, &ts) != 0)
                ;
        }
    }
}
