/*
 * scan.c - finding the error codes in one line of a log, and nothing else.
 *
 * THE RULE.  A code is one of:
 *  1. "0x" + exactly 8 hex digits (any case; an L, U, UL or LU suffix is
 *     part of the match) from 0x00010000 to 0xfffeffff, not a single bit,
 *     with a decoding.
 *  2. A bare word of exactly 8 hex digits, holding a decimal digit, whose
 *     value has bit 31 set (a failure HRESULT, or an error or warning
 *     NTSTATUS) and is not 0xffffxxxx, with a decoding: 800700c1, c0000005.
 *  3. A decimal that, read as 32 bits, has bit 31 set and is not 0xffffxxxx,
 *     with a decoding: -2147483648..-65537 (.NET, exit codes), or 10 digits
 *     2147483648..4294901759 (IIS sc-win32-status, exit status 3221225477);
 *     without a phrase (5), not a multiple of 65536 (2147483648 and
 *     3221225472 are 2 and 3 GiB).
 *  4. A 64-bit value, 16 hex digits with or without "0x" or split by a
 *     backquote as WinDbg writes it, whose high half is all ones (sign
 *     extension: ffffffffc0000005, WinDbg's Arg1 and bug check parameters)
 *     or all zeros (0x00000000c0000005, 00000000`c0000005), and whose low
 *     half has bit 31 set and is a code by 1 or 2.  Any other high half is
 *     a pointer (0xfffff80368499e95), never a code.
 *  5. A phrase, then at most eight of blank : = # ( ) [ ] " ' > (tab counts
 *     as a blank; XML's Name="ErrorCode">5 and padded columns such as
 *     "Bug Check Code    : 0x3b" are covered), then a number.  Words of a
 *     phrase are one to three blanks apart, any case.  The phrases, and what
 *     they make of the number:
 *       error, errorcode, error_code, lasterror, getlasterror, win32error,
 *       winerror ([WinError 193]), win32 ((Win32) 0x7e), dwret, "error
 *       code", "error code is", "error code was", "error number", "error
 *       status", "failed to start":
 *                 a Win32 code, decimal or 0x-hex (error 1722, Error: 0x5);
 *                 a decimal must have a Win32 name ("error: (407)" of an
 *                 HTTP proxy is none); a DWORD 0x0000xxxx without one is
 *                 still a Win32 code, marked unnamed (error 0x0000011b);
 *       returned, returning:
 *                 the same, when the number ends the clause (end of line or
 *                 one of : . , ; ) ] next): "CopyFile returned 2: ...",
 *                 "is returning 1603", not "returned 5 rows";
 *       "return value":
 *                 the same, after ':' or '=' only ("Return value: 1603";
 *                 MSI's action result "Return value 3." is no code);
 *       failed:   the same, when a ':' follows the number directly
 *                 ([SC] StartService FAILED 1053:);
 *       "exit code", exitcode, "exit code was", "exit status", "with code",
 *       "return code", lpexitcode:
 *                 a Win32 code of 256 or more (exit code: 1603; 1 and 2 are
 *                 a program's own statuses), or a code by 3, where the sign
 *                 may stand one blank apart ("with code - 1073740791");
 *       hr, hresult, status, ntstatus, exceptioncode, "exception code":
 *                 0x-hex of any length (status=0xC0000005) or a decimal as
 *                 in 3 (a plain decimal after them is an HTTP status or an
 *                 exit status); after the NTSTATUS ones not below 0x10000
 *                 (success and wait values, or another protocol's status:
 *                 event 4768's Kerberos Status 0x00000006);
 *       bugcheck, "bugcheck was", bugcheck_code, bccode, "fatal system
 *       error", "bug check", "bug check code", stop and "stop code" before
 *       ':' (*** STOP: 0x0000007E), and "code" within 16 lines after a line
 *       that says BlueScreen (a WER report):
 *                 a bug check, hex with or without 0x (BugCheck 7E, BCCode:
 *                 d1, *** Fatal System Error: 0x0000007e);
 *       bugcheckcode (Kernel-Power's BugcheckCode 209):
 *                 a bug check in decimal;
 *       msg, then the number, then ", Level N" (Msg 208, Level 16, State 1),
 *       and error as above followed by ", Severity: N" (Error: 18456,
 *       Severity: 14, State: 8.), or after "[SQLSTATE xxxxx] (" (SQL Server
 *       Agent's "(Error 18456)"):
 *                 a SQL Server error number, with its severity and state;
 *       "fatal alert code is", "fatal error code is", "alert was received",
 *       "alert was generated":
 *                 a TLS alert number (0..255) as schannel.h names it;
 *       a word ending in "Error" directly followed by "(" (Python's
 *       ConnectionResetError(10054, '...')), the number followed by ',':
 *                 a Winsock code, 10000..11999 (smaller numbers there are C
 *                 errno values, not Win32 codes);
 *       "event identifier", "event id":
 *                 an event ID: no code, whatever its value (evtxexport's
 *                 "Event identifier : 0xc0001b58 (7000)").
 *     Not a phrase: one right after the word "level" and separators (the
 *     level's name: Event level : Error (2)); "error" after " -- " (MSI's
 *     own message number: "Product: X -- Error 1920."); "error" within a
 *     SQL Server client's "(provider: ..., error: 40 - ...)".
 *     The value must not be 0 and must have a decoding, except where the
 *     phrase labels it: a bug check, a SQL error, a TLS alert, and a value
 *     as in 1, 2 or 3 after a Win32, HRESULT or NTSTATUS phrase that is a
 *     well-formed failure code (bit 31 set, not 0xffffxxxx, not
 *     HRESULT_FROM_NT unless the phrase says NTSTATUS) are found named or
 *     not; unnamed ones are marked so (Error: 0x800f081f).
 *  6. A code written twice, as a decimal and as hex in parentheses right
 *     after it, or the other way round, with a Win32 name: robocopy's
 *     ERROR 5 (0x00000005), repadmin's result 8524 (0x214c), WinDbg's
 *     0x7e (126).
 *  7. An Event Viewer data line: blanks, optionally "Data:" or "Binary
 *     data:" (a dump flattened onto one line, also after other text:
 *     "... Data: 0000: c1 00 07 80  A..?"), a hex offset of 4-8 digits and
 *     ':', then bytes (c1 00 07 80) or DWORDs (800700c1) as cli/eventlog.c
 *     reads them.  Lines that continue one dump are read together, and the
 *     DWORDs taken are those its layout says are codes (eventlog.h: a lone
 *     DWORD; SQL Server's error number when its severity is 11 or more; an
 *     IO_ERROR_LOG_PACKET's ErrorCode and FinalStatus; elsewhere only
 *     failure HRESULTs and NTSTATUS values that have a name).
 *  8. A wevtutil or evtxexport <Binary>HEX</Binary> string: the same.
 * "Has a decoding": the value names an entry, or a follow-up of err.exe's
 * rules does (see answer.h); err.exe's low-word guess does not count.
 *
 * NOT codes (the traps the tests check): a number glued to a word by '.',
 * '`', '-', '/', '\' or '@' (versions 10.0.19041.1, IP addresses, dates
 * 2024-05-01, paths, WinDbg addresses 00007ff6`12345678), or by ':' to a
 * digit (times 12:00:00); GUIDs (each group is glued to the next by '-');
 * hex of 9 to 15 or more than 16 digits (0x00007ff6a1b2c3d4 is 16 digits
 * but neither half rule 4 wants); 0x0000xxxx and 0xffffxxxx without a
 * keyword (flags, masks, -1: only other APIs' small negative codes live
 * there, never winerror.h's); a single bit without a keyword (0x40000000 is
 * GENERIC_WRITE far more often than STATUS_OBJECT_NAME_EXISTS); any other
 * decimal (line numbers, PIDs, sizes, ports, epoch timestamps, which stay
 * below 2^31 until 2038); 0 (success).  A word with no decimal digit
 * (deadbeef) is only looked at after a bug check phrase: the scan jumps
 * from decimal digit to decimal digit, which keeps it fast, and reads the
 * words of a line one by one only when the line says "bugcheck" or
 * "BCCode" or is inside a BlueScreen report.
 */
#include "scan.h"

#include <string.h>
/* A line is read 64 bytes at a time as bit masks of its byte classes
 * (struct block), made three ways, with the same hits (make check compares
 * them, and the annotate suite runs on each):
 *  - with AVX-512 (BW and VBMI), chosen at run time where the processor has
 *    it, on x86-64 with GCC or Clang: block_of_wide(), which also tells
 *    which bytes may end a phrase, so that most plain numbers are passed
 *    over a block at a time (plain_words());
 *  - with SSE2 elsewhere on x86-64 (every such processor has it), or with
 *    ERR_SCAN_NO_AVX512;
 *  - by a byte loop on other processors, or with ERR_SCAN_PORTABLE: it makes
 *    every mask the AVX-512 code makes.
 * ERR_SCAN_EVERY_WORD (a test build) reads every word the slow way.  Not
 * on Windows: MinGW-w64's GCC aligns the stack to 16 bytes only, and may
 * spill a 64-byte vector there with an aligned store (GCC bug 54412). */
#if defined(__SSE2__) && !defined(ERR_SCAN_PORTABLE)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__) && !defined(_WIN32) && !defined(ERR_SCAN_PORTABLE) && \
    !defined(ERR_SCAN_NO_AVX512)
#define ERR_SCAN_AVX512 1
#include <immintrin.h>
#endif

#include "answer.h"
#include "chars.h"
#include "eventlog.h"
#include "once.h"

enum { C_DIGIT = 1, C_HEX = 2, C_WORD = 4, C_SEP = 8, C_GLUE = 16, C_BLANK = 32 };

