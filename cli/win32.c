/*
 * win32.c - what err.exe does differently from the Linux err (platform.h).
 *
 * Built only by `make windows` (with -municode): wmain() below is the entry
 * point; it prepares the process and calls main.c's main() with a UTF-8
 * argv from which --lang has been taken out.
 *
 * Output.  A console gets UTF-16 through WriteConsoleW: stdout and stderr
 * are then pipes read by one thread each, which decode the UTF-8 that the
 * rest of err writes and pass it on.  Anything else (a pipe, a file) gets
 * the same bytes as on Linux: UTF-8, lines ending in LF, and --annotate's
 * copy of its input byte for byte (CRLF stays CRLF).
 *
 * Texts.  An entry without a text in the tables gets the system's, from
 * FormatMessageW: the system's message table for Win32 codes and HRESULTs,
 * ntdll.dll's for NTSTATUS values.  --lang asks for the system's text in
 * one language first, for every entry it has one for.
 */
#ifdef _WIN32

#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include <fcntl.h>
#include <io.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "args.h"
#include "platform.h"

int main(int argc, char **argv); /* main.c */

/* ---- UTF-8 <-> UTF-16 ----------------------------------------------------- */

/* A NUL-terminated UTF-8 copy of w[0..n) (n < 0: up to its NUL), or NULL. */
static char *to_utf8(const wchar_t *w, int n)
{
    int k = WideCharToMultiByte(CP_UTF8, 0, w, n, NULL, 0, NULL, NULL);
    if (k <= 0 && n != 0)
        return NULL;
    char *s = malloc((size_t)k + 1);
    if (s == NULL)
        return NULL;
    if (k > 0)
        WideCharToMultiByte(CP_UTF8, 0, w, n, s, k, NULL, NULL);
    s[k] = '\0';
    return s;
}

static wchar_t *to_utf16(const char *s)
{
    int k = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
    if (k <= 0)
        return NULL;
    wchar_t *w = malloc((size_t)k * sizeof *w);
    if (w != NULL)
        MultiByteToWideChar(CP_UTF8, 0, s, -1, w, k);
    return w;
}

FILE *err_win32_fopen(const char *path, const char *mode)
{
    wchar_t *wp = to_utf16(path), *wm = to_utf16(mode);
    FILE *f = wp != NULL && wm != NULL ? _wfopen(wp, wm) : NULL;
    free(wp);
    free(wm);
    return f;
}

/* ---- the console ------------------------------------------------------------ */

struct relay {
    HANDLE console;     /* where the text goes                        */
    HANDLE pipe;        /* the read end; the CRT's fd writes the other */
    HANDLE thread;
    int fd;             /* 1 or 2                                      */
    char in[4096 + 4];  /* the thread's buffers                        */
    wchar_t out[4096 + 4];
};

static struct relay relays[2];
static int stdout_console;

/* Reads UTF-8 from the pipe until it closes, writing it as UTF-16.  A
 * character split between two reads waits for its other bytes; bytes that
 * are not UTF-8 show as U+FFFD. */
static DWORD WINAPI relay_thread(void *arg)
{
    struct relay *r = arg;
    char *in = r->in;
    wchar_t *out = r->out;
    size_t have = 0;
    for (;;) {
        DWORD got = 0;
        if (!ReadFile(r->pipe, in + have, 4096, &got, NULL) || got == 0)
            break;
        size_t n = have + got, cut = n;
        /* Hold back the start of a character whose bytes have not all come. */
        for (size_t back = 1; back <= 3 && back <= n; back++) {
            unsigned char c = (unsigned char)in[n - back];
            if ((c & 0xc0) == 0x80)
                continue;
            size_t need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
            if (need > back)
                cut = n - back;
            break;
        }
        int w = MultiByteToWideChar(CP_UTF8, 0, in, (int)cut, out, 4096 + 4);
        DWORD done;
        if (w > 0)
            WriteConsoleW(r->console, out, (DWORD)w, &done, NULL);
        have = n - cut;
        memmove(in, in + cut, have);
    }
    if (have > 0) {
        int w = MultiByteToWideChar(CP_UTF8, 0, in, (int)have, out, 4096 + 4);
        DWORD done;
        if (w > 0)
            WriteConsoleW(r->console, out, (DWORD)w, &done, NULL);
    }
    return 0;
}

/* When fd (1 or 2) is a console, points it at a pipe that a thread copies
 * to the console.  Otherwise leaves it alone. */
