"""Read a user-supplied export (SQL messages, err.exe CSV) as text.

Exports come from Windows tools, so the encoding is told by a byte order
mark when there is one: UTF-8 (BOM optional) or UTF-16 LE/BE with a BOM
(bcp -w, sqlcmd -u, PowerShell's `>`). A file without a BOM whose first two
bytes hold one NUL is read as BOM-less UTF-16, because ASCII text in UTF-16
has a NUL in every other byte and UTF-8 text never holds NUL.

Line ends are normalised to "\\n" as Python's universal newlines do
(CRLF and a lone CR are line ends too). Every problem is a
GenError "FILE:LINE: what is wrong" (or "FILE: ..." when no line applies).
"""

from . import model

GenError = model.GenError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def read_bytes(path):
    """The bytes of PATH; a GenError naming it when it cannot be read."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise GenError(f"{path}: cannot read: {e.strerror or e}") from None


def read_text(path):
    """Return the decoded text of PATH with "\\n" line ends."""
    data = read_bytes(path)
    if not data:
        raise GenError(f"{path}: empty file")
    text = _newlines(_decode(path, data))
    nul = text.find("\0")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise GenError(f"{path}:{line}: NUL character in a text file")
    return text


def _newlines(text):
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _line_at(head):
    """The line number at the end of the decoded text HEAD."""
    return _newlines(head).count("\n") + 1


def _decode(path, data):
    encoding, skip = _guess_encoding(data)
    body = data[skip:]
    if encoding == "utf-8":
        return _decode_utf8(path, body)
    return _decode_utf16(path, body, encoding, len(data))


def _guess_encoding(data):
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    if len(data) >= 2 and data[0] == 0 and data[1] != 0:
        return "utf-16-be", 0
    if len(data) >= 2 and data[0] != 0 and data[1] == 0:
        return "utf-16-le", 0
    return "utf-8", 0


def _decode_utf8(path, body):
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as e:
        line = _line_at(body[:e.start].decode("utf-8"))
        raise GenError(
            f"{path}:{line}: invalid UTF-8 (byte 0x{body[e.start]:02x}); "
            "export as UTF-8 or UTF-16") from None


def _decode_utf16(path, body, encoding, size):
    if len(body) % 2:
        head = body[:-1].decode(encoding, errors="replace")
        # a final CR is likely the first half of the CRLF that was cut
        line = _line_at(head[:-1] if head.endswith("\r") else head)
        raise GenError(f"{path}:{line}: truncated UTF-16: odd byte count "
                       f"({size} bytes)")
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as e:
        line = _line_at(body[:e.start].decode(encoding, errors="replace"))
        raise GenError(f"{path}:{line}: invalid UTF-16 "
                       "(unpaired surrogate)") from None