#define DEC(c) [c] = C_DIGIT | C_HEX | C_WORD
#define HEXL(c) [c] = C_HEX | C_WORD
#define LET(c) [c] = C_WORD
static const unsigned char cls[256] = {
    DEC('0'), DEC('1'), DEC('2'), DEC('3'), DEC('4'),
    DEC('5'), DEC('6'), DEC('7'), DEC('8'), DEC('9'),
    HEXL('a'), HEXL('b'), HEXL('c'), HEXL('d'), HEXL('e'), HEXL('f'),
    HEXL('A'), HEXL('B'), HEXL('C'), HEXL('D'), HEXL('E'), HEXL('F'),
    LET('g'), LET('h'), LET('i'), LET('j'), LET('k'), LET('l'), LET('m'),
    LET('n'), LET('o'), LET('p'), LET('q'), LET('r'), LET('s'), LET('t'),
    LET('u'), LET('v'), LET('w'), LET('x'), LET('y'), LET('z'),
    LET('G'), LET('H'), LET('I'), LET('J'), LET('K'), LET('L'), LET('M'),
    LET('N'), LET('O'), LET('P'), LET('Q'), LET('R'), LET('S'), LET('T'),
    LET('U'), LET('V'), LET('W'), LET('X'), LET('Y'), LET('Z'), LET('_'),
    [' '] = C_SEP | C_BLANK, ['\t'] = C_SEP | C_BLANK, ['\r'] = C_BLANK,
    ['\v'] = C_BLANK, ['\f'] = C_BLANK,
    [':'] = C_SEP, ['='] = C_SEP, ['#'] = C_SEP, ['('] = C_SEP, [')'] = C_SEP,
    ['['] = C_SEP, [']'] = C_SEP, ['"'] = C_SEP, ['\''] = C_SEP, ['>'] = C_SEP,
    ['.'] = C_GLUE, ['`'] = C_GLUE, ['-'] = C_GLUE, ['/'] = C_GLUE,
    ['\\'] = C_GLUE, ['@'] = C_GLUE,
};

#define IS(c, k) (cls[(unsigned char)(c)] & (k))

#define MAX_SEPS 8 /* between a phrase and its number (rule 5) */

/* What a phrase asks of the number after it (rule 5). */
enum {
    K_CLOSE = 1,        /* the number ends the clause                    */
    K_COLON = 2,        /* ':' or '=' between phrase and number          */
    K_MIN256 = 4,       /* a Win32 code of 256 or more                   */
    K_HEX = 8,          /* hex even without 0x (bug checks)              */
    K_SPACED_SIGN = 16, /* "- 1073740791"                                */
    K_SQL = 32,         /* ", Level N" must follow                       */
    K_BLUESCREEN = 64,  /* only inside a BlueScreen report               */
    K_COLON_AFTER = 128, /* the number directly followed by ':'          */
    K_NOT = 256          /* the number is no code (an event ID)          */
};

struct phrase {
    const char *text; /* lower case, words one blank apart */
    unsigned char len;
    unsigned char last; /* length of its last word */
    unsigned char ctx;
    unsigned short flags;
};

/* Each phrase with the length of its last word (checked by the tests). */
#define P(t, w, c, f) {t, sizeof t - 1, w, c, f}
static const struct phrase phrases[] = {
    P("error", 5, ERR_CTX_WIN32, 0),
    P("errorcode", 9, ERR_CTX_WIN32, 0),
    P("error_code", 10, ERR_CTX_WIN32, 0),
    P("lasterror", 9, ERR_CTX_WIN32, 0),
    P("getlasterror", 12, ERR_CTX_WIN32, 0),
    P("win32error", 10, ERR_CTX_WIN32, 0),
    P("winerror", 8, ERR_CTX_WIN32, 0),
    P("error code", 4, ERR_CTX_WIN32, 0),
    P("error number", 6, ERR_CTX_WIN32, 0),
    P("error status", 6, ERR_CTX_WIN32, 0),
    P("error code is", 2, ERR_CTX_WIN32, 0),
    P("error code was", 3, ERR_CTX_WIN32, 0),
    P("win32", 5, ERR_CTX_WIN32, 0),
    P("failed to start", 5, ERR_CTX_WIN32, 0),
    P("returned", 8, ERR_CTX_WIN32, K_CLOSE),
    P("returning", 9, ERR_CTX_WIN32, K_CLOSE),
    P("return value", 5, ERR_CTX_WIN32, K_COLON),
    P("exit code", 4, ERR_CTX_WIN32, K_MIN256 | K_SPACED_SIGN),
    P("exitcode", 8, ERR_CTX_WIN32, K_MIN256 | K_SPACED_SIGN),
    P("exit code was", 3, ERR_CTX_WIN32, K_MIN256),
    P("exit status", 6, ERR_CTX_WIN32, K_MIN256 | K_SPACED_SIGN),
    P("with code", 4, ERR_CTX_WIN32, K_MIN256 | K_SPACED_SIGN),
    P("return code", 4, ERR_CTX_WIN32, K_MIN256 | K_SPACED_SIGN),
    P("failed", 6, ERR_CTX_WIN32, K_COLON_AFTER),
    P("dwret", 5, ERR_CTX_WIN32, 0),
    P("hr", 2, ERR_CTX_HRESULT, 0),
    P("hresult", 7, ERR_CTX_HRESULT, 0),
    P("status", 6, ERR_CTX_NTSTATUS, 0),
    P("ntstatus", 8, ERR_CTX_NTSTATUS, 0),
    P("exceptioncode", 13, ERR_CTX_NTSTATUS, 0),
    P("exception code", 4, ERR_CTX_NTSTATUS, 0),
    P("bugcheck", 8, ERR_CTX_BUGCHECK, K_HEX),
    P("bugcheck was", 3, ERR_CTX_BUGCHECK, K_HEX),
    P("bugcheck_code", 13, ERR_CTX_BUGCHECK, K_HEX),
    P("bccode", 6, ERR_CTX_BUGCHECK, K_HEX),
    P("bug check", 5, ERR_CTX_BUGCHECK, K_HEX),
    P("bug check code", 4, ERR_CTX_BUGCHECK, K_HEX),
    P("stop", 4, ERR_CTX_BUGCHECK, K_HEX | K_COLON),
    P("stop code", 4, ERR_CTX_BUGCHECK, K_HEX | K_COLON),
    P("bugcheckcode", 12, ERR_CTX_BUGCHECK, 0),
    P("fatal system error", 5, ERR_CTX_BUGCHECK, K_HEX),
    P("code", 4, ERR_CTX_BUGCHECK, K_HEX | K_BLUESCREEN),
    P("msg", 3, ERR_CTX_SQL, K_SQL),
    P("lpexitcode", 10, ERR_CTX_WIN32, K_MIN256),
    P("event identifier", 10, ERR_CTX_NONE, K_NOT),
    P("event id", 2, ERR_CTX_NONE, K_NOT),
    P("fatal alert code is", 2, ERR_CTX_TLS, 0),
    P("fatal error code is", 2, ERR_CTX_TLS, 0),
    P("alert was received", 8, ERR_CTX_TLS, 0),
    P("alert was generated", 9, ERR_CTX_TLS, 0),
};
#undef P

/* Letters and digits as 0..35, anything else 36. */
static unsigned alnum_index(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return (unsigned)(c - '0') + 26u;
    c |= 0x20;
    return c >= 'a' && c <= 'z' ? (unsigned)(c - 'a') : 36u;
}

/* tails[i][j]: bit k set when a phrase's last word has k letters and ends
 * in the characters of index j then i ("error": i = r, j = o).  Filled
 * from phrases[] on first use, and the same every time: it lets most
 * numbers of a log (line 363, copied 4096, ThreadID='12') go without a
 * look at the table. */
static uint32_t tails[36][36];
/* The same for 64 bytes at a time, by groups of a phrase's last byte:
 * bytes b, c, d may end a phrase whose last word has three letters or more
 * (d its last byte) only when end_group[d] & prev_group[c] & prev2_group[b]
 * is not 0; bytes c, d end a last word of two ("hr", "is", "id") only
 * when end2_group[d] & prev_group2[c] is not 0 and no word byte stands
 * before c.  Indexed by GROUP_INDEX(byte), (byte | 0x20) & 0x7f: it folds case and maps
 * other bytes onto these too: more bytes that may end a phrase, never
 * fewer.  A group per last byte; the ninth and later share. */
static unsigned char end_group[128], prev_group[128], prev2_group[128];
#define GROUP_INDEX(c) (((unsigned)(c) | 0x20) & 0x7f)
static unsigned char end2_group[128], prev_group2[128];
/* struct block's classes of each byte below 0x80, for block_of_wide():
 * class_a bits digit, word, hex, clue, punct, join, minus, colon; class_b
 * space, gt, sep, paren, blank, y, 0-7, 0-1. */
static unsigned char class_a[128], class_b[128];
static atomic_int tables_state; /* err_once() */
#if defined(ERR_SCAN_AVX512)
static int wide; /* the processor runs block_of_wide(): found with the tables */
#endif

static unsigned group_of(unsigned char *lasts, unsigned *n, unsigned char c)
{
    unsigned g = 0;
    while (g < *n && lasts[g] != c)
        g++;
    if (g == *n && *n < 8)
        lasts[(*n)++] = c;
    return 1u << (g & 7);
}

