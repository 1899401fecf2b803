/* Reading a 32-bit value as an HRESULT and as an NTSTATUS, and the values
 * worth looking up next ([MS-ERREF] 2.1 and 2.3). */
#include <string.h>

#include "internal.h"

#define HRESULT_NT_BIT 0x10000000u

static const char *facility_name(const struct winerr_facility *fac, uint32_t n, unsigned number)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (fac[mid].number < number)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (lo < n && fac[lo].number == number) ? winerr__names + fac[lo].name : NULL;
}

const char *winerr_hresult_facility_name(unsigned facility)
{
    return facility_name(winerr__hr_facilities, winerr__hr_facility_count, facility);
}

const char *winerr_ntstatus_facility_name(unsigned facility)
{
    return facility_name(winerr__nt_facilities, winerr__nt_facility_count, facility);
}

const char *winerr_relation_name(winerr_relation r)
{
    switch (r) {
    case WINERR_REL_EXACT: return "exact";
    case WINERR_REL_WIN32_FROM_HRESULT: return "win32-from-hresult";
    case WINERR_REL_WIN32_FROM_NTSTATUS: return "win32-from-ntstatus";
    case WINERR_REL_NTSTATUS_FROM_HRESULT: return "ntstatus-from-hresult";
    case WINERR_REL_LOW_WORD: return "low-word";
    }
    return "unknown";
}

winerr_kind winerr_relation_kind(winerr_relation r)
{
    switch (r) {
    case WINERR_REL_WIN32_FROM_HRESULT:
    case WINERR_REL_WIN32_FROM_NTSTATUS: return WINERR_KIND_WIN32;
    case WINERR_REL_NTSTATUS_FROM_HRESULT: return WINERR_KIND_NTSTATUS;
    default: return WINERR_KIND_OTHER;
    }
}

static void add_follow(winerr_decoded *d, uint32_t value, winerr_relation r)
{
    for (size_t i = 0; i < d->follow_count; i++)
        if (d->follow[i].value == value)
            return;
    if (d->follow_count < WINERR_MAX_FOLLOWUPS) {
        d->follow[d->follow_count].value = value;
        d->follow[d->follow_count].relation = r;
        d->follow_count++;
    }
}

/* A FACILITY_NTWIN32 status (0xC007xxxx, 0x8007xxxx, 0x4007xxxx) carries a
 * Win32 code in its low word. */
static int is_ntwin32(uint32_t v)
{
    return (v >> 30) != 0 && ((v >> 16) & 0x3FFF) == 7;
}

static void decode_hresult(uint32_t v, winerr_hresult_bits *h)
{
    h->severity = v >> 31;
    h->reserved = (v >> 30) & 1;
    h->customer = (v >> 29) & 1;
    h->nt = (v >> 28) & 1;
    h->reserved_x = (v >> 27) & 1;
    /* [MS-ERREF] gives the facility 11 bits, but SDKs number facilities past
     * 2047 (FACILITY_AUDCLNT is 2185) by using the X bit too, as winerror.h's
     * HRESULT_FACILITY does; with the N bit set it is an NTSTATUS's. */
    h->facility = (v >> 16) & (h->nt ? 0x7FFu : 0xFFFu);
    h->facility_name = winerr_hresult_facility_name(h->facility);
    h->code = v & 0xFFFF;
}

static void decode_ntstatus(uint32_t v, winerr_ntstatus_bits *n)
{
    static const char *const severities[4] = {
        "STATUS_SEVERITY_SUCCESS", "STATUS_SEVERITY_INFORMATIONAL",
        "STATUS_SEVERITY_WARNING", "STATUS_SEVERITY_ERROR"};
    n->severity = v >> 30;
    n->severity_name = severities[n->severity];
    n->customer = (v >> 29) & 1;
    n->nt = (v >> 28) & 1;
    n->facility = (v >> 16) & 0xFFF;
    n->facility_name = winerr_ntstatus_facility_name(n->facility);
    n->code = v & 0xFFFF;
}

void winerr_decode(uint32_t value, winerr_decoded *d)
{
    if (!d)
        return;
    memset(d, 0, sizeof *d);
    d->value = value;
    decode_hresult(value, &d->hresult);
    decode_ntstatus(value, &d->ntstatus);
    if (value < 0x10000)
        return; /* the code is the value itself */
    if ((value & 0xFFFF0000u) == 0x80070000u)
        add_follow(d, value & 0xFFFF, WINERR_REL_WIN32_FROM_HRESULT);
    if (is_ntwin32(value))
        add_follow(d, value & 0xFFFF, WINERR_REL_WIN32_FROM_NTSTATUS);
    if (value & HRESULT_NT_BIT) {
        uint32_t status = value & ~HRESULT_NT_BIT;
        add_follow(d, status, WINERR_REL_NTSTATUS_FROM_HRESULT);
        if (is_ntwin32(status))
            add_follow(d, status & 0xFFFF, WINERR_REL_WIN32_FROM_NTSTATUS);
    }
    add_follow(d, value & 0xFFFF, WINERR_REL_LOW_WORD);
}
