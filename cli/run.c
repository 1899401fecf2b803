/* run.c - a parsed command line carried out: lookups, lists, dumps. */
#define _POSIX_C_SOURCE 200809L /* isatty, fileno */
#include "run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "csv.h"
#include "eventlog.h"
#include "input.h"
#include "json.h"
#include "lookup.h"
#include "obuf.h"
#include "output.h"
#include "parse.h"
#include "platform.h"
#include "usage.h"

#define MAX_LINE ((size_t)16 << 20) /* longest stdin line read */

struct run {
    const struct err_cli *cli;
    struct err_opts opts;
    struct err_answer a;
    FILE *out;        /* --json, --csv, --help: stdio */
    struct err_obuf *ob; /* the text layout: buffered pieces, to out */
    int status;       /* the worst outcome so far: 0, 1 or 2 */
    int interactive;  /* stdout is a terminal: flush per stdin line */
    size_t found;     /* matches of the current input */
    int first;        /* no reading printed yet for the current input */
};

static const char *form_name(enum err_form f)
{
    static const char *const names[] = {"hex",       "decimal",  "ambiguous", "name",
                                        "substring", "table",    "eventlog",  "bytes",
                                        "csv",       "help"};
    return (size_t)f < sizeof names / sizeof names[0] ? names[f] : "unknown";
}

static void raise_status(struct run *r, int s)
{
    if (s > r->status)
        r->status = s;
}

/* Prints r->a, the answer just computed, in the chosen format. */
static void emit(struct run *r)
{
    if (r->cli->json)
        err_json_answer(r->out, &r->a, r->first);
    else
        err_text_answer(r->ob, &r->a);
    r->first = 0;
    r->found += r->a.total;
}

static int answer_values(struct run *r, const struct err_query *q)
{
    for (size_t i = 0; i < q->nreadings; i++) {
        if (err_answer_value(&r->a, q->readings[i].value, &r->opts) < 0)
            return -1;
        r->a.decimal = q->readings[i].decimal;
        r->a.negative = q->readings[i].negative;
        emit(r);
    }
    return 0;
}

/* Name and substring hits, grouped under one header per run of equal values. */
static int answer_names(struct run *r, const struct err_query *q)
{
    winerr_iter it;
    const char *how = q->form == ERR_FORM_NAME ? "name" : "substring";
    int open = 0;
    if (q->form == ERR_FORM_NAME)
        winerr_by_name(&it, q->name, r->opts.filter);
    else
        winerr_by_substring(&it, q->name, r->opts.filter);
    for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;) {
        if (!open || winerr_entry_value(e) != r->a.value) {
            if (open)
                emit(r);
            err_answer_group(&r->a, winerr_entry_value(e), how);
            open = 1;
        }
        if (err_answer_add(&r->a, e) < 0)
            return -1;
    }
    if (open)
        emit(r);
    return 0;
}

static int answer_dwords(struct run *r, const struct err_query *q)
{
    char why[200];
    err_dword *d = malloc(q->dwords * sizeof *d);
    if (d == NULL)
        return -1;
    long n = q->form == ERR_FORM_HEXSTRING
                 ? err_hexstring_parse(q->data, q->data_len, d, q->dwords, NULL, why, sizeof why)
                 : err_eventlog_parse(q->data, q->data_len, d, q->dwords, NULL, why, sizeof why);
    int rc = 0;
    for (long i = 0; i < n && (size_t)i < q->dwords; i++) {
        if (err_answer_value(&r->a, d[i].value, &r->opts) < 0) {
            rc = -1;
            break;
        }
        r->a.has_offset = 1;
        r->a.offset = d[i].offset;
        emit(r);
    }
    free(d);
    return rc;
}

/* Reads an input into q, or says what is wrong with it. */
static int read_input(const char *arg, size_t len, int bytes, struct err_query *q, char *why,
                      size_t whylen)
{
    if (!bytes) {
        if (err_parse_arg(arg, len, q, why, whylen) < 0)
            return -1;
        if (q->form == ERR_FORM_TABLE || q->form == ERR_FORM_CSV || q->form == ERR_FORM_HELP) {
            snprintf(why, whylen, "is a command-line switch, not a value");
            return -1;
        }
        return 0;
    }
    memset(q, 0, sizeof *q);
    long n = err_hexstring_parse(arg, len, NULL, 0, NULL, why, whylen);
    if (n < 0)
        return -1;
    q->form = ERR_FORM_HEXSTRING;
    q->data = arg;
    q->data_len = len;
    q->dwords = (size_t)n;
    return 0;
}

