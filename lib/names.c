/* Exact, case-insensitive name lookup through gperf's perfect hashes.
 *
 * The names are split into buckets because gperf slows down sharply past a
 * few hundred keys.  A lookup:
 *   1. reads the name as 8-byte words straight from the caller's string
 *      (word k from byte min(8k, len - 8), so none reads past the NUL) and
 *      folds their case with fold8, eight bytes at a time;
 *   2. picks the bucket from the first HEAD_WORDS words, the last word of a
 *      longer name, and the length (generator/emit.py's name_bucket
 *      computes the same);
 *   3. takes gperf's hash in that bucket (the length plus the association
 *      values of a few bytes), which generator/gperf_slots.py turned from
 *      one C function per bucket into data, so every bucket goes through the
 *      same code with no switch to mispredict;
 *   4. reads the slot's record, in the same per-bucket block, and compares
 *      its length and words with the query's.
 * For names under HEAD_BYTES bytes (95% of them) the lookup has no loop and
 * no jump table, only branches on the length class and on whether the slot
 * holds the key, and no word is stored byte by byte and read back whole
 * (which would stall store forwarding), so a processor can run ahead into
 * the next lookup while this one waits for its record. */
#include <string.h>

#include "internal.h"

#include "names.inc"

/* Words of the query hashed and compared unconditionally; longer names take
 * a loop for the rest.  The count is generator/emit.py's, which hashes the
 * same words, and generator/gperf_slots.py pads the records' data for the
 * reads and keeps gperf's byte positions inside them. */
#define HEAD_WORDS WINERR_GEN_HEAD_WORDS
#define HEAD_BYTES (8u * HEAD_WORDS)
_Static_assert(HEAD_WORDS == 5 && WINERR_GEN_NAME_HEAD_WORDS == 5,
               "bucket_of() hashes five head words");
_Static_assert(WINERR_GEN_NAME_TAIL >= 5 + HEAD_BYTES &&
               WINERR_GEN_NAME_TAIL >= 5 + WINERR_GEN_NAME_MAX_LEN, "zeros past the last record");
_Static_assert(WINERR_GEN_HASH_TERMS <= 8, "bucket_slot() adds up to eight terms");
_Static_assert(WINERR_GEN_BYTE_SPAN >= 256 + WINERR_GEN_NO_TERM, "any byte plus NO_TERM");

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