static void fill_tables(void)
{
    unsigned char lasts[8], lasts2[8];
    unsigned n = 0, n2 = 0;
    for (size_t i = 0; i < sizeof phrases / sizeof phrases[0]; i++) {
        const struct phrase *p = &phrases[i];
        unsigned char c = (unsigned char)p->text[p->len - 1], b = (unsigned char)p->text[p->len - 2];
        unsigned last = alnum_index(c);
        unsigned prev = alnum_index(b);
        tails[last][prev] |= 1u << p->last;
        if (p->last >= 3) {
            unsigned g = group_of(lasts, &n, c);
            end_group[GROUP_INDEX(c)] |= (unsigned char)g;
            prev_group[GROUP_INDEX(b)] |= (unsigned char)g;
            prev2_group[GROUP_INDEX((unsigned char)p->text[p->len - 3])] |= (unsigned char)g;
        } else {
            unsigned g = group_of(lasts2, &n2, c);
            end2_group[GROUP_INDEX(c)] |= (unsigned char)g;
            prev_group2[GROUP_INDEX(b)] |= (unsigned char)g;
        }
    }
    for (unsigned c = 0; c < 128; c++) {
        unsigned t = cls[c];
        class_a[c] = (unsigned char)(((t & C_DIGIT) ? 1u : 0u) | ((t & C_WORD) ? 2u : 0u) |
                                     ((t & C_HEX) ? 4u : 0u) |
                                     (c == 'k' || c == 'K' || c == 'B' ? 8u : 0u) |
                                     (c >= '+' && c <= '/' ? 16u : 0u) |
                                     (c >= '-' && c <= '/' ? 32u : 0u) | (c == '-' ? 64u : 0u) |
                                     (c == ':' ? 128u : 0u));
        class_b[c] = (unsigned char)((c == ' ' ? 1u : 0u) | (c == '>' ? 2u : 0u) |
                                     ((t & C_SEP) ? 4u : 0u) | (c == '(' ? 8u : 0u) |
                                     ((t & C_BLANK) ? 16u : 0u) |
                                     ((c | 0x20) == 'y' ? 32u : 0u) |
                                     (c >= '0' && c <= '7' ? 64u : 0u) |
                                     (c == '0' || c == '1' ? 128u : 0u));
    }
#if defined(ERR_SCAN_AVX512)
    __builtin_cpu_init();
    wide = __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vbmi");
#endif
}

/* The phrase before a number, as keyword_before finds it. */
struct kw {
    unsigned char ctx;   /* err_scan_context; ERR_CTX_NONE for none */
    unsigned short flags;
    unsigned char colon; /* a ':' or '=' stood between */
};

struct line {
    const unsigned char *s;
    size_t len;
    unsigned flags;
    int bluescreen;
    err_scan_state *st;
    err_scan_hit *hits;
    size_t max, n;
};

const char *err_scan_form_name(err_scan_form f)
{
    static const char *const names[] = {"hex",        "bare-hex", "decimal", "keyword",
                                        "event-data", "binary",   "wide"};
    return (unsigned)f < sizeof names / sizeof names[0] ? names[f] : "unknown";
}

const char *err_scan_context_name(err_scan_context c)
{
    static const char *const names[] = {"",         "win32", "hresult", "ntstatus",
                                        "bugcheck", "sql",   "tls",     "io-error"};
    return (unsigned)c < sizeof names / sizeof names[0] ? names[c] : "";
}

static err_scan_hit *add(struct line *l, size_t col, size_t n, uint32_t v, err_scan_form f,
                         unsigned ctx, int labelled)
{
    static const winerr_kind kinds[] = {
        WINERR_KIND_OTHER,    WINERR_KIND_WIN32, WINERR_KIND_HRESULT, WINERR_KIND_NTSTATUS,
        WINERR_KIND_BUGCHECK, WINERR_KIND_SQL,   WINERR_KIND_OTHER,   WINERR_KIND_OTHER};
    if (l->n >= l->max)
        return NULL;
    err_scan_hit *h = &l->hits[l->n++];
    h->column = col;
    h->length = n;
    h->value = v;
    h->form = f;
    h->context = (err_scan_context)ctx;
    h->labelled = labelled;
    h->severity = h->state = -1;
    /* Where the phrase made the number a code ("error 2"), or names a table
     * of its own (bug check, SQL): the value of "Error 0x80070005" says by
     * itself what it is. */
    h->prefer = f == ERR_SCAN_KEYWORD || ctx >= ERR_CTX_BUGCHECK ? kinds[ctx & 7]
                                                                  : WINERR_KIND_OTHER;
    return h;
}

/* The value of n (at most eight) hex digits, already checked: a digit's
 * low four bits, plus 9 for a letter (0x41-0x46, 0x61-0x66). */
static uint32_t hex_value(const unsigned char *p, size_t n)
{
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v << 4 | ((p[i] & 0xFu) + 9u * (p[i] >> 6));
    return v;
}

static int equal_ci(const unsigned char *p, const char *lower, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)lower[i])
            return 0;
    }
    return 1;
}

/* The word ending at s[end), or length 0 when it is not a word. */
static size_t word_before(const struct line *l, size_t end)
{
    size_t k = end;
    while (k > 0 && end - k <= 16 && IS(l->s[k - 1], C_WORD))
        k--;
    return end - k > 16 ? 0 : end - k;
}

#define NO_MATCH ((size_t)-1)

/* Where the phrase t (tl bytes) starts when it ends at s[end), or NO_MATCH. */
static size_t phrase_at(const struct line *l, size_t end, const char *t, size_t tl)
{
    const unsigned char *s = l->s;
    size_t i = end, k = tl;
    while (k > 0) {
        if (t[k - 1] == ' ') {
            size_t b = 0;
            while (i > 0 && b < 3 && IS(s[i - 1], C_BLANK))
                i--, b++;
            if (b == 0)
                return NO_MATCH;
            k--;
            continue;
        }
        if (i == 0)
            return NO_MATCH;
        unsigned char c = s[i - 1];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)t[k - 1])
            return NO_MATCH;
        i--, k--;
    }
    return i > 0 && IS(s[i - 1], C_WORD) ? NO_MATCH : i;
}

/* Is the phrase at s[start) the name of a level (Event level : Error)? */
static int after_level(const struct line *l, size_t start)
{
    size_t j = start, seps = 0;
    while (j > 0 && seps < 8 && IS(l->s[j - 1], C_SEP))
        j--, seps++;
    return seps > 0 && word_before(l, j) == 5 && equal_ci(l->s + j - 5, "level", 5);
}

/* "Product: Contoso -- Error 1920. Service ... failed to start": Windows
 * Installer's own message number after " -- ", not a Win32 code. */
static int msi_message(const struct line *l, size_t start)
{
    size_t j = start;
    while (j > 0 && IS(l->s[j - 1], C_BLANK))
        j--;
    return j < start && j >= 2 && l->s[j - 1] == '-' && l->s[j - 2] == '-';
}

/* SQL Server's client library: "(provider: TCP Provider, error: 40 - ...)"
 * numbers its own errors, not Win32 codes. */
static int sni_error(const struct line *l, size_t start)
{
    for (size_t j = start, k = 0; j >= 10 && k < 80; j--, k++)
        if (l->s[j - 10] == '(' && equal_ci(l->s + j - 9, "provider:", 9))
            return 1;
    return 0;
}

/* SQL Server Agent's "[SQLSTATE 42000] (Error 4060)": a SQL error number. */
static int after_sqlstate(const struct line *l, size_t start)
{
    size_t j = start;
    while (j > 0 && (IS(l->s[j - 1], C_BLANK) || l->s[j - 1] == '('))
        j--;
    return j >= 16 && l->s[j - 1] == ']' && equal_ci(l->s + j - 16, "[sqlstate ", 10);
}

/* The phrase that introduces a number starting at s[start), if any. */
static struct kw phrase_before(const struct line *l, size_t start, size_t j, size_t lw);

/* The same, with the quick no of most numbers inline: no separator before
 * them, or a word before the separators that no phrase ends with. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline struct kw keyword_before(const struct line *l, size_t start)
{
    static const struct kw none = {ERR_CTX_NONE, 0, 0};
    size_t j = start;
    while (j > 0 && start - j <= MAX_SEPS && IS(l->s[j - 1], C_SEP))
        j--;
    if (j == start || j < 2 || start - j > MAX_SEPS)
        return none;
    unsigned last = alnum_index(l->s[j - 1]), prev = alnum_index(l->s[j - 2]);
    if (last == 36 || prev == 36 || tails[last][prev] == 0)
        return none;
    size_t lw = word_before(l, j);
    if (lw > 16 || !(tails[last][prev] & (1u << lw)))
        return none;
    return phrase_before(l, start, j, lw);
}

static struct kw phrase_before(const struct line *l, size_t start, size_t j, size_t lw)
{
    struct kw kw = {ERR_CTX_NONE, 0, 0};
    int colon = 0;
    for (size_t k = j; k < start; k++)
        colon |= l->s[k] == ':' || l->s[k] == '=';
    unsigned char last = (unsigned char)(l->s[j - 1] | 0x20);
    size_t best = 0, at = 0;
    const struct phrase *found = NULL;
    for (size_t i = 0; i < sizeof phrases / sizeof phrases[0]; i++) {
        const struct phrase *p = &phrases[i];
        if (p->last != lw || (unsigned char)p->text[p->len - 1] != last || p->len <= best)
            continue;
        if ((p->flags & K_BLUESCREEN) && !l->bluescreen)
            continue;
        size_t a = phrase_at(l, j, p->text, p->len);
        if (a != NO_MATCH)
            found = p, best = p->len, at = a;
    }
    if (found == NULL || after_level(l, at) || msi_message(l, at) || sni_error(l, at))
        return kw;
    kw.ctx = found->ctx;
    kw.flags = found->flags;
    if (kw.ctx == ERR_CTX_WIN32 && after_sqlstate(l, at))
        kw.ctx = ERR_CTX_SQL, kw.flags = 0; /* [SQLSTATE 42000] (Error 4060) */
    kw.colon = (unsigned char)colon;
    return kw;
}

/* Is s[a, b) part of a bigger token (version, date, time, path, GUID)? */
static int glued(const struct line *l, size_t a, size_t b)
{
    const unsigned char *s = l->s;
    if (a >= 2) {
        unsigned char p = s[a - 1];
        if (IS(p, C_GLUE) && IS(s[a - 2], C_WORD))
            return 1;
        if (p == ':' && IS(s[a - 2], C_DIGIT))
            return 1;
    }
    if (b + 1 < l->len) {
        unsigned char q = s[b];
        if (IS(q, C_GLUE) && IS(s[b + 1], C_WORD))
            return 1;
        if (q == ':' && IS(s[b + 1], C_DIGIT))
            return 1;
    }
    return 0;
}

/* Does the number ending at s[b) end its clause (K_CLOSE)? */
static int closes(const struct line *l, size_t b)
{
    while (b < l->len && IS(l->s[b], C_BLANK))
        b++;
    return b >= l->len || strchr(":.,;)]", l->s[b]) != NULL;
}

