/* Exact, case-insensitive name lookup through the generated gperf tables.
 *
 * The query is upper-cased once into a local buffer (the keys are stored
 * upper-cased), so gperf's plain, case-sensitive tables do the rest.  The
 * names are split into buckets because gperf slows down sharply past a few
 * hundred keys; a name's bucket comes from name_hash(), which
 * generator/emit.py computes the same way. */
#include <string.h>

#include "internal.h"

#include "names.inc"

static uint64_t load64le(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

/* Eight bytes at a time over the zero-padded upper-cased name. */
static uint32_t name_hash(const unsigned char *s, size_t len)
{
    uint64_t h = (uint64_t)len * 0x9E3779B97F4A7C15u;
    for (size_t i = 0; i < len; i += 8) {
        h = (h ^ load64le(s + i)) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 32;
    }
    return (uint32_t)h;
}

const struct winerr_name *winerr__name_lookup(const char *name, size_t len)
{
    unsigned char key[WINERR_GEN_NAME_MAX_LEN + 8];
    if (len == 0 || len > WINERR_GEN_NAME_MAX_LEN)
        return NULL;
    for (size_t i = 0; i < len; i++)
        key[i] = winerr__upper((unsigned char)name[i]);
    memset(key + len, 0, 8);
    uint32_t bucket = name_hash(key, len) % WINERR_GEN_NAME_BUCKETS;
    return name_bucket_lookup(bucket, (const char *)key, len);
}
