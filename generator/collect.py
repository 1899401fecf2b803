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

# A constant whose value text holds no identifier (a bare number) cannot be
# built as an HRESULT or NTSTATUS, so a MAYBE of that kind is not evaluated.
_HAS_IDENT = re.compile(r"(?<![0-9A-Za-z_$])[A-Za-z_$]")


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


@dataclass
class Collected:
    source: str
    cands: list = field(default_factory=list)
    dropped: dict = field(default_factory=dict)     # reason -> [(name, origin)]
    unevaluated: list = field(default_factory=list)  # (origin, name, reason)
    read: int = 0


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
    for m in srcset.constants:
        table = tables.get(m.file)
        if table is None:
            table = tables[m.file] = table_name(m.file)
        state, why = classify.pre(m.name, table, m.ctype, erref_names,
                                  file_names[m.file])
        if state == classify.DROP or (
                state == classify.MAYBE and why == classify.R_NOT_CODE
                and not m.ctype and not _HAS_IDENT.search(m.body)):
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
        cand = Cand(m.name, value, table,
                    classify.kind(m.name, table, value, trace, m.ctype),
                    m.origin, source, m.file,
                    classify.built_as(trace, m.ctype), m.doc)
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
