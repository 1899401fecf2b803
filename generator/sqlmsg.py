"""SQL Server's sys.messages, from an export, as the `sql_err` table.

Each message becomes SQL_<message_id>_severity_<severity>, value =
message_id, text = the message. The format is told by the content:

- the separator is the character after the first field of the first
  non-blank line: "," (CSV), "|" (sqlcmd -s"|" -W -h-1) or a tab (bcp -c,
  bcp -w);
- a first line naming columns (message_id, severity, text in any order;
  others such as language_id are allowed and ignored) is a header row;
  without one the columns are message_id, severity, text. A line of dashes
  after the header (sqlcmd without -h-1) is skipped;
- quoting: sys.messages exports are usually unquoted, and their texts hold
  the separator and even start with a quote ('"%.*ls" is not ...'). Only the
  text column may hold the separator, so an unquoted row is split from both
  ends around it. A file is read as quoted CSV (RFC 4180: "" escapes,
  separators and line breaks inside quotes) when its first field is quoted,
  or when it has quotes and reads as RFC 4180 with exactly one field per
  column on every row;
- blank lines and sqlcmd's "(N rows affected)" are skipped;
- trailing blanks of a text are dropped (sqlcmd -W drops them, so every
  format gives the same table); leading blanks are kept (DBCC texts are
  indented). An empty text is None.

Encodings: see textfile.py. Errors are GenError("FILE:LINE: what is wrong");
rows repeated with the same severity and text merge silently.
"""

import csv
import re

from . import model, textfile

GenError = model.GenError
TextRecord = model.TextRecord

TABLE = "sql_err"
COLUMNS = ("message_id", "severity", "text")
MAX_ID = 0x7FFFFFFF          # message_id is an int; user messages go up to it
MAX_SEVERITY = 25

_FIRST_FIELD = re.compile(r'\s*"?\s*(\w+)\s*"?\s*([,|\t])')
_ROWS_AFFECTED = re.compile(r"\(\d+ rows? affected\)")
_DASHES = re.compile(r"[-\s|,\t]*-[-\s|,\t]*")
_INTEGER = re.compile(r"[+-]?[0-9]+")


class _Malformed(Exception):
    def __init__(self, line, what):
        super().__init__(what)
        self.line = line


def read(path):
    """Return one TextRecord per message of the export at PATH."""
    lines = textfile.read_text(path).split("\n")
    try:
        return _read_lines(path, lines)
    except _Malformed as e:
        raise GenError(f"{path}:{e.line}: {e}") from None


def _read_lines(path, lines):
    first = next((i for i, s in enumerate(lines) if s.strip()), None)
    if first is None:
        raise GenError(f"{path}: no messages (only blank lines)")
    sep, columns, body = _layout(lines, first)
    forced = lines[first].lstrip().startswith('"')
    rows = _split(lines, body, sep, columns, forced)
    records = _records(path, rows, columns)
    if not records:
        raise GenError(f"{path}: no messages (header row only)")
    return records


def _layout(lines, first):
    """(separator, column names, index of the first data line)."""
    m = _FIRST_FIELD.match(lines[first])
    if not m:
        raise _Malformed(first + 1, "not a sys.messages export: expected "
                         "message_id, severity, text separated by ',', '|' "
                         "or a tab")
    sep = m.group(2)
    if m.group(1).isdigit():
        return sep, list(COLUMNS), first
    columns = _header(lines[first], sep, first + 1)
    body = first + 1
    if body < len(lines) and _DASHES.fullmatch(lines[body]):
        body += 1
    return sep, columns, body


def _header(line, sep, lineno):
    try:
        fields = next(csv.reader([line], delimiter=sep))
    except csv.Error as e:
        raise _Malformed(lineno, f"bad quoting in the header row: {e}") \
            from None
    names = [f.strip().lower() for f in fields]
    for name in COLUMNS:
        if names.count(name) != 1:
            raise _Malformed(lineno, f"header row needs one column named "
                             f"{name} (has: {', '.join(names)})")
    return names


