/* libmicrohttpd, opened when `passbook serve` starts (util/lazylib.h):
 * every function the http/ and api/ files call, and the two more the test
 * server of tests/unit/net/test_fetch.c does. With it goes GnuTLS (and its
 * libraries), which libmicrohttpd links and other commands never use. */
#include <stdarg.h>

#include <microhttpd.h>

#include "util/lazylib.h"

#define X LAZYLIB_MHD

/* The option list is passed on as a va_list, to the library's own
 * MHD_start_daemon_va, which MHD_start_daemon itself calls. */
struct MHD_Daemon *MHD_start_daemon(unsigned int flags, uint16_t port, MHD_AcceptPolicyCallback apc, void *apc_cls,
                                    MHD_AccessHandlerCallback dh, void *dh_cls, ...)
{
    va_list ap;
    va_start(ap, dh_cls);
    struct MHD_Daemon *d = LAZYLIB_LOOKUP(X, MHD_start_daemon_va)(flags, port, apc, apc_cls, dh, dh_cls, ap);
    va_end(ap);
    return d;
}

LAZYLIB_VOID(X, MHD_stop_daemon, (struct MHD_Daemon * daemon), (daemon))

const union MHD_DaemonInfo *MHD_get_daemon_info(struct MHD_Daemon *daemon, enum MHD_DaemonInfoType info_type, ...)
{
    return LAZYLIB_LOOKUP(X, MHD_get_daemon_info)(daemon, info_type);
}

LAZYLIB_FN(X, enum MHD_Result, MHD_add_connection,
           (struct MHD_Daemon * daemon, MHD_socket client_socket, const struct sockaddr *addr, socklen_t addrlen),
           (daemon, client_socket, addr, addrlen))

/* No information this program asks for (of a connection or, below, of the
 * daemon) takes further arguments. */
const union MHD_ConnectionInfo *MHD_get_connection_info(struct MHD_Connection *connection,
                                                        enum MHD_ConnectionInfoType info_type, ...)
{
    return LAZYLIB_LOOKUP(X, MHD_get_connection_info)(connection, info_type);
}

LAZYLIB_FN(X, const char *, MHD_lookup_connection_value,
           (struct MHD_Connection * connection, enum MHD_ValueKind kind, const char *key), (connection, kind, key))
LAZYLIB_FN(X, int, MHD_get_connection_values,
           (struct MHD_Connection * connection, enum MHD_ValueKind kind, MHD_KeyValueIterator iterator,
            void *iterator_cls),
           (connection, kind, iterator, iterator_cls))
LAZYLIB_VOID(X, MHD_suspend_connection, (struct MHD_Connection * connection), (connection))
LAZYLIB_VOID(X, MHD_resume_connection, (struct MHD_Connection * connection), (connection))

LAZYLIB_FN(X, struct MHD_Response *, MHD_create_response_from_buffer,
           (size_t size, void *buffer, enum MHD_ResponseMemoryMode mode), (size, buffer, mode))
LAZYLIB_FN(X, struct MHD_Response *, MHD_create_response_from_callback,
           (uint64_t size, size_t block_size, MHD_ContentReaderCallback crc, void *crc_cls,
            MHD_ContentReaderFreeCallback crfc),
           (size, block_size, crc, crc_cls, crfc))
LAZYLIB_FN(X, enum MHD_Result, MHD_add_response_header,
           (struct MHD_Response * response, const char *header, const char *content), (response, header, content))
LAZYLIB_FN(X, enum MHD_Result, MHD_queue_response,
           (struct MHD_Connection * connection, unsigned int status_code, struct MHD_Response *response),
           (connection, status_code, response))
LAZYLIB_VOID(X, MHD_destroy_response, (struct MHD_Response * response), (response))

LAZYLIB_FN(X, struct MHD_PostProcessor *, MHD_create_post_processor,
           (struct MHD_Connection * connection, size_t buffer_size, MHD_PostDataIterator iter, void *iter_cls),
           (connection, buffer_size, iter, iter_cls))
LAZYLIB_FN(X, enum MHD_Result, MHD_post_process, (struct MHD_PostProcessor * pp, const char *post_data,
                                                  size_t post_data_len),
           (pp, post_data, post_data_len))
LAZYLIB_FN(X, enum MHD_Result, MHD_destroy_post_processor, (struct MHD_PostProcessor * pp), (pp))