/* A well-formed failure code with no name may still be reported when a
 * phrase labels it: bit 31 set, not 0xffffxxxx, and not an HRESULT_FROM_NT
 * value (bit 28 set) unless the phrase says NTSTATUS.  Facilities of other
 * products (0x87D00607) are well-formed too: the name is what is missing. */
static int well_formed(uint32_t v, unsigned ctx)
{
    if (v < 0x80000000u || v >= 0xFFFF0000u)
        return 0;
    return ctx == ERR_CTX_NTSTATUS || !(v & 0x10000000u);
}

/* "", L, U, UL, LU in any case: C's integer suffixes as headers write them. */
static int suffix_ok(const unsigned char *p, size_t n)
{
    if (n == 0)
        return 1;
    if (n > 2)
        return 0;
    unsigned a = p[0] | 0x20, b = n == 2 ? (p[1] | 0x20) : 0;
    if (n == 1)
        return a == 'l' || a == 'u';
    return (a == 'u' && b == 'l') || (a == 'l' && b == 'u');
}

/* The low half of a 64-bit value that rule 4 takes, or 0. */
static uint32_t wide_value(const unsigned char *p)
{
    uint32_t hi = hex_value(p, 8), lo = hex_value(p + 8, 8);
    return (hi == 0 || hi == 0xFFFFFFFFu) && lo >= 0x80000000u ? lo : 0;
}

/* Rules 1, 2 and 4 for a value v of 8 (or 16) digits: a hit when it is
 * code-like and decodes, or when the phrase labels a well-formed one. */
static void code_like(struct line *l, size_t a, size_t n, uint32_t v, err_scan_form f,
                      struct kw kw)
{
    int one_bit = (v & (v - 1)) == 0;
    if (v < 0x10000 || v >= 0xFFFF0000u || one_bit)
        return;
    if (err_explain_known(v))
        add(l, a, n, v, f, kw.ctx, 0);
    else if (kw.ctx >= ERR_CTX_WIN32 && kw.ctx <= ERR_CTX_NTSTATUS && well_formed(v, kw.ctx))
        add(l, a, n, v, f, kw.ctx, 1);
}

/* May a phrase's small number v (not code-like by itself) be a code? */
static int kw_takes(const struct line *l, struct kw kw, size_t b, uint32_t v)
{
    if (v == 0 || kw.ctx == ERR_CTX_NONE)
        return 0;
    if (((kw.flags & K_CLOSE) && !closes(l, b)) || ((kw.flags & K_COLON) && !kw.colon) ||
        ((kw.flags & K_MIN256) && v < 256) ||
        ((kw.flags & K_COLON_AFTER) && (b >= l->len || l->s[b] != ':')))
        return 0;
    return 1;
}

/* A Win32 code with a Win32 name: what a Win32 phrase's small number must
 * be ("error 407" of an HTTP proxy is no Win32 code). */
static int win32_known(uint32_t v)
{
    return err_explain_known_as(v, WINERR_KIND_WIN32);
}

/* The same value again right after s[b): " (0x214c)" after a decimal
 * (hex 0), " (126)" after a hex number (hex 1).  A code written both ways
 * says it is a code: robocopy's ERROR 5 (0x00000005), repadmin's result
 * 8524 (0x214c), WinDbg's 0x7e (126). */
static int same_after(const struct line *l, size_t b, uint32_t v, int decimal)
{
    const unsigned char *s = l->s;
    size_t i = b;
    if (i < l->len && s[i] == ' ')
        i++;
    if (i >= l->len || s[i] != '(')
        return 0;
    i++;
    uint64_t w = 0;
    size_t d = i;
    if (!decimal) {
        if (i + 2 > l->len || s[i] != '0' || (s[i + 1] | 0x20) != 'x')
            return 0;
        d = i += 2;
        while (i < l->len && i - d < 8 && IS(s[i], C_HEX))
            w = w << 4 | hex_value(s + i++, 1);
    } else {
        while (i < l->len && i - d < 10 && IS(s[i], C_DIGIT))
            w = w * 10 + (uint64_t)(s[i++] - '0');
    }
    return i > d && i < l->len && s[i] == ')' && w == v;
}

/* A bug check number after its phrase: named in bugcodes.h or not. */
static void bugcheck(struct line *l, size_t a, size_t n, uint32_t v)
{
    if (v != 0)
        add(l, a, n, v, ERR_SCAN_KEYWORD, ERR_CTX_BUGCHECK, 1);
}

static void hex_run(struct line *l, size_t a, size_t b)
{
    const unsigned char *s = l->s;
    size_t d = a + 2;
    while (d < b && IS(s[d], C_HEX))
        d++;
    size_t nd = d - (a + 2);
    if (nd == 0 || (nd > 8 && nd != 16) || !suffix_ok(s + d, b - d))
        return;
    /* Only a backquote or a dot glues a 0x number: 0x... says it is hex. */
    if ((a > 0 && s[a - 1] == '`') || (b < l->len && s[b] == '`') ||
        (b + 1 < l->len && s[b] == '.' && IS(s[b + 1], C_WORD)))
        return;
    struct kw kw = keyword_before(l, a);
    if (kw.flags & K_NOT)
        return;
    if (nd == 16) {
        uint32_t lo = wide_value(s + a + 2);
        if (lo != 0)
            code_like(l, a, b - a, lo, ERR_SCAN_WIDE, kw);
        return;
    }
    uint32_t v = hex_value(s + a + 2, nd);
    if (kw.ctx == ERR_CTX_BUGCHECK) {
        bugcheck(l, a, b - a, v);
    } else if (nd == 8 && v >= 0x10000 && v < 0xFFFF0000u) {
        code_like(l, a, b - a, v, ERR_SCAN_HEX, kw);
    } else if (kw.ctx <= ERR_CTX_NTSTATUS && kw_takes(l, kw, b, v) &&
               !(kw.ctx == ERR_CTX_NTSTATUS && v < 0x10000)) {
        /* A DWORD after a Win32 phrase is a Win32 code even when no table
         * names it (error 0x0000011b); other hex after a phrase may be any
         * code with a name (JET error 0xfffffc15). */
        if (kw.ctx == ERR_CTX_WIN32 && nd == 8 && v < 0x10000 && !win32_known(v))
            add(l, a, b - a, v, ERR_SCAN_KEYWORD, kw.ctx, 1);
        else if (err_explain_known(v))
            add(l, a, b - a, v, ERR_SCAN_KEYWORD, kw.ctx, 0);
    } else if (kw.ctx == ERR_CTX_NONE && v != 0 && v < 0x10000 && same_after(l, b, v, 1) &&
               win32_known(v)) {
        add(l, a, b - a, v, ERR_SCAN_KEYWORD, ERR_CTX_WIN32, 0); /* 0x7e (126) */
    }
}

/* WinDbg's 64-bit value split by a backquote, 00000000`c0000005: where
 * s[a, a + 8) is the low half, the start of the high half, else 0. */
static size_t backquoted_high(const struct line *l, size_t a)
{
    const unsigned char *s = l->s;
    if (a < 9 || s[a - 1] != '`' || (a > 9 && IS(s[a - 10], C_WORD)))
        return 0;
    for (size_t i = a - 9; i < a - 1; i++)
        if (!IS(s[i], C_HEX))
            return 0;
    return a - 9;
}

/* Returns 1 when the word was taken as a bare hex code (8 or 16 digits). */
static int bare_hex_run(struct line *l, size_t a, size_t b)
{
    size_t n = b - a, high;
    uint32_t v = n == 16 ? wide_value(l->s + a) : hex_value(l->s + a, 8);
    if (v < 0x80000000u || v >= 0xFFFF0000u || (l->flags & ERR_SCAN_STRICT))
        return 0;
    err_scan_form f = n == 16 ? ERR_SCAN_WIDE : ERR_SCAN_BARE_HEX;
    if (n == 8 && (high = backquoted_high(l, a)) != 0) {
        uint32_t hi = hex_value(l->s + high, 8);
        if ((hi != 0 && hi != 0xFFFFFFFFu) || (b < l->len && IS(l->s[b], C_GLUE)))
            return 0;
        a = high, n = b - high, f = ERR_SCAN_WIDE;
    } else if (glued(l, a, b)) {
        return 0;
    }
    if (err_explain_known(v)) {
        add(l, a, n, v, f, ERR_CTX_NONE, 0);
        return 1;
    }
    /* ExceptionCode: c06d007e - a phrase labels it. */
    struct kw kw = a > 0 && IS(l->s[a - 1], C_SEP) ? keyword_before(l, a)
                                                   : (struct kw){ERR_CTX_NONE, 0, 0};
    if (kw.ctx >= ERR_CTX_WIN32 && kw.ctx <= ERR_CTX_NTSTATUS && well_formed(v, kw.ctx)) {
        add(l, a, n, v, f, kw.ctx, 1);
        return 1;
    }
    return 0;
}

/* The value of n (at most 9) decimal digits. */
static unsigned long atol_n(const unsigned char *p, size_t n)
{
    unsigned long v = 0;
    for (size_t i = 0; i < n && i < 9; i++)
        v = v * 10 + (unsigned long)(p[i] - '0');
    return v;
}

/* A SQL error number of 1..9 digits, not 0. */
static int v_fits(const struct line *l, size_t a, size_t b)
{
    return b - a <= 9 && atol_n(l->s + a, b - a) != 0;
}

/* A '-' right before s[a) that is a sign, not a hyphen or a range. */
static int has_sign(const struct line *l, size_t a)
{
    if (a == 0 || l->s[a - 1] != '-')
        return 0;
    return a < 2 || !(IS(l->s[a - 2], C_WORD | C_GLUE));
}

/* Reads blanks, then a decimal of 1..9 digits at s[*i); -1 when none. */
static long small_decimal(const struct line *l, size_t *i)
{
    size_t k = *i;
    long v = 0;
    while (k < l->len && IS(l->s[k], C_SEP))
        k++;
    size_t d = k;
    while (k < l->len && k - d < 9 && IS(l->s[k], C_DIGIT))
        v = v * 10 + (l->s[k++] - '0');
    if (k == d || (k < l->len && IS(l->s[k], C_WORD)))
        return -1;
    *i = k;
    return v;
}

