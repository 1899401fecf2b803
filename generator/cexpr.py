"""Read #defines and enum members from C headers and evaluate their values.

This is not a C preprocessor: conditionals are ignored (every #define of
every branch is collected), #include is not followed.  It does enough to
turn the value side of the error-code headers into 32-bit numbers:

- comments, line continuations, CRLF; every #define (object- and
  function-like) and every enum member (implicit increments become
  "PREVIOUS + 1"), each with "file:line" and the comment block above it;
- macro expansion with hide sets, # and ## (so `__MSABI_LONG(x) x ## l`,
  `MAKE_HRESULT`, `_HRESULT_TYPEDEF_`, `MAKE_DDHRESULT`... expand as the
  headers define them; nothing is hard-coded here);
- integer constant expressions: literals with C (u, l, ll, i64) and Rust
  (u32, i32, 1_000) suffixes, char constants, casts (known Windows type
  sizes truncate; unknown typedefs such as `(NTSTATUS)` leave the value
  alone), unary + - ~ !, * / % + - << >> < > <= >= == != & ^ | && || ?:,
  and Rust's postfix `as TYPE` when lang="rust".

Values are computed with 64-bit two's-complement wrap-around and the final
result is masked to 32 bits.  Hostile input ends in EvalError, never a hang:
an expansion may push at most EXPANSION_BUDGET tokens and nest at most
MAX_DEPTH argument pre-expansions; shift counts are limited; a logical line
longer than MAX_LINE bytes is skipped with a diagnostic.
"""

import os
import re
from dataclasses import dataclass
from typing import Optional

from . import comments as _comments

EXPANSION_BUDGET = 200_000   # tokens one evaluation may push (macro bombs)
FILE_BUDGET = 2_000_000      # tokens all evaluations of one file may push
MAX_DEPTH = 64               # nested argument pre-expansions (F(F(F(...))))
MAX_LINE = 256 * 1024        # longest logical line read; real headers: ~6 KB
MAX_EXPR_TOKENS = 20_000     # longest expression the parser accepts

_MASK32 = 0xFFFFFFFF
_MASK64 = 0xFFFFFFFFFFFFFFFF


class EvalError(Exception):
    """An expression that cannot be evaluated; str() is the reason."""


class Budget:
    """Tokens a group of evaluations may still push: one per header file,
    so a file full of macro bombs costs seconds, not minutes (the largest
    real header, winerror.h, needs about a tenth of FILE_BUDGET)."""

    def __init__(self, limit=FILE_BUDGET):
        self.left = limit


# The rarely set fields of a Macro, in this order, with their defaults.
_MORE_FIELDS = ("variadic", "enum", "doc", "ctype", "note")
_NO_MORE = (False, False, (), "", "")
_shared_more = {}


def _more_tuple(more):
    """One shared tuple per combination without texts (enum members,
    winapi-rs's typed consts), so that 100,000 of them cost nothing."""
    if more == _NO_MORE:
        return None
    if more[2] or more[4]:
        return more
    return _shared_more.setdefault(more, more)


def _more_property(index, doc):
    def get(self):
        more = self._more
        return _NO_MORE[index] if more is None else more[index]

    def set(self, value):
        more = list(_NO_MORE if self._more is None else self._more)
        more[index] = value
        self._more = _more_tuple(tuple(more))
    return property(get, set, doc=doc)


class Macro:
    """A #define or an enum member (params None: object-like).

    Fields: name, params (tuple or None), body, file, line, and these,
    rarely set: variadic, enum, doc (comment texts directly above, top
    first), ctype (declared type: Rust consts, "" for C), note (its
    trailing comment's text, comments.py).  The rare ones share one slot
    (_more): with an SDK there are 600,000 Macros, and each slot is 5 MB.
    """

    __slots__ = ("name", "params", "body", "file", "line", "_tokens",
                 "_more")

    def __init__(self, name, params, body, file, line, variadic=False,
                 enum=False, doc=(), ctype="", note="", _tokens=None):
        self.name = name
        self.params = params
        self.body = body
        self.file = file
        self.line = line
        self._tokens = _tokens
        self._more = None
        if variadic or enum or doc or ctype or note:
            self._more = _more_tuple((variadic, enum, doc, ctype, note))

    variadic = _more_property(0, "True when the last parameter is ...")
    enum = _more_property(1, "True for an enum member")
    doc = _more_property(2, "Comment texts directly above, top first")
    ctype = _more_property(3, "Declared type (Rust consts), \"\" for C")
    note = _more_property(4, "Its trailing comment's text (comments.py)")

    def _fields(self):
        return (self.name, self.params, self.body, self.file, self.line,
                self._more or _NO_MORE, self._tokens)

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None

    def __repr__(self):
        more = self._more or _NO_MORE
        return "Macro(%s)" % ", ".join(
            "%s=%r" % kv for kv in zip(
                ("name", "params", "body", "file", "line") + _MORE_FIELDS,
                (self.name, self.params, self.body, self.file, self.line)
                + more))

    @property
    def origin(self):
        return "%s:%d" % (self.file, self.line)

    def tokens(self):
        if self._tokens is None:
            self._tokens = tokenize(self.body)
        return self._tokens


