/* winerr_decode against hand-worked bit layouts ([MS-ERREF] 2.1, 2.3). */
#include <string.h>

#include "test_common.h"

struct want {
    uint32_t value;
    unsigned hr_s, hr_r, hr_c, hr_n, hr_x, hr_fac, code;
    unsigned nt_sev, nt_c, nt_n, nt_fac;
    size_t nfollow;
    winerr_followup follow[WINERR_MAX_FOLLOWUPS];
};

static const struct want cases[] = {
    /* HRESULT_FROM_WIN32(ERROR_BAD_EXE_FORMAT) */
    {0x800700c1u, 1, 0, 0, 0, 0, 7, 0xc1, 2, 0, 0, 7, 1,
     {{0xc1, WINERR_REL_WIN32_FROM_HRESULT}}},
    /* STATUS_SYSTEM_PROCESS_TERMINATED: only err.exe's low-word guess */
    {0xc000021au, 1, 1, 0, 0, 0, 0, 0x21a, 3, 0, 0, 0, 1,
     {{0x21a, WINERR_REL_LOW_WORD}}},
    /* HRESULT_FROM_NT(STATUS_ACCESS_DENIED) */
    {0xd0000022u, 1, 1, 0, 1, 0, 0, 0x22, 3, 0, 1, 0, 2,
     {{0xc0000022u, WINERR_REL_NTSTATUS_FROM_HRESULT}, {0x22, WINERR_REL_LOW_WORD}}},
    {0x00000000u, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, {{0, 0}}},
    {0xffffffffu, 1, 1, 1, 1, 1, 0x7ff, 0xffff, /* N set: 11-bit facility */ 3, 1, 1, 0xfff, 2,
     {{0xefffffffu, WINERR_REL_NTSTATUS_FROM_HRESULT}, {0xffff, WINERR_REL_LOW_WORD}}},
    {0x8007ffffu, 1, 0, 0, 0, 0, 7, 0xffff, 2, 0, 0, 7, 1,
     {{0xffff, WINERR_REL_WIN32_FROM_HRESULT}}},
    /* customer bit alone */
    {0x20000000u, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, {{0, WINERR_REL_LOW_WORD}}},
    /* informational NTSTATUS (STATUS_SERVICE_NOTIFICATION-style) */
    {0x4000000au, 0, 1, 0, 0, 0, 0, 0xa, 1, 0, 0, 0, 1, {{0xa, WINERR_REL_LOW_WORD}}},
    /* FACILITY_NTWIN32 error status carries a Win32 code */
    {0xc0070005u, 1, 1, 0, 0, 0, 7, 5, 3, 0, 0, 7, 1,
     {{5, WINERR_REL_WIN32_FROM_NTSTATUS}}},
    /* HRESULT_FROM_NT of a FACILITY_NTWIN32 status: the status, then the
     * Win32 code it carries (the low word already taken) */
    {0xd0070005u, 1, 1, 0, 1, 0, 7, 5, 3, 0, 1, 7, 2,
     {{0xc0070005u, WINERR_REL_NTSTATUS_FROM_HRESULT}, {5, WINERR_REL_WIN32_FROM_NTSTATUS}}},
    /* a small value is its own code: nothing to follow */
    {0x000000c1u, 0, 0, 0, 0, 0, 0, 0xc1, 0, 0, 0, 0, 0, {{0, 0}}},
};

static void check_case(const struct want *w)
{
    winerr_decoded d;
    memset(&d, 0xAB, sizeof d);
    winerr_decode(w->value, &d);
    assert_int_equal(d.value, w->value);
    assert_int_equal(d.hresult.severity, w->hr_s);
    assert_int_equal(d.hresult.reserved, w->hr_r);
    assert_int_equal(d.hresult.customer, w->hr_c);
    assert_int_equal(d.hresult.nt, w->hr_n);
    assert_int_equal(d.hresult.reserved_x, w->hr_x);
    assert_int_equal(d.hresult.facility, w->hr_fac);
    assert_int_equal(d.hresult.code, w->code);
    assert_int_equal(d.ntstatus.severity, w->nt_sev);
    assert_int_equal(d.ntstatus.customer, w->nt_c);
    assert_int_equal(d.ntstatus.nt, w->nt_n);
    assert_int_equal(d.ntstatus.facility, w->nt_fac);
    assert_int_equal(d.ntstatus.code, w->code);
    assert_non_null(d.ntstatus.severity_name);
    assert_int_equal(d.follow_count, w->nfollow);
    for (size_t i = 0; i < w->nfollow; i++) {
        assert_int_equal(d.follow[i].value, w->follow[i].value);
        assert_int_equal(d.follow[i].relation, w->follow[i].relation);
    }
}

