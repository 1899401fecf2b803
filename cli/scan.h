/*
 * scan.h - where the Windows error codes are in one line of a log.
 *
 * The rule for what counts as a code, and what is an ordinary number, is
 * spelled out at the top of scan.c.
 */
#ifndef ERR_SCAN_H
#define ERR_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "winerr.h"

/* How a code was written. */
typedef enum err_scan_form {
    ERR_SCAN_HEX = 0,        /* 0x800700C1, 0x800700c1L                      */
    ERR_SCAN_BARE_HEX = 1,   /* 800700c1                                     */
    ERR_SCAN_DECIMAL = 2,    /* -2147024703, 2147942593                      */
    ERR_SCAN_KEYWORD = 3,    /* error 1722, Error: 0x5, status=0xC0000005    */
    ERR_SCAN_EVENT_DATA = 4, /* 0000: c1 00 07 80 ... / 0000: 800700c1       */
    ERR_SCAN_BINARY = 5,     /* <Binary>C1000780</Binary>                    */
    ERR_SCAN_WIDE = 6        /* ffffffffc0000005, 0x00000000c0000005         */
} err_scan_form;

/* "hex", "bare-hex", "decimal", "keyword", "event-data", "binary", "wide". */
const char *err_scan_form_name(err_scan_form f);

/* What the words around a code say it is. */
typedef enum err_scan_context {
    ERR_CTX_NONE = 0,
    ERR_CTX_WIN32,      /* error 5, [WinError 5], returned 2, exit code: 1603 */
    ERR_CTX_HRESULT,    /* hr=, HRESULT                                       */
    ERR_CTX_NTSTATUS,   /* status, NTSTATUS                                   */
    ERR_CTX_BUGCHECK,   /* BugCheck 7E, BCCode: 3b, Fatal System Error: 0x7e  */
    ERR_CTX_SQL,        /* Msg 208, Level 16; Error: 18456, Severity: 14      */
    ERR_CTX_TLS,        /* fatal alert code is 40                             */
    ERR_CTX_IO_ERROR    /* ErrorCode of a driver's IO_ERROR_LOG_PACKET        */
} err_scan_context;

/* "", "win32", "hresult", "ntstatus", "bugcheck", "sql", "tls", "io-error". */
const char *err_scan_context_name(err_scan_context c);

typedef struct err_scan_hit {
    size_t column;       /* byte offset of the match in the line, from 0    */
    size_t length;       /* bytes matched                                   */
    uint32_t value;      /* the 32-bit code                                 */
    err_scan_form form;
    winerr_kind prefer;  /* for ERR_SCAN_KEYWORD, the kind the keyword
                            names (error -> win32, hr -> hresult,
                            status -> ntstatus); else WINERR_KIND_OTHER    */
    err_scan_context context; /* what the line says the code is          */
    int labelled;        /* the line says it is a code: a hit even when no
                            table names it (annotate_out says so)           */
    int severity, state; /* SQL Server's, or -1 when not given              */
} err_scan_hit;

/* Flags for err_scan_line. */
#define ERR_SCAN_STRICT 1u /* only forms that say they are codes: 0x..., a
                              keyword, event data, <Binary>; no bare hex
                              words and no plain decimals                  */

/* The most hits one line reports; later ones are dropped. */
#define ERR_SCAN_MAX_HITS 64

/*
 * What one line tells the scan of the next ones: inside a WER BlueScreen
 * report ("Code: 3b" is a bug check), inside an Event Viewer dump running
 * over several lines (its first DWORDs say which layout it has).  Zero it
 * before the first line of a stream.
 */
typedef struct err_scan_state {
    unsigned bluescreen;  /* lines of a BlueScreen report still to come   */
    int dump;             /* inside a multi-line dump                     */
    uint32_t next;        /* the offset its next line should start at     */
    uint32_t head[6];     /* its DWORDs at offsets 0, 4, ... 0x14          */
    unsigned nhead;       /* how many of head[] are known                 */
} err_scan_state;

/*
 * Finds the codes in line[0..len) (no line terminator; any bytes, NUL
 * included; nothing is read outside the range).  Stores up to `max` hits in
 * `hits`, ordered by column, and returns how many it stored.  Pure: no
 * allocation, no state between calls (scan.c fills its constant tables of
 * phrase endings and byte classes on its first call, once whatever the
 * threads, the same every time).
 */
size_t err_scan_line(const char *line, size_t len, unsigned flags,
                     err_scan_hit *hits, size_t max);

/* The same for one line of a stream, reading and updating *state. */
size_t err_scan_next(err_scan_state *state, const char *line, size_t len,
                     unsigned flags, err_scan_hit *hits, size_t max);

#endif /* ERR_SCAN_H */