/* One input, answered in full.  Returns 0, or -1 when memory ran out. */
static int answer(struct run *r, const char *arg, size_t len, int bytes, const char *where)
{
    struct err_query q;
    char why[200];
    if (read_input(arg, len, bytes, &q, why, sizeof why) < 0) {
        err_complain(where, arg, len, why);
        if (r->cli->json)
            err_json_error(r->out, arg, len, why);
        raise_status(r, 2);
        return 0;
    }
    r->found = 0;
    r->first = 1;
    if (r->cli->json)
        err_json_begin(r->out, arg, len, form_name(q.form));
    int rc;
    if (q.form == ERR_FORM_NAME || q.form == ERR_FORM_SUBSTRING)
        rc = answer_names(r, &q);
    else if (q.form == ERR_FORM_EVENTLOG || q.form == ERR_FORM_HEXSTRING)
        rc = answer_dwords(r, &q);
    else
        rc = answer_values(r, &q);
    if (r->cli->json)
        err_json_end(r->out, r->found);
    else
        err_text_footer(r->ob, r->found, arg, len);
    raise_status(r, r->found > 0 ? 0 : 1);
    return rc;
}

struct line_ctx {
    struct run *r;
    char where[48];
};

static int on_token(void *ctx, const char *tok, size_t len)
{
    struct line_ctx *c = ctx;
    return answer(c->r, tok, len, 0, c->where);
}

static int on_line(void *ctx, const char *line, size_t len, size_t lineno, int overlong)
{
    struct line_ctx *c = ctx;
    snprintf(c->where, sizeof c->where, "stdin line %zu", lineno);
    if (overlong) {
        err_complain(c->where, line, len, "starts a line longer than 16 MiB, not read");
        raise_status(c->r, 2);
        return 0;
    }
    int rc;
    if (err_parse_is_phrase(line, len)) {
        while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
            len--;
        while (len > 0 && (*line == ' ' || *line == '\t'))
            line++, len--;
        rc = answer(c->r, line, len, 0, c->where);
    } else {
        rc = err_split_tokens(line, len, on_token, ctx);
    }
    if (c->r->interactive) {
        err_obuf_flush(c->r->ob);
        fflush(c->r->out);
    }
    return rc;
}

static int read_stdin(struct run *r)
{
    struct line_ctx c = {r, ""};
    struct err_reader rd;
    err_reader_init(&rd, MAX_LINE, on_line, &c);
    int rc = err_reader_stream(&rd, stdin);
    err_reader_free(&rd);
    if (rc == -2) {
        fprintf(stderr, "err: standard input could not be read\n");
        raise_status(r, 2);
        return 0;
    }
    return rc;
}

static int lookups(struct run *r)
{
    const struct err_cli *c = r->cli;
    if (!c->json)
        for (size_t i = 0; i < c->nselected; i++)
            err_text_selected(r->ob, winerr_table_name(c->selected[i]));
    for (size_t i = 0; i < c->ninputs; i++) {
        const struct err_input *in = &c->inputs[i];
        int rc = in->arg == NULL ? read_stdin(r) : answer(r, in->arg, in->len, in->bytes, NULL);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* -l and -s: one line per entry. */
static void entries(struct run *r, winerr_iter *it)
{
    size_t n = 0;
    for (const winerr_entry *e; (e = winerr_next(it)) != NULL; n++) {
        if (r->cli->json)
            err_json_entry_line(r->out, e);
        else
            err_text_list_line(r->ob, e);
    }
    r->status = n > 0 ? 0 : 1;
}

static int dispatch(struct run *r)
{
    const struct err_cli *c = r->cli;
    winerr_iter it;
    switch (c->mode) {
    case ERR_MODE_HELP: err_usage(r->out); return 0;
    case ERR_MODE_VERSION: fprintf(r->out, "err (winerr) %s\n", winerr_version()); return 0;
    case ERR_MODE_CSV: err_csv_dump(r->out, r->opts.filter); return 0;
    case ERR_MODE_LIST: winerr_all(&it, r->opts.filter); entries(r, &it); return 0;
    case ERR_MODE_SEARCH:
        winerr_by_text(&it, c->words, r->opts.filter);
        entries(r, &it);
        return 0;
    case ERR_MODE_TABLES:
        for (size_t i = 0; i < c->nselected; i++)
            err_text_selected(r->ob, winerr_table_name(c->selected[i]));
        err_text_tables(r->ob, r->opts.filter);
        return 0;
    default: return lookups(r);
    }
}

int err_cli_main(int argc, char **argv)
{
    static struct err_obuf ob;   /* the text layout's, see obuf.h */
    struct err_cli cli;
    if (err_cli_parse(argc, argv, &cli) < 0) {
        err_cli_free(&cli);
        return 2;
    }
    struct run r = {.cli = &cli, .out = stdout, .ob = &ob};
    r.opts.filter = cli.filtered ? &cli.filter : NULL;
    r.opts.strict = cli.strict;
#ifdef _WIN32
    r.interactive = err_win32_stdout_is_console();
#else
    r.interactive = isatty(fileno(stdout));
#endif
    if (!r.interactive) {
        static char outbuf[1 << 16]; /* stdio's buffer, for --json and --csv */
        setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    }
    err_answer_init(&r.a);
    err_obuf_init(&ob, stdout);
    if (dispatch(&r) < 0) {
        fprintf(stderr, "err: out of memory\n");
        r.status = 2;
    }
    err_obuf_flush(&ob);
    err_text_cache_free();
    err_answer_free(&r.a);
    err_cli_free(&cli);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "err: standard output could not be written\n");
        return 2;
    }
    return r.status;
}
