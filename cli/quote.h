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

#endif /* ERR_QUOTE_H */