@dataclass
class ScanResult:
    macros: list            # every #define, in file order
    enums: list             # every enum member, as object-like Macros
    diagnostics: list       # "file:line: reason"


# ---- tokens -----------------------------------------------------------------

_TOKEN_RE = re.compile(r"""
    (L?"(?:[^"\\\n]|\\.)*"|L?'(?:[^'\\\n]|\\.)*')     # string / char
  | ([A-Za-z_$][\w$]*)                                 # identifier
  | (\.?[0-9](?:[eEpP][+-]|[\w.])*)                    # pp-number
  | (\#\#|<<=|>>=|\.\.\.|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||::
     |[-+*/%&|^~!<>=?:,;.()\[\]{}\#@])
  | (\S)
""", re.X)


def tokenize(text):
    """Split expression text into token strings (whitespace dropped)."""
    return [m.group(0) for m in _TOKEN_RE.finditer(text)]


def _is_ident(tok):
    c = tok[0]
    return (c.isalpha() or c == "_" or c == "$") and not (
        len(tok) > 1 and c == "L" and tok[1] in "\"'")


# ---- reading a header -------------------------------------------------------

# A comment's start, or a whole string or char constant (its closing quote
# optional: one cut off by the line's end ends there).
_SKIP_RE = re.compile(r"""/\*|//|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?""")
_DEFINE_HASH_RE = re.compile(r"#[ \t]*define\b")
# A directive line with its continuations, matched from the newline before
# it (a literal first character keeps the scan fast on 60 MB of headers).
_DIRECTIVE_RE = re.compile(r"\n[ \t]*#[^\n\\]*(?:\\(?:\n|.)[^\n\\]*)*")
_LONG_LINE_RE = re.compile(r"[^\n]{%d,}" % (MAX_LINE + 1))
_DEFNAME_RE = re.compile(r"([A-Za-z_$][\w$]*)(\()?")
# "enum" is preceded by no word character (\b, tested by _enum_at: with
# \b first the pattern has no literal prefix and is 25 times slower).
_ENUM_RE = re.compile(r"enum\b(?:\s+[A-Za-z_]\w*)?\s*\{")
_PARAM_RE = re.compile(r"[A-Za-z_$][\w$]*")
# MIDL's include guards (__IFoo_FWD_DEFINED__, __IFoo_INTERFACE_DEFINED__):
# empty, never in an expression; a WinRT header has thousands.
_MIDL_GUARD_RE = re.compile(r"__\w*_DEFINED__\Z")
_MEMBER_RE = re.compile(r"\s*([A-Za-z_]\w*)\s*(?:=(.*))?\Z", re.S)


