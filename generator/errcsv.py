"""Entries from an err.exe `/:outputtoCSV` dump.

The dump opens with the header `HexID,SymbolicName,Description,Source`;
each row is one name:

    0xc1,ERROR_BAD_EXE_FORMAT,"%1 is not a valid Win32 application.",winerror.h

- HexID: hex with 0x, any case, at most 32 bits.
- Description: always double-quoted; "N/A" (or nothing) means no text.
  err.exe writes commas, line breaks and apostrophes inside it as XML
  character references; those and every other numeric reference (&#NN;,
  &#xHH;) and &amp; &lt; &gt; &quot; &apos; are decoded. Since commas are
  encoded, the row is split from both ends: two fields before the
  description, one after it, so a stray comma or quote inside the
  description still reads as text. An "&" that starts no known reference is
  kept as it is.
- Source: the table the row belongs to (winerror.h, ntstatus.h, ...).

Line breaks in texts become "\\n"; trailing blanks and line breaks are
dropped. Encodings: see textfile.py. Errors: GenError("FILE:LINE: ...").
"""

import re

from . import model, textfile

GenError = model.GenError
TextRecord = model.TextRecord

HEADER = ("hexid", "symbolicname", "description", "source")
_HEX = re.compile(r"0[xX]([0-9A-Fa-f]+)")
_TOKEN = re.compile(r'[^\s",]+')
# A symbolic name is a C identifier, which the name lookup's keys hold.
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_REFERENCE = re.compile(r"&(#[0-9]+|#[xX][0-9A-Fa-f]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


class _Malformed(Exception):
    pass


def read(path):
    """Return one TextRecord per row of the dump at PATH."""
    lines = textfile.read_text(path).split("\n")
    first = next((i for i, s in enumerate(lines) if s.strip()), None)
    if first is None:
        raise GenError(f"{path}: no rows (only blank lines)")
    _check_header(path, first + 1, lines[first])
    records = []
    for i in range(first + 1, len(lines)):
        if not lines[i].strip():
            continue
        try:
            records.append(_row(path, i + 1, lines[i]))
        except _Malformed as e:
            raise GenError(f"{path}:{i + 1}: {e}") from None
    if not records:
        raise GenError(f"{path}: no rows (header only)")
    return records


def _check_header(path, line, text):
    fields = tuple(f.strip().lower() for f in text.split(","))
    if fields != HEADER:
        raise GenError(f"{path}:{line}: not an err.exe /:outputtoCSV dump: "
                       "expected the header HexID,SymbolicName,Description,"
                       "Source")


def _row(path, line, text):
    head = text.split(",", 2)
    if len(head) < 3 or "," not in head[2]:
        raise _Malformed("missing field: expected HexID,SymbolicName,"
                         "Description,Source")
    hexid, name = head[0].strip(), head[1].strip()
    description, source = head[2].rsplit(",", 1)
    description, source = description.strip(), source.strip()
    return TextRecord(name=_identifier(_token(name, "SymbolicName")), value=_value(hexid),
                      text=_text(description),
                      table=_token(source, "Source"),
                      origin=f"{path}:{line}")


def _value(hexid):
    m = _HEX.fullmatch(hexid)
    if not m:
        raise _Malformed(f"HexID {hexid!r} is not hex with 0x")
    value = int(m.group(1), 16)
    if value > 0xFFFFFFFF:
        raise _Malformed(f"HexID {hexid} does not fit in 32 bits")
    return value


def _token(field, what):
    if not field:
        raise _Malformed(f"empty {what}")
    if not _TOKEN.fullmatch(field):
        raise _Malformed(f"bad {what} {field!r}")
    return field


def _identifier(name):
    if not _IDENTIFIER.fullmatch(name):
        raise _Malformed(f"SymbolicName {name!r} is not a C identifier")
    return name


def _text(field):
    if len(field) < 2 or field[0] != '"' or field[-1] != '"':
        raise _Malformed(f"Description is not double-quoted: {field!r}")
    raw = field[1:-1]
    if raw == "N/A":
        return None
    text = _REFERENCE.sub(_decode_reference, raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").rstrip()
    return text or None


def _decode_reference(m):
    ref = m.group(1)
    if ref in _NAMED:
        return _NAMED[ref]
    hexa = ref[1] in "xX"
    digits = (ref[2:] if hexa else ref[1:]).lstrip("0")
    code = int(digits, 16 if hexa else 10) if 0 < len(digits) <= 8 else 0
    if not 0 < code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise _Malformed(f"invalid character reference &{ref};")
    return chr(code)