def _split(lines, body, sep, columns, forced):
    """[(line number, fields)], quoted or not (see the module docstring).

    FORCED: the first field of the file is quoted, so the file is quoted CSV
    and its quoting errors are reported, not taken as a sign of no quoting."""
    ncols, textcol = len(columns), columns.index("text")
    if forced:
        return _split_quoted(lines, body, sep, ncols)
    if any('"' in s for s in lines[body:]):
        try:
            return _split_quoted(lines, body, sep, ncols)
        except _Malformed:
            pass
    return _split_plain(lines, body, sep, ncols, textcol)


def _split_plain(lines, body, sep, ncols, textcol):
    rows = []
    after = ncols - 1 - textcol
    for i in range(body, len(lines)):
        line = lines[i]
        if not line.strip() or _ROWS_AFFECTED.fullmatch(line.strip()):
            continue
        fields = line.split(sep, textcol)
        if after and len(fields) == textcol + 1:
            fields[textcol:] = fields[textcol].rsplit(sep, after)
        if len(fields) < ncols:
            raise _Malformed(i + 1, _missing(len(fields), ncols))
        rows.append((i + 1, fields))
    return rows


def _split_quoted(lines, body, sep, ncols):
    rows = []
    source = (lines[i] + "\n" for i in range(body, len(lines)))
    reader = csv.reader(source, delimiter=sep, strict=True)
    start = body + 1
    try:
        for fields in reader:
            line, start = start, body + reader.line_num + 1
            if not fields or _blank_or_count(fields):
                continue
            if len(fields) != ncols:
                raise _Malformed(line, _missing(len(fields), ncols)
                                 if len(fields) < ncols else
                                 f"{len(fields)} fields, expected {ncols} "
                                 "(quote texts that hold the separator)")
            rows.append((line, fields))
    except csv.Error as e:
        if "end of data" in str(e):
            raise _Malformed(start, "unterminated quoted field") from None
        raise _Malformed(body + reader.line_num, f"bad quoting: {e}") from None
    return rows


def _blank_or_count(fields):
    return len(fields) == 1 and (not fields[0].strip() or
                                 _ROWS_AFFECTED.fullmatch(fields[0].strip()))


def _missing(found, ncols):
    return f"missing field: {found} of {ncols} fields"


def _records(path, rows, columns):
    idcol, sevcol = columns.index("message_id"), columns.index("severity")
    textcol = columns.index("text")
    seen, records = {}, []
    for line, fields in rows:
        msg_id = _number(line, fields[idcol], "message_id", 1, MAX_ID)
        severity = _number(line, fields[sevcol], "severity", 0, MAX_SEVERITY)
        text = fields[textcol].rstrip() or None
        if msg_id in seen:
            _check_duplicate(line, msg_id, (severity, text), seen[msg_id])
            continue
        seen[msg_id] = (line, severity, text)
        records.append(TextRecord(
            name=f"SQL_{msg_id}_severity_{severity}", value=msg_id,
            text=text, table=TABLE, origin=f"{path}:{line}"))
    return records


def _number(line, field, what, low, high):
    field = field.strip()
    if not field:
        raise _Malformed(line, f"empty {what}")
    if not _INTEGER.fullmatch(field):
        raise _Malformed(line, f"non-numeric {what} {field!r}")
    value = int(field) if len(field) <= 20 else None  # int() refuses huge
    if value is None or not low <= value <= high:
        raise _Malformed(line, f"{what} {field} out of range {low}..{high}")
    return value


def _check_duplicate(line, msg_id, now, before):
    first_line, severity, text = before
    if now == (severity, text):
        return
    what = "severity" if now[0] != severity else "text"
    raise _Malformed(line, f"duplicate message_id {msg_id} with a different "
                     f"{what} than line {first_line}")
