/*
 * annotate.c - `err --annotate`: the options, and the streaming of a log
 * through the scanner in constant memory.
 *
 * The input is read in chunks into one buffer and split into lines with
 * memchr.  Lines without codes are not copied anywhere: the bytes already
 * scanned are written out in one piece when the buffer is refilled or a line
 * with codes needs its annotations after it.  A line longer than
 * ERR_ANNOTATE_MAX_LINE is written through as it arrives, unscanned, and
 * counted for one line on stderr at the end.  A UTF-16 input (input.h says
 * how it is told) is turned into UTF-8 as it is read, and scanned and
 * written as UTF-8.
 */
#include "annotate.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "annotate_out.h"
#include "args.h"
#include "chars.h"
#include "input.h"
#include "quote.h"
#include "scan.h"

#define CHUNK (256u * 1024u)
/* A whole line of the maximum length, its CRLF, and a chunk read after it. */
#define BUF_SIZE (ERR_ANNOTATE_MAX_LINE + 2u + CHUNK)
/* Bytes looked at to tell UTF-16 from other input (input.h). */
#define DETECT_BYTES 64u
/* UTF-16 bytes read at a time: their UTF-8 fits in a chunk. */
#define RAW ((CHUNK - 8u) / 3u * 2u)

struct stream {
    FILE *in, *out;
    const char *name;
    const err_annotate_opts *opts;
    char *buf;
    size_t start, end; /* bytes read but not yet split into lines  */
    size_t flushed;    /* buf[flushed, start) is scanned, not yet written */
    int skipping;      /* inside an over-long line                  */
    uint64_t line_no;  /* lines completed so far                    */
    const char *eol;   /* the last line ending seen                 */
    uint64_t found;
    uint64_t long_lines; /* lines passed through unscanned           */
    err_scan_state scan; /* what one line tells the next             */
    int detected;        /* the encoding is known                     */
    err_utf16 utf16;     /* enc ERR_ENC_BYTES: no conversion          */
    unsigned char *raw;  /* UTF-16 bytes read, before conversion       */
    int short_read;      /* the last read gave less than it asked for  */
};

static void write_pending(struct stream *st, size_t upto)
{
    if (!st->opts->json && upto > st->flushed)
        fwrite(st->buf + st->flushed, 1, upto - st->flushed, st->out);
    st->flushed = upto;
}

/* Distinct values only: "hr=0x80070005 (0x80070005)" gets one line. */
static int seen_before(const err_scan_hit *hits, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (hits[j].value == hits[i].value)
            return 1;
    return 0;
}

/* One line buf[start, start + n), n counting its '\n' if it has one. */
static void do_line(struct stream *st, size_t n)
{
    const char *p = st->buf + st->start;
    size_t len = n;
    int terminated = n > 0 && p[n - 1] == '\n';
    if (terminated) {
        len--;
        st->eol = len > 0 && p[len - 1] == '\r' ? (len--, "\r\n") : "\n";
    }
    if (++st->line_no == 1) { /* a UTF-8 byte-order mark: copied, not scanned */
        size_t bom = winerr__bom_len(p, len);
        p += bom;
        len -= bom;
    }
    err_scan_hit hits[ERR_SCAN_MAX_HITS];
    size_t k = err_scan_next(&st->scan, p, len, st->opts->flags, hits, ERR_SCAN_MAX_HITS);
    if (k == 0)
        return;
    st->found += k;
    if (st->opts->json) {
        for (size_t i = 0; i < k; i++)
            err_annotate_json(st->out, st->name, st->line_no, p, &hits[i]);
        return;
    }
    write_pending(st, st->start + n);
    if (!terminated)
        fputs(st->eol, st->out);
    for (size_t i = 0; i < k; i++)
        if (!seen_before(hits, i))
            err_annotate_text(st->out, p, &hits[i], st->eol);
}

