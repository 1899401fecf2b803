"""The generator's shared data model: what every reader returns and emit takes."""

from dataclasses import dataclass, field
from typing import Optional

# Entry kinds, in the order of their numbers: emit.py writes this order and
# these names into winerr_gen.h, which lib/ uses (winerr_kind_name) and
# checks winerr.h's public enum winerr_kind against.
KINDS = ("other", "win32", "hresult", "ntstatus", "bugcheck", "sql")


class GenError(Exception):
    """A problem in an input that stops the build.

    str(err) is one line, "FILE:LINE: what is wrong" where a line is known.
    """


@dataclass
class Entry:
    name: str
    value: int                  # 0 .. 0xFFFFFFFF
    table: str                  # source table: "winerror.h", "sql_err", ...
    text: Optional[str] = None  # message text, None when no source has one
    kind: str = "other"         # one of KINDS
    origin: str = ""            # "file:line" it came from, for the report
    text_from: str = ""         # the text source that gave its text


@dataclass
class TextRecord:
    """A message text from a text source (impacket, SDK header, SQL, err.exe CSV)."""
    name: str
    value: Optional[int]         # None where the source gives no plain number
    text: Optional[str]
    table: Optional[str] = None  # where the source says which table it belongs to
    origin: str = ""


@dataclass
class Facilities:
    """Facility number -> name, for HRESULTs and NTSTATUS values separately."""
    hresult: dict = field(default_factory=dict)
    ntstatus: dict = field(default_factory=dict)