def decode(data):
    """Bytes -> str: UTF-8 where valid, else latin-1 (never fails)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_sources(root, rels, diags):
    """(rel, text) of each readable file root/rel; an unreadable one becomes
    a "rel:0: cannot read" diagnostic and is skipped."""
    for rel in rels:
        try:
            with open(os.path.join(root, rel), "rb") as f:
                data = f.read()
        except OSError as e:
            diags.append("%s:0: cannot read: %s" % (rel, e.strerror or e))
            continue
        yield rel, decode(data)


def strip_comments(text, fname, diags, comments, starts=None):
    """Blank out comments (keeping their newlines), record them by end line
    in comments (a dict, or None when not wanted) and, when starts is a
    dict, the last one starting on each line by its start line: (start
    offset, end offset, body)."""
    out = []
    pos = 0      # text before pos is in out
    line = 1     # the line number at `counted`
    counted = 0
    n = len(text)
    no_close = n + 1  # no "*/" from here on: a failed search is not repeated
    search = _SKIP_RE.search
    find = text.find
    count = text.count
    at = 0
    while True:
        m = search(text, at)
        if m is None:
            break
        start = m.start()
        if text[start] != "/":  # a string or char constant: kept as it is
            at = m.end()
            continue
        out.append(text[pos:start])
        line += count("\n", counted, start)
        if text[start + 1] == "/":
            end = find("\n", start)
            end = n if end < 0 else end
            body = text[start + 2:end]
        else:
            end = find("*/", start + 2) if start < no_close else -1
            if end < 0:
                no_close = min(no_close, start)
                diags.append("%s:%d: unterminated /* comment; "
                             "ended at the end of its line" % (fname, line))
                end = find("\n", start)
                end = n if end < 0 else end
                body = text[start + 2:end]
            else:
                body = text[start + 2:end]
                end += 2
        nl = body.count("\n")
        if comments is not None:
            comments[line + nl] = (line, body)
        if starts is not None:
            starts[line] = (start, end, body)
        out.append(" " + "\n" * nl if nl else " ")
        line += nl
        counted = pos = at = end
    out.append(text[pos:])
    return "".join(out)


def _doc_for(line, comments):
    """The comment block ending on the lines right above `line`."""
    doc = []
    cur = line - 1
    while cur in comments and len(doc) < 8:
        start, body = comments[cur]
        doc.append(body.strip())
        cur = start - 1
    return tuple(reversed(doc))


def _parse_define(rest, fname, line, diags):
    m = _DEFNAME_RE.match(rest)
    if m is None:
        diags.append("%s:%d: #define without a macro name" % (fname, line))
        return None
    name = m.group(1)
    if not m.group(2):
        return Macro(name, None, rest[m.end():].strip(), fname, line)
    close = rest.find(")", m.end())
    if close < 0:
        diags.append("%s:%d: #define %s: unterminated parameter list"
                     % (fname, line, name))
        return None
    params = [p.strip() for p in rest[m.end():close].split(",")]
    if params == [""]:
        params = []
    variadic = bool(params) and params[-1].endswith("...")
    if variadic:
        params[-1] = params[-1][:-3].strip() or "__VA_ARGS__"
    for p in params:
        if not _PARAM_RE.fullmatch(p):
            diags.append("%s:%d: #define %s: bad parameter %r"
                         % (fname, line, name, p[:40]))
            return None
    return Macro(name, tuple(params), rest[close + 1:].strip(), fname, line,
                 variadic=variadic)


# A function-like #define with well-formed parameters (no "...") whose
# body, after the closing parenthesis, _never_evaluated drops for its "->".
_MEMBER_MACRO_RE = re.compile(
    r"[A-Za-z_$][\w$]*\(\s*(?:[A-Za-z_$][\w$]*\s*(?:,\s*[A-Za-z_$][\w$]*\s*)*)?\)")


def _blank(m):
    return "\n" * m.group(0).count("\n")


def _drop_long_lines(code, fname, diags):
    """Blank every line longer than MAX_LINE, with a diagnostic."""
    if len(code) <= MAX_LINE or max(map(len, code.split("\n"))) <= MAX_LINE:
        return code
    out = []
    pos = 0
    for m in _LONG_LINE_RE.finditer(code):
        line = code.count("\n", 0, m.start()) + 1
        diags.append("%s:%d: line of %d bytes is longer than the limit "
                     "of %d; skipped" % (fname, line, len(m.group(0)),
                                         MAX_LINE))
        out.append(code[pos:m.start()])
        pos = m.end()
    out.append(code[pos:])
    return "".join(out)


def _directive_end(code, pos):
    """End of the logical line starting at pos (continuations followed)."""
    end = code.find("\n", pos)
    while end > 0 and code[end - 1] == "\\":
        end = code.find("\n", end + 1)
    return len(code) if end < 0 else end


def _defines(code):
    """Yield (offset, text after 'define') of each #define directive."""
    end = 0
    for m in _DEFINE_HASH_RE.finditer(code):
        if m.start() < end:
            continue  # continues the directive before, as C reads it
        start = code.rfind("\n", 0, m.start()) + 1
        if code[start:m.start()].strip(" \t"):
            continue  # a '#' inside a line is not a directive
        end = _directive_end(code, m.end())
        yield start, code[m.end():end]


