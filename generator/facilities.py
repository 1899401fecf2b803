"""Facility names and numbers, from the headers' FACILITY_* definitions.

HRESULT facilities come from winerror.h, NTSTATUS facilities from
ntstatus.h: a WINSDK_INCLUDE header first, then mingw-w64's, then
winapi-rs's (winerror.rs, ntstatus.rs).  Other headers (dmerror.h's
FACILITY_DIRECTMUSIC, nserror.h's FACILITY_NS...) only name HRESULT
numbers winerror.h leaves unnamed; headers of NTSTATUS-style codes
(bugcodes.h, ntiologc.h, hidpi.h) are not used for HRESULTs.  Where one
source names a number twice (FACILITY_SSPI and FACILITY_SECURITY are both
9), the first definition in the file wins.  Markers and bits
(FACILITY_NT_BIT, FACILITY_MAXIMUM_VALUE) and numbers outside the field
(HRESULT: 13 bits, NTSTATUS: 12 bits) are skipped.
"""

import re

from . import cexpr, model

_NAME_RE = re.compile(r"^FACILITY_[A-Z0-9_]+$")
_SKIP_RE = re.compile(r"_BIT$|MAXIMUM_VALUE$|_MASK$")
NT_FAMILY = {"ntstatus.h", "bugcodes.h", "ntiologc.h", "hidpi.h"}
LIMIT = {"hresult": 0x1FFF, "ntstatus": 0xFFF}


def _defs(srcset, table_name):
    """(table, line, name, value) of every FACILITY_* constant."""
    out = []
    for m in srcset.constants:
        if not _NAME_RE.match(m.name) or _SKIP_RE.search(m.name):
            continue
        try:
            value = srcset.evaluate(m)
        except cexpr.EvalError:
            continue
        out.append((table_name(m.file).lower(), m.file, m.line, m.name,
                    value))
    return sorted(out, key=lambda d: (d[1], d[2]))


def collect(sources):
    """sources: [(label, srcset, table_name)] in priority order.

    Returns (model.Facilities, alternates) where alternates lists
    (space, number, kept name, other name, where) for the report.
    """
    fac = model.Facilities()
    alternates = []
    defs = [(label, d) for label, srcset, tn in sources
            for d in _defs(srcset, tn)]
    passes = (("hresult", lambda t: t == "winerror.h"),
              ("ntstatus", lambda t: t == "ntstatus.h"),
              ("hresult", lambda t: t not in NT_FAMILY
               and t != "winerror.h"))
    for space, wanted in passes:
        table = getattr(fac, space)
        for label, (t, f, line, name, value) in defs:
            if not wanted(t) or value > LIMIT[space]:
                continue
            if value not in table:
                table[value] = name
            elif table[value] != name:
                alternates.append((space, value, table[value], name,
                                   "%s %s:%d" % (label, f, line)))
    return fac, alternates
