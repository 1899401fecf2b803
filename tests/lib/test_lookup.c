/* Lookups: every entry round-trips, filters restrict, bad names are "none". */
#include <stdlib.h>
#include <string.h>

#include "test_common.h"

static int iter_contains(winerr_iter *it, const winerr_entry *want)
{
    int found = 0;
    for (const winerr_entry *e; (e = winerr_next(it)) != NULL;)
        found |= (e == want);
    return found;
}

static size_t iter_count(winerr_iter *it)
{
    size_t n = 0;
    while (winerr_next(it))
        n++;
    return n;
}

static void test_every_entry_round_trips(void **state)
{
    (void)state;
    size_t n = winerr_entry_count();
    assert_true(n > 0);
    for (size_t i = 0; i < n; i++) {
        const winerr_entry *e = winerr_entry_at(i);
        winerr_iter it;
        winerr_by_value(&it, winerr_entry_value(e), NULL);
        assert_true(iter_contains(&it, e));
        winerr_by_name(&it, winerr_entry_name(e), NULL);
        assert_true(iter_contains(&it, e));
        assert_string_equal(winerr_entry_table(e),
                            winerr_table_name(winerr_entry_table_index(e)));
    }
    assert_null(winerr_entry_at(n));
}

static void test_value_order_is_table_then_name(void **state)
{
    (void)state;
    for (size_t i = 0; i < winerr_entry_count(); i += 97) {
        winerr_iter it;
        winerr_by_value(&it, winerr_entry_value(winerr_entry_at(i)), NULL);
        const winerr_entry *prev = NULL;
        for (const winerr_entry *e; (e = winerr_next(&it)) != NULL; prev = e) {
            assert_int_equal(winerr_entry_value(e), winerr_entry_value(winerr_entry_at(i)));
            if (prev) /* entries are stored in (table, name) order */
                assert_true(prev < e);
        }
    }
}

static void test_name_is_case_insensitive(void **state)
{
    (void)state;
    winerr_iter it;
    winerr_by_name(&it, "error_file_not_found", NULL);
    const winerr_entry *e = winerr_next(&it);
    assert_non_null(e);
    assert_string_equal(winerr_entry_name(e), "ERROR_FILE_NOT_FOUND");
    assert_int_equal(winerr_entry_value(e), 2);
    assert_string_equal(winerr_entry_table(e), "winerror.h");
    assert_int_equal(winerr_entry_kind(e), WINERR_KIND_WIN32);
}

/* A name two headers define with their own values (issper16.h's 16-bit
 * SEC_E_* and winerror.h's HRESULTs): a filter keeps each table's own. */
static void test_by_name_filtered(void **state)
{
    (void)state;
    const char *name = "SEC_E_INTERNAL_ERROR";
    winerr_iter it;
    winerr_by_name(&it, name, NULL);
    const winerr_entry *all[8];
    size_t n = 0;
    for (const winerr_entry *e; n < 8 && (e = winerr_next(&it)) != NULL;)
        all[n++] = e;
    assert_true(n >= 2);
    assert_string_not_equal(winerr_entry_table(all[0]), winerr_entry_table(all[1]));
    for (size_t k = 0; k < n; k++) {
        winerr_filter f;
        winerr_filter_clear(&f);
        assert_int_equal(winerr_filter_add(&f, (size_t)winerr_table_find(winerr_entry_table(all[k]))), 0);
        winerr_by_name(&it, name, &f);
        const winerr_entry *e = winerr_next(&it);
        assert_ptr_equal(e, all[k]);
        assert_null(winerr_next(&it));
    }
}

static void test_known_entries(void **state)
{
    (void)state;
    static const struct { const char *name; uint32_t value; const char *table; } known[] = {
        {"ERROR_BAD_EXE_FORMAT", 0xc1, "winerror.h"},
        {"SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION", 0xc1, "bugcodes.h"},
        {"STATUS_ACCESS_VIOLATION", 0xc0000005u, "ntstatus.h"},
        {"E_FAIL", 0x80004005u, "winerror.h"},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        winerr_iter it;
        winerr_by_name(&it, known[i].name, NULL);
        int found = 0;
        for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;)
            found |= winerr_entry_value(e) == known[i].value &&
                     strcmp(winerr_entry_table(e), known[i].table) == 0;
        assert_true(found);
    }
    winerr_iter it;
    winerr_by_value(&it, 0xc1, NULL);
    const winerr_entry *e = NULL;
    while ((e = winerr_next(&it)) != NULL && strcmp(winerr_entry_name(e), "ERROR_BAD_EXE_FORMAT"))
        ;
    assert_non_null(e);
    assert_string_equal(winerr_entry_text(e), "%1 is not a valid Win32 application.");
}