def scan(text, fname, want_doc=True):
    """Read one header's text: every #define and enum member, plus problems.
    Object-like ones get their trailing comment's text (comments.py)."""
    diags = []
    comments = {} if want_doc else None
    starts = {}
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    code = _drop_long_lines(strip_comments(text, fname, diags, comments,
                                           starts), fname, diags)
    macros = []
    line = 1
    pos = 0
    for start, ltext in _defines(code):
        line += code.count("\n", pos, start)
        pos = start
        if len(ltext) > MAX_LINE:
            diags.append("%s:%d: #define of %d bytes is longer than the limit "
                         "of %d; skipped" % (fname, line, len(ltext), MAX_LINE))
            continue
        last = line
        if "\\\n" in ltext:
            last += ltext.count("\n")
            ltext = ltext.replace("\\\n", " ")
        if ltext.endswith("\\"):  # a continuation cut off by the file's end
            ltext = ltext[:-1]
        ltext = ltext.lstrip(" \t")
        if "->" in ltext:  # _never_evaluated's member access, found early
            m = _MEMBER_MACRO_RE.match(ltext)
            if m and ltext.find("->", m.end()) >= 0:
                continue
        mac = _parse_define(ltext, fname, line, diags)
        if mac is not None and _never_evaluated(mac):
            continue
        if mac is not None:
            if want_doc and line - 1 in comments and mac.params is None:
                mac.doc = _doc_for(line, comments)
            if mac.params is None and mac.body and (
                    line in starts or last in starts or last + 1 in starts):
                mac.note = _comments.note(text, starts, mac.name, line, last)
            macros.append(mac)
    if "const" in code and (code.startswith(("const", "static")) or
                            "\nconst" in code or "\nstatic" in code):
        _typed_consts(code, text, starts, fname, macros)
    enums = []
    if "enum" in code:
        without = _DIRECTIVE_RE.sub(_blank, "\n" + code)[1:]
        enums = _scan_enums(without, fname, diags)
        if starts:
            for mac in enums:
                if mac.line in starts:
                    mac.note = _comments.note(text, starts, mac.name,
                                              mac.line, mac.line, enum=True)
    return ScanResult(macros, enums, diags)


# `const HRESULT NAME = MAKE_X_HRESULT(1);`: how pbdaerrors.h, imapierror.h,
# Mpeg2Error.h and activprof.h define their codes (C and C++ alike).
# Only at a line's start (file scope), and only integer types; the error
# types are kept as the constant's ctype.  `const unsigned int MPEG2_BASE
# = 0x200;` is such a file's base.
_TYPED_CONST_RE = re.compile(
    r"^(?:static[ \t]+)?const[ \t]+(HRESULT|SCODE|NTSTATUS|DWORD|ULONG|LONG"
    r"|UINT|INT|WORD|USHORT|SHORT|BYTE|(?:(?:unsigned|signed)[ \t]+)?"
    r"(?:int|long|short|char)|unsigned|signed)[ \t]+"
    r"([A-Za-z_]\w*)[ \t]*=[ \t]*([^;{}]*);", re.M)
_ERROR_TYPES = ("HRESULT", "SCODE", "NTSTATUS")


def _typed_consts(code, text, starts, fname, out):
    """File-scope constants declared with an error type (see above); the
    type is kept as the constant's ctype, as for Rust consts."""
    line, pos = 1, 0
    for m in _TYPED_CONST_RE.finditer(code):
        line += code.count("\n", pos, m.start())
        pos = m.start()
        body = " ".join(m.group(3).split())
        if not body:
            continue
        ctype = m.group(1) if m.group(1) in _ERROR_TYPES else ""
        mac = Macro(m.group(2), None, body, fname, line, ctype=ctype)
        last = line + m.group(0).count("\n")
        if starts and (line in starts or last in starts or last + 1 in starts):
            mac.note = _comments.note(text, starts, mac.name, line, last)
        out.append(mac)


def _never_evaluated(mac):
    """Macros no integer constant expression can use, not kept (they are
    most of a MIDL header): function-like ones that access members (`->`:
    COBJMACROS' `(This)->lpVtbl->Method(This)`), and MIDL's empty
    include guards."""
    if mac.params is not None:
        return "->" in mac.body
    return not mac.body and _MIDL_GUARD_RE.match(mac.name) is not None


def _split_top(body):
    """Split at commas outside parentheses; yields (offset, text)."""
    depth = 0
    start = 0
    for m in re.finditer(r"[(),]", body):
        c = m.group(0)
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth <= 0:
            yield start, body[start:m.start()]
            start = m.end()
    yield start, body[start:]


def _enum_at(code, pos):
    """The next _ENUM_RE match from pos that starts a word."""
    while True:
        m = _ENUM_RE.search(code, pos)
        if m is None:
            return None
        start = m.start()
        if start == 0:
            return m
        c = code[start - 1]
        if not (c.isalnum() or c == "_"):
            return m
        pos = start + 1


