/* libxml2, opened when the first Account Aggregator XML document is read
 * (util/lazylib.h): every function and variable aa/deposit_xml.c uses. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlstring.h>

#include "util/lazylib.h"

#define X LAZYLIB_XML2

LAZYLIB_VOID(X, xmlInitParser, (void), ())
LAZYLIB_FN(X, xmlDocPtr, xmlReadMemory, (const char *buffer, int size, const char *URL, const char *encoding, int options),
           (buffer, size, URL, encoding, options))
LAZYLIB_VOID(X, xmlFreeDoc, (xmlDocPtr cur), (cur))
LAZYLIB_FN(X, xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *doc), (doc))
LAZYLIB_FN(X, xmlChar *, xmlGetNoNsProp, (const xmlNode *node, const xmlChar *name), (node, name))
LAZYLIB_FN(X, int, xmlStrcmp, (const xmlChar *str1, const xmlChar *str2), (str1, str2))
LAZYLIB_FN(X, int, xmlStrcasecmp, (const xmlChar *str1, const xmlChar *str2), (str1, str2))
LAZYLIB_FN(X, int, xmlStrlen, (const xmlChar *str), (str))

/* xmlFree is a variable of libxml2's (its deallocator, settable): ours
 * calls whatever the library's holds. */
static void free_by_library(void *p)
{
    (*(xmlFreeFunc *)lazylib_sym(X, "xmlFree"))(p);
}

xmlFreeFunc xmlFree = free_by_library;