static void relay_start(struct relay *r, int fd, DWORD std)
{
    DWORD mode;
    HANDLE h = GetStdHandle(std), rd, wr;
    r->fd = fd;
    if (h == NULL || h == INVALID_HANDLE_VALUE || !GetConsoleMode(h, &mode))
        return;
    /* Our own handle on the console: _dup2 below closes fd's. */
    if (!DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &h, 0, FALSE,
                         DUPLICATE_SAME_ACCESS))
        return;
    if (!CreatePipe(&rd, &wr, NULL, 0)) {
        CloseHandle(h);
        return;
    }
    int wfd = _open_osfhandle((intptr_t)wr, _O_BINARY | _O_WRONLY);
    if (wfd < 0) {
        CloseHandle(rd);
        CloseHandle(wr);
        CloseHandle(h);
        return;
    }
    r->console = h;
    r->pipe = rd;
    r->thread = CreateThread(NULL, 0, relay_thread, r, 0, NULL);
    if (r->thread == NULL || _dup2(wfd, fd) != 0) {
        /* No relay: the bytes go to the console as they are. */
        _close(wfd);
        if (r->thread != NULL) {
            WaitForSingleObject(r->thread, INFINITE);
            CloseHandle(r->thread);
        }
        CloseHandle(h);
        CloseHandle(rd);
        r->console = NULL;
        r->thread = NULL;
        return;
    }
    _close(wfd);
    if (fd == 1)
        stdout_console = 1;
}

/* Closes the pipe so the thread sees its end, and waits for the thread. */
static void relay_stop(struct relay *r)
{
    fflush(r->fd == 1 ? stdout : stderr);
    if (r->thread == NULL)
        return;
    _close(r->fd);
    WaitForSingleObject(r->thread, INFINITE);
    CloseHandle(r->thread);
    CloseHandle(r->pipe);
    CloseHandle(r->console);
    r->thread = NULL;
}

/* Also at exit(), so what was written before an exit(2) still shows. */
static void relays_stop(void)
{
    relay_stop(&relays[0]);
    relay_stop(&relays[1]);
}

int err_win32_stdout_is_console(void)
{
    return stdout_console;
}

/* ---- texts from the system ---------------------------------------------------- */

static LANGID lang;      /* --lang, as a LANGID          */
static int lang_given;   /* 0: the tables' texts first   */

struct text_slot {
    const winerr_entry *e;
    const char *text;    /* what err_win32_text returns  */
    const char *origin;
    char *owned;         /* a system text, ours to free  */
};

static struct text_slot *slots; /* open addressing on the entry's address */
static size_t nslots, used;

static size_t slot_of(const winerr_entry *e, struct text_slot *tab, size_t n)
{
    uintptr_t k = (uintptr_t)e;
    size_t i = (size_t)((k >> 3) * 0x9e3779b97f4a7c15ull) & (n - 1);
    while (tab[i].e != NULL && tab[i].e != e)
        i = (i + 1) & (n - 1);
    return i;
}

static int grow(void)
{
    size_t n = nslots ? nslots * 2 : 1024;
    struct text_slot *t = calloc(n, sizeof *t);
    if (t == NULL)
        return -1;
    for (size_t i = 0; i < nslots; i++)
        if (slots[i].e != NULL)
            t[slot_of(slots[i].e, t, n)] = slots[i];
    free(slots);
    slots = t;
    nslots = n;
    return 0;
}

/* The system's text for e in language `lang_id` (0: the system's usual
 * choice), as UTF-8 with LF line ends and no trailing blank; or NULL. */
static char *system_text(const winerr_entry *e, LANGID lang_id)
{
    DWORD flags = FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_IGNORE_INSERTS;
    const void *source = NULL;
    uint32_t v = winerr_entry_value(e);
    switch (winerr_entry_kind(e)) {
    case WINERR_KIND_WIN32:
        /* Small numbers mean different things in different headers (error.h's
         * ERROR_I24_* or raserror.h's codes are not the system's): only
         * winerror.h's own Win32 codes are the system message table's. */
        if (strcmp(winerr_entry_table(e), "winerror.h") != 0)
            return NULL;
        flags |= FORMAT_MESSAGE_FROM_SYSTEM;
        break;
    case WINERR_KIND_HRESULT:
        /* With no facility and no severity an HRESULT is a small number that
         * the system table holds as a Win32 code: S_FALSE is not "Incorrect
         * function." */
        if (v <= 0xffff)
            return NULL;
        flags |= FORMAT_MESSAGE_FROM_SYSTEM;
        break;
    case WINERR_KIND_NTSTATUS:
        source = GetModuleHandleW(L"ntdll.dll");
        if (source == NULL)
            return NULL;
        flags |= FORMAT_MESSAGE_FROM_HMODULE;
        break;
    default: return NULL;
    }
    wchar_t *w = NULL;
    DWORD n = FormatMessageW(flags, source, v, lang_id, (wchar_t *)&w, 0, NULL);
    if (n == 0 || w == NULL) {
        if (w != NULL)
            LocalFree(w);
        return NULL;
    }
    char *s = to_utf8(w, (int)n);
    LocalFree(w);
    if (s == NULL)
        return NULL;
    size_t j = 0;
    for (size_t i = 0; s[i] != '\0'; i++)
        if (!(s[i] == '\r' && s[i + 1] == '\n'))
            s[j++] = s[i];
    while (j > 0 && (s[j - 1] == '\n' || s[j - 1] == ' ' || s[j - 1] == '\t'))
        j--;
    s[j] = '\0';
    if (j == 0) {
        free(s);
        return NULL;
    }
    return s;
}