def _scan_enums(code, fname, diags):
    members = []
    pos = 0
    line = 1
    while True:
        m = _enum_at(code, pos)
        if m is None:
            return members
        line += code.count("\n", pos, m.end())
        close = code.find("}", m.end())
        if close < 0:
            diags.append("%s:%d: unterminated enum" % (fname, line))
            close = len(code)
        body = code[m.end():close]
        _enum_members(body, fname, line, diags, members)
        line += body.count("\n")
        pos = close


def _enum_members(body, fname, line, diags, out):
    prev = None
    mline, counted = line, 0  # lines counted on, not from the body's start
    for off, text in _split_top(body):
        lead = len(text) - len(text.lstrip())
        mline += body.count("\n", counted, off + lead)
        counted = off + lead
        if not text.strip():
            continue
        m = _MEMBER_RE.match(text)
        if m is None:
            diags.append("%s:%d: cannot read enum member %r"
                         % (fname, mline, " ".join(text.split())[:60]))
            prev = None
            continue
        name, value = m.group(1), m.group(2)
        if value is not None:
            expr = " ".join(value.split())
        elif prev is None:
            expr = "0"
        else:
            expr = "(%s) + 1" % prev
        out.append(Macro(name, None, expr, fname, mline, enum=True))
        prev = name


# ---- macro table and expansion ---------------------------------------------

class MacroTable:
    """Every macro by name.  Lookup prefers the evaluated entry's own file,
    then files in `preferred` order, then the first definition read.

    A name defined once (most of them) maps to its Macro itself, one
    defined more than once to a list of them: with an SDK the table holds
    600,000 macros, and a list for each name was 40 MB."""

    def __init__(self, preferred=()):
        self._by_name = {}
        self.rank = {f: i for i, f in enumerate(preferred)}
        # Optional callable name -> Macro or None, asked for names no header
        # here defines (mingw-w64 lacks FACILITY_OPC; winapi-rs has it).
        self.fallback = None
        self._fallback_cache = {}

    def add(self, mac):
        by_name = self._by_name
        defs = by_name.get(mac.name)
        if defs is None:
            by_name[mac.name] = mac
        elif defs.__class__ is list:
            defs.append(mac)
        else:
            by_name[mac.name] = [defs, mac]

    def add_all(self, macros):
        for mac in macros:
            self.add(mac)

    def defs(self, name):
        """The definitions of name, in the order read (a tuple or list)."""
        defs = self._by_name.get(name)
        if defs is None:
            return ()
        return defs if defs.__class__ is list else (defs,)

    def items(self):
        """(name, its definitions) for every name defined."""
        for name, defs in self._by_name.items():
            yield name, defs if defs.__class__ is list else (defs,)

    def __contains__(self, name):
        return name in self._by_name

    def lookup(self, name, fname):
        defs = self._by_name.get(name)
        if defs is None:
            if self.fallback is None:
                return None
            if name not in self._fallback_cache:
                self._fallback_cache[name] = self.fallback(name)
            return self._fallback_cache[name]
        if defs.__class__ is not list:
            return defs
        for d in defs:
            if d.file == fname:
                return d
        big = len(self.rank)
        return min(defs, key=lambda d: self.rank.get(d.file, big))


