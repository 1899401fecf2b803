/*
 * winerr.h - what a Windows error number or name means, on any platform.
 *
 * All queries run over read-only tables compiled into the library: no
 * initialisation, no allocation, no global mutable state.  Every function is
 * safe to call from any number of threads at once.
 *
 * NULL arguments: every pointer argument of every function may be NULL, and
 * none crashes for it.  A NULL iterator or output (winerr_iter *,
 * winerr_decoded *, winerr_filter * to change, the buffer of winerr_wrap) makes
 * the call write nothing: winerr_by_*() and winerr_decode() return without
 * effect, winerr_next(NULL) returns NULL, winerr_filter_add(NULL, i) returns
 * -1, winerr_wrap() still returns the length it needs.  A NULL entry reads as
 * no entry: NULL strings, 0 and WINERR_KIND_OTHER.  A NULL string to look up
 * matches nothing; NULL text and prefix to winerr_wrap() are "".  A NULL
 * filter (const winerr_filter *) means every table.
 *
 * Example: the Win32 error inside the HRESULT 0x800700C1.
 *
 *     winerr_decoded d;
 *     winerr_decode(0x800700C1u, &d);
 *     winerr_iter it;
 *     winerr_by_value(&it, d.follow[0].value, NULL);
 *     for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;)
 *         printf("%s %s\n", winerr_entry_name(e), winerr_entry_text(e));
 */
#ifndef WINERR_H
#define WINERR_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WINERR_VERSION_MAJOR 0
#define WINERR_VERSION_MINOR 1
#define WINERR_VERSION_PATCH 0
#define WINERR_VERSION_STRING "0.1.0"
#define WINERR_VERSION_NUMBER \
    (WINERR_VERSION_MAJOR * 10000 + WINERR_VERSION_MINOR * 100 + WINERR_VERSION_PATCH)

#if defined(WINERR_BUILDING) && defined(__GNUC__) && !defined(_WIN32)
#define WINERR_API __attribute__((visibility("default")))
#else
#define WINERR_API
#endif

/* The library's version string, e.g. "0.1.0". */
WINERR_API const char *winerr_version(void);
/* WINERR_VERSION_NUMBER of the library actually linked. */
WINERR_API unsigned winerr_version_number(void);

/* ---- Entries ---------------------------------------------------------- */

/* What kind of number an entry's value is. */
typedef enum winerr_kind {
    WINERR_KIND_OTHER = 0,
    WINERR_KIND_WIN32 = 1,    /* GetLastError() codes: ERROR_*, NERR_*, WSAE* */
    WINERR_KIND_HRESULT = 2,  /* S_*, E_*, *_E_*, HRESULT_FROM_WIN32 values   */
    WINERR_KIND_NTSTATUS = 3, /* STATUS_*                                     */
    WINERR_KIND_BUGCHECK = 4, /* blue screen STOP codes (bugcodes.h)          */
    WINERR_KIND_SQL = 5       /* SQL Server sys.messages                      */
} winerr_kind;

/* One (name, value, source table) row.  Pointers to entries stay valid for
 * the life of the program; they point into read-only data. */
typedef struct winerr_entry winerr_entry;

WINERR_API const char *winerr_entry_name(const winerr_entry *e);
WINERR_API uint32_t winerr_entry_value(const winerr_entry *e);
/* The source table's name: "winerror.h", "ntstatus.h", "sql_err", ... */
WINERR_API const char *winerr_entry_table(const winerr_entry *e);
WINERR_API size_t winerr_entry_table_index(const winerr_entry *e);
/* The message text, or NULL when no source has one. */
WINERR_API const char *winerr_entry_text(const winerr_entry *e);
WINERR_API winerr_kind winerr_entry_kind(const winerr_entry *e);
/* "win32", "hresult", "ntstatus", "bugcheck", "sql" or "other". */
WINERR_API const char *winerr_kind_name(winerr_kind k);

/* All entries, ordered by source table name, then name, then value. */
WINERR_API size_t winerr_entry_count(void);
WINERR_API const winerr_entry *winerr_entry_at(size_t i); /* NULL if out of range */

/* ---- Source tables ---------------------------------------------------- */

WINERR_API size_t winerr_table_count(void);
/* Tables are ordered by name; NULL / 0 when i is out of range. */
WINERR_API const char *winerr_table_name(size_t i);
WINERR_API size_t winerr_table_entry_count(size_t i);
/* Index of the table with this name (case-insensitive), or -1. */
WINERR_API long winerr_table_find(const char *name);

/* A set of tables to restrict a query to.  A NULL filter means all tables. */
#define WINERR_MAX_TABLES 1024
typedef struct winerr_filter {
    uint64_t bits[WINERR_MAX_TABLES / 64];
} winerr_filter;

WINERR_API void winerr_filter_clear(winerr_filter *f);
/* Returns 0, or -1 when i is not a table index. */
WINERR_API int winerr_filter_add(winerr_filter *f, size_t i);
WINERR_API int winerr_filter_has(const winerr_filter *f, size_t i);

/* ---- Queries ---------------------------------------------------------- */

/* A query in progress.  Fill it with one of the winerr_by_* functions, then
 * call winerr_next() until it returns NULL.  Fields are private.  A query
 * keeps the pointers it was given (query string, filter): they must outlive
 * the iteration. */
typedef struct winerr_iter {
    uint32_t pos, end, mode, value;
    const char *query;
    size_t query_len;
    const winerr_filter *filter;
} winerr_iter;

