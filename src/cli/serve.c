/* passbook serve: the HTTP server. */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aa/aa.h"
#include "api/api.h"
#include "blob/blob.h"
#include "extract/extract.h"
#include "ingest/files.h"
#include "jobs/runner.h"
#include "net/cidr.h"
#include "net/fetch.h"
#include "cli/cli.h"
#include "cli/flags.h"
#include "cli/keys.h"
#include "http/server.h"
#include "notify/backoff.h"
#include "notify/notify.h"
#include "util/lazylib.h"
#include "util/log.h"
#include "util/secret.h"

static const char USAGE[] =
    "passbook serve [--listen HOST:PORT] [--data DIR] [--db URL] [--public-url URL] [--threads N]\n"
    "               [--max-upload-bytes N] [--workers N] [--pdf-retention-days N] [--allow-private-urls]\n"
    "               [--max-connections N] [--max-connections-per-ip N] [--trusted-proxies CIDRS] ...\n"
    "               [--aa-url URL --aa-webview-url URL --aa-fiu-id ID --aa-api-key KEY --aa-redirect-secret S\n"
    "                --aa-signing-key FILE --aa-peer-key FILE --aa-handle-suffix S]";

/* Splits "host:port" or "[v6]:port". Returns 0 or -1. */
static int split_listen(const char *s, char *host, size_t hlen, int *port)
{
    const char *colon;
    if (s[0] == '[') {
        const char *close = strchr(s, ']');
        if (!close || close[1] != ':')
            return -1;
        snprintf(host, hlen, "%.*s", (int)(close - s - 1), s + 1);
        colon = close + 1;
    } else {
        colon = strrchr(s, ':');
        if (!colon)
            return -1;
        snprintf(host, hlen, "%.*s", (int)(colon - s), s);
    }
    char *end;
    long p = strtol(colon + 1, &end, 10);
    if (*end || end == colon + 1 || p < 0 || p > 65535)
        return -1;
    *port = (int)p;
    return 0;
}

static bool parse_level(const char *s, enum log_level *out)
{
    static const char *const names[] = {"debug", "info", "warn", "error"};
    for (int i = 0; i < 4; i++)
        if (!strcasecmp(s, names[i])) {
            *out = (enum log_level)i;
            return true;
        }
    return false;
}

struct serve_opts {
    const char *listen, *data, *db, *public_url, *log_level;
    long threads, max_body;
    bool allow_private_urls;
    enum log_level level; /* applied once the listening line is out */
    long webhook_retry_base, expiry_scan_interval; /* test knobs (docs/webhooks.md) */
    long max_upload, workers, retention_days, link_ttl, fetch_timeout, ingest_threads;
    long max_conns, max_conns_ip, header_timeout, idle_timeout, body_timeout, min_rate;
    long db_connections, job_lease;
    const char *trusted_proxies, *node_name;
    struct net_cidrs trusted;
    /* uploads' work (0 = the default; docs/operations.md) */
    long ingest_per_org, ingest_per_session, ingest_queue, fetch_threads, extract_memory_mb;
    /* Account Aggregator (docs/aa.md) */
    const char *aa_url, *aa_webview, *aa_fiu_id, *aa_api_key, *aa_secret, *aa_signing_key, *aa_peer_key,
        *aa_suffix, *aa_kid;
    long aa_poll, aa_timeout, aa_data_life_days;
    long ocr_max_pages, ocr_page_seconds;
    long webhook_lease;
};

/* The AA configuration from the flags: off without --aa-url. 0 / -1. */
static int aa_setup(const struct serve_opts *o, struct aa_config *c)
{
    *c = (struct aa_config){o->aa_url && o->aa_url[0] ? o->aa_url : NULL, o->aa_webview, o->aa_fiu_id,
                            o->aa_api_key, o->aa_secret, o->aa_suffix, o->aa_kid, NULL, NULL,
                            (int)o->aa_timeout, (int)o->aa_poll, (int)o->aa_data_life_days};
    if (!c->url)
        return 0;
    char err[256];
    if (aa_config_load(c, o->aa_signing_key, o->aa_peer_key, err, sizeof err)) {
        fprintf(stderr, "passbook serve: %s\n", err);
        return -1;
    }
    return 0;
}

