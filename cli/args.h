/*
 * args.h - the command line: options, table selectors and the inputs.
 */
#ifndef ERR_ARGS_H
#define ERR_ARGS_H

#include <stddef.h>

#include "parse.h"
#include "winerr.h"

enum err_mode {
    ERR_MODE_LOOKUP,  /* values, names, event data (the default)       */
    ERR_MODE_TABLES,  /* no inputs: the tables and their entry counts   */
    ERR_MODE_LIST,    /* -l: every entry, one line each                 */
    ERR_MODE_SEARCH,  /* -s WORD...: entries whose text has every word   */
    ERR_MODE_CSV,     /* --csv, /:outputtoCSV                           */
    ERR_MODE_HELP,
    ERR_MODE_VERSION
};

/* An input in argv order: an argument or the hex string of --bytes, parsed
 * here once, or standard input ("-", arg NULL, read and parsed by run.c). */
struct err_input {
    const char *arg;
    size_t len;
    struct err_query q; /* arg, parsed (not for standard input) */
};

struct err_cli {
    enum err_mode mode;
    int json, strict, use_stdin;
    int filtered;               /* any /TABLE given                     */
    winerr_filter filter;
    size_t nselected;           /* tables in the order they were named  */
    size_t *selected;
    size_t ninputs;
    struct err_input *inputs;
    char *words;                /* -s: the words, blank-separated       */
};

/*
 * Reads argv.  Returns 0, or -1 after printing the one-line usage error
 * ("err: '<arg>' <what is wrong>") to stderr.  Inputs are parsed here, so
 * a bad one stops the run before anything is printed, and run.c answers the
 * queries without parsing them again.  Free with
 * err_cli_free() in both cases.
 */
int err_cli_parse(int argc, char **argv, struct err_cli *c);

/* Does argv ask for --annotate (annotate.h)?  Only where it is an option:
 * not after "--", not among the words of -s, not as the value of --bytes. */
int err_cli_wants_annotate(int argc, char **argv);
void err_cli_free(struct err_cli *c);

/* The one-line error, "err: [where: ]'<arg>' <why>", the argument shown
 * safely (control bytes escaped, long ones cut with "..."). */
void err_complain(const char *where, const char *arg, size_t len, const char *why);

#endif /* ERR_ARGS_H */