/* Every entry whose value is exactly `value`, ordered by table, then name. */
WINERR_API void winerr_by_value(winerr_iter *it, uint32_t value, const winerr_filter *f);
/* Every entry named `name`, compared without regard to ASCII case. */
WINERR_API void winerr_by_name(winerr_iter *it, const char *name, const winerr_filter *f);
/* Every entry whose name contains `sub` (ASCII case-insensitive), in
 * table/name order.  An empty `sub` matches nothing. */
WINERR_API void winerr_by_substring(winerr_iter *it, const char *sub, const winerr_filter *f);
/* Every entry whose message text contains all the whitespace-separated words
 * of `words` (ASCII case-insensitive substrings), in table/name order.
 * No words matches nothing. */
WINERR_API void winerr_by_text(winerr_iter *it, const char *words, const winerr_filter *f);
/* Every entry, in table/name order. */
WINERR_API void winerr_all(winerr_iter *it, const winerr_filter *f);
/* The next match, or NULL when there are no more. */
WINERR_API const winerr_entry *winerr_next(winerr_iter *it);

/* Convenience: up to `cap` matches of a value lookup into `out`; returns the
 * total number of matches (which may exceed cap). */
WINERR_API size_t winerr_lookup_value(uint32_t value, const winerr_filter *f,
                                      const winerr_entry **out, size_t cap);

/* ---- Decoding a 32-bit value ------------------------------------------ */

/* How a value to look up relates to the number the user gave. */
typedef enum winerr_relation {
    WINERR_REL_EXACT = 0,              /* the number itself                          */
    WINERR_REL_WIN32_FROM_HRESULT = 1, /* low word of a FACILITY_WIN32 HRESULT         */
    WINERR_REL_WIN32_FROM_NTSTATUS = 2,/* low word of a FACILITY_NTWIN32 NTSTATUS      */
    WINERR_REL_NTSTATUS_FROM_HRESULT = 3, /* HRESULT_FROM_NT: the N bit cleared        */
    WINERR_REL_LOW_WORD = 4            /* err.exe's guess: the low 16 bits, whatever
                                          the facility                                */
} winerr_relation;

/* "exact", "win32-from-hresult", "win32-from-ntstatus",
 * "ntstatus-from-hresult", "low-word". */
WINERR_API const char *winerr_relation_name(winerr_relation r);

/* The kind of entry a follow-up names: WINERR_KIND_WIN32 for the Win32 code
 * inside an HRESULT or NTSTATUS, WINERR_KIND_NTSTATUS for HRESULT_FROM_NT;
 * WINERR_KIND_OTHER (any kind) for the exact value and err.exe's low-word
 * guess.  A bug check or SQL message that shares the number of the Win32
 * code inside 0x800700C1 is not what that HRESULT means. */
WINERR_API winerr_kind winerr_relation_kind(winerr_relation r);

typedef struct winerr_hresult_bits {
    unsigned severity;          /* S: 1 = failure                              */
    unsigned reserved;          /* R                                           */
    unsigned customer;          /* C                                           */
    unsigned nt;                /* N: HRESULT_FROM_NT                          */
    unsigned reserved_x;        /* X                                           */
    unsigned facility;          /* bits 27..16 (X included, as winerror.h's
                                   HRESULT_FACILITY and facilities past 2047
                                   need); bits 26..16 when N is set        */
    const char *facility_name;  /* "FACILITY_WIN32", or NULL if unknown        */
    unsigned code;              /* 16 bits                                     */
} winerr_hresult_bits;

typedef struct winerr_ntstatus_bits {
    unsigned severity;          /* 0 success, 1 informational, 2 warning, 3 error */
    const char *severity_name;  /* "STATUS_SEVERITY_ERROR", ...                  */
    unsigned customer;          /* C                                           */
    unsigned nt;                /* N: must be 0 in a real NTSTATUS              */
    unsigned facility;          /* 12 bits, 27..16                             */
    const char *facility_name;  /* "FACILITY_NTWIN32", or NULL if unknown      */
    unsigned code;              /* 16 bits                                     */
} winerr_ntstatus_bits;

typedef struct winerr_followup {
    uint32_t value;
    winerr_relation relation;
} winerr_followup;

#define WINERR_MAX_FOLLOWUPS 4

typedef struct winerr_decoded {
    uint32_t value;
    winerr_hresult_bits hresult;
    winerr_ntstatus_bits ntstatus;
    /* The values worth looking up after the value itself, most meaningful
     * first: WIN32_FROM_HRESULT, WIN32_FROM_NTSTATUS, NTSTATUS_FROM_HRESULT;
     * then, for values >= 0x10000 whose low word no rule above explains,
     * a LOW_WORD guess (what err.exe always prints). */
    size_t follow_count;
    winerr_followup follow[WINERR_MAX_FOLLOWUPS];
} winerr_decoded;

WINERR_API void winerr_decode(uint32_t value, winerr_decoded *out);

/* Name of an HRESULT or NTSTATUS facility number, or NULL. */
WINERR_API const char *winerr_hresult_facility_name(unsigned facility);
WINERR_API const char *winerr_ntstatus_facility_name(unsigned facility);

/* ---- Formatting ------------------------------------------------------- */

/* Writes `text` word-wrapped into buf: each output line is `prefix`, at most
 * `width` characters of text, and '\n'.  A newline in the text starts a new
 * line; a word longer than `width` is split.  Never writes more than bufsize
 * bytes, always NUL-terminates when bufsize > 0, and returns the length the
 * whole output needs (without the NUL), like snprintf: the output was cut
 * when the result is >= bufsize.  width 0 is treated as 1; NULL text is "". */
WINERR_API size_t winerr_wrap(const char *text, size_t width, const char *prefix,
                              char *buf, size_t bufsize);

#ifdef __cplusplus
}
#endif

#endif /* WINERR_H */