static void test_decode_hand_worked(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_case(&cases[i]);
}

static void test_decode_names(void **state)
{
    (void)state;
    winerr_decoded d;
    winerr_decode(0x800700c1u, &d);
    assert_string_equal(d.hresult.facility_name, "FACILITY_WIN32");
    assert_string_equal(d.ntstatus.facility_name, "FACILITY_NTWIN32");
    assert_string_equal(d.ntstatus.severity_name, "STATUS_SEVERITY_WARNING");
    winerr_decode(0x4000000au, &d);
    assert_string_equal(d.ntstatus.severity_name, "STATUS_SEVERITY_INFORMATIONAL");
    winerr_decode(0xc000021au, &d);
    assert_string_equal(d.ntstatus.severity_name, "STATUS_SEVERITY_ERROR");
    assert_string_equal(d.hresult.facility_name, "FACILITY_NULL");
    winerr_decode(0, &d);
    assert_string_equal(d.ntstatus.severity_name, "STATUS_SEVERITY_SUCCESS");
    winerr_decode(0xffffffffu, &d);
    assert_string_equal(d.hresult.facility_name, "FACILITY_BACKUP"); /* ntdsbmsg.h's 0x7ff */
    winerr_decode(0x88890004u, &d); /* AUDCLNT_E_DEVICE_INVALIDATED: the X bit is facility */
    assert_int_equal(d.hresult.facility, 2185);
    assert_string_equal(d.hresult.facility_name, "FACILITY_AUDCLNT");
    assert_string_equal(winerr_ntstatus_facility_name(7), "FACILITY_NTWIN32");
    assert_null(winerr_hresult_facility_name(0xFFFFu));
    assert_null(winerr_hresult_facility_name(0x7FEu));
}

static void test_follow_ups_resolve(void **state)
{
    (void)state;
    /* 0xD0000022's first follow-up is STATUS_ACCESS_DENIED in ntstatus.h. */
    winerr_decoded d;
    winerr_decode(0xd0000022u, &d);
    winerr_iter it;
    winerr_by_value(&it, d.follow[0].value, NULL);
    int found = 0;
    for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;)
        found |= strcmp(winerr_entry_name(e), "STATUS_ACCESS_DENIED") == 0 &&
                 strcmp(winerr_entry_table(e), "ntstatus.h") == 0;
    assert_true(found);
    assert_string_equal(winerr_relation_name(WINERR_REL_NTSTATUS_FROM_HRESULT),
                        "ntstatus-from-hresult");
    assert_string_equal(winerr_relation_name((winerr_relation)42), "unknown");
}

/* The relation-to-kind rule, in the library for every tool. */
static void test_relation_kind(void **state)
{
    (void)state;
    assert_int_equal(winerr_relation_kind(WINERR_REL_EXACT), WINERR_KIND_OTHER);
    assert_int_equal(winerr_relation_kind(WINERR_REL_WIN32_FROM_HRESULT), WINERR_KIND_WIN32);
    assert_int_equal(winerr_relation_kind(WINERR_REL_WIN32_FROM_NTSTATUS), WINERR_KIND_WIN32);
    assert_int_equal(winerr_relation_kind(WINERR_REL_NTSTATUS_FROM_HRESULT),
                     WINERR_KIND_NTSTATUS);
    assert_int_equal(winerr_relation_kind(WINERR_REL_LOW_WORD), WINERR_KIND_OTHER);
    assert_int_equal(winerr_relation_kind((winerr_relation)99), WINERR_KIND_OTHER);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_relation_kind),
        cmocka_unit_test(test_decode_hand_worked),
        cmocka_unit_test(test_decode_names),
        cmocka_unit_test(test_follow_ups_resolve),
    };
    return cmocka_run_group_tests_name("decode", tests, NULL, NULL);
}
