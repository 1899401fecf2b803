"""Message texts written as comments after a define (trailing comments).

Many headers that are not message-compiler output give each code its text
in a comment after the definition, as C programmers write them:

    #define XERR_BASE         2100
    #define XERR_NO_DISK      (XERR_BASE+1)   /* The disk is not there. */
    #define XERR_LONG_ONE     (XERR_BASE+2)
        /* A text too long for the line above, on the next one. */
    /* UNUSED BASE+3 */
    #define XERR_DAO_STYLE    MAKEERR(3004)   // Text after a line comment.
    enum { XE_FIRST = 0x80040001, /* Text of an enum member. */ ... };

THE RULE (comments.py; applied to every C header source, texts of the
Windows SDK's headers first):
- Which comment belongs to which define: the comment that ends the
  define's logical line (only blanks after it; for an enum member, only
  blanks or the member's comma), with code before it on its first line;
  or, when the define's line has none, a comment alone on the next line
  and indented there (a continuation; a comment at the start of a line is
  a heading or a remark about what follows, never a text).  A comment on
  the lines above a define is not a text (bugcodes.h's "Approximate msg"
  has its own rule).
- Stripping: the markers (/*, */, //, /**/, doxygen's "!<" and "<", a
  leading "*" or "-" of each comment line) are removed, the lines of a
  comment over several lines are joined with one space, runs of blanks
  become one space, and blanks at both ends go.
- Text or remark: what is left is a remark, not a text, when it is
  empty, holds no letter, is only a number or an expression of names and
  numbers (0x80070005, BASE+24, XERR_BASE + 3), only repeats the name
  (or says nothing else), or starts with UNUSED, "not used" or "unused"
  (reserved slots: "UNUSED BASE+24").  Headings such as "Success codes"
  stand on lines of their own and so never attach by the first point.
- Merge order: a header's trailing comment gives an entry its text after
  the SDK's MessageText blocks; a trailing comment of an SDK header comes
  before [MS-ERREF]'s text, one of mingw-w64's or Wine's after it.
"""

import re

_LETTER = re.compile(r"[A-Za-z]")
_EXPR_ONLY = re.compile(r"[\s\w()+\-*/|<>~.,:=]*\Z")
_NUMBERISH = re.compile(r"[\s()+\-*/|<>~x0-9A-Fa-fLlUu]*\Z")
_REMARK_START = re.compile(r"(?:UNUSED|unused|Unused|not used|Not used)\b")
_WORD = re.compile(r"[A-Za-z][a-z]+")
_LINE_MARKS = re.compile(r"^[ \t]*(?://+|\*+(?!/)|-+(?=\s))?[ \t]*", re.M)


def clean(body):
    """A comment's body (between its markers) as one line of text."""
    body = body.strip()
    while body.startswith(("*", "/", "!<", "<")) and not body.startswith("*/"):
        body = body.lstrip("*/").lstrip()
        if body.startswith("!<"):
            body = body[2:].lstrip()
        elif body.startswith("<"):
            body = body[1:].lstrip()
    body = body.replace("*/", " ").replace("/*", " ")
    body = _LINE_MARKS.sub("", body)
    return " ".join(body.split())


def is_remark(text, name):
    """True when a cleaned comment says nothing a user needs (see THE RULE)."""
    if not text or not _LETTER.search(text):
        return True
    if _REMARK_START.match(text):
        return True
    if _NUMBERISH.match(text):
        return True
    if text.strip(" .:-") in (name, "(" + name + ")"):
        return True
    if _EXPR_ONLY.match(text) and not _WORD.search(
            re.sub(r"\b[A-Z0-9_]*_[A-Z0-9_]*\b|\b[A-Z0-9]+\b", "", text)):
        return True  # names and numbers only: XERR_BASE + 3
    return False


def _ends_line(text, end, allow_comma):
    stop = text.find("\n", end)
    rest = text[end:len(text) if stop < 0 else stop].strip()
    return rest == "" or (allow_comma and rest == ",")


def note(text, starts, name, first, last, enum=False):
    """The trailing text of a definition on lines first..last of text
    (starts: strip_comments' comments by start line), or ""."""
    for line in range(last, first - 1, -1):
        c = starts.get(line)
        if c is None:
            continue
        start, end, body = c
        head = text.rfind("\n", 0, start) + 1
        if text[head:start].strip() and _ends_line(text, end, enum):
            t = clean(body)
            return "" if is_remark(t, name) else t
        break
    if enum:
        return ""
    c = starts.get(last + 1)
    if c is None:
        return ""
    start, end, body = c
    head = text.rfind("\n", 0, start) + 1
    lead = text[head:start]
    if lead and not lead.strip() and _ends_line(text, end, False):
        t = clean(body)
        return "" if is_remark(t, name) else t
    return ""
