/* API keys a node has seen lately, by their stored hash: the organisation
 * and its modes, so that a session create authorises without reading the
 * store. A cache only: the create's insert checks the key (and the
 * session's mode) again in its own transaction (store.h, struct
 * session_insert), so a key rotated or revoked by any process or node
 * stops creating sessions at once; a refused insert forgets the entry.
 * Direct-mapped by the hash's first bits; a collision replaces. */
#include <pthread.h>
#include <string.h>

#include "api/api.h"

#define SLOTS 256

struct slot {
    char hash[PB_SHA256_HEX];    /* "" when empty */
    char org_id[PB_UUID_BUF];
    int modes;
};

static struct slot slots[SLOTS];
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static unsigned hex_value(char c)
{
    return c >= 'a' ? (unsigned)(c - 'a' + 10) : (unsigned)(c - '0') & 15;
}

static struct slot *slot_of(const char *hash) /* hash: 64 lower-case hex digits */
{
    return &slots[(hex_value(hash[0]) << 4 | hex_value(hash[1])) % SLOTS];
}

bool key_cache_get(const char *hash, struct org *out)
{
    struct slot *s = slot_of(hash);
    pthread_mutex_lock(&mu);
    bool hit = s->hash[0] && secret_equal(s->hash, hash);
    if (hit) {
        memset(out, 0, sizeof *out);
        memcpy(out->id, s->org_id, sizeof out->id);
        memcpy(out->api_key_hash, s->hash, sizeof out->api_key_hash);
        out->modes = s->modes;
    }
    pthread_mutex_unlock(&mu);
    return hit;
}

void key_cache_put(const struct org *o)
{
    struct slot *s = slot_of(o->api_key_hash);
    pthread_mutex_lock(&mu);
    memcpy(s->hash, o->api_key_hash, sizeof s->hash);
    memcpy(s->org_id, o->id, sizeof s->org_id);
    s->modes = o->modes;
    pthread_mutex_unlock(&mu);
}

void key_cache_forget(const char *hash)
{
    struct slot *s = slot_of(hash);
    pthread_mutex_lock(&mu);
    if (secret_equal(s->hash, hash))
        s->hash[0] = '\0';
    pthread_mutex_unlock(&mu);
}