/* Splits off and handles every complete line in buf[start, end). */
static void do_lines(struct stream *st)
{
    while (st->start < st->end) {
        char *p = st->buf + st->start;
        char *nl = memchr(p, '\n', st->end - st->start);
        if (st->skipping) {
            st->start = nl != NULL ? (size_t)(nl + 1 - st->buf) : st->end;
            st->skipping = nl == NULL;
            st->line_no += nl != NULL;
            continue;
        }
        if (nl == NULL) {
            /* Room for ERR_ANNOTATE_MAX_LINE bytes plus "\r" before the '\n'. */
            if (st->end - st->start > ERR_ANNOTATE_MAX_LINE + 1) {
                st->skipping = 1;
                st->long_lines++;
                st->start = st->end;
            }
            return;
        }
        size_t n = (size_t)(nl + 1 - p);
        do_line(st, n);
        st->start += n;
    }
}

/* Writes what is done and moves the unfinished line to the front. */
static void make_room(struct stream *st)
{
    write_pending(st, st->start);
    if (st->start == st->end) {
        st->start = st->end = st->flushed = 0;
    } else if (BUF_SIZE - st->end < CHUNK) {
        memmove(st->buf, st->buf + st->start, st->end - st->start);
        st->end -= st->start;
        st->start = st->flushed = 0;
    }
}

/* Reads into buf[end...): up to CHUNK bytes as they come, or UTF-16 turned
 * into at most CHUNK bytes of UTF-8.  Returns the bytes added (0 is
 * possible for UTF-16 before the end), -2 at the end, -1 on error. */
static long read_more(struct stream *st)
{
    if (st->detected && st->utf16.enc == ERR_ENC_BYTES) {
        long n = err_read_some(st->in, st->buf + st->end, CHUNK);
        st->short_read = n < (long)CHUNK;
        return n == 0 ? -2 : n;
    }
    long n = err_read_some(st->in, (char *)st->raw, RAW);
    if (n < 0)
        return -1;
    /* The encoding is told from the first bytes: read on until there are
     * enough of them (a pipe may deliver them one by one), a line has
     * ended, or the input has. */
    while (!st->detected && n > 0 && (size_t)n < DETECT_BYTES &&
           memchr(st->raw, '\n', (size_t)n) == NULL) {
        long more = err_read_some(st->in, (char *)st->raw + n, RAW - (size_t)n);
        if (more < 0)
            return -1;
        if (more == 0)
            break;
        n += more;
    }
    st->short_read = n < (long)RAW;
    size_t skip = 0;
    if (!st->detected) {
        st->detected = 1;
        st->utf16.enc = err_detect_encoding(st->raw, (size_t)n, &skip);
        if (st->utf16.enc == ERR_ENC_BYTES) {
            memcpy(st->buf + st->end, st->raw, (size_t)n);
            return n == 0 ? -2 : n;
        }
    }
    size_t w = err_utf16_convert(&st->utf16, st->raw + skip, (size_t)n - skip,
                                 st->buf + st->end, n == 0);
    return n == 0 && w == 0 ? -2 : (long)w;
}

static int pump(struct stream *st)
{
    for (;;) {
        make_room(st);
        long n = read_more(st);
        if (n == -1)
            return -1;
        if (n == -2)
            break;
        st->end += (size_t)n;
        do_lines(st);
        /* A short read: the writer has nothing more yet, show what we have. */
        if (st->short_read) {
            write_pending(st, st->start);
            fflush(st->out);
        }
        if (ferror(st->out))
            return 0; /* the caller reports it; no point reading on */
    }
    if (st->start < st->end && !st->skipping) {
        do_line(st, st->end - st->start);
        st->start = st->end;
    }
    write_pending(st, st->end);
    return 0;
}

int err_annotate_stream(FILE *in, const char *name, FILE *out,
                        const err_annotate_opts *opts, uint64_t *found)
{
    struct stream st = {0};
    st.in = in;
    st.out = out;
    st.name = name;
    st.opts = opts;
    st.eol = "\n";
    st.buf = malloc(BUF_SIZE);
    st.raw = malloc(RAW);
    if (st.buf == NULL || st.raw == NULL) {
        free(st.buf);
        free(st.raw);
        return -1;
    }
    int rc = pump(&st);
    int saved = errno;
    free(st.buf);
    free(st.raw);
    char q[ERR_QUOTE_SIZE(200)];
    const char *shown = strcmp(name, "-") == 0 ? "standard input"
                                               : err_quote(name, strlen(name), 200, q, sizeof q);
    if (st.utf16.enc != ERR_ENC_BYTES)
        fprintf(stderr, "err: %s: read as UTF-16%s, written as UTF-8\n", shown,
                st.utf16.enc == ERR_ENC_UTF16LE ? "LE" : "BE");
    if (st.long_lines > 0)
        fprintf(stderr, "err: %s: %llu line%s longer than %u bytes passed through unscanned\n",
                shown, (unsigned long long)st.long_lines, st.long_lines == 1 ? "" : "s",
                ERR_ANNOTATE_MAX_LINE);
    errno = saved;
    *found += st.found;
    return rc;
}

