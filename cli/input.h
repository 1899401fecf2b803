/*
 * input.h - `err -`: standard input cut into lines and tokens.
 *
 * The reader takes bytes in chunks of any size (so a fuzz target can split
 * them anywhere) and calls back once per line, without the newline and
 * without a trailing '\r'.  Memory stays bounded: a line longer than `max`
 * bytes is reported once as overlong (with its first bytes) and the rest of
 * it is skipped.  Bytes are passed through as they are: NUL, invalid UTF-8.
 */
#ifndef ERR_INPUT_H
#define ERR_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Called per line; `overlong` set means line[0..len) is only the start of a
 * line that exceeded the limit.  A negative return stops the reader. */
typedef int (*err_line_fn)(void *ctx, const char *line, size_t len, size_t lineno,
                           int overlong);

struct err_reader {
    char *buf;         /* the start of a line split across chunks */
    size_t len, cap;
    size_t max;        /* longest line handled */
    size_t lineno;
    int skipping;      /* dropping the rest of an overlong line */
    err_line_fn fn;
    void *ctx;
};

void err_reader_init(struct err_reader *r, size_t max, err_line_fn fn, void *ctx);
/* Returns 0, or -1 when the callback stopped it or memory ran out. */
int err_reader_feed(struct err_reader *r, const char *data, size_t n);
/* The last line, if the input did not end with a newline. */
int err_reader_finish(struct err_reader *r);
void err_reader_free(struct err_reader *r);

/* Up to n bytes, as many as are there: read(2) where there is a descriptor,
 * so that a line typed at a terminal or written to a pipe is answered as it
 * comes (fread would wait for a whole chunk); fread for a stream without one
 * (fmemopen).  Returns the count, 0 at the end, -1 on error. */
long err_read_some(FILE *in, char *p, size_t n);

/* Feeds all of `in` through r and finishes, taking what each read gives
 * (a line is answered as it arrives); -2 on a read error. */
int err_reader_stream(struct err_reader *r, FILE *in);

/* Calls fn for each blank-separated token of s[0..len). */
typedef int (*err_token_fn)(void *ctx, const char *tok, size_t len);
int err_split_tokens(const char *s, size_t len, err_token_fn fn, void *ctx);

/* ---- UTF-16 logs (err --annotate) ------------------------------------ */

typedef enum err_encoding {
    ERR_ENC_BYTES = 0,  /* anything else: passed through as it is */
    ERR_ENC_UTF16LE,
    ERR_ENC_UTF16BE
} err_encoding;

/*
 * The encoding of a stream from its first n bytes, and in *skip the length
 * of its byte order mark (0 or 2).  UTF-16 is a BOM (FF FE, FE FF) followed
 * by text that is at least half ASCII characters, or, without a BOM, ASCII
 * text in UTF-16's pattern of NULs: at least 4 first code units, up to 32,
 * all with a zero high byte and a non-zero low byte.
 */
err_encoding err_detect_encoding(const unsigned char *p, size_t n, size_t *skip);

/* UTF-16 to UTF-8 in pieces of any size. */
typedef struct err_utf16 {
    err_encoding enc;
    unsigned char odd;  /* a byte left over from the last piece   */
    int has_odd;
    uint32_t high;      /* a high surrogate waiting for its pair  */
} err_utf16;

/* Room err_utf16_convert needs for n input bytes. */
#define ERR_UTF16_ROOM(n) ((n) / 2 * 3 + 8)

/* Converts in[0..n) and writes UTF-8 to out (room ERR_UTF16_ROOM(n));
 * returns the bytes written.  `last`: the input ends here (an odd byte or
 * a lone surrogate left over becomes U+FFFD).  Unpaired surrogates become
 * U+FFFD; NUL stays NUL. */
size_t err_utf16_convert(err_utf16 *u, const unsigned char *in, size_t n, char *out, int last);

#endif /* ERR_INPUT_H */
