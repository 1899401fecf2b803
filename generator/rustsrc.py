"""Read the constants of winapi-rs (librust-winapi-dev) as header tables.

winapi-rs mirrors the Windows SDK one source file per header, so
src/shared/winerror.rs is table "winerror.h" and src/um/d3d9.rs is
"d3d9.h".  It holds codes newer than mingw-w64's headers and tells which
SDK header defines a name.

Read: `pub const NAME: TYPE = EXPR;` (EXPR may span lines and use other
consts, `as` casts, and macros such as `MAKE_HRESULT!(...)`) and the
`macro_rules!` whose first arm takes only `$x:expr` parameters (the
value helpers in macros.rs: MAKE_HRESULT, AUDCLNT_ERR, HIDP_ERROR_CODES...).
Not read: ENUM!{} members (typed enums; none is an error code), struct
or string consts (kept as candidates; they fail evaluation and the
classifier drops them by type first).
"""

import os
import re

from . import cexpr

MAX_TYPE = 128  # longest type a const is read with; winapi's: a few words

# Up to the '=': the type is short, so a file of consts without '=' or ';'
# costs a bounded look at each (one repeat, so no backtracking between
# blanks and type); the value runs to the next ';' (_consts).
_CONST_HEAD_RE = re.compile(
    r"\bpub\s+const\s+([A-Za-z_]\w*)\s*:([^=;]{0,%d})=" % MAX_TYPE)
_MACRO_RE = re.compile(r"\bmacro_rules!\s*([A-Za-z_]\w*)\s*\{")
_ARM_RE = re.compile(r"\s*\(([^()]*)\)\s*=>\s*([{(])", re.S)
_PARAM_RE = re.compile(r"\$([A-Za-z_]\w*)\s*:\s*expr\Z")
_BANG_CALL = re.compile(r"([A-Za-z_]\w*)!\s*(?=[(\[{])")

PREFERRED = ("shared/winerror.rs", "shared/ntstatus.rs", "macros.rs")


def table_name(relpath):
    """shared/winerror.rs -> winerror.h"""
    return os.path.splitext(os.path.basename(relpath))[0] + ".h"


class RustSet:
    def __init__(self, root):
        self.root = root
        self.files = []
        self.constants = []
        self.diagnostics = []
        self.table = cexpr.MacroTable()

    def evaluate(self, mac, trace=None, budget=None):
        return cexpr.evaluate_macro(mac, self.table, rust=True, trace=trace,
                                    budget=budget)


def source_files(root):
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for f in filenames:
            if f.endswith(".rs"):
                found.append(os.path.relpath(os.path.join(dirpath, f), root)
                             .replace(os.sep, "/"))
    return sorted(found)


def _rustify(expr):
    """Rust expression text -> text cexpr tokenizes: NAME!(..) -> NAME(..),
    $crate::a::b::NAME -> NAME, $x -> x."""
    expr = _BANG_CALL.sub(r"\1", expr)
    expr = re.sub(r"\$crate(?:::\w+)*::", "", expr)
    expr = re.sub(r"\b(?:\w+::)+(?=\w)", "", expr)
    return expr.replace("$", "")


def _closers(text, open_c, close_c):
    """{index of each open_c: index just past the close_c that closes it},
    in one pass, so a file of unclosed macros costs no rescan for each."""
    pairs, stack = {}, []
    for m in re.finditer(re.escape(open_c) + "|" + re.escape(close_c), text):
        if m.group(0) == open_c:
            stack.append(m.start())
        elif stack:
            pairs[stack.pop()] = m.end()
    return pairs


def _line_at(text, pos, cache):
    last_pos, last_line = cache
    line = last_line + text.count("\n", last_pos, pos)
    cache[:] = [pos, line]
    return line


def _consts(text):
    """(head match, its value) of each `pub const NAME: TYPE = VALUE;`, or
    (head match, None) for one with no ';' before the end (then the last).
    Each ';' is searched for once: a file of consts without them is read
    in one pass, not once per const."""
    pos = 0
    while True:
        m = _CONST_HEAD_RE.search(text, pos)
        if m is None:
            return
        if not m.group(2).strip():  # no type: not a const item
            pos = m.end()
            continue
        semi = text.find(";", m.end())
        if semi < 0:
            yield m, None
            return
        yield m, text[m.end():semi]
        pos = semi + 1


def scan_text(text, rel, diags):
    """Consts and value macros of one .rs file, as cexpr Macros."""
    out = []
    cache = [0, 1]
    brackets = {}
    for m in _MACRO_RE.finditer(text):
        line = _line_at(text, m.start(), cache)
        mac = _macro_rules(text, m, rel, line, brackets)
        if mac is not None:
            out.append(mac)
    cache = [0, 1]
    for m, value in _consts(text):
        line = _line_at(text, m.start(), cache)
        if value is None:
            diags.append("%s:%d: const %s: no ';' before the end of the file"
                         % (rel, line, m.group(1)))
            break
        expr = " ".join(value.split())
        if len(expr) > cexpr.MAX_LINE:
            diags.append("%s:%d: const %s: expression of %d bytes is too long"
                         % (rel, line, m.group(1), len(expr)))
            continue
        out.append(cexpr.Macro(m.group(1), None, _rustify(expr), rel, line,
                               ctype=" ".join(m.group(2).split())))
    return out


def _macro_rules(text, m, rel, line, brackets):
    """First arm of a macro_rules! whose parameters are all `$x:expr`.
    brackets caches _closers per bracket kind for the file."""
    arm = _ARM_RE.match(text, m.end())
    if arm is None:
        return None
    params = []
    for p in arm.group(1).split(","):
        p = p.strip()
        if not p:
            continue
        pm = _PARAM_RE.match(p)
        if pm is None:
            return None
        params.append(pm.group(1))
    open_c = arm.group(2)
    if open_c not in brackets:
        brackets[open_c] = _closers(text, open_c, "}" if open_c == "{" else ")")
    close = brackets[open_c].get(arm.end() - 1, -1)
    if close < 0:
        return None
    body = " ".join(text[arm.end():close - 1].split()).rstrip(";")
    return cexpr.Macro(m.group(1), tuple(params), _rustify(body), rel, line)


def read_dir(root):
    rs = RustSet(root)
    rs.files = source_files(root)
    macros = []
    for rel, text in cexpr.read_sources(root, rs.files, rs.diagnostics):
        comments = {}
        text = text.replace("\r\n", "\n")
        code = cexpr.strip_comments(text, rel, rs.diagnostics, comments)
        macros.extend(scan_text(code, rel, rs.diagnostics))
    preferred = [f for f in PREFERRED if f in rs.files]
    rs.table = cexpr.MacroTable(preferred)
    rs.table.add_all(macros)
    rs.constants = [m for m in macros if m.params is None]
    return rs