static int hex_to_bytes(const char *hex, unsigned char *out, size_t n)
{
    if (!hex || strlen(hex) < 2 * n)
        return -1;
    for (size_t i = 0; i < n; i++) {
        unsigned v;
        if (sscanf(hex + 2 * i, "%2x", &v) != 1)
            return -1;
        out[i] = (unsigned char)v;
    }
    return 0;
}

/* Blob store, keys, extraction and the ingest pool. Returns 0 / -1. */
static int statements_start(struct app *app, const struct serve_opts *o)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/blobs", o->data);
    app->ingest.store = app->store;
    app->ingest.blobs = files_open(dir, app->store);
    app->max_upload = (size_t)o->max_upload;
    app->fetch_timeout_s = (int)o->fetch_timeout;
    app->link_ttl_s = (int)o->link_ttl;
    if (!app->ingest.blobs || hex_to_bytes(keyfile_get(app->keys, "pdf_seal_key"), app->ingest.seal_key, 32) ||
        extract_init() || net_global_init())
        return -1;
    app->ingest.have_seal_key = true;
    app->ingest.ocr_max_pages = (int)o->ocr_max_pages;
    app->ingest.ocr_page_seconds = (double)o->ocr_page_seconds;
    /* Twice the CPUs: an upload also waits on fsyncs and the store's
     * commit, and another extraction can use the core meanwhile. */
    long n = o->ingest_threads > 0 ? o->ingest_threads : 2 * sysconf(_SC_NPROCESSORS_ONLN);
    n = n < 1 ? 1 : n > 256 ? 256 : n;
    /* One organisation may use half the extraction threads, so another's
     * upload always finds one free; a session two (the hosted page sends
     * files one after the other, a lender may send a few at once). */
    struct work_limits ingest = {o->ingest_per_org > 0 ? (int)o->ingest_per_org : (int)(n + 1) / 2,
                                 o->ingest_per_session > 0 ? (int)o->ingest_per_session : 2,
                                 o->ingest_queue > 0 ? (size_t)o->ingest_queue : 1024,
                                 extract_memory_admits};
    long f = o->fetch_threads > 0 ? o->fetch_threads : 8;
    struct work_limits fetch = {(int)(f + 1) / 2, ingest.per_session, ingest.max_queued, NULL};
    extract_set_memory_budget((size_t)(o->extract_memory_mb > 0 ? o->extract_memory_mb : 1024) << 20);
    app->ingest_pool = work_pool_start((int)n, "ingest", &ingest);
    app->fetch_pool = work_pool_start(f > 256 ? 256 : (int)f, "fetch", &fetch);
    /* Reports (insights, workbooks, files) are CPU work: one thread per CPU. */
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    app->report_pool = work_pool_start(cpus < 1 ? 1 : cpus > 16 ? 16 : (int)cpus, "report", NULL);
    return app->ingest_pool && app->fetch_pool && app->report_pool ? 0 : -1;
}

/* Names this server in the store: node:pid:random, node as in job leases
 * (its next server releases what this one leaves: files_recover). Fills
 * node. Returns 0 / -1. */
static int serve_identity(const struct serve_opts *o, struct store *st, char *node, size_t n)
{
    char host[48] = "node", rnd[17];
    gethostname(host, sizeof host - 1);
    snprintf(node, n, "%.40s", o->node_name && *o->node_name ? o->node_name : host);
    char owner[96];
    if (!secret_random_hex(rnd, 8))
        return -1;
    snprintf(owner, sizeof owner, "%s:%d:%s", node, (int)getpid(), rnd);
    store_set_owner(st, owner);
    return 0;
}

/* The store lost durability (store.h): stop like on SIGTERM, exit 75. */
#define EXIT_STORE_FAILED 75
static atomic_bool store_failed;

static void on_store_failure(void)
{
    atomic_store(&store_failed, true);
    kill(getpid(), SIGTERM);
}

