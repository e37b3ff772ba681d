/* The gate (see gate.h): one thread, one epoll set. The listening socket
 * is level-triggered; waiting connections are edge-triggered, because
 * peeked bytes stay unread and would otherwise wake us forever. */
#include "http/gate.h"

#include <errno.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http/guard.h"
#include "http/head.h"
#include "http/router.h"
#include "util/log.h"

struct waiting {
    struct waiting *prev, *next;   /* the gate's list (gate thread only) */
    int fd;
    struct sockaddr_storage addr;
    socklen_t addrlen;
    struct guard_conn *gc;
    bool started;     /* the first byte came: the header deadline runs */
    bool named;       /* the 408's style follows the request's path */
};

struct gate {
    int listen_fd, epfd, wake_fd;
    struct MHD_Daemon *daemon;
    struct guard *guard;
    const struct router *router;
    pthread_t thread;
    struct waiting *head;
    char peek[HTTP_HEAD_MAX + 1];
};

static const char *reason(int status)
{
    switch (status) {
    case 400: return "Bad Request";
    case 414: return "URI Too Long";
    case 431: return "Request Header Fields Too Large";
    case 501: return "Not Implemented";
    case 505: return "HTTP Version Not Supported";
    default: return "Error";
    }
}

static void path_copy(const struct head_check *h, char *out, size_t len)
{
    size_t n = h->path && h->path_len < len ? h->path_len : 0;
    if (n)
        memcpy(out, h->path, n);
    out[n] = '\0';
}

static void forget(struct gate *g, struct waiting *w)
{
    if (w->prev)
        w->prev->next = w->next;
    else
        g->head = w->next;
    if (w->next)
        w->next->prev = w->prev;
    epoll_ctl(g->epfd, EPOLL_CTL_DEL, w->fd, NULL);
    guard_remove(g->guard, w->gc); /* before close: the reaper may not see a reused fd */
    w->gc = NULL;
}

static void drop(struct gate *g, struct waiting *w)
{
    forget(g, w);
    close(w->fd);
    free(w);
}

/* Answers a refused head in JSON and closes. What the client sent so far
 * is read first, so that closing does not reset the connection under the
 * answer. */
static void refuse(struct gate *g, struct waiting *w, const struct head_check *h)
{
    char path[256];
    path_copy(h, path, sizeof path);
    char *body = http_error_body(router_error_style(g->router, path), h->code, h->message);
    char *msg = NULL;
    int n = body ? asprintf(&msg,
                            "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n"
                            "Connection: close\r\n\r\n%s",
                            h->status, reason(h->status), strlen(body), body)
                 : -1;
    while (recv(w->fd, g->peek, sizeof g->peek, MSG_DONTWAIT) > 0)
        ;
    if (n > 0 && send(w->fd, msg, (size_t)n, MSG_NOSIGNAL | MSG_DONTWAIT) < 0)
        log_info("http msg=\"refused head not answered\" errno=%d", errno);
    shutdown(w->fd, SHUT_WR);
    log_info("http method=- path=\"-\" route=\"-\" status=%d dur_ms=0 bytes=%d error=%s gate=1", h->status,
             n > 0 ? n : 0, h->code);
    free(body);
    free(msg);
    drop(g, w);
}

static void hand_over(struct gate *g, struct waiting *w)
{
    forget(g, w);
    /* MHD starts its own guard entry (server.c, on_connection); on failure
     * it has closed the socket already. */
    if (MHD_add_connection(g->daemon, w->fd, (struct sockaddr *)&w->addr, w->addrlen) != MHD_YES)
        log_warn("http msg=\"connection not taken by the server\" errno=%d", errno);
    free(w);
}

