/* args.c - argv to a run description; every usage error caught up front. */
#include "args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "quote.h"

#define SHOWN 64 /* bytes of a bad argument shown in a message */

void err_complain(const char *where, const char *arg, size_t len, const char *why)
{
    char q[ERR_QUOTE_SIZE(SHOWN)];
    fprintf(stderr, "err: %s%s'%s' %s\n", where ? where : "", where ? ": " : "",
            err_quote(arg, len, SHOWN, q, sizeof q), why);
}

void err_cli_free(struct err_cli *c)
{
    for (size_t i = 0; c->inputs != NULL && i < c->ninputs; i++)
        err_query_free(&c->inputs[i].q);
    free(c->selected);
    free(c->inputs);
    free(c->words);
    c->selected = NULL;
    c->inputs = NULL;
    c->words = NULL;
}

static int usage_error(const char *arg, const char *why)
{
    err_complain(NULL, arg, strlen(arg), why);
    return -1;
}

static int set_mode(struct err_cli *c, enum err_mode m, const char *arg)
{
    if (c->mode != ERR_MODE_LOOKUP && c->mode != m)
        return usage_error(arg, "cannot be combined with the other mode given");
    c->mode = m;
    return 0;
}

static int select_table(struct err_cli *c, size_t t)
{
    if (winerr_filter_has(&c->filter, t))
        return 0; /* named twice: select once */
    winerr_filter_add(&c->filter, t);
    c->selected[c->nselected++] = t;
    c->filtered = 1;
    return 0;
}

/* Any argument that is not an option: parsed now, answered later. */
static int add_input(struct err_cli *c, const char *arg, int bytes)
{
    struct err_input *in = &c->inputs[c->ninputs];
    char why[200];
    size_t len = strlen(arg), bom = winerr__bom_len(arg, len);
    arg += bom; /* pasted from a file that starts with a byte-order mark */
    len -= bom;
    int rc = bytes ? err_parse_bytes(arg, len, &in->q, why, sizeof why)
                   : err_parse_arg(arg, len, &in->q, why, sizeof why);
    if (rc < 0)
        return usage_error(arg, why);
    if (in->q.form == ERR_FORM_TABLE)
        return select_table(c, (size_t)in->q.table);
    if (in->q.form == ERR_FORM_CSV)
        return set_mode(c, ERR_MODE_CSV, arg);
    if (in->q.form == ERR_FORM_HELP)
        return set_mode(c, ERR_MODE_HELP, arg);
    in->arg = arg;
    in->len = len;
    c->ninputs++;
    return 0;
}

/* -s WORD...: the rest of the command line, joined by blanks. */
static int take_words(struct err_cli *c, int argc, char **argv, int i)
{
    size_t n = 1;
    for (int k = i + 1; k < argc; k++)
        n += strlen(argv[k]) + 1;
    if (i + 1 >= argc)
        return usage_error(argv[i], "needs at least one word to search for");
    c->words = malloc(n);
    if (c->words == NULL)
        return usage_error(argv[i], "cannot get memory for its words");
    char *p = c->words;
    for (int k = i + 1; k < argc; k++) {
        size_t len = strlen(argv[k]);
        memcpy(p, argv[k], len);
        p += len;
        *p++ = ' ';
    }
    *p = '\0';
    const char *w = c->words;
    while (*w != '\0' && winerr__is_space(*w))
        w++;
    if (*w == '\0')
        return usage_error(argv[i], "needs at least one word to search for");
    return set_mode(c, ERR_MODE_SEARCH, argv[i]);
}

static const struct flag {
    const char *name;
    int what;
} flags[] = {
    {"-h", 'h'},      {"--help", 'h'},    {"--version", 'V'}, {"--json", 'j'},
    {"--strict", 't'}, {"--csv", 'c'},     {"-l", 'l'},        {"--list", 'l'},
};

/* Returns 1 when arg was an option handled here, 0 when it is not an
 * option, -1 on a usage error. */