class _Expander:
    def __init__(self, table, fname, rust=False, shared=None):
        self.table = table
        self.fname = fname
        self.budget = EXPANSION_BUDGET
        self.shared = shared
        self.rust = rust
        self.seen = set()

    def spend(self, n):
        self.budget -= n
        if self.budget < 0:
            raise EvalError("macro expansion exceeds %d tokens "
                            "(recursive or exponential macro?)" % EXPANSION_BUDGET)
        if self.shared is not None:
            self.shared.left -= n
            if self.shared.left < 0:
                raise EvalError("the macros of this file expanded to more "
                                "than %d tokens in all; not evaluated"
                                % FILE_BUDGET)

    def expand(self, items, depth=0):
        """items: list of (token, hideset); returns the expanded list."""
        if depth > MAX_DEPTH:
            raise EvalError("macro arguments nested deeper than %d" % MAX_DEPTH)
        stack = items[::-1]
        out = []
        while stack:
            tok, hs = stack.pop()
            if not _is_ident(tok) or tok in hs:
                out.append((tok, hs))
                continue
            mac = self.table.lookup(tok, self.fname)
            if mac is None or (mac.params is not None and
                               (not stack or stack[-1][0] != "(")):
                out.append((tok, hs))
                continue
            nhs = hs | {tok}
            self.seen.add(tok)
            if mac.params is None:
                body = _paste(mac.tokens()) if "##" in mac.body else mac.tokens()
                self.spend(len(body))
                stack.extend((t, nhs) for t in reversed(body))
                continue
            args = self.collect_args(stack, mac)
            body = self.substitute(mac, args, depth)
            self.spend(len(body))
            stack.extend((t, nhs) for t in reversed(body))
        return out

    def collect_args(self, stack, mac):
        stack.pop()  # "("
        args = [[]]
        depth = 0
        nparams = len(mac.params)
        while stack:
            item = stack.pop()
            tok = item[0]
            if tok == "(":
                depth += 1
            elif tok == ")":
                if depth == 0:
                    if nparams == 0 and args == [[]]:
                        args = []
                    if len(args) != nparams and not (
                            mac.variadic and len(args) >= nparams - 1):
                        raise EvalError("macro %s takes %d arguments, got %d"
                                        % (mac.name, nparams, len(args)))
                    return args
                depth -= 1
            elif tok == "," and depth == 0 and not (
                    mac.variadic and len(args) >= nparams):
                args.append([])
                continue
            args[-1].append(item)
        raise EvalError("unterminated argument list of macro %s" % mac.name)

    def substitute(self, mac, args, depth):
        params = {p: i for i, p in enumerate(mac.params)}
        while len(args) < len(mac.params):
            args.append([])
        body = mac.tokens()
        expanded = {}
        out = []
        i = 0
        while i < len(body):
            tok = body[i]
            nxt = body[i + 1] if i + 1 < len(body) else None
            prv = body[i - 1] if i else None
            if tok == "#" and nxt in params and not self.rust:
                text = " ".join(t for t, _ in args[params[nxt]])
                out.append('"%s"' % text.replace("\\", "\\\\").replace('"', '\\"'))
                i += 2
                continue
            if tok in params:
                raw = args[params[tok]]
                if nxt == "##" or prv == "##":
                    out.extend(t for t, _ in raw)
                else:
                    idx = params[tok]
                    if idx not in expanded:
                        expanded[idx] = [t for t, _ in
                                         self.expand(list(raw), depth + 1)]
                    out.extend(expanded[idx])
                    self.spend(len(expanded[idx]))
            else:
                out.append(tok)
            i += 1
        return _paste(out) if "##" in out else out


def _paste(toks):
    """Apply ## (token pasting) to a substituted body."""
    out = []
    i = 0
    while i < len(toks):
        if toks[i] == "##" and out and i + 1 < len(toks):
            out[-1] = out[-1] + toks[i + 1]
            i += 2
            continue
        if toks[i] != "##":
            out.append(toks[i])
        i += 1
    return out


# ---- evaluation ------------------------------------------------------------

def _wrap64(v):
    v &= _MASK64
    return v - (1 << 64) if v >> 63 else v


def _sext(v, bits):
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >> (bits - 1) else v


# Cast target -> (bits, signed).  Types not listed leave the value alone.
_TYPES = {}
for _names, _spec in (
        ("BYTE UCHAR BOOLEAN u8 UINT8", (8, False)),
        ("CHAR INT8 i8", (8, True)),
        ("WORD USHORT WCHAR ATOM LANGID u16 UINT16", (16, False)),
        ("SHORT INT16 i16", (16, True)),
        ("LONG INT BOOL HRESULT NTSTATUS SCODE LONG32 INT32 i32 c_int c_long",
         (32, True)),
        ("DWORD ULONG UINT DWORD32 UINT32 ULONG32 u32 c_uint c_ulong",
         (32, False)),
        ("LONGLONG INT64 LONG64 __int64 i64 isize LONG_PTR INT_PTR",
         (64, True)),
        ("ULONGLONG UINT64 ULONG64 DWORD64 u64 usize ULONG_PTR UINT_PTR "
         "DWORD_PTR SIZE_T", (64, False))):
    for _n in _names.split():
        _TYPES[_n] = _spec
_C_WORDS = {"unsigned", "signed", "char", "short", "int", "long", "const",
            "volatile", "__int64", "__int32", "__int16", "__int8"}


def _cast_spec(words, pointer):
    if pointer:
        return (64, False)
    if any(w in _C_WORDS for w in words):
        unsigned = "unsigned" in words
        if "char" in words or "__int8" in words:
            bits = 8
        elif "short" in words or "__int16" in words:
            bits = 16
        elif words.count("long") >= 2 or "__int64" in words:
            bits = 64
        else:
            bits = 32
        return (bits, not unsigned)
    for w in reversed(words):
        if w in _TYPES:
            return _TYPES[w]
    return None


