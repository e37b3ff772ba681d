/* The XML form of a DEPOSIT document, read with libxml2: elements are
 * matched by namespace and local name (a v2.0.0 document may use any
 * prefix), attributes by name. No DTD, no entities, no network. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aa/deposit.h"

#define DEPOSIT_NS "http://api.rebit.org.in/FISchema/deposit"

/* The same namespace as the document element (or none on both sides). */
static bool in_ns(const xmlNode *n, const xmlNs *ns)
{
    if (!ns || !n->ns)
        return !ns && !n->ns;
    return !xmlStrcmp(n->ns->href, ns->href);
}

static xmlNode *child(const xmlNode *parent, const char *name)
{
    for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !xmlStrcmp(c->name, BAD_CAST name) && in_ns(c, parent->ns))
            return c;
    return NULL;
}

/* An attribute's value (malloc'd by libxml2; xmlFree), or NULL. Names are
 * tried in order (v1.x name first, then the v2.0.0 one). */
static xmlChar *attr(const xmlNode *n, const char *name, const char *alt)
{
    xmlChar *v = n ? xmlGetNoNsProp(n, BAD_CAST name) : NULL;
    if (!v && n && alt)
        v = xmlGetNoNsProp(n, BAD_CAST alt);
    if (v && xmlStrlen(v) > FI_TEXT_MAX) {
        xmlFree(v);
        v = NULL;
    }
    return v;
}

/* strdup of an attribute, or NULL. */
static char *attr_dup(const void *n, const char *name, const char *alt)
{
    xmlChar *v = attr(n, name, alt);
    char *s = v && v[0] ? strdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

static void read_profile(const xmlNode *acc, struct fi_account *a)
{
    const xmlNode *holders = child(child(acc, "Profile"), "Holders");
    if (!holders)
        return;
    a->holders_type = attr_dup(holders, "type", NULL);
    fi_fill(a, FI_HOLDER_FIELDS, child(holders, "Holder"), attr_dup);
}

static char *read_summary(const xmlNode *acc, struct fi_account *a)
{
    const xmlNode *s = child(acc, "Summary");
    if (!s)
        return NULL;
    struct identity *id = &a->st.id;
    fi_fill(a, FI_SUMMARY_FIELDS, s, attr_dup);
    xmlChar *od = attr(s, "currentODLimit", NULL), *bal = attr(s, "currentBalance", NULL);
    pb_paise p;
    if (od && fi_amount((const char *)od, &p))
        id->od_limit = p;
    if (bal && fi_amount((const char *)bal, &a->current_balance))
        a->has_current_balance = true;
    xmlFree(od);
    xmlFree(bal);
    return id->ifsc;
}

static int read_rows(const xmlNode *txns, struct fi_account *a, char *why, size_t cap)
{
    for (xmlNode *c = txns ? txns->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || xmlStrcmp(c->name, BAD_CAST "Transaction") || !in_ns(c, txns->ns))
            continue;
        xmlChar *v[FI_ROW_TEXTS];
        struct fi_row r = {0};
        for (int i = 0; i < FI_ROW_TEXTS; i++)
            r.text[i] = (const char *)(v[i] = attr(c, FI_ROW_KEYS[i].name, FI_ROW_KEYS[i].alt));
        int rc = fi_add_row(a, &r, why, cap);
        for (int i = 0; i < FI_ROW_TEXTS; i++)
            xmlFree(v[i]);
        if (rc)
            return -1;
    }
    return 0;
}

/* The deposit Account element: the root, or the first one below it. */
static xmlNode *find_account(xmlNode *n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!xmlStrcmp(n->name, BAD_CAST "Account") &&
            (!n->ns || !xmlStrcmp(n->ns->href, BAD_CAST DEPOSIT_NS)))
            return n;
        xmlNode *below = find_account(n->children);
        if (below)
            return below;
    }
    return NULL;
}

static bool has_doctype(const char *data, size_t len)
{
    static const char *const MARKS[] = {"<!DOCTYPE", "<!doctype", "<!ENTITY"};
    for (size_t m = 0; m < 3; m++)
        if (memmem(data, len, MARKS[m], strlen(MARKS[m])))
            return true;
    return false;
}

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
    xmlInitParser(); /* once, before any thread parses */
}

int fi_parse_xml(const char *data, size_t len, struct fi_account *out, char *why, size_t cap)
{
    memset(out, 0, sizeof *out);
    pthread_once(&xml_once, xml_init);
    if (len > (size_t)INT32_MAX || has_doctype(data, len)) {
        snprintf(why, cap, "XML with a DTD is not accepted");
        return -1;
    }
    xmlDoc *doc = xmlReadMemory(data, (int)len, "fi.xml", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlNode *acc = doc ? find_account(xmlDocGetRootElement(doc)) : NULL;
    int rc = -1;
    if (!doc) {
        snprintf(why, cap, "not well-formed XML");
        goto out;
    }
    if (!acc) {
        snprintf(why, cap, "no DEPOSIT Account element");
        goto out;
    }
    xmlChar *type = attr(acc, "type", NULL);
    bool deposit = !type || !xmlStrcasecmp(type, BAD_CAST "deposit");
    xmlFree(type);
    if (!deposit) {
        snprintf(why, cap, "not a DEPOSIT account");
        goto out;
    }
    fi_fill(out, FI_ACCOUNT_FIELDS, acc, attr_dup);
    read_profile(acc, out);
    const char *ifsc = read_summary(acc, out);
    const xmlNode *txns = child(acc, "Transactions");
    if (read_rows(txns, out, why, cap))
        goto out;
    xmlChar *start = attr(txns, "startDate", NULL), *end = attr(txns, "endDate", NULL);
    rc = fi_finish(out, (const char *)start, (const char *)end, ifsc, why, cap);
    xmlFree(start);
    xmlFree(end);
out:
    xmlFreeDoc(doc);
    if (rc)
        fi_account_free(out);
    return rc;
}