static int option(struct err_cli *c, const char *arg)
{
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        if (strcmp(arg, flags[i].name) != 0)
            continue;
        switch (flags[i].what) {
        case 'h': return set_mode(c, ERR_MODE_HELP, arg) < 0 ? -1 : 1;
        case 'V': return set_mode(c, ERR_MODE_VERSION, arg) < 0 ? -1 : 1;
        case 'c': return set_mode(c, ERR_MODE_CSV, arg) < 0 ? -1 : 1;
        case 'l': return set_mode(c, ERR_MODE_LIST, arg) < 0 ? -1 : 1;
        case 'j': c->json = 1; return 1;
        case 't': c->strict = 1; return 1;
        default: return 0;
        }
    }
    if (strcmp(arg, "-") == 0) {
        if (c->use_stdin)
            return usage_error(arg, "names standard input twice");
        c->use_stdin = 1;
        c->inputs[c->ninputs].arg = NULL; /* read stdin here, in turn */
        c->inputs[c->ninputs].len = 0;
        memset(&c->inputs[c->ninputs++].q, 0, sizeof c->inputs[0].q);
        return 1;
    }
    if (strncmp(arg, "--bytes=", 8) == 0)
        return add_input(c, arg + 8, 1) < 0 ? -1 : 1;
    if (arg[0] == '-' && !(arg[1] >= '0' && arg[1] <= '9'))
        return usage_error(arg, "is not an option (err --help lists them)");
    return 0;
}

static int alloc(struct err_cli *c, int argc)
{
    size_t n = argc > 0 ? (size_t)argc : 1;
    c->inputs = calloc(n, sizeof *c->inputs);
    c->selected = calloc(winerr_table_count() + 1, sizeof *c->selected);
    return c->inputs != NULL && c->selected != NULL ? 0 : -1;
}

/* After the whole line is read: modes that take no inputs get none. */
static int check_combination(struct err_cli *c)
{
    if (c->mode == ERR_MODE_LOOKUP && c->ninputs == 0)
        c->mode = ERR_MODE_TABLES;
    if (c->json && c->mode == ERR_MODE_CSV)
        return usage_error("--json", "cannot be combined with --csv or /:outputtoCSV");
    if (c->mode == ERR_MODE_HELP || c->mode == ERR_MODE_VERSION || c->mode == ERR_MODE_LOOKUP ||
        c->mode == ERR_MODE_TABLES)
        return 0;
    if (c->ninputs > 0 && c->inputs[0].arg == NULL)
        return usage_error("-", "cannot be read together with --csv, -l or -s");
    if (c->ninputs > 0)
        return usage_error(c->inputs[0].arg, "cannot be looked up together with --csv, -l or -s");
    return 0;
}

int err_cli_wants_annotate(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0 || strcmp(a, "-s") == 0 || strcmp(a, "--search") == 0)
            return 0; /* the rest are values or words */
        if (strcmp(a, "--bytes") == 0)
            i++;
        else if (strcmp(a, "--annotate") == 0)
            return 1;
    }
    return 0;
}

int err_cli_parse(int argc, char **argv, struct err_cli *c)
{
    int dashdash = 0;
    memset(c, 0, sizeof *c);
    winerr_filter_clear(&c->filter);
    if (alloc(c, argc) < 0)
        return usage_error(argc > 0 ? argv[0] : "err", "cannot get memory for its arguments");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!dashdash && strcmp(a, "--") == 0) {
            if (i + 1 == argc)
                return usage_error(a, "must be followed by the values it protects");
            dashdash = 1;
            continue;
        }
        if (!dashdash && (strcmp(a, "-s") == 0 || strcmp(a, "--search") == 0))
            return take_words(c, argc, argv, i) < 0 ? -1 : check_combination(c);
        if (!dashdash && strcmp(a, "--bytes") == 0) {
            if (i + 1 == argc)
                return usage_error(a, "needs a hex string such as C1000780");
            if (add_input(c, argv[++i], 1) < 0)
                return -1;
            continue;
        }
        int r = dashdash ? 0 : option(c, a);
        if (r < 0 || (r == 0 && add_input(c, a, 0) < 0))
            return -1;
    }
    return check_combination(c);
}