static void test_missing_and_hostile_names(void **state)
{
    (void)state;
    winerr_iter it;
    winerr_by_name(&it, "NO_SUCH_ERROR_NAME_ANYWHERE", NULL);
    assert_null(winerr_next(&it));
    winerr_by_name(&it, "", NULL);
    assert_null(winerr_next(&it));
    winerr_by_name(&it, NULL, NULL);
    assert_null(winerr_next(&it));
    winerr_by_name(&it, "ERROR_\xc3\xa9\xff\x80", NULL);
    assert_null(winerr_next(&it));

    size_t big = 100 * 1024;
    char *name = malloc(big + 1);
    assert_non_null(name);
    memset(name, 'A', big);
    name[big] = '\0';
    winerr_by_name(&it, name, NULL);
    assert_null(winerr_next(&it));
    winerr_by_substring(&it, name, NULL);
    assert_null(winerr_next(&it));
    winerr_by_text(&it, name, NULL);
    assert_null(winerr_next(&it));
    free(name);

    /* Every length, including those outside a bucket's key lengths, which
     * gperf's hash functions must never see (valgrind checks the reads). */
    char zs[130];
    for (size_t n = 1; n < sizeof zs; n++) {
        memset(zs, 'Z', n);
        zs[n] = '\0';
        winerr_by_name(&it, zs, NULL);
        assert_null(winerr_next(&it));
    }

    winerr_by_substring(&it, "", NULL);
    assert_null(winerr_next(&it));
    winerr_by_text(&it, " \t\n", NULL);
    assert_null(winerr_next(&it));
    assert_null(winerr_next(NULL));
}

static int same_name_ci(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if ((x >= 'a' && x <= 'z' ? x - 32 : x) != (y >= 'a' && y <= 'z' ? y - 32 : y))
            return 0;
    }
    return *a == *b;
}

/* The name lookup is exact: for a sample of names, every byte replaced by
 * every value finds only entries with that very name (ASCII case aside), and
 * finds the original when the byte is its own or its other case; every
 * prefix and one-byte extension likewise.  Each query sits in a buffer of
 * its own size, so AddressSanitizer and valgrind see any read past it. */
static void check_exact(const char *query, const winerr_entry *must)
{
    winerr_iter it;
    int found = 0;
    winerr_by_name(&it, query, NULL);
    for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;) {
        if (!same_name_ci(winerr_entry_name(e), query))
            fail_msg("query \"%s\" found %s", query, winerr_entry_name(e));
        found |= (e == must);
    }
    if (must && !found)
        fail_msg("query \"%s\" missed %s", query, winerr_entry_name(must));
}

static void test_name_lookup_is_exact(void **state)
{
    (void)state;
    size_t n = winerr_entry_count();
    for (size_t i = 0; i < n; i += 97) {
        const winerr_entry *e = winerr_entry_at(i);
        const char *name = winerr_entry_name(e);
        size_t len = strlen(name);
        char *q = malloc(len + 2);
        assert_non_null(q);
        for (size_t at = 0; at < len; at++) {
            for (int c = 1; c < 256; c++) {
                memcpy(q, name, len + 1);
                q[at] = (char)c;
                unsigned char orig = (unsigned char)name[at];
                int same = c == orig || ((orig >= 'A' && orig <= 'Z') && c == orig + 32);
                check_exact(q, same ? e : NULL);
            }
        }
        free(q);
        for (size_t cut = 1; cut <= len; cut++) { /* every prefix, exactly sized */
            char *p = malloc(cut + 1);
            assert_non_null(p);
            memcpy(p, name, cut);
            p[cut] = '\0';
            check_exact(p, cut == len ? e : NULL);
            free(p);
        }
        char *longer = malloc(len + 2);
        assert_non_null(longer);
        memcpy(longer, name, len);
        memcpy(longer + len, "Z", 2);
        check_exact(longer, NULL);
        free(longer);
    }
}

static void test_substring_and_text(void **state)
{
    (void)state;
    winerr_iter it;
    winerr_by_substring(&it, "file_NOT_found", NULL);
    size_t n = 0;
    for (const winerr_entry *e; (e = winerr_next(&it)) != NULL; n++)
        assert_non_null(strstr(winerr_entry_name(e), "FILE_NOT_FOUND"));
    assert_true(n >= 2);

    winerr_by_text(&it, "not a VALID win32", NULL);
    int found = 0;
    for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;)
        found |= strcmp(winerr_entry_name(e), "ERROR_BAD_EXE_FORMAT") == 0;
    assert_true(found);
}

static void test_tables_and_filter(void **state)
{
    (void)state;
    size_t total = 0;
    for (size_t t = 0; t < winerr_table_count(); t++) {
        total += winerr_table_entry_count(t);
        assert_int_equal(winerr_table_find(winerr_table_name(t)), (long)t);
    }
    assert_int_equal(total, winerr_entry_count());
    assert_null(winerr_table_name(winerr_table_count()));
    assert_int_equal(winerr_table_find("no-such-table.h"), -1);
    assert_int_equal(winerr_table_find(NULL), -1);

    long wt = winerr_table_find("WINERROR.H");
    assert_true(wt >= 0);
    winerr_filter f;
    winerr_filter_clear(&f);
    assert_int_equal(winerr_filter_add(&f, (size_t)wt), 0);
    assert_int_equal(winerr_filter_add(&f, winerr_table_count()), -1);
    winerr_iter it;
    winerr_by_value(&it, 0xc1, &f);
    size_t n = 0;
    for (const winerr_entry *e; (e = winerr_next(&it)) != NULL; n++)
        assert_string_equal(winerr_entry_table(e), "winerror.h");
    assert_true(n >= 1);
    winerr_all(&it, &f);
    assert_int_equal(iter_count(&it), winerr_table_entry_count((size_t)wt));
    winerr_all(&it, NULL);
    assert_int_equal(iter_count(&it), winerr_entry_count());
}

