/*
 * annotate.h - `err --annotate`: copy a log through, explaining its codes.
 *
 *   err --annotate [--json] [--strict] [--] [FILE...]     ("-" is stdin)
 *
 * Text mode copies every input byte through unchanged and, after a line with
 * codes in it, adds one line per distinct code:
 *
 *     <4 blanks>#> MATCH [(0xVALUE)] = NAME (TABLE)[, NAME (TABLE)...][, +N more][: TEXT]
 *
 * ending the way the line above it ends (CRLF after CRLF).  The value in
 * parentheses is left out when MATCH is already 0x and 8 digits.  grep -v
 * '^    #> ' gives the input back (a last line without a newline gets one).
 * --json prints instead one JSON object per code found (every occurrence),
 * one per line:
 *
 *     {"file":"-","line":12,"column":34,"match":"0x800700C1","form":"hex",
 *      "context":"","value":2147942593,"hex":"0x800700c1","signed":-2147024703,
 *      "no_name":null,"decoding":{"hresult":{...},"ntstatus":{...},"total":1,
 *      "main":1,"matches":[{"name":...,"value":193,"hex":"0xc1","table":...,
 *      "text":...,"kind":...,"relation":"win32-from-hresult",
 *      "shown_as":"HRESULT_FROM_WIN32(ERROR_BAD_EXE_FORMAT)"}]}}
 *
 * line and column count from 1, column in bytes; "file" is the argument as
 * given ("-" for standard input); "matches" is best first, its first "main"
 * items being the ones the text mode shows.  "context" is what the line
 * says the code is (scan.h); "no_name" is the text of a no-name line
 * ("HRESULT, severity FAILURE, FACILITY_SETUPAPI (15), code 0x081f (2079)")
 * for a labelled code no table names, else null.  A UTF-16 input is read
 * as UTF-8 text: line and column count in that text.  cli/err.schema.json
 * is the schema of these objects and of err --json's.  What counts as a
 * code: scan.c.
 *
 * Exit status: 0 when some code was found, 1 when none was, 2 for a usage
 * error or a file that cannot be read or output that cannot be written
 * (one line on stderr each; the other files are still processed).
 */
#ifndef ERR_ANNOTATE_H
#define ERR_ANNOTATE_H

#include <stdint.h>
#include <stdio.h>

/* Lines up to this many bytes (without the line ending) are scanned; a
 * longer line is copied through in pieces, unannotated, and counted in one
 * line on stderr at the end of its input. */
#define ERR_ANNOTATE_MAX_LINE (1u << 20)

typedef struct err_annotate_opts {
    int json;        /* JSON objects instead of the annotated text       */
    unsigned flags;  /* ERR_SCAN_* flags (scan.h)                        */
} err_annotate_opts;

/*
 * Annotates one input stream onto out.  `name` labels it in JSON ("-" for
 * standard input).  Adds the number of codes found to *found.  Returns 0, or
 * -1 when reading failed (errno set by the read); write errors are left in
 * ferror(out).  Memory stays the same whatever the input: one buffer of
 * about ERR_ANNOTATE_MAX_LINE plus a read chunk.
 */
int err_annotate_stream(FILE *in, const char *name, FILE *out,
                        const err_annotate_opts *opts, uint64_t *found);

/* Entry point when any argument is exactly "--annotate"; returns the exit
 * status for main(). */
int err_annotate_main(int argc, char **argv);

#endif /* ERR_ANNOTATE_H */