/* Reads ", WORD" + separators + a number after s[*i), as SQL Server writes
 * "Msg 208, Level 16" and "Error: 18456, Severity: 14, State: 8". */
static long sql_field(const struct line *l, size_t *i, const char *word, size_t wl)
{
    size_t k = *i;
    if (k >= l->len || l->s[k] != ',')
        return -1;
    k++;
    while (k < l->len && k - *i < 4 && IS(l->s[k], C_BLANK))
        k++;
    if (k + wl > l->len || !equal_ci(l->s + k, word, wl))
        return -1;
    k += wl;
    long v = small_decimal(l, &k);
    if (v >= 0)
        *i = k;
    return v;
}

/* Rule 5's SQL Server message: the number at s[a, b) then its severity. */
static int sql_message(struct line *l, size_t a, size_t b, uint32_t v, int msg)
{
    size_t i = b;
    long sev = msg ? sql_field(l, &i, "level", 5) : sql_field(l, &i, "severity", 8);
    if (sev < 0 || sev > 25)
        return 0;
    long state = sql_field(l, &i, "state", 5);
    err_scan_hit *h = add(l, a, b - a, v, ERR_SCAN_KEYWORD, ERR_CTX_SQL, 1);
    if (h != NULL) {
        h->severity = (int)sev;
        h->state = state >= 0 && state <= 255 ? (int)state : -1;
    }
    return 1;
}

/* Python's ConnectionResetError(10054, '...'): a Winsock code. */
static int errno_tuple(const struct line *l, size_t a, size_t b)
{
    const unsigned char *s = l->s;
    return a >= 7 && s[a - 1] == '(' && memcmp(s + a - 6, "Error", 5) == 0 &&
           IS(s[a - 7], C_WORD) && b < l->len && s[b] == ',';
}

static void decimal_run(struct line *l, size_t a, size_t b)
{
    size_t n = b - a;
    int neg = has_sign(l, a);
    size_t start = neg ? a - 1 : a;
    if (n > 10 || glued(l, start, b))
        return;
    struct kw kw = keyword_before(l, start);
    if (kw.flags & K_NOT)
        return;
    /* Most numbers of a log: no phrase, no sign, too short for rule 3; only
     * a "- " before them (with code - 1073740791), a '(' or " (" after
     * them (rule 6) or a ',' (ConnectionResetError(10054, ...)) may still
     * make a code of them. */
    const unsigned char *s = l->s;
    if (kw.ctx == ERR_CTX_NONE && !neg && n < 10 && !(a >= 3 && s[a - 1] == ' ' && s[a - 2] == '-') &&
        !(b < l->len && (s[b] == '(' || s[b] == ',' || (s[b] == ' ' && b + 1 < l->len && s[b + 1] == '('))))
        return;
    if (kw.ctx == ERR_CTX_SQL && !(kw.flags & K_SQL)) {
        if (!neg && v_fits(l, a, b))
            add(l, a, n, (uint32_t)atol_n(l->s + a, n), ERR_SCAN_KEYWORD, ERR_CTX_SQL, 1);
        return;
    }
    if (kw.ctx == ERR_CTX_BUGCHECK) { /* BugCheck 50, BCCode: 133; BugcheckCode 209 */
        if (!neg && n <= 8)
            bugcheck(l, a, n, (kw.flags & K_HEX) ? hex_value(l->s + a, n) : (uint32_t)atol_n(l->s + a, n));
        return;
    }
    if (kw.ctx == ERR_CTX_NONE && !neg && a >= 3 && l->s[a - 1] == ' ' && l->s[a - 2] == '-' &&
        IS(l->s[a - 3], C_BLANK)) {
        struct kw k2 = keyword_before(l, a - 2); /* "with code - 1073740791" */
        if (k2.flags & K_SPACED_SIGN)
            neg = 1, start = a - 2, kw = k2;
    }
    uint64_t m = 0;
    for (size_t i = a; i < b; i++)
        m = m * 10 + (uint64_t)(l->s[i] - '0');
    if (m > (neg ? 0x80000000u : 0xFFFFFFFFu))
        return;
    uint32_t v = neg ? (uint32_t)(0x100000000u - m) : (uint32_t)m;
    /* Bit 31 set, and not 0xffffxxxx: -1, -22 and the like are not codes. */
    /* Bit 31 set, and not 0xffffxxxx: -1, -22 and the like are not codes.
     * Without a phrase, not a multiple of 65536 either: 2147483648 and
     * 3221225472 are sizes (2 GiB, 3 GiB), not 0x80000000 and 0xC0000000. */
    int codelike = v >= 0x80000000u && v < 0xFFFF0000u && (neg || n == 10);
    if (!neg && v != 0) {
        if ((kw.ctx == ERR_CTX_SQL || kw.ctx == ERR_CTX_WIN32) &&
            sql_message(l, a, b, v, kw.ctx == ERR_CTX_SQL))
            return;
        if (kw.ctx == ERR_CTX_TLS && v <= 255) {
            add(l, a, n, v, ERR_SCAN_KEYWORD, ERR_CTX_TLS, 1);
            return;
        }
        if (kw.ctx == ERR_CTX_NONE && errno_tuple(l, a, b) && v >= 10000 && v < 12000 &&
            win32_known(v)) {
            add(l, a, n, v, ERR_SCAN_KEYWORD, ERR_CTX_WIN32, 0);
            return;
        }
    }
    if (codelike && kw.ctx == ERR_CTX_NONE && (v & 0xFFFF) == 0)
        return;
    if (codelike && (kw.ctx != ERR_CTX_NONE || !(l->flags & ERR_SCAN_STRICT))) {
        if (err_explain_known(v))
            add(l, start, b - start, v, ERR_SCAN_DECIMAL, kw.ctx, 0);
        else if (kw.ctx >= ERR_CTX_WIN32 && kw.ctx <= ERR_CTX_NTSTATUS && well_formed(v, kw.ctx))
            add(l, start, b - start, v, ERR_SCAN_DECIMAL, kw.ctx, 1);
    } else if (kw.ctx == ERR_CTX_WIN32 && !neg && kw_takes(l, kw, b, v) && win32_known(v)) {
        add(l, a, n, v, ERR_SCAN_KEYWORD, kw.ctx, 0);
    } else if (kw.ctx == ERR_CTX_NONE && !neg && v != 0 && v < 0x10000 &&
               same_after(l, b, v, 0) && win32_known(v)) {
        add(l, a, n, v, ERR_SCAN_KEYWORD, ERR_CTX_WIN32, 0); /* result 8524 (0x214c) */
    }
}

/* ---- event data (rules 6 and 7) --------------------------------------- */

/* The DWORDs dw[0, n) of one piece of event data, at col[k] for len[k]
 * bytes each: the hits its layout allows. */
static void data_hits(struct line *l, err_layout lay, const uint32_t *head, unsigned nhead,
                      const err_dword *dw, size_t n, const size_t *col, const size_t *len,
                      err_scan_form f)
{
    for (size_t k = 0; k < n; k++) {
        uint32_t v = dw[k].value, off = dw[k].offset;
        err_scan_hit *h;
        switch (lay) {
        case ERR_LAYOUT_LONE:
            if (v != 0 && err_explain_known(v))
                add(l, col[k], len[k], v, f, ERR_CTX_NONE, 0);
            break;
        case ERR_LAYOUT_SQL:
            if (off == 0 && head[1] >= 11 &&
                (h = add(l, col[k], len[k], v, f, ERR_CTX_SQL, 1)) != NULL) {
                h->severity = (int)head[1];
                h->state = nhead >= 3 ? (int)head[2] : -1;
            }
            break;
        case ERR_LAYOUT_IO_PACKET:
            if (off == 0x0C)
                add(l, col[k], len[k], v, f, ERR_CTX_IO_ERROR, 1);
            else if (off == 0x14 && v != 0 &&
                     (err_explain_known(v) || well_formed(v, ERR_CTX_NTSTATUS)))
                add(l, col[k], len[k], v, f, ERR_CTX_NTSTATUS, 1);
            break;
        default:
            if (v >= 0x80000000u && v < 0xFFFF0000u && err_explain_known(v))
                add(l, col[k], len[k], v, f, ERR_CTX_NONE, 0);
            break;
        }
    }
}

static void binary_run(struct line *l, size_t a, size_t b)
{
    err_dword dw[ERR_SCAN_MAX_HITS];
    size_t trailing, col[ERR_SCAN_MAX_HITS], len[ERR_SCAN_MAX_HITS];
    uint32_t head[6];
    char why[128];
    long n = err_hexstring_parse((const char *)l->s + a, b - a, dw, ERR_SCAN_MAX_HITS,
                                 &trailing, why, sizeof why);
    if (n <= 0)
        return;
    size_t got = n < ERR_SCAN_MAX_HITS ? (size_t)n : ERR_SCAN_MAX_HITS;
    for (size_t k = 0; k < got; k++) {
        col[k] = a + 8 * k;
        len[k] = 8;
        if (k < 6)
            head[k] = dw[k].value;
    }
    unsigned nhead = got < 6 ? (unsigned)got : 6;
    err_layout lay = err_binary_layout(head, nhead, n == 1 && trailing == 0 ? 1 : n <= 6);
    data_hits(l, lay, head, nhead, dw, got, col, len, ERR_SCAN_BINARY);
}

/* One maximal word s[a, b) that holds a decimal digit; `all` is the
 * classes every byte of it has in common (C_DIGIT: a decimal number). */