/* Opens what the server keeps: the store (named for this server: fills
 * node), the key file, the AA configuration, statement storage and the
 * pools. Returns 0, or -1 with the reason printed and nothing held. */
static int serve_open(const struct serve_opts *o, struct app *app, struct keyfile *keys, struct aa_config *aa,
                      char *node, size_t nodelen)
{
    char err[512];
    char *default_url = o->db ? NULL : store_default_url(o->data);
    const char *db = o->db ? o->db : default_url;
    int rc = db ? store_open_pool(db, (int)o->db_connections, &app->store, err, sizeof err) : -1;
    free(default_url);
    if (rc) {
        fprintf(stderr, "passbook serve: %s\n", db ? err : "out of memory");
        return -1;
    }
    if (serve_identity(o, app->store, node, nodelen)) {
        fprintf(stderr, "passbook serve: no random numbers\n");
        goto close_store;
    }
    store_set_failure_handler(on_store_failure);
    if (server_keys_open(o->data, app->store, keys, err, sizeof err)) {
        fprintf(stderr, "passbook serve: %s\n", err);
        goto close_store;
    }
    app->keys = keys;
    app->token_secret = keyfile_get(keys, "token_secret");
    app->link_secret = keyfile_get(keys, "link_secret");
    app->journey_key = keyfile_get(keys, "journey_token_key");
    if (aa_setup(o, aa))
        goto free_keys;
    app->aa = aa;
    if (statements_start(app, o)) {
        fprintf(stderr, "passbook serve: cannot set up statement storage under %s\n", o->data);
        blob_close(app->ingest.blobs);
        aa_config_free(aa);
        goto free_keys;
    }
    return 0;
free_keys:
    keyfile_free(keys);
close_store:
    store_close(app->store);
    return -1;
}

/* Closes what serve_open opened, once nothing uses it any more. */
static void serve_close(struct app *app, struct keyfile *keys, struct aa_config *aa)
{
    work_pool_stop(app->fetch_pool); /* first: it hands work to the ingest pool */
    work_pool_stop(app->ingest_pool);
    work_pool_stop(app->report_pool);
    blob_close(app->ingest.blobs);
    extract_shutdown();
    keyfile_free(keys);
    store_close(app->store);
    aa_config_free(aa);
}

/* The signals that stop the server. */
static void stop_signals(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGINT);
}

/* Blocks until SIGTERM or SIGINT (blocked in every thread since start). */
static void wait_for_stop(void)
{
    sigset_t set;
    stop_signals(&set);
    int sig = 0;
    sigwait(&set, &sig);
    log_info("serve msg=\"shutting down\" signal=%d", sig);
}

/* Serves HTTP and webhooks until told to stop; app->public_url is set to
 * public_url (the caller's: jobs may read it until they stop), filled in
 * once the port is known. Returns the exit status: 0, EXIT_STORE_FAILED,
 * or 1 when the server could not start. */
static int serve_http(const struct serve_opts *o, const char *host, int port, struct app *app, char *public_url,
                      size_t urllen)
{
    char err[512];
    struct router router;
    struct http_server *srv = NULL;
    struct notify *notifier = NULL;
    struct http_config cfg = {
        .host = host, .port = port, .threads = (unsigned)o->threads, .max_body = (size_t)o->max_body,
        .max_upload_body = api_upload_body_limit((size_t)o->max_upload),
        .limits = {(unsigned)o->max_conns, (unsigned)o->max_conns_ip, (unsigned)o->idle_timeout,
                   (unsigned)o->header_timeout, (unsigned)o->body_timeout, (unsigned)o->min_rate},
        .trusted_proxies = &o->trusted};
    struct notify_config ncfg = {app->keys, (int)o->webhook_retry_base, (int)o->expiry_scan_interval,
                                 o->allow_private_urls, (int)o->webhook_lease, o->node_name};
    int rc = 1;
    router_init(&router);
    app->public_url = public_url;
    snprintf(public_url, urllen, "%s", o->public_url ? o->public_url : "");
    if (api_register(&router)) {
        fprintf(stderr, "passbook serve: bad route table\n");
    } else if (http_server_start(&cfg, &router, app, &srv, err, sizeof err)) {
        fprintf(stderr, "passbook serve: %s\n", err);
    } else {
        if (!o->public_url) /* now that the port is known */
            snprintf(public_url, urllen, "http://%s%s%s:%d", strchr(host, ':') ? "[" : "", host,
                     strchr(host, ':') ? "]" : "", http_server_port(srv));
        if (notify_start(app->store, &ncfg, &notifier)) {
            fprintf(stderr, "passbook serve: cannot start the webhook notifier\n");
        } else {
            /* Always printed, whatever --log-level says: it tells the port. */
            log_info("serve msg=\"listening\" addr=%s port=%d public_url=%s threads=%ld data=%s aa=%s", host,
                     http_server_port(srv), public_url, o->threads, o->data, aa_enabled(app->aa) ? "on" : "off");
            log_set_level(o->level);
            wait_for_stop();
            rc = atomic_load(&store_failed) ? EXIT_STORE_FAILED : 0;
        }
        http_server_stop(srv);
        notify_stop(notifier);
    }
    router_free(&router);
    return rc;
}

