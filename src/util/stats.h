/* Process-wide counters and histograms for GET /metrics beyond the HTTP
 * and store families: background jobs, webhooks, extraction, uploads and
 * Account Aggregator fetches. Each family has up to two labels, whose
 * values are few (a job kind, an error code, a result); past
 * STATS_MAX_VALUES distinct label sets a family counts the rest as "other". Thread-safe; a
 * sample costs one short mutex hold. Queue depths (jobs queued, running,
 * failed) are the store's, shared by every node, and rendered beside
 * these by api/health.c.
 *
 * Families (metric names in docs/operations.md):
 *   STATS_JOBS_FINISHED   job runs {kind, outcome: ok|error}
 *   STATS_JOB_LATENCY     seconds from a job's queueing to its end {kind} (histogram)
 *   STATS_WEBHOOKS_*      deliveries delivered / attempts retried / deliveries given up {event}
 *   STATS_WEBHOOK_LAG     seconds from a delivery's queueing to its success {event} (histogram)
 *   STATS_EXTRACT_PAGES   pages read; STATS_EXTRACT_SECONDS the time per document (histogram)
 *   STATS_EXTRACT_REFUSALS refused statements {code}
 *   STATS_UPLOADS         statements offered {source: pdf|aa, result: ok|<FinBox code>}
 *   STATS_AA_FETCHES      Account Aggregator FI fetches {result} (the AA module counts them) */
#ifndef PB_UTIL_STATS_H
#define PB_UTIL_STATS_H

#include <stddef.h>

#define STATS_MAX_VALUES 48

enum stats_family {
    STATS_JOBS_FINISHED,
    STATS_JOB_LATENCY,
    STATS_WEBHOOKS_DELIVERED,
    STATS_WEBHOOKS_RETRIED,
    STATS_WEBHOOKS_FAILED,
    STATS_WEBHOOK_LAG,
    STATS_EXTRACT_PAGES,
    STATS_EXTRACT_SECONDS,
    STATS_EXTRACT_REFUSALS,
    STATS_UPLOADS,
    STATS_AA_FETCHES,
    STATS_NFAMILIES
};

/* Adds v to the family's counter for the label values a, b (NULL where
 * the family has fewer labels). */
void stats_add(enum stats_family f, const char *a, const char *b, double v);
/* One observation of a histogram family (seconds). */
void stats_observe(enum stats_family f, const char *a, double seconds);
/* The Prometheus text of every family (malloc'd; NULL out of memory). */
char *stats_render(void);

#endif