static void word_run(struct line *l, size_t a, size_t b, unsigned all)
{
    const unsigned char *s = l->s;
    size_t n = b - a;
    unsigned char before = a > 0 ? s[a - 1] : ' ';
    if (a >= 8 && before == '>' && equal_ci(s + a - 8, "<binary>", 8)) {
        binary_run(l, a, b);
        return;
    }
    if (all & C_DIGIT) { /* a decimal number: the common case */
        /* Too short to be code-like unsigned, no sign, and no separator
         * for a phrase to stand before: most numbers of a log end here. */
        if (n < 10 && !IS(before, C_SEP) && before != '-')
            return;
        if (n == 8 && bare_hex_run(l, a, b)) /* 80070005 */
            return;
        decimal_run(l, a, b);
        return;
    }
    if (n >= 3 && s[a] == '0' && (s[a + 1] | 0x20) == 'x') {
        hex_run(l, a, b);
        return;
    }
    if (!(all & C_HEX))
        return;
    /* The phrase before a word is only looked for once the word could be
     * a code: most numbers of a log are glued (dates, times, addresses). */
    if (IS(before, C_SEP) && n <= 8 && !glued(l, a, b) &&
        (keyword_before(l, a).flags & K_HEX)) {
        bugcheck(l, a, n, hex_value(s + a, n)); /* BugCheck 7E */
        return;
    }
    if (n == 8 || n == 16)
        bare_hex_run(l, a, b);
}

#if !defined(__SSE2__) || defined(ERR_SCAN_PORTABLE)
/* A byte that may end or start a clue: k and K end "bugcheck", B starts
 * "BCCode" and "BlueScreen". */
static int clue_byte(unsigned char c)
{
    return c == 'k' || c == 'K' || c == 'B';
}
#endif

static unsigned clue_at(const unsigned char *s, size_t i, size_t len);

/* What the 64 bytes s[o, o + 64) of a line are, one bit per byte (bit k
 * for s[o + k]); bytes at or past the line's end are none of these. */
struct block {
    uint64_t word;  /* C_WORD: a letter, a digit or '_'          */
    uint64_t digit; /* C_DIGIT                                   */
    uint64_t hex;   /* C_HEX                                     */
    uint64_t clue;  /* a clue byte: k, K or B                    */
    uint64_t punct; /* + , - . /                                 */
    uint64_t join;  /* - . /  (glue a word to the next)          */
    uint64_t minus; /* -                                         */
    uint64_t colon; /* :                                         */
    uint64_t space; /* ' '                                       */
    uint64_t gt;    /* >                                         */
    /* The masks below are made only where told is all ones (not by the
     * SSE2 code, where making them costs more than they save). */
    uint64_t told;
    uint64_t sep;   /* C_SEP: a blank : = # ( ) [ ] " ' >        */
    uint64_t paren; /* (                                         */
    uint64_t pe;    /* may end a phrase, with the bytes before it
                       (end_group...)                            */
    uint64_t blank; /* C_BLANK: ' ' \t \r \v \f                  */
    uint64_t y;     /* y or Y (<binary>)                         */
    uint64_t lo8;   /* 0-7                                       */
    uint64_t lo2;   /* 0 or 1                                    */
};

#if defined(__SSE2__) && !defined(ERR_SCAN_PORTABLE)
/* Adds the bits of the 16 bytes at p, shifted down by `back` (bytes the
 * load took before the ones wanted), to m at bit q.  Each test is a range
 * check on (byte - base): unsigned x <= lim exactly when min(x, lim) == x. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline void block16(const unsigned char *p, unsigned back, unsigned q, struct block *m)
{
#define IN_RANGE(x, lo, span)                                                                      \
    _mm_cmpeq_epi8(_mm_min_epu8(_mm_sub_epi8((x), _mm_set1_epi8((char)(lo))),                      \
                                _mm_set1_epi8((char)(span))),                                      \
                   _mm_sub_epi8((x), _mm_set1_epi8((char)(lo))))
#define BITS(v) ((uint64_t)((unsigned)_mm_movemask_epi8(v) >> back) << q)
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i dig = IN_RANGE(x, '0', 9);
    __m128i lc = _mm_or_si128(x, _mm_set1_epi8(0x20)); /* A-Z to a-z, nothing else to a-z */
    __m128i let = IN_RANGE(lc, 'a', 25), hexl = IN_RANGE(lc, 'a', 5);
    __m128i under = _mm_cmpeq_epi8(x, _mm_set1_epi8('_'));
    __m128i clu = _mm_or_si128(_mm_cmpeq_epi8(lc, _mm_set1_epi8('k')),
                               _mm_cmpeq_epi8(x, _mm_set1_epi8('B')));
    m->word |= BITS(_mm_or_si128(_mm_or_si128(dig, let), under));
    m->digit |= BITS(dig);
    m->hex |= BITS(_mm_or_si128(dig, hexl));
    m->clue |= BITS(clu);
    m->punct |= BITS(IN_RANGE(x, '+', 4));
    m->join |= BITS(IN_RANGE(x, '-', 2));
    m->minus |= BITS(_mm_cmpeq_epi8(x, _mm_set1_epi8('-')));
    m->colon |= BITS(_mm_cmpeq_epi8(x, _mm_set1_epi8(':')));
    m->space |= BITS(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')));
    m->gt |= BITS(_mm_cmpeq_epi8(x, _mm_set1_epi8('>')));
#undef BITS
#undef IN_RANGE
}

static void block_of(const unsigned char *s, size_t o, size_t len, struct block *m)
{
    struct block b = {0};
    const unsigned char *p = s + o;
    if (len - o >= 64) {
        block16(p, 0, 0, &b);
        block16(p + 16, 0, 16, &b);
        block16(p + 32, 0, 32, &b);
        block16(p + 48, 0, 48, &b);
    } else {
        /* Never a load past the line.  Near its end, the 16 bytes that end
         * it, the bits then shifted down by how far the load moved back; a
         * line of less than 16 bytes is copied, then zeros (no class). */
        unsigned char tail[16];
        for (unsigned q = 0; o + q < len; q += 16) {
            size_t n = len - o - q;
            if (n >= 16)
                block16(p + q, 0, q, &b);
            else if (len >= 16)
                block16(p + q - (16 - n), (unsigned)(16 - n), q, &b);
            else {
                memset(tail, 0, sizeof tail);
                memcpy(tail, p + q, n);
                block16(tail, 0, q, &b);
            }
        }
    }
    *m = b; /* told 0: the masks below gt are not made */
}
#else
static void block_of(const unsigned char *s, size_t o, size_t len, struct block *m)
{
    uint64_t pe2 = 0;
    memset(m, 0, sizeof *m);
    for (size_t k = 0; k < 64 && o + k < len; k++) {
        unsigned char c = s[o + k];
        unsigned t = cls[c];
        uint64_t bit = (uint64_t)1 << k;
        m->word |= (t & C_WORD) ? bit : 0;
        m->digit |= (t & C_DIGIT) ? bit : 0;
        m->hex |= (t & C_HEX) ? bit : 0;
        m->clue |= clue_byte(c) ? bit : 0;
        m->punct |= c >= '+' && c <= '/' ? bit : 0;
        m->join |= c >= '-' && c <= '/' ? bit : 0;
        m->minus |= c == '-' ? bit : 0;
        m->colon |= c == ':' ? bit : 0;
        m->space |= c == ' ' ? bit : 0;
        m->gt |= c == '>' ? bit : 0;
        m->sep |= (t & C_SEP) ? bit : 0;
        m->paren |= c == '(' ? bit : 0;
        m->blank |= (t & C_BLANK) ? bit : 0;
        m->y |= (c | 0x20) == 'y' ? bit : 0;
        m->lo8 |= c >= '0' && c <= '7' ? bit : 0;
        m->lo2 |= c == '0' || c == '1' ? bit : 0;
        /* Bytes before s[o] are not in the block: any may stand there. */
        unsigned b1 = k >= 1 ? s[o + k - 1] : 0, b2 = k >= 2 ? s[o + k - 2] : 0;
        unsigned any1 = k < 1 && o > 0 ? 0xffu : 0u, any2 = k < 2 && o > 0 ? 0xffu : 0u;
        unsigned long3 = end_group[GROUP_INDEX(c)] &
                         ((k >= 1 ? prev_group[GROUP_INDEX(b1)] : 0u) | any1) &
                         ((k >= 2 ? prev2_group[GROUP_INDEX(b2)] : 0u) | any2);
        unsigned short2 = end2_group[GROUP_INDEX(c)] &
                          ((k >= 1 ? prev_group2[GROUP_INDEX(b1)] : 0u) | any1);
        m->pe |= long3 ? bit : 0;
        pe2 |= short2 ? bit : 0;
    }
    m->pe |= pe2 & ~(m->word << 2);
    m->told = ~(uint64_t)0;
}
#endif

#if defined(ERR_SCAN_AVX512)
/* The same masks as block_of(), and pe, with AVX-512: one 64-byte load (a
 * masked one at the line's end, which reads nothing past it), each byte's
 * classes from two 128-byte tables (class_a, class_b), each class a test
 * into a 64-bit mask; the phrase groups of each byte the same way
 * (end_group...), the byte before's by a permutation. */
__attribute__((target("avx512f,avx512bw,avx512vbmi"), noinline)) static void
block_of_wide(const unsigned char *s, size_t o, size_t len, struct block *m)
{
    size_t n = len - o;
    __mmask64 in = n >= 64 ? ~(__mmask64)0 : (((__mmask64)1 << n) - 1);
    __m512i x = _mm512_maskz_loadu_epi8(in, s + o);
    __m512i lc = _mm512_or_si512(x, _mm512_set1_epi8(0x20)); /* A-Z to a-z */
#define LOOKUP(t, v) _mm512_permutex2var_epi8(_mm512_loadu_si512((const void *)(t)), (v),            \
                                             _mm512_loadu_si512((const void *)((t) + 64)))
    /* Each byte's classes, eight bits from each of two tables; bytes from
     * 0x80 up have none. */
    __mmask64 ascii = ~_mm512_movepi8_mask(x);
    __m512i ca = _mm512_maskz_mov_epi8(ascii, LOOKUP(class_a, x));
    __m512i cb = _mm512_maskz_mov_epi8(ascii, LOOKUP(class_b, x));