static void test_filter_has(void **state)
{
    (void)state;
    size_t n = winerr_table_count();
    winerr_filter f;
    winerr_filter_clear(&f);
    assert_int_equal(winerr_filter_add(&f, 0), 0);
    assert_true(winerr_filter_has(&f, 0));
    assert_false(winerr_filter_has(&f, n - 1));
    assert_true(winerr_filter_has(NULL, n - 1)); /* no filter: every table */
    /* past the last table: in no filter, not even the empty one */
    assert_false(winerr_filter_has(NULL, n));
    assert_false(winerr_filter_has(&f, n));
    assert_false(winerr_filter_has(NULL, (size_t)-1));
}

static void test_lookup_value_array(void **state)
{
    (void)state;
    const winerr_entry *out[2];
    winerr_iter it;
    winerr_by_value(&it, 0, NULL);
    size_t all = iter_count(&it);
    assert_int_equal(winerr_lookup_value(0, NULL, out, 2), all);
    assert_int_equal(winerr_lookup_value(0, NULL, NULL, 0), all);
    assert_int_equal(winerr_lookup_value(0x7fff1234u, NULL, out, 2), 0);
}

static void test_version_and_kinds(void **state)
{
    (void)state;
    assert_string_equal(winerr_version(), WINERR_VERSION_STRING);
    assert_int_equal(winerr_version_number(), WINERR_VERSION_NUMBER);
    assert_string_equal(winerr_kind_name(WINERR_KIND_NTSTATUS), "ntstatus");
    assert_string_equal(winerr_kind_name((winerr_kind)99), "other");
    assert_null(winerr_entry_name(NULL));
    assert_null(winerr_entry_text(NULL));
}

/* The header's NULL contract (winerr.h, "NULL arguments"): every pointer
 * argument may be NULL.  A NULL iterator or output is a call that does
 * nothing; a NULL entry reads as nothing (NULL, 0, WINERR_KIND_OTHER); a
 * NULL string matches nothing; a NULL filter means every table. */
static void test_null_contract(void **state)
{
    (void)state;
    winerr_by_value(NULL, 0x80070005u, NULL);
    winerr_by_name(NULL, "E_FAIL", NULL);
    winerr_by_substring(NULL, "FAIL", NULL);
    winerr_by_text(NULL, "denied", NULL);
    winerr_all(NULL, NULL);
    assert_null(winerr_next(NULL));
    winerr_decode(0x80070005u, NULL);
    winerr_filter_clear(NULL);
    assert_int_equal(winerr_filter_add(NULL, 0), -1);
    assert_int_equal(winerr_filter_has(NULL, 0), 1);
    assert_int_equal(winerr_table_find(NULL), -1);
    assert_null(winerr_entry_name(NULL));
    assert_null(winerr_entry_table(NULL));
    assert_null(winerr_entry_text(NULL));
    assert_int_equal(winerr_entry_value(NULL), 0);
    assert_int_equal(winerr_entry_table_index(NULL), 0);
    assert_int_equal(winerr_entry_kind(NULL), WINERR_KIND_OTHER);
    assert_true(winerr_lookup_value(0x5, NULL, NULL, 8) > 0);
    /* NULL buf: nothing written whatever bufsize says, the length returned */
    assert_int_equal(winerr_wrap("Access is denied.", 10, "# ", NULL, 64),
                     winerr_wrap("Access is denied.", 10, "# ", NULL, 0));
    assert_int_equal(winerr_wrap(NULL, 10, NULL, NULL, 0), 0);
    char buf[8];
    winerr_iter it;
    winerr_by_substring(&it, NULL, NULL);
    assert_null(winerr_next(&it));
    winerr_by_text(&it, NULL, NULL);
    assert_null(winerr_next(&it));
    assert_int_equal(winerr_wrap("x", 10, NULL, buf, sizeof buf), 2);
    assert_string_equal(buf, "x\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_entry_round_trips),
        cmocka_unit_test(test_value_order_is_table_then_name),
        cmocka_unit_test(test_name_is_case_insensitive),
        cmocka_unit_test(test_by_name_filtered),
        cmocka_unit_test(test_name_lookup_is_exact),
        cmocka_unit_test(test_known_entries),
        cmocka_unit_test(test_missing_and_hostile_names),
        cmocka_unit_test(test_substring_and_text),
        cmocka_unit_test(test_tables_and_filter),
        cmocka_unit_test(test_filter_has),
        cmocka_unit_test(test_lookup_value_array),
        cmocka_unit_test(test_version_and_kinds),
        cmocka_unit_test(test_null_contract),
    };
    return cmocka_run_group_tests_name("lookup", tests, NULL, NULL);
}
