/*
 * quote.h - show a piece of untrusted input safely inside a message.
 */
#ifndef ERR_QUOTE_H
#define ERR_QUOTE_H

#include <stddef.h>

/*
 * Writes s[0..len) into buf as printable ASCII: bytes outside 0x20..0x7e,
 * the backslash and the apostrophe become \xNN, \\ and \'.  At most `max`
 * input bytes are shown, then "...".  Always NUL-terminates when bufsize > 0
 * and never writes past bufsize.  Returns buf, so it can go straight into a
 * printf argument list.
 */
const char *err_quote(const char *s, size_t len, size_t max, char *buf, size_t bufsize);

/* Room err_quote needs for `max` input bytes in the worst case. */
#define ERR_QUOTE_SIZE(max) ((max) * 4 + 4)

/*
 * The one line for an I/O error, the same from err and err --annotate:
 *   err: standard input could not be read: Is a directory
 *   err: standard output could not be written: No space left on device
 *   err: 'x.log' could not be opened: No such file or directory
 * `path` NULL or "-" is standard input (standard output for "written");
 * `what` is "opened", "read" or "written"; errnum is the errno it failed
 * with (0 when none was left: the reason is then left out).
 */
void err_io_error(const char *path, const char *what, int errnum);

#endif /* ERR_QUOTE_H */