static void readable(struct gate *g, struct waiting *w, uint32_t events)
{
    ssize_t n = recv(w->fd, g->peek, sizeof g->peek, MSG_PEEK | MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        n = -2;
    if (n == 0 || n == -1 || (events & (EPOLLERR | EPOLLHUP))) {
        drop(g, w); /* gone, or closed by its deadline */
        return;
    }
    if (n < 0)
        return;
    if (!w->started) {
        w->started = true;
        guard_phase(w->gc, GUARD_HEAD, 0);
    }
    struct head_check h;
    http_head_check(g->peek, (size_t)n, &h);
    if (!w->named && h.path) {
        char path[256];
        path_copy(&h, path, sizeof path);
        guard_head(w->gc, path);
        w->named = true;
    }
    if (h.verdict == HEAD_OK)
        hand_over(g, w);
    else if (h.verdict == HEAD_REFUSED)
        refuse(g, w, &h);
    else if (events & EPOLLRDHUP)
        drop(g, w); /* half a head, and the client stopped sending */
}

static void accept_all(struct gate *g)
{
    for (;;) {
        struct waiting *w = calloc(1, sizeof *w);
        if (!w)
            return;
        w->addrlen = sizeof w->addr;
        w->fd = accept4(g->listen_fd, (struct sockaddr *)&w->addr, &w->addrlen, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (w->fd < 0) {
            if (errno != EAGAIN && errno != EINTR && errno != ECONNABORTED)
                log_warn("http msg=\"accept failed\" errno=%d", errno);
            free(w);
            if (errno == EMFILE || errno == ENFILE) {
                usleep(10000); /* out of descriptors: let connections close */
                return;
            }
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            return;
        }
        if (!guard_may_accept(g->guard, (struct sockaddr *)&w->addr)) {
            close(w->fd);
            free(w);
            continue;
        }
        w->gc = guard_add(g->guard, w->fd, (struct sockaddr *)&w->addr);
        w->next = g->head;
        if (g->head)
            g->head->prev = w;
        g->head = w;
        struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP | EPOLLET, .data.ptr = w};
        if (epoll_ctl(g->epfd, EPOLL_CTL_ADD, w->fd, &ev))
            drop(g, w);
    }
}

static void *gate_main(void *arg)
{
    struct gate *g = arg;
    struct epoll_event evs[64];
    for (;;) {
        int n = epoll_wait(g->epfd, evs, 64, -1);
        for (int i = 0; i < n; i++) {
            void *p = evs[i].data.ptr;
            if (p == &g->wake_fd)
                return NULL;
            if (p == &g->listen_fd)
                accept_all(g);
            else
                readable(g, p, evs[i].events);
        }
    }
}

struct gate *gate_start(int listen_fd, struct MHD_Daemon *daemon, struct guard *guard,
                        const struct router *router)
{
    struct gate *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->listen_fd = listen_fd;
    g->daemon = daemon;
    g->guard = guard;
    g->router = router;
    g->epfd = epoll_create1(EPOLL_CLOEXEC);
    g->wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    struct epoll_event lev = {.events = EPOLLIN, .data.ptr = &g->listen_fd};
    struct epoll_event wev = {.events = EPOLLIN, .data.ptr = &g->wake_fd};
    if (g->epfd < 0 || g->wake_fd < 0 || epoll_ctl(g->epfd, EPOLL_CTL_ADD, listen_fd, &lev) ||
        epoll_ctl(g->epfd, EPOLL_CTL_ADD, g->wake_fd, &wev) ||
        pthread_create(&g->thread, NULL, gate_main, g)) {
        if (g->epfd >= 0)
            close(g->epfd);
        if (g->wake_fd >= 0)
            close(g->wake_fd);
        free(g);
        return NULL;
    }
    return g;
}

void gate_stop(struct gate *g)
{
    if (!g)
        return;
    uint64_t one = 1;
    if (write(g->wake_fd, &one, sizeof one) != sizeof one)
        log_warn("http msg=\"gate wake failed\"");
    pthread_join(g->thread, NULL);
    while (g->head)
        drop(g, g->head);
    close(g->listen_fd);
    close(g->wake_fd);
    close(g->epfd);
    free(g);
}
