/* Exact, case-insensitive name lookup through the generated gperf tables.
 *
 * The query is upper-cased once into a local buffer (the keys are stored
 * upper-cased).  The names are split into buckets because gperf slows down
 * sharply past a few hundred keys; a name's bucket comes from
 * upper_and_hash(), which generator/emit.py's name_hash computes the same
 * way.  gperf's perfect hash function gives the slot; the bucket's block
 * that generator/gperf_slots.py derives from gperf's output holds the slots
 * and, near them, each key with its row value. */
#include <string.h>

#include "internal.h"

#include "names.inc"

/* The bucket hash reads the name as little-endian words on every host. */
static uint64_t load64le(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

static void store64le(unsigned char *p, uint64_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    memcpy(p, &v, 8);
}

static uint32_t read32le(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Upper-cases the ASCII letters of eight bytes at once: a byte gets 0x20
 * cleared when it lies in 'a'..'z' (bytes >= 0x80 are left alone). */
static uint64_t upper8(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t low7 = w & ~high;
    uint64_t ge_a = low7 + ones * (0x80 - 'a');
    uint64_t gt_z = low7 + ones * (0x80 - 'z' - 1);
    uint64_t lower = (ge_a ^ gt_z) & ~w & high;
    return w ^ (lower >> 2);
}

/* Upper-cases key[0..len) in place (it is zero-padded to a multiple of 8)
 * and returns the bucket hash of the result, eight bytes at a time. */
static uint32_t upper_and_hash(unsigned char *key, size_t len)
{
    uint64_t h = (uint64_t)len * 0x9E3779B97F4A7C15u;
    for (size_t i = 0; i < len; i += 8) {
        uint64_t w = upper8(load64le(key + i));
        store64le(key + i, w);
        h = (h ^ w) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 32;
    }
    return (uint32_t)h;
}

int winerr__name_lookup(const char *name, size_t len, uint32_t *run)
{
    _Alignas(8) unsigned char key[WINERR_GEN_NAME_MAX_LEN + 8];
    if (len == 0 || len > WINERR_GEN_NAME_MAX_LEN)
        return 0;
    memcpy(key, name, len);
    memset(key + len, 0, 8);
    uint32_t bucket = upper_and_hash(key, len) % WINERR_GEN_NAME_BUCKETS;
    if (len < winerr__len_range[bucket][0] || len > winerr__len_range[bucket][1])
        return 0; /* and gperf's hash must not see such a length */
    unsigned int slot = name_bucket_hash(bucket, (const char *)key, len);
    if (slot > winerr__slot_max[bucket])
        return 0;
    const unsigned char *block = winerr__name_data + winerr__slot_base[bucket];
    uint32_t off = read32le(block + 4 * (size_t)slot);
    if (off == 0 || strcmp((const char *)block + off + 4, (const char *)key) != 0)
        return 0;
    *run = read32le(block + off);
    return 1;
}