/* ---- the command line ------------------------------------------------- */

static int usage_error(const char *what, const char *arg)
{
    char q[ERR_QUOTE_SIZE(64)];
    fprintf(stderr, "err: %s '%s' for --annotate (usage: err --annotate "
                    "[--json] [--strict] [FILE...])\n",
            what, err_quote(arg, strlen(arg), 64, q, sizeof q));
    return 2;
}

/* The message err itself gives for the same mistake (args.h). */
static int usage_error_as_err(const char *arg, const char *why)
{
    err_complain(NULL, arg, strlen(arg), why);
    return 2;
}

static int help(void)
{
    fputs("usage: err --annotate [--json] [--strict] [--] [FILE...]\n"
          "Copies each FILE (standard input for none or \"-\") to standard output\n"
          "and, after each line that holds Windows error codes, adds one line per\n"
          "code: \"" ERR_ANNOTATE_PREFIX "MATCH (0xVALUE) = NAME (TABLE): TEXT\".\n"
          "  --json    one JSON object per code found instead of the text\n"
          "  --strict  only codes that say what they are: 0x..., after error,\n"
          "            hr, status and the like, event data and <Binary>\n"
          "Exit status: 0 codes found, 1 none found, 2 usage or I/O error.\n",
          stdout);
    return 0;
}

/* Options anywhere before "--"; returns 0, -1 for --help, or the exit
 * status of a usage error.  *files counts the file arguments. */
static int parse_options(int argc, char **argv, err_annotate_opts *o, int *files)
{
    int dashdash = 0, stdin_named = 0;
    *files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if ((dashdash || a[0] != '-' || a[1] == '\0') && strcmp(a, "-") == 0 && stdin_named++)
            return usage_error_as_err(a, "names standard input twice");
        if (dashdash || a[0] != '-' || a[1] == '\0')
            ++*files;
        else if (strcmp(a, "--") == 0)
            dashdash = 1;
        else if (strcmp(a, "--json") == 0)
            o->json = 1;
        else if (strcmp(a, "--strict") == 0)
            o->flags |= ERR_SCAN_STRICT;
        else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
            return -1;
        else if (strcmp(a, "--annotate") != 0)
            return usage_error("unknown option", a);
    }
    return 0;
}

static int out_errno; /* why standard output failed, once it has */

/* Annotates one named input; returns 0 or 2 (message printed). */
static int annotate_file(const char *path, const err_annotate_opts *o, uint64_t *found)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *in = is_stdin ? stdin : fopen(path, "rb");
    if (in == NULL) {
        err_io_error(path, "opened", errno);
        return 2;
    }
    int rc = err_annotate_stream(in, path, stdout, o, found);
    int saved = errno;
    if (ferror(stdout) && out_errno == 0)
        out_errno = saved; /* the stream stopped at the failed write */
    if (!is_stdin)
        fclose(in);
    if (rc < 0) {
        err_io_error(path, "read", saved);
        return 2;
    }
    return 0;
}

int err_annotate_main(int argc, char **argv)
{
    err_annotate_opts o = {0, 0};
    int files, status = 0;
    int rc = parse_options(argc, argv, &o, &files);
    if (rc != 0)
        return rc < 0 ? help() : rc;
    static char outbuf[1u << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    uint64_t found = 0;
    if (files == 0)
        status = annotate_file("-", &o, &found);
    for (int i = 1, dashdash = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!dashdash && strcmp(a, "--") == 0)
            dashdash = 1;
        else if (dashdash || a[0] != '-' || a[1] == '\0')
            status |= annotate_file(a, &o, &found);
    }
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        err_io_error(NULL, "written", errno != 0 ? errno : out_errno);
        return 2;
    }
    return status != 0 ? 2 : found > 0 ? 0 : 1;
}