#define BIT(v, k) _mm512_test_epi8_mask((v), _mm512_set1_epi8((char)(1u << (k))))
    m->digit = BIT(ca, 0);
    m->word = BIT(ca, 1);
    m->hex = BIT(ca, 2);
    /* Clue bytes, only where clue_at() may say yes: a k after a c (bugcheck),
     * a B before a c or an l (BCCode, BlueScreen). */
    uint64_t c_ = _mm512_cmpeq_epi8_mask(lc, _mm512_set1_epi8('c'));
    uint64_t l_ = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('l'));
    uint64_t big_b = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('B'));
    m->clue = (BIT(ca, 3) & ~big_b & ((c_ << 1) | (uint64_t)(o > 0))) |
              (big_b & (((c_ | l_) >> 1) | ((uint64_t)1 << 63)));
    m->punct = BIT(ca, 4);
    m->join = BIT(ca, 5);
    m->minus = BIT(ca, 6);
    m->colon = BIT(ca, 7);
    m->space = BIT(cb, 0);
    m->gt = BIT(cb, 1);
    m->sep = BIT(cb, 2);
    m->paren = BIT(cb, 3);
    m->blank = BIT(cb, 4);
    m->y = BIT(cb, 5);
    m->lo8 = BIT(cb, 6);
    m->lo2 = BIT(cb, 7);
#undef BIT
    m->told = ~(uint64_t)0;
    /* Byte k gets byte k - 1's groups (down + 1) or k - 2's (down); bytes
     * before the block any (o > 0) or none. */
    static const unsigned char down[66] = {
        0,  0,  0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
        20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41,
        42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63};
    __m512i down1 = _mm512_loadu_si512((const void *)(down + 1));
    __m512i down2 = _mm512_loadu_si512((const void *)down);
    __m512i any = _mm512_set1_epi8((char)(o > 0 ? 0xff : 0));
    __m512i g1 = _mm512_mask_permutexvar_epi8(any, ~(__mmask64)1, down1, LOOKUP(prev_group, lc));
    __m512i g2 = _mm512_mask_permutexvar_epi8(any, ~(__mmask64)3, down2, LOOKUP(prev2_group, lc));
    __m512i t1 = _mm512_mask_permutexvar_epi8(any, ~(__mmask64)1, down1, LOOKUP(prev_group2, lc));
    uint64_t pe = _mm512_mask_test_epi8_mask(in, LOOKUP(end_group, lc), _mm512_and_si512(g1, g2));
    uint64_t pe2 = _mm512_mask_test_epi8_mask(in, LOOKUP(end2_group, lc), t1);
#undef LOOKUP
    m->pe = pe | (pe2 & ~(m->word << 2));
}
#endif

/* The lowest set bit's index, and the highest's; x != 0. */
static unsigned low_bit(uint64_t x)
{
#if defined(__GNUC__)
    return (unsigned)__builtin_ctzll(x);
#else
    unsigned n = 0;
    while (!(x & 1))
        x >>= 1, n++;
    return n;
#endif
}

static unsigned high_bit(uint64_t x)
{
#if defined(__GNUC__)
    return 63u - (unsigned)__builtin_clzll(x);
#else
    unsigned n = 63;
    while (!(x >> 63))
        x <<= 1, n--;
    return n;
#endif
}

/* Skips "Data:" or "Binary data:" before an offset label on the same line. */
static size_t data_heading(const struct line *l, size_t i)
{
    static const char *const heads[] = {"data:", "binary data:"};
    for (size_t h = 0; h < 2; h++) {
        size_t k = strlen(heads[h]);
        if (i + k < l->len && equal_ci(l->s + i, heads[h], k) && IS(l->s[i + k], C_BLANK)) {
            i += k;
            while (i < l->len && IS(l->s[i], C_BLANK))
                i++;
            return i;
        }
    }
    return i;
}

/* The line as Event Viewer data from s[i), its offset label; returns 1
 * when it was (hits or not). */
static int event_line_at(struct line *l, size_t i)
{
    const unsigned char *s = l->s;
    size_t d;
    for (d = i; d < l->len && d - i <= 8 && IS(s[d], C_HEX);)
        d++;
    if (d - i < 4 || d - i > 8 || d >= l->len || s[d] != ':')
        return 0;
    if (memchr(s, '\n', l->len) != NULL) /* the parser would read on */
        return 0;
    err_dword dw[ERR_SCAN_MAX_HITS];
    size_t trailing, col[ERR_SCAN_MAX_HITS], len[ERR_SCAN_MAX_HITS];
    char why[128];
    long n = err_eventlog_parse((const char *)s + i, l->len - i, dw, ERR_SCAN_MAX_HITS,
                                &trailing, why, sizeof why);
    if (n <= 0)
        return 0;
    uint32_t label = hex_value(s + i, d - i);
    size_t pos = d + 1, per, got = n < ERR_SCAN_MAX_HITS ? (size_t)n : ERR_SCAN_MAX_HITS;
    while (pos < l->len && IS(s[pos], C_BLANK))
        pos++;
    per = pos + 8 <= l->len && IS(s[pos + 2], C_HEX) ? 1 : 4; /* words or bytes */
    for (size_t k = 0; k < got; k++) {
        size_t start = pos, end = pos;
        for (size_t t = 0; t < per; t++) {
            while (pos < l->len && IS(s[pos], C_BLANK))
                pos++;
            if (t == 0)
                start = pos;
            while (pos < l->len && !IS(s[pos], C_BLANK))
                pos++;
            end = pos;
        }
        col[k] = start;
        len[k] = end - start;
    }
    /* A dump over several lines: its first DWORDs say the layout. */
    err_scan_state *st = l->st;
    if (label == 0) {
        st->dump = 1;
        st->nhead = 0;
    } else if (!st->dump || label != st->next) {
        st->dump = 0;
    }
    for (size_t k = 0; st->dump && k < got && st->nhead < 6; k++)
        if (dw[k].offset == 4 * st->nhead)
            st->head[st->nhead++] = dw[k].value;
    st->next = label + (uint32_t)(4 * (size_t)n + trailing);
    int lone = label == 0 && n == 1 && trailing == 0;
    err_layout lay = st->dump ? err_binary_layout(st->head, st->nhead, lone) : ERR_LAYOUT_OTHER;
    data_hits(l, lay, st->head, st->nhead, dw, got, col, len, ERR_SCAN_EVENT_DATA);
    return 1;
}

/* The line as Event Viewer data from its start; 1 when it was. */
static int event_line(struct line *l)
{
    size_t i = 0;
    while (i < l->len && IS(l->s[i], C_BLANK))
        i++;
    /* An offset label, or "Data:" or "Binary data:" before one. */
    if (i >= l->len || !IS(l->s[i], C_HEX))
        return 0;
    return event_line_at(l, data_heading(l, i));
}

/* A dump flattened onto a line after other text: "... Data: 0000: c1 00
 * 07 80  A..?" with s[a, b) the offset label. */
static int data_after_text(const struct line *l, size_t a, size_t b)
{
    return b - a >= 4 && b - a <= 8 && b < l->len && l->s[b] == ':' && a >= 6 &&
           IS(l->s[a - 1], C_BLANK) && equal_ci(l->s + a - 6, "data:", 5);
}

enum { CLUE_BUGCHECK = 1, CLUE_BLUESCREEN = 2 };

/* What the clue byte at s[i) says: "bugcheck" or "BCCode" (a word of hex
 * letters only may then be a bug check: BugCheck D1, BCCode: ef), or
 * "BlueScreen". */
static unsigned clue_at(const unsigned char *s, size_t i, size_t len)
{
    if (s[i] != 'B')
        return i >= 4 && equal_ci(s + i - 4, "chec", 4) ? CLUE_BUGCHECK : 0;
    if (i + 6 <= len && equal_ci(s + i + 1, "ccode", 5))
        return CLUE_BUGCHECK;
    if (i + 10 <= len && memcmp(s + i + 1, "lueScreen", 9) == 0)
        return CLUE_BLUESCREEN;
    return 0;
}

/* The words of hex letters only, after a bug check phrase. */
static void letter_words(struct line *l)
{
    const unsigned char *s = l->s;
    for (size_t i = 0; i < l->len;) {
        if (!IS(s[i], C_WORD)) {
            i++;
            continue;
        }
        size_t a = i;
        unsigned all = C_HEX;
        while (i < l->len && IS(s[i], C_WORD))
            all &= cls[s[i++]];
        if ((all & C_HEX) && i - a <= 8 && !IS(s[a], C_DIGIT) && a > 0 && IS(s[a - 1], C_SEP)) {
            size_t k;
            for (k = a; k < i && !IS(s[k], C_DIGIT); k++)
                ;
            struct kw kw = k == i ? keyword_before(l, a) : (struct kw){0, 0, 0};
            if (kw.flags & K_HEX)
                bugcheck(l, a, i - a, hex_value(s + a, i - a));
        }
    }
    /* Back in column order. */
    for (size_t x = 1; x < l->n; x++)
        for (size_t y = x; y > 0 && l->hits[y - 1].column > l->hits[y].column; y--) {
            err_scan_hit t = l->hits[y];
            l->hits[y] = l->hits[y - 1];
            l->hits[y - 1] = t;
        }
}

/* Reads the word s[a, b) that holds a decimal digit, `all` the classes
 * all its bytes have; 1 when the scan of the line stops there (a dump
 * after text took the rest, or the hits are full). */
static int take_word(struct line *l, size_t a, size_t b, unsigned all)
{
    if ((all & C_HEX) && data_after_text(l, a, b) && event_line_at(l, a))
        return 1;
    word_run(l, a, b, all);
    return l->n >= l->max;
}

