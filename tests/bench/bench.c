/* make bench: ns per query for value and exact-name lookups, each beside a
 * plain baseline over the same data in the same run (binary search over a
 * sorted array of values; binary search with strcasecmp over sorted names).
 * Queries are every entry, in a fixed shuffled order; a round asks each
 * once.  winerr and the baseline take turns in BLOCKS blocks each, so slow
 * moments of a shared machine fall on both: a block is one round on caches
 * the other side has just filled with its own data, then WARM rounds in a
 * row.  Reported: the median of the WARM rounds (steady state, the BENCH
 * line the goals refer to) and the median of the first rounds (each side's
 * data evicted by the other, BENCH <what>_after_other). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "winerr.h"

#define BLOCKS 5
#define WARM 3

struct vrow { uint32_t value; const winerr_entry *e; };
struct nrow { const char *name; const winerr_entry *e; };

static size_t count;
static struct vrow *by_value;   /* baseline: sorted by value */
static struct nrow *by_name;    /* baseline: sorted by name, strcasecmp */
static uint32_t *q_values;      /* queries, shuffled */
static const char **q_names;
static volatile uintptr_t sink; /* keeps results alive */

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int cmp_vrow(const void *a, const void *b)
{
    uint32_t x = ((const struct vrow *)a)->value, y = ((const struct vrow *)b)->value;
    return (x > y) - (x < y);
}

static int cmp_nrow(const void *a, const void *b)
{
    return strcasecmp(((const struct nrow *)a)->name, ((const struct nrow *)b)->name);
}

static void setup(void)
{
    count = winerr_entry_count();
    by_value = malloc(count * sizeof *by_value);
    by_name = malloc(count * sizeof *by_name);
    q_values = malloc(count * sizeof *q_values);
    q_names = malloc(count * sizeof *q_names);
    if (!by_value || !by_name || !q_values || !q_names) {
        fputs("bench: out of memory\n", stderr);
        exit(2);
    }
    for (size_t i = 0; i < count; i++) {
        const winerr_entry *e = winerr_entry_at(i);
        by_value[i] = (struct vrow){winerr_entry_value(e), e};
        by_name[i] = (struct nrow){winerr_entry_name(e), e};
        q_values[i] = winerr_entry_value(e);
        q_names[i] = winerr_entry_name(e);
    }
    qsort(by_value, count, sizeof *by_value, cmp_vrow);
    qsort(by_name, count, sizeof *by_name, cmp_nrow);
    uint64_t x = 0x9E3779B97F4A7C15u; /* fixed seed: the same order every run */
    for (size_t i = count - 1; i > 0; i--) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        size_t j = x % (i + 1);
        uint32_t tv = q_values[i]; q_values[i] = q_values[j]; q_values[j] = tv;
        const char *tn = q_names[i]; q_names[i] = q_names[j]; q_names[j] = tn;
    }
    /* The queries are the caller's own strings, one after another in query
     * order (as a caller's input buffer would be), not pointers back into the
     * library's or the baseline's table. */
    size_t total = 0;
    for (size_t i = 0; i < count; i++)
        total += strlen(q_names[i]) + 1;
    char *arena = malloc(total);
    if (!arena) {
        fputs("bench: out of memory\n", stderr);
        exit(2);
    }
    for (size_t i = 0; i < count; i++) {
        size_t n = strlen(q_names[i]) + 1;
        memcpy(arena, q_names[i], n);
        q_names[i] = arena;
        arena += n;
    }
}

static uintptr_t winerr_values(void)
{
    uintptr_t acc = 0;
    for (size_t i = 0; i < count; i++) {
        winerr_iter it;
        winerr_by_value(&it, q_values[i], NULL);
        for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;)
            acc += (uintptr_t)e;
    }
    return acc;
}

static uintptr_t baseline_values(void)
{
    uintptr_t acc = 0;
    for (size_t i = 0; i < count; i++) {
        size_t lo = 0, hi = count;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (by_value[mid].value < q_values[i]) lo = mid + 1; else hi = mid;
        }
        for (; lo < count && by_value[lo].value == q_values[i]; lo++)
            acc += (uintptr_t)by_value[lo].e;
    }
    return acc;
}

static uintptr_t winerr_names(void)
{
    uintptr_t acc = 0;
    for (size_t i = 0; i < count; i++) {
        winerr_iter it;
        winerr_by_name(&it, q_names[i], NULL);
        for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;)
            acc += (uintptr_t)e;
    }
    return acc;
}

static uintptr_t baseline_names(void)
{
    uintptr_t acc = 0;
    for (size_t i = 0; i < count; i++) {
        size_t lo = 0, hi = count;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (strcasecmp(by_name[mid].name, q_names[i]) < 0) lo = mid + 1; else hi = mid;
        }
        for (; lo < count && strcasecmp(by_name[lo].name, q_names[i]) == 0; lo++)
            acc += (uintptr_t)by_name[lo].e;
    }
    return acc;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *t, size_t n)
{
    qsort(t, n, sizeof *t, cmp_double);
    return n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
}

/* One timed round: ns per query. */
static double round_ns(uintptr_t (*fn)(void))
{
    double t0 = now_ns();
    sink += fn();
    return (now_ns() - t0) / count;
}

static void measure(const char *what, uintptr_t (*ours)(void), uintptr_t (*base)(void))
{
    double warm_ours[BLOCKS * WARM], warm_base[BLOCKS * WARM];
    double first_ours[BLOCKS], first_base[BLOCKS];
    uintptr_t a = ours(), b = base(); /* warm-up, and both must agree */
    if (a != b) {
        fprintf(stderr, "bench: %s: winerr and baseline disagree\n", what);
        exit(1);
    }
    for (int k = 0; k < BLOCKS; k++) {
        first_ours[k] = round_ns(ours);
        for (int r = 0; r < WARM; r++)
            warm_ours[k * WARM + r] = round_ns(ours);
        first_base[k] = round_ns(base);
        for (int r = 0; r < WARM; r++)
            warm_base[k * WARM + r] = round_ns(base);
    }
    double wo = median(warm_ours, BLOCKS * WARM), wb = median(warm_base, BLOCKS * WARM);
    double fo = median(first_ours, BLOCKS), fb = median(first_base, BLOCKS);
    printf("%s: %zu queries a round, %d blocks of 1 + %d rounds a side:\n"
           "  steady state: winerr %.1f ns/op, baseline %.1f ns/op, %.1fx\n"
           "  first round after the other side's: winerr %.1f ns/op, baseline %.1f ns/op, %.1fx\n",
           what, count, BLOCKS, WARM, wo, wb, wb / wo, fo, fb, fb / fo);
    printf("BENCH %s %.1f %.1f\n", what, wo, wb);
    printf("BENCH %s_after_other %.1f %.1f\n", what, fo, fb);
}

int main(void)
{
    setup();
    measure("value_lookup", winerr_values, baseline_values);
    measure("name_lookup", winerr_names, baseline_names);
    return 0;
}