def _apply_cast(v, spec):
    if spec is None:
        return v
    bits, signed = spec
    return _sext(v, bits) if signed else v & ((1 << bits) - 1)


_INT_RE = re.compile(
    r"(0[xX][0-9a-fA-F_]+|0[bB][01_]+|[0-9][0-9_]*)"
    r"([uUlL]*|[iIuU](?:8|16|32|64|128|size)|[uU][iI]64)\Z")
_CHAR_ESC = {"n": 10, "t": 9, "r": 13, "0": 0, "a": 7, "b": 8, "f": 12,
             "v": 11, "\\": 92, "'": 39, '"': 34, "?": 63}


def parse_int(tok):
    """Integer literal -> int, or EvalError."""
    m = _INT_RE.match(tok)
    if m is None:
        raise EvalError("not an integer literal: %s" % tok[:40])
    digits = m.group(1).replace("_", "")
    if digits[:2] in ("0x", "0X"):
        v = int(digits[2:], 16)
    elif digits[:2] in ("0b", "0B"):
        v = int(digits[2:], 2)
    elif len(digits) > 1 and digits[0] == "0":
        if not re.fullmatch(r"[0-7]+", digits):
            raise EvalError("bad octal literal: %s" % tok[:40])
        v = int(digits, 8)
    else:
        v = int(digits)
    suf = m.group(2)
    if suf and suf[0] in "iI" and suf[1:] in ("8", "16", "32", "64"):
        return _sext(v, int(suf[1:]))
    return _wrap64(v)


def _parse_char(tok):
    body = tok[tok.index("'") + 1:-1] if tok.endswith("'") else None
    if not body:
        raise EvalError("bad character constant: %s" % tok[:40])
    v = 0
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            e = body[i + 1]
            if e == "x":
                m = re.match(r"[0-9a-fA-F]+", body[i + 2:])
                if not m:
                    raise EvalError("bad escape in %s" % tok[:40])
                c_val = int(m.group(0), 16) & 0xFF
                i += 2 + m.end()
            elif e in "01234567":
                m = re.match(r"[0-7]{1,3}", body[i + 1:])
                c_val = int(m.group(0), 8) & 0xFF
                i += 1 + m.end()
            else:
                c_val = _CHAR_ESC.get(e, ord(e))
                i += 2
        else:
            c_val = ord(c) & 0xFF
            i += 1
        v = (v << 8) | c_val
    return _wrap64(v)


_BINARY = [
    ("||",), ("&&",), ("|",), ("^",), ("&",), ("==", "!="),
    ("<", ">", "<=", ">="), ("<<", ">>"), ("+", "-"), ("*", "/", "%"),
]
_PREC = {op: i for i, ops in enumerate(_BINARY) for op in ops}
_OPERAND_START = {"(", "~", "!", "-", "+"}


def _cdiv(a, b):
    if b == 0:
        raise EvalError("division by zero")
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def _binop(op, a, b):
    if op in ("<<", ">>"):
        if b < 0 or b > 63:
            raise EvalError("shift count %d out of range" % b)
        return a << b if op == "<<" else a >> b
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return _cdiv(a, b)
    if op == "%":
        return a - _cdiv(a, b) * b
    if op == "&":
        return a & b
    if op == "|":
        return a | b
    if op == "^":
        return a ^ b
    return int({"==": a == b, "!=": a != b, "<": a < b, ">": a > b,
                "<=": a <= b, ">=": a >= b,
                "&&": bool(a) and bool(b), "||": bool(a) or bool(b)}[op])


