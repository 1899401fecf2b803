/* run.c - a parsed command line carried out: lookups, lists, dumps. */
#define _POSIX_C_SOURCE 200809L /* isatty, fileno */
#include "run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "chars.h"
#include "csv.h"
#include "input.h"
#include "json.h"
#include "answer.h"
#include "obuf.h"
#include "output.h"
#include "parse.h"
#include "quote.h"
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
    size_t inputs;    /* inputs answered (or rejected) so far */
    int first;        /* no reading printed yet for the current input */
};

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
    for (size_t i = 0; i < q->dwords; i++) {
        if (err_answer_value(&r->a, q->dword[i].value, &r->opts) < 0)
            return -1;
        r->a.has_offset = 1;
        r->a.offset = q->dword[i].offset;
        emit(r);
    }
    return 0;
}

/* One parsed input, answered in full.  Returns 0, or -1 when memory ran out. */
static int answer(struct run *r, const struct err_query *q, const char *arg, size_t len)
{
    r->inputs++;
    r->found = 0;
    r->first = 1;
    if (r->cli->json)
        err_json_begin(r->out, arg, len, err_form_name(q->form));
    int rc;
    if (q->form == ERR_FORM_NAME || q->form == ERR_FORM_SUBSTRING)
        rc = answer_names(r, q);
    else if (q->form == ERR_FORM_EVENTLOG || q->form == ERR_FORM_HEXSTRING)
        rc = answer_dwords(r, q);
    else
        rc = answer_values(r, q);
    if (r->cli->json)
        err_json_end(r->out, r->found);
    else
        err_text_footer(r->ob, r->found, arg, len);
    raise_status(r, r->found > 0 ? 0 : 1);
    return rc;
}

/* A value read from standard input: parsed, answered, or reported. */
static int answer_text(struct run *r, const char *arg, size_t len, const char *where)
{
    struct err_query q;
    char why[200];
    int ok = err_parse_arg(arg, len, &q, why, sizeof why) == 0;
    if (ok && (q.form == ERR_FORM_TABLE || q.form == ERR_FORM_CSV || q.form == ERR_FORM_HELP)) {
        snprintf(why, sizeof why, "is a command-line switch, not a value");
        ok = 0;
    }
    if (!ok) {
        r->inputs++;
        err_complain(where, arg, len, why);
        if (r->cli->json)
            err_json_error(r->out, arg, len, why);
        raise_status(r, 2);
        err_query_free(&q);
        return 0;
    }
    int rc = answer(r, &q, arg, len);
    err_query_free(&q);
    return rc;
}

struct line_ctx {
    struct run *r;
    char where[48];
};

static int on_token(void *ctx, const char *tok, size_t len)
{
    struct line_ctx *c = ctx;
    return answer_text(c->r, tok, len, c->where);
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
    if (lineno == 1) { /* a UTF-8 byte-order mark is not part of the input */
        size_t bom = winerr__bom_len(line, len);
        line += bom;
        len -= bom;
    }
    if (err_parse_is_phrase(line, len)) {
        err_trim(&line, &len);
        rc = answer_text(c->r, line, len, c->where);
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
    size_t before = r->inputs;
    err_reader_init(&rd, MAX_LINE, on_line, &c);
    int rc = err_reader_stream(&rd, stdin);
    int saved = errno;
    err_reader_free(&rd);
    if (rc == -2) {
        err_io_error(NULL, "read", saved);
        raise_status(r, 2);
        return 0;
    }
    /* on_line counted the values read, through the reader's callback */
    // cppcheck-suppress knownConditionTrueFalse
    if (r->inputs == before) /* no values at all: nothing matched */
        raise_status(r, 1);
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
        int rc = in->arg == NULL ? read_stdin(r) : answer(r, &in->q, in->arg, in->len);
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
        if (c->json) {
            err_json_tables(r->out, r->opts.filter);
            return 0;
        }
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
    errno = 0; /* isatty's ENOTTY is no reason for a failed write */
    if (dispatch(&r) < 0) {
        fprintf(stderr, "err: out of memory\n");
        r.status = 2;
    }
    err_obuf_flush(&ob);
    err_text_cache_free();
    err_answer_free(&r.a);
    err_cli_free(&cli);
    /* A failed write leaves its errno: nothing after it fails quietly. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        err_io_error(NULL, "written", errno);
        return 2;
    }
    return r.status;
}