static uint32_t read16le(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t read32le(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Folds eight bytes at once so that a folded query equals a stored key
 * exactly when the upper-cased query does.  A byte b has 0x20 cleared when
 * (b & 0x7f) + 1 has bit 6 set, that is when b & 0x7f is 0x3f to 0x7e:
 * 'a'..'z' become 'A'..'Z'; '0'..'9', 'A'..'Z', '_' and all other bytes
 * from 0x20 to 0x3e stay as they are; the rest ('?', '`', '{' to '~',
 * 0xbf to 0xfe) become bytes outside the characters keys may hold, which
 * generator/gperf_slots.py enforces (0x20 to 0x3e, 'A' to 'Z', '_'); DEL
 * and 0xff stay.  No byte becomes 0.  No carry crosses a byte: the sum is
 * at most 0x80. */
static uint64_t fold8(uint64_t w)
{
    const uint64_t low7 = 0x7f7f7f7f7f7f7f7fu, ones = 0x0101010101010101u;
    const uint64_t bit6 = 0x4040404040404040u;
    return w & ~((((w & low7) + ones) & bit6) >> 1);
}

/* A name of 1 to 7 bytes as one word, reading no byte past its NUL. */
static uint64_t short_name(const unsigned char *p, size_t len)
{
    if (len >= 4) /* two overlapping 4-byte reads */
        return read32le(p) | (uint64_t)read32le(p + len - 4) << (8 * (len - 4));
    /* bytes 0, len/2 and len-1 cover 1 to 3 bytes */
    return p[0] | (uint64_t)p[len / 2] << (8 * (len / 2)) | (uint64_t)p[len - 1] << (8 * (len - 1));
}

/* The bucket of the upper-cased key: its first HEAD_WORDS words (zero past
 * the end), its last eight bytes when it is longer than those, and its
 * length, each word with its own odd multiplier so the products can be
 * computed side by side; the top 32 bits of the mix, scaled to the bucket
 * count. */
static uint32_t bucket_of(uint64_t w0, uint64_t w1, uint64_t w2, uint64_t w3, uint64_t w4,
                          uint64_t last, size_t len)
{
    uint64_t h = (w0 ^ len) * WINERR_GEN_NAME_MULTIPLIER_0 + w1 * WINERR_GEN_NAME_MULTIPLIER_1 +
                 w2 * WINERR_GEN_NAME_MULTIPLIER_2 + w3 * WINERR_GEN_NAME_MULTIPLIER_3 +
                 w4 * WINERR_GEN_NAME_MULTIPLIER_4 + last * WINERR_GEN_NAME_MULTIPLIER_5;
    h ^= h >> WINERR_GEN_NAME_MIX_SHIFT;
    h *= WINERR_GEN_NAME_MIX;
    return (uint32_t)(((h >> 32) * WINERR_GEN_NAME_BUCKETS) >> 32);
}

/* gperf's hash of the key (folded, len bytes, zero past its end) in bucket
 * d: the length, plus the association value of the last byte and of the
 * bytes at fixed positions, each byte value plus an increment.  A position
 * past the key reads a zero, whose class has association value 0, so the
 * term adds nothing, as in gperf's own function, which adds a byte only
 * when the key has it; a term the bucket lacks has increment NO_TERM, which
 * also reads class 0. */
static uint32_t bucket_slot(const struct winerr_name_bucket *d, const unsigned char *key,
                            size_t len)
{
#define TERM(i) (WINERR_GEN_HASH_TERMS > (i) ? \
                 d->asso[winerr__byte_class[key[d->pos[(i) % WINERR_GEN_HASH_TERMS]] + \
                                            d->inc[(i) % WINERR_GEN_HASH_TERMS]]] : 0u)
    /* written out, not a loop: compilers do not unroll it at -O2 */
    return (uint32_t)len + d->asso[winerr__byte_class[key[len - 1] + d->last_inc]] +
           TERM(0) + TERM(1) + TERM(2) + TERM(3) + TERM(4) + TERM(5) + TERM(6) + TERM(7);
#undef TERM
}

/* 1 with the name's row value (first | count << NAME_FIRST_BITS) in *run,
 * or 0 when no entry has that name. */
static int name_lookup(const char *name, size_t len, uint32_t *run)
{
    if (len == 0 || len > WINERR_GEN_NAME_MAX_LEN)
        return 0;
    const unsigned char *p = (const unsigned char *)name;

    /* The folded name's first words, and its bytes in key[] (zero past its
     * end) for gperf's byte reads: each word stored where it was read. */
    _Alignas(8) unsigned char key[WINERR_GEN_NAME_MAX_LEN + 8 + HEAD_BYTES];
    memset(key, 0, HEAD_BYTES + 8);
    /* Word k is read from byte ok = min(8k, len - 8), so the last word ends
     * at the name's end (overlapping the one before) and none reads past
     * the NUL; words past the end repeat the last.  Under 8 bytes, len - 8
     * wraps around, ok is 8k, and the words past the first are zero. */
    size_t o1 = 8 < len - 8 ? 8 : len - 8, o2 = 16 < len - 8 ? 16 : len - 8;
    size_t o3 = 24 < len - 8 ? 24 : len - 8, o4 = 32 < len - 8 ? 32 : len - 8;
    uint64_t w0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, last = 0;
    if (len < 8) {
        w0 = fold8(short_name(p, len));
        store64le(key, w0);
    } else {
        w0 = fold8(load64le(p));
        w1 = fold8(load64le(p + o1));
        w2 = fold8(load64le(p + o2));
        w3 = fold8(load64le(p + o3));
        w4 = fold8(load64le(p + o4));
        store64le(key, w0);
        store64le(key + o1, w1);
        store64le(key + o2, w2);
        store64le(key + o3, w3);
        store64le(key + o4, w4);
        if (len > HEAD_BYTES) { /* the rest of a long name */
            for (size_t at = HEAD_BYTES; at < len; at += 8) {
                size_t from = at < len - 8 ? at : len - 8;
                last = fold8(load64le(p + from));
                store64le(key + from, last);
            }
            store64le(key + len, 0);
        }
    }

    const struct winerr_name_bucket *d = &winerr__name_buckets[bucket_of(w0, w1, w2, w3, w4, last, len)];
    uint32_t slot = bucket_slot(d, key, len);
    if (slot > d->slot_max)
        return 0;
    const unsigned char *block = winerr__name_data + d->base;
    uint32_t off = read16le(block + 2 * (size_t)slot);
    if (off == 0)
        return 0;

    /* The record: the row value (4 bytes), the key's length (1 byte), the
     * key.  Its words are read where the query's were; those past the
     * query's end are masked off (they may belong to the next record), and
     * the rest compare only for long names. */
    const unsigned char *rec = block + off, *rkey = rec + 5;
    uint64_t diff = (rec[4] ^ len) | (load64le(rkey) ^ w0) |
                    ((load64le(rkey + o1) ^ w1) & (0 - (uint64_t)(8 < len))) |
                    ((load64le(rkey + o2) ^ w2) & (0 - (uint64_t)(16 < len))) |
                    ((load64le(rkey + o3) ^ w3) & (0 - (uint64_t)(24 < len))) |
                    ((load64le(rkey + o4) ^ w4) & (0 - (uint64_t)(32 < len)));
    for (size_t at = HEAD_BYTES; at < len && !diff; at += 8) {
        size_t from = at < len - 8 ? at : len - 8;
        diff = load64le(rkey + from) ^ load64le(key + from);
    }
    if (diff)
        return 0;
    *run = read32le(rec);
    return 1;
}

void winerr_by_name(winerr_iter *it, const char *name, const winerr_filter *f)
{
    uint32_t run;
    if (!it)
        return;
    if (!name || !name_lookup(name, strlen(name), &run)) {
        winerr__iter_init(it, MODE_DONE, 0, 0, f);
        return;
    }
    uint32_t first = run & ((1u << NAME_FIRST_BITS) - 1), count = run >> NAME_FIRST_BITS;
    /* A run of one is the entry's own index (see generator/emit.py). */
    winerr__iter_init(it, count == 1 ? MODE_ALL : MODE_BY_NAME, first, first + count, f);
}
