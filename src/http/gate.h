/* The gate: the thread that accepts connections and holds each one until
 * its first request head has arrived and passed http_head_check, then
 * hands it to libmicrohttpd (MHD_add_connection). The head is only peeked
 * (MSG_PEEK), so MHD reads the same bytes.
 *
 * Why: libmicrohttpd answers what it cannot parse (a 100 KB header, a
 * malformed line, a bad Content-Length) with fixed HTML pages; the gate
 * answers those in JSON in the endpoint family's style instead, and
 * refuses ambiguous framing before MHD interprets it. Connection limits
 * (guard_may_accept) apply at accept; a connection waiting here is in the
 * guard too, so its idle and header deadlines hold.
 *
 * Later requests on a kept-alive connection are parsed by MHD alone: the
 * server checks their framing and head size itself (server.c), but a
 * malformed line there still gets MHD's own answer. */
#ifndef PB_HTTP_GATE_H
#define PB_HTTP_GATE_H

struct gate;
struct guard;
struct router;
struct MHD_Daemon;

/* Starts the gate thread on a listening socket (which it then owns).
 * Returns NULL on failure. */
struct gate *gate_start(int listen_fd, struct MHD_Daemon *daemon, struct guard *guard,
                        const struct router *router);
/* Stops accepting, closes connections still waiting, closes the socket. */
void gate_stop(struct gate *g);

#endif
