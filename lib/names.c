/* Exact, case-insensitive name lookup through the generated gperf tables.
 *
 * The names are split into buckets (gperf slows down sharply past a few
 * hundred keys); a name's bucket is fnv1a32 of its upper-cased bytes, the
 * same function the generator (generator/emit.py) uses. */
#include <string.h>

#include "internal.h"

/* gperf's --ignore-case support would otherwise define a writable folding
 * table; these read-only versions take its place. */
#define GPERF_DOWNCASE 1
#define GPERF_CASE_STRCMP 1

static const unsigned char gperf_downcase[256] = {
#define R16(b) b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, \
               b + 8, b + 9, b + 10, b + 11, b + 12, b + 13, b + 14, b + 15
    R16(0), R16(16), R16(32), R16(48),
    64, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 91, 92, 93, 94, 95,
    R16(96), R16(112), R16(128), R16(144), R16(160), R16(176), R16(192),
    R16(208), R16(224), R16(240)
#undef R16
};

static int gperf_case_strcmp(const char *s1, const char *s2)
{
    for (;;) {
        unsigned char c1 = gperf_downcase[(unsigned char)*s1++];
        unsigned char c2 = gperf_downcase[(unsigned char)*s2++];
        if (c1 != 0 && c1 == c2)
            continue;
        return (int)c1 - (int)c2;
    }
}

#include "names.inc"

static uint32_t fnv1a_upper(const char *s, size_t len)
{
    uint32_t h = 0x811C9DC5u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ winerr__upper((unsigned char)s[i])) * 0x01000193u;
    return h;
}

const struct winerr_name *winerr__name_lookup(const char *name, size_t len)
{
    if (len == 0 || len > WINERR_GEN_NAME_MAX_LEN)
        return NULL;
    uint32_t bucket = fnv1a_upper(name, len) % WINERR_GEN_NAME_BUCKETS;
    return name_bucket_lookup(bucket, name, len);
}
