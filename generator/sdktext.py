"""Message texts from Windows SDK headers (WINSDK_INCLUDE).

The SDK's error headers (winerror.h, ntstatus.h, ...) are written by the
message compiler, which puts a comment block before each define:

    //
    // MessageId: NAME
    //
    // MessageText:
    //
    // First line of the text.
    // Second line.
    //
    #define NAME    ((NTSTATUS)0xC0000005L)

Text rules (decided from what Windows itself shows):
- Each comment line of the text is one line of the message, joined with
  "\\n". mc copies the .mc source lines into the message resource with their
  line breaks, FormatMessage returns them that way, and err.exe prints them
  as separate lines (its c000021a sample breaks after "{Fatal System
  Error}" exactly where ntstatus.h does).
- A blank comment line inside the text is a paragraph break: one empty line
  ("\\n\\n"); runs of them count as one; blank lines before and after the
  text are dropped; trailing blanks of every line are dropped. The
  indentation all text lines share is dropped (mc writes "// text" or, in
  some versions, "//  text"); deeper indentation is kept, it is part of
  the text.
- A text that only repeats the name (ntstatus.h says "STATUS_WAIT_0" for
  STATUS_WAIT_0) says nothing and is not returned; neither is a block
  without MessageText, nor one whose MessageId is not a name (mc writes
  "0x...L (No symbolic name defined)" there).

Each record: name = MessageId, table = the header's file name as spelled on
disk, value = the define's value when it is trivially a literal (a number,
perhaps in parentheses or behind casts such as (NTSTATUS) or
_HRESULT_TYPEDEF_), else None: the C header reader evaluates the defines.
"""

import os
import re

from . import model, textfile

GenError = model.GenError
TextRecord = model.TextRecord

_MESSAGE_ID = re.compile(r"//\s*MessageId:\s*(\S+)")
_MESSAGE_TEXT = re.compile(r"//\s*MessageText:\s*$")
_DEFINE = re.compile(r"#\s*define\s+([A-Za-z_]\w*)\s+(.*)"
                     r"|(?:static\s+)?const\s+\w+\s+([A-Za-z_]\w*)\s*=\s*"
                     r"([^;]*);")
_NAME = re.compile(r"[A-Za-z_]\w*\Z")
_CAST = re.compile(r"\(\s*[A-Za-z_]\w*\s*\)")
_TYPEDEF_MACRO = re.compile(r"_(?:HRESULT|NDIS_ERROR)_TYPEDEF_\s*(?=\()")
_LITERAL = re.compile(r"(0[xX][0-9A-Fa-f]+|[0-9]+)[uUlL]*\Z")


def read(directory):
    """Return the TextRecords of every header under DIRECTORY."""
    if not os.path.isdir(directory):
        raise GenError(f"{directory}: WINSDK_INCLUDE directory not found")
    records = []
    for path in _headers(directory):
        records.extend(read_header(path))
    if not records:
        raise GenError(f"{directory}: no header with '// MessageId:' and "
                       "'// MessageText:' blocks; is WINSDK_INCLUDE a Windows "
                       "SDK include directory?")
    return records


def _headers(directory):
    """Every .h file below DIRECTORY, in a stable order."""
    for root, dirs, files in os.walk(directory):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(".h"):
                yield os.path.join(root, name)


def read_header(path):
    """Return the TextRecords of one header (none when it has no blocks)."""
    text = _decode(textfile.read_bytes(path))
    if "MessageId" not in text:
        return []
    table = os.path.basename(path)
    lines = text.replace("\r\n", "\n").split("\n")
    return [TextRecord(name=name, value=value, text=body, table=table,
                       origin=f"{path}:{line}")
            for name, value, body, line in _blocks(lines)]


def _decode(data):
    """Headers are ASCII in practice; UTF-16 when they carry its BOM, and
    Windows-1252 (then Latin-1, which cannot fail) when not UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1")


def _blocks(lines):
    """Yield (name, value, text, line) for each MessageId block with a text."""
    i = 0
    while i < len(lines):
        m = _MESSAGE_ID.match(lines[i].strip())
        if not m:
            i += 1
            continue
        start, name = i + 1, m.group(1)
        i, text_lines = _comment_block(lines, i + 1)
        text = _join(text_lines) if text_lines is not None else None
        value, i = _define_after(lines, i, name)
        if _NAME.match(name) and text is not None and text != name:
            yield name, value, text, start


def _comment_block(lines, i):
    """Read the comment lines after a MessageId line.

    Returns (index of the first line after the comment, the text's comment
    lines or None when there is no MessageText)."""
    text_lines = None
    while i < len(lines):
        line = lines[i].strip()
        if not line.startswith("//") or _MESSAGE_ID.match(line):
            break
        if text_lines is None:
            if _MESSAGE_TEXT.match(line):
                text_lines = []
        else:
            text_lines.append(line[2:].rstrip())
        i += 1
    return i, text_lines


def _join(text_lines):
    """The message text of its comment lines, or None when all are blank.

    The indentation all lines share is dropped: mc writes "// text" or,
    in some versions, "//  text"."""
    indent = min((len(s) - len(s.lstrip(" ")) for s in text_lines if s),
                 default=0)
    paragraphs, current = [], []
    for line in text_lines:
        line = line[indent:]
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return "\n\n".join(paragraphs) or None


def _define_after(lines, i, name):
    """The value of `#define NAME ...` (or `const TYPE NAME = ...;`, as
    some headers write it) on the first non-blank line at I (None when that
    line is no such definition or the value is not a literal), and the
    index to continue from."""
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i == len(lines):
        return None, i
    m = _DEFINE.match(lines[i].strip())
    if not m or (m.group(1) or m.group(3)) != name:
        return None, i
    return _literal(m.group(2) or m.group(4)), i + 1


def _literal(expr):
    """The value of a define body that is trivially a number, else None."""
    expr = re.sub(r"//.*|/\*.*?\*/", "", expr).strip()
    expr = _TYPEDEF_MACRO.sub("", expr)
    while True:
        stripped = _CAST.sub("", expr, count=1).strip()
        if stripped.startswith("(") and stripped.endswith(")"):
            stripped = stripped[1:-1].strip()
        if stripped == expr:
            break
        expr = stripped
    m = _LITERAL.match(expr)
    if not m or re.match(r"0[0-9]", m.group(1)):  # no octal in these headers
        return None
    value = int(m.group(1), 0)
    return value if value <= 0xFFFFFFFF else None