static const struct text_slot *lookup(const winerr_entry *e)
{
    static struct text_slot none;
    if ((used + 1) * 2 > nslots && grow() < 0) {
        none.e = e; /* no memory to remember it: the tables' text only */
        none.text = winerr_entry_text(e);
        none.origin = none.text != NULL ? "tables" : NULL;
        return &none;
    }
    struct text_slot *s = &slots[slot_of(e, slots, nslots)];
    if (s->e == e)
        return s;
    s->e = e;
    used++;
    const char *t = winerr_entry_text(e);
    if (t != NULL && *t == '\0')
        t = NULL;
    if (lang_given || t == NULL)
        s->owned = system_text(e, lang_given ? lang : 0);
    if (s->owned == NULL && lang_given && t == NULL)
        s->owned = system_text(e, 0); /* not in LANG: in any language */
    if (s->owned != NULL) {
        s->text = s->owned;
        s->origin = "system";
    } else {
        s->text = t;
        s->origin = t != NULL ? "tables" : NULL;
    }
    return s;
}

const char *err_win32_text(const winerr_entry *e)
{
    return lookup(e)->text;
}

const char *err_win32_text_origin(const winerr_entry *e)
{
    return lookup(e)->origin;
}

static void free_texts(void)
{
    for (size_t i = 0; i < nslots; i++)
        free(slots[i].owned);
    free(slots);
    slots = NULL;
    nslots = used = 0;
}

/* ---- --lang ------------------------------------------------------------------ */

/* "0x0407", "1031" or a locale name such as "de-DE" to a LANGID; 0 when it
 * is none of these. */
static LANGID parse_lang(const char *s)
{
    char *end;
    if (s[0] >= '0' && s[0] <= '9') {
        unsigned long v = strtoul(s, &end, 0);
        return *end == '\0' && v > 0 && v <= 0xffff ? (LANGID)v : 0;
    }
    if (strlen(s) > LOCALE_NAME_MAX_LENGTH)
        return 0;
    wchar_t *w = to_utf16(s);
    if (w == NULL)
        return 0;
    LCID lcid = LocaleNameToLCID(w, 0);
    free(w);
    return lcid == 0 ? 0 : LANGIDFROMLCID(lcid);
}

static int lang_error(const char *arg, const char *why)
{
    err_complain(NULL, arg, strlen(arg), why);
    return -1;
}

/* Takes "--lang X" and "--lang=X" out of argv (where they are options: not
 * after "--", not among the words of -s, not as the value of --bytes).
 * Returns the new argc, or -1 after a one-line error. */
static int take_lang(int argc, char **argv)
{
    int out = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *value = NULL;
        if (strcmp(a, "--") == 0 || strcmp(a, "-s") == 0 || strcmp(a, "--search") == 0) {
            while (i < argc)
                argv[out++] = argv[i++];
            break;
        }
        if (strcmp(a, "--bytes") == 0 && i + 1 < argc) {
            argv[out++] = argv[i++];
            argv[out++] = argv[i];
            continue;
        }
        if (strcmp(a, "--lang") == 0) {
            if (i + 1 == argc)
                return lang_error(a, "needs a language: a tag such as de-DE or a LANGID "
                                     "such as 0x0407");
            value = argv[++i];
        } else if (strncmp(a, "--lang=", 7) == 0) {
            value = a + 7;
        } else {
            argv[out++] = argv[i];
            continue;
        }
        lang = parse_lang(value);
        if (lang == 0)
            return lang_error(value, "is not a language: give a tag this system knows, "
                                     "such as de-DE, or a LANGID such as 0x0407");
        lang_given = 1;
    }
    argv[out] = NULL;
    return out;
}

/* ---- the entry point ------------------------------------------------------------ */

int wmain(int argc, wchar_t **wargv);

int wmain(int argc, wchar_t **wargv)
{
    char **argv = calloc((size_t)argc + 1, sizeof *argv);
    int status;
    if (argv == NULL) {
        fputs("err: out of memory\n", stderr);
        return 2;
    }
    for (int i = 0; i < argc; i++)
        if ((argv[i] = to_utf8(wargv[i], -1)) == NULL) {
            fputs("err: out of memory\n", stderr);
            return 2;
        }
    char **owned = malloc(((size_t)argc + 1) * sizeof *owned);
    if (owned == NULL) {
        fputs("err: out of memory\n", stderr);
        return 2;
    }
    memcpy(owned, argv, ((size_t)argc + 1) * sizeof *owned);

    /* A console keeps text mode on input: Ctrl+Z then Enter ends `err -`
     * there, as it ends every Windows program's typed input. */
    DWORD in_mode;
    if (!GetConsoleMode(GetStdHandle(STD_INPUT_HANDLE), &in_mode))
        _setmode(0, _O_BINARY);
    _setmode(1, _O_BINARY);
    _setmode(2, _O_BINARY);
    relay_start(&relays[0], 1, STD_OUTPUT_HANDLE);
    relay_start(&relays[1], 2, STD_ERROR_HANDLE);
    atexit(relays_stop);

    int n = take_lang(argc, argv);
    status = n < 0 ? 2 : main(n, argv);

    relays_stop();
    free_texts();
    for (int i = 0; i < argc; i++)
        free(owned[i]);
    free(owned);
    free(argv);
    return status;
}

#endif /* _WIN32 */
