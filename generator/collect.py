"""Turn the constants of one source (header set or winapi-rs) into candidates.

Each constant goes through classify.pre; the ones that may be codes are
evaluated (cexpr); classify.post decides the rest.  What is dropped, and
why, and what could not be evaluated, is kept for the report.
"""

import re
from dataclasses import dataclass, field
from typing import Optional

try:
    from . import cexpr, classify
except ImportError:  # run as a script: generator/ itself is on sys.path
    import cexpr
    import classify

_IDENT = re.compile(r"[A-Za-z_$][\w$]*")
# `#define A B` / `pub const A: T = B;`: A is another name for B.
_ALIAS = re.compile(r"\(?\s*([A-Za-z_]\w*)\s*\)?\Z")


@dataclass
class Cand:
    """One constant the classifier kept, with its value."""
    name: str
    value: int
    table: str
    kind: str
    origin: str              # "file:line" inside its source
    source: str              # "mingw-w64", "winapi-rs", "winsdk"
    sfile: str               # the source file (relative path)
    built: Optional[str] = None
    doc: tuple = ()
    alias_of: Optional[str] = None   # B when defined as plain B


@dataclass
class Collected:
    source: str
    cands: list = field(default_factory=list)
    dropped: dict = field(default_factory=dict)     # reason -> [(name, origin)]
    unevaluated: list = field(default_factory=list)  # (origin, name, reason)
    read: int = 0


def builders(table):
    """Names whose expansion can reach an HRESULT/NTSTATUS constructor or
    cast: a constant that uses none of them cannot be built as one, so a
    MAYBE of that kind needs no evaluation."""
    users = {}
    for name, defs in table.by_name.items():
        for d in defs:
            for ident in set(_IDENT.findall(d.body)):
                users.setdefault(ident, set()).add(name)
    found = set(classify.HRESULT_TRACE | classify.NTSTATUS_TRACE)
    work = list(found)
    while work:
        for user in users.get(work.pop(), ()):
            if user not in found:
                found.add(user)
                work.append(user)
    return found


def _may_be_built(m, build):
    if m.ctype in ("HRESULT", "SCODE", "NTSTATUS"):
        return True
    return any(ident in build for ident in _IDENT.findall(m.body))


def _file_names(constants):
    names = {}
    for m in constants:
        names.setdefault(m.file, set()).add(m.name)
    return names


def collect(source, srcset, table_name, erref_names):
    """srcset: cheaders.HeaderSet or rustsrc.RustSet; table_name(relpath)."""
    out = Collected(source)
    out.read = len(srcset.constants)
    file_names = _file_names(srcset.constants)
    tables = {}
    markers = []
    budgets = {}
    build = None
    for m in srcset.constants:
        table = tables.get(m.file)
        if table is None:
            table = tables[m.file] = table_name(m.file)
        state, why = classify.pre(m.name, table, m.ctype, erref_names,
                                  file_names[m.file])
        if state == classify.MAYBE and why == classify.R_NOT_CODE:
            if build is None:
                build = builders(srcset.table)
            if not _may_be_built(m, build):
                state = classify.DROP
        if state == classify.DROP:
            out.dropped.setdefault(why, []).append((m.name, m.origin))
            continue
        trace = set()
        budget = budgets.get(m.file)
        if budget is None:
            budget = budgets[m.file] = cexpr.Budget()
        try:
            value = srcset.evaluate(m, trace, budget)
        except cexpr.EvalError as e:
            if state == classify.KEEP:
                out.unevaluated.append((m.origin, m.name, str(e)))
            else:
                out.dropped.setdefault(why, []).append((m.name, m.origin))
            continue
        marker = why == classify.R_MARKER
        if marker and any(classify.is_marker_name(n) for n in trace):
            keep = False
        else:
            keep, why = classify.post(state, why, m.name, value, trace,
                                      m.ctype)
        if not keep:
            out.dropped.setdefault(why or classify.R_MARKER, []).append(
                (m.name, m.origin))
            continue
        alias = _ALIAS.match(m.body)
        cand = Cand(m.name, value, table,
                    classify.kind(m.name, table, value, trace, m.ctype),
                    m.origin, source, m.file,
                    classify.built_as(trace, m.ctype), m.doc,
                    alias.group(1) if alias else None)
        (markers if marker else out.cands).append(cand)
    _settle_markers(out, markers)
    return out


def _settle_markers(out, markers):
    """A marker-named constant built as an HRESULT/NTSTATUS is a code only
    when no other code of its file has its value (INET_E_ERROR_FIRST
    repeats INET_E_INVALID_URL; VER_E_INNERMOST_FIRST is a code of its
    own)."""
    values = {}
    for c in out.cands:
        values.setdefault(c.sfile, set()).add(c.value)
    for c in markers:
        if c.value in values.get(c.sfile, ()):
            out.dropped.setdefault(classify.R_MARKER, []).append(
                (c.name, c.origin))
        else:
            out.cands.append(c)