/* Of the words of block m from w (its word bits from where the scan is,
 * `starts` the first bit of each, dig its digits), those word_run() and
 * data_after_text() are sure to pass over, by the bit after their end,
 * found for the whole block at once:
 *  - a number of at most 9 digits after one of + , . / (no separator for
 *    a phrase, no sign: line 363, v10.0.19041), after a ':' after a digit
 *    or a '-' after a word byte (glued: the 00 of 12:00, the 05 of
 *    2024-05); or after a space, one of + , - . / : or at the line's
 *    start, and glued to what follows by - . / and a word byte
 *    (2024-05-01, 10.0.1);
 *  - a word of hex digits and letters after one of + , - . /, not 8 or 16
 *    long (GUID parts);
 *  - a word with a letter past f or '_', starting with a letter or '_'
 *    (KB5034441, amd64), not after '>' (<Binary>).
 * So never a number after '>' or '`' (WinDbg's halves), nor one that may be
 * a dump's offset label (a blank before, ':' after).  Words that begin or
 * end outside the block, or whose neighbours do, are not told. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline uint64_t plain_words(const struct block *m, uint64_t w, uint64_t starts, uint64_t dig,
                            int line_start)
{
    uint64_t word = m->word, digit = m->digit;
    uint64_t t = w & (w >> 1); /* 8 word bytes from here; then 10 and 16 */
    t &= t >> 2;
    t &= t >> 4;
    uint64_t shorts = starts & ~(t & (w >> 8) & (w >> 9));
    uint64_t eight = t & ~(w >> 8), sixteen = t & (t >> 8) & ~(w >> 16);
    /* Adding a word's first bit carries through it to the bit after its
     * end; through its digits (hex digits) only, when it starts with one;
     * adding a bit inside a word, through the rest of it. */
    uint64_t numbers = (dig + (starts & dig)) & ~dig & ~w;
    uint64_t hex = m->hex & w, all_hex = (hex + (starts & hex)) & ~hex & ~w;
    uint64_t other = w & ~m->hex, not_hex = (w + (other & ~(other << 1))) & ~w;
    uint64_t before = ((m->punct & ~m->minus) << 1) | ((m->colon << 1) & (digit << 2)) |
                      ((m->minus << 1) & (word << 2));
    uint64_t open = ((m->space | m->punct | m->colon) << 1) | (uint64_t)(line_start != 0);
    uint64_t glued_after = m->join & (word >> 1);
    uint64_t not_gt = ~(m->gt << 1) & (line_start ? ~(uint64_t)0 : ~(uint64_t)1);
    uint64_t e1 = (w + (shorts & before)) & ~w;
    uint64_t e2 = (w + (shorts & open)) & ~w & glued_after;
    uint64_t e3 = (w + (starts & (m->punct << 1) & ~eight & ~sixteen)) & ~w & all_hex & ~numbers;
    uint64_t e4 = (w + (starts & ~digit & not_gt)) & ~w & not_hex;
    /* Where the masks below gt are made (told): words after which no
     * phrase may stand, with no sign and no <Binary> before them ("quiet"
     * starts): right after a byte that is no separator, no word byte and no
     * '-', or after separators that follow a byte that cannot end a phrase
     * (pe), or at the line's start.  A run of separators that begins at the
     * block's first byte is told only at the line's start. */
    uint64_t sep = m->sep, stops = ~sep & ~m->pe, firsts = sep & ~(sep << 1);
    uint64_t stopped = ((stops << 1) | (uint64_t)(line_start != 0)) & firsts;
    uint64_t after_stop = (sep + stopped) & ~sep, after_pe = (sep + (firsts & ~stopped)) & ~sep;
    uint64_t direct = (~sep & ~word & ~m->minus) << 1;
    /* "with code - 1073740791": a blank, '-', a blank, where a phrase may
     * stand before the '-' */
    uint64_t spaced = (m->space << 1) & (m->minus << 2) & ((m->blank << 3) | 7) & ((after_pe << 2) | 3);
    uint64_t binary = (m->gt << 1) & ((m->y << 2) | 3);
    uint64_t quiet = starts & ~(uint64_t)1 & (after_stop | direct) & ~(m->minus << 1) & ~spaced & ~binary & m->told;
    /* After a number: '(' or " (" (rule 6), ',' after "(" before it
     * (ConnectionResetError(10054, ...)), ':' after 4 digits or more or
     * before no digit (a dump's offset label; "12:00" is a time). */
    uint64_t four = (w << 1) & (w << 2) & (w << 3) & (w << 4);
    uint64_t after = m->paren | (m->space & ((m->paren >> 1) | ((uint64_t)1 << 63))) |
                     (m->punct & ~m->join & ((w + (quiet & (m->paren << 1))) & ~w)) |
                     (m->colon & (four | ~(digit >> 1) | ((uint64_t)1 << 63)));
    uint64_t ten = t & (w >> 8) & (w >> 9) & ~(w >> 10);
    /* Quiet numbers of 1-7 or 9 digits, or of 10 that start with 0 or 1
     * (below 2^31); quiet words of 8 hex digits that start with 0-7 (below
     * 0x80000000); a word that starts with a digit, then a hex digit (not
     * 0x), and holds a byte that is no hex digit (1162183Z, 01T12). */
    uint64_t e5 = (w + (quiet & ((shorts & ~eight) | (ten & m->lo2)))) & ~w & numbers & ~after;
    uint64_t e6 = (w + (quiet & eight & m->lo8)) & ~w & all_hex & ~after;
    uint64_t e7 = (w + (starts & digit & (m->hex >> 1) & ~(m->gt << 1))) & ~w & not_hex;
    return ((e1 | e2) & numbers) | e3 | e4 | e5 | e6 | e7;
}

/* The classes all bytes of the word at bits `span` of block m share. */
static unsigned word_classes(const struct block *m, uint64_t span)
{
    return C_WORD | ((m->hex & span) == span ? C_HEX : 0u) | ((m->digit & span) == span ? C_DIGIT : 0u);
}

size_t err_scan_next(err_scan_state *state, const char *line, size_t len, unsigned flags,
                     err_scan_hit *hits, size_t max)
{
    struct line l = {(const unsigned char *)line, len, flags, 0, state, hits, max, 0};
    unsigned clue = 0;
    err_once(&tables_state, fill_tables);
    l.bluescreen = state->bluescreen > 0;
    if (state->bluescreen > 0)
        state->bluescreen--;
    if (len == 0 || max == 0)
        return 0;
    if (event_line(&l))
        return l.n;
    state->dump = 0;
    const unsigned char *s = l.s;
    /* A block of 64 bytes at a time: its words with a decimal digit, less
     * the plain ones (plain_words()), are read in order; the k, K and
     * B bytes between them are clues (clue_at), not those in a word from
     * its first digit on. */
    struct block m;
    size_t i = 0;
    while (i < len && l.n < max) {
        size_t o = i & ~(size_t)63, next = o + 64, stop = (size_t)-1;
#if defined(ERR_SCAN_AVX512)
        if (wide)
            block_of_wide(s, o, len, &m);
        else
#endif
            block_of(s, o, len, &m);
        uint64_t from = ~(uint64_t)0 << (i - o), word = m.word, dig = m.digit & from;
        uint64_t seen = 0, todo = 0, top = 0;
        if (dig != 0) {
            /* Words from i on (s[i) is no word byte unless i == o), and the
             * bit after the end of each that holds a digit. */
            uint64_t w = word & from, carry = i == o && o > 0 && IS(s[o - 1], C_WORD);
            uint64_t starts = w & ~((w << 1) | carry);
            uint64_t ends = (w + (dig & ~(dig << 1))) & ~w;
#if defined(ERR_SCAN_EVERY_WORD) /* the reference: each word the slow way */
            todo = ends;
#else
            todo = ends & ~plain_words(&m, w, starts, dig, o == 0);
#endif
            /* Each word from its first digit on: adding that bit carries
             * through the rest of the word. */
            uint64_t first = starts | (w & 1), lead = w & ~dig;
            uint64_t fd = ((lead + (first & lead)) & dig) | (first & dig);
            seen = ((w + fd) ^ w) & w;
            if (word == ~(uint64_t)0) /* one word, on past the block */
                top = dig;
            else if (word >> 63) /* a word that goes on past the block */
                top = dig & (~(uint64_t)0 << (high_bit(~word) + 1));
        }
        for (; todo != 0 && stop == (size_t)-1; todo &= todo - 1) {
            unsigned e = low_bit(todo);
            uint64_t below = ((uint64_t)1 << e) - 1, gaps = ~word & below;
            size_t a, b = o + e;
            unsigned all;
            if (gaps != 0) {
                a = o + high_bit(gaps) + 1;
                all = word_classes(&m, below & (~(uint64_t)0 << (a - o)));
            } else { /* begun before the block */
                for (a = o; a > 0 && IS(s[a - 1], C_WORD); a--)
                    ;
                all = C_DIGIT | C_HEX | C_WORD;
                for (size_t x = a; x < b; x++)
                    all &= cls[s[x]];
            }
            if (take_word(&l, a, b, all))
                stop = b;
        }
        if (top != 0 && stop == (size_t)-1) {
            unsigned r = low_bit(top), all = C_DIGIT | C_HEX | C_WORD;
            size_t a, b;
            if (word != ~(uint64_t)0) { /* its start and classes in the block, from the masks */
                a = o + high_bit(~word) + 1;
                all = word_classes(&m, ~(uint64_t)0 << (a - o));
            } else {
                for (a = o + r; a > 0 && IS(s[a - 1], C_WORD); a--)
                    ;
                for (size_t x = a; x < o + 64; x++)
                    all &= cls[s[x]];
            }
            for (b = o + 64; b < len && IS(s[b], C_WORD); b++)
                all &= cls[s[b]];
            seen |= ~(uint64_t)0 << r;
            next = b;
            if (take_word(&l, a, b, all))
                stop = b;
        }
        uint64_t k = m.clue & from & ~seen;
        if (stop - o < 64)
            k &= ((uint64_t)1 << (stop - o)) - 1;
        for (; k != 0; k &= k - 1)
            clue |= clue_at(s, o + low_bit(k), len);
        if (stop != (size_t)-1)
            break;
        i = next;
    }
    if (clue & CLUE_BLUESCREEN)
        state->bluescreen = 16;
    if (l.n < max && (l.bluescreen || (clue & CLUE_BUGCHECK)))
        letter_words(&l);
    return l.n;
}

size_t err_scan_line(const char *line, size_t len, unsigned flags, err_scan_hit *hits,
                     size_t max)
{
    err_scan_state st;
    memset(&st, 0, sizeof st);
    return err_scan_next(&st, line, len, flags, hits, max);
}
