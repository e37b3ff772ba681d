/* libpq, opened when the first PostgreSQL connection is made
 * (util/lazylib.h): every function the pg_*.c files call. With it go the
 * libraries libpq brings (Kerberos, LDAP, SASL, ...), which a `passbook
 * parse` or a server on SQLite never uses. */
#include <libpq-fe.h>

#include "util/lazylib.h"

#define X LAZYLIB_PQ

LAZYLIB_FN(X, PGconn *, PQconnectdbParams, (const char *const *keywords, const char *const *values, int expand_dbname),
           (keywords, values, expand_dbname))
LAZYLIB_VOID(X, PQfinish, (PGconn * conn), (conn))
LAZYLIB_VOID(X, PQreset, (PGconn * conn), (conn))
LAZYLIB_FN(X, ConnStatusType, PQstatus, (const PGconn *conn), (conn))
LAZYLIB_FN(X, PGTransactionStatusType, PQtransactionStatus, (const PGconn *conn), (conn))
LAZYLIB_FN(X, char *, PQerrorMessage, (const PGconn *conn), (conn))

LAZYLIB_FN(X, PGresult *, PQexec, (PGconn * conn, const char *query), (conn, query))
LAZYLIB_FN(X, PGresult *, PQexecParams,
           (PGconn * conn, const char *command, int nParams, const Oid *paramTypes, const char *const *paramValues,
            const int *paramLengths, const int *paramFormats, int resultFormat),
           (conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat))
LAZYLIB_FN(X, PGresult *, PQprepare,
           (PGconn * conn, const char *stmtName, const char *query, int nParams, const Oid *paramTypes),
           (conn, stmtName, query, nParams, paramTypes))
LAZYLIB_FN(X, PGresult *, PQexecPrepared,
           (PGconn * conn, const char *stmtName, int nParams, const char *const *paramValues, const int *paramLengths,
            const int *paramFormats, int resultFormat),
           (conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat))
LAZYLIB_FN(X, int, PQsendQueryParams,
           (PGconn * conn, const char *command, int nParams, const Oid *paramTypes, const char *const *paramValues,
            const int *paramLengths, const int *paramFormats, int resultFormat),
           (conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat))
LAZYLIB_FN(X, int, PQsendQueryPrepared,
           (PGconn * conn, const char *stmtName, int nParams, const char *const *paramValues, const int *paramLengths,
            const int *paramFormats, int resultFormat),
           (conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat))
LAZYLIB_FN(X, PGresult *, PQgetResult, (PGconn * conn), (conn))
LAZYLIB_FN(X, int, PQconsumeInput, (PGconn * conn), (conn))
LAZYLIB_FN(X, int, PQenterPipelineMode, (PGconn * conn), (conn))
LAZYLIB_FN(X, int, PQexitPipelineMode, (PGconn * conn), (conn))
LAZYLIB_FN(X, int, PQpipelineSync, (PGconn * conn), (conn))
LAZYLIB_FN(X, int, PQputCopyData, (PGconn * conn, const char *buffer, int nbytes), (conn, buffer, nbytes))
LAZYLIB_FN(X, int, PQputCopyEnd, (PGconn * conn, const char *errormsg), (conn, errormsg))

LAZYLIB_FN(X, ExecStatusType, PQresultStatus, (const PGresult *res), (res))
LAZYLIB_FN(X, char *, PQresultErrorMessage, (const PGresult *res), (res))
LAZYLIB_FN(X, char *, PQresultErrorField, (const PGresult *res, int fieldcode), (res, fieldcode))
LAZYLIB_FN(X, int, PQntuples, (const PGresult *res), (res))
LAZYLIB_FN(X, int, PQnfields, (const PGresult *res), (res))
LAZYLIB_FN(X, char *, PQcmdStatus, (PGresult * res), (res))
LAZYLIB_FN(X, char *, PQcmdTuples, (PGresult * res), (res))
LAZYLIB_FN(X, char *, PQgetvalue, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num))
LAZYLIB_FN(X, int, PQgetlength, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num))
LAZYLIB_FN(X, int, PQgetisnull, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num))
LAZYLIB_VOID(X, PQclear, (PGresult * res), (res))
LAZYLIB_VOID(X, PQfreemem, (void *ptr), (ptr))
LAZYLIB_FN(X, unsigned char *, PQunescapeBytea, (const unsigned char *strtext, size_t *retbuflen),
           (strtext, retbuflen))
