/*
 * platform.h - the few places where err behaves differently on Windows.
 *
 * On POSIX systems everything here is the plain C library call, so the
 * Linux build compiles to the same code as before.  The Windows build
 * (make windows, cli/win32.c) adds:
 *
 *   - a UTF-8 argv (from the UTF-16 command line) and files opened by
 *     UTF-8 names, so non-ASCII arguments and paths survive;
 *   - standard streams in binary mode: bytes in and out as on Linux, with
 *     --annotate's CRLF handling seeing the real line endings;
 *   - a console on stdout or stderr written with WriteConsoleW;
 *   - the running system's message tables as a second text source
 *     (FormatMessageW), and --lang to choose their language.
 */
#ifndef ERR_PLATFORM_H
#define ERR_PLATFORM_H

#include <stdio.h>

#include "winerr.h"

#ifdef _WIN32

/* The entry's text: the tables', or the system's where the tables have
 * none or --lang asked for the system's language.  NULL when neither has
 * one.  The string lives until the program ends. */
const char *err_win32_text(const winerr_entry *e);
/* Where err_win32_text(e) came from: "tables", "system", or NULL. */
const char *err_win32_text_origin(const winerr_entry *e);
/* fopen() with a UTF-8 path. */
FILE *err_win32_fopen(const char *path, const char *mode);
/* Is standard output a console (written line by line, as a tty is)? */
int err_win32_stdout_is_console(void);

#define err_entry_text(e) err_win32_text(e)
#define err_fopen(path, mode) err_win32_fopen(path, mode)

#else

#define err_entry_text(e) winerr_entry_text(e)
#define err_fopen(path, mode) fopen(path, mode)

#endif /* _WIN32 */

#endif /* ERR_PLATFORM_H */
