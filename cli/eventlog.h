/*
 * eventlog.h - DWORDs out of the binary data Windows Event Viewer shows.
 *
 * Forms read (see err.1, EVENT LOG DATA):
 *   bytes view   "0000: c1 00 07 80               A..?"  (ASCII column ignored)
 *   bare bytes   "c1 00 07 80"
 *   words view   "0000: 800700c1 00000000"               (each group one DWORD)
 *   wevtutil     "C1000780" or "<Binary>C1000780</Binary>" (hex string)
 * Bytes are little-endian: c1 00 07 80 is the DWORD 0x800700c1.
 *
 * Several lines may be given at once (a pasted "Data:" block).  Lines that
 * carry an offset label must follow on from each other; the headings Event
 * Viewer prints ("Data:", "Binary data:", "In Words", "In Bytes") are skipped
 * and start a new run of offsets.
 *
 * Byte counts that are not a multiple of four are an error unless the caller
 * passes `trailing`: then the whole DWORDs are returned and the number of
 * left-over bytes is stored there.  Nothing is ever guessed silently.
 *
 * The functions are pure: no global state, no allocation but
 * err_dwords_read's, input is `len` bytes that need not be NUL-terminated and
 * may hold anything.
 */
#ifndef ERR_EVENTLOG_H
#define ERR_EVENTLOG_H

#include <stddef.h>
#include <stdint.h>

typedef struct err_dword {
    uint32_t offset; /* byte offset of the DWORD in the event's data */
    uint32_t value;
} err_dword;

/*
 * Nonzero when s looks like event-log data rather than a single value: it
 * starts with an offset label ("0000:", 4 to 8 hex digits and a colon), or
 * it is two or more blank-separated tokens of which the first is a two-digit
 * hex byte.  A yes here does not promise that parsing succeeds.
 */
int err_eventlog_detect(const char *s, size_t len);

/* Nonzero when s starts with an offset label ("0000:"), the sure sign of a
 * line copied from Event Viewer even among other values (stdin lines). */
int err_eventlog_has_label(const char *s, size_t len);

/*
 * Parses Event Viewer text.  Stores up to `max` DWORDs in `out` (out may be
 * NULL when max is 0) and returns how many there are in all, which may be
 * more than max (call once with max 0 to size an array).  Returns -1 on
 * malformed input with a one-line reason in why (whylen > 0 required).
 * `trailing`: NULL makes left-over bytes an error; otherwise receives their
 * count for the last section (0..3) and earlier sections must be whole.
 */
long err_eventlog_parse(const char *s, size_t len, err_dword *out, size_t max,
                        size_t *trailing, char *why, size_t whylen);

/*
 * Parses a wevtutil <Binary> hex string: an even number of hex digits, with
 * optional surrounding blanks and an optional <Binary>...</Binary> wrapper.
 * Offsets count from 0.  Same return convention as err_eventlog_parse.
 */
long err_hexstring_parse(const char *s, size_t len, err_dword *out, size_t max,
                         size_t *trailing, char *why, size_t whylen);

/*
 * The whole input in one pass: event-log text, or a hex string when
 * `hex_string` is set, with no left-over bytes allowed.  Returns the count
 * with *out a malloc'd array of that many DWORDs (the caller frees it), or
 * -1 with *out NULL and a reason in why.
 */
long err_dwords_read(const char *s, size_t len, int hex_string, err_dword **out, char *why,
                     size_t whylen);

/*
 * Which DWORDs of an event's binary data are codes depends on the layout
 * the data has (see err.1, EVENT LOG DATA):
 *   LONE       one DWORD and nothing else: that DWORD (0000: c1 00 07 80);
 *   SQL        SQL Server's error number, severity (1..25) and state
 *              (0..255) at 0, 4 and 8, then UTF-16 names: the error number;
 *   IO_PACKET  a driver's IO_ERROR_LOG_PACKET: MajorFunctionCode at 0 (at
 *              most 0x1b), StringOffset past the header when there are
 *              strings, ErrorCode at
 *              0x0C (an error, warning or informational status with a
 *              facility) and FinalStatus at 0x14: those two;
 *   OTHER      anything else: only DWORDs that read as failure HRESULTs or
 *              NTSTATUS values (bit 31 set, not 0xffffxxxx) with a name;
 *              never small integers inside a longer blob.
 * dw holds the data's first n DWORDs (at most 6 are looked at); `complete`
 * says they are all of it.  UNKNOWN: more DWORDs are needed to tell (the
 * first line of a dump running over several lines); read it as OTHER.
 */
typedef enum err_layout {
    ERR_LAYOUT_UNKNOWN = 0,
    ERR_LAYOUT_LONE,
    ERR_LAYOUT_SQL,
    ERR_LAYOUT_IO_PACKET,
    ERR_LAYOUT_OTHER
} err_layout;

err_layout err_binary_layout(const uint32_t *dw, size_t n, int complete);

#endif /* ERR_EVENTLOG_H */
