"""Turn the constants of one source (header set or winapi-rs) into candidates.

Each constant goes through classify.pre; the ones that may be codes are
evaluated (cexpr); classify.post decides the rest.  What is dropped, and
why, and what could not be evaluated, is kept for the report.
"""

import re
from dataclasses import dataclass, field
from typing import Optional

from . import cexpr, classify

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
    note: str = ""                   # trailing comment's text (comments.py)


@dataclass
class Collected:
    source: str
    cands: list = field(default_factory=list)
    # reason -> [constant]: each has .name and .origin (a Macro or a Cand;
    # the objects themselves, not tuples: the SDK drops 380,000 names)
    dropped: dict = field(default_factory=dict)
    unevaluated: list = field(default_factory=list)  # (origin, name, reason)
    read: int = 0


TRACE_NAMES = classify.HRESULT_TRACE | classify.NTSTATUS_TRACE


def builders(table):
    """Names whose expansion can reach an HRESULT/NTSTATUS constructor or
    cast: a constant that uses none of them cannot be built as one, so a
    MAYBE of that kind needs no evaluation."""
    users = {}
    for name, defs in table.items():
        for d in defs:
            for ident in set(_IDENT.findall(d.body)):
                if ident in table or ident in TRACE_NAMES:
                    users.setdefault(ident, []).append(name)
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


class _Collector:
    def __init__(self, source, srcset, table_name, erref_names):
        self.out = Collected(source)
        self.out.read = len(srcset.constants)
        self.srcset = srcset
        self.table_name = table_name
        self.erref = erref_names
        self.file_names = _file_names(srcset.constants)
        self.tables = {}
        self.budgets = {}
        self.build = None
        self.markers = []
        self.spans = []

    def drop(self, why, m):
        self.out.dropped.setdefault(why, []).append(m)

    def first_look(self, m, table):
        """classify.pre, plus: a MAYBE that cannot be built is dropped."""
        state, why = classify.pre(m.name, table, m.ctype, self.erref,
                                  self.file_names[m.file])
        if state == classify.MAYBE and why == classify.R_NOT_CODE:
            if self.build is None:
                self.build = builders(self.srcset.table)
            if not _may_be_built(m, self.build):
                state = classify.DROP
        return state, why

    def value(self, m, trace):
        budget = self.budgets.get(m.file)
        if budget is None:
            budget = self.budgets[m.file] = cexpr.Budget()
        return self.srcset.evaluate(m, trace, budget)

    def one(self, m):
        table = self.tables.get(m.file)
        if table is None:
            table = self.tables[m.file] = self.table_name(m.file)
        state, why = self.first_look(m, table)
        if state == classify.DROP:
            return self.drop(why, m)
        alias = _ALIAS.match(m.body) if why is None else None
        if alias and m.name not in self.erref and \
                classify.is_bound_alias(m.name, table, alias.group(1),
                                        self.file_names[m.file]):
            return self.drop(classify.R_MARKER, m)
        trace = set()
        try:
            value = self.value(m, trace)
        except cexpr.EvalError as e:
            if state != classify.KEEP:
                return self.drop(why, m)
            return self.out.unevaluated.append((m.origin, m.name, str(e)))
        marker = why == classify.R_MARKER
        if marker and any(classify.is_marker_name(n) for n in trace):
            return self.drop(why, m)
        keep, why = classify.post(state, why, m.name, value, trace, m.ctype)
        if not keep:
            return self.drop(why, m)
        if alias is None:
            alias = _ALIAS.match(m.body)
        cand = Cand(m.name, value, table,
                    classify.kind(m.name, table, value, trace, m.ctype),
                    m.origin, self.out.source, m.file,
                    classify.built_as(trace, m.ctype), m.doc,
                    alias.group(1) if alias else None, m.note)
        if marker:
            self.markers.append(cand)
        elif m.name not in self.erref and classify.span_partner(
                m.name, self.file_names[m.file]):
            self.spans.append(cand)
        else:
            self.out.cands.append(cand)
        ese = classify.ese_hresult(m.name, table, value)
        if ese is not None and not marker:
            self.out.cands.append(Cand(
                m.name, ese, table, "hresult", m.origin, self.out.source,
                m.file, "hresult", m.doc, None, m.note))


def collect(source, srcset, table_name, erref_names):
    """srcset: cheaders.HeaderSet or rustsrc.RustSet; table_name(relpath)."""
    c = _Collector(source, srcset, table_name, erref_names)
    for m in srcset.constants:
        c.one(m)
    _settle_spans(c.out, c.spans)
    _settle_markers(c.out, c.markers)
    return c.out


def _settle_spans(out, spans):
    """X_START/X_BEGIN and X_END of one file (classify.span_partner): a
    marker pair when both are kept and they lie more than one apart or
    bound another code of their file (FAX_ERR_START is the first fax
    code's value), else codes (NDIS_STATUS_RESET_START and _END)."""
    kept = {(c.sfile, c.name): c for c in spans}
    names, values = {}, {}
    for c in spans:
        names.setdefault(c.sfile, set()).add(c.name)
    for c in out.cands:
        values.setdefault(c.sfile, []).append(c.value)
    for c in spans:
        partner = kept.get((c.sfile, classify.span_partner(
            c.name, names[c.sfile])))
        if partner is not None:
            lo, hi = sorted((c.value, partner.value))
            if hi - lo > 1 or any(lo <= v <= hi
                                  for v in values.get(c.sfile, ())):
                out.dropped.setdefault(classify.R_MARKER, []).append(c)
                continue
        out.cands.append(c)


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
            out.dropped.setdefault(classify.R_MARKER, []).append(c)
        else:
            out.cands.append(c)