class _Parser:
    def __init__(self, toks, rust=False):
        self.toks = toks
        self.i = 0
        self.rust = rust
        self.casts = set()

    def peek(self, k=0):
        j = self.i + k
        return self.toks[j] if j < len(self.toks) else None

    def take(self):
        tok = self.peek()
        if tok is None:
            raise EvalError("expression ends early")
        self.i += 1
        return tok

    def expect(self, tok):
        got = self.peek()
        if got != tok:
            raise EvalError("expected '%s', found %s" %
                            (tok, "end of expression" if got is None
                             else "'%s'" % got[:40]))
        self.i += 1

    def parse(self):
        if not self.toks:
            raise EvalError("empty expression")
        v = self.ternary()
        if self.peek() is not None:
            raise EvalError("unexpected '%s'" % self.peek()[:40])
        return v

    def ternary(self):
        cond = self.binary(0)
        if self.peek() != "?":
            return cond
        self.i += 1
        a = self.ternary()
        self.expect(":")
        b = self.ternary()
        return a if cond else b

    def binary(self, min_level):
        """Precedence climbing: one frame per operand, not per level."""
        v = self.cast_as()
        while True:
            level = _PREC.get(self.peek())
            if level is None or level < min_level:
                return v
            op = self.take()
            v = _wrap64(_binop(op, v, self.binary(level + 1)))

    def cast_as(self):
        v = self.unary()
        while self.rust and self.peek() == "as":
            self.i += 1
            words = []
            ptr = False
            while self.peek() is not None and (_is_ident(self.peek())
                                               or self.peek() == "*"):
                tok = self.take()
                if tok == "*":
                    ptr = True
                elif tok not in ("const", "mut"):
                    words.append(tok)
                if tok not in ("*", "const", "mut"):
                    break
            if not words:
                raise EvalError("'as' without a type")
            self.casts.update(words)
            v = _apply_cast(v, _cast_spec(words, ptr))
        return v

    def unary(self):
        tok = self.take()
        if tok == "-":
            return _wrap64(-self.unary())
        if tok == "+":
            return self.unary()
        if tok == "~" or (tok == "!" and self.rust):
            return ~self.unary()
        if tok == "!":
            return int(not self.unary())
        if tok == "(":
            cast = self.try_cast()
            if cast is not False:
                if cast is None and self.peek() in ("+", "-"):
                    raise EvalError("'(%s) %s' is ambiguous: an undefined "
                                    "name or an unknown type"
                                    % (self.toks[self.i - 2], self.peek()))
                return _apply_cast(self.unary(), cast)
            v = self.ternary()
            self.expect(")")
            return v
        return self.primary(tok)

    def try_cast(self):
        """After '(': if a type name and ')' follow, consume them."""
        j = self.i
        words = []
        ptr = False
        while j < len(self.toks) and (_is_ident(self.toks[j]) or
                                      self.toks[j] == "*"):
            if self.toks[j] == "*":
                ptr = True
            else:
                words.append(self.toks[j])
            j += 1
        if self.rust or not words or j >= len(self.toks) or self.toks[j] != ")":
            return False
        after = self.toks[j + 1] if j + 1 < len(self.toks) else None
        if after is None or not (after in _OPERAND_START or
                                 after[0].isalnum() or after[0] in "_'$"):
            return False
        self.i = j + 1
        self.casts.update(words)
        return _cast_spec(words, ptr)

    def primary(self, tok):
        c = tok[0]
        if c.isdigit() or (c == "." and len(tok) > 1):
            return parse_int(tok)
        if c == "'" or tok.startswith("L'"):
            return _parse_char(tok)
        if c == '"' or tok.startswith('L"'):
            raise EvalError("a string, not a number")
        if _is_ident(tok):
            if tok == "sizeof":
                raise EvalError("sizeof is not supported")
            raise EvalError("'%s' is not defined" % tok)
        raise EvalError("unexpected '%s'" % tok[:40])


def evaluate_tokens(toks, table, fname, rust=False, hide=(), trace=None,
                    budget=None):
    """Expand macros in `toks` (as seen from file fname) and evaluate.

    Returns the value masked to 32 bits; raises EvalError with the reason.
    `hide` names macros not to expand (the one being evaluated).  A set
    passed as `trace` receives the names of the macros expanded and the
    words of the casts applied (how the value was built).  `budget`, a
    Budget shared by several evaluations, caps their expansions together.
    """
    exp = _Expander(table, fname, rust, budget)
    hs = frozenset(hide)
    items = exp.expand([(t, hs) for t in toks])
    if len(items) > MAX_EXPR_TOKENS:
        raise EvalError("expression of %d tokens is too long" % len(items))
    parser = _Parser([t for t, _ in items], rust)
    try:
        value = parser.parse() & _MASK32
    except RecursionError:
        raise EvalError("expression nested too deeply") from None
    if trace is not None:
        trace.update(exp.seen)
        trace.update(parser.casts)
    return value


def evaluate_macro(mac, table, rust=False, trace=None, budget=None):
    """The 32-bit value of an object-like macro or enum member."""
    if mac.params is not None:
        raise EvalError("function-like macro")
    # Tokens cached only when an expansion needed them before: most
    # constants are evaluated once, and 100,000 cached lists are 50 MB.
    toks = mac._tokens if mac._tokens is not None else tokenize(mac.body)
    return evaluate_tokens(toks, table, mac.file, rust, (mac.name,),
                           trace, budget)


def evaluate_text(text, table=None, fname="", rust=False):
    """Convenience for tests and callers: evaluate an expression string."""
    return evaluate_tokens(tokenize(text), table or MacroTable(), fname, rust)
