/* Request metrics in Prometheus text format: a counter and a latency
 * histogram per (route pattern, status). Lock-free: every cell is an
 * atomic, so recording costs a few relaxed increments per request. */
#ifndef PB_HTTP_METRICS_H
#define PB_HTTP_METRICS_H

#include <stddef.h>

#include "http/router.h"

struct metrics;

/* One row per route of r plus one for unmatched requests. NULL on OOM.
 * The router must outlive the metrics. */
struct metrics *metrics_new(const struct router *r);
void metrics_free(struct metrics *m);
/* route_index: the router's index, or (size_t)-1 when no route matched. */
void metrics_record(struct metrics *m, size_t route_index, int status, double seconds);
/* The Prometheus exposition text (malloc'd; caller frees). */
char *metrics_render(const struct metrics *m, size_t *len);

#endif