/* The server from start to stop: what it keeps opened, its files recovered,
 * the job runner, HTTP until a signal, then all closed in reverse order.
 * Returns the exit status. */
static int serve_run(const struct serve_opts *o, const char *host, int port)
{
    struct app app = {.data_dir = o->data, .allow_private_urls = o->allow_private_urls,
                      .max_body = (size_t)o->max_body, .pdf_retention_days = (int)o->retention_days};
    struct keyfile keys;
    struct aa_config aa;
    char node[48], prefix[64], public_url[512];
    if (serve_open(o, &app, &keys, &aa, node, sizeof node))
        return 1;
    /* Before any deletion of this server's own can start. */
    snprintf(prefix, sizeof prefix, "%s:", node);
    files_recover(&app.ingest, prefix);
    struct runner_config rcfg = {&app.ingest, &aa, (int)o->workers, (int)o->retention_days, node,
                                 (int)o->job_lease};
    struct job_runner *jobs = job_runner_start(&rcfg);
    int rc = serve_http(o, host, port, &app, public_url, sizeof public_url);
    job_runner_stop(jobs);
    serve_close(&app, &keys, &aa);
    if (rc == 0)
        log_info("serve msg=\"stopped\"");
    return rc;
}

int cli_serve(int argc, char **argv)
{
    /* The defaults; a number left 0 is chosen at start (threads, pools). */
    struct serve_opts o = {
        .listen = "127.0.0.1:8080", .data = "var", .log_level = "info", .level = LOG_INFO,
        .max_body = 1024 * 1024, .max_upload = 25L << 20, .trusted_proxies = "",
        .webhook_retry_base = WEBHOOK_RETRY_BASE, .expiry_scan_interval = 15, .webhook_lease = NOTIFY_LEASE,
        .workers = 2, .job_lease = JOB_LEASE_S, .retention_days = 30, .link_ttl = 3600, .fetch_timeout = 30,
        .max_conns = 4096, .max_conns_ip = 256, .header_timeout = 10, .idle_timeout = 60, .body_timeout = 20,
        .min_rate = 1024, .db_connections = 8, .aa_poll = 5, .aa_timeout = 30, .aa_data_life_days = 30,
    };
    const struct flag flags[] = {
        STRING_FLAG("listen", &o.listen, "HOST:PORT", "address to listen on (default 127.0.0.1:8080; port 0 = any)"),
        STRING_FLAG("data", &o.data, "DIR", "data directory: database, statements (default ./var)"),
        STRING_FLAG("db", &o.db, "URL", "store URL: sqlite:PATH (default sqlite:<data>/passbook.db) or postgres://..."),
        INT_FLAG("db-connections", &o.db_connections, "N", 1, 1000, "PostgreSQL connections this node keeps open at most (default 8)"),
        STRING_FLAG("node-name", &o.node_name, "NAME", "this node's name in job leases, unique among nodes sharing a database (default: the host name)"),
        INT_FLAG("job-lease", &o.job_lease, "SECONDS", 1, FLAG_SECONDS_MAX, "a job a node claimed is its own this long, renewed while it runs; a dead node's jobs wait as long (default 120)"),
        INT_FLAG("webhook-lease", &o.webhook_lease, "SECONDS", NOTIFY_TIMEOUT + 1, FLAG_SECONDS_MAX, "a webhook delivery a node claimed is its own this long; a dead node's deliveries wait as long (default 60, more than 10)"),
        STRING_FLAG("public-url", &o.public_url, "URL", "base URL customers reach this server at (default http://<listen>)"),
        INT_FLAG("threads", &o.threads, "N", 0, INT_MAX, "HTTP worker threads (default: number of CPUs, at least 2)"),
        INT_FLAG("max-body", &o.max_body, "BYTES", 1024, LONG_MAX, "largest JSON request body (default 1048576)"),
        BOOL_FLAG("allow-private-urls", &o.allow_private_urls, "let file_url and webhooks reach loopback/private addresses"),
        STRING_FLAG("log-level", &o.log_level, "LEVEL", "debug, info, warn or error (default info)"),
        INT_FLAG("webhook-retry-base", &o.webhook_retry_base, "SECONDS", 0, FLAG_SECONDS_MAX, "first webhook retry delay, doubled after (default 15; tests lower it)"),
        INT_FLAG("expiry-scan-interval", &o.expiry_scan_interval, "SECONDS", 0, FLAG_SECONDS_MAX, "how often expired sessions are looked for (default 15)"),
        INT_FLAG("max-upload-bytes", &o.max_upload, "N", 1024, LONG_MAX, "largest statement upload, as sent (default 26214400)"),
        INT_FLAG("workers", &o.workers, "N", 0, 64, "background job workers (default 2)"),
        INT_FLAG("pdf-retention-days", &o.retention_days, "N", 1, INT_MAX, "delete uploaded PDFs after N days (default 30)"),
        INT_FLAG("link-ttl", &o.link_ttl, "SECONDS", 1, INT_MAX, "lifetime of signed PDF/report links (default 3600)"),
        INT_FLAG("fetch-timeout", &o.fetch_timeout, "SECONDS", 1, INT_MAX, "file_url download time limit (default 30)"),
        INT_FLAG("ingest-threads", &o.ingest_threads, "N", 0, INT_MAX, "uploads read at once (default: twice the CPUs)"),
        INT_FLAG("ingest-per-org", &o.ingest_per_org, "N", 0, INT_MAX, "uploads of one organisation read at once (default: half of --ingest-threads)"),
        INT_FLAG("ingest-per-session", &o.ingest_per_session, "N", 0, INT_MAX, "uploads of one session read at once (default 2)"),
        INT_FLAG("ingest-queue", &o.ingest_queue, "N", 0, INT_MAX, "uploads waiting for a thread before new ones get 503 (default 1024)"),
        INT_FLAG("fetch-threads", &o.fetch_threads, "N", 0, INT_MAX, "file_url downloads at once (default 8)"),
        INT_FLAG("extract-memory-mb", &o.extract_memory_mb, "MIB", 0, 1L << 20, "memory all extractions together may hold (default 1024)"),
        INT_FLAG("ocr-max-pages", &o.ocr_max_pages, "N", 0, INT_MAX, "scanned statements with more pages are refused (default 50)"),
        INT_FLAG("ocr-page-seconds", &o.ocr_page_seconds, "SECONDS", 0, INT_MAX, "OCR work one scanned page may take, CPU time (default 20)"),
        INT_FLAG("max-connections", &o.max_conns, "N", 16, 1000000, "connections open at once (default 4096)"),
        INT_FLAG("max-connections-per-ip", &o.max_conns_ip, "N", 1, INT_MAX, "connections from one IPv4 address or IPv6 /64 (default 256)"),
        INT_FLAG("header-timeout", &o.header_timeout, "SECONDS", 1, INT_MAX, "request line to end of headers (default 10)"),
        INT_FLAG("idle-timeout", &o.idle_timeout, "SECONDS", 1, INT_MAX, "an idle or kept-alive connection waits this long for a request (default 60)"),
        INT_FLAG("body-timeout", &o.body_timeout, "SECONDS", 1, INT_MAX, "grace for a body or an answer, on top of --min-rate (default 20)"),
        INT_FLAG("min-rate", &o.min_rate, "BYTES", 1, INT_MAX, "bytes per second a body or an answer must keep up after the grace (default 1024)"),
        STRING_FLAG("trusted-proxies", &o.trusted_proxies, "CIDRS", "proxies whose X-Forwarded-For names the client, e.g. 10.0.0.0/8,::1 (default none)"),
        STRING_FLAG("aa-url", &o.aa_url, "URL", "the Account Aggregator's API base (ReBIT 2.0.0); AA mode is on when set"),
        STRING_FLAG("aa-webview-url", &o.aa_webview, "URL", "the AA's consent page (Sahamati redirection)"),
        STRING_FLAG("aa-fiu-id", &o.aa_fiu_id, "ID", "this FIU's entity id at the AA"),
        STRING_FLAG("aa-api-key", &o.aa_api_key, "KEY", "client_api_key sent to the AA; aa_api_key expected from it"),
        STRING_FLAG("aa-redirect-secret", &o.aa_secret, "S", "passphrase shared with the AA for ecreq/ecres"),
        STRING_FLAG("aa-signing-key", &o.aa_signing_key, "FILE", "PEM RSA private key: signs every request (x-jws-signature)"),
        STRING_FLAG("aa-peer-key", &o.aa_peer_key, "FILE", "PEM RSA public key (or certificate) of the AA: verifies its answers and notifications"),
        STRING_FLAG("aa-handle-suffix", &o.aa_suffix, "S", "the AA's handle: customers are <mobile>@S"),
        STRING_FLAG("aa-key-id", &o.aa_kid, "KID", "kid of Passbook's JWS header (default: the FIU id)"),
        INT_FLAG("aa-poll-interval", &o.aa_poll, "SECONDS", 1, INT_MAX, "first fallback poll of a consent or FI request without notification (default 5)"),
        INT_FLAG("aa-timeout", &o.aa_timeout, "SECONDS", 1, INT_MAX, "time limit of each call to the AA (default 30)"),
        INT_FLAG("aa-data-life-days", &o.aa_data_life_days, "DAYS", 1, INT_MAX, "AA data is deleted at most this long after its fetch, earlier when the consent's DataLife says so (default 30)"),
    };
    const struct command_line cl = {"passbook serve", USAGE, FLAGS_OF(flags), 0, 0, true};
    struct args args;
    int rc = flags_parse(argc, argv, &cl, &args);
    if (rc != FLAGS_RUN)
        return rc;
    char host[256];
    int port;
    if (split_listen(o.listen, host, sizeof host, &port))
        return flags_refuse(&cl, "--listen: not HOST:PORT or [IPv6]:PORT (port 0 to 65535): %.60s", o.listen);
    if (!parse_level(o.log_level, &o.level))
        return flags_refuse(&cl, "--log-level: not debug, info, warn or error: %.20s", o.log_level);
    char cidr_err[160];
    if (net_cidrs_parse(o.trusted_proxies, &o.trusted, cidr_err, sizeof cidr_err))
        return flags_refuse(&cl, "--trusted-proxies: %s", cidr_err);
    if (o.threads <= 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        o.threads = n < 2 ? 2 : n;
    }
    if (o.threads > 256)
        o.threads = 256;
    if (lazylib_load_all()) { /* a missing library is refused now, not in a request */
        fprintf(stderr, "passbook serve: a library is missing (see the log line above)\n");
        return 1;
    }
    umask(077); /* statements, keys, database: the owner's only */
    if (cli_mkdirs(o.data)) {
        fprintf(stderr, "passbook serve: cannot create %.200s: %s\n", o.data, strerror(errno));
        return 1;
    }
    /* Block the shutdown signals before any thread starts, so they are
     * only ever taken by sigwait in this thread. */
    sigset_t set;
    stop_signals(&set);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    return serve_run(&o, host, port);
}
